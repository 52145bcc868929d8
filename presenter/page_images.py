"""Exhibit page images: the rendered file of a page at a width (from the render cache, or rendered now), with the
page's redactions burned in as its viewer may see them (media.redact), and a page's shape (width over height),
which screens use to ask for an image no wider than they show it."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from courtroom.visibility import Audience
from media import redact
from media.image_sizes import THUMB_WIDTH
from media.redact import Burn

from .services import Services


def burn_for(audience: Audience) -> Burn:
    """The trial panel sees a redaction outlined over the content; every other audience sees it black."""
    return Burn.OUTLINE if audience is Audience.PANEL else Burn.BLACK


def page_image(services: Services, exhibit_id: int, page: int, width: int, burn: Burn) -> Path:
    """The page's image file with its redactions burned in as ``burn``, from the render cache or rendered now
    (blocking: call from a worker thread)."""
    exhibit = services.exhibits.get(exhibit_id)
    services.exhibits.check_page(exhibit, page)
    source = services.evidence.path(exhibit.sha256)
    redactions = services.redactions.page(exhibit_id, page) if burn is not Burn.NONE else None
    return redact.render_page(source, sha256=exhibit.sha256, kind=exhibit.kind,
                              source_page=exhibit.source_page(page), width=width,
                              cache_dir=services.settings.cache_dir, title=exhibit.title, media=exhibit.media,
                              boxes=redactions.boxes if redactions else (), key=redactions.key if redactions else '',
                              burn=burn)


# an exhibit's pages never change, so their shapes are remembered by (exhibit id, page) for the process's life
ASPECTS: dict[tuple[int, int], float] = {}


def page_aspect(services: Services, exhibit_id: int, page: int) -> float:
    """Width over height of a page, read from its thumbnail's header (rendered if need be) and remembered: a screen
    asks for an image as wide as it will show it, no wider. Blocking on a miss: call from a worker thread, after
    looking in ``ASPECTS``."""
    if (exhibit_id, page) not in ASPECTS:
        with Image.open(page_image(services, exhibit_id, page, THUMB_WIDTH, Burn.NONE)) as image:
            ASPECTS[exhibit_id, page] = image.width / image.height
    return ASPECTS[exhibit_id, page]
