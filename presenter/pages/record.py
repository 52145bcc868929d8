"""The hearing's record for staff (``/hearings/{id}/record``): the stage, the recording (on or off, its series and
time, start and stop, "record from opening to close", every closed segment per source), the minutes (the clerk's
entries and the automatic ones, merged, live), and the signed record: export it as a zip, or build and verify it
here, every check shown."""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from nicegui import run, ui

from courtroom.errors import CourtroomError, Unprocessable
from courtroom.hearings import Hearing
from courtroom.minutes import MinutesEntry
from courtroom.recordings import Segment
from courtroom.roles import Action, may, require
from courtroom.users import User
from media.record import Verdict, verify_record

from ..api_record import export_record
from ..live import follow
from ..services import Services
from ..session import error_text, lang, require_user, t
from .components import testid
from .layout import frame
from .stage_widgets import stage_badge, stage_control

COURT_TZ = ZoneInfo('Asia/Ho_Chi_Minh')  # the court's time, whatever the server's zone
KIND_ICON = {'clerk': 'edit_note', 'stage_changed': 'account_tree', 'published': 'slideshow',
             'publish_approved': 'slideshow', 'cleared': 'cancel_presentation', 'kill_switch_on': 'tv_off',
             'kill_switch_off': 'tv', 'joined': 'login', 'left': 'logout', 'admitted': 'how_to_reg',
             'turned_away': 'person_off', 'removed': 'person_remove', 'point_outage': 'portable_wifi_off',
             'point_restored': 'wifi', 'recording_started': 'fiber_manual_record',
             'recording_stopped': 'stop_circle', 'recording_gap': 'warning'}


# --- pure helpers (shared with the review page) ---------------------------------------------------------------

def court_time(value: str | float, with_date: bool = False) -> str:
    """An ISO time or a unix time as the court's local time: "14:05:09" (or "20/05/2026 14:05:09")."""
    moment = datetime.fromtimestamp(value, UTC) if isinstance(value, (int, float)) else datetime.fromisoformat(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(COURT_TZ).strftime('%d/%m/%Y %H:%M:%S' if with_date else '%H:%M:%S')


def duration_text(seconds: float) -> str:
    """ "0:00:09", "1:02:03"."""
    total = max(0, int(round(seconds)))
    return f'{total // 3600}:{total // 60 % 60:02d}:{total % 60:02d}'


def series_started(series: str | None) -> float | None:
    """The unix time a series began, read from its name (courtroom.recordings.new_series)."""
    if not series:
        return None
    try:
        return datetime.strptime(series, '%Y%m%dT%H%M%S%fZ').replace(tzinfo=UTC).timestamp()
    except ValueError:
        return None


def source_names(services: Services, hearing_id: int) -> dict[str, str]:
    """Each recorded source's name: a participant's, the courtroom's, a screen's."""
    names = {str(p.id): p.name for p in services.participants.of_hearing(hearing_id)}
    for screen in services.screens.of_hearing(hearing_id):
        names[f'screen-{screen.id}'] = screen.name
    return names


def source_name(names: dict[str, str], source: str) -> str:
    if source in names:
        return names[source]
    if source in ('courtroom', 'central', 'room', 'courtroom-feed'):
        return t('rec_source_courtroom')
    return source


def user_names(services: Services) -> dict[str, str]:
    with services.store.read() as db:
        return {r[0]: r[1] for r in db.execute('SELECT username, name FROM users')}


def group_segments(segments: Iterable[Segment]) -> dict[tuple[str, str], list[Segment]]:
    """(source, series) → its segments in order, the series in the order they began."""
    groups: dict[tuple[str, str], list[Segment]] = {}
    for s in sorted(segments, key=lambda s: (s.source, s.started_at, s.seq)):
        groups.setdefault((s.source, s.series), []).append(s)
    return groups


def export_name(hearing: Hearing) -> str:
    return f'ho-so-phien-toa-{hearing.id}-{hearing.case_number.replace("/", "-")}.zip'


def build_and_verify(services: Services, hearing_id: int) -> Verdict:
    """Build the record in a temporary folder and verify it as ``courtroom verify`` would. Blocking."""
    folder = Path(tempfile.mkdtemp(prefix='verify-', dir=services.settings.tmp_dir))
    try:
        return verify_record(export_record(services, hearing_id, folder / 'record.zip'))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# --- the page -------------------------------------------------------------------------------------------------

def register(services: Services) -> None:
    @ui.page('/hearings/{hearing_id}/record')
    async def record_page(hearing_id: int) -> None:
        user = require_user(services)
        if user is None:
            return
        ui.query('body').classes('bg-slate-100')
        try:
            require(user.role, Action.VIEW_HEARING)
            hearing = await run.io_bound(services.hearings.get, hearing_id)
        except CourtroomError as e:
            frame(user, t('rec_title'))
            with testid(ui.card(), 'hearing-missing').classes('mx-auto mt-16 w-[32rem] p-8 items-center gap-3'):
                ui.icon('search_off', size='3rem').classes('text-slate-400')
                ui.label(error_text(e)).classes('text-slate-600 text-center')
                ui.link(t('back_to_list'), '/').classes('mt-2')
            return
        frame(user, f'{hearing.case_number} · {t("rec_title")}')
        page = RecordPage(services, user, hearing)
        await page.load()


class RecordPage:
    def __init__(self, services: Services, user: User, hearing: Hearing) -> None:
        self.services = services
        self.user = user
        self.hearing = hearing
        self.may_record = may(user.role, Action.RECORD)
        self.may_minutes = may(user.role, Action.KEEP_MINUTES)
        self.may_export = may(user.role, Action.EXPORT_RECORD)
        self.may_configure = may(user.role, Action.CONFIGURE_HEARING)
        self.recording: tuple[bool, str | None] = (False, None)
        self.segments: list[Segment] | None = None
        self.entries: list[MinutesEntry] | None = None
        self.names: dict[str, str] = {}
        self.people: dict[str, str] = {}
        self.export_folder: Path | None = None
        self.busy = False

        with ui.column().classes('w-full max-w-[1400px] mx-auto px-5 py-4 gap-4'):
            with ui.row().classes('w-full items-end justify-between no-wrap gap-4'):
                with ui.column().classes('gap-0 min-w-0'):
                    ui.label(hearing.case_number).classes('text-sm font-medium text-blue-900 uppercase tracking-wide')
                    testid(ui.label(t('rec_title')), 'record-title') \
                        .classes('text-2xl font-semibold text-slate-800 leading-tight')
                    ui.label(hearing.title).classes('text-sm text-slate-600 truncate').tooltip(hearing.title)
                with ui.row().classes('items-center no-wrap gap-3 shrink-0'):
                    stage_badge(services, hearing.id)
                    with ui.link(target=f'/hearings/{hearing.id}/review').classes(
                            'inline-flex items-center gap-1 text-sm text-blue-900 no-underline px-3 py-1.5 rounded '
                            'hover:bg-blue-50'):
                        ui.icon('smart_display', size='1.1rem')
                        ui.label(t('rec_review_link'))
                    with testid(ui.link(target=f'/hearings/{hearing.id}'), 'back-to-hearing').classes(
                            'inline-flex items-center gap-1 text-sm text-blue-900 no-underline px-3 py-1.5 rounded '
                            'hover:bg-blue-50'):
                        ui.icon('arrow_back', size='1.1rem')
                        ui.label(t('rec_back'))
            with ui.row().classes('w-full items-start no-wrap gap-4'):
                with ui.column().classes('w-[30rem] shrink-0 gap-4'):
                    if may(user.role, Action.CONTROL_STAGE):
                        stage_control(services, user, hearing.id)
                    self._recording_panel()
                    self._record_panel()
                self._minutes_panel()
        self._verify_dialog()
        ui.context.client.on_delete(self._cleanup)

    # --- the recording ----------------------------------------------------------------------------------------

    def _recording_panel(self) -> None:
        with testid(ui.card(), 'recording-panel').classes('w-full p-0 gap-0'):
            with ui.row().classes('w-full items-center justify-between no-wrap gap-2 px-4 py-3 '
                                  'border-b border-slate-200'):
                with ui.row().classes('items-center no-wrap gap-2'):
                    ui.icon('videocam', size='1.4rem').classes('text-blue-900')
                    ui.label(t('rec_recording')).classes('text-lg font-semibold text-slate-800')
                self.rec_state = testid(ui.row(), 'recording-state').classes(
                    'items-center no-wrap gap-1.5 rounded-full px-3 py-0.5 text-sm font-semibold')
                with self.rec_state:
                    self.rec_dot = ui.element('span').classes('inline-block w-2.5 h-2.5 rounded-full')
                    self.rec_state_text = testid(ui.label(), 'recording-state-text')
            with ui.column().classes('w-full px-4 py-3 gap-2'):
                with ui.row().classes('w-full items-center justify-between no-wrap gap-3'):
                    with ui.column().classes('gap-0 min-w-0'):
                        self.rec_elapsed = testid(ui.label(), 'recording-elapsed') \
                            .classes('text-2xl font-mono font-semibold text-slate-800 leading-tight')
                        self.rec_series = testid(ui.label(), 'recording-series').classes('text-xs text-slate-500')
                    if self.may_record:
                        self.rec_button = testid(ui.button(on_click=self.toggle_recording), 'recording-toggle') \
                            .props('unelevated no-caps')
                self.from_opening = testid(ui.switch(t('rec_from_opening'), value=self.hearing.record_from_opening,
                                                     on_change=self.set_from_opening), 'record-from-opening') \
                    .classes('text-sm')
                if not self.may_configure:
                    self.from_opening.disable()
                if not self.may_record:
                    ui.label(t('rec_record_who')).classes('text-xs text-slate-500')
            with ui.row().classes('w-full items-center justify-between px-4 pt-2 pb-1 border-t border-slate-100'):
                ui.label(t('rec_segments')).classes('text-sm font-semibold text-slate-700')
                self.segments_total = ui.label().classes('text-xs text-slate-500')
            self.segments_box = testid(ui.column(), 'segments-list').classes(
                'w-full gap-0 px-2 pb-3 max-h-[13rem] overflow-y-auto')
        ui.timer(1.0, self._tick)

    def render_recording(self) -> None:
        on, series = self.recording
        self.rec_state.props(f'data-on={"true" if on else "false"}')
        self.rec_state.classes(replace='nicegui-row items-center no-wrap gap-1.5 rounded-full px-3 py-0.5 text-sm font-semibold '
                                       + ('bg-red-50 text-red-800' if on else 'bg-slate-100 text-slate-600'))
        self.rec_dot.classes(replace='inline-block w-2.5 h-2.5 rounded-full '
                                     + ('bg-red-600 animate-pulse' if on else 'bg-slate-400'))
        self.rec_state_text.text = t('rec_on') if on else t('rec_off')
        self.rec_series.text = t('rec_series', series=series) if series else t('rec_never')
        if self.may_record:
            self.rec_button.text = t('rec_stop') if on else t('rec_start')
            self.rec_button.props(f'icon={"stop" if on else "fiber_manual_record"} '
                                  f'color={"grey-9" if on else "negative"}')
        self._tick()

    def _tick(self) -> None:
        on, series = self.recording
        started = series_started(series)
        self.rec_elapsed.text = duration_text(time.time() - started) if on and started else '–:––:––'

    def render_segments(self) -> None:
        segments = self.segments or []
        self.segments_box.clear()
        total = sum(s.duration for s in segments)
        self.segments_total.text = t('rec_segments_total', n=len(segments), time=duration_text(total)) \
            if segments else ''
        with self.segments_box:
            if not segments:
                ui.label(t('rec_no_segments')).classes('text-sm text-slate-500 px-2 py-2')
                return
            for (source, series), items in group_segments(segments).items():
                span = sum(s.duration for s in items)
                with testid(ui.expansion(), 'segment-group').classes('w-full text-sm') \
                        .props('dense header-class="px-2"') as group:
                    group.props(f'data-source={source} data-series={series}')
                    with group.add_slot('header'):
                        with ui.row().classes('w-full items-center no-wrap gap-2 min-w-0'):
                            ui.icon('person' if source in self.names else 'videocam', size='1.1rem') \
                                .classes('text-slate-500 shrink-0')
                            with ui.column().classes('gap-0 min-w-0 flex-1'):
                                ui.label(source_name(self.names, source)).classes('font-medium truncate')
                                ui.label(t('rec_series_line', start=court_time(items[0].started_at),
                                           n=len(items))).classes('text-xs text-slate-500')
                            ui.label(duration_text(span)).classes('font-mono text-xs text-slate-700 shrink-0')
                    for s in items:
                        with testid(ui.row(), 'segment-row').classes(
                                'w-full items-center no-wrap gap-3 px-2 py-0.5 text-xs text-slate-600'):
                            ui.label(f'#{s.seq:05d}').classes('font-mono w-14')
                            ui.label(court_time(s.started_at)).classes('w-16')
                            ui.label(duration_text(s.duration)).classes('font-mono w-14')
                            testid(ui.label(s.sha256[:12]), 'segment-hash').classes('font-mono text-slate-500') \
                                .tooltip(f'SHA-256 {s.sha256}')

    async def toggle_recording(self) -> None:
        on = not self.recording[0]
        try:
            require(self.user.role, Action.RECORD)
            if self.services.conference is None:
                raise Unprocessable('no_media')
            self.rec_button.disable()
            await self.services.conference.set_recording(self.hearing.id, on, actor=self.user.username)
        except CourtroomError as e:
            ui.notify(error_text(e), type='negative')
        finally:
            self.rec_button.enable()
        await self.reload_recording()

    async def set_from_opening(self, e) -> None:
        if bool(e.value) == self.hearing.record_from_opening:
            return
        try:
            require(self.user.role, Action.CONFIGURE_HEARING)
            self.hearing = await run.io_bound(lambda: self.services.hearings.configure(
                self.hearing.id, actor=self.user.username, record_from_opening=bool(e.value)))
            ui.notify(t('rec_from_opening_on' if e.value else 'rec_from_opening_off'), type='positive')
        except CourtroomError as error:
            ui.notify(error_text(error), type='negative')
            self.from_opening.value = self.hearing.record_from_opening

    # --- the signed record ------------------------------------------------------------------------------------

    def _record_panel(self) -> None:
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
            self._cleanup()
            self.export_folder = Path(tempfile.mkdtemp(prefix='export-', dir=self.services.settings.tmp_dir))
            name = export_name(self.hearing)
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

    def _verify_dialog(self) -> None:
        with ui.dialog() as self.verify_dialog, \
                testid(ui.card(), 'verify-dialog').classes('w-[44rem] max-w-[95vw] p-0 gap-0'):
            self.verify_head = ui.row().classes('w-full items-center no-wrap gap-3 px-5 py-4')
            self.verify_list = ui.column().classes('w-full gap-0 px-5 py-2 max-h-[60vh] overflow-y-auto')
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

    def _cleanup(self) -> None:
        if self.export_folder is not None:
            shutil.rmtree(self.export_folder, ignore_errors=True)
            self.export_folder = None

    # --- the minutes ------------------------------------------------------------------------------------------

    def _minutes_panel(self) -> None:
        with testid(ui.card(), 'minutes-panel').classes('flex-1 min-w-0 p-0 gap-0'):
            with ui.row().classes('w-full items-center justify-between no-wrap gap-2 px-4 py-3 '
                                  'border-b border-slate-200'):
                with ui.row().classes('items-center no-wrap gap-2'):
                    ui.icon('history_edu', size='1.4rem').classes('text-blue-900')
                    ui.label(t('rec_minutes')).classes('text-lg font-semibold text-slate-800')
                self.minutes_count = ui.label().classes('text-xs text-slate-500')
            if self.may_minutes:
                with ui.column().classes('w-full gap-2 px-4 pt-3 pb-2'):
                    self.minutes_text = testid(ui.textarea(placeholder=t('rec_minutes_placeholder')),
                                               'minutes-text').props('outlined autogrow maxlength=5000') \
                        .classes('w-full')
                    with ui.row().classes('w-full items-center justify-between no-wrap gap-2'):
                        ui.label(t('rec_minutes_hint')).classes('text-xs text-slate-500')
                        testid(ui.button(t('rec_minutes_write'), icon='edit_note', on_click=self.write_minutes),
                               'minutes-write').props('unelevated no-caps')
            else:
                testid(ui.label(t('rec_minutes_who')), 'minutes-readonly') \
                    .classes('text-xs text-slate-500 px-4 pt-2')
            self.minutes_box = testid(ui.column(), 'minutes-list').classes(
                'w-full gap-0 px-2 py-2 max-h-[calc(100vh-17rem)] min-h-[12rem] overflow-y-auto')

    def render_minutes(self) -> None:
        entries = self.entries or []
        self.minutes_count.text = t('rec_minutes_count', n=len(entries)) if entries else ''
        self.minutes_box.clear()
        with self.minutes_box:
            if not entries:
                ui.label(t('rec_minutes_empty')).classes('text-sm text-slate-500 px-2 py-3')
                return
            for entry in entries:
                clerk = entry.kind == 'clerk'
                with testid(ui.row(), 'minutes-entry').classes(
                        'w-full items-start no-wrap gap-3 px-2 py-2 border-b border-slate-100 '
                        + ('bg-amber-50/40' if clerk else '')) as row:
                    row.props(f'data-kind={entry.kind}')
                    with ui.column().classes('gap-0 w-[4.5rem] shrink-0 items-start'):
                        ui.label(court_time(entry.at)).classes('font-mono text-sm text-slate-800') \
                            .tooltip(court_time(entry.at, with_date=True))
                        if entry.recording:
                            testid(ui.label('● ' + entry.recording.split(' ')[-1]), 'minutes-recording') \
                                .classes('font-mono text-[11px] text-red-700 whitespace-nowrap') \
                                .tooltip(t('rec_recording_at', at=entry.recording))
                    ui.icon(KIND_ICON.get(entry.kind, 'info'), size='1.1rem').classes(
                        'shrink-0 mt-0.5 ' + ('text-amber-700' if clerk else 'text-slate-400'))
                    with ui.column().classes('gap-0 min-w-0 flex-1'):
                        testid(ui.label(entry.text), 'minutes-text-shown').classes(
                            'text-sm whitespace-pre-wrap break-words '
                            + ('text-slate-900' if clerk else 'text-slate-700'))
                        ui.label(self.people.get(entry.author, entry.author if entry.author != 'system'
                                                 else t('rec_system'))).classes('text-xs text-slate-500')
        ui.run_javascript(f'(e => e && (e.scrollTop = e.scrollHeight))(getHtmlElement({self.minutes_box.id}))')

    async def write_minutes(self) -> None:
        text = self.minutes_text.value or ''
        try:
            require(self.user.role, Action.KEEP_MINUTES)
            await run.io_bound(lambda: self.services.minutes.write(self.hearing.id, text, author=self.user.username))
        except CourtroomError as e:
            ui.notify(error_text(e) if e.code != 'required_field' else t('rec_minutes_empty_text'), type='negative')
            return
        self.minutes_text.value = ''
        await self.reload_minutes()

    # --- loading and live updates -----------------------------------------------------------------------------

    async def load(self) -> None:
        s, h = self.services, self.hearing.id
        loaded = await run.io_bound(lambda: (source_names(s, h), user_names(s)))
        if loaded is None:
            return
        self.names, self.people = loaded
        await self.reload_recording()
        await self.reload_minutes()
        follow(s.minutes.changed, lambda hearing_id: self.reload_minutes() if hearing_id == h else None)
        follow(s.recordings.changed, lambda hearing_id: self.on_recording(hearing_id))
        follow(s.stages.changed, lambda change: self.reload_minutes() if change.hearing_id == h else None)

    async def on_recording(self, hearing_id: int) -> None:
        if hearing_id == self.hearing.id:
            await self.reload_recording()
            await self.reload_minutes()  # recording starts and stops are entries too

    async def reload_recording(self) -> None:
        s, h = self.services, self.hearing.id
        loaded = await run.io_bound(lambda: (s.recordings.state(h), s.recordings.segments(h)))
        if loaded is None:
            return
        state, segments = loaded
        if state != self.recording or self.segments is None:
            self.recording = state
            self.render_recording()
        if segments != self.segments:
            if {seg.source for seg in segments} - set(self.names):
                self.names = await run.io_bound(source_names, s, h) or self.names
            self.segments = segments
            self.render_segments()

    async def reload_minutes(self) -> None:
        entries = await run.io_bound(self.services.minutes.entries, self.hearing.id, lang())
        if entries is None or entries == self.entries:
            return
        self.entries = entries
        self.render_minutes()
