"""The laser pointer's way to the screens (courtroom.pointer): each move goes out as one socket.io message to every
evidence view showing the page pointed at, encoded once (python-socketio builds a single packet for all the rooms it
is sent to), with no page callback, no database read and no JavaScript compiled per screen. A move is up to thirty a
second a hearing, so what it costs per screen is what counts.

Each view tells the relay which page it shows (``show``) and goes when its client does (``forget``); its browser
listens for ``EVENT`` on NiceGUI's own socket (presenter/static/screen.js)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable

from nicegui import background_tasks, core

from courtroom.pointer import Pointer, PointerMove

logger = logging.getLogger(__name__)

EVENT = 'courtroom_laser'

Shown = tuple[int, int]  # (exhibit_id, page)


class LaserRelay:
    def __init__(self, pointer: Pointer) -> None:
        # read and written on the event loop only
        self._views: dict[str, tuple[int, tuple[Shown, ...]]] = {}  # client id -> (hearing, the pages it shows)
        self._showing: dict[tuple[int, int, int], set[str]] = {}  # (hearing, exhibit, page) -> client ids
        pointer.moved.subscribe(self._moved)

    def show(self, client_id: str, hearing_id: int, pages: Iterable[Shown]) -> None:
        """The view ``client_id`` of a hearing now shows these pages (none, one, or two side by side)."""
        self.forget(client_id)
        shown = tuple(pages)
        self._views[client_id] = (hearing_id, shown)
        for page in shown:
            self._showing.setdefault((hearing_id, *page), set()).add(client_id)

    def forget(self, client_id: str) -> None:
        hearing_id, shown = self._views.pop(client_id, (0, ()))
        for page in shown:
            key = (hearing_id, *page)
            clients = self._showing.get(key, set())
            clients.discard(client_id)
            if not clients:
                self._showing.pop(key, None)

    def recipients(self, move: PointerMove) -> list[str]:
        if move.off:  # every view of the hearing: a dot may be fading on any of them
            return [c for c, (h, _) in self._views.items() if h == move.hearing_id]
        return list(self._showing.get((move.hearing_id, move.exhibit_id or 0, move.page or 0), ()))

    def _moved(self, move: PointerMove) -> None:
        """From whichever thread moved it: on to the event loop."""
        loop = core.loop
        if loop is None or loop.is_closed():
            return
        try:
            here = asyncio.get_running_loop() is loop
        except RuntimeError:
            here = False
        if here:
            self._send(move)
        else:
            try:
                loop.call_soon_threadsafe(self._send, move)
            except RuntimeError:  # the loop has closed: the server is stopping
                pass

    def _send(self, move: PointerMove) -> None:
        if rooms := self.recipients(move):
            background_tasks.create(core.sio.emit(EVENT, move.encoded, to=rooms), name='laser')
