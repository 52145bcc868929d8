"""Treatments: a page's marks, and the zoom region if there is one, saved under a name (a marked-up view) to show
again later in the hearing, as trial presentation software calls it. A treatment keeps copies of the marks' shapes,
not the marks: clearing or redrawing the page leaves it as it was saved.

Showing one puts its shapes in place of the page's marks (courtroom.marks.Marks.replace_page: every delete and add
audited, in one transaction with the ``treatment_shown`` entry, the page changing once), then previews the page with
its region for the presenter to publish, or publishes it through Presentation.publish, under the same rules as any
publish (the presiding judge's approval, restriction, the kill switch).

Names are 1..100 characters (spaces trimmed and collapsed) and unique in a hearing, whatever the case: the bench
lists the hearing's treatments by name, and two alike would be one too many to choose from. A deleted treatment
keeps its row for the record and frees its name. A page without marks cannot be saved: showing it would only
clear the page."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from . import audit
from .errors import Conflict, InvalidInput, NotFound
from .events import Event
from .exhibits import Exhibits
from .hearings import Hearings, clean_text
from .marks import Mark, Marks, MarkShape, parse_mark
from .presentation import Presentation
from .presentation_state import PresentationState, Region
from .roles import Action, may, require
from .store import Store
from .users import User

MAX_NAME = 100


@dataclass(slots=True, kw_only=True, frozen=True)
class Treatment:
    id: int
    hearing_id: int
    exhibit_id: int
    page: int
    name: str
    region: Region | None
    shapes: tuple[MarkShape, ...]
    author: str
    created_at: str

    def to_api(self) -> dict[str, Any]:
        return {'id': self.id, 'hearing_id': self.hearing_id, 'exhibit_id': self.exhibit_id, 'page': self.page,
                'name': self.name, 'region': list(self.region.as_tuple()) if self.region else None,
                'marks': [s.to_json() for s in self.shapes], 'author': self.author, 'created_at': self.created_at}


@dataclass(slots=True, frozen=True)
class ShownTreatment:
    """What showing a treatment did: the marks now on the page, and the presentation's state when it was published
    (None when it was only previewed)."""

    treatment: Treatment
    marks: tuple[Mark, ...]
    state: PresentationState | None


def treatment_name(name: object) -> str:
    """The name as kept: trimmed, 1..100 characters. Pure."""
    return clean_text('name', name if isinstance(name, str) else None, MAX_NAME)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec='microseconds')


def _treatment(row: Any) -> Treatment:
    region = json.loads(row['region']) if row['region'] else None
    shapes = tuple(parse_mark(s['kind'], s['points'], s['color'], s['text']) for s in json.loads(row['shapes']))
    return Treatment(id=row['id'], hearing_id=row['hearing_id'], exhibit_id=row['exhibit_id'], page=row['page'],
                     name=row['name'], region=Region.parse(region), shapes=shapes, author=row['author'],
                     created_at=row['created_at'])


def _details(treatment: Treatment) -> dict[str, Any]:
    return {'treatment_id': treatment.id, 'name': treatment.name, 'exhibit_id': treatment.exhibit_id,
            'page': treatment.page, 'region': list(treatment.region.as_tuple()) if treatment.region else None}


class Treatments:
    def __init__(self, store: Store, hearings: Hearings, exhibits: Exhibits, marks: Marks,
                 presentation: Presentation) -> None:
        self._store = store
        self._hearings = hearings
        self._exhibits = exhibits
        self._marks = marks
        self._presentation = presentation
        self.changed: Event[int] = Event()  # a hearing's list of treatments changed (saved or deleted)

    def save(self, hearing_id: int, user: User, *, name: object, exhibit_id: int, page: int,
             region: Region | list[float] | None = None) -> Treatment:
        """The page's marks as they are now, and ``region``, under ``name``; audited ``treatment_saved``."""
        require(user.role, Action.MARK)
        self._hearings.get(hearing_id)
        exhibit = self._exhibits.get(exhibit_id)
        if exhibit.hearing_id != hearing_id:
            raise NotFound('exhibit_not_found', exhibit_id=exhibit_id)
        self._exhibits.check_page(exhibit, page)
        clean = treatment_name(name)
        zoom = region if isinstance(region, Region) or region is None else Region.parse(region)
        at = _now()
        with self._store.transaction() as db:
            taken = {r[0].casefold() for r in db.execute(
                'SELECT name FROM treatments WHERE hearing_id = ? AND deleted_at IS NULL', (hearing_id,))}
            if clean.casefold() in taken:
                raise Conflict('treatment_name_taken', name=clean)
            rows = db.execute('SELECT kind, points, color, text FROM marks WHERE hearing_id = ? AND exhibit_id = ?'
                              ' AND page = ? AND deleted_at IS NULL ORDER BY id',
                              (hearing_id, exhibit_id, page)).fetchall()
            if not rows:
                raise InvalidInput('treatment_no_marks', page=page)
            shapes = tuple(parse_mark(r['kind'], json.loads(r['points']), r['color'], r['text']) for r in rows)
            cursor = db.execute(
                'INSERT INTO treatments (hearing_id, exhibit_id, page, name, region, shapes, author, created_at)'
                ' VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
                (hearing_id, exhibit_id, page, clean, json.dumps(list(zoom.as_tuple())) if zoom else None,
                 json.dumps([s.to_json() for s in shapes], ensure_ascii=False), user.username, at))
            treatment = Treatment(id=int(cursor.lastrowid or 0), hearing_id=hearing_id, exhibit_id=exhibit_id,
                                  page=page, name=clean, region=zoom, shapes=shapes, author=user.username,
                                  created_at=at)
            audit.append(db, hearing_id, user.username, 'treatment_saved',
                         {**_details(treatment), 'marks': [s.to_json() for s in shapes]})
        self.changed.emit(hearing_id)
        return treatment

    def get(self, treatment_id: int) -> Treatment:
        with self._store.read() as db:
            row = db.execute('SELECT * FROM treatments WHERE id = ? AND deleted_at IS NULL',
                             (treatment_id,)).fetchone()
        if row is None:
            raise NotFound('treatment_not_found', treatment_id=treatment_id)
        return _treatment(row)

    def of_hearing(self, hearing_id: int) -> list[Treatment]:
        """The hearing's treatments, oldest first."""
        self._hearings.get(hearing_id)
        with self._store.read() as db:
            rows = db.execute('SELECT * FROM treatments WHERE hearing_id = ? AND deleted_at IS NULL ORDER BY id',
                              (hearing_id,)).fetchall()
        return [_treatment(r) for r in rows]

    def show(self, treatment_id: int, user: User, *, publish: bool = False) -> ShownTreatment:
        """The treatment's marks in place of the page's, then its page and region previewed (for a user who may
        preview) and, with ``publish``, published."""
        require(user.role, Action.MARK)
        if publish:
            require(user.role, Action.PUBLISH)  # refused before anything changes
        treatment = self.get(treatment_id)

        def shown(db: sqlite3.Connection, added: list[Mark]) -> None:
            audit.append(db, treatment.hearing_id, user.username, 'treatment_shown',
                         {**_details(treatment), 'mark_ids': [m.id for m in added], 'publish': publish})

        marks = self._marks.replace_page(treatment.hearing_id, user, treatment.exhibit_id, treatment.page,
                                         list(treatment.shapes), also=shown)
        if may(user.role, Action.PREVIEW):  # published or not, the bench's preview goes to the page shown
            self._presentation.set_preview(treatment.hearing_id, user, treatment.exhibit_id, treatment.page,
                                           treatment.region)
        state = None
        if publish:
            state = self._presentation.publish(treatment.hearing_id, user, treatment.exhibit_id, treatment.page,
                                               treatment.region)
        return ShownTreatment(treatment, tuple(marks), state)

    def delete(self, treatment_id: int, user: User) -> Treatment:
        require(user.role, Action.MARK)
        with self._store.transaction() as db:
            row = db.execute('SELECT * FROM treatments WHERE id = ? AND deleted_at IS NULL',
                             (treatment_id,)).fetchone()
            if row is None:
                raise NotFound('treatment_not_found', treatment_id=treatment_id)
            treatment = _treatment(row)
            db.execute('UPDATE treatments SET deleted_at = ?, deleted_by = ? WHERE id = ?',
                       (_now(), user.username, treatment_id))
            audit.append(db, treatment.hearing_id, user.username, 'treatment_deleted', _details(treatment))
        self.changed.emit(treatment.hearing_id)
        return treatment
