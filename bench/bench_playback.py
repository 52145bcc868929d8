"""A/V sync on the courtroom screens (issue 9: after 60 s of playback on 4 screens, the largest position difference
between any two ≤ 80 ms; a screen opened late in sync within 2 s), in real Chromium against a real server.

Four screen pages (each its own browser context, as each screen is its own machine) play the published recording;
every 0.5 s each reports its <video>'s currentTime with the wall-clock moment it read it, and the bench maps every
reading to one common instant (all pages run on this machine's clock: position + elapsed × rate), so the spread is
the largest difference between any two screens at the same moment. After the run a fifth screen opens late: the
time from opening it to its position being within 80 ms of the others'.

Baseline in the same run: the same screens with drift correction off (playback.js follows each state change, then
lets each <video> run on its own clock), the way a page with a plain <video> and a "play" message would behave.

    .venv/bin/python bench/bench_playback.py [--seconds 60]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from playwright.sync_api import Page, sync_playwright

from tests.conftest import Server, make_server, make_webm
from tests.e2e.browser import launch_chromium

AUDIENCES = ('public', 'panel', 'witness', 'counsel')
IN_STEP_S = 0.080
READ = '''() => { const el = document.querySelector("[data-testid=screen-media]");
    return el && el.readyState >= 1 ? [el.currentTime, performance.timeOrigin + performance.now(), el.paused]
                                     : null; }'''


def reading(page: Page) -> tuple[float, float, bool] | None:
    value = page.evaluate(READ)
    return None if value is None else (float(value[0]), float(value[1]) / 1000, bool(value[2]))


def spread(readings: list[tuple[float, float, bool]], rate: float = 1.0) -> float:
    """The largest difference between two screens' positions, each mapped to the latest reading's moment."""
    common = max(wall for _, wall, _ in readings)
    positions = [t + (common - wall) * rate for t, wall, _ in readings]
    return max(positions) - min(positions)


def wait(condition: Any, what: str, timeout: float = 120.0) -> Any:
    deadline = time.monotonic() + timeout
    while not (result := condition()):
        if time.monotonic() > deadline:
            raise RuntimeError(f'not so after {timeout:g} s: {what}')
        time.sleep(0.05)
    return result


def run(server: Server, browser: Any, video: int, hid: int, urls: dict[str, str], late_url: str, seconds: float,
        correcting: bool) -> dict[str, float]:
    contexts = [browser.new_context(viewport={'width': 640, 'height': 360}) for _ in AUDIENCES]
    try:
        pages = []
        for context, audience in zip(contexts, AUDIENCES, strict=True):
            page = context.new_page()
            page.goto(urls[audience])
            page.evaluate(f'window.courtroomPlayback.correcting = {str(correcting).lower()}')
            pages.append(page)
        with server.client('procurator') as c:
            c.post(f'/api/hearings/{hid}/publish', json={'exhibit_id': video, 'page': 1}).raise_for_status()
            wait(lambda: all(reading(p) is not None for p in pages), 'every screen has loaded the recording')
            c.post(f'/api/hearings/{hid}/playback', json={'action': 'seek', 'position_s': 0}).raise_for_status()
            c.post(f'/api/hearings/{hid}/playback', json={'action': 'play'}).raise_for_status()
        started = time.monotonic()
        spreads = []
        while (elapsed := time.monotonic() - started) < seconds:
            values = [reading(p) for p in pages]
            if all(v is not None and not v[2] for v in values) and elapsed > 2:
                spreads.append(spread([v for v in values if v is not None]))
            time.sleep(0.5)
        final = spread([v for p in pages if (v := reading(p)) is not None])

        late_context = browser.new_context(viewport={'width': 640, 'height': 360})
        contexts.append(late_context)
        late = late_context.new_page()
        opened = time.monotonic()
        late.goto(late_url)
        late.evaluate(f'window.courtroomPlayback.correcting = {str(correcting).lower()}')
        wait(lambda: reading(late) is not None, 'the late screen has loaded the recording')
        loaded_s = time.monotonic() - opened

        def late_in_step() -> bool:
            mine, theirs = reading(late), reading(pages[0])
            return bool(mine and theirs and not mine[2] and spread([mine, theirs]) <= IN_STEP_S)
        try:
            wait(late_in_step, 'the late screen is in step', timeout=20)
            late_s = time.monotonic() - opened
        except RuntimeError:
            late_s = float('inf')
        with server.client('procurator') as c:
            c.post(f'/api/hearings/{hid}/playback', json={'action': 'pause'}).raise_for_status()
        return {'final_ms': final * 1000, 'p95_ms': statistics.quantiles(spreads, n=20)[-1] * 1000
                if len(spreads) >= 2 else float('nan'), 'max_ms': max(spreads, default=float('nan')) * 1000,
                'late_s': late_s, 'loaded_s': loaded_s}
    finally:
        for context in contexts:
            context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--seconds', type=float, default=60.0, help='playback before measuring (default 60)')
    args = parser.parse_args()
    server = make_server(Path(tempfile.mkdtemp(prefix='bench-playback-')))
    server.start()
    try:
        with server.client('clerk') as clerk:
            hid = clerk.post('/api/hearings', json={'case_number': '1/2026/HSST', 'title': 'A/V sync'}).json()['id']
            files = [('files', ('camera.webm', make_webm(args.seconds + 30, size=(320, 240)), 'video/webm'))]
            video = clerk.post(f'/api/hearings/{hid}/bundles', files=files).json()['exhibits'][0]['id']
            urls = {a: clerk.post(f'/api/hearings/{hid}/screens', json={'name': a, 'audience': a}).json()['url']
                    for a in AUDIENCES}
            late_url = clerk.post(f'/api/hearings/{hid}/screens', json={'name': 'late', 'audience': 'public'}
                                  ).json()['url']
        with sync_playwright() as p:
            browser = launch_chromium(p)
            try:
                results = {}
                for name, correcting in (('baseline (no correction)', False), ('shared clock + correction', True)):
                    results[name] = run(server, browser, video, hid, urls, late_url, args.seconds, correcting)
            finally:
                browser.close()
    finally:
        server.stop()
    print(f'A/V sync: 4 screens, {args.seconds:g} s of playback (goal: spread ≤ 80 ms; late screen in step ≤ 2 s)')
    for name, r in results.items():
        print(f'  {name:28s} spread at the end {r["final_ms"]:6.1f} ms · p95 {r["p95_ms"]:6.1f} ms · '
              f'max {r["max_ms"]:6.1f} ms · late screen: recording loaded after {r["loaded_s"]:.2f} s, within 80 ms '
              f'after {r["late_s"]:.2f} s')
    base, ours = results['baseline (no correction)'], results['shared clock + correction']
    if ours['final_ms'] > 0:
        print(f'  ratio (baseline / ours): spread at the end {base["final_ms"] / ours["final_ms"]:.1f}×, '
              f'p95 {base["p95_ms"] / ours["p95_ms"]:.1f}×')


if __name__ == '__main__':
    main()
