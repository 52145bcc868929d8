"""Nothing is lost on a crash (DESIGN.md §3, rule 6), in real Chromium against a server of its own: after a server
restart every screen shows the current state again by itself; the audit chain verifies with the same entries, and
a tampered entry is named. And a screen whose whole browser is killed and reopened shows the current state (blank,
zoomed); the server sees it leave and come back. How fast they recover is measured by bench/bench_restart.py."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.conftest import Server, make_server
from tests.e2e.browser import launch_chromium
from tests.waiting import wait_until

from .conftest import TIMEOUT_MS, call, make_pdf
from .test_presenting import expect_view

pytestmark = pytest.mark.e2e

AUDIENCES = ('panel', 'public', 'witness')
REGION = [0.0, 0.0, 0.5, 0.25]


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[Server]:
    """A server of this test's own, not the session's: this test stops and restarts it."""
    server = make_server(tmp_path / 'data')
    server.start()
    yield server
    server.stop()


def make_hearing(server: Server) -> dict[str, Any]:
    """A hearing with a 3-page PDF and a screen per audience."""
    with server.client('clerk') as clerk:
        hid = clerk.post('/api/hearings', json={'case_number': '501/2026/HSST', 'title': 'Vụ án khởi động lại'}) \
            .json()['id']
        files = [('files', ('loi-khai.pdf', make_pdf(['Trang một', 'Trang hai', 'Trang ba']), 'application/pdf'))]
        uploaded = clerk.post(f'/api/hearings/{hid}/bundles', files=files)
        assert uploaded.status_code == 201, uploaded.text
        doc = uploaded.json()['exhibits'][0]['id']
    urls = {a: call(server, 'clerk', 'POST', f'/api/hearings/{hid}/screens',
                    {'name': f'Màn hình {a}', 'audience': a}, status=201)['url'] for a in AUDIENCES}
    return {'id': hid, 'doc': doc, 'urls': urls}


def expect_zoomed(page: Page) -> None:
    """Half the page's width spans the whole screen."""
    width = page.get_by_test_id('screen-content').locator('img').evaluate('i => i.getBoundingClientRect().width')
    assert width > page.viewport_size['width'] * 1.5  # type: ignore[index]


def expected_acks(doc: int) -> dict[str, tuple[str, dict[str, int] | None]]:
    return {'panel': ('showing', {'exhibit_id': doc, 'page': 2}), 'public': ('blank', None),
            'witness': ('blank', None)}


def acknowledged(server: Server, hid: int, expected: dict[str, tuple[str, dict[str, int] | None]]) -> bool:
    """Every screen is connected and has acknowledged painting the expected state."""
    with server.client('clerk') as clerk:
        listed = {s['audience']: s for s in clerk.get(f'/api/hearings/{hid}/screens').json()}
    return all(listed[a]['connected'] and (listed[a]['state'], listed[a]['showing']) == want
               for a, want in expected.items())


def wait_for_acks(server: Server, hid: int, expected: dict[str, tuple[str, dict[str, int] | None]]) -> None:
    wait_until(lambda: acknowledged(server, hid, expected), f'every screen acknowledges {json.dumps(expected)}')


def test_screens_audit_and_state_survive_a_server_restart(browser: Browser, own_server: Server) -> None:
    server = own_server
    hearing = make_hearing(server)
    hid, doc = hearing['id'], hearing['doc']
    context = browser.new_context(viewport={'width': 960, 'height': 540})
    context.set_default_timeout(TIMEOUT_MS)
    try:
        screens = {a: context.new_page() for a in AUDIENCES}
        for audience, page in screens.items():
            page.goto(hearing['urls'][audience])
        for page in screens.values():
            expect_view(page, 'idle')

        call(server, 'procurator', 'POST', f'/api/hearings/{hid}/publish', {'exhibit_id': doc, 'page': 2,
                                                                             'region': REGION})
        for page in screens.values():
            expect_view(page, 'showing', doc, 2)
        call(server, 'presiding_judge', 'POST', f'/api/hearings/{hid}/blank', {'on': True})
        expect_view(screens['public'], 'blank')
        expect_view(screens['witness'], 'blank')
        expect_view(screens['panel'], 'showing', doc, 2)
        wait_for_acks(server, hid, expected_acks(doc))

        before = call(server, 'clerk', 'GET', f'/api/hearings/{hid}/audit/verify')
        assert before['valid'] is True and before['entries'] >= 6
        state_before = call(server, 'clerk', 'GET', f'/api/hearings/{hid}/presentation')

        server.stop()
        for page in screens.values():  # the screens notice the drop
            expect(page.locator('#popup')).to_have_attribute('aria-hidden', 'false')
        server.start()

        # every screen is back by itself: connected to the new server, and acknowledging the current state
        wait_for_acks(server, hid, expected_acks(doc))
        for audience in ('public', 'witness'):
            expect_view(screens[audience], 'blank')
        expect_view(screens['panel'], 'showing', doc, 2)
        expect_zoomed(screens['panel'])

        # the state is the one persisted, not a new one
        state_after = call(server, 'clerk', 'GET', f'/api/hearings/{hid}/presentation')
        for key in ('live', 'kill_switch', 'presenter_blank', 'version'):
            assert state_after[key] == state_before[key], key
        assert state_after['live']['region'] == REGION

        # the chain verifies with exactly the entries it had
        after = call(server, 'clerk', 'GET', f'/api/hearings/{hid}/audit/verify')
        assert after == before

        # the screens kept running: the kill switch lifted after the restart reaches them
        call(server, 'presiding_judge', 'POST', f'/api/hearings/{hid}/blank', {'on': False})
        for page in screens.values():
            expect_view(page, 'showing', doc, 2)
    finally:
        context.close()

    # tampering with one entry, behind the server's back, is detected and named
    entries = call(server, 'clerk', 'GET', f'/api/hearings/{hid}/audit')
    second = next(e for e in entries if e['seq'] == 2)
    forged = {**second['details'], 'forged': True}
    with sqlite3.connect(server.data / 'courtroom.sqlite3') as db:
        changed = db.execute('UPDATE audit SET details = ? WHERE hearing_id = ? AND seq = 2',
                             (json.dumps(forged, sort_keys=True, ensure_ascii=False), hid)).rowcount
    db.close()
    assert changed == 1
    broken = call(server, 'clerk', 'GET', f'/api/hearings/{hid}/audit/verify')
    assert broken['valid'] is False
    assert broken['broken_seq'] == 2
    assert broken['entries'] == before['entries'] + 1  # the kill switch lifted since


def test_a_killed_screen_browser_reopened_shows_the_current_state(browser: Browser, own_server: Server) -> None:
    """test_presenting covers a closed tab reopened on a live page; here the whole browser process dies while the
    judge's kill switch is on and the zoom is set, the state moves on meanwhile, and a new browser catches up."""
    server = own_server
    hearing = make_hearing(server)
    hid, doc = hearing['id'], hearing['doc']

    def connected() -> dict[str, bool]:
        with server.client('clerk') as clerk:
            return {s['audience']: s['connected'] for s in clerk.get(f'/api/hearings/{hid}/screens').json()}

    # one Playwright per thread: launch more browser processes through the module's
    p = SimpleNamespace(chromium=browser.browser_type)
    first = launch_chromium(p)
    try:
        pages = {}
        for audience in AUDIENCES:
            pages[audience] = first.new_page(viewport={'width': 960, 'height': 540})
            pages[audience].goto(hearing['urls'][audience])
        call(server, 'procurator', 'POST', f'/api/hearings/{hid}/publish', {'exhibit_id': doc, 'page': 1})
        for page in pages.values():
            expect_view(page, 'showing', doc, 1)
        assert all(connected().values())
    finally:
        first.close()  # the browser process ends: no goodbye from its pages beyond the socket dropping

    wait_until(lambda: not any(connected().values()), 'the server sees the killed screens leave')

    # while no screen is open: a zoomed page turn, then the judge's kill switch
    call(server, 'procurator', 'POST', f'/api/hearings/{hid}/publish', {'exhibit_id': doc, 'page': 2,
                                                                         'region': REGION})
    call(server, 'presiding_judge', 'POST', f'/api/hearings/{hid}/blank', {'on': True})

    second = launch_chromium(p)
    try:
        reopened = {a: second.new_page(viewport={'width': 960, 'height': 540}) for a in AUDIENCES}
        for audience, page in reopened.items():
            page.goto(hearing['urls'][audience], wait_until='commit')
        expect_view(reopened['panel'], 'showing', doc, 2)
        expect_view(reopened['public'], 'blank')
        expect_view(reopened['witness'], 'blank')
        expect_zoomed(reopened['panel'])
        wait_for_acks(server, hid, expected_acks(doc))
    finally:
        second.close()
