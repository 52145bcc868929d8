"""The Content-Security-Policy as Chromium applies it: a page of ours loads nothing from another origin, runs no
script injected into it, and cannot be framed by one (every other browser test fails on any violation of it: the
pages work under it)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.conftest import Server

from .conftest import TIMEOUT_MS

pytestmark = pytest.mark.e2e


def until(page: Page, condition: Callable[[], bool], what: object) -> None:
    """Console messages arrive while Playwright waits on the page: wait there, a little at a time."""
    for _ in range(int(TIMEOUT_MS / 100)):
        if condition():
            return
        page.wait_for_timeout(100)
    raise AssertionError(what)


def test_nothing_from_another_origin_and_no_framing(browser: Browser, server: Server) -> None:
    context = browser.new_context(base_url=server.url)
    context.set_default_timeout(TIMEOUT_MS)
    refused: list[str] = []
    context.on('console', lambda m: refused.append(m.text) if 'Content Security Policy' in m.text else None)
    try:
        page = context.new_page()
        page.goto('/login')
        expect(page.get_by_test_id('login-button')).to_be_visible()
        assert refused == []  # the page itself works under the policy
        elsewhere = 'http://127.0.0.2:9/'
        page.evaluate('''(elsewhere) => {
            const img = document.createElement("img"); img.src = elsewhere + "x.png"; document.body.appendChild(img);
            const script = document.createElement("script"); script.src = elsewhere + "x.js";
            document.body.appendChild(script);
            fetch(elsewhere).catch(() => null);
        }''', elsewhere)
        wanted = ('img-src', 'script-src', 'connect-src')
        until(page, lambda: all(any(kind in r for r in refused) for kind in wanted), refused)
        # markup injected into the page with a script of its own: without the page's nonce it does not run
        refused.clear()
        page.evaluate('''() => {
            const injected = document.createRange().createContextualFragment(
                "<script>window.injected = true</scr" + "ipt>");
            document.body.appendChild(injected);
        }''')
        until(page, lambda: any('script-src' in r for r in refused), refused)
        assert page.evaluate('window.injected') is None
        # framed by a page of another origin: refused
        framing = context.new_page()
        framing.set_content(f'<iframe src="{server.url}/login"></iframe>')
        until(framing, lambda: any('frame-ancestors' in r for r in refused), refused)
        assert framing.frames[-1].url in ('about:blank', 'chrome-error://chromewebdata/') or \
            framing.frames[-1].query_selector('[data-testid=login-button]') is None
    finally:
        context.close()
