"""Treatments: saving a page's marks and zoom region under a name, listing, showing one again (its marks in place of
the page's in one audited transaction and one change, the page previewed or published under the usual rules),
deleting; names 1..100 characters and unique in a hearing; bad input refused with nothing stored; the minutes'
entry for a treatment shown."""

from __future__ import annotations

from typing import Any

import pytest

from courtroom.audit import AuditLog
from courtroom.errors import Conflict, CourtroomError, Forbidden, InvalidInput, NotFound
from courtroom.exhibits import Exhibits
from courtroom.hearings import Hearings
from courtroom.marks import Marks, MarksChange
from courtroom.messages import DOMAIN_ERRORS
from courtroom.minutes import Minutes
from courtroom.presentation import Presentation
from courtroom.presentation_state import Region, Shown
from courtroom.store import Store
from courtroom.treatments import MAX_NAME, Treatments, treatment_name
from courtroom.users import Users

from .conftest import draft
from .test_marks import CLERK, COUNSEL, JUDGE, PROCURATOR

HIGHLIGHT = {'kind': 'highlight', 'points': [[0.1, 0.2], [0.6, 0.25]]}
CALLOUT = {'kind': 'text', 'points': [[0.5, 0.5], [0.9, 0.6]], 'color': 'blue', 'text': 'Mâu thuẫn với BL 12'}


class World:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.hearings, self.exhibits = Hearings(store), Exhibits(store)
        self.marks = Marks(store, self.hearings, self.exhibits)
        self.presentation = Presentation(store, self.hearings, self.exhibits)
        self.treatments = Treatments(store, self.hearings, self.exhibits, self.marks, self.presentation)
        users = Users(store)
        for user in (PROCURATOR, CLERK, JUDGE, COUNSEL):  # the previews table keeps users' ids
            assert users.add(user.username, role=user.role, password='mat-khau-ksv-123', name=user.name).id == user.id
        self.h = self.hearings.create(case_number='1', title='t', actor='thuky').id
        other = self.hearings.create(case_number='2', title='u', actor='thuky').id
        (exhibit,) = self.exhibits.add_bundle(self.h, [draft(['a', 'b', 'c'], title='Lời khai', bl_first=10)],
                                              actor='thuky')
        (foreign,) = self.exhibits.add_bundle(other, [draft(['x'], sha='b')], actor='thuky')
        self.e, self.foreign = exhibit.id, foreign.id
        self.log = AuditLog(store)

    def mark(self, page: int = 2, **shape: Any) -> None:
        self.marks.add(self.h, PROCURATOR, exhibit_id=self.e, page=page, **(shape or HIGHLIGHT))

    def drawn(self, page: int = 2) -> list[dict[str, Any]]:
        return [m.shape.to_json() for m in self.marks.of_page(self.h, self.e, page)]


@pytest.fixture
def w(store: Store) -> World:
    return World(store)


def test_names_are_trimmed_and_1_to_100_characters() -> None:
    assert treatment_name('  Mâu thuẫn   lời khai  ') == 'Mâu thuẫn lời khai'
    assert treatment_name('x' * MAX_NAME) == 'x' * MAX_NAME
    for bad, code in (('', 'required_field'), ('   ', 'required_field'), (None, 'required_field'),
                      (12, 'required_field'), ('x' * (MAX_NAME + 1), 'field_too_long')):
        with pytest.raises(InvalidInput) as caught:
            treatment_name(bad)
        assert caught.value.code == code


def test_save_keeps_a_copy_of_the_page_s_marks_and_region(w: World) -> None:
    w.mark(**HIGHLIGHT)
    w.mark(**CALLOUT)
    w.mark(page=3)
    saved = w.treatments.save(w.h, PROCURATOR, name=' Mâu thuẫn ', exhibit_id=w.e, page=2,
                              region=[0, 0, 0.5, 0.5])
    assert (saved.name, saved.page, saved.region, saved.author) == ('Mâu thuẫn', 2, Region(0, 0, 0.5, 0.5), 'ksv')
    assert [s.to_json() for s in saved.shapes] == w.drawn(2)
    w.marks.clear_page(w.h, PROCURATOR, w.e, 2)  # the page's marks go; the treatment keeps its copy
    assert w.treatments.get(saved.id) == saved
    assert w.treatments.of_hearing(w.h) == [saved]
    api = saved.to_api()
    assert api['region'] == [0, 0, 0.5, 0.5] and api['marks'][1]['text'] == 'Mâu thuẫn với BL 12'
    (entry,) = [x for x in w.log.entries(w.h) if x.action == 'treatment_saved']
    assert entry.actor == 'ksv' and entry.details['treatment_id'] == saved.id
    assert entry.details['marks'] == api['marks'] and entry.details['region'] == [0, 0, 0.5, 0.5]


def test_showing_puts_the_treatment_s_marks_in_place_of_the_page_s_at_once(w: World) -> None:
    w.mark(**HIGHLIGHT)
    w.mark(**CALLOUT)
    saved = w.treatments.save(w.h, PROCURATOR, name='Mâu thuẫn', exhibit_id=w.e, page=2, region=[0, 0, 0.5, 0.5])
    shapes = w.drawn(2)
    w.marks.clear_page(w.h, PROCURATOR, w.e, 2)
    w.mark(kind='arrow', points=[[0.9, 0.9], [0.2, 0.2]])  # drawn since: replaced
    changes: list[MarksChange] = []
    w.marks.changed.subscribe(changes.append)
    before = len(w.log.entries(w.h))

    shown = w.treatments.show(saved.id, CLERK)
    assert w.drawn(2) == shapes and [m.id for m in shown.marks] == [m.id for m in w.marks.of_page(w.h, w.e, 2)]
    assert changes == [MarksChange(w.h, w.e, 2)]  # one change for the screens, not one per mark
    assert shown.state is None
    new = w.log.entries(w.h)[before:]
    assert [x.action for x in new] == ['mark_deleted', 'mark_added', 'mark_added', 'treatment_shown']
    assert new[-1].details == {'treatment_id': saved.id, 'name': 'Mâu thuẫn', 'exhibit_id': w.e, 'page': 2,
                               'region': [0, 0, 0.5, 0.5], 'mark_ids': [m.id for m in shown.marks],
                               'publish': False}
    assert w.log.verify(w.h).valid
    # a clerk may mark but not preview: nothing previewed for them; the procurator's preview turns to the page
    assert w.presentation.preview(w.h, CLERK.id) is None
    w.treatments.show(saved.id, PROCURATOR)
    assert w.presentation.preview(w.h, PROCURATOR.id) == Shown(w.e, 2, Region(0, 0, 0.5, 0.5))
    assert w.presentation.state(w.h).live is None  # previewed, not published
    assert w.drawn(2) == shapes  # shown twice: the same marks, not twice as many


def test_showing_with_publish_goes_through_the_usual_publish(w: World) -> None:
    w.mark()
    saved = w.treatments.save(w.h, PROCURATOR, name='A', exhibit_id=w.e, page=2, region=[0.1, 0.1, 0.6, 0.6])
    shown = w.treatments.show(saved.id, PROCURATOR, publish=True)
    assert shown.state is not None and shown.state.live == Shown(w.e, 2, Region(0.1, 0.1, 0.6, 0.6))
    assert [x.action for x in w.log.entries(w.h)][-2:] == ['treatment_shown', 'published']
    # and the bench's preview is on that page too, so its marks list and page turns act there
    assert w.presentation.preview(w.h, PROCURATOR.id) == Shown(w.e, 2, Region(0.1, 0.1, 0.6, 0.6))

    w.presentation.configure(w.h, JUDGE, approval_required=True)  # the judge's approval still applies
    w.presentation.clear(w.h, PROCURATOR)
    shown = w.treatments.show(saved.id, PROCURATOR, publish=True)
    assert shown.state is not None and shown.state.live is None and shown.state.pending == Shown(
        w.e, 2, Region(0.1, 0.1, 0.6, 0.6))

    marks_before, audit_before = w.drawn(2), w.log.entries(w.h)
    with pytest.raises(Forbidden):  # a clerk may mark, never publish: refused before anything changes
        w.treatments.show(saved.id, CLERK, publish=True)
    assert w.drawn(2) == marks_before and w.log.entries(w.h) == audit_before


def test_minutes_get_an_entry_for_each_treatment_shown(w: World) -> None:
    w.mark()
    saved = w.treatments.save(w.h, PROCURATOR, name='Mâu thuẫn lời khai', exhibit_id=w.e, page=2)
    w.treatments.show(saved.id, PROCURATOR)
    minutes = Minutes(w.store)
    (entry,) = [m for m in minutes.entries(w.h) if m.kind == 'treatment_shown']
    assert entry.text == 'Trình chiếu TL-001 “Lời khai”, trang 2 (BL 11) với bản đánh dấu “Mâu thuẫn lời khai”'
    (entry,) = [m for m in minutes.entries(w.h, 'en') if m.kind == 'treatment_shown']
    assert entry.text == 'Shown: TL-001 “Lời khai”, page 2 (BL 11) with the treatment “Mâu thuẫn lời khai”'
    assert [m.kind for m in minutes.entries(w.h)].count('treatment_shown') == 1  # saving is no entry


def test_names_are_unique_in_a_hearing_whatever_the_case_and_free_again_once_deleted(w: World) -> None:
    w.mark()
    w.mark(page=3)
    first = w.treatments.save(w.h, PROCURATOR, name='Mâu thuẫn', exhibit_id=w.e, page=2)
    with pytest.raises(Conflict) as caught:  # another page, the same name: still one too many to choose from
        w.treatments.save(w.h, PROCURATOR, name='MÂU THUẪN', exhibit_id=w.e, page=3)
    assert caught.value.code == 'treatment_name_taken'
    events: list[int] = []
    w.treatments.changed.subscribe(events.append)
    deleted = w.treatments.delete(first.id, JUDGE)
    assert deleted == first and w.treatments.of_hearing(w.h) == [] and events == [w.h]
    with pytest.raises(NotFound):
        w.treatments.get(first.id)
    with pytest.raises(NotFound):
        w.treatments.show(first.id, PROCURATOR)
    with pytest.raises(NotFound):
        w.treatments.delete(first.id, PROCURATOR)
    again = w.treatments.save(w.h, PROCURATOR, name='Mâu thuẫn', exhibit_id=w.e, page=3)
    assert w.treatments.of_hearing(w.h) == [again] and events == [w.h, w.h]
    (entry,) = [x for x in w.log.entries(w.h) if x.action == 'treatment_deleted']
    assert entry.actor == 'chutoa' and entry.details['treatment_id'] == first.id


def test_who_may_save_show_and_delete(w: World) -> None:
    w.mark()
    with pytest.raises(Forbidden):
        w.treatments.save(w.h, COUNSEL, name='A', exhibit_id=w.e, page=2)
    saved = w.treatments.save(w.h, CLERK, name='A', exhibit_id=w.e, page=2)
    for act in (lambda: w.treatments.show(saved.id, COUNSEL), lambda: w.treatments.delete(saved.id, COUNSEL)):
        with pytest.raises(Forbidden):
            act()
    assert w.treatments.of_hearing(w.h) == [saved]


@pytest.mark.parametrize(('where', 'code'), [
    ({'name': ''}, 'required_field'),
    ({'name': ' \t '}, 'required_field'),
    ({'name': 'x' * 101}, 'field_too_long'),
    ({'page': 3}, 'treatment_no_marks'),  # a page without marks: showing it would only clear the page
    ({'page': 4}, 'page_not_found'),
    ({'exhibit_id': 999}, 'exhibit_not_found'),
    ({'exhibit_id': 'foreign'}, 'exhibit_not_found'),
    ({'hearing_id': 999}, 'hearing_not_found'),
    ({'region': [0.5, 0.5, 0.1, 0.1]}, 'bad_region'),
    ({'region': [0, 0, 1]}, 'bad_region'),
    ({'name': 'Đã có'}, 'treatment_name_taken'),
])
def test_bad_input_stores_nothing(w: World, where: dict[str, Any], code: str) -> None:
    w.mark()
    w.treatments.save(w.h, PROCURATOR, name='Đã có', exhibit_id=w.e, page=2)
    before, listed = w.log.entries(w.h), w.treatments.of_hearing(w.h)
    args: dict[str, Any] = {'hearing_id': w.h, 'name': 'Mới', 'exhibit_id': w.e, 'page': 2, 'region': None, **where}
    if args['exhibit_id'] == 'foreign':
        args['exhibit_id'] = w.foreign
    with pytest.raises(CourtroomError) as caught:
        w.treatments.save(args.pop('hearing_id'), PROCURATOR, **args)
    assert caught.value.code == code
    assert w.log.entries(w.h) == before and w.treatments.of_hearing(w.h) == listed
    for lang in ('vi', 'en'):
        message = DOMAIN_ERRORS.t(code, lang, **caught.value.params)
        assert message and '{' not in message
