"""Real aiortc peers for the conferencing tests and the forwarding benchmark: synthetic camera and microphone, and
participants that publish them and/or receive other participants through receive slots."""

from __future__ import annotations

import asyncio
import contextlib
import fractions
import math
import time
from dataclasses import dataclass, field
from typing import Any

import av
import numpy as np
from aiortc import RTCBundlePolicy, RTCConfiguration, RTCPeerConnection, RTCSessionDescription
from aiortc.mediastreams import MediaStreamError, MediaStreamTrack

VIDEO_TIME_BASE = fractions.Fraction(1, 90_000)
AUDIO_TIME_BASE = fractions.Fraction(1, 48_000)


class SyntheticVideoTrack(MediaStreamTrack):
    """A moving picture at a fixed size and frame rate (frames drawn in YUV, cheap to make)."""

    kind = 'video'

    def __init__(self, width: int = 320, height: int = 240, fps: int = 15) -> None:
        super().__init__()
        self.width, self.height, self.fps = width, height, fps
        self.frames_sent = 0
        self._start: float | None = None
        ramp = np.arange(width, dtype=np.uint16)
        self._ramp = np.tile(ramp, (height, 1))

    async def recv(self) -> av.VideoFrame:
        if self.readyState != 'live':
            raise MediaStreamError
        if self._start is None:
            self._start = time.monotonic()
        due = self._start + self.frames_sent / self.fps
        delay = due - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        n = self.frames_sent
        self.frames_sent += 1
        h, w = self.height, self.width
        data = np.empty((h * 3 // 2, w), dtype=np.uint8)
        data[:h] = ((self._ramp + n * 4) % 256).astype(np.uint8)
        data[h:] = 128
        box = (n * 3) % max(1, w - 40)
        data[h // 3:h // 3 + 40, box:box + 40] = 235
        frame = av.VideoFrame.from_ndarray(data, format='yuv420p')
        frame.pts = int(n * 90_000 / self.fps)
        frame.time_base = VIDEO_TIME_BASE
        return frame


class ToneAudioTrack(MediaStreamTrack):
    """A 440 Hz tone, 20 ms stereo s16 frames at 48 kHz."""

    kind = 'audio'

    def __init__(self, amplitude: float = 0.3) -> None:
        super().__init__()
        self.amplitude = amplitude
        self.frames_sent = 0
        self._start: float | None = None

    async def recv(self) -> av.AudioFrame:
        if self.readyState != 'live':
            raise MediaStreamError
        if self._start is None:
            self._start = time.monotonic()
        delay = self._start + self.frames_sent * 0.02 - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        start = self.frames_sent * 960
        self.frames_sent += 1
        t = (np.arange(start, start + 960) / 48_000.0)
        mono = (np.sin(2 * math.pi * 440 * t) * self.amplitude * 32767).astype(np.int16)
        frame = av.AudioFrame.from_ndarray(np.repeat(mono, 2).reshape(1, -1), format='s16', layout='stereo')
        frame.sample_rate = 48_000
        frame.pts = start
        frame.time_base = AUDIO_TIME_BASE
        return frame


@dataclass
class TrackCounter:
    """Reads a received track to the end, counting frames and noting when the first one arrived."""

    kind: str
    frames: int = 0
    first_at: float | None = None
    last_at: float | None = None
    task: asyncio.Task[None] | None = None

    async def consume(self, track: MediaStreamTrack) -> None:
        with contextlib.suppress(MediaStreamError, asyncio.CancelledError):
            while True:
                await track.recv()
                now = time.monotonic()
                if self.first_at is None:
                    self.first_at = now
                self.last_at = now
                self.frames += 1


@dataclass
class Peer:
    """One participant: publishes synthetic media if ``send``, receives through ``slots`` receive slots."""

    participant_id: str
    send: bool = True
    slots: int = 4
    video_size: tuple[int, int] = (320, 240)
    fps: int = 15
    pc: RTCPeerConnection = field(default_factory=lambda: RTCPeerConnection(
        RTCConfiguration(iceServers=[], bundlePolicy=RTCBundlePolicy.MAX_BUNDLE)))
    video: SyntheticVideoTrack | None = None
    audio: ToneAudioTrack | None = None
    counters: dict[str, TrackCounter] = field(default_factory=dict)  # by mid
    slot_map: list[dict[str, Any]] = field(default_factory=list)
    slots_version: tuple[int, int] = (0, 0)

    async def offer(self) -> dict[str, str]:
        if self.send:
            self.audio = ToneAudioTrack()
            self.video = SyntheticVideoTrack(*self.video_size, fps=self.fps)
            self.pc.addTransceiver(self.audio, direction='sendonly')
            self.pc.addTransceiver(self.video, direction='sendonly')
        for _ in range(self.slots):
            self.pc.addTransceiver('audio', direction='recvonly')
            self.pc.addTransceiver('video', direction='recvonly')

        @self.pc.on('track')
        def on_track(track: MediaStreamTrack) -> None:
            transceiver = next(t for t in self.pc.getTransceivers() if t.receiver.track is track)
            counter = TrackCounter(track.kind)
            counter.task = asyncio.ensure_future(counter.consume(track))
            self.counters[transceiver.mid] = counter

        await self.pc.setLocalDescription(await self.pc.createOffer())
        return {'sdp': self.pc.localDescription.sdp, 'type': self.pc.localDescription.type}

    async def accept(self, response: dict[str, Any]) -> None:
        self.update_slots(response['slots'], response['version'])
        answer = response['answer']
        await self.pc.setRemoteDescription(RTCSessionDescription(sdp=answer['sdp'], type=answer['type']))

    def counter_for(self, source_id: str, kind: str) -> TrackCounter | None:
        for slot in self.slot_map:
            if slot['participant_id'] == source_id:
                return self.counters.get(slot[f'{kind}_mid'])
        return None

    def update_slots(self, slots: list[dict[str, Any]], version: list[int]) -> None:
        """The newest description of the slots counts: the join's answer and the slots events arrive in either
        order."""
        if tuple(version) > self.slots_version:
            self.slot_map, self.slots_version = slots, tuple(version)

    async def close(self) -> None:
        for counter in self.counters.values():
            if counter.task is not None:
                counter.task.cancel()
        await self.pc.close()
