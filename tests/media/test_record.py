"""The exported record: it verifies as made, and a flipped byte, a dropped segment or an edited audit entry is
caught and named. The minutes PDF carries its Vietnamese text exactly as entered."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import av
import numpy as np
import pymupdf
import pytest

from courtroom.audit import AuditLog
from courtroom.exhibits import Exhibits
from courtroom.hearings import Hearings
from courtroom.minutes import Minutes
from courtroom.recordings import Recordings, Segment
from courtroom.seal import Seal
from courtroom.store import Store
from media.record import build_record, verify_record
from tests.conftest import plain_minutes
from tests.courtroom.conftest import draft

TEXT = 'Hội đồng xét xử nghị án; bị cáo Nguyễn Văn Hải được nói lời sau cùng: “Tôi xin được hưởng khoan hồng.”'


def write_segment(path: Path, seconds: float = 1.0) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    with av.open(str(path), 'w', format='webm') as out:
        stream = out.add_stream('libvpx', rate=10)
        stream.width, stream.height, stream.pix_fmt = 64, 48, 'yuv420p'
        for n in range(int(seconds * 10)):
            frame = av.VideoFrame.from_ndarray(np.full((48, 64, 3), n * 10 % 255, dtype=np.uint8), format='rgb24')
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return path.read_bytes()


@pytest.fixture
def record(tmp_path: Path) -> Path:
    store = Store(tmp_path / 'db.sqlite3')
    hearings, exhibits = Hearings(store), Exhibits(store)
    h = hearings.create(case_number='125/2026/HSST', title='Vụ án Nguyễn Văn Hải', actor='thuky')
    exhibits.add_bundle(h.id, [draft(['a', 'b'], title='Cáo trạng')], actor='thuky')
    recordings, minutes = Recordings(store), Minutes(store)
    series = recordings.start(h.id, actor='thuky')
    folder = tmp_path / 'recordings'
    for seq in range(3):
        relative = f'7/{series}/{seq:05d}.webm'
        data = write_segment(folder / relative)
        recordings.add_segment(Segment(hearing_id=h.id, source='7', series=series, seq=seq, path=relative,
                                       sha256=hashlib.sha256(data).hexdigest(), bytes=len(data),
                                       started_at=1000.0 + seq, ended_at=1001.0 + seq))
    recordings.stop(h.id, actor='thuky')
    minutes.write(h.id, TEXT, author='thuky')
    seal = Seal(tmp_path / 'keys')
    seal.ensure()
    path = build_record(tmp_path / 'record.zip', hearing=hearings.get(h.id), court='Tòa án nhân dân quận Ba Đình',
                        exhibits=exhibits.of_hearing(h.id), entries=AuditLog(store).entries(h.id),
                        minutes=plain_minutes(store, h.id), segments=recordings.segments(h.id), recordings_dir=folder,
                        seal=seal)
    store.close()
    return path


def rewrite(source: Path, target: Path, change: dict[str, bytes | None]) -> Path:
    """A copy of the zip with some members replaced (bytes) or dropped (None)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, 'w') as new:
        for name in old.namelist():
            data = change.get(name, old.read(name))
            if data is not None:
                new.writestr(name, data)
    return target


def test_the_record_verifies(record: Path) -> None:
    verdict = verify_record(record)
    assert verdict.ok, verdict.first_failure
    # named in English for the API and the command line, in the user's language on the page
    assert ('audit chain', True, '') in verdict.checks
    assert ('Chuỗi băm của nhật ký', True, '') in verdict.in_language('vi')
    assert [what for what, _, _ in verdict.in_language('en')] == [what for what, _, _ in verdict.checks]
    with zipfile.ZipFile(record) as z:
        names = set(z.namelist())
        assert {'minutes.pdf', 'audit.jsonl', 'exhibits.json', 'recordings/manifest.json', 'record.json.sig',
                'court-ed25519.pub.pem'} <= names
        assert len([n for n in names if n.endswith('.webm')]) == 3
        text = ' '.join(pymupdf.open(stream=z.read('minutes.pdf')).get_page_text(0).split())
    assert TEXT in text


def test_a_flipped_byte_in_a_segment_is_named(record: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(record) as z:
        name = sorted(n for n in z.namelist() if n.endswith('.webm'))[1]
        data = bytearray(z.read(name))
    data[len(data) // 2] ^= 0x01
    verdict = verify_record(rewrite(record, tmp_path / 'flipped.zip', {name: bytes(data)}))
    assert not verdict.ok
    assert verdict.first_failure[0] == f'{name} hash'


def test_a_dropped_segment_is_named(record: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(record) as z:
        name = sorted(n for n in z.namelist() if n.endswith('.webm'))[0]
    verdict = verify_record(rewrite(record, tmp_path / 'dropped.zip', {name: None}))
    assert not verdict.ok and verdict.first_failure == (f'{name} present', 'missing from the record')


def test_an_edited_audit_entry_is_named(record: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(record) as z:
        lines = z.read('audit.jsonl').decode().splitlines()
    entry = json.loads(lines[2])
    entry['actor'] = 'someone else'
    lines[2] = json.dumps(entry, ensure_ascii=False, sort_keys=True)
    audit_lines = ('\n'.join(lines) + '\n').encode()
    verdict = verify_record(rewrite(record, tmp_path / 'edited.zip', {'audit.jsonl': audit_lines}))
    assert not verdict.ok
    assert verdict.first_failure == ('audit.jsonl hash', f'entry {entry["seq"]} breaks the chain (hash)')


def test_a_re_signed_record_with_another_key_fails(record: Path, tmp_path: Path) -> None:
    other = Seal(tmp_path / 'other')
    other.ensure()
    with zipfile.ZipFile(record) as z:
        index = z.read('record.json')
    verdict = verify_record(rewrite(record, tmp_path / 'resigned.zip', {'record.json.sig': other.sign(index).encode()}))
    assert not verdict.ok and verdict.first_failure[0] == 'signature of record.json'


def test_not_a_zip(tmp_path: Path) -> None:
    bad = tmp_path / 'x.zip'
    bad.write_bytes(b'not a zip')
    assert not verify_record(bad).ok
