"""Signing the minutes and correcting them after (Criminal Procedure Code art. 258): the presiding judge checks and
signs, then the clerk; once both have signed, nothing is added to the minutes or changed in them. The procurator,
counsel and the parties may then read them and ask for a correction, which is appended at the end (never written
over what was signed); the presiding judge accepts it or refuses it, and a refusal's reason is written in.

Each signature keeps the SHA-256 of the minutes as they were signed (``Minutes.digest``), and every signature,
request and decision is in the audit chain."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from . import audit
from .errors import Conflict, Forbidden, NotFound
from .events import Event
from .minutes import Minutes, verbatim
from .participants import Participant, ParticipantRole
from .roles import Role
from .store import Store

SIGNING_ORDER = (Role.PRESIDING_JUDGE, Role.CLERK)  # the judge checks and signs first, then the clerk
# an online interrogation or statement (Criminal Procedure Code arts. 183–188): the procurator (or investigator) who
# asked, then the one who wrote the minutes; the person questioned signs every page (``PersonSignature``)
SESSION_SIGNING_ORDER = (Role.PROCURATOR, Role.CLERK)
MAY_ASK = frozenset({Role.PROCURATOR, Role.DEFENCE_COUNSEL, Role.CLERK})  # the clerk enters a party's request
# the participants themselves, from their own page (art. 258(3): the participants in the proceedings, counsel and
# those protecting the parties' interests); not an observer, the detention officer or the courtroom's PC
PARTICIPANTS_MAY_ASK = frozenset(ParticipantRole) - {ParticipantRole.OBSERVER, ParticipantRole.DETENTION_OFFICER,
                                                     ParticipantRole.COURTROOM}
MAX_REASON = 2000


@dataclass(slots=True, frozen=True)
class Signature:
    role: Role
    username: str
    at: str
    sha256: str

    def to_api(self, names: dict[str, str]) -> dict[str, Any]:
        return {'username': self.username, 'name': names.get(self.username, self.username), 'role': self.role.value,
                'at': self.at, 'sha256': self.sha256}


@dataclass(slots=True, frozen=True)
class Correction:
    id: int
    hearing_id: int
    text: str
    requested_by: str
    requested_at: str
    state: str  # requested | accepted | refused
    reason: str | None
    decided_by: str | None
    decided_at: str | None

    def to_api(self) -> dict[str, Any]:
        out = {'id': self.id, 'text': self.text, 'requested_by': self.requested_by, 'requested_at': self.requested_at,
               'state': self.state, 'decided_by': self.decided_by, 'decided_at': self.decided_at}
        if self.reason is not None:
            out['reason'] = self.reason
        return out


def signing_order(kind: str) -> tuple[Role, Role]:
    """Who signs the minutes of a session of ``kind``, in order; the first also decides on corrections."""
    return SIGNING_ORDER if kind == 'hearing' else SESSION_SIGNING_ORDER


def _kind(db: Any, hearing_id: int) -> str:
    row = db.execute('SELECT kind FROM hearings WHERE id = ?', (hearing_id,)).fetchone()
    if row is None:
        raise NotFound('hearing_not_found', hearing_id=hearing_id)
    return str(row[0])


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec='microseconds')


class MinutesSigning:
    def __init__(self, store: Store, minutes: Minutes) -> None:
        self._store = store
        self._minutes = minutes
        self.changed: Event[int] = minutes.changed  # one event: the minutes' pages redraw on either

    def signatures(self, hearing_id: int) -> list[Signature]:
        with self._store.read() as db:
            order = signing_order(_kind(db, hearing_id))
            rows = db.execute('SELECT role, username, at, sha256 FROM minutes_signatures WHERE hearing_id = ?',
                              (hearing_id,)).fetchall()
        found = {Role(r[0]): Signature(Role(r[0]), r[1], r[2], r[3]) for r in rows}
        return [found[role] for role in order if role in found]

    def frozen(self, hearing_id: int) -> bool:
        return len(self.signatures(hearing_id)) == len(SIGNING_ORDER)

    def sign(self, hearing_id: int, *, username: str, role: Role) -> Signature:
        """``username`` signs as ``role`` (their role on the hearing's staff): the presiding judge first, then the
        clerk (an interrogation's or statement's: the procurator, then the clerk); anyone else may not (403), and no
        one signs twice (409)."""
        digest = self._minutes.digest(hearing_id)
        at = _now()
        with self._store.transaction() as db:
            kind = _kind(db, hearing_id)
            first, _ = order = signing_order(kind)
            if role not in order:
                raise Forbidden('minutes_sign_who' if kind == 'hearing' else 'minutes_sign_who_session')
            signed = {r[0] for r in db.execute('SELECT role FROM minutes_signatures WHERE hearing_id = ?',
                                               (hearing_id,))}
            if role.value in signed:
                raise Conflict('minutes_already_signed', role=role.value)
            if role is not first and first.value not in signed:
                raise Conflict('minutes_judge_signs_first' if kind == 'hearing' else 'minutes_procurator_signs_first')
            db.execute('INSERT INTO minutes_signatures (hearing_id, role, username, at, sha256) VALUES (?, ?, ?, ?, ?)',
                       (hearing_id, role.value, username, at, digest))
            audit.append(db, hearing_id, username, 'minutes_signed', {'role': role.value, 'sha256': digest})
        self.changed.emit(hearing_id)
        return Signature(role, username, at, digest)

    def corrections(self, hearing_id: int) -> list[Correction]:
        with self._store.read() as db:
            rows = db.execute('SELECT * FROM minutes_corrections WHERE hearing_id = ? ORDER BY id',
                              (hearing_id,)).fetchall()
        return [self._correction(r) for r in rows]

    def request_correction(self, hearing_id: int, text: str, *, requested_by: str, role: Role) -> Correction:
        """A correction asked for by the procurator or counsel, or entered by the clerk for a party; only of
        signed minutes."""
        if role not in MAY_ASK:
            raise Forbidden('minutes_correction_who')
        return self._request(hearing_id, text, requested_by)

    def may_read(self, participant: Participant) -> None:
        """A participant reads the signed minutes, and asks for corrections, from their own page: one who took
        part in the hearing (was let in) as a party, their counsel or representative, a witness, an expert or the
        interpreter; once both have signed."""
        if participant.role not in PARTICIPANTS_MAY_ASK or not participant.state.in_hearing:
            raise Forbidden('minutes_participant_who')
        if not self.frozen(participant.hearing_id):
            raise Conflict('minutes_not_signed')

    def request_as_participant(self, participant: Participant, text: str) -> Correction:
        """A correction asked for by a participant from their own page (``may_read``)."""
        self.may_read(participant)
        return self._request(participant.hearing_id, text, f'participant:{participant.id}')

    def _request(self, hearing_id: int, text: str, requested_by: str) -> Correction:
        text = verbatim(text)
        if not self.frozen(hearing_id):
            raise Conflict('minutes_not_signed')
        at = _now()
        with self._store.transaction() as db:
            cursor = db.execute('INSERT INTO minutes_corrections (hearing_id, text, requested_by, requested_at)'
                                ' VALUES (?, ?, ?, ?)', (hearing_id, text, requested_by, at))
            correction_id = int(cursor.lastrowid or 0)
            audit.append(db, hearing_id, requested_by, 'minutes_correction_requested',
                         {'correction_id': correction_id, 'text': text})
        self.changed.emit(hearing_id)
        return self.correction(correction_id)

    def correction(self, correction_id: int) -> Correction:
        with self._store.read() as db:
            row = db.execute('SELECT * FROM minutes_corrections WHERE id = ?', (correction_id,)).fetchone()
        if row is None:
            raise NotFound('correction_not_found', correction_id=correction_id)
        return self._correction(row)

    def decide(self, correction_id: int, *, accept: bool, reason: str | None, actor: str, role: Role) -> Correction:
        """The presiding judge (an interrogation's or statement's procurator) accepts the correction (it then
        stands at the end of the minutes, under both their names) or refuses it with a reason, which is written in."""
        at = _now()
        with self._store.transaction() as db:
            row = db.execute('SELECT * FROM minutes_corrections WHERE id = ?', (correction_id,)).fetchone()
            if row is None:
                raise NotFound('correction_not_found', correction_id=correction_id)
            kind = _kind(db, int(row['hearing_id']))
            if role is not signing_order(kind)[0]:
                raise Forbidden('minutes_decide_who' if kind == 'hearing' else 'minutes_decide_who_session')
            reason = verbatim(reason, 'reason', MAX_REASON) if not accept or (reason or '').strip() else None
            if row['state'] != 'requested':
                raise Conflict('correction_decided', state=row['state'])
            state = 'accepted' if accept else 'refused'
            db.execute('UPDATE minutes_corrections SET state = ?, reason = ?, decided_by = ?, decided_at = ?'
                       ' WHERE id = ?', (state, reason, actor, at, correction_id))
            audit.append(db, row['hearing_id'], actor, 'minutes_correction_decided',
                         {'correction_id': correction_id, 'state': state, 'reason': reason})
            hearing_id = int(row['hearing_id'])
        self.changed.emit(hearing_id)
        return self.correction(correction_id)

    @staticmethod
    def _correction(r: Any) -> Correction:
        return Correction(id=r['id'], hearing_id=r['hearing_id'], text=r['text'], requested_by=r['requested_by'],
                          requested_at=r['requested_at'], state=r['state'], reason=r['reason'],
                          decided_by=r['decided_by'], decided_at=r['decided_at'])
