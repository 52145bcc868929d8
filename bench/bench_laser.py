"""The laser pointer, from the bench's pointer event to the dot drawn on the last of 12 Chromium screens showing the
page. Goal (issue 9): p95 at most 50 ms with the 12 screens' browsers on this machine, and the server's CPU per
pointer event flat in the number of screens. Baseline in the same run: the same path to 1 screen.

The bench console is a real page in Chromium, signed in as the procurator, its laser on; Playwright moves the mouse
over its preview (real pointer events, each to a new place). The times are taken in the pages: the bench page's own
pointermove (capture phase, before its script sends it) and each screen's frame after it drew the dot
(``performance.timeOrigin + performance.now()``, one clock for every page of the machine). The server's CPU is its
process's user + system time over the moves, less the same time idle, per move sent.

    .venv/bin/python bench/bench_laser.py [MOVES] [SCREENS]
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import make_bundle
from tests.conftest import PASSWORD, make_server
from tests.e2e.browser import launch_chromium

# one move every 50 ms (20 a second): each is sent at once, under the page's 30 a second
PACE_S = float(os.environ.get('BENCH_PACE_S', 0.05))
FAST_PACE_S = 1 / 60  # a mouse's own rate: the page coalesces to 30 a second

SCREEN_HOOK = '''() => {
    window.laserDrawn = [];
    const laser = courtroomScreen.laser.bind(courtroomScreen);
    courtroomScreen.laser = (move) => {
        const arrived = performance.timeOrigin + performance.now();
        laser(move);
        // a task posted from a frame callback runs once that frame is painted (as screen.js acknowledges a page)
        if (!move.off) requestAnimationFrame(() => setTimeout(() => {
            window.laserDrawn.push([move.x, move.y, performance.timeOrigin + performance.now(), arrived]);
        }));
    };
}'''

BENCH_HOOK = '''() => {
    window.laserMoved = [];
    const round = (v) => Math.round(Math.min(1, Math.max(0, v)) * 10000) / 10000;
    document.addEventListener("pointermove", (e) => {
        const wrap = e.target.closest && e.target.closest("[data-laser]");
        if (!wrap) return;
        const r = wrap.getBoundingClientRect();
        window.laserMoved.push([round((e.clientX - r.left) / r.width), round((e.clientY - r.top) / r.height),
                                performance.timeOrigin + performance.now()]);
    }, { capture: true });
}'''


def cpu_seconds(pid: int) -> float:
    fields = Path(f'/proc/{pid}/stat').read_text().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf('SC_CLK_TCK')  # utime + stime


def browser_cpu_seconds() -> float:
    """User + system time of every process this one started (the Playwright driver and Chromium's processes)."""
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    for entry in Path('/proc').iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / 'stat').read_text().rsplit(')', 1)[1].split()
            except OSError:
                continue
            parents[int(entry.name)] = int(fields[1])
            times[int(entry.name)] = (int(fields[11]) + int(fields[12])) / os.sysconf('SC_CLK_TCK')
    mine, total = os.getpid(), 0.0
    for pid, seconds in times.items():
        parent = parents.get(pid, 0)
        while parent > 1 and parent != mine:
            parent = parents.get(parent, 0)
        if parent == mine:
            total += seconds
    return total


def pct(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100)[q - 1] if len(values) > 1 else values[0]


def drive(bench: Any, screens: list[Any], moves: int, pace: float, pid: int) -> dict[str, Any]:
    """Move the pointer ``moves`` times over the preview, each to a new place; the latency of each move that reached
    every screen (ms, to the last screen's frame), the share that did, and the server's CPU per move sent."""
    for page in screens:
        page.evaluate('() => { window.laserDrawn = []; }')
    bench.evaluate('() => { window.laserMoved = []; }')
    box = bench.get_by_test_id('preview-image').bounding_box()
    time.sleep(1.5)  # the dots of the last round fade; then the server's idle CPU over as long as the moves take
    idle_start, idle_browsers = cpu_seconds(pid), browser_cpu_seconds()
    time.sleep(moves * pace)
    idle = cpu_seconds(pid) - idle_start
    idle_browsers = browser_cpu_seconds() - idle_browsers
    start_cpu, start_browsers = cpu_seconds(pid), browser_cpu_seconds()
    next_at = time.perf_counter()
    for n in range(moves):
        x = 0.1 + 0.8 * (n % 400) / 400 + 0.0013 * (n // 400)
        bench.mouse.move(box['x'] + box['width'] * x, box['y'] + box['height'] * (0.3 + 0.4 * (n % 7) / 7))
        next_at += pace
        time.sleep(max(0.0, next_at - time.perf_counter()))
    time.sleep(0.5)  # the last moves land
    busy = cpu_seconds(pid) - start_cpu
    browsers = browser_cpu_seconds() - start_browsers
    moved = {(x, y): at for x, y, at in reversed(bench.evaluate('() => window.laserMoved'))}  # the first of each
    drawn: dict[tuple[float, float], list[float]] = {}
    arrived: dict[tuple[float, float], list[float]] = {}
    for page in screens:
        for x, y, at, came in page.evaluate('() => window.laserDrawn'):
            drawn.setdefault((x, y), []).append(at)
            arrived.setdefault((x, y), []).append(came)
    latencies = [max(ats) - moved[place] for place, ats in drawn.items()
                 if len(ats) == len(screens) and place in moved]
    arrivals = [max(ats) - moved[place] for place, ats in arrived.items()
                if len(ats) == len(screens) and place in moved]
    return {'latencies': latencies, 'arrivals': arrivals, 'reached': len(latencies) / max(1, len(moved)),
            'sent': len(drawn),
            'cpu_per_move_ms': max(0.0, busy - idle) / max(1, len(drawn)) * 1000,
            'browser_cpu_per_move_ms': max(0.0, browsers - idle_browsers) / max(1, len(drawn)) * 1000,
            'wall_s': moves * pace + 0.5}


def report(name: str, result: dict[str, Any], base: dict[str, Any] | None = None) -> None:
    values = result['latencies']
    line = (f'{name:<28} median {statistics.median(values):6.1f} ms  p95 {pct(values, 95):6.1f} ms  '
            f'({len(values)} moves on every screen, {result["reached"]:.0%} of those made; '
            f'server CPU {result["cpu_per_move_ms"]:.2f} ms a move sent, browsers\' '
            f'{result["browser_cpu_per_move_ms"]:.1f} ms; the last screen had it (before drawing) at '
            f'median {statistics.median(result["arrivals"]):.1f} ms, p95 {pct(result["arrivals"], 95):.1f} ms')
    if base is not None:
        line += (f'; {statistics.median(values) / statistics.median(base["latencies"]):.2f}x the median, '
                 f'{pct(values, 95) / pct(base["latencies"], 95):.2f}x the p95 of 1 screen')
    print(line + ')')


def main() -> None:
    moves = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 12
    pdf = make_bundle(Path(tempfile.gettempdir()) / 'courtroom-bench' / 'bundle-10.pdf', 10)
    server = make_server(Path(tempfile.mkdtemp(prefix='bench-laser-')))
    server.start()
    try:
        assert server.process is not None
        pid = server.process.pid
        clerk = {'Authorization': f'Bearer {server.token("clerk")}'}
        procurator = {'Authorization': f'Bearer {server.token("procurator")}'}
        with server.client('clerk') as staffing:  # (tests.conftest's client staffs the hearing with every role)
            hearing = staffing.post('/api/hearings', json={'case_number': 'b', 'title': 'bench'}).json()
        with pdf.open('rb') as f:
            exhibit = httpx.post(f'{server.url}/api/hearings/{hearing["id"]}/bundles', files={'files': ('b.pdf', f)},
                                 headers=clerk, timeout=300).json()['exhibits'][0]
        urls = [httpx.post(f'{server.url}/api/hearings/{hearing["id"]}/screens', headers=clerk,
                           json={'name': f'S{n}', 'audience': 'public'}).json()['url'] for n in range(count)]
        httpx.post(f'{server.url}/api/hearings/{hearing["id"]}/publish', headers=procurator,
                   json={'exhibit_id': exhibit['id'], 'page': 1}).raise_for_status()

        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = launch_chromium(p)
            console = browser.new_context(base_url=server.url, viewport={'width': 1366, 'height': 768})
            bench = console.new_page()
            bench.goto('/login')
            bench.locator('input[type=text]').fill('procurator')
            bench.locator('input[type=password]').fill(PASSWORD)
            bench.locator('input[type=password]').press('Enter')
            bench.wait_for_selector('[data-testid=hearing-list]')
            bench.goto(f'/bench/{hearing["id"]}')
            bench.wait_for_selector('[data-testid=preview][data-page="1"]')
            bench.keyboard.press('l')
            bench.wait_for_selector('[data-testid=preview][data-laser]')
            bench.evaluate(BENCH_HOOK)

            def open_screen(url: str) -> Any:
                page = browser.new_page(viewport={'width': 1280, 'height': 720})
                page.goto(url)
                page.wait_for_selector('[data-testid=shown-page]')
                page.evaluate(SCREEN_HOOK)
                return page

            screens = [open_screen(urls[0])]
            drive(bench, screens, 20, PACE_S, pid)  # warm up
            one = drive(bench, screens, moves, PACE_S, pid)
            screens += [open_screen(url) for url in urls[1:]]
            drive(bench, screens, 20, PACE_S, pid)
            many = drive(bench, screens, moves, PACE_S, pid)
            fast = drive(bench, screens, moves, FAST_PACE_S, pid)
            browser.close()
    finally:
        server.stop()
    print(f'laser pointer: bench pointer event -> dot drawn on the last screen; {moves} moves a round')
    report('1 screen, 20 moves/s', one)
    report(f'{count} screens, 20 moves/s', many, one)
    report(f'{count} screens, 60 moves/s', fast, one)
    per_screen = (many['cpu_per_move_ms'] - one['cpu_per_move_ms']) / max(1, count - 1)
    print(f'server CPU per move per added screen: {per_screen * 1000:.0f} µs '
          f'({many["cpu_per_move_ms"] / max(one["cpu_per_move_ms"], 1e-9):.2f}x the CPU per move of 1 screen)')


if __name__ == '__main__':
    main()
