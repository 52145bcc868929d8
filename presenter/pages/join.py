"""A remote participant's page (/join/{token}): the link is checked, one browser takes the seat, then the device
check, the lobby until the clerk admits them, and the hearing itself: the courtroom feed large, the others as tiles
with a speaking indicator, the evidence as their role's screens show it (watermarked with their name), raise hand.
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
from .call import Call
from .evidence import add_head, evidence_view
from .layout import clock, court_colors, page_language

TEXTS: dict[str, tuple[str, str]] = {
    'title': ('Tham gia phiên tòa trực tuyến', 'Join the online hearing'),
    'hello': ('Xin chào {name}', 'Hello {name}'),
    'check': ('Kiểm tra camera và micro trước khi vào phòng chờ', 'Check your camera and microphone before the lobby'),
    'camera': ('Camera', 'Camera'),
    'microphone': ('Micro', 'Microphone'),
    'retry': ('Kiểm tra lại', 'Check again'),
    'join': ('Vào phòng chờ', 'Go to the lobby'),
    'checking': ('Đang kiểm tra thiết bị…', 'Checking your devices…'),
    'ok': ('Camera và micro hoạt động. Hãy nói thử để thấy mức âm thanh.', 'Camera and microphone work. Speak to see the level.'),
    'audio_only': ('Không dùng được camera; bạn vẫn tham gia được bằng micro.', 'No camera available; you can still take part with your microphone.'),
    'denied': ('Trình duyệt chưa được phép dùng camera và micro. Hãy cho phép trong thanh địa chỉ rồi bấm “Kiểm tra lại”.',
               'The browser may not use the camera and microphone. Allow them in the address bar, then press “Check again”.'),
    'missing': ('Không tìm thấy camera hoặc micro trên máy này.', 'No camera or microphone was found on this computer.'),
    'error': ('Không mở được camera và micro.', 'The camera and microphone could not be opened.'),
    'lobby': ('Đang chờ thư ký phiên tòa kiểm tra căn cước và cho vào phiên tòa', 'Waiting for the court clerk to check your identity and admit you'),
    'lobby_hint': ('Hãy chuẩn bị giấy tờ tùy thân: {doc}', 'Please have your ID document ready: {doc}'),
    'refused': ('Thư ký phiên tòa đã không cho tham gia phiên tòa.', 'The court clerk did not admit you to the hearing.'),
    'revoked': ('Đường dẫn đã bị thu hồi; bạn đã rời phiên tòa.', 'Your link has been withdrawn; you have left the hearing.'),
    'evidence': ('Tài liệu đang trình chiếu', 'Evidence on display'),
    'courtroom': ('Phòng xử án', 'Courtroom'),
    'others': ('Người tham gia khác', 'Other participants'),
    'raise_hand': ('Giơ tay xin phát biểu', 'Raise hand'),
    'lower_hand': ('Hạ tay', 'Lower hand'),
    'mic_off': ('Tắt micro', 'Mute'),
    'mic_on': ('Bật micro', 'Unmute'),
    'muted_by_court': ('Chủ tọa hoặc thư ký đã tắt micro của bạn', 'The presiding judge or clerk has muted you'),
    'reconnecting': ('Đang kết nối lại…', 'Reconnecting…'),
    'level': ('Mức âm thanh micro', 'Microphone level'),
    'default_device': ('Chưa chọn: thiết bị mặc định của trình duyệt', "None chosen: the browser's default"),
    'rtc_reconnecting': ('Đang kết nối lại…', 'Reconnecting…'),
    'rtc_new': ('Đang chuẩn bị kết nối…', 'Preparing the connection…'),
    'rtc_connecting': ('Đang kết nối…', 'Connecting…'),
    'rtc_connected': ('Đã kết nối với phiên tòa', 'Connected to the hearing'),
    'rtc_disconnected': ('Mất kết nối, đang thử lại…', 'Connection lost, trying again…'),
    'rtc_failed': ('Kết nối thất bại, đang thử lại…', 'Connection failed, trying again…'),
    'rtc_closed': ('Đã ngắt kết nối', 'Disconnected'),
    'no_record': ('Không được ghi âm, ghi hình hay phát tán nội dung phiên tòa.',
                  'Recording or redistributing the hearing is not allowed.'),
}

STYLE = '''
<style>
  .join-feed { position: relative; background: #0f172a; border-radius: 8px; aspect-ratio: 16 / 9; overflow: hidden; }
  .join-feed video { width: 100%; height: 100%; object-fit: contain; }
  #join-tiles { display: flex; flex-wrap: wrap; gap: 8px; }
  .join-tile-video { width: 200px; aspect-ratio: 4 / 3; background: #1e293b; border-radius: 6px; object-fit: cover;
                     border: 3px solid transparent; }
  .join-speaking { border-color: #22c55e; }
  #screen-content { position: relative; width: 100%; aspect-ratio: 4 / 3; border-radius: 8px; }
  /* a fixed size from the start: sized by its content, the preview grew from 300 px to 480 px when the camera's
     picture arrived, and moved the buttons beside it from under the participant's pointer */
  #join-preview { display: block; width: 480px; max-width: 100%; aspect-ratio: 4 / 3; background: #0f172a;
                  border-radius: 8px; }
  .join-meter { height: 10px; background: #e2e8f0; border-radius: 5px; overflow: hidden; width: 100%; max-width: 480px; }
  #join-meter { height: 100%; width: 0; background: #16a34a; transition: width 0.1s; }
</style>
<script src="/static/courtroom/join.js"></script>
'''

DOCS = {'citizen_id': ('Căn cước công dân', 'Citizen ID card'), 'passport': ('Hộ chiếu', 'Passport'),
        'lawyer_card': ('Thẻ luật sư', 'Lawyer card'), 'other': ('Giấy tờ tùy thân', 'ID document')}


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

    def t(self, key: str, **params: object) -> str:
        text = TEXTS[key][0 if self.lang == 'vi' else 1]
        return text.format(**params) if params else text

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
                ui.label(f'{hearing.case_number} · {self.t("hello", name=p.name)}').classes('text-slate-600')
            with ui.row().classes('items-center no-wrap gap-4'):
                ui.label(self.t('no_record')).classes('text-xs text-slate-600 max-w-xs text-right')
                clock(self.services.settings.time_zone,
                      'text-lg font-semibold text-slate-800 bg-white border border-slate-300 rounded px-2 py-0.5',
                      self.lang)

    def stage_check(self, p: Participant) -> None:
        with ui.card().classes('w-full p-6 gap-3'):
            ui.label(self.t('check')).classes('text-lg font-medium')
            with ui.row().classes('w-full gap-6 items-start no-wrap'):
                ui.html('<video id="join-preview" autoplay muted playsinline></video>')
                with ui.column().classes('gap-3 grow'):
                    self.camera = ui.select({}, label=self.t('camera'), on_change=self.recheck).classes('w-72') \
                        .props(f'hint="{self.t("default_device")}"') \
                        .props('data-testid=camera-select')
                    self.microphone = ui.select({}, label=self.t('microphone'), on_change=self.recheck) \
                        .classes('w-72').props(f'hint="{self.t("default_device")}"') \
                        .props('data-testid=microphone-select')
                    ui.label(self.t('level')).classes('text-sm text-slate-600 -mb-2')
                    ui.html('<div class="join-meter"><div id="join-meter"></div></div>').classes('w-72')
                    self.check_message = ui.label(self.t('checking')).props('data-testid=device-message')
                    with ui.row():
                        ui.button(self.t('retry'), on_click=self.recheck).props('outline')
                        ui.button(self.t('join'), on_click=self.enter_lobby).props('data-testid=join-button')
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
        self.check_message.text = self.t(outcome if outcome in TEXTS else 'error')
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
            ui.label(self.t('lobby')).classes('text-lg text-center')
            if p.id_document_type:
                doc = DOCS.get(p.id_document_type, DOCS['other'])[0 if self.lang == 'vi' else 1]
                ui.label(self.t('lobby_hint', doc=doc)).classes('text-slate-600')

    def hang_up(self) -> None:
        if self.call is not None:
            self.call.stop()
        else:
            self.client.run_javascript('courtroomJoin.leave()')

    def stage_refused(self, p: Participant) -> None:
        self.hang_up()
        ui.label(self.t('refused')).classes('text-lg').props('data-testid=join-refused data-code=refused')

    def stage_revoked(self, p: Participant) -> None:
        self.hang_up()
        ui.label(self.t('revoked')).classes('text-lg').props('data-testid=join-refused data-code=link_revoked')

    def stage_hearing(self, p: Participant) -> None:
        hearing = self.hearing
        assert hearing is not None
        with ui.row().classes('w-full gap-4 no-wrap items-start').props('data-testid=hearing'):
            with ui.column().classes('gap-3').style('flex: 3'):
                ui.html('<div id="join-feed" class="join-feed"></div>').classes('w-full')
                ui.label(self.t('others')).classes('text-sm text-slate-600')
                ui.html('<div id="join-tiles"></div>').classes('w-full')
                with ui.row().classes('gap-2'):
                    self.hand = self.services.participants.hand_raised(p.id)
                    self.hand_button = ui.button(self.t('lower_hand' if self.hand else 'raise_hand'), icon='pan_tool',
                                                 on_click=self.toggle_hand) \
                        .props('outline data-testid=raise-hand')
                    self.mic_button = ui.button(self.t('mic_off'), icon='mic_off', on_click=self.toggle_mic) \
                        .props('outline data-testid=mic-toggle')
                self.muted_note = ui.label(self.t('muted_by_court')).classes('text-amber-700') \
                    .props('data-testid=muted-note')
                self.muted_note.visible = p.muted
                self.status = ui.label('').classes('text-slate-600 text-sm').props('data-testid=call-status')
            with ui.column().classes('gap-2').style('flex: 2'):
                ui.label(self.t('evidence')).classes('text-sm text-slate-600')
                evidence_view(self.services, hearing, p.audience, image_base=f'/api/join/{self.token}/pages',
                              lang=self.lang)
        self.mic_on = True
        self.call = Call(self.services, p.hearing_id, str(p.id), self.join_worker,
                         send=p.role.value != 'observer',
                         on_error=lambda e: ui.notify(error_message(e, self.lang), type='negative'),
                         on_status=self.set_status)
        self.client.run_javascript('courtroomJoin.stopPreview()')
        ui.timer(0.1, self.call.start, once=True)

    def set_status(self, state: str) -> None:
        key = f'rtc_{state}'
        self.status.text = self.t(key) if key in TEXTS else state
        self.status.props(f'data-state={state}')

    async def join_worker(self, offer: dict[str, str]) -> dict[str, Any]:
        assert self.participant is not None
        return await self.services.conference.join(self.participant, offer)

    def toggle_mic(self) -> None:
        self.mic_on = not self.mic_on
        self.client.run_javascript(
            f'courtroomJoin.stream && courtroomJoin.stream.getAudioTracks().forEach(t => t.enabled = {json.dumps(self.mic_on)})')
        self.mic_button.text = self.t('mic_off' if self.mic_on else 'mic_on')
        self.mic_button.props(f'icon={"mic_off" if self.mic_on else "mic"}')

    async def toggle_hand(self) -> None:
        assert self.participant is not None
        self.hand = not self.hand
        await run.io_bound(self.services.participants.raise_hand, self.participant.id, self.hand)
        self.hand_button.text = self.t('lower_hand' if self.hand else 'raise_hand')

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
        ui.add_head_html(STYLE)
        ui.query('body').classes('bg-slate-100')
        language: Lang = 'en' if lang == 'en' else 'vi' if lang == 'vi' else \
            pick_lang(context.client.request.headers.get('accept-language'))
        page_language(language)
        page = JoinPage(services, token, language)
        await page.open()
