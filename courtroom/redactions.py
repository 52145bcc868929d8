"""Redactions: solid black boxes over parts of an exhibit page (a name, an address, a minor's face) that may not be
shown to anyone but the trial panel. A box is in page-normalised coordinates (0..1 from the page's top left) and is
kept with the exhibit, not per hearing: once redacted, a page is redacted wherever it is shown. Every add and
delete is in the audit chain of the exhibit's hearing, with the box (never with what is under it).

The boxes are burned into the page images in the renderer (media.redact), server-side: the pixels under a box never
leave the server toward an audience other than the panel. The words under a box are found once, when the box is
drawn (``words_under``, from the evidence file), and kept with it, so that search can hide them from the same
audiences (``masked``, and courtroom.search).

When the hearing requires the presiding judge's approval of what is shown, a box another role draws waits for it
(``pending``, ``approve``; a rejection deletes it). It is burned in from the moment it is drawn all the same: a
box that hides too much until the judge decides is the safe way to be wrong.

``parse_box`` is the pure rule for what a box may be; ``Redactions`` stores them and announces a page's changes on
``changed`` for the screens that show it and the caches keyed by a page's boxes (``PageRedactions.key``)."""

from __future__ import annotations

import hashlib
import json
import math
import re
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from . import audit
from .errors import Conflict, InvalidInput, NotFound
from .events import Event
from .exhibits import Exhibit, Exhibits
from .hearings import Hearings
from .roles import Action, Role, require
from .store import Store
from .users import User

MIN_SIDE = 0.005  # a box narrower or lower than 0.5 % of the page is a slip of the mouse, not a redaction
MASK = '█████'


@dataclass(slots=True, frozen=True)
class Box:
    x0: float
    y0: float
    x1: float
    y1: float

    def as_list(self) -> list[float]:
        return [self.x0, self.y0, self.x1, self.y1]

    def overlaps(self, x0: float, y0: float, x1: float, y1: float) -> bool:
        """Whether the rectangle (page-normalised) shares any area with the box: a word half under it is hidden."""
        return x0 < self.x1 and self.x0 < x1 and y0 < self.y1 and self.y0 < y1


def parse_box(box: object) -> Box:
    """Check a box a user draws, naming the first thing wrong with it. Pure."""
    if not isinstance(box, list | tuple) or len(box) != 4 or any(
            isinstance(c, bool) or not isinstance(c, int | float) or not math.isfinite(c) for c in box):
        raise InvalidInput('bad_redaction_box', box=_short(box))
    x0, y0, x1, y1 = (float(c) for c in box)
    if not all(0 <= c <= 1 for c in (x0, y0, x1, y1)):
        raise InvalidInput('redaction_box_outside', box=_short(box))
    if x1 <= x0 or y1 <= y0:
        raise InvalidInput('redaction_box_inverted', box=_short(box))
    if x1 - x0 < MIN_SIDE or y1 - y0 < MIN_SIDE:
        raise InvalidInput('redaction_box_too_small', box=_short(box), min=f'{MIN_SIDE:.1%}')
    return Box(x0, y0, x1, y1)


def _short(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:59] + '…'


@dataclass(slots=True, kw_only=True, frozen=True)
class Redaction:
    id: int
    exhibit_id: int
    page: int
    box: Box
    author: str
    created_at: str
    approved: bool = True  # False: waiting for the presiding judge's approval
    words: tuple[str, ...] = ()  # the words under the box: server-side only, never in to_api

    def to_api(self) -> dict[str, Any]:
        return {'id': self.id, 'exhibit_id': self.exhibit_id, 'page': self.page, 'box': self.box.as_list(),
                'author': self.author, 'created_at': self.created_at, 'approved': self.approved}


@dataclass(slots=True, frozen=True)
class PageRedactions:
    """A page's boxes at one revision of all redactions."""

    revision: int
    boxes: tuple[Box, ...]

    @property
    def key(self) -> str:
        """Names the page's redaction state in a cache key: '' for none, else a digest of the boxes, so that a
        rendering of other boxes (or of none) is never taken for this one."""
        if not self.boxes:
            return ''
        data = json.dumps(sorted(b.as_list() for b in self.boxes)).encode()
        return hashlib.sha256(data).hexdigest()[:16]


@dataclass(slots=True, frozen=True)
class RedactionsChange:
    """The redactions of one page changed."""

    hearing_id: int
    exhibit_id: int
    page: int


WordsUnder = Callable[[Exhibit, int, Box], list[str]]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec='microseconds')


def _redaction(row: Any) -> Redaction:
    return Redaction(id=row['id'], exhibit_id=row['exhibit_id'], page=row['page'], box=Box(*json.loads(row['box'])),
                     author=row['author'], created_at=row['created_at'], approved=row['approved_at'] is not None,
                     words=tuple(json.loads(row['words'])))


_WORD = re.compile(r'[^\W_]+')


def masked(text: str, words: Iterable[str]) -> str:
    """``text`` with every whole word among ``words`` replaced by ``MASK`` (case aside). A page's text has no
    positions, so a word under a box is hidden wherever it appears on that page: more than the box, never less."""
    hidden = {unicodedata.normalize('NFC', w).casefold() for w in words}
    if not hidden:
        return text
    text = unicodedata.normalize('NFC', text)
    return _WORD.sub(lambda m: MASK if m.group().casefold() in hidden else m.group(), text)


class Redactions:
    """Every exhibit's redactions. Deleting one keeps its row (with who deleted it, and when) for the record."""

    def __init__(self, store: Store, hearings: Hearings, exhibits: Exhibits,
                 words_under: WordsUnder | None = None) -> None:
        self._store = store
        self._hearings = hearings
        self._exhibits = exhibits
        self._words_under = words_under
        self.changed: Event[RedactionsChange] = Event()
        self._revision = 0  # read and written under the store's lock
        # the pages' boxes as last read, so the screens' fast path needs no database read: emptied under the
        # store's lock by a change, so an entry is never older than the last change to its page
        self._pages: dict[tuple[int, int], PageRedactions] = {}

    def add(self, user: User, *, exhibit_id: int, page: object, box: object) -> Redaction:
        require(user.role, Action.REDACT)
        exhibit = self._exhibits.get(exhibit_id)
        if isinstance(page, bool) or not isinstance(page, int):
            raise InvalidInput('bad_request', detail=f'page: {_short(page)}')
        self._exhibits.check_page(exhibit, page)
        checked = parse_box(box)
        words = sorted(set(self._words_under(exhibit, page, checked))) if self._words_under else []
        approved = user.role is Role.PRESIDING_JUDGE or not self._hearings.get(exhibit.hearing_id).approval_required
        at = _now()
        with self._store.transaction() as db:
            cursor = db.execute(
                'INSERT INTO redactions (exhibit_id, page, box, words, author, created_at, approved_at, approved_by)'
                ' VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
                (exhibit_id, page, json.dumps(checked.as_list()), json.dumps(words, ensure_ascii=False),
                 user.username, at, at if approved else None, user.username if approved else None))
            redaction = Redaction(id=int(cursor.lastrowid or 0), exhibit_id=exhibit_id, page=page, box=checked,
                                  author=user.username, created_at=at, approved=approved, words=tuple(words))
            audit.append(db, exhibit.hearing_id, user.username, 'redaction_added',
                         _details(redaction) | ({} if approved else {'pending': True}))
            self._changed_in(exhibit_id, page)
        self.changed.emit(RedactionsChange(exhibit.hearing_id, exhibit_id, page))
        return redaction

    def get(self, redaction_id: int) -> Redaction:
        with self._store.read() as db:
            row = db.execute('SELECT * FROM redactions WHERE id = ? AND deleted_at IS NULL',
                             (redaction_id,)).fetchone()
        if row is None:
            raise NotFound('redaction_not_found', redaction_id=redaction_id)
        return _redaction(row)

    def of_exhibit(self, exhibit_id: int) -> list[Redaction]:
        """The exhibit's redactions by page, oldest first; 404 for an unknown exhibit."""
        self._exhibits.get(exhibit_id)
        with self._store.read() as db:
            rows = db.execute('SELECT * FROM redactions WHERE exhibit_id = ? AND deleted_at IS NULL'
                              ' ORDER BY page, id', (exhibit_id,)).fetchall()
        return [_redaction(r) for r in rows]

    def page(self, exhibit_id: int, page: int) -> PageRedactions:
        """The page's boxes, from memory when at hand."""
        key = (exhibit_id, page)
        with self._store.read() as db:
            if (known := self._pages.get(key)) is None:
                rows = db.execute('SELECT box FROM redactions WHERE exhibit_id = ? AND page = ?'
                                  ' AND deleted_at IS NULL ORDER BY id', key).fetchall()
                known = self._pages[key] = PageRedactions(self._revision,
                                                          tuple(Box(*json.loads(r[0])) for r in rows))
            return known

    def known_page(self, exhibit_id: int, page: int) -> PageRedactions | None:
        """``page`` if it is at hand without reading the database (for the event loop), else None."""
        return self._pages.get((exhibit_id, page))

    def hidden_words(self, hearing_id: int) -> dict[tuple[int, int], frozenset[str]]:
        """The words under redactions of every page of a hearing's exhibits, by (exhibit id, page)."""
        with self._store.read() as db:
            rows = db.execute('SELECT r.exhibit_id, r.page, r.words FROM redactions r'
                              ' JOIN exhibits e ON e.id = r.exhibit_id'
                              ' WHERE e.hearing_id = ? AND r.deleted_at IS NULL', (hearing_id,)).fetchall()
        hidden: dict[tuple[int, int], set[str]] = {}
        for exhibit_id, page, words in rows:
            hidden.setdefault((exhibit_id, page), set()).update(json.loads(words))
        return {key: frozenset(words) for key, words in hidden.items() if words}

    def pending(self, hearing_id: int) -> list[Redaction]:
        """The boxes of a hearing's exhibits waiting for the presiding judge, oldest first."""
        with self._store.read() as db:
            rows = db.execute('SELECT r.* FROM redactions r JOIN exhibits e ON e.id = r.exhibit_id'
                              ' WHERE e.hearing_id = ? AND r.approved_at IS NULL AND r.deleted_at IS NULL'
                              ' ORDER BY r.id', (hearing_id,)).fetchall()
        return [_redaction(r) for r in rows]

    def approve(self, redaction_id: int, user: User) -> Redaction:
        """The presiding judge keeps a box that waits for approval (to reject it, delete it)."""
        require(user.role, Action.APPROVE)
        with self._store.transaction() as db:
            row = _live(db, redaction_id)
            if row['approved_at'] is not None:
                raise Conflict('redaction_not_pending', redaction_id=redaction_id)
            redaction, hearing_id = _redaction(row), row['hearing_id']
            db.execute('UPDATE redactions SET approved_at = ?, approved_by = ? WHERE id = ?',
                       (_now(), user.username, redaction_id))
            audit.append(db, hearing_id, user.username, 'redaction_approved', _details(redaction))
            self._changed_in(redaction.exhibit_id, redaction.page)
        self.changed.emit(RedactionsChange(hearing_id, redaction.exhibit_id, redaction.page))
        return Redaction(id=redaction.id, exhibit_id=redaction.exhibit_id, page=redaction.page, box=redaction.box,
                         author=redaction.author, created_at=redaction.created_at, approved=True,
                         words=redaction.words)

    def delete(self, redaction_id: int, user: User) -> Redaction:
        require(user.role, Action.REDACT)
        with self._store.transaction() as db:
            row = _live(db, redaction_id)
            redaction, hearing_id = _redaction(row), row['hearing_id']
            db.execute('UPDATE redactions SET deleted_at = ?, deleted_by = ? WHERE id = ?',
                       (_now(), user.username, redaction_id))
            audit.append(db, hearing_id, user.username, 'redaction_deleted', _details(redaction))
            self._changed_in(redaction.exhibit_id, redaction.page)
        self.changed.emit(RedactionsChange(hearing_id, redaction.exhibit_id, redaction.page))
        return redaction

    def _changed_in(self, exhibit_id: int, page: int) -> None:
        """Inside the change's transaction (under the store's lock)."""
        self._revision += 1
        self._pages.pop((exhibit_id, page), None)


def _live(db: sqlite3.Connection, redaction_id: int) -> sqlite3.Row:
    """The redaction's row (not deleted) with its hearing's id, inside a change's transaction."""
    row = db.execute('SELECT r.*, e.hearing_id FROM redactions r JOIN exhibits e ON e.id = r.exhibit_id'
                     ' WHERE r.id = ? AND r.deleted_at IS NULL', (redaction_id,)).fetchone()
    if row is None:
        raise NotFound('redaction_not_found', redaction_id=redaction_id)
    return row


def _details(redaction: Redaction) -> dict[str, Any]:
    return {'redaction_id': redaction.id, 'exhibit_id': redaction.exhibit_id, 'page': redaction.page,
            'box': redaction.box.as_list()}
