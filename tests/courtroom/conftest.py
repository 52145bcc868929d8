from __future__ import annotations

from pathlib import Path

import pytest

from courtroom.court_time import DEFAULT_ZONE, zone_named
from courtroom.exhibits import ExhibitDraft, ExhibitKind, Exhibits
from courtroom.hearings import Hearings
from courtroom.store import Store

COURT_ZONE = zone_named(DEFAULT_ZONE)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / 'db.sqlite3')
    yield s
    s.close()


@pytest.fixture
def hearings(store: Store) -> Hearings:
    return Hearings(store)


@pytest.fixture
def exhibits(store: Store) -> Exhibits:
    return Exhibits(store)


def draft(texts: list[str], *, title: str = 'Tài liệu', bl_first: int | None = None, sha: str = 'a',
          label: str | None = None) -> ExhibitDraft:
    return ExhibitDraft(title=title, kind=ExhibitKind.DOCUMENT, sha256=sha * 64, source_name=f'{title}.pdf',
                        page_texts=texts, bl_first=bl_first, label=label)
