"""Staff accounts and bearer tokens. Passwords are stored as scrypt hashes; tokens as their SHA-256, so a copy of
the database gives no one a working token. Tokens expire (12 hours by default) and die on signing out; wrong
passwords are slowed down and then locked out (courtroom.sign_in_guard); an administrator can disable an account or
reset its password (both end its sessions and are written in the server's audit chain)."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from . import audit
from .errors import Conflict, InvalidInput, NotFound, Unauthorized
from .hearings import clean_text
from .passwords import check_password as password_allowed
from .roles import Role
from .sign_in_guard import SignInGuard
from .store import Store

_USERNAME = re.compile(r'^[a-z0-9._-]{2,32}$')
_SCRYPT = {'n': 2**14, 'r': 8, 'p': 1}


@dataclass(slots=True, kw_only=True, frozen=True)
class User:
    id: int
    username: str
    name: str
    role: Role


def hash_password(password: str, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, **_SCRYPT)
    return f'scrypt${salt.hex()}${digest.hex()}'


def check_password(password: str, stored: str) -> bool:
    _, salt, digest = stored.split('$')
    candidate = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt), **_SCRYPT)
    return hmac.compare_digest(candidate.hex(), digest)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _now() -> datetime:
    return datetime.now(UTC)


class Users:
    def __init__(self, store: Store, token_ttl: timedelta = timedelta(hours=12),
                 guard: SignInGuard | None = None) -> None:
        self._store = store
        self._ttl = token_ttl
        self._guard = guard or SignInGuard(store)
        self._dummy_hash = hash_password(secrets.token_hex(8))

    def add(self, username: str, *, role: Role | str, password: str, name: str | None = None) -> User:
        role = Role.parse(role) if isinstance(role, str) else role
        if not _USERNAME.match(username):
            raise InvalidInput('bad_username', username=username)
        password_allowed(password, username)
        name = clean_text('name', name or username, 200)
        with self._store.transaction() as db:
            if db.execute('SELECT 1 FROM users WHERE username = ?', (username,)).fetchone():
                raise Conflict('username_taken', username=username)
            cursor = db.execute('INSERT INTO users (username, name, role, password_hash, created_at)'
                                ' VALUES (?, ?, ?, ?, ?)',
                                (username, name, role.value, hash_password(password), _now().isoformat()))
        assert cursor.lastrowid is not None
        return User(id=cursor.lastrowid, username=username, name=name, role=role)

    def exists(self, username: str) -> bool:
        with self._store.read() as db:
            return db.execute('SELECT 1 FROM users WHERE username = ?', (username,)).fetchone() is not None

    def accounts(self) -> list[User]:
        """Every account that may sign in, by name (to choose a hearing's staff from)."""
        with self._store.read() as db:
            rows = db.execute('SELECT * FROM users WHERE disabled_at IS NULL ORDER BY name').fetchall()
        return [User(id=r['id'], username=r['username'], name=r['name'], role=Role(r['role'])) for r in rows]

    def names(self) -> dict[str, str]:
        """Every user's display name by username, for lists that say who did what."""
        with self._store.read() as db:
            return {r[0]: r[1] for r in db.execute('SELECT username, name FROM users')}

    def authenticate(self, username: str, password: str, address: str | None = None) -> User:
        """The user whose password this is. Wrong ones from ``username`` or ``address`` (the caller's IP) are
        counted: raises TooManyAttempts (429) while they must wait, without checking the password."""
        self._guard.check(username, address)
        with self._store.read() as db:
            row = db.execute('SELECT * FROM users WHERE username = ?', (username,)).fetchone()
        # check a hash even for an unknown user, so timing does not tell which usernames exist
        if not check_password(password, row['password_hash'] if row else self._dummy_hash) or row is None:
            self._guard.failed(username, address)
            raise Unauthorized('bad_credentials')
        if row['disabled_at']:
            raise Unauthorized('account_disabled')
        self._guard.succeeded(username)
        return User(id=row['id'], username=row['username'], name=row['name'], role=Role(row['role']))

    def disable(self, username: str, actor: str = 'admin') -> None:
        """The account signs in no more; its sessions end now."""
        with self._store.transaction() as db:
            row = db.execute('SELECT id FROM users WHERE username = ?', (username,)).fetchone()
            if row is None:
                raise NotFound('user_not_found', username=username)
            db.execute('UPDATE users SET disabled_at = ? WHERE id = ?', (_now().isoformat(), row[0]))
            db.execute('DELETE FROM tokens WHERE user_id = ?', (row[0],))
            audit.append(db, audit.SERVER_CHAIN, actor, 'user_disabled', {'username': username})

    def enable(self, username: str, actor: str = 'admin') -> None:
        with self._store.transaction() as db:
            if db.execute('UPDATE users SET disabled_at = NULL WHERE username = ?', (username,)).rowcount == 0:
                raise NotFound('user_not_found', username=username)
            audit.append(db, audit.SERVER_CHAIN, actor, 'user_enabled', {'username': username})

    def reset_password(self, username: str, password: str, actor: str = 'admin') -> None:
        """A new password set by an administrator: the rules of a new account; sessions end, a lockout lifts."""
        password_allowed(password, username)
        with self._store.transaction() as db:
            row = db.execute('SELECT id FROM users WHERE username = ?', (username,)).fetchone()
            if row is None:
                raise NotFound('user_not_found', username=username)
            db.execute('UPDATE users SET password_hash = ? WHERE id = ?', (hash_password(password), row[0]))
            db.execute('DELETE FROM tokens WHERE user_id = ?', (row[0],))
            audit.append(db, audit.SERVER_CHAIN, actor, 'password_reset', {'username': username})
        self._guard.clear(username)

    def issue_token(self, user: User) -> str:
        token = secrets.token_urlsafe(32)
        with self._store.transaction() as db:
            db.execute('DELETE FROM tokens WHERE expires_at < ?', (_now().isoformat(),))
            db.execute('INSERT INTO tokens (token_hash, user_id, expires_at) VALUES (?, ?, ?)',
                       (_token_hash(token), user.id, (_now() + self._ttl).isoformat()))
        return token

    def by_token(self, token: str | None) -> User:
        if not token:
            raise Unauthorized('not_authenticated')
        with self._store.read() as db:
            row = db.execute('SELECT u.* FROM tokens t JOIN users u ON u.id = t.user_id'
                             ' WHERE t.token_hash = ? AND t.expires_at > ? AND u.disabled_at IS NULL',
                             (_token_hash(token), _now().isoformat())).fetchone()
        if row is None:
            raise Unauthorized('not_authenticated')
        return User(id=row['id'], username=row['username'], name=row['name'], role=Role(row['role']))

    def get(self, user_id: int) -> User:
        with self._store.read() as db:
            row = db.execute('SELECT * FROM users WHERE id = ?', (user_id,)).fetchone()
        if row is None:
            raise Unauthorized('not_authenticated')
        return User(id=row['id'], username=row['username'], name=row['name'], role=Role(row['role']))

    def revoke_token(self, token: str) -> None:
        with self._store.transaction() as db:
            db.execute('DELETE FROM tokens WHERE token_hash = ?', (_token_hash(token),))
