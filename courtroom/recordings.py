"""The hearing's recording: whether it is on, the series being written, and every closed segment with its hash.
Segments come from the media worker (which writes them); each one is entered here and in the audit chain as it
closes, so the chain vouches for every recorded second. A gap (the worker died while recording) is entered too,
and recording goes on in a new series. When recording cannot go on (the disk is full) it is halted: off, entered
as ``recording_halted`` with its reason, until someone turns it on again."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from . import audit
from .errors import Conflict
from .events import Event
from .store import Store


@dataclass(slots=True, kw_only=True, frozen=True)
class Segment:
    hearing_id: int
    source: str  # the participant id the worker records, or the courtroom feed's
    series: str
    seq: int
    path: str  # relative to the hearing's recording folder
    sha256: str
    bytes: int
    started_at: float
    ended_at: float

    @property
    def duration(self) -> float:
        return self.ended_at - self.started_at

    def to_api(self) -> dict[str, Any]:
        return {'source': self.source, 'series': self.series, 'seq': self.seq, 'path': self.path,
                'sha256': self.sha256, 'bytes': self.bytes, 'started_at': self.started_at,
                'ended_at': self.ended_at}


@dataclass(slots=True, frozen=True)
class Halt:
    """Recording stopped by the system: why (``disk_full``) and when (ISO time, UTC)."""
    reason: str
    at: str


IN_SESSION_STAGES = ('opening', 'examination', 'arguments', 'deliberation', 'pronouncement')


def new_series(now: datetime | None = None) -> str:
    return (now or datetime.now(UTC)).strftime('%Y%m%dT%H%M%S%fZ')


class Recordings:
    def __init__(self, store: Store) -> None:
        self._store = store
        self.changed: Event[int] = Event()  # hearing id: started, stopped, a segment closed

    def state(self, hearing_id: int) -> tuple[bool, str | None]:
        """(recording?, the series being written)."""
        with self._store.read() as db:
            row = db.execute('SELECT on_since, series FROM recordings WHERE hearing_id = ?', (hearing_id,)).fetchone()
        return (row is not None and row[0] is not None, row[1] if row else None)

    def start(self, hearing_id: int, *, actor: str) -> str:
        """Recording on, in a new series; the series' name."""
        if self.state(hearing_id)[0]:
            raise Conflict('already_recording')
        series = new_series()
        with self._store.transaction() as db:
            db.execute('INSERT INTO recordings (hearing_id, on_since, series) VALUES (?, ?, ?)'
                       ' ON CONFLICT (hearing_id) DO UPDATE SET on_since = excluded.on_since, series = excluded.series',
                       (hearing_id, datetime.now(UTC).isoformat(), series))
            audit.append(db, hearing_id, actor, 'recording_started', {'series': series})
        self.changed.emit(hearing_id)
        return series

    def stop(self, hearing_id: int, *, actor: str) -> None:
        if not self.state(hearing_id)[0]:
            raise Conflict('not_recording')
        with self._store.transaction() as db:
            kind, stage = db.execute('SELECT kind, stage FROM hearings WHERE id = ?', (hearing_id,)).fetchone()
            if kind != 'hearing' and stage in IN_SESSION_STAGES:
                raise Conflict('recording_whole')
            db.execute('UPDATE recordings SET on_since = NULL WHERE hearing_id = ?', (hearing_id,))
            audit.append(db, hearing_id, actor, 'recording_stopped', {})
        self.changed.emit(hearing_id)

    def halt(self, hearing_id: int, *, reason: str, error: str = '') -> bool:
        """Recording off because it cannot go on (``reason``: ``disk_full``), whatever the hearing: an
        interrogation's rule that recording runs whole yields to a disk that takes nothing more. False when it was
        off already (every source's failed segment reports the same cause)."""
        with self._store.transaction() as db:
            row = db.execute('SELECT on_since FROM recordings WHERE hearing_id = ?', (hearing_id,)).fetchone()
            if row is None or row[0] is None:
                return False
            db.execute('UPDATE recordings SET on_since = NULL WHERE hearing_id = ?', (hearing_id,))
            audit.append(db, hearing_id, 'system', 'recording_halted', {'reason': reason, 'error': error})
        self.changed.emit(hearing_id)
        return True

    def halted(self, hearing_id: int) -> Halt | None:
        """Why and since when recording is halted; None unless it was halted and not turned on since."""
        with self._store.read() as db:
            row = db.execute("SELECT action, at, details FROM audit WHERE hearing_id = ?"
                             " AND action IN ('recording_started', 'recording_halted') ORDER BY seq DESC LIMIT 1",
                             (hearing_id,)).fetchone()
        if row is None or row[0] != 'recording_halted':
            return None
        return Halt(reason=str(json.loads(row[2]).get('reason')), at=row[1])

    def gap(self, hearing_id: int, *, reason: str) -> str:
        """The worker was lost while recording: the gap is entered and recording goes on in a new series."""
        series = new_series()
        with self._store.transaction() as db:
            old = db.execute('SELECT series FROM recordings WHERE hearing_id = ?', (hearing_id,)).fetchone()
            db.execute('UPDATE recordings SET series = ? WHERE hearing_id = ?', (series, hearing_id))
            audit.append(db, hearing_id, 'system', 'recording_gap', {
                'reason': reason, 'series_before': old[0] if old else None, 'series': series})
        self.changed.emit(hearing_id)
        return series

    def add_segment(self, segment: Segment) -> None:
        """A segment the worker has closed: kept, and its hash entered in the audit chain."""
        with self._store.transaction() as db:
            db.execute('INSERT OR IGNORE INTO segments (hearing_id, source, series, seq, path, sha256, bytes,'
                       ' started_at, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
                       (segment.hearing_id, segment.source, segment.series, segment.seq, segment.path,
                        segment.sha256, segment.bytes, segment.started_at, segment.ended_at))
            audit.append(db, segment.hearing_id, 'system', 'segment_closed', segment.to_api())
        self.changed.emit(segment.hearing_id)

    def segments(self, hearing_id: int) -> list[Segment]:
        with self._store.read() as db:
            rows = db.execute('SELECT * FROM segments WHERE hearing_id = ? ORDER BY source, series, seq',
                              (hearing_id,)).fetchall()
        return [Segment(hearing_id=r['hearing_id'], source=r['source'], series=r['series'], seq=r['seq'],
                        path=r['path'], sha256=r['sha256'], bytes=r['bytes'], started_at=r['started_at'],
                        ended_at=r['ended_at']) for r in rows]
