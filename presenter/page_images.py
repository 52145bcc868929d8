"""Exhibit page images: the rendered file of a page at a width (from the render cache, or rendered now) and a
page's shape (width over height), which screens use to ask for an image no wider than they show it."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from media import render
from media.image_sizes import THUMB_WIDTH

from .services import Services


def page_image(services: Services, exhibit_id: int, page: int, width: int) -> Path:
    """The page's image file, from the render cache or rendered now (blocking: call from a worker thread)."""
    exhibit = services.exhibits.get(exhibit_id)
    services.exhibits.check_page(exhibit, page)
    source = services.evidence.path(exhibit.sha256)
    return render.render_page(source, sha256=exhibit.sha256, kind=exhibit.kind,
                              source_page=exhibit.source_page(page), width=width,
                              cache_dir=services.settings.cache_dir, title=exhibit.title, media=exhibit.media)


# an exhibit's pages never change, so their shapes are remembered by (exhibit id, page) for the process's life
ASPECTS: dict[tuple[int, int], float] = {}


def page_aspect(services: Services, exhibit_id: int, page: int) -> float:
    """Width over height of a page, read from its thumbnail's header (rendered if need be) and remembered: a screen
    asks for an image as wide as it will show it, no wider. Blocking on a miss: call from a worker thread, after
    looking in ``ASPECTS``."""
    if (exhibit_id, page) not in ASPECTS:
        with Image.open(page_image(services, exhibit_id, page, THUMB_WIDTH)) as image:
            ASPECTS[exhibit_id, page] = image.width / image.height
    return ASPECTS[exhibit_id, page]
