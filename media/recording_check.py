"""Verifying a recording before it plays: every segment file against the SHA-256 the recorder entered for it and
against its ``segment_closed`` entry in the hearing's audit chain, and the chain itself. A failure names its
problem by a code ('missing', 'hash', 'not_in_chain', 'chain_differs') that the page translates."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from courtroom.audit import AuditEntry, verify_chain
from courtroom.recordings import Segment

from .hashing import file_sha256


@dataclass(slots=True)
class SegmentCheck:
    seq: int
    ok: bool
    problem: str = ''  # 'missing', 'hash', 'not_in_chain' or 'chain_differs'


@dataclass(slots=True)
class SeriesCheck:
    chain_ok: bool
    chain_broken_at: int | None = None
    segments: list[SegmentCheck] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.chain_ok and bool(self.segments) and all(s.ok for s in self.segments)

    @property
    def failed(self) -> list[SegmentCheck]:
        return [s for s in self.segments if not s.ok]


def segment_file(folder: Path, segment: Segment) -> Path | None:
    """The segment's file in the hearing's recording folder, or None when its path would leave that folder."""
    root = folder.resolve()
    path = (root / segment.path).resolve()
    return path if path.is_relative_to(root) and path != root else None


def verify_series(entries: list[AuditEntry], folder: Path, segments: list[Segment]) -> SeriesCheck:
    """Check ``segments`` (files in the hearing's recording ``folder``) against the hearing's audit ``entries``.
    Blocking: reads every file."""
    chain = verify_chain(entries)
    closed = {(e.details.get('source'), e.details.get('series'), e.details.get('seq')): e.details.get('sha256')
              for e in entries if e.action == 'segment_closed'}
    check = SeriesCheck(chain_ok=chain.valid, chain_broken_at=chain.broken_seq)
    for s in segments:
        path = segment_file(folder, s)
        if path is None or not path.is_file():
            check.segments.append(SegmentCheck(s.seq, False, 'missing'))
            continue
        in_chain = closed.get((s.source, s.series, s.seq))
        if in_chain is None:
            check.segments.append(SegmentCheck(s.seq, False, 'not_in_chain'))
        elif in_chain != s.sha256:
            check.segments.append(SegmentCheck(s.seq, False, 'chain_differs'))
        elif file_sha256(path) != s.sha256:
            check.segments.append(SegmentCheck(s.seq, False, 'hash'))
        else:
            check.segments.append(SegmentCheck(s.seq, True))
    return check
