"""The media worker: one process per hearing, running aiortc, signalled by the web process over a websocket.

Run: ``python -m conferencing.worker --hearing ID --port PORT [--ice-servers JSON] [--keyframe-interval S]
[--segment-seconds S]``.
It listens on ``ws://127.0.0.1:PORT``, prints ``READY <port>`` on stdout once listening, and stops on SIGTERM.

**How a participant's offer must look (receive slots, no renegotiation).** Every participant negotiates once:

- what it publishes (``send``): one ``sendonly`` audio and one ``sendonly`` video transceiver (camera, microphone);
  a ``sendrecv`` transceiver is treated the same (the worker answers ``recvonly`` for it);
- what it receives (``receive``): a fixed number of *receive slots*, each one ``recvonly`` audio plus one
  ``recvonly`` video transceiver, created before the offer (``pc.addTransceiver('video', {direction:
  'recvonly'})``); the k-th recvonly audio and the k-th recvonly video m-line form slot k. Eight slots
  (:data:`SUGGESTED_SLOTS`) cover a hearing's four points with room to spare.

The worker answers ``sendonly`` for every slot and puts a :class:`~conferencing.forwarding.ForwardedTrack` on each
sender at once. When another participant's camera and microphone appear, the worker attaches them to a free slot
of every receiver (the track switches source; no ``replaceTrack``, no new offer) and the receiver gets a keyframe
within a fraction of a second; when they leave, the slot goes quiet and is reused. The browser's ``ontrack`` fires
for every slot at ``setRemoteDescription(answer)``; the page learns which participant is in which slot from the
join response's ``slots`` and from ``slots`` events (by ``mid``). Browsers handle this reliably: nothing is ever
renegotiated, so there is no glare and no race with ICE. Video is always VP8 (the browser offers only VP8 for its
slots, and the worker refuses an offer that prefers another codec: conferencing.offers), audio Opus.

**Protocol.** JSON text messages. Requests carry an ``id`` and a ``type``; each gets one response with the same
``id``, holding either the result's fields or ``"error": str``:

- ``{"id", "type": "join", "participant_id", "offer": {"sdp", "type"}, "receive": bool, "send": bool}`` →
  ``{"id", "answer": {"sdp", "type"}, "slots": [slot, ...], "version": [int, int]}``; joining again with the same
  id replaces the old connection (a reconnect).
- ``{"id", "type": "leave", "participant_id"}`` → ``{"id", "left": bool}``
- ``{"id", "type": "mute", "participant_id", "muted": bool}`` → ``{"id", "participant_id", "muted": bool}``
- ``{"id", "type": "stats"[, "participant_id"]}`` → ``{"id", "participants": {pid: {"state", "rtt",
  "packets_lost", "fps_sent", "fps_received", "muted", "packets_sent", "packets_received"}}}``; ``rtt`` in seconds
  or null until measured; frame rates averaged since the previous ``stats`` request (or the join).
- ``{"id", "type": "ping"}`` → ``{"id", "pong": true, "hearing_id", "participants": [pid, ...], "recording": bool,
  "series": str|null}``
- ``{"id", "type": "record", "on": true, "dir": str, "series": str[, "segment_seconds": float]}`` →
  ``{"id", "recording": true, "series", "dir"}``: records every current and future source (each participant's
  audio and video) into ``dir/<participant_id>/<series>/<seq:05d>.webm`` segments (``--segment-seconds``, default
  10 s, unless the request says otherwise) by muxing the shared encoders' packets, see
  :mod:`conferencing.recorder`. ``dir`` should be absolute (a relative one is taken from the worker's working
  directory); ``series`` is one path component chosen by the caller (a timestamp and a counter). Sent again with
  the same ``dir`` and ``series`` it changes nothing; with another, the open segments are closed first and
  recording goes on in the new series.
- ``{"id", "type": "record", "on": false}`` → ``{"id", "recording": false, "closed": n}`` once every open segment is
  closed, on disk and announced (its ``segment_closed`` event is sent before this response); ``n`` segments were
  closed by this request.

Recording lives in the worker's memory only: a worker that died and was restarted records nothing until the web
process sends ``record`` again, which it should do with a NEW series (the killed worker's last segment is lost, its
``.partial`` file is left, and the record shows a gap). A participant who leaves while recording has its open
segment closed; a reconnect continues the same series with the next ``seq``.

A slot is ``{"index": int, "audio_mid": str|null, "video_mid": str|null, "participant_id": str|null}``.

Events, sent to every connected client without an ``id``:

- ``{"event": "participant_state", "participant_id", "state"}`` on every connection state change, and
  ``{"event": "participant_connected" | "participant_disconnected", "participant_id"}`` when it becomes
  ``connected``, or when it leaves (``leave``, a reconnect, or ``failed``/``closed``: a failed participant is
  dropped, its media with it);
- ``{"event": "slots", "participant_id", "slots": [slot, ...], "version": [int, int]}`` when a receiver's slots
  change. The answer and the events travel separately and may arrive in either order (an event about a participant
  who joined while this one's answer was on its way can come first): a client keeps the slots of the highest
  ``version`` (compared as a list: the worker's start time in ns, then a counter), whichever way they came;
- ``{"event": "audio_levels", "levels": {pid: {"level": 0..1, "speaking": bool}}}`` four times a second;
- ``{"event": "segment_closed", "participant_id", "series", "seq", "path", "sha256", "bytes", "started_at",
  "ended_at", "duration", "kinds"}`` when a recorded segment is complete on disk (``path`` relative to the record
  ``dir``; times in unix seconds; see :mod:`conferencing.recorder`), and ``{"event": "recording_error",
  "participant_id", "series", "seq", "error"}`` when one could not be written.

Clients must BUNDLE all m-lines (browsers do; an aiortc client needs ``bundlePolicy=MAX_BUNDLE``).

**ICE.** ``RTCConfiguration(iceServers=[], bundlePolicy=MAX_BUNDLE)`` (host candidates only; enough on a court's
LAN) unless
``--ice-servers`` gives a JSON list like ``[{"urls": "turn:turn.court.example:3478", "username": "u",
"credential": "p"}]`` for a coturn server (``turnserver`` with ``lt-cred-mech`` and a user) when remote sites
sit behind NAT; the browsers must be given the same list.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import logging
import signal
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import websockets
from aiortc import RTCBundlePolicy, RTCConfiguration, RTCIceServer, RTCPeerConnection, RTCSessionDescription
from aiortc.rtcrtptransceiver import RTCRtpTransceiver
from websockets.asyncio.server import ServerConnection, broadcast, serve

from conferencing.forwarding import ForwardedTrack, Forwarder, ForwardingSettings, route_keyframe_requests
from conferencing.offers import check_receives_vp8, media_sections
from conferencing.recorder import SEGMENT_SECONDS, Recorder

logger = logging.getLogger(__name__)

SUGGESTED_SLOTS = 8
LEVEL_INTERVAL = 0.25
SPEAKING_LEVEL = 0.01  # RMS, about -40 dBFS


@dataclass
class Slot:
    index: int
    audio: RTCRtpTransceiver | None = None
    video: RTCRtpTransceiver | None = None
    audio_track: ForwardedTrack | None = None
    video_track: ForwardedTrack | None = None
    participant_id: str | None = None

    def describe(self) -> dict[str, Any]:
        return {'index': self.index, 'audio_mid': self.audio.mid if self.audio else None,
                'video_mid': self.video.mid if self.video else None, 'participant_id': self.participant_id}


@dataclass
class RateMeter:
    """Frames per second of a growing counter, between successive reads."""

    last_count: int = 0
    last_time: float = field(default_factory=time.monotonic)

    def rate(self, count: int) -> float:
        now = time.monotonic()
        elapsed = now - self.last_time
        value = (count - self.last_count) / elapsed if elapsed > 0 else 0.0
        self.last_count, self.last_time = count, now
        return round(value, 1)


@dataclass
class Participant:
    id: str
    pc: RTCPeerConnection
    send: bool
    receive: bool
    slots: list[Slot] = field(default_factory=list)
    sent_meter: RateMeter = field(default_factory=RateMeter)
    received_meter: RateMeter = field(default_factory=RateMeter)


def _parse_ice_servers(raw: str | None) -> list[RTCIceServer]:
    if not raw:
        return []
    servers = []
    for entry in json.loads(raw):
        servers.append(RTCIceServer(urls=entry['urls'], username=entry.get('username'),
                                    credential=entry.get('credential')))
    return servers


class MediaWorker:
    """The hearing's peer connections, forwarder, and the websocket clients that control them."""

    def __init__(self, hearing_id: str, ice_servers: list[RTCIceServer] | None = None,
                 settings: ForwardingSettings | None = None, segment_seconds: float = SEGMENT_SECONDS) -> None:
        self.hearing_id = hearing_id
        self.segment_seconds = segment_seconds
        self.recorder: Recorder | None = None
        self._record_lock = asyncio.Lock()
        self.ice_servers = ice_servers or []
        self.forwarder = Forwarder(settings or ForwardingSettings())
        self.participants: dict[str, Participant] = {}
        # one join or leave of a participant at a time: a page calls again while its previous call is still being
        # answered (the worker restarted as the connection failed), and two half-made connections must not mix
        self._participant_locks: defaultdict[str, asyncio.Lock] = defaultdict(asyncio.Lock)
        self.clients: set[ServerConnection] = set()
        # every description of slots is numbered, so a client can tell the newest (a restarted worker's come later)
        self._slots_version = (time.time_ns(), itertools.count(1))
        self._level_task: asyncio.Task[None] | None = None

    # events

    def emit(self, event: dict[str, Any]) -> None:
        if self.clients:
            broadcast(self.clients, json.dumps(event))

    def _slots(self, participant: Participant) -> dict[str, Any]:
        started, counter = self._slots_version
        return {'slots': [s.describe() for s in participant.slots], 'version': [started, next(counter)]}

    def _emit_slots(self, participant: Participant) -> None:
        self.emit({'event': 'slots', 'participant_id': participant.id, **self._slots(participant)})

    async def _levels(self) -> None:
        while True:
            await asyncio.sleep(LEVEL_INTERVAL)
            levels = self.forwarder.audio_levels()
            if levels:
                self.emit({'event': 'audio_levels', 'levels': {
                    pid: {'level': round(level, 4), 'speaking': level >= SPEAKING_LEVEL}
                    for pid, level in levels.items()}})

    # requests

    async def handle(self, message: dict[str, Any]) -> dict[str, Any]:
        kind = message.get('type')
        if kind == 'join':
            participant_id = str(message['participant_id'])
            async with self._participant_locks[participant_id]:
                return await self.join(participant_id, message['offer'], receive=bool(message.get('receive', True)),
                                       send=bool(message.get('send', True)))
        if kind == 'leave':
            participant_id = str(message['participant_id'])
            async with self._participant_locks[participant_id]:
                return {'left': await self.leave(participant_id)}
        if kind == 'mute':
            participant_id, muted = str(message['participant_id']), bool(message.get('muted', True))
            self.forwarder.set_muted(participant_id, muted)
            return {'participant_id': participant_id, 'muted': muted}
        if kind == 'stats':
            wanted = message.get('participant_id')
            ids = [wanted] if wanted else list(self.participants)
            return {'participants': {pid: await self.stats(pid) for pid in ids if pid in self.participants}}
        if kind == 'ping':
            return {'pong': True, 'hearing_id': self.hearing_id, 'participants': sorted(self.participants),
                    'recording': self.recorder is not None,
                    'series': self.recorder.series if self.recorder else None}
        if kind == 'record':
            if message['on']:
                segment_seconds = message.get('segment_seconds')
                return await self.record_on(str(message['dir']), str(message['series']),
                                            float(segment_seconds) if segment_seconds else self.segment_seconds)
            return {'recording': False, 'closed': await self.record_off()}
        raise ValueError(f'unknown request type {kind!r}')

    async def record_on(self, directory: str, series: str, segment_seconds: float) -> dict[str, Any]:
        async with self._record_lock:
            current = self.recorder
            if current is not None and current.series == series and current.root == Path(directory).resolve() \
                    and current.segment_seconds == segment_seconds:
                return {'recording': True, 'series': series, 'dir': str(current.root)}
            recorder = Recorder(directory, series, emit=self.emit, segment_seconds=segment_seconds)
            if current is not None:
                self.recorder = None
                await current.stop()
            self.recorder = recorder
            recorder.sync(self.forwarder.sources())
            logger.info('hearing %s: recording into %s, series %s', self.hearing_id, recorder.root, series)
            return {'recording': True, 'series': series, 'dir': str(recorder.root)}

    async def record_off(self) -> int:
        async with self._record_lock:
            recorder, self.recorder = self.recorder, None
            if recorder is None:
                return 0
            closed = await recorder.stop()
            logger.info('hearing %s: recording stopped (%d segments closed)', self.hearing_id, closed)
            return closed

    async def join(self, participant_id: str, offer: dict[str, str], *, receive: bool, send: bool) -> dict[str, Any]:
        if participant_id in self.participants:
            await self.leave(participant_id)
        # max-bundle: with aiortc's default (balanced), a second transceiver of a kind keeps a transport that
        # BUNDLE then discards, and its media never flows
        pc = RTCPeerConnection(RTCConfiguration(iceServers=self.ice_servers, bundlePolicy=RTCBundlePolicy.MAX_BUNDLE))
        participant = Participant(participant_id, pc, send=send, receive=receive)
        self.participants[participant_id] = participant

        @pc.on('connectionstatechange')
        async def on_state() -> None:
            await self._on_state(participant)

        try:
            await pc.setRemoteDescription(RTCSessionDescription(sdp=offer['sdp'], type=offer['type']))
            sections = media_sections(offer['sdp'])
            incoming: list[RTCRtpTransceiver] = []
            slot_audio: list[RTCRtpTransceiver] = []
            slot_video: list[RTCRtpTransceiver] = []
            for transceiver in pc.getTransceivers():
                section = sections.get(transceiver.mid or '')
                if section is None:
                    continue
                if section.browser_sends:
                    incoming.append(transceiver)
                elif section.direction == 'recvonly':
                    if transceiver.kind == 'video':
                        check_receives_vp8(section)
                    (slot_audio if transceiver.kind == 'audio' else slot_video).append(transceiver)
            for transceiver in incoming:
                transceiver.direction = 'recvonly' if send else 'inactive'
                if send:
                    self.forwarder_add(participant_id, transceiver)
            if receive:
                count = max(len(slot_audio), len(slot_video))
                for index in range(count):
                    slot = Slot(index)
                    if index < len(slot_audio):
                        slot.audio = slot_audio[index]
                        slot.audio_track = self._slot_track(slot.audio)
                    if index < len(slot_video):
                        slot.video = slot_video[index]
                        slot.video_track = self._slot_track(slot.video)
                    participant.slots.append(slot)
            else:
                for transceiver in slot_audio + slot_video:
                    transceiver.direction = 'inactive'
            if not pc.getTransceivers():
                raise ValueError('the offer has no audio or video')
            answer = await pc.createAnswer()
            await pc.setLocalDescription(answer)
            if self.recorder is not None:
                self.recorder.sync(self.forwarder.sources())
        except Exception:
            await self.leave(participant_id, only=participant)
            raise
        # others' media into this participant's slots, this participant's media into the others'
        for other in self.participants.values():
            if other.id != participant_id:
                self._fill_slot(participant, other.id)
                if self._fill_slot(other, participant_id):
                    self._emit_slots(other)
        local = pc.localDescription
        logger.info('hearing %s: %s joined (send=%s, receive=%s, %d slots)', self.hearing_id, participant_id,
                    send, receive, len(participant.slots))
        return {'answer': {'sdp': local.sdp, 'type': local.type}, **self._slots(participant)}

    def forwarder_add(self, participant_id: str, transceiver: RTCRtpTransceiver) -> None:
        track = transceiver.receiver.track
        if track is None:
            return
        if self.forwarder.source(participant_id, track.kind) is None:
            self.forwarder.add_source(participant_id, track)
        else:
            logger.warning('%s offers more than one %s track; only the first is forwarded', participant_id,
                           track.kind)

    @staticmethod
    def _slot_track(transceiver: RTCRtpTransceiver) -> ForwardedTrack:
        track = ForwardedTrack(transceiver.kind)
        transceiver.direction = 'sendonly'
        transceiver.sender.replaceTrack(track)
        route_keyframe_requests(transceiver.sender)
        return track

    def _fill_slot(self, receiver: Participant, source_id: str) -> bool:
        """Put ``source_id``'s media into a free slot of ``receiver``; True if a slot changed."""
        audio = self.forwarder.source(source_id, 'audio')
        video = self.forwarder.source(source_id, 'video')
        if not receiver.receive or (audio is None and video is None):
            return False
        if any(s.participant_id == source_id for s in receiver.slots):
            return False
        free = next((s for s in receiver.slots if s.participant_id is None), None)
        if free is None:
            logger.warning('no free receive slot at %s for %s', receiver.id, source_id)
            return False
        free.participant_id = source_id
        if free.audio_track is not None:
            free.audio_track.attach(audio)
        if free.video_track is not None:
            free.video_track.attach(video)
        return True

    async def leave(self, participant_id: str, *, only: Participant | None = None) -> bool:
        """The participant's connection closed and its media out of everyone's slots. With ``only``: that
        connection only, if it is still the participant's (a failed join must not take down the join that
        replaced it while it was under way)."""
        if only is not None and self.participants.get(participant_id) is not only:
            await only.pc.close()  # replaced meanwhile: the one in its place stays
            return False
        participant = self.participants.pop(participant_id, None)
        if participant is None:
            return False
        for other in self.participants.values():
            changed = False
            for slot in other.slots:
                if slot.participant_id == participant_id:
                    slot.participant_id = None
                    for track in (slot.audio_track, slot.video_track):
                        if track is not None:
                            track.attach(None)
                    changed = True
            if changed:
                self._emit_slots(other)
        if self.recorder is not None:
            self.recorder.remove_participant(participant_id)  # its open segment closes in the writer thread
        await self.forwarder.remove_participant(participant_id)
        for slot in participant.slots:
            for track in (slot.audio_track, slot.video_track):
                if track is not None:
                    track.stop()
        await participant.pc.close()
        self.emit({'event': 'participant_disconnected', 'participant_id': participant_id})
        logger.info('hearing %s: %s left', self.hearing_id, participant_id)
        return True

    async def _on_state(self, participant: Participant) -> None:
        state = participant.pc.connectionState
        if self.participants.get(participant.id) is not participant:
            return  # an old connection, replaced by a reconnect
        self.emit({'event': 'participant_state', 'participant_id': participant.id, 'state': state})
        if state == 'connected':
            self.emit({'event': 'participant_connected', 'participant_id': participant.id})
        elif state in ('failed', 'closed'):
            await self.leave(participant.id, only=participant)

    async def stats(self, participant_id: str) -> dict[str, Any]:
        participant = self.participants[participant_id]
        report = await participant.pc.getStats()
        rtts: list[float] = []
        lost = 0
        packets_sent = packets_received = 0
        for stat in report.values():
            if stat.type == 'remote-inbound-rtp':
                lost += max(0, stat.packetsLost or 0)
                if stat.roundTripTime is not None:
                    rtts.append(stat.roundTripTime)
            elif stat.type == 'inbound-rtp':
                lost += max(0, stat.packetsLost or 0)
                packets_received += stat.packetsReceived or 0
            elif stat.type == 'outbound-rtp':
                packets_sent += stat.packetsSent or 0
        video_source = self.forwarder.source(participant_id, 'video')
        frames_received = video_source.counters.frames_in if video_source else 0
        frames_sent = sum(s.video_track.packets_sent for s in participant.slots if s.video_track is not None)
        return {
            'state': participant.pc.connectionState,
            'rtt': round(max(rtts), 4) if rtts else None,
            'packets_lost': lost,
            'packets_sent': packets_sent,
            'packets_received': packets_received,
            'fps_received': participant.received_meter.rate(frames_received),
            'fps_sent': participant.sent_meter.rate(frames_sent),
            'muted': self.forwarder.is_muted(participant_id),
        }

    # websocket

    async def serve_client(self, connection: ServerConnection) -> None:
        self.clients.add(connection)
        tasks: set[asyncio.Task[None]] = set()
        try:
            async for raw in connection:
                task = asyncio.create_task(self._answer(connection, raw))
                tasks.add(task)
                task.add_done_callback(tasks.discard)
        except websockets.ConnectionClosed:
            pass
        finally:
            self.clients.discard(connection)

    async def _answer(self, connection: ServerConnection, raw: str | bytes) -> None:
        request_id = None
        try:
            message = json.loads(raw)
            request_id = message.get('id')
            response = {'id': request_id, **await self.handle(message)}
        except Exception as exc:
            logger.exception('request failed')
            response = {'id': request_id, 'error': f'{type(exc).__name__}: {exc}'}
        with contextlib.suppress(websockets.ConnectionClosed):
            await connection.send(json.dumps(response))

    async def run(self, port: int) -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, stop.set)
        self._level_task = asyncio.create_task(self._levels())
        async with serve(self.serve_client, '127.0.0.1', port, max_size=2**22) as server:
            bound = next(iter(server.sockets)).getsockname()[1]
            print(f'READY {bound}', flush=True)
            logger.info('media worker for hearing %s on ws://127.0.0.1:%d', self.hearing_id, bound)
            await stop.wait()
        await self.close()

    async def close(self) -> None:
        if self._level_task is not None:
            self._level_task.cancel()
        await self.record_off()  # a stopped (not killed) worker leaves every segment complete
        for participant_id in list(self.participants):
            await self.leave(participant_id)
        await self.forwarder.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog='python -m conferencing.worker', description=__doc__.split('\n')[0])
    parser.add_argument('--hearing', required=True, help="the hearing's id")
    parser.add_argument('--port', type=int, required=True, help='port on 127.0.0.1 (0: any free port)')
    parser.add_argument('--ice-servers', default=None, help='JSON list of {"urls", "username", "credential"}')
    parser.add_argument('--keyframe-interval', type=float, default=2.0, help='seconds between keyframes')
    parser.add_argument('--segment-seconds', type=float, default=SEGMENT_SECONDS,
                        help='length of recorded segments (default %(default)s s)')
    parser.add_argument('--log-level', default='INFO')
    args = parser.parse_args(argv)
    logging.basicConfig(level=args.log_level, stream=sys.stderr,
                        format=f'%(asctime)s worker[{args.hearing}] %(levelname)s %(name)s: %(message)s')
    worker = MediaWorker(args.hearing, _parse_ice_servers(args.ice_servers),
                         ForwardingSettings(keyframe_interval=args.keyframe_interval),
                         segment_seconds=args.segment_seconds)
    asyncio.run(worker.run(args.port))


if __name__ == '__main__':
    main()
