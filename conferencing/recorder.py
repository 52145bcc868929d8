"""Recording every source of a hearing by muxing the packets the worker already has: no second encode.

Every :class:`~conferencing.forwarding.ForwardedSource` already encodes its participant's audio (Opus) and video
(VP8) once into shared ``av.Packet`` objects for all receivers. The recorder subscribes one more "receiver" to each
source, a :class:`RecordingTap`, and writes copies of those packets into WebM (Matroska) segments, one file series
per participant, audio and video of one participant in the same file (two streams)::

    <dir>/<participant_id>/<series>/00000.webm
    <dir>/<participant_id>/<series>/00001.webm
    <dir>/<participant_id>/<series>/manifest.jsonl     one JSON line per closed segment, fsynced

(a participant id that is not a plain file name, e.g. with ``/``, is percent-encoded for the folder name; the
events carry the id itself.)

**Segments.** About ``segment_seconds`` (10 s) long. A segment opens at a video keyframe (a keyframe is requested
from the shared encoder when recording starts; video packets before it are dropped), so every segment plays on
its own. When a segment is due to end, it ends at the source's next periodic keyframe (every 2 s by default, so a
segment lasts 10 to about 12 s and recording adds no keyframes); a keyframe is requested only if none came within
the source's keyframe interval + 0.5 s (or at once when that interval is over ``MAX_KEYFRAME_WAIT``). The cut
point ``T`` is that keyframe's timestamp: video before ``T`` is in the old segment and from ``T`` on in the new
one, and audio is split at ``T`` by its own timestamps (the old segment stays open for late audio until audio
reaches ``T`` or ``CLOSE_GRACE`` seconds have passed). Audio stamped ahead of the latest video packet waits (at
most ``CLOSE_GRACE`` s) until a video packet passes it: video arrives later than audio stamped at the same time
(a loaded machine was seen 0.4 s behind), and audio from after the coming cut must not land in the old segment,
which would then play longer than its entry and leave the new one's first moments silent. Consecutive
segments therefore join without gap or overlap, and the last video frame of a segment lasts until the cut. A
participant without video is cut on audio packets. A video keyframe with another picture size also starts a new
segment.

**Timestamps.** The shared encoders stamp packets on one process-wide monotonic media clock (90 kHz video, 48 kHz
audio), so audio and video of a participant are already aligned. In a segment both are rebased on its start ``T``
(the first packet is at 0) and keep increasing; libavformat rescales them to Matroska's 1 ms.

**Crash safety.** A segment is written as ``<seq>.webm.partial``; when it closes, the muxer finishes it (cues,
duration), the file is fsynced, renamed to ``<seq>.webm``, the folder fsynced, its SHA-256 computed and a line
appended to ``manifest.jsonl`` (fsynced). So after a SIGKILL every ``.webm`` is a complete file, every manifest
line names one, and only the segment being written (the ``.partial``) is lost. All file work runs in one writer
thread per recording; the event loop only queues packets (a tuple and a queue put per packet).

**Events.** When a segment is closed and on disk the worker emits::

    {"event": "segment_closed", "participant_id", "series", "seq", "path" (relative to the recording dir, with
     "/" separators), "sha256", "bytes", "started_at", "ended_at" (unix time, s: the segment's first packet and
     its end), "duration" (s), "kinds": ["audio", "video"] (the kinds it holds packets of)}

``duration`` is the segment's span on the recording's timeline: from its first keyframe to the next segment's
first keyframe (the last segment: to the end of its last packet), so the durations of a series add up to the
time recorded. A segment's audio may run a few tens of ms past that span when audio timestamps lead video.

and ``{"event": "recording_error", "participant_id", "series", "seq", "error"}`` if a segment could not be written.
The manifest line is the same object without ``"event"``.

Limits: a muted participant's audio sends no packets, so its segments hold video only while muted (``kinds``
says so); recording state lives in the worker's memory only (after a restart the web process must send ``record``
again, with a new series).

The segment cutting is in :mod:`conferencing.segmenter`, the files in :mod:`conferencing.segment_files`.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from conferencing.encoding import _EPOCH, EncodedPacket
from conferencing.forwarding import ForwardedSource, ForwardedTrack
from conferencing.segment_files import DiskWriter, ParticipantFiles, safe_name
from conferencing.segmenter import (
    MAX_KEYFRAME_WAIT,
    SEGMENT_SECONDS,
    Segmenter,
)

# the worker and the tests import these from here too

logger = logging.getLogger(__name__)


class RecordingTap(ForwardedTrack):
    """One more subscriber of a source: its packets go to the recorder instead of an RTP sender."""

    def __init__(self, kind: str, on_packet: Callable[[str, EncodedPacket], None]) -> None:
        super().__init__(kind)
        self._on_packet = on_packet

    def _push(self, item: EncodedPacket) -> None:
        try:
            self._on_packet(self.kind, item)
        except Exception:  # never let recording break forwarding to the receivers
            logger.exception('recording a %s packet failed', self.kind)


class Recorder:
    """Records every source of a hearing into ``root/<participant>/<series>/``; see the module docstring."""

    def __init__(self, root: str | os.PathLike[str], series: str, *, emit: Callable[[dict[str, Any]], None],
                 segment_seconds: float = SEGMENT_SECONDS) -> None:
        if not series or series in ('.', '..') or '/' in series or '\\' in series or '\0' in series:
            raise ValueError(f'bad series name {series!r}')
        if segment_seconds <= 0:
            raise ValueError('segment_seconds must be positive')
        self.root = Path(root).resolve()
        self.series = series
        self.segment_seconds = segment_seconds
        self.emit = emit
        self.closed_count = 0
        self._disk = DiskWriter(self.root, self._on_result)
        self._segmenters: dict[str, Segmenter] = {}
        self._taps: dict[tuple[str, str], RecordingTap] = {}
        self._next_seq: dict[str, int] = {}
        self._wall_offset = time.time() - time.monotonic() + _EPOCH
        self._ticker = asyncio.create_task(self._tick(), name='recorder ticks')

    def _on_result(self, result: dict[str, Any]) -> None:
        if result.get('event') == 'segment_closed':
            self.closed_count += 1
        self.emit(result)

    def _first_seq(self, participant_id: str) -> int:
        if participant_id in self._next_seq:
            return self._next_seq[participant_id]
        folder = self.root / safe_name(participant_id) / self.series
        seqs = [int(m.group(1)) for name in (os.listdir(folder) if folder.is_dir() else [])
                if (m := re.match(r'^(\d+)\.webm', name))]
        return max(seqs) + 1 if seqs else 0

    def add_source(self, source: ForwardedSource) -> None:
        """Record this source (idempotent)."""
        key = (source.participant_id, source.kind)
        if key in self._taps:
            return
        pid = source.participant_id
        segmenter = self._segmenters.get(pid)
        if segmenter is None:
            segmenter = self._segmenters[pid] = Segmenter(
                ParticipantFiles(self._disk, pid, self.series), kinds={source.kind},
                segment_seconds=self.segment_seconds, request_keyframe=lambda: self._request_keyframe(pid),
                first_seq=self._first_seq(pid), wall_offset=self._wall_offset,
                keyframe_wait=self._keyframe_wait(source))
        else:
            segmenter.add_kind(source.kind)
        tap = RecordingTap(source.kind, segmenter.push)
        self._taps[key] = tap
        tap.attach(source)  # asks the source for a keyframe

    @staticmethod
    def _keyframe_wait(source: ForwardedSource) -> float:
        settings = getattr(source, 'settings', None)
        interval = getattr(settings, 'keyframe_interval', None)
        # with frequent periodic keyframes (2 s by default), cut at the next one instead of forcing another
        return interval + 0.5 if interval is not None and interval <= MAX_KEYFRAME_WAIT else 0.0

    def _request_keyframe(self, participant_id: str) -> None:
        tap = self._taps.get((participant_id, 'video'))
        if tap is not None:
            tap.request_keyframe()

    def sync(self, sources: list[ForwardedSource]) -> None:
        for source in sources:
            self.add_source(source)

    def remove_participant(self, participant_id: str) -> list[asyncio.Future[dict[str, Any]]]:
        """Stop recording a participant (who left): its open segments are closed."""
        for kind in ('audio', 'video'):
            tap = self._taps.pop((participant_id, kind), None)
            if tap is not None:
                tap.stop()
        segmenter = self._segmenters.pop(participant_id, None)
        if segmenter is None:
            return []
        self._next_seq[participant_id] = segmenter.next_seq
        return segmenter.finish()

    async def _tick(self) -> None:
        while True:
            await asyncio.sleep(0.25)
            for segmenter in list(self._segmenters.values()):
                segmenter.tick()

    async def stop(self) -> int:
        """Close every open segment, wait until they are on disk (their events sent); how many closed."""
        self._ticker.cancel()
        futures: list[asyncio.Future[dict[str, Any]]] = []
        for pid in list(self._segmenters):
            futures += self.remove_participant(pid)
        await self._disk.stop()
        results = await asyncio.gather(*futures) if futures else []
        return sum(1 for r in results if r.get('event') == 'segment_closed')

    def describe(self) -> dict[str, Any]:
        return {'dir': str(self.root), 'series': self.series, 'segment_seconds': self.segment_seconds,
                'participants': sorted(self._segmenters), 'closed': self.closed_count}
