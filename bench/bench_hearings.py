"""How many hearings at once one server carries (issue 12; DESIGN.md, "one court, several courtrooms"): each hearing
with 3 Chromium screens, 2 remote participants in Chromium with fake camera and microphone (each sees the other),
recording on, and a publish every 5 s. For N = 1, 2, 3… hearings at once (``--max``), over a measured window:

- what the server spends: CPU seconds per second of the web process and of the media workers (``/proc``), so the
  cost of one more hearing and what two cores leave for it;
- whether every frame target is met: each participant's decoded frames per second from the other participant,
  against the same figure with one hearing alone (the baseline, measured in the same run; target: at least 90 % of
  it), and every screen acknowledging every publish within 2 s.

The browsers run on this machine too (in a court they are other machines): they run at a lower priority than the
server (niceness 10), as in bench_soak, so that the server is served first. To say where a limit comes from it also
reports the browsers' CPU, the machine's idle CPU, and what each participant's browser encodes (frames per second
and WebRTC's ``qualityLimitationReason``: a camera sent at a lower rate because encoding lags is ``cpu``; because
the estimate of the link, made from the worker's feedback, fell is ``bandwidth``).

    .venv/bin/python bench/bench_hearings.py [--max 4] [--seconds 30] [--all]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.bench_soak import chromium, lower_browsers, workers
from bench.common import make_bundle
from tests.conftest import make_server
from tests.e2e.browser import launch_chromium

SCREENS = [('Màn hình công chúng', 'public'), ('Màn hình HĐXX', 'panel'), ('Màn hình nhân chứng', 'witness')]
PUBLISH_EVERY_S = 5.0
TICKS = os.sysconf('SC_CLK_TCK')


def cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f'/proc/{pid}/stat').read_text().rsplit(')', 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime
    except (FileNotFoundError, ProcessLookupError):
        return 0.0


def browsers_cpu() -> dict[int, float]:
    """CPU seconds so far of every Chromium process (the participants' and the screens' browsers)."""
    return {pid: cpu_seconds(pid) for pid in chromium()}


def machine_idle() -> float:
    """Idle CPU seconds of the whole machine so far (/proc/stat: idle + iowait, every core)."""
    fields = Path('/proc/stat').read_text().splitlines()[0].split()[1:]
    return (int(fields[3]) + int(fields[4])) / TICKS


SENT_JS = """async () => {
  const out = {frames: 0, limited: ''};
  if (!window.courtroomJoin || !courtroomJoin.pc) return out;
  (await courtroomJoin.pc.getStats()).forEach((r) => {
    if (r.type === 'outbound-rtp' && r.kind === 'video') {
      out.frames += r.framesEncoded || 0;
      out.limited = r.qualityLimitationReason || out.limited;
    }
  });
  return out;
}"""


def sent(page: object) -> dict:
    """Video frames a participant's browser has encoded so far, and why WebRTC limits them now (cpu, bandwidth or
    none: Chromium lowers a camera's frame rate when encoding lags)."""
    return page.evaluate(SENT_JS)  # type: ignore[attr-defined]


def received(page: object) -> dict[str, int]:
    """Video frames decoded so far, by source, on a participant's page."""
    counts = page.evaluate('courtroomJoin.received()')  # type: ignore[attr-defined]
    return {source: value.get('video', 0) for source, value in counts.items()}


def run(n: int, seconds: float, pdf: Path) -> dict:
    server = make_server(Path(tempfile.mkdtemp(prefix=f'bench-hearings-{n}-')))
    server.start()
    assert server.process is not None
    for task in os.listdir(f'/proc/{server.process.pid}/task'):  # back to the normal priority, every thread
        os.setpriority(os.PRIO_PROCESS, int(task), 0)  # (its media workers, started later, inherit it)
    clerk = {'Authorization': f'Bearer {server.token("clerk")}'}
    procurator = {'Authorization': f'Bearer {server.token("procurator")}'}
    api = httpx.Client(base_url=server.url, timeout=120)
    try:
        hearings = []
        for k in range(n):
            with server.client('clerk') as staffing:
                h = staffing.post('/api/hearings', json={'case_number': f'{k + 1}/2026/HSST',
                                                         'title': f'Phòng xử án {k + 1}'}).json()['id']
            with pdf.open('rb') as f:
                exhibit = api.post(f'/api/hearings/{h}/bundles', files={'files': ('ho-so.pdf', f)},
                                   headers=clerk).json()['exhibits'][0]['id']
            point = api.post(f'/api/hearings/{h}/points', headers=clerk,
                             json={'name': 'Trại tạm giam', 'kind': 'detention_facility'}).json()
            people = [api.post(f'/api/hearings/{h}/participants', headers=clerk,
                               json={'name': name, 'role': role, 'point_id': point['id']}).json()
                      for name, role in (('Bị cáo', 'defendant'), ('Người làm chứng', 'witness'))]
            screens = [api.post(f'/api/hearings/{h}/screens', headers=clerk,
                                json={'name': name, 'audience': audience}).json() for name, audience in SCREENS]
            hearings.append({'id': h, 'exhibit': exhibit, 'people': people, 'screens': screens})

        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = launch_chromium(p, media=True)
            watched = []
            for hearing in hearings:
                for person in hearing['people']:
                    page = browser.new_context(locale='vi-VN').new_page()
                    page.goto(person['join_url'])
                    page.get_by_test_id('join-button').click(timeout=60_000)
                    api.post(f'/api/participants/{person["id"]}/admit', headers=clerk)
                    other = next(q for q in hearing['people'] if q is not person)
                    watched.append((page, str(other['id'])))
                for screen in hearing['screens']:
                    browser.new_page(viewport={'width': 1280, 'height': 720}).goto(screen['url'])
                api.post(f'/api/hearings/{hearing["id"]}/recording', headers=clerk, json={'on': True})
            lower_browsers()
            deadline = time.time() + 60  # every participant decodes the other's picture
            while time.time() < deadline and not all(received(pg).get(src, 0) > 30 for pg, src in watched):
                time.sleep(1)
            time.sleep(5)  # settled
            lower_browsers()
            procs = [server.process.pid, *workers(server.process.pid)]
            cpu_before = {pid: cpu_seconds(pid) for pid in procs}
            browsers_before, idle_before = browsers_cpu(), machine_idle()
            frames_before = [received(pg).get(src, 0) for pg, src in watched]
            sent_before = [sent(pg)['frames'] for pg, _ in watched]
            started, late, publishes, version = time.time(), 0, 0, {}
            while time.time() < started + seconds:
                for hearing in hearings:
                    answer = api.post(f'/api/hearings/{hearing["id"]}/publish', headers=procurator,
                                      json={'exhibit_id': hearing['exhibit'], 'page': 1 + publishes % 20})
                    version[hearing['id']] = (answer.json()['version'], time.time())
                publishes += 1
                time.sleep(PUBLISH_EVERY_S - 2)
                for hearing in hearings:  # every screen has it within 2 s of the publish
                    wanted, _ = version[hearing['id']]
                    states = api.get(f'/api/hearings/{hearing["id"]}/screens', headers=clerk).json()
                    late += sum(1 for s in states if s['version'] < wanted)
                time.sleep(2)
            elapsed = time.time() - started
            frames_after = [received(pg).get(src, 0) for pg, src in watched]
            sent_after = [sent(pg) for pg, _ in watched]
            cpu_after = {pid: cpu_seconds(pid) for pid in procs}
            browsers_after, idle_after = browsers_cpu(), machine_idle()
            browser.close()
    finally:
        server.stop()
    fps = [(b - a) / elapsed for a, b in zip(frames_before, frames_after, strict=True)]
    sent_fps = [(b['frames'] - a) / elapsed for a, b in zip(sent_before, sent_after, strict=True)]
    limited = sorted({s['limited'] for s in sent_after})
    web = (cpu_after[procs[0]] - cpu_before[procs[0]]) / elapsed
    media = sum(cpu_after[p] - cpu_before[p] for p in procs[1:]) / elapsed
    clients = sum(browsers_after[p] - browsers_before[p] for p in browsers_after if p in browsers_before) / elapsed
    return {'hearings': n, 'fps': fps, 'web_cpu': web, 'workers_cpu': media, 'late_screens': late,
            'publishes': publishes * n, 'browsers_cpu': clients, 'idle': (idle_after - idle_before) / elapsed,
            'sent_fps': sent_fps, 'limited': limited}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument('--max', type=int, default=4)
    parser.add_argument('--seconds', type=float, default=30.0)
    parser.add_argument('--all', action='store_true', help='go on to --max after a target is missed')
    args = parser.parse_args()
    pdf = make_bundle(Path(tempfile.gettempdir()) / 'courtroom-bench' / 'bundle-20.pdf', 20)
    os.nice(10)  # this process, Playwright and Chromium below the servers it starts (each put back to 0)
    results = []
    for n in range(1, args.max + 1):
        result = run(n, args.seconds, pdf)
        results.append(result)
        base = statistics.median(results[0]['fps'])
        worst = min(result['fps'])
        met = worst >= 0.9 * base and result['late_screens'] == 0
        print(f'{n} hearing(s): web {result["web_cpu"]:.2f} + workers {result["workers_cpu"]:.2f} CPU-s/s '
              f'(browsers {result["browsers_cpu"]:.2f}, machine idle {result["idle"]:.2f} of {os.cpu_count()}); '
              f'participant fps min {worst:.1f} median {statistics.median(result["fps"]):.1f} '
              f'(one hearing alone: {base:.1f}; {worst / base:.2f}x); sent fps median '
              f'{statistics.median(result["sent_fps"]):.1f}, limited by {"/".join(result["limited"])}; '
              f'screens late {result["late_screens"]} of '
              f'{result["publishes"] * len(SCREENS)} -> {"met" if met else "NOT met"}', flush=True)
        if not met and not args.all:
            break


if __name__ == '__main__':
    main()
