"""From the publish call to the acknowledgement of the last screen: 12 screens in real Chromium (mixed audiences)
and 50 more followers connected (socket.io clients that join each screen page as a browser does and fetch every
image they are told to show). Goals: p95 at most 100 ms for a page already rendered, 250 ms for a page rendered on
demand at 1920 px, and a case map of BENCH_MAP_NODES nodes (2,000) as fast as a page (issue 10; the first map
apart: every screen then loads mind-elixir). Baseline in the same run: the publish API call alone.

The calls go through one kept-alive HTTP client, as a browser or the bench console's connection does: a new
``httpx`` client per call builds an SSL context (certifi's CA bundle) before it sends anything, 20 to 90 ms on this
machine, which this bench counted as the call's time until 2026-12-01.

    .venv/bin/python bench/bench_publish.py [ROUNDS]
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import statistics
import sys
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path
from uuid import uuid4

import httpx
import socketio

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.bench_case_map import make_tree
from bench.common import make_bundle
from tests.conftest import make_server
from tests.e2e.browser import launch_chromium

SCREENS = int(os.environ.get('BENCH_SCREENS', 12))
FOLLOWERS = int(os.environ.get('BENCH_FOLLOWERS', 50))
AUDIENCES = ['panel', 'public', 'witness', 'counsel']
MAP_NODES = int(os.environ.get('BENCH_MAP_NODES', 2000))


async def follower(url: str, base: str, seen: list[float]) -> socketio.AsyncClient:
    """Join a screen page as a browser does (the page, then its socket) and fetch each image it is told to show."""
    async with httpx.AsyncClient() as http:
        html = (await http.get(url)).text
    client_id = re.search(r"'client_id': '([0-9a-f-]+)'", html).group(1)
    sio = socketio.AsyncClient(reconnection=False)
    images = httpx.AsyncClient(base_url=base, timeout=30)

    @sio.on('run_javascript')
    async def run(data: dict) -> None:
        code = data.get('code', '') if isinstance(data, dict) else ''
        if 'courtroomScreen.show' in code:
            view = json.loads(code[code.index('(') + 1:code.rindex(')')])
            if view['state'] == 'showing' and view.get('exhibit_id'):  # (a case map has no page to fetch)
                # the width a 1920x1080 screen asks for an A4 portrait page (see screen.js); once more if the server
                # closed the kept-alive connection as it was reused (its keep-alive is 5 s: the soak's publishes)
                url = f'{view["base"]}/{view["exhibit_id"]}/{view["page"]}'
                try:
                    await images.get(url, params={'width': 960})
                except httpx.TransportError:
                    await images.get(url, params={'width': 960})
            seen.append(time.time())

    query = f'client_id={client_id}&next_message_id=0&implicit_handshake=true&tab_id={uuid4()}&document_id={uuid4()}'
    await sio.connect(f'{base}?{query}',
                      socketio_path='/_nicegui_ws/socket.io', transports=['websocket'])
    return sio


def run_followers(urls: list[str], base: str, ready: threading.Event, stop: threading.Event, seen: list[float]) -> None:
    async def main() -> None:
        clients = [await follower(u, base, seen) for u in urls]
        ready.set()
        while not stop.is_set():
            await asyncio.sleep(0.1)
        for c in clients:
            await c.disconnect()

    asyncio.run(main())


def start_followers(base: str, hearing_id: int, headers: dict, count: int,
                    stop: threading.Event) -> tuple[list[float], threading.Thread]:
    """``count`` followers of a public screen each (made here), in a thread until ``stop``; the times they were
    sent a view, and the thread, once all have joined."""
    followers = [httpx.post(f'{base}/api/hearings/{hearing_id}/screens', headers=headers,
                            json={'name': f'F{n}', 'audience': 'public'}).json() for n in range(count)]
    seen: list[float] = []
    ready = threading.Event()
    thread = threading.Thread(target=run_followers, args=([f['url'] for f in followers], base, ready, stop, seen),
                              daemon=True)
    thread.start()
    ready.wait(120)
    return seen, thread


def acked(api: httpx.Client, headers: dict, hearing_id: int, ids: set[int], version: int, timeout: float = 10) -> float:
    """Wait until every screen in ``ids`` has acknowledged ``version``; the latest acknowledgement time (epoch s)."""
    deadline = time.monotonic() + timeout
    mine: list[dict] = []
    while time.monotonic() < deadline:
        screens = api.get(f'/api/hearings/{hearing_id}/screens', headers=headers).json()
        mine = [s for s in screens if s['id'] in ids]
        if all(s['version'] == version for s in mine):
            return max(datetime.fromisoformat(s['acked_at']).timestamp() for s in mine)
        time.sleep(0.1)  # the acknowledgement times are the server's own; polling slowly only spares the CPU
    behind = [(s['name'], s['audience'], s['version']) for s in mine if s['version'] != version]
    raise TimeoutError(f'screens did not acknowledge version {version}: {behind}')


def pct(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100)[q - 1] if len(values) > 1 else values[0]


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    pdf = make_bundle(Path(tempfile.gettempdir()) / 'courtroom-bench' / 'bundle-200.pdf', 200)
    server = make_server(Path(tempfile.mkdtemp(prefix='bench-publish-')))
    server.start()
    stop = threading.Event()
    try:
        clerk = {'Authorization': f'Bearer {server.token("clerk")}'}
        procurator = {'Authorization': f'Bearer {server.token("procurator")}'}
        with server.client('clerk') as staffing:  # (tests.conftest's client staffs the hearing with every role)
            hearing = staffing.post('/api/hearings', json={'case_number': 'b', 'title': 'bench'}).json()
        with pdf.open('rb') as f:
            exhibit = httpx.post(f'{server.url}/api/hearings/{hearing["id"]}/bundles', files={'files': ('b.pdf', f)},
                                 headers=clerk, timeout=300).json()['exhibits'][0]
        case_map = httpx.post(f'{server.url}/api/hearings/{hearing["id"]}/maps', headers=procurator, timeout=60,
                              json={'title': 'Sơ đồ', 'root': make_tree(MAP_NODES)}).json()
        screens = [httpx.post(f'{server.url}/api/hearings/{hearing["id"]}/screens', headers=clerk,
                              json={'name': f'S{n}', 'audience': AUDIENCES[n % 4]}).json() for n in range(SCREENS)]
        seen, _ = start_followers(server.url, hearing['id'], clerk, FOLLOWERS, stop)

        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = launch_chromium(p)
            pages = []
            for s in screens:
                page = browser.new_page(viewport={'width': 1280, 'height': 720})
                page.goto(s['url'])
                pages.append(page)
            for page in pages:
                page.wait_for_selector('[data-testid=screen-content][data-state=idle]')
            ids = {s['id'] for s in screens}
            results: dict[str, list[float]] = {'cached': [], 'on_demand': [], 'map': [], 'publish_call': [],
                                               'map_call': []}
            api = httpx.Client(base_url=server.url, timeout=30)
            version = 0
            for n in range(rounds * 3):  # a page rendered ahead, a page rendered on demand, the case map: in turn
                kind, k = ('cached', 'on_demand', 'map')[n % 3], n // 3
                page_number = 1 + k % 10 if kind == 'cached' else 11 + k  # 1..10 rendered beforehand; 11+ fresh
                if kind == 'cached':  # as at the bench: the preview renders the page ahead at the widths screens use
                    api.post(f'/api/hearings/{hearing["id"]}/preview', headers=procurator,
                             json={'exhibit_id': exhibit['id'], 'page': page_number})
                time.sleep(0.5)
                start = time.time()
                response = api.post(f'/api/hearings/{hearing["id"]}/publish', headers=procurator,
                                    json={'map_id': case_map['id']} if kind == 'map' else
                                    {'exhibit_id': exhibit['id'], 'page': page_number})
                results['map_call' if kind == 'map' else 'publish_call'].append((time.time() - start) * 1000)
                version = response.json()['version']
                last = acked(api, clerk, hearing['id'], ids, version)
                results[kind].append((last - start) * 1000)
            browser.close()
    finally:
        stop.set()
        server.stop()
    base = statistics.median(results['publish_call'])
    print(f'{SCREENS} Chromium screens + {FOLLOWERS} followers, {rounds} publishes each')
    print(f'publish API call alone         median {base:6.1f} ms  p95 {pct(results["publish_call"], 95):6.1f} ms')
    print(f'same, the case map             median {statistics.median(results["map_call"]):6.1f} ms  '
          f'p95 {pct(results["map_call"], 95):6.1f} ms')
    first = results['map'].pop(0)  # each screen loads mind-elixir (93 KB) the first time it shows a map
    print(f'publish -> last ack, the first map {first:6.1f} ms  (its script loaded by every screen)')
    for key, goal in (('cached', 100), ('on_demand', 250), ('map', 100)):
        values = results[key]
        print(f'publish -> last ack, {key:<9} median {statistics.median(values):6.1f} ms  p95 {pct(values, 95):6.1f} '
              f'ms  (goal p95 <= {goal} ms; {statistics.median(values) / base:.1f}x the call alone)')
    print(f'follower updates received: {len(seen)}')


if __name__ == '__main__':
    main()
