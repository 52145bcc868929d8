"""The record page's card for signing the minutes and correcting them after: who has signed (the presiding judge
first, then the clerk), the signing button of whoever is next, the minutes in the court's form as PDF and Word, and
the corrections asked for once both have signed, each accepted or refused (with its reason) by the presiding
judge."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from nicegui import run, ui

from courtroom.court_time import format_datetime
from courtroom.minutes_signing import MAY_ASK, Correction, Signature, signing_order
from courtroom.users import User
from media.minutes_docx import form_docx

from ..hearing_record import minutes_form_of, signed_minutes_pdf
from ..services import Services
from ..session import lang, t
from ..texts.keys import ROLE_KEYS
from .components import attempt, testid
from .record_labels import people_names

STATE_KEYS = {'requested': 'sign_state_requested', 'accepted': 'sign_state_accepted', 'refused': 'sign_state_refused'}


class MinutesSigningPanel:
    def __init__(self, services: Services, user: User, hearing_id: int, kind: str = 'hearing') -> None:
        self.services = services
        self.user = user
        self.hearing_id = hearing_id
        self.order = signing_order(kind)  # who signs, in order; the first decides on corrections
        self.zone = services.settings.time_zone
        self.signatures: list[Signature] | None = None
        self.corrections: list[Correction] = []
        self.names: dict[str, str] = {}
        self.reasons: dict[int, str] = {}  # refusal reasons being typed, kept across redraws
        self._reloading = asyncio.Lock()
        with testid(ui.card(), 'signing-panel').classes('w-full p-0 gap-0'):
            with ui.row().classes('w-full items-center no-wrap gap-2 px-4 py-3 border-b border-slate-200'):
                ui.icon('draw', size='1.4rem').classes('text-blue-900')
                ui.label(t('sign_title')).classes('text-lg font-semibold text-slate-800')
            self.body = ui.column().classes('w-full gap-2 px-4 py-3')

    async def reload(self) -> None:
        async with self._reloading:
            signing, h = self.services.minutes_signing, self.hearing_id
            loaded = await run.io_bound(lambda: (signing.signatures(h), signing.corrections(h),
                                                 people_names(self.services, h)))
            if loaded is None:
                return
            signatures, corrections, names = loaded
            if (signatures, corrections) == (self.signatures, self.corrections):
                return
            self.signatures, self.corrections, self.names = signatures, corrections, names
            self.render()

    def render(self) -> None:
        signed = {s.role: s for s in self.signatures or []}
        frozen = len(signed) == len(self.order)
        self.body.clear()
        with self.body:
            for role in self.order:
                s = signed.get(role)
                text = t('sign_done', who=t(ROLE_KEYS[role]), name=self.names.get(s.username, s.username),
                         time=format_datetime(s.at, self.zone, seconds=False)) if s else \
                    t('sign_waiting', who=t(ROLE_KEYS[role]))
                with testid(ui.row(), 'signature').classes('w-full items-center no-wrap gap-2') as row:
                    row.props(f'data-role={role.value} data-signed={"true" if s else "false"}')
                    ui.icon('verified' if s else 'pending', size='1.1rem') \
                        .classes('text-green-700' if s else 'text-slate-400')
                    ui.label(text).classes('text-sm ' + ('text-slate-800' if s else 'text-slate-500'))
            next_signer = next((role for role in self.order if role not in signed), None)
            if next_signer is not None and self.user.role is next_signer:
                testid(ui.button(t('sign_button', who=t(ROLE_KEYS[next_signer])), icon='draw',
                                 on_click=self.sign), 'sign-minutes').props('unelevated no-caps')
            with ui.row().classes('w-full gap-2'):
                testid(ui.button(t('sign_pdf'), icon='picture_as_pdf', on_click=lambda: self.download('pdf')),
                       'minutes-pdf').props('outline no-caps size=sm')
                testid(ui.button(t('sign_docx'), icon='description', on_click=lambda: self.download('docx')),
                       'minutes-docx').props('outline no-caps size=sm')
            ui.separator()
            ui.label(t('sign_corrections')).classes('text-sm font-semibold text-slate-700')
            if not self.corrections:
                ui.label(t('sign_no_corrections')).classes('text-xs text-slate-500')
            for c in self.corrections:
                self._correction(c)
            if frozen and self.user.role in MAY_ASK:
                self.asked = testid(ui.textarea(t('sign_ask_label')), 'correction-text') \
                    .props('outlined autogrow maxlength=5000').classes('w-full')
                testid(ui.button(t('sign_ask'), icon='add_comment', on_click=self.ask), 'correction-ask') \
                    .props('outline no-caps size=sm')
            elif not frozen:
                ui.label(t('sign_ask_after')).classes('text-xs text-slate-500')

    def _correction(self, c: Correction) -> None:
        with testid(ui.column(), 'correction').classes('w-full gap-1 rounded border border-slate-200 p-2') as box:
            box.props(f'data-state={c.state} data-correction-id={c.id}')
            ui.label(t('sign_asked_by', name=self.names.get(c.requested_by, c.requested_by),
                       time=format_datetime(c.requested_at, self.zone, seconds=False))) \
                .classes('text-xs text-slate-500')
            testid(ui.label(c.text), 'correction-text-shown').classes('text-sm text-slate-900 whitespace-pre-wrap '
                                                                      'break-words')
            testid(ui.label(t(STATE_KEYS[c.state]) + (f': {c.reason}' if c.reason else '')), 'correction-state') \
                .classes('text-xs font-semibold ' + {'requested': 'text-amber-800', 'accepted': 'text-green-800',
                                                      'refused': 'text-red-800'}[c.state])
            if c.state == 'requested' and self.user.role is self.order[0]:
                reason = testid(ui.input(t('sign_reason'), value=self.reasons.get(c.id, '')), 'correction-reason') \
                    .props('outlined dense maxlength=2000').classes('w-full')
                reason.on_value_change(lambda e, cid=c.id: self.reasons.__setitem__(cid, e.value or ''))
                with ui.row().classes('gap-2'):
                    testid(ui.button(t('sign_accept'), icon='check', on_click=lambda cid=c.id: self.decide(cid, True)),
                           'correction-accept').props('outline dense no-caps size=sm color=green-9')
                    testid(ui.button(t('sign_refuse'), icon='close',
                                     on_click=lambda cid=c.id: self.decide(cid, False)), 'correction-refuse') \
                        .props('outline dense no-caps size=sm color=red-9')

    async def _act(self, call: Callable[[], object], done: str) -> bool:
        if await attempt(call, done):
            await self.reload()
            return True
        return False

    async def sign(self) -> None:
        await self._act(lambda: self.services.minutes_signing.sign(self.hearing_id, username=self.user.username,
                                                                   role=self.user.role), t('sign_signed'))

    async def ask(self) -> None:
        text = self.asked.value or ''
        if await self._act(lambda: self.services.minutes_signing.request_correction(
                self.hearing_id, text, requested_by=self.user.username, role=self.user.role), t('sign_asked')):
            self.asked.value = ''

    async def decide(self, correction_id: int, accept: bool) -> None:
        reason = self.reasons.get(correction_id) or None
        if await self._act(lambda: self.services.minutes_signing.decide(
                correction_id, accept=accept, reason=reason, actor=self.user.username, role=self.user.role),
                t('sign_decided')):
            self.reasons.pop(correction_id, None)

    async def download(self, kind: str) -> None:
        language = lang()

        def make() -> bytes:
            if kind == 'pdf':
                return signed_minutes_pdf(self.services, self.hearing_id, language)
            return form_docx(minutes_form_of(self.services, self.hearing_id, language))
        data = await run.io_bound(make)
        if data is not None:
            ui.download(data, f'bien-ban-phien-toa-{self.hearing_id}.{kind}')
