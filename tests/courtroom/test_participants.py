"""Connection points, participants, join links and the lobby."""

from __future__ import annotations

import time

import pytest

from courtroom.errors import Conflict, Forbidden, InvalidInput, Unauthorized
from courtroom.hearings import Hearings
from courtroom.links import LinkClaims, read_link, sign_link
from courtroom.online import online_refusal, parse_charges
from courtroom.participants import Participants, ParticipantState
from courtroom.points import PointKind, Points
from courtroom.store import Store
from courtroom.visibility import Audience

SECRET = b'k' * 32


def services(store: Store) -> tuple[Hearings, Points, Participants]:
    hearings = Hearings(store)
    points = Points(store, hearings)
    return hearings, points, Participants(store, hearings, points, SECRET)


@pytest.mark.parametrize(('charges', 'secret', 'refusal'), [
    ([173], False, None), ([173, 174], True, 'online_refused_state_secret'),
    ([109], False, 'online_refused_national_security'), ([122], False, 'online_refused_national_security'),
    ([123], False, None), ([421], False, 'online_refused_peace_humanity'),
    ([425], False, 'online_refused_peace_humanity'),
    ([426], False, None), ([], False, None)])
def test_online_refusal(charges: list[int], secret: bool, refusal: str | None) -> None:
    assert online_refusal(charges, secret) == refusal


def test_parse_charges() -> None:
    assert parse_charges(['173', 'Điều 174', 173, ' 51 ']) == [173, 174, 51]
    for bad in (['0'], ['427'], ['abc'], ['17a']):
        with pytest.raises(InvalidInput):
            parse_charges(bad)


def test_central_point_from_the_start_and_at_most_three_components(store: Store) -> None:
    hearings, points, _ = services(store)
    h = hearings.create(case_number='1', title='t', actor='thuky', charges=['173'])
    assert [p.kind for p in points.of_hearing(h.id)] == [PointKind.CENTRAL]
    for n in range(3):
        points.add(h.id, name=f'Trại tạm giam {n}', kind='detention_facility', actor='thuky')
    with pytest.raises(Conflict) as caught:
        points.add(h.id, name='Thứ tư', kind='court', actor='thuky')
    assert caught.value.params == {'max': 3}
    with pytest.raises(InvalidInput):
        points.add(h.id, name='x', kind='central', actor='thuky')


def test_no_remote_point_or_participant_for_a_case_that_may_not_be_online(store: Store) -> None:
    hearings, points, participants = services(store)
    h = hearings.create(case_number='2', title='Vụ án an ninh', actor='thuky', charges=[109])
    with pytest.raises(Forbidden) as caught:
        points.add(h.id, name='Trại giam', kind='detention_facility', actor='thuky')
    assert caught.value.code == 'online_refused_national_security'
    central = points.central(h.id)
    with pytest.raises(Forbidden):
        participants.add(h.id, name='Bị cáo', role='defendant', point_id=central.id, actor='thuky')
    participants.add(h.id, name='Phòng xử án', role='courtroom', point_id=central.id, actor='thuky')


def test_links_are_signed_expiring_and_revocable(store: Store) -> None:
    hearings, points, participants = services(store)
    h = hearings.create(case_number='1', title='t', actor='thuky')
    point = points.add(h.id, name='Trại tạm giam T16', kind='detention_facility', actor='thuky')
    p, token = participants.add(h.id, name='Nguyễn Văn A', role='defendant', point_id=point.id, actor='thuky',
                                id_document={'type': 'citizen_id', 'number': '001090000001'})
    assert participants.by_link(token).id == p.id
    assert p.audience is Audience.PUBLIC
    with pytest.raises(Unauthorized) as forged:
        participants.by_link(token[:-3] + 'abc')
    assert forged.value.code == 'link_forged'
    claims = read_link(SECRET, token)
    for secret, role in ((b'wrong' * 8, 'defendant'), (SECRET, 'courtroom')):  # another key; a role not its own
        tampered = sign_link(secret, LinkClaims(participant_id=p.id, hearing_id=h.id, role=role, point_id=point.id,
                                                nonce=claims.nonce, expires_at=claims.expires_at))
        with pytest.raises(Unauthorized) as caught:
            participants.by_link(tampered)
        assert caught.value.code == 'link_forged'
    expired = sign_link(SECRET, LinkClaims(participant_id=p.id, hearing_id=h.id, role='defendant', point_id=point.id,
                                           nonce=p.link_nonce, expires_at=int(time.time()) - 1))
    with pytest.raises(Unauthorized) as caught:
        participants.by_link(expired)
    assert caught.value.code == 'link_expired'
    new_token = participants.issue_link(p.id, actor='thuky')
    with pytest.raises(Unauthorized) as caught:
        participants.by_link(token)
    assert caught.value.code == 'link_revoked'
    participants.revoke(p.id, actor='thuky')
    with pytest.raises(Unauthorized):
        participants.by_link(new_token)


def test_lobby_id_check_admit_and_one_seat(store: Store) -> None:
    hearings, points, participants = services(store)
    h = hearings.create(case_number='1', title='t', actor='thuky')
    point = points.add(h.id, name='TAND tỉnh B', kind='court', actor='thuky')
    witness, _token = participants.add(h.id, name='Lê Văn Bình', role='witness', point_id=point.id, actor='thuky')
    conflicts = []
    participants.seat_conflicts.subscribe(conflicts.append)
    participants.claim_seat(witness, 'browser-1')
    participants.claim_seat(witness, 'browser-1')  # the same browser again (a reload) keeps its seat
    with pytest.raises(Conflict):
        participants.claim_seat(witness, 'browser-2')
    assert [c.participant_id for c in conflicts] == [witness.id]
    waiting = participants.enter_lobby(witness)
    assert waiting.state is ParticipantState.WAITING and not waiting.state.in_hearing
    participants.record_id_check(witness.id, verified=True, note='CCCD khớp', actor='thuky')
    admitted = participants.admit(witness.id, actor='thuky')
    assert admitted.state.in_hearing and admitted.id_verified and admitted.audience is Audience.WITNESS
    with pytest.raises(Conflict):
        participants.admit(witness.id, actor='thuky')
    assert participants.set_connected(witness.id, True).state is ParticipantState.CONNECTED
    assert participants.set_connected(witness.id, False).state is ParticipantState.DISCONNECTED
    assert not participants.release_seat(witness.id, 'browser-1')  # the reloaded page still holds the seat
    with pytest.raises(Conflict):
        participants.claim_seat(witness, 'browser-2')
    assert participants.release_seat(witness.id, 'browser-1')  # its last page gone: the seat is free
    participants.claim_seat(witness, 'browser-2')


def test_courtroom_pc_skips_the_lobby_and_a_refused_participant_stays_out(store: Store) -> None:
    hearings, points, participants = services(store)
    h = hearings.create(case_number='1', title='t', actor='thuky')
    room, _ = participants.add(h.id, name='Phòng xử án 1', role='courtroom', point_id=points.central(h.id).id,
                               actor='thuky')
    assert participants.enter_lobby(room).state is ParticipantState.ADMITTED
    point = points.add(h.id, name='Văn phòng luật sư', kind='other', actor='thuky')
    with pytest.raises(InvalidInput):
        participants.add(h.id, name='PC', role='courtroom', point_id=point.id, actor='thuky')
    observer, _ = participants.add(h.id, name='Người xem', role='observer', point_id=point.id, actor='thuky')
    participants.enter_lobby(observer)
    participants.refuse(observer.id, actor='thuky', note='không xuất trình giấy tờ')
    with pytest.raises(Forbidden):
        participants.enter_lobby(participants.get(observer.id))
    assert participants.set_connected(observer.id, True).state is ParticipantState.REFUSED


@pytest.mark.parametrize('doc', [{'type': 'visa', 'number': '1'}, {'type': 'passport', 'number': ''},
                                 {'type': 'passport', 'number': '9' * 41}])
def test_bad_id_documents_change_nothing(store: Store, doc: dict) -> None:
    hearings, points, participants = services(store)
    h = hearings.create(case_number='1', title='t', actor='thuky')
    with pytest.raises(InvalidInput):
        participants.add(h.id, name='x', role='witness', point_id=points.central(h.id).id, actor='thuky',
                         id_document=doc)
    assert participants.of_hearing(h.id) == []
