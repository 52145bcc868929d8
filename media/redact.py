"""Redaction in the renderer: a page's redaction boxes burned into its image, server-side.

``BLACK`` replaces every pixel under a box with black before the image is encoded, so the file served has no trace
of what was there (it is not an overlay a client could remove); ``OUTLINE`` is the trial panel's view, the content
with each box outlined. A redacted rendering is cached beside the plain one, its name carrying the page's
redaction key (courtroom.redactions.PageRedactions.key): a new box is never served from an older file, and a page
with no boxes is the plain rendering itself. Rendering from the source costs the same as the plain rendering plus
filling a few rectangles (bench/bench_redact.py).

``words_in_box`` finds a document page's words under a box, for search to hide them (courtroom.redactions).

Everything here blocks: call it from a worker thread."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import Any

from PIL import ImageDraw

from courtroom.exhibits import ExhibitKind
from courtroom.redactions import Box

from . import render
from .pdf import MUPDF_LOCK, open_pdf


class Burn(StrEnum):
    """How a page's redactions are drawn into its image."""

    NONE = 'none'  # the original (staff who may see it)
    BLACK = 'black'  # every audience but the trial panel
    OUTLINE = 'outline'  # the trial panel: the content, each box outlined


OUTLINE_COLOR = (220, 38, 38)
_WORD = re.compile(r'[^\W_]+')


def pixel_box(box: Box, width: int, height: int) -> tuple[int, int, int, int]:
    """The box in pixels, rounded outwards: every pixel the box touches is inside (inclusive corners)."""
    x0, y0 = math.floor(box.x0 * width), math.floor(box.y0 * height)
    x1, y1 = math.ceil(box.x1 * width) - 1, math.ceil(box.y1 * height) - 1
    return max(0, x0), max(0, y0), min(width - 1, max(x0, x1)), min(height - 1, max(y0, y1))


def cache_file(cache_dir: Path, *, sha256: str, source_page: int, width: int, key: str, burn: Burn,
               fmt: str = 'jpeg') -> Path:
    """Where a rendering with the boxes named by ``key`` burned in as ``burn`` lives (the plain file when there is
    nothing to burn)."""
    plain = render.cache_file(cache_dir, sha256=sha256, source_page=source_page, width=width, fmt=fmt)
    if not key or burn is Burn.NONE:
        return plain
    if not re.fullmatch(r'[0-9a-f]{1,64}', key):
        raise ValueError(f'bad redaction key {key!r}')
    return plain.with_name(f'{plain.stem}-{"x" if burn is Burn.BLACK else "o"}{key}{plain.suffix}')


def cached_path(cache_dir: Path, *, sha256: str, source_page: int, width: int, key: str, burn: Burn,
                fmt: str = 'jpeg') -> Path | None:
    """The cached rendering if it is there, without rendering anything."""
    path = cache_file(cache_dir, sha256=sha256, source_page=source_page, width=width, key=key, burn=burn, fmt=fmt)
    try:
        return path if path.stat().st_size > 0 else None
    except FileNotFoundError:
        return None


def render_page(source: Path, *, sha256: str, kind: ExhibitKind | str, source_page: int, width: int, cache_dir: Path,
                boxes: Sequence[Box], key: str, burn: Burn, fmt: str = 'jpeg', title: str = '',
                media: dict[str, Any] | None = None) -> Path:
    """render.render_page with ``boxes`` burned in as ``burn``; ``key`` is their PageRedactions.key."""
    if not boxes or burn is Burn.NONE:
        return render.render_page(source, sha256=sha256, kind=kind, source_page=source_page, width=width,
                                  cache_dir=cache_dir, fmt=fmt, title=title, media=media)
    path = cache_file(cache_dir, sha256=sha256, source_page=source_page, width=width, key=key, burn=burn, fmt=fmt)
    if render._exists(path):
        return path
    image = render._render_image(Path(source), sha256=sha256, kind=render._kind(kind), source_page=source_page,
                                 width=width, title=title, media=media or {})
    draw = ImageDraw.Draw(image)
    line = max(2, round(image.width / 400))
    for box in boxes:
        x0, y0, x1, y1 = pixel_box(box, image.width, image.height)
        if burn is Burn.BLACK:
            draw.rectangle((x0, y0, x1, y1), fill=(0, 0, 0))
        else:
            draw.rectangle((x0, y0, x1, y1), outline=OUTLINE_COLOR, width=line)
    render._write_atomic(path, render._encode(image, fmt))
    return path


def words_in_box(source: Path, *, sha256: str, kind: ExhibitKind | str, source_page: int, box: Box) -> list[str]:
    """The words of a document page that the box covers, even in part (NFC, as the page's text has them); none for
    an image, a video or a recording (they have no text)."""
    if ExhibitKind(kind) is not ExhibitKind.DOCUMENT or not source.is_file():
        return []
    with MUPDF_LOCK, open_pdf(source, sha256) as doc:
        if not 1 <= source_page <= doc.page_count:
            return []
        page = doc[source_page - 1]
        rect = page.rect
        found: list[str] = []
        for x0, y0, x1, y1, text, *_ in page.get_text('words'):
            if box.overlaps((x0 - rect.x0) / rect.width, (y0 - rect.y0) / rect.height,
                            (x1 - rect.x0) / rect.width, (y1 - rect.y0) / rect.height):
                found += _WORD.findall(unicodedata.normalize('NFC', text))
        return found


def text_boxes(source: Path, *, sha256: str, source_page: int, text: str, pad: float = 0.003) -> list[Box]:
    """Where ``text`` is set on a document page, one box a line it spans, a little larger than its letters (the
    demo redacts an address this way)."""
    with MUPDF_LOCK, open_pdf(source, sha256) as doc:
        page = doc[source_page - 1]
        rect = page.rect
        return [Box(max(0.0, (r.x0 - rect.x0) / rect.width - pad), max(0.0, (r.y0 - rect.y0) / rect.height - pad),
                    min(1.0, (r.x1 - rect.x0) / rect.width + pad), min(1.0, (r.y1 - rect.y0) / rect.height + pad))
                for r in page.search_for(text)]
