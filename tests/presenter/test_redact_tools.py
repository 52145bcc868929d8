"""The redaction tool on the bench console's preview, in NiceGUI's simulated browser: X (or its button) makes a drag
draw a redaction box; the box the browser sends is stored on the previewed page, outlined on the preview and listed;
a box too small is refused in the user's language and stores nothing; the list deletes a box. The real drag and
the public screen's pixels are tested in Chromium (tests/e2e/test_redact.py)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from nicegui.testing import User
from nicegui.testing.user_interaction import UserInteraction

from presenter.services import Services
from presenter.uploads import import_uploads
from tests.conftest import PASSWORD
from tests.presenter.conftest import PAGE_TESTS, create_hearing, sign_in, using
from tests.presenter.test_mark_tools import stroke
from tests.presenter.test_redactions_api import redaction_pdf
from tests.waiting import eventually

pytestmark = PAGE_TESTS


def add_pdf(folder: Path, hearing_id: int) -> int:
    def work(services: Services) -> int:
        return import_uploads(services, hearing_id, 'test', [('bien-ban.pdf', io.BytesIO(redaction_pdf()))])[0].id
    return using(folder, work)


def redactions_of(folder: Path, exhibit_id: int) -> list[dict[str, Any]]:
    return using(folder, lambda s: [r.to_api() for r in s.redactions.of_exhibit(exhibit_id)])


async def test_drawing_a_redaction_on_the_preview_stores_outlines_and_lists_it(user: User, data: Path) -> None:
    hearing_id = create_hearing(data)
    exhibit_id = add_pdf(data, hearing_id)
    await sign_in(user, 'ksv')
    await user.open(f'/bench/{hearing_id}')
    await user.should_see(marker='preview-page', content='Trang 1/2')
    frame = next(iter(user.find(marker='preview').elements))

    user.find(marker='mark-tool-redact').click()
    assert frame.props.get('data-draw') == 'redact' and frame.props.get('data-draw-color') == 'black'
    assert 'data-region-select' not in frame.props

    # the corners in the order the drag went (up and to the left): stored as a box in order
    stroke(user, {'kind': 'redact', 'color': 'black', 'points': [[0.7, 0.15], [0.1, 0.08]]})
    await eventually(lambda: len(redactions_of(data, exhibit_id)) == 1, 'the box is stored')
    (made,) = redactions_of(data, exhibit_id)
    assert (made['page'], made['box'], made['author']) == (1, [0.1, 0.08, 0.7, 0.15], 'ksv')
    await user.should_see(marker='preview-redaction')
    layer = next(iter(user.find(marker='preview-redactions').elements))
    assert layer.props.get('data-redactions') == '1'

    stroke(user, {'kind': 'redact', 'color': 'black', 'points': [[0.5, 0.5], [0.502, 0.6]]})  # too narrow
    await user.should_see('quá nhỏ')
    assert len(redactions_of(data, exhibit_id)) == 1
    assert using(data, lambda s: s.marks.of_page(hearing_id, exhibit_id, 1)) == []  # a redaction is not a mark

    user.find(marker='redaction-delete').click()
    await eventually(lambda: redactions_of(data, exhibit_id) == [], 'the list deleted the box')
    await eventually(lambda: layer.props.get('data-redactions') == '0', 'the outline is gone')
    actions = using(data, lambda s: [e.action for e in s.audit.entries(hearing_id)
                                     if e.action.startswith('redaction_')])
    assert actions == ['redaction_added', 'redaction_deleted']


async def test_the_presiding_judge_approves_or_rejects_a_box_that_waits(user: User, data: Path) -> None:
    hearing_id = create_hearing(data)
    exhibit_id = add_pdf(data, hearing_id)

    def draw(services: Services) -> list[int]:
        services.hearings.configure(hearing_id, actor='chutoa', approval_required=True)
        procurator = services.users.authenticate('ksv', PASSWORD)
        return [services.redactions.add(procurator, exhibit_id=exhibit_id, page=page, box=[0.1, 0.08, 0.7, 0.15]).id
                for page in (1, 2)]

    kept, rejected = using(data, draw)
    await sign_in(user, 'chutoa')
    await user.open(f'/judge/{hearing_id}')
    await user.should_see(marker='pending-redactions')
    card = next(iter(user.find(marker='pending-redactions').elements))
    rows = user.find(marker='pending-redaction').elements
    assert len(rows) == 2

    def button(marker: str) -> UserInteraction:
        """The button of the first box still waiting."""
        found = sorted(user.find(marker=marker).elements, key=lambda e: e.id)
        return UserInteraction(user, {found[0]}, None)

    button('redact-approve-button').click()
    await eventually(lambda: [r['approved'] for r in redactions_of(data, exhibit_id)] == [True, False],
                     'the first box is approved')
    await eventually(lambda: len(user.find(marker='pending-redaction').elements) == 1, 'one box left to decide')
    button('redact-reject-button').click()
    await eventually(lambda: [r['id'] for r in redactions_of(data, exhibit_id)] == [kept], 'the second is rejected')
    await eventually(lambda: not card.visible, 'nothing waits: the list hides')
    actions = using(data, lambda s: [e.action for e in s.audit.entries(hearing_id)
                                     if e.action.startswith('redaction_')])
    assert actions == ['redaction_added', 'redaction_added', 'redaction_approved', 'redaction_deleted']
    assert rejected != kept
