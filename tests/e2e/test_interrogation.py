"""An online interrogation (hỏi cung trực tuyến) in real Chromium with fake devices: the investigator's PC at the
central point and the accused at a detention facility. It cannot begin without recording, recording cannot be
stopped while it sits, closing stops it; the exported record verifies with `courtroom verify` and imports into a
hearing's bundle as one exhibit whose signature was verified, its provenance shown. Every view shows the clock."""

from __future__ import annotations

import re
import time
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.conftest import Server, cli
from tests.e2e.conftest import TIMEOUT_MS, sign_in
from tests.e2e.test_hybrid import flowing, open_link
from tests.waiting import wait_until

pytestmark = [pytest.mark.e2e, pytest.mark.realtime]

CLOCK = re.compile(r'^\d{2}:\d{2}:\d{2}$')


def test_online_interrogation(server: Server, media_browser: Browser, tmp_path: Path) -> None:
    clerk, judge = server.client('clerk'), server.client('presiding_judge')
    created = clerk.post('/api/hearings', json={'case_number': '15/2026/HC', 'title': 'Hỏi cung bị can Lê Văn Cường',
                                                'kind': 'interrogation'})
    assert created.status_code == 201, created.text
    hearing = created.json()
    h = hearing['id']
    assert hearing['kind'] == 'interrogation' and hearing['record_from_opening'] is True
    assert clerk.post('/api/hearings', json={'case_number': '1', 'title': 't', 'kind': 'party'}).status_code == 400
    central = clerk.get(f'/api/hearings/{h}/points').json()[0]
    detention = clerk.post(f'/api/hearings/{h}/points', json={'name': 'Trại tạm giam Công an TP',
                                                              'kind': 'detention_facility'}).json()
    clerk.post(f'/api/hearings/{h}/points', json={'name': 'Văn phòng luật sư', 'kind': 'other'}).raise_for_status()
    third = clerk.post(f'/api/hearings/{h}/points', json={'name': 'Điểm thứ ba', 'kind': 'other'})
    assert third.status_code == 409 and third.json()['error']['code'] == 'too_many_points'
    people = [clerk.post(f'/api/hearings/{h}/participants', json={'name': name, 'role': role,
                                                                  'point_id': point['id']}).json()
              for name, role, point in (('Điều tra viên', 'courtroom', central),
                                        ('Bị can Lê Văn Cường', 'defendant', detention))]
    pages = [open_link(media_browser, p['join_url']) for p in people]
    expect(pages[1].get_by_test_id('lobby')).to_be_visible()
    clerk.post(f'/api/participants/{people[1]["id"]}/admit').raise_for_status()
    ids = [p['id'] for p in people]
    for me, page in zip(ids, pages, strict=True):
        wait_until(lambda page=page, me=me: flowing(page, [i for i in ids if i != me]), f'{me} connected')

    # the clock on the join page: Vietnam time, ticking in the browser
    clock = pages[1].get_by_test_id('clock')
    expect(clock).to_be_visible()
    first = clock.inner_text()
    assert CLOCK.match(first), first
    expect(clock).not_to_have_text(first)
    # Vietnam's time: a wrong zone is hours off, so a minute's slack for a busy browser's tick costs nothing
    before = _seconds(time.strftime('%H:%M:%S', time.gmtime(time.time() + 7 * 3600)))
    shown = _seconds(clock.inner_text())
    after = _seconds(time.strftime('%H:%M:%S', time.gmtime(time.time() + 7 * 3600)))
    assert before - 60 <= shown <= after + 1 or after < before, (before, shown, after)

    # it may not begin without recording
    refused = judge.post(f'/api/hearings/{h}/stage', json={'stage': 'opening'})
    assert refused.status_code == 409 and refused.json()['error']['code'] == 'needs_recording'
    assert clerk.post(f'/api/hearings/{h}/recording', json={'on': True}).json()['on'] is True
    moved = judge.post(f'/api/hearings/{h}/stage', json={'stage': 'opening'})
    assert moved.status_code == 200 and moved.json()['stage'] == 'opening', moved.text
    folder = server.data / 'recordings' / str(h)
    # a segment written (the muxer holds a segment's first 256 KB in memory: a short one may show 0 bytes until
    # it is closed, so a closed segment counts too)
    wait_until(lambda: all(written(folder / str(i)) for i in ids), 'every source is being written into segments')
    kept = clerk.post(f'/api/hearings/{h}/recording', json={'on': False})
    assert kept.status_code == 409 and kept.json()['error']['code'] == 'recording_whole'
    assert clerk.get(f'/api/hearings/{h}/recording').json()['on'] is True

    # closing ends it, and the recording with it
    closed = judge.post(f'/api/hearings/{h}/stage', json={'stage': 'closed'})
    assert closed.status_code == 200 and closed.json()['stage'] == 'closed', closed.text
    wait_until(lambda: clerk.get(f'/api/hearings/{h}/recording').json()['on'] is False, 'recording stopped')
    segments = clerk.get(f'/api/hearings/{h}/recording').json()['segments']
    assert {s['source'] for s in segments} == {str(i) for i in ids}
    audit = [e['action'] for e in clerk.get(f'/api/hearings/{h}/audit').json()]
    assert audit.index('recording_started') < audit.index('stage_changed') and 'recording_stopped' in audit

    record = tmp_path / 'ho-so-hoi-cung.zip'
    response = clerk.get(f'/api/hearings/{h}/record')
    assert response.status_code == 200
    record.write_bytes(response.content)
    verified = cli('verify', str(record), data=server.data, check=False)
    assert verified.returncode == 0, verified.stdout + verified.stderr

    # into a hearing's bundle: one exhibit, its signature verified, its provenance kept
    trial = clerk.post('/api/hearings', json={'case_number': '88/2026/HSST', 'title': 'Vụ án Lê Văn Cường'}).json()
    imported = clerk.post(f'/api/hearings/{trial["id"]}/bundles',
                          files=[('files', (record.name, record.read_bytes(), 'application/zip'))])
    assert imported.status_code == 201, imported.text
    [exhibit] = imported.json()['exhibits']
    assert exhibit['title'] == 'Biên bản và ghi hình: Hỏi cung bị can Lê Văn Cường'
    provenance = exhibit['media']['provenance']
    assert provenance['type'] == 'record' and provenance['kind'] == 'interrogation'
    assert provenance['case_number'] == '15/2026/HC' and provenance['segments'] == len(segments)
    span = max(s['ended_at'] for s in segments) - min(s['started_at'] for s in segments)
    assert 0 < provenance['duration_s'] <= span + 0.1, (provenance, span)
    assert exhibit['bl_first'] == 1 and exhibit['page_count'] >= 1
    page = clerk.get(f'/api/exhibits/{exhibit["id"]}/pages/1', params={'width': 240})
    assert page.status_code == 200 and page.headers['content-type'] == 'image/jpeg'

    # a tampered copy is refused, naming the check, and nothing is added
    tampered = tmp_path / 'tampered.zip'
    with zipfile.ZipFile(record) as old, zipfile.ZipFile(tampered, 'w') as new:
        victim = sorted(n for n in old.namelist() if n.endswith('.webm'))[0]
        for name in old.namelist():
            data = old.read(name)
            if name == victim:
                data = data[:-1] + bytes([data[-1] ^ 1])
            new.writestr(name, data)
    refused = clerk.post(f'/api/hearings/{trial["id"]}/bundles',
                         files=[('files', ('tampered.zip', tampered.read_bytes(), 'application/zip'))])
    assert refused.status_code == 422 and refused.json()['error']['code'] == 'record_invalid'
    assert f'{victim} hash' in refused.json()['error']['message']
    assert len(clerk.get(f'/api/hearings/{trial["id"]}/exhibits').json()) == 1

    # the clerk's hearing page: the badge on the card, the provenance in the viewer, the clock in the header
    context = media_browser.new_context(base_url=server.url, viewport={'width': 1366, 'height': 768},
                                        locale='vi-VN')
    staff = context.new_page()
    staff.set_default_timeout(TIMEOUT_MS)
    sign_in(staff, 'clerk')
    expect(staff.get_by_test_id('clock')).to_have_text(CLOCK)
    staff.goto(f'/hearings/{trial["id"]}')
    card = staff.get_by_test_id('exhibit-card')
    expect(card.get_by_test_id('provenance-badge')).to_have_text(re.compile('Đã xác minh chữ ký'))
    card.get_by_test_id('thumbnail').click()
    panel = staff.get_by_test_id('provenance-panel')
    expect(panel).to_be_visible()
    expect(panel.get_by_test_id('prov-source')).to_contain_text('15/2026/HC')
    expect(panel.get_by_test_id('prov-verified')).to_contain_text('✓')
    context.close()
    for page in pages:
        page.context.close()


def _seconds(clock: str) -> int:
    h, m, s = (int(x) for x in clock.split(':'))
    return h * 3600 + m * 60 + s


def written(folder: Path) -> bool:
    """A segment file of this source has bytes (a file renamed as it is looked at is skipped)."""
    for path in folder.glob('*/*.webm*'):
        try:
            if path.stat().st_size:
                return True
        except FileNotFoundError:
            continue
    return False
