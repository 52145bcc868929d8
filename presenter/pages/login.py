"""The sign-in page."""

from __future__ import annotations

from nicegui import app, run, ui

from courtroom.errors import CourtroomError

from ..services import Services
from ..session import error_text, lang, set_lang, t
from .layout import court_colors, language_switch, page_language


def register(services: Services) -> None:
    @ui.page('/login')
    def login_page() -> None:
        request = ui.context.client.request
        address = request.client.host if request is not None and request.client else None

        async def sign_in() -> None:
            try:
                user = await run.io_bound(services.users.authenticate, username.value.strip(), password.value,
                                          address)
            except CourtroomError as e:
                message.text = error_text(e)
                message.visible = True
                return
            app.storage.user['token'] = services.users.issue_token(user)
            ui.navigate.to('/')

        court_colors()
        page_language(lang())
        ui.query('body').classes('bg-slate-100')
        with ui.card().classes('absolute-center w-96 p-8 gap-4'):
            with ui.row().classes('w-full items-center justify-between'):
                ui.label(t('app_name')).classes('text-xl font-semibold')
                language_switch(set_lang)
            ui.label(t('login_title')).classes('text-base text-slate-600')
            username = ui.input(t('username')).props('outlined autofocus').classes('w-full') \
                .props('data-testid=username').mark('username')
            password = ui.input(t('password'), password=True).props('outlined').classes('w-full') \
                .props('data-testid=password').mark('password')
            message = ui.label().classes('text-red-700').props('data-testid=login-error').mark('login-error')
            message.visible = False
            password.on('keydown.enter', sign_in)
            ui.button(t('login'), on_click=sign_in).classes('w-full').props('data-testid=login-button') \
                .mark('login-button')
