"""The web process's C allocator settings (presenter.allocator) against glibc's own: pages drawn as the server
draws them (PyMuPDF, then Pillow's JPEG, in its two thread pools: render-ahead's 2 threads and the I/O pool's), 240
pages of a 200-page bundle at 960, 1280 and 1920 px. Each setting runs in a fresh process, in turn, ``--rounds``
times; it prints the resident memory at the end and the time taken, and their ratios to glibc's own.

    .venv/bin/python bench/bench_allocator.py [--rounds 2]
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import make_bundle

WIDTHS = (960, 1280, 1920)
PAGES = 240


def rss_mb() -> float:
    status = Path('/proc/self/status').read_text()
    return next(int(line.split()[1]) for line in status.splitlines() if line.startswith('VmRSS:')) / 1024


def draw(pdf: Path, tuned: bool) -> tuple[float, float]:
    """(resident MB, seconds) after drawing every page, in this process."""
    if tuned:
        from presenter import allocator

        assert allocator.tune()
    import pymupdf
    from PIL import Image

    def one(number: int, width: int) -> int:
        with pymupdf.open(pdf) as doc:
            page = doc[number % doc.page_count]
            zoom = width / page.rect.width
            pix = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
            image = Image.frombytes('RGB', (pix.width, pix.height), pix.samples)
        out = io.BytesIO()
        image.save(out, 'JPEG', quality=85)
        return len(out.getvalue())

    pools = [ThreadPoolExecutor(2), ThreadPoolExecutor(4)]
    started = time.perf_counter()
    for number in range(PAGES):
        list(pools[number % 2].map(lambda width, n=number: one(n, width), WIDTHS))
    return rss_mb(), time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument('--rounds', type=int, default=2)
    parser.add_argument('--child', choices=['glibc', 'tuned'])
    args = parser.parse_args()
    pdf = make_bundle(Path(tempfile.gettempdir()) / 'courtroom-bench' / 'bundle-200.pdf', 200)
    if args.child:
        rss, seconds = draw(pdf, args.child == 'tuned')
        print(f'{rss:.1f} {seconds:.2f}')
        return
    found: dict[str, list[tuple[float, float]]] = {'glibc': [], 'tuned': []}
    for _ in range(args.rounds):
        for setting in found:
            out = subprocess.run([sys.executable, __file__, '--child', setting], capture_output=True, text=True,
                                 check=True).stdout.split()
            found[setting].append((float(out[0]), float(out[1])))
            print(f'{setting:6s} {out[0]} MB  {out[1]} s', flush=True)
    rss = {k: statistics.median(r for r, _ in v) for k, v in found.items()}
    seconds = {k: statistics.median(s for _, s in v) for k, v in found.items()}
    print(f'\nresident memory: {rss["tuned"]:.0f} MB tuned, {rss["glibc"]:.0f} MB glibc '
          f'({rss["tuned"] / rss["glibc"]:.2f}x); time {seconds["tuned"]:.1f} s against {seconds["glibc"]:.1f} s '
          f'({seconds["tuned"] / seconds["glibc"]:.2f}x)')


if __name__ == '__main__':
    main()
