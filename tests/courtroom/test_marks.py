"""Marks on a page: what a mark may be (the pure rule), storing and deleting them with their audit entries and
events, who may mark, and every class of bad input refused with a named error, nothing stored and the audit chain
unchanged."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from courtroom.audit import AuditLog
from courtroom.errors import CourtroomError, Forbidden, InvalidInput, NotFound
from courtroom.exhibits import Exhibits
from courtroom.hearings import Hearings
from courtroom.marks import MAX_POINTS, MarkColor, MarkKind, Marks, MarksChange, parse_mark
from courtroom.messages import DOMAIN_ERRORS
from courtroom.roles import Role
from courtroom.store import Store
from courtroom.users import User

from .conftest import draft

PROCURATOR = User(id=1, username='ksv', name='KSV', role=Role.PROCURATOR)
CLERK = User(id=2, username='thuky', name='Thư ký', role=Role.CLERK)
JUDGE = User(id=3, username='chutoa', name='Chủ tọa', role=Role.PRESIDING_JUDGE)
COUNSEL = User(id=4, username='ls', name='Luật sư', role=Role.DEFENCE_COUNSEL)
ASSESSOR = User(id=5, username='htnd', name='Hội thẩm', role=Role.ASSESSOR)


def setup(store: Store) -> tuple[Marks, int, int, int]:
    """Marks, a hearing with a 3-page exhibit, and a second hearing's exhibit."""
    hearings, exhibits = Hearings(store), Exhibits(store)
    h = hearings.create(case_number='1', title='t', actor='thuky')
    other = hearings.create(case_number='2', title='u', actor='thuky')
    (e,) = exhibits.add_bundle(h.id, [draft(['a', 'b', 'c'])], actor='thuky')
    (foreign,) = exhibits.add_bundle(other.id, [draft(['x'], sha='b')], actor='thuky')
    return Marks(store, hearings, exhibits), h.id, e.id, foreign.id


def test_kinds_and_colour_defaults() -> None:
    assert parse_mark('highlight', [[0.1, 0.2], [0.5, 0.25]]).color is MarkColor.YELLOW
    for kind in ('pen', 'arrow', 'rect', 'ellipse'):
        shape = parse_mark(kind, [[0, 0], [1, 1]])
        assert shape.kind is MarkKind(kind) and shape.color is MarkColor.RED and shape.text is None
    assert parse_mark('pen', [[0.5, 0.5]], 'blue').color is MarkColor.BLUE  # a dot is a stroke too
    callout = parse_mark('text', [[0.1, 0.1], [0.4, 0.2]], 'black', 'Mâu thuẫn với BL 12')
    assert callout.text == 'Mâu thuẫn với BL 12' and callout.points == ((0.1, 0.1), (0.4, 0.2))
    assert parse_mark('arrow', [[0, 0], [1, 1]], text='bỏ qua').text is None  # only a callout keeps text
    stroke = parse_mark('pen', [[i / MAX_POINTS, 0.5] for i in range(MAX_POINTS)])
    assert len(stroke.points) == MAX_POINTS


@pytest.mark.parametrize(('kind', 'points', 'color', 'text', 'code'), [
    ('laser', [[0, 0], [1, 1]], None, None, 'bad_mark_kind'),
    ('pen', [[0, 0], [1, 1]], 'pink', None, 'bad_mark_color'),
    ('pen', [], None, None, 'mark_empty'),
    ('pen', None, None, None, 'mark_empty'),
    ('pen', [[0.5, 0.5]] * (MAX_POINTS + 1), None, None, 'mark_too_many_points'),
    ('pen', [[0.5, 1.01]], None, None, 'mark_point_outside'),
    ('arrow', [[-0.1, 0.5], [0.5, 0.5]], None, None, 'mark_point_outside'),
    ('pen', [[0.5]], None, None, 'bad_mark_point'),
    ('pen', [[0.5, 'x']], None, None, 'bad_mark_point'),
    ('pen', [[0.5, float('nan')]], None, None, 'bad_mark_point'),
    ('pen', [[True, 0.5]], None, None, 'bad_mark_point'),
    ('rect', [[0.1, 0.1]], None, None, 'mark_point_count'),
    ('ellipse', [[0.1, 0.1], [0.2, 0.2], [0.3, 0.3]], None, None, 'mark_point_count'),
    ('arrow', [[0.1, 0.1]], None, None, 'mark_point_count'),
    ('text', [[0.1, 0.1], [0.4, 0.2]], None, None, 'mark_needs_text'),
    ('text', [[0.1, 0.1], [0.4, 0.2]], None, '   ', 'mark_needs_text'),
    ('text', [[0.1, 0.1]], None, 'chú thích', 'mark_point_count'),
    ('text', [[0.1, 0.1], [0.4, 0.2]], None, 'x' * 501, 'field_too_long'),
])
def test_bad_marks_are_refused_with_a_named_error(kind: str, points: Any, color: str | None, text: str | None,
                                                  code: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_mark(kind, points, color, text)
    assert caught.value.code == code
    for lang in ('vi', 'en'):  # every code has its text in both languages, and names what was wrong
        message = DOMAIN_ERRORS.t(code, lang, **caught.value.params)
        assert message and '{' not in message


def test_add_list_delete_with_audit_and_events(store: Store) -> None:
    marks, h, e, _ = setup(store)
    changes: list[MarksChange] = []
    marks.changed.subscribe(changes.append)
    first = marks.add(h, PROCURATOR, exhibit_id=e, page=2, kind='highlight', points=[[0.1, 0.2], [0.6, 0.25]])
    second = marks.add(h, CLERK, exhibit_id=e, page=2, kind='text', points=[[0.1, 0.3], [0.5, 0.4]],
                       color='blue', text='Lời khai mâu thuẫn')
    marks.add(h, JUDGE, exhibit_id=e, page=3, kind='arrow', points=[[0.9, 0.9], [0.5, 0.5]])
    assert [m.id for m in marks.of_page(h, e, 2)] == [first.id, second.id]
    assert [m.id for m in marks.of_exhibit_page(e, 2)] == [first.id, second.id]
    assert marks.get(second.id).shape.text == 'Lời khai mâu thuẫn'
    assert changes == [MarksChange(h, e, 2), MarksChange(h, e, 2), MarksChange(h, e, 3)]
    api = first.to_api()
    assert api['kind'] == 'highlight' and api['color'] == 'yellow' and api['author'] == 'ksv'
    assert api['points'] == [[0.1, 0.2], [0.6, 0.25]] and 'author' not in first.to_draw()

    deleted = marks.delete(first.id, JUDGE)
    assert deleted.id == first.id and [m.id for m in marks.of_page(h, e, 2)] == [second.id]
    assert changes[-1] == MarksChange(h, e, 2)
    with pytest.raises(NotFound) as caught:
        marks.get(first.id)
    assert caught.value.code == 'mark_not_found'
    with pytest.raises(NotFound):
        marks.delete(first.id, JUDGE)

    log = AuditLog(store)
    entries = [x for x in log.entries(h) if x.action.startswith('mark_')]
    assert [(x.action, x.actor) for x in entries] == [('mark_added', 'ksv'), ('mark_added', 'thuky'),
                                                     ('mark_added', 'chutoa'), ('mark_deleted', 'chutoa')]
    assert entries[0].details == {'mark_id': first.id, 'exhibit_id': e, 'page': 2, 'kind': 'highlight',
                                  'points': [[0.1, 0.2], [0.6, 0.25]], 'color': 'yellow', 'text': None}
    assert entries[-1].details['mark_id'] == first.id and entries[-1].details['points'] == [[0.1, 0.2], [0.6, 0.25]]
    assert log.verify(h).valid


def test_marks_survive_a_restart(tmp_path: Path) -> None:
    store = Store(tmp_path / 'db.sqlite3')
    marks, h, e, _ = setup(store)
    mark = marks.add(h, PROCURATOR, exhibit_id=e, page=1, kind='ellipse', points=[[0.2, 0.2], [0.4, 0.3]])
    store.close()
    again = Store(tmp_path / 'db.sqlite3')
    try:
        reopened = Marks(again, Hearings(again), Exhibits(again))
        assert reopened.of_page(h, e, 1) == [mark]
    finally:
        again.close()


def test_who_may_mark(store: Store) -> None:
    marks, h, e, _ = setup(store)
    for user in (COUNSEL, ASSESSOR):
        with pytest.raises(Forbidden):
            marks.add(h, user, exhibit_id=e, page=1, kind='pen', points=[[0.5, 0.5]])
    mark = marks.add(h, PROCURATOR, exhibit_id=e, page=1, kind='pen', points=[[0.5, 0.5]])
    with pytest.raises(Forbidden):
        marks.delete(mark.id, COUNSEL)
    assert marks.of_page(h, e, 1) == [mark]


@pytest.mark.parametrize(('where', 'code'), [
    ({'page': 4}, 'page_not_found'),
    ({'page': 0}, 'page_not_found'),
    ({'exhibit_id': 999}, 'exhibit_not_found'),
    ({'exhibit_id': 'foreign'}, 'exhibit_not_found'),  # an exhibit of another hearing
    ({'hearing_id': 999}, 'hearing_not_found'),
    ({'kind': 'laser'}, 'bad_mark_kind'),
    ({'color': 'pink'}, 'bad_mark_color'),
    ({'points': []}, 'mark_empty'),
    ({'points': [[0.5, 0.5]] * (MAX_POINTS + 1)}, 'mark_too_many_points'),
    ({'points': [[0.5, 1.5]]}, 'mark_point_outside'),
    ({'kind': 'text', 'points': [[0.1, 0.1], [0.2, 0.2]]}, 'mark_needs_text'),
    ({'kind': 'text', 'points': [[0.1, 0.1]], 'text': 'x'}, 'mark_point_count'),
    ({'kind': 'text', 'points': [[0.1, 0.1], [0.2, 0.2]], 'text': 'x' * 501}, 'field_too_long'),
])
def test_bad_input_stores_nothing_and_leaves_the_audit_chain_as_it_was(store: Store, where: dict[str, Any],
                                                                      code: str) -> None:
    marks, h, e, foreign = setup(store)
    log = AuditLog(store)
    before = log.entries(h)
    changes: list[MarksChange] = []
    marks.changed.subscribe(changes.append)
    args: dict[str, Any] = {'hearing_id': h, 'exhibit_id': e, 'page': 1, 'kind': 'pen',
                            'points': [[0.1, 0.1], [0.2, 0.2]], 'color': None, 'text': None, **where}
    if args['exhibit_id'] == 'foreign':
        args['exhibit_id'] = foreign
    hearing_id = args.pop('hearing_id')
    with pytest.raises(CourtroomError) as caught:
        marks.add(hearing_id, PROCURATOR, **args)
    assert caught.value.code == code
    with store.read() as db:
        assert db.execute('SELECT count(*) FROM marks').fetchone()[0] == 0
    assert log.entries(h) == before and changes == []


def test_a_page_s_marks_carry_the_revision_they_were_read_at(store: Store) -> None:
    """Screens keep the newer of two answers that arrive out of order: every change moves the revision on."""
    marks, h, e, _ = setup(store)
    assert marks.known_page(h, e, 1) is None  # not read yet
    empty = marks.page(h, e, 1)
    assert marks.known_page(h, e, 1) == empty  # at hand now, without a database read
    mark = marks.add(h, PROCURATOR, exhibit_id=e, page=1, kind='rect', points=[[0.1, 0.1], [0.2, 0.2]])
    assert marks.known_page(h, e, 1) is None  # a change forgets what was at hand for its page
    one = marks.page(h, e, 1)
    assert one.marks == (mark,) and one.revision > empty.revision and empty.marks == ()
    marks.add(h, PROCURATOR, exhibit_id=e, page=2, kind='rect', points=[[0.1, 0.1], [0.2, 0.2]])
    assert marks.known_page(h, e, 1) == one  # another page's change leaves this one's
    marks.delete(mark.id, PROCURATOR)
    assert marks.page(h, e, 1).revision > one.revision and marks.page(h, e, 1).marks == ()


def test_clearing_a_page_deletes_each_of_its_marks_audited_and_announces_once(store: Store) -> None:
    marks, h, e, _ = setup(store)
    kept = marks.add(h, PROCURATOR, exhibit_id=e, page=2, kind='pen', points=[[0.5, 0.5]])
    made = [marks.add(h, PROCURATOR, exhibit_id=e, page=1, kind='pen', points=[[0.1 * i, 0.5]]) for i in range(3)]
    changes: list[MarksChange] = []
    marks.changed.subscribe(changes.append)
    with pytest.raises(Forbidden):
        marks.clear_page(h, COUNSEL, e, 1)
    assert [m.id for m in marks.clear_page(h, CLERK, e, 1)] == [m.id for m in made]
    assert marks.of_page(h, e, 1) == [] and marks.of_page(h, e, 2) == [kept]
    assert changes == [MarksChange(h, e, 1)]
    deleted = [x.details['mark_id'] for x in AuditLog(store).entries(h) if x.action == 'mark_deleted']
    assert deleted == [m.id for m in made]
    assert marks.clear_page(h, CLERK, e, 1) == [] and changes == [MarksChange(h, e, 1)]
