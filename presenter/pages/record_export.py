"""The signed record on the record page: export it as a zip to download, or build it here and verify it as
``courtroom verify`` would, every check shown in a dialog and the verdict kept under the buttons."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from nicegui import run, ui

from courtroom.errors import CourtroomError
from courtroom.hearings import Hearing
from courtroom.roles import Action, may, require
from courtroom.users import User
from media.record import Verdict, verify_record

from ..hearing_record import export_record, record_name
from ..services import Services
from ..session import error_text, t
from .components import testid


def build_and_verify(services: Services, hearing_id: int) -> Verdict:
    """Build the record in a temporary folder and verify it as ``courtroom verify`` would. Blocking."""
    folder = Path(tempfile.mkdtemp(prefix='verify-', dir=services.settings.tmp_dir))
    try:
        return verify_record(export_record(services, hearing_id, folder / 'record.zip'))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


class RecordExport:
    """The record card (export, verify, the last verdict) and the dialog with every check. The exported zip stays
    in a temporary folder until the next export or until the tab closes (``cleanup``)."""

    def __init__(self, services: Services, user: User, hearing: Hearing) -> None:
        self.services = services
        self.user = user
        self.hearing = hearing
        self.may_export = may(user.role, Action.EXPORT_RECORD)
        self.export_folder: Path | None = None
        self.busy = False

        with testid(ui.card(), 'record-panel').classes('w-full p-4 gap-2'):
            with ui.row().classes('items-center no-wrap gap-2'):
                ui.icon('verified', size='1.4rem').classes('text-blue-900')
                ui.label(t('rec_record')).classes('text-lg font-semibold text-slate-800')
            ui.label(t('rec_record_hint')).classes('text-xs text-slate-500 leading-snug')
            with ui.row().classes('w-full items-center gap-2 pt-1'):
                self.export_button = testid(ui.button(t('rec_export'), icon='download', on_click=self.export),
                                            'record-export').props('unelevated no-caps')
                self.verify_button = testid(ui.button(t('rec_verify'), icon='fact_check', on_click=self.verify),
                                            'record-verify').props('outline no-caps')
                self.record_spinner = ui.spinner(size='1.5rem')
                self.record_spinner.set_visibility(False)
            if not self.may_export:
                self.export_button.disable()
                self.verify_button.disable()
                ui.label(t('rec_export_who')).classes('text-xs text-slate-500')
            self.verify_summary = testid(ui.row(), 'verify-summary').classes(
                'w-full items-center no-wrap gap-2 rounded px-3 py-2 text-sm empty:hidden')

    async def _busy(self, on: bool) -> None:
        self.busy = on
        self.record_spinner.set_visibility(on)
        for button in (self.export_button, self.verify_button):
            button.set_enabled(not on)

    async def export(self) -> None:
        if self.busy:
            return
        try:
            require(self.user.role, Action.EXPORT_RECORD)
            await self._busy(True)
            self.cleanup()
            self.export_folder = Path(tempfile.mkdtemp(prefix='export-', dir=self.services.settings.tmp_dir))
            name = record_name(self.hearing)
            path = await run.io_bound(export_record, self.services, self.hearing.id, self.export_folder / name)
        except CourtroomError as e:
            ui.notify(error_text(e), type='negative')
            return
        finally:
            await self._busy(False)
        if path is None:  # the server is stopping
            return
        ui.download.file(path, name, 'application/zip')
        ui.notify(t('rec_exported', name=name), type='positive')

    async def verify(self) -> None:
        if self.busy:
            return
        try:
            require(self.user.role, Action.EXPORT_RECORD)
            await self._busy(True)
            verdict = await run.io_bound(build_and_verify, self.services, self.hearing.id)
        except CourtroomError as e:
            ui.notify(error_text(e), type='negative')
            return
        finally:
            await self._busy(False)
        if verdict is None:
            return
        self.show_verdict(verdict)

    def build_dialog(self) -> None:
        """The dialog with every check; the page builds it after its columns."""
        with ui.dialog() as self.verify_dialog, \
                testid(ui.card(), 'verify-dialog').classes('w-[44rem] max-w-[95vw] p-0 gap-0'):
            self.verify_head = ui.row().classes('w-full items-center no-wrap gap-3 px-5 py-4')
            # it scrolls: reachable by keyboard, and named for a screen reader
            self.verify_list = ui.column().classes('w-full gap-0 px-5 py-2 max-h-[60vh] overflow-y-auto') \
                .props(f'tabindex=0 role=region aria-label="{t("rec_verify_checks")}"')
            with ui.row().classes('w-full justify-end px-5 py-3 border-t border-slate-200'):
                ui.button(t('close'), on_click=self.verify_dialog.close).props('flat')

    def show_verdict(self, verdict: Verdict) -> None:
        ok = verdict.ok
        failure = verdict.first_failure
        for box in (self.verify_head, self.verify_summary):
            box.clear()
            box.props(f'data-valid={"true" if ok else "false"}')
        self.verify_head.classes(replace='nicegui-row w-full items-center no-wrap gap-3 px-5 py-4 '
                                         + ('bg-green-50' if ok else 'bg-red-50'))
        headline = t('rec_verify_ok', n=len(verdict.checks)) if ok else \
            t('rec_verify_failed', check=failure[0] if failure else '?')
        with self.verify_head:
            ui.icon('verified' if ok else 'gpp_bad', size='2rem').classes('text-green-700' if ok else 'text-red-700')
            ui.label(headline).classes('text-base font-semibold ' + ('text-green-900' if ok else 'text-red-900'))
        self.verify_summary.classes(replace='nicegui-row w-full items-center no-wrap gap-2 rounded px-3 py-2 text-sm '
                                            + ('bg-green-50 text-green-900' if ok else 'bg-red-50 text-red-900'))
        with self.verify_summary:
            ui.icon('verified' if ok else 'gpp_bad', size='1.2rem')
            ui.label(headline).classes('min-w-0')
            ui.button(t('rec_verify_details'), on_click=self.verify_dialog.open).props('flat dense no-caps size=sm')
        self.verify_list.clear()
        with self.verify_list:
            for what, held, detail in verdict.checks:
                with testid(ui.row(), 'verify-check').classes(
                        'w-full items-start no-wrap gap-3 py-1.5 border-b border-slate-100 text-sm') as row:
                    row.props(f'data-ok={"true" if held else "false"}')
                    ui.label('OK' if held else 'FAIL').classes(
                        'font-mono font-bold w-12 shrink-0 ' + ('text-green-700' if held else 'text-red-700'))
                    with ui.column().classes('gap-0 min-w-0'):
                        ui.label(what).classes('text-slate-800 break-all')
                        if detail:
                            ui.label(detail).classes('text-xs text-slate-500 break-all')
        self.verify_dialog.open()

    def cleanup(self) -> None:
        if self.export_folder is not None:
            shutil.rmtree(self.export_folder, ignore_errors=True)
            self.export_folder = None

