"""The recording card of the record page: on or off, its series and running time, start and stop, "record from
opening to close", and every closed segment per source and series."""

from __future__ import annotations

import asyncio
import time
from zoneinfo import ZoneInfo

from nicegui import run, ui

from courtroom.court_time import format_duration, format_time
from courtroom.errors import CourtroomError
from courtroom.hearings import Hearing
from courtroom.recordings import Segment
from courtroom.roles import Action, may, require
from courtroom.users import User

from ..services import Services
from ..session import error_text, t
from .components import testid
from .record_labels import group_segments, series_started, source_name, source_names


class RecordingPanel:
    def __init__(self, services: Services, user: User, hearing: Hearing) -> None:
        self.services = services
        self.zone = services.settings.time_zone  # the court's: every time shown
        self.user = user
        self.hearing = hearing
        self.may_record = may(user.role, Action.RECORD)
        self.may_configure = may(user.role, Action.CONFIGURE_HEARING)
        self.recording: tuple[bool, str | None] = (False, None)
        self.segments: list[Segment] | None = None
        self._reloading = asyncio.Lock()
        self.groups: dict[tuple[str, str], _SegmentGroup] = {}  # (source, series) → its group in the list
        self.names: dict[str, str] = {}  # source → name, set by the page when it loads

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
                'w-full gap-0 px-2 pb-3 max-h-[13rem] overflow-y-auto') \
                .props(f'tabindex=0 role=region aria-label="{t("rec_segments")}"')  # it scrolls: by keyboard too
        ui.timer(1.0, self._tick)

    def render_recording(self) -> None:
        on, series = self.recording
        self.rec_state.props(f'data-on={"true" if on else "false"}')
        tone = 'bg-red-50 text-red-800' if on else 'bg-slate-100 text-slate-600'
        self.rec_state.classes(replace='nicegui-row items-center no-wrap gap-1.5 rounded-full px-3 py-0.5 text-sm '
                                       f'font-semibold {tone}')
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
        self.rec_elapsed.text = format_duration(time.time() - started if on and started else None)

    def render_segments(self) -> None:
        """Brings the list up to date in place: a new segment adds a row, a new series a group, and a group the clerk
        opened stays open (drawing the list anew each time a segment closed folded it again every few seconds)."""
        segments = self.segments or []
        total = sum(s.duration for s in segments)
        self.segments_total.text = t('rec_segments_total', n=len(segments), time=format_duration(total)) \
            if segments else ''
        grouped = group_segments(segments)
        if not segments or any(len(self.groups[key].rows) > len(grouped.get(key, ()))
                               for key in self.groups):  # fewer than shown: only by a reload, so start again
            self.segments_box.clear()
            self.groups = {}
        if not segments:
            with self.segments_box:
                ui.label(t('rec_no_segments')).classes('text-sm text-slate-500 px-2 py-2')
            return
        if not self.groups:
            self.segments_box.clear()  # the "no segments" line
        for place, ((source, series), items) in enumerate(grouped.items()):
            group = self.groups.get((source, series))
            if group is None:
                with self.segments_box:
                    group = self.groups[(source, series)] = _SegmentGroup(source, series)
                group.expansion.move(self.segments_box, target_index=place)  # in the order the series began
            group.update(source_name(self.names, source), source in self.names, items, self.zone)

    async def toggle_recording(self) -> None:
        on = not self.recording[0]
        try:
            require(self.user.role, Action.RECORD)
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


    async def reload_recording(self) -> None:
        async with self._reloading:  # one at a time: an older read never lands after a newer one
            await self._reload_recording()

    async def _reload_recording(self) -> None:
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


class _SegmentGroup:
    """One source's series in the segment list: a folded header (who, when it began, how many, how long) over a
    row per closed segment."""

    def __init__(self, source: str, series: str) -> None:
        self.rows: list[ui.row] = []
        with testid(ui.expansion(), 'segment-group').classes('w-full text-sm') \
                .props('dense header-class="px-2"') as self.expansion:
            self.expansion.props(f'data-source={source} data-series={series}')
            with self.expansion.add_slot('header'):
                with ui.row().classes('w-full items-center no-wrap gap-2 min-w-0'):
                    self.icon = ui.icon('videocam', size='1.1rem').classes('text-slate-500 shrink-0')
                    with ui.column().classes('gap-0 min-w-0 flex-1'):
                        self.name = ui.label().classes('font-medium truncate')
                        self.line = ui.label().classes('text-xs text-slate-500')
                    self.span = ui.label().classes('font-mono text-xs text-slate-700 shrink-0')

    def update(self, name: str, is_person: bool, items: list[Segment], zone: ZoneInfo) -> None:
        self.icon.name = 'person' if is_person else 'videocam'
        self.name.text = name
        self.line.text = t('rec_series_line', start=format_time(items[0].started_at, zone), n=len(items))
        self.span.text = format_duration(sum(s.duration for s in items))
        with self.expansion:
            for s in items[len(self.rows):]:
                with testid(ui.row(), 'segment-row').classes(
                        'w-full items-center no-wrap gap-3 px-2 py-0.5 text-xs text-slate-600') as row:
                    ui.label(f'#{s.seq:05d}').classes('font-mono w-14')
                    ui.label(format_time(s.started_at, zone)).classes('w-16')
                    ui.label(format_duration(s.duration)).classes('font-mono w-14')
                    testid(ui.label(s.sha256[:12]), 'segment-hash').classes('font-mono text-slate-500') \
                        .tooltip(f'SHA-256 {s.sha256}')
                self.rows.append(row)
