"""Bridges domain events to NiceGUI clients. The domain emits from whichever thread changed the state (API routes
run in a thread pool); a page's callback must run on the event loop, in its own client's context, and must stop
when the page is gone."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from nicegui import Client, background_tasks, context, storage

from courtroom.events import Event
from media.redact import Burn

from .page_images import page_image
from .services import Services

logger = logging.getLogger(__name__)
T = TypeVar('T')

# one small pool for work a page asks for in the background (pre-rendering the pages likely to be shown next)
_background = ThreadPoolExecutor(max_workers=2, thread_name_prefix='prerender')


async def _in_context(client: Client, coroutine: Coroutine[Any, Any, object]) -> None:
    """Run a callback's coroutine in its page's context: a new task starts with no NiceGUI slot stack, so without
    this the coroutine's ui calls (and app.storage.user) fail once it passes its first await."""
    with client:
        try:
            await coroutine
        except Exception:
            logger.exception('page event callback failed')


def follow(event: Event[T], callback: Callable[[T], object]) -> None:
    """Call ``callback(value)`` on this page's event loop for every ``event``, until the page's client is deleted."""
    loop = asyncio.get_running_loop()
    client = context.client

    def run(value: T) -> None:
        if client.id not in client.instances:  # deleted meanwhile
            return
        # as NiceGUI does for a UI event: the page's request, so app.storage.user (the user's language) works
        storage.request_contextvar.set(client.request)
        with client:
            result = callback(value)
        if asyncio.iscoroutine(result):
            background_tasks.create(_in_context(client, result), name='follow')

    def deliver(value: T) -> None:
        try:
            loop.call_soon_threadsafe(run, value)
        except RuntimeError:  # the loop has closed: the server is stopping
            pass

    unsubscribe = event.subscribe(deliver)
    client.on_delete(unsubscribe)


def prerender(services: Services, exhibit_id: int, pages: list[int], widths: tuple[int, ...] = (1920,)) -> None:
    """Render, in the background, the pages a presenter is likely to publish next, so that publishing them only
    serves a cached file. Runs on the server: a screen never holds a page it may not show."""
    def work() -> None:
        try:
            exhibit = services.exhibits.get(exhibit_id)
        except Exception:
            return
        for page in pages:
            if 1 <= page <= exhibit.page_count:
                # a redacted page as each audience sees it (with no boxes, they all share the plain rendering)
                redacted = bool(services.redactions.page(exhibit_id, page).boxes)
                burns = [Burn.NONE, Burn.BLACK, Burn.OUTLINE] if redacted else [Burn.NONE]
                for width in widths:
                    try:
                        for burn in burns:
                            page_image(services, exhibit_id, page, width, burn)
                    except Exception:
                        logger.exception('pre-rendering exhibit %s page %s failed', exhibit_id, page)

    _background.submit(work)
