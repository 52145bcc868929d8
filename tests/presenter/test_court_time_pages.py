"""Times on the pages are the court's, whatever the server's own zone (TZ); COURTROOM_TIMEZONE changes them."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from nicegui.testing import User

from courtroom.court_time import DEFAULT_ZONE, format_datetime, zone_named
from tests.presenter.conftest import PAGE_TESTS, sign_in, using

pytestmark = PAGE_TESTS


@pytest.fixture(params=[None, 'Europe/Paris'])
def configured(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str | None]:
    """The court's zone as the settings name it (None: the default), on a server whose own zone is New York's;
    both before the app under test builds its services."""
    if request.param:
        monkeypatch.setenv('COURTROOM_TIMEZONE', request.param)
    monkeypatch.setenv('TZ', 'America/New_York')
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


async def test_the_hearing_list_shows_the_courts_time(configured: str | None, data: Path, user: User) -> None:
    at = using(data, lambda s: s.hearings.create(case_number='125/2026/HSST', title='Vụ án', actor='clerk').created_at)
    court = format_datetime(at, zone_named(configured or DEFAULT_ZONE), seconds=False)
    server = format_datetime(at, zone_named('America/New_York'), seconds=False)
    assert court != server
    await sign_in(user, 'clerk')
    await user.should_see(marker='hearing-list')
    await user.should_see(court)
    await user.should_not_see(server)
