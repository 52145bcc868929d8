"""A remote participant's page (/join/{token}): the link is checked, one browser takes the seat, then the device
check, the lobby until the clerk admits them, and the hearing itself: the courtroom feed large, the others as tiles
with a speaking indicator, the evidence as their role's screens show it (watermarked with their name), raise hand;
the signed minutes to read and correct (``join_minutes``).
Nothing of the hearing, media or evidence, reaches the page before the clerk admits the participant."""

from __future__ import annotations

import json
from typing import Any

from nicegui import app, context, run, ui
from nicegui.events import GenericEventArguments

from courtroom.errors import CourtroomError
from courtroom.hearings import Hearing
from courtroom.participants import Participant, ParticipantState

from ..i18n import Lang, error_message, pick_lang
from ..live import follow
from ..services import Services
from ..texts import CALL_STATE_KEYS, DEVICE_CHECK_KEYS, JOIN_DOCUMENT_KEYS, TEXTS
from .call import Call
from .evidence import add_head, evidence_view
from .join_minutes import participant_minutes
from .layout import clock, court_colors, page_language
from .playback_view import add_playback_head, participant_playback

STYLE = '''
<style>
  .join-feed { position: relative; background: #0f172a; border-radius: 8px; aspect-ratio: 16 / 9; overflow: hidden; }
  .join-feed video { width: 100%; height: 100%; object-fit: contain; }
  .join-card-view { position: relative; width: 320px; aspect-ratio: 4 / 3; background: #1e293b; flex-shrink: 0; }
  .join-card-view video { width: 100%; height: 100%; object-fit: cover; border-radius: 6px; }
  .join-self-view { width: 160px; aspect-ratio: 4 / 3; background: #1e293b; border-radius: 6px; flex-shrink: 0; }
  .join-self-view video { width: 100%; height: 100%; object-fit: cover; border-radius: 6px; transform: scaleX(-1); }
  .join-card-frame { position: absolute; inset: 12% 8%; border: 3px dashed #fbbf24; border-radius: 10px;
                     pointer-events: none; }
  #join-tiles { display: flex; flex-wrap: wrap; gap: 8px; }
  .join-tile-video { width: 200px; aspect-ratio: 4 / 3; background: #1e293b; border-radius: 6px; object-fit: cover;
                     border: 3px solid transparent; }
  .join-speaking { border-color: #22c55e; }
  #screen-content { position: relative; width: 100%; aspect-ratio: 4 / 3; border-radius: 8px; }
  /* a fixed size from the start: sized by its content, the preview grew from 300 px to 480 px when the camera's
     picture arrived, and moved the buttons beside it from under the participant's pointer */
  #join-preview { display: block; width: 480px; max-width: 100%; aspect-ratio: 4 / 3; background: #0f172a;
                  border-radius: 8px; }
  .join-meter { height: 10px; background: #e2e8f0; border-radius: 5px; overflow: hidden; width: 100%;
                max-width: 480px; }
  #join-meter { height: 100%; width: 0; background: #16a34a; transition: width 0.1s; }
</style>
<script src="/static/courtroom/join.js"></script>
'''

class JoinPage:
    def __init__(self, services: Services, token: str, lang: Lang) -> None:
        self.services = services
        self.token = token
        self.lang = lang
        self.client = context.client
        self.session = str(app.storage.browser.get('id', self.client.id))
        self.participant: Participant | None = None
        self.shown: str | None = None
        self.body = ui.column().classes('w-full max-w-6xl mx-auto p-4 gap-4')
        self.hand = False
        self.filling_devices = False
        self.call: Call | None = None
        self.hearing: Hearing | None = None  # read once the link is checked

    def t(self, key: str, /, **params: object) -> str:
        return TEXTS.t(key, self.lang, **params)

    # the page's stages

    async def open(self) -> None:
        try:
            participant = await run.io_bound(self.services.participants.by_link, self.token)
            await run.io_bound(self.services.participants.claim_seat, participant, self.session)
        except CourtroomError as e:
            self.refusal(error_message(e, self.lang), e.code)
            return
        self.participant = participant
        self.hearing = await run.io_bound(self.services.hearings.get, participant.hearing_id)
        self.client.on_delete(self.closed)
        follow(self.services.participants.changed, self.on_roll_call)
        self.show(participant)

    async def closed(self) -> None:
        """This page is gone for good (NiceGUI deletes a client a few seconds after its browser went away)."""
        if self.participant is None:
            return
        last = self.services.participants.release_seat(self.participant.id, self.session)
        if last and self.participant.state.in_hearing:
            await self.services.conference.left(self.participant)

    def refusal(self, message: str, code: str) -> None:
        self.body.clear()
        with self.body, ui.card().classes('w-full max-w-xl mx-auto mt-16 p-8 items-center gap-4'):
            ui.icon('link_off', size='48px', color='negative')
            ui.label(message).classes('text-lg text-center').props(f'data-testid=join-refused data-code={code}')

    def show(self, participant: Participant) -> None:
        stage = {ParticipantState.INVITED: 'check', ParticipantState.WAITING: 'lobby',
                 ParticipantState.REFUSED: 'refused', ParticipantState.REVOKED: 'revoked'}.get(participant.state,
                                                                                              'hearing')
        if stage == self.shown:
            return
        if self.shown == 'lobby':
            self.client.run_javascript('courtroomJoin.stopFaces()')
        self.shown = stage
        self.body.clear()
        with self.body:
            self.header(participant)
            getattr(self, f'stage_{stage}')(participant)

    def header(self, p: Participant) -> None:
        hearing = self.hearing
        assert hearing is not None
        with ui.row().classes('w-full items-center justify-between'):
            with ui.column().classes('gap-0'):
                ui.label(hearing.title).classes('text-xl font-semibold')
                ui.label(f'{hearing.case_number} · {self.t("join_hello", name=p.name)}').classes('text-slate-600')
            with ui.row().classes('items-center no-wrap gap-4'):
                ui.label(self.t('join_no_record')).classes('text-xs text-slate-600 max-w-xs text-right')
                clock(self.services.settings.time_zone,
                      'text-lg font-semibold text-slate-800 bg-white border border-slate-300 rounded px-2 py-0.5',
                      self.lang)

    def stage_check(self, p: Participant) -> None:
        with ui.card().classes('w-full p-6 gap-3'):
            ui.label(self.t('join_check')).classes('text-lg font-medium')
            with ui.row().classes('w-full gap-6 items-start no-wrap'):
                ui.html('<video id="join-preview" autoplay muted playsinline></video>')
                with ui.column().classes('gap-3 grow'):
                    self.camera = ui.select({}, label=self.t('join_camera'), on_change=self.recheck).classes('w-72') \
                        .props(f'hint="{self.t("join_default_device")}"') \
                        .props('data-testid=camera-select')
                    self.microphone = ui.select({}, label=self.t('join_microphone'), on_change=self.recheck) \
                        .classes('w-72').props(f'hint="{self.t("join_default_device")}"') \
                        .props('data-testid=microphone-select')
                    ui.label(self.t('join_level')).classes('text-sm text-slate-600 -mb-2')
                    ui.html('<div class="join-meter"><div id="join-meter"></div></div>').classes('w-72')
                    # room for the longest outcome (the camera refused: four lines), so that no message moves the
                    # buttons below it under the participant's pointer
                    self.check_message = ui.label(self.t('join_checking')).classes('min-h-[6rem] w-72') \
                        .props('data-testid=device-message role=status')
                    with ui.row():
                        ui.button(self.t('join_retry'), on_click=self.recheck).props('outline')
                        ui.button(self.t('join_lobby_button'), on_click=self.enter_lobby) \
                            .props('data-testid=join-button')
        ui.on('device_check', self.on_device_check)
        self.client.run_javascript('courtroomJoin.check()')

    async def recheck(self) -> None:
        if self.filling_devices:  # the page itself filled the lists in: nothing was chosen
            return
        camera = json.dumps(self.camera.value or None)
        microphone = json.dumps(self.microphone.value or None)
        self.client.run_javascript(f'courtroomJoin.check({camera}, {microphone})')

    def on_device_check(self, e: GenericEventArguments) -> None:
        if self.shown != 'check':  # the answer came after the participant moved on
            return
        result: dict[str, Any] = e.args if isinstance(e.args, dict) else {}
        outcome = str(result.get('outcome', 'error'))
        self.check_message.text = self.t(DEVICE_CHECK_KEYS.get(outcome, 'join_device_error'))
        self.check_message.props(f'data-outcome={outcome}')
        self.filling_devices = True
        try:
            for select, key in ((self.camera, 'cameras'), (self.microphone, 'microphones')):
                options = {d['id']: d['label'] for d in result.get(key, []) if d.get('id')}
                # no choice is the browser's default device; filling a choice in here would move the page under the
                # participant's pointer just as they reach for the button
                select.set_options(options, value=select.value if select.value in options else None)
        finally:
            self.filling_devices = False

    async def enter_lobby(self) -> None:
        assert self.participant is not None
        try:
            participant = await run.io_bound(self.services.participants.enter_lobby, self.participant)
        except CourtroomError as e:
            ui.notify(error_message(e, self.lang), type='negative')
            return
        self.participant = participant
        self.show(participant)

    def stage_lobby(self, p: Participant) -> None:
        with ui.card().classes('w-full p-8 items-center gap-3').props('data-testid=lobby'):
            ui.spinner(size='48px')
            ui.label(self.t('join_lobby')).classes('text-lg text-center')
            if p.id_document_type:
                doc = self.t(JOIN_DOCUMENT_KEYS.get(p.id_document_type, 'join_doc_other'))
                ui.label(self.t('join_lobby_hint', doc=doc)).classes('text-slate-600')
            # the participant's own picture, as the clerk sees it beside their card (a small copy every few seconds)
            with ui.row().classes('items-center no-wrap gap-4'):
                ui.html('<div class="join-self-view"><video id="join-self-view" autoplay muted playsinline '
                        f'aria-label="{self.t("join_self_view")}"></video></div>')
                ui.label(self.t('join_self_seen')).classes('text-sm text-slate-600 max-w-xs')
        if p.id_document_type == 'citizen_id':
            self.card_check()
        token = json.dumps(self.token)
        self.client.run_javascript(f'courtroomJoin.showCamera("join-self-view").then(() => '
                                   f'courtroomJoin.sendFaces({token}))')

    def card_check(self) -> None:
        """The chip ID card held to the camera, inside a frame drawn over the picture (its QR needs about a third of
        the picture's width); a still goes to the server, which reads the QR and tells the clerk."""
        with ui.card().classes('w-full p-6 gap-3').props('data-testid=card-check'):
            ui.label(self.t('join_card_title')).classes('text-lg font-medium')
            with ui.row().classes('w-full gap-6 items-start no-wrap'):
                ui.html('<div class="join-card-view"><video id="join-card-view" autoplay muted playsinline '
                        f'aria-label="{self.t("join_card_view")}"></video><div class="join-card-frame"></div></div>')
                with ui.column().classes('gap-3 grow'):
                    ui.label(self.t('join_card_hint')).classes('text-slate-700')
                    self.card_message = ui.label().classes('min-h-[3rem]') \
                        .props('data-testid=card-message role=status aria-live=polite')
                    self.card_button = ui.button(self.t('join_card_send'), icon='badge', on_click=self.send_card) \
                        .props('data-testid=card-send')
        ui.on('card_result', self.on_card_result)
        self.client.run_javascript('courtroomJoin.showCamera("join-card-view")')

    def send_card(self) -> None:
        self.card_button.disable()
        self.card_message.text = self.t('join_card_sending')
        self.client.run_javascript(f'courtroomJoin.sendCard({json.dumps(self.token)}, {json.dumps(self.lang)})')

    def on_card_result(self, e: GenericEventArguments) -> None:
        result: dict[str, Any] = e.args if isinstance(e.args, dict) else {}
        self.card_button.enable()
        if result.get('ok'):
            self.card_message.text = self.t('join_card_read' if result.get('match') else 'join_card_read_differs')
            self.card_message.props('data-outcome=read')
        else:
            self.card_message.text = str(result.get('message') or self.t('join_card_failed'))
            self.card_message.props('data-outcome=failed')

    def hang_up(self) -> None:
        if self.call is not None:
            self.call.stop()
        else:
            self.client.run_javascript('courtroomJoin.leave()')

    def stage_refused(self, p: Participant) -> None:
        self.hang_up()
        ui.label(self.t('join_refused')).classes('text-lg').props('data-testid=join-refused data-code=refused')

    def stage_revoked(self, p: Participant) -> None:
        self.hang_up()
        ui.label(self.t('join_revoked')).classes('text-lg').props('data-testid=join-refused data-code=link_revoked')

    def stage_hearing(self, p: Participant) -> None:
        hearing = self.hearing
        assert hearing is not None
        with ui.row().classes('w-full gap-4 no-wrap items-start').props('data-testid=hearing'):
            with ui.column().classes('gap-3').style('flex: 3'):
                ui.html('<div id="join-feed" class="join-feed"></div>').classes('w-full')
                ui.label(self.t('join_others')).classes('text-sm text-slate-600')
                ui.html('<div id="join-tiles"></div>').classes('w-full')
                with ui.row().classes('gap-2'):
                    self.hand = self.services.participants.hand_raised(p.id)
                    self.hand_button = ui.button(self.t('join_lower_hand' if self.hand else 'join_raise_hand'),
                                                 icon='pan_tool', on_click=self.toggle_hand) \
                        .props('outline data-testid=raise-hand')
                    self.mic_button = ui.button(self.t('join_mic_off'), icon='mic_off', on_click=self.toggle_mic) \
                        .props('outline data-testid=mic-toggle')
                self.muted_note = ui.label(self.t('join_muted_by_court')).classes('text-amber-700') \
                    .props('data-testid=muted-note')
                self.muted_note.visible = p.muted
                self.status = ui.label('').classes('text-slate-600 text-sm').props('data-testid=call-status')
            with ui.column().classes('gap-2').style('flex: 2'):
                ui.label(self.t('join_evidence')).classes('text-sm text-slate-600')
                evidence_view(self.services, hearing, p.audience, image_base=f'/api/join/{self.token}/pages',
                              lang=self.lang)
                participant_playback(self.services, p, self.token)
                participant_minutes(self.services, p, self.token, self.lang)
        self.mic_on = True
        self.call = Call(self.services, p.hearing_id, str(p.id), self.join_worker,
                         send=p.role.value != 'observer',
                         on_error=lambda e: ui.notify(error_message(e, self.lang), type='negative'),
                         on_status=self.set_status)
        self.client.run_javascript('courtroomJoin.stopPreview()')
        ui.timer(0.1, self.call.start, once=True)

    def set_status(self, state: str) -> None:
        self.status.text = self.t(CALL_STATE_KEYS[state]) if state in CALL_STATE_KEYS else state
        self.status.props(f'data-state={state}')

    async def join_worker(self, offer: dict[str, str]) -> dict[str, Any]:
        assert self.participant is not None
        return await self.services.conference.join(self.participant, offer)

    def toggle_mic(self) -> None:
        self.mic_on = not self.mic_on
        self.client.run_javascript(
            'courtroomJoin.stream && courtroomJoin.stream.getAudioTracks()'
            f'.forEach(t => t.enabled = {json.dumps(self.mic_on)})')
        self.mic_button.text = self.t('join_mic_off' if self.mic_on else 'join_mic_on')
        self.mic_button.props(f'icon={"mic_off" if self.mic_on else "mic"}')

    async def toggle_hand(self) -> None:
        assert self.participant is not None
        self.hand = not self.hand
        await run.io_bound(self.services.participants.raise_hand, self.participant.id, self.hand)
        self.hand_button.text = self.t('join_lower_hand' if self.hand else 'join_raise_hand')

    # the roll call moved

    async def on_roll_call(self, hearing_id: int) -> None:
        if self.participant is None or hearing_id != self.participant.hearing_id:
            return
        participant = await run.io_bound(self.services.participants.get, self.participant.id)
        self.participant = participant
        if self.shown == 'hearing' and participant.state.in_hearing:
            self.muted_note.visible = participant.muted
            return
        self.show(participant)


def register(services: Services) -> None:
    @ui.page('/join/{token}', title='Phiên tòa trực tuyến')
    async def join_page(token: str, lang: str | None = None) -> None:
        court_colors()
        add_head()
        add_playback_head()
        ui.add_head_html(STYLE)
        ui.query('body').classes('bg-slate-100')
        language: Lang = 'en' if lang == 'en' else 'vi' if lang == 'vi' else \
            pick_lang(context.client.request.headers.get('accept-language'))
        page_language(language)
        page = JoinPage(services, token, language)
        await page.open()
