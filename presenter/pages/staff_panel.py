"""The hearing's staff on its page (courtroom.staff): who conducts it and who may see it at all, by full name and
title. The clerk on it (or an administrator) chooses them from the court's accounts; anyone else reads the list."""

from __future__ import annotations

from nicegui import run, ui

from courtroom.errors import CourtroomError
from courtroom.roles import Role
from courtroom.users import User

from ..services import Services
from ..session import error_text, t
from ..texts import ROLE_KEYS
from .components import testid


class StaffPanel:
    def __init__(self, services: Services, user: User, hearing_id: int) -> None:
        self.services = services
        self.user = user
        self.hearing_id = hearing_id
        self.may_assign = user.role in (Role.CLERK, Role.ADMIN)
        self.people: dict[str, User] = {}
        with testid(ui.card(), 'staff-panel').classes('w-full p-4 gap-2'):
            ui.label(t('staff_title')).classes('text-base font-semibold text-slate-800')
            ui.label(t('staff_hint')).classes('text-xs text-slate-500 leading-snug')
            self.rows = testid(ui.column(), 'staff-list').classes('w-full gap-0.5')
            if self.may_assign:
                self.choice = testid(ui.select({}, multiple=True, label=t('staff_choose'), with_input=True),
                                     'staff-choose').props('outlined dense use-chips').classes('w-full')
                testid(ui.button(t('staff_save'), icon='group', on_click=self.save), 'staff-save') \
                    .props('unelevated no-caps color=primary').classes('self-end')

    async def load(self) -> None:
        s, h = self.services, self.hearing_id
        loaded = await run.io_bound(lambda: (s.staff.of_hearing(h), s.users.accounts()))
        if loaded is None:
            return
        members, accounts = loaded
        self.people = {a.username: a for a in accounts}
        self.rows.clear()
        with self.rows:
            for m in members:
                person = self.people.get(m.username)
                with ui.row().classes('w-full items-center justify-between no-wrap gap-2'):
                    testid(ui.label(person.name if person else m.username), 'staff-member') \
                        .classes('text-sm text-slate-800 truncate').props(f'data-username={m.username}')
                    ui.label(t(ROLE_KEYS[m.role])).classes('text-xs text-slate-600 shrink-0')
        if self.may_assign:
            self.choice.set_options({a.username: f'{a.name} · {t(ROLE_KEYS[a.role])}' for a in accounts
                                     if a.role is not Role.ADMIN},
                                    value=[m.username for m in members if m.username in self.people])

    async def save(self) -> None:
        chosen = [{'username': u} for u in self.choice.value or []]
        try:
            await run.io_bound(self.services.staff.replace, self.hearing_id, self.user, chosen)
        except CourtroomError as e:
            ui.notify(error_text(e), type='negative')
            return
        ui.notify(t('staff_saved'), type='positive')
        await self.load()
