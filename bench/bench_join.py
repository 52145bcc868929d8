"""Time from opening a join link (participant already admitted) to the first decoded video frame from the
courtroom, in real Chromium with fake devices on loopback. Goal: median at most 2 s. Baseline in the same run:
loading the same page without media (the login page) — the cost of the page itself.

    .venv/bin/python bench/bench_join.py [ROUNDS]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.conftest import make_server
from tests.e2e.browser import launch_chromium

FIRST_FRAME = '''async (pid) => {
  for (;;) {
    const got = await courtroomJoin.received();
    if (got[pid] && got[pid].video > 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}'''


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    server = make_server(Path(tempfile.mkdtemp(prefix='bench-join-')))
    server.start()
    from playwright.sync_api import sync_playwright

    try:
        clerk = server.client('clerk')
        h = clerk.post('/api/hearings', json={'case_number': 'b', 'title': 'bench'}).json()['id']
        central = clerk.get(f'/api/hearings/{h}/points').json()[0]
        point = clerk.post(f'/api/hearings/{h}/points',
                           json={'name': 'Trại tạm giam', 'kind': 'detention_facility'}).json()
        room = clerk.post(f'/api/hearings/{h}/participants', json={'name': 'Phòng xử án', 'role': 'courtroom',
                                                                  'point_id': central['id']}).json()
        with sync_playwright() as p:
            browser = launch_chromium(p, media=True)
            courtroom = browser.new_context().new_page()
            courtroom.goto(room['join_url'])
            courtroom.get_by_test_id('join-button').click()
            courtroom.get_by_test_id('hearing').wait_for()
            page_only, joins = [], []
            for n in range(rounds):
                remote = clerk.post(f'/api/hearings/{h}/participants', json={
                    'name': f'Bị cáo {n}', 'role': 'defendant', 'point_id': point['id']}).json()
                # already admitted: through the lobby once in this browser, as before the hearing
                context = browser.new_context()
                setup = context.new_page()
                setup.goto(remote['join_url'])
                setup.get_by_test_id('join-button').click()
                setup.get_by_test_id('lobby').wait_for()
                clerk.post(f'/api/participants/{remote["id"]}/admit')
                setup.get_by_test_id('hearing').wait_for()
                setup.close()
                time.sleep(1)

                page = context.new_page()
                start = time.perf_counter()
                page.goto(f'{server.url}/login')
                page.wait_for_selector('[data-testid=login-button]')
                page_only.append(time.perf_counter() - start)
                start = time.perf_counter()
                page.goto(remote['join_url'])
                page.get_by_test_id('hearing').wait_for()
                page.evaluate(FIRST_FRAME, str(room['id']))
                joins.append(time.perf_counter() - start)
                context.close()
            browser.close()
    finally:
        server.stop()
    base = statistics.median(page_only)
    print(f'{rounds} joins, each by an admitted participant opening the link')
    print(f'page load alone (login page)          median {base * 1000:7.0f} ms')
    print(f'join link -> first courtroom frame    median {statistics.median(joins) * 1000:7.0f} ms  '
          f'max {max(joins) * 1000:7.0f} ms  (goal median <= 2000 ms; {statistics.median(joins) / base:.1f}x the page)')


if __name__ == '__main__':
    main()
