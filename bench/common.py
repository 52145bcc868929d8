"""Helpers shared by the benchmarks: a generated bundle, timing, peak memory of a child process."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pymupdf

ROOT = Path(__file__).resolve().parent.parent

LOREM = ('Biên bản ghi lời khai của người làm chứng về việc xảy ra tại số 12 phố Hàng Bài, quận Hoàn Kiếm. '
         'Cơ quan điều tra đã tiến hành thu giữ vật chứng và lập biên bản theo quy định của Bộ luật Tố tụng hình sự. ')


def make_bundle(path: Path, pages: int) -> Path:
    """A text-heavy PDF of ``pages`` pages with a Vietnamese font, like a digitised case file's typed pages."""
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = pymupdf.open()
    font = pymupdf.Font('notos')
    for n in range(pages):
        page = doc.new_page()
        page.insert_font(fontname='notos', fontbuffer=font.buffer)
        page.insert_textbox(pymupdf.Rect(60, 60, 540, 780), f'Bút lục {n + 1}\n' + LOREM * 8, fontname='notos',
                            fontsize=11)
        page.draw_rect(pymupdf.Rect(400, 650, 540, 760), color=(0.2, 0.3, 0.6), fill=(0.8, 0.85, 0.95))
    doc.save(path, garbage=3, deflate=True)
    return path


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def run_child(code: str, *args: str) -> dict:
    """Run ``code`` in a fresh interpreter and return the JSON it prints plus its peak RSS in MB."""
    wrapper = (code + '\nimport resource, json, sys\n'
               'RESULT["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n'
               'print(json.dumps(RESULT))\n')
    out = subprocess.run([sys.executable, '-c', wrapper, *args], capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])
