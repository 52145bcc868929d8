"""Screenshots of the staff pages for docs/screenshots/, taken in real Chromium at 1366×768 from a demo server.

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--lang vi|en]

Starts ``courtroom serve --demo`` on a free port with a throw-away data folder, signs in as the demo clerk
(``thuky``) and saves login.png, hearings.png, hearing.png, viewer.png and search.png.
"""

from __future__ import annotations

import argparse
import os
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
CLERK, PASSWORD = 'thuky', 'demo12345'
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
            browser.close()
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        shutil.rmtree(data, ignore_errors=True)
    for name in ('login', 'hearings', 'hearing', 'viewer', 'search'):
        print(args.out / f'{name}.png')


if __name__ == '__main__':
    main()
