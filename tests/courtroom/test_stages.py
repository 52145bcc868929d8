from __future__ import annotations

from datetime import timedelta

import pytest

from courtroom.audit import AuditLog
from courtroom.court_time import court_today
from courtroom.errors import Conflict, InvalidInput
from courtroom.hearings import Hearings
from courtroom.stages import Stage, Stages, allowed

from .conftest import COURT_ZONE


def test_the_procedure_in_order_with_suspension_and_resumption(hearings: Hearings, store) -> None:
    h = hearings.create(case_number='1', title='t', actor='thuky')
    stages = Stages(store, COURT_ZONE)
    seen = []
    stages.changed.subscribe(seen.append)
    for stage in ('opening', 'examination'):
        stages.move(h.id, stage, actor='chutoa')
    stages.move(h.id, 'suspended', actor='chutoa', reason='Điểm cầu mất kết nối')
    assert stages.current(h.id)[:3] == (Stage.SUSPENDED, Stage.EXAMINATION, 'Điểm cầu mất kết nối')
    stages.move(h.id, 'examination', actor='chutoa')  # resume where it stopped
    for stage in ('arguments', 'examination', 'arguments', 'deliberation', 'pronouncement', 'closed'):
        stages.move(h.id, stage, actor='chutoa')
    assert [c.stage for c in seen][-1] is Stage.CLOSED
    assert hearings.get(h.id).stage == 'closed'
    with pytest.raises(Conflict):
        stages.move(h.id, 'opening', actor='chutoa')
    actions = [e.action for e in AuditLog(store).entries(h.id)]
    assert actions.count('stage_changed') == 10 and AuditLog(store).verify(h.id).valid


def test_refusals_change_nothing(hearings: Hearings, store) -> None:
    h = hearings.create(case_number='1', title='t', actor='thuky')
    stages = Stages(store, COURT_ZONE)
    with pytest.raises(Conflict) as caught:
        stages.move(h.id, 'deliberation', actor='chutoa')
    assert caught.value.params['allowed'] == 'opening, postponed'
    with pytest.raises(InvalidInput):
        stages.move(h.id, 'lunch', actor='chutoa')
    stages.move(h.id, 'opening', actor='chutoa')
    with pytest.raises(InvalidInput):
        stages.move(h.id, 'suspended', actor='chutoa')  # a suspension needs its reason
    for bad in (None, 'tomorrow', '2020-01-01', court_today(COURT_ZONE).isoformat(), '2026-02-30'):
        with pytest.raises(InvalidInput):
            stages.move(h.id, 'postponed', actor='chutoa', resume_on=bad)
    assert stages.current(h.id)[0] is Stage.OPENING
    later = (court_today(COURT_ZONE) + timedelta(days=14)).isoformat()
    stages.move(h.id, 'postponed', actor='chutoa', reason='Vắng người làm chứng', resume_on=later)
    assert hearings.get(h.id).resume_on == later
    assert allowed(Stage.POSTPONED, None) == {Stage.OPENING}


def test_an_interrogation_is_recorded_from_start_to_end(hearings: Hearings, store) -> None:
    from courtroom.points import Points
    from courtroom.recordings import Recordings

    h = hearings.create(case_number='HC-1', title='Hỏi cung bị can', actor='ksv', kind='interrogation')
    assert hearings.get(h.id).record_from_opening
    stages, recordings = Stages(store, COURT_ZONE), Recordings(store)
    with pytest.raises(Conflict) as caught:
        stages.move(h.id, 'opening', actor='ksv')
    assert caught.value.code == 'needs_recording'
    recordings.start(h.id, actor='ksv')
    stages.move(h.id, 'opening', actor='ksv')
    with pytest.raises(Conflict) as caught:
        recordings.stop(h.id, actor='ksv')
    assert caught.value.code == 'recording_whole'
    stages.move(h.id, 'closed', actor='ksv')
    recordings.stop(h.id, actor='ksv')
    points = Points(store, hearings)
    points.add(h.id, name='Trại tạm giam', kind='detention_facility', actor='ksv')
    points.add(h.id, name='Văn phòng luật sư', kind='other', actor='ksv')
    with pytest.raises(Conflict):
        points.add(h.id, name='Thứ ba', kind='other', actor='ksv')
    with pytest.raises(InvalidInput):
        hearings.create(case_number='x', title='y', actor='ksv', kind='picnic')
