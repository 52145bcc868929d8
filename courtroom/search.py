"""Full-text search over every page of a hearing's bundle, with rules a Vietnamese speaker can trust.

Tone marks carry meaning ("định" is not "đình"): a query with any diacritic (or đ) matches its words exactly as
written, case aside; a query without any matches them folded ("giam dinh" finds "giám định"), and so does any
query when the caller asks. Words are whole words. Pages come in three tiers: the words as a phrase, then all the
words apart, then some of them; within a tier by BL. "BL 125" (or "bl125") names a page directly and comes first.
A snippet brackets only the words that matched under the rule used. Reads take a connection of their own
(``Store.snapshot``), so a search never holds up a publish; the index is described in ``search_index``.

Redactions (courtroom.redactions): for anyone but the trial panel the caller passes the words under each page's
redaction boxes (``hidden``). On such a page the words are masked ("█████") wherever they appear in its text, the
snippet is cut from the masked text, and the page is found only by what is left of it: its tier is worked out
again on the masked text (never better than the index's), and a page that matched only by hidden words is not
found at all. Otherwise the list of hits would itself tell that a hidden name is on that page. (A search that
drops such pages may return fewer than ``limit`` hits.)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from enum import IntEnum

from .bl import bl_reference
from .errors import InvalidInput
from .redactions import masked
from .search_index import WORD, exact, fold, has_marks, hearing_keys, key_bl, page_text_indexed, variants
from .store import Store

__all__ = ['MAX_QUERY_CHARS', 'Hit', 'Search', 'Terms', 'Tier', 'fold', 'highlight_pattern', 'snippet']

SNIPPET_CHARS = 160
MAX_QUERY_CHARS = 500


class Tier(IntEnum):
    """How a page matched, best first."""

    PHRASE = 1
    ALL_WORDS = 2
    SOME_WORDS = 3


@dataclass(slots=True, frozen=True, kw_only=True)
class Terms:
    """A query's words, normalised for the index they are looked up in."""

    words: tuple[str, ...]
    exact: bool

    def __post_init__(self) -> None:
        if not self.words:
            raise InvalidInput('bad_query')

    @classmethod
    def parse(cls, query: str, *, ignore_marks: bool = False) -> Terms:
        """The words of ``query``; exact when it has a diacritic and the caller did not ask to ignore them. No FTS
        syntax survives: only letters and digits are kept."""
        query = query.strip()
        if len(query) > MAX_QUERY_CHARS:
            raise InvalidInput('query_too_long', max=MAX_QUERY_CHARS)
        is_exact = has_marks(query) and not ignore_marks
        normal = exact(query) if is_exact else fold(exact(query))
        return cls(words=tuple(WORD.findall(normal)), exact=is_exact)

    @property
    def table(self) -> str:
        return 'pages_exact' if self.exact else 'pages_fts'

    def matches(self) -> list[tuple[Tier, str]]:
        """The FTS5 MATCH expression of each tier, disjoint, best first."""
        quoted = [f'"{w}"' for w in self.words]  # words are letters and digits only: nothing to escape
        phrase = '"' + ' '.join(self.words) + '"'
        if len(self.words) == 1:
            return [(Tier.PHRASE, phrase)]
        every, some = ' AND '.join(quoted), ' OR '.join(quoted)
        return [(Tier.PHRASE, phrase), (Tier.ALL_WORDS, f'({every}) NOT {phrase}'),
                (Tier.SOME_WORDS, f'({some}) NOT ({every})')]


_WORD_CHAR, _END, _GAP = r'[^\W_]', r'(?![^\W_])', r'[\W_]+'  # word boundaries as the index sees them


def _literal(word: str, exact: bool) -> str:
    """``word`` as a pattern (case is ignored by the pattern's flag); folded, each letter with its marked forms."""
    if exact:
        return re.escape(word)
    return ''.join(re.escape(c) if len(variants(c)) == 1 else f'[{re.escape(variants(c))}]' for c in word)


def _word(word: str, exact: bool) -> str:
    # the boundary before the word is checked after it, so the pattern starts with its first letter, found fast
    return f'{_literal(word, exact)}(?<!{_WORD_CHAR}(?s:.){{{len(word)}}})'


def highlight_pattern(terms: Terms, tier: Tier) -> re.Pattern[str]:
    """What a snippet brackets on a hit of ``tier``: the phrase on a phrase hit of several words, else any of the
    words; whole words, found in the page's own text (NFC), so a match's offsets are the text's."""
    words = terms.words
    if tier is Tier.PHRASE and len(words) > 1:
        body = _word(words[0], terms.exact) + ''.join(_GAP + _literal(w, terms.exact) for w in words[1:])
    else:
        body = '(?:' + '|'.join(_word(w, terms.exact) for w in sorted(set(words), key=len, reverse=True)) + ')'
    return re.compile(body + _END, re.IGNORECASE)


# the text's own brackets shown full-width, so that [ ] in a snippet always mean a match
_OWN_BRACKETS = str.maketrans('[]', '［］')


def snippet(text: str, pattern: re.Pattern[str] | None, width: int = SNIPPET_CHARS) -> str:
    """A window of ``text`` around the first match of ``pattern`` (see ``highlight_pattern``), the words of each
    match wrapped in [ ]; the page's start when nothing matched in its text (no pattern, or a match in the
    exhibit's title only)."""
    text = unicodedata.normalize('NFC', text)
    first = None if pattern is None else pattern.search(text)
    start = 0 if first is None else max(0, first.start() - width // 3)
    end = min(len(text), start + width)
    spans = [] if pattern is None or first is None else [
        (m.start() + w.start(), m.start() + w.end())
        for m in pattern.finditer(text, first.start(), end + MAX_QUERY_CHARS)  # past the end: whole words
        for w in WORD.finditer(m.group())]
    out, cursor = [], start
    for s, e in spans:
        if s < cursor or e > end:
            continue
        out += [text[cursor:s].translate(_OWN_BRACKETS), '[', text[s:e], ']']
        cursor = e
    out.append(text[cursor:end].translate(_OWN_BRACKETS))
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


_PAGES = ('SELECT p.exhibit_id, e.label, e.title, p.page, p.bl, p.text FROM pages p'
          ' JOIN exhibits e ON e.id = p.exhibit_id WHERE p.hearing_id = ? AND p.bl IN ({})')


class Search:
    def __init__(self, store: Store) -> None:
        self._store = store

    def search(self, hearing_id: int, query: str, limit: int = 50, *, ignore_marks: bool = False,
               hidden: Mapping[tuple[int, int], frozenset[str]] | None = None) -> list[Hit]:
        """Up to ``limit`` pages of the hearing, the BL named first, then by tier and BL. ``ignore_marks`` folds a
        query that has diacritics too. ``hidden``: the words under redactions by (exhibit id, page), for a caller
        who may not see them (see the module's docstring)."""
        query = query.strip()
        if not query:
            raise InvalidInput('bad_query')
        terms = Terms.parse(query, ignore_marks=ignore_marks)
        bl = bl_reference(query)
        first, last = hearing_keys(hearing_id)
        found: list[tuple[int, Tier | None]] = [] if bl is None else [(bl, None)]
        with self._store.snapshot() as db:
            for tier, match in terms.matches():
                if len(found) >= limit or (bl is not None and tier is Tier.SOME_WORDS):  # "BL" alone: every page
                    break
                # FTS5 walks the match in rowid (= BL) order and stops at the LIMIT: no page is scored
                rows = db.execute(f'SELECT rowid FROM {terms.table} WHERE {terms.table} MATCH ?'
                                  ' AND rowid BETWEEN ? AND ? ORDER BY rowid LIMIT ?',
                                  (match, first, last, limit - len(found) + 1)).fetchall()
                found += [(key_bl(row[0]), tier) for row in rows if key_bl(row[0]) != bl]
            found = found[:limit]
            pages = {row[4]: row for row in db.execute(_PAGES.format(', '.join('?' * len(found))),
                                                       (hearing_id, *(b for b, _ in found)))}
        patterns = {tier: highlight_pattern(terms, tier) for tier, _ in terms.matches()}
        shown: list[tuple[int, Tier | None, tuple[object, ...], str]] = []
        for page_bl, tier in found:
            row = pages.get(page_bl)
            if row is None:
                continue  # a BL named that the hearing does not have
            text, words = row[5], (hidden or {}).get((row[0], row[3]))
            if words:
                text = masked(text, words)
                if tier is not None:
                    left = _tier_left(terms, page_text_indexed(row[2], row[3], text))
                    if left is None:
                        continue  # found only by words under a redaction
                    tier = max(tier, left)
            shown.append((page_bl, tier, row, text))
        if hidden:  # a page may have moved down a tier: the order is the index's, by tier then BL
            shown.sort(key=lambda s: (0 if s[1] is None else int(s[1]), s[0]))
        return [Hit(row[0], row[1], row[2], row[3], row[4], snippet(text, None if tier is None else patterns[tier]))
                for _, tier, row, text in shown]


def _tier_left(terms: Terms, text: str) -> Tier | None:
    """The best tier ``text`` (a page's masked text) still matches the query in, by the same word rule as the
    snippet's highlighting; None when none of the words is left."""
    text = unicodedata.normalize('NFC', text)
    if highlight_pattern(terms, Tier.PHRASE).search(text):
        return Tier.PHRASE
    present = [highlight_pattern(Terms(words=(w,), exact=terms.exact), Tier.PHRASE).search(text) is not None
               for w in terms.words]
    return Tier.ALL_WORDS if all(present) else Tier.SOME_WORDS if any(present) else None
