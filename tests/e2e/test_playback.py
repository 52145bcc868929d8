"""A camera recording played on the screens in real Chromium: the procurator publishes it from the bench and plays
it by keyboard; the screen's <video> plays, pauses where the server says, jumps on a seek, and a screen opened late
starts at the current position, in step with the first. Publishing a document takes the recording away."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.conftest import Server, make_webm
from tests.waiting import wait_until

from .conftest import TIMEOUT_MS, make_pdf, sign_in

pytestmark = pytest.mark.e2e

SECONDS = 20.0


def media(page: Page) -> dict[str, Any]:
    return page.get_by_test_id('screen-media').evaluate(
        'el => ({t: el.currentTime, paused: el.paused, muted: el.muted, ready: el.readyState, src: el.currentSrc,'
        ' kind: el.tagName.toLowerCase(), told_to_play: el.dataset.playing === "true"})')


def server_state(server: Server, hid: int) -> dict[str, Any]:
    with server.client('procurator') as c:
        return c.get(f'/api/hearings/{hid}/playback').json()


def test_a_recording_plays_pauses_and_seeks_on_every_screen_in_step(page: Page, browser: Browser,
                                                                   server: Server) -> None:
    with server.client('clerk') as clerk:
        hid = clerk.post('/api/hearings', json={'case_number': '410/2026/HSST', 'title': 'Vụ án camera'}).json()['id']
        files = [('files', ('camera.webm', make_webm(SECONDS), 'video/webm')),
                 ('files', ('loi-khai.pdf', make_pdf(['Lời khai']), 'application/pdf'))]
        video, doc = (e['id'] for e in clerk.post(f'/api/hearings/{hid}/bundles', files=files).json()['exhibits'])
        urls = {a: clerk.post(f'/api/hearings/{hid}/screens', json={'name': a, 'audience': a}).json()['url']
                for a in ('public', 'panel')}
    screens = browser.new_context(viewport={'width': 640, 'height': 360})
    screens.set_default_timeout(TIMEOUT_MS)
    try:
        public = screens.new_page()
        public.goto(urls['public'])
        expect(public.get_by_test_id('screen-content')).to_have_attribute('data-state', 'idle')

        sign_in(page, 'procurator')
        page.goto(f'/bench/{hid}')
        expect(page.get_by_test_id('preview-title')).to_contain_text('camera')
        expect(page.get_by_test_id('playback-controls')).to_be_hidden()
        page.keyboard.press('Enter')  # publish: on the screen, paused at 0
        expect(page.get_by_test_id('playback-controls')).to_be_visible()
        expect(public.get_by_test_id('screen-media')).to_have_attribute('data-exhibit-id', str(video))
        wait_until(lambda: media(public)['ready'] >= 1, 'the screen has loaded the recording')
        assert media(public)['paused'] and media(public)['t'] == 0 and media(public)['kind'] == 'video'

        page.keyboard.press('k')  # play
        expect(page.get_by_test_id('playback-toggle')).to_have_attribute('data-playing', 'true')
        wait_until(lambda: media(public)['t'] > 1.0 and not media(public)['paused'], 'the screen plays')

        page.keyboard.press('k')  # pause: the screen stops where the server says
        expect(page.get_by_test_id('playback-toggle')).to_have_attribute('data-playing', 'false')
        paused_at = server_state(server, hid)['position_s']
        wait_until(lambda: media(public)['paused'] and abs(media(public)['t'] - paused_at) < 0.05,
                   f'the screen paused at {paused_at}')

        page.keyboard.press('ArrowRight')  # 5 s forward: the screen jumps
        wait_until(lambda: server_state(server, hid)['position_s'] == pytest.approx(paused_at + 5, abs=0.01),
                   'the server moved 5 s on')
        wait_until(lambda: abs(media(public)['t'] - (paused_at + 5)) < 0.05, 'the screen jumped 5 s on')

        with server.client('procurator') as c:  # back near the start and play, so a late screen has time to join
            c.post(f'/api/hearings/{hid}/playback', json={'action': 'seek', 'position_s': 1})
        page.keyboard.press('k')
        wait_until(lambda: not media(public)['paused'] and media(public)['t'] > 1.2, 'the screen plays on')

        late = screens.new_page()  # opened late: joins where the recording is, muted (not the room's audio)
        late.goto(urls['panel'])
        wait_until(lambda: late.get_by_test_id('screen-media').count() == 1 and media(late)['t'] > 1.0,
                   'the late screen joined past where playing started')

        def in_step() -> bool:
            a, b, c = media(public)['t'], media(late)['t'], media(public)['t']
            return not media(late)['paused'] and abs(b - (a + c) / 2) < 0.1 + abs(c - a) / 2

        wait_until(in_step, 'the late screen plays in step with the first')
        assert media(late)['muted'] is True

        # a clip: in and out points marked on the bench where the recording is, saved, chosen: every screen plays
        # it from its in point and stops at its out point
        for position, button in ((2, 'clip-in'), (3.5, 'clip-out')):
            with server.client('procurator') as c:
                c.post(f'/api/hearings/{hid}/playback', json={'action': 'pause'})
                c.post(f'/api/hearings/{hid}/playback', json={'action': 'seek', 'position_s': position})
            wait_until(lambda p=position: abs(media(public)['t'] - p) < 0.05, f'the screen is at {position}')
            page.get_by_test_id(button).click()
        expect(page.get_by_test_id('clip-span')).to_have_text('00:02 – 00:04')
        page.get_by_test_id('clip-name').fill('Người đội mũ xám')
        page.get_by_test_id('clip-save').click()
        page.get_by_test_id('playback-clips').click()
        page.get_by_role('option', name='Người đội mũ xám').click()
        wait_until(lambda: server_state(server, hid)['stop_s'] == 3.5, 'the clip plays')
        for screen in (public, late):
            # told to play (the clip), yet stopped: at the out point
            wait_until(lambda s=screen: media(s)['told_to_play'] and media(s)['paused']
                       and abs(media(s)['t'] - 3.5) < 0.05, 'the screen stopped at the clip\'s out point')

        with server.client('procurator') as c:  # another exhibit: the recording leaves the screens
            c.post(f'/api/hearings/{hid}/publish', json={'exhibit_id': doc, 'page': 1})
        for screen in (public, late):
            expect(screen.get_by_test_id('shown-page')).to_have_attribute('data-exhibit-id', str(doc))
            expect(screen.get_by_test_id('screen-media')).to_have_count(0)
        expect(page.get_by_test_id('playback-controls')).to_be_hidden()
    finally:
        screens.close()

