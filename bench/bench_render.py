"""Page rendering: what a 1920 px page costs to rasterise and to encode, and what render_page adds on top.

Run: .venv/bin/python bench/bench_render.py [--pages N]

Everything is measured in one run on a generated multi-page PDF (text, vector drawing, a photo-like image), as
medians over the pages, and printed as ratios to the bare ``get_pixmap``, so the numbers compare across machines.
The goal for render_page's cache miss is at most 1.2x bare get_pixmap + the fastest encoder.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pymupdf
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from media.image_sizes import PAGE_JPEG_QUALITY
from media.render import PNG_COMPRESS_LEVEL, render_page

WIDTH = 1920


def make_pdf(path: Path, pages: int) -> None:
    """A4 pages that look like a case file: paragraphs of Vietnamese text, a table, a photo-like gradient."""
    font = pymupdf.Font('notos')
    doc = pymupdf.open()
    photo = Image.radial_gradient('L').resize((600, 400)).convert('RGB')
    buffer = io.BytesIO()
    photo.save(buffer, 'JPEG', quality=90)
    text = ('Biên bản hỏi cung bị can. Hôm nay, tại trại tạm giam, điều tra viên đã tiến hành hỏi cung '
            'theo quy định của Bộ luật Tố tụng hình sự; bị can khai rõ về thời gian, địa điểm, diễn biến. ') * 4
    for n in range(pages):
        page = doc.new_page(width=595, height=842)
        page.insert_font(fontname='notos', fontbuffer=font.buffer)
        page.insert_textbox(pymupdf.Rect(60, 60, 535, 400), f'BL {n + 1}\n{text}', fontname='notos', fontsize=11)
        for row in range(8):
            y = 420 + row * 18
            page.draw_rect(pymupdf.Rect(60, y, 535, y + 18), color=(0, 0, 0), width=0.5)
            page.insert_text((66, y + 13), f'Mục {row + 1}: vật chứng số {n * 10 + row}', fontname='notos',
                             fontsize=10)
        if n % 2 == 0:
            page.insert_image(pymupdf.Rect(60, 580, 360, 780), stream=buffer.getvalue())
    doc.save(path)


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--pages', type=int, default=12)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        source = tmp / 'bundle.pdf'
        make_pdf(source, args.pages)
        sha = hashlib.sha256(source.read_bytes()).hexdigest()

        times: dict[str, list[float]] = {k: [] for k in (
            'get_pixmap', 'jpeg_pillow', 'jpeg_mupdf', 'png_mupdf', 'png_pillow', 'webp_pillow',
            'render_miss', 'render_hit', 'render_miss_png')}
        sizes: dict[str, list[int]] = {k: [] for k in ('jpeg_pillow', 'jpeg_mupdf', 'png_mupdf', 'png_pillow',
                                                       'webp_pillow')}
        doc = pymupdf.open(source)
        render_page(source, sha256=sha, kind='document', source_page=1, width=WIDTH, cache_dir=tmp / 'warm')  # warm-up
        for n in range(args.pages):
            page = doc[n]
            zoom = WIDTH / page.rect.width
            matrix = pymupdf.Matrix(zoom, zoom)
            start = time.perf_counter()
            pix = page.get_pixmap(matrix=matrix, alpha=False, annots=True)
            times['get_pixmap'].append(time.perf_counter() - start)

            encoders: dict[str, Callable[[pymupdf.Pixmap], bytes]] = {
                'jpeg_pillow': lambda pix: _save(_pil_image(pix), 'JPEG', quality=PAGE_JPEG_QUALITY),
                'jpeg_mupdf': lambda pix: pix.tobytes('jpeg', jpg_quality=PAGE_JPEG_QUALITY),
                'png_mupdf': lambda pix: pix.tobytes('png'),
                'png_pillow': lambda pix: _save(_pil_image(pix), 'PNG', compress_level=PNG_COMPRESS_LEVEL),
                'webp_pillow': lambda pix: _save(_pil_image(pix), 'WEBP', quality=PAGE_JPEG_QUALITY),
            }
            for name, encode in encoders.items():
                start = time.perf_counter()
                data = encode(pix)
                times[name].append(time.perf_counter() - start)
                sizes[name].append(len(data))

            def ours(fmt: str, cache: Path, page: int = n + 1) -> Path:
                return render_page(source, sha256=sha, kind='document', source_page=page, width=WIDTH,
                                   cache_dir=cache, fmt=fmt)

            times['render_miss'].append(timed(partial(ours, 'jpeg', tmp / f'cache{n}')))
            times['render_hit'].append(timed(partial(ours, 'jpeg', tmp / f'cache{n}')))
            times['render_miss_png'].append(timed(partial(ours, 'png', tmp / f'png{n}')))

    base = median_ms(times['get_pixmap'])
    medians = {k: median_ms(v) for k, v in times.items()}
    encodings = ('jpeg_pillow', 'jpeg_mupdf', 'png_mupdf', 'png_pillow', 'webp_pillow')
    fastest = min(encodings, key=lambda k: medians[k])
    print(f'{args.pages} A4 pages at {WIDTH} px, medians (pymupdf {pymupdf.VersionBind}, MuPDF {pymupdf.VersionFitz})')
    print(f'{"step":<28}{"ms":>9}{"x get_pixmap":>14}{"KB":>9}')
    print(f'{"get_pixmap (bare)":<28}{base:>9.1f}{1.0:>14.2f}{"":>9}')
    for name in encodings:
        kb = statistics.median(sizes[name]) / 1024
        print(f'{"encode " + name:<28}{medians[name]:>9.1f}{medians[name] / base:>14.2f}{kb:>9.0f}')
    print(f'{"render_page miss (jpeg)":<28}{medians["render_miss"]:>9.1f}{medians["render_miss"] / base:>14.2f}')
    print(f'{"render_page miss (png)":<28}{medians["render_miss_png"]:>9.1f}{medians["render_miss_png"] / base:>14.2f}')
    print(f'{"render_page hit":<28}{medians["render_hit"]:>9.3f}{medians["render_hit"] / base:>14.3f}')
    floor = base + medians[fastest]
    ratio = medians['render_miss'] / floor
    verdict = 'ok' if ratio <= 1.2 else 'OVER GOAL'
    print(f'fastest encoder: {fastest}; render_page miss / (get_pixmap + {fastest}) = {ratio:.2f} '
          f'(goal <= 1.2: {verdict})')
    print(f'render_page hit / miss = {medians["render_hit"] / medians["render_miss"]:.4f}')


def _pil_image(pix: pymupdf.Pixmap) -> Image.Image:
    return Image.frombuffer('RGB', (pix.width, pix.height), pix.samples_mv, 'raw', 'RGB', pix.stride, 1)


def _save(image: Image.Image, fmt: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


if __name__ == '__main__':
    main()
