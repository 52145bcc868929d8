"""Importing the digitised case file on the clerk's hearing page: the upload card, the files imported as one bundle
in a worker thread, the progress in pages, and the reason when the import fails."""

from __future__ import annotations

import asyncio
import io
import logging
from collections.abc import Awaitable, Callable
from typing import BinaryIO, cast

from nicegui import run, ui
from nicegui.elements.upload_files import FileUpload
from nicegui.events import MultiUploadEventArguments

from courtroom.errors import CourtroomError
from courtroom.exhibits import Exhibit
from courtroom.roles import Action, require
from courtroom.users import User

from ..services import Services
from ..session import error_text, t
from ..uploads import import_uploads
from .components import testid

logger = logging.getLogger(__name__)


class UploadReader(io.RawIOBase):
    """A blocking binary stream over an upload, for import_uploads in a worker thread: each chunk comes from the
    upload's public ``iterate()`` on the event loop, so a large upload (which NiceGUI spools to a temp file) is
    read in place, never copied whole into memory."""

    def __init__(self, file: FileUpload, loop: asyncio.AbstractEventLoop) -> None:
        super().__init__()
        self._chunks = file.iterate()
        self._loop = loop
        self._buffer = b''
        self._ended = False

    async def _next(self) -> bytes | None:
        try:
            return await anext(self._chunks)
        except StopAsyncIteration:
            return None

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        wanted = -1 if size is None else size
        while not self._ended and (wanted < 0 or len(self._buffer) < wanted):
            chunk = asyncio.run_coroutine_threadsafe(self._next(), self._loop).result()
            if chunk is None:
                self._ended = True
            else:
                self._buffer += chunk
        cut = len(self._buffer) if wanted < 0 else wanted
        out, self._buffer = self._buffer[:cut], self._buffer[cut:]
        return out

    def close(self) -> None:
        if not self.closed and not self._ended:
            asyncio.run_coroutine_threadsafe(self._chunks.aclose(), self._loop).result()  # type: ignore[attr-defined]
        super().close()


def import_files(services: Services, hearing_id: int, actor: str, files: list[FileUpload],
                 loop: asyncio.AbstractEventLoop, progress: Callable[[int, int], None]) -> list[Exhibit]:
    """Import the uploaded files as one bundle (blocking: call from a worker thread; ``loop`` is the event loop
    the uploads are read on)."""
    streams = [UploadReader(f, loop) for f in files]
    try:
        named: list[tuple[str, BinaryIO]] = [(f.name or 'upload', cast(BinaryIO, s))
                                             for f, s in zip(files, streams, strict=True)]
        return import_uploads(services, hearing_id, actor, named, progress)
    finally:
        for stream in streams:
            stream.close()


class ImportProgress:
    """Pages done of total, written by the importer's worker thread and read by a ui.timer on the event loop.
    Two ints assigned whole: no lock needed for a progress bar."""

    def __init__(self) -> None:
        self.done = 0
        self.total = 0

    def __call__(self, done: int, total: int) -> None:
        self.done, self.total = done, total


class ImportPanel:
    """The upload card; ``on_imported`` reloads the page's exhibits once a bundle is in."""

    def __init__(self, services: Services, user: User, hearing_id: int,
                 on_imported: Callable[[], Awaitable[None]]) -> None:
        self.services = services
        self.user = user
        self.hearing_id = hearing_id
        self.on_imported = on_imported

        limits = self.services.settings.limits
        with testid(ui.card(), 'upload-panel').classes('w-full p-4 gap-3'):
            ui.label(t('upload_title')).classes('text-base font-semibold text-slate-800')
            ui.label(t('upload_how')).classes('text-xs text-slate-600 leading-snug')
            self.upload = testid(ui.upload(multiple=True, on_multi_upload=self.import_bundle,
                                           on_rejected=lambda: ui.notify(t('upload_rejected'), type='warning'),
                                           max_file_size=limits.max_file_bytes,
                                           max_total_size=limits.max_bundle_bytes,
                                           label=t('upload')), 'upload') \
                .props('flat bordered color=primary').classes('w-full')
            ui.label(t('upload_hint')).classes('text-xs text-slate-500')
            # QUploader's own start button is a small cloud icon; a clerk needs a plain, labelled one
            self.upload_start = testid(ui.button(t('upload_start'), icon='cloud_upload',
                                                 on_click=lambda: self.upload.run_method('upload')), 'upload-start') \
                .props('unelevated no-caps color=primary').classes('w-full')
            with testid(ui.column(), 'import-status').classes('w-full gap-1') as self.import_status:
                self.import_label = ui.label().classes('text-sm text-slate-700')
                self.import_bar = testid(ui.linear_progress(value=0, show_value=False), 'import-progress') \
                    .props('rounded size=8px color=primary')
            self.import_status.visible = False
            self.import_error = testid(ui.row(), 'import-error').classes(
                'w-full no-wrap items-start gap-2 bg-red-50 border border-red-200 rounded p-3')
            with self.import_error:
                ui.icon('error', size='1.25rem').classes('text-red-700 shrink-0')
                with ui.column().classes('gap-1 min-w-0'):
                    ui.label(t('import_failed')).classes('text-sm font-semibold text-red-800')
                    self.import_error_text = testid(ui.label(), 'import-error-text') \
                        .classes('text-sm text-red-800 break-words')
            self.import_error.visible = False

    async def import_bundle(self, e: MultiUploadEventArguments) -> None:
        require(self.user.role, Action.IMPORT_BUNDLE)
        progress = ImportProgress()
        self.import_error.visible = False
        self.import_status.visible = True
        self.import_label.text = t('import_checking')
        self.import_bar.value = 0
        self.upload.disable()
        self.upload_start.disable()

        def show_progress() -> None:
            if progress.total:
                self.import_label.text = t('import_progress', done=progress.done, total=progress.total)
                self.import_bar.value = progress.done / progress.total

        timer = ui.timer(0.25, show_progress)
        try:
            created = await run.io_bound(import_files, self.services, self.hearing_id, self.user.username,
                                         e.files, asyncio.get_running_loop(), progress)
        except CourtroomError as error:
            self.import_error_text.text = error_text(error)
            self.import_error.visible = True
            return
        except Exception:
            logger.exception('import into hearing %s failed', self.hearing_id)
            self.import_error_text.text = error_text(CourtroomError('internal_error'))
            self.import_error.visible = True
            return
        finally:
            timer.cancel()
            self.import_status.visible = False
            self.upload.reset()
            self.upload.enable()
            self.upload_start.enable()
        ui.notify(t('imported', n=len(created)), type='positive')
        await self.on_imported()
