"""Search behaves the same on the clerk's hearing page and on the procurator's bench (one implementation): tone
marks kept, the phrase first, only what matched highlighted."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from nicegui import ui
from nicegui.testing import User

from presenter.services import Services
from presenter.uploads import import_uploads
from tests.conftest import make_pdf
from tests.presenter.conftest import PAGE_TESTS, create_hearing, sign_in, using

pytestmark = PAGE_TESTS

PAGES = {'hearing': ('/hearings/{id}', 'clerk'), 'bench': ('/bench/{id}', 'ksv')}


@pytest.mark.parametrize('page', list(PAGES))
async def test_search_keeps_tone_marks_and_highlights_only_matches(user: User, data: Path, page: str) -> None:
    path, username = PAGES[page]
    hearing_id = create_hearing(data)

    def work(services: Services) -> None:
        pdf = make_pdf(['Tòa án quận Ba Đình', 'Cơ quan điều tra xác định', 'Kết luận giám định'])
        import_uploads(services, hearing_id, 'test', [('tai-lieu.pdf', io.BytesIO(pdf))])
    using(data, work)
    await sign_in(user, username)
    await user.open(path.format(id=hearing_id))

    user.find(marker='search-input').type('giám định')
    await user.should_see(marker='hit-where', content='BL 3')
    wheres = sorted(user.find(marker='hit-where').elements, key=lambda e: e.id)
    assert [w.text.rsplit('BL ', 1)[1] for w in wheres] == ['3', '2']  # the phrase, then "định" alone; not Ba Đình
    snippets = sorted((e for e in user.find(ui.html).elements if '<mark>' in e.content), key=lambda e: e.id)
    assert '<mark>giám</mark> <mark>định</mark>' in snippets[0].content
    assert 'xác <mark>định</mark>' in snippets[1].content and '<mark>Cơ' not in snippets[1].content
