"""Shared by the page tests that run in NiceGUI's simulated browser (the ``user`` fixture with the main file
ui_main.py): a data folder with a staff account per role, named by COURTROOM_DATA before the main file builds its
services; the real services on a folder, a hearing in it, and signing in."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
from nicegui.testing import User

from courtroom.roles import Role
from courtroom.settings import Settings
from presenter.services import Services, build_services
from tests.waiting import TIMEOUT

T = TypeVar('T')
PASSWORD = 'test-password'
STAFF = [
    ('clerk', Role.CLERK, 'Trần Thị Thư Ký'),
    ('judge', Role.JUDGE, 'Lê Văn Thẩm Phán'),
    ('chutoa', Role.PRESIDING_JUDGE, 'Lê Văn Chủ Tọa'),
    ('ksv', Role.PROCURATOR, 'Phạm Minh Kiểm Sát'),
]
# what a module of page tests declares: its main file, and the data folder made before the app starts
PAGE_TESTS = [pytest.mark.nicegui_main_file('tests/presenter/ui_main.py'), pytest.mark.usefixtures('data')]


@pytest.fixture(autouse=True)
def patient_user(monkeypatch: pytest.MonkeyPatch) -> None:
    """NiceGUI's simulated user looks for an element 3 times, 0.1 s apart, before it fails: a clock bound that a
    loaded machine misses (signing in hashes a password in a worker thread). Here it looks until the suite's timeout;
    both checks still return as soon as they hold."""
    should_see, should_not_see = User.should_see, User.should_not_see

    async def patient_should_see(self: User, *args: Any, retries: int = int(TIMEOUT / 0.1), **kwargs: Any) -> None:
        await should_see(self, *args, retries=retries, **kwargs)

    async def patient_should_not_see(self: User, *args: Any, retries: int = int(TIMEOUT / 0.05),
                                     **kwargs: Any) -> None:
        await should_not_see(self, *args, retries=retries, **kwargs)
    monkeypatch.setattr(User, 'should_see', patient_should_see)
    monkeypatch.setattr(User, 'should_not_see', patient_should_not_see)


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder with the staff accounts, named by COURTROOM_DATA for the app under test."""
    folder = tmp_path / 'data'
    services = build_services(Settings(data_dir=folder))
    try:
        for username, role, name in STAFF:
            services.users.add(username, role=role, password=PASSWORD, name=name)
    finally:
        services.close()
    monkeypatch.setenv('COURTROOM_DATA', str(folder))
    return folder


def using(folder: Path, work: Callable[[Services], T]) -> T:
    """Do ``work`` with the real services on ``folder``, beside the app under test, and close them."""
    services = build_services(Settings(data_dir=folder))
    try:
        return work(services)
    finally:
        services.close()


def create_hearing(folder: Path, *, case_number: str = '125/2026/HSST', title: str = 'Vụ án trộm cắp tài sản',
                   charges: list[object] | None = None, state_secret: bool = False, kind: str = 'hearing') -> int:
    """A hearing (or an interrogation or statement: ``kind``) staffed by every account of STAFF."""
    def create(s: Services) -> int:
        hearing_id = s.hearings.create(case_number=case_number, title=title, actor='test', charges=charges,
                                       state_secret=state_secret, kind=kind).id
        s.staff.assign(hearing_id, {username: role for username, role, _ in STAFF}, actor='test')
        return hearing_id
    return using(folder, create)


async def sign_in(user: User, username: str) -> None:
    await user.open('/login')
    user.find(marker='username').type(username)
    user.find(marker='password').type(PASSWORD)
    user.find(marker='login-button').click()
    await user.should_see(marker='current-user')
