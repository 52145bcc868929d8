from __future__ import annotations

from pathlib import Path

import pytest

from courtroom.errors import Conflict, InvalidInput
from courtroom.exhibits import Exhibits
from courtroom.hearings import Hearings
from courtroom.minutes import Minutes
from courtroom.presentation import Presentation
from courtroom.recordings import Recordings, Segment
from courtroom.roles import Role
from courtroom.seal import Seal, init_keys, verify
from courtroom.stages import Stages
from courtroom.users import User

from .conftest import COURT_ZONE, draft


def test_minutes_merge_the_clerks_entries_with_the_record(hearings: Hearings, exhibits: Exhibits, store) -> None:
    h = hearings.create(case_number='1', title='t', actor='thuky')
    exhibit, = exhibits.add_bundle(h.id, [draft(['a', 'b'], title='Cáo trạng')], actor='thuky')
    minutes = Minutes(store)
    Stages(store, COURT_ZONE).move(h.id, 'opening', actor='chutoa')
    text = 'Chủ tọa phiên tòa đọc quyết định đưa vụ án ra xét xử; bị cáo Nguyễn Văn Hải có mặt.'
    minutes.write(h.id, f'  {text}  ', author='thuky')
    procurator = User(id=1, username='ksv', name='KSV', role=Role.PROCURATOR)
    Presentation(store, hearings, exhibits).publish(h.id, procurator, exhibit.id, 2)
    recordings = Recordings(store)
    recordings.start(h.id, actor='thuky')
    entries = minutes.entries(h.id)
    assert [e.kind for e in entries] == ['stage_changed', 'clerk', 'published', 'recording_started']
    assert entries[0].text == 'Phiên tòa chuyển sang giai đoạn Khai mạc'
    assert entries[1].text == text  # verbatim
    assert entries[2].text == 'Trình chiếu TL-001 “Cáo trạng”, trang 2 (BL 2)'
    assert minutes.entries(h.id, 'en')[2].text == 'Shown: TL-001 “Cáo trạng”, page 2 (BL 2)'
    with pytest.raises(InvalidInput):
        minutes.write(h.id, '   ', author='thuky')


def test_minutes_link_to_recording_time(hearings: Hearings, store) -> None:
    h = hearings.create(case_number='1', title='t', actor='thuky')
    recordings, minutes = Recordings(store), Minutes(store)
    series = recordings.start(h.id, actor='thuky')
    minutes.write(h.id, 'Bắt đầu xét hỏi', author='thuky')
    at = minutes.entries(h.id)[-1].at
    from datetime import datetime

    t = datetime.fromisoformat(at).timestamp()
    recordings.add_segment(Segment(hearing_id=h.id, source='7', series=series, seq=0, path='7/s/00000.webm',
                                   sha256='a' * 64, bytes=10, started_at=t - 65, ended_at=t + 5))
    assert minutes.entries(h.id)[-2].recording == f'{series} +0:01:05'
    with pytest.raises(Conflict):
        recordings.start(h.id, actor='thuky')


def test_seal_signs_and_verifies(tmp_path: Path) -> None:
    seal = Seal(tmp_path / 'keys')
    seal.ensure()
    signature = seal.sign(b'ban an')
    assert verify(seal.public_pem(), b'ban an', signature)
    assert not verify(seal.public_pem(), b'ban an!', signature)
    assert not verify(seal.public_pem(), b'ban an', 'not base64 !!')
    with pytest.raises(Conflict):
        init_keys(tmp_path / 'keys')
    assert oct((tmp_path / 'keys' / 'court-ed25519.pem').stat().st_mode & 0o777) == '0o600'


def test_recording_halted_by_a_full_disk_is_off_entered_and_named_until_turned_on_again(hearings: Hearings,
                                                                                         store) -> None:
    from courtroom.audit import AuditLog
    from courtroom.session_minutes import session_facts

    h = hearings.create(case_number='1', title='t', actor='thuky')
    recordings = Recordings(store)
    assert recordings.halt(h.id, reason='disk_full') is False and recordings.halted(h.id) is None  # was not on
    recordings.start(h.id, actor='thuky')
    assert recordings.halt(h.id, reason='disk_full', error='OSError: [Errno 28]') is True
    assert recordings.halt(h.id, reason='disk_full') is False  # every source reports it: entered once
    assert recordings.state(h.id)[0] is False and recordings.halted(h.id).reason == 'disk_full'
    entries = AuditLog(store).entries(h.id)
    assert [e.action for e in entries][-2:] == ['recording_started', 'recording_halted']
    assert entries[-1].actor == 'system' and entries[-1].details == {'reason': 'disk_full',
                                                                     'error': 'OSError: [Errno 28]'}
    minutes = Minutes(store)
    assert minutes.entries(h.id)[-1].text == 'Ghi âm, ghi hình dừng lại vì ổ đĩa của máy chủ đã đầy'
    assert minutes.entries(h.id, 'en')[-1].text == "Recording stops: the server's disk is full"
    facts = session_facts([(e.at, e.action, e.details) for e in entries])
    assert [action for _, action, _ in facts.faults] == ['recording_halted']  # an equipment fault
    recordings.start(h.id, actor='thuky')
    assert recordings.halted(h.id) is None
