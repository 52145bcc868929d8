"""What recording costs the media worker: a hearing with four video sources (640x360 at 15 fps, and audio), each
forwarded to one receiver, measured in the same worker run with recording off and on, alternately.

The worker is the real one (``python -m conferencing.worker``, started by :class:`MediaSupervisor`); its CPU is
read from ``/proc/<pid>/stat`` (user + system time of all its threads, the recorder's writer thread included) over
each window. The senders and the receiver live in this process. Recording uses short segments (``--segment-seconds``,
5 s by default: twice as many segment closes and keyframe requests as the production 10 s) and writes to a
temporary folder. Goal: recording costs at most 15% more worker CPU.

Run: ``.venv/bin/python bench/bench_recording.py [--rounds 3] [--seconds 10] [--segment-seconds 5]``
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from conferencing.supervisor import MediaSupervisor  # noqa: E402
from tests.conferencing.peers import Peer, SyntheticVideoTrack, ToneAudioTrack  # noqa: E402

HEARING = 'bench-recording'
SOURCES = 4
WIDTH, HEIGHT, FPS = 640, 360, 15
TICKS = os.sysconf('SC_CLK_TCK')


def worker_cpu(pid: int) -> float:
    """User + system CPU seconds of the process (all threads) so far."""
    with open(f'/proc/{pid}/stat') as handle:
        fields = handle.read().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime (fields 14 and 15 of stat)


class CameraPeer(Peer):
    async def offer(self) -> dict[str, str]:
        self.audio = ToneAudioTrack()
        # the synthetic picture (not bench_forwarding's textured camera): on a 2-core machine four textured
        # cameras starve the senders and the receiver, and the worker's CPU then follows how many frames got through
        self.video = SyntheticVideoTrack(WIDTH, HEIGHT, FPS)
        self.pc.addTransceiver(self.audio, direction='sendonly')
        self.pc.addTransceiver(self.video, direction='sendonly')
        await self.pc.setLocalDescription(await self.pc.createOffer())
        return {'sdp': self.pc.localDescription.sdp, 'type': self.pc.localDescription.type}


async def window(pid: int, seconds: float) -> float:
    cpu, wall = worker_cpu(pid), time.monotonic()
    await asyncio.sleep(seconds)
    return (worker_cpu(pid) - cpu) / (time.monotonic() - wall)


async def run(rounds: int, seconds: float, segment_seconds: float) -> None:
    started = time.monotonic()
    sup = MediaSupervisor(keyframe_interval=2.0, segment_seconds=segment_seconds)
    closed: list[dict[str, Any]] = []
    sup.on_event(lambda _h, e: closed.append(e) if e['event'] == 'segment_closed' else None)
    senders = [CameraPeer(f'camera{i}', send=True, slots=0) for i in range(SOURCES)]
    receiver = Peer('receiver', send=False, slots=SOURCES)
    with tempfile.TemporaryDirectory(prefix='bench-recording-') as folder:
        try:
            for peer in senders:
                await peer.accept(await sup.join(HEARING, peer.participant_id, await peer.offer(), receive=False))
            await receiver.accept(await sup.join(HEARING, 'receiver', await receiver.offer(), send=False))
            pid = sup.worker_pid(HEARING)
            assert pid is not None
            await asyncio.sleep(4.0)  # ICE, first keyframes, encoders warmed up
            sources = {s['participant_id'] for s in receiver.slot_map if s['participant_id']}
            assert sources == {p.participant_id for p in senders}, f'the receiver gets {sources}'
            off: list[float] = []
            on: list[float] = []
            frames_before = sum(c.frames for c in receiver.counters.values() if c.kind == 'video')
            sent_before = sum(p.video.frames_sent for p in senders if p.video is not None)
            for n in range(rounds):
                off.append(await window(pid, seconds))
                await sup.record(HEARING, True, folder, f'round{n}')
                on.append(await window(pid, seconds))
                await sup.record(HEARING, False)
                print(f'  round {n + 1}: off {off[-1]:.3f}, on {on[-1]:.3f} CPU-s/s', flush=True)
            frames = sum(c.frames for c in receiver.counters.values() if c.kind == 'video') - frames_before
            sent = sum(p.video.frames_sent for p in senders if p.video is not None) - sent_before
        finally:
            for peer in [*senders, receiver]:
                await peer.close()
            await sup.stop_all()
        size = sum(f.stat().st_size for f in Path(folder).rglob('*.webm'))
    mean_off, mean_on = sum(off) / len(off), sum(on) / len(on)
    recorded = rounds * seconds
    print(f'\n{SOURCES} sources ({WIDTH}x{HEIGHT} at {FPS} fps VP8 + Opus), one receiver each; worker CPU-seconds '
          f'per second over {rounds} x {seconds:.0f} s windows each (segments of {segment_seconds:g} s)')
    print(f'  without recording: {mean_off:.3f}')
    print(f'  with recording:    {mean_on:.3f}')
    print(f'  ratio on/off:      {mean_on / mean_off:.3f} (goal <= 1.15)')
    print(f'  {len(closed)} segments closed, {size / 1e6:.1f} MB for {recorded:.0f} s x {SOURCES} sources; '
          f'the receiver got {frames} of the {sent} video frames sent while measuring')
    print(f'  total run {time.monotonic() - started:.0f} s')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--rounds', type=int, default=3)
    parser.add_argument('--seconds', type=float, default=10.0)
    parser.add_argument('--segment-seconds', type=float, default=5.0)
    args = parser.parse_args()
    asyncio.run(run(args.rounds, args.seconds, args.segment_seconds))


if __name__ == '__main__':
    main()
