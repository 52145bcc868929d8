"""Real Chromium (Debian's package, driven by Playwright) against the session's real server: one browser per
module, a fresh context per test, and helpers to sign in and to make small PDFs. Every wait in the browser
(actions and ``expect``) gets the suite's generous timeout: a fresh Chromium on a loaded machine is slow to start."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

from tests.conftest import PASSWORD, Server, make_pdf  # noqa: F401  (the e2e modules import it from here)
from tests.e2e.browser import launch_chromium
from tests.waiting import TIMEOUT

TIMEOUT_MS = TIMEOUT * 1000
expect.set_options(timeout=TIMEOUT_MS)


@pytest.fixture(scope='module')
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        browser = launch_chromium(p)
        yield browser
        browser.close()


def _media_chromium() -> Iterator[Browser]:
    with sync_playwright() as p:
        browser = launch_chromium(p, media=True)
        yield browser
        browser.close()


@pytest.fixture
def media_browser() -> Iterator[Browser]:
    """Chromium with a fake camera and microphone, permission given; one per test, so that no page of a test before
    (its camera, its calls) goes on taking the machine's time from the next one."""
    yield from _media_chromium()


@pytest.fixture(scope='module')
def module_media_browser() -> Iterator[Browser]:
    """One such Chromium for a module whose tests close what they open."""
    yield from _media_chromium()


@pytest.fixture
def page(browser: Browser, server: Server) -> Iterator[Page]:
    """A signed-out page in a context of its own. Whatever it loads must work under the server's
    Content-Security-Policy: a violation (Chromium says it on the console) fails the test."""
    context = browser.new_context(base_url=server.url, viewport={'width': 1366, 'height': 768}, locale='vi-VN')
    context.set_default_timeout(TIMEOUT_MS)
    refused: list[str] = []
    context.on('console', lambda m: refused.append(m.text) if 'Content Security Policy' in m.text else None)
    page = context.new_page()
    yield page
    context.close()
    assert not refused, refused


def sign_in(page: Page, username: str, password: str = PASSWORD) -> None:
    # login.py marks its fields for the user fixture only (no data-testid), so find them by type
    page.goto('/login')
    page.locator('input[type=text]').fill(username)
    page.locator('input[type=password]').fill(password)
    page.locator('input[type=password]').press('Enter')
    expect(page.get_by_test_id('hearing-list')).to_be_visible()


def call(server: Server, role: str, method: str, path: str, body: dict[str, Any] | None = None,
         status: int | tuple[int, ...] = (200, 201)) -> Any:
    """One API request as a user of ``role``; its JSON, once its status is the one expected."""
    with server.client(role) as c:
        response = c.request(method, path, json=body)
    assert response.status_code in ((status,) if isinstance(status, int) else status), response.text
    return response.json()


def preview_box(page: Page) -> dict[str, float]:
    """Where the preview's page is, once its image has loaded: before, the image has no size, and a drag over it is
    a click in one spot."""
    page.wait_for_function('''() => {
        const img = document.querySelector("[data-testid=preview-image]");
        return img && img.complete && img.naturalWidth > 0 && img.getBoundingClientRect().width > 0;
    }''')
    box = page.get_by_test_id('preview-image').bounding_box()
    assert box is not None
    return box


def drag(page: Page, start: tuple[float, float], end: tuple[float, float]) -> None:
    """A drag on the bench's preview, from and to places given as fractions of the page."""
    box = preview_box(page)
    page.mouse.move(box['x'] + box['width'] * start[0], box['y'] + box['height'] * start[1])
    page.mouse.down()
    page.mouse.move(box['x'] + box['width'] * end[0], box['y'] + box['height'] * end[1], steps=5)
    page.mouse.up()


def point(page: Page, at: tuple[float, float]) -> None:
    box = preview_box(page)
    page.mouse.move(box['x'] + box['width'] * at[0], box['y'] + box['height'] * at[1], steps=5)


def idle_screens(context: BrowserContext, urls: dict[str, str]) -> dict[str, Page]:
    """A page of ``context`` per screen URL (by audience), each once it shows the hearing idle."""
    pages = {audience: context.new_page() for audience in urls}
    for audience, page in pages.items():
        page.goto(urls[audience])
    for page in pages.values():
        expect(page.get_by_test_id('screen-content')).to_have_attribute('data-state', 'idle')
    return pages
