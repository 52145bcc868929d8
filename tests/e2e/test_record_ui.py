"""The review page in real Chromium: a series of three small WebM segments, verified, plays one after another in the
page's <video>; clicking a minutes entry on the timeline seeks to that moment (in another segment); the panel beside
it shows the exhibit page that was on the screens then. And the stage label on a courtroom screen follows the
presiding judge."""

from __future__ import annotations

import time
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import Server, audit_time, record_segments

from .conftest import make_pdf, sign_in

pytestmark = pytest.mark.e2e

SEGMENT_SECONDS = 2.0


def recorded_hearing(server: Server) -> dict[str, Any]:
    """A hearing where page 1 of a 2-page exhibit is shown, then page 2 (highlighted meanwhile) about 2.5 s later,
    recorded around both."""
    with server.client('clerk') as clerk:
        hid = clerk.post('/api/hearings', json={'case_number': f'{time.time_ns()}/2026/HSST',
                                                'title': 'Vụ án xem lại bản ghi'}).json()['id']
        files = [('files', ('loi-khai.pdf', make_pdf(['Lời khai trang một', 'Lời khai trang hai']),
                            'application/pdf'))]
        uploaded = clerk.post(f'/api/hearings/{hid}/bundles', files=files)
        assert uploaded.status_code == 201, uploaded.text
        exhibit = uploaded.json()['exhibits'][0]['id']
    with server.client('presiding_judge') as judge:
        assert judge.post(f'/api/hearings/{hid}/publish', json={'exhibit_id': exhibit, 'page': 1}).status_code == 200
        marked = judge.post(f'/api/hearings/{hid}/marks', json={'exhibit_id': exhibit, 'page': 2, 'kind': 'highlight',
                                                                'points': [[0.1, 0.2], [0.6, 0.3]]})
        assert marked.status_code == 201, marked.text
        time.sleep(2.5)  # the two pages must be seconds apart on the recording's timeline
        assert judge.post(f'/api/hearings/{hid}/publish', json={'exhibit_id': exhibit, 'page': 2}).status_code == 200
    first, second = audit_time(server.data, hid, 'published', 0), audit_time(server.data, hid, 'published', 1)
    segments = record_segments(server.data, hid, start=first - 0.5, count=3, seconds=SEGMENT_SECONDS)
    return {'id': hid, 'exhibit': exhibit, 'first': first, 'second': second, 'segments': segments}


def video_state(page: Page) -> dict[str, Any]:
    return page.get_by_test_id('review-video').evaluate(
        'v => ({ready: v.readyState, time: v.currentTime, segment: v.dataset.segment, wall: v.dataset.wallTime,'
        ' paused: v.paused, src: v.currentSrc})')


def test_review_plays_seeks_and_shows_what_was_on_screen(page: Page, server: Server) -> None:
    hearing = recorded_hearing(server)
    sign_in(page, 'clerk')
    page.goto(f'/hearings/{hearing["id"]}/review')
    expect(page.get_by_test_id('review-verification')).to_have_attribute('data-valid', 'true')
    video = page.get_by_test_id('review-video')
    page.wait_for_function('() => document.querySelector("[data-testid=review-video]").readyState >= 2')

    # plays, and goes on to the next segment by itself
    video.evaluate('v => { v.muted = true; return v.play(); }')
    page.wait_for_function('() => document.querySelector("[data-testid=review-video]").currentTime > 0.3')
    page.wait_for_function('() => document.querySelector("[data-testid=review-video]").dataset.segment === "1"')
    state = video_state(page)
    assert state['src'].endswith('/00001.webm'), state

    # click the minutes entry for page 2 being shown: the player goes there; the panel shows page 2
    entries = page.locator('[data-testid=timeline-entry][data-kind=published]')
    expect(entries).to_have_count(2)
    expect(entries.first).to_have_attribute('data-in-recording', 'true')
    video.evaluate('v => v.pause()')
    entries.nth(1).click()
    on_screen = page.get_by_test_id('on-screen-exhibit')
    expect(on_screen).to_have_attribute('data-exhibit-id', str(hearing['exhibit']))
    expect(on_screen).to_have_attribute('data-page', '2')
    expected_segment = int((hearing['second'] - hearing['segments'][0].started_at) // SEGMENT_SECONDS)
    page.wait_for_function(
        f'() => {{ const v = document.querySelector("[data-testid=review-video]");'
        f' return v.dataset.segment === "{expected_segment}" && v.readyState >= 1'
        f' && Math.abs(parseFloat(v.dataset.wallTime) - {hearing["second"]}) < 0.6; }}')
    thumb = page.get_by_test_id('on-screen-thumb')
    expect(thumb).to_be_visible()
    page.wait_for_function('() => document.querySelector("[data-testid=on-screen-thumb] img").naturalWidth > 0')
    # with the highlight it had then, drawn over the thumbnail where its points say
    expect(thumb).to_have_attribute('data-marks', '1')
    expect(page.get_by_test_id('on-screen-marks')).to_have_text('Có 1 nét đánh dấu trên trang')
    box = thumb.evaluate('''box => {
        const img = box.querySelector("img").getBoundingClientRect();
        const r = box.querySelector(".review-marks rect").getBoundingClientRect();
        return [(r.left - img.left) / img.width, (r.top - img.top) / img.height,
                (r.right - img.left) / img.width, (r.bottom - img.top) / img.height];
    }''')
    assert box == pytest.approx([0.1, 0.2, 0.6, 0.3], abs=0.02)

    # and the first entry: page 1, in the first segment, without marks
    entries.nth(0).click()
    expect(on_screen).to_have_attribute('data-page', '1')
    expect(thumb).to_have_attribute('data-marks', '0')
    expect(page.get_by_test_id('on-screen-marks')).to_be_hidden()
    page.wait_for_function('() => document.querySelector("[data-testid=review-video]").dataset.segment === "0"')

    # the segments are served to a signed-in browser only
    response = page.request.get(f'/api/hearings/{hearing["id"]}/recordings/{hearing["segments"][0].path}')
    assert response.status == 200 and response.headers['content-type'] == 'video/webm'
    assert page.request.get(f'/api/hearings/{hearing["id"]}/recordings/..%2F..%2Fsecret.key').status == 404
    with server.client() as anonymous:
        segment = hearing['segments'][0].path
        assert anonymous.get(f'/api/hearings/{hearing["id"]}/recordings/{segment}').status_code == 401


def test_screen_shows_the_stage(page: Page, server: Server) -> None:
    with server.client('clerk') as clerk:
        hid = clerk.post('/api/hearings', json={'case_number': f'{time.time_ns()}/2026/HSST',
                                                'title': 'Vụ án giai đoạn'}).json()['id']
        url = clerk.post(f'/api/hearings/{hid}/screens', json={'name': 'Màn hình công chúng',
                                                               'audience': 'public'}).json()['url']
    page.goto(url)
    label = page.get_by_test_id('stage-label')
    expect(label).to_have_attribute('data-stage', 'preparing')
    expect(label).to_have_text('Chuẩn bị')
    with server.client('presiding_judge') as judge:
        for stage in ('opening', 'examination'):
            assert judge.post(f'/api/hearings/{hid}/stage', json={'stage': stage}).status_code == 200
        expect(label).to_have_text('Xét hỏi')
        response = judge.post(f'/api/hearings/{hid}/stage', json={'stage': 'suspended', 'reason': 'Mất kết nối'})
        assert response.status_code == 200, response.text
    expect(label).to_have_attribute('data-stage', 'suspended')
    expect(label).to_have_text('Tạm ngừng — Mất kết nối')
    notice = page.get_by_test_id('stage-notice')
    expect(notice).to_be_visible()
    expect(notice).to_contain_text('Phiên tòa tạm ngừng')
