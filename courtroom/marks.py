"""Marks on a page: highlights, pen strokes, arrows, rectangles, ellipses and text callouts that the bench draws over
an exhibit page during a hearing. They are vector data in page-normalised coordinates (0..1 from the page's top
left), drawn by each screen over the page image; they are overlays, never changes to the evidence (DESIGN.md §3,
rule 4), and every add and delete is in the audit chain with the mark's data.

``parse_mark`` is the pure rule for what a mark may be; ``Marks`` stores them and announces a page's changes on
``changed`` for the screens that show it."""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from . import audit
from .errors import InvalidInput, NotFound
from .events import Event
from .exhibits import Exhibits
from .hearings import Hearings
from .roles import Action, require
from .store import Store
from .users import User

MAX_POINTS = 10_000
MAX_TEXT = 500


class MarkKind(StrEnum):
    HIGHLIGHT = 'highlight'  # two points: a translucent rectangle; more: a translucent free stroke
    PEN = 'pen'
    ARROW = 'arrow'  # from its first point to its last
    RECT = 'rect'  # two corners
    ELLIPSE = 'ellipse'  # the two corners of its bounding box
    TEXT = 'text'  # a callout: the two corners of its box, and its text


class MarkColor(StrEnum):
    YELLOW = 'yellow'
    RED = 'red'
    GREEN = 'green'
    BLUE = 'blue'
    BLACK = 'black'


# how many points each kind needs: (at least, at most)
_POINTS: dict[MarkKind, tuple[int, int]] = {
    MarkKind.HIGHLIGHT: (2, MAX_POINTS),
    MarkKind.PEN: (1, MAX_POINTS),
    MarkKind.ARROW: (2, MAX_POINTS),
    MarkKind.RECT: (2, 2),
    MarkKind.ELLIPSE: (2, 2),
    MarkKind.TEXT: (2, 2),
}

Point = tuple[float, float]


@dataclass(slots=True, kw_only=True, frozen=True)
class MarkShape:
    """What a mark draws, checked: the part of a mark that comes from the user."""

    kind: MarkKind
    points: tuple[Point, ...]
    color: MarkColor
    text: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {'kind': self.kind.value, 'points': [list(p) for p in self.points], 'color': self.color.value,
                'text': self.text}


@dataclass(slots=True, kw_only=True, frozen=True)
class Mark:
    id: int
    hearing_id: int
    exhibit_id: int
    page: int
    shape: MarkShape
    author: str
    created_at: str

    @property
    def kind(self) -> MarkKind:
        return self.shape.kind

    def to_api(self) -> dict[str, Any]:
        return {'id': self.id, 'hearing_id': self.hearing_id, 'exhibit_id': self.exhibit_id, 'page': self.page,
                **self.shape.to_json(), 'author': self.author, 'created_at': self.created_at}

    def to_draw(self) -> dict[str, Any]:
        """What a screen needs to draw it, and no more (no author)."""
        return {'id': self.id, **self.shape.to_json()}


@dataclass(slots=True, frozen=True)
class PageMarks:
    """A page's marks at one revision of all marks: a screen that gets two answers in the wrong order keeps the
    newer one."""

    revision: int
    marks: tuple[Mark, ...]


@dataclass(slots=True, frozen=True)
class MarksChange:
    """The marks of one page of one hearing changed."""

    hearing_id: int
    exhibit_id: int
    page: int


def _point(value: object, index: int) -> Point:
    if not isinstance(value, list | tuple) or len(value) != 2:
        raise InvalidInput('bad_mark_point', index=index, point=_short(value))
    x, y = value
    for c in (x, y):
        if isinstance(c, bool) or not isinstance(c, int | float) or not math.isfinite(c):
            raise InvalidInput('bad_mark_point', index=index, point=_short(value))
    if not (0 <= x <= 1 and 0 <= y <= 1):
        raise InvalidInput('mark_point_outside', index=index, point=_short(value))
    return float(x), float(y)


def _short(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 40 else text[:39] + '…'


def parse_mark(kind: str, points: object, color: str | None = None, text: str | None = None) -> MarkShape:
    """Check what a user asks to draw, naming the first thing wrong with it. Pure."""
    try:
        mark_kind = MarkKind(kind)
    except ValueError:
        raise InvalidInput('bad_mark_kind', kind=kind, kinds=', '.join(k.value for k in MarkKind)) from None
    if color is None:
        mark_color = MarkColor.YELLOW if mark_kind is MarkKind.HIGHLIGHT else MarkColor.RED
    else:
        try:
            mark_color = MarkColor(color)
        except ValueError:
            raise InvalidInput('bad_mark_color', color=color,
                               colors=', '.join(c.value for c in MarkColor)) from None
    if not isinstance(points, list | tuple) or not points:
        raise InvalidInput('mark_empty', kind=mark_kind.value)
    if len(points) > MAX_POINTS:
        raise InvalidInput('mark_too_many_points', count=len(points), max=MAX_POINTS)
    least, most = _POINTS[mark_kind]
    if not least <= len(points) <= most:
        raise InvalidInput('mark_point_count', kind=mark_kind.value, count=len(points),
                           needed=str(least) if least == most else f'{least}–{most}')
    checked = tuple(_point(p, i) for i, p in enumerate(points))
    if text is not None and len(text) > MAX_TEXT:
        raise InvalidInput('field_too_long', field='text', max=MAX_TEXT)
    if mark_kind is MarkKind.TEXT:
        if not (text or '').strip():
            raise InvalidInput('mark_needs_text')
    else:
        text = None  # only a callout carries text; a stray one is not kept
    return MarkShape(kind=mark_kind, points=checked, color=mark_color, text=text)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec='microseconds')


def _mark(row: Any) -> Mark:
    shape = MarkShape(kind=MarkKind(row['kind']), points=tuple((p[0], p[1]) for p in json.loads(row['points'])),
                      color=MarkColor(row['color']), text=row['text'])
    return Mark(id=row['id'], hearing_id=row['hearing_id'], exhibit_id=row['exhibit_id'], page=row['page'],
                shape=shape, author=row['author'], created_at=row['created_at'])


class Marks:
    """The marks of every hearing. Deleting a mark keeps its row (with who deleted it, and when) for the record."""

    def __init__(self, store: Store, hearings: Hearings, exhibits: Exhibits) -> None:
        self._store = store
        self._hearings = hearings
        self._exhibits = exhibits
        self.changed: Event[MarksChange] = Event()
        self._revision = 0  # counts every change since start; read and written under the store's lock
        # the pages' marks as last read, so a screen's publish needs no database read for them: filled and emptied
        # under the store's lock, so an entry is never older than the last change to its page
        self._pages: dict[tuple[int, int, int], PageMarks] = {}

    def add(self, hearing_id: int, user: User, *, exhibit_id: int, page: int, kind: str, points: object,
            color: str | None = None, text: str | None = None) -> Mark:
        require(user.role, Action.MARK)
        self._hearings.get(hearing_id)
        exhibit = self._exhibits.get(exhibit_id)
        if exhibit.hearing_id != hearing_id:
            raise NotFound('exhibit_not_found', exhibit_id=exhibit_id)
        self._exhibits.check_page(exhibit, page)
        shape = parse_mark(kind, points, color, text)
        at = _now()
        with self._store.transaction() as db:
            cursor = db.execute(
                'INSERT INTO marks (hearing_id, exhibit_id, page, kind, points, color, text, author, created_at)'
                ' VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
                (hearing_id, exhibit_id, page, shape.kind.value, json.dumps([list(p) for p in shape.points]),
                 shape.color.value, shape.text, user.username, at))
            mark = Mark(id=int(cursor.lastrowid or 0), hearing_id=hearing_id, exhibit_id=exhibit_id, page=page,
                        shape=shape, author=user.username, created_at=at)
            audit.append(db, hearing_id, user.username, 'mark_added', _details(mark))
            self._changed_in(hearing_id, exhibit_id, page)
        self.changed.emit(MarksChange(hearing_id, exhibit_id, page))
        return mark

    def get(self, mark_id: int) -> Mark:
        with self._store.read() as db:
            row = db.execute('SELECT * FROM marks WHERE id = ? AND deleted_at IS NULL', (mark_id,)).fetchone()
        if row is None:
            raise NotFound('mark_not_found', mark_id=mark_id)
        return _mark(row)

    def of_page(self, hearing_id: int, exhibit_id: int, page: int) -> list[Mark]:
        """The page's marks in this hearing, oldest first (the order they are drawn in)."""
        with self._store.read() as db:
            rows = db.execute('SELECT * FROM marks WHERE hearing_id = ? AND exhibit_id = ? AND page = ?'
                              ' AND deleted_at IS NULL ORDER BY id', (hearing_id, exhibit_id, page)).fetchall()
        return [_mark(r) for r in rows]

    def of_hearing(self, hearing_id: int) -> list[Mark]:
        """Every mark of the hearing, by exhibit and page, oldest first (for the record)."""
        with self._store.read() as db:
            rows = db.execute('SELECT * FROM marks WHERE hearing_id = ? AND deleted_at IS NULL'
                              ' ORDER BY exhibit_id, page, id', (hearing_id,)).fetchall()
        return [_mark(r) for r in rows]

    def page(self, hearing_id: int, exhibit_id: int, page: int) -> PageMarks:
        """``of_page`` with the revision it was read at."""
        key = (hearing_id, exhibit_id, page)
        with self._store.read():
            if (known := self._pages.get(key)) is None:
                known = self._pages[key] = PageMarks(self._revision, tuple(self.of_page(hearing_id, exhibit_id,
                                                                                             page)))
            return known

    def known_page(self, hearing_id: int, exhibit_id: int, page: int) -> PageMarks | None:
        """``page`` if it is at hand without reading the database (for the event loop), else None."""
        return self._pages.get((hearing_id, exhibit_id, page))

    def of_exhibit_page(self, exhibit_id: int, page: int) -> list[Mark]:
        """The page's marks, in the hearing its exhibit belongs to; 404 for an unknown exhibit or page."""
        exhibit = self._exhibits.get(exhibit_id)
        self._exhibits.check_page(exhibit, page)
        return self.of_page(exhibit.hearing_id, exhibit_id, page)

    def delete(self, mark_id: int, user: User) -> Mark:
        require(user.role, Action.MARK)
        with self._store.transaction() as db:
            row = db.execute('SELECT * FROM marks WHERE id = ? AND deleted_at IS NULL', (mark_id,)).fetchone()
            if row is None:
                raise NotFound('mark_not_found', mark_id=mark_id)
            mark = _mark(row)
            db.execute('UPDATE marks SET deleted_at = ?, deleted_by = ? WHERE id = ?', (_now(), user.username,
                                                                                        mark_id))
            audit.append(db, mark.hearing_id, user.username, 'mark_deleted', _details(mark))
            self._changed_in(mark.hearing_id, mark.exhibit_id, mark.page)
        self.changed.emit(MarksChange(mark.hearing_id, mark.exhibit_id, mark.page))
        return mark

    def _changed_in(self, hearing_id: int, exhibit_id: int, page: int) -> None:
        """Inside the change's transaction (under the store's lock)."""
        self._revision += 1
        self._pages.pop((hearing_id, exhibit_id, page), None)

    def clear_page(self, hearing_id: int, user: User, exhibit_id: int, page: int) -> list[Mark]:
        """Delete every mark of a page in this hearing at once, each audited; the page changes once."""
        require(user.role, Action.MARK)
        at = _now()
        with self._store.transaction() as db:
            rows = db.execute('SELECT * FROM marks WHERE hearing_id = ? AND exhibit_id = ? AND page = ?'
                              ' AND deleted_at IS NULL ORDER BY id', (hearing_id, exhibit_id, page)).fetchall()
            cleared = [_mark(r) for r in rows]
            for mark in cleared:
                db.execute('UPDATE marks SET deleted_at = ?, deleted_by = ? WHERE id = ?', (at, user.username,
                                                                                            mark.id))
                audit.append(db, hearing_id, user.username, 'mark_deleted', _details(mark))
            if cleared:
                self._changed_in(hearing_id, exhibit_id, page)
        if cleared:
            self.changed.emit(MarksChange(hearing_id, exhibit_id, page))
        return cleared

    def replace_page(self, hearing_id: int, user: User, exhibit_id: int, page: int, shapes: list[MarkShape], *,
                     also: Callable[[sqlite3.Connection, list[Mark]], None] | None = None) -> list[Mark]:
        """Put ``shapes`` in place of the page's marks (a saved treatment shown again): each delete and add audited
        as marks are, and ``also`` (the caller's own audit entry) in the same transaction; the page changes once.
        The caller has checked the page and the shapes."""
        require(user.role, Action.MARK)
        at = _now()
        with self._store.transaction() as db:
            rows = db.execute('SELECT * FROM marks WHERE hearing_id = ? AND exhibit_id = ? AND page = ?'
                              ' AND deleted_at IS NULL ORDER BY id', (hearing_id, exhibit_id, page)).fetchall()
            for mark in map(_mark, rows):
                db.execute('UPDATE marks SET deleted_at = ?, deleted_by = ? WHERE id = ?', (at, user.username,
                                                                                            mark.id))
                audit.append(db, hearing_id, user.username, 'mark_deleted', _details(mark))
            added = []
            for shape in shapes:
                cursor = db.execute(
                    'INSERT INTO marks (hearing_id, exhibit_id, page, kind, points, color, text, author, created_at)'
                    ' VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
                    (hearing_id, exhibit_id, page, shape.kind.value, json.dumps([list(p) for p in shape.points]),
                     shape.color.value, shape.text, user.username, at))
                mark = Mark(id=int(cursor.lastrowid or 0), hearing_id=hearing_id, exhibit_id=exhibit_id, page=page,
                            shape=shape, author=user.username, created_at=at)
                audit.append(db, hearing_id, user.username, 'mark_added', _details(mark))
                added.append(mark)
            if also is not None:
                also(db, added)
            self._changed_in(hearing_id, exhibit_id, page)
        self.changed.emit(MarksChange(hearing_id, exhibit_id, page))
        return added


def _details(mark: Mark) -> dict[str, Any]:
    return {'mark_id': mark.id, 'exhibit_id': mark.exhibit_id, 'page': mark.page, **mark.shape.to_json()}
