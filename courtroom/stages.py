"""The hearing's stages (GLOSSARY.md), moved by the presiding judge, as a pure transition table and a service that
audits every change. Suspending (tạm ngừng, with a reason) remembers the stage to resume; postponing (hoãn)
needs a new date; a closed hearing stays closed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from zoneinfo import ZoneInfo

from . import audit
from .court_time import court_today
from .errors import Conflict, InvalidInput, NotFound
from .events import Event
from .store import Store


class Stage(StrEnum):
    PREPARING = 'preparing'
    OPENING = 'opening'
    EXAMINATION = 'examination'
    ARGUMENTS = 'arguments'
    DELIBERATION = 'deliberation'
    PRONOUNCEMENT = 'pronouncement'
    SUSPENDED = 'suspended'
    POSTPONED = 'postponed'
    CLOSED = 'closed'

    @property
    def in_session(self) -> bool:
        """The hearing is sitting: from the opening to the pronouncement."""
        return self in IN_SESSION


ORDER = [Stage.PREPARING, Stage.OPENING, Stage.EXAMINATION, Stage.ARGUMENTS, Stage.DELIBERATION,
         Stage.PRONOUNCEMENT, Stage.CLOSED]
IN_SESSION = frozenset({Stage.OPENING, Stage.EXAMINATION, Stage.ARGUMENTS, Stage.DELIBERATION, Stage.PRONOUNCEMENT})

# Besides the next stage in ORDER: the panel may return to the examination from the arguments or the deliberation
# (Criminal Procedure Code arts. 321 and 324), and a postponed hearing opens again.
EXTRA = {Stage.ARGUMENTS: {Stage.EXAMINATION}, Stage.DELIBERATION: {Stage.EXAMINATION},
         Stage.POSTPONED: {Stage.OPENING}}


def allowed(current: Stage, before: Stage | None, kind: str = 'hearing') -> set[Stage]:
    """The stages the hearing may move to from ``current`` (``before`` is what a suspension interrupted). An
    interrogation or statement, which has no arguments or judgment, may close from any stage while sitting."""
    if current is Stage.CLOSED:
        return set()
    if kind != 'hearing' and current in IN_SESSION:
        return {*allowed(current, before), Stage.CLOSED}
    if current is Stage.SUSPENDED:
        return {before or Stage.OPENING, Stage.POSTPONED, Stage.CLOSED}
    out = set(EXTRA.get(current, set()))
    if current in ORDER:
        out.add(ORDER[ORDER.index(current) + 1])
    if current in IN_SESSION:
        out.add(Stage.SUSPENDED)
    if current is not Stage.POSTPONED and current is not Stage.PRONOUNCEMENT:
        out.add(Stage.POSTPONED)
    return out


@dataclass(slots=True, frozen=True)
class StageChange:
    hearing_id: int
    stage: Stage
    previous: Stage
    reason: str | None
    resume_on: str | None


def parse_stage(value: str) -> Stage:
    try:
        return Stage(value)
    except ValueError:
        raise InvalidInput('bad_stage', stage=value, stages=', '.join(s.value for s in Stage)) from None


class Stages:
    def __init__(self, store: Store, zone: ZoneInfo) -> None:
        self._store = store
        self._zone = zone  # the court's: a postponement is to a day after the court's today
        self.changed: Event[StageChange] = Event()

    def current(self, hearing_id: int) -> tuple[Stage, Stage | None, str | None, str | None]:
        """(stage, the stage a suspension interrupted, reason, resume_on)."""
        with self._store.read() as db:
            row = db.execute('SELECT stage, stage_before, stage_reason, resume_on FROM hearings WHERE id = ?',
                             (hearing_id,)).fetchone()
        if row is None:
            raise NotFound('hearing_not_found', hearing_id=hearing_id)
        return Stage(row[0]), Stage(row[1]) if row[1] else None, row[2], row[3]

    def move(self, hearing_id: int, to: str, *, actor: str, reason: str | None = None,
             resume_on: str | None = None) -> StageChange:
        """Move the hearing to ``to``, refusing a move the procedure does not allow; audited."""
        target = parse_stage(to)
        reason = ' '.join((reason or '').split())[:500] or None
        with self._store.transaction() as db:
            row = db.execute('SELECT stage, stage_before, kind, (SELECT on_since FROM recordings r WHERE r.hearing_id'
                             ' = hearings.id) FROM hearings WHERE id = ?', (hearing_id,)).fetchone()
            if row is None:
                raise NotFound('hearing_not_found', hearing_id=hearing_id)
            current, before = Stage(row[0]), Stage(row[1]) if row[1] else None
            if row[2] != 'hearing' and target in IN_SESSION and row[3] is None:
                raise Conflict('needs_recording')  # an interrogation or statement is recorded from start to end
            options = allowed(current, before, row[2])
            if target not in options:
                raise Conflict('bad_stage_move', stage=current.value, to=target.value,
                               allowed=', '.join(sorted(s.value for s in options)) or '—')
            if target is Stage.SUSPENDED and not reason:
                raise InvalidInput('required_field', field='reason')
            if target is Stage.POSTPONED:
                resume_on = _future_date(resume_on, court_today(self._zone))
            else:
                resume_on = None
            stage_before = current.value if target is Stage.SUSPENDED else None
            db.execute('UPDATE hearings SET stage = ?, stage_before = ?, stage_reason = ?, resume_on = ? WHERE id = ?',
                       (target.value, stage_before, reason, resume_on, hearing_id))
            audit.append(db, hearing_id, actor, 'stage_changed', {
                'from': current.value, 'to': target.value, 'reason': reason, 'resume_on': resume_on})
        change = StageChange(hearing_id, target, current, reason, resume_on)
        self.changed.emit(change)
        return change


_DATE = re.compile(r'^\d{4}-\d{2}-\d{2}$')


def _future_date(value: str | None, today: date) -> str:
    if not value or not _DATE.match(value):
        raise InvalidInput('bad_resume_date', date=value or '')
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise InvalidInput('bad_resume_date', date=value) from None
    if day <= today:
        raise InvalidInput('bad_resume_date', date=value)
    return day.isoformat()
