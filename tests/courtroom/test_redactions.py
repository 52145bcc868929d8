"""Redactions: what a box may be (the pure rule), storing and deleting them with the exhibit, audited in its
hearing with the box, who may redact, the words under a box kept for search and masked, and every class of bad
input refused with a named error, nothing stored and the audit chain unchanged."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from courtroom.audit import AuditLog
from courtroom.errors import CourtroomError, Forbidden, InvalidInput, NotFound
from courtroom.exhibits import Exhibit, Exhibits
from courtroom.hearings import Hearings
from courtroom.messages import DOMAIN_ERRORS
from courtroom.redactions import MASK, Box, Redactions, RedactionsChange, masked, parse_box
from courtroom.roles import Role
from courtroom.search import Search
from courtroom.store import Store
from courtroom.users import User

from .conftest import draft

PROCURATOR = User(id=1, username='ksv', name='KSV', role=Role.PROCURATOR)
CLERK = User(id=2, username='thuky', name='Thư ký', role=Role.CLERK)
PRESIDING = User(id=3, username='chutoa', name='Chủ tọa', role=Role.PRESIDING_JUDGE)
COUNSEL = User(id=4, username='ls', name='Luật sư', role=Role.DEFENCE_COUNSEL)
ASSESSOR = User(id=5, username='htnd', name='Hội thẩm', role=Role.ASSESSOR)
ADMIN = User(id=6, username='qtv', name='Quản trị', role=Role.ADMIN)


def words_under(exhibit: Exhibit, page: int, box: Box) -> list[str]:
    """Stands for the renderer's lookup: the page's 'name' is under any box in the page's top half."""
    return ['Trần', 'Mật'] if box.y0 < 0.5 else []


def setup(store: Store) -> tuple[Redactions, int, int]:
    """Redactions, and a hearing with a 3-page exhibit."""
    hearings, exhibits = Hearings(store), Exhibits(store)
    h = hearings.create(case_number='1', title='t', actor='thuky')
    (e,) = exhibits.add_bundle(h.id, [draft(['a', 'b', 'c'])], actor='thuky')
    return Redactions(store, hearings, exhibits, words_under), h.id, e.id


def test_a_box_is_four_numbers_within_the_page_in_order() -> None:
    assert parse_box([0.1, 0.2, 0.5, 0.3]) == Box(0.1, 0.2, 0.5, 0.3)
    assert parse_box((0, 0, 1, 1)) == Box(0.0, 0.0, 1.0, 1.0)  # the whole page
    assert parse_box([0.5, 0.5, 0.505, 0.505]).x1 == 0.505  # 0.5 % a side is enough


@pytest.mark.parametrize(('box', 'code'), [
    (None, 'bad_redaction_box'),
    ([0.1, 0.2, 0.3], 'bad_redaction_box'),
    ([0.1, 0.2, 0.3, 'x'], 'bad_redaction_box'),
    ([0.1, 0.2, 0.3, float('nan')], 'bad_redaction_box'),
    ([True, 0.2, 0.3, 0.4], 'bad_redaction_box'),
    ([0.1, 0.2, 1.2, 0.4], 'redaction_box_outside'),
    ([-0.1, 0.2, 0.3, 0.4], 'redaction_box_outside'),
    ([0.5, 0.2, 0.3, 0.4], 'redaction_box_inverted'),
    ([0.1, 0.4, 0.3, 0.4], 'redaction_box_inverted'),
    ([0.1, 0.2, 0.104, 0.4], 'redaction_box_too_small'),
    ([0.1, 0.2, 0.3, 0.2049], 'redaction_box_too_small'),
])
def test_bad_boxes_are_refused_with_a_named_error(box: Any, code: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_box(box)
    assert caught.value.code == code
    for lang in ('vi', 'en'):
        message = DOMAIN_ERRORS.t(code, lang, **caught.value.params)
        assert message and '{' not in message


def test_add_list_delete_with_audit_events_and_the_words_kept_server_side(store: Store) -> None:
    redactions, h, e = setup(store)
    changes: list[RedactionsChange] = []
    redactions.changed.subscribe(changes.append)
    first = redactions.add(PROCURATOR, exhibit_id=e, page=2, box=[0.1, 0.1, 0.4, 0.15])
    second = redactions.add(CLERK, exhibit_id=e, page=2, box=[0.1, 0.6, 0.4, 0.7])
    third = redactions.add(PRESIDING, exhibit_id=e, page=3, box=[0, 0, 1, 1])
    assert [r.id for r in redactions.of_exhibit(e)] == [first.id, second.id, third.id]
    assert redactions.get(first.id).words == ('Mật', 'Trần') and second.words == ()
    assert 'words' not in first.to_api() and first.to_api()['box'] == [0.1, 0.1, 0.4, 0.15]
    assert changes == [RedactionsChange(h, e, 2), RedactionsChange(h, e, 2), RedactionsChange(h, e, 3)]
    assert redactions.hidden_words(h) == {(e, 2): frozenset({'Trần', 'Mật'}), (e, 3): frozenset({'Trần', 'Mật'})}

    assert redactions.delete(first.id, PRESIDING).id == first.id
    assert [r.id for r in redactions.of_exhibit(e)] == [second.id, third.id]
    assert changes[-1] == RedactionsChange(h, e, 2) and (e, 2) not in redactions.hidden_words(h)
    with pytest.raises(NotFound) as caught:
        redactions.get(first.id)
    assert caught.value.code == 'redaction_not_found'
    with pytest.raises(NotFound):
        redactions.delete(first.id, PRESIDING)

    log = AuditLog(store)
    entries = [x for x in log.entries(h) if x.action.startswith('redaction_')]
    assert [(x.action, x.actor) for x in entries] == [
        ('redaction_added', 'ksv'), ('redaction_added', 'thuky'), ('redaction_added', 'chutoa'),
        ('redaction_deleted', 'chutoa')]
    assert entries[0].details == {'redaction_id': first.id, 'exhibit_id': e, 'page': 2, 'box': [0.1, 0.1, 0.4, 0.15]}
    assert entries[-1].details['box'] == [0.1, 0.1, 0.4, 0.15]
    assert 'Mật' not in str([x.details for x in entries])  # the record says where, never what
    assert log.verify(h).valid


def test_redactions_survive_a_restart(tmp_path: Path) -> None:
    store = Store(tmp_path / 'db.sqlite3')
    redactions, _, e = setup(store)
    made = redactions.add(CLERK, exhibit_id=e, page=1, box=[0.2, 0.2, 0.4, 0.3])
    store.close()
    again = Store(tmp_path / 'db.sqlite3')
    try:
        assert Redactions(again, Hearings(again), Exhibits(again)).of_exhibit(e) == [made]
    finally:
        again.close()


def test_who_may_redact(store: Store) -> None:
    redactions, _, e = setup(store)
    for user in (COUNSEL, ASSESSOR, ADMIN):
        with pytest.raises(Forbidden):
            redactions.add(user, exhibit_id=e, page=1, box=[0.1, 0.1, 0.2, 0.2])
    made = redactions.add(CLERK, exhibit_id=e, page=1, box=[0.1, 0.1, 0.2, 0.2])
    with pytest.raises(Forbidden):
        redactions.delete(made.id, COUNSEL)
    assert redactions.of_exhibit(e) == [made]


@pytest.mark.parametrize(('where', 'code'), [
    ({'page': 4}, 'page_not_found'),
    ({'page': 0}, 'page_not_found'),
    ({'page': '1'}, 'bad_request'),
    ({'exhibit_id': 999}, 'exhibit_not_found'),
    ({'box': [0.1, 0.1, 1.1, 0.2]}, 'redaction_box_outside'),
    ({'box': [0.3, 0.1, 0.2, 0.2]}, 'redaction_box_inverted'),
    ({'box': [0.1, 0.1, 0.102, 0.2]}, 'redaction_box_too_small'),
    ({'box': 'everything'}, 'bad_redaction_box'),
])
def test_bad_input_stores_nothing_and_leaves_the_audit_chain_as_it_was(store: Store, where: dict[str, Any],
                                                                      code: str) -> None:
    redactions, h, e = setup(store)
    log = AuditLog(store)
    before = log.entries(h)
    changes: list[RedactionsChange] = []
    redactions.changed.subscribe(changes.append)
    with pytest.raises(CourtroomError) as caught:
        redactions.add(PROCURATOR, **{'exhibit_id': e, 'page': 1, 'box': [0.1, 0.1, 0.3, 0.2], **where})
    assert caught.value.code == code
    with store.read() as db:
        assert db.execute('SELECT count(*) FROM redactions').fetchone()[0] == 0
    assert log.entries(h) == before and changes == []


def test_a_page_s_boxes_are_at_hand_and_keyed_by_what_they_are(store: Store) -> None:
    """A cache keyed by a page's redaction key never serves a rendering of other boxes."""
    redactions, _, e = setup(store)
    assert redactions.known_page(e, 1) is None
    none = redactions.page(e, 1)
    assert none.boxes == () and none.key == '' and redactions.known_page(e, 1) == none
    made = redactions.add(CLERK, exhibit_id=e, page=1, box=[0.1, 0.1, 0.3, 0.2])
    assert redactions.known_page(e, 1) is None  # a change forgets what was at hand for its page
    one = redactions.page(e, 1)
    assert one.boxes == (Box(0.1, 0.1, 0.3, 0.2),) and one.key and one.revision > none.revision
    redactions.add(CLERK, exhibit_id=e, page=1, box=[0.5, 0.5, 0.6, 0.6])
    two = redactions.page(e, 1)
    assert two.key not in ('', one.key)
    redactions.delete(made.id, CLERK)
    assert redactions.page(e, 1).key not in ('', one.key, two.key)
    redactions.add(CLERK, exhibit_id=e, page=1, box=[0.1, 0.1, 0.3, 0.2])
    assert redactions.page(e, 1).key == two.key  # the same boxes: the same rendering


def test_masking_hides_whole_words_wherever_they_are_on_the_page() -> None:
    text = 'Bị hại: Trần Thị Mật, con của ông Trần; Mật khẩu. Mậtx'
    assert masked(text, {'Trần', 'mật'}) == f'Bị hại: {MASK} Thị {MASK}, con của ông {MASK}; {MASK} khẩu. Mậtx'
    assert masked(text, set()) == text


def test_search_for_anyone_but_the_panel_masks_hidden_words_and_finds_pages_only_by_what_is_left(
        store: Store) -> None:
    """The rule in courtroom.search: a redacted word is masked in the snippet, and a page found only by it is not
    found (the list of hits would tell where the name is); by its other words, it is, with the word masked."""
    hearings, exhibits = Hearings(store), Exhibits(store)
    h = hearings.create(case_number='1', title='t', actor='thuky').id
    (e,) = exhibits.add_bundle(h, [draft(['Bị hại: Trần Thị Mật. Kết luận giám định thương tích',
                                             'Kết luận giám định của Trần Văn Lâm', 'Trang khác'],
                                            bl_first=1)], actor='thuky')
    redactions = Redactions(store, hearings, exhibits, lambda exhibit, page, box: ['Trần', 'Thị', 'Mật'])
    redactions.add(CLERK, exhibit_id=e.id, page=1, box=[0.1, 0.1, 0.5, 0.15])
    search = Search(store)
    hidden = redactions.hidden_words(h)

    panel = search.search(h, 'Mật')
    assert [hit.page for hit in panel] == [1] and '[Mật]' in panel[0].snippet  # the panel sees it all
    assert search.search(h, 'Mật', hidden=hidden) == []
    assert [hit.page for hit in search.search(h, 'Trần Thị Mật', hidden=hidden)] == [2]  # 'Trần' of page 2 only

    found = search.search(h, 'giám định', hidden=hidden)
    assert [hit.page for hit in found] == [1, 2]
    assert 'Mật' not in found[0].snippet and 'Trần' not in found[0].snippet and MASK in found[0].snippet
    assert '[giám] [định]' in found[0].snippet
    assert 'Trần Văn Lâm' in found[1].snippet  # another page's words are its own: only page 1 is redacted

    # a page that had the phrase and keeps only one of its words moves down to the partial matches
    assert [(hit.page, hit.snippet.count('[')) for hit in search.search(h, 'Trần Văn', hidden=hidden)] == [(2, 2)]
    assert [hit.page for hit in search.search(h, 'Mật thương', hidden=hidden)] == [1]
    assert [hit.page for hit in search.search(h, 'BL 1', hidden=hidden)] == [1]  # naming the page still opens it
    assert 'Mật' not in search.search(h, 'BL 1', hidden=hidden)[0].snippet


def test_with_approval_on_a_box_waits_for_the_presiding_judge_burned_in_meanwhile(store: Store) -> None:
    redactions, h, e = setup(store)
    hearings = Hearings(store)
    assert redactions.add(CLERK, exhibit_id=e, page=1, box=[0.1, 0.1, 0.3, 0.2]).approved  # approval off
    hearings.configure(h, actor='chutoa', approval_required=True)
    waiting = redactions.add(PROCURATOR, exhibit_id=e, page=1, box=[0.5, 0.5, 0.6, 0.6])
    rejected = redactions.add(CLERK, exhibit_id=e, page=2, box=[0.5, 0.5, 0.6, 0.6])
    own = redactions.add(PRESIDING, exhibit_id=e, page=3, box=[0.5, 0.5, 0.6, 0.6])
    assert not waiting.approved and not rejected.approved and own.approved
    assert [r.id for r in redactions.pending(h)] == [waiting.id, rejected.id]
    assert len(redactions.page(e, 1).boxes) == 2  # burned in while it waits
    for user in (PROCURATOR, CLERK, ASSESSOR):
        with pytest.raises(Forbidden):
            redactions.approve(waiting.id, user)
    changes: list[RedactionsChange] = []
    redactions.changed.subscribe(changes.append)
    assert redactions.approve(waiting.id, PRESIDING).approved and redactions.get(waiting.id).approved
    with pytest.raises(CourtroomError) as caught:
        redactions.approve(waiting.id, PRESIDING)
    assert caught.value.code == 'redaction_not_pending'
    redactions.delete(rejected.id, PRESIDING)  # a rejection
    assert redactions.pending(h) == [] and changes == [RedactionsChange(h, e, 1), RedactionsChange(h, e, 2)]
    entries = [(x.action, x.actor, x.details.get('pending')) for x in AuditLog(store).entries(h)
               if x.action.startswith('redaction_')]
    assert entries[1:] == [('redaction_added', 'ksv', True), ('redaction_added', 'thuky', True),
                           ('redaction_added', 'chutoa', None), ('redaction_approved', 'chutoa', None),
                           ('redaction_deleted', 'chutoa', None)]
