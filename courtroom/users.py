"""Staff accounts and bearer tokens. Passwords are stored as scrypt hashes; tokens as their SHA-256, so a copy of
the database gives no one a working token."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from .errors import Conflict, InvalidInput, Unauthorized
from .hearings import clean_text
from .roles import Role
from .store import Store

MIN_PASSWORD = 8
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
    def __init__(self, store: Store, token_ttl: timedelta = timedelta(hours=12)) -> None:
        self._store = store
        self._ttl = token_ttl
        self._dummy_hash = hash_password(secrets.token_hex(8))

    def add(self, username: str, *, role: Role | str, password: str, name: str | None = None) -> User:
        role = Role.parse(role) if isinstance(role, str) else role
        if not _USERNAME.match(username):
            raise InvalidInput('bad_username', username=username)
        if len(password) < MIN_PASSWORD:
            raise InvalidInput('weak_password', min=MIN_PASSWORD)
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

    def names(self) -> dict[str, str]:
        """Every user's display name by username, for lists that say who did what."""
        with self._store.read() as db:
            return {r[0]: r[1] for r in db.execute('SELECT username, name FROM users')}

    def authenticate(self, username: str, password: str) -> User:
        with self._store.read() as db:
            row = db.execute('SELECT * FROM users WHERE username = ?', (username,)).fetchone()
        # check a hash even for an unknown user, so timing does not tell which usernames exist
        if not check_password(password, row['password_hash'] if row else self._dummy_hash) or row is None:
            raise Unauthorized('bad_credentials')
        return User(id=row['id'], username=row['username'], name=row['name'], role=Role(row['role']))

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
                             ' WHERE t.token_hash = ? AND t.expires_at > ?',
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
