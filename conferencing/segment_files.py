"""Writing segment files: muxing each segment's packets into ``<seq>.webm.partial``, then finishing, fsyncing,
renaming and hashing it and appending its manifest line, all in one writer thread per recording (see
:mod:`conferencing.recorder`, "Crash safety"). A segment that could not be written is removed (its ``.partial``
with it: on a full disk that is also the space the next write needs) and reported, ``disk_full`` when the disk
was."""

from __future__ import annotations

import asyncio
import contextlib
import errno
import hashlib
import json
import logging
import os
import queue
import re
import threading
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import av

from conferencing.segmenter import SegmentInfo

logger = logging.getLogger(__name__)

_SAFE_NAME = re.compile(r'^[A-Za-z0-9_][A-Za-z0-9._-]*$')


def safe_name(name: str) -> str:
    """``name`` as one path component: itself if plain, else percent-encoded."""
    if _SAFE_NAME.match(name):
        return name
    quoted = urllib.parse.quote(name, safe='')
    return quoted if quoted not in ('', '.', '..') else quoted.replace('.', '%2E') or '%00'


@dataclass
class _OpenFile:
    container: Any
    streams: dict[str, Any]
    partial: Path
    final: Path
    failed: str | None = None
    disk_full: bool = False

    def fail(self, exc: BaseException) -> None:
        self.failed = self.failed or f'{type(exc).__name__}: {exc}'
        self.disk_full = self.disk_full or full_disk(exc)


def full_disk(exc: BaseException) -> bool:
    """Whether ``exc`` says the disk (or the account's quota on it) is full: PyAV's errors are OSErrors too."""
    return isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT)


class DiskWriter:
    """One thread doing all file work of a recording: opening, muxing, closing, fsync, hashing, manifests."""

    def __init__(self, root: Path, on_result: Callable[[dict[str, Any]], None]) -> None:
        self.root = root
        self._on_result = on_result
        self._loop = asyncio.get_running_loop()
        self._queue: queue.SimpleQueue[tuple[Any, ...] | None] = queue.SimpleQueue()
        self._files: dict[tuple[str, str, int], _OpenFile] = {}
        self._thread = threading.Thread(target=self._run, name='recorder', daemon=True)
        self._thread.start()

    def put(self, op: tuple[Any, ...]) -> None:
        self._queue.put(op)

    async def stop(self) -> None:
        self._queue.put(None)
        await asyncio.to_thread(self._thread.join)

    def _run(self) -> None:
        while (op := self._queue.get()) is not None:
            try:
                getattr(self, f'_do_{op[0]}')(*op[1:])
            except Exception:
                logger.exception('recorder: %s failed', op[0])

    def _do_open(self, pid: str, series: str, seq: int, kinds: tuple[str, ...],
                 size: tuple[int, int] | None) -> None:
        folder = self.root / safe_name(pid) / series
        final = folder / f'{seq:05d}.webm'
        partial = final.with_name(final.name + '.partial')
        try:
            if not folder.is_dir():
                folder.mkdir(parents=True, exist_ok=True)
                _fsync_dir(folder.parent)
                _fsync_dir(folder.parent.parent)
            container = av.open(str(partial), 'w', format='webm')
            streams: dict[str, Any] = {}
            for kind in kinds:
                if kind == 'video':
                    stream = container.add_stream('libvpx', rate=30)
                    stream.width, stream.height = size or (640, 480)
                    stream.pix_fmt = 'yuv420p'
                else:
                    stream = container.add_stream('libopus', rate=48_000)
                    stream.layout = 'stereo'
                streams[kind] = stream
            container.start_encoding()
            self._files[(pid, series, seq)] = _OpenFile(container, streams, partial, final)
        except Exception as exc:
            logger.exception('recorder: cannot open %s', partial)
            failed = self._files[(pid, series, seq)] = _OpenFile(None, {}, partial, final)
            failed.fail(exc)

    def _do_write(self, pid: str, series: str, seq: int, kind: str, shared: av.Packet, pts: int, duration: int,
                  keyframe: bool) -> None:
        file = self._files.get((pid, series, seq))
        if file is None or file.failed or kind not in file.streams:
            return
        packet = av.Packet(bytes(shared))  # a copy: the shared packet is being sent to receivers
        packet.stream = file.streams[kind]
        packet.time_base = shared.time_base
        packet.pts = packet.dts = pts
        packet.duration = duration
        packet.is_keyframe = keyframe
        try:
            file.container.mux(packet)
        except Exception as exc:
            file.fail(exc)
            logger.exception('recorder: muxing into %s failed', file.partial)

    def _do_close(self, pid: str, series: str, info: SegmentInfo, future: asyncio.Future[dict[str, Any]]) -> None:
        file = self._files.pop((pid, series, info.seq), None)
        result: dict[str, Any]
        try:
            if file is None:
                raise RuntimeError('the segment was never opened')
            if file.container is not None:
                file.container.close()
            if file.failed:
                raise RuntimeError(file.failed)
            with open(file.partial, 'rb') as handle:
                digest = hashlib.file_digest(handle, 'sha256')
                os.fsync(handle.fileno())
                size = handle.tell()
            os.replace(file.partial, file.final)
            _fsync_dir(file.final.parent)
            result = {'participant_id': pid, 'series': series, 'seq': info.seq,
                      'path': file.final.relative_to(self.root).as_posix(), 'sha256': digest.hexdigest(),
                      'bytes': size, 'started_at': round(info.started_at, 6), 'ended_at': round(info.ended_at, 6),
                      'duration': round(info.duration, 6), 'kinds': list(info.kinds)}
            manifest = file.final.parent / 'manifest.jsonl'
            fd = os.open(manifest, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                kept = os.lseek(fd, 0, os.SEEK_END)
                line = (json.dumps(result, sort_keys=True) + '\n').encode()
                if os.write(fd, line) != len(line):
                    raise OSError(errno.ENOSPC, 'the manifest line was cut short')
                os.fsync(fd)
            except OSError:  # no half line left behind; the segment is not entered, so it is not kept
                os.ftruncate(fd, kept)
                file.final.unlink(missing_ok=True)
                raise
            finally:
                os.close(fd)
            result = {'event': 'segment_closed', **result}
        except Exception as exc:
            logger.exception('recorder: closing segment %s/%s/%d failed', pid, series, info.seq)
            if file is not None:
                file.fail(exc)
                with contextlib.suppress(OSError):
                    file.partial.unlink(missing_ok=True)
            result = {'event': 'recording_error', 'participant_id': pid, 'series': series, 'seq': info.seq,
                      'error': file.failed if file is not None else f'{type(exc).__name__}: {exc}',
                      'disk_full': file is not None and file.disk_full}
        self._loop.call_soon_threadsafe(self._deliver, future, result)

    def _deliver(self, future: asyncio.Future[dict[str, Any]], result: dict[str, Any]) -> None:
        self._on_result(result)
        if not future.done():
            future.set_result(result)


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class ParticipantFiles:
    """A :class:`SegmentWriter` that queues one participant's segments to the :class:`DiskWriter`."""

    def __init__(self, disk: DiskWriter, participant_id: str, series: str) -> None:
        self.disk, self.pid, self.series = disk, participant_id, series

    def open(self, seq: int, kinds: tuple[str, ...], size: tuple[int, int] | None) -> None:
        self.disk.put(('open', self.pid, self.series, seq, kinds, size))

    def write(self, seq: int, kind: str, packet: av.Packet, pts: int, duration: int, keyframe: bool) -> None:
        self.disk.put(('write', self.pid, self.series, seq, kind, packet, pts, duration, keyframe))

    def close(self, info: SegmentInfo) -> asyncio.Future[dict[str, Any]]:
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self.disk.put(('close', self.pid, self.series, info, future))
        return future
