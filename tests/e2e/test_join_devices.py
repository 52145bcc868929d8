"""The device check: when the browser has no camera or microphone to give, the participant is told why, in their
language, and can still go on to the lobby (to follow the hearing and be seen to by the clerk); when the camera
answers, nothing on the page moves under the participant's pointer."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from playwright.sync_api import Browser, expect

from tests.conftest import Server
from tests.e2e.browser import launch_chromium
from tests.e2e.conftest import TIMEOUT_MS

pytestmark = pytest.mark.e2e

MESSAGES = {
    'denied': 'Trình duyệt chưa được phép dùng camera và micro',
    'missing': 'Không tìm thấy camera hoặc micro',
    'error': 'Không mở được camera và micro',
}


def test_no_devices_are_explained(server: Server, browser: Browser) -> None:
    clerk = server.client('clerk')
    h = clerk.post('/api/hearings', json={'case_number': '40', 'title': 'Thiết bị'}).json()['id']
    point = clerk.post(f'/api/hearings/{h}/points', json={'name': 'Văn phòng luật sư', 'kind': 'other'}).json()
    link = clerk.post(f'/api/hearings/{h}/participants', json={'name': 'Luật sư B', 'role': 'defence_counsel',
                                                               'point_id': point['id']}).json()['join_url']
    page = browser.new_context(locale='vi-VN').new_page()  # no fake devices, no permission given
    page.goto(link)
    message = page.get_by_test_id('device-message')
    expect(message).to_have_attribute('data-outcome', re.compile('^(denied|missing|error)$'))
    outcome = message.get_attribute('data-outcome')
    assert outcome in MESSAGES, outcome
    expect(message).to_contain_text(MESSAGES[outcome])
    page.get_by_test_id('join-button').click()
    expect(page.get_by_test_id('lobby')).to_be_visible()
    page.context.close()


# the camera answers only when the test says so: the page is seen before and after the device check completes
HOLD_THE_CAMERA = '''
const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
let release;
const held = new Promise((resolve) => { release = resolve; });
window.releaseCamera = () => release();
navigator.mediaDevices.getUserMedia = async (constraints) => {
  await held;
  if (window.denyCamera) throw new DOMException('Permission denied', 'NotAllowedError');
  return getUserMedia(constraints);
};
'''


@pytest.mark.parametrize('outcome', ['ok', 'denied'])
def test_the_join_button_stays_put_when_the_camera_answers(server: Server, browser: Browser, outcome: str) -> None:
    """A click on "go to the lobby" just as the camera's picture arrives used to land beside the button: the preview
    grew from the browser's default 300 px to 480 px and pushed the button sideways between press and release, and
    the participant stayed invited. Nor may the longest message (the camera refused) push it down."""
    clerk = server.client('clerk')
    h = clerk.post('/api/hearings', json={'case_number': f'41-{outcome}', 'title': 'Thiết bị'}).json()['id']
    point = clerk.post(f'/api/hearings/{h}/points', json={'name': 'Trại tạm giam', 'kind': 'detention_facility'}).json()
    person = clerk.post(f'/api/hearings/{h}/participants', json={'name': 'Bị cáo C', 'role': 'defendant',
                                                                 'point_id': point['id']}).json()
    # one Playwright per thread: the browser with fake devices is launched through the module's
    media_browser = launch_chromium(SimpleNamespace(chromium=browser.browser_type), media=True)
    try:
        context = media_browser.new_context(locale='vi-VN')
        context.add_init_script(HOLD_THE_CAMERA)
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        page.goto(person['join_url'])
        button = page.get_by_test_id('join-button')
        expect(button).to_be_visible()
        expect(page.get_by_test_id('device-message')).not_to_have_attribute('data-outcome', re.compile('.'))
        before = button.bounding_box()

        page.evaluate(f'window.denyCamera = {"true" if outcome == "denied" else "false"}; releaseCamera()')
        expect(page.get_by_test_id('device-message')).to_have_attribute('data-outcome', outcome)
        if outcome == 'ok':  # the picture's size is known
            page.wait_for_function('document.getElementById("join-preview").videoWidth > 0')
        page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))')  # and laid out
        assert button.bounding_box() == before

        button.click()
        expect(page.get_by_test_id('lobby')).to_be_visible()
    finally:
        media_browser.close()
