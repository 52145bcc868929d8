"""The hearing's hash-chained audit log. Each entry holds the SHA-256 of the one before it, so changing, removing
or reordering any entry breaks every hash after it. This is domain data, not logging."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from .store import Store

GENESIS = '0' * 64


@dataclass(slots=True, kw_only=True, frozen=True)
class AuditEntry:
    hearing_id: int
    seq: int
    at: str
    actor: str
    action: str
    details: dict[str, Any]
    prev_hash: str
    hash: str

    def to_api(self) -> dict[str, Any]:
        return {'seq': self.seq, 'at': self.at, 'actor': self.actor, 'action': self.action,
                'details': self.details, 'prev_hash': self.prev_hash, 'hash': self.hash}


def entry_hash(*, hearing_id: int, seq: int, at: str, actor: str, action: str, details: dict[str, Any],
               prev_hash: str) -> str:
    """The SHA-256 of an entry's canonical JSON (sorted keys, no spaces, UTF-8)."""
    body = {'hearing_id': hearing_id, 'seq': seq, 'at': at, 'actor': actor, 'action': action, 'details': details,
            'prev_hash': prev_hash}
    canonical = json.dumps(body, sort_keys=True, separators=(',', ':'), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


@dataclass(slots=True, frozen=True)
class Verification:
    valid: bool
    entries: int
    broken_seq: int | None = None
    reason: str | None = None

    def to_api(self) -> dict[str, Any]:
        out: dict[str, Any] = {'valid': self.valid, 'entries': self.entries}
        if not self.valid:
            out.update(broken_seq=self.broken_seq, reason=self.reason)
        return out


def verify_chain(entries: list[AuditEntry]) -> Verification:
    """Check every link and every hash, in order; name the first entry that breaks the chain."""
    prev = GENESIS
    for expected_seq, e in enumerate(entries, start=1):
        if e.seq != expected_seq:
            return Verification(False, len(entries), e.seq, 'sequence')
        if e.prev_hash != prev:
            return Verification(False, len(entries), e.seq, 'prev_hash')
        recomputed = entry_hash(hearing_id=e.hearing_id, seq=e.seq, at=e.at, actor=e.actor, action=e.action,
                                details=e.details, prev_hash=e.prev_hash)
        if recomputed != e.hash:
            return Verification(False, len(entries), e.seq, 'hash')
        prev = e.hash
    return Verification(True, len(entries))


SERVER_CHAIN = 0  # the server's own chain, of no hearing (ids start at 1): accounts locked, disabled, reset


def append(db: sqlite3.Connection, hearing_id: int, actor: str, action: str, details: dict[str, Any]) -> AuditEntry:
    """Append inside the caller's transaction, so the entry lands exactly when the change it records does."""
    last = db.execute('SELECT seq, hash FROM audit WHERE hearing_id = ? ORDER BY seq DESC LIMIT 1',
                      (hearing_id,)).fetchone()
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    at = datetime.now(UTC).isoformat(timespec='microseconds')
    digest = entry_hash(hearing_id=hearing_id, seq=seq, at=at, actor=actor, action=action, details=details,
                        prev_hash=prev)
    db.execute('INSERT INTO audit (hearing_id, seq, at, actor, action, details, prev_hash, hash)'
               ' VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
               (hearing_id, seq, at, actor, action, json.dumps(details, sort_keys=True, ensure_ascii=False), prev,
                digest))
    return AuditEntry(hearing_id=hearing_id, seq=seq, at=at, actor=actor, action=action, details=details,
                      prev_hash=prev, hash=digest)


class AuditLog:
    def __init__(self, store: Store) -> None:
        self._store = store

    def entries(self, hearing_id: int) -> list[AuditEntry]:
        with self._store.read() as db:
            rows = db.execute('SELECT * FROM audit WHERE hearing_id = ? ORDER BY seq', (hearing_id,)).fetchall()
        return [AuditEntry(hearing_id=r['hearing_id'], seq=r['seq'], at=r['at'], actor=r['actor'],
                           action=r['action'], details=json.loads(r['details']), prev_hash=r['prev_hash'],
                           hash=r['hash']) for r in rows]

    def verify(self, hearing_id: int) -> Verification:
        return verify_chain(self.entries(hearing_id))
