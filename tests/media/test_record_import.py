"""A signed record imported into a hearing's bundle: verified whole, one exhibit whose pages are the minutes, the
zip kept beside it in the evidence store, its provenance in the exhibit's media; a tampered record is refused
naming the failing check and nothing is stored; an ordinary zip still imports as before."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pymupdf
import pytest

from courtroom.audit import AuditLog
from courtroom.errors import CourtroomError, Unprocessable
from courtroom.exhibits import ExhibitKind
from courtroom.hearings import Hearings
from courtroom.minutes import Minutes
from courtroom.recordings import Recordings, Segment
from courtroom.seal import Seal
from courtroom.store import Store
from media.record import build_record, verify_record
from media.record_import import is_record, recorded_seconds
from presenter.i18n import error_message
from tests.conftest import plain_minutes

from .conftest import Env, files_under, make_pdf
from .test_record import TEXT, rewrite, write_segment


@pytest.fixture
def record(tmp_path: Path) -> Path:
    """An interrogation's record: two sources, three 1 s segments each, a minutes entry in Vietnamese."""
    folder = tmp_path / 'source'
    store = Store(folder / 'db.sqlite3')
    hearings = Hearings(store)
    h = hearings.create(case_number='12/2026/HC', title='Hỏi cung bị can Trần Văn Bình', actor='dtv',
                        kind='interrogation')
    recordings, minutes = Recordings(store), Minutes(store)
    series = recordings.start(h.id, actor='dtv')
    for source in ('7', '8'):
        for seq in range(3):
            relative = f'{source}/{series}/{seq:05d}.webm'
            data = write_segment(folder / 'recordings' / relative)
            recordings.add_segment(Segment(hearing_id=h.id, source=source, series=series, seq=seq, path=relative,
                                           sha256=hashlib.sha256(data).hexdigest(), bytes=len(data),
                                           started_at=1000.0 + seq, ended_at=1001.0 + seq))
    recordings.stop(h.id, actor='dtv')
    minutes.write(h.id, TEXT, author='dtv')
    seal = Seal(folder / 'keys')
    seal.ensure()
    path = build_record(tmp_path / 'ho-so-hoi-cung.zip', hearing=hearings.get(h.id), court='Cơ quan CSĐT Công an TP',
                        exhibits=[], entries=AuditLog(store).entries(h.id), minutes=plain_minutes(store, h.id),
                        segments=recordings.segments(h.id), recordings_dir=folder / 'recordings', seal=seal)
    store.close()
    assert verify_record(path).ok
    return path


def minutes_of(record: Path) -> bytes:
    with zipfile.ZipFile(record) as z:
        return z.read('minutes.pdf')


def test_a_record_imports_as_one_verified_exhibit(env: Env, record: Path) -> None:
    assert is_record(record)
    stored = env.run([record])
    assert len(stored) == 1
    exhibit = stored[0]
    minutes = minutes_of(record)
    assert exhibit.kind is ExhibitKind.DOCUMENT
    assert exhibit.title == 'Biên bản và ghi hình: Hỏi cung bị can Trần Văn Bình'
    assert exhibit.sha256 == hashlib.sha256(minutes).hexdigest()
    assert exhibit.page_count == pymupdf.open(stream=minutes).page_count
    assert (exhibit.bl_first, exhibit.bl_last) == (1, exhibit.page_count)
    assert TEXT in ' '.join(env.exhibits.page_text(exhibit.id, 1).split())
    provenance = exhibit.media['provenance']
    record_sha = hashlib.sha256(record.read_bytes()).hexdigest()
    with zipfile.ZipFile(record) as z:
        public = z.read('court-ed25519.pub.pem')
        index = json.loads(z.read('record.json'))
    assert provenance['type'] == 'record'
    assert provenance['record_sha256'] == record_sha
    assert provenance['case_number'] == '12/2026/HC'
    assert provenance['title'] == 'Hỏi cung bị can Trần Văn Bình'
    assert provenance['kind'] == 'interrogation' == index['hearing']['kind']
    assert provenance['court'] == 'Cơ quan CSĐT Công an TP'
    assert provenance['exported_at'] == index['exported_at']
    assert provenance['segments'] == 6
    assert provenance['duration_s'] == 3.0  # two sources recording the same three seconds
    assert provenance['public_key_sha256'] == hashlib.sha256(public).hexdigest()
    assert provenance['checks'] == len(verify_record(record).checks)
    assert provenance['verified_at']
    # both blobs: the minutes to render, the whole record as evidence
    assert env.evidence.verify(exhibit.sha256) and env.evidence.verify(record_sha)
    assert env.evidence.path(record_sha).read_bytes() == record.read_bytes()
    assert len(files_under(env.evidence.root)) == 2
    assert list(env.tmp_dir.iterdir()) == []


def test_a_record_beside_other_files_keeps_bl_order(env: Env, record: Path, inputs: Path) -> None:
    pdf = make_pdf(inputs / 'cao-trang.pdf', pages=2)
    stored = env.run([pdf, record])
    assert [e.title for e in stored] == ['cao-trang', 'Biên bản và ghi hình: Hỏi cung bị can Trần Văn Bình']
    assert stored[1].bl_first == 3 and 'provenance' in stored[1].media and 'provenance' not in stored[0].media


def flipped_segment(record: Path, target: Path) -> tuple[Path, str]:
    with zipfile.ZipFile(record) as z:
        name = sorted(n for n in z.namelist() if n.endswith('.webm'))[1]
        data = bytearray(z.read(name))
    data[len(data) // 2] ^= 0x01
    return rewrite(record, target, {name: bytes(data)}), f'{name} hash'


def edited_audit(record: Path, target: Path) -> tuple[Path, str]:
    with zipfile.ZipFile(record) as z:
        lines = z.read('audit.jsonl').decode().splitlines()
    entry = json.loads(lines[1])
    entry['actor'] = 'người khác'
    lines[1] = json.dumps(entry, ensure_ascii=False, sort_keys=True)
    return rewrite(record, target, {'audit.jsonl': ('\n'.join(lines) + '\n').encode()}), 'audit.jsonl hash'


def dropped_segment(record: Path, target: Path) -> tuple[Path, str]:
    with zipfile.ZipFile(record) as z:
        name = sorted(n for n in z.namelist() if n.endswith('.webm'))[0]
    return rewrite(record, target, {name: None}), f'{name} present'


@pytest.mark.parametrize('tamper', [flipped_segment, edited_audit, dropped_segment])
def test_a_tampered_record_is_refused_naming_the_check(env: Env, record: Path, tmp_path: Path, tamper) -> None:
    bad, check = tamper(record, tmp_path / 'tampered.zip')
    assert is_record(bad)
    with pytest.raises(Unprocessable) as caught:
        env.run([bad])
    assert caught.value.code == 'record_invalid'
    assert caught.value.params['check'] == check
    assert caught.value.params['file'] == 'tampered.zip'
    assert check in error_message(caught.value, 'vi') and 'không có gì được lưu' in error_message(caught.value, 'vi')
    assert check in error_message(caught.value, 'en')
    env.assert_nothing_written()


def test_a_record_signed_by_another_key_is_refused(env: Env, record: Path, tmp_path: Path) -> None:
    other = Seal(tmp_path / 'other')
    other.ensure()
    with zipfile.ZipFile(record) as z:
        index = z.read('record.json')
    bad = rewrite(record, tmp_path / 'resigned.zip', {'record.json.sig': other.sign(index).encode()})
    with pytest.raises(Unprocessable) as caught:
        env.run([bad])
    assert caught.value.params['check'] == 'signature of record.json'
    env.assert_nothing_written()


def test_an_ordinary_zip_still_expands(env: Env, inputs: Path, tmp_path: Path) -> None:
    make_pdf(inputs / 'a.pdf', pages=2)
    make_pdf(inputs / 'b.pdf', pages=1)
    bundle = tmp_path / 'ho-so.zip'
    with zipfile.ZipFile(bundle, 'w') as z:
        z.write(inputs / 'a.pdf', 'a.pdf')
        z.write(inputs / 'b.pdf', 'b.pdf')
        z.writestr('record.json', b'{}')  # a look-alike without the signature and key is just a zip
    assert not is_record(bundle)
    with pytest.raises(CourtroomError) as caught:  # record.json is not evidence of a supported type
        env.run([bundle])
    assert caught.value.code == 'unsupported_type'
    with zipfile.ZipFile(bundle, 'w') as z:
        z.write(inputs / 'a.pdf', 'a.pdf')
        z.write(inputs / 'b.pdf', 'b.pdf')
    stored = env.run([bundle])
    assert [(e.title, e.page_count) for e in stored] == [('a', 2), ('b', 1)]
    assert all('provenance' not in e.media for e in stored)


def test_recorded_seconds_is_the_union_of_intervals() -> None:
    assert recorded_seconds([]) == 0
    assert recorded_seconds([{'started_at': 0, 'ended_at': 10}, {'started_at': 5, 'ended_at': 12},
                             {'started_at': 20, 'ended_at': 25}, {'started_at': 21, 'ended_at': 22}]) == 17
