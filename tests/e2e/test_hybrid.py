"""The hybrid hearing in real Chromium with fake camera and microphone: the courtroom's PC and two remote
participants at two points see and hear each other through the media worker and see the published evidence; a
participant left in the lobby gets nothing; a revoked link is refused mid-hearing and its media stops; a killed
media worker comes back and the participants reconnect by themselves."""

from __future__ import annotations

import os
import signal
import subprocess
import time

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.conftest import Server
from tests.e2e.conftest import TIMEOUT_MS, make_pdf
from tests.waiting import wait_until

pytestmark = [pytest.mark.e2e, pytest.mark.realtime]


def received(page: Page) -> dict[str, dict[str, int]]:
    return page.evaluate('courtroomJoin.received()')


def flowing(page: Page, sources: list[int], *, seconds: float = 1.5) -> bool:
    """Video frames and audio samples from every one of ``sources`` rise on ``page``."""
    before = received(page)
    time.sleep(seconds)  # a flow shows only over time: watch it for a while
    after = received(page)
    return all(after.get(str(s), {}).get(kind, 0) > before.get(str(s), {}).get(kind, 0)
               for s in sources for kind in ('video', 'audio'))


def open_link(browser: Browser, url: str) -> Page:
    page = browser.new_context(locale='vi-VN').new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(url)
    expect(page.get_by_test_id('device-message')).to_have_attribute('data-outcome', 'ok')
    page.get_by_test_id('join-button').click()
    return page


def worker_pid(server: Server, hearing_id: int) -> int:
    """The media worker this server started for the hearing (not another test run's worker of a hearing 1)."""
    assert server.process is not None
    out = subprocess.run(['pgrep', '-P', str(server.process.pid), '-f', f'conferencing.worker --hearing {hearing_id} '],
                         capture_output=True, text=True).stdout.split()
    assert len(out) == 1, out
    return int(out[0])


def test_hybrid_hearing(server: Server, media_browser: Browser) -> None:
    clerk, procurator = server.client('clerk'), server.client('procurator')
    hearing = clerk.post('/api/hearings', json={'case_number': '21/2026/HSST', 'title': 'Phiên tòa trực tuyến',
                                                'charges': [173]}).json()
    h = hearing['id']
    exhibit = clerk.post(f'/api/hearings/{h}/bundles', files=[
        ('files', ('cao-trang.pdf', make_pdf(['Cáo trạng', 'Lời khai']), 'application/pdf'))]).json()['exhibits'][0]
    central = clerk.get(f'/api/hearings/{h}/points').json()[0]
    detention = clerk.post(f'/api/hearings/{h}/points', json={'name': 'Trại tạm giam số 1',
                                                              'kind': 'detention_facility'}).json()
    court = clerk.post(f'/api/hearings/{h}/points', json={'name': 'TAND tỉnh Bắc Ninh', 'kind': 'court'}).json()

    def add(name: str, role: str, point: dict) -> dict:
        response = clerk.post(f'/api/hearings/{h}/participants', json={
            'name': name, 'role': role, 'point_id': point['id'],
            'id_document': {'type': 'citizen_id', 'number': '001090000001'}})
        assert response.status_code == 201, response.text
        return response.json()

    room = add('Phòng xử án số 2', 'courtroom', central)
    defendant = add('Nguyễn Văn Hải', 'defendant', detention)
    witness = add('Lê Văn Bình', 'witness', court)
    observer = add('Người tham dự', 'observer', court)
    procurator.post(f'/api/hearings/{h}/publish', json={'exhibit_id': exhibit['id'], 'page': 2})

    pages = {p['id']: open_link(media_browser, p['join_url']) for p in (room, defendant, witness, observer)}
    expect(pages[room['id']].get_by_test_id('hearing')).to_be_visible()  # the courtroom's PC skips the lobby
    for p in (defendant, witness, observer):
        expect(pages[p['id']].get_by_test_id('lobby')).to_be_visible()
    for p in (defendant, witness):
        clerk.post(f'/api/participants/{p["id"]}/id-check', json={'verified': True, 'note': 'CCCD khớp'})
        assert clerk.post(f'/api/participants/{p["id"]}/admit').status_code == 200
    for p in (defendant, witness):
        expect(pages[p['id']].get_by_test_id('hearing')).to_be_visible()

    inside = [room['id'], defendant['id'], witness['id']]
    for me in inside:
        others = [o for o in inside if o != me]
        wait_until(lambda me=me, others=others: flowing(pages[me], others), f'{me} receives {others}')
        content = pages[me].get_by_test_id('screen-content')
        expect(content).to_have_attribute('data-state', 'showing')
        expect(content).to_have_attribute('data-page', '2')
    # a public screen in the courtroom that shows the remote points: it sees and hears them beside the evidence
    screen = clerk.post(f'/api/hearings/{h}/screens', json={'name': 'Màn hình phòng xử', 'audience': 'public',
                                                            'show_video': True}).json()
    room_screen = media_browser.new_context().new_page()
    room_screen.goto(screen['url'])
    expect(room_screen.get_by_test_id('screen-content')).to_have_attribute('data-state', 'showing')
    wait_until(lambda: flowing(room_screen, [defendant['id'], witness['id']]), 'the screen shows the remote points')
    assert room_screen.locator(f'video[data-participant-id="{defendant["id"]}"]').count() == 1
    witness_screen = clerk.post(f'/api/hearings/{h}/screens', json={'name': 'x', 'audience': 'witness',
                                                                    'show_video': True})
    assert witness_screen.status_code == 400 and witness_screen.json()['error']['code'] == 'video_audience'
    room_screen.context.close()

    # the one left in the lobby gets no media and no evidence
    lobby = pages[observer['id']]
    assert lobby.evaluate('courtroomJoin.pc === null') and lobby.get_by_test_id('screen-content').count() == 0

    # revoked mid-hearing: refused at once, and its media stops reaching the others
    clerk.post(f'/api/participants/{witness["id"]}/revoke')
    expect(pages[witness['id']].get_by_test_id('join-refused')).to_have_attribute('data-code', 'link_revoked')

    def witness_frames() -> int:
        return received(pages[room['id']]).get(str(witness['id']), {}).get('video', 0)

    def witness_still() -> bool:
        before = witness_frames()
        time.sleep(2)  # that nothing arrives shows only over time
        return witness_frames() == before
    wait_until(witness_still, "the witness's video no longer reaches the courtroom")
    again = media_browser.new_context().new_page()
    again.goto(witness['join_url'])
    expect(again.get_by_test_id('join-refused')).to_have_attribute('data-code', 'link_revoked')

    # two calls at once (the connection failing as the worker restarts): the page keeps its latest connection,
    # never applies an answer to a connection it was not made for, and its media comes back
    errors: list[str] = []
    pages[room['id']].on('pageerror', lambda error: errors.append(str(error)))
    pages[room['id']].evaluate('''() => {
        // the answer to the first call comes only after the page has called again
        const answer = courtroomJoin.answer.bind(courtroomJoin);
        let first = true;
        courtroomJoin.answer = async (message) => {
            if (first) {
                first = false;
                emitEvent('rtc_retry', {});
                await new Promise((resolve) => setTimeout(resolve, 1500));
            }
            return answer(message);
        };
        emitEvent('rtc_retry', {});
    }''')
    wait_until(lambda: flowing(pages[room['id']], [defendant['id']], seconds=1)
               and flowing(pages[defendant['id']], [room['id']], seconds=1), 'media back after two calls at once')
    assert errors == [], errors

    # the media worker killed: it comes back and the participants reconnect by themselves
    os.kill(worker_pid(server, h), signal.SIGKILL)
    wait_until(lambda: flowing(pages[room['id']], [defendant['id']], seconds=1)
               and flowing(pages[defendant['id']], [room['id']], seconds=1), 'media back after the worker died')


def test_someone_who_joins_while_an_answer_is_on_its_way_is_seen(server: Server, media_browser: Browser) -> None:
    """The worker's answer and its slots events reach the page separately: an event about a participant who joined
    after the answer was made can come first, and the older answer must not hide that participant."""
    clerk = server.client('clerk')
    h = clerk.post('/api/hearings', json={'case_number': '31/2026/HSST', 'title': 'Thứ tự tin nhắn'}).json()['id']
    central = clerk.get(f'/api/hearings/{h}/points').json()[0]
    facility = clerk.post(f'/api/hearings/{h}/points', json={'name': 'Trại tạm giam',
                                                            'kind': 'detention_facility'}).json()
    room, defendant = (clerk.post(f'/api/hearings/{h}/participants', json={'name': name, 'role': role,
                                                                         'point_id': point['id']}).json()
                       for name, role, point in (('Phòng xử án', 'courtroom', central),
                                                 ('Bị cáo', 'defendant', facility)))
    page = media_browser.new_context(locale='vi-VN').new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(room['join_url'])
    expect(page.get_by_test_id('device-message')).to_have_attribute('data-outcome', 'ok')
    page.evaluate('''() => {
        // the courtroom's answer waits until the worker has told the page about the defendant's joining
        const answer = courtroomJoin.answer.bind(courtroomJoin);
        const setSlots = courtroomJoin.setSlots.bind(courtroomJoin);
        let told;
        const event = new Promise((resolve) => (told = resolve));
        courtroomJoin.setSlots = (slots, version) => {
            setSlots(slots, version);
            if (slots.some((s) => s.participant_id)) told();
        };
        courtroomJoin.answer = async (message) => {
            window.answerHeld = true;
            await event;
            return answer(message);
        };
    }''')
    page.get_by_test_id('join-button').click()
    wait_until(lambda: page.evaluate('window.answerHeld === true'), "the courtroom's answer is held")
    other = open_link(media_browser, defendant['join_url'])
    expect(other.get_by_test_id('lobby')).to_be_visible()
    clerk.post(f'/api/participants/{defendant["id"]}/admit')
    wait_until(lambda: flowing(page, [defendant['id']]) and flowing(other, [room['id']]),
               'the courtroom and the defendant see and hear each other')
