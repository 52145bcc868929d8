"""The clerk's connection points and participants page, in NiceGUI's simulated browser (the ``user`` fixture):
points (and the fourth refused), participants and their join links, the roll call (identity check, admit, turn
away), revoking, a hearing that may not be held online, a bad ID document, roles, and the create form's charges."""

from __future__ import annotations

import asyncio
import base64
import threading
import time
from pathlib import Path

from nicegui.testing import User

from courtroom.participants import ParticipantState
from presenter.pages.participant_labels import parse_charges_input, quality
from presenter.services import Services
from tests.presenter.conftest import PAGE_TESTS, create_hearing, sign_in, using
from tests.waiting import eventually

pytestmark = PAGE_TESTS


def add_participant(folder: Path, hearing_id: int, name: str = 'Nguyễn Văn An', waiting: bool = False) -> int:
    def work(s: Services) -> int:
        point = s.points.add(hearing_id, name='Trại tạm giam T1', kind='detention_facility', actor='test')
        person, _ = s.participants.add(hearing_id, name=name, role='defendant', point_id=point.id, actor='test',
                                       id_document={'type': 'citizen_id', 'number': '001099012345'})
        if waiting:
            s.participants.enter_lobby(person)
        return person.id
    return using(folder, work)


def state_of(folder: Path, participant_id: int) -> ParticipantState:
    return using(folder, lambda s: s.participants.get(participant_id).state)


async def open_page(user: User, username: str, hearing_id: int) -> None:
    await sign_in(user, username)
    await user.open(f'/hearings/{hearing_id}/participants')
    await user.should_see(marker='participants-title', content='Điểm cầu và người tham gia')


# --- pure helpers ---------------------------------------------------------------------------------------------

def test_parse_charges_input() -> None:
    assert parse_charges_input('173, 174') == ['173', '174']
    assert parse_charges_input(' Điều 173; 51 ,') == ['Điều 173', '51']
    assert parse_charges_input('') == []


def test_quality_reads_the_workers_stats() -> None:
    assert quality(None) is None
    assert quality({'rtt': 0.045, 'packets_lost': 1, 'packets_received': 199, 'fps_received': 15}) == \
        ('45 ms', '0.5 %', '15')
    assert quality({'rtt_ms': 120, 'loss': 2, 'fps': 24.4}) == ('120 ms', '2.0 %', '24')


# --- points ---------------------------------------------------------------------------------------------------

async def test_clerk_adds_points_and_the_fourth_is_refused(user: User, data: Path) -> None:
    hearing_id = create_hearing(data)
    await open_page(user, 'clerk', hearing_id)
    await user.should_see(marker='point-name', content='Phòng xử án')
    await user.should_not_see(marker='online-refusal')
    for name in ('Trại tạm giam T1', 'Tòa án nhân dân huyện B', 'Văn phòng luật sư C'):
        user.find(marker='point-name-input').clear().type(name)
        user.find(marker='add-point').click()
        await user.should_see(marker='point-name', content=name)
    await user.should_see(marker='points-left', content='Đã đủ 3 điểm cầu thành phần')
    kinds = using(data, lambda s: [p.kind.value for p in s.points.of_hearing(hearing_id)])
    assert kinds == ['central', 'detention_facility', 'detention_facility', 'detention_facility']

    user.find(marker='point-name-input').clear().type('Điểm cầu thứ tư')
    user.find(marker='add-point').click()
    await user.should_see(marker='point-error', content='đã có đủ 3 điểm cầu thành phần')
    assert len(using(data, lambda s: s.points.of_hearing(hearing_id))) == 4
    await user.should_not_see(marker='point-name', content='Điểm cầu thứ tư')


async def test_point_kind_label_and_empty_name(user: User, data: Path) -> None:
    hearing_id = create_hearing(data)
    await open_page(user, 'clerk', hearing_id)
    user.find(marker='add-point').click()
    await user.should_see(marker='point-error', content='Thiếu trường bắt buộc "Tên điểm cầu"')
    user.find(marker='point-name-input').type('Tòa án nhân dân tỉnh D')
    select = user.find(marker='point-kind-select').elements.pop()
    assert select.options['court'] == 'Tòa án'
    with user:
        select.value = 'court'
    user.find(marker='add-point').click()
    await user.should_see(marker='point-kind', content='Điểm cầu thành phần · Tòa án')


async def test_national_security_hearing_shows_the_banner_and_refuses_points(user: User, data: Path) -> None:
    hearing_id = create_hearing(data, charges=[109])
    await open_page(user, 'clerk', hearing_id)
    await user.should_see(marker='online-refusal-text', content='xâm phạm an ninh quốc gia')
    button = user.find(marker='add-point').elements.pop()
    assert not button.enabled
    assert not user.find(marker='add-participant').elements.pop().enabled
    user.find(marker='point-name-input').type('Trại tạm giam T1')
    user.find(marker='add-point').click()  # disabled: nothing happens
    await asyncio.sleep(0.2)  # that nothing happens shows only over time
    assert len(using(data, lambda s: s.points.of_hearing(hearing_id))) == 1


# --- participants and links -----------------------------------------------------------------------------------

async def test_clerk_adds_a_participant_and_sees_the_join_link(user: User, data: Path) -> None:
    hearing_id = create_hearing(data)
    await open_page(user, 'clerk', hearing_id)
    user.find(marker='participant-name-input').type('Nguyễn Văn An')
    with user:
        user.find(marker='participant-role-select').elements.pop().value = 'witness'
    user.find(marker='id-number-input').type('001099012345')
    user.find(marker='add-participant').click()
    await user.should_see(marker='join-name', content='Nguyễn Văn An')
    url = user.find(marker='join-url').elements.pop().text
    assert '/join/' in url
    await user.should_see(marker='join-qr')
    await user.should_see(marker='join-name', content='Nguyễn Văn An')
    await user.should_see(marker='participant-role', content='Người làm chứng')
    await user.should_see(marker='participant-id-doc', content='CCCD 001099012345')
    await user.should_see(marker='participant-state', content='Đã mời')
    people = using(data, lambda s: s.participants.of_hearing(hearing_id))
    assert [(p.name, p.role.value, p.id_document_number) for p in people] == \
        [('Nguyễn Văn An', 'witness', '001099012345')]

    user.find(marker='join-close').click()
    user.find(marker='reissue-link').click()
    await eventually(lambda: user.find(marker='join-url').elements.pop().text != url)
    again = user.find(marker='join-url').elements.pop().text
    assert '/join/' in again and again != url


async def test_a_bad_id_document_is_refused_and_adds_nothing(user: User, data: Path) -> None:
    hearing_id = create_hearing(data)
    await open_page(user, 'clerk', hearing_id)
    user.find(marker='participant-name-input').type('Nguyễn Văn An')
    user.find(marker='add-participant').click()  # CCCD chosen, no number
    await user.should_see(marker='participant-error', content='Thiếu trường bắt buộc "Số giấy tờ"')
    user.find(marker='id-number-input').type('1' * 41)
    user.find(marker='add-participant').click()
    await user.should_see(marker='participant-error', content='Số giấy tờ')
    await user.should_not_see(marker='participant-row')
    assert using(data, lambda s: s.participants.of_hearing(hearing_id)) == []
    user.find(marker='id-number-input').clear()
    user.find(marker='id-number-input').type('001099012345')
    user.find(marker='birth-date-input').type('31/02/1999')  # no such day
    user.find(marker='add-participant').click()
    await user.should_see(marker='participant-error', content='Ngày sinh "31/02/1999" không hợp lệ')
    assert using(data, lambda s: s.participants.of_hearing(hearing_id)) == []
    user.find(marker='birth-date-input').clear()
    user.find(marker='birth-date-input').type('28/02/1999')
    user.find(marker='add-participant').click()
    await user.should_see(marker='join-name', content='Nguyễn Văn An')
    assert [p.id_birth_date.isoformat() for p in using(data, lambda s: s.participants.of_hearing(hearing_id))] \
        == ['1999-02-28']


async def test_clerk_revokes_a_link(user: User, data: Path) -> None:
    hearing_id = create_hearing(data)
    pid = add_participant(data, hearing_id)
    await open_page(user, 'clerk', hearing_id)
    await user.should_see(marker='participant-name', content='Nguyễn Văn An')
    user.find(marker='revoke').click()
    await user.should_see(marker='confirm-title', content='Thu hồi đường dẫn của Nguyễn Văn An?')
    user.find(marker='confirm-button').click()
    await eventually(lambda: state_of(data, pid) is ParticipantState.REVOKED)
    await user.should_see(marker='participant-state', content='Đã thu hồi')


# --- roll call ------------------------------------------------------------------------------------------------

async def test_waiting_participant_is_checked_and_admitted(user: User, data: Path) -> None:
    hearing_id = create_hearing(data)
    pid = add_participant(data, hearing_id, waiting=True)
    await open_page(user, 'clerk', hearing_id)
    await user.should_see(marker='waiting-name', content='Nguyễn Văn An')
    await user.should_see(marker='waiting-id-doc', content='CCCD 001099012345')
    await user.should_see(marker='waiting-count', content='1')
    user.find(marker='id-note').type('Khớp ảnh và số CCCD')
    user.find(marker='id-verified').click()
    await user.should_see(marker='id-check-result', content='Đã đối chiếu: khớp — Khớp ảnh và số CCCD')
    checked = using(data, lambda s: s.participants.get(pid))
    assert (checked.id_verified, checked.id_note) == (True, 'Khớp ảnh và số CCCD')

    user.find(marker='admit').click()
    await eventually(lambda: state_of(data, pid) is ParticipantState.ADMITTED)
    await user.should_not_see(marker='waiting-row')
    await user.should_see(marker='inside-row')
    user.find(marker='mute').click()
    await eventually(lambda: using(data, lambda s: s.participants.get(pid).muted))
    await user.should_see(marker='participant-muted')
    user.find(marker='unmute').click()
    await eventually(lambda: not using(data, lambda s: s.participants.get(pid).muted))


async def test_the_clerk_sees_a_waiting_participants_live_face_renewed(user: User, data: Path) -> None:
    from presenter.identity_stills import keep_face
    hearing_id = create_hearing(data)
    pid = add_participant(data, hearing_id, waiting=True)
    await open_page(user, 'clerk', hearing_id)
    await user.should_see(marker='waiting-name', content='Nguyễn Văn An')
    await user.should_not_see(marker='lobby-face')  # no picture from the lobby yet
    card = user.find(marker='waiting-row').elements.pop()
    first, second = (b'\xff\xd8\xff' + bytes([n]) * 64 for n in (1, 2))
    keep_face(pid, first, 'image/jpeg', now=time.time() - 2)
    await user.should_see(marker='lobby-face')
    assert user.find(marker='waiting-row').elements == {card}  # not drawn again: a note being typed in it stays
    face = user.find(marker='lobby-face').elements.pop()
    assert face.source == 'data:image/jpeg;base64,' + base64.b64encode(first).decode()
    assert face.props['alt'] == 'Hình Nguyễn Văn An từ camera lúc này'
    keep_face(pid, second, 'image/jpeg')
    await eventually(lambda: face.source == 'data:image/jpeg;base64,' + base64.b64encode(second).decode())
    assert user.find(marker='lobby-face').elements == {face}  # the picture follows; the card is not drawn anew


async def test_waiting_participant_is_turned_away(user: User, data: Path) -> None:
    hearing_id = create_hearing(data)
    pid = add_participant(data, hearing_id, waiting=True)
    await open_page(user, 'chutoa', hearing_id)  # the presiding judge may admit too
    await user.should_not_see(marker='add-participant-form')
    user.find(marker='id-not-verified').click()
    await user.should_see(marker='id-check-result', content='không khớp')
    user.find(marker='turn-away').click()
    user.find(marker='confirm-note').type('Không xuất trình được giấy tờ')
    user.find(marker='confirm-button').click()
    await eventually(lambda: state_of(data, pid) is ParticipantState.REFUSED)
    await user.should_see(marker='participant-state', content='Không cho tham gia')
    await user.should_not_see(marker='waiting-row')


async def test_procurator_sees_everything_but_no_forms(user: User, data: Path) -> None:
    hearing_id = create_hearing(data)
    add_participant(data, hearing_id, waiting=True)
    await open_page(user, 'ksv', hearing_id)
    await user.should_see(marker='participant-name', content='Nguyễn Văn An')
    await user.should_see(marker='waiting-row')
    for marker in ('add-point-form', 'add-participant-form', 'reissue-link', 'revoke', 'admit', 'id-note',
                   'turn-away'):
        await user.should_not_see(marker=marker)


async def test_page_in_english(user: User, data: Path) -> None:
    hearing_id = create_hearing(data, state_secret=True)
    await sign_in(user, 'clerk')
    toggle = user.find(marker='language').elements.pop()
    with user:
        toggle.value = 'en'
    await user.should_see('Hearings')
    await user.open(f'/hearings/{hearing_id}/participants')
    await user.should_see(marker='participants-title', content='Connection points and participants')
    await user.should_see(marker='online-refusal-text', content='state secrets')
    await user.should_see(marker='point-kind', content='Central point · Courtroom')


# --- the create-hearing form's charges ------------------------------------------------------------------------

async def test_create_form_takes_charges_and_state_secret(user: User, data: Path) -> None:
    await sign_in(user, 'clerk')
    user.find(marker='new-hearing').click()
    user.find(marker='case-number').type('130/2026/HSST')
    user.find(marker='hearing-title').type('Vụ án lừa đảo')
    user.find(marker='hearing-charges').type('174, 999')
    user.find(marker='create-hearing').click()
    await user.should_see(marker='create-error', content='"999" không phải là một điều của Bộ luật Hình sự')
    assert using(data, lambda s: s.hearings.all()) == []

    user.find(marker='hearing-charges').clear().type('173, 174')
    user.find(marker='hearing-state-secret').click()
    user.find(marker='create-hearing').click()
    await user.should_see(marker='hearing-title-header', content='Vụ án lừa đảo')
    [hearing] = using(data, lambda s: s.hearings.all())
    assert (hearing.charges, hearing.state_secret) == ((173, 174), True)


# --- control of a hybrid hearing: the judge's card, raised hands, outages ------------------------------------

def app_services(folder: Path) -> Services:
    """The services the pages under test use (the main file built them, in this process): raised hands and the
    conference's events live in their memory, not in the database."""
    import gc

    from presenter.conference import NoMediaConference
    from presenter.services import Services as ServicesType
    found = [o for o in gc.get_objects() if isinstance(o, ServicesType) and o.settings.data_dir == folder
             and isinstance(o.conference, NoMediaConference)]
    assert found, 'the main file has not built its services'
    return found[-1]


def admitted(folder: Path, hearing_id: int, name: str = 'Nguyễn Văn An') -> int:
    def work(s: Services) -> int:
        pid = add_participant(folder, hearing_id, name=name, waiting=True)
        s.participants.admit(pid, actor='test')
        s.participants.set_connected(pid, True)
        return pid
    return using(folder, work)


async def open_judge(user: User, hearing_id: int) -> None:
    await sign_in(user, 'chutoa')
    await user.open(f'/judge/{hearing_id}')
    await user.should_see(marker='remote-participants')


async def test_judge_sees_remote_participants_mutes_and_removes(user: User, data: Path) -> None:
    hearing_id = create_hearing(data)
    pid = admitted(data, hearing_id)
    using(data, lambda s: s.participants.enter_lobby(s.participants.get(
        add_participant(data, hearing_id, name='Trần Thị Chờ'))))
    await open_judge(user, hearing_id)
    await user.should_see(marker='remote-name', content='Nguyễn Văn An')
    await user.should_see(marker='remote-waiting-count', content='1 người đang chờ trong phòng chờ')
    await user.should_see(marker='participant-state', content='Đã kết nối')
    await user.should_not_see(marker='remote-name', content='Trần Thị Chờ')  # in the lobby: the clerk admits

    user.find(marker='remote-mute').click()
    await eventually(lambda: using(data, lambda s: s.participants.get(pid).muted))
    await user.should_see(marker='remote-muted')
    user.find(marker='remote-unmute').click()
    await eventually(lambda: not using(data, lambda s: s.participants.get(pid).muted))
    await user.should_not_see(marker='remote-muted')

    user.find(marker='remote-remove').click()
    await user.should_see(marker='remote-confirm-title', content='Đưa Nguyễn Văn An ra khỏi phiên tòa?')
    user.find(marker='remote-confirm-button').click()
    await eventually(lambda: state_of(data, pid) is ParticipantState.REVOKED)
    await user.should_not_see(marker='remote-row')
    actions = using(data, lambda s: [e.action for e in s.audit.entries(hearing_id)])
    assert actions[-3:] == ['muted', 'unmuted', 'removed']
    actors = using(data, lambda s: {e.actor for e in s.audit.entries(hearing_id)[-3:]})
    assert actors == {'chutoa'}


async def test_judge_card_shows_speaking_and_link_quality(user: User, data: Path) -> None:
    hearing_id = create_hearing(data)
    pid = admitted(data, hearing_id)
    await open_judge(user, hearing_id)
    services = app_services(data)
    from presenter.conference import MediaEvent
    services.conference.media_events.emit(MediaEvent(hearing_id, {
        'event': 'audio_levels', 'levels': {str(pid): {'level': 0.4, 'speaking': True}}}))
    await eventually(lambda: user.find(marker='speaking').elements.pop().props.get('data-speaking') == 'true')
    services.conference.media_events.emit(MediaEvent(hearing_id, {
        'event': 'audio_levels', 'levels': {str(pid): {'level': 0.0, 'speaking': False}}}))
    await eventually(lambda: user.find(marker='speaking').elements.pop().props.get('data-speaking') == 'false')

    services.participants.report_stats(pid, {'state': 'connected', 'rtt': 0.045, 'packets_lost': 1,
                                             'packets_received': 199, 'fps_received': 15.0, 'fps_sent': 30.0})
    await user.should_see(marker='remote-quality', content='45 ms · 0.5 % · 15 k/s')


async def test_a_raised_hand_shows_on_the_judge_panel_and_the_clerks_page(user: User, data: Path) -> None:
    hearing_id = create_hearing(data)
    pid = admitted(data, hearing_id)
    await open_judge(user, hearing_id)
    await user.should_not_see(marker='hand-raised')
    services = app_services(data)
    await asyncio.to_thread(services.participants.raise_hand, pid, True)
    await user.should_see(marker='hand-raised')
    hand = user.find(marker='hand-raised').elements.pop()
    assert hand.props['data-participant-id'] == str(pid)

    await user.open(f'/hearings/{hearing_id}/participants')  # the clerk's page (the judge may look too)
    await user.should_see(marker='participant-hand')
    await asyncio.to_thread(services.participants.raise_hand, pid, False)
    await user.should_not_see(marker='participant-hand')
    await asyncio.to_thread(services.participants.raise_hand, pid, True)
    await user.should_see(marker='participant-hand')  # live, without reloading


async def test_clerk_sees_link_quality_from_the_workers_raw_stats(user: User, data: Path) -> None:
    hearing_id = create_hearing(data)
    pid = admitted(data, hearing_id)
    app_services(data).participants.report_stats(pid, {
        'state': 'connected', 'rtt': 0.0123, 'packets_lost': 3, 'packets_received': 297, 'fps_received': 14.6,
        'fps_sent': 0.0, 'muted': False})
    await open_page(user, 'clerk', hearing_id)
    await user.should_see(marker='participant-quality', content='Trễ 12 ms · mất gói 1.0 % · 15 khung/giây')


async def test_outage_prompts_the_judge_and_the_clerk(user: User, data: Path) -> None:
    from presenter.conference import Outage
    hearing_id = create_hearing(data)
    pid = admitted(data, hearing_id)
    point_id = using(data, lambda s: s.participants.get(pid).point_id)
    await open_judge(user, hearing_id)
    services = app_services(data)
    since = 1_780_000_000.0
    services.conference.outages.emit(Outage(hearing_id, point_id, 'Trại tạm giam T1', since))
    await user.should_see(marker='outage-dialog')
    await user.should_see(marker='outage-dialog-text',  # 20:26:40 UTC: the court's time, whatever the server's
                          content='Điểm cầu Trại tạm giam T1 mất kết nối từ 03:26:40 — đề nghị tạm ngừng phiên tòa')
    banner = user.find(marker='outage-banner').elements.pop()
    assert (banner.props['data-point-id'], banner.props['data-over']) == (str(point_id), 'false')
    user.find(marker='outage-ack').click()
    await user.should_see(marker='outage-banner')  # the banner stays until the point is back

    services.conference.outages.emit(Outage(hearing_id, point_id, 'Trại tạm giam T1', since, over=True))
    await user.should_see(marker='outage-banner-text', content='Điểm cầu Trại tạm giam T1 đã kết nối lại')
    assert user.find(marker='outage-banner').elements.pop().props['data-over'] == 'true'
    user.find(marker='outage-dismiss').click()
    await user.should_not_see(marker='outage-banner')

    await user.open(f'/hearings/{hearing_id}/participants')
    services.conference.outages.emit(Outage(hearing_id, point_id, 'Trại tạm giam T1', since))
    await user.should_see(marker='outage-dialog-text', content='Trại tạm giam T1')
    assert user.find(marker='outage-banner').elements.pop().props['data-over'] == 'false'
    services.conference.outages.emit(Outage(hearing_id + 1, point_id, 'Khác', since))  # another hearing's: not here
    await asyncio.sleep(0.2)  # that nothing happens shows only over time
    assert len(user.find(marker='outage-banner').elements) == 1


async def test_recording_halted_by_a_full_disk_is_shown_to_the_judge_and_the_clerk_until_it_is_on_again(
        user: User, data: Path) -> None:
    hearing_id = create_hearing(data)
    using(data, lambda s: (s.recordings.start(hearing_id, actor='thuky'),
                           s.recordings.halt(hearing_id, reason='disk_full')))
    await open_judge(user, hearing_id)  # opened after it happened: the banner, no dialog
    await user.should_see(marker='recording-halt-banner')
    await user.should_see('Ghi âm, ghi hình dừng lại lúc')
    await user.should_not_see(marker='outage-dialog-text', content='ổ đĩa')  # (the closed dialog's words)
    services = app_services(data)
    await asyncio.to_thread(services.recordings.start, hearing_id, actor='thuky')
    await user.should_not_see(marker='recording-halt-banner')  # on again: gone, live

    await user.open(f'/hearings/{hearing_id}/participants')  # the clerk's page, as it happens: banner and dialog
    await user.should_not_see(marker='recording-halt-banner')
    await asyncio.to_thread(services.recordings.halt, hearing_id, reason='disk_full')
    await user.should_see(marker='recording-halt-banner')
    await user.should_see(marker='outage-dialog-text', content='vì ổ đĩa của máy chủ đã đầy')
    await user.should_see('Đã dừng ghi âm, ghi hình')


async def test_a_halt_while_the_page_opens_still_brings_the_dialog(user: User, data: Path, monkeypatch) -> None:
    """The page's first look and the halt's event race: the first look, answered after the halt, draws the banner;
    the dialog is still due, since the halt came after the page opened (CI saw the banner without it)."""
    hearing_id = create_hearing(data)
    using(data, lambda s: s.recordings.start(hearing_id, actor='thuky'))
    await open_judge(user, hearing_id)
    services = app_services(data)
    real_look = services.recordings.halted
    looks: list[int] = []
    first_look, halted = threading.Event(), threading.Event()

    def late_look(hid: int):
        looks.append(hid)
        if len(looks) == 1:  # the page's first look: answered once the halt is in
            first_look.set()
            halted.wait(10)
        else:  # the event's look: answered after the first look's
            time.sleep(0.3)
        return real_look(hid)

    monkeypatch.setattr(services.recordings, 'halted', late_look)
    opening = asyncio.create_task(user.open(f'/hearings/{hearing_id}/participants'))
    assert await asyncio.to_thread(first_look.wait, 10)
    await asyncio.to_thread(services.recordings.halt, hearing_id, reason='disk_full')
    halted.set()
    await opening
    await user.should_see(marker='recording-halt-banner')
    await user.should_see(marker='outage-dialog-text', content='vì ổ đĩa của máy chủ đã đầy')
    assert len(user.find(marker='recording-halt-banner').elements) == 1
