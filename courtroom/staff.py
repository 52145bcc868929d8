"""Who may see which hearing: each hearing has its staff (the presiding judge, the other judges and assessors, the
clerk, the procurator, counsel), assigned by the clerk on it or by an administrator. Anyone else is told the hearing
does not exist (404, not 403, so that case numbers do not leak), on every page and route, which find the hearing
of what they name here (``hearing_of``). Administrators see every hearing, to staff it. Assignments and their
changes are audited; the hearing's creator is on its staff from the start."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from . import audit
from .errors import Forbidden, InvalidInput, NotFound
from .roles import Role

if TYPE_CHECKING:  # (users and the store import hearings, which adds a hearing's creator here)
    from .store import Store
    from .users import User

# what a path names → how to find its hearing (the table and column of the thing, joined to its hearing)
_HEARING_OF = {
    'hearing_id': 'SELECT id FROM hearings WHERE id = ?',
    'exhibit_id': 'SELECT hearing_id FROM exhibits WHERE id = ?',
    'map_id': 'SELECT hearing_id FROM case_maps WHERE id = ?',
    'mark_id': 'SELECT hearing_id FROM marks WHERE id = ?',
    'participant_id': 'SELECT hearing_id FROM participants WHERE id = ?',
    'redaction_id': 'SELECT e.hearing_id FROM redactions r JOIN exhibits e ON e.id = r.exhibit_id WHERE r.id = ?',
    'screen_id': 'SELECT hearing_id FROM screens WHERE id = ?',
    'treatment_id': 'SELECT hearing_id FROM treatments WHERE id = ?',
    'entry_id': 'SELECT hearing_id FROM minutes WHERE id = ?',
    'correction_id': 'SELECT hearing_id FROM minutes_corrections WHERE id = ?',
}
NAMED_BY = frozenset(_HEARING_OF)  # the path parameters that name something of one hearing
MAX_STAFF = 60


@dataclass(frozen=True, slots=True)
class Member:
    username: str
    role: Role

    def to_api(self) -> dict[str, str]:
        return {'username': self.username, 'role': self.role.value}


def add_creator(db: sqlite3.Connection, hearing_id: int, username: str) -> None:
    """Inside the transaction that creates the hearing: its creator is on its staff (an unknown name, such as a
    test's or the CLI's ``cli``, is not)."""
    row = db.execute('SELECT role FROM users WHERE username = ?', (username,)).fetchone()
    if row is not None:
        db.execute('INSERT OR IGNORE INTO hearing_staff (hearing_id, username, role, assigned_by, assigned_at)'
                   ' VALUES (?, ?, ?, ?, ?)', (hearing_id, username, row[0], username, _now()))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec='seconds')


class Staff:
    def __init__(self, store: Store) -> None:
        self._store = store

    def of_hearing(self, hearing_id: int) -> list[Member]:
        with self._store.read() as db:
            rows = db.execute('SELECT username, role FROM hearing_staff WHERE hearing_id = ? ORDER BY role, username',
                              (hearing_id,)).fetchall()
        return [Member(r[0], Role(r[1])) for r in rows]

    def hearings_of(self, user: User) -> set[int] | None:
        """The hearings ``user`` may see; None for all of them (an administrator)."""
        if user.role is Role.ADMIN:
            return None
        with self._store.read() as db:
            return {r[0] for r in db.execute('SELECT hearing_id FROM hearing_staff WHERE username = ?',
                                             (user.username,))}

    def is_on(self, user: User, hearing_id: int) -> bool:
        if user.role is Role.ADMIN:
            return True
        with self._store.read() as db:
            return db.execute('SELECT 1 FROM hearing_staff WHERE hearing_id = ? AND username = ?',
                              (hearing_id, user.username)).fetchone() is not None

    def hearing_of(self, named: str, value: int) -> int | None:
        """The hearing of the thing a path names (``exhibit_id`` 12 → its hearing), or None if there is none."""
        if not -2**63 <= value < 2**63:  # store.SQLITE_INTEGERS (imported here, a cycle)
            return None
        with self._store.read() as db:
            row = db.execute(_HEARING_OF[named], (value,)).fetchone()
        return row[0] if row else None

    def require(self, user: User, hearing_id: int) -> None:
        """NotFound for a user not on the hearing's staff: to them it does not exist."""
        if not self.is_on(user, hearing_id):
            raise NotFound('hearing_not_found', hearing_id=hearing_id)

    def replace(self, hearing_id: int, user: User, members: list[dict[str, object]]) -> list[Member]:
        """The hearing's staff, replaced: by the clerk on it or an administrator (others 403, or 404 if not on it).
        Each member's role is their account's; the one replacing stays on it, so no hearing is left unstaffed."""
        self.require(user, hearing_id)
        if user.role not in (Role.CLERK, Role.ADMIN):
            raise Forbidden('forbidden_role', role=user.role.value, action='assign_staff')
        if not isinstance(members, list) or len(members) > MAX_STAFF:
            raise InvalidInput('bad_staff', max=MAX_STAFF)
        wanted: dict[str, Role] = {}
        with self._store.read() as db:
            accounts = {r[0]: Role(r[1]) for r in db.execute('SELECT username, role FROM users')}
        for member in members:
            username = str(member.get('username', '')) if isinstance(member, dict) else ''
            if username not in accounts:
                raise InvalidInput('staff_unknown_user', username=username)
            role = str(member.get('role') or accounts[username].value)
            if role != accounts[username].value:
                raise InvalidInput('staff_role_mismatch', username=username, role=role,
                                   account=accounts[username].value)
            wanted[username] = accounts[username]
        if user.role is not Role.ADMIN:
            wanted.setdefault(user.username, user.role)
        return self.assign(hearing_id, wanted, actor=user.username)

    def assign(self, hearing_id: int, wanted: dict[str, Role], *, actor: str) -> list[Member]:
        """The staff set as given, without asking who may (the demo, a migration, ``replace`` once it has)."""
        before = {m.username: m.role for m in self.of_hearing(hearing_id)}
        with self._store.transaction() as db:
            db.execute('DELETE FROM hearing_staff WHERE hearing_id = ?', (hearing_id,))
            for username, role in wanted.items():
                db.execute('INSERT INTO hearing_staff (hearing_id, username, role, assigned_by, assigned_at)'
                           ' VALUES (?, ?, ?, ?, ?)', (hearing_id, username, role.value, actor, _now()))
            added = sorted(set(wanted) - set(before))
            removed = sorted(set(before) - set(wanted))
            if added or removed:
                audit.append(db, hearing_id, actor, 'staff_changed', {'added': added, 'removed': removed})
        return self.of_hearing(hearing_id)

