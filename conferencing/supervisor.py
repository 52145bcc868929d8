"""The web process's side of the media workers: one :mod:`conferencing.worker` process per hearing, started on
demand, spoken to over a websocket, restarted when it dies.

Everything here is asyncio and never blocks the event loop: the worker is an ``asyncio`` subprocess, its
``READY <port>`` line is awaited with a timeout, requests are futures resolved by a reader task.

When a worker dies (crash, SIGKILL), pending requests fail with :class:`WorkerRestarted`, the event callbacks get
``{"event": "worker_died", "hearing_id", "returncode"}``, a new worker is started (after a short back-off if it
keeps dying), and the callbacks get ``{"event": "worker_restarted", "hearing_id", "pid", "restarts"}``: every
participant of that hearing must send a new offer (``join``) — their old peer connections are gone.

Recording (:meth:`MediaSupervisor.record`) is state of the worker's memory: after ``worker_restarted`` the web process
must send ``record`` again, with a new series, if the hearing was being recorded.

Worker events (see :mod:`conferencing.worker`) reach the callbacks as ``callback(hearing_id, event)``; a callback
may be a plain function or a coroutine function.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import itertools
import json
import logging
import os
import socket
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import websockets
from websockets.asyncio.client import ClientConnection, connect

logger = logging.getLogger(__name__)

EventCallback = Callable[[str, dict[str, Any]], Awaitable[None] | None]
PROJECT_ROOT = Path(__file__).resolve().parent.parent


class WorkerError(RuntimeError):
    """The worker answered a request with an error."""


class WorkerRestarted(RuntimeError):
    """The worker died while a request was pending (or could not be reached); it is being restarted."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return int(s.getsockname()[1])


@dataclass
class WorkerHandle:
    hearing_id: str
    process: asyncio.subprocess.Process
    port: int
    connection: ClientConnection
    pending: dict[int, asyncio.Future[dict[str, Any]]] = field(default_factory=dict)
    tasks: list[asyncio.Task[None]] = field(default_factory=list)
    stopping: bool = False

    @property
    def pid(self) -> int:
        return self.process.pid


class MediaSupervisor:
    """Starts, talks to, restarts and stops the media workers of the hearings."""

    def __init__(self, *, ice_servers: list[dict[str, Any]] | None = None, keyframe_interval: float = 2.0,
                 request_timeout: float = 20.0, start_timeout: float = 20.0, python: str = sys.executable,
                 log_level: str = 'WARNING', segment_seconds: float | None = None) -> None:
        self.ice_servers = ice_servers
        self.segment_seconds = segment_seconds
        self.keyframe_interval = keyframe_interval
        self.request_timeout = request_timeout
        self.start_timeout = start_timeout
        self.python = python
        self.log_level = log_level
        self.restarts: dict[str, int] = {}
        self._workers: dict[str, WorkerHandle] = {}
        self._starting: dict[str, asyncio.Task[WorkerHandle]] = {}
        self._restarting: set[asyncio.Task[Any]] = set()
        self._callbacks: list[EventCallback] = []
        self._ids = itertools.count(1)
        self._closed = False

    # events

    def on_event(self, callback: EventCallback) -> None:
        self._callbacks.append(callback)

    async def _dispatch(self, hearing_id: str, event: dict[str, Any]) -> None:
        for callback in list(self._callbacks):
            try:
                result = callback(hearing_id, event)
                if inspect.isawaitable(result):
                    await result
            except Exception:
                logger.exception('event callback failed for %s', event.get('event'))

    # workers

    def worker_pid(self, hearing_id: str) -> int | None:
        handle = self._workers.get(hearing_id)
        return handle.pid if handle else None

    def hearings(self) -> list[str]:
        return sorted(self._workers)

    async def ensure_worker(self, hearing_id: str) -> WorkerHandle:
        if self._closed:
            raise RuntimeError('the supervisor is shut down')
        handle = self._workers.get(hearing_id)
        if handle is not None and handle.process.returncode is None:
            return handle
        starting = self._starting.get(hearing_id)
        if starting is None:
            starting = asyncio.create_task(self._start_worker(hearing_id), name=f'worker {hearing_id} start')
            self._starting[hearing_id] = starting
        # Shielded: a caller that gives up (a page closed mid-join) must not cancel a start that others wait for,
        # and a start is never cancelled half-way: asyncio (3.11) never returns from a create_subprocess_exec
        # cancelled together with its own pipe task, as happens when a loop closes. stop_all awaits starts instead.
        return await asyncio.shield(starting)

    async def _start_worker(self, hearing_id: str) -> WorkerHandle:
        try:
            handle = await self._start(hearing_id)
        finally:
            del self._starting[hearing_id]
        self._workers[hearing_id] = handle
        handle.tasks.append(asyncio.create_task(self._read(handle), name=f'worker {hearing_id} reader'))
        handle.tasks.append(asyncio.create_task(self._watch(handle), name=f'worker {hearing_id} watcher'))
        return handle

    async def _start(self, hearing_id: str) -> WorkerHandle:
        command = [self.python, '-m', 'conferencing.worker', '--hearing', hearing_id, '--port', str(free_port()),
                   '--keyframe-interval', str(self.keyframe_interval), '--log-level', self.log_level]
        if self.ice_servers:
            command += ['--ice-servers', json.dumps(self.ice_servers)]
        if self.segment_seconds:
            command += ['--segment-seconds', str(self.segment_seconds)]
        env = {**os.environ, 'PYTHONPATH': os.pathsep.join(filter(None, [str(PROJECT_ROOT),
                                                                            os.environ.get('PYTHONPATH')]))}
        process = await asyncio.create_subprocess_exec(*command, stdout=asyncio.subprocess.PIPE, env=env,
                                                       cwd=PROJECT_ROOT)
        try:
            assert process.stdout is not None
            line = await asyncio.wait_for(process.stdout.readline(), self.start_timeout)
            if not line.startswith(b'READY '):
                raise RuntimeError(f'media worker for {hearing_id} did not start (exit {await process.wait()})')
            port = int(line.split()[1])
            connection = await connect(f'ws://127.0.0.1:{port}', max_size=2**22, open_timeout=self.start_timeout)
        except BaseException:
            with contextlib.suppress(ProcessLookupError):
                process.kill()
            await process.wait()
            raise
        logger.info('media worker for hearing %s started (pid %d, port %d)', hearing_id, process.pid, port)
        return WorkerHandle(hearing_id, process, port, connection)

    async def _read(self, handle: WorkerHandle) -> None:
        try:
            async for raw in handle.connection:
                message = json.loads(raw)
                if 'event' in message and 'id' not in message:
                    await self._dispatch(handle.hearing_id, message)
                    continue
                future = handle.pending.pop(message.get('id'), None)
                if future is not None and not future.done():
                    future.set_result(message)
        except websockets.ConnectionClosed:
            pass
        except Exception:
            logger.exception('reading from media worker %s failed', handle.hearing_id)
        finally:
            self._fail_pending(handle, 'the media worker connection closed')

    @staticmethod
    def _fail_pending(handle: WorkerHandle, reason: str) -> None:
        for future in handle.pending.values():
            if not future.done():
                future.set_exception(WorkerRestarted(f'hearing {handle.hearing_id}: {reason}'))
        handle.pending.clear()

    async def _watch(self, handle: WorkerHandle) -> None:
        drain = asyncio.create_task(self._drain_stdout(handle))
        returncode = await handle.process.wait()
        drain.cancel()
        if handle.stopping or self._closed:
            return
        self._fail_pending(handle, f'the media worker exited ({returncode})')
        with contextlib.suppress(Exception):
            await handle.connection.close()
        logger.warning('media worker for hearing %s died (exit %s); restarting', handle.hearing_id, returncode)
        await self._dispatch(handle.hearing_id, {'event': 'worker_died', 'hearing_id': handle.hearing_id,
                                                 'returncode': returncode})
        if self._workers.get(handle.hearing_id) is handle:
            del self._workers[handle.hearing_id]
        count = self.restarts[handle.hearing_id] = self.restarts.get(handle.hearing_id, 0) + 1
        restart = asyncio.current_task()
        assert restart is not None
        self._restarting.add(restart)  # no longer the task of a live worker: stop_all finds it here
        try:
            await self._restart(handle.hearing_id, count)
        finally:
            self._restarting.discard(restart)

    async def _restart(self, hearing_id: str, count: int) -> None:
        delay = min(10.0, 0.25 * 2 ** min(count - 1, 6)) if count > 3 else 0.0
        while not self._closed:
            await asyncio.sleep(delay)
            try:
                new = await self.ensure_worker(hearing_id)
            except Exception:
                logger.exception('restarting the media worker for hearing %s failed', hearing_id)
                delay = min(10.0, max(0.5, delay * 2))
                continue
            await self._dispatch(hearing_id, {'event': 'worker_restarted', 'hearing_id': hearing_id,
                                              'pid': new.pid, 'restarts': count})
            return

    @staticmethod
    async def _drain_stdout(handle: WorkerHandle) -> None:
        stream = handle.process.stdout
        if stream is not None:
            while await stream.readline():
                pass

    # requests

    async def request(self, hearing_id: str, kind: str, **fields: Any) -> dict[str, Any]:
        """Send one request to the hearing's worker (started if needed) and return its response."""
        handle = await self.ensure_worker(hearing_id)
        request_id = next(self._ids)
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        handle.pending[request_id] = future
        try:
            await handle.connection.send(json.dumps({'id': request_id, 'type': kind, **fields}))
            response = await asyncio.wait_for(future, self.request_timeout)
        except websockets.ConnectionClosed as exc:
            raise WorkerRestarted(f'hearing {hearing_id}: the media worker is gone') from exc
        finally:
            handle.pending.pop(request_id, None)
        if 'error' in response:
            raise WorkerError(response['error'])
        response.pop('id', None)
        return response

    async def join(self, hearing_id: str, participant_id: str, offer: dict[str, str], *, receive: bool = True,
                   send: bool = True) -> dict[str, Any]:
        """The worker's ``{"answer": {"sdp", "type"}, "slots": [...], "version"}`` for a participant's offer."""
        return await self.request(hearing_id, 'join', participant_id=participant_id, offer=offer, receive=receive,
                                  send=send)

    async def leave(self, hearing_id: str, participant_id: str) -> bool:
        if hearing_id not in self._workers:
            return False
        return bool((await self.request(hearing_id, 'leave', participant_id=participant_id))['left'])

    async def mute(self, hearing_id: str, participant_id: str, muted: bool = True) -> None:
        await self.request(hearing_id, 'mute', participant_id=participant_id, muted=muted)

    async def stats(self, hearing_id: str) -> dict[str, dict[str, Any]]:
        if hearing_id not in self._workers:
            return {}
        return dict((await self.request(hearing_id, 'stats'))['participants'])

    async def ping(self, hearing_id: str) -> dict[str, Any]:
        return await self.request(hearing_id, 'ping')

    async def record(self, hearing_id: str, on: bool, dir: str | os.PathLike[str] | None = None,
                     series: str | None = None, *, segment_seconds: float | None = None) -> dict[str, Any]:
        """Start (``on``, with ``dir`` and ``series``) or stop recording the hearing's sources.

        On: ``{"recording": true, "series", "dir"}``. Off: ``{"recording": false, "closed": n}``, after the
        ``segment_closed`` events of the last segments. Stopping a hearing without a worker is a no-op."""
        if not on:
            if hearing_id not in self._workers:
                return {'recording': False, 'closed': 0}
            return await self.request(hearing_id, 'record', on=False)
        if dir is None or not series:
            raise ValueError('recording needs a dir and a series')
        fields: dict[str, Any] = {'on': True, 'dir': str(Path(dir).resolve()), 'series': series}
        if segment_seconds:
            fields['segment_seconds'] = segment_seconds
        return await self.request(hearing_id, 'record', **fields)

    # shutdown

    async def stop_worker(self, hearing_id: str, timeout: float = 5.0) -> None:
        handle = self._workers.pop(hearing_id, None)
        if handle is None:
            return
        handle.stopping = True
        with contextlib.suppress(Exception):
            await handle.connection.close()
        if handle.process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                handle.process.terminate()
            try:
                await asyncio.wait_for(handle.process.wait(), timeout)
            except TimeoutError:
                with contextlib.suppress(ProcessLookupError):
                    handle.process.kill()
                await handle.process.wait()
        self._fail_pending(handle, 'the media worker was stopped')
        for task in handle.tasks:
            task.cancel()
        await asyncio.gather(*handle.tasks, return_exceptions=True)
        logger.info('media worker for hearing %s stopped', hearing_id)

    async def stop_all(self) -> None:
        """Stop every worker; afterwards no worker process and no task of the supervisor is left running."""
        self._closed = True
        for task in self._restarting:
            task.cancel()  # each waits on a back-off sleep or on a shielded start: both safe to cancel
        await asyncio.gather(*self._restarting, *self._starting.values(), return_exceptions=True)
        await asyncio.gather(*(self.stop_worker(h) for h in list(self._workers)))
