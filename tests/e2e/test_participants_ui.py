"""The clerk's connection points and participants page in real Chromium: add a point and a participant, read the
personal join link from its dialog, see the participant arrive in the roll call live when they open the link and
pass the device check, admit them, and see a second browser on the same link reported."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.conftest import Server

from .conftest import TIMEOUT_MS, sign_in

pytestmark = pytest.mark.e2e


@pytest.fixture(scope='module')
def browser(module_media_browser: Browser) -> Browser:
    """Fake camera and microphone: the participant's device check needs them."""
    return module_media_browser


def new_page(browser: Browser, server: Server) -> Page:
    context = browser.new_context(base_url=server.url, viewport={'width': 1366, 'height': 768}, locale='vi-VN')
    context.set_default_timeout(TIMEOUT_MS)
    return context.new_page()


def test_clerk_sets_up_points_and_participants_and_admits(page: Page, browser: Browser, server: Server) -> None:
    with server.client('clerk') as api:
        hearing = api.post('/api/hearings', json={'case_number': '301/2026/HSST', 'title': 'Vụ án trộm cắp tài sản',
                                                  'charges': [173]}).json()
    sign_in(page, 'clerk')
    page.goto(f'/hearings/{hearing["id"]}/participants')
    expect(page.get_by_test_id('participants-title')).to_have_text('Điểm cầu và người tham gia')
    expect(page.get_by_test_id('online-refusal')).to_have_count(0)

    page.get_by_test_id('point-name-input').fill('Trại tạm giam Công an tỉnh')
    page.get_by_test_id('add-point').click()
    expect(page.get_by_test_id('point-card')).to_have_count(2)
    expect(page.get_by_test_id('point-name').nth(1)).to_have_text('Trại tạm giam Công an tỉnh')

    page.get_by_test_id('participant-name-input').fill('Nguyễn Văn An')
    page.get_by_test_id('participant-point-select').click()
    page.get_by_role('option', name=re.compile('Trại tạm giam')).click()
    page.get_by_test_id('id-number-input').fill('001099012345')
    page.get_by_test_id('add-participant').click()
    dialog = page.get_by_test_id('join-link-dialog')
    expect(dialog).to_be_visible()
    expect(dialog.get_by_test_id('join-qr').locator('svg')).to_be_visible()
    url = page.get_by_test_id('join-url').inner_text().strip()
    assert re.search(r'/join/[\w.\-~]+', url), url
    page.get_by_test_id('join-close').click()
    row = page.get_by_test_id('participant-row')
    expect(row).to_have_count(1)
    expect(row.get_by_test_id('participant-state')).to_have_attribute('data-state', 'invited')
    expect(row.get_by_test_id('participant-id-doc')).to_have_text('CCCD 001099012345')

    # the participant opens their link, passes the device check and waits in the lobby: the roll call follows live
    participant = new_page(browser, server)
    try:
        participant.goto(url.replace(re.match(r'https?://[^/]+', url).group(0), server.url))  # type: ignore[union-attr]
        join = participant.get_by_test_id('join-button')
        expect(join).to_be_enabled()
        participant.locator('[data-testid=device-message][data-outcome]').wait_for()  # the device check has run
        join.click()
        expect(participant.get_by_test_id('lobby')).to_be_visible()

        waiting = page.get_by_test_id('waiting-row')
        expect(waiting).to_have_count(1)
        expect(waiting.get_by_test_id('waiting-id-doc')).to_have_text('CCCD 001099012345')
        waiting.get_by_test_id('id-note').fill('Khớp ảnh và số CCCD')
        waiting.get_by_test_id('id-verified').click()
        expect(page.get_by_test_id('id-check-result')).to_contain_text('khớp')
        page.get_by_test_id('admit').click()
        expect(page.get_by_test_id('waiting-row')).to_have_count(0)
        expect(page.get_by_test_id('inside-row')).to_have_count(1)
        expect(row.get_by_test_id('participant-state')).to_have_attribute(
            'data-state', re.compile('admitted|connected'))

        # the same link in another browser gets no seat, and the clerk sees the attempt
        second = new_page(browser, server)
        try:
            second.goto(url.replace(re.match(r'https?://[^/]+', url).group(0), server.url))  # type: ignore[union-attr]
            expect(second.get_by_test_id('join-refused')).to_be_visible()
            expect(page.get_by_test_id('seat-conflict')).to_contain_text(
                'Đường dẫn của Nguyễn Văn An đang được mở ở trình duyệt khác')
        finally:
            second.context.close()
    finally:
        participant.context.close()

    with server.client('clerk') as api:
        [listed] = api.get(f'/api/hearings/{hearing["id"]}/participants').json()
    assert listed['id_check'] == {'verified': True, 'note': 'Khớp ảnh và số CCCD'}
    assert listed['state'] in ('admitted', 'connected', 'disconnected')
