"""Marks in real Chromium: a mark added through the API appears live on the open screens that show its page, drawn
over the page where its page-normalised points say, follows the zoom region, never reaches a screen whose audience
may not see the page, and goes when it is deleted. The bench draws ellipses and callouts (typed in place, Esc
cancels) by mouse and keyboard, and its laser pointer puts a fading dot on the screen where it points."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.conftest import Server
from tests.waiting import wait_until

from .conftest import TIMEOUT_MS, call, drag, idle_screens, make_pdf, point, sign_in

pytestmark = pytest.mark.e2e


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
        screens = idle_screens(context, urls)
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


def test_the_bench_draws_an_ellipse_and_a_callout_and_points_with_the_laser_on_a_screen(page: Page, browser: Browser,
                                                                                        server: Server) -> None:
    with server.client('clerk') as clerk:
        hid = clerk.post('/api/hearings', json={'case_number': '410/2026/HSST', 'title': 'Vụ án laser'}).json()['id']
        files = [('files', ('loi-khai.pdf', make_pdf(['Lời khai trang một', 'Lời khai trang hai']), 'application/pdf'))]
        doc = clerk.post(f'/api/hearings/{hid}/bundles', files=files).json()['exhibits'][0]['id']
        url = clerk.post(f'/api/hearings/{hid}/screens', json={'name': 'public', 'audience': 'public'}).json()['url']
    context = browser.new_context(viewport={'width': 960, 'height': 540})
    context.set_default_timeout(TIMEOUT_MS)
    try:
        screen = context.new_page()
        screen.goto(url)
        call(server, 'procurator', 'POST', f'/api/hearings/{hid}/publish', {'exhibit_id': doc, 'page': 1})
        shown = screen.get_by_test_id('shown-page')
        expect(shown).to_have_attribute('data-marks', '0')
        sign_in(page, 'procurator')
        page.goto(f'/bench/{hid}')
        expect(page.get_by_test_id('preview-page')).to_have_text('Trang 1/2')
        expect(page.get_by_test_id('preview')).to_have_attribute('data-page', '1')

        # E: an ellipse, dragged on the preview, drawn on the screen
        page.keyboard.press('e')
        expect(page.get_by_test_id('mark-tool-ellipse')).to_have_attribute('data-on', 'true')
        drag(page, (0.2, 0.2), (0.5, 0.4))
        expect(shown).to_have_attribute('data-marks', '1')
        assert relative_box(screen, '.shown-marks ellipse') == pytest.approx([0.2, 0.2, 0.5, 0.4], abs=0.02)

        # T: a callout's box, then its text typed in place; Enter places it
        page.keyboard.press('t')
        expect(page.get_by_test_id('mark-tool-text')).to_have_attribute('data-on', 'true')
        drag(page, (0.1, 0.6), (0.6, 0.7))
        field = page.get_by_test_id('callout-input')
        expect(field).to_be_focused()
        expect(field).to_have_attribute('aria-label', 'Nhập chú thích: Enter để đặt, Esc để hủy')
        field.press_sequentially('Mâu thuẫn với BL 2')
        field.press('Enter')
        expect(shown).to_have_attribute('data-marks', '2')
        expect(screen.locator('.mark-text')).to_have_text('Mâu thuẫn với BL 2')
        expect(field).to_have_count(0)

        # Esc cancels and an empty callout is refused with the domain's words: nothing stored either way
        drag(page, (0.1, 0.8), (0.5, 0.9))
        field.press_sequentially('bỏ')
        field.press('Escape')
        expect(field).to_have_count(0)
        expect(page.locator('[data-testid=preview] .draft-mark')).to_have_count(0)
        expect(page.get_by_test_id('mark-tool-text')).to_have_attribute('data-on', 'true')  # still the tool
        drag(page, (0.1, 0.8), (0.5, 0.9))
        field.press('Enter')
        expect(page.get_by_text('Chú thích cần có nội dung')).to_be_visible()
        with server.client('procurator') as c:
            assert len(c.get(f'/api/exhibits/{doc}/pages/1/marks').json()) == 2
        expect(shown).to_have_attribute('data-marks', '2')

        # L: the laser's dot follows the pointer on the screen, where it points, and fades when it stops
        page.keyboard.press('l')
        expect(page.get_by_test_id('preview')).to_have_attribute('data-laser', '')
        expect(page.get_by_test_id('mark-tool-text')).to_have_attribute('data-on', 'false')
        laser = screen.get_by_test_id('laser')
        point(page, (0.3, 0.45))
        expect(laser).to_be_visible()
        wait_until(lambda: centre(screen) == pytest.approx((0.3, 0.45), abs=0.01), 'the dot is where the pointer is')
        expect(laser).to_be_hidden()  # about a second after the last move
        with server.client('procurator') as c:
            assert len(c.get(f'/api/exhibits/{doc}/pages/1/marks').json()) == 2  # no mark

        # zoomed into the top left quarter: the same place of the page, now at the middle of the screen
        zoomed = call(server, 'procurator', 'POST', f'/api/hearings/{hid}/publish',
                      {'exhibit_id': doc, 'page': 1, 'region': [0, 0, 0.5, 0.5]})
        expect(screen.get_by_test_id('screen-content')).to_have_attribute('data-version', str(zoomed['version']))
        point(page, (0.26, 0.24))
        point(page, (0.25, 0.25))
        expect(laser).to_be_visible()
        wait_until(lambda: centre(screen) == pytest.approx((0.25, 0.25), abs=0.01), 'the dot follows the zoom')
        dot = laser.bounding_box()
        assert dot is not None
        assert (dot['x'] + dot['width'] / 2, dot['y'] + dot['height'] / 2) == pytest.approx((480, 270), abs=10)
        page.keyboard.press('l')  # off: the dot fades at once, and moves no longer reach the screen
        expect(laser).to_be_hidden()
        point(page, (0.1, 0.1))
        expect(page.get_by_test_id('preview')).not_to_have_attribute('data-laser', '')
        with server.client('procurator') as c:
            wait_until(lambda: [e['action'] for e in c.get(f'/api/hearings/{hid}/audit').json()
                                if e['action'].startswith('laser')] == ['laser_on', 'laser_off'],
                       'turning the laser on and off is audited, its moves are not')
    finally:
        context.close()


def centre(screen: Page) -> tuple[float, float]:
    x0, y0, x1, y1 = relative_box(screen, '.laser-dot')
    return ((x0 + x1) / 2, (y0 + y1) / 2)
