"""Marks in real Chromium: a mark added through the API appears live on the open screens that show its page, drawn
over the page where its page-normalised points say, follows the zoom region, never reaches a screen whose audience
may not see the page, and goes when it is deleted."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.conftest import Server

from .conftest import TIMEOUT_MS, make_pdf

pytestmark = pytest.mark.e2e


def call(server: Server, role: str, method: str, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
    with server.client(role) as c:
        response = c.request(method, path, json=body)
    assert response.status_code in (200, 201), response.text
    return response.json()


def relative_box(page: Page, selector: str) -> list[float]:
    """Where an element inside the shown page sits, as fractions of the page image's box."""
    return page.get_by_test_id('shown-page').evaluate(
        '''(box, selector) => {
            const img = box.querySelector("img").getBoundingClientRect();
            const r = box.querySelector(selector).getBoundingClientRect();
            return [(r.left - img.left) / img.width, (r.top - img.top) / img.height,
                    (r.right - img.left) / img.width, (r.bottom - img.top) / img.height];
        }''', selector)


def test_a_mark_appears_on_the_screens_showing_its_page_and_goes_when_deleted(browser: Browser,
                                                                             server: Server) -> None:
    with server.client('clerk') as clerk:
        hid = clerk.post('/api/hearings', json={'case_number': '409/2026/HSST', 'title': 'Vụ án đánh dấu'}).json()['id']
        files = [('files', ('loi-khai.pdf', make_pdf(['Lời khai trang một', 'Lời khai trang hai']), 'application/pdf'))]
        doc = clerk.post(f'/api/hearings/{hid}/bundles', files=files).json()['exhibits'][0]['id']
        urls = {a: clerk.post(f'/api/hearings/{hid}/screens', json={'name': a, 'audience': a}).json()['url']
                for a in ('public', 'panel')}
    context = browser.new_context(viewport={'width': 960, 'height': 540})
    context.set_default_timeout(TIMEOUT_MS)
    try:
        screens = {a: context.new_page() for a in urls}
        for audience, page in screens.items():
            page.goto(urls[audience])
            expect(page.get_by_test_id('screen-content')).to_have_attribute('data-state', 'idle')
        call(server, 'procurator', 'POST', f'/api/hearings/{hid}/publish', {'exhibit_id': doc, 'page': 1})
        for page in screens.values():
            shown = page.get_by_test_id('shown-page')
            expect(shown).to_have_attribute('data-exhibit-id', str(doc))
            expect(shown).to_have_attribute('data-page', '1')
            expect(shown).to_have_attribute('data-marks', '0')
            expect(page.get_by_test_id('screen-content')).to_have_attribute('data-state', 'showing')

        # a highlight through the API: live on both screens, where its points say
        mark = call(server, 'procurator', 'POST', f'/api/hearings/{hid}/marks',
                    {'exhibit_id': doc, 'page': 1, 'kind': 'highlight', 'points': [[0.1, 0.2], [0.6, 0.3]]})
        for page in screens.values():
            expect(page.get_by_test_id('shown-page')).to_have_attribute('data-marks', '1')
            box = relative_box(page, '.shown-marks rect')
            assert box == pytest.approx([0.1, 0.2, 0.6, 0.3], abs=0.01)
        call(server, 'procurator', 'DELETE', f'/api/marks/{mark["id"]}')
        for page in screens.values():
            expect(page.get_by_test_id('shown-page')).to_have_attribute('data-marks', '0')
        mark = call(server, 'procurator', 'POST', f'/api/hearings/{hid}/marks',
                    {'exhibit_id': doc, 'page': 1, 'kind': 'highlight', 'points': [[0.1, 0.2], [0.6, 0.3]]})

        # a mark on another page changes nothing here; a text callout on this one is drawn as text, not HTML
        call(server, 'clerk', 'POST', f'/api/hearings/{hid}/marks',
             {'exhibit_id': doc, 'page': 2, 'kind': 'pen', 'points': [[0.5, 0.5], [0.6, 0.6]]})
        callout = call(server, 'clerk', 'POST', f'/api/hearings/{hid}/marks',
                       {'exhibit_id': doc, 'page': 1, 'kind': 'text', 'points': [[0.5, 0.5], [0.9, 0.6]],
                        'text': '<b>Mâu thuẫn</b> với BL 2'})
        for page in screens.values():
            expect(page.get_by_test_id('shown-page')).to_have_attribute('data-marks', '2')
            expect(page.locator('.mark-text')).to_have_text('<b>Mâu thuẫn</b> với BL 2')

        # zoomed into the top left quarter, the highlight is drawn twice as large, still over the same words
        before = screens['public'].locator('.shown-marks rect').first.bounding_box()
        zoomed = call(server, 'procurator', 'POST', f'/api/hearings/{hid}/publish',
                      {'exhibit_id': doc, 'page': 1, 'region': [0, 0, 0.5, 0.5]})
        page = screens['public']
        expect(page.get_by_test_id('screen-content')).to_have_attribute('data-version', str(zoomed['version']))
        expect(page.get_by_test_id('shown-page')).to_have_attribute('data-marks', '2')
        assert relative_box(page, '.shown-marks rect') == pytest.approx([0.1, 0.2, 0.6, 0.3], abs=0.01)
        after = page.locator('.shown-marks rect').first.bounding_box()
        assert before is not None and after is not None
        assert after['width'] == pytest.approx(2 * before['width'], rel=0.02)

        # restricted: the public screen shows no page, so no marks, even new ones; the panel's follows
        call(server, 'clerk', 'PATCH', f'/api/exhibits/{doc}', {'restricted': True})
        expect(screens['public'].get_by_test_id('screen-content')).to_have_attribute('data-state', 'restricted')
        expect(screens['public'].get_by_test_id('shown-page')).to_have_count(0)
        arrow = call(server, 'presiding_judge', 'POST', f'/api/hearings/{hid}/marks',
                     {'exhibit_id': doc, 'page': 1, 'kind': 'arrow', 'points': [[0.9, 0.9], [0.6, 0.3]]})
        expect(screens['panel'].get_by_test_id('shown-page')).to_have_attribute('data-marks', '3')
        assert screens['public'].locator('.shown-marks').count() == 0

        # deleting: gone from the screen at once
        call(server, 'clerk', 'PATCH', f'/api/exhibits/{doc}', {'restricted': False})
        expect(screens['public'].get_by_test_id('shown-page')).to_have_attribute('data-marks', '3')
        for mark_id in (mark['id'], callout['id'], arrow['id']):
            call(server, 'procurator', 'DELETE', f'/api/marks/{mark_id}')
        for page in screens.values():
            expect(page.get_by_test_id('shown-page')).to_have_attribute('data-marks', '0')
            assert page.locator('.shown-marks > *').count() == 0
    finally:
        context.close()
