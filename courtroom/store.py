"""The SQLite database: schema, migrations, one connection shared by threads under a lock, and transactions.

Routes and pages call the services from worker threads (FastAPI runs sync routes in its thread pool; pages use
``run.io_bound``), so the connection is opened with ``check_same_thread=False`` and every use holds the lock.
Long reads (search) take a read-only connection of their own instead (``snapshot()``): in WAL mode they neither
wait for nor hold up a write.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from . import search_index

SQLITE_INTEGERS = range(-2**63, 2**63)  # what an INTEGER column holds; a number beyond it raises OverflowError

# each a SQL script, or a function of the connection for a step SQL cannot do alone; run in one transaction each
MIGRATIONS: list[str | Callable[[sqlite3.Connection], None]] = [
    # 1: the foundation
    """
    CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE TABLE tokens (
        token_hash TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id),
        expires_at TEXT NOT NULL
    );
    CREATE TABLE hearings (
        id INTEGER PRIMARY KEY,
        case_number TEXT NOT NULL,
        title TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES users(id)
    );
    CREATE TABLE exhibits (
        id INTEGER PRIMARY KEY,
        hearing_id INTEGER NOT NULL REFERENCES hearings(id),
        position INTEGER NOT NULL,
        label TEXT NOT NULL,
        title TEXT NOT NULL,
        kind TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        source_name TEXT NOT NULL,
        first_source_page INTEGER NOT NULL DEFAULT 1,
        party TEXT,
        page_count INTEGER NOT NULL,
        bl_first INTEGER,
        bl_last INTEGER,
        media_json TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (hearing_id, label)
    );
    CREATE TABLE pages (
        id INTEGER PRIMARY KEY,
        hearing_id INTEGER NOT NULL REFERENCES hearings(id),
        exhibit_id INTEGER NOT NULL REFERENCES exhibits(id),
        page INTEGER NOT NULL,
        bl INTEGER,
        text TEXT NOT NULL,
        UNIQUE (exhibit_id, page),
        UNIQUE (hearing_id, bl)
    );
    CREATE VIRTUAL TABLE pages_fts USING fts5(
        folded, tokenize="unicode61 remove_diacritics 2"
    );
    CREATE TABLE audit (
        hearing_id INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        details TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        PRIMARY KEY (hearing_id, seq)
    );
    """,
    # 2: presenting: screens, disclosure, the live presentation state, previews
    """
    ALTER TABLE hearings ADD COLUMN closed_door INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE hearings ADD COLUMN approval_required INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE exhibits ADD COLUMN disclosure TEXT NOT NULL DEFAULT 'undisclosed';
    ALTER TABLE exhibits ADD COLUMN restricted INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE screens (
        id INTEGER PRIMARY KEY,
        hearing_id INTEGER NOT NULL REFERENCES hearings(id),
        name TEXT NOT NULL,
        audience TEXT NOT NULL,
        token TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
    );
    CREATE TABLE presentation (
        hearing_id INTEGER PRIMARY KEY REFERENCES hearings(id),
        state TEXT NOT NULL
    );
    CREATE TABLE previews (
        hearing_id INTEGER NOT NULL REFERENCES hearings(id),
        user_id INTEGER NOT NULL REFERENCES users(id),
        shown TEXT NOT NULL,
        PRIMARY KEY (hearing_id, user_id)
    );
    """,
    # 3: the hybrid hearing: charges, connection points, participants and their join links
    """
    ALTER TABLE hearings ADD COLUMN charges TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE hearings ADD COLUMN state_secret INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE points (
        id INTEGER PRIMARY KEY,
        hearing_id INTEGER NOT NULL REFERENCES hearings(id),
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE TABLE participants (
        id INTEGER PRIMARY KEY,
        hearing_id INTEGER NOT NULL REFERENCES hearings(id),
        point_id INTEGER NOT NULL REFERENCES points(id),
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        id_document_type TEXT,
        id_document_number TEXT,
        state TEXT NOT NULL DEFAULT 'invited',
        link_nonce TEXT NOT NULL,
        link_expires_at INTEGER NOT NULL,
        id_verified INTEGER,
        id_note TEXT,
        muted INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
    );
    INSERT INTO points (hearing_id, name, kind, created_at)
        SELECT id, 'Phòng xử án', 'central', created_at FROM hearings;
    """,
    # 4: courtroom screens that also show the remote participants' video
    """
    ALTER TABLE screens ADD COLUMN show_video INTEGER NOT NULL DEFAULT 0;
    """,
    # 5: the record: stages, minutes, recordings
    """
    ALTER TABLE hearings ADD COLUMN stage TEXT NOT NULL DEFAULT 'preparing';
    ALTER TABLE hearings ADD COLUMN stage_before TEXT;
    ALTER TABLE hearings ADD COLUMN stage_reason TEXT;
    ALTER TABLE hearings ADD COLUMN resume_on TEXT;
    ALTER TABLE hearings ADD COLUMN record_from_opening INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE minutes (
        id INTEGER PRIMARY KEY,
        hearing_id INTEGER NOT NULL REFERENCES hearings(id),
        at TEXT NOT NULL,
        author TEXT NOT NULL,
        text TEXT NOT NULL
    );
    CREATE TABLE recordings (
        hearing_id INTEGER PRIMARY KEY REFERENCES hearings(id),
        on_since TEXT,
        series TEXT
    );
    CREATE TABLE segments (
        id INTEGER PRIMARY KEY,
        hearing_id INTEGER NOT NULL REFERENCES hearings(id),
        source TEXT NOT NULL,
        series TEXT NOT NULL,
        seq INTEGER NOT NULL,
        path TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        started_at REAL NOT NULL,
        ended_at REAL NOT NULL,
        UNIQUE (hearing_id, source, series, seq)
    );
    """,
    # 6: online interrogations and statements (hỏi cung, lấy lời khai) are sessions like hearings
    """
    ALTER TABLE hearings ADD COLUMN kind TEXT NOT NULL DEFAULT 'hearing';
    """,
    # 7: search by words as written (tone marks kept) and folded, each page keyed by its place in the case file
    search_index.rebuild,
    # 8: marks on a page (courtroom.marks); a deleted mark keeps its row for the record
    """
    CREATE TABLE marks (
        id INTEGER PRIMARY KEY,
        hearing_id INTEGER NOT NULL REFERENCES hearings(id),
        exhibit_id INTEGER NOT NULL REFERENCES exhibits(id),
        page INTEGER NOT NULL,
        kind TEXT NOT NULL,
        points TEXT NOT NULL,
        color TEXT NOT NULL,
        text TEXT,
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        deleted_at TEXT,
        deleted_by TEXT
    );
    CREATE INDEX marks_of_page ON marks (hearing_id, exhibit_id, page);
    """,
    # 9: the screen whose speakers are the courtroom's: it alone plays a recording's sound, and named clips of
    # recordings (courtroom.playback)
    """
    ALTER TABLE screens ADD COLUMN audio_output INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE clips (
        id INTEGER PRIMARY KEY,
        hearing_id INTEGER NOT NULL REFERENCES hearings(id),
        exhibit_id INTEGER NOT NULL REFERENCES exhibits(id),
        name TEXT NOT NULL,
        in_s REAL NOT NULL,
        out_s REAL NOT NULL,
        author TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE INDEX clips_of_exhibit ON clips (exhibit_id);
    """,
    # 10: treatments, a page's marks (and zoom region) saved under a name to show again (courtroom.treatments); a
    # deleted one keeps its row for the record, and frees its name
    """
    CREATE TABLE treatments (
        id INTEGER PRIMARY KEY,
        hearing_id INTEGER NOT NULL REFERENCES hearings(id),
        exhibit_id INTEGER NOT NULL REFERENCES exhibits(id),
        page INTEGER NOT NULL,
        name TEXT NOT NULL,
        region TEXT,
        shapes TEXT NOT NULL,
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        deleted_at TEXT,
        deleted_by TEXT
    );
    CREATE UNIQUE INDEX treatments_named ON treatments (hearing_id, name) WHERE deleted_at IS NULL;
    """,
    # 11: redaction boxes on an exhibit page (courtroom.redactions), kept with the exhibit; a deleted one keeps its row
    """
    CREATE TABLE redactions (
        id INTEGER PRIMARY KEY,
        exhibit_id INTEGER NOT NULL REFERENCES exhibits(id),
        page INTEGER NOT NULL,
        box TEXT NOT NULL,
        words TEXT NOT NULL DEFAULT '[]',
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        approved_at TEXT,
        approved_by TEXT,
        deleted_at TEXT,
        deleted_by TEXT
    );
    CREATE INDEX redactions_of_page ON redactions (exhibit_id, page);
    """,
    # 12: case maps (courtroom.case_map): a hearing's maps, each save a version with the hash of its canonical JSON
    """
    CREATE TABLE case_maps (
        id INTEGER PRIMARY KEY,
        hearing_id INTEGER NOT NULL REFERENCES hearings(id),
        title TEXT NOT NULL,
        main INTEGER NOT NULL DEFAULT 0,
        shared INTEGER NOT NULL DEFAULT 0,
        source TEXT,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE INDEX case_maps_of_hearing ON case_maps (hearing_id);
    CREATE TABLE case_map_versions (
        map_id INTEGER NOT NULL REFERENCES case_maps(id),
        version INTEGER NOT NULL,
        title TEXT NOT NULL,
        tree TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        author TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        PRIMARY KEY (map_id, version)
    );
    """,
    # 13: sign-in hardening (courtroom.sign_in_guard): wrong passwords counted per account and per address; an
    # account an administrator disabled
    """
    CREATE TABLE sign_in_failures (
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        failures INTEGER NOT NULL,
        last_at REAL NOT NULL,
        locked_until REAL,
        PRIMARY KEY (kind, key)
    );
    ALTER TABLE users ADD COLUMN disabled_at TEXT
    """,
    # 14: the identity check (courtroom.identity): the date of birth on the participant's record, and the last check
    # of their document (JSON: method, result, fields compared, who checked and when, the still's hash)
    """
    ALTER TABLE participants ADD COLUMN id_birth_date TEXT;
    ALTER TABLE participants ADD COLUMN identity TEXT
    """,
    # 15: each hearing's staff (courtroom.staff); the hearings made before get their creator and whoever acted on them
    lambda db: _hearing_staff(db),
    # 16: minutes a clerk can sign (courtroom.minutes_signing): who speaks in a typed entry (participant:{id} or
    # staff:{username}) and when it was last edited; the presiding judge's and the clerk's signatures, each with the
    # hash of the minutes they signed; the corrections asked for after signing, appended, never overwriting
    """
    ALTER TABLE minutes ADD COLUMN speaker TEXT;
    ALTER TABLE minutes ADD COLUMN edited_at TEXT;
    CREATE TABLE minutes_signatures (
        hearing_id INTEGER NOT NULL REFERENCES hearings(id),
        role TEXT NOT NULL,
        username TEXT NOT NULL,
        at TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        PRIMARY KEY (hearing_id, role)
    );
    CREATE TABLE minutes_corrections (
        id INTEGER PRIMARY KEY,
        hearing_id INTEGER NOT NULL REFERENCES hearings(id),
        text TEXT NOT NULL,
        requested_by TEXT NOT NULL,
        requested_at TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'requested',
        reason TEXT,
        decided_by TEXT,
        decided_at TEXT
    )
    """,
]


def _hearing_staff(db: sqlite3.Connection) -> None:
    now = datetime.now(UTC).isoformat(timespec='seconds')
    db.execute('CREATE TABLE hearing_staff (hearing_id INTEGER NOT NULL REFERENCES hearings(id),'
               ' username TEXT NOT NULL, role TEXT NOT NULL, assigned_by TEXT NOT NULL, assigned_at TEXT NOT NULL,'
               ' PRIMARY KEY (hearing_id, username))')
    db.execute('CREATE INDEX hearing_staff_of_user ON hearing_staff (username)')
    db.execute('INSERT OR IGNORE INTO hearing_staff (hearing_id, username, role, assigned_by, assigned_at)'
               " SELECT h.id, u.username, u.role, 'migration', ? FROM hearings h JOIN users u ON u.id = h.created_by",
               (now,))
    db.execute('INSERT OR IGNORE INTO hearing_staff (hearing_id, username, role, assigned_by, assigned_at)'
               " SELECT DISTINCT a.hearing_id, u.username, u.role, 'migration', ? FROM audit a"
               ' JOIN users u ON u.username = a.actor JOIN hearings h ON h.id = a.hearing_id', (now,))


def apply_migration(db: sqlite3.Connection, number: int) -> None:
    """Migration ``number`` (from 1) and the database's version after it, inside the caller's transaction."""
    script = MIGRATIONS[number - 1]
    if callable(script):
        script(db)
    else:
        for statement in filter(str.strip, script.split(';\n')):
            db.execute(statement)
    db.execute(f'PRAGMA user_version = {number}')


class Store:
    """Owns the connection. ``read()`` and ``transaction()`` hand it out under the lock; ``snapshot()`` lends a
    read-only connection of a small pool."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._memory = str(path) == ':memory:'
        if not self._memory:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        # idle read-only connections, under a lock of their own so that taking one never waits for a transaction
        self._readers_lock = threading.Lock()
        self._readers: list[sqlite3.Connection] = []
        self._all_readers: list[sqlite3.Connection] = []
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self._db.execute('PRAGMA foreign_keys = ON')
        if str(path) != ':memory:':
            self._db.execute('PRAGMA journal_mode = WAL')
            self._db.execute('PRAGMA synchronous = NORMAL')
        self._migrate()

    def _migrate(self) -> None:
        with self._lock:
            version = self._db.execute('PRAGMA user_version').fetchone()[0]
            for number in range(version + 1, len(MIGRATIONS) + 1):
                with self.transaction() as db:
                    apply_migration(db, number)

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            yield self._db

    @contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """A read-only connection for this thread alone, inside one read transaction (a consistent view), that
        takes no lock: a long read does not delay a write, nor a write the read. In memory, the shared one."""
        if self._memory:
            with self.read() as db:
                yield db
            return
        with self._readers_lock:
            db = self._readers.pop() if self._readers else self._open_reader()
        try:
            db.execute('BEGIN')
            try:
                yield db
            finally:
                db.execute('COMMIT')
        finally:
            with self._readers_lock:
                self._readers.append(db)

    def _open_reader(self) -> sqlite3.Connection:
        db = sqlite3.connect(f'{self.path.resolve().as_uri()}?mode=ro', uri=True, check_same_thread=False,
                             isolation_level=None)
        db.row_factory = sqlite3.Row
        self._all_readers.append(db)
        return db

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All or nothing: commits when the block ends, rolls back when it raises."""
        with self._lock:
            self._db.execute('BEGIN IMMEDIATE')
            try:
                yield self._db
            except BaseException:
                self._db.execute('ROLLBACK')
                raise
            self._db.execute('COMMIT')

    def close(self) -> None:
        with self._lock, self._readers_lock:
            for db in self._all_readers:
                db.close()
            self._all_readers.clear()
            self._readers.clear()
            self._db.close()
