"""Verifying a one-hour record (`courtroom verify`), as a ratio to reading and hashing the same zip once with
SHA-256 in the same run (the speed of the disk and the hash). Goal: verification runs at disk speed (ratio near 1).

    .venv/bin/python bench/bench_verify.py [MINUTES]

The record holds one source at 800 kbps video + 64 kbps audio in 10 s segments (random bytes stand in for the
media: verification hashes files, it does not decode them)."""

from __future__ import annotations

import hashlib
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from courtroom.audit import AuditLog
from courtroom.court_time import DEFAULT_ZONE, zone_named
from courtroom.exhibits import Exhibits
from courtroom.hearings import Hearings
from courtroom.minutes import Minutes
from courtroom.minutes_form import build_form
from courtroom.recordings import Recordings, Segment
from courtroom.seal import Seal
from courtroom.store import Store
from media.record import build_record, verify_record

BYTES_PER_SEGMENT = (800_000 + 64_000) // 8 * 10


def make_record(folder: Path, minutes: int) -> Path:
    store = Store(folder / 'db.sqlite3')
    hearings = Hearings(store)
    h = hearings.create(case_number='bench', title='Một giờ ghi hình', actor='bench')
    recordings = Recordings(store)
    series = recordings.start(h.id, actor='bench')
    start = time.time() - minutes * 60
    for seq in range(minutes * 6):
        relative = f'7/{series}/{seq:05d}.webm'
        path = folder / 'recordings' / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        data = os.urandom(BYTES_PER_SEGMENT)
        path.write_bytes(data)
        recordings.add_segment(Segment(hearing_id=h.id, source='7', series=series, seq=seq, path=relative,
                                       sha256=hashlib.sha256(data).hexdigest(), bytes=len(data),
                                       started_at=start + 10 * seq, ended_at=start + 10 * seq + 10))
    recordings.stop(h.id, actor='bench')
    seal = Seal(folder / 'keys')
    seal.ensure()
    return build_record(folder / 'record.zip', hearing=hearings.get(h.id), court='Tòa án', exhibits=Exhibits(store)
                        .of_hearing(h.id), entries=AuditLog(store).entries(h.id),
                        minutes=build_form(court='Tòa án', hearing=hearings.get(h.id), staff=[], names={},
                                           participants=[], points=[], present=set(),
                                           entries=Minutes(store).entries(h.id), signatures=[], corrections=[],
                                           zone=zone_named(DEFAULT_ZONE)),
                        segments=recordings.segments(h.id), recordings_dir=folder / 'recordings', seal=seal)


def main() -> None:
    minutes = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    with tempfile.TemporaryDirectory() as tmp:
        record = make_record(Path(tmp), minutes)
        size = record.stat().st_size
        baseline, ours = [], []
        for _ in range(3):
            start = time.perf_counter()
            with record.open('rb') as f:
                hashlib.file_digest(f, 'sha256')
            baseline.append(time.perf_counter() - start)
            start = time.perf_counter()
            assert verify_record(record).ok
            ours.append(time.perf_counter() - start)
    base, verify = statistics.median(baseline), statistics.median(ours)
    print(f'record: {minutes} min, {size / 1e6:.0f} MB, {minutes * 6} segments')
    print(f'read + SHA-256 once   median {base:6.2f} s  ({size / 1e6 / base:.0f} MB/s)')
    print(f'courtroom verify      median {verify:6.2f} s  ({size / 1e6 / verify:.0f} MB/s)')
    print(f'ratio verify / read+hash  {verify / base:.2f}')


if __name__ == '__main__':
    main()
