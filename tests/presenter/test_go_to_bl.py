""""Go to BL" behaves the same on the clerk's hearing page and on the procurator's bench: the page opens at the BL
typed, even in an exhibit imported after the page loaded; a number that is not a BL, or a BL not in the case file,
is said under the field."""

from __future__ import annotations

import io
import threading
from pathlib import Path

import pytest
from nicegui.testing import User

from courtroom.presentation import Presentation
from courtroom.presentation_state import Shown
from presenter.services import Services
from presenter.uploads import import_uploads
from tests.conftest import make_pdf
from tests.presenter.conftest import PAGE_TESTS, create_hearing, sign_in, using

pytestmark = PAGE_TESTS

PAGES = {  # the page, who opens it, and where it shows the page found
    'hearing': ('/hearings/{id}', 'clerk', 'viewer-page'),
    'bench': ('/bench/{id}', 'ksv', 'preview-page'),
}


def add_pdf(folder: Path, hearing_id: int, pages: int) -> None:
    def work(services: Services) -> None:
        pdf = make_pdf([f'Trang {p}' for p in range(1, pages + 1)])
        import_uploads(services, hearing_id, 'test', [('tai-lieu.pdf', io.BytesIO(pdf))])
    using(folder, work)


async def go_to(user: User, text: str) -> None:
    user.find(marker='bl-input').clear().type(text).trigger('keydown.enter')


@pytest.mark.parametrize('page', list(PAGES))
async def test_go_to_bl(user: User, data: Path, page: str) -> None:
    path, username, shown = PAGES[page]
    hearing_id = create_hearing(data)
    add_pdf(data, hearing_id, 3)  # BL 1–3
    await sign_in(user, username)
    await user.open(path.format(id=hearing_id))

    await go_to(user, 'BL 3')
    await user.should_see(marker=shown, content='Trang 3/3')
    await go_to(user, 'bút lục 2')
    await user.should_see(marker=shown, content='Trang 2/3')

    await go_to(user, 'trang 5')
    await user.should_see(marker='bl-error', content='"trang 5" không phải số bút lục')
    await go_to(user, '99')
    await user.should_see(marker='bl-error', content='Không có bút lục BL 99 trong hồ sơ')

    add_pdf(data, hearing_id, 2)  # BL 4–5, imported in another tab
    await go_to(user, '5')
    await user.should_see(marker=shown, content='Trang 2/2')
    await user.should_not_see(marker='bl-error')


async def test_a_bl_gone_to_while_the_bench_still_loads_stays(user: User, data: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """On a slow server the bench is shown before it has loaded (NiceGUI sends an async page after 3 s): a BL the
    procurator goes to meanwhile is not replaced by the first page once loading ends."""
    hearing_id = create_hearing(data)
    add_pdf(data, hearing_id, 3)
    loaded = threading.Event()
    preview = Presentation.preview

    def slow_preview(self: Presentation, hearing_id: int, user_id: int) -> Shown | None:
        shown = preview(self, hearing_id, user_id)  # read before the procurator goes to BL 3 …
        loaded.wait(timeout=120)  # … and the load goes on only after
        return shown
    monkeypatch.setattr(Presentation, 'preview', slow_preview)
    await sign_in(user, 'ksv')
    await user.open(f'/bench/{hearing_id}')

    await go_to(user, 'BL 3')
    await user.should_see(marker='preview-page', content='Trang 3/3')
    loaded.set()
    # the case file's list is drawn at the loading's end, in the same step as its first preview …
    await user.should_see(marker='thumbnail')
    await user.should_see(marker='preview-page', content='Trang 3/3')  # … which did not turn back to page 1
