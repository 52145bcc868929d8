"""Who is using a page, and in which language: both live in NiceGUI's per-browser storage."""

from __future__ import annotations

from nicegui import app, ui

from courtroom.errors import CourtroomError
from courtroom.users import User

from .i18n import Lang, error_message
from .services import Services
from .texts import TEXTS


def lang() -> Lang:
    value = app.storage.user.get('lang', 'vi')
    return 'en' if value == 'en' else 'vi'


def set_lang(value: Lang) -> None:
    app.storage.user['lang'] = value


def t(key: str, /, **params: object) -> str:
    """The pages' text ``key`` in this browser's language (tests/test_i18n.py checks every key and its params)."""
    return TEXTS.t(key, lang(), **params)


def error_text(error: CourtroomError) -> str:
    return error_message(error, lang())


def current_user(services: Services) -> User | None:
    token = app.storage.user.get('token')
    if not token:
        return None
    try:
        return services.users.by_token(token)
    except CourtroomError:
        app.storage.user.pop('token', None)
        return None


def require_user(services: Services) -> User | None:
    """The signed-in user, or None after sending the browser to the login page."""
    user = current_user(services)
    if user is None:
        ui.navigate.to('/login')
    return user
