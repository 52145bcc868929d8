"""The frame shared by staff pages: header with the app name, the user, the language switch and sign-out."""

from __future__ import annotations

from collections.abc import Callable

from nicegui import app, ui

from courtroom.users import User

from ..i18n import Lang
from ..session import lang, set_lang, t

PRIMARY = '#1f3b63'  # a deep court blue, for every staff page


def court_colors() -> None:
    ui.colors(primary=PRIMARY)


def language_switch(on_change: Callable[[Lang], None]) -> None:
    def choose(value: Lang) -> None:
        on_change(value)
        ui.navigate.reload()

    toggle = ui.toggle({'vi': 'VI', 'en': 'EN'}, value=lang(), on_change=lambda e: choose(e.value))
    toggle.props('dense unelevated toggle-color=primary').props('data-testid=language').mark('language')


def frame(user: User, title: str) -> None:
    def sign_out() -> None:
        app.storage.user.pop('token', None)
        ui.navigate.to('/login')

    court_colors()
    with ui.header().classes('items-center justify-between bg-slate-800 px-4 py-2'):
        with ui.row().classes('items-center gap-3'):
            ui.link(t('app_name'), '/').classes('text-white text-lg font-semibold no-underline')
            ui.label(title).classes('text-slate-300')
        with ui.row().classes('items-center gap-3'):
            ui.label(f'{user.name} · {t("role_" + user.role.value)}').classes('text-slate-200').props('data-testid=current-user').mark('current-user')
            language_switch(set_lang)
            ui.button(t('logout'), on_click=sign_out).props('flat color=white').props('data-testid=logout').mark('logout')
