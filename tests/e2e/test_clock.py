"""The clock ticks in the browser in the court's zone as the settings name it, whatever the browser's own zone."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from playwright.sync_api import Browser, expect

from courtroom.court_time import format_time, zone_named
from presenter.pages.layout import clock_js

pytestmark = pytest.mark.e2e


def _seconds(hms: str) -> int:
    h, m, s = (int(x) for x in hms.split(':'))
    return h * 3600 + m * 60 + s


@pytest.mark.parametrize('court', ['Asia/Ho_Chi_Minh', 'America/New_York'])
def test_the_clock_shows_the_courts_zone(browser: Browser, court: str) -> None:
    context = browser.new_context(timezone_id='Asia/Tokyo')  # the browser's own zone is neither
    try:
        page = context.new_page()
        page.set_content('<span data-clock data-testid=clock>–</span>')
        page.add_script_tag(content=clock_js(zone_named(court)))
        clock = page.get_by_test_id('clock')
        expect(clock).to_have_text(re.compile(r'^\d\d:\d\d:\d\d$'))
        shown = _seconds(clock.inner_text())
        expected = _seconds(format_time(datetime.now(UTC), zone_named(court)))
        assert min(abs(shown - expected), 86400 - abs(shown - expected)) <= 2, (shown, expected)
    finally:
        context.close()
