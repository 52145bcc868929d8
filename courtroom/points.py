"""Connection points (điểm cầu): the courtroom as the central point, and at most three component points."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from . import audit
from .errors import Conflict, Forbidden, InvalidInput, NotFound
from .hearings import Hearings, clean_text
from .online import MAX_COMPONENT_POINTS
from .store import Store


class PointKind(StrEnum):
    CENTRAL = 'central'  # the courtroom: trial panel, clerk, procurator
    DETENTION_FACILITY = 'detention_facility'
    COURT = 'court'
    OTHER = 'other'


@dataclass(slots=True, kw_only=True, frozen=True)
class Point:
    id: int
    hearing_id: int
    name: str
    kind: PointKind

    def to_api(self) -> dict[str, Any]:
        return {'id': self.id, 'hearing_id': self.hearing_id, 'name': self.name, 'kind': self.kind.value}


def parse_kind(value: str) -> PointKind:
    try:
        kind = PointKind(value)
    except ValueError:
        kind = None
    if kind is None or kind is PointKind.CENTRAL:
        choices = ', '.join(k.value for k in PointKind if k is not PointKind.CENTRAL)
        raise InvalidInput('bad_point_kind', kind=value, kinds=choices)
    return kind


def _point(row: Any) -> Point:
    return Point(id=row['id'], hearing_id=row['hearing_id'], name=row['name'], kind=PointKind(row['kind']))


class Points:
    def __init__(self, store: Store, hearings: Hearings) -> None:
        self._store = store
        self._hearings = hearings

    def of_hearing(self, hearing_id: int) -> list[Point]:
        self._hearings.get(hearing_id)
        with self._store.read() as db:
            rows = db.execute('SELECT * FROM points WHERE hearing_id = ? ORDER BY id', (hearing_id,)).fetchall()
        return [_point(r) for r in rows]

    def get(self, point_id: int) -> Point:
        with self._store.read() as db:
            row = db.execute('SELECT * FROM points WHERE id = ?', (point_id,)).fetchone()
        if row is None:
            raise NotFound('point_not_found', point_id=point_id)
        return _point(row)

    def central(self, hearing_id: int) -> Point:
        return next(p for p in self.of_hearing(hearing_id) if p.kind is PointKind.CENTRAL)

    def add(self, hearing_id: int, *, name: str, kind: str, actor: str) -> Point:
        """A component point; refused, with the reason, past three or when the hearing may not be held online."""
        name = clean_text('name', name, 120)
        point_kind = parse_kind(kind)
        hearing = self._hearings.get(hearing_id)
        if hearing.online_refusal is not None:
            raise Forbidden(hearing.online_refusal)
        with self._store.transaction() as db:
            count = db.execute("SELECT COUNT(*) FROM points WHERE hearing_id = ? AND kind != 'central'",
                               (hearing_id,)).fetchone()[0]
            most = MAX_COMPONENT_POINTS if hearing.kind == 'hearing' else MAX_COMPONENT_POINTS - 1
            if count >= most:
                raise Conflict('too_many_points', max=most)
            cursor = db.execute('INSERT INTO points (hearing_id, name, kind, created_at) VALUES (?, ?, ?, ?)',
                                (hearing_id, name, point_kind.value, datetime.now(UTC).isoformat()))
            assert cursor.lastrowid is not None
            audit.append(db, hearing_id, actor, 'point_added', {'point_id': cursor.lastrowid, 'name': name,
                                                                'kind': point_kind.value})
        return Point(id=cursor.lastrowid, hearing_id=hearing_id, name=name, kind=point_kind)
