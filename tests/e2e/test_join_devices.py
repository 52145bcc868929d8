"""The device check when the browser has no camera or microphone to give: the participant is told why, in their
language, and can still go on to the lobby (to follow the hearing and be seen to by the clerk)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, expect

from tests.conftest import Server

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
