"""The laser pointer: where it may point (the pure rule), each move announced encoded once and stored nowhere,
turning it on and off audited once per change, who may point, and bad input refused with a named error in both
languages and nothing announced."""

from __future__ import annotations

import json
from typing import Any

import pytest

from courtroom.audit import AuditLog
from courtroom.errors import CourtroomError, Forbidden, NotFound
from courtroom.hearings import Hearings
from courtroom.messages import DOMAIN_ERRORS
from courtroom.pointer import Pointer, PointerMove, parse_pointer
from courtroom.store import Store

from .test_marks import ASSESSOR, CLERK, COUNSEL, PROCURATOR


def setup(store: Store) -> tuple[Pointer, int]:
    hearings = Hearings(store)
    return Pointer(store, hearings), hearings.create(case_number='1', title='t', actor='thuky').id


def test_a_move_is_announced_encoded_once_and_stored_nowhere(store: Store) -> None:
    pointer, h = setup(store)
    moves: list[PointerMove] = []
    pointer.moved.subscribe(moves.append)
    with store.read() as db:
        tables = {name: db.execute(f'SELECT count(*) FROM {name}').fetchone()[0]
                  for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()}
    move = pointer.move(h, PROCURATOR, exhibit_id=3, page=2, x=0.25, y=1)
    assert moves == [move] and not move.off
    assert (move.hearing_id, move.exhibit_id, move.page, move.x, move.y) == (h, 3, 2, 0.25, 1.0)
    assert json.loads(move.encoded) == {'exhibit_id': 3, 'page': 2, 'x': 0.25, 'y': 1.0}
    with store.read() as db:  # nothing written: no mark, no audit entry
        assert {name: db.execute(f'SELECT count(*) FROM {name}').fetchone()[0] for name in tables} == tables


def test_turning_it_on_and_off_is_audited_once_per_change_and_off_fades_every_screen(store: Store) -> None:
    pointer, h = setup(store)
    moves: list[PointerMove] = []
    pointer.moved.subscribe(moves.append)
    assert pointer.turn(h, PROCURATOR, True) and pointer.is_on(h)
    assert not pointer.turn(h, CLERK, True)  # already on: no second entry
    assert moves == []
    assert pointer.turn(h, CLERK, False) and not pointer.is_on(h)
    assert len(moves) == 1 and moves[0].off and moves[0].hearing_id == h
    assert json.loads(moves[0].encoded) == {'off': True}
    assert not pointer.turn(h, CLERK, False)
    log = AuditLog(store)
    assert [(e.action, e.actor) for e in log.entries(h) if e.action.startswith('laser')] == [
        ('laser_on', 'ksv'), ('laser_off', 'thuky')]
    assert log.verify(h).valid


def test_who_may_point(store: Store) -> None:
    pointer, h = setup(store)
    for user in (COUNSEL, ASSESSOR):
        with pytest.raises(Forbidden):
            pointer.move(h, user, exhibit_id=1, page=1, x=0.5, y=0.5)
        with pytest.raises(Forbidden):
            pointer.turn(h, user, True)
    assert not pointer.is_on(h)


@pytest.mark.parametrize(('where', 'code'), [
    ({'x': 1.01}, 'mark_point_outside'),
    ({'y': -0.1}, 'mark_point_outside'),
    ({'x': 'a'}, 'bad_mark_point'),
    ({'x': None}, 'bad_mark_point'),
    ({'y': float('inf')}, 'bad_mark_point'),
    ({'x': True}, 'bad_mark_point'),
    ({'exhibit_id': 0}, 'exhibit_not_found'),
    ({'exhibit_id': '1'}, 'exhibit_not_found'),
    ({'page': 0}, 'bad_pointer_page'),
    ({'page': 1.5}, 'bad_pointer_page'),
])
def test_bad_places_are_refused_with_a_named_error_and_nothing_announced(store: Store, where: dict[str, Any],
                                                                         code: str) -> None:
    pointer, h = setup(store)
    moves: list[PointerMove] = []
    pointer.moved.subscribe(moves.append)
    args: dict[str, Any] = {'exhibit_id': 1, 'page': 1, 'x': 0.5, 'y': 0.5, **where}
    with pytest.raises(CourtroomError) as caught:
        pointer.move(h, PROCURATOR, **args)
    assert caught.value.code == code and moves == []
    with pytest.raises(CourtroomError):
        parse_pointer(h, args['exhibit_id'], args['page'], args['x'], args['y'])
    for lang in ('vi', 'en'):
        message = DOMAIN_ERRORS.t(code, lang, **caught.value.params)
        assert message and '{' not in message


def test_turning_it_needs_a_hearing(store: Store) -> None:
    pointer, _ = setup(store)
    with pytest.raises(NotFound):
        pointer.turn(999, PROCURATOR, True)
    assert not pointer.is_on(999)
