"""Drawing on the bench console's preview, in NiceGUI's simulated browser: choosing a tool turns the drag on the
preview from choosing a zoom region into drawing; a stroke the browser sends is stored as a mark on the previewed
page; a bad one is refused and stores nothing; undo takes back this tab's last mark and clear all empties the page.
The stroke itself is drawn by presenter/static/marks.js, which the Chromium test of marks exercises on screens."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from nicegui.testing import User
from nicegui.testing.user_interaction import UserInteraction

from presenter.services import Services
from presenter.uploads import import_uploads
from tests.conftest import make_pdf
from tests.presenter.conftest import PAGE_TESTS, create_hearing, sign_in, using
from tests.waiting import eventually

pytestmark = PAGE_TESTS


def add_pdf(folder: Path, hearing_id: int) -> int:
    def work(services: Services) -> int:
        pdf = make_pdf(['Lời khai trang 1', 'Lời khai trang 2'])
        return import_uploads(services, hearing_id, 'test', [('loi-khai.pdf', io.BytesIO(pdf))])[0].id
    return using(folder, work)


def marks_of(folder: Path, hearing_id: int, exhibit_id: int, page: int = 1) -> list[dict[str, Any]]:
    return using(folder, lambda s: [m.to_api() for m in s.marks.of_page(hearing_id, exhibit_id, page)])


def stroke(user: User, args: dict[str, Any]) -> None:
    """What marks.js sends when the pointer lifts."""
    assert user.client is not None
    UserInteraction(user, {user.client.layout}, None).trigger('bench_mark', args)


async def test_drawing_on_the_preview_stores_marks_with_undo_and_clear(user: User, data: Path) -> None:
    hearing_id = create_hearing(data)
    exhibit_id = add_pdf(data, hearing_id)
    await sign_in(user, 'ksv')
    await user.open(f'/bench/{hearing_id}')
    await user.should_see(marker='preview-page', content='Trang 1/2')
    frame = next(iter(user.find(marker='preview').elements))
    assert frame.props.get('data-region-select') == 'bench_region' and 'data-draw' not in frame.props

    user.find(marker='mark-tool-highlight').click()
    assert frame.props.get('data-draw') == 'highlight' and frame.props.get('data-draw-color') == 'yellow'
    assert 'data-region-select' not in frame.props  # a drag now draws, it does not choose a zoom region
    user.find(marker='mark-color-blue').click()
    assert frame.props.get('data-draw-color') == 'blue'

    stroke(user, {'kind': 'highlight', 'color': 'blue', 'points': [[0.1, 0.2], [0.6, 0.25]]})
    await eventually(lambda: len(marks_of(data, hearing_id, exhibit_id)) == 1, 'the highlight is stored')
    stroke(user, {'kind': 'pen', 'color': 'red', 'points': [[0.1, 0.5], [0.2, 0.55], [0.3, 0.5]]})
    await eventually(lambda: len(marks_of(data, hearing_id, exhibit_id)) == 2, 'the stroke is stored')
    first, second = marks_of(data, hearing_id, exhibit_id)
    assert (first['kind'], first['color'], first['author']) == ('highlight', 'blue', 'ksv')
    assert second['points'] == [[0.1, 0.5], [0.2, 0.55], [0.3, 0.5]]

    stroke(user, {'kind': 'pen', 'color': 'red', 'points': [[0.1, 1.5]]})  # outside the page: refused
    await user.should_see('nằm ngoài trang')
    assert len(marks_of(data, hearing_id, exhibit_id)) == 2

    user.find(marker='mark-undo').click()
    await eventually(lambda: [m['id'] for m in marks_of(data, hearing_id, exhibit_id)] == [first['id']],
                     'undo took back the last mark')
    user.find(marker='mark-clear').click()
    await eventually(lambda: marks_of(data, hearing_id, exhibit_id) == [], 'clear all emptied the page')

    user.find(marker='mark-tool-highlight').click()  # the chosen tool again: put down, the drag zooms again
    assert 'data-draw' not in frame.props and frame.props.get('data-region-select') == 'bench_region'
    actions = using(data, lambda s: [e.action for e in s.audit.entries(hearing_id) if e.action.startswith('mark_')])
    assert actions == ['mark_added', 'mark_added', 'mark_deleted', 'mark_deleted']
