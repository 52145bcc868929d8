"""Treatments in real Chromium: on the bench console the procurator sees the page's marks listed, saves them as a
named treatment (Enter saves, Esc cancels), clears the page, and shows the treatment again: the screen showing the
page draws the marks again. A mark deleted from the list with the keyboard goes from the screen, and does not
publish anything else (Quasar keeps a button's Enter to itself)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.conftest import Server

from .conftest import TIMEOUT_MS, make_pdf, sign_in

pytestmark = pytest.mark.e2e


def test_save_clear_and_show_a_treatment_again(browser: Browser, page: Page, server: Server) -> None:
    with server.client('clerk') as clerk:
        hearing = {'case_number': '410/2026/HSST', 'title': 'Vụ án bản đánh dấu'}
        hid = clerk.post('/api/hearings', json=hearing).json()['id']
        files = [('files', ('loi-khai.pdf', make_pdf(['Lời khai trang một', 'Lời khai trang hai']), 'application/pdf'))]
        doc = clerk.post(f'/api/hearings/{hid}/bundles', files=files).json()['exhibits'][0]['id']
        public = {'name': 'Công chúng', 'audience': 'public'}
        url = clerk.post(f'/api/hearings/{hid}/screens', json=public).json()['url']
    with server.client('procurator') as c:
        for body in ({'kind': 'highlight', 'points': [[0.1, 0.2], [0.6, 0.3]]},
                     {'kind': 'text', 'points': [[0.5, 0.5], [0.9, 0.6]], 'text': 'Mâu thuẫn với BL 2'}):
            assert c.post(f'/api/hearings/{hid}/marks', json={'exhibit_id': doc, 'page': 1, **body}).status_code == 201
    context = browser.new_context(viewport={'width': 960, 'height': 540})
    context.set_default_timeout(TIMEOUT_MS)
    try:
        screen = context.new_page()
        screen.goto(url)
        expect(screen.get_by_test_id('screen-content')).to_have_attribute('data-state', 'idle')

        sign_in(page, 'procurator')
        page.goto(f'/bench/{hid}')
        expect(page.get_by_test_id('preview')).to_have_attribute('data-page', '1')
        listed = page.get_by_test_id('page-mark-what')
        expect(listed).to_have_text(['1. Tô sáng, vàng', '2. Chú thích, đỏ: “Mâu thuẫn với BL 2”'])
        page.get_by_test_id('publish-button').click()
        shown = screen.get_by_test_id('shown-page')
        expect(shown).to_have_attribute('data-page', '1')
        expect(shown).to_have_attribute('data-marks', '2')

        # Esc cancels the dialog and keeps nothing; Enter saves
        page.get_by_test_id('treatment-save').click()
        name = page.get_by_test_id('treatment-name')
        expect(name).to_be_focused()
        name.fill('Bỏ qua')
        page.keyboard.press('Escape')
        expect(page.get_by_test_id('treatment-dialog')).to_be_hidden()
        expect(page.get_by_test_id('treatments-empty')).to_be_visible()
        page.get_by_test_id('treatment-save').click()
        expect(name).to_be_focused()
        name.fill('Mâu thuẫn lời khai')
        page.keyboard.press('Enter')
        expect(page.get_by_test_id('treatment-dialog')).to_be_hidden()
        expect(page.get_by_test_id('treatment-name-text')).to_have_text(['Mâu thuẫn lời khai'])

        # clear the page: gone from the screen; show the treatment: back on the screen, where they were
        page.get_by_test_id('mark-clear').click()
        expect(shown).to_have_attribute('data-marks', '0')
        expect(page.get_by_test_id('page-marks-empty')).to_be_visible()
        page.get_by_test_id('treatment-show').click()
        expect(shown).to_have_attribute('data-marks', '2')
        expect(screen.locator('.mark-text')).to_have_text('Mâu thuẫn với BL 2')
        expect(listed).to_have_count(2)

        # the keyboard deletes a mark from the list; its Enter publishes nothing else
        version = screen.get_by_test_id('screen-content').get_attribute('data-version')
        page.get_by_test_id('page-mark-delete').first.focus()
        page.keyboard.press('Enter')
        expect(shown).to_have_attribute('data-marks', '1')
        expect(listed).to_have_text(['1. Chú thích, đỏ: “Mâu thuẫn với BL 2”'])
        assert screen.get_by_test_id('screen-content').get_attribute('data-version') == version
    finally:
        context.close()
