"""The clerk's hearing page (``/hearings/{id}``): the case header, importing the digitised case file as one bundle,
the exhibits as cards, a page viewer, full-text search and "go to BL"."""

from __future__ import annotations

import io
import logging
from collections.abc import Callable
from typing import IO

from nicegui import run, ui
from nicegui.elements.upload_files import FileUpload, LargeFileUpload, SmallFileUpload
from nicegui.events import MultiUploadEventArguments

from courtroom.errors import CourtroomError, InvalidInput
from courtroom.exhibits import Exhibit, PageRef
from courtroom.hearings import Hearing
from courtroom.roles import Action, may, require
from courtroom.search import Hit, parse_bl
from courtroom.users import User

from ..api import import_uploads
from ..services import Services
from ..session import error_text, require_user, t
from .components import THUMB_WIDTH, PageViewer, exhibit_card, pages_text, search_hit, testid
from .layout import frame

logger = logging.getLogger(__name__)


def parse_bl_input(value: str) -> int | None:
    """The BL number in "125", "BL 125", "bl125" or "bút lục 125"; None for anything else."""
    value = value.strip()
    if value.isdigit() and len(value) <= 7:
        return int(value)
    return parse_bl(value)


def open_upload(file: FileUpload) -> IO[bytes]:
    """A blocking binary stream over an upload, for import_uploads in a worker thread. NiceGUI keeps a small upload
    in memory and spools a large one to a temp file, which we read in place rather than copy once more."""
    if isinstance(file, LargeFileUpload):
        return file._path.open('rb')
    if isinstance(file, SmallFileUpload):
        return io.BytesIO(file._data)
    raise TypeError(f'unknown upload type {type(file).__name__}')


def import_files(services: Services, hearing_id: int, actor: str, files: list[FileUpload],
                 progress: Callable[[int, int], None]) -> list[Exhibit]:
    """Import the uploaded files as one bundle (blocking: call from a worker thread)."""
    streams = [open_upload(f) for f in files]
    try:
        named = [(f.name or 'upload', s) for f, s in zip(files, streams, strict=True)]
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


def register(services: Services) -> None:
    @ui.page('/hearings/{hearing_id}')
    async def hearing_page(hearing_id: int) -> None:
        user = require_user(services)
        if user is None:
            return
        ui.query('body').classes('bg-slate-100')
        try:
            hearing = await run.io_bound(services.hearings.get, hearing_id)
        except CourtroomError as e:
            frame(user, t('hearing_missing_title'))
            with testid(ui.card(), 'hearing-missing').classes('mx-auto mt-16 w-[32rem] p-8 items-center gap-3'):
                ui.icon('search_off', size='3rem').classes('text-slate-400')
                ui.label(t('hearing_missing_title')).classes('text-xl font-semibold')
                testid(ui.label(error_text(e)), 'hearing-missing-text').classes('text-slate-600 text-center')
                ui.link(t('back_to_list'), '/').classes('mt-2')
            return
        frame(user, hearing.case_number)
        page = HearingPage(services, user, hearing)
        await page.load()


class HearingPage:
    """One browser tab's view of one hearing."""

    def __init__(self, services: Services, user: User, hearing: Hearing) -> None:
        self.services = services
        self.user = user
        self.hearing = hearing
        self.exhibits: list[Exhibit] = []
        self.viewer = PageViewer(self.page_url)

        with ui.column().classes('w-full max-w-[1400px] mx-auto p-6 gap-5'):
            with ui.row().classes('w-full items-end justify-between no-wrap gap-4'):
                with ui.column().classes('gap-1 min-w-0'):
                    ui.link(f'← {t("back_to_list")}', '/').classes('text-sm text-slate-500 no-underline')
                    testid(ui.label(t('case_no', case=hearing.case_number)), 'case-number-header') \
                        .classes('text-sm font-medium text-blue-900 uppercase tracking-wide')
                    testid(ui.label(hearing.title), 'hearing-title-header') \
                        .classes('text-2xl font-semibold text-slate-800 leading-tight')
                self.summary = testid(ui.label(), 'exhibit-summary').classes('text-sm text-slate-600 whitespace-nowrap')
            with ui.row().classes('w-full items-start no-wrap gap-5'):
                with ui.column().classes('flex-1 min-w-0 gap-3'):
                    ui.label(t('exhibits')).classes('text-lg font-semibold text-slate-800')
                    self.grid = testid(ui.element('div'), 'exhibit-grid').classes('w-full flex flex-wrap gap-4')
                with ui.column().classes('w-[26rem] shrink-0 gap-5'):
                    self._search_panel()
                    if may(user.role, Action.IMPORT_BUNDLE):
                        self._upload_panel()

    # --- data -------------------------------------------------------------------------------------------------

    def page_url(self, exhibit: Exhibit, page: int, width: int) -> str:
        return self.services.signer.page_url(f'u{self.user.id}', exhibit.id, page, width)

    async def load(self) -> None:
        self.exhibits = await run.io_bound(self.services.exhibits.of_hearing, self.hearing.id)
        self._render_grid()

    def _render_grid(self) -> None:
        pages = sum(e.page_count for e in self.exhibits)
        self.summary.text = f'{t("n_exhibits", n=len(self.exhibits))} · {pages_text(pages)}'
        self.grid.clear()
        with self.grid:
            if not self.exhibits:
                testid(ui.label(t('no_exhibits')), 'no-exhibits').classes(
                    'w-full text-slate-500 bg-white rounded border border-dashed border-slate-300 px-6 py-12 '
                    'text-center')
            for exhibit in self.exhibits:
                exhibit_card(exhibit, self.page_url(exhibit, 1, THUMB_WIDTH), self.viewer.show)

    def _exhibit(self, exhibit_id: int) -> Exhibit | None:
        return next((e for e in self.exhibits if e.id == exhibit_id), None)

    # --- search and go to BL ----------------------------------------------------------------------------------

    def _search_panel(self) -> None:
        with testid(ui.card(), 'search-panel').classes('w-full p-4 gap-3'):
            ui.label(t('search_title')).classes('text-base font-semibold text-slate-800')
            with ui.row().classes('w-full items-start no-wrap gap-2'):
                self.bl_input = testid(ui.input(t('go_to_bl'), placeholder=t('go_to_bl_hint')), 'bl-input') \
                    .props('outlined dense clearable').classes('flex-1')
                self.bl_input.on('keydown.enter', self.go_to_bl)
                testid(ui.button(t('go'), on_click=self.go_to_bl), 'bl-go').props('unelevated color=primary') \
                    .classes('h-10')
            self.bl_error = testid(ui.label(), 'bl-error').classes('text-sm text-red-700 -mt-2')
            self.bl_error.visible = False
            self.search_input = testid(ui.input(t('search_label'), placeholder=t('search')), 'search-input') \
                .props('outlined dense clearable debounce=350').classes('w-full')
            with self.search_input.add_slot('prepend'):
                ui.icon('search')
            self.search_input.on_value_change(self.search)
            self.search_input.on('keydown.enter', self.search)
            self.hits_label = testid(ui.label(), 'hits-count').classes('text-xs text-slate-500')
            self.hits_label.visible = False
            self.hits = testid(ui.element('div'), 'search-hits').classes('w-full max-h-[60vh] overflow-y-auto -mx-1')

    async def search(self) -> None:
        query = (self.search_input.value or '').strip()
        self.hits.clear()
        if not query:
            self.hits_label.visible = False
            return
        try:
            hits: list[Hit] = await run.io_bound(self.services.search.search, self.hearing.id, query)
        except CourtroomError as e:
            self.hits_label.text = error_text(e)
            self.hits_label.visible = True
            return
        if (self.search_input.value or '').strip() != query:
            return  # the user typed on while we searched; the newer search draws the list
        self.hits_label.text = t('hits_count', n=len(hits)) if hits else t('no_hits')
        self.hits_label.visible = True
        with self.hits:
            for hit in hits:
                search_hit(hit, self.open_hit)

    def open_hit(self, hit: Hit) -> None:
        exhibit = self._exhibit(hit.exhibit_id)
        if exhibit is not None:
            self.viewer.show(exhibit, hit.page)

    async def go_to_bl(self) -> None:
        value = (self.bl_input.value or '').strip()
        self.bl_error.visible = False
        if not value:
            return
        try:
            bl = parse_bl_input(value)
            if bl is None:
                raise InvalidInput('bad_bl_input')
            ref: PageRef = await run.io_bound(self.services.exhibits.find_bl, self.hearing.id, bl)
        except CourtroomError as e:
            self.bl_error.text = t('bad_bl', value=value) if e.code == 'bad_bl_input' else error_text(e)
            self.bl_error.visible = True
            return
        exhibit = self._exhibit(ref.exhibit_id)
        if exhibit is None:  # imported in another tab since this one loaded
            await self.load()
            exhibit = self._exhibit(ref.exhibit_id)
        if exhibit is not None:
            self.viewer.show(exhibit, ref.page)

    # --- import -----------------------------------------------------------------------------------------------

    def _upload_panel(self) -> None:
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
            created = await run.io_bound(import_files, self.services, self.hearing.id, self.user.username,
                                         e.files, progress)
        except CourtroomError as error:
            self.import_error_text.text = error_text(error)
            self.import_error.visible = True
            return
        except Exception:
            logger.exception('import into hearing %s failed', self.hearing.id)
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
        await self.load()
