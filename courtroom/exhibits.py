"""Exhibits (tài liệu, chứng cứ) and their pages: the drafts an import produces, bút lục numbering across the
hearing's bundle, and the repository that stores a bundle whole or not at all."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from . import audit
from .errors import Conflict, NotFound
from .search_index import index_page, page_text_indexed
from .store import Store


class Disclosure(StrEnum):
    UNDISCLOSED = 'undisclosed'  # only the bench preview and the trial panel have seen it
    ON_DISPLAY = 'on_display'
    EXAMINED = 'examined'  # has been on the screens and left them


def counsel_sees(exhibit: Exhibit) -> bool:
    """Defence counsel see what the screens' counsel view has shown them: an exhibit shown in the hearing and not
    restricted, never one only the bench or the trial panel has seen."""
    return not exhibit.restricted and exhibit.disclosure is not Disclosure.UNDISCLOSED


class ExhibitKind(StrEnum):
    DOCUMENT = 'document'  # a PDF, or a range of one
    IMAGE = 'image'
    AUDIO = 'audio'
    VIDEO = 'video'


AV_KINDS = frozenset({ExhibitKind.AUDIO, ExhibitKind.VIDEO})  # recordings: played, not paged


@dataclass(slots=True, kw_only=True)
class ExhibitDraft:
    """One exhibit as an import found it, before it has an id or bút lục numbers.

    ``first_source_page`` is where the exhibit starts in its source file (a PDF split by bookmarks or by the
    manifest); pages are numbered from 1 within the exhibit. ``bl_first`` is set only when the manifest gives it.
    """

    title: str
    kind: ExhibitKind
    sha256: str
    source_name: str
    page_texts: list[str]
    first_source_page: int = 1
    label: str | None = None
    party: str | None = None
    bl_first: int | None = None
    media: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if len(self.sha256) != 64:
            raise ValueError(f'bad sha256 "{self.sha256}"')
        if not self.page_texts:
            raise ValueError(f'exhibit "{self.title}" has no pages')
        if self.first_source_page < 1:
            raise ValueError('first_source_page counts from 1')

    @property
    def page_count(self) -> int:
        return len(self.page_texts)


@dataclass(slots=True, kw_only=True, frozen=True)
class Exhibit:
    id: int
    hearing_id: int
    position: int
    label: str
    title: str
    kind: ExhibitKind
    sha256: str
    source_name: str
    first_source_page: int
    party: str | None
    page_count: int
    bl_first: int | None
    bl_last: int | None
    media: dict[str, Any]
    created_at: str
    disclosure: Disclosure = Disclosure.UNDISCLOSED
    restricted: bool = False

    def source_page(self, page: int) -> int:
        """The 1-based page of the source file that this exhibit's ``page`` is."""
        return self.first_source_page + page - 1

    def to_api(self) -> dict[str, Any]:
        return {
            'id': self.id,
            'hearing_id': self.hearing_id,
            'label': self.label,
            'title': self.title,
            'kind': self.kind.value,
            'sha256': self.sha256,
            'page_count': self.page_count,
            'bl_first': self.bl_first,
            'bl_last': self.bl_last,
            'party': self.party,
            'source_name': self.source_name,
            'media': self.media,
            'disclosure': self.disclosure.value,
            'restricted': self.restricted,
        }


def is_av(exhibit: Exhibit) -> bool:
    return exhibit.kind in AV_KINDS


def assign_bl(drafts: list[ExhibitDraft], taken: set[int], next_free: int) -> list[int]:
    """The first bút lục of each draft: the manifest's number where it gives one, else the next free number
    after everything before it. Refuses, naming the number, when two pages would share a BL."""
    firsts: list[int] = []
    used = set(taken)
    cursor = next_free
    for draft in drafts:
        first = draft.bl_first if draft.bl_first is not None else cursor
        numbers = range(first, first + draft.page_count)
        clash = next((n for n in numbers if n in used), None)
        if clash is not None:
            raise Conflict('bl_taken', bl=clash)
        used.update(numbers)
        firsts.append(first)
        cursor = max(cursor, numbers.stop)
    return firsts


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec='milliseconds')


def _exhibit(row: Any) -> Exhibit:
    return Exhibit(
        id=row['id'], hearing_id=row['hearing_id'], position=row['position'], label=row['label'],
        title=row['title'], kind=ExhibitKind(row['kind']), sha256=row['sha256'], source_name=row['source_name'],
        first_source_page=row['first_source_page'], party=row['party'], page_count=row['page_count'],
        bl_first=row['bl_first'], bl_last=row['bl_last'], media=json.loads(row['media_json'] or '{}'),
        created_at=row['created_at'], disclosure=Disclosure(row['disclosure']), restricted=bool(row['restricted']),
    )


@dataclass(slots=True, frozen=True)
class PageRef:
    exhibit_id: int
    page: int
    bl: int | None


class Exhibits:
    """The exhibits of every hearing, in the store."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def add_bundle(self, hearing_id: int, drafts: list[ExhibitDraft], *, actor: str) -> list[Exhibit]:
        """Store a whole bundle in one transaction: exhibits, pages with their BL numbers, the search index.
        Either every draft is stored or, on any error, none."""
        with self._store.transaction() as db:
            if db.execute('SELECT 1 FROM hearings WHERE id = ?', (hearing_id,)).fetchone() is None:
                raise NotFound('hearing_not_found', hearing_id=hearing_id)
            taken = {r[0] for r in db.execute('SELECT bl FROM pages WHERE hearing_id = ? AND bl IS NOT NULL',
                                              (hearing_id,))}
            next_free = max(taken, default=0) + 1
            firsts = assign_bl(drafts, taken, next_free)
            position = db.execute('SELECT COALESCE(MAX(position), 0) FROM exhibits WHERE hearing_id = ?',
                                  (hearing_id,)).fetchone()[0]
            labels = {r[0] for r in db.execute('SELECT label FROM exhibits WHERE hearing_id = ?', (hearing_id,))}
            ids = []
            now = _now()
            for draft, first in zip(drafts, firsts, strict=True):
                position += 1
                label = draft.label or _next_label(labels, position)
                if label in labels:
                    raise Conflict('label_taken', label=label)
                labels.add(label)
                cursor = db.execute(
                    'INSERT INTO exhibits (hearing_id, position, label, title, kind, sha256, source_name,'
                    ' first_source_page, party, page_count, bl_first, bl_last, media_json, created_at)'
                    ' VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
                    (hearing_id, position, label, draft.title, draft.kind.value, draft.sha256, draft.source_name,
                     draft.first_source_page, draft.party, draft.page_count, first, first + draft.page_count - 1,
                     json.dumps(draft.media, ensure_ascii=False), now),
                )
                exhibit_id = cursor.lastrowid
                ids.append(exhibit_id)
                for index, text in enumerate(draft.page_texts):
                    db.execute(
                        'INSERT INTO pages (hearing_id, exhibit_id, page, bl, text) VALUES (?, ?, ?, ?, ?)',
                        (hearing_id, exhibit_id, index + 1, first + index, text),
                    )
                    index_page(db, hearing_id, first + index, page_text_indexed(draft.title, index + 1, text))
            audit.append(db, hearing_id, actor, 'bundle_imported', {
                'exhibits': [{'id': i, 'sha256': d.sha256, 'source_name': d.source_name, 'bl_first': f,
                              'page_count': d.page_count} for i, d, f in zip(ids, drafts, firsts, strict=True)],
            })
        return [self.get(i) for i in ids]

    def get(self, exhibit_id: int) -> Exhibit:
        with self._store.read() as db:
            row = db.execute('SELECT * FROM exhibits WHERE id = ?', (exhibit_id,)).fetchone()
        if row is None:
            raise NotFound('exhibit_not_found', exhibit_id=exhibit_id)
        return _exhibit(row)

    def of_hearing(self, hearing_id: int) -> list[Exhibit]:
        with self._store.read() as db:
            rows = db.execute('SELECT * FROM exhibits WHERE hearing_id = ? ORDER BY position', (hearing_id,))
            return [_exhibit(r) for r in rows]

    def page_text(self, exhibit_id: int, page: int) -> str:
        with self._store.read() as db:
            row = db.execute('SELECT text FROM pages WHERE exhibit_id = ? AND page = ?', (exhibit_id, page)).fetchone()
        if row is None:
            raise NotFound('page_not_found', exhibit_id=exhibit_id, page=page,
                           page_count=self.get(exhibit_id).page_count)
        return row[0]

    def find_bl(self, hearing_id: int, bl: int) -> PageRef:
        with self._store.read() as db:
            row = db.execute('SELECT exhibit_id, page, bl FROM pages WHERE hearing_id = ? AND bl = ?',
                             (hearing_id, bl)).fetchone()
        if row is None:
            raise NotFound('bl_not_found', bl=bl)
        return PageRef(row[0], row[1], row[2])

    def check_page(self, exhibit: Exhibit, page: int) -> None:
        if not 1 <= page <= exhibit.page_count:
            raise NotFound('page_not_found', exhibit_id=exhibit.id, page=page, page_count=exhibit.page_count)

    def set_restricted(self, exhibit_id: int, restricted: bool, *, actor: str) -> Exhibit:
        """Mark an exhibit restricted (published, it reaches panel screens only) or lift that; audited."""
        with self._store.transaction() as db:
            row = db.execute('SELECT hearing_id, restricted FROM exhibits WHERE id = ?', (exhibit_id,)).fetchone()
            if row is None:
                raise NotFound('exhibit_not_found', exhibit_id=exhibit_id)
            if bool(row['restricted']) != restricted:
                db.execute('UPDATE exhibits SET restricted = ? WHERE id = ?', (int(restricted), exhibit_id))
                audit.append(db, row['hearing_id'], actor, 'restricted' if restricted else 'unrestricted',
                             {'exhibit_id': exhibit_id})
        return self.get(exhibit_id)

    def sha256_in_use(self) -> set[str]:
        """The evidence blobs something refers to: exhibits' files, and the files case maps were imported from."""
        with self._store.read() as db:
            return {r[0] for r in db.execute(
                "SELECT sha256 FROM exhibits UNION SELECT json_extract(source, '$.sha256') FROM case_maps"
                " WHERE source IS NOT NULL")}


def _next_label(labels: set[str], position: int) -> str:
    n = position
    while (label := f'TL-{n:03d}') in labels:
        n += 1
    return label
