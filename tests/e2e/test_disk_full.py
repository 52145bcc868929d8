"""Crash drill: the disk fills while a hybrid hearing records. The data folder is a small disk of its own (a tmpfs),
filled up to the last few megabytes while the courtroom's PC sends picture and sound from Chromium's fake devices.
Recording stops by itself, entered in the audit chain and the minutes; the clerk's page says so at once; nothing
half-written is left; when space returns, recording goes on and the exported record verifies."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.conftest import TEST_SEGMENT_SECONDS, make_server, record_verifies
from tests.e2e.conftest import TIMEOUT_MS, sign_in
from tests.e2e.test_hybrid import open_link
from tests.waiting import wait_until

pytestmark = [pytest.mark.e2e, pytest.mark.realtime]

LEFT = 2**19  # what the filler leaves free: some seconds of the fake camera (about 60 KB a second)


def test_the_disk_fills_while_recording(media_browser: Browser, small_disk: Callable[[str], Path],
                                        tmp_path: Path) -> None:
    server = make_server(small_disk('96m'))
    server.start()
    context = media_browser.new_context(base_url=server.url, locale='vi-VN')
    context.set_default_timeout(TIMEOUT_MS)
    try:
        clerk = server.client('clerk')
        h = clerk.post('/api/hearings', json={'case_number': '40/2026/HSST', 'title': 'Ổ đĩa đầy'}).json()['id']
        central = clerk.get(f'/api/hearings/{h}/points').json()[0]
        pc = clerk.post(f'/api/hearings/{h}/participants',
                        json={'name': 'Phòng xử án', 'role': 'courtroom', 'point_id': central['id']}).json()
        open_link(media_browser, pc['join_url'])
        staff = context.new_page()
        sign_in(staff, 'clerk')
        staff.goto(f'/hearings/{h}/participants')
        expect(staff.get_by_test_id('outage-banners')).to_be_attached()

        free = os.statvfs(server.data)
        filler = server.data / 'filler'
        with filler.open('wb') as f:  # the disk all but full, as after a long day of recordings
            os.posix_fallocate(f.fileno(), 0, free.f_bavail * free.f_frsize - LEFT)
        assert clerk.post(f'/api/hearings/{h}/recording', json={'on': True}).json()['on'] is True
        wait_until(lambda: clerk.get(f'/api/hearings/{h}/recording').json()['on'] is False,
                   'recording halted by the full disk', timeout=90)

        banner = staff.get_by_test_id('recording-halt-banner')
        expect(banner).to_contain_text('ổ đĩa của máy chủ đã đầy')
        expect(banner).to_have_attribute('role', 'alert')
        expect(staff.get_by_test_id('outage-dialog-text')).to_contain_text('Ghi âm, ghi hình dừng lại lúc')
        staff.get_by_test_id('outage-ack').click()
        actions = [e['action'] for e in clerk.get(f'/api/hearings/{h}/audit').json()]
        assert actions.count('recording_halted') == 1 and 'recording_stopped' not in actions
        minutes = [m['text'] for m in clerk.get(f'/api/hearings/{h}/minutes').json()['entries']]
        assert 'Ghi âm, ghi hình dừng lại vì ổ đĩa của máy chủ đã đầy' in minutes
        recorded = server.data / 'recordings' / str(h)
        assert not list(recorded.rglob('*.partial'))  # nothing half-written is left

        filler.unlink()  # space returns
        assert clerk.post(f'/api/hearings/{h}/recording', json={'on': True}).json()['on'] is True
        expect(banner).to_have_count(0)
        time.sleep(1.5 * TEST_SEGMENT_SECONDS)  # one segment whole, the next closed by the stop
        assert clerk.post(f'/api/hearings/{h}/recording', json={'on': False}).json()['on'] is False
        segments = clerk.get(f'/api/hearings/{h}/recording').json()['segments']
        assert len([s for s in segments if s['series'] == segments[-1]['series']]) >= 2  # after space returned
        assert record_verifies(clerk, h, tmp_path, server.data)
    finally:
        context.close()
        server.stop()
