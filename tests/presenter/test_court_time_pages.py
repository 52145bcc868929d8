"""Times on the pages are the court's, whatever the server's own zone (TZ); COURTROOM_TIMEZONE changes them."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from nicegui.testing import User

from courtroom.court_time import format_datetime, zone_named
from courtroom.roles import Role
from courtroom.settings import Settings
from presenter.services import build_services
from tests.presenter.ui_data import PASSWORD, data_folder

pytestmark = pytest.mark.nicegui_main_file('tests/presenter/ui_main.py')


@pytest.fixture
def server_in_new_york(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv('TZ', 'America/New_York')
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def created_at(folder: Path) -> str:
    services = build_services(Settings(data_dir=folder))
    try:
        return services.hearings.create(case_number='125/2026/HSST', title='Vụ án trộm cắp', actor='test').created_at
    finally:
        services.close()


@pytest.fixture(params=[None, 'Europe/Paris'])
def configured(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str | None:
    """The court's zone as the settings name it (None: the default), before the app builds its services."""
    if request.param:
        monkeypatch.setenv('COURTROOM_TIMEZONE', request.param)
    return request.param


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, server_in_new_york: None, configured: str | None) -> Path:
    return data_folder(tmp_path, monkeypatch, [('clerk', Role.CLERK, 'Trần Thị Thư Ký')])


async def test_the_hearing_list_shows_the_courts_time(data: Path, configured: str | None, user: User) -> None:
    at = created_at(data)
    court = format_datetime(at, zone_named(configured or 'Asia/Ho_Chi_Minh'), seconds=False)
    server = format_datetime(at, zone_named('America/New_York'), seconds=False)
    assert court != server
    await user.open('/login')
    user.find(marker='username').type('clerk')
    user.find(marker='password').type(PASSWORD)
    user.find(marker='login-button').click()
    await user.should_see(marker='hearing-list', retries=100)
    await user.should_see(court)
    await user.should_not_see(server)
