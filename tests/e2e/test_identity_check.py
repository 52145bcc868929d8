"""The identity check in the lobby, in real Chromium: the participant's fake camera shows a chip ID card (a .y4m of
a card with its QR code); they hold it in the frame and send a still; the server reads the QR and the clerk's roll
call shows the card's number, each field compared with the record and the still; the clerk admits them, and the
minutes say the card was checked. Both pages pass axe-core."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.conftest import Server
from tests.id_cards import card_y4m

from .browser import launch_chromium
from .conftest import TIMEOUT_MS, sign_in
from .test_accessibility import expect_accessible, report

pytestmark = pytest.mark.e2e


@pytest.fixture(scope='module')
def card_browser(browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    """Chromium whose camera shows the card, from the module's Playwright (one runs at a time)."""
    camera = card_y4m(tmp_path_factory.mktemp('camera') / 'card.y4m')
    shown = launch_chromium(browser.browser_type, camera=str(camera))
    yield shown
    shown.close()


def test_a_participant_shows_their_card_and_the_clerk_sees_it_matched(card_browser: Browser, page: Page,
                                                                       server: Server, tmp_path: Path) -> None:
    with server.client('clerk') as clerk:
        hid = clerk.post('/api/hearings', json={'case_number': '91/2026/HSST', 'title': 'Vụ án đối chiếu CCCD',
                                                'charges': ['173']}).json()['id']
        point = clerk.post(f'/api/hearings/{hid}/points',
                           json={'name': 'Trại tạm giam Hỏa Lò', 'kind': 'detention_facility'}).json()
        person = clerk.post(f'/api/hearings/{hid}/participants', json={
            'name': 'Nguyễn Văn Hải', 'role': 'defendant', 'point_id': point['id'],
            'id_document': {'type': 'citizen_id', 'number': '001090012345', 'birth_date': '01/02/1990'}}).json()
    context = card_browser.new_context(viewport={'width': 1280, 'height': 900}, locale='vi-VN')
    context.set_default_timeout(TIMEOUT_MS)
    try:
        joining = context.new_page()
        joining.goto(person['join_url'])
        expect(joining.get_by_test_id('device-message')).to_have_attribute('data-outcome', 'ok')
        joining.get_by_test_id('join-button').click()
        expect(joining.get_by_test_id('lobby')).to_be_visible()
        expect(joining.get_by_test_id('card-check')).to_be_visible()
        joining.wait_for_function('() => document.getElementById("join-card-view")?.videoWidth > 0')
        found = expect_accessible(joining, 'vi', 'join: the card check')
        joining.get_by_test_id('card-send').click()
        message = joining.get_by_test_id('card-message')
        expect(message).to_have_attribute('data-outcome', 'read')
        expect(message).to_contain_text('Đã đọc mã QR của thẻ')

        sign_in(page, 'clerk')
        page.goto(f'/hearings/{hid}/participants')
        result = page.get_by_test_id('qr-result')
        expect(result).to_have_attribute('data-result', 'match')
        expect(result).to_contain_text('001090012345')
        expect(result.get_by_test_id('qr-field')).to_have_count(3)
        for field in ('id_number', 'name', 'birth_date'):
            expect(result.locator(f'[data-field={field}]')).to_have_attribute('data-ok', 'true')
        page.wait_for_function('() => document.querySelector("[data-testid=qr-still] img")?.naturalWidth > 0')
        # beside the card, the participant's live face (the fake camera shows the card there too; that the picture
        # is renewed as the page sends it: test_participants_page)
        expect(page.get_by_test_id('lobby-face').locator('img')).to_have_attribute(
            'alt', 'Hình Nguyễn Văn Hải từ camera lúc này')
        page.wait_for_function('() => document.querySelector("[data-testid=lobby-face] img")?.naturalWidth > 0')
        found += expect_accessible(page, 'vi', 'participants: a card checked by its QR')
        page.get_by_test_id('admit').click()
        expect(joining.get_by_test_id('hearing')).to_be_visible()
        with server.client('clerk') as clerk:
            minutes = [m['text'] for m in clerk.get(f'/api/hearings/{hid}/minutes').json()['entries']]
            admitted = [e['details'] for e in clerk.get(f'/api/hearings/{hid}/audit').json()
                        if e['action'] == 'admitted']
        assert 'Đối chiếu căn cước công dân số 001090012345 của Nguyễn Văn Hải bằng mã QR: khớp với hồ sơ' in minutes
        assert admitted[-1]['identity'] == {'method': 'qr', 'result': 'match'}
        assert not found, report(found)
    finally:
        context.close()
