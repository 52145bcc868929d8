"""Side by side in real Chromium: from the bench console, a statement published and a second one put beside it (S)
split the screens in two, each half with its own page and marks; turning one side (Shift+→ on the chosen side, keys
1 and 2 choose) leaves the other; a restricted side stays empty on the public screen; one page again (Shift+S)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.conftest import Server

from .conftest import TIMEOUT_MS, call, idle_screens, make_pdf, sign_in
from .test_accessibility import expect_accessible, report

pytestmark = pytest.mark.e2e


def expect_sides(screen: Page, *sides: tuple[int, int, int] | None) -> None:
    """The screen shows these pages left to right, (exhibit, page, marks) each, None for an empty half."""
    content = screen.get_by_test_id('screen-content')
    expect(content).to_have_attribute('data-state', 'showing')
    halves = screen.locator('.screen-half')
    expect(halves).to_have_count(len(sides) if len(sides) > 1 else 0)
    expect(screen.get_by_test_id('shown-page')).to_have_count(sum(1 for s in sides if s))
    for index, side in enumerate(sides):
        within = halves.nth(index) if len(sides) > 1 else screen.locator('#screen-stage')
        shown = within.get_by_test_id('shown-page')
        if side is None:
            expect(shown).to_have_count(0)
            continue
        exhibit_id, page, marks = side
        expect(shown).to_have_attribute('data-exhibit-id', str(exhibit_id))
        expect(shown).to_have_attribute('data-page', str(page))
        expect(shown).to_have_attribute('data-marks', str(marks))
        assert shown.locator('img').evaluate('i => i.complete && i.naturalWidth > 0')


def test_two_statements_side_by_side_from_the_bench(browser: Browser, page: Page, server: Server) -> None:
    with server.client('clerk') as clerk:
        hid = clerk.post('/api/hearings', json={'case_number': '411/2026/HSST', 'title': 'Song song'}).json()['id']
        files = [('files', ('loi-khai-lan-1.pdf', make_pdf(['Lời khai lần một, trang một', 'Lần một, trang hai',
                                                            'Lần một, trang ba']), 'application/pdf')),
                 ('files', ('loi-khai-lan-2.pdf', make_pdf(['Lời khai lần hai, trang một', 'Lần hai, trang hai']),
                            'application/pdf'))]
        first, second = (e['id'] for e in clerk.post(f'/api/hearings/{hid}/bundles', files=files).json()['exhibits'])
        urls = {a: clerk.post(f'/api/hearings/{hid}/screens', json={'name': a, 'audience': a}).json()['url']
                for a in ('public', 'panel')}
    context = browser.new_context(viewport={'width': 960, 'height': 540})
    context.set_default_timeout(TIMEOUT_MS)
    try:
        screens = idle_screens(context, urls)

        sign_in(page, 'procurator')
        page.goto(f'/bench/{hid}')
        rows = page.get_by_test_id('exhibit-row')
        expect(rows).to_have_count(2)
        expect(page.get_by_test_id('beside-button')).to_be_disabled()  # nothing live to put a page beside
        rows.nth(0).click()
        page.get_by_test_id('publish-button').click()
        for screen in screens.values():
            expect_sides(screen, (first, 1, 0))  # one page: as it has always been, no halves
        expect(page.get_by_test_id('live-sides')).to_be_hidden()

        # the second statement beside the first, by its key
        rows.nth(1).click()
        expect(page.get_by_test_id('preview')).to_have_attribute('data-exhibit-id', str(second))
        page.keyboard.press('s')
        for screen in screens.values():
            expect_sides(screen, (first, 1, 0), (second, 1, 0))
        left, right = (screens['public'].locator('.screen-half').nth(i).get_by_test_id('shown-page').bounding_box()
                       for i in (0, 1))
        assert left is not None and right is not None and left['x'] + left['width'] <= right['x'] + 1
        sides = page.get_by_test_id('live-side')
        expect(page.get_by_test_id('live-sides')).to_be_visible()
        for chip in page.get_by_test_id('screen-chip-text').all():  # each screen reports painting both
            expect(chip).to_have_text('TL-001 · BL 1 | TL-002 · BL 4')
        expect(sides.nth(1)).to_have_attribute('aria-pressed', 'true')  # the side just put there acts next
        expect(sides.nth(0)).to_have_attribute('aria-pressed', 'false')
        found = expect_accessible(page, 'vi', 'bench side by side')
        page.get_by_test_id('language').get_by_text('EN').click()
        expect(page.locator('html')).to_have_attribute('lang', 'en-US')
        expect(page.get_by_test_id('beside-button')).to_contain_text('Show side by side')
        expect(sides.nth(0)).to_have_attribute('aria-pressed', 'true')  # a page opened afresh starts on the left
        found += expect_accessible(page, 'en', 'bench side by side')
        assert not found, report(found)
        page.keyboard.press('2')
        expect(sides.nth(1)).to_have_attribute('aria-pressed', 'true')
        expect(page.get_by_test_id('publish-button')).to_contain_text('Publish on the right side')

        # each side's marks on its own page, live
        call(server, 'procurator', 'POST', f'/api/hearings/{hid}/marks',
             {'exhibit_id': first, 'page': 1, 'kind': 'highlight', 'points': [[0.1, 0.1], [0.6, 0.2]]})
        expect_sides(screens['public'], (first, 1, 1), (second, 1, 0))
        call(server, 'procurator', 'POST', f'/api/hearings/{hid}/marks',
             {'exhibit_id': second, 'page': 2, 'kind': 'rect', 'points': [[0.2, 0.2], [0.5, 0.4]]})

        # turning the right side leaves the left as it is, marks and all
        page.keyboard.press('Shift+ArrowRight')
        for screen in screens.values():
            expect_sides(screen, (first, 1, 1), (second, 2, 1))
        expect(sides.nth(1)).to_have_attribute('data-page', '2')

        # key 1 chooses the left side: the next turn acts there
        page.keyboard.press('1')
        expect(sides.nth(0)).to_have_attribute('aria-pressed', 'true')
        page.keyboard.press('Shift+ArrowRight')
        for screen in screens.values():
            expect_sides(screen, (first, 2, 0), (second, 2, 1))

        # a restricted side stays empty on the public screen, the panel's shows both
        call(server, 'clerk', 'PATCH', f'/api/exhibits/{second}', {'restricted': True})
        expect_sides(screens['public'], (first, 2, 0), None)
        expect_sides(screens['panel'], (first, 2, 0), (second, 2, 1))
        call(server, 'clerk', 'PATCH', f'/api/exhibits/{second}', {'restricted': False})
        expect_sides(screens['public'], (first, 2, 0), (second, 2, 1))

        # one page again: the chosen side's
        page.keyboard.press('Shift+S')
        for screen in screens.values():
            expect_sides(screen, (first, 2, 0))
        expect(page.get_by_test_id('live-sides')).to_be_hidden()
        expect(page.get_by_test_id('single-button')).to_be_hidden()
    finally:
        context.close()
