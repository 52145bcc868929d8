"""Redaction in real Chromium: the procurator draws a box on the bench console's preview with the Redact tool (X and
a drag); the public screen showing the page fetches its image again, and the bytes at the URL it shows are black
under the box, while the trial panel's screen shows the content there, outlined."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.conftest import Server
from tests.presenter.test_redactions_api import all_black, has_ink, image, inside, redaction_pdf
from tests.waiting import wait_until

from .conftest import TIMEOUT_MS, drag, idle_screens, sign_in

pytestmark = pytest.mark.e2e
NEW_IMAGE = re.compile(r'&r=[0-9a-f]+$')  # the image URL names the page's boxes: fetched anew, never from a cache


def shown_image(server: Server, screen: Page) -> tuple[str, Any]:
    """The URL of the image a screen shows, and the image its bytes make."""
    src = screen.get_by_test_id('shown-page').locator('img').get_attribute('src')
    assert src
    response = httpx.get(server.url + src, timeout=60)
    assert response.status_code == 200, response.text
    return src, image(response.content)


def test_a_box_drawn_on_the_bench_is_black_on_the_public_screen_and_outlined_for_the_panel(
        browser: Browser, page: Page, server: Server) -> None:
    with server.client('clerk') as clerk:
        hid = clerk.post('/api/hearings', json={'case_number': '419/2026/HSST', 'title': 'Vụ án che'}).json()['id']
        files = [('files', ('bien-ban.pdf', redaction_pdf(), 'application/pdf'))]
        doc = clerk.post(f'/api/hearings/{hid}/bundles', files=files).json()['exhibits'][0]['id']
        urls = {a: clerk.post(f'/api/hearings/{hid}/screens', json={'name': a, 'audience': a}).json()['url']
                for a in ('public', 'panel')}
    context = browser.new_context(viewport={'width': 960, 'height': 540})
    context.set_default_timeout(TIMEOUT_MS)
    try:
        screens = idle_screens(context, urls)
        with server.client('procurator') as c:
            assert c.post(f'/api/hearings/{hid}/publish', json={'exhibit_id': doc, 'page': 1}).status_code == 200
        for screen in screens.values():
            expect(screen.get_by_test_id('shown-page')).to_have_attribute('data-page', '1')

        sign_in(page, 'procurator')
        page.goto(f'/bench/{hid}')
        expect(page.get_by_test_id('preview-page')).to_have_text('Trang 1/2')
        expect(page.get_by_test_id('preview')).to_have_attribute('data-page', '1')
        page.keyboard.press('x')
        expect(page.get_by_test_id('preview')).to_have_attribute('data-draw', 'redact')
        drag(page, (0.1, 0.08), (0.7, 0.15))
        with server.client('procurator') as c:
            made = wait_until(lambda: c.get(f'/api/exhibits/{doc}/redactions').json(), 'the box is stored')
        assert len(made) == 1 and made[0]['page'] == 1 and made[0]['author'] == 'procurator'
        assert made[0]['box'] == pytest.approx([0.1, 0.08, 0.7, 0.15], abs=0.02)
        expect(page.get_by_test_id('preview-redaction')).to_have_count(1)  # outlined on the bench's preview

        # the public screen loads its image again: the bytes at the URL it shows are black under the box
        public = screens['public'].get_by_test_id('shown-page').locator('img')
        expect(public).to_have_attribute('src', NEW_IMAGE)
        _, public_image = shown_image(server, screens['public'])
        assert all_black(inside(public_image, made[0]['box']))
        assert has_ink(inside(public_image, [0.1, 0.45, 0.7, 0.5]))  # the rest of the page as it was
        # the panel's screen shows the content under it
        expect(screens['panel'].get_by_test_id('shown-page').locator('img')).to_have_attribute('src', NEW_IMAGE)
        _, panel_image = shown_image(server, screens['panel'])
        assert has_ink(inside(panel_image, made[0]['box'], inset=8))
    finally:
        context.close()
