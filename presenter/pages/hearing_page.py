"""Opening a page about one hearing: the signed-in user, the role allowed, the hearing found; otherwise the login
page, a refusal or a hearing-not-found card. Shared by every page under /hearings/{id}/…, /bench and /judge."""

from __future__ import annotations

from nicegui import run, ui

from courtroom.errors import CourtroomError, Forbidden, NotFound
from courtroom.hearings import Hearing
from courtroom.roles import Action, may
from courtroom.store import SQLITE_INTEGERS
from courtroom.users import User

from ..services import Services
from ..session import error_text, require_user, t
from .components import testid
from .layout import frame


def refusal(services: Services, user: User, title: str, text: str) -> None:
    frame(services, user, title)
    with testid(ui.card(), 'refused').classes('mx-auto mt-16 w-[34rem] p-8 items-center gap-3'):
        ui.icon('block', size='3rem').classes('text-red-700')
        ui.label(title).classes('text-xl font-semibold')
        testid(ui.label(text), 'refused-text').classes('text-slate-700 text-center')
        ui.link(t('back_to_list'), '/').classes('mt-2')


def missing_hearing(services: Services, user: User, title: str, error: CourtroomError) -> None:
    frame(services, user, title)
    with testid(ui.card(), 'hearing-missing').classes('mx-auto mt-16 w-[32rem] p-8 items-center gap-3'):
        ui.icon('search_off', size='3rem').classes('text-slate-400')
        ui.label(t('hearing_missing_title')).classes('text-xl font-semibold')
        testid(ui.label(error_text(error)), 'hearing-missing-text').classes('text-slate-600 text-center')
        ui.link(t('back_to_list'), '/').classes('mt-2')


async def hearing_for(services: Services, hearing_id: int, action: Action, title: str,
                      refused: str | None = None) -> tuple[User, Hearing] | None:
    """The signed-in user and the hearing, for a page about one hearing that roles allowed ``action`` open;
    otherwise the login page, a refusal, or a hearing-not-found card, and None."""
    user = require_user(services)
    if user is None:
        return None
    ui.query('body').classes('bg-slate-100')
    def find() -> Hearing:  # one whose staff the user is not on does not exist for them, whatever their role
        if hearing_id not in SQLITE_INTEGERS:  # no row has it (and SQLite would refuse the number)
            raise NotFound('hearing_not_found', hearing_id=hearing_id)
        services.staff.require(user, hearing_id)
        return services.hearings.get(hearing_id)

    try:
        hearing = await run.io_bound(find)
    except CourtroomError as e:
        missing_hearing(services, user, title, e)
        return None
    if not may(user.role, action):
        refusal(services, user, title, refused or error_text(Forbidden('forbidden_role', role=user.role.value,
                                                                            action=action.value)))
        return None
    frame(services, user, f'{hearing.case_number} · {title}')
    return user, hearing
