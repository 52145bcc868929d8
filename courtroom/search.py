"""Full-text search over every page of a hearing's bundle.

Pages are indexed in SQLite FTS5 as *folded* text: lower case, diacritics removed and đ read as d, one character
for one character, so "but luc" finds "bút lục" and a snippet's offsets in the folded text are offsets in the
original. "BL 125" (or "bl125") names a page directly and comes first.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .bl import bl_reference
from .errors import InvalidInput
from .store import Store

_WORD = re.compile(r'\w+', re.UNICODE)
SNIPPET_CHARS = 160


def _fold_char(char: str) -> str:
    if char in 'đĐ':
        return 'd'
    base = unicodedata.normalize('NFD', char)[0].lower()
    return base if len(base) == 1 else char


# Latin, Latin Extended and Vietnamese's Latin Extended Additional, folded once; other scripts pass through
_FOLD = {c: _fold_char(chr(c)) for r in (range(0x80), range(0x80, 0x250), range(0x1E00, 0x1F00))
         for c in r if _fold_char(chr(c)) != chr(c)}


def fold(text: str) -> str:
    """Lower-case ``text`` and strip its diacritics, keeping its length: ``fold(s)[i]`` is ``s[i]`` folded."""
    return text.translate(_FOLD)


def fts_query(query: str) -> str:
    """An FTS5 query matching every word of ``query`` as a prefix, with no FTS syntax let through."""
    words = _WORD.findall(fold(query))
    if not words:
        raise InvalidInput('bad_query')
    return ' '.join(f'"{w}"*' for w in words)


def fts_phrase(query: str) -> str:
    """An FTS5 query for the words of ``query`` next to each other, in order (the last one as a prefix)."""
    words = _WORD.findall(fold(query))
    if not words:
        raise InvalidInput('bad_query')
    return '"' + ' '.join(words) + '"*'


def snippet(text: str, query: str, width: int = SNIPPET_CHARS) -> str:
    """A window of ``text`` around the first word of ``query`` found in it, the matches wrapped in [ ]."""
    folded = fold(text)
    words = [w for w in _WORD.findall(fold(query))]
    spans = sorted(
        (m.start(), m.end())
        for w in words
        for m in re.finditer(r'\b' + re.escape(w) + r'\w*', folded)
    )
    start = max(0, spans[0][0] - width // 3) if spans else 0
    end = min(len(text), start + width)
    out, cursor = [], start
    for s, e in spans:
        if s < cursor or e > end:
            continue
        out += [text[cursor:s], '[', text[s:e], ']']
        cursor = e
    out.append(text[cursor:end])
    body = ' '.join(''.join(out).split())
    return ('…' if start > 0 else '') + body + ('…' if end < len(text) else '')


@dataclass(slots=True, frozen=True)
class Hit:
    exhibit_id: int
    label: str
    title: str
    page: int
    bl: int | None
    snippet: str

    def to_api(self) -> dict[str, object]:
        return {'exhibit_id': self.exhibit_id, 'label': self.label, 'title': self.title, 'page': self.page,
                'bl': self.bl, 'snippet': self.snippet}


class Search:
    def __init__(self, store: Store) -> None:
        self._store = store

    def search(self, hearing_id: int, query: str, limit: int = 50) -> list[Hit]:
        query = query.strip()
        if not query or len(query) > 500:
            raise InvalidInput('bad_query')
        hits: list[Hit] = []
        with self._store.read() as db:
            bl = bl_reference(query)
            if bl is not None:
                row = db.execute('SELECT p.exhibit_id, e.label, e.title, p.page, p.bl, p.text FROM pages p'
                                 ' JOIN exhibits e ON e.id = p.exhibit_id WHERE p.hearing_id = ? AND p.bl = ?',
                                 (hearing_id, bl)).fetchone()
                if row is not None:
                    hits.append(Hit(row[0], row[1], row[2], row[3], row[4], snippet(row[5], '', SNIPPET_CHARS)))
            # the words as a phrase first ("giám định" together), then pages that have them all apart
            rows = [row for match in dict.fromkeys((fts_phrase(query), fts_query(query))) for row in db.execute(
                'SELECT p.exhibit_id, e.label, e.title, p.page, p.bl, p.text FROM pages_fts f'
                ' JOIN pages p ON p.id = f.rowid JOIN exhibits e ON e.id = p.exhibit_id'
                ' WHERE pages_fts MATCH ? AND p.hearing_id = ? ORDER BY p.bl, e.position, p.page LIMIT ?',
                (match, hearing_id, limit),
            ).fetchall()]
        seen = {(h.exhibit_id, h.page) for h in hits}
        for row in rows:
            if (row[0], row[3]) not in seen and len(hits) < limit:
                seen.add((row[0], row[3]))
                hits.append(Hit(row[0], row[1], row[2], row[3], row[4], snippet(row[5], query)))
        return hits
