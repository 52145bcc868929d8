"""Hearings (phiên tòa): creation and lookup. Stages, points and participants come with later issues."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from . import audit
from .errors import InvalidInput, NotFound
from .online import online_refusal, parse_charges
from .staff import add_creator
from .store import Store

MAX_CASE_NUMBER = 64
KINDS = ('hearing', 'interrogation', 'statement')  # a trial; hỏi cung; lấy lời khai (recorded from start to end)
MAX_TITLE = 300


@dataclass(slots=True, kw_only=True, frozen=True)
class Hearing:
    id: int
    case_number: str
    title: str
    created_at: str
    closed_door: bool = False
    approval_required: bool = False
    charges: tuple[int, ...] = ()
    state_secret: bool = False
    stage: str = 'preparing'
    stage_reason: str | None = None
    resume_on: str | None = None
    record_from_opening: bool = False
    kind: str = 'hearing'

    @property
    def recorded_whole(self) -> bool:
        """An interrogation or a statement may not begin without recording and records from start to end."""
        return self.kind != 'hearing'

    @property
    def online_refusal(self) -> str | None:
        """Why this hearing may not join remote points (a message code), or None."""
        return online_refusal(self.charges, self.state_secret)

    def to_api(self) -> dict[str, Any]:
        return {'id': self.id, 'case_number': self.case_number, 'title': self.title, 'created_at': self.created_at,
                'closed_door': self.closed_door, 'approval_required': self.approval_required,
                'charges': list(self.charges), 'state_secret': self.state_secret,
                'online_allowed': self.online_refusal is None, 'stage': self.stage,
                'stage_reason': self.stage_reason, 'resume_on': self.resume_on,
                'record_from_opening': self.record_from_opening, 'kind': self.kind}


def _hearing(row: Any) -> Hearing:
    return Hearing(id=row['id'], case_number=row['case_number'], title=row['title'], created_at=row['created_at'],
                   closed_door=bool(row['closed_door']), approval_required=bool(row['approval_required']),
                   charges=tuple(json.loads(row['charges'])), state_secret=bool(row['state_secret']),
                   stage=row['stage'], stage_reason=row['stage_reason'], resume_on=row['resume_on'],
                   record_from_opening=bool(row['record_from_opening']), kind=row['kind'])


def clean_text(field: str, value: str | None, max_length: int) -> str:
    """Trimmed, non-empty, not too long: refuses with an error naming the field."""
    value = ' '.join((value or '').split())
    if not value:
        raise InvalidInput('required_field', field=field)
    if len(value) > max_length:
        raise InvalidInput('field_too_long', field=field, max=max_length)
    return value


class Hearings:
    def __init__(self, store: Store) -> None:
        self._store = store

    def create(self, *, case_number: str, title: str, actor: str, created_by: int | None = None,
               charges: list[object] | None = None, state_secret: bool = False, kind: str = 'hearing') -> Hearing:
        """A new hearing, with its central point (the courtroom) from the start."""
        case_number = clean_text('case_number', case_number, MAX_CASE_NUMBER)
        title = clean_text('title', title, MAX_TITLE)
        articles = parse_charges(charges or [])
        if kind not in KINDS:
            raise InvalidInput('bad_hearing_kind', kind=kind, kinds=', '.join(KINDS))
        now = datetime.now(UTC).isoformat(timespec='milliseconds')
        with self._store.transaction() as db:
            cursor = db.execute('INSERT INTO hearings (case_number, title, created_at, created_by, charges,'
                                ' state_secret, kind, record_from_opening) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
                                (case_number, title, now, created_by, json.dumps(articles), int(state_secret), kind,
                                 int(kind != 'hearing')))
            hearing_id = cursor.lastrowid
            assert hearing_id is not None
            db.execute('INSERT INTO points (hearing_id, name, kind, created_at)'
                       " VALUES (?, 'Phòng xử án', 'central', ?)",
                       (hearing_id, now))
            audit.append(db, hearing_id, actor, 'hearing_created', {'case_number': case_number, 'title': title,
                                                                    'charges': articles, 'state_secret': state_secret,
                                                                    'kind': kind})
            add_creator(db, hearing_id, actor)
        return self.get(hearing_id)

    def get(self, hearing_id: int) -> Hearing:
        with self._store.read() as db:
            row = db.execute('SELECT * FROM hearings WHERE id = ?', (hearing_id,)).fetchone()
        if row is None:
            raise NotFound('hearing_not_found', hearing_id=hearing_id)
        return _hearing(row)

    def all(self) -> list[Hearing]:
        with self._store.read() as db:
            rows = db.execute('SELECT * FROM hearings ORDER BY id DESC').fetchall()
        return [_hearing(r) for r in rows]

    def configure(self, hearing_id: int, *, actor: str, closed_door: bool | None = None,
                  approval_required: bool | None = None, record_from_opening: bool | None = None) -> Hearing:
        """Change the hearing's settings; each change is audited."""
        changes = {k: v for k, v in (('closed_door', closed_door), ('approval_required', approval_required),
                                     ('record_from_opening', record_from_opening)) if v is not None}
        with self._store.transaction() as db:
            row = db.execute('SELECT * FROM hearings WHERE id = ?', (hearing_id,)).fetchone()
            if row is None:
                raise NotFound('hearing_not_found', hearing_id=hearing_id)
            changed = {k: v for k, v in changes.items() if bool(row[k]) != v}
            for key, value in changed.items():
                db.execute(f'UPDATE hearings SET {key} = ? WHERE id = ?', (int(value), hearing_id))
            if changed:
                audit.append(db, hearing_id, actor, 'hearing_configured', changed)
        return self.get(hearing_id)
