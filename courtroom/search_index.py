"""The full-text index behind search: every page's words twice, as written and folded.

``pages_exact`` holds each page's text NFC-normalised and lower-cased, diacritics kept, so "định" and "đình" are
different words; ``pages_fts`` holds it *folded* (lower case, no diacritics, đ read as d), so "giam dinh" finds
both. Both are contentless FTS5 tables (the text itself stays in ``pages``) whose rowid is the page's place in the
case file: the hearing in the high 32 bits, the bút lục in the low ones. FTS5 walks a match in rowid order, so a
search asks for the first N matches of one hearing in BL order with ``ORDER BY rowid LIMIT N`` and stops there:
its cost follows the N pages it returns, not the size of the case file.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata

WORD = re.compile(r'[^\W_]+')  # words as FTS5's unicode61 tokenizer splits them: letters and digits, not "_"
_BL_BITS = 32
TABLES = ('pages_exact', 'pages_fts')

SCHEMA = """
    CREATE VIRTUAL TABLE pages_exact USING fts5(text, content='', tokenize="unicode61 remove_diacritics 0");
    CREATE VIRTUAL TABLE pages_fts USING fts5(text, content='', tokenize="unicode61 remove_diacritics 2")
"""


def _fold_char(char: str) -> str:
    if char in 'đĐ':
        return 'd'
    base = unicodedata.normalize('NFD', char)[0].lower()
    return base if len(base) == 1 else char


# Latin, Latin Extended and Vietnamese's Latin Extended Additional, folded once; other scripts pass through
_FOLD = {c: _fold_char(chr(c)) for r in (range(0x80), range(0x80, 0x250), range(0x1E00, 0x1F00))
         for c in r if _fold_char(chr(c)) != chr(c)}


# each folded character and every character that folds to it ("d": "dđĐD..."), to find folded words in the text
_VARIANTS: dict[str, str] = {}
for _code, _folded in sorted(_FOLD.items()):
    _VARIANTS[_folded] = _VARIANTS.get(_folded, _folded) + chr(_code)


def variants(char: str) -> str:
    """``char`` and every character that folds to it."""
    return _VARIANTS.get(char, char)


def fold(text: str) -> str:
    """Lower-case ``text`` and strip its diacritics, keeping its length: ``fold(s)[i]`` is ``s[i]`` folded."""
    return text.translate(_FOLD)


def exact(text: str) -> str:
    """``text`` as the exact index holds it: NFC (one code point for "ị" however it was typed), lower case."""
    return unicodedata.normalize('NFC', text).lower()


def has_marks(text: str) -> bool:
    """Whether ``text`` carries any diacritic (or đ): then its words are meant exactly as written."""
    nfc = unicodedata.normalize('NFC', text)
    return fold(nfc) != nfc.lower()


def page_key(hearing_id: int, bl: int) -> int:
    """The index rowid of page ``bl`` of a hearing: ordering by it orders a hearing's pages by BL."""
    if not 0 <= bl < 1 << _BL_BITS:
        raise ValueError(f'BL {bl} cannot be indexed')
    return (hearing_id << _BL_BITS) | bl


def key_bl(key: int) -> int:
    return key & ((1 << _BL_BITS) - 1)


def hearing_keys(hearing_id: int) -> tuple[int, int]:
    """The first and last rowid a hearing's pages can have."""
    return hearing_id << _BL_BITS, ((hearing_id + 1) << _BL_BITS) - 1


def index_page(db: sqlite3.Connection, hearing_id: int, bl: int, text: str) -> None:
    key = page_key(hearing_id, bl)
    db.execute('INSERT INTO pages_exact (rowid, text) VALUES (?, ?)', (key, exact(text)))
    db.execute('INSERT INTO pages_fts (rowid, text) VALUES (?, ?)', (key, fold(exact(text))))


def page_text_indexed(title: str, page: int, text: str) -> str:
    """What is indexed for a page: its text, and on an exhibit's first page the exhibit's title too."""
    return f'{title}\n{text}' if page == 1 else text


def rebuild(db: sqlite3.Connection) -> None:
    """Drop the search tables and index every page again (a migration; the text is in ``pages``)."""
    for table in TABLES:
        db.execute(f'DROP TABLE IF EXISTS {table}')
    for statement in filter(str.strip, SCHEMA.split(';\n')):
        db.execute(statement)
    rows = db.execute('SELECT p.hearing_id, p.bl, p.page, p.text, e.title FROM pages p'
                      ' JOIN exhibits e ON e.id = p.exhibit_id WHERE p.bl IS NOT NULL')
    for hearing_id, bl, page, text, title in rows:
        index_page(db, hearing_id, bl, page_text_indexed(title, page, text))
