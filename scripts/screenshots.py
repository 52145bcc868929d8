"""Screenshots of the staff pages for docs/screenshots/, taken in real Chromium at 1366×768 from a demo server.

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--lang vi|en]

Starts ``courtroom serve --demo`` on a free port with a throw-away data folder, signs in as the demo clerk
(``thuky``) and saves login.png, hearings.png, hearing.png, viewer.png and search.png; then, as the demo procurator
(``kiemsatvien``), the presenting tools: bench-tools.png (the demo's treatment shown, its marks listed, a text
callout typed), screen-side-by-side.png (the public screen with two statements side by side and the laser's dot)
and screen-redacted.png (the public screen showing the demo's redacted page); the case map; and, as the clerk
again, minutes.png (the minutes typed by keyboard, each entry under its speaker).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from playwright.sync_api import Page, expect, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.e2e.browser import launch_chromium

ROOT = Path(__file__).resolve().parent.parent
CLERK, PASSWORD = 'thuky', 'xet-xu-2026'
# every image on screen; a lazy one far below the fold is not loaded until scrolled to, and is not in the picture
ALL_IMAGES_LOADED = ('() => [...document.querySelectorAll("img")].filter(i => i.loading !== "lazy" || '
                     'i.getBoundingClientRect().top < innerHeight).every(i => i.complete && i.naturalWidth > 0)')


def free_port() -> int:
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def start_server(data: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [sys.executable, '-m', 'presenter.cli', 'serve', '--demo', '--port', str(port), '--data', str(data)],
        cwd=ROOT, stdout=log.open('ab'), stderr=subprocess.STDOUT, env={**os.environ, 'PYTHONUNBUFFERED': '1'})
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f'server exited early:\n{log.read_text()}')
        try:
            if httpx.get(f'http://127.0.0.1:{port}/api/health', timeout=1).status_code == 200:
                return process
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    process.terminate()
    raise RuntimeError(f'server did not start:\n{log.read_text()}')


def settle(page: Page) -> None:
    page.wait_for_load_state('networkidle')
    page.wait_for_function(ALL_IMAGES_LOADED, timeout=60_000)
    page.wait_for_timeout(400)  # let transitions (dialog fade, hover shadows) finish


def take(page: Page, out: Path, lang: str, query: str = 'bị cáo') -> None:
    page.goto('/login')
    if lang == 'en':
        page.get_by_role('button', name='EN').click()
        page.wait_for_load_state('networkidle')
    # login.py marks its fields for the user fixture only (no data-testid), so find them by type
    page.locator('input[type=text]').fill(CLERK)
    settle(page)
    page.screenshot(path=out / 'login.png')

    page.locator('input[type=password]').fill(PASSWORD)
    page.locator('input[type=password]').press('Enter')
    expect(page.get_by_test_id('hearing-row').first).to_be_visible()
    settle(page)
    page.screenshot(path=out / 'hearings.png')

    rows = page.get_by_test_id('hearing-row')
    rows.filter(has_not=page.get_by_test_id('hearing-exhibits').get_by_text('0', exact=True)).first.click()
    expect(page.get_by_test_id('exhibit-card').first).to_be_visible()
    settle(page)
    page.screenshot(path=out / 'hearing.png')

    page.get_by_test_id('exhibit-card').first.click()
    expect(page.get_by_test_id('viewer-image')).to_be_visible()
    settle(page)
    page.screenshot(path=out / 'viewer.png')
    page.keyboard.press('Escape')
    expect(page.get_by_test_id('viewer-image')).to_be_hidden()

    page.get_by_test_id('search-input').fill(query)
    expect(page.get_by_test_id('search-hit').first).to_be_visible()
    page.mouse.move(0, 0)
    settle(page)
    page.screenshot(path=out / 'search.png')


def tools(page: Page, screen: Page, out: Path) -> None:
    """The procurator's presenting tools on the bench, and what the public screen shows of them."""
    page.goto('/login')
    page.locator('input[type=text]').fill('kiemsatvien')
    page.locator('input[type=password]').fill(PASSWORD)
    page.locator('input[type=password]').press('Enter')
    expect(page.get_by_test_id('hearing-list')).to_be_visible()
    page.goto('/bench/1')
    expect(page.get_by_test_id('treatment-show').first).to_be_visible()
    page.get_by_test_id('treatment-show').first.click()  # the demo's treatment, marks and all, in the preview
    expect(page.get_by_test_id('page-mark').first).to_be_visible()
    page.mouse.move(0, 0)
    page.keyboard.press('Enter')  # and on the screens
    expect(screen.get_by_test_id('shown-page')).to_have_attribute('data-marks', '2')
    settle(page)
    page.screenshot(path=out / 'bench-tools.png')

    page.keyboard.press('ArrowRight')  # the statement's next page, beside the treated one
    page.keyboard.press('s')
    expect(screen.get_by_test_id('shown-page')).to_have_count(2)
    page.keyboard.press('l')  # the laser, on the previewed page: the right one
    box = page.get_by_test_id('preview-image').bounding_box()
    assert box is not None
    page.mouse.move(box['x'] + box['width'] * 0.5, box['y'] + box['height'] * 0.3, steps=8)
    expect(screen.locator('.laser-dot')).to_have_count(1)
    settle(screen)
    screen.screenshot(path=out / 'screen-side-by-side.png')
    page.keyboard.press('l')

    # the first statement of the witness whose address the demo blacks out
    row = page.get_by_test_id('exhibit-row').filter(has_text='Lê Văn Bình').first
    exhibit_id = row.get_attribute('data-exhibit-id')
    row.click()
    expect(page.get_by_test_id('preview-title')).to_contain_text('Lê Văn Bình')
    page.keyboard.press('Shift+S')  # one page again
    expect(screen.get_by_test_id('shown-page')).to_have_count(1)
    page.get_by_test_id('publish-button').click()
    expect(screen.get_by_test_id('shown-page')).to_have_attribute('data-exhibit-id', str(exhibit_id))
    settle(screen)
    screen.screenshot(path=out / 'screen-redacted.png')


def case_map(page: Page, screen: Page, out: Path) -> None:
    """The demo's case map (imported from its XMind file) on the procurator's map page, and on the public screen
    centred on the evidence branch, the restricted and not-yet-shown pages marked."""
    page.goto('/maps/1')
    evidence = page.locator('me-tpc').filter(has_text='Chứng cứ buộc tội').first
    expect(evidence).to_be_visible()
    page.locator('me-tpc').filter(has_text='Lời khai bị hại Trần Thị Mai').first.click()
    page.wait_for_function('() => document.querySelector("[data-testid=map-link-thumb] img")?.naturalWidth > 0')
    settle(page)
    page.screenshot(path=out / 'case-map.png')
    page.get_by_test_id('map-publish').click()
    expect(screen.get_by_test_id('screen-content')).to_have_attribute('data-map-id', '1')
    evidence.click()
    expect(screen.locator('.screen-map')).to_have_attribute('data-focus', re.compile('.+'))
    settle(screen)
    screen.screenshot(path=out / 'screen-case-map.png')


def minutes(page: Page, out: Path) -> None:
    """The clerk keeping the minutes by keyboard: Alt and the presiding judge's letter, the question, Enter; Alt and
    the defendant's letter, the answer, Enter."""
    page.goto('/login')
    page.locator('input[type=text]').fill(CLERK)
    page.locator('input[type=password]').fill(PASSWORD)
    page.locator('input[type=password]').press('Enter')
    expect(page.get_by_test_id('hearing-row').first).to_be_visible()
    page.goto('/hearings/1/record')
    expect(page.get_by_test_id('minutes-speaker').first).to_be_visible()
    box = page.get_by_test_id('minutes-text')
    defendant = page.locator('[data-testid=minutes-speaker][data-speaker^="participant:"]').first
    letter = defendant.get_attribute('data-key') or 'a'
    for key, text in (('a', 'Bị cáo có nhận được bản cáo trạng và quyết định đưa vụ án ra xét xử không?'),
                      (letter, 'Thưa Hội đồng xét xử, bị cáo đã nhận đủ, ngày 02/11/2026.')):
        box.press(f'Alt+{key.upper()}')
        expect(page.locator(f'[data-testid=minutes-speaker][data-key={key}]')).to_have_attribute('aria-pressed', 'true')
        box.fill(text)
        box.press('Enter')
        expect(page.get_by_test_id('minutes-text-shown').filter(has_text=text)).to_be_visible()
    box.fill('Bị cáo có ý kiến gì')  # the defendant still chosen: the next words are often theirs too
    settle(page)
    page.screenshot(path=out / 'minutes.png')


def minutes_signed(page: Page, out: Path, base: str) -> None:
    """The minutes signed by the presiding judge, then the clerk: the editor closed, counsel's correction refused
    with its reason, the judge's page."""
    def as_user(username: str) -> httpx.Client:
        token = httpx.post(f'{base}/api/auth/token', data={'username': username, 'password': PASSWORD}).json()
        return httpx.Client(base_url=base, headers={'Authorization': f'Bearer {token["access_token"]}'})
    with as_user('chutoa') as judge, as_user(CLERK) as clerk, as_user('luatsu') as counsel:
        judge.post('/api/hearings/1/minutes/sign').raise_for_status()
        clerk.post('/api/hearings/1/minutes/sign').raise_for_status()
        asked = counsel.post('/api/hearings/1/minutes/corrections',
                             json={'text': 'Bị cáo trả lời đã nhận ngày 03/11/2026, không phải 02/11/2026.'})
        judge.post(f'/api/minutes/corrections/{asked.json()["id"]}/decide',
                   json={'accept': False, 'reason': 'Bản ghi âm, ghi hình cho thấy bị cáo nói ngày 02/11/2026.'})
    page.goto('/login')
    page.locator('input[type=text]').fill('chutoa')
    page.locator('input[type=password]').fill(PASSWORD)
    page.locator('input[type=password]').press('Enter')
    expect(page.get_by_test_id('hearing-row').first).to_be_visible()
    page.goto('/hearings/1/record')
    expect(page.locator('[data-testid=correction][data-state=refused]')).to_be_visible()
    expect(page.get_by_test_id('minutes-frozen')).to_be_visible()
    page.set_viewport_size({'width': 1366, 'height': 1150})  # the signing card below the recording's
    settle(page)
    page.screenshot(path=out / 'minutes-signed.png')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--out', type=Path, default=ROOT / 'docs' / 'screenshots')
    parser.add_argument('--lang', choices=('vi', 'en'), default='vi')
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix='courtroom-screenshots-'))
    port = free_port()
    server = start_server(data, port, data / 'server.log')
    try:
        with sync_playwright() as p:
            browser = launch_chromium(p)
            context = browser.new_context(base_url=f'http://127.0.0.1:{port}', locale='vi-VN',
                                          viewport={'width': 1366, 'height': 768})
            context.set_default_timeout(30_000)
            take(context.new_page(), args.out, args.lang)
            screens = httpx.post(f'http://127.0.0.1:{port}/api/auth/token',
                                 data={'username': CLERK, 'password': PASSWORD}).json()['access_token']
            public = next(s for s in httpx.get(f'http://127.0.0.1:{port}/api/hearings/1/screens',
                                               headers={'Authorization': f'Bearer {screens}'}).json()
                          if s['audience'] == 'public')
            screen = browser.new_context(viewport={'width': 1366, 'height': 768}).new_page()
            screen.set_default_timeout(30_000)
            screen.goto(public['url'].replace('http://localhost', 'http://127.0.0.1'))
            tools(context.new_page(), screen, args.out)
            case_map(context.new_page(), screen, args.out)
            minutes(context.new_page(), args.out)
            judge = browser.new_context(base_url=f'http://127.0.0.1:{port}', locale='vi-VN',
                                        viewport={'width': 1366, 'height': 768})
            judge.set_default_timeout(30_000)
            minutes_signed(judge.new_page(), args.out, f'http://127.0.0.1:{port}')
            browser.close()
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        shutil.rmtree(data, ignore_errors=True)
    for name in ('login', 'hearings', 'hearing', 'viewer', 'search', 'bench-tools', 'screen-side-by-side',
                 'screen-redacted', 'case-map', 'screen-case-map', 'minutes', 'minutes-signed'):
        print(args.out / f'{name}.png')


if __name__ == '__main__':
    main()
