"""A cached page served over HTTP by a real server: median latency of GET /api/exhibits/{id}/pages/{n}?width=1920
once rendered (goal: under 5 ms), beside /api/health measured in the same run as the baseline of the stack itself.

    .venv/bin/python bench/bench_serve.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import make_bundle
from tests.conftest import PASSWORD, make_server


def timed(client: httpx.Client, url: str, repeat: int, **kwargs: object) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url, **kwargs)
        response.raise_for_status()
        _ = response.content
        out.append((time.perf_counter() - start) * 1000)
    return out


def main() -> None:
    pdf = make_bundle(Path(tempfile.gettempdir()) / 'courtroom-bench' / 'bundle-50.pdf', 50)
    server = make_server(Path(tempfile.mkdtemp(prefix='bench-serve-')))
    server.start()
    try:
        with httpx.Client(base_url=server.url, timeout=60) as client:
            token = client.post('/api/auth/token', data={'username': 'clerk', 'password': PASSWORD}).json()
            headers = {'Authorization': f'Bearer {token["access_token"]}'}
            hearing = client.post('/api/hearings', json={'case_number': 'b', 'title': 'bench'}, headers=headers).json()
            with pdf.open('rb') as f:
                exhibit = client.post(f'/api/hearings/{hearing["id"]}/bundles', files={'files': ('b.pdf', f)},
                                      headers=headers).json()['exhibits'][0]
            first = [timed(client, f'/api/exhibits/{exhibit["id"]}/pages/{n}', 1, params={'width': 1920},
                           headers=headers)[0] for n in range(1, 21)]
            health, cached = [], []
            for _ in range(5):  # interleaved, so both see the same machine
                health += timed(client, '/api/health', 40)
                cached += timed(client, f'/api/exhibits/{exhibit["id"]}/pages/1', 40, params={'width': 1920},
                                headers=headers)
    finally:
        server.stop()
    print(f'first render over HTTP, 1920 px   median {statistics.median(first):7.2f} ms')
    print(f'GET /api/health                   median {statistics.median(health):7.2f} ms')
    print(f'cached page over HTTP, 1920 px    median {statistics.median(cached):7.2f} ms '
          f'(p95 {statistics.quantiles(cached, n=20)[-1]:.2f} ms; goal median < 5 ms)')
    print(f'ratio cached page / health        {statistics.median(cached) / statistics.median(health):.2f}')


if __name__ == '__main__':
    main()
