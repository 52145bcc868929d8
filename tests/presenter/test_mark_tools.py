"""Drawing on the bench console's preview, in NiceGUI's simulated browser: choosing a tool turns the drag on the
preview from choosing a zoom region into drawing; a stroke the browser sends is stored as a mark on the previewed
page; a bad one is refused and stores nothing; undo takes back this tab's last mark and clear all empties the page.
The stroke itself is drawn by presenter/static/marks.js, which the Chromium test of marks exercises on screens."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from nicegui.testing import User
from nicegui.testing.user_interaction import UserInteraction

from courtroom.pointer import Pointer, PointerMove
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


async def test_ellipse_and_callout_tools_and_the_laser_goes_to_the_screens_storing_nothing(
        user: User, data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    moves: list[PointerMove] = []  # what the app's pointer announces to the screens
    move, turn = Pointer.move, Pointer.turn

    def moving(self: Pointer, *args: Any, **kwargs: Any) -> PointerMove:
        moves.append(move(self, *args, **kwargs))
        return moves[-1]

    def turning(self: Pointer, hearing_id: int, who: Any, on: bool) -> bool:
        changed = turn(self, hearing_id, who, on)
        if not on:
            moves.append(PointerMove(hearing_id))
        return changed
    monkeypatch.setattr(Pointer, 'move', moving)
    monkeypatch.setattr(Pointer, 'turn', turning)

    hearing_id = create_hearing(data)
    exhibit_id = add_pdf(data, hearing_id)
    await sign_in(user, 'ksv')
    await user.open(f'/bench/{hearing_id}')
    await user.should_see(marker='preview-page', content='Trang 1/2')
    frame = next(iter(user.find(marker='preview').elements))
    assert frame.props.get('data-callout-label')  # the callout field's prompt, in the user's language

    user.find(marker='mark-tool-ellipse').click()
    assert frame.props.get('data-draw') == 'ellipse' and frame.props.get('data-draw-color') == 'red'
    user.find(marker='mark-tool-text').click()
    assert frame.props.get('data-draw') == 'text'
    stroke(user, {'kind': 'ellipse', 'color': 'red', 'points': [[0.2, 0.2], [0.5, 0.4]]})
    stroke(user, {'kind': 'text', 'color': 'red', 'points': [[0.1, 0.6], [0.6, 0.7]], 'text': 'Mâu thuẫn với BL 2'})
    await eventually(lambda: len(marks_of(data, hearing_id, exhibit_id)) == 2, 'the ellipse and callout are stored')
    ellipse, callout = sorted(marks_of(data, hearing_id, exhibit_id), key=lambda m: m['kind'])  # sent at once
    assert ellipse['kind'] == 'ellipse' and ellipse['text'] is None
    assert (callout['kind'], callout['text']) == ('text', 'Mâu thuẫn với BL 2')
    stroke(user, {'kind': 'text', 'color': 'red', 'points': [[0.1, 0.6], [0.6, 0.7]], 'text': '  '})
    await user.should_see('Chú thích cần có nội dung')  # the domain's message; nothing stored
    assert len(marks_of(data, hearing_id, exhibit_id)) == 2

    user.find(marker='mark-laser').click()  # on: the drawing tool is put down, a drag neither draws nor zooms
    assert 'data-laser' in frame.props and 'data-draw' not in frame.props
    assert 'data-region-select' not in frame.props
    await eventually(lambda: 'laser_on' in audited(data, hearing_id), 'turning it on is audited')
    laser(user, {'x': 0.3, 'y': 0.4})
    laser(user, {'x': 2, 'y': 0.4})  # off the page: dropped
    await eventually(lambda: [(m.exhibit_id, m.page, m.x, m.y) for m in moves] == [(exhibit_id, 1, 0.3, 0.4)],
                     'the move reached the screens')
    user.find(marker='mark-tool-pen').click()  # a tool puts the laser down
    assert 'data-laser' not in frame.props and frame.props.get('data-draw') == 'pen'
    await eventually(lambda: len(moves) == 2 and moves[-1].off, 'the screens were told it went off')
    laser(user, {'x': 0.5, 'y': 0.5})  # off: not sent
    user.find(marker='mark-tool-pen').click()
    assert 'data-region-select' in frame.props  # no tool, no laser: a drag zooms again
    assert len(moves) == 2
    actions = [a for a in audited(data, hearing_id) if a.startswith(('mark_', 'laser_'))]
    assert actions == ['mark_added', 'mark_added', 'laser_on', 'laser_off']  # not each move


def audited(folder: Path, hearing_id: int) -> list[str]:
    return using(folder, lambda s: [e.action for e in s.audit.entries(hearing_id)])


def laser(user: User, args: dict[str, Any]) -> None:
    """What marks.js sends while the laser is on and the pointer moves over the preview."""
    assert user.client is not None
    UserInteraction(user, {user.client.layout}, None).trigger('bench_laser', args)
