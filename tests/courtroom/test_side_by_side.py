"""Side by side: two pages on the screens at once, each with its own region; turning one side leaves the other;
restriction per side; approval, blank and clear of both; the audit entry and the review's timeline; a state stored
before side by side still loads; and who-sees-what over random sequences that mix one and two pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from courtroom.audit import AuditLog
from courtroom.errors import Conflict, Forbidden, InvalidInput, NotFound
from courtroom.exhibits import Disclosure, Exhibits
from courtroom.hearings import Hearings
from courtroom.minutes import Minutes
from courtroom.presentation import Presentation
from courtroom.presentation_state import PresentationState, Region, Shown
from courtroom.screen_history import on_screen_at, screen_timeline
from courtroom.store import Store
from courtroom.visibility import Audience, ViewState, may_fetch

from .test_presentation import CLERK, COUNSEL, JUDGE, OTHERS, PROCURATOR, setup


def pages(view: object) -> list[tuple[int, int] | None]:
    return [(s.exhibit_id, s.page) if s else None for s in view.pages]  # type: ignore[attr-defined]


def test_two_pages_each_with_its_region_on_every_screen(store: Store) -> None:
    p, h, (e1, e2, _) = setup(store)
    state = p.publish_items(h, PROCURATOR, [(e1, 2, [0, 0, 0.5, 0.5]), (e2, 1, None)])
    assert state.live == Shown(e1, 2, Region(0, 0, 0.5, 0.5)) and state.beside == Shown(e2, 1)
    for audience in Audience:
        view = p.view(h, audience)
        assert view.state is ViewState.SHOWING and view.split
        assert pages(view) == [(e1, 2), (e2, 1)]
        assert view.pages[0].region == Region(0, 0, 0.5, 0.5) and view.pages[1].region is None
        assert may_fetch(view, e1, 2) and may_fetch(view, e2, 1) and not may_fetch(view, e1, 1)
    exhibits = Exhibits(store)
    assert exhibits.get(e1).disclosure is exhibits.get(e2).disclosure is Disclosure.ON_DISPLAY
    assert p.view(h, Audience.PUBLIC).to_api() == {
        'state': 'showing', 'exhibit_id': e1, 'page': 2, 'region': [0, 0, 0.5, 0.5], 'split': True,
        'beside': {'exhibit_id': e2, 'page': 1, 'region': None}}


def test_turning_one_side_leaves_the_other(store: Store) -> None:
    p, h, (e1, e2, _) = setup(store)
    p.publish(h, PROCURATOR, e1, 1)
    p.publish(h, PROCURATOR, e2, 1, side=1)  # beside the live page
    assert pages(p.view(h, Audience.PUBLIC)) == [(e1, 1), (e2, 1)]
    p.publish(h, PROCURATOR, e2, 2, side=1)
    assert pages(p.view(h, Audience.PUBLIC)) == [(e1, 1), (e2, 2)]
    p.publish(h, PROCURATOR, e1, 3, [0.2, 0.2, 0.6, 0.6], side=0)
    state = p.state(h)
    assert state.live == Shown(e1, 3, Region(0.2, 0.2, 0.6, 0.6)) and state.beside == Shown(e2, 2)
    p.publish(h, PROCURATOR, e2, 2, side=0)  # the same exhibit on both sides: it stays on display
    assert Exhibits(store).get(e1).disclosure is Disclosure.EXAMINED
    assert Exhibits(store).get(e2).disclosure is Disclosure.ON_DISPLAY
    p.publish(h, PROCURATOR, e1, 1)  # one page without a side: side by side ends
    view = p.view(h, Audience.PUBLIC)
    assert not view.split and pages(view) == [(e1, 1)] and p.state(h).beside is None
    assert view.to_api() == {'state': 'showing', 'exhibit_id': e1, 'page': 1, 'region': None}  # as before
    assert Exhibits(store).get(e2).disclosure is Disclosure.EXAMINED


def test_a_restricted_side_stays_empty_for_those_who_may_not_see_it(store: Store) -> None:
    p, h, (e1, e2, _) = setup(store)
    p.set_restricted(e2, CLERK, True)
    p.publish_items(h, PROCURATOR, [(e1, 1, None), (e2, 1, None)])
    assert pages(p.view(h, Audience.PANEL)) == [(e1, 1), (e2, 1)]
    for audience in OTHERS:
        view = p.view(h, audience)
        assert view.state is ViewState.SHOWING and pages(view) == [(e1, 1), None]
        assert may_fetch(view, e1, 1) and not may_fetch(view, e2, 1)
        assert view.to_api()['beside'] is None
    p.set_restricted(e1, CLERK, True)  # both restricted: the placeholder, as for one restricted page
    assert [p.view(h, a).state for a in OTHERS] == [ViewState.RESTRICTED] * 4
    assert pages(p.view(h, Audience.PANEL)) == [(e1, 1), (e2, 1)]
    p.set_restricted(e2, CLERK, False)
    view = p.view(h, Audience.PUBLIC)
    assert pages(view) == [None, (e2, 1)] and view.exhibit_id is None
    assert not may_fetch(view, e1, 1) and may_fetch(view, e2, 1)


def test_blank_kill_switch_and_clear_take_both_sides(store: Store) -> None:
    p, h, (e1, e2, _) = setup(store)
    p.publish_items(h, PROCURATOR, [(e1, 1, None), (e2, 1, None)])
    p.blank(h, JUDGE, True)
    assert all(p.view(h, a).state is ViewState.BLANK and not may_fetch(p.view(h, a), e2, 1) for a in OTHERS)
    assert p.view(h, Audience.PANEL).split
    p.blank(h, JUDGE, False)
    p.blank(h, PROCURATOR, True)
    assert all(p.view(h, a).state is ViewState.BLANK for a in Audience)
    p.blank(h, PROCURATOR, False)
    p.clear(h, PROCURATOR)
    assert all(p.view(h, a).state is ViewState.IDLE for a in Audience)
    assert p.state(h).beside is None
    exhibits = Exhibits(store)
    assert exhibits.get(e1).disclosure is exhibits.get(e2).disclosure is Disclosure.EXAMINED


def test_approval_of_both_pages(store: Store) -> None:
    p, h, (e1, e2, _) = setup(store)
    p.configure(h, JUDGE, approval_required=True)
    p.publish_items(h, PROCURATOR, [(e1, 1, None), (e2, 2, None)])
    state = p.state(h)
    assert (state.pending, state.pending_beside) == (Shown(e1, 1), Shown(e2, 2)) and state.live is None
    assert p.view(h, Audience.PANEL).state is ViewState.IDLE
    p.approve(h, JUDGE)
    assert pages(p.view(h, Audience.PUBLIC)) == [(e1, 1), (e2, 2)]
    assert p.state(h).pending_beside is None
    p.publish(h, PROCURATOR, e2, 1, side=1)  # a turn of one side asks too, with the other side kept
    assert (p.state(h).pending, p.state(h).pending_beside) == (Shown(e1, 1), Shown(e2, 1))
    p.approve(h, JUDGE, approved=False)
    assert pages(p.view(h, Audience.PUBLIC)) == [(e1, 1), (e2, 2)]
    with pytest.raises(Conflict):
        p.approve(h, JUDGE)


def test_the_audit_the_minutes_and_the_review_name_both_pages(store: Store) -> None:
    p, h, (e1, e2, _) = setup(store)
    p.publish(h, PROCURATOR, e1, 1)
    p.publish_items(h, PROCURATOR, [(e1, 2, None), (e2, 1, [0, 0, 0.5, 0.5])])
    p.publish(h, PROCURATOR, e2, 2, side=1)
    p.clear(h, PROCURATOR)
    entries = AuditLog(store).entries(h)
    one, two, turn, cleared = (e.details for e in entries[-4:])
    assert one == {'exhibit_id': e1, 'page': 1, 'region': None, 'version': 1}  # one page: as it has always been
    assert two == {'exhibit_id': e1, 'page': 2, 'region': None, 'version': 2,
                   'beside': {'exhibit_id': e2, 'page': 1, 'region': [0, 0, 0.5, 0.5]}}
    assert turn['beside'] == {'exhibit_id': e2, 'page': 2, 'region': None} and turn['side'] == 1
    assert turn['page'] == 2 and cleared['beside']['page'] == 2
    timeline = screen_timeline(entries)
    shown = [(s.exhibit_id, s.page, s.beside_exhibit_id, s.beside_page) for _, s in timeline]
    assert shown == [(e1, 1, None, None), (e1, 2, e2, 1), (e1, 2, e2, 2), (None, None, None, None)]
    assert on_screen_at(timeline, timeline[2][0]).beside_page == 2
    minutes = [e.text for e in Minutes(store).entries(h, 'en') if e.kind == 'published']
    assert minutes[0] == 'Shown: TL-001 “Tài liệu”, page 1 (BL 1)'  # one page: as before
    assert minutes[1] == 'Shown: TL-001 “Tài liệu”, page 2 (BL 2); side by side with TL-002 “Tài liệu”, page 1 (BL 4)'
    assert Minutes(store).entries(h)[-2].text.endswith('; song song bên cạnh: TL-002 “Tài liệu”, trang 2 (BL 5)')


def test_bad_side_by_side_requests_change_nothing(store: Store) -> None:
    p, h, (e1, e2, _) = setup(store)
    entries = len(AuditLog(store).entries(h))
    for call in (lambda: p.publish(h, PROCURATOR, e2, 1, side=1),  # nothing live to put it beside
                 lambda: p.publish(h, PROCURATOR, e1, 1, side=2),
                 lambda: p.publish_items(h, PROCURATOR, []),
                 lambda: p.publish_items(h, PROCURATOR, [(e1, 1, None)] * 3),
                 lambda: p.publish_items(h, PROCURATOR, [(e1, 1, None), (e2, 9, None)]),
                 lambda: p.publish_items(h, PROCURATOR, [(e1, 1, None), (999, 1, None)]),
                 lambda: p.publish_items(h, PROCURATOR, [(e1, 1, None), (e2, 1, [0, 0, 2, 1])]),
                 lambda: p.publish_items(h, COUNSEL, [(e1, 1, None), (e2, 1, None)])):
        with pytest.raises((NotFound, InvalidInput, Forbidden)):
            call()
    assert p.state(h).version == 0 and len(AuditLog(store).entries(h)) == entries
    with pytest.raises(InvalidInput) as caught:
        p.publish_items(h, PROCURATOR, [])
    assert caught.value.code == 'bad_items'


def test_a_state_stored_before_side_by_side_loads(tmp_path: Path) -> None:
    old = json.dumps({'version': 7, 'live': {'exhibit_id': 3, 'page': 2, 'region': [0, 0, 0.5, 0.5]},
                      'pending': None, 'pending_by': None, 'presenter_blank': False, 'kill_switch': True})
    state = PresentationState.from_json(1, old)
    assert state.live == Shown(3, 2, Region(0, 0, 0.5, 0.5)) and state.beside is None and state.kill_switch
    assert state.items == (state.live,)
    store = Store(tmp_path / 'db.sqlite3')
    p, h, (e1, e2, _) = setup(store)
    with store.transaction() as db:
        db.execute('INSERT INTO presentation (hearing_id, state) VALUES (?, ?)',
                   (h, old.replace('"exhibit_id": 3', f'"exhibit_id": {e1}')))
    assert p.state(h).version == 7 and pages(p.view(h, Audience.PANEL)) == [(e1, 2)]
    p.publish(h, JUDGE, e2, 1, side=1)
    store.close()
    store = Store(tmp_path / 'db.sqlite3')
    again = Presentation(store, Hearings(store), Exhibits(store)).state(h)
    assert (again.live, again.beside, again.version) == (Shown(e1, 2, Region(0, 0, 0.5, 0.5)), Shown(e2, 1), 8)
    store.close()


ACTIONS = st.lists(st.tuples(
    st.sampled_from(['publish', 'left', 'right', 'right', 'pair', 'pair', 'restrict', 'restrict', 'unrestrict',
                     'blank', 'unblank', 'approve', 'reject', 'clear', 'approval_on', 'approval_off']),
    st.sampled_from([PROCURATOR, PROCURATOR, JUDGE, JUDGE, CLERK]),
    st.integers(0, 2), st.integers(1, 2), st.integers(0, 2)), max_size=30)


@settings(max_examples=150, deadline=None)
@given(actions=ACTIONS)
def test_no_screen_but_the_panel_ever_shows_a_side_it_may_not(actions: list) -> None:
    store = Store(':memory:')
    p, h, ids = setup(store)
    exhibits = Exhibits(store)
    for name, user, index, page, other in actions:
        exhibit_id = ids[index]
        try:
            match name:
                case 'publish':
                    p.publish(h, user, exhibit_id, page)
                case 'left' | 'right':
                    p.publish(h, user, exhibit_id, page, side=0 if name == 'left' else 1)
                case 'pair':
                    p.publish_items(h, user, [(exhibit_id, page, None), (ids[other], 1, None)])
                case 'restrict' | 'unrestrict':
                    p.set_restricted(exhibit_id, user, name == 'restrict')
                case 'blank' | 'unblank':
                    p.blank(h, user, name == 'blank')
                case 'approve' | 'reject':
                    p.approve(h, user, approved=name == 'approve')
                case 'clear':
                    p.clear(h, user)
                case 'approval_on' | 'approval_off':
                    p.configure(h, user, approval_required=name == 'approval_on')
        except (Forbidden, NotFound, Conflict, InvalidInput):
            pass
        state = p.state(h)
        assert state.beside is None or state.live is not None
        for audience in OTHERS:
            view = p.view(h, audience)
            fetchable = {(e, pg) for e in ids for pg in (1, 2, 3) if may_fetch(view, e, pg)}
            if state.kill_switch or state.presenter_blank:
                assert view.state is ViewState.BLANK and not fetchable
            shown = {s for s in pages(view) if s is not None}
            assert fetchable == shown
            assert len(pages(view)) == (len(state.items) if view.state is ViewState.SHOWING else 0)
            for exhibit_id, _ in shown:
                assert not exhibits.get(exhibit_id).restricted
                assert exhibits.get(exhibit_id).disclosure is Disclosure.ON_DISPLAY
    assert AuditLog(store).verify(h).valid
    store.close()
