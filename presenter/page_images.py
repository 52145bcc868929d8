"""Exhibit page images: the rendered file of a page at a width (from the render cache, or rendered now), with the
page's redactions burned in as its viewer may see them (media.redact), and a page's shape (width over height),
which screens use to ask for an image no wider than they show it.

Pages are rendered in child processes (RENDER_PROCESSES), not in the web process's threads: PyMuPDF does not let
go of Python's GIL while it draws or encodes, so a page drawn in a thread held the event loop of every page and
socket of the server for as long (a 1920 px page tens of ms, a PNG ~170 ms; the soak benchmark saw holds of 0.3 to
0.9 s after each publish, when the pages beside it are rendered ahead at every screen's width). A file already in
the render cache is found without them."""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

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
    return render(source, sha256=exhibit.sha256, kind=exhibit.kind, source_page=exhibit.source_page(page),
                  width=width, cache_dir=services.settings.cache_dir, title=exhibit.title, media=exhibit.media,
                  boxes=redactions.boxes if redactions else (), key=redactions.key if redactions else '', burn=burn)


RENDER_PROCESSES = 2  # this machine's cores; more only queue for them
_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()


def render(source: Path, **page: Any) -> Path:
    """media.redact.render_page in a child process (blocking: call from a worker thread); once more in a new pool
    if the old one broke (a child killed)."""
    for attempt in (1, 2):
        pool = _renderers()
        try:
            future: Future[Path] = pool.submit(redact.render_page, source, **page)
            return future.result()
        except BrokenProcessPool:
            _drop(pool)
            if attempt == 2:
                raise
    raise AssertionError('unreachable')


def _renderers() -> ProcessPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:  # forkserver: a child is not forked from this process and its threads; it is forked
            # with PyMuPDF and Pillow already imported. The children last as long as this process (they leave at
            # its exit): a page's render does not wait for one to start.
            context = multiprocessing.get_context('forkserver')
            context.set_forkserver_preload(['media.redact'])
            _pool = ProcessPoolExecutor(RENDER_PROCESSES, mp_context=context)
        return _pool


def _drop(pool: ProcessPoolExecutor) -> None:
    global _pool
    with _pool_lock:
        if _pool is pool:
            _pool = None
    pool.shutdown(wait=False, cancel_futures=True)


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
