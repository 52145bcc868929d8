"""The courtroom screens on the clerk's hearing page: registering one (name, audience, video), each one's kiosk link
and QR code, and a chip with what it shows right now and whether it keeps up with the presentation."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from nicegui import run, ui
from nicegui.element import Element

from courtroom.errors import CourtroomError
from courtroom.exhibits import Exhibit
from courtroom.roles import Action, require
from courtroom.screens import Screen, room_audio_screen
from courtroom.users import User
from courtroom.visibility import Audience

from ..live import follow
from ..services import Services
from ..session import error_text, t
from ..texts import CLERK_AUDIENCE_KEYS
from .components import testid
from .participant_labels import qr_svg
from .presenting_widgets import screen_chip, screen_health


def screen_url(base: str, screen: Screen) -> str:
    return f'{base.rstrip("/")}/screen/{screen.token}'


def _with_field_label(error: CourtroomError, field: str, label: str) -> CourtroomError:
    """The error with its field code ("name") replaced by the form's own label ("Tên màn hình")."""
    if error.params.get('field') != field:
        return error
    labelled = type(error)(error.code, **{**error.params, 'field': label})
    labelled.status = error.status
    return labelled


class ScreensPanel:
    """The screens card. ``exhibits`` gives the page's current exhibits, for naming what a screen shows; the page
    hands over the presentation's version (``show``, ``on_version``) so a screen that trails it turns amber."""

    def __init__(self, services: Services, user: User, hearing_id: int, base_url: str,
                 exhibits: Callable[[], list[Exhibit]]) -> None:
        self.services = services
        self.user = user
        self.hearing_id = hearing_id
        self.base_url = base_url
        self.exhibits = exhibits
        self.screens: list[Screen] = []
        self.chips: dict[int, Element] = {}
        self._chip_keys: dict[int, tuple[Any, ...]] = {}
        self.version = 0
        self.version_since = time.monotonic()

        audiences = {a.value: t(CLERK_AUDIENCE_KEYS[a]) for a in Audience}
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

    def show(self, screens: list[Screen], version: int) -> None:
        """The first load: the hearing's screens and the presentation's version."""
        self.screens = screens
        self.version = version
        self._render_screens()

    def follow_changes(self) -> None:
        follow(self.services.screens.changed, self.on_screens)
        follow(self.services.screens.audio_changed, self.on_audio)
        ui.timer(1.0, self.refresh_chips)  # a screen that trails the state turns amber after LAG_S

    def on_version(self, version: int) -> None:
        if version != self.version:
            self.version = version
            self.version_since = time.monotonic()
        self.refresh_chips()

    async def on_screens(self, hearing_id: int) -> None:
        if hearing_id != self.hearing_id:
            return
        screens = await run.io_bound(self.services.screens.of_hearing, hearing_id)
        if [x.id for x in screens] != [x.id for x in self.screens]:
            self.screens = screens
            self._render_screens()
        else:
            self.refresh_chips()

    async def on_audio(self, hearing_id: int) -> None:
        """The room's audio screen changed: every tile's switch and speaker may change."""
        if hearing_id == self.hearing_id:
            self.screens = await run.io_bound(self.services.screens.of_hearing, hearing_id)
            self._render_screens()

    async def set_audio(self, screen: Screen, on: bool) -> None:
        if on == screen.audio_output:
            return
        try:
            require(self.user.role, Action.MANAGE_SCREENS)
            await run.io_bound(lambda: self.services.screens.set_audio_output(screen.id, on,
                                                                             actor=self.user.username))
        except CourtroomError as e:
            ui.notify(error_text(e), type='negative')

    def _render_screens(self) -> None:
        self.screen_list.clear()
        self.chips.clear()
        self._chip_keys.clear()
        with self.screen_list:
            if not self.screens:
                testid(ui.label(t('clerk_no_screens')), 'no-screens').classes(
                    'col-span-full text-sm text-slate-500 rounded border border-dashed border-slate-300 px-4 py-5 '
                    'text-center')
            sounding = room_audio_screen(self.screens)
            for screen in self.screens:
                self._screen_tile(screen, sounding == screen.id)
        self.refresh_chips()

    def _screen_tile(self, screen: Screen, sounding: bool = False) -> None:
        url = screen_url(self.base_url, screen)
        with testid(ui.row(), 'screen-row').classes(
                'w-full min-w-0 items-center no-wrap gap-3 rounded-lg border border-slate-200 bg-slate-50 p-2.5') \
                as tile:
            tile.props['data-screen-id'] = str(screen.id)
            tile.props['data-audience'] = screen.audience.value
            testid(ui.html(qr_svg(url, scale=3, dark='#0f172a', light='#ffffff'), sanitize=False), 'screen-qr') \
                .classes('shrink-0 bg-white rounded border border-slate-200 leading-[0]').tooltip(t('clerk_qr_hint'))
            with ui.column().classes('flex-1 min-w-0 gap-1.5'):
                with ui.column().classes('w-full gap-0'):
                    testid(ui.label(screen.name), 'screen-name-label') \
                        .classes('text-sm font-semibold text-slate-800 truncate w-full').tooltip(screen.name)
                    with ui.row().classes('items-center no-wrap gap-1'):
                        testid(ui.label(t(CLERK_AUDIENCE_KEYS[screen.audience])), 'screen-audience-label') \
                            .classes('text-xs text-slate-600')
                        if sounding:
                            testid(ui.icon('volume_up', size='1rem'), 'screen-plays-sound').classes(
                                'text-blue-900').props(f'aria-label="{t("clerk_screen_plays_sound")}" role=img') \
                                .tooltip(t('clerk_screen_plays_sound'))
                self.chips[screen.id] = ui.element('div').classes('w-full min-w-0')
                testid(ui.label(url), 'screen-url').classes(
                    'w-full text-[11px] font-mono text-slate-600 bg-white border border-slate-200 rounded px-1.5 '
                    'py-0.5 truncate select-all').tooltip(url)
                testid(ui.switch(t('clerk_screen_audio'), value=screen.audio_output,
                                 on_change=lambda e, s=screen: self.set_audio(s, bool(e.value))), 'screen-audio') \
                    .props('dense').classes('text-sm').tooltip(t('clerk_screen_audio_hint'))
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
        by_id = {e.id: e for e in self.exhibits()}
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
                self.hearing_id, name=name, audience=audience, actor=self.user.username,
                show_video=bool(self.screen_video.value)))
        except CourtroomError as e:
            self.screen_error.text = error_text(_with_field_label(e, 'name', t('clerk_screen_name')))
            self.screen_error.visible = True
            return
        self.screen_name.value = ''
        ui.notify(t('clerk_screen_added', name=screen.name), type='positive')
        if screen.id not in [x.id for x in self.screens]:
            self.screens = await run.io_bound(self.services.screens.of_hearing, self.hearing_id)
            self._render_screens()

