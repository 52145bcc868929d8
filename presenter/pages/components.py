"""Widgets shared by the staff pages: test markers, exhibit cards, search hits and the page viewer."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from nicegui import run, ui
from nicegui.element import Element
from nicegui.events import KeyEventArguments

from courtroom.court_time import format_datetime, format_duration
from courtroom.errors import CourtroomError
from courtroom.exhibits import Exhibit
from courtroom.search import Hit

from ..session import error_text, t
from ..texts import EXHIBIT_KIND_KEYS, SESSION_KIND_KEYS

E = TypeVar('E', bound=Element)

VIEW_WIDTH = 1280
_FIT_PAGE = 'max-w-full max-h-[calc(100vh-6rem)] object-contain'
_FIT_WIDTH = 'max-w-full h-auto'
_MATCH = re.compile(r'\[([^\[\]]+)\]')


async def attempt(call: Callable[[], object], done: str,
                  refusal: Callable[[CourtroomError], str] = error_text) -> bool:
    """``call`` in a worker thread; ``done`` told when it worked, the refusal (in the user's language, or as
    ``refusal`` words it: a participant's page has its own) when not."""
    try:
        await run.io_bound(call)
    except CourtroomError as e:
        ui.notify(refusal(e), type='negative')
        return False
    ui.notify(done, type='positive')
    return True


def testid(element: E, name: str) -> E:
    """Mark ``element`` for NiceGUI's user fixture (``.mark``) and for the browser (``data-testid``)."""
    element.mark(name)
    element.props['data-testid'] = name
    return element


# Enter or Space on a focused card or row clicks it, like a button; stopped here, so a page's own keys (the bench's
# Enter that publishes) do not act on the same key press
_CLICK_ON_KEY = ('(e) => { if (e.target === e.currentTarget) '
                 '{ e.preventDefault(); e.stopPropagation(); e.target.click(); } }')


def keyboard_button(element: E) -> E:
    """A clickable card or row that the keyboard reaches too: in the tab order, announced as a button, and clicked
    by Enter or Space. It must hold no control of its own (a button inside a button is announced as neither)."""
    element.props['role'] = 'button'
    element.props['tabindex'] = '0'
    element.on('keydown.enter', js_handler=_CLICK_ON_KEY)
    element.on('keydown.space', js_handler=_CLICK_ON_KEY)
    return element


class Latest:
    """Numbers the runs of an action that may overlap (a search as the user types, and again on Enter) so that only
    the latest draws its result: an earlier run that answers after it, even for the same query, draws nothing."""

    def __init__(self) -> None:
        self.current = 0

    def start(self) -> int:
        self.current += 1
        return self.current

    def is_latest(self, run: int) -> bool:
        return run == self.current


class QuietSwitches:
    """For a page whose switches both act (on a user's change) and follow the hearing (when the server changes):
    ``show`` moves a switch without its handler acting, which checks ``quiet`` first."""

    def __init__(self) -> None:
        self.quiet = False

    def show(self, switch: Any, value: bool) -> None:
        if switch.value != value:
            self.quiet = True
            try:
                switch.value = value
            finally:
                self.quiet = False


# --- pure helpers -------------------------------------------------------------------------------------------

def bl_range(first: int | None, last: int | None) -> str | None:
    """ "BL 5–12", "BL 7" for a single page, None when the exhibit has no bút lục numbers."""
    if first is None:
        return None
    if last is None or last == first:
        return f'BL {first}'
    return f'BL {first}–{last}'


def page_bl(exhibit: Exhibit, page: int) -> int | None:
    return None if exhibit.bl_first is None else exhibit.bl_first + page - 1


def snippet_html(snippet: str) -> str:
    """The search snippet as HTML, its [matches] wrapped in <mark>; everything else escaped."""
    return _MATCH.sub(r'<mark>\1</mark>', html.escape(snippet, quote=False))


def provenance_rows(provenance: dict[str, Any], zone: ZoneInfo) -> list[tuple[str, str, str]]:
    """(test id, label, value) of a verified record's provenance, for the viewer's panel; times in the court's
    ``zone`` (a record may come from another machine)."""
    kind = provenance.get('kind') or 'hearing'
    source = ' · '.join(str(v) for v in (t(SESSION_KIND_KEYS[kind]) if kind in SESSION_KIND_KEYS
                                         else kind, provenance.get('case_number'), provenance.get('title')) if v)
    key = str(provenance.get('public_key_sha256') or '')
    gaps = int(provenance.get('gaps') or 0)
    return [
        ('prov-source', t('int_prov_source'), source),
        ('prov-court', t('int_prov_court'), str(provenance.get('court') or '—')),
        ('prov-exported', t('int_prov_exported'), format_datetime(provenance.get('exported_at'), zone)),
        ('prov-segments', t('int_prov_segments'), t('int_prov_segments_value', n=provenance.get('segments', 0),
                                                    sources=provenance.get('sources', 0))),
        ('prov-duration', t('int_prov_duration'), format_duration(provenance.get('duration_s'))),
        ('prov-gaps', t('int_prov_gaps'), str(gaps) if gaps else t('int_prov_gaps_none')),
        ('prov-key', t('int_prov_key'), ':'.join(key[i:i + 4] for i in range(0, min(len(key), 32), 4))
         + ('…' if len(key) > 32 else '')),
        ('prov-record', t('int_prov_record'), str(provenance.get('record_sha256') or '')[:16] + '…'),
        ('prov-verified', t('int_prov_verified'), t('int_prov_verified_value', checks=provenance.get('checks', 0),
                                                    at=format_datetime(provenance.get('verified_at'), zone))),
    ]


def pages_text(n: int) -> str:
    return t('n_pages', n=n)


def img(src: str, alt: str) -> Element:
    """A plain <img>: exactly what the browser loads, no placeholder or fade (tests check naturalWidth)."""
    element = ui.element('img')
    element.props['src'] = src
    element.props['alt'] = alt
    element.props['loading'] = 'lazy'
    return element


# --- widgets ------------------------------------------------------------------------------------------------

def exhibit_card(exhibit: Exhibit, thumb_url: str, on_open: Callable[[Exhibit], None]) -> None:
    with testid(ui.card(), 'exhibit-card').classes(
            'w-[200px] p-0 gap-0 cursor-pointer overflow-hidden hover:shadow-lg transition-shadow') as card, \
            keyboard_button(ui.column()).classes('w-full gap-0') as opener:
        card.props['data-exhibit-id'] = str(exhibit.id)
        opener.on('click', lambda: on_open(exhibit))
        with ui.element('div').classes('w-full h-[250px] bg-slate-200 flex items-center justify-center'):
            testid(img(thumb_url, exhibit.title), 'thumbnail').classes(
                'max-w-full max-h-full object-contain shadow-sm bg-white')
        with ui.column().classes('w-full p-3 gap-1'):
            with ui.row().classes('w-full items-center justify-between no-wrap gap-2'):
                ui.label(exhibit.label).classes('text-xs font-semibold text-blue-900 bg-blue-50 rounded px-1.5 py-0.5')
                bl = bl_range(exhibit.bl_first, exhibit.bl_last)
                testid(ui.label(bl or t('bl_none')), 'exhibit-bl').classes(
                    'text-xs font-medium text-slate-600 whitespace-nowrap')
            ui.label(exhibit.title).tooltip(exhibit.title) \
                .classes('text-sm font-medium leading-snug line-clamp-2 min-h-[2.5rem] break-words')
            ui.label(f'{t(EXHIBIT_KIND_KEYS[exhibit.kind])} · {pages_text(exhibit.page_count)}') \
                .classes('text-xs text-slate-500')
            provenance_badge(exhibit)


def provenance_badge(exhibit: Exhibit) -> Element | None:
    """ "Đã xác minh chữ ký" on an exhibit that is a signed record verified on import; nothing on any other."""
    provenance = exhibit.media.get('provenance')
    if not provenance:
        return None
    with testid(ui.row(), 'provenance-badge').classes(
            'items-center no-wrap gap-1 self-start rounded-full bg-emerald-50 border border-emerald-300 '
            'text-emerald-900 px-2 py-0.5') as badge:
        ui.icon('verified', size='0.95rem').classes('text-emerald-700')
        ui.label(t('int_verified')).classes('text-xs font-semibold whitespace-nowrap')
    badge.tooltip(t('int_verified_hint', court=provenance.get('court') or '—'))
    return badge


DRAG_SCRIPT = '<script src="/static/courtroom/page_drag.js"></script>'


def page_drag_source(element: E, exhibit_id: int, page: int, bl: int | None) -> E:
    """Let ``element`` be dragged as its page (onto a node of the case map, or as "BL 125" anywhere): the page
    needs DRAG_SCRIPT in its head."""
    element.props['draggable'] = 'true'
    element.props['data-page-ref'] = json.dumps({'exhibit_id': exhibit_id, 'page': page, 'bl': bl})
    return element


def search_hit(hit: Hit, on_open: Callable[[Hit], Awaitable[None] | None]) -> None:
    with keyboard_button(testid(ui.element('div'), 'search-hit')).classes(
            'w-full px-3 py-2 rounded cursor-pointer hover:bg-slate-100 border-b border-slate-100') as row:
        page_drag_source(row, hit.exhibit_id, hit.page, hit.bl)
        row.on('click', lambda: on_open(hit))
        with ui.row().classes('w-full items-baseline justify-between no-wrap gap-2'):
            ui.label(f'{hit.label} · {hit.title}').classes('text-sm font-medium truncate')
            where = t('page') + f' {hit.page}' + (f' · BL {hit.bl}' if hit.bl is not None else '')
            testid(ui.label(where), 'hit-where').classes('text-xs text-slate-500 whitespace-nowrap')
        ui.html(snippet_html(hit.snippet), sanitize=False).classes(
            'text-xs text-slate-700 leading-snug [&_mark]:bg-amber-200 [&_mark]:px-0.5 [&_mark]:rounded-sm')


class PageViewer:
    """A dialog showing one exhibit page at a time at reading size: page n of N, its BL, ←/→ to turn pages."""

    def __init__(self, page_url: Callable[[Exhibit, int, int], str], zone: ZoneInfo) -> None:
        self._page_url = page_url
        self._zone = zone
        self.exhibit: Exhibit | None = None
        self.page = 1
        with ui.dialog().props('maximized transition-show=fade transition-hide=fade') as self.dialog, \
                testid(ui.card(), 'viewer').classes('w-full h-full p-0 gap-0 bg-slate-800'):
            with ui.row().classes('w-full items-center justify-between no-wrap px-4 py-2 bg-slate-900 text-white'):
                with ui.column().classes('gap-0 min-w-0'):
                    self.title = ui.label().classes('text-base font-semibold truncate')
                    self.subtitle = ui.label().classes('text-xs text-slate-300')
                with ui.row().classes('items-center no-wrap gap-2'):
                    self.prev = testid(ui.button(icon='chevron_left', on_click=self.previous), 'viewer-prev') \
                        .props(f'flat round color=white aria-label="{t("previous")}"').tooltip(t('previous'))
                    self.position = testid(ui.label(), 'viewer-page') \
                        .classes('text-sm whitespace-nowrap w-32 text-center')
                    self.next = testid(ui.button(icon='chevron_right', on_click=self.following), 'viewer-next') \
                        .props(f'flat round color=white aria-label="{t("next")}"').tooltip(t('next'))
                    self.bl = testid(ui.label(), 'viewer-bl').classes(
                        'text-sm font-semibold bg-amber-300 text-slate-900 rounded px-2 py-0.5 whitespace-nowrap')
                    ui.label(t('keys_hint')).classes('text-xs text-slate-400 ml-4 max-md:hidden')
                    self.fit = testid(ui.button(icon='fit_screen', on_click=self.toggle_fit), 'viewer-fit') \
                        .props(f'flat round color=white aria-label="{t("fit_toggle")}"').tooltip(t('fit_toggle')) \
                        .classes('ml-2')
                    testid(ui.button(icon='close', on_click=self.dialog.close), 'viewer-close') \
                        .props(f'flat round color=white aria-label="{t("close")}"').tooltip(t('close')).classes('ml-2')
            with ui.element('div').classes('w-full flex-1 min-h-0 flex no-wrap'):
                with ui.element('div').classes('flex-1 min-w-0 overflow-auto flex justify-center items-start p-4'):
                    self.image = testid(img('', ''), 'viewer-image').classes('bg-white shadow-2xl ' + _FIT_PAGE)
                    self.image.props['loading'] = 'eager'
                with testid(ui.column(), 'provenance-panel').classes(
                        'w-80 shrink-0 overflow-auto bg-slate-900 text-white p-4 gap-3 border-l border-slate-700') \
                        as self.provenance:
                    with ui.row().classes('items-center no-wrap gap-2'):
                        ui.icon('verified', size='1.4rem').classes('text-emerald-400')
                        ui.label(t('int_provenance')).classes('text-base font-semibold')
                    self.provenance_rows = ui.column().classes('w-full gap-2')
                self.provenance.set_visibility(False)
        self.fit_page = True
        ui.keyboard(on_key=self._key, ignore=['input', 'select', 'textarea'])

    def show(self, exhibit: Exhibit, page: int = 1) -> None:
        self.exhibit = exhibit
        self.page = max(1, min(page, exhibit.page_count))
        self._render()
        self.dialog.open()

    def toggle_fit(self) -> None:
        """Whole page on screen (the default, for reading at a glance) or page width (for small print)."""
        self.fit_page = not self.fit_page
        self.image.classes(replace='bg-white shadow-2xl ' + (_FIT_PAGE if self.fit_page else _FIT_WIDTH))
        self.fit.props(f'icon={"fit_screen" if self.fit_page else "fullscreen_exit"}')

    def previous(self) -> None:
        if self.exhibit is not None and self.page > 1:
            self.page -= 1
            self._render()

    def following(self) -> None:
        if self.exhibit is not None and self.page < self.exhibit.page_count:
            self.page += 1
            self._render()

    def _key(self, e: KeyEventArguments) -> None:
        if not self.dialog.value or not e.action.keydown:
            return
        if e.key.arrow_left:
            self.previous()
        elif e.key.arrow_right:
            self.following()

    def _render(self) -> None:
        exhibit = self.exhibit
        assert exhibit is not None
        self.title.text = f'{exhibit.label} · {exhibit.title}'
        self.subtitle.text = f'{t(EXHIBIT_KIND_KEYS[exhibit.kind])} · {exhibit.source_name}'
        self.position.text = t('page_of', page=self.page, count=exhibit.page_count)
        bl = page_bl(exhibit, self.page)
        self.bl.text = f'BL {bl}' if bl is not None else t('bl_none')
        self._render_provenance(exhibit)
        self.image.props['src'] = self._page_url(exhibit, self.page, VIEW_WIDTH)
        self.image.props['alt'] = self.title.text
        self.prev.set_enabled(self.page > 1)
        self.next.set_enabled(self.page < exhibit.page_count)

    def _render_provenance(self, exhibit: Exhibit) -> None:
        provenance = exhibit.media.get('provenance')
        self.provenance.set_visibility(bool(provenance))
        self.provenance_rows.clear()
        if not provenance:
            return
        with self.provenance_rows:
            for name, label, value in provenance_rows(provenance, self._zone):
                with testid(ui.column(), name).classes('w-full gap-0'):
                    ui.label(label).classes('text-xs uppercase tracking-wide text-slate-400')
                    ui.label(value).classes('text-sm break-all ' + ('text-emerald-300 font-semibold'
                                                                    if name == 'prov-verified' else 'text-slate-100'))
