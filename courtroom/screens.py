"""The hearing's screens (kiosk browsers): registration with a personal token, and what each one last reported
having painted. Connections and acknowledgements are live facts, kept in memory; a restarted server learns them
again within a second as the screens reconnect."""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from . import audit
from .errors import InvalidInput, NotFound
from .events import Event
from .hearings import clean_text
from .store import Store
from .visibility import Audience


@dataclass(slots=True, kw_only=True, frozen=True)
class Screen:
    id: int
    hearing_id: int
    name: str
    audience: Audience
    token: str
    show_video: bool = False  # also show (and play) the remote participants, on a public or panel screen


@dataclass(slots=True, kw_only=True)
class Ack:
    """What a screen says it has painted: its view's state, exhibit and page, and the state version."""

    state: str
    exhibit_id: int | None
    page: int | None
    version: int
    at: datetime = field(default_factory=lambda: datetime.now(UTC))
    beside: tuple[int, int] | None = None  # side by side: the right page (exhibit, page) painted

    def to_api(self) -> dict[str, Any]:
        showing = {'exhibit_id': self.exhibit_id, 'page': self.page} if self.state == 'showing' else None
        if showing is not None and self.beside is not None:
            showing['beside'] = {'exhibit_id': self.beside[0], 'page': self.beside[1]}
        return {'state': self.state, 'showing': showing, 'blank': self.state == 'blank', 'version': self.version,
                'acked_at': self.at.isoformat(timespec='milliseconds')}


VIDEO_AUDIENCES = (Audience.PUBLIC, Audience.PANEL)  # the courtroom's own screens: it sees and hears the remote points


def parse_audience(value: str) -> Audience:
    try:
        return Audience(value)
    except ValueError:
        raise InvalidInput('bad_audience', audience=value, audiences=', '.join(a.value for a in Audience)) from None


def _screen(row: Any) -> Screen:
    return Screen(id=row['id'], hearing_id=row['hearing_id'], name=row['name'], audience=Audience(row['audience']),
                  token=row['token'], show_video=bool(row['show_video']))


class Screens:
    def __init__(self, store: Store) -> None:
        self._store = store
        self._lock = threading.Lock()
        self._connections: dict[int, int] = {}
        self._hearing_of: dict[int, int] = {}  # screen id → hearing id, for the screens that have connected
        self._acks: dict[int, Ack] = {}
        self._widths: dict[int, set[int]] = {}
        self._by_token: dict[str, Screen] = {}
        self.changed: Event[int] = Event()  # hearing id: a screen connected, left or acknowledged

    def add(self, hearing_id: int, *, name: str, audience: str, actor: str, show_video: bool = False) -> Screen:
        name = clean_text('name', name, 100)
        kind = parse_audience(audience)
        if show_video and kind not in VIDEO_AUDIENCES:
            raise InvalidInput('video_audience', audience=kind.value)
        token = secrets.token_urlsafe(24)
        with self._store.transaction() as db:
            if db.execute('SELECT 1 FROM hearings WHERE id = ?', (hearing_id,)).fetchone() is None:
                raise NotFound('hearing_not_found', hearing_id=hearing_id)
            cursor = db.execute('INSERT INTO screens (hearing_id, name, audience, token, created_at, show_video)'
                                ' VALUES (?, ?, ?, ?, ?, ?)',
                                (hearing_id, name, kind.value, token, datetime.now(UTC).isoformat(), int(show_video)))
            assert cursor.lastrowid is not None
            audit.append(db, hearing_id, actor, 'screen_added', {'screen_id': cursor.lastrowid, 'name': name,
                                                                 'audience': kind.value, 'show_video': show_video})
        self.changed.emit(hearing_id)
        return Screen(id=cursor.lastrowid, hearing_id=hearing_id, name=name, audience=kind, token=token,
                      show_video=show_video)

    def of_hearing(self, hearing_id: int) -> list[Screen]:
        with self._store.read() as db:
            rows = db.execute('SELECT * FROM screens WHERE hearing_id = ? ORDER BY id', (hearing_id,)).fetchall()
        return [_screen(r) for r in rows]

    def by_token(self, token: str) -> Screen:
        # asked on every image a screen fetches; a screen's registration never changes, so it is kept once read
        if (screen := self._by_token.get(token)) is not None:
            return screen
        with self._store.read() as db:
            row = db.execute('SELECT * FROM screens WHERE token = ?', (token,)).fetchone()
        if row is None:
            raise NotFound('screen_not_found', screen='…')
        self._by_token[token] = screen = _screen(row)
        return screen

    def connected(self, screen: Screen) -> None:
        with self._lock:
            self._connections[screen.id] = self._connections.get(screen.id, 0) + 1
            self._hearing_of[screen.id] = screen.hearing_id
        self.changed.emit(screen.hearing_id)

    def disconnected(self, screen: Screen) -> None:
        with self._lock:
            self._connections[screen.id] = max(0, self._connections.get(screen.id, 0) - 1)
        self.changed.emit(screen.hearing_id)

    def is_connected(self, screen_id: int) -> bool:
        with self._lock:
            return self._connections.get(screen_id, 0) > 0

    def ack(self, screen: Screen, ack: Ack) -> None:
        with self._lock:
            self._acks[screen.id] = ack
        self.changed.emit(screen.hearing_id)

    def last_ack(self, screen_id: int) -> Ack | None:
        with self._lock:
            return self._acks.get(screen_id)

    def caught_up(self, hearing_id: int, version: int) -> bool:
        """Whether every screen of the hearing that is connected now has acknowledged ``version`` or a later one
        (true when none is connected). From memory: it is asked on every acknowledgement."""
        with self._lock:
            return all((ack := self._acks.get(screen_id)) is not None and ack.version >= version
                       for screen_id, count in self._connections.items()
                       if count > 0 and self._hearing_of.get(screen_id) == hearing_id)

    def note_width(self, hearing_id: int, width: int) -> None:
        """Remember an image width a screen of this hearing asked for, so pages can be rendered ahead at it."""
        with self._lock:
            self._widths.setdefault(hearing_id, set()).add(width)

    def widths(self, hearing_id: int) -> set[int]:
        with self._lock:
            return set(self._widths.get(hearing_id, ()))

    def status(self, screen: Screen) -> dict[str, Any]:
        ack = self.last_ack(screen.id)
        return {
            'id': screen.id, 'name': screen.name, 'audience': screen.audience.value, 'show_video': screen.show_video,
            'connected': self.is_connected(screen.id),
            'showing': ack.to_api()['showing'] if ack else None, 'blank': ack.state == 'blank' if ack else False,
            'state': ack.state if ack else None, 'version': ack.version if ack else None,
            'acked_at': ack.to_api()['acked_at'] if ack else None,
        }
