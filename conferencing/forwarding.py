"""Decode-once, encode-once forwarding of a participant's audio and video to every receiver.

For each incoming track, a :class:`ForwardedSource` runs two tasks:

- a *reader* that pulls decoded frames from the remote track as fast as aiortc's receiver produces them, so they
  never pile up in the track's unbounded queue; video keeps only the newest frame (an encode that falls behind
  drops frames, it never queues them), audio keeps a short bounded backlog (0.5 s);
- an *encoder* loop that encodes each kept frame once with the source's :mod:`conferencing.encoding` encoder and
  hands the resulting `av.Packet` objects, the same objects, to every subscribed :class:`ForwardedTrack`.

A :class:`ForwardedTrack` is what a receiver's ``RTCRtpSender`` sends: its ``recv()`` returns those shared
``av.Packet``s, which the sender packetizes without encoding. A track is a *slot*: it can be attached to one source
after another (:meth:`ForwardedTrack.attach`), so the sender's RTP loop, which awaits ``recv()`` on the track it
started with, never has to be replaced. After attaching, and whenever its backlog overflowed, a video track skips
packets until the next keyframe and asks its source for one.

Keyframes come from the shared encoder every ``keyframe_interval`` seconds and when any receiver asks for one,
at most one forced keyframe per ``min_keyframe_gap``. aiortc's sender handles a receiver's PLI/FIR by setting a flag
only its own (unused) encoder reads; :func:`route_keyframe_requests` replaces the sender's ``_send_keyframe`` hook
(called from ``RTCRtpSender._handle_rtcp_packet`` in aiortc 1.16) so the request reaches the shared encoder of
whichever source the sender's track is attached to.

:class:`Forwarder` keeps the sources of one hearing by participant and kind, and mutes a participant's audio
(:meth:`Forwarder.set_muted`): a muted source encodes nothing and its receivers get no audio packets at all.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import logging
import time
from dataclasses import dataclass, field
from typing import Protocol

import av
from aiortc.mediastreams import MediaStreamError, MediaStreamTrack
from aiortc.rtcrtpsender import RTCRtpSender
from av import AudioFrame, VideoFrame

from conferencing.encoding import (
    EncodedPacket,
    SharedAudioEncoder,
    SharedVideoEncoder,
    VideoSettings,
    audio_level,
)

logger = logging.getLogger(__name__)

AUDIO_BACKLOG = 25  # decoded 20 ms frames waiting for the encoder
TRACK_BACKLOG = {'video': 30, 'audio': 50}  # encoded packets waiting for one receiver's sender


@dataclass(frozen=True, slots=True)
class ForwardingSettings:
    keyframe_interval: float = 2.0
    min_keyframe_gap: float = 0.3
    video_bitrate: int = 800_000
    audio_bitrate: int = 64_000


class FrameSource(Protocol):
    """What a source reads from: aiortc's remote track, or a fake in tests."""

    kind: str

    async def recv(self) -> av.frame.Frame: ...


@dataclass(slots=True)
class SourceCounters:
    frames_in: int = 0
    frames_dropped: int = 0
    frames_encoded: int = 0
    keyframes: int = 0
    encode_seconds: float = 0.0


class ForwardedTrack(MediaStreamTrack):
    """A receiver's view of one source: ``recv()`` returns the source's shared encoded packets."""

    def __init__(self, kind: str) -> None:
        super().__init__()
        self.kind = kind
        self._source: ForwardedSource | None = None
        self._queue: collections.deque[EncodedPacket] = collections.deque()
        self._wake = asyncio.Event()
        self._need_keyframe = kind == 'video'
        self._first_recv = True
        self.packets_sent = 0
        self.keyframes_sent = 0

    @property
    def source(self) -> ForwardedSource | None:
        return self._source

    def attach(self, source: ForwardedSource | None) -> None:
        """Switch this track to another source (or to none: ``recv()`` then waits)."""
        if source is self._source:
            return
        if self._source is not None:
            self._source._unsubscribe(self)
        self._source = source
        self._queue.clear()
        self._need_keyframe = self.kind == 'video'
        if source is not None:
            source._subscribe(self)
            self.request_keyframe()

    def request_keyframe(self) -> None:
        if self._source is not None:
            self._source.request_keyframe()

    def _push(self, item: EncodedPacket) -> None:
        if len(self._queue) >= TRACK_BACKLOG[self.kind]:
            # this receiver's sender fell behind: start again from the next keyframe
            self._queue.clear()
            if self.kind == 'video':
                self._need_keyframe = True
                self.request_keyframe()
        self._queue.append(item)
        self._wake.set()

    def stop(self) -> None:
        self.attach(None)
        super().stop()
        self._wake.set()

    async def recv(self) -> av.Packet:  # type: ignore[override]
        if self._first_recv:
            # the receiver's transport is up now: whatever keyframe came before is gone
            self._first_recv = False
            self._queue.clear()
            self._need_keyframe = self.kind == 'video'
            self.request_keyframe()
        while True:
            if self.readyState != 'live':
                raise MediaStreamError
            if not self._queue:
                self._wake.clear()
                await self._wake.wait()
                continue
            item = self._queue.popleft()
            if self._need_keyframe:
                if not item.keyframe:
                    continue
                self._need_keyframe = False
            self.packets_sent += 1
            if item.keyframe and self.kind == 'video':
                self.keyframes_sent += 1
            return item.packet


class ForwardedSource:
    """One participant's incoming track, decoded once (by aiortc) and encoded once for all its receivers."""

    def __init__(self, participant_id: str, track: FrameSource, settings: ForwardingSettings | None = None) -> None:
        self.participant_id = participant_id
        self.kind = track.kind
        self.settings = settings or ForwardingSettings()
        self.counters = SourceCounters()
        self.muted = False
        self.ended = False
        self._track = track
        self._subscribers: list[ForwardedTrack] = []
        self._video_encoder: SharedVideoEncoder | None = None
        self._audio_encoder: SharedAudioEncoder | None = None
        if self.kind == 'video':
            self._video_encoder = SharedVideoEncoder(VideoSettings(bitrate=self.settings.video_bitrate))
        else:
            self._audio_encoder = SharedAudioEncoder(bitrate=self.settings.audio_bitrate)
        self._latest: VideoFrame | None = None
        self._audio_backlog: collections.deque[AudioFrame] = collections.deque(maxlen=AUDIO_BACKLOG)
        self._wake = asyncio.Event()
        self._keyframe_requested = True
        self._last_keyframe = float('-inf')
        self._peak_level = 0.0
        self._tasks: list[asyncio.Task[None]] = []

    # lifecycle

    def start(self) -> None:
        if not self._tasks:
            name = f'{self.participant_id}/{self.kind}'
            self._tasks = [asyncio.create_task(self._read(), name=f'read {name}'),
                           asyncio.create_task(self._encode_loop(), name=f'encode {name}')]

    async def stop(self) -> None:
        self.ended = True
        for track in list(self._subscribers):
            track.attach(None)
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        self._tasks = []

    # receivers

    @property
    def subscribers(self) -> list[ForwardedTrack]:
        return list(self._subscribers)

    def subscribe(self) -> ForwardedTrack:
        """A new track for one receiver, attached to this source."""
        track = ForwardedTrack(self.kind)
        track.attach(self)
        return track

    def _subscribe(self, track: ForwardedTrack) -> None:
        self._subscribers.append(track)

    def _unsubscribe(self, track: ForwardedTrack) -> None:
        with contextlib.suppress(ValueError):
            self._subscribers.remove(track)

    def request_keyframe(self) -> None:
        self._keyframe_requested = True

    def take_peak_level(self) -> float:
        """The loudest audio level (0..1) since the last call; 0 while muted."""
        level, self._peak_level = self._peak_level, 0.0
        return 0.0 if self.muted else level

    # tasks

    async def _read(self) -> None:
        try:
            while True:
                frame = await self._track.recv()
                self.counters.frames_in += 1
                if self.kind == 'video':
                    if self._latest is not None:
                        self.counters.frames_dropped += 1
                    self._latest = frame  # type: ignore[assignment]
                else:
                    if len(self._audio_backlog) == self._audio_backlog.maxlen:
                        self.counters.frames_dropped += 1
                    self._audio_backlog.append(frame)  # type: ignore[arg-type]
                self._wake.set()
        except MediaStreamError:
            logger.info('source %s/%s ended', self.participant_id, self.kind)
        finally:
            self.ended = True
            self._wake.set()

    def _keyframe_due(self, now: float) -> bool:
        since = now - self._last_keyframe
        if since >= self.settings.keyframe_interval:
            return True
        return self._keyframe_requested and since >= self.settings.min_keyframe_gap

    async def _encode_loop(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            await self._wake.wait()
            self._wake.clear()
            if self.kind == 'video':
                frame = self._latest
                self._latest = None
                if frame is None:
                    if self.ended:
                        return
                    continue
                if not self._subscribers:
                    continue  # nobody listens: decode only; the first subscriber asks for a keyframe
                now = time.monotonic()
                force = self._keyframe_due(now)
                started = time.perf_counter()
                assert self._video_encoder is not None
                packets = await loop.run_in_executor(None, self._video_encoder.encode, frame, force)
                self.counters.encode_seconds += time.perf_counter() - started
                if any(p.keyframe for p in packets):
                    self._last_keyframe = now
                    self._keyframe_requested = False
                    self.counters.keyframes += 1
                self._fan_out(packets)
            else:
                assert self._audio_encoder is not None
                while self._audio_backlog:
                    frame_a = self._audio_backlog.popleft()
                    self._peak_level = max(self._peak_level, audio_level(frame_a))
                    if self.muted or not self._subscribers:
                        self._audio_encoder.skip(frame_a)
                        continue
                    self._fan_out(self._audio_encoder.encode(frame_a))
                if self.ended:
                    return

    def _fan_out(self, packets: list[EncodedPacket]) -> None:
        if packets:
            self.counters.frames_encoded += 1
        for packet in packets:
            for track in self._subscribers:
                track._push(packet)


def route_keyframe_requests(sender: RTCRtpSender) -> None:
    """Make a receiver's picture-loss request (RTCP PLI or FIR) reach the shared encoder of the source that the
    sender's :class:`ForwardedTrack` is attached to, instead of the sender's own unused encoder."""

    original = sender._send_keyframe

    def send_keyframe() -> None:
        track = sender.track
        if isinstance(track, ForwardedTrack):
            track.request_keyframe()
        else:
            original()

    sender._send_keyframe = send_keyframe  # type: ignore[method-assign]


@dataclass
class Forwarder:
    """The forwarded sources of one hearing, by participant and kind."""

    settings: ForwardingSettings = field(default_factory=ForwardingSettings)
    _sources: dict[tuple[str, str], ForwardedSource] = field(default_factory=dict)
    _muted: set[str] = field(default_factory=set)

    def add_source(self, participant_id: str, track: FrameSource) -> ForwardedSource:
        key = (participant_id, track.kind)
        if key in self._sources:
            raise ValueError(f'participant {participant_id} already has a {track.kind} source')
        source = ForwardedSource(participant_id, track, self.settings)
        source.muted = track.kind == 'audio' and participant_id in self._muted
        self._sources[key] = source
        source.start()
        return source

    def source(self, participant_id: str, kind: str) -> ForwardedSource | None:
        return self._sources.get((participant_id, kind))

    def sources(self) -> list[ForwardedSource]:
        return list(self._sources.values())

    def participants(self) -> list[str]:
        return sorted({pid for pid, _ in self._sources})

    async def remove_participant(self, participant_id: str) -> None:
        for kind in ('audio', 'video'):
            source = self._sources.pop((participant_id, kind), None)
            if source is not None:
                await source.stop()

    def set_muted(self, participant_id: str, muted: bool) -> None:
        """Stop (or resume) forwarding the participant's audio; remembered for a source added later."""
        if muted:
            self._muted.add(participant_id)
        else:
            self._muted.discard(participant_id)
        source = self._sources.get((participant_id, 'audio'))
        if source is not None:
            source.muted = muted

    def is_muted(self, participant_id: str) -> bool:
        return participant_id in self._muted

    def audio_levels(self) -> dict[str, float]:
        return {pid: source.take_peak_level() for (pid, kind), source in self._sources.items() if kind == 'audio'}

    async def close(self) -> None:
        for participant_id in self.participants():
            await self.remove_participant(participant_id)
