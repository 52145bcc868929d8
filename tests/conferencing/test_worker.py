"""A real media worker process, started by the supervisor, between real aiortc peers (no browser)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from conferencing.supervisor import MediaSupervisor, WorkerRestarted
from tests.conferencing.peers import Peer
from tests.waiting import eventually

HEARING = 'hearing-1'


class Events:
    def __init__(self) -> None:
        self.items: list[dict[str, Any]] = []

    def __call__(self, hearing_id: str, event: dict[str, Any]) -> None:
        self.items.append({**event, 'hearing': hearing_id})

    def named(self, name: str) -> list[dict[str, Any]]:
        return [e for e in self.items if e['event'] == name]


@pytest.fixture
async def supervisor() -> AsyncIterator[tuple[MediaSupervisor, Events]]:
    # no periodic keyframe within any test's wait: a receiver that gets video at all got it from a keyframe request
    supervisor = MediaSupervisor(keyframe_interval=3600.0)
    events = Events()
    supervisor.on_event(events)
    yield supervisor, events
    await supervisor.stop_all()


async def join(supervisor: MediaSupervisor, peer: Peer, *, receive: bool = True) -> None:
    response = await supervisor.join(HEARING, peer.participant_id, await peer.offer(), receive=receive,
                                     send=peer.send)
    await peer.accept(response)


def follow_slots(supervisor: MediaSupervisor, peers: list[Peer]) -> None:
    by_id = {p.participant_id: p for p in peers}

    def on_event(_hearing: str, event: dict[str, Any]) -> None:
        if event['event'] == 'slots' and event['participant_id'] in by_id:
            by_id[event['participant_id']].update_slots(event['slots'], event['version'])
    supervisor.on_event(on_event)


def frames(peer: Peer, source: str, kind: str) -> int:
    counter = peer.counter_for(source, kind)
    return counter.frames if counter else 0


async def test_one_source_reaches_three_receivers_and_a_late_joiner_by_a_keyframe_request(supervisor) -> None:
    sup, events = supervisor
    speaker = Peer('speaker', send=True, slots=0)
    receivers = [Peer(f'r{i}', send=False) for i in range(3)]
    try:
        await join(sup, speaker, receive=False)
        for peer in receivers:
            await join(sup, peer)
        await eventually(lambda: all(frames(p, 'speaker', 'video') >= 20 and frames(p, 'speaker', 'audio') >= 20
                                     for p in receivers), 'every receiver gets video and audio')

        # the next periodic keyframe is an hour away: the late joiner decodes video only through its keyframe request
        late = Peer('late', send=False)
        await join(sup, late)
        receivers.append(late)
        await eventually(lambda: frames(late, 'speaker', 'video') >= 1, 'the late joiner decodes video')

        stats = await sup.stats(HEARING)
        assert set(stats) == {'speaker', 'r0', 'r1', 'r2', 'late'}
        assert stats['speaker']['state'] == 'connected'
        assert stats['speaker']['fps_received'] > 5
        assert stats['r0']['fps_sent'] > 5 and stats['r0']['packets_sent'] > 0
        assert isinstance(stats['r0']['packets_lost'], int)
        assert stats['r0']['rtt'] is None or stats['r0']['rtt'] >= 0
        assert {e['participant_id'] for e in events.named('participant_connected')} >= {'speaker', 'r0', 'late'}
        levels = events.named('audio_levels')
        assert levels and levels[-1]['levels']['speaker']['speaking']
    finally:
        for peer in [speaker, *receivers]:
            await peer.close()


async def test_participants_who_send_and_receive_see_each_other_without_renegotiation(supervisor) -> None:
    sup, _events = supervisor
    peers = [Peer(f'p{i}', send=True, slots=3) for i in range(3)]
    follow_slots(sup, peers)
    try:
        for peer in peers:
            await join(sup, peer)

        def everyone_sees_everyone() -> bool:
            return all(frames(p, q.participant_id, 'video') >= 5
                       for p in peers for q in peers if q is not p)
        await eventually(everyone_sees_everyone, 'everyone sees everyone')
        await sup.leave(HEARING, 'p2')
        await eventually(lambda: all(s['participant_id'] != 'p2' for s in peers[0].slot_map), 'p2 left the slots')
    finally:
        for peer in peers:
            await peer.close()


async def test_muting_a_participant_stops_their_audio(supervisor) -> None:
    sup, _events = supervisor
    speaker = Peer('speaker', send=True, slots=0)
    listener = Peer('listener', send=False)
    try:
        await join(sup, speaker, receive=False)
        await join(sup, listener)
        await eventually(lambda: frames(listener, 'speaker', 'audio') >= 20, 'the listener hears the speaker')
        await sup.mute(HEARING, 'speaker', True)

        async def video_goes_on_without_audio() -> bool:
            # silence shows only over time: watch the stream for a second
            before_audio, before_video = frames(listener, 'speaker', 'audio'), frames(listener, 'speaker', 'video')
            await asyncio.sleep(1.0)
            return (frames(listener, 'speaker', 'audio') - before_audio <= 2
                    and frames(listener, 'speaker', 'video') - before_video >= 5)
        await eventually(video_goes_on_without_audio, 'muted: video goes on, audio stops')
        assert (await sup.stats(HEARING))['speaker']['muted'] is True
        await sup.mute(HEARING, 'speaker', False)
        resumed = frames(listener, 'speaker', 'audio')
        await eventually(lambda: frames(listener, 'speaker', 'audio') >= resumed + 10, 'unmuted: heard again')
    finally:
        await speaker.close()
        await listener.close()


async def test_a_killed_worker_is_restarted_and_reported(supervisor) -> None:
    sup, events = supervisor
    assert (await sup.ping(HEARING))['pong'] is True
    pid = sup.worker_pid(HEARING)
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    await eventually(lambda: events.named('worker_restarted'), 'the worker restarted')
    restarted = events.named('worker_restarted')[0]
    assert restarted['hearing_id'] == HEARING and restarted['pid'] != pid
    assert events.named('worker_died')[0]['returncode'] == -signal.SIGKILL
    assert sup.restarts[HEARING] == 1
    assert (await sup.ping(HEARING))['participants'] == []

    # participants reconnect by joining again
    speaker, listener = Peer('speaker', send=True, slots=0), Peer('listener', send=False)
    try:
        await join(sup, speaker, receive=False)
        await join(sup, listener)
        await eventually(lambda: frames(listener, 'speaker', 'video') >= 5, 'video after the restart')
    finally:
        await speaker.close()
        await listener.close()


async def test_of_two_overlapping_joins_of_one_participant_the_later_one_stays(supervisor) -> None:
    # a page that calls again while its previous call is still being answered (the worker restarted as the
    # connection failed): the earlier join, replaced mid-way, must not take the later one down with it
    sup, _events = supervisor
    first, second = Peer('speaker', send=True, slots=0), Peer('speaker', send=True, slots=0)
    listener = Peer('listener', send=False)
    try:
        offers = [await first.offer(), await second.offer()]
        results = await asyncio.gather(*(sup.join(HEARING, 'speaker', offer, receive=False) for offer in offers),
                                       return_exceptions=True)
        assert not isinstance(results[1], BaseException), results[1]
        await second.accept(results[1])
        await join(sup, listener)
        await eventually(lambda: frames(listener, 'speaker', 'video') >= 5, 'the later connection is seen')
        assert (await sup.ping(HEARING))['participants'] == ['listener', 'speaker']
    finally:
        for peer in (first, second, listener):
            await peer.close()


async def test_a_request_pending_when_the_worker_dies_fails_with_worker_restarted(supervisor) -> None:
    sup, _events = supervisor
    await sup.ping(HEARING)
    pid = sup.worker_pid(HEARING)
    assert pid is not None
    os.kill(pid, signal.SIGSTOP)  # the request is stuck until the kill
    pending = asyncio.create_task(sup.ping(HEARING))
    await eventually(lambda: sup._workers[HEARING].pending, 'the ping is sent and unanswered')
    os.kill(pid, signal.SIGKILL)
    with pytest.raises(WorkerRestarted):
        await pending


def worker_pids(hearing_id: str) -> set[int]:
    """This process's media workers for the hearing, read from /proc (those started but not yet READY too)."""
    pids = set()
    for entry in Path('/proc').iterdir():
        with contextlib.suppress(OSError):
            if entry.name.isdigit() and int((entry / 'stat').read_text().rsplit(')', 1)[1].split()[1]) == os.getpid():
                command = (entry / 'cmdline').read_bytes().split(b'\0')
                if b'conferencing.worker' in command and hearing_id.encode() in command:
                    pids.add(int(entry.name))
    return pids


async def test_stopping_while_a_dead_worker_is_being_replaced_leaves_nothing_running(supervisor) -> None:
    # stop_all used to miss a restart under way: it returned, the new worker started behind it, and the event loop,
    # cancelling the half-started subprocess at close, waited forever (the suite hung in this test file's teardown)
    sup, _events = supervisor
    await sup.ping(HEARING)
    pid = sup.worker_pid(HEARING)
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    await eventually(lambda: worker_pids(HEARING) - {pid}, 'the replacement worker is being started')
    replacement = worker_pids(HEARING) - {pid}
    await sup.stop_all()
    assert sup.hearings() == []
    left = [task for task in asyncio.all_tasks()
            if getattr(task.get_coro(), '__qualname__', '').startswith('MediaSupervisor.') and not task.done()]
    assert left == []
    assert worker_pids(HEARING) == set(), f'still running: {worker_pids(HEARING)} (replacement {replacement})'


async def test_a_bad_offer_gets_an_error_and_the_worker_carries_on(supervisor) -> None:
    sup, _events = supervisor
    from conferencing.supervisor import WorkerError
    with pytest.raises(WorkerError):
        await sup.join(HEARING, 'x', {'sdp': 'not sdp', 'type': 'offer'})
    assert (await sup.ping(HEARING))['participants'] == []


async def test_record_requests_switch_recording_and_reject_a_bad_series(supervisor, tmp_path) -> None:
    sup, _events = supervisor
    from conferencing.supervisor import WorkerError
    assert (await sup.ping(HEARING))['recording'] is False
    with pytest.raises(WorkerError):
        await sup.request(HEARING, 'record', on=True, dir=str(tmp_path), series='../escape')
    started = await sup.record(HEARING, True, tmp_path, 'series-1')
    assert started == {'recording': True, 'series': 'series-1', 'dir': str(tmp_path.resolve())}
    assert (await sup.record(HEARING, True, tmp_path, 'series-1'))['recording'] is True  # the same: no change
    ping = await sup.ping(HEARING)
    assert ping['recording'] is True and ping['series'] == 'series-1'
    assert await sup.record(HEARING, False) == {'recording': False, 'closed': 0}  # nobody sent media yet
    assert (await sup.ping(HEARING))['recording'] is False
