"""The store's migrations: a data folder made by an earlier version opens and is brought up to date."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from courtroom.search import Search
from courtroom.store import MIGRATIONS, Store


def _database_at(path: Path, version: int) -> None:
    """A database as the code of migration ``version`` left it."""
    db = sqlite3.connect(path, isolation_level=None)
    for script in MIGRATIONS[:version]:
        if not isinstance(script, str):
            script(db)
            continue
        for statement in filter(str.strip, script.split(';\n')):
            db.execute(statement)
    db.execute(f'PRAGMA user_version = {version}')
    db.close()


def test_a_folder_from_before_search_by_tone_marks_is_reindexed(tmp_path: Path) -> None:
    path = tmp_path / 'db.sqlite3'
    _database_at(path, 6)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("INSERT INTO hearings (id, case_number, title, created_at) VALUES (3, '1', 't', 'now')")
    db.execute("INSERT INTO exhibits (id, hearing_id, position, label, title, kind, sha256, source_name, page_count,"
               " bl_first, bl_last, created_at) VALUES (1, 3, 1, 'A', 'Kết luận', 'document', 'a', 'a.pdf', 2, 10, 11,"
               " 'now')")
    for page, (bl, text) in enumerate([(10, 'Quận Ba Đình'), (11, 'Trưng cầu giám định')], start=1):
        cursor = db.execute('INSERT INTO pages (hearing_id, exhibit_id, page, bl, text) VALUES (3, 1, ?, ?, ?)',
                            (page, bl, text))
        db.execute('INSERT INTO pages_fts (rowid, folded) VALUES (?, ?)', (cursor.lastrowid, text.lower()))
    db.close()

    store = Store(path)
    try:
        with store.read() as db:
            assert db.execute('PRAGMA user_version').fetchone()[0] == len(MIGRATIONS)
        search = Search(store)
        assert [(h.bl, h.snippet) for h in search.search(3, 'định')] == [(11, 'Trưng cầu giám [định]')]
        assert [h.bl for h in search.search(3, 'dinh')] == [10, 11]
        assert [h.bl for h in search.search(3, 'kết luận')] == [10]  # the exhibit's title, on its first page
    finally:
        store.close()


def test_every_migration_runs_on_a_fresh_folder(tmp_path: Path) -> None:
    store = Store(tmp_path / 'db.sqlite3')
    with store.read() as db:
        assert db.execute('PRAGMA user_version').fetchone()[0] == len(MIGRATIONS)
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {'pages_exact', 'pages_fts', 'marks', 'treatments', 'redactions'} <= tables
    store.close()


OLD_HEARING = "INSERT INTO hearings (id, case_number, title, created_at) VALUES (3, '1', 'cũ', 'now')"


@pytest.mark.parametrize(('version', 'rows', 'expected'), [
    pytest.param(6, [OLD_HEARING], {'SELECT count(*) FROM marks': (0,), 'SELECT title FROM hearings': ('cũ',)},
                 id='marks'),
    pytest.param(6, [OLD_HEARING, "INSERT INTO screens (id, hearing_id, name, audience, token, created_at, show_video)"
                                  " VALUES (5, 3, 'Máy chiếu', 'public', 'tok', 'now', 1)"],
                 {'SELECT name, show_video, audio_output FROM screens': ('Máy chiếu', 1, 0)}, id='room-audio'),
    pytest.param(9, [OLD_HEARING, "INSERT INTO marks (hearing_id, exhibit_id, page, kind, points, color, author,"
                                  " created_at) VALUES (3, 1, 1, 'pen', '[[0.5, 0.5]]', 'red', 'ksv', 'now')"],
                 {'SELECT count(*) FROM treatments': (0,), 'SELECT count(*) FROM marks': (1,)}, id='treatments'),
    pytest.param(10, [OLD_HEARING, "INSERT INTO treatments (hearing_id, exhibit_id, page, name, shapes, author,"
                                   " created_at) VALUES (3, 1, 1, 'Lời khai', '[]', 'ksv', 'now')"],
                 {'SELECT count(*) FROM redactions': (0,), 'SELECT name FROM treatments': ('Lời khai',)},
                 id='redactions'),
])
def test_a_folder_from_an_older_version_gets_the_new_tables_and_keeps_what_it_had(
        tmp_path: Path, version: int, rows: list[str], expected: dict[str, tuple[object, ...]]) -> None:
    path = tmp_path / 'db.sqlite3'
    _database_at(path, version)
    db = sqlite3.connect(path, isolation_level=None)
    for row in rows:
        db.execute(row)
    db.close()
    store = Store(path)
    try:
        with store.read() as db:
            assert db.execute('PRAGMA user_version').fetchone()[0] == len(MIGRATIONS)
            assert {query: tuple(db.execute(query).fetchone()) for query in expected} == expected
    finally:
        store.close()
