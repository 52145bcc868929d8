"""Reviewing a recording (``/hearings/{id}/review``): pick a source and one of its series; every segment is checked
against the SHA-256 the recording entered and against the audit chain BEFORE it plays (a failure is shown, in red,
and the recording can still be watched); the series plays segment after segment beside the minutes (click an entry
to go to that moment), with the exhibit page that was on the screens at that moment. The segments are served by the
record API (``/api/hearings/{id}/recordings/...``, presenter.api_record)."""

from __future__ import annotations

import base64
import json
import urllib.parse
from datetime import datetime
from typing import Any

from nicegui import background_tasks, run, ui
from nicegui.events import GenericEventArguments

from courtroom.court_time import format_datetime, format_duration, format_time
from courtroom.errors import CourtroomError
from courtroom.exhibits import Exhibit
from courtroom.hearings import Hearing
from courtroom.minutes import MinutesEntry
from courtroom.recordings import Segment
from courtroom.roles import Action
from courtroom.screen_history import OnScreen, on_screen_at, screen_timeline
from courtroom.users import User
from media.map_pdf import map_png
from media.recording_check import SeriesCheck, verify_series

from ..services import Services
from ..session import lang, t
from ..texts import PROBLEM_KEYS
from .components import keyboard_button, page_bl, testid
from .hearing_page import hearing_for
from .presenting_widgets import shown_text
from .record_labels import group_segments, source_name, source_names
from .stage_widgets import stage_badge

SCRIPT = '<script src="/static/courtroom/marks.js"></script><script src="/static/courtroom/review.js"></script>'


def check_series(services: Services, hearing_id: int, segments: list[Segment]) -> SeriesCheck:
    """The series verified against the hearing's audit chain (blocking: reads the chain and every file)."""
    folder = services.settings.recordings_dir / str(hearing_id)
    return verify_series(services.audit.entries(hearing_id), folder, segments)


def entry_time(entry: MinutesEntry) -> float:
    return datetime.fromisoformat(entry.at).timestamp()


def segment_url(hearing_id: int, segment: Segment) -> str:
    return f'/api/hearings/{hearing_id}/recordings/' + urllib.parse.quote(segment.path)


# --- the page -------------------------------------------------------------------------------------------------

def register(services: Services) -> None:
    @ui.page('/hearings/{hearing_id}/review')
    async def review_page(hearing_id: int, source: str | None = None, series: str | None = None) -> None:
        ui.add_head_html(SCRIPT)
        opened = await hearing_for(services, hearing_id, Action.VIEW_HEARING, t('rec_review_title'))
        if opened is None:
            return
        user, hearing = opened
        page = ReviewPage(services, user, hearing)
        await page.load(source, series)


class ReviewPage:
    def __init__(self, services: Services, user: User, hearing: Hearing) -> None:
        self.services = services
        self.zone = services.settings.time_zone  # the court's: every time shown
        self.user = user
        self.hearing = hearing
        self.segments: list[Segment] = []
        self.groups: dict[tuple[str, str], list[Segment]] = {}
        self.names: dict[str, str] = {}
        self.entries: list[MinutesEntry] = []
        self.exhibits: dict[int, Exhibit] = {}
        self.timeline: list[tuple[float, OnScreen]] = []
        self.current: list[Segment] = []
        self.shown: OnScreen | None = None
        self._drawn: dict[int, tuple[int, int, tuple[dict[str, Any], ...]]] = {}  # by page box: what it shows
        self._map_images: dict[tuple[Any, Any], str] = {}  # (map, version) -> the map drawn, as a data URL
        self.loading = 0
        self.opened: tuple[str | None, str | None] = (None, None)

        with ui.column().classes('w-full max-w-[1400px] mx-auto px-5 py-3 gap-3'):
            with ui.row().classes('w-full items-end justify-between no-wrap gap-4'):
                with ui.column().classes('gap-0 min-w-0'):
                    ui.label(hearing.case_number).classes('text-sm font-medium text-blue-900 uppercase tracking-wide')
                    testid(ui.label(t('rec_review_title')), 'review-title') \
                        .classes('text-2xl font-semibold text-slate-800 leading-tight')
                with ui.row().classes('items-end no-wrap gap-3 shrink-0'):
                    self.source_select = testid(ui.select({}, label=t('rec_review_source'),
                                                          on_change=self.on_source), 'review-source') \
                        .props('outlined dense options-dense').classes('w-60')
                    self.series_select = testid(ui.select({}, label=t('rec_review_series'),
                                                          on_change=self.on_series), 'review-series') \
                        .props('outlined dense options-dense').classes('w-64')
                    stage_badge(services, hearing.id)
                    with ui.link(target=f'/hearings/{hearing.id}/record').classes(
                            'inline-flex items-center gap-1 text-sm text-blue-900 no-underline px-3 py-1.5 rounded '
                            'hover:bg-blue-50'):
                        ui.icon('arrow_back', size='1.1rem')
                        ui.label(t('rec_review_back'))
            self.verification = testid(ui.row(), 'review-verification').classes(
                'w-full items-center no-wrap gap-3 rounded-lg border px-4 py-2')
            self.verification.props('data-valid=pending')
            with ui.row().classes('w-full items-start no-wrap gap-4'):
                with ui.column().classes('flex-1 min-w-0 gap-2'):
                    with ui.element('div').classes('w-full relative bg-black rounded-lg overflow-hidden'):
                        self.video = testid(ui.element('video'), 'review-video').classes(
                            'w-full block aspect-video max-h-[calc(100vh-15rem)] bg-black')
                        self.video.props('controls preload=auto playsinline')
                        self.warning = testid(ui.label(), 'review-warning').classes(
                            'absolute top-2 left-2 right-2 text-center text-sm font-semibold text-white '
                            'bg-red-700/85 rounded px-3 py-1 pointer-events-none')
                        self.warning.set_visibility(False)
                    with ui.row().classes('w-full items-center justify-between no-wrap gap-3 text-sm'):
                        with ui.row().classes('items-center no-wrap gap-2'):
                            ui.icon('schedule', size='1.1rem').classes('text-slate-600')
                            ui.label(t('rec_review_clock')).classes('text-slate-600')
                            self.clock = testid(ui.label('–'), 'review-clock').classes(
                                'font-mono font-semibold text-slate-800')
                            self.clock.props('id=review-clock')
                        self.series_info = ui.label().classes('text-xs text-slate-600')
                with ui.column().classes('w-[25rem] shrink-0 gap-3'):
                    self._on_screen_panel()
                    with ui.card().classes('w-full p-0 gap-0'):
                        with ui.row().classes('w-full items-center no-wrap gap-2 px-4 py-2 border-b '
                                              'border-slate-200'):
                            ui.icon('history_edu', size='1.2rem').classes('text-blue-900')
                            ui.label(t('rec_review_timeline')).classes('text-base font-semibold text-slate-800')
                        self.timeline_box = testid(ui.column(), 'review-timeline').classes(
                            'w-full gap-0 px-1 py-1 h-[calc(100vh-26rem)] min-h-[10rem] overflow-y-auto') \
                            .props(f'tabindex=0 role=region aria-label="{t("rec_review_timeline")}"')
        ui.on('review_time', self.on_time)

    def _on_screen_panel(self) -> None:
        with testid(ui.card(), 'on-screen-exhibit').classes('w-full p-3 gap-2') as self.on_screen:
            with ui.row().classes('w-full items-center no-wrap gap-2'):
                ui.icon('slideshow', size='1.2rem').classes('text-blue-900')
                ui.label(t('rec_review_on_screen')).classes('text-base font-semibold text-slate-800')
            with ui.row().classes('w-full items-start no-wrap gap-3'):
                with ui.element('div').classes('w-[6.5rem] h-[8.5rem] shrink-0 bg-slate-200 rounded flex '
                                               'items-center justify-center overflow-hidden'):
                    self.thumb = self._page_box('on-screen-thumb')
                    self.thumb_icon = ui.icon('tv_off', size='2rem').classes('text-slate-400')
                with ui.column().classes('gap-0.5 min-w-0 flex-1'):
                    self.on_screen_title = testid(ui.label(), 'on-screen-title').classes(
                        'text-sm font-semibold text-slate-800 line-clamp-3 break-words')
                    self.on_screen_page = ui.label().classes('text-sm text-slate-600')
                    self.on_screen_marks = testid(ui.label(), 'on-screen-marks').classes('text-sm text-slate-700')
                    self.on_screen_laser = testid(ui.label(t('rec_review_laser')), 'on-screen-laser').classes(
                        'text-sm text-red-800 font-medium')
                    self.on_screen_playback = testid(ui.label(), 'on-screen-playback').classes(
                        'text-sm text-slate-800 font-mono')
                    self.on_screen_since = ui.label().classes('text-xs text-slate-500')
            # a case map on the screens: drawn as it was shown (its version, no notes)
            self.map_image = testid(ui.element('img'), 'on-screen-map').classes(
                'w-full max-h-[24rem] object-contain bg-white rounded border border-slate-200')
            self.map_image.visible = False
            with ui.row().classes('w-full items-start no-wrap gap-3') as self.beside_row:
                with ui.element('div').classes('w-[6.5rem] h-[8.5rem] shrink-0 bg-slate-200 rounded flex '
                                               'items-center justify-center overflow-hidden'):
                    self.beside_thumb = self._page_box('on-screen-beside-thumb')
                self.on_screen_beside = testid(ui.label(), 'on-screen-beside').classes(
                    'text-sm text-slate-700 font-medium min-w-0 flex-1 break-words')
        self.show_on_screen(OnScreen('idle'))

    @staticmethod
    def _page_box(name: str) -> ui.element:
        """A page's thumbnail in a box of its own size, so that its marks (SVG, in page units) lie over it."""
        with testid(ui.element('div'), name).classes('relative') as box:
            ui.element('img').classes('block max-w-[6.5rem] max-h-[8.5rem] bg-white shadow-sm').props('alt=""')
        return box

    def _show_page(self, box: ui.element, exhibit_id: int | None, page: int | None,
                   marks: tuple[dict[str, Any], ...]) -> None:
        box.set_visibility(exhibit_id is not None and page is not None)
        if exhibit_id is None or page is None or self._drawn.get(box.id) == (exhibit_id, page, marks):
            return  # nothing to draw, or drawn already (a recording playing changes the state every tick)
        self._drawn[box.id] = (exhibit_id, page, marks)
        image = box.default_slot.children[0]
        image.props['src'] = self.services.signer.page_url(f'u{self.user.id}', exhibit_id, page, 480)
        image.update()
        box.props(f'data-marks={len(marks)}')
        ui.run_javascript(f'courtroomReview.drawMarks({json.dumps(box.html_id)}, {json.dumps(list(marks))})')

    # --- loading ----------------------------------------------------------------------------------------------

    async def load(self, source: str | None, series: str | None) -> None:
        s, h, language = self.services, self.hearing.id, lang()
        loaded = await run.io_bound(lambda: (s.recordings.segments(h), source_names(s, h),
                                             s.minutes.entries(h, language), s.exhibits.of_hearing(h),
                                             s.audit.entries(h)))
        if loaded is None:
            return
        self.segments, self.names, self.entries, exhibits, audit_entries = loaded
        self.exhibits = {e.id: e for e in exhibits}
        self.timeline = screen_timeline(audit_entries)
        self.groups = group_segments(self.segments)
        ui.run_javascript(f'courtroomReview.init({self.video.id}, "review-clock", {json.dumps(self.zone.key)})')
        sources = list(dict.fromkeys(src for src, _ in self.groups))
        self.source_select.options = {src: source_name(self.names, src) for src in sources}
        self.source_select.update()
        self.render_timeline()
        if not sources:
            self.set_verification('none', t('rec_review_nothing'))
            return
        self.source_select.value = source if source in sources else sources[0]  # → on_source
        if series and (self.source_select.value, series) in self.groups:
            self.series_select.value = series

    def series_of(self, source: str) -> list[str]:
        return [series for src, series in self.groups if src == source]

    def on_source(self) -> None:
        source = self.source_select.value
        options = {}
        for series in self.series_of(source):
            items = self.groups[(source, series)]
            span = sum(s.duration for s in items)
            options[series] = t('rec_review_series_option', start=format_datetime(items[0].started_at, self.zone),
                                time=format_duration(span))
        self.series_select.options = options
        self.series_select.update()
        self.series_select.value = next(reversed(options), None) if options else None

    async def on_series(self) -> None:
        source, series = self.source_select.value, self.series_select.value
        if (source, series) != self.opened:  # not already opened by a click on the timeline
            await self.open_series(source, series)

    async def open_series(self, source: str | None, series: str | None, seek_to: float | None = None) -> None:
        """Verify the series, then hand it to the player (and go to ``seek_to``)."""
        self.loading += 1
        ticket = self.loading
        self.opened = (source, series)
        segments = self.groups.get((source, series), []) if source and series else []
        self.current = []
        self.client_load([])
        self.render_timeline()
        if not segments:
            return
        first, last = segments[0], segments[-1]
        self.series_info.text = t('rec_review_series_info', n=len(segments),
                                  start=format_time(first.started_at, self.zone),
                                  end=format_time(last.ended_at, self.zone))
        self.set_verification('pending', t('rec_review_verifying', n=len(segments)))
        check = await run.io_bound(check_series, self.services, self.hearing.id, segments)
        if check is None or ticket != self.loading:  # stopping, or another series was picked meanwhile
            return
        self.show_check(check, len(segments))
        self.current = segments
        self.client_load(segments)
        self.render_timeline()
        if seek_to is not None:
            self.seek(seek_to)
        else:
            self.show_on_screen(on_screen_at(self.timeline, first.started_at))

    def client_load(self, segments: list[Segment]) -> None:
        payload = [{'url': segment_url(self.hearing.id, s), 'start': s.started_at, 'end': s.ended_at,
                    'seq': s.seq} for s in segments]
        self.video.props(f'data-segments={len(segments)}')
        ui.run_javascript(f'courtroomReview.init({self.video.id}, "review-clock", {json.dumps(self.zone.key)});'
                          f'courtroomReview.load({json.dumps(payload)})')

    # --- verification -----------------------------------------------------------------------------------------

    def set_verification(self, valid: str, text: str, details: list[str] | None = None) -> None:
        style = {'true': 'bg-green-50 border-green-300 text-green-900',
                 'false': 'bg-red-600 border-red-800 text-white',
                 'pending': 'bg-slate-50 border-slate-300 text-slate-700',
                 'none': 'bg-slate-50 border-slate-300 text-slate-600'}[valid]
        icon = {'true': 'verified', 'false': 'gpp_bad', 'pending': 'hourglass_top', 'none': 'videocam_off'}[valid]
        self.verification.props(f'data-valid={valid}')
        self.verification.classes(replace='nicegui-row w-full items-center no-wrap gap-3 rounded-lg border px-4 py-2 '
                                          + style)
        self.verification.clear()
        with self.verification:
            if valid == 'pending':
                ui.spinner(size='1.4rem')
            else:
                ui.icon(icon, size='1.6rem' if valid != 'false' else '2rem').classes('shrink-0')
            with ui.column().classes('gap-0 min-w-0'):
                testid(ui.label(text), 'review-verification-text') \
                    .classes('text-sm font-semibold' if valid != 'false' else 'text-base font-bold')
                for line in details or []:
                    testid(ui.label(line), 'review-verification-problem').classes('text-xs break-all')
        self.warning.text = t('rec_review_warning') if valid == 'false' else ''
        self.warning.set_visibility(valid == 'false')

    def show_check(self, check: SeriesCheck, count: int) -> None:
        if check.ok:
            self.set_verification('true', t('rec_review_valid', n=count))
            return
        details = [t('rec_review_problem', seq=f'{c.seq:05d}', problem=t(PROBLEM_KEYS[c.problem]))
                   for c in check.failed[:6]]
        if len(check.failed) > 6:
            details.append(t('rec_review_more', n=len(check.failed) - 6))
        if not check.chain_ok:
            details.insert(0, t('rec_review_chain_broken', seq=check.chain_broken_at))
        self.set_verification('false', t('rec_review_invalid', n=len(check.failed), total=count), details)

    # --- the timeline -----------------------------------------------------------------------------------------

    def render_timeline(self) -> None:
        start = self.current[0].started_at if self.current else None
        end = self.current[-1].ended_at if self.current else None
        self.timeline_box.clear()
        with self.timeline_box:
            if not self.entries:
                ui.label(t('rec_minutes_empty')).classes('text-sm text-slate-500 px-3 py-3')
                return
            for entry in self.entries:
                at = entry_time(entry)
                inside = start is not None and end is not None and start <= at <= end
                # outside the recording: dimmed by colour, not opacity, so the text keeps its contrast
                with keyboard_button(testid(ui.row(), 'timeline-entry')).classes(
                        'w-full items-start no-wrap gap-2 px-2 py-1.5 rounded border-b border-slate-100 cursor-pointer '
                        + ('hover:bg-blue-50' if inside else 'bg-slate-50')) as row:
                    row.props(f'data-at={at:.3f} data-in-recording={"true" if inside else "false"} '
                              f'data-kind={entry.kind}')
                    row.on('click', lambda at=at: self.go_to(at))
                    ui.label(format_time(entry.at, self.zone)) \
                        .classes('font-mono text-xs w-14 shrink-0 pt-0.5 '
                                 + ('text-slate-700' if inside else 'text-slate-600'))
                    with ui.column().classes('gap-0 min-w-0 flex-1'):
                        ui.label(entry.text).classes('text-sm leading-snug break-words '
                                                     + ('font-medium ' if entry.kind == 'clerk' else '')
                                                     + ('text-slate-900' if inside and entry.kind == 'clerk'
                                                        else 'text-slate-700' if inside else 'text-slate-600'))
                        if inside and start is not None:
                            ui.label('▶ ' + format_duration(at - start)).classes('text-[11px] font-mono text-blue-800')

    async def go_to(self, at: float) -> None:
        """Go to the entry's moment: in this series, or in the series of this source that holds it."""
        if self.current and self.current[0].started_at <= at <= self.current[-1].ended_at:
            self.seek(at)
            return
        source = self.source_select.value
        for series in self.series_of(source):
            items = self.groups[(source, series)]
            if items[0].started_at <= at <= items[-1].ended_at:
                self.opened = (source, series)  # the select's change must not open it a second time
                self.series_select.set_value(series)
                await self.open_series(source, series, seek_to=at)
                return
        self.show_on_screen(on_screen_at(self.timeline, at))
        ui.notify(t('rec_review_not_recorded'), type='warning')

    def seek(self, at: float) -> None:
        ui.run_javascript(f'courtroomReview.seek({at:.3f}, true)')
        self.show_on_screen(on_screen_at(self.timeline, at))

    # --- what was on the screens ------------------------------------------------------------------------------

    def on_time(self, e: GenericEventArguments) -> None:
        args = e.args if isinstance(e.args, dict) else {}
        try:
            at = float(args.get('t'))
        except (TypeError, ValueError):
            return
        self.show_on_screen(on_screen_at(self.timeline, at))

    def show_on_screen(self, shown: OnScreen) -> None:
        if shown == self.shown:
            return
        self.shown = shown
        # set one by one: props('name=') with nothing after the '=' would leave the value before in place
        for name, value in (('state', shown.state), ('exhibit-id', shown.exhibit_id), ('page', shown.page),
                            ('beside-exhibit-id', shown.beside_exhibit_id), ('beside-page', shown.beside_page),
                            ('map-id', shown.map.get('map_id') if shown.map else None)):
            self.on_screen.props[f'data-{name}'] = '' if value is None else str(value)
        self.on_screen.update()
        exhibit = self.exhibits.get(shown.exhibit_id) if shown.exhibit_id is not None else None
        showing = shown.state == 'showing' and shown.page is not None and shown.exhibit_id is not None
        self.thumb_icon.set_visibility(not showing)
        self.thumb_icon.name = ('tv_off' if shown.state == 'blank' else 'account_tree' if shown.map
                                else 'desktop_windows')
        self._show_page(self.thumb, shown.exhibit_id if showing else None, shown.page, shown.marks)
        if showing:
            assert shown.exhibit_id is not None and shown.page is not None
            self.on_screen_title.text = f'{exhibit.label} · {exhibit.title}' if exhibit else f'#{shown.exhibit_id}'
            bl = page_bl(exhibit, shown.page) if exhibit else None
            self.on_screen_page.text = t('page') + f' {shown.page}' + (f' · BL {bl}' if bl is not None else '')
        elif shown.map is not None:  # a case map: its title, the branch shown, and the map drawn
            self.on_screen_title.text = t('rec_review_map', title=shown.map.get('title') or '')
            self.on_screen_page.text = shown.map.get('branch') or ''
        else:
            self.on_screen_title.text = t('rec_review_blank' if shown.state == 'blank' else 'rec_review_idle')
            self.on_screen_page.text = ''
        count = len(shown.marks) + len(shown.beside_marks)
        self.on_screen_marks.text = t('rec_review_marks', n=count) if showing and count else ''
        self.on_screen_marks.set_visibility(bool(self.on_screen_marks.text))
        self.on_screen_laser.set_visibility(showing and shown.laser)
        self.on_screen_playback.text = self._playback_text(shown) if showing else ''
        self.on_screen_playback.set_visibility(bool(self.on_screen_playback.text))
        beside = self.exhibits.get(shown.beside_exhibit_id) if shown.beside_exhibit_id is not None else None
        self.beside_row.set_visibility(showing and beside is not None)
        self.on_screen_beside.text = t('sbs_review_beside', what=shown_text(beside, shown.beside_page)) \
            if showing and beside is not None else ''
        self._show_page(self.beside_thumb, shown.beside_exhibit_id if showing and beside else None,
                        shown.beside_page, shown.beside_marks)
        self._show_map(shown.map)
        self.on_screen_since.text = \
            t('rec_review_since', at=format_time(shown.since, self.zone)) if shown.since else ''

    def _show_map(self, shown: dict[str, Any] | None) -> None:
        key = (shown.get('map_id'), shown.get('map_version')) if shown else None
        self.map_image.visible = key is not None
        if key is None or self.map_image.props.get('data-map') == f'{key[0]}/{key[1]}':
            return
        self.map_image.props['data-map'] = f'{key[0]}/{key[1]}'
        self.map_image.props['alt'] = t('rec_review_map', title=shown.get('title') or '') if shown else ''
        if key in self._map_images:
            self.map_image.props['src'] = self._map_images[key]
            self.map_image.update()
        else:
            background_tasks.create(self._draw_map(key), name='review map')

    async def _draw_map(self, key: tuple[Any, Any]) -> None:
        """The map version as a PNG (drawn in a worker thread), shown if it is still the one on screen."""
        def draw() -> str:
            found = self.services.maps.version(int(key[0]), int(key[1]))
            return 'data:image/png;base64,' + base64.b64encode(map_png(found.title, found.root, max_width=900)).decode()
        try:
            self._map_images[key] = await run.io_bound(draw)
        except CourtroomError:
            return
        if self.map_image.props.get('data-map') == f'{key[0]}/{key[1]}':
            self.map_image.props['src'] = self._map_images[key]
            self.map_image.update()

    @staticmethod
    def _playback_text(shown: OnScreen) -> str:
        played = shown.playback
        if played is None:
            return ''
        position = format_duration(played.position_s)
        text = t('rec_review_playing' if played.playing else 'rec_review_paused', position=position)
        return text + (f' · {t("rec_review_clip", name=played.clip)}' if played.clip else '')
