"""The laser's relay to the evidence views: a move goes to the views of its hearing that show the page pointed at
(either half side by side) and to no other; turning the laser off reaches every view of the hearing; a view that
turned the page or went is forgotten. (Chromium: tests/e2e/test_marks.py.)"""

from __future__ import annotations

from pathlib import Path

from courtroom.hearings import Hearings
from courtroom.pointer import Pointer, PointerMove, parse_pointer
from courtroom.store import Store
from presenter.laser_relay import LaserRelay


def test_a_move_goes_only_to_the_views_showing_its_page(tmp_path: Path) -> None:
    store = Store(tmp_path / 'db.sqlite3')
    try:
        relay = LaserRelay(Pointer(store, Hearings(store)))
        relay.show('a', 1, [(10, 1)])
        relay.show('b', 1, [(10, 1)])
        relay.show('c', 1, [(10, 2), (11, 1)])  # two others, side by side
        relay.show('d', 2, [(10, 1)])  # another hearing (the same ids cannot happen; the rule must not care)
        relay.show('e', 1, [])  # idle, blank or restricted: no page
        assert sorted(relay.recipients(parse_pointer(1, 10, 1, 0.5, 0.5))) == ['a', 'b']
        assert relay.recipients(parse_pointer(1, 10, 3, 0.5, 0.5)) == []
        assert relay.recipients(parse_pointer(1, 11, 1, 0.5, 0.5)) == ['c']  # the right half of a split view
        assert sorted(relay.recipients(PointerMove(1))) == ['a', 'b', 'c', 'e']  # off: every view may be fading

        relay.show('a', 1, [(10, 2)])  # turned the page
        relay.forget('b')  # closed
        assert relay.recipients(parse_pointer(1, 10, 1, 0.5, 0.5)) == []
        assert sorted(relay.recipients(parse_pointer(1, 10, 2, 0.5, 0.5))) == ['a', 'c']
        relay.forget('b')  # twice: nothing to do
        relay.show('a', 1, [])
        relay.show('c', 1, [])
        assert relay.recipients(parse_pointer(1, 10, 2, 0.5, 0.5)) == []
        assert relay._showing == {(2, 10, 1): {'d'}}  # nothing left behind for pages no view shows
    finally:
        store.close()
