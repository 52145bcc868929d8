"""The laser pointer: the bench points at a place on an exhibit page and every screen showing that page draws a red
dot there, which fades out a moment after the last move. It is ephemeral: nothing is stored, it is no mark, and its
moves are not audited (there may be thirty a second); turning it on and off is, as it is rare and says who pointed.

``parse_pointer`` is the pure rule for where the pointer may be; ``Pointer`` announces each move and each turning
off on ``moved``, encoded once for every screen that draws it (a screen only passes the text on)."""

from __future__ import annotations

import json
import math
import threading
from dataclasses import dataclass, field

from . import audit
from .errors import InvalidInput, NotFound
from .events import Event
from .hearings import Hearings
from .roles import Action, require
from .store import Store
from .users import User


@dataclass(slots=True, frozen=True)
class PointerMove:
    """Where the pointer of a hearing is now, on which page; ``x`` and ``y`` None when it was turned off."""

    hearing_id: int
    exhibit_id: int | None = None
    page: int | None = None
    x: float | None = None
    y: float | None = None
    encoded: str = field(default='', compare=False)  # the move as JSON, made once, for screen.js

    @property
    def off(self) -> bool:
        return self.x is None


def _encode(move: PointerMove) -> PointerMove:
    body = {'off': True} if move.off else {'exhibit_id': move.exhibit_id, 'page': move.page, 'x': move.x,
                                           'y': move.y}
    return PointerMove(move.hearing_id, move.exhibit_id, move.page, move.x, move.y,
                       json.dumps(body, separators=(',', ':')))


def _count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def parse_pointer(hearing_id: int, exhibit_id: object, page: object, x: object, y: object) -> PointerMove:
    """Check where the pointer is said to be (page-normalised, 0..1 from the page's top left). Pure."""
    point = [x, y]
    for c in point:
        if isinstance(c, bool) or not isinstance(c, int | float) or not math.isfinite(c):
            raise InvalidInput('bad_mark_point', index=0, point=json.dumps(point, default=str)[:40])
    fx, fy = float(x), float(y)  # type: ignore[arg-type]
    if not (0 <= fx <= 1 and 0 <= fy <= 1):
        raise InvalidInput('mark_point_outside', index=0, point=json.dumps(point))
    if not _count(exhibit_id):
        raise NotFound('exhibit_not_found', exhibit_id=exhibit_id)
    if not _count(page):
        raise InvalidInput('bad_pointer_page', page=page)
    return _encode(PointerMove(hearing_id, exhibit_id, page, fx, fy))  # type: ignore[arg-type]


class Pointer:
    """The laser pointers of every hearing, in memory only: a move costs no database read or write, so a screen
    follows the pointer as fast as the network carries it."""

    def __init__(self, store: Store, hearings: Hearings) -> None:
        self._store = store
        self._hearings = hearings
        self.moved: Event[PointerMove] = Event()
        self._lock = threading.Lock()
        self._on: dict[int, str] = {}  # hearing -> who turned its laser on

    def is_on(self, hearing_id: int) -> bool:
        with self._lock:
            return hearing_id in self._on

    def turn(self, hearing_id: int, user: User, on: bool) -> bool:
        """Turn the hearing's laser on or off, audited when it changes; True when it did. Off, every screen's dot
        fades at once."""
        require(user.role, Action.MARK)
        self._hearings.get(hearing_id)
        with self._store.transaction() as db:
            with self._lock:
                changed = (hearing_id in self._on) != on
                if on:
                    self._on[hearing_id] = user.username
                else:
                    self._on.pop(hearing_id, None)
            if changed:
                audit.append(db, hearing_id, user.username, 'laser_on' if on else 'laser_off', {})
        if not on:
            self.moved.emit(_encode(PointerMove(hearing_id)))
        return changed

    def move(self, hearing_id: int, user: User, *, exhibit_id: object, page: object, x: object,
             y: object) -> PointerMove:
        """The pointer is at (x, y) of that page now. A screen not showing that page ignores it."""
        require(user.role, Action.MARK)
        move = parse_pointer(hearing_id, exhibit_id, page, x, y)
        self.moved.emit(move)
        return move
