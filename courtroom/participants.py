"""Participants of a hybrid hearing: who they are, where they join from, their personal link, and their way from
invitation through the lobby (where the clerk checks identity) into the hearing.

    invited ──enter──▶ waiting ──admit──▶ admitted ──media──▶ connected ⇄ disconnected
                          └──refuse──▶ refused          (any) ──revoke/remove──▶ revoked

The courtroom's own PC (role ``courtroom``) is admitted without the lobby. Nobody before ``admitted`` receives
media or evidence; one link gives one seat at a time."""

from __future__ import annotations

import json
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from . import audit
from .errors import Conflict, Forbidden, InvalidInput, NotFound, Unauthorized, Unprocessable
from .events import Event
from .hearings import Hearings, clean_text
from .identity import CardFields, Comparison, compare, parse_birth_date, parse_card_qr
from .links import LinkClaims, read_link, sign_link
from .points import PointKind, Points
from .store import Store
from .visibility import Audience

DEFAULT_LINK_HOURS = 72
MAX_LINK_HOURS = 24 * 30


class ParticipantRole(StrEnum):
    DEFENDANT = 'defendant'
    VICTIM = 'victim'
    PARTY = 'party'
    PLAINTIFF = 'plaintiff'
    RESPONDENT = 'respondent'
    DEFENCE_COUNSEL = 'defence_counsel'
    REPRESENTATIVE = 'representative'
    WITNESS = 'witness'
    EXPERT = 'expert'
    INTERPRETER = 'interpreter'
    DETENTION_OFFICER = 'detention_officer'
    OBSERVER = 'observer'
    COURTROOM = 'courtroom'  # the courtroom's PC: publishes the room's camera and microphone


AUDIENCE_OF_ROLE: dict[ParticipantRole, Audience] = {
    ParticipantRole.WITNESS: Audience.WITNESS,
    ParticipantRole.EXPERT: Audience.WITNESS,
    ParticipantRole.DEFENCE_COUNSEL: Audience.COUNSEL,
    ParticipantRole.REPRESENTATIVE: Audience.COUNSEL,
    ParticipantRole.OBSERVER: Audience.OBSERVER,
}


def audience_of(role: ParticipantRole) -> Audience:
    """Which screens' view a participant's evidence panel shows: the same authorisation as those screens."""
    return AUDIENCE_OF_ROLE.get(role, Audience.PUBLIC)


class ParticipantState(StrEnum):
    INVITED = 'invited'
    WAITING = 'waiting'
    ADMITTED = 'admitted'
    CONNECTED = 'connected'
    DISCONNECTED = 'disconnected'
    REFUSED = 'refused'
    REVOKED = 'revoked'

    @property
    def in_hearing(self) -> bool:
        """Admitted: may receive media and evidence."""
        return self in (ParticipantState.ADMITTED, ParticipantState.CONNECTED, ParticipantState.DISCONNECTED)


ID_DOCUMENT_TYPES = ('citizen_id', 'passport', 'lawyer_card', 'legal_aid_card', 'other')


def parse_role(value: str) -> ParticipantRole:
    try:
        return ParticipantRole(value)
    except ValueError:
        raise InvalidInput('bad_participant_role', role=value,
                           roles=', '.join(r.value for r in ParticipantRole)) from None


@dataclass(slots=True, kw_only=True, frozen=True)
class Participant:
    id: int
    hearing_id: int
    point_id: int
    name: str
    role: ParticipantRole
    id_document_type: str | None
    id_document_number: str | None
    state: ParticipantState
    link_nonce: str
    link_expires_at: int
    id_verified: bool | None
    id_note: str | None
    muted: bool
    id_birth_date: date | None = None
    identity: dict[str, Any] | None = None  # the last check of their document: {method, result, …}

    @property
    def watermark(self) -> str:
        """Written across every page and recording they are shown, so a captured screen names who leaked it."""
        return f'{self.name} · #{self.id}'

    @property
    def audience(self) -> Audience:
        return audience_of(self.role)

    def to_api(self) -> dict[str, Any]:
        return {'id': self.id, 'hearing_id': self.hearing_id, 'point_id': self.point_id, 'name': self.name,
                'role': self.role.value, 'state': self.state.value,
                'id_document': {'type': self.id_document_type, 'number': self.id_document_number,
                                'birth_date': self.id_birth_date.isoformat() if self.id_birth_date else None}
                if self.id_document_type else None,
                'identity': {k: self.identity.get(k) for k in ('method', 'result', 'checked_by', 'at')}
                if self.identity else None,
                'id_check': {'verified': self.id_verified, 'note': self.id_note}
                if self.id_verified is not None else None,
                'muted': self.muted,
                'link_expires_at': datetime.fromtimestamp(self.link_expires_at, UTC).isoformat()}


def _participant(row: Any) -> Participant:
    return Participant(
        id=row['id'], hearing_id=row['hearing_id'], point_id=row['point_id'], name=row['name'],
        role=ParticipantRole(row['role']), id_document_type=row['id_document_type'],
        id_document_number=row['id_document_number'], state=ParticipantState(row['state']),
        link_nonce=row['link_nonce'], link_expires_at=row['link_expires_at'],
        id_verified=None if row['id_verified'] is None else bool(row['id_verified']), id_note=row['id_note'],
        muted=bool(row['muted']),
        id_birth_date=date.fromisoformat(row['id_birth_date']) if row['id_birth_date'] else None,
        identity=json.loads(row['identity']) if row['identity'] else None)


@dataclass(slots=True, frozen=True)
class SeatConflict:
    """Someone opened a link whose seat another browser holds: the clerk is told."""

    hearing_id: int
    participant_id: int
    name: str
    at: float


class Participants:
    def __init__(self, store: Store, hearings: Hearings, points: Points, secret: bytes) -> None:
        self._store = store
        self._hearings = hearings
        self._points = points
        self._secret = secret
        self._lock = threading.Lock()
        # participant id → (the browser session holding the seat, how many of its pages are open): a reload opens
        # the new page before the old one is gone, and the seat must outlive the old page
        self._seats: dict[int, tuple[str, int]] = {}
        self._stats: dict[int, dict[str, Any]] = {}  # participant id → link quality, as the media worker reports it
        self._hands: dict[int, float] = {}  # participant id → when they raised their hand
        self.changed: Event[int] = Event()  # hearing id
        self.seat_conflicts: Event[SeatConflict] = Event()

    # reading

    def get(self, participant_id: int) -> Participant:
        with self._store.read() as db:
            row = db.execute('SELECT * FROM participants WHERE id = ?', (participant_id,)).fetchone()
        if row is None:
            raise NotFound('participant_not_found', participant_id=participant_id)
        return _participant(row)

    def of_hearing(self, hearing_id: int) -> list[Participant]:
        with self._store.read() as db:
            rows = db.execute('SELECT * FROM participants WHERE hearing_id = ? ORDER BY point_id, id',
                              (hearing_id,)).fetchall()
        return [_participant(r) for r in rows]

    def stats(self, participant_id: int) -> dict[str, Any] | None:
        """Round-trip time, loss and frames per second of the participant's link, or None before media flows."""
        with self._lock:
            return self._stats.get(participant_id)

    def report_stats(self, participant_id: int, stats: dict[str, Any]) -> None:
        with self._lock:
            self._stats[participant_id] = stats

    def raise_hand(self, participant_id: int, raised: bool) -> None:
        """A participant asks to speak (or withdraws); the presiding judge and the clerk see it."""
        participant = self.get(participant_id)
        with self._lock:
            if raised:
                self._hands.setdefault(participant_id, time.time())
            else:
                self._hands.pop(participant_id, None)
        with self._store.transaction() as db:
            audit.append(db, participant.hearing_id, f'participant:{participant_id}',
                         'hand_raised' if raised else 'hand_lowered', {'participant_id': participant_id})
        self.changed.emit(participant.hearing_id)

    def hand_raised(self, participant_id: int) -> bool:
        with self._lock:
            return participant_id in self._hands

    def hands(self, hearing_id: int) -> dict[int, float]:
        ids = {p.id for p in self.of_hearing(hearing_id)}
        with self._lock:
            return {pid: at for pid, at in self._hands.items() if pid in ids}

    # the clerk's setup

    def add(self, hearing_id: int, *, name: str, role: str, point_id: int, actor: str,
            id_document: dict[str, str] | None = None,
            link_hours: int = DEFAULT_LINK_HOURS) -> tuple[Participant, str]:
        """A participant and their first join link."""
        name = clean_text('name', name, 200)
        participant_role = parse_role(role)
        doc_type, doc_number = _id_document(id_document)
        birth = parse_birth_date((id_document or {}).get('birth_date'))
        hearing = self._hearings.get(hearing_id)
        point = self._points.get(point_id)
        if point.hearing_id != hearing_id:
            raise NotFound('point_not_found', point_id=point_id)
        if participant_role is ParticipantRole.COURTROOM and point.kind is not PointKind.CENTRAL:
            raise InvalidInput('courtroom_not_central')
        if hearing.online_refusal is not None and participant_role is not ParticipantRole.COURTROOM:
            raise Forbidden(hearing.online_refusal)
        nonce, expires = secrets.token_urlsafe(8), _expiry(link_hours)
        with self._store.transaction() as db:
            cursor = db.execute(
                'INSERT INTO participants (hearing_id, point_id, name, role, id_document_type, id_document_number,'
                ' id_birth_date, link_nonce, link_expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
                (hearing_id, point_id, name, participant_role.value, doc_type, doc_number,
                 birth.isoformat() if birth else None, nonce, expires, datetime.now(UTC).isoformat()))
            assert cursor.lastrowid is not None
            audit.append(db, hearing_id, actor, 'participant_added', {
                'participant_id': cursor.lastrowid, 'name': name, 'role': participant_role.value,
                'point_id': point_id})
        participant = self.get(cursor.lastrowid)
        self.changed.emit(hearing_id)
        return participant, self._token(participant)

    def issue_link(self, participant_id: int, *, actor: str, link_hours: int = DEFAULT_LINK_HOURS) -> str:
        """A new link; every earlier link of this participant stops working. A revoked participant is invited
        again."""
        participant = self.get(participant_id)
        nonce, expires = secrets.token_urlsafe(8), _expiry(link_hours)
        state = ParticipantState.INVITED if participant.state is ParticipantState.REVOKED else participant.state
        self._update(participant, actor, 'link_issued', {'expires_at': expires}, link_nonce=nonce,
                     link_expires_at=expires, state=state.value)
        return self._token(self.get(participant_id))

    def revoke(self, participant_id: int, *, actor: str, action: str = 'link_revoked') -> Participant:
        """The link stops working at once, mid-hearing too; the participant's seat and media are let go."""
        participant = self.get(participant_id)
        self._update(participant, actor, action, {}, link_nonce=secrets.token_urlsafe(8),
                     state=ParticipantState.REVOKED.value)
        with self._lock:
            self._seats.pop(participant_id, None)
            self._hands.pop(participant_id, None)
        return self.get(participant_id)

    def _token(self, p: Participant) -> str:
        return sign_link(self._secret, LinkClaims(participant_id=p.id, hearing_id=p.hearing_id, role=p.role.value,
                                                  point_id=p.point_id, nonce=p.link_nonce,
                                                  expires_at=p.link_expires_at))

    # the participant's way in

    def by_link(self, token: str) -> Participant:
        """The participant a link names, refusing a forged, expired or revoked one by name."""
        claims = read_link(self._secret, token)
        try:
            participant = self.get(claims.participant_id)
        except NotFound:
            raise Unauthorized('link_forged') from None
        if participant.link_nonce != claims.nonce or participant.state is ParticipantState.REVOKED:
            raise Unauthorized('link_revoked')
        if (participant.role.value, participant.point_id) != (claims.role, claims.point_id):
            raise Unauthorized('link_forged')
        return participant

    def claim_seat(self, participant: Participant, session: str) -> None:
        """One link, one seat: a second browser is refused while the first holds the seat, and the clerk is told."""
        with self._lock:
            holder, pages = self._seats.get(participant.id, (session, 0))
            conflict = holder != session
            if not conflict:
                self._seats[participant.id] = (session, pages + 1)
        if conflict:
            with self._store.transaction() as db:
                audit.append(db, participant.hearing_id, f'participant:{participant.id}', 'second_seat_refused',
                             {'participant_id': participant.id})
            self.seat_conflicts.emit(SeatConflict(participant.hearing_id, participant.id, participant.name,
                                                  time.time()))
            raise Conflict('seat_taken')

    def release_seat(self, participant_id: int, session: str) -> bool:
        """One page of the session holding the seat is gone; True when that was its last one (the seat is free)."""
        with self._lock:
            holder, pages = self._seats.get(participant_id, ('', 0))
            if holder != session:
                return False
            if pages > 1:
                self._seats[participant_id] = (session, pages - 1)
                return False
            del self._seats[participant_id]
            return True

    def enter_lobby(self, participant: Participant) -> Participant:
        """After the device check: wait for the clerk. The courtroom's PC goes straight in."""
        if participant.state is ParticipantState.REFUSED:
            raise Forbidden('participant_refused')
        if participant.state is ParticipantState.INVITED:
            courtroom = participant.role is ParticipantRole.COURTROOM
            to = ParticipantState.ADMITTED if courtroom else ParticipantState.WAITING
            self._update(participant, f'participant:{participant.id}', 'lobby_entered', {'state': to.value},
                         state=to.value)
        return self.get(participant.id)

    # the clerk's roll call

    def record_id_check(self, participant_id: int, *, verified: bool, note: str | None, actor: str) -> Participant:
        """The clerk compared the document by eye (a passport, a lawyer's card, a card without a readable QR)."""
        participant = self.get(participant_id)
        note = ' '.join((note or '').split())[:500] or None
        identity = {'method': 'by_eye', 'result': 'match' if verified else 'mismatch', 'note': note,
                    'document': participant.id_document_type, 'checked_by': actor,
                    'at': datetime.now(UTC).isoformat(timespec='seconds')}
        self._update(participant, actor, 'id_checked', {'verified': verified, 'note': note},
                     id_verified=int(verified), id_note=note, identity=json.dumps(identity, ensure_ascii=False))
        return self.get(participant_id)

    def identity_check_failed(self, participant_id: int, reason: str, still_sha256: str, *, actor: str) -> None:
        """A still that gave nothing to compare (no QR, not a card's, not an image): the attempt alone, audited."""
        participant = self.get(participant_id)
        with self._store.transaction() as db:
            audit.append(db, participant.hearing_id, actor, 'identity_check_failed', {
                'participant_id': participant.id, 'reason': reason, 'still_sha256': still_sha256})

    def check_identity_qr(self, participant_id: int, qr_text: str | None, still_sha256: str, *, actor: str,
                          keep: Callable[[], bool] = lambda: False) -> tuple[Participant, CardFields, Comparison]:
        """The QR of the card in a still, compared with the participant's record and written in the audit chain.
        No QR, or one that is not a card's: ``Unprocessable``, and only the attempt is written. ``keep`` is called
        once the QR is a card's, to keep the still if the court does; it says whether it did."""
        participant = self.get(participant_id)
        try:
            if qr_text is None:
                raise Unprocessable('qr_not_found')
            card = parse_card_qr(qr_text)
        except Unprocessable as refused:
            self.identity_check_failed(participant_id, refused.code, still_sha256, actor=actor)
            raise
        kept = keep()  # a card's still: the court may keep it (the caller's choice and place)
        compared = compare(card, number=participant.id_document_number, name=participant.name,
                           birth_date=participant.id_birth_date)
        result = 'match' if compared.match else 'mismatch'
        details = {'method': 'qr', 'result': result, 'fields': compared.fields, 'problems': compared.problems,
                   'id_number': card.id_number, 'still_sha256': still_sha256, 'still_kept': kept}
        identity = {**details, 'checked_by': actor, 'at': datetime.now(UTC).isoformat(timespec='seconds')}
        self._update(participant, actor, 'identity_checked', details, identity=json.dumps(identity,
                                                                                          ensure_ascii=False))
        return self.get(participant_id), card, compared
        return self.get(participant_id)

    def admit(self, participant_id: int, *, actor: str) -> Participant:
        participant = self.get(participant_id)
        if participant.state is not ParticipantState.WAITING:
            raise Conflict('not_waiting', state=participant.state.value)
        checked = participant.identity or {}
        self._update(participant, actor, 'admitted', {'identity': {k: checked[k] for k in ('method', 'result')}
                                                      if checked else None}, state=ParticipantState.ADMITTED.value)
        return self.get(participant_id)

    def refuse(self, participant_id: int, *, actor: str, note: str | None = None) -> Participant:
        participant = self.get(participant_id)
        if participant.state is not ParticipantState.WAITING:
            raise Conflict('not_waiting', state=participant.state.value)
        self._update(participant, actor, 'turned_away', {'note': note}, state=ParticipantState.REFUSED.value)
        return self.get(participant_id)

    def set_muted(self, participant_id: int, muted: bool, *, actor: str) -> Participant:
        participant = self.get(participant_id)
        if participant.muted != muted:
            self._update(participant, actor, 'muted' if muted else 'unmuted', {}, muted=int(muted))
        return self.get(participant_id)

    def set_connected(self, participant_id: int, connected: bool) -> Participant:
        """From the media worker: the participant's media connected or dropped."""
        participant = self.get(participant_id)
        if not participant.state.in_hearing:
            return participant
        to = ParticipantState.CONNECTED if connected else ParticipantState.DISCONNECTED
        if not connected:
            with self._lock:
                self._hands.pop(participant_id, None)  # a raised hand does not outlive the connection
        if participant.state is not to:
            self._update(participant, f'participant:{participant.id}', 'joined' if connected else 'left', {},
                         state=to.value)
        return self.get(participant_id)

    def _update(self, participant: Participant, actor: str, action: str, details: dict[str, Any],
                **columns: object) -> None:
        assignments = ', '.join(f'{name} = ?' for name in columns)
        with self._store.transaction() as db:
            db.execute(f'UPDATE participants SET {assignments} WHERE id = ?', (*columns.values(), participant.id))
            audit.append(db, participant.hearing_id, actor, action, {'participant_id': participant.id, **details})
        self.changed.emit(participant.hearing_id)


def _expiry(hours: int) -> int:
    if not 1 <= hours <= MAX_LINK_HOURS:
        raise InvalidInput('bad_link_hours', hours=hours, max=MAX_LINK_HOURS)
    return int(time.time()) + hours * 3600


def _id_document(value: dict[str, str] | None) -> tuple[str | None, str | None]:
    if not value:
        return None, None
    doc_type = str(value.get('type') or '').strip()
    number = ' '.join(str(value.get('number') or '').split())
    if doc_type not in ID_DOCUMENT_TYPES:
        raise InvalidInput('bad_id_document', type=doc_type, types=', '.join(ID_DOCUMENT_TYPES))
    if not number or len(number) > 40:
        raise InvalidInput('required_field', field='id_document.number')
    return doc_type, number
