"""Wrong passwords slow down and then stop the one guessing: per account and per address, in the database (so a
restart forgets nothing). After a few failures each further try must wait longer (1 s, 2 s, 4 s, … 30 s); after
more, the account (or the address) is locked for a while; a right password clears the account's count. A locked
account or address is written in the server's own audit chain (courtroom.audit.SERVER_CHAIN). While a wait runs,
no password is checked at all, so guessing gains nothing from trying anyway."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from . import audit
from .errors import TooManyAttempts
from .store import Store


@dataclass(frozen=True, slots=True)
class Limits:
    free: int  # failures with no wait after them
    lock_after: int  # failures that lock
    lock_seconds: float
    forget_seconds: float = 900.0  # failures this old no longer count
    max_wait: float = 30.0


ACCOUNT = Limits(free=3, lock_after=10, lock_seconds=900.0)
ADDRESS = Limits(free=20, lock_after=100, lock_seconds=900.0)  # a court's NAT: many staff behind one address


class SignInGuard:
    def __init__(self, store: Store, *, account: Limits = ACCOUNT, address: Limits = ADDRESS,
                 clock=time.time) -> None:
        self._store = store
        self._limits = {'account': account, 'address': address}
        self._clock = clock

    def _keys(self, username: str, address: str | None) -> list[tuple[str, str]]:
        return [('account', username.strip().lower())] + ([('address', address)] if address else [])

    def check(self, username: str, address: str | None) -> None:
        """Raises TooManyAttempts (429, with the seconds to wait) while the account or the address must wait."""
        now = self._clock()
        with self._store.read() as db:
            waits = [self._until(db, kind, key, now) - now for kind, key in self._keys(username, address)]
        wait = max(waits, default=0)
        if wait > 0:
            raise TooManyAttempts('sign_in_locked' if wait > 60 else 'sign_in_wait', seconds=math.ceil(wait),
                                  minutes=math.ceil(wait / 60))

    def _until(self, db, kind: str, key: str, now: float) -> float:
        row = db.execute('SELECT failures, last_at, locked_until FROM sign_in_failures WHERE kind = ? AND key = ?',
                         (kind, key)).fetchone()
        if row is None:
            return 0.0
        failures, last_at, locked_until = row
        if locked_until and locked_until > now:
            return locked_until
        limits = self._limits[kind]
        if now - last_at > limits.forget_seconds or failures <= limits.free:
            return 0.0
        return last_at + min(2.0 ** (failures - limits.free - 1), limits.max_wait)

    def failed(self, username: str, address: str | None) -> None:
        now = self._clock()
        with self._store.transaction() as db:  # (names tried at random do not pile up: the forgotten go)
            forget = max(limits.forget_seconds for limits in self._limits.values())
            db.execute('DELETE FROM sign_in_failures WHERE last_at < ? AND (locked_until IS NULL OR locked_until < ?)',
                       (now - forget, now))
            for kind, key in self._keys(username, address):
                limits = self._limits[kind]
                row = db.execute('SELECT failures, last_at FROM sign_in_failures WHERE kind = ? AND key = ?',
                                 (kind, key)).fetchone()
                failures = 1 if row is None or now - row[1] > limits.forget_seconds else row[0] + 1
                locked_until = now + limits.lock_seconds if failures >= limits.lock_after else None
                db.execute('INSERT OR REPLACE INTO sign_in_failures (kind, key, failures, last_at, locked_until)'
                           ' VALUES (?, ?, ?, ?, ?)', (kind, key, failures if locked_until is None else 0, now,
                                                       locked_until))
                if locked_until is not None:
                    audit.append(db, audit.SERVER_CHAIN, 'system', 'sign_in_locked', {
                        kind: key, 'failures': failures, 'seconds': limits.lock_seconds,
                        **({'address': address} if kind == 'account' and address else {})})

    def succeeded(self, username: str) -> None:
        with self._store.transaction() as db:
            db.execute("DELETE FROM sign_in_failures WHERE kind = 'account' AND key = ?", (username.strip().lower(),))

    def clear(self, username: str) -> None:
        """An administrator reset the password: the account may try again at once."""
        self.succeeded(username)
