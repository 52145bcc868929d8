"""The outage rule of a hybrid hearing's component points, as plain values: out after more than 10 s with every
admitted participant disconnected (once one had connected), back when one connects again."""

from courtroom.outages import Outage, OutageWatch
from courtroom.participants import Participant, ParticipantRole, ParticipantState
from courtroom.points import Point, PointKind

COURTROOM = Point(id=1, hearing_id=7, name='Phòng xử án', kind=PointKind.CENTRAL)
DETENTION = Point(id=2, hearing_id=7, name='Trại tạm giam T1', kind=PointKind.DETENTION_FACILITY)


def person(pid: int, point: Point, state: ParticipantState) -> Participant:
    return Participant(id=pid, hearing_id=7, point_id=point.id, name=f'P{pid}', role=ParticipantRole.DEFENDANT,
                       id_document_type=None, id_document_number=None, state=state, link_nonce='', link_expires_at=0,
                       id_verified=None, id_note=None, muted=False)


def test_a_point_is_out_after_ten_seconds_down_and_back_when_one_connects() -> None:
    watch = OutageWatch()
    points = [COURTROOM, DETENTION]
    up = [person(1, DETENTION, ParticipantState.CONNECTED), person(2, DETENTION, ParticipantState.DISCONNECTED)]
    down = [person(1, DETENTION, ParticipantState.DISCONNECTED), person(2, DETENTION, ParticipantState.DISCONNECTED)]
    assert watch.check(7, points, up, now=100.0) == []
    assert watch.check(7, points, down, now=101.0) == []
    assert watch.check(7, points, down, now=111.0) == []  # 10 s is not more than 10 s
    assert watch.check(7, points, down, now=111.5) == [Outage(7, 2, 'Trại tạm giam T1', 101.0)]
    assert watch.check(7, points, down, now=130.0) == []  # reported once
    assert watch.current(7) == [Outage(7, 2, 'Trại tạm giam T1', 101.0)]
    assert watch.current(8) == []
    assert watch.check(7, points, up, now=140.0) == [Outage(7, 2, 'Trại tạm giam T1', 101.0, over=True)]
    assert watch.current(7) == []


def test_no_outage_before_anyone_connected_nor_at_the_courtroom() -> None:
    watch = OutageWatch()
    admitted = [person(1, DETENTION, ParticipantState.ADMITTED)]
    assert watch.check(7, [COURTROOM, DETENTION], admitted, now=0.0) == []
    assert watch.check(7, [COURTROOM, DETENTION], admitted, now=60.0) == []
    in_the_room = [person(3, COURTROOM, ParticipantState.DISCONNECTED)]
    assert watch.check(7, [COURTROOM, DETENTION], in_the_room, now=0.0) == []
    assert watch.check(7, [COURTROOM, DETENTION], in_the_room, now=60.0) == []


def test_a_short_drop_is_no_outage() -> None:
    watch = OutageWatch()
    points = [DETENTION]
    assert watch.check(7, points, [person(1, DETENTION, ParticipantState.DISCONNECTED)], now=0.0) == []
    assert watch.check(7, points, [person(1, DETENTION, ParticipantState.CONNECTED)], now=5.0) == []
    assert watch.check(7, points, [person(1, DETENTION, ParticipantState.DISCONNECTED)], now=12.0) == []
    assert watch.check(7, points, [person(1, DETENTION, ParticipantState.DISCONNECTED)], now=20.0) == []
