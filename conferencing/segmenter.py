"""Cutting a participant's packets into segments: when a segment is due, at which keyframe it ends, where the audio
is split, and the timestamps of each packet in its segment (see :mod:`conferencing.recorder`, "Segments" and
"Timestamps"). Pure logic on the event loop: the files themselves are a ``SegmentWriter``'s business."""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

import av

from conferencing.encoding import _EPOCH, EncodedPacket

SEGMENT_SECONDS = 10.0
MAX_KEYFRAME_WAIT = 3.0  # longest periodic keyframe interval a due segment waits for
CLOSE_GRACE = 1.0  # seconds an old segment waits for audio stamped before the cut, and audio waits for video
UNITS = 720_000  # a clock both 90 kHz and 48 kHz divide: segment bounds are kept in these units
DEFAULT_FRAME_UNITS = UNITS // 15  # the last frame of a recording when no frame interval is known yet
MAX_FRAME_UNITS = UNITS // 2
AUDIO_PACKET_SECONDS = 0.02


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
        # audio stamped at or after the latest video packet, with when it came: only the video says where the first
        # segment starts and where the next cut is, so audio ahead of it waits (at most the grace period) until a
        # video packet passes it
        self._audio_ahead: deque[tuple[float, EncodedPacket, int]] = deque()
        self._video_t: int | None = None
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
        self._video_t = t
        while self._audio_ahead and self._audio_ahead[0][2] < t:
            _, waiting, at = self._audio_ahead.popleft()
            self._place_audio(waiting, at)

    def _write_held(self, duration_units: int) -> None:
        assert self._held is not None
        seg, item, t = self._held
        self._held = None
        if duration_units > 0:
            self._frame_units = min(duration_units, MAX_FRAME_UNITS)
        duration_units = max(1, min(duration_units, MAX_FRAME_UNITS))
        self._write(seg, 'video', item, t, duration_units)

    def _push_audio(self, item: EncodedPacket) -> None:
        t = _units(item.packet)
        if 'video' in self.kinds and (self._audio_ahead or self._video_t is None or t >= self._video_t):
            self._audio_ahead.append((self.clock(), item, t))
            return
        self._place_audio(item, t)

    def _release_audio(self, *, waited: float | None = None) -> None:
        """Place the audio that has waited ``waited`` seconds or more for video (all of it if None)."""
        now = self.clock()
        while self._audio_ahead and (waited is None or now - self._audio_ahead[0][0] >= waited):
            _, item, t = self._audio_ahead.popleft()
            self._place_audio(item, t)

    def _place_audio(self, item: EncodedPacket, t: int) -> None:
        packet = item.packet
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
        """Place audio that has waited the grace period for video; close a superseded segment whose grace period
        for late audio is over."""
        self._release_audio(waited=self.grace)
        if self.closing is not None and self.clock() - self.closing.closing_since >= self.grace:
            self._finalize_closing()

    def finish(self) -> list[asyncio.Future[dict[str, Any]]]:
        """Close every open segment; the futures of all closes not yet done."""
        self._release_audio()
        if self._held is not None:
            self._write_held(self._frame_units)
        self._finalize_closing()
        if self.current is not None:
            seg, self.current = self.current, None
            self._finalize(seg)
        pending = [f for f in self.futures if not f.done()]
        self.futures = []
        return pending
