"""The procurator's bench console (``/bench/{hearing_id}``): the exhibits, search and "go to BL" on the left; the
private preview in the centre, with the zoom region dragged on it; publishing, zoom, pause and clear on the right;
and across the top a confidence strip of what each screen has acknowledged painting."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Coroutine
from typing import Any

from nicegui import run, ui
from nicegui.events import GenericEventArguments, KeyEventArguments

from courtroom.errors import CourtroomError, InvalidInput
from courtroom.exhibits import Exhibit, is_av
from courtroom.hearings import Hearing
from courtroom.presentation import PreviewChange, Snapshot
from courtroom.presentation_state import PresentationState, Region, Shown
from courtroom.roles import Action, may
from courtroom.screens import Screen
from courtroom.search import Hit
from courtroom.users import User
from media.image_sizes import THUMB_WIDTH

from ..live import follow, prerender
from ..services import Services
from ..session import error_text, t
from .components import DRAG_SCRIPT, bl_range, keyboard_button, page_bl, page_drag_source, testid
from .go_to_bl import GoToBl, leave_field
from .hearing_page import hearing_for
from .mark_tools import MarkTools, add_drawing_assets
from .playback_controls import PlaybackControls
from .presenting_widgets import (
    Badges,
    PageFrame,
    add_assets,
    badges,
    screen_chip,
    screen_health,
    shown_text,
)
from .search_box import SearchBox
from .side_by_side import LiveSides, side_name
from .treatments_panel import PageMarksList, TreatmentsPanel

logger = logging.getLogger(__name__)

PREVIEW_WIDTH = 1280
BIG = 'w-full min-h-14 h-auto text-base'  # touch-sized buttons; a label that wraps stays on the button


def register(services: Services) -> None:
    @ui.page('/bench/{hearing_id}')
    async def bench_page(hearing_id: int) -> None:
        opened = await hearing_for(services, hearing_id, Action.PUBLISH, t('bench_title'), t('bench_refused'))
        if opened is None:
            return
        user, hearing = opened
        bench = Bench(services, user, hearing)
        await bench.load()


class Bench:
    """One browser tab's bench console for one hearing."""

    def __init__(self, services: Services, user: User, hearing: Hearing) -> None:
        self.services = services
        self.user = user
        self.hearing = hearing
        self.exhibits: list[Exhibit] = []
        self.by_id: dict[int, Exhibit] = {}
        self.badges: dict[int, Badges] = {}
        self.exhibit: Exhibit | None = None  # the one previewed
        self.page = 1
        self.region: Region | None = None  # dragged on the preview, not yet on the screens
        self.side = 0  # side by side: the side (0 left, 1 right) that publish, page turns and zoom act on
        self.snapshot: Snapshot | None = None
        self.screens: list[Screen] = []
        self.version_since = time.monotonic()  # when this tab first learned of the current state version
        self._loaded_version = -1
        # one preview sent at a time, each the latest: two sends in flight in worker threads could land out of
        # order and leave the judge, and this tab, on the older page
        self._preview_lock = asyncio.Lock()
        # previews this tab has sent whose own announcement has not come back yet: that echo is not "another tab
        # previewing", and following it would undo a page turned meanwhile
        self._echoes: list[Shown] = []
        add_assets()
        add_drawing_assets()
        ui.add_head_html(DRAG_SCRIPT)
        ui.query('.nicegui-content').classes('p-0 gap-0')

        with testid(ui.column(), 'bench').classes('w-full h-[calc(100vh-52px)] no-wrap gap-0 overflow-hidden'):
            self.strip = testid(ui.row(), 'confidence-strip').classes(
                'w-full items-center no-wrap gap-2 px-3 py-1.5 bg-white border-b border-slate-200 overflow-x-auto '
                'min-h-[3rem] shrink-0')
            with ui.row().classes('w-full flex-1 min-h-0 no-wrap gap-3 p-3'):
                self._left()
                self._centre()
                self._right()
        ui.keyboard(on_key=self.key, ignore=['input', 'select', 'textarea'])
        ui.on('bench_region', self.region_drawn)
        ui.timer(0.5, self.render_strip)

    # --- layout -----------------------------------------------------------------------------------------------

    def _left(self) -> None:
        with ui.column().classes('w-[300px] shrink-0 h-full no-wrap gap-2'):
            if may(self.user.role, Action.EDIT_MAP):  # the case map, in a tab of its own beside the bench
                with testid(ui.link(target=f'/maps/{self.hearing.id}', new_tab=True), 'open-map') \
                        .classes('flex items-center gap-1 text-sm font-medium text-blue-900 no-underline'):
                    ui.icon('account_tree', size='1.1rem')
                    ui.label(t('bench_open_map'))
            GoToBl(self.services.exhibits, self.hearing.id, self.preview)
            SearchBox(self.services, self.user, self.hearing.id, self.open_hit, label=None,
                      placeholder=t('bench_search'), hits_classes='w-full max-h-[40%] shrink-0 overflow-y-auto '
                                                                  'bg-white rounded border border-slate-200')
            self.list = testid(ui.column(), 'exhibit-list').classes(
                'w-full flex-1 min-h-0 overflow-y-auto no-wrap gap-1.5 pr-1')

    def _centre(self) -> None:
        with testid(ui.column(), 'preview-panel').classes(
                'flex-1 min-w-0 h-full no-wrap gap-0 bg-slate-700 rounded-lg overflow-hidden'):
            with ui.row().classes('w-full items-center no-wrap gap-2 px-3 py-1.5 bg-slate-800 text-white'):
                ui.icon('visibility', size='1.2rem').classes('text-amber-300')
                with ui.column().classes('gap-0 min-w-0 flex-1'):
                    ui.label(t('bench_preview')).classes('text-[11px] uppercase tracking-wide text-amber-200')
                    self.preview_title = testid(ui.label(), 'preview-title').classes('text-sm font-medium truncate')
                self.prev_button = testid(ui.button(icon='chevron_left', on_click=lambda: self.turn(-1)),
                                          'preview-prev') \
                    .props(f'flat round color=white size=lg aria-label="{t("previous")}"')
                self.position = testid(ui.label(), 'preview-page').classes('text-sm whitespace-nowrap text-center')
                self.next_button = testid(ui.button(icon='chevron_right', on_click=lambda: self.turn(1)),
                                          'preview-next') \
                    .props(f'flat round color=white size=lg aria-label="{t("next")}"')
                self.bl_label = testid(ui.label(), 'preview-bl').classes(
                    'text-sm font-semibold bg-amber-300 text-slate-900 rounded px-2 py-0.5 whitespace-nowrap')
            with ui.element('div').classes('w-full flex-1 min-h-0 flex items-center justify-center p-3'):
                self.frame = PageFrame('preview', max_height='calc(100vh - 262px)', select='bench_region')
                self.empty = testid(ui.label(t('bench_no_preview')), 'no-preview').classes('text-slate-200')
            with ui.row().classes('w-full items-center justify-between no-wrap gap-2 px-3 py-1 bg-slate-800'):
                self.tools = MarkTools(self.services, self.user, self.hearing.id, self.frame, self._previewed)
                self.region_hint = ui.label(t('bench_region_hint')).classes('text-xs text-slate-300 truncate')
                ui.label(t('bench_keys')).classes('text-xs text-slate-400 truncate max-lg:hidden')

    def _right(self) -> None:
        with ui.column().classes('w-[280px] shrink-0 h-full no-wrap gap-2 overflow-y-auto'):
            with testid(ui.card(), 'live-card').classes('w-full p-3 gap-1'):
                ui.label(t('bench_live')).classes('text-[11px] uppercase tracking-wide text-slate-500')
                self.live_text = testid(ui.label(), 'live-info').classes('text-base font-semibold text-slate-800')
                self.live_title = ui.label().classes('text-xs text-slate-600 line-clamp-2')
                self.kill_banner = testid(ui.label(t('bench_kill_on')), 'kill-switch-state').classes(
                    'w-full text-sm font-semibold text-white bg-red-700 rounded px-2 py-1 mt-1')
                self.pause_banner = testid(ui.label(t('bench_paused')), 'pause-state').classes(
                    'w-full text-sm text-amber-950 bg-amber-300 rounded px-2 py-1 mt-1')
                self.pending_banner = testid(ui.label(), 'pending-approval').classes(
                    'w-full text-sm text-blue-950 bg-blue-100 border border-blue-300 rounded px-2 py-1 mt-1')
                self.sides = LiveSides(self.choose_side)
            self.publish_button = testid(ui.button(t('bench_publish') + ' (Enter)', icon='cast',
                                                   on_click=self.publish), 'publish-button') \
                .props('unelevated color=green-9').classes(BIG)
            self.beside_button = testid(ui.button(t('sbs_beside') + ' (S)', icon='vertical_split',
                                                  on_click=self.publish_beside), 'beside-button') \
                .props('outline color=green-9').classes(BIG + ' bg-white').tooltip(t('sbs_beside_hint'))
            self.single_button = testid(ui.button(t('sbs_single'), icon='crop_portrait', on_click=self.single),
                                        'single-button') \
                .props('outline color=green-9').classes(BIG + ' bg-white').tooltip(t('sbs_single_hint'))
            self.zoom_button = testid(ui.button(t('bench_zoom'), icon='zoom_in', on_click=self.zoom),
                                      'zoom-button').props('unelevated color=primary').classes(BIG)
            self.reset_button = testid(ui.button(t('bench_zoom_reset'), icon='zoom_out', on_click=self.reset_zoom),
                                       'zoom-reset').props('outline color=primary').classes(BIG + ' bg-white')
            self.pause_button = testid(ui.button(t('bench_pause'), icon='pause_circle', on_click=self.toggle_pause),
                                       'pause-button').props('unelevated color=amber-9 text-color=grey-10').classes(BIG)
            self.pause_button.visible = may(self.user.role, Action.PRESENTER_BLANK)
            self.clear_button = testid(ui.button(t('bench_clear'), icon='cancel_presentation', on_click=self.clear),
                                       'clear-button').props('outline color=red-9').classes(BIG + ' bg-white')
            self.playback = PlaybackControls(self.services, self.user, self.hearing.id, lambda: self.exhibit)
            self.marks_list = PageMarksList(self.services, self.user)
            self.tools.listeners.append(self.marks_list.show)
            self.treatments = TreatmentsPanel(self.services, self.user, self.hearing.id,
                                              self._previewed_view, lambda: self.by_id)

    def _previewed(self) -> tuple[int, int] | None:
        return (self.exhibit.id, self.page) if self.exhibit is not None else None

    def _previewed_view(self) -> tuple[int, int, Region | None] | None:
        return (self.exhibit.id, self.page, self.region) if self.exhibit is not None else None

    # --- data -------------------------------------------------------------------------------------------------

    def page_url(self, exhibit_id: int, page: int, width: int) -> str:
        return self.services.signer.page_url(f'u{self.user.id}', exhibit_id, page, width)

    async def load(self) -> None:
        s, h = self.services, self.hearing.id
        self.exhibits, self.snapshot, self.screens, preview, treatments = await run.io_bound(
            lambda: (s.exhibits.of_hearing(h), s.presentation.snapshot(h), s.screens.of_hearing(h),
                     s.presentation.preview(h, self.user.id), s.treatments.of_hearing(h)))
        self.by_id = {e.id: e for e in self.exhibits}
        self._render_list()
        self._render_live()
        self.treatments.render(treatments)
        self.render_strip()
        follow(s.presentation.changed, self.on_changed)
        follow(s.screens.changed, self.on_screens)
        follow(s.presentation.preview_changed, self.on_preview_elsewhere)
        if self.exhibit is not None:
            return  # on a slow server the page shows before it has loaded: a page opened meanwhile stays
        if preview is not None and preview.exhibit_id in self.by_id:
            await self.preview(self.by_id[preview.exhibit_id], preview.page, preview.region)
        elif self.exhibits:
            await self.preview(self.exhibits[0], 1)
        else:
            self._render_preview()

    async def on_changed(self, snapshot: Snapshot) -> None:
        if snapshot.state.hearing_id != self.hearing.id:
            return
        if self.snapshot is None or snapshot.state.version != self.snapshot.state.version:
            self.version_since = time.monotonic()
        self.snapshot = snapshot
        if snapshot.state.beside is None:
            self.side = 0  # one page again: side by side starts afresh on the left
        self._render_live()
        self.render_strip()
        self.exhibits = await run.io_bound(self.services.exhibits.of_hearing, self.hearing.id)
        previous = set(self.by_id)
        self.by_id = {e.id: e for e in self.exhibits}
        if set(self.by_id) != previous:
            self._render_list()
        else:
            for exhibit in self.exhibits:
                self.badges[exhibit.id].update(exhibit)

    async def on_screens(self, hearing_id: int) -> None:
        if hearing_id != self.hearing.id:
            return
        screens = await run.io_bound(self.services.screens.of_hearing, hearing_id)
        if [s.id for s in screens] != [s.id for s in self.screens]:
            self.screens = screens
        self.render_strip()

    def on_preview_elsewhere(self, change: PreviewChange) -> Coroutine[Any, Any, None] | None:
        """The same user previewing in another tab or through the API: follow it, so the judge and this tab agree.
        Synchronous, so that it acts at once on the state it checked; only the page's marks are fetched after."""
        if change.hearing_id != self.hearing.id or change.user_id != self.user.id or change.shown is None:
            return None
        shown = change.shown
        if shown in self._echoes:
            self._echoes.remove(shown)
            return None
        if self.exhibit and (shown.exhibit_id, shown.page, shown.region) == (self.exhibit.id, self.page, self.region):
            return None
        exhibit = self.by_id.get(shown.exhibit_id)
        if exhibit is not None:
            self.exhibit, self.page, self.region = exhibit, shown.page, shown.region
            self._render_preview()
            return self.tools.refresh()
        return None

    # --- rendering --------------------------------------------------------------------------------------------

    def _render_list(self) -> None:
        self.list.clear()
        self.badges.clear()
        with self.list:
            if not self.exhibits:
                testid(ui.label(t('no_exhibits')), 'no-exhibits').classes('text-sm text-slate-500 p-3')
            for exhibit in self.exhibits:
                self._exhibit_row(exhibit)
        self._mark_selected()

    def _exhibit_row(self, exhibit: Exhibit) -> None:
        with keyboard_button(testid(ui.row(), 'exhibit-row')).classes(
                'w-full shrink-0 no-wrap items-start gap-2 p-1.5 rounded-md bg-white border border-slate-200 '
                'cursor-pointer min-h-[4.5rem]') as row:
            row.props['data-exhibit-id'] = str(exhibit.id)
            page_drag_source(row, exhibit.id, 1, exhibit.bl_first)  # onto a node of the case map
            row.on('click', lambda e=exhibit: self.preview(e, 1))
            with ui.element('div').classes('w-12 h-16 shrink-0 bg-slate-200 flex items-center justify-center'):
                thumb = testid(ui.element('img'), 'thumbnail').classes('max-w-full max-h-full object-contain bg-white')
                thumb.props['src'] = self.page_url(exhibit.id, 1, THUMB_WIDTH)
                thumb.props['alt'] = ''
                thumb.props['loading'] = 'lazy'
            with ui.column().classes('flex-1 min-w-0 gap-0.5'):
                with ui.row().classes('w-full items-center no-wrap gap-1.5'):
                    ui.label(exhibit.label).classes('text-xs font-semibold text-blue-900')
                    testid(ui.label(bl_range(exhibit.bl_first, exhibit.bl_last) or t('bl_none')), 'exhibit-bl') \
                        .classes('text-xs text-slate-600 whitespace-nowrap')
                ui.label(exhibit.title).classes('text-sm leading-snug line-clamp-2 break-words')
                self.badges[exhibit.id] = badges(exhibit)

    def _mark_selected(self) -> None:
        for row in self.list.descendants():
            if row.props.get('data-testid') == 'exhibit-row':
                selected = self.exhibit is not None and row.props.get('data-exhibit-id') == str(self.exhibit.id)
                row.classes(add='ring-2 ring-amber-400 border-amber-400' if selected else '',
                            remove='' if selected else 'ring-2 ring-amber-400 border-amber-400')

    def _render_preview(self) -> None:
        exhibit = self.exhibit
        self.empty.visible = exhibit is None
        if exhibit is None:
            self.frame.show(None)
            self.preview_title.text = ''
            self.position.text = ''
            self.bl_label.visible = False
            self.prev_button.disable()
            self.next_button.disable()
            return
        self.preview_title.text = f'{exhibit.label} · {exhibit.title}'
        self.position.text = t('bench_page', page=self.page, count=exhibit.page_count)
        bl = page_bl(exhibit, self.page)
        self.bl_label.text = f'BL {bl}' if bl is not None else t('bl_none')
        self.bl_label.visible = True
        self.prev_button.set_enabled(self.page > 1)
        self.next_button.set_enabled(self.page < exhibit.page_count)
        self.frame.show(self.page_url(exhibit.id, self.page, PREVIEW_WIDTH), self.region, self.preview_title.text)
        self.frame.wrap.props['data-exhibit-id'] = str(exhibit.id)
        self.frame.wrap.props['data-page'] = str(self.page)
        self.frame.wrap.update()
        self.region_hint.text = t('bench_region_set') if self.region else t('bench_region_hint')
        self._render_buttons()
        self._mark_selected()

    def _render_live(self) -> None:
        state = self.snapshot.state if self.snapshot else None
        live = state.live if state else None
        exhibit = self.by_id.get(live.exhibit_id) if live else None
        if state is not None and state.map is not None:  # a case map, published from the map page
            self.live_text.text = t('bench_map_live')
            self.live_title.text = ''
        elif live is None:
            self.live_text.text = t('bench_nothing_live')
            self.live_title.text = ''
        elif state is not None and state.beside is not None:
            self.live_text.text = t('sbs_on')
            self.live_title.text = ''
        else:
            zoom = f' · {t("bench_zoomed")}' if live.region else ''
            self.live_text.text = shown_text(exhibit, live.page) + zoom
            self.live_title.text = exhibit.title if exhibit else ''
        self.live_text.props['data-exhibit-id'] = str(live.exhibit_id) if live else ''
        self.live_text.props['data-page'] = str(live.page) if live else ''
        self.live_text.update()
        self.kill_banner.visible = bool(state and state.kill_switch)
        self.pause_banner.visible = bool(state and state.presenter_blank)
        pending = state.pending if state else None
        self.pending_banner.visible = pending is not None or bool(state and state.pending_map)
        if state is not None and state.pending_map is not None:  # asked for from the map page
            self.pending_banner.text = f'{t("bench_pending")}: {t("bench_map_pending")}'
        elif pending is not None:
            what = shown_text(self.by_id.get(pending.exhibit_id), pending.page)
            if state is not None and state.pending_beside is not None:  # two pages asked for, side by side
                what += ' | ' + shown_text(self.by_id.get(state.pending_beside.exhibit_id), state.pending_beside.page)
            self.pending_banner.text = f'{t("bench_pending")}: {what}'
        self.sides.show(state, self.by_id, self.side)
        self._render_buttons()

    def _render_buttons(self) -> None:
        state = self.snapshot.state if self.snapshot else None
        self.publish_button.set_enabled(self.exhibit is not None)
        split = self._split_side() is not None
        recording = self.exhibit is not None and is_av(self.exhibit)
        self.publish_button.text = (t('sbs_publish_side', side=side_name(self.side).lower()) if split and not recording
                                    else t('bench_publish')) + ' (Enter)'
        live = self.by_id.get(state.live.exhibit_id) if state and state.live else None
        # side by side is for pages: a recording plays alone
        self.beside_button.set_enabled(self.exhibit is not None and not recording
                                       and live is not None and not is_av(live))
        self.single_button.visible = split
        self.zoom_button.set_enabled(self.exhibit is not None and self.region is not None)
        target = self._target()
        self.reset_button.set_enabled(self.region is not None or bool(target and target.region))
        self.clear_button.set_enabled(bool(state and state.live))
        paused = bool(state and state.presenter_blank)
        self.pause_button.text = t('bench_resume') if paused else t('bench_pause')
        self.pause_button.props(f'icon={"play_circle" if paused else "pause_circle"}')
        self.pause_button.props['data-on'] = 'true' if paused else 'false'
        # the procurator lifts only their own pause, never the judge's kill switch
        self.pause_button.set_enabled(not (paused and state is not None and state.kill_switch))

    def render_strip(self) -> None:
        version = self.snapshot.state.version if self.snapshot else 0
        behind = time.monotonic() - self.version_since
        statuses = [self.services.screens.status(s) for s in self.screens]
        key = [(s['id'], s['connected'], s['state'], s['version'], str(s['showing']),
                screen_health(connected=s['connected'], acked_version=s['version'], version=version,
                              behind_for_s=behind)) for s in statuses]
        if key == getattr(self, '_strip_key', None):
            return
        self._strip_key = key
        self.strip.clear()
        with self.strip:
            ui.label(t('bench_screens')).classes('text-xs font-semibold uppercase tracking-wide text-slate-500 mr-1')
            if not statuses:
                testid(ui.label(t('bench_no_screens')), 'no-screens').classes('text-sm text-slate-500')
            for status, (*_, health) in zip(statuses, key, strict=True):
                screen_chip(status, health, self.by_id)

    # --- actions ----------------------------------------------------------------------------------------------

    async def preview(self, exhibit: Exhibit, page: int, region: Region | None = None) -> None:
        self.exhibit = exhibit
        self.page = max(1, min(page, exhibit.page_count))
        self.region = region
        self._render_preview()
        await self._send_preview()
        await self.tools.refresh()

    async def _send_preview(self) -> None:
        async with self._preview_lock:
            exhibit, page, region = self.exhibit, self.page, self.region
            if exhibit is None:
                return
            prerender(self.services, exhibit.id, [page, page + 1, page - 1])
            echo = Shown(exhibit.id, page, region)
            self._echoes.append(echo)
            try:
                await run.io_bound(self.services.presentation.set_preview, self.hearing.id, self.user, exhibit.id,
                                   page, region)
            except CourtroomError as e:
                self._echoes.remove(echo)
                ui.notify(error_text(e), type='negative')

    async def turn(self, step: int) -> None:
        if self.exhibit is not None and 1 <= self.page + step <= self.exhibit.page_count:
            await self.preview(self.exhibit, self.page + step)

    async def region_drawn(self, e: GenericEventArguments) -> None:
        if self.exhibit is None:
            return
        try:
            self.region = Region.parse((e.args or {}).get('region'))
        except InvalidInput:  # a click or a slip, not a rectangle: no region
            self.region = None
        self._render_preview()
        await self._send_preview()

    async def _act(self, call: Callable[..., Any], *args: Any) -> PresentationState | None:
        try:
            return await run.io_bound(call, self.hearing.id, self.user, *args)
        except CourtroomError as e:
            ui.notify(error_text(e), type='negative')
            return None

    async def _publish(self, exhibit_id: int, page: int, region: Region | None, side: int | None = None) -> None:
        state = await self._act(lambda h, user: self.services.presentation.publish(h, user, exhibit_id, page, region,
                                                                                   side=side))
        if state is not None and state.pending is not None and Shown(exhibit_id, page, region) not in state.items:
            ui.notify(t('bench_sent_for_approval'), type='info')

    def _split_side(self) -> int | None:
        """Side by side, the chosen side; None while one page (or none) is on the screens."""
        state = self.snapshot.state if self.snapshot else None
        return self.side if state is not None and state.beside is not None else None

    def _target(self) -> Shown | None:
        """The live page that a page turn or a zoom reset acts on: the chosen side's, side by side."""
        state = self.snapshot.state if self.snapshot else None
        if state is None:
            return None
        return state.beside if state.beside is not None and self.side == 1 else state.live

    async def publish(self) -> None:
        """The previewed page onto the screens (side by side, onto the chosen side); a recording alone."""
        if self.exhibit is not None:
            await self._publish(self.exhibit.id, self.page, None, None if is_av(self.exhibit) else self._split_side())

    async def zoom(self) -> None:
        if self.exhibit is not None and self.region is not None:
            await self._publish(self.exhibit.id, self.page, self.region, self._split_side())

    async def reset_zoom(self) -> None:
        self.region = None
        self._render_preview()
        await self._send_preview()
        target = self._target()
        if target is not None and target.region is not None:
            await self._publish(target.exhibit_id, target.page, None, self._split_side())

    async def publish_step(self, step: int) -> None:
        """Shift+→ / Shift+←: the live exhibit's next or previous page straight onto the screens (side by side, the
        chosen side's)."""
        live = self._target()
        if live is None:
            return
        exhibit = self.by_id.get(live.exhibit_id)
        if exhibit is None or not 1 <= live.page + step <= exhibit.page_count:
            return
        await self._publish(exhibit.id, live.page + step, None, self._split_side())
        if self.exhibit is None or self.exhibit.id == exhibit.id:
            await self.preview(exhibit, live.page + step)

    async def publish_beside(self) -> None:
        """S: the previewed page beside the one on the screens (replacing the right side, if two are), and the
        right side chosen for what follows; with nothing on the screens, an ordinary publish."""
        if self.exhibit is None or is_av(self.exhibit):
            return
        if not (self.snapshot and self.snapshot.state.live):
            await self.publish()
            return
        self.side = 1
        await self._publish(self.exhibit.id, self.page, None, 1)
        self._render_live()

    async def single(self) -> None:
        """Shift+S: back to one page, the chosen side's, as it is shown."""
        target = self._target()
        if target is not None and self._split_side() is not None:
            self.side = 0
            await self._publish(target.exhibit_id, target.page, target.region)

    def choose_side(self, side: int) -> None:
        if self._split_side() is not None and side != self.side:
            self.side = side
            self._render_live()

    async def toggle_pause(self) -> None:
        paused = bool(self.snapshot and self.snapshot.state.presenter_blank)
        await self._act(self.services.presentation.blank, not paused)

    async def clear(self) -> None:
        await self._act(self.services.presentation.clear)

    async def key(self, e: KeyEventArguments) -> None:
        if not e.action.keydown or await self.tools.key(e) or await self.playback.key(e):
            return
        k = e.key
        if e.modifiers.shift and (k.arrow_right or k.arrow_left):
            if not e.action.repeat:
                await self.publish_step(1 if k.arrow_right else -1)
        elif k.arrow_right or k.page_down:
            await self.turn(1)
        elif k.arrow_left or k.page_up:
            await self.turn(-1)
        elif (k.enter or k.name in ('p', 'P')) and not e.action.repeat and not e.modifiers.ctrl:
            await self.publish()
        elif k.name in ('s', 'S') and not e.action.repeat and not (e.modifiers.ctrl or e.modifiers.alt):
            await (self.single() if e.modifiers.shift else self.publish_beside())
        elif k.name in ('1', '2') and not e.modifiers.ctrl:
            self.choose_side(int(k.name) - 1)

    # --- search ----------------------------------------------------------------------------------

    async def open_hit(self, hit: Hit) -> None:
        exhibit = self.by_id.get(hit.exhibit_id)
        if exhibit is not None:
            await self.preview(exhibit, hit.page)
            leave_field()  # so the next Enter publishes and ←/→ turn the preview
