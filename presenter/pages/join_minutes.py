"""The signed minutes on a remote participant's page (Criminal Procedure Code art. 258(3)): once the presiding judge
and the clerk have signed, a party, counsel, a witness… who took part reads them (the court's form, as PDF) and asks
for a correction, added at the end; they see what the presiding judge decided on each of theirs."""

from __future__ import annotations

import asyncio

from nicegui import run, ui

from courtroom.minutes_signing import PARTICIPANTS_MAY_ASK, Correction
from courtroom.participants import Participant

from ..i18n import Lang, error_message
from ..live import follow
from ..services import Services
from ..texts import TEXTS
from .components import attempt, testid
from .minutes_signing_panel import STATE_KEYS


class ParticipantMinutes:
    def __init__(self, services: Services, participant: Participant, token: str, lang: Lang) -> None:
        self.services = services
        self.participant = participant
        self.token = token
        self.lang = lang
        self.shown: tuple[bool, list[Correction]] | None = None
        self._reloading = asyncio.Lock()
        self.card = testid(ui.card(), 'participant-minutes').classes('w-full p-3 gap-2')
        self.card.set_visibility(False)  # until both have signed
        follow(services.minutes.changed, lambda h: self.reload() if h == participant.hearing_id else None)
        ui.timer(0, self.reload, once=True)

    def t(self, key: str, /, **params: object) -> str:
        return TEXTS.t(key, self.lang, **params)

    async def reload(self) -> None:
        async with self._reloading:
            signing, p = self.services.minutes_signing, self.participant
            label = f'participant:{p.id}'
            loaded = await run.io_bound(lambda: (signing.frozen(p.hearing_id),
                                                 [c for c in signing.corrections(p.hearing_id)
                                                  if c.requested_by == label]))
            if loaded is None or loaded == self.shown:
                return
            self.shown = loaded
            self.render(*loaded)

    def render(self, frozen: bool, mine: list[Correction]) -> None:
        self.card.set_visibility(frozen)
        self.card.clear()
        if not frozen:
            return
        with self.card:
            ui.label(self.t('join_minutes')).classes('text-base font-semibold')
            ui.label(self.t('join_minutes_signed')).classes('text-sm text-slate-700')
            testid(ui.link(self.t('join_minutes_read'), f'/api/join/{self.token}/minutes.pdf?lang={self.lang}',
                           new_tab=True), 'participant-minutes-pdf').classes('text-sm')
            self.text = testid(ui.textarea(self.t('join_minutes_ask_label')), 'participant-correction-text') \
                .props('outlined autogrow maxlength=5000').classes('w-full')
            testid(ui.button(self.t('join_minutes_ask'), icon='add_comment', on_click=self.ask),
                   'participant-correction-ask').props('outline no-caps')
            if mine:
                ui.label(self.t('join_minutes_yours')).classes('text-sm font-semibold text-slate-700')
            for c in mine:
                with testid(ui.column(), 'participant-correction').classes('w-full gap-0 border-l-4 pl-2') as box:
                    box.props(f'data-state={c.state}')
                    ui.label(c.text).classes('text-sm whitespace-pre-wrap break-words')
                    ui.label(self.t(STATE_KEYS[c.state]) + (f': {c.reason}' if c.reason else '')) \
                        .classes('text-xs font-semibold text-slate-700')

    async def ask(self) -> None:
        text = self.text.value or ''
        s, pid = self.services, self.participant.id  # as they are now (a link revoked meanwhile asks nothing)
        if await attempt(lambda: s.minutes_signing.request_as_participant(s.participants.get(pid), text),
                         self.t('join_minutes_asked'), lambda e: error_message(e, self.lang)):
            await self.reload()

def participant_minutes(services: Services, participant: Participant, token: str, lang: Lang) -> None:
    """The card, for those who may read the minutes (``PARTICIPANTS_MAY_ASK``); shown once both have signed."""
    if participant.role in PARTICIPANTS_MAY_ASK:
        ParticipantMinutes(services, participant, token, lang)
