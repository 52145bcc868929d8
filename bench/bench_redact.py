"""Redaction: the first render of a page with 3 redaction boxes burned in, against the first render of the same page
without (issue 9: at most 1.3x).

Run: .venv/bin/python bench/bench_redact.py [--pages N] [--width W]

Both are cache misses of ``media.redact.render_page`` (each variant renders into a cache folder of its own), on the
generated case-file pages of bench_render.py, at the screens' usual width; the two alternate page by page, which
one goes first alternating too, so the machine's load falls on both alike. Printed: the medians over the pages and
their ratio, for black boxes (every audience but the panel) and outlined ones (the trial panel).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_render import make_pdf
from courtroom.exhibits import ExhibitKind
from courtroom.redactions import Box, PageRedactions
from media.hashing import file_sha256
from media.redact import Burn, render_page

BOXES = (Box(0.1, 0.07, 0.6, 0.1), Box(0.3, 0.3, 0.9, 0.36), Box(0.1, 0.69, 0.6, 0.93))  # a name, a line, a photo
GOAL = 1.3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--pages', type=int, default=20)
    parser.add_argument('--width', type=int, default=1920)
    args = parser.parse_args()
    key = PageRedactions(1, BOXES).key
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / 'bundle.pdf'
        make_pdf(source, args.pages)
        sha = file_sha256(source)
        times: dict[Burn, list[float]] = {burn: [] for burn in Burn}
        render_page(source, sha256=sha, kind=ExhibitKind.DOCUMENT, source_page=1, width=64,
                    cache_dir=Path(tmp) / 'warm', boxes=BOXES, key=key, burn=Burn.BLACK)  # fonts, imports
        for page in range(1, args.pages + 1):
            order = list(Burn) if page % 2 else list(reversed(Burn))
            for burn in order:
                start = time.perf_counter()
                render_page(source, sha256=sha, kind=ExhibitKind.DOCUMENT, source_page=page, width=args.width,
                            cache_dir=Path(tmp) / burn.value, boxes=BOXES if burn is not Burn.NONE else (),
                            key=key, burn=burn)
                times[burn].append(time.perf_counter() - start)
    plain = statistics.median(times[Burn.NONE]) * 1000
    print(f'first render at {args.width} px, median of {args.pages} pages (3 boxes):')
    print(f'  without redactions  {plain:7.1f} ms')
    for burn in (Burn.BLACK, Burn.OUTLINE):
        ms = statistics.median(times[burn]) * 1000
        ratio = ms / plain
        verdict = 'met' if ratio <= GOAL else 'MISSED'
        print(f'  {burn.value:<19} {ms:7.1f} ms  {ratio:.2f}x  (goal <= {GOAL}x: {verdict})')


if __name__ == '__main__':
    main()
