"""Searching a hearing's exhibits from a page (the clerk's hearing page, the bench): the words typed, searched as
the user's role may see the pages (redacted words never found outside the panel), only the newest answer drawn,
the hits counted and listed with what matched highlighted; a hit clicked is handed to the page to open, and one
dragged carries its page (presenter/static/page_drag.js)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from nicegui import run, ui

from courtroom.errors import CourtroomError
from courtroom.search import Hit
from courtroom.users import User

from ..search_as import search_as
from ..services import Services
from ..session import error_text, t
from .components import DRAG_SCRIPT, Latest, search_hit, testid


class SearchBox:
    def __init__(self, services: Services, user: User, hearing_id: int,
                 on_open: Callable[[Hit], Awaitable[None] | None], *, label: str | None, placeholder: str,
                 hits_classes: str) -> None:
        self._services, self._user, self._hearing_id, self._on_open = services, user, hearing_id, on_open
        self._searches = Latest()
        ui.add_head_html(DRAG_SCRIPT)  # a hit dragged carries its page (onto a case map's node)
        self.input = testid(ui.input(label, placeholder=placeholder), 'search-input') \
            .props('outlined dense clearable debounce=350 bg-color=white').classes('w-full')
        if label is None:
            self.input.props['aria-label'] = placeholder  # a placeholder alone leaves it named "Clear"
        with self.input.add_slot('prepend'):
            ui.icon('search')
        self.input.on_value_change(self.search)
        self.input.on('keydown.enter', self.search)
        self.count = testid(ui.label(), 'hits-count').classes('text-xs text-slate-600')
        self.count.visible = False
        self.hits = testid(ui.element('div'), 'search-hits').classes(hits_classes)
        self.hits.visible = False

    async def search(self) -> None:
        query = (self.input.value or '').strip()
        turn = self._searches.start()
        if not query:
            self.hits.clear()
            self.hits.visible = self.count.visible = False
            return
        try:
            hits: list[Hit] = await run.io_bound(search_as, self._services, self._user.role, self._hearing_id, query)
        except CourtroomError as e:
            hits, error = [], e
        else:
            error = None
        if not self._searches.is_latest(turn):
            return  # typed on (or pressed Enter) meanwhile: the newer search draws the list
        self.hits.clear()
        self.count.text = error_text(error) if error is not None else \
            t('hits_count', n=len(hits)) if hits else t('no_hits')
        self.count.visible = True
        self.hits.visible = bool(hits)
        with self.hits:
            for hit in hits:
                search_hit(hit, self._on_open)
