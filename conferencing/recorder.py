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
reaches ``T`` or ``CLOSE_GRACE`` seconds have passed). Consecutive segments therefore join without gap or
overlap, and the last video frame of a segment lasts until the cut. A participant without video is cut on audio
packets. A video keyframe with another picture size also starts a new segment.

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
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import os
import queue
import re
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import av

from conferencing.encoding import _EPOCH, EncodedPacket
from conferencing.forwarding import ForwardedSource, ForwardedTrack

logger = logging.getLogger(__name__)

SEGMENT_SECONDS = 10.0
MAX_KEYFRAME_WAIT = 3.0  # longest periodic keyframe interval a due segment waits for
CLOSE_GRACE = 1.0  # seconds an old segment waits for audio stamped before the cut
UNITS = 720_000  # a clock both 90 kHz and 48 kHz divide: segment bounds are kept in these units
DEFAULT_FRAME_UNITS = UNITS // 15  # the last frame of a recording when no frame interval is known yet
MAX_FRAME_UNITS = UNITS // 2
AUDIO_PACKET_SECONDS = 0.02
_SAFE_NAME = re.compile(r'^[A-Za-z0-9_][A-Za-z0-9._-]*$')


def safe_name(name: str) -> str:
    """``name`` as one path component: itself if plain, else percent-encoded."""
    if _SAFE_NAME.match(name):
        return name
    quoted = urllib.parse.quote(name, safe='')
    return quoted if quoted not in ('', '.', '..') else quoted.replace('.', '%2E') or '%00'


def vp8_size(data: bytes | memoryview) -> tuple[int, int] | None:
    """(width, height) from a VP8 keyframe's header, or None if it is not one."""
    if len(data) < 10 or data[0] & 1 or bytes(data[3:6]) != b'\x9d\x01\x2a':
        return None
    return (data[6] | data[7] << 8) & 0x3FFF, (data[8] | data[9] << 8) & 0x3FFF


def _units(packet: av.Packet) -> int:
    tb = packet.time_base
    return packet.pts * tb.numerator * UNITS // tb.denominator


def _ticks(units: int, packet: av.Packet) -> int:
    tb = packet.time_base
    return units * tb.denominator // (tb.numerator * UNITS)


# the segmenting logic (event loop side)


@dataclass(frozen=True, slots=True)
class SegmentInfo:
    """What closing a segment reports (before its file is hashed)."""

    seq: int
    started_at: float  # unix time of its start
    duration: float
    kinds: tuple[str, ...]

    @property
    def ended_at(self) -> float:
        return self.started_at + self.duration


class SegmentWriter(Protocol):
    """Where a :class:`Segmenter` puts its segments: files in a thread, or a list in tests."""

    def open(self, seq: int, kinds: tuple[str, ...], size: tuple[int, int] | None) -> None: ...

    def write(self, seq: int, kind: str, packet: av.Packet, pts: int, duration: int, keyframe: bool) -> None:
        """``packet`` is shared and must not be changed; ``pts`` and ``duration`` are in its time base, relative
        to the segment's start."""

    def close(self, info: SegmentInfo) -> asyncio.Future[dict[str, Any]] | None: ...


@dataclass(slots=True)
class _Segment:
    seq: int
    base: int  # UNITS on the media clock
    kinds: tuple[str, ...]
    size: tuple[int, int] | None
    end: int = 0
    written: set[str] = field(default_factory=set)
    cut: int | None = None  # once superseded: where the next segment starts
    closing_since: float = 0.0


class Segmenter:
    """Cuts one participant's packet stream into segments that each start with a video keyframe."""

    def __init__(self, writer: SegmentWriter, *, kinds: set[str], segment_seconds: float = SEGMENT_SECONDS,
                 request_keyframe: Callable[[], None] = lambda: None, first_seq: int = 0,
                 wall_offset: float | None = None, grace: float = CLOSE_GRACE, keyframe_wait: float = 0.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.writer = writer
        # a due segment waits this long for the source's own periodic keyframe before asking for one
        self.keyframe_wait_units = int(keyframe_wait * UNITS)
        self.kinds = set(kinds)
        self.segment_units = int(segment_seconds * UNITS)
        self.request_keyframe = request_keyframe
        self.next_seq = first_seq
        # unix time = media clock seconds + this
        self.wall_offset = (time.time() - time.monotonic() + _EPOCH) if wall_offset is None else wall_offset
        self.grace = grace
        self.clock = clock
        self.current: _Segment | None = None
        self.closing: _Segment | None = None
        self.futures: list[asyncio.Future[dict[str, Any]]] = []
        self.dropped = 0  # packets that fit no segment (before the first keyframe, late audio)
        self._held: tuple[_Segment, EncodedPacket, int] | None = None  # the last video packet, until the next
        self._frame_units = DEFAULT_FRAME_UNITS
        self._keyframe_asked = False
        self._kinds_changed = False

    def add_kind(self, kind: str) -> None:
        if kind not in self.kinds:
            self.kinds.add(kind)
            if self.current is not None:
                self._kinds_changed = True  # included from the next segment
                self._ask_keyframe()

    # packets

    def push(self, kind: str, item: EncodedPacket) -> None:
        self.tick()
        if kind == 'video':
            self._push_video(item)
        else:
            self._push_audio(item)

    def _ask_keyframe(self) -> None:
        if not self._keyframe_asked:
            self._keyframe_asked = True
            self.request_keyframe()

    def _due(self, cur: _Segment, t: int) -> bool:
        return self._kinds_changed or t - cur.base >= self.segment_units

    def _push_video(self, item: EncodedPacket) -> None:
        packet = item.packet
        t = _units(packet)
        cur = self.current
        size = vp8_size(memoryview(packet)[:10]) if item.keyframe else None
        if cur is None:
            if not item.keyframe:
                self.dropped += 1
                self._ask_keyframe()
                return
            cur = self._open(t, size)
        elif item.keyframe and (self._due(cur, t) or size != cur.size or 'video' not in cur.kinds):
            cur = self._cut(t, size)
        elif 'video' not in cur.kinds:
            self.dropped += 1
            return
        elif self._due(cur, t) and (self._kinds_changed or t - cur.base >= self.segment_units
                                    + self.keyframe_wait_units):
            self._ask_keyframe()
        if self._held is not None:
            self._write_held(t - self._held[2])
        self._held = (cur, item, t)

    def _write_held(self, duration_units: int) -> None:
        assert self._held is not None
        seg, item, t = self._held
        self._held = None
        if duration_units > 0:
            self._frame_units = min(duration_units, MAX_FRAME_UNITS)
        duration_units = max(1, min(duration_units, MAX_FRAME_UNITS))
        self._write(seg, 'video', item, t, duration_units)

    def _push_audio(self, item: EncodedPacket) -> None:
        packet = item.packet
        t = _units(packet)
        closing = self.closing
        if closing is not None:
            assert closing.cut is not None
            if t < closing.cut:
                if t >= closing.base and 'audio' in closing.kinds:
                    self._write(closing, 'audio', item, t, self._audio_units(packet))
                else:
                    self.dropped += 1
                return
            self._finalize_closing()
        cur = self.current
        if cur is None:
            if 'video' in self.kinds:
                self.dropped += 1  # waiting for the first keyframe
                return
            cur = self._open(t, None)
        elif 'video' not in self.kinds and self._due(cur, t):
            cur = self._cut(t, None)
        if t < cur.base or 'audio' not in cur.kinds:
            self.dropped += 1
            return
        self._write(cur, 'audio', item, t, self._audio_units(packet))

    @staticmethod
    def _audio_units(packet: av.Packet) -> int:
        if packet.duration:
            return packet.duration * packet.time_base.numerator * UNITS // packet.time_base.denominator
        return int(AUDIO_PACKET_SECONDS * UNITS)

    def _write(self, seg: _Segment, kind: str, item: EncodedPacket, t: int, duration_units: int) -> None:
        packet = item.packet
        self.writer.write(seg.seq, kind, packet, _ticks(t - seg.base, packet), _ticks(duration_units, packet)
                          or 1, item.keyframe)
        seg.written.add(kind)
        seg.end = max(seg.end, t + duration_units)

    # segments

    def _open(self, t: int, size: tuple[int, int] | None) -> _Segment:
        seg = _Segment(self.next_seq, t, tuple(sorted(self.kinds)), size, end=t)
        self.next_seq += 1
        self.current = seg
        self._keyframe_asked = False
        self._kinds_changed = False
        self.writer.open(seg.seq, seg.kinds, size)
        return seg

    def _cut(self, t: int, size: tuple[int, int] | None) -> _Segment:
        old = self.current
        assert old is not None
        if self._held is not None:
            self._write_held(t - self._held[2])
        if self.closing is not None:
            self._finalize_closing()
        old.cut = t
        if 'audio' in old.kinds and 'audio' in self.kinds:
            old.closing_since = self.clock()
            self.closing = old
        else:
            self._finalize(old)
        return self._open(t, size)

    def _finalize_closing(self) -> None:
        seg, self.closing = self.closing, None
        if seg is not None:
            self._finalize(seg)

    def _finalize(self, seg: _Segment) -> None:
        end = seg.cut if seg.cut is not None else seg.end  # a cut segment ends where the next one starts
        info = SegmentInfo(seq=seg.seq, started_at=self.wall_offset + seg.base / UNITS,
                           duration=(end - seg.base) / UNITS, kinds=tuple(sorted(seg.written)))
        future = self.writer.close(info)
        if future is not None:
            self.futures.append(future)

    def tick(self) -> None:
        """Close a superseded segment whose grace period for late audio is over."""
        if self.closing is not None and self.clock() - self.closing.closing_since >= self.grace:
            self._finalize_closing()

    def finish(self) -> list[asyncio.Future[dict[str, Any]]]:
        """Close every open segment; the futures of all closes not yet done."""
        if self._held is not None:
            self._write_held(self._frame_units)
        self._finalize_closing()
        if self.current is not None:
            seg, self.current = self.current, None
            self._finalize(seg)
        pending = [f for f in self.futures if not f.done()]
        self.futures = []
        return pending


# the files (writer thread side)


@dataclass
class _OpenFile:
    container: Any
    streams: dict[str, Any]
    partial: Path
    final: Path
    failed: str | None = None


class DiskWriter:
    """One thread doing all file work of a recording: opening, muxing, closing, fsync, hashing, manifests."""

    def __init__(self, root: Path, on_result: Callable[[dict[str, Any]], None]) -> None:
        self.root = root
        self._on_result = on_result
        self._loop = asyncio.get_running_loop()
        self._queue: queue.SimpleQueue[tuple[Any, ...] | None] = queue.SimpleQueue()
        self._files: dict[tuple[str, str, int], _OpenFile] = {}
        self._thread = threading.Thread(target=self._run, name='recorder', daemon=True)
        self._thread.start()

    def put(self, op: tuple[Any, ...]) -> None:
        self._queue.put(op)

    async def stop(self) -> None:
        self._queue.put(None)
        await asyncio.to_thread(self._thread.join)

    def _run(self) -> None:
        while (op := self._queue.get()) is not None:
            try:
                getattr(self, f'_do_{op[0]}')(*op[1:])
            except Exception:
                logger.exception('recorder: %s failed', op[0])

    def _do_open(self, pid: str, series: str, seq: int, kinds: tuple[str, ...],
                 size: tuple[int, int] | None) -> None:
        folder = self.root / safe_name(pid) / series
        final = folder / f'{seq:05d}.webm'
        partial = final.with_name(final.name + '.partial')
        try:
            if not folder.is_dir():
                folder.mkdir(parents=True, exist_ok=True)
                _fsync_dir(folder.parent)
                _fsync_dir(folder.parent.parent)
            container = av.open(str(partial), 'w', format='webm')
            streams: dict[str, Any] = {}
            for kind in kinds:
                if kind == 'video':
                    stream = container.add_stream('libvpx', rate=30)
                    stream.width, stream.height = size or (640, 480)
                    stream.pix_fmt = 'yuv420p'
                else:
                    stream = container.add_stream('libopus', rate=48_000)
                    stream.layout = 'stereo'
                streams[kind] = stream
            container.start_encoding()
            self._files[(pid, series, seq)] = _OpenFile(container, streams, partial, final)
        except Exception as exc:
            logger.exception('recorder: cannot open %s', partial)
            self._files[(pid, series, seq)] = _OpenFile(None, {}, partial, final, failed=f'{type(exc).__name__}: {exc}')

    def _do_write(self, pid: str, series: str, seq: int, kind: str, shared: av.Packet, pts: int, duration: int,
                  keyframe: bool) -> None:
        file = self._files.get((pid, series, seq))
        if file is None or file.failed or kind not in file.streams:
            return
        packet = av.Packet(bytes(shared))  # a copy: the shared packet is being sent to receivers
        packet.stream = file.streams[kind]
        packet.time_base = shared.time_base
        packet.pts = packet.dts = pts
        packet.duration = duration
        packet.is_keyframe = keyframe
        try:
            file.container.mux(packet)
        except Exception as exc:
            file.failed = f'{type(exc).__name__}: {exc}'
            logger.exception('recorder: muxing into %s failed', file.partial)

    def _do_close(self, pid: str, series: str, info: SegmentInfo, future: asyncio.Future[dict[str, Any]]) -> None:
        file = self._files.pop((pid, series, info.seq), None)
        result: dict[str, Any]
        try:
            if file is None:
                raise RuntimeError('the segment was never opened')
            if file.container is not None:
                file.container.close()
            if file.failed:
                raise RuntimeError(file.failed)
            digest = hashlib.sha256()
            with open(file.partial, 'rb') as handle:
                while chunk := handle.read(1 << 20):
                    digest.update(chunk)
                os.fsync(handle.fileno())
                size = handle.tell()
            os.replace(file.partial, file.final)
            _fsync_dir(file.final.parent)
            result = {'participant_id': pid, 'series': series, 'seq': info.seq,
                      'path': file.final.relative_to(self.root).as_posix(), 'sha256': digest.hexdigest(),
                      'bytes': size, 'started_at': round(info.started_at, 6), 'ended_at': round(info.ended_at, 6),
                      'duration': round(info.duration, 6), 'kinds': list(info.kinds)}
            manifest = file.final.parent / 'manifest.jsonl'
            with open(manifest, 'a', encoding='utf-8') as handle:
                handle.write(json.dumps(result, sort_keys=True) + '\n')
                handle.flush()
                os.fsync(handle.fileno())
            result = {'event': 'segment_closed', **result}
        except Exception as exc:
            logger.exception('recorder: closing segment %s/%s/%d failed', pid, series, info.seq)
            result = {'event': 'recording_error', 'participant_id': pid, 'series': series, 'seq': info.seq,
                      'error': f'{type(exc).__name__}: {exc}'}
        self._loop.call_soon_threadsafe(self._deliver, future, result)

    def _deliver(self, future: asyncio.Future[dict[str, Any]], result: dict[str, Any]) -> None:
        self._on_result(result)
        if not future.done():
            future.set_result(result)


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class _ParticipantFiles:
    """A :class:`SegmentWriter` that queues one participant's segments to the :class:`DiskWriter`."""

    def __init__(self, disk: DiskWriter, participant_id: str, series: str) -> None:
        self.disk, self.pid, self.series = disk, participant_id, series

    def open(self, seq: int, kinds: tuple[str, ...], size: tuple[int, int] | None) -> None:
        self.disk.put(('open', self.pid, self.series, seq, kinds, size))

    def write(self, seq: int, kind: str, packet: av.Packet, pts: int, duration: int, keyframe: bool) -> None:
        self.disk.put(('write', self.pid, self.series, seq, kind, packet, pts, duration, keyframe))

    def close(self, info: SegmentInfo) -> asyncio.Future[dict[str, Any]]:
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self.disk.put(('close', self.pid, self.series, info, future))
        return future


# the recorder (what the worker holds)


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
                _ParticipantFiles(self._disk, pid, self.series), kinds={source.kind},
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
