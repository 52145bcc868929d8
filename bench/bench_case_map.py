"""Case maps (issue 10): importing a 2,000-node XMind file (goal ≤ 200 ms) and opening a 2,000-node map in the
editor in Chromium (goal ≤ 500 ms), each against a baseline measured in the same run.

Run: .venv/bin/python bench/bench_case_map.py [--nodes N] [--rounds R]

Import: ``media.map_files.read_map`` and ``courtroom.case_map.parse_tree`` (what an import does before the map is
stored: read the zip, walk every topic, find the BL links, check the limits) against the bare minimum, opening the
zip and ``json.loads`` of its ``content.json``. Both alternate round by round.

Editor: in real Chromium, the map page's ``courtroomMap.init`` (our tree turned into mind-elixir's, its deeper
branches folded for display as map_fold.js does for a large map, laid out and drawn) against mind-elixir's own
``init`` of every node, bare, on a blank page with the same script and size: what opening cost before the folding.
Timed in the page with ``performance.now()`` until the nodes are in the DOM and a frame has been painted.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
import zipfile
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from courtroom.case_map import parse_tree
from media.map_files import read_map, write_map

WORDS = ('lời khai', 'bị hại', 'bị cáo', 'người làm chứng', 'biên bản', 'giám định', 'hiện trường', 'camera',
         'xe máy', 'Đội Cấn', 'mâu thuẫn', 'tạm giam', 'cáo trạng', 'vật chứng', 'định giá', 'nhân thân')
IMPORT_GOAL_MS, OPEN_GOAL_MS = 200.0, 500.0
ROOT = Path(__file__).resolve().parents[1]
VENDOR = ROOT / 'presenter' / 'static' / 'vendor' / 'mind-elixir'


def make_tree(nodes: int, seed: int = 7) -> dict:
    """``nodes`` nodes, 8 branches of about 15 children each, and so on; one node in four linked by BL."""
    rng = random.Random(seed)
    made = 1
    root: dict = {'title': 'Vụ án trộm cắp tài sản', 'children': []}
    frontier = [root]
    while made < nodes:
        parent = frontier.pop(0)
        for _ in range(min(15 if parent is not root else 8, nodes - made)):
            title = ' '.join(rng.choice(WORDS) for _ in range(rng.randint(2, 5)))
            child: dict = {'title': title.capitalize() + (f' BL {rng.randint(1, 2000)}' if made % 4 == 0 else ''),
                           'children': []}
            parent['children'].append(child)
            frontier.append(child)
            made += 1
    return root


def bench_import(nodes: int, rounds: int) -> tuple[float, float]:
    data = write_map('xmind', 'Sơ đồ', parse_tree(make_tree(nodes)), lambda e, p: f'/hearings/1?exhibit={e}&page={p}')
    ours, bare = [], []
    for r in range(rounds):
        for which in ((0, 1) if r % 2 else (1, 0)):
            start = time.perf_counter()
            if which == 0:
                _, root = read_map('so-do.xmind', data)
                tree = parse_tree(root)
                assert sum(1 for _ in tree.walk()) == nodes
                ours.append(time.perf_counter() - start)
            else:
                with zipfile.ZipFile(BytesIO(data)) as archive:
                    json.loads(archive.read('content.json'))
                bare.append(time.perf_counter() - start)
    return statistics.median(ours) * 1000, statistics.median(bare) * 1000


def bench_open(nodes: int, rounds: int) -> tuple[float, float]:
    from playwright.sync_api import sync_playwright

    from tests.e2e.browser import launch_chromium

    tree = parse_tree(make_tree(nodes)).to_json()
    head = (f'<style>{(VENDOR / "MindElixir.css").read_text()}</style>'
            f'<script>{(VENDOR / "MindElixir.iife.js").read_text()}</script>')
    ours_js = ''.join((ROOT / 'presenter' / 'static' / name).read_text() for name in ('map_fold.js', 'case_map.js'))
    page_html = (f'<html><head>{head}<script>window.emitEvent = () => {{}}; '
                 f'window.getHtmlElement = (id) => document.getElementById(id);</script>'
                 f'<script>{ours_js}</script></head><body style="margin:0">'
                 f'<div id="map" style="width:1200px;height:700px"></div></body></html>')
    timed = '''async ([tree, ours]) => {
        const painted = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        const el = document.getElementById("map");
        if (window.courtroomMap.mind) { window.courtroomMap.mind.destroy(); window.courtroomMap.mind = null; }
        el.replaceChildren();
        await painted();
        const start = performance.now();
        if (ours) {
            window.courtroomMap.init("map", 1, tree, {});
        } else {
            const Editor = MindElixir.default || MindElixir;
            const toMind = (n) => ({id: n.id, topic: n.title, children: (n.children || []).map(toMind)});
            const mind = new Editor({el, direction: MindElixir.SIDE});
            mind.init({nodeData: toMind(tree)});
            window.courtroomMap.mind = mind;
        }
        const count = el.querySelectorAll("me-tpc").length;
        await painted();
        return [performance.now() - start, count];
    }'''
    ours, bare, drawn = [], [], 0
    with sync_playwright() as p:
        browser = launch_chromium(p)
        page = browser.new_page(viewport={'width': 1280, 'height': 800})
        page.set_content(page_html)
        for r in range(rounds):
            for which in ((True, False) if r % 2 else (False, True)):
                ms, count = page.evaluate(timed, [tree, which])
                assert count == nodes or which, count  # ours: the deeper branches folded for display
                drawn = count if which else drawn
                (ours if which else bare).append(ms)
        browser.close()
    return statistics.median(ours), statistics.median(bare), drawn


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--nodes', type=int, default=2000)
    parser.add_argument('--rounds', type=int, default=10)
    args = parser.parse_args()
    ours, bare = bench_import(args.nodes, args.rounds * 2)
    verdict = 'met' if ours <= IMPORT_GOAL_MS else 'MISSED'
    print(f'import of a {args.nodes}-node XMind, median of {args.rounds * 2}: {ours:.1f} ms '
          f'(bare unzip + json.loads {bare:.1f} ms, {ours / bare:.1f}x) — goal {IMPORT_GOAL_MS:.0f} ms: {verdict}')
    ours, bare, drawn = bench_open(args.nodes, args.rounds)
    verdict = 'met' if ours <= OPEN_GOAL_MS else 'MISSED'
    print(f'editor open of {args.nodes} nodes ({drawn} drawn, the rest folded for display), painted, median of '
          f'{args.rounds}: {ours:.0f} ms (mind-elixir alone, every node drawn: {bare:.0f} ms, {ours / bare:.2f}x) — '
          f'goal {OPEN_GOAL_MS:.0f} ms: {verdict}')


if __name__ == '__main__':
    main()
