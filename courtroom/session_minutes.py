"""What the minutes of an online interrogation or statement (biên bản hỏi cung, lấy lời khai: Criminal Procedure
Code arts. 183–188, Joint Circular 03/2018) must say beyond the questions and answers: that the person questioned
was told of the recording, when it started, paused (and why), resumed and ended, every fault of the equipment, and
how the person signed every page (on paper, or at their connection point). The announcement and the person's
signature are recorded here (audited; the announcement is an entry of the minutes); the rest is read from the audit
chain, so nothing is kept twice."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from . import audit
from .errors import Conflict, InvalidInput, NotFound
from .events import Event
from .minutes import MAX_TEXT, require_unsigned
from .participants import ParticipantRole
from .store import Store

SIGNATURE_METHODS = ('paper', 'point')  # signed on the printed pages beside the officer; at their point
# who is questioned: not counsel, the interpreter, an observer, the detention officer or the PC of a room
QUESTIONED = frozenset(ParticipantRole) - {ParticipantRole.DEFENCE_COUNSEL, ParticipantRole.REPRESENTATIVE,
                                           ParticipantRole.INTERPRETER, ParticipantRole.OBSERVER,
                                           ParticipantRole.DETENTION_OFFICER, ParticipantRole.COURTROOM}
FAULTS = ('point_outage', 'point_restored', 'recording_gap', 'recording_halted')


@dataclass(slots=True, frozen=True)
class Pause:
    at: str
    reason: str
    resumed_at: str | None


@dataclass(slots=True, frozen=True)
class PersonSignature:
    participant_id: int
    method: str  # paper | point
    note: str
    at: str


@dataclass(slots=True)
class SessionFacts:
    """What the audit chain says of a session, for its minutes' form."""
    announced_at: str | None = None
    started_at: str | None = None
    pauses: list[Pause] = field(default_factory=list)
    ended_at: str | None = None
    faults: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)  # (at, action, details)
    signatures: dict[int, PersonSignature] = field(default_factory=dict)  # the latest, by participant


def session_facts(log: Sequence[tuple[str, str, dict[str, Any]]]) -> SessionFacts:
    """The facts from the audit chain's (at, action, details), in its order."""
    facts = SessionFacts()
    for at, action, details in log:
        if action == 'recording_announced' and facts.announced_at is None:
            facts.announced_at = at
        elif action == 'stage_changed':
            to, was = details.get('to'), details.get('from')
            if to == 'suspended':
                facts.pauses.append(Pause(at, str(details.get('reason') or ''), None))
            elif was == 'suspended' and to != 'closed' and facts.pauses:
                facts.pauses[-1] = Pause(facts.pauses[-1].at, facts.pauses[-1].reason, at)
            if to in ('opening', 'examination') and facts.started_at is None:
                facts.started_at = at
            if to == 'closed':
                facts.ended_at = at
        elif action in FAULTS:
            facts.faults.append((at, action, details))
        elif action == 'person_signature' and isinstance(details.get('participant_id'), int):
            pid = details['participant_id']
            facts.signatures[pid] = PersonSignature(pid, str(details.get('method')), str(details.get('note') or ''),
                                                    at)
    return facts


class SessionMinutes:
    def __init__(self, store: Store, changed: Event[int]) -> None:
        self._store = store
        self.changed = changed  # the minutes' own: their pages redraw

    def announce_recording(self, hearing_id: int, *, actor: str) -> None:
        """The person questioned has been told that the session is recorded with sound and picture (written in the
        minutes at this time); once, before the minutes are signed."""
        with self._store.transaction() as db:
            _session(db, hearing_id)
            require_unsigned(db, hearing_id)
            if db.execute("SELECT 1 FROM audit WHERE hearing_id = ? AND action = 'recording_announced'",
                          (hearing_id,)).fetchone():
                raise Conflict('recording_already_announced')
            audit.append(db, hearing_id, actor, 'recording_announced', {})
        self.changed.emit(hearing_id)

    def person_signed(self, participant_id: int, method: str, *, actor: str, note: str | None = None) -> int:
        """How the person questioned signed every page of the minutes: ``paper`` (the printed pages, beside the
        officer at their point) or ``point`` (at their connection point, by its own means), with a note (who
        witnessed it, the pages). A later record replaces an earlier one; all are audited. The hearing's id."""
        if method not in SIGNATURE_METHODS:
            raise InvalidInput('bad_signature_method', method=method, methods=', '.join(SIGNATURE_METHODS))
        note = ' '.join((note or '').split()) or None
        if note is not None and len(note) > MAX_TEXT:
            raise InvalidInput('field_too_long', field='note', max=MAX_TEXT)
        with self._store.transaction() as db:
            row = db.execute('SELECT hearing_id, role FROM participants WHERE id = ?', (participant_id,)).fetchone()
            if row is None:
                raise NotFound('participant_not_found', participant_id=participant_id)
            hearing_id = int(row[0])
            _session(db, hearing_id)
            if ParticipantRole(row[1]) not in QUESTIONED:
                raise Conflict('not_questioned', role=row[1])
            audit.append(db, hearing_id, actor, 'person_signature',
                         {'participant_id': participant_id, 'method': method, 'note': note})
        self.changed.emit(hearing_id)
        return hearing_id


def _session(db: Any, hearing_id: int) -> None:
    row = db.execute('SELECT kind FROM hearings WHERE id = ?', (hearing_id,)).fetchone()
    if row is None:
        raise NotFound('hearing_not_found', hearing_id=hearing_id)
    if row[0] == 'hearing':
        raise Conflict('not_a_session')
