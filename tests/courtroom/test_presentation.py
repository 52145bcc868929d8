"""Presenting: publish, approval, blank and kill switch, restriction, disclosure, persistence across a restart,
and a property test of who-sees-what over random sequences of actions by different roles."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from courtroom.audit import AuditLog
from courtroom.errors import Conflict, Forbidden, InvalidInput, NotFound
from courtroom.exhibits import Disclosure, Exhibits
from courtroom.hearings import Hearings
from courtroom.presentation import Presentation
from courtroom.presentation_state import Region
from courtroom.roles import Role
from courtroom.store import Store
from courtroom.users import User
from courtroom.visibility import Audience, ViewState, may_fetch

from .conftest import draft

PROCURATOR = User(id=1, username='ksv', name='KSV', role=Role.PROCURATOR)
JUDGE = User(id=2, username='chutoa', name='Chủ tọa', role=Role.PRESIDING_JUDGE)
CLERK = User(id=3, username='thuky', name='Thư ký', role=Role.CLERK)
COUNSEL = User(id=4, username='ls', name='Luật sư', role=Role.DEFENCE_COUNSEL)
OTHERS = (Audience.PUBLIC, Audience.WITNESS, Audience.COUNSEL, Audience.OBSERVER)


def setup(store: Store, exhibit_pages: tuple[int, ...] = (3, 2, 1)) -> tuple[Presentation, int, list[int]]:
    with store.transaction() as db:
        for u in (PROCURATOR, JUDGE, CLERK, COUNSEL):
            db.execute("INSERT INTO users (id, username, name, role, password_hash, created_at)"
                       " VALUES (?, ?, ?, ?, 'x', 'now')", (u.id, u.username, u.name, u.role.value))
    hearings, exhibits = Hearings(store), Exhibits(store)
    h = hearings.create(case_number='1', title='t', actor='thuky')
    created = exhibits.add_bundle(h.id, [draft(['p'] * n, sha=c) for n, c in zip(exhibit_pages, 'abc', strict=False)],
                                  actor='thuky')
    return Presentation(store, hearings, exhibits), h.id, [e.id for e in created]


def test_publish_shows_on_every_audience_and_discloses(store: Store) -> None:
    p, h, (e1, e2, _) = setup(store)
    assert p.view(h, Audience.PUBLIC).state is ViewState.IDLE
    p.publish(h, PROCURATOR, e1, 2, [0.1, 0.1, 0.5, 0.6])
    for audience in Audience:
        view = p.view(h, audience)
        assert (view.state, view.exhibit_id, view.page) == (ViewState.SHOWING, e1, 2)
        assert view.region == Region(0.1, 0.1, 0.5, 0.6)
    exhibits = Exhibits(store)
    assert exhibits.get(e1).disclosure is Disclosure.ON_DISPLAY
    p.publish(h, PROCURATOR, e2, 1)
    assert exhibits.get(e1).disclosure is Disclosure.EXAMINED
    assert exhibits.get(e2).disclosure is Disclosure.ON_DISPLAY
    p.clear(h, PROCURATOR)
    assert exhibits.get(e2).disclosure is Disclosure.EXAMINED
    assert p.view(h, Audience.PANEL).state is ViewState.IDLE


def test_preview_is_private(store: Store) -> None:
    p, h, (e1, *_) = setup(store)
    p.set_preview(h, PROCURATOR, e1, 3)
    assert p.preview(h, PROCURATOR.id).page == 3
    assert all(p.view(h, a).state is ViewState.IDLE for a in Audience)
    assert Exhibits(store).get(e1).disclosure is Disclosure.UNDISCLOSED


def test_kill_switch_wins_and_only_the_judge_lifts_it(store: Store) -> None:
    p, h, (e1, *_) = setup(store)
    p.publish(h, PROCURATOR, e1, 1)
    p.blank(h, JUDGE, True)
    assert [p.view(h, a).state for a in OTHERS] == [ViewState.BLANK] * 4
    assert p.view(h, Audience.PANEL).state is ViewState.SHOWING
    p.blank(h, PROCURATOR, True)
    with pytest.raises(Forbidden) as caught:
        p.blank(h, PROCURATOR, False)
    assert caught.value.code == 'kill_switch_on'
    p.blank(h, JUDGE, False)
    assert p.view(h, Audience.PUBLIC).state is ViewState.BLANK  # the presenter's own blank still holds
    p.blank(h, PROCURATOR, False)
    assert p.view(h, Audience.PUBLIC).state is ViewState.SHOWING


def test_restricted_reaches_panel_only(store: Store) -> None:
    p, h, (e1, *_) = setup(store)
    p.set_restricted(e1, CLERK, True)
    p.publish(h, PROCURATOR, e1, 1)
    assert p.view(h, Audience.PANEL).state is ViewState.SHOWING
    assert [p.view(h, a).state for a in OTHERS] == [ViewState.RESTRICTED] * 4
    assert not any(may_fetch(p.view(h, a), e1, 1) for a in OTHERS)
    with pytest.raises(Forbidden):
        p.set_restricted(e1, PROCURATOR, False)


def test_closed_door_shows_observers_nothing(store: Store) -> None:
    p, h, (e1, *_) = setup(store)
    p.configure(h, CLERK, closed_door=True)
    p.publish(h, PROCURATOR, e1, 1)
    assert p.view(h, Audience.OBSERVER).state is ViewState.BLANK
    assert p.view(h, Audience.PUBLIC).state is ViewState.SHOWING
    assert p.view(h, Audience.WITNESS).state is ViewState.SHOWING
    p.configure(h, CLERK, closed_door=False)
    assert p.view(h, Audience.OBSERVER).state is ViewState.SHOWING


def test_approval_required(store: Store) -> None:
    p, h, (e1, e2, _) = setup(store)
    p.configure(h, JUDGE, approval_required=True)
    p.publish(h, PROCURATOR, e1, 1)
    assert p.view(h, Audience.PANEL).state is ViewState.IDLE
    assert p.state(h).pending.exhibit_id == e1
    with pytest.raises(Forbidden):
        p.approve(h, PROCURATOR)
    p.approve(h, JUDGE)
    assert p.view(h, Audience.PUBLIC).exhibit_id == e1
    p.publish(h, PROCURATOR, e2, 1)
    p.approve(h, JUDGE, approved=False)
    assert p.view(h, Audience.PUBLIC).exhibit_id == e1
    with pytest.raises(Conflict):
        p.approve(h, JUDGE)


def test_bad_requests_change_nothing(store: Store) -> None:
    p, h, (e1, *_) = setup(store)
    entries = len(AuditLog(store).entries(h))
    for call in (lambda: p.publish(h, PROCURATOR, e1, 4), lambda: p.publish(h, PROCURATOR, 999, 1),
                 lambda: p.publish(h, PROCURATOR, e1, 1, [0.5, 0.5, 0.2, 0.9]),
                 lambda: p.publish(h, PROCURATOR, e1, 1, [0, 0, 2, 1]), lambda: p.publish(h, COUNSEL, e1, 1),
                 lambda: p.publish(h, CLERK, e1, 1), lambda: p.blank(h, COUNSEL, True)):
        with pytest.raises((NotFound, InvalidInput, Forbidden)):
            call()
    assert p.state(h).version == 0 and len(AuditLog(store).entries(h)) == entries


def test_state_survives_a_restart_and_the_chain_verifies(tmp_path: Path) -> None:
    store = Store(tmp_path / 'db.sqlite3')
    p, h, (e1, *_) = setup(store)
    p.publish(h, PROCURATOR, e1, 2, [0, 0, 0.5, 0.5])
    p.blank(h, JUDGE, True)
    store.close()
    store = Store(tmp_path / 'db.sqlite3')
    again = Presentation(store, Hearings(store), Exhibits(store))
    state = again.state(h)
    assert (state.live.exhibit_id, state.live.page, state.kill_switch) == (e1, 2, True)
    log = AuditLog(store)
    assert [e.action for e in log.entries(h)][-2:] == ['published', 'kill_switch_on']
    assert log.verify(h).valid
    store.close()


# publishing and restricting are drawn more often than the rest, so that they meet in most sequences
ACTIONS = st.lists(st.tuples(
    st.sampled_from(['preview', 'publish', 'publish', 'publish', 'restrict', 'restrict', 'unrestrict', 'blank',
                     'unblank', 'approve', 'reject', 'next', 'previous', 'clear', 'approval_on', 'approval_off',
                     'closed_door', 'open_door']),
    st.sampled_from([PROCURATOR, PROCURATOR, JUDGE, JUDGE, CLERK, COUNSEL]),
    st.integers(0, 2), st.integers(1, 2)), max_size=40)


@settings(max_examples=200, deadline=None)
@given(actions=ACTIONS)
def test_no_screen_but_the_panel_ever_shows_what_it_may_not(actions: list) -> None:
    store = Store(':memory:')
    p, h, ids = setup(store)
    exhibits = Exhibits(store)
    for name, user, index, page in actions:
        exhibit_id = ids[index]
        try:
            match name:
                case 'preview':
                    p.set_preview(h, user, exhibit_id, page)
                case 'publish':
                    p.publish(h, user, exhibit_id, page)
                case 'restrict' | 'unrestrict':
                    p.set_restricted(exhibit_id, user, name == 'restrict')
                case 'blank' | 'unblank':
                    p.blank(h, user, name == 'blank')
                case 'approve' | 'reject':
                    p.approve(h, user, approved=name == 'approve')
                case 'next' | 'previous':
                    live = p.state(h).live
                    if live is not None:
                        p.publish(h, user, live.exhibit_id, live.page + (1 if name == 'next' else -1))
                case 'clear':
                    p.clear(h, user)
                case 'approval_on' | 'approval_off':
                    p.configure(h, user, approval_required=name == 'approval_on')
                case 'closed_door' | 'open_door':
                    p.configure(h, user, closed_door=name == 'closed_door')
        except (Forbidden, NotFound, Conflict, InvalidInput):
            pass
        state = p.state(h)
        closed = Hearings(store).get(h).closed_door
        for audience in OTHERS:
            view = p.view(h, audience)
            fetchable = [(e, pg) for e in ids for pg in (1, 2, 3) if may_fetch(view, e, pg)]
            if state.kill_switch or state.presenter_blank or (closed and audience is Audience.OBSERVER):
                assert view.state is ViewState.BLANK and not fetchable
            if view.state is ViewState.SHOWING:
                shown = exhibits.get(view.exhibit_id)
                assert not shown.restricted
                assert shown.disclosure is Disclosure.ON_DISPLAY
                assert fetchable == [(view.exhibit_id, view.page)]
            else:
                assert not fetchable
        panel = p.view(h, Audience.PANEL)
        if state.presenter_blank:
            assert panel.state is ViewState.BLANK
        if state.pending is not None:  # a request awaiting approval reaches no screen
            pending_page = (state.pending.exhibit_id, state.pending.page)
            live_page = (state.live.exhibit_id, state.live.page) if state.live else None
            assert all((p.view(h, a).exhibit_id, p.view(h, a).page) != pending_page or live_page == pending_page
                       for a in Audience)
    assert AuditLog(store).verify(h).valid
    store.close()
