"""The clerk's hearing page (``/hearings/{id}``): the case header, importing the digitised case file as one bundle,
the exhibits as cards (with their disclosure and the restriction toggle), a page viewer, full-text search and
"go to BL"; the courtroom screens (registering one, its kiosk link and QR code, and what it shows right now); the
hearing's settings; and links to the bench console and the judge's panel."""

from __future__ import annotations

import io
import logging
import time
from collections.abc import Callable
from typing import IO, Any

import segno
from fastapi import Request
from nicegui import run, ui
from nicegui.element import Element
from nicegui.elements.upload_files import FileUpload, LargeFileUpload, SmallFileUpload
from nicegui.events import MultiUploadEventArguments

from courtroom.errors import CourtroomError, InvalidInput
from courtroom.exhibits import Exhibit, PageRef
from courtroom.hearings import Hearing
from courtroom.presentation import Snapshot
from courtroom.roles import Action, may, require
from courtroom.screens import Screen
from courtroom.search import Hit, parse_bl
from courtroom.users import User
from courtroom.visibility import Audience

from ..api import import_uploads
from ..api_presenting import public_base
from ..live import follow
from ..services import Services
from ..session import error_text, require_user, t
from .components import THUMB_WIDTH, PageViewer, QuietSwitches, exhibit_card, pages_text, search_hit, testid
from .layout import frame
from .presenting_widgets import Badges, badges, screen_chip, screen_health

logger = logging.getLogger(__name__)


def parse_bl_input(value: str) -> int | None:
    """The BL number in "125", "BL 125", "bl125" or "bút lục 125"; None for anything else."""
    value = value.strip()
    if value.isdigit() and len(value) <= 7:
        return int(value)
    return parse_bl(value)


def open_upload(file: FileUpload) -> IO[bytes]:
    """A blocking binary stream over an upload, for import_uploads in a worker thread. NiceGUI keeps a small upload
    in memory and spools a large one to a temp file, which we read in place rather than copy once more."""
    if isinstance(file, LargeFileUpload):
        return file._path.open('rb')
    if isinstance(file, SmallFileUpload):
        return io.BytesIO(file._data)
    raise TypeError(f'unknown upload type {type(file).__name__}')


def import_files(services: Services, hearing_id: int, actor: str, files: list[FileUpload],
                 progress: Callable[[int, int], None]) -> list[Exhibit]:
    """Import the uploaded files as one bundle (blocking: call from a worker thread)."""
    streams = [open_upload(f) for f in files]
    try:
        named = [(f.name or 'upload', s) for f, s in zip(files, streams, strict=True)]
        return import_uploads(services, hearing_id, actor, named, progress)
    finally:
        for stream in streams:
            stream.close()


class ImportProgress:
    """Pages done of total, written by the importer's worker thread and read by a ui.timer on the event loop.
    Two ints assigned whole: no lock needed for a progress bar."""

    def __init__(self) -> None:
        self.done = 0
        self.total = 0

    def __call__(self, done: int, total: int) -> None:
        self.done, self.total = done, total


def screen_url(base: str, screen: Screen) -> str:
    return f'{base.rstrip("/")}/screen/{screen.token}'


def qr_svg(url: str) -> str:
    """The URL as an inline SVG QR code, for a technician to open it on the screen's own browser."""
    return segno.make(url, error='m').svg_inline(scale=3, dark='#0f172a', light='#ffffff')


def _with_field_label(error: CourtroomError, field: str, label: str) -> CourtroomError:
    """The error with its field code ("name") replaced by the form's own label ("Tên màn hình")."""
    if error.params.get('field') != field:
        return error
    labelled = type(error)(error.code, **{**error.params, 'field': label})
    labelled.status = error.status
    return labelled


def register(services: Services) -> None:
    @ui.page('/hearings/{hearing_id}')
    async def hearing_page(hearing_id: int, request: Request) -> None:
        user = require_user(services)
        if user is None:
            return
        ui.query('body').classes('bg-slate-100')
        try:
            hearing = await run.io_bound(services.hearings.get, hearing_id)
        except CourtroomError as e:
            frame(user, t('hearing_missing_title'))
            with testid(ui.card(), 'hearing-missing').classes('mx-auto mt-16 w-[32rem] p-8 items-center gap-3'):
                ui.icon('search_off', size='3rem').classes('text-slate-400')
                ui.label(t('hearing_missing_title')).classes('text-xl font-semibold')
                testid(ui.label(error_text(e)), 'hearing-missing-text').classes('text-slate-600 text-center')
                ui.link(t('back_to_list'), '/').classes('mt-2')
            return
        frame(user, hearing.case_number)
        page = HearingPage(services, user, hearing, public_base(services, request))
        await page.load()


class HearingPage:
    """One browser tab's view of one hearing."""

    def __init__(self, services: Services, user: User, hearing: Hearing, base_url: str) -> None:
        self.services = services
        self.user = user
        self.hearing = hearing
        self.base_url = base_url
        self.exhibits: list[Exhibit] = []
        self.viewer = PageViewer(self.page_url)
        self.may_restrict = may(user.role, Action.RESTRICT)
        self.badges: dict[int, Badges] = {}
        self.restrict_switches: dict[int, Any] = {}
        self.screens: list[Screen] = []
        self.chips: dict[int, Element] = {}
        self._chip_keys: dict[int, tuple[Any, ...]] = {}
        self.version = 0
        self.version_since = time.monotonic()
        self.switches_quiet = QuietSwitches()  # the page moving a switch itself: its handler does not act

        with ui.column().classes('w-full max-w-[1400px] mx-auto p-6 gap-5'):
            with ui.row().classes('w-full items-end justify-between no-wrap gap-4'):
                with ui.column().classes('gap-1 min-w-0'):
                    ui.link(f'← {t("back_to_list")}', '/').classes('text-sm text-slate-500 no-underline')
                    testid(ui.label(t('case_no', case=hearing.case_number)), 'case-number-header') \
                        .classes('text-sm font-medium text-blue-900 uppercase tracking-wide')
                    testid(ui.label(hearing.title), 'hearing-title-header') \
                        .classes('text-2xl font-semibold text-slate-800 leading-tight')
                with ui.column().classes('items-end gap-2 shrink-0'):
                    self._role_links()
                    self.summary = testid(ui.label(), 'exhibit-summary') \
                        .classes('text-sm text-slate-600 whitespace-nowrap')
            if may(user.role, Action.MANAGE_SCREENS):
                self._screens_panel()
            with ui.row().classes('w-full items-start no-wrap gap-5'):
                with ui.column().classes('flex-1 min-w-0 gap-3'):
                    ui.label(t('exhibits')).classes('text-lg font-semibold text-slate-800')
                    self.grid = testid(ui.element('div'), 'exhibit-grid').classes('w-full flex flex-wrap gap-4')
                with ui.column().classes('w-[26rem] shrink-0 gap-5'):
                    self._search_panel()
                    if may(user.role, Action.CONFIGURE_HEARING):
                        self._settings_panel()
                    if may(user.role, Action.IMPORT_BUNDLE):
                        self._upload_panel()

    # --- data -------------------------------------------------------------------------------------------------

    def page_url(self, exhibit: Exhibit, page: int, width: int) -> str:
        return self.services.signer.page_url(f'u{self.user.id}', exhibit.id, page, width)

    async def load(self) -> None:
        s, h = self.services, self.hearing.id
        first = not hasattr(self, '_following')
        if first and may(self.user.role, Action.MANAGE_SCREENS):
            self.exhibits, self.screens, snapshot = await run.io_bound(
                lambda: (s.exhibits.of_hearing(h), s.screens.of_hearing(h), s.presentation.snapshot(h)))
            self.version = snapshot.state.version
            self._render_screens()
        else:
            self.exhibits = await run.io_bound(s.exhibits.of_hearing, h)
        self._render_grid()
        if first:
            self._following = True
            follow(s.presentation.changed, self.on_presentation)
            if may(self.user.role, Action.MANAGE_SCREENS):
                follow(s.screens.changed, self.on_screens)
                ui.timer(1.0, self.refresh_chips)  # a screen that trails the state turns amber after LAG_S

    async def on_presentation(self, snapshot: Snapshot) -> None:
        """Published, blanked, restricted or reconfigured, here or elsewhere: the chips, badges and switches follow."""
        if snapshot.state.hearing_id != self.hearing.id:
            return
        if snapshot.state.version != self.version:
            self.version = snapshot.state.version
            self.version_since = time.monotonic()
        self.refresh_chips()
        s, h = self.services, self.hearing.id
        self.hearing, exhibits = await run.io_bound(lambda: (s.hearings.get(h), s.exhibits.of_hearing(h)))
        if [e.id for e in exhibits] != [e.id for e in self.exhibits]:
            self.exhibits = exhibits
            self._render_grid()
        else:
            self.exhibits = exhibits
            for exhibit in exhibits:
                self._show_restriction(exhibit)
        if hasattr(self, 'closed_door'):
            self.switches_quiet.show(self.closed_door, self.hearing.closed_door)
            self.switches_quiet.show(self.approval, self.hearing.approval_required)

    async def on_screens(self, hearing_id: int) -> None:
        if hearing_id != self.hearing.id:
            return
        screens = await run.io_bound(self.services.screens.of_hearing, hearing_id)
        if [x.id for x in screens] != [x.id for x in self.screens]:
            self.screens = screens
            self._render_screens()
        else:
            self.refresh_chips()

    def _render_grid(self) -> None:
        pages = sum(e.page_count for e in self.exhibits)
        self.summary.text = f'{t("n_exhibits", n=len(self.exhibits))} · {pages_text(pages)}'
        self.grid.clear()
        with self.grid:
            if not self.exhibits:
                testid(ui.label(t('no_exhibits')), 'no-exhibits').classes(
                    'w-full text-slate-500 bg-white rounded border border-dashed border-slate-300 px-6 py-12 '
                    'text-center')
            self.badges.clear()
            self.restrict_switches.clear()
            for exhibit in self.exhibits:
                exhibit_card(exhibit, self.page_url(exhibit, 1, THUMB_WIDTH), self.viewer.show)
                self._card_footer(self.grid.default_slot.children[-1], exhibit)

    def _card_footer(self, card: Element, exhibit: Exhibit) -> None:
        """Disclosure and restriction under an exhibit card; clicking here does not open the viewer."""
        with card, ui.row().classes('w-full items-center justify-between no-wrap gap-1 px-3 pb-2 -mt-1') as footer:
            footer.on('click.stop', js_handler='() => {}')
            self.badges[exhibit.id] = badges(exhibit)
            switch = testid(ui.switch(t('clerk_restricted'), value=exhibit.restricted,
                                      on_change=lambda e, x=exhibit.id: self.restrict(x, e.value)),
                            'restrict-toggle').props('dense color=red-9 size=sm left-label') \
                .classes('text-xs text-slate-600').tooltip(t('clerk_restricted_tip'))
            switch.props['data-exhibit-id'] = str(exhibit.id)
            if not self.may_restrict:
                switch.disable()
            self.restrict_switches[exhibit.id] = switch

    def _show_restriction(self, exhibit: Exhibit) -> None:
        if exhibit.id in self.badges:
            self.badges[exhibit.id].update(exhibit)
        if exhibit.id in self.restrict_switches:
            self.switches_quiet.show(self.restrict_switches[exhibit.id], exhibit.restricted)


    async def restrict(self, exhibit_id: int, restricted: bool) -> None:
        if self.switches_quiet.quiet:
            return
        try:
            await run.io_bound(self.services.presentation.set_restricted, exhibit_id, self.user, restricted)
        except CourtroomError as e:
            ui.notify(error_text(e), type='negative')
            exhibit = await run.io_bound(self.services.exhibits.get, exhibit_id)
            self._show_restriction(exhibit)
            return
        exhibit = await run.io_bound(self.services.exhibits.get, exhibit_id)
        self.exhibits = [exhibit if e.id == exhibit_id else e for e in self.exhibits]
        self._show_restriction(exhibit)

    # --- links, settings and screens --------------------------------------------------------------------------

    def _role_links(self) -> None:
        role = self.user.role
        with ui.row().classes('items-center no-wrap gap-2'):
            testid(ui.button(t('hybrid_title'), icon='video_call',
                             on_click=lambda: ui.navigate.to(f'/hearings/{self.hearing.id}/participants')),
                   'open-participants').props('outline no-caps color=primary')
            if may(role, Action.PUBLISH):
                testid(ui.button(t('clerk_open_bench'), icon='slideshow',
                                 on_click=lambda: ui.navigate.to(f'/bench/{self.hearing.id}')), 'open-bench') \
                    .props('unelevated no-caps color=primary')
            if may(role, Action.APPROVE):
                testid(ui.button(t('clerk_open_judge'), icon='gavel',
                                 on_click=lambda: ui.navigate.to(f'/judge/{self.hearing.id}')), 'open-judge') \
                    .props('unelevated no-caps color=primary')

    def _settings_panel(self) -> None:
        with testid(ui.card(), 'settings-panel').classes('w-full p-4 gap-2'):
            ui.label(t('clerk_settings')).classes('text-base font-semibold text-slate-800')
            for attr, key, value in (('closed_door', 'clerk_closed_door', self.hearing.closed_door),
                                     ('approval', 'clerk_approval', self.hearing.approval_required)):
                setting = 'closed_door' if attr == 'closed_door' else 'approval_required'
                with ui.row().classes('w-full items-center no-wrap gap-2'):
                    with ui.column().classes('flex-1 min-w-0 gap-0'):
                        ui.label(t(key)).classes('text-sm font-medium text-slate-800')
                        ui.label(t(key + '_hint')).classes('text-xs text-slate-500 leading-snug')
                    switch = testid(ui.switch(value=value,
                                              on_change=lambda e, x=setting: self.configure(**{x: e.value})),
                                    f'{attr.replace("_", "-")}-toggle').props('color=primary')
                    setattr(self, attr, switch)

    async def configure(self, **setting: bool) -> None:
        if self.switches_quiet.quiet:
            return
        try:
            await run.io_bound(lambda: self.services.presentation.configure(self.hearing.id, self.user, **setting))
        except CourtroomError as e:
            ui.notify(error_text(e), type='negative')
        self.hearing = await run.io_bound(self.services.hearings.get, self.hearing.id)
        self.switches_quiet.show(self.closed_door, self.hearing.closed_door)
        self.switches_quiet.show(self.approval, self.hearing.approval_required)

    def _screens_panel(self) -> None:
        audiences = {a.value: t(f'clerk_aud_{a.value}') for a in Audience}
        with testid(ui.card(), 'screens-panel').classes('w-full p-4 gap-3'):
            with ui.row().classes('w-full items-start no-wrap gap-6'):
                with ui.column().classes('flex-1 min-w-0 gap-1'):
                    with ui.row().classes('items-center no-wrap gap-2'):
                        ui.icon('cast', size='1.4rem').classes('text-blue-900')
                        ui.label(t('clerk_screens_title')).classes('text-lg font-semibold text-slate-800')
                    ui.label(t('clerk_screens_hint')).classes('text-xs text-slate-600 leading-snug max-w-[34rem]')
                with testid(ui.column(), 'add-screen-form').classes('shrink-0 gap-1'):
                    with ui.row().classes('items-start no-wrap gap-2'):
                        self.screen_name = testid(ui.input(t('clerk_screen_name'),
                                                           placeholder=t('clerk_screen_name_hint')), 'screen-name') \
                            .props('outlined dense').classes('w-64')
                        self.screen_name.on('keydown.enter', self.add_screen)
                        self.screen_audience = testid(ui.select(audiences, value=Audience.PUBLIC.value,
                                                                label=t('clerk_screen_audience')), 'screen-audience') \
                            .props('outlined dense options-dense').classes('w-60')
                        testid(ui.button(t('clerk_add_screen'), icon='add', on_click=self.add_screen), 'add-screen') \
                            .props('unelevated no-caps color=primary').classes('h-10')
                    self.screen_video = testid(ui.checkbox(t('clerk_screen_video')), 'screen-video').props('dense')
                    self.screen_error = testid(ui.label(), 'screen-error').classes('text-sm text-red-700')
                    self.screen_error.visible = False
            self.screen_list = testid(ui.element('div'), 'screen-list').classes(
                'w-full grid grid-cols-1 md:grid-cols-2 xl:grid-cols-3 gap-3')

    def _render_screens(self) -> None:
        self.screen_list.clear()
        self.chips.clear()
        self._chip_keys.clear()
        with self.screen_list:
            if not self.screens:
                testid(ui.label(t('clerk_no_screens')), 'no-screens').classes(
                    'col-span-full text-sm text-slate-500 rounded border border-dashed border-slate-300 px-4 py-5 '
                    'text-center')
            for screen in self.screens:
                self._screen_tile(screen)
        self.refresh_chips()

    def _screen_tile(self, screen: Screen) -> None:
        url = screen_url(self.base_url, screen)
        with testid(ui.row(), 'screen-row').classes(
                'w-full min-w-0 items-center no-wrap gap-3 rounded-lg border border-slate-200 bg-slate-50 p-2.5') \
                as tile:
            tile.props['data-screen-id'] = str(screen.id)
            tile.props['data-audience'] = screen.audience.value
            testid(ui.html(qr_svg(url), sanitize=False), 'screen-qr') \
                .classes('shrink-0 bg-white rounded border border-slate-200 leading-[0]').tooltip(t('clerk_qr_hint'))
            with ui.column().classes('flex-1 min-w-0 gap-1.5'):
                with ui.column().classes('w-full gap-0'):
                    testid(ui.label(screen.name), 'screen-name-label') \
                        .classes('text-sm font-semibold text-slate-800 truncate w-full').tooltip(screen.name)
                    testid(ui.label(t(f'clerk_aud_{screen.audience.value}')), 'screen-audience-label') \
                        .classes('text-xs text-slate-600')
                self.chips[screen.id] = ui.element('div').classes('w-full min-w-0')
                testid(ui.label(url), 'screen-url').classes(
                    'w-full text-[11px] font-mono text-slate-600 bg-white border border-slate-200 rounded px-1.5 '
                    'py-0.5 truncate select-all').tooltip(url)
                with ui.row().classes('items-center no-wrap gap-1'):
                    testid(ui.button(t('clerk_copy'), icon='content_copy',
                                     on_click=lambda u=url: self.copy(u)), 'screen-copy') \
                        .props('flat dense no-caps color=primary').classes('text-sm px-2 [&_.q-icon]:text-base')
                    with testid(ui.link(target=url, new_tab=True), 'screen-open').classes(
                            'inline-flex items-center gap-1 text-sm text-blue-900 no-underline px-2 py-0.5 rounded '
                            'hover:bg-blue-50'):
                        ui.icon('open_in_new', size='1rem')
                        ui.label(t('clerk_open'))

    def copy(self, url: str) -> None:
        ui.clipboard.write(url)
        ui.notify(t('clerk_copied'), type='positive')

    def refresh_chips(self) -> None:
        behind = time.monotonic() - self.version_since
        by_id = {e.id: e for e in self.exhibits}
        for screen in self.screens:
            box = self.chips.get(screen.id)
            if box is None:
                continue
            status = self.services.screens.status(screen)  # in memory: no thread hop needed
            health = screen_health(connected=status['connected'], acked_version=status['version'],
                                   version=self.version, behind_for_s=behind)
            key = (status['connected'], status['state'], status['version'], str(status['showing']), health)
            if self._chip_keys.get(screen.id) == key:
                continue
            self._chip_keys[screen.id] = key
            box.clear()
            with box:
                screen_chip(status, health, by_id)

    async def add_screen(self) -> None:
        self.screen_error.visible = False
        name = self.screen_name.value or ''
        audience = self.screen_audience.value or ''
        try:
            require(self.user.role, Action.MANAGE_SCREENS)
            screen = await run.io_bound(lambda: self.services.screens.add(
                self.hearing.id, name=name, audience=audience, actor=self.user.username,
                show_video=bool(self.screen_video.value)))
        except CourtroomError as e:
            self.screen_error.text = error_text(_with_field_label(e, 'name', t('clerk_screen_name')))
            self.screen_error.visible = True
            return
        self.screen_name.value = ''
        ui.notify(t('clerk_screen_added', name=screen.name), type='positive')
        if screen.id not in [x.id for x in self.screens]:
            self.screens = await run.io_bound(self.services.screens.of_hearing, self.hearing.id)
            self._render_screens()

    def _exhibit(self, exhibit_id: int) -> Exhibit | None:
        return next((e for e in self.exhibits if e.id == exhibit_id), None)

    # --- search and go to BL ----------------------------------------------------------------------------------

    def _search_panel(self) -> None:
        with testid(ui.card(), 'search-panel').classes('w-full p-4 gap-3'):
            ui.label(t('search_title')).classes('text-base font-semibold text-slate-800')
            with ui.row().classes('w-full items-start no-wrap gap-2'):
                self.bl_input = testid(ui.input(t('go_to_bl'), placeholder=t('go_to_bl_hint')), 'bl-input') \
                    .props('outlined dense clearable').classes('flex-1')
                self.bl_input.on('keydown.enter', self.go_to_bl)
                testid(ui.button(t('go'), on_click=self.go_to_bl), 'bl-go').props('unelevated color=primary') \
                    .classes('h-10')
            self.bl_error = testid(ui.label(), 'bl-error').classes('text-sm text-red-700 -mt-2')
            self.bl_error.visible = False
            self.search_input = testid(ui.input(t('search_label'), placeholder=t('search')), 'search-input') \
                .props('outlined dense clearable debounce=350').classes('w-full')
            with self.search_input.add_slot('prepend'):
                ui.icon('search')
            self.search_input.on_value_change(self.search)
            self.search_input.on('keydown.enter', self.search)
            self.hits_label = testid(ui.label(), 'hits-count').classes('text-xs text-slate-500')
            self.hits_label.visible = False
            self.hits = testid(ui.element('div'), 'search-hits').classes('w-full max-h-[60vh] overflow-y-auto -mx-1')

    async def search(self) -> None:
        query = (self.search_input.value or '').strip()
        self.hits.clear()
        if not query:
            self.hits_label.visible = False
            return
        try:
            hits: list[Hit] = await run.io_bound(self.services.search.search, self.hearing.id, query)
        except CourtroomError as e:
            self.hits_label.text = error_text(e)
            self.hits_label.visible = True
            return
        if (self.search_input.value or '').strip() != query:
            return  # the user typed on while we searched; the newer search draws the list
        self.hits_label.text = t('hits_count', n=len(hits)) if hits else t('no_hits')
        self.hits_label.visible = True
        with self.hits:
            for hit in hits:
                search_hit(hit, self.open_hit)

    def open_hit(self, hit: Hit) -> None:
        exhibit = self._exhibit(hit.exhibit_id)
        if exhibit is not None:
            self.viewer.show(exhibit, hit.page)

    async def go_to_bl(self) -> None:
        value = (self.bl_input.value or '').strip()
        self.bl_error.visible = False
        if not value:
            return
        try:
            bl = parse_bl_input(value)
            if bl is None:
                raise InvalidInput('bad_bl_input')
            ref: PageRef = await run.io_bound(self.services.exhibits.find_bl, self.hearing.id, bl)
        except CourtroomError as e:
            self.bl_error.text = t('bad_bl', value=value) if e.code == 'bad_bl_input' else error_text(e)
            self.bl_error.visible = True
            return
        exhibit = self._exhibit(ref.exhibit_id)
        if exhibit is None:  # imported in another tab since this one loaded
            await self.load()
            exhibit = self._exhibit(ref.exhibit_id)
        if exhibit is not None:
            self.viewer.show(exhibit, ref.page)

    # --- import -----------------------------------------------------------------------------------------------

    def _upload_panel(self) -> None:
        limits = self.services.settings.limits
        with testid(ui.card(), 'upload-panel').classes('w-full p-4 gap-3'):
            ui.label(t('upload_title')).classes('text-base font-semibold text-slate-800')
            ui.label(t('upload_how')).classes('text-xs text-slate-600 leading-snug')
            self.upload = testid(ui.upload(multiple=True, on_multi_upload=self.import_bundle,
                                           on_rejected=lambda: ui.notify(t('upload_rejected'), type='warning'),
                                           max_file_size=limits.max_file_bytes,
                                           max_total_size=limits.max_bundle_bytes,
                                           label=t('upload')), 'upload') \
                .props('flat bordered color=primary').classes('w-full')
            ui.label(t('upload_hint')).classes('text-xs text-slate-500')
            # QUploader's own start button is a small cloud icon; a clerk needs a plain, labelled one
            self.upload_start = testid(ui.button(t('upload_start'), icon='cloud_upload',
                                                 on_click=lambda: self.upload.run_method('upload')), 'upload-start') \
                .props('unelevated no-caps color=primary').classes('w-full')
            with testid(ui.column(), 'import-status').classes('w-full gap-1') as self.import_status:
                self.import_label = ui.label().classes('text-sm text-slate-700')
                self.import_bar = testid(ui.linear_progress(value=0, show_value=False), 'import-progress') \
                    .props('rounded size=8px color=primary')
            self.import_status.visible = False
            self.import_error = testid(ui.row(), 'import-error').classes(
                'w-full no-wrap items-start gap-2 bg-red-50 border border-red-200 rounded p-3')
            with self.import_error:
                ui.icon('error', size='1.25rem').classes('text-red-700 shrink-0')
                with ui.column().classes('gap-1 min-w-0'):
                    ui.label(t('import_failed')).classes('text-sm font-semibold text-red-800')
                    self.import_error_text = testid(ui.label(), 'import-error-text') \
                        .classes('text-sm text-red-800 break-words')
            self.import_error.visible = False

    async def import_bundle(self, e: MultiUploadEventArguments) -> None:
        require(self.user.role, Action.IMPORT_BUNDLE)
        progress = ImportProgress()
        self.import_error.visible = False
        self.import_status.visible = True
        self.import_label.text = t('import_checking')
        self.import_bar.value = 0
        self.upload.disable()
        self.upload_start.disable()

        def show_progress() -> None:
            if progress.total:
                self.import_label.text = t('import_progress', done=progress.done, total=progress.total)
                self.import_bar.value = progress.done / progress.total

        timer = ui.timer(0.25, show_progress)
        try:
            created = await run.io_bound(import_files, self.services, self.hearing.id, self.user.username,
                                         e.files, progress)
        except CourtroomError as error:
            self.import_error_text.text = error_text(error)
            self.import_error.visible = True
            return
        except Exception:
            logger.exception('import into hearing %s failed', self.hearing.id)
            self.import_error_text.text = error_text(CourtroomError('internal_error'))
            self.import_error.visible = True
            return
        finally:
            timer.cancel()
            self.import_status.visible = False
            self.upload.reset()
            self.upload.enable()
            self.upload_start.enable()
        ui.notify(t('imported', n=len(created)), type='positive')
        await self.load()
