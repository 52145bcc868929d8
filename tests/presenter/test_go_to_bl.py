""""Go to BL" behaves the same on the clerk's hearing page and on the procurator's bench: the page opens at the BL
typed, even in an exhibit imported after the page loaded; a number that is not a BL, or a BL not in the case file,
is said under the field."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from nicegui.testing import User

from courtroom.roles import Role
from courtroom.settings import Settings
from presenter.api import import_uploads
from presenter.services import build_services
from tests.conftest import make_pdf
from tests.presenter.ui_data import PASSWORD, data_folder

pytestmark = pytest.mark.nicegui_main_file('tests/presenter/ui_main.py')

PAGES = {  # the page, who opens it, and where it shows the page found
    'hearing': ('/hearings/{id}', 'clerk', 'viewer-page'),
    'bench': ('/bench/{id}', 'procurator', 'preview-page'),
}


@pytest.fixture(autouse=True)
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    yield data_folder(tmp_path, monkeypatch, [
        ('clerk', Role.CLERK, 'Trần Thị Thư Ký'),
        ('procurator', Role.PROCURATOR, 'Phạm Văn Kiểm Sát'),
    ])


def hearing_with_pages(folder: Path, *page_counts: int) -> int:
    services = build_services(Settings(data_dir=folder))
    try:
        hearing_id = services.hearings.create(case_number='125/2026/HSST', title='Vụ án trộm cắp', actor='test').id
        add_pdf(services, hearing_id, page_counts)
        return hearing_id
    finally:
        services.close()


def add_pdf(services, hearing_id: int, page_counts: tuple[int, ...]) -> None:
    for n, count in enumerate(page_counts):
        pdf = make_pdf([f'Tài liệu {n} trang {p}' for p in range(1, count + 1)])
        import_uploads(services, hearing_id, 'test', [(f'tai-lieu-{n}.pdf', io.BytesIO(pdf))])


def import_later(folder: Path, hearing_id: int, pages: int) -> None:
    services = build_services(Settings(data_dir=folder))
    try:
        add_pdf(services, hearing_id, (pages,))
    finally:
        services.close()


async def go_to(user: User, text: str) -> None:
    user.find(marker='bl-input').clear().type(text).trigger('keydown.enter')


@pytest.mark.parametrize('page', list(PAGES))
async def test_go_to_bl(user: User, data: Path, page: str) -> None:
    path, username, shown = PAGES[page]
    hearing_id = hearing_with_pages(data, 3)  # BL 1–3
    await user.open('/login')
    user.find(marker='username').type(username)
    user.find(marker='password').type(PASSWORD)
    user.find(marker='login-button').click()
    await user.should_see(marker='current-user', retries=100)  # signing in hashes the password: slow on a busy machine
    await user.open(path.format(id=hearing_id))

    await go_to(user, 'BL 3')
    await user.should_see(marker=shown, content='Trang 3/3', retries=50)
    await go_to(user, 'bút lục 2')
    await user.should_see(marker=shown, content='Trang 2/3')

    await go_to(user, 'trang 5')
    await user.should_see(marker='bl-error', content='"trang 5" không phải số bút lục')
    await go_to(user, '99')
    await user.should_see(marker='bl-error', content='Không có bút lục BL 99 trong hồ sơ')

    import_later(data, hearing_id, 2)  # BL 4–5, imported in another tab
    await go_to(user, '5')
    await user.should_see(marker=shown, content='Trang 2/2')
    await user.should_not_see(marker='bl-error')
