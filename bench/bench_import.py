"""Import of a generated 1,000-page bundle, as a ratio to a bare PyMuPDF loop doing the same work in the same run
(open, hash, extract text, one 240 px thumbnail per page); and search over those pages.

    .venv/bin/python bench/bench_import.py [PAGES]

Each variant runs in a fresh process, alternating, so their peak memory is their own; goal: ratio ≤ 1.3,
peak memory under 400 MB, search median under 20 ms."""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import make_bundle, run_child

# the bare loop encodes thumbnails with Pillow, the fastest encoder measured (MuPDF's own JPEG is ~3x slower)
BARE = '''
import hashlib, io, sys, time, pymupdf
from PIL import Image
path = sys.argv[1]
start = time.perf_counter()
with open(path, 'rb') as f:
    hashlib.file_digest(f, 'sha256')
doc = pymupdf.open(path)
texts = []
for page in doc:
    texts.append(page.get_text())
    zoom = 240 / page.rect.width
    pix = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
    Image.frombytes('RGB', (pix.width, pix.height), pix.samples).save(io.BytesIO(), 'JPEG', quality=80)
RESULT = {"seconds": time.perf_counter() - start}
'''

OURS = '''
import sys, time, tempfile
from pathlib import Path
from courtroom.settings import Settings
from presenter.services import build_services
from media.bundle import import_bundle
data = Path(tempfile.mkdtemp())
services = build_services(Settings.load(data_dir=data))
hearing = services.hearings.create(case_number='1', title='bench', actor='bench')
s = services.settings
start = time.perf_counter()
import_bundle([Path(sys.argv[1])], hearing_id=hearing.id, actor='bench', exhibits=services.exhibits,
              evidence=services.evidence, cache_dir=s.cache_dir, limits=s.limits, tmp_dir=s.tmp_dir)
seconds = time.perf_counter() - start
search_ms = []
for q in ['loi khai', 'BL 500', 'vat chung', 'bút lục 999', 'hang bai', 'co quan dieu tra']:
    for _ in range(10):
        t = time.perf_counter()
        services.search.search(hearing.id, q)
        search_ms.append((time.perf_counter() - t) * 1000)
import statistics
RESULT = {"seconds": seconds, "search_median_ms": statistics.median(search_ms), "search_max_ms": max(search_ms)}
'''


def main() -> None:
    pages = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    folder = Path(tempfile.gettempdir()) / 'courtroom-bench'
    folder.mkdir(exist_ok=True)
    pdf = make_bundle(folder / f'bundle-{pages}.pdf', pages)
    bare, ours = [], []
    for _ in range(3):
        bare.append(run_child(BARE, str(pdf)))
        ours.append(run_child(OURS, str(pdf)))
    bare_s = statistics.median(r['seconds'] for r in bare)
    ours_s = statistics.median(r['seconds'] for r in ours)
    print(f'bundle: {pages} pages, {pdf.stat().st_size / 1e6:.1f} MB')
    print(f'bare PyMuPDF loop   median {bare_s:6.2f} s   peak {max(r["peak_mb"] for r in bare):5.0f} MB')
    print(f'courtroom import    median {ours_s:6.2f} s   peak {max(r["peak_mb"] for r in ours):5.0f} MB')
    print(f'ratio import/bare   {ours_s / bare_s:.2f}   (goal <= 1.3)')
    print(f'search median       {statistics.median(r["search_median_ms"] for r in ours):.2f} ms '
          f'(max {max(r["search_max_ms"] for r in ours):.2f} ms; goal median < 20 ms)')


if __name__ == '__main__':
    main()
