"""The frame shared by staff pages: header with the app name, the clock, the user, the language switch and
sign-out; and the clock itself, shared with the join page and the courtroom screens."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from nicegui import app, context, run, ui
from nicegui.element import Element

from courtroom.court_time import format_time, zone_text
from courtroom.users import User

from ..i18n import Lang
from ..services import Services
from ..session import lang, set_lang, t
from ..texts import ROLE_KEYS, TEXTS

PRIMARY = '#1f3b63'  # a deep court blue, for every staff page


# Ticks in the browser, on the second, every [data-clock] on the page (those added later too): no server timer.
_CLOCK_JS = """(() => {
  if (window.courtroomClock) return;
  const format = new Intl.DateTimeFormat('en-GB', {timeZone: ZONE, hour: '2-digit', minute: '2-digit',
                                                    second: '2-digit', hourCycle: 'h23'});
  const tick = () => {
    const now = format.format(new Date());
    document.querySelectorAll('[data-clock]').forEach(e => { if (e.textContent !== now) e.textContent = now; });
    window.courtroomClock = setTimeout(tick, 1005 - Date.now() % 1000);
  };
  window.courtroomClock = setTimeout(tick, 0);
})();"""


def clock_js(zone: ZoneInfo) -> str:
    """The clock's script, in the court's ``zone`` (an IANA name, which browsers know too)."""
    return _CLOCK_JS.replace('ZONE', json.dumps(zone.key))


def clock(zone: ZoneInfo, classes: str = '', language: Lang | None = None) -> Element:
    """A live HH:MM:SS clock in the court's ``zone`` (data-testid=clock), ticking client-side. ``language`` for
    pages without a signed-in user's choice (the join page, the screens)."""
    client = context.client
    if not getattr(client, 'courtroom_clock', False):
        client.courtroom_clock = True  # type: ignore[attr-defined]
        if client.has_socket_connection:
            ui.run_javascript(clock_js(zone))
        else:
            ui.add_head_html(f'<script>{clock_js(zone)}</script>')
    label = ui.label(format_time(datetime.now(UTC), zone)).classes('font-mono tabular-nums ' + classes)
    label.props('data-clock data-testid=clock')
    label.props['title'] = TEXTS.t('int_clock_title', language or lang(), zone=zone_text(zone))
    label.mark('clock')
    return label


def court_colors() -> None:
    ui.colors(primary=PRIMARY)


def page_language(language: Lang) -> None:
    """This page's ``<html lang>`` (and Quasar's own texts) in the reader's language, so a screen reader speaks it
    with the right voice. ``ui.run`` sets one language for every page; a page in another one gets its own copy of
    the page settings."""
    client = context.client
    wanted = 'en-US' if language == 'en' else 'vi'
    if client.page.resolve_language() != wanted:
        client.page = copy.copy(client.page)
        client.page.language = wanted


def language_switch(on_change: Callable[[Lang], None]) -> None:
    def choose(value: Lang) -> None:
        on_change(value)
        ui.navigate.reload()

    toggle = ui.toggle({'vi': 'VI', 'en': 'EN'}, value=lang(), on_change=lambda e: choose(e.value))
    toggle.props('dense unelevated toggle-color=primary').props('data-testid=language').mark('language')


def frame(services: Services, user: User, title: str) -> None:
    """The staff pages' header; its clock in the court's time zone."""
    zone = services.settings.time_zone

    async def sign_out() -> None:
        token = app.storage.user.pop('token', None)
        if token:  # the token dies, not only this browser's copy of it
            await run.io_bound(services.users.revoke_token, token)
        ui.navigate.to('/login')

    court_colors()
    page_language(lang())
    with ui.header().classes('items-center justify-between bg-slate-800 px-4 py-2'):
        with ui.row().classes('items-center gap-3'):
            ui.link(t('app_name'), '/').classes('text-white text-lg font-semibold no-underline')
            ui.label(title).classes('text-slate-300')
        with ui.row().classes('items-center gap-3'):
            clock(zone, 'text-white text-base font-semibold bg-slate-700 rounded px-2 py-0.5')
            ui.label(f'{user.name} · {t(ROLE_KEYS[user.role])}').classes('text-slate-200') \
                .props('data-testid=current-user').mark('current-user')
            language_switch(set_lang)
            ui.button(t('logout'), on_click=sign_out).props('flat color=white').props('data-testid=logout') \
                .mark('logout')

