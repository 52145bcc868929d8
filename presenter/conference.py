"""The hybrid hearing's live side in the web process, as pages and routes see it (``Conference``), with two
implementations: ``MediaConference``, the real one (``courtroom serve``), and ``NoMediaConference``, for runs
without media workers (the command line, the page tests), which refuses what needs media with ``no_media``.

The real one joins participants' browsers to their hearing's media worker (conferencing.MediaSupervisor) only
once they are admitted, keeps the worker in step with the roll call (a revoked or removed participant's media
stops at once, a mute reaches the worker), brings connection states and link quality back into the domain, and
watches each component point for an outage (courtroom.outages): the outage is audited and the clerk and judge
are prompted to suspend. When the worker cannot write a segment because the disk is full, recording is halted
(the worker stops writing, the domain enters it) and the clerk's and judge's pages say so (their outage prompt
follows ``Recordings.changed``)."""

from __future__ import annotations

import asyncio
import logging
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from conferencing.supervisor import MediaSupervisor
from courtroom import audit
from courtroom.errors import Forbidden, Unprocessable
from courtroom.events import Event
from courtroom.hearings import Hearings
from courtroom.outages import Outage, OutageWatch
from courtroom.participants import Participant, ParticipantRole, Participants, ParticipantState
from courtroom.points import Points
from courtroom.recordings import Recordings, Segment
from courtroom.screens import Screen
from courtroom.stages import Stage, StageChange, Stages
from courtroom.store import Store

logger = logging.getLogger(__name__)

STATS_EVERY_S = 2.0

__all__ = ['Conference', 'MediaConference', 'MediaEvent', 'NoMediaConference', 'Outage']


@dataclass(slots=True, frozen=True)
class MediaEvent:
    """A worker event for the participants' pages: slots changed, audio levels, the worker restarted."""

    hearing_id: int
    event: dict[str, Any]


class Conference(ABC):
    """What pages and routes may ask of the live media side. ``start`` and ``stop`` run on the server's loop."""

    def __init__(self, participants: Participants) -> None:
        self.participants = participants
        self.media_events: Event[MediaEvent] = Event()
        self.outages: Event[Outage] = Event()

    def start(self) -> None:  # noqa: B027 (a no-op unless the side has something to run)
        pass

    async def stop(self) -> None:  # noqa: B027
        pass

    @abstractmethod
    async def join(self, participant: Participant, offer: dict[str, str]) -> dict[str, Any]:
        """The worker's answer and slots for an admitted participant's offer; refused before admission."""

    @abstractmethod
    async def join_screen(self, screen: Screen, offer: dict[str, str]) -> dict[str, Any]:
        """A courtroom screen that shows the remote points: it receives every participant and sends nothing."""

    @abstractmethod
    async def left(self, participant: Participant) -> None:
        """The participant's last page is gone (tab or browser closed)."""

    @abstractmethod
    async def set_recording(self, hearing_id: int, on: bool, *, actor: str) -> None:
        """Start or stop recording the hearing."""

    def current_outages(self, hearing_id: int) -> list[Outage]:
        """The hearing's outages reported and not over yet (blocking)."""
        return []

    def people(self, hearing_id: int) -> dict[str, dict[str, str]]:
        """Who is who, for the pages' tiles: participant id → name and role (blocking)."""
        return {str(p.id): {'name': p.name, 'role': p.role.value} for p in self.participants.of_hearing(hearing_id)}


class NoMediaConference(Conference):
    """A server without its media side: the roll call works, media and recording are refused with ``no_media``."""

    async def join(self, participant: Participant, offer: dict[str, str]) -> dict[str, Any]:
        raise Unprocessable('no_media')

    async def join_screen(self, screen: Screen, offer: dict[str, str]) -> dict[str, Any]:
        raise Unprocessable('no_media')

    async def left(self, participant: Participant) -> None:
        await asyncio.to_thread(self.participants.set_connected, participant.id, False)

    async def set_recording(self, hearing_id: int, on: bool, *, actor: str) -> None:
        raise Unprocessable('no_media')


class MediaConference(Conference):
    def __init__(self, *, supervisor: MediaSupervisor, participants: Participants, hearings: Hearings,
                 points: Points, recordings: Recordings, stages: Stages, store: Store,
                 recordings_dir: Path) -> None:
        super().__init__(participants)
        self.supervisor = supervisor
        self.hearings = hearings
        self.points = points
        self.recordings = recordings
        self.stages = stages
        self.store = store
        self.recordings_dir = recordings_dir
        self.watch = OutageWatch()
        self._known: dict[int, tuple[ParticipantState, bool]] = {}  # participant → (state, muted) as last seen
        self._tasks: set[asyncio.Task[None]] = set()
        self._halting: set[int] = set()  # hearings whose recording is being halted
        self._unsubscribe: list[Callable[[], None]] = []
        supervisor.on_event(self._on_worker_event)

    # lifecycle (on NiceGUI's loop)

    def start(self) -> None:
        loop = asyncio.get_running_loop()

        def soon(make: Callable[[], Coroutine[Any, Any, None]]) -> None:
            try:
                loop.call_soon_threadsafe(lambda: self._spawn(make()))
            except RuntimeError:  # the loop has closed: the server is stopping
                pass

        self._unsubscribe = [
            self.participants.changed.subscribe(lambda hearing_id: soon(lambda: self._sync(hearing_id))),
            self.stages.changed.subscribe(lambda change: soon(lambda: self._on_stage(change))),
        ]
        self._spawn(self._watch(), name='conference watch')

    async def stop(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await self.supervisor.stop_all()

    def _spawn(self, coroutine: Coroutine[Any, Any, None], name: str | None = None) -> None:
        """Start a task this conference owns: kept until done, cancelled and awaited on stop."""
        task = asyncio.get_running_loop().create_task(coroutine, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._done)

    def _done(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            logger.error('conference task failed', exc_info=task.exception())

    # what the join page calls

    async def join(self, participant: Participant, offer: dict[str, str]) -> dict[str, Any]:
        current = await asyncio.to_thread(self.participants.get, participant.id)
        if not current.state.in_hearing:
            raise Forbidden('not_admitted')
        send = current.role is not ParticipantRole.OBSERVER
        answer = await self.supervisor.join(str(current.hearing_id), str(current.id), offer, receive=True, send=send)
        if current.muted:
            await self.supervisor.mute(str(current.hearing_id), str(current.id), True)
        return answer

    async def join_screen(self, screen: Screen, offer: dict[str, str]) -> dict[str, Any]:
        if not screen.show_video:
            raise Forbidden('video_audience', audience=screen.audience.value)
        return await self.supervisor.join(str(screen.hearing_id), f'screen-{screen.id}', offer, receive=True,
                                          send=False)

    async def left(self, participant: Participant) -> None:
        """Their media stops now, instead of when ICE gives up on the connection about 30 s later, so an outage is
        seen within its 10 s."""
        try:
            await self.supervisor.leave(str(participant.hearing_id), str(participant.id))
        except Exception:
            logger.exception('participant %s: the media worker could not let go', participant.id)
        await asyncio.to_thread(self.participants.set_connected, participant.id, False)

    def current_outages(self, hearing_id: int) -> list[Outage]:
        return self.watch.current(hearing_id)

    # recording (the worker writes the segments; the domain keeps their hashes in the audit chain)

    async def set_recording(self, hearing_id: int, on: bool, *, actor: str) -> None:
        if on:
            series = await asyncio.to_thread(self.recordings.start, hearing_id, actor=actor)
            await self._record_on(hearing_id, series)
        else:
            try:
                await self.supervisor.record(str(hearing_id), False)
            except Exception:
                logger.exception('hearing %s: the media worker could not close its segments', hearing_id)
            await asyncio.to_thread(self.recordings.stop, hearing_id, actor=actor)

    def folder(self, hearing_id: int) -> Path:
        return self.recordings_dir / str(hearing_id)

    async def _record_on(self, hearing_id: int, series: str) -> None:
        folder = self.folder(hearing_id)
        folder.mkdir(parents=True, exist_ok=True)
        await self.supervisor.record(str(hearing_id), True, dir=str(folder), series=series)

    async def _on_stage(self, change: StageChange) -> None:
        """A hearing set to record from opening to close starts and stops by itself."""
        hearing = await asyncio.to_thread(self.hearings.get, change.hearing_id)
        recording, _ = await asyncio.to_thread(self.recordings.state, change.hearing_id)
        try:
            if hearing.record_from_opening and change.stage is Stage.OPENING and not recording:
                await self.set_recording(change.hearing_id, True, actor='system')
            elif change.stage is Stage.CLOSED and recording:
                await self.set_recording(change.hearing_id, False, actor='system')
        except Exception:
            logger.exception('hearing %s: recording did not follow the stage', change.hearing_id)

    async def _on_segment(self, hearing_id: int, event: dict[str, Any]) -> None:
        path = Path(str(event['path']))
        try:
            relative = path.relative_to(self.folder(hearing_id))
        except ValueError:
            relative = path
        segment = Segment(hearing_id=hearing_id, source=str(event['participant_id']), series=str(event['series']),
                          seq=int(event['seq']), path=relative.as_posix(), sha256=str(event['sha256']),
                          bytes=int(event['bytes']), started_at=float(event['started_at']),
                          ended_at=float(event['ended_at']))
        await asyncio.to_thread(self.recordings.add_segment, segment)

    async def _halt(self, hearing_id: int, reason: str, error: str) -> None:
        """Recording cannot go on: the worker stops writing first (the disk takes nothing more), then the halt is
        entered. Each source's failed segment reports it; the first one halts."""
        if hearing_id in self._halting:
            return
        self._halting.add(hearing_id)
        try:
            if not (await asyncio.to_thread(self.recordings.state, hearing_id))[0]:
                return
            try:
                await self.supervisor.record(str(hearing_id), False)
            except Exception:
                logger.exception('hearing %s: the media worker could not stop recording', hearing_id)
            await asyncio.to_thread(self.recordings.halt, hearing_id, reason=reason, error=error)
        except Exception:
            logger.exception('hearing %s: recording could not be entered as halted (%s)', hearing_id, reason)
        finally:
            self._halting.discard(hearing_id)

    async def _on_restart(self, hearing_id: int) -> None:
        recording, _ = await asyncio.to_thread(self.recordings.state, hearing_id)
        if recording:
            series = await asyncio.to_thread(self.recordings.gap, hearing_id, reason='media worker restarted')
            await self._record_on(hearing_id, series)

    # keeping the worker in step with the roll call

    async def _sync(self, hearing_id: int) -> None:
        participants = await asyncio.to_thread(self.participants.of_hearing, hearing_id)
        for p in participants:
            before = self._known.get(p.id)
            self._known[p.id] = (p.state, p.muted)
            if str(hearing_id) not in self.supervisor.hearings():
                continue
            try:
                if p.state in (ParticipantState.REVOKED, ParticipantState.REFUSED) and before and before[0].in_hearing:
                    await self.supervisor.leave(str(hearing_id), str(p.id))
                elif before is not None and before[1] != p.muted:
                    await self.supervisor.mute(str(hearing_id), str(p.id), p.muted)
            except Exception:
                logger.exception('could not bring the media worker in step for participant %s', p.id)
        self.media_events.emit(MediaEvent(hearing_id, {'event': 'people', 'people': self.people(hearing_id)}))

    async def _on_worker_event(self, hearing_id: str, event: dict[str, Any]) -> None:
        kind = event.get('event')
        pid = event.get('participant_id')
        if pid is not None and not str(pid).isdigit():
            pid = None  # a courtroom screen (screen-{id}) is no participant of the roll call
        if kind == 'segment_closed':
            try:
                await self._on_segment(int(hearing_id), event)
            except Exception:
                logger.exception('hearing %s: a closed segment could not be entered', hearing_id)
            return
        if kind == 'recording_error' and event.get('disk_full'):  # its own task: it awaits the worker's answer,
            # which this worker's reader (awaiting this callback) would never read
            self._spawn(self._halt(int(hearing_id), 'disk_full', str(event.get('error', ''))), name='recording halt')
        if kind == 'worker_restarted':
            try:
                await self._on_restart(int(hearing_id))
            except Exception:
                logger.exception('hearing %s: recording could not go on after the restart', hearing_id)
        if kind in ('participant_connected', 'participant_disconnected') and pid is not None:
            try:
                await asyncio.to_thread(self.participants.set_connected, int(pid),
                                        kind == 'participant_connected')
            except Exception:
                logger.exception('participant %s: could not record %s', pid, kind)
        self.media_events.emit(MediaEvent(int(hearing_id), event))

    # link quality and outages

    async def _watch(self) -> None:
        while True:
            await asyncio.sleep(STATS_EVERY_S)
            try:
                await self._poll()
            except Exception:  # whatever it was, the next round runs: link figures and outages must not stop
                logger.exception('polling the media workers failed')

    async def _poll(self) -> None:
        # every hearing's worker at once, each given little time: one slow or restarting worker must not hold up
        # the others' link figures or outage checks
        hearings = self.supervisor.hearings()
        results = await asyncio.gather(*(asyncio.wait_for(self.supervisor.stats(h), STATS_EVERY_S)
                                         for h in hearings), return_exceptions=True)
        for stats in results:
            if isinstance(stats, dict):
                for pid, values in stats.items():
                    if pid.isdigit():  # participants; a courtroom screen joins as screen-{id}
                        self.participants.report_stats(int(pid), values)
        await asyncio.to_thread(self._check_outages)

    def _check_outages(self) -> None:
        now = time.time()
        for hearing_id in {int(h) for h in self.supervisor.hearings()}:
            changes = self.watch.check(hearing_id, self.points.of_hearing(hearing_id),
                                       self.participants.of_hearing(hearing_id), now)
            for outage in changes:
                self._audit(hearing_id, 'point_restored' if outage.over else 'point_outage', outage.point_id,
                            outage.since)
                self.outages.emit(outage)

    def _audit(self, hearing_id: int, action: str, point_id: int, since: float) -> None:
        with self.store.transaction() as db:
            audit.append(db, hearing_id, 'system', action, {'point_id': point_id, 'since': since})
