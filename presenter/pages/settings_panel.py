"""The hearing's settings on the clerk's hearing page: behind closed doors, and whether publishing needs the judge's
approval. The switches act on a change and follow the hearing when it changes elsewhere."""

from __future__ import annotations

from nicegui import run, ui

from courtroom.errors import CourtroomError
from courtroom.hearings import Hearing
from courtroom.users import User

from ..services import Services
from ..session import error_text, t
from .components import QuietSwitches, testid


class SettingsPanel:
    closed_door: ui.switch  # set by attribute name as the switches are built
    approval: ui.switch

    def __init__(self, services: Services, user: User, hearing: Hearing) -> None:
        self.services = services
        self.user = user
        self.hearing = hearing
        self.switches_quiet = QuietSwitches()  # the panel moving a switch itself: its handler does not act

        with testid(ui.card(), 'settings-panel').classes('w-full p-4 gap-2'):
            ui.label(t('clerk_settings')).classes('text-base font-semibold text-slate-800')
            for attr, label, hint, value in (
                    ('closed_door', t('clerk_closed_door'), t('clerk_closed_door_hint'), self.hearing.closed_door),
                    ('approval', t('clerk_approval'), t('clerk_approval_hint'), self.hearing.approval_required)):
                setting = 'closed_door' if attr == 'closed_door' else 'approval_required'
                with ui.row().classes('w-full items-center no-wrap gap-2'):
                    with ui.column().classes('flex-1 min-w-0 gap-0'):
                        ui.label(label).classes('text-sm font-medium text-slate-800')
                        ui.label(hint).classes('text-xs text-slate-500 leading-snug')
                    switch = testid(ui.switch(value=value,
                                              on_change=lambda e, x=setting: self.configure(**{x: e.value})),
                                    f'{attr.replace("_", "-")}-toggle').props('color=primary')
                    setattr(self, attr, switch)

    def show(self, hearing: Hearing) -> None:
        """The hearing as it is now, changed here or elsewhere."""
        self.hearing = hearing
        self.switches_quiet.show(self.closed_door, hearing.closed_door)
        self.switches_quiet.show(self.approval, hearing.approval_required)

    async def configure(self, **setting: bool) -> None:
        if self.switches_quiet.quiet:
            return
        try:
            await run.io_bound(lambda: self.services.presentation.configure(self.hearing.id, self.user, **setting))
        except CourtroomError as e:
            ui.notify(error_text(e), type='negative')
        self.show(await run.io_bound(self.services.hearings.get, self.hearing.id))
