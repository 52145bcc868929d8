"""The bench console's list of the previewed page's marks and its treatments, in NiceGUI's simulated browser: each
mark listed in words with who drew it (display name) and when, deleted from the list; the page saved as a named
treatment from the dialog (a bad name refused in the dialog, nothing stored); showing it again puts its marks back.
The real-browser path (and the screens) is tests/e2e/test_treatments.py."""

from __future__ import annotations

from pathlib import Path

from nicegui.testing import User
from nicegui.testing.user_interaction import UserInteraction

from tests.presenter.conftest import PAGE_TESTS, create_hearing, sign_in, using
from tests.presenter.test_mark_tools import add_pdf, marks_of, stroke

pytestmark = PAGE_TESTS


async def test_marks_listed_and_a_treatment_saved_and_shown_again(user: User, data: Path) -> None:
    hearing_id = create_hearing(data)
    exhibit_id = add_pdf(data, hearing_id)
    await sign_in(user, 'ksv')
    await user.open(f'/bench/{hearing_id}')
    await user.should_see(marker='preview-page', content='Trang 1/2')
    await user.should_see(marker='page-marks-empty')
    await user.should_see(marker='treatments-empty')

    stroke(user, {'kind': 'highlight', 'color': 'blue', 'points': [[0.1, 0.2], [0.6, 0.25]]})
    await user.should_see(marker='page-mark-what', content='1. Tô sáng, xanh dương')
    await user.should_see('Phạm Minh Kiểm Sát, lúc')  # the display name, not the username
    stroke(user, {'kind': 'arrow', 'color': 'red', 'points': [[0.9, 0.9], [0.5, 0.3]]})
    await user.should_see(marker='page-mark-what', content='2. Mũi tên, đỏ')
    buttons = sorted(user.find(marker='page-mark-delete').elements, key=lambda b: b.props['aria-label'])
    assert [b.props['aria-label'] for b in buttons] == ['Xóa đánh dấu số 1: Tô sáng, xanh dương',
                                                        'Xóa đánh dấu số 2: Mũi tên, đỏ']

    # save: an empty name is refused in the dialog and stores nothing; a good one is listed
    user.find(marker='treatment-save').click()
    await user.should_see(marker='treatment-dialog')
    user.find(marker='treatment-save-confirm').click()
    await user.should_see(marker='treatment-error', content='name')
    assert using(data, lambda s: s.treatments.of_hearing(hearing_id)) == []
    user.find(marker='treatment-name').type('Mâu thuẫn lời khai')
    user.find(marker='treatment-save-confirm').click()
    await user.should_see(marker='treatment-name-text', content='Mâu thuẫn lời khai')
    saved = using(data, lambda s: s.treatments.of_hearing(hearing_id))
    assert [(t.name, t.exhibit_id, t.page, len(t.shapes)) for t in saved] == [
        ('Mâu thuẫn lời khai', exhibit_id, 1, 2)]

    # delete the first from the list: the list follows; clear the rest; Show puts both back
    UserInteraction(user, {buttons[0]}, None).click()
    await user.should_see(marker='page-mark-what', content='1. Mũi tên, đỏ')
    assert [m['kind'] for m in marks_of(data, hearing_id, exhibit_id)] == ['arrow']
    user.find(marker='mark-clear').click()
    await user.should_see(marker='page-marks-empty')
    user.find(marker='treatment-show').click()
    await user.should_see(marker='page-mark-what', content='2. Mũi tên, đỏ')
    assert [(m['kind'], m['color']) for m in marks_of(data, hearing_id, exhibit_id)] == [('highlight', 'blue'),
                                                                                         ('arrow', 'red')]
