"""Verifying a recording's segments against the hashes entered for them and the audit chain."""

from __future__ import annotations

import hashlib
from pathlib import Path

from courtroom.audit import AuditLog
from courtroom.hearings import Hearings
from courtroom.recordings import Recordings, Segment
from courtroom.store import Store
from media.recording_check import segment_file, verify_series


def recorded(tmp_path: Path, count: int = 2) -> tuple[Store, Path, list[Segment]]:
    store = Store(tmp_path / 'db.sqlite')
    hearing = Hearings(store).create(case_number='1/2026/HSST', title='T', actor='test')
    assert hearing.id == 1
    recordings = Recordings(store)
    folder = tmp_path / 'recordings' / '1'
    for seq in range(count):
        path = folder / 'courtroom' / 's1' / f'{seq:05d}.webm'
        path.parent.mkdir(parents=True, exist_ok=True)
        data = f'segment {seq}'.encode()
        path.write_bytes(data)
        recordings.add_segment(Segment(hearing_id=1, source='courtroom', series='s1', seq=seq,
                                       path=path.relative_to(folder).as_posix(),
                                       sha256=hashlib.sha256(data).hexdigest(), bytes=len(data),
                                       started_at=100.0 + seq, ended_at=101.0 + seq))
    return store, folder, recordings.segments(1)


def test_a_recording_as_recorded_verifies(tmp_path: Path) -> None:
    store, folder, segments = recorded(tmp_path)
    check = verify_series(AuditLog(store).entries(1), folder, segments)
    assert check.ok and check.chain_ok and [s.seq for s in check.segments] == [0, 1]
    store.close()


def test_a_changed_or_missing_file_is_named(tmp_path: Path) -> None:
    store, folder, segments = recorded(tmp_path, count=3)
    (folder / segments[1].path).write_bytes(b'segment X')
    (folder / segments[2].path).unlink()
    check = verify_series(AuditLog(store).entries(1), folder, segments)
    assert not check.ok
    assert [(s.seq, s.problem) for s in check.failed] == [(1, 'hash'), (2, 'missing')]
    store.close()


def test_a_segment_path_never_leaves_the_recording_folder(tmp_path: Path) -> None:
    outside = Segment(hearing_id=1, source='x', series='s', seq=0, path='../../etc/passwd', sha256='', bytes=0,
                      started_at=0, ended_at=0)
    assert segment_file(tmp_path / 'recordings' / '1', outside) is None

