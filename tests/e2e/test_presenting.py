"""Presenting in real Chromium: three screens of different audiences follow publish, page turns, zoom, the kill switch
and restriction; the preview reaches none; a reopened screen catches up; and the bench console and the judge's panel
drive the screens by hand."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.conftest import Server
from tests.waiting import wait_until

from .conftest import TIMEOUT_MS, drag, idle_screens, make_pdf, sign_in

pytestmark = pytest.mark.e2e

AUDIENCES = ('panel', 'public', 'witness')


def make_hearing(server: Server, case_number: str) -> dict[str, Any]:
    """A hearing with a 3-page exhibit (BL 1–3), a 1-page one (BL 4) and a screen per audience."""
    with server.client('clerk') as clerk:
        hid = clerk.post('/api/hearings', json={'case_number': case_number, 'title': 'Vụ án trình chiếu'}).json()['id']
        files = [('files', ('loi-khai.pdf', make_pdf(['Lời khai trang một', 'Lời khai trang hai', 'Lời khai trang ba']),
                            'application/pdf')),
                 ('files', ('anh.pdf', make_pdf(['Ảnh hiện trường']), 'application/pdf'))]
        uploaded = clerk.post(f'/api/hearings/{hid}/bundles', files=files)
        assert uploaded.status_code == 201, uploaded.text
        doc, photo = uploaded.json()['exhibits']
        urls = {}
        for audience in AUDIENCES:
            response = clerk.post(f'/api/hearings/{hid}/screens', json={'name': f'Màn hình {audience}',
                                                                       'audience': audience})
            urls[audience] = response.json()['url']
    return {'id': hid, 'doc': doc['id'], 'photo': photo['id'], 'urls': urls}


@pytest.fixture
def screens_context(browser: Browser, server: Server) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport={'width': 960, 'height': 540})
    context.set_default_timeout(TIMEOUT_MS)
    yield context
    context.close()


def open_screens(context: BrowserContext, hearing: dict[str, Any]) -> dict[str, Page]:
    return idle_screens(context, {audience: hearing['urls'][audience] for audience in AUDIENCES})


def expect_view(page: Page, state: str, exhibit_id: int | None = None, number: int | None = None) -> None:
    """The screen shows ``state`` (of that exhibit's page), its image loaded."""
    content = page.get_by_test_id('screen-content')
    expect(content).to_have_attribute('data-state', state)
    expect(content).to_have_attribute('data-exhibit-id', '' if exhibit_id is None else str(exhibit_id))
    expect(content).to_have_attribute('data-page', '' if number is None else str(number))
    if state == 'showing':
        assert content.locator('img').evaluate('i => i.complete && i.naturalWidth > 0')


def post(server: Server, role: str, path: str, body: dict[str, Any], method: str = 'post') -> dict[str, Any]:
    with server.client(role) as c:
        response = c.request(method.upper(), path, json=body)
    assert response.status_code == 200, response.text
    return response.json()


def test_three_screens_follow_the_presentation(screens_context: BrowserContext, server: Server) -> None:
    hearing = make_hearing(server, '401/2026/HSST')
    hid, doc, photo = hearing['id'], hearing['doc'], hearing['photo']
    screens = open_screens(screens_context, hearing)
    fetched: dict[str, list[str]] = {a: [] for a in AUDIENCES}
    for audience, page in screens.items():
        page.on('request', lambda r, a=audience: fetched[a].append(r.url) if '/pages/' in r.url else None)

    post(server, 'procurator', f'/api/hearings/{hid}/publish', {'exhibit_id': doc, 'page': 1})
    for page in screens.values():
        expect_view(page, 'showing', doc, 1)

    post(server, 'procurator', f'/api/hearings/{hid}/publish', {'exhibit_id': doc, 'page': 2})  # page turn
    for page in screens.values():
        expect_view(page, 'showing', doc, 2)

    # zoom: still the same page, now scaled so the region fills the screen
    live = post(server, 'procurator', f'/api/hearings/{hid}/publish',
                {'exhibit_id': doc, 'page': 2, 'region': [0.0, 0.0, 0.5, 0.25]})
    version = str(live['version'])
    for page in screens.values():
        content = page.get_by_test_id('screen-content')
        expect(content).to_have_attribute('data-version', version)
        expect_view(page, 'showing', doc, 2)
        width = content.locator('img').evaluate('i => i.getBoundingClientRect().width')
        assert width > 960 * 1.5  # half the page's width spans the whole screen

    # the judge's kill switch: every screen but the panel's goes blank, until lifted
    post(server, 'presiding_judge', f'/api/hearings/{hid}/blank', {'on': True})
    expect_view(screens['public'], 'blank')
    expect_view(screens['witness'], 'blank')
    expect_view(screens['panel'], 'showing', doc, 2)
    post(server, 'presiding_judge', f'/api/hearings/{hid}/blank', {'on': False})
    for page in screens.values():
        expect_view(page, 'showing', doc, 2)

    # a restricted exhibit reaches the panel only
    post(server, 'clerk', f'/api/exhibits/{photo}', {'restricted': True}, method='patch')
    post(server, 'procurator', f'/api/hearings/{hid}/publish', {'exhibit_id': photo, 'page': 1})
    expect_view(screens['panel'], 'showing', photo, 1)
    expect_view(screens['public'], 'restricted')
    expect_view(screens['witness'], 'restricted')

    # the preview reaches no screen: nothing changes and nobody asks for the previewed page
    before = {a: p.get_by_test_id('screen-content').get_attribute('data-version') for a, p in screens.items()}
    post(server, 'procurator', f'/api/hearings/{hid}/preview', {'exhibit_id': doc, 'page': 3})
    time.sleep(1.0)  # that nothing happens shows only over time
    for audience, page in screens.items():
        assert page.get_by_test_id('screen-content').get_attribute('data-version') == before[audience]
    expect_view(screens['public'], 'restricted')
    assert not [u for urls in fetched.values() for u in urls if f'/pages/{doc}/3' in u]
    assert [u for u in fetched['panel'] if f'/pages/{photo}/1' in u]
    assert not [u for a in ('public', 'witness') for u in fetched[a] if f'/pages/{photo}/' in u]

    # the screens' acknowledgements reach the API
    with server.client('clerk') as clerk:
        listed = {s['audience']: s for s in clerk.get(f'/api/hearings/{hid}/screens').json()}
    assert all(s['connected'] for s in listed.values())
    assert listed['panel']['showing'] == {'exhibit_id': photo, 'page': 1}
    assert listed['public']['state'] == 'restricted' and listed['public']['showing'] is None

    # a screen whose page is closed and reopened shows the current state (how fast: bench/bench_restart.py)
    post(server, 'clerk', f'/api/exhibits/{photo}', {'restricted': False}, method='patch')
    screens['witness'].close()
    post(server, 'procurator', f'/api/hearings/{hid}/publish', {'exhibit_id': doc, 'page': 3})
    reopened = screens_context.new_page()
    reopened.goto(hearing['urls']['witness'])
    expect_view(reopened, 'showing', doc, 3)
    expect_view(screens['public'], 'showing', doc, 3)


def test_bench_console_goes_to_a_bl_and_publishes_by_keyboard(page: Page, screens_context: BrowserContext,
                                                              server: Server) -> None:
    hearing = make_hearing(server, '402/2026/HSST')
    hid, doc = hearing['id'], hearing['doc']
    public = screens_context.new_page()
    public.goto(hearing['urls']['public'])
    expect_view(public, 'idle')

    sign_in(page, 'procurator')
    page.goto(f'/bench/{hid}')
    expect(page.get_by_test_id('exhibit-row')).to_have_count(2)
    expect(page.get_by_test_id('screen-chip')).to_have_count(3)
    chip = page.locator('[data-testid=screen-chip][data-state=idle]')
    expect(chip).to_have_count(1)  # the public screen, connected and acknowledged

    page.get_by_test_id('bl-input').fill('BL 2')
    page.get_by_test_id('bl-input').press('Enter')
    expect(page.get_by_test_id('preview-page')).to_have_text('Trang 2/3')
    expect(page.get_by_test_id('preview-bl')).to_have_text('BL 2')
    expect(page.get_by_test_id('preview')).to_have_attribute('data-page', '2')
    time.sleep(0.3)  # that nothing happens shows only over time
    expect_view(public, 'idle')  # previewing shows nothing

    page.keyboard.press('Enter')
    expect_view(public, 'showing', doc, 2)
    expect(page.get_by_test_id('live-info')).to_have_attribute('data-page', '2')
    expect(page.locator('[data-testid=screen-chip][data-health=ok]')).to_have_count(1)
    expect(page.locator('[data-testid=disclosure-badge][data-disclosure=on_display]')).to_have_count(1)

    page.keyboard.press('ArrowRight')  # turns the preview only
    expect(page.get_by_test_id('preview-page')).to_have_text('Trang 3/3')
    time.sleep(0.3)  # that nothing happens shows only over time
    expect_view(public, 'showing', doc, 2)
    page.keyboard.press('p')
    expect_view(public, 'showing', doc, 3)
    page.keyboard.press('Shift+ArrowLeft')  # the live page, straight onto the screens
    expect_view(public, 'showing', doc, 2)

    # drag a region on the preview and zoom the screens into it
    drag(page, (0.1, 0.1), (0.6, 0.4))
    expect(page.get_by_test_id('preview-region')).to_be_visible()
    page.get_by_test_id('zoom-button').click()
    with server.client('procurator') as c:
        live = wait_until(lambda: (live := c.get(f'/api/hearings/{hid}/presentation').json()['live'])['region']
                          and live, 'the zoom reaches the presentation')
    assert live['region'] == pytest.approx([0.1, 0.1, 0.6, 0.4], abs=0.02)
    expect_view(public, 'showing', doc, 2)

    page.get_by_test_id('pause-button').click()
    expect_view(public, 'blank')
    page.get_by_test_id('pause-button').click()
    expect_view(public, 'showing', doc, 2)
    page.get_by_test_id('clear-button').click()
    expect_view(public, 'idle')

    # the confidence strip turns red for a screen that drops (the other two were never opened)
    expect(page.locator('[data-testid=screen-chip][data-health=off]')).to_have_count(2)
    public.close()
    expect(page.locator('[data-testid=screen-chip][data-health=off]')).to_have_count(3)


def test_judge_panel_kill_switch_approval_and_audit(page: Page, screens_context: BrowserContext,
                                                    server: Server) -> None:
    hearing = make_hearing(server, '403/2026/HSST')
    hid, doc = hearing['id'], hearing['doc']
    public = screens_context.new_page()
    public.goto(hearing['urls']['public'])
    post(server, 'procurator', f'/api/hearings/{hid}/publish', {'exhibit_id': doc, 'page': 1})
    expect_view(public, 'showing', doc, 1)
    post(server, 'procurator', f'/api/hearings/{hid}/preview', {'exhibit_id': doc, 'page': 3})

    sign_in(page, 'presiding_judge')
    page.goto(f'/judge/{hid}')
    expect(page.get_by_test_id('judge-preview-text')).to_have_attribute('data-page', '3')
    expect(page.get_by_test_id('judge-live-text')).to_have_attribute('data-page', '1')
    post(server, 'procurator', f'/api/hearings/{hid}/preview', {'exhibit_id': doc, 'page': 2})
    expect(page.get_by_test_id('judge-preview-text')).to_have_attribute('data-page', '2')

    page.get_by_test_id('kill-switch').click()
    expect_view(public, 'blank')
    expect(page.get_by_test_id('kill-switch')).to_have_attribute('data-on', 'true')
    expect(page.get_by_test_id('audience-panel')).to_have_attribute('data-state', 'showing')
    expect(page.get_by_test_id('audience-public')).to_have_attribute('data-state', 'blank')
    page.get_by_test_id('kill-switch').click()
    expect_view(public, 'showing', doc, 1)

    page.get_by_test_id('approval-toggle').click()
    post(server, 'procurator', f'/api/hearings/{hid}/publish', {'exhibit_id': doc, 'page': 2})
    expect(page.get_by_test_id('approve-button')).to_be_visible()
    time.sleep(0.3)  # that nothing happens shows only over time
    expect_view(public, 'showing', doc, 1)
    page.get_by_test_id('approve-button').click()
    expect_view(public, 'showing', doc, 2)

    page.locator(f'[data-testid=restrict-switch][data-exhibit-id="{doc}"]').click()
    expect_view(public, 'restricted')

    page.get_by_test_id('verify-button').click()
    expect(page.get_by_test_id('verify-result')).to_have_attribute('data-valid', 'true')
    expect(page.get_by_test_id('audit-table')).to_contain_text('Phê duyệt trình chiếu')


def test_others_are_refused_the_bench_and_the_judges_panel(page: Page, server: Server) -> None:
    sign_in(page, 'defence_counsel')
    page.goto('/bench/1')
    expect(page.get_by_test_id('refused')).to_be_visible()
    page.goto('/judge/1')
    expect(page.get_by_test_id('refused')).to_be_visible()
