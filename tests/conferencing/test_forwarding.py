"""The forwarding pieces in-process, with fake decoded sources: fast, no network."""

from __future__ import annotations

import asyncio
import fractions

import av
import numpy as np
import pytest
from aiortc import RTCPeerConnection, RTCRtpSender
from aiortc.mediastreams import MediaStreamError, MediaStreamTrack
from aiortc.rtp import RTCP_PSFB_PLI, RtcpPsfbPacket
from av.video.frame import PictureType

from conferencing.encoding import AUDIO_TIME_BASE, VIDEO_TIME_BASE
from conferencing.forwarding import ForwardedTrack, Forwarder, ForwardingSettings, route_keyframe_requests
from tests.waiting import TIMEOUT, eventually


class FakeVideo(MediaStreamTrack):
    """Decoded frames as aiortc's receiver hands them out; ``limit`` frames, then the track ends."""

    kind = 'video'

    def __init__(self, interval: float = 1 / 30, limit: int | None = None) -> None:
        super().__init__()
        self.interval, self.limit, self.n = interval, limit, 0
        self.frames: list[av.VideoFrame] = []

    async def recv(self) -> av.VideoFrame:
        if self.limit is not None and self.n >= self.limit:
            raise MediaStreamError
        await asyncio.sleep(self.interval)
        self.n += 1
        data = np.full((240 * 3 // 2, 320), 128, dtype=np.uint8)
        data[:240] = (np.arange(320) + self.n * 7) % 256
        frame = av.VideoFrame.from_ndarray(data, format='yuv420p')
        frame.pts = 4_294_960_000 + self.n * 3000  # near the 32-bit RTP wrap
        frame.time_base = fractions.Fraction(1, 90_000)
        frame.pict_type = PictureType.P
        self.frames.append(frame)
        return frame


class FakeAudio(MediaStreamTrack):
    kind = 'audio'

    def __init__(self) -> None:
        super().__init__()
        self.n = 0

    async def recv(self) -> av.AudioFrame:
        await asyncio.sleep(0.005)
        self.n += 1
        samples = (np.sin(np.arange(1920) / 10) * 8000).astype(np.int16).reshape(1, -1)
        frame = av.AudioFrame.from_ndarray(samples, format='s16', layout='stereo')
        frame.sample_rate = 48_000
        frame.pts = self.n * 960
        frame.time_base = AUDIO_TIME_BASE
        return frame


async def first_packets(tracks: list[ForwardedTrack], count: int) -> list[list[av.Packet]]:
    async def take(track: ForwardedTrack) -> list[av.Packet]:
        return [await track.recv() for _ in range(count)]
    return list(await asyncio.gather(*(take(t) for t in tracks)))


async def test_every_receiver_gets_the_same_encoded_packets() -> None:
    forwarder = Forwarder()
    source = forwarder.add_source('p1', FakeVideo())
    tracks = [source.subscribe() for _ in range(3)]
    received = await first_packets(tracks, 8)
    for packets in received[1:]:
        assert all(a is b for a, b in zip(received[0], packets, strict=True))
    packets = received[0]
    assert packets[0].is_keyframe
    assert all(p.time_base == VIDEO_TIME_BASE for p in packets)
    pts = [p.pts for p in packets]
    assert pts == sorted(pts) and len(set(pts)) == len(pts)
    assert source.counters.frames_encoded >= 8
    await forwarder.close()


async def test_forced_keyframes_do_not_mark_the_decoded_frame() -> None:
    fake = FakeVideo()
    forwarder = Forwarder(ForwardingSettings(keyframe_interval=0.1, min_keyframe_gap=0.0))
    source = forwarder.add_source('p1', fake)
    track = source.subscribe()
    packets = [await track.recv() for _ in range(10)]
    assert sum(p.is_keyframe for p in packets) >= 3
    assert all(f.pict_type == PictureType.P for f in fake.frames)
    assert all(f.time_base == fractions.Fraction(1, 90_000) for f in fake.frames)
    await forwarder.close()


async def test_a_late_receiver_starts_on_a_keyframe_without_waiting_for_the_interval() -> None:
    forwarder = Forwarder(ForwardingSettings(keyframe_interval=60))
    source = forwarder.add_source('p1', FakeVideo())
    early = source.subscribe()
    [await early.recv() for _ in range(10)]
    late = source.subscribe()
    packet = await asyncio.wait_for(late.recv(), TIMEOUT)
    assert packet.is_keyframe
    await forwarder.close()


async def test_picture_loss_on_a_sender_reaches_the_shared_encoder() -> None:
    """On aiortc's own RTCRtpSender: its private ``_send_keyframe`` is what ``route_keyframe_requests`` replaces
    (pyproject.toml pins the aiortc versions this holds for), so an RTCP picture-loss indication, handled as
    aiortc handles it, must reach the source's shared encoder."""
    forwarder = Forwarder(ForwardingSettings(keyframe_interval=60, min_keyframe_gap=0.0))
    source = forwarder.add_source('p1', FakeVideo())
    track = source.subscribe()
    pc = RTCPeerConnection()
    sender = pc.addTrack(track)
    assert isinstance(sender, RTCRtpSender)
    route_keyframe_requests(sender)
    [await track.recv() for _ in range(5)]
    keyframes = source.counters.keyframes
    await sender._handle_rtcp_packet(RtcpPsfbPacket(fmt=RTCP_PSFB_PLI, ssrc=1, media_ssrc=sender._ssrc))
    packets = [await track.recv() for _ in range(5)]
    assert any(p.is_keyframe for p in packets)
    assert source.counters.keyframes == keyframes + 1
    await pc.close()
    await forwarder.close()


async def test_frames_never_pile_up_when_the_encoder_is_slower_than_the_source() -> None:
    fake = FakeVideo(interval=0, limit=200)
    forwarder = Forwarder()
    source = forwarder.add_source('p1', fake)
    source.subscribe()
    await eventually(lambda: fake.n >= 200 and source.ended, 'the source has ended')
    assert source.counters.frames_in == 200
    assert source.counters.frames_dropped > 0
    assert source.counters.frames_encoded + source.counters.frames_dropped <= 200
    await forwarder.close()


async def test_a_slot_track_switches_sources_and_waits_when_detached() -> None:
    forwarder = Forwarder()
    a = forwarder.add_source('a', FakeVideo())
    b = forwarder.add_source('b', FakeVideo())
    track = ForwardedTrack('video')
    track.attach(a)
    assert (await track.recv()).is_keyframe
    track.attach(b)
    assert track not in a.subscribers and track in b.subscribers
    assert (await asyncio.wait_for(track.recv(), TIMEOUT)).is_keyframe
    track.attach(None)
    with pytest.raises(TimeoutError):  # nothing comes while detached: seen only by waiting a while
        await asyncio.wait_for(track.recv(), 0.3)
    await forwarder.close()


async def test_muting_stops_audio_packets_and_levels() -> None:
    forwarder = Forwarder()
    source = forwarder.add_source('p1', FakeAudio())
    track = source.subscribe()
    packet = await asyncio.wait_for(track.recv(), TIMEOUT)
    assert packet.time_base == AUDIO_TIME_BASE
    await eventually(lambda: forwarder.audio_levels()['p1'] > 0.05, 'a level for the sound')
    forwarder.set_muted('p1', True)
    await asyncio.sleep(0.05)  # a frame already being read when the mute came may still be queued: let it land
    while track._queue:
        await track.recv()
    with pytest.raises(TimeoutError):  # silence: seen only by waiting a while
        await asyncio.wait_for(track.recv(), 0.3)
    assert forwarder.audio_levels()['p1'] == 0.0
    forwarder.set_muted('p1', False)
    later = await asyncio.wait_for(track.recv(), TIMEOUT)
    assert later.pts > packet.pts + 960 * 10  # timestamps kept following the clock while muted
    await forwarder.close()


async def test_a_participant_muted_before_publishing_stays_muted() -> None:
    forwarder = Forwarder()
    forwarder.set_muted('p1', True)
    source = forwarder.add_source('p1', FakeAudio())
    assert source.muted and forwarder.is_muted('p1')
    await forwarder.close()
