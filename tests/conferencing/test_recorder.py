"""Recording by muxing the shared packets: the segmenting logic with fake packets, the files with real encoders,
and a real worker recording real aiortc peers (including a SIGKILL while recording)."""

from __future__ import annotations

import asyncio
import fractions
import hashlib
import itertools
import json
import os
import signal
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import av
import numpy as np
import pytest

from conferencing.encoding import EncodedPacket, SharedAudioEncoder, SharedVideoEncoder
from conferencing.recorder import Recorder
from conferencing.segment_files import safe_name
from conferencing.segmenter import UNITS, Segmenter, SegmentInfo, vp8_size
from conferencing.supervisor import MediaSupervisor
from tests.conferencing.peers import Peer
from tests.conferencing.test_worker import Events, follow_slots
from tests.waiting import eventually

VTB = fractions.Fraction(1, 90_000)
ATB = fractions.Fraction(1, 48_000)


# the segmenting logic, with fake packets


def vp8_keyframe(width: int = 320, height: int = 240) -> bytes:
    return bytes([0x10, 0x02, 0x00, 0x9D, 0x01, 0x2A, width & 0xFF, width >> 8, height & 0xFF, height >> 8]) + b'k'


def fake(kind: str, pts: int, keyframe: bool = False, size: tuple[int, int] = (320, 240)) -> EncodedPacket:
    data = vp8_keyframe(*size) if keyframe else b'\x01delta'
    packet = av.Packet(data if kind == 'video' else b'opus')
    packet.pts = packet.dts = pts
    packet.time_base = VTB if kind == 'video' else ATB
    return EncodedPacket(packet=packet, keyframe=keyframe or kind == 'audio', kind=kind)


class ListWriter:
    def __init__(self) -> None:
        self.segments: dict[int, dict[str, Any]] = {}
        self.closed: list[SegmentInfo] = []

    def open(self, seq: int, kinds: tuple[str, ...], size: tuple[int, int] | None) -> None:
        assert seq not in self.segments
        self.segments[seq] = {'kinds': kinds, 'size': size, 'video': [], 'audio': [], 'closed': False}

    def write(self, seq: int, kind: str, packet: av.Packet, pts: int, duration: int, keyframe: bool) -> None:
        assert not self.segments[seq]['closed']
        self.segments[seq][kind].append((pts, duration, keyframe, packet.pts))

    def close(self, info: SegmentInfo) -> None:
        self.segments[info.seq]['closed'] = True
        self.segments[info.seq]['info'] = info
        self.closed.append(info)


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def feed(segmenter: Segmenter, clock: FakeClock, seconds: float, *, fps: int = 30, keyframe_every: float = 2.0,
         audio_offset: float = 0.0, start: float = 1.0, keyframe_requests: list[float] | None = None,
         size_at: Any = None) -> None:
    """Video at ``fps`` with periodic keyframes (and one soon after each request), audio every 20 ms shifted by
    ``audio_offset`` s; packets handed over in timestamp order of their arrival (audio arrives when due)."""
    events: list[tuple[float, str]] = []
    for i in range(int(seconds * fps)):
        events.append((start + i / fps, 'video'))
    for i in range(int(seconds / 0.02)):
        events.append((start + i * 0.02 + audio_offset, 'audio'))
    events.sort()
    last_key = -1e9
    for at, kind in events:
        clock.now = at
        if kind == 'video':
            requested = keyframe_requests and keyframe_requests[-1] > last_key and at - keyframe_requests[-1] > 0.05
            key = at - last_key >= keyframe_every or bool(requested)
            if key:
                last_key = at
            size = size_at(at) if size_at else (320, 240)
            segmenter.push('video', fake('video', round(at * 90_000), key, size))
        else:
            segmenter.push('audio', fake('audio', round((at - audio_offset) * 48_000)))


def make(writer: ListWriter, clock: FakeClock, requests: list[float], kinds: set[str] | None = None,
         seconds: float = 3.0) -> Segmenter:
    return Segmenter(writer, kinds=kinds or {'audio', 'video'}, segment_seconds=seconds,
                     request_keyframe=lambda: requests.append(clock.now), wall_offset=1_000_000.0, clock=clock)


# a negative offset: audio comes earlier than video stamped at the same time (0.4 s was seen under load)
@pytest.mark.parametrize('audio_offset', [0.0, 0.013, -0.05, -0.4])
def test_segments_start_with_keyframes_rebased_contiguous_and_split_audio_by_timestamp(audio_offset: float) -> None:
    writer, clock, requests = ListWriter(), FakeClock(), []
    segmenter = make(writer, clock, requests)
    feed(segmenter, clock, 10.0, audio_offset=audio_offset, keyframe_requests=requests)
    segmenter.finish()
    segments = [writer.segments[i] for i in sorted(writer.segments)]
    assert len(segments) == 4 and all(s['closed'] for s in segments)
    for seg in segments:
        video, audio = seg['video'], seg['audio']
        assert video[0][0] == 0 and video[0][2], 'a segment starts at 0 with a keyframe'
        assert [v[0] for v in video] == sorted({v[0] for v in video}), 'video pts increase'
        assert [a[0] for a in audio] == sorted({a[0] for a in audio}), 'audio pts increase'
        assert 0 <= audio[0][0] < 0.03 * 48_000  # audio stamped before the cut went to the old one, none after
        # nor does a segment's audio run past its end: the file plays as long as its entry says
        assert audio[-1][0] + audio[-1][1] <= (seg['info'].duration + 0.021) * 48_000
        assert seg['size'] == (320, 240) and seg['kinds'] == ('audio', 'video')
        assert 2.9 <= seg['info'].duration <= 3.6 or seg is segments[-1]
    # no audio or video packet lost or written twice (apart from the ones before the first keyframe)
    written_video = [v[3] for s in segments for v in s['video']]
    written_audio = [a[3] for s in segments for a in s['audio']]
    assert len(written_video) == len(set(written_video)) and len(written_audio) == len(set(written_audio))
    assert len(written_video) == (10 * 30) and len(written_audio) >= int(10 / 0.02) - 4
    # a segment's video lasts exactly until the next one starts; the durations add up to the span recorded
    infos = writer.closed
    for a, b in itertools.pairwise(infos):
        assert b.started_at == pytest.approx(a.ended_at, abs=1e-6)
    total = sum(i.duration for i in infos)
    assert total == pytest.approx(10.0, abs=0.05)
    last_video = segments[0]['video'][-1]
    assert last_video[0] + last_video[1] == round(infos[0].duration * 90_000)
    assert infos[0].started_at == pytest.approx(1_000_000.0 + 1.0)
    assert all(i.kinds == ('audio', 'video') for i in infos)


def test_packets_before_the_first_keyframe_are_dropped_and_a_keyframe_is_requested() -> None:
    writer, clock, requests = ListWriter(), FakeClock(), []
    segmenter = make(writer, clock, requests)
    for i in range(10):
        segmenter.push('video', fake('video', 3000 * i))
        segmenter.push('audio', fake('audio', 1600 * i))
    assert not writer.segments and len(requests) == 1 and segmenter.dropped == 10
    segmenter.push('video', fake('video', 30_000, keyframe=True))  # the audio waiting for it is from before it
    assert writer.segments[0]['size'] == (320, 240) and segmenter.dropped == 20


def test_with_frequent_periodic_keyframes_segments_end_at_them_without_asking_for_more() -> None:
    writer, clock, requests = ListWriter(), FakeClock(), []
    segmenter = Segmenter(writer, kinds={'audio', 'video'}, segment_seconds=3.0, keyframe_wait=2.5,
                          request_keyframe=lambda: requests.append(clock.now), wall_offset=0.0, clock=clock)
    feed(segmenter, clock, 13.0, keyframe_every=2.0)
    segmenter.finish()
    assert requests == []  # the first packet was a keyframe; every cut came at a periodic one
    assert [round(i.duration, 2) for i in writer.closed] == [4.0, 4.0, 4.0, 1.0]


def test_a_picture_size_change_starts_a_new_segment() -> None:
    writer, clock, requests = ListWriter(), FakeClock(), []
    segmenter = make(writer, clock, requests, seconds=100)
    feed(segmenter, clock, 5.0, keyframe_every=1.0, size_at=lambda t: (320, 240) if t < 3.5 else (640, 360))
    segmenter.finish()
    assert [s['size'] for s in writer.segments.values()] == [(320, 240), (640, 360)]


def test_an_old_segment_waits_for_late_audio_only_for_the_grace_period() -> None:
    writer, clock, requests = ListWriter(), FakeClock(), []
    segmenter = make(writer, clock, requests, seconds=1.0)
    segmenter.push('video', fake('video', 0, keyframe=True))
    segmenter.push('video', fake('video', 90_000 + 9000, keyframe=True))  # 1.1 s: the cut
    assert 0 in writer.segments and not writer.segments[0]['closed']
    segmenter.push('audio', fake('audio', 48_000))  # stamped before the cut: the old segment takes it
    assert writer.segments[0]['audio'] and not writer.segments[1]['audio']
    clock.now += 2.0
    segmenter.tick()
    assert writer.segments[0]['closed']
    segmenter.push('audio', fake('audio', 48_000 + 960))  # too late now: dropped, never written before 0
    assert not writer.segments[1]['audio'] and segmenter.dropped == 1


def test_an_audio_only_participant_is_cut_on_audio() -> None:
    writer, clock, requests = ListWriter(), FakeClock(), []
    segmenter = make(writer, clock, requests, kinds={'audio'}, seconds=2.0)
    for i in range(300):  # 6 s
        clock.now = i * 0.02
        segmenter.push('audio', fake('audio', 960 * i))
    segmenter.finish()
    assert len(writer.closed) == 3 and sum(i.duration for i in writer.closed) == pytest.approx(6.0, abs=0.001)
    assert all(s['audio'][0][0] == 0 and s['kinds'] == ('audio',) for s in writer.segments.values())


def test_helpers() -> None:
    assert vp8_size(vp8_keyframe(1280, 720)) == (1280, 720)
    assert vp8_size(b'\x01delta-frame') is None
    assert safe_name('p-1.x') == 'p-1.x' and '/' not in safe_name('a/b') and safe_name('..') not in ('..', '.')
    assert UNITS % 90_000 == 0 and UNITS % 48_000 == 0


# the files, with the real encoders (no network)


def decode_counts(path: Path) -> tuple[int, int, bool, float]:
    """(video frames, audio frames, first video packet is a keyframe, duration in s)."""
    with av.open(str(path)) as container:
        duration = (container.duration or 0) / 1_000_000
        video = audio = 0
        first_key = None
        for packet in container.demux():
            if packet.stream.type == 'video' and first_key is None and packet.size:
                first_key = bool(packet.is_keyframe)
            for _frame in packet.decode():
                if packet.stream.type == 'video':
                    video += 1
                else:
                    audio += 1
    return video, audio, bool(first_key), duration


class Source:  # stands in for a ForwardedSource: the recorder only subscribes a tap to it
    def __init__(self, kind: str) -> None:
        self.participant_id, self.kind, self.subs, self.keyframes = 'p/1', kind, [], 0

    def _subscribe(self, track: Any) -> None:
        self.subs.append(track)

    def _unsubscribe(self, track: Any) -> None:
        self.subs.remove(track)

    def request_keyframe(self) -> None:
        self.keyframes += 1


async def camera(video: Source, audio: Source, frames: int, *, noise: bool = False) -> None:
    """``frames`` pictures at 30 fps (a flat shade, or noise, which hardly compresses) and their sound, paced."""
    venc, aenc = SharedVideoEncoder(), SharedAudioEncoder()
    # Video is stamped by the media clock as it is encoded, audio by its sample count: like a microphone, audio is
    # fed as fast as time passes (not a fixed amount per video frame), or a slow, loaded machine would leave it
    # behind the video and a segment without sound.
    started, samples_sent = time.monotonic(), 0
    rng = np.random.default_rng(1)

    def feed_audio(sent: int) -> int:
        while sent <= (time.monotonic() - started) * 48_000:
            sent += 960
            samples = av.AudioFrame.from_ndarray(np.zeros((1, 1920), np.int16), format='s16', layout='stereo')
            samples.sample_rate, samples.pts, samples.time_base = 48_000, 0, fractions.Fraction(1, 48_000)
            for packet in aenc.encode(samples):
                for tap in audio.subs:
                    tap._push(packet)
        return sent

    for i in range(frames):
        picture = rng.integers(0, 256, (240 * 3 // 2, 320), np.uint8) if noise else \
            np.full((240 * 3 // 2, 320), (i * 5) % 256, np.uint8)
        frame = av.VideoFrame.from_ndarray(picture, format='yuv420p')
        frame.pts, frame.time_base = i, fractions.Fraction(1, 30)
        for packet in venc.encode(frame, force_keyframe=video.keyframes > 0 or i == 0):
            video.keyframes = 0
            for tap in video.subs:
                tap._push(packet)
        samples_sent = feed_audio(samples_sent)
        await asyncio.sleep(1 / 30)  # paced like a camera: the recorder closes segments on its own clock
    # the microphone goes on a little after the last picture: a segment cut at the last keyframe gets its sound
    # too (Opus hands packets out a frame late)
    for _ in range(6):
        await asyncio.sleep(1 / 30)
        samples_sent = feed_audio(samples_sent)


async def test_recorder_writes_complete_hashed_segments_and_a_manifest(tmp_path: Path) -> None:
    events: list[dict[str, Any]] = []
    video, audio = Source('video'), Source('audio')
    recorder = Recorder(tmp_path, 's1', emit=events.append, segment_seconds=0.5)
    recorder.sync([video, audio])  # type: ignore[list-item]
    assert video.subs and audio.subs and video.keyframes == 1
    await camera(video, audio, 45)  # 1.5 s
    closed = await recorder.stop()
    segments = [e for e in events if e['event'] == 'segment_closed']
    assert closed >= 1 and len(segments) >= 2 and not video.subs
    folder = tmp_path / safe_name('p/1') / 's1'
    manifest = [json.loads(line) for line in (folder / 'manifest.jsonl').read_text().splitlines()]
    assert [m['seq'] for m in manifest] == list(range(len(segments)))
    assert not list(folder.glob('*.partial'))
    for event, line in zip(segments, manifest, strict=True):
        assert {k: v for k, v in event.items() if k != 'event'} == line
        path = tmp_path / event['path']
        assert path.name == f'{event["seq"]:05d}.webm' and event['participant_id'] == 'p/1'
        assert hashlib.sha256(path.read_bytes()).hexdigest() == event['sha256']
        assert path.stat().st_size == event['bytes']
        frames_v, frames_a, first_key, _duration = decode_counts(path)
        assert frames_v > 0 and frames_a > 0 and first_key
        assert event['kinds'] == ['audio', 'video']
        assert event['ended_at'] - event['started_at'] == pytest.approx(event['duration'], abs=1e-3)


# a real worker with real peers


HEARING = 'rec-1'


async def join_peers(sup: MediaSupervisor, names: list[str]) -> list[Peer]:
    peers = [Peer(name, send=True, slots=1) for name in names]
    follow_slots(sup, peers)
    for peer in peers:
        response = await sup.join(HEARING, peer.participant_id, await peer.offer(), receive=True, send=True)
        await peer.accept(response)
    return peers


def closed_segments(events: Events, series: str, participant: str | None = None) -> list[dict[str, Any]]:
    return [e for e in events.named('segment_closed')
            if e['series'] == series and (participant is None or e['participant_id'] == participant)]


def check_segment(root: Path, entry: dict[str, Any]) -> tuple[int, int, float]:
    path = root / entry['path']
    assert hashlib.sha256(path.read_bytes()).hexdigest() == entry['sha256'], f'{path} does not match its hash'
    frames_v, frames_a, first_key, duration = decode_counts(path)
    assert frames_v > 0 and frames_a > 0, f'{path}: {frames_v} video and {frames_a} audio frames'
    assert first_key, f'{path} does not start with a keyframe'
    return frames_v, frames_a, duration


async def test_a_worker_records_two_participants_in_playable_hashed_segments(tmp_path: Path) -> None:
    sup = MediaSupervisor(keyframe_interval=2.0, segment_seconds=3.0)
    events = Events()
    sup.on_event(events)
    peers: list[Peer] = []
    try:
        peers = await join_peers(sup, ['alice', 'bob'])
        await eventually(lambda: all(
            (c := p.counter_for(q.participant_id, 'video')) is not None and c.frames >= 5
            for p in peers for q in peers if q is not p), 'the peers see each other')
        on_at = time.time()
        assert (await sup.record(HEARING, True, tmp_path, 's1'))['recording'] is True
        assert (await sup.ping(HEARING))['series'] == 's1'
        await asyncio.sleep(12.0)  # a recording long enough for several 3 s segments
        off_at = time.time()
        result = await sup.record(HEARING, False)
        assert result == {'recording': False, 'closed': 2}
        for name in ('alice', 'bob'):
            segments = closed_segments(events, 's1', name)
            assert [s['seq'] for s in segments] == list(range(len(segments))) and len(segments) >= 3
            # the segments lie within the time recording was on (the media clock maps onto unix time to within a
            # fraction of a second), one after the other without a gap
            assert on_at - 0.5 <= segments[0]['started_at'] and segments[-1]['ended_at'] <= off_at + 0.5
            span = segments[-1]['ended_at'] - segments[0]['started_at']
            assert sum(s['duration'] for s in segments) == pytest.approx(span, abs=0.05)
            manifest = (tmp_path / name / 's1' / 'manifest.jsonl').read_text().splitlines()
            assert [json.loads(line) for line in manifest] == [
                {k: v for k, v in s.items() if k not in ('event', 'hearing')} for s in segments]
            file_total = 0.0
            for segment in segments:
                assert segment['kinds'] == ['audio', 'video'] and segment['bytes'] > 0
                assert segment['path'] == f'{name}/s1/{segment["seq"]:05d}.webm'
                _v, _a, duration = check_segment(tmp_path, segment)
                assert duration == pytest.approx(segment['duration'], abs=0.15)
                file_total += duration
            assert file_total == pytest.approx(span, abs=0.15 * len(segments))
            for a, b in itertools.pairwise(segments):
                assert b['started_at'] == pytest.approx(a['ended_at'], abs=0.01)
    finally:
        for peer in peers:
            await peer.close()
        await sup.stop_all()


async def test_killing_a_recording_worker_keeps_every_closed_segment_and_a_new_series_follows(tmp_path: Path) -> None:
    sup = MediaSupervisor(keyframe_interval=2.0, segment_seconds=2.0)
    events = Events()
    sup.on_event(events)
    peers: list[Peer] = []
    try:
        peers = await join_peers(sup, ['alice', 'bob'])
        await sup.record(HEARING, True, tmp_path, 's1')
        await eventually(lambda: len(closed_segments(events, 's1', 'alice')) >= 2
                         and len(closed_segments(events, 's1', 'bob')) >= 2, 'two segments each')
        await asyncio.sleep(0.5)  # let the next segments be half written when the worker dies
        pid = sup.worker_pid(HEARING)
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        await eventually(lambda: events.named('worker_restarted'), 'the worker restarted')
        for name in ('alice', 'bob'):
            folder = tmp_path / name / 's1'
            manifest = [json.loads(line) for line in (folder / 'manifest.jsonl').read_text().splitlines()]
            assert len(manifest) >= 2
            for entry in manifest:
                check_segment(tmp_path, entry)
            complete = sorted(p.name for p in folder.glob('*.webm'))
            assert complete == [f'{e["seq"]:05d}.webm' for e in manifest]  # nothing else passes for complete

        # the web process's part: recording was on, so the participants rejoin and recording goes on in a new series
        assert (await sup.ping(HEARING))['recording'] is False
        for peer in peers:
            await peer.close()
        peers = await join_peers(sup, ['alice', 'bob'])
        await sup.record(HEARING, True, tmp_path, 's2')
        await eventually(lambda: len(closed_segments(events, 's2', 'alice')) >= 1
                         and len(closed_segments(events, 's2', 'bob')) >= 1, 'a segment each in the new series')
        await sup.record(HEARING, False)
        for segment in closed_segments(events, 's2'):
            check_segment(tmp_path, segment)
        assert (tmp_path / 'alice' / 's2' / '00000.webm').exists()
    finally:
        for peer in peers:
            await peer.close()
        await sup.stop_all()


async def test_on_a_full_disk_a_segment_is_reported_disk_full_and_nothing_half_written_is_left(
        small_disk: Callable[[str], Path]) -> None:
    root = small_disk('1500k')  # some of six noisy 0.5 s segments fit (four, here), then the disk is full
    events: list[dict[str, Any]] = []
    video, audio = Source('video'), Source('audio')
    recorder = Recorder(root, 's1', emit=events.append, segment_seconds=0.5)
    recorder.sync([video, audio])  # type: ignore[list-item]
    await camera(video, audio, 90, noise=True)  # 3 s
    await recorder.stop()
    errors = [e for e in events if e['event'] == 'recording_error']
    assert errors and all(e["disk_full"] for e in errors), events
    assert 'No space left on device' in errors[0]['error']
    folder = root / safe_name('p/1') / 's1'
    assert not list(folder.glob('*.partial'))  # what could not be written is gone: its space is free again
    closed = [e for e in events if e['event'] == 'segment_closed']
    assert closed, 'not one segment fitted: the test would not show that the written ones are kept'
    manifest = [json.loads(line) for line in (folder / 'manifest.jsonl').read_text().splitlines()] \
        if (folder / 'manifest.jsonl').exists() else []
    assert [m['seq'] for m in manifest] == [e['seq'] for e in closed]  # whole lines only, one per segment entered
    assert sorted(p.name for p in folder.glob('*.webm')) == [f'{e["seq"]:05d}.webm' for e in closed]
    for event in closed:
        assert hashlib.sha256((root / event['path']).read_bytes()).hexdigest() == event['sha256']
