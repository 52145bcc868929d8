"""A camera recording in a remote participant's evidence view, in real Chromium with a fake camera: it plays in step
with the screens, with its own sound and the participant's name across the picture, and its copy is served only while
the participant may see it. The media browser runs in its own module: one Playwright per module."""

from __future__ import annotations

import httpx
import pytest
from playwright.sync_api import Browser, expect

from tests.conftest import Server, make_webm
from tests.waiting import wait_until

from .conftest import TIMEOUT_MS
from .test_playback import SECONDS, media

pytestmark = [pytest.mark.e2e, pytest.mark.realtime]


def test_a_remote_participant_sees_and_hears_the_recording_with_their_name_across_it(media_browser: Browser,
                                                                                    server: Server) -> None:
    with server.client('clerk') as clerk:
        hid = clerk.post('/api/hearings', json={'case_number': '411/2026/HSST', 'title': 'Vụ án camera'}).json()['id']
        files = [('files', ('camera.webm', make_webm(SECONDS), 'video/webm'))]
        (video,) = (e['id'] for e in clerk.post(f'/api/hearings/{hid}/bundles', files=files).json()['exhibits'])
        point = clerk.post(f'/api/hearings/{hid}/points', json={'name': 'Trại tạm giam', 'kind': 'other'}).json()
        witness = clerk.post(f'/api/hearings/{hid}/participants', json={
            'name': 'Nguyễn Thị Hoa', 'role': 'witness', 'point_id': point['id']}).json()
    context = media_browser.new_context(locale='vi-VN')
    context.set_default_timeout(TIMEOUT_MS)
    try:
        remote = context.new_page()
        remote.goto(witness['join_url'])
        expect(remote.get_by_test_id('device-message')).to_have_attribute('data-outcome', 'ok')
        remote.get_by_test_id('join-button').click()
        expect(remote.get_by_test_id('lobby')).to_be_visible()
        with server.client('clerk') as clerk:
            assert clerk.post(f'/api/participants/{witness["id"]}/admit').status_code == 200
        expect(remote.get_by_test_id('hearing')).to_be_visible()
        token = witness['join_url'].rsplit('/join/', 1)[1]
        assert httpx.get(f'{server.url}/api/join/{token}/media/{video}').status_code == 404  # not shown yet

        with server.client('procurator') as c:
            assert c.post(f'/api/hearings/{hid}/publish', json={'exhibit_id': video, 'page': 1}).status_code == 200
            assert c.post(f'/api/hearings/{hid}/playback', json={'action': 'play'}).status_code == 200
        expect(remote.get_by_test_id('screen-media')).to_have_attribute('data-exhibit-id', str(video))
        wait_until(lambda: media(remote)['t'] > 1.0 and not media(remote)['paused'], 'the participant sees it play')
        assert media(remote)['muted'] is False  # their own sound: the room's speakers reach them only through a mic
        watermark = remote.get_by_test_id('screen-media-watermark')
        expect(watermark).to_have_attribute('data-text', f'Nguyễn Thị Hoa · #{witness["id"]}')
        expect(watermark).to_be_visible()

        with server.client('presiding_judge') as judge:  # their link revoked: the recording no longer opens for it
            assert judge.post(f'/api/participants/{witness["id"]}/revoke').status_code == 200
        assert httpx.get(f'{server.url}/api/join/{token}/media/{video}').status_code == 401
    finally:
        context.close()
