"""Search behaves the same on the clerk's hearing page and on the procurator's bench (one implementation): tone
marks kept, the phrase first, only what matched highlighted."""

from __future__ import annotations

import asyncio
import io
import threading
from pathlib import Path

import pytest
from nicegui import ui
from nicegui.testing import User

from courtroom.search import Search
from presenter.services import Services
from presenter.uploads import import_uploads
from tests.conftest import make_pdf
from tests.presenter.conftest import PAGE_TESTS, create_hearing, sign_in, using
from tests.waiting import eventually

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


@pytest.mark.parametrize('page', list(PAGES))
async def test_only_the_latest_search_draws_its_hits(user: User, data: Path, page: str,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Typing searches, and Enter searches again: the answer that comes last (here the first search's, held back)
    must not draw its hits beside the newer ones (the hearing page listed every hit twice)."""
    path, username = PAGES[page]
    hearing_id = create_hearing(data)
    using(data, lambda services: import_uploads(services, hearing_id, 'test', [
        ('tai-lieu.pdf', io.BytesIO(make_pdf(['Kết luận giám định', 'Biên bản giám định'])))]))
    release, asked, answered = threading.Event(), [], []
    search = Search.search

    def held_first(self: Search, *args: object, **kwargs: object) -> object:
        asked.append(True)
        if len(asked) == 1:
            release.wait(15)  # the first search answers only once the second has drawn (or 15 s: under load the
            # two typings may be one search, which must not hold the suite for a minute)
        try:
            return search(self, *args, **kwargs)
        finally:
            answered.append(True)
    monkeypatch.setattr(Search, 'search', held_first)
    await sign_in(user, username)
    await user.open(path.format(id=hearing_id))

    field = user.find(marker='search-input')
    field.type('giám định')
    if page == 'bench':
        field.type(' ')  # the bench has no Enter to search: typing on starts the second search
    else:
        field.trigger('keydown.enter')
    await eventually(lambda: answered, 'the second search answered')
    await user.should_see(marker='hit-where')
    release.set()
    await eventually(lambda: len(answered) == 2, 'the first search answered too')
    await asyncio.sleep(0.5)  # the late answer reaches the page within the event loop's next turns
    assert len(user.find(marker='hit-where').elements) == 2
