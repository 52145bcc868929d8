"""The presenting tools end to end, as a procurator uses them at trial and the clerk reviews them after (issue 9's
"done when"), in real Chromium: on the bench, highlight a sentence of the first statement and show it, put the
second statement beside it, point at the contradiction with the laser, then play a saved clip of the camera
recording on every screen; the review page, beside the recording, then shows each moment as the screens showed
it: the two pages side by side with the highlight, the laser on, and the clip's position."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.conftest import Server, make_webm, record_segments
from tests.waiting import wait_until

from .conftest import TIMEOUT_MS, call, drag, idle_screens, make_pdf, point, sign_in

pytestmark = pytest.mark.e2e

SEGMENT_SECONDS = 5.0
CLIP = ('Người đội mũ xám lấy xe máy', 1.0, 3.0)


def media_state(screen: Page) -> dict:
    return screen.get_by_test_id('screen-media').evaluate(
        'el => ({t: el.currentTime, paused: el.paused, told_to_play: el.dataset.playing === "true"})')


def test_a_procurator_presents_a_contradiction_and_a_clip_and_the_review_shows_it(browser: Browser, page: Page,
                                                                                  server: Server) -> None:
    started = time.time()
    with server.client('clerk') as clerk:
        hearing = {'case_number': '420/2026/HSST', 'title': 'Trộm cắp xe máy'}
        hid = clerk.post('/api/hearings', json=hearing).json()['id']
        files = [('files', ('loi-khai-lan-1.pdf', make_pdf(['Tôi không có mặt ở chợ lúc 21 giờ.', 'Trang hai']),
                            'application/pdf')),
                 ('files', ('loi-khai-lan-2.pdf', make_pdf(['Tôi ở chợ lúc 21 giờ và thấy chiếc xe.']),
                            'application/pdf')),
                 ('files', ('camera.webm', make_webm(6.0), 'video/webm'))]
        first, second, camera = (e['id'] for e in
                                 clerk.post(f'/api/hearings/{hid}/bundles', files=files).json()['exhibits'])
        urls = {a: clerk.post(f'/api/hearings/{hid}/screens', json={'name': a, 'audience': a}).json()['url']
                for a in ('public', 'panel')}
    name, in_s, out_s = CLIP
    call(server, 'procurator', 'POST', f'/api/exhibits/{camera}/clips', {'name': name, 'in_s': in_s, 'out_s': out_s})
    context = browser.new_context(viewport={'width': 960, 'height': 540})
    context.set_default_timeout(TIMEOUT_MS)
    try:
        screens = idle_screens(context, urls)
        sign_in(page, 'procurator')
        page.goto(f'/bench/{hid}')
        rows = page.get_by_test_id('exhibit-row')
        expect(rows).to_have_count(3)

        # the first statement, its sentence highlighted (H, then a drag over it), on the screens
        rows.nth(0).click()
        expect(page.get_by_test_id('preview')).to_have_attribute('data-exhibit-id', str(first))
        page.get_by_test_id('publish-button').click()
        page.keyboard.press('h')
        expect(page.get_by_test_id('mark-tool-highlight')).to_have_attribute('data-on', 'true')  # before the drag
        drag(page, (0.08, 0.06), (0.7, 0.1))
        for screen in screens.values():
            expect(screen.get_by_test_id('shown-page')).to_have_attribute('data-marks', '1')

        # the second statement beside it (S): both halves on every screen, the highlight kept on the left
        rows.nth(1).click()
        expect(page.get_by_test_id('preview')).to_have_attribute('data-exhibit-id', str(second))
        page.keyboard.press('s')
        for screen in screens.values():
            shown = screen.get_by_test_id('shown-page')
            expect(shown).to_have_count(2)
            expect(shown.nth(0)).to_have_attribute('data-exhibit-id', str(first))
            expect(shown.nth(0)).to_have_attribute('data-marks', '1')
            expect(shown.nth(1)).to_have_attribute('data-exhibit-id', str(second))

        # the laser (L) on the second statement's sentence: its dot on the screens; the clerk notes the moment
        page.keyboard.press('l')
        expect(page.get_by_test_id('preview')).to_have_attribute('data-laser', '')
        point(page, (0.3, 0.08))
        point(page, (0.35, 0.08))
        expect(screens['public'].get_by_test_id('laser')).to_be_visible()
        # (the key turns the laser on in a background task: a move can reach the screens before it is audited)
        wait_until(lambda: any(e['action'] == 'laser_on' for e in call(server, 'clerk', 'GET',
                                                                      f'/api/hearings/{hid}/audit')),
                   'the laser on the record')
        call(server, 'clerk', 'POST', f'/api/hearings/{hid}/minutes',
             {'text': 'Kiểm sát viên chỉ ra mâu thuẫn giữa hai lời khai'})
        page.keyboard.press('l')
        expect(page.get_by_test_id('preview')).not_to_have_attribute('data-laser', '')

        # the camera recording, and its saved clip chosen on the bench: every screen plays it to its out point
        # (a recording plays alone: not beside a page, and publishing it ends side by side)
        rows.nth(2).click()
        expect(page.get_by_test_id('beside-button')).to_be_disabled()
        expect(page.get_by_test_id('publish-button')).to_contain_text('Trình chiếu (Enter)')  # not "… bên phải"
        page.get_by_test_id('publish-button').click()
        expect(page.get_by_test_id('playback-controls')).to_be_visible()
        for screen in screens.values():
            expect(screen.get_by_test_id('screen-media')).to_have_attribute('data-exhibit-id', str(camera))
            expect(screen.locator('.screen-half')).to_have_count(0)  # the split is over
        page.get_by_test_id('playback-clips').click()
        page.get_by_role('option', name=name).click()
        for screen in screens.values():
            wait_until(lambda s=screen: media_state(s)['told_to_play'] and media_state(s)['paused']
                       and abs(media_state(s)['t'] - out_s) < 0.1, 'the screen played the clip to its out point')
    finally:
        context.close()

    # the courtroom's recording of all that (segments entered as the media worker enters them)
    ended = time.time()
    count = int((ended - started) // SEGMENT_SECONDS) + 2
    record_segments(server.data, hid, start=started - 1, count=count, seconds=SEGMENT_SECONDS)

    sign_in(page, 'clerk')
    page.goto(f'/hearings/{hid}/review')
    expect(page.get_by_test_id('review-verification')).to_have_attribute('data-valid', 'true')
    entries = page.get_by_test_id('timeline-entry')
    on_screen = page.get_by_test_id('on-screen-exhibit')

    # the side-by-side publish: both pages, the highlight drawn on the left one
    entries.filter(has_text='TL-002').filter(has_text='TL-001').first.click()
    expect(on_screen).to_have_attribute('data-exhibit-id', str(first))
    expect(on_screen).to_have_attribute('data-beside-exhibit-id', str(second))
    expect(page.get_by_test_id('on-screen-thumb')).to_have_attribute('data-marks', '1')
    expect(page.get_by_test_id('on-screen-beside-thumb')).to_have_attribute('data-marks', '0')
    expect(page.get_by_test_id('on-screen-beside')).to_contain_text('TL-002')
    expect(page.get_by_test_id('on-screen-laser')).to_be_hidden()

    # the clerk's note while the laser pointed
    entries.filter(has_text='mâu thuẫn').click()
    expect(page.get_by_test_id('on-screen-laser')).to_be_visible()
    expect(on_screen).to_have_attribute('data-beside-exhibit-id', str(second))

    # the clip played: the recording on the screens, at the clip's in point, playing, named
    clip_entry = page.locator('[data-testid=timeline-entry][data-kind=playback_clip]')
    expect(clip_entry).to_have_count(1)
    expect(clip_entry).to_contain_text(name)
    clip_entry.click()
    expect(on_screen).to_have_attribute('data-exhibit-id', str(camera))
    expect(on_screen).to_have_attribute('data-beside-exhibit-id', '')
    expect(page.get_by_test_id('on-screen-playback')).to_contain_text(name)
    expect(page.get_by_test_id('on-screen-playback')).to_contain_text('00:01')
    expect(page.get_by_test_id('on-screen-laser')).to_be_hidden()
