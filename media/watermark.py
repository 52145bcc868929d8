"""Watermarks on the evidence a remote participant sees: their name, repeated diagonally across the page, so a
photographed or captured screen names who leaked it (Joint Circular 05/2021: participants may not record or
redistribute). The original is never touched: this makes a new image from a rendered page."""

from __future__ import annotations

import io
import math
from functools import lru_cache

import pymupdf
from PIL import Image, ImageDraw, ImageFont

from .image_sizes import PAGE_JPEG_QUALITY


@lru_cache(maxsize=8)
def _font(size: int) -> ImageFont.FreeTypeFont:
    # Noto Sans from pymupdf-fonts: it covers Vietnamese, which Pillow's default bitmap font does not
    return ImageFont.truetype(io.BytesIO(pymupdf.Font('notos').buffer), size)


@lru_cache(maxsize=32)
def _mask(text: str, width: int, height: int) -> Image.Image:
    """The translucent text for a page of this size: made once, reused for every page of that size."""
    size = max(14, width // 28)
    font = _font(size)
    label = f'{text}   ·   '
    step = max(1, int(font.getlength(label)))
    side = int(math.hypot(width, height)) + 2 * size
    tile = Image.new('L', (side, side), 0)
    draw = ImageDraw.Draw(tile)
    for row, y in enumerate(range(0, side, size * 5)):
        for x in range(-(row % 2) * step // 2, side, step):
            draw.text((x, y), label, font=font, fill=70)
    tile = tile.rotate(30, resample=Image.Resampling.BILINEAR)
    left, top = (side - width) // 2, (side - height) // 2
    return tile.crop((left, top, left + width, top + height))


def watermark(jpeg: bytes, text: str) -> bytes:
    """``jpeg`` with ``text`` tiled at 30° in translucent grey, as a new JPEG."""
    with Image.open(io.BytesIO(jpeg)) as source:
        page = source.convert('RGB')
    page.paste((90, 90, 90), (0, 0, page.width, page.height), _mask(text, page.width, page.height))
    out = io.BytesIO()
    page.save(out, 'JPEG', quality=PAGE_JPEG_QUALITY)
    return out.getvalue()
