"""The record page's card for an online interrogation or statement (courtroom.session_minutes): that the person
questioned has been told of the recording (one press, written in the minutes at that time), and how each person
questioned signed every page of the minutes: on the printed pages beside the officer, or at their connection point,
with a note (who witnessed it)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from nicegui import run, ui

from courtroom.court_time import format_datetime
from courtroom.participants import Participant
from courtroom.roles import Action, may_in
from courtroom.session_minutes import QUESTIONED, SessionFacts, session_facts
from courtroom.users import User

from ..services import Services
from ..session import t
from .components import attempt, testid

METHOD_KEYS = {'paper': 'session_sign_paper', 'point': 'session_sign_point'}


class SessionPanel:
    def __init__(self, services: Services, user: User, hearing_id: int, kind: str) -> None:
        self.services = services
        self.user = user
        self.hearing_id = hearing_id
        self.zone = services.settings.time_zone
        self.may_keep = may_in(user.role, Action.KEEP_MINUTES, kind)
        self.shown: tuple[SessionFacts, list[Participant], bool] | None = None
        self.choices: dict[int, str] = {}  # the method chosen for each person, kept across redraws
        self.notes: dict[int, str] = {}
        self._reloading = asyncio.Lock()
        with testid(ui.card(), 'session-panel').classes('w-full p-0 gap-0'):
            with ui.row().classes('w-full items-center no-wrap gap-2 px-4 py-3 border-b border-slate-200'):
                ui.icon('record_voice_over', size='1.4rem').classes('text-blue-900')
                ui.label(t('session_title')).classes('text-lg font-semibold text-slate-800')
            self.body = ui.column().classes('w-full gap-2 px-4 py-3')

    async def reload(self) -> None:
        async with self._reloading:
            s, h = self.services, self.hearing_id
            loaded = await run.io_bound(lambda: (
                session_facts([(e.at, e.action, e.details) for e in s.audit.entries(h)]),
                [p for p in s.participants.of_hearing(h) if p.role in QUESTIONED],
                s.minutes_signing.frozen(h)))
            if loaded is None or loaded == self.shown:
                return
            self.shown = loaded
            self.render(*loaded)

    def render(self, facts: SessionFacts, people: list[Participant], frozen: bool) -> None:
        self.body.clear()
        with self.body:
            if facts.announced_at:
                testid(ui.label(t('session_announced', time=format_datetime(facts.announced_at, self.zone))),
                       'session-announced').classes('text-sm text-green-900')
            else:
                ui.label(t('session_not_announced')).classes('text-sm text-amber-800')
                if self.may_keep and not frozen:
                    testid(ui.button(t('session_announce'), icon='campaign', on_click=self.announce),
                           'session-announce').props('unelevated no-caps')
            ui.separator()
            ui.label(t('session_signatures')).classes('text-sm font-semibold text-slate-700')
            if not people:
                ui.label(t('session_nobody')).classes('text-xs text-slate-500')
            for p in people:
                signed = facts.signatures.get(p.id)
                with testid(ui.column(), 'session-person').classes('w-full gap-1 rounded border border-slate-200 p-2') \
                        as box:
                    box.props(f'data-participant-id={p.id} data-method={signed.method if signed else "none"}')
                    ui.label(p.name).classes('text-sm font-medium text-slate-900')
                    ui.label(t('session_signed', how=t(METHOD_KEYS[signed.method]),
                               time=format_datetime(signed.at, self.zone, seconds=False)) if signed
                             else t('session_unsigned')).classes('text-xs text-slate-600')
                    if not self.may_keep:
                        continue
                    method = testid(ui.radio({'paper': t('session_sign_paper'), 'point': t('session_sign_point')},
                                             value=self.choices.get(p.id, signed.method if signed else 'paper')),
                                    'session-method').props('dense inline')
                    method.on_value_change(lambda e, pid=p.id: self.choices.__setitem__(pid, e.value))
                    note = testid(ui.input(t('session_note'), value=self.notes.get(p.id, '')), 'session-note') \
                        .props('outlined dense maxlength=500').classes('w-full')
                    note.on_value_change(lambda e, pid=p.id: self.notes.__setitem__(pid, e.value or ''))
                    testid(ui.button(t('session_record_signature'), icon='draw',
                                     on_click=lambda pid=p.id, m=method: self.record_signature(pid, m.value)),
                           'session-sign').props('outline dense no-caps size=sm')

    async def _act(self, call: Callable[[], object], done: str) -> bool:
        if await attempt(call, done):
            await self.reload()
            return True
        return False

    async def announce(self) -> None:
        await self._act(lambda: self.services.session_minutes.announce_recording(
            self.hearing_id, actor=self.user.username), t('session_announce_done'))

    async def record_signature(self, participant_id: int, method: str) -> None:
        note = self.notes.get(participant_id) or None
        if await self._act(lambda: self.services.session_minutes.person_signed(
                participant_id, method, actor=self.user.username, note=note), t('session_signature_done')):
            self.notes.pop(participant_id, None)
