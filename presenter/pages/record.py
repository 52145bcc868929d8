"""The hearing's record for staff (``/hearings/{id}/record``): the stage, the recording (``recording_panel``), the
minutes (``minutes_panel``) and the signed record, exported or verified here (``record_export``). This module lays
them out, loads them and keeps them live."""

from __future__ import annotations

from nicegui import run, ui

from courtroom.hearings import Hearing
from courtroom.roles import Action, may
from courtroom.users import User

from ..live import follow
from ..services import Services
from ..session import t
from .components import testid
from .hearing_page import hearing_for
from .minutes_panel import MinutesPanel
from .minutes_signing_panel import MinutesSigningPanel
from .record_export import RecordExport
from .record_labels import people_names, series_started, source_names
from .recording_panel import RecordingPanel
from .session_panel import SessionPanel
from .stage_widgets import stage_badge, stage_control

__all__ = ['RecordPage', 'register', 'series_started']  # the labels: older imports


def register(services: Services) -> None:
    @ui.page('/hearings/{hearing_id}/record')
    async def record_page(hearing_id: int) -> None:
        opened = await hearing_for(services, hearing_id, Action.VIEW_HEARING, t('rec_title'))
        if opened is None:
            return
        user, hearing = opened
        page = RecordPage(services, user, hearing)
        await page.load()


class RecordPage:
    def __init__(self, services: Services, user: User, hearing: Hearing) -> None:
        self.services = services
        self.user = user
        self.hearing = hearing

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
                    self.recording_panel = RecordingPanel(services, user, hearing)
                    self.record_export = RecordExport(services, user, hearing)
                    self.signing_panel = MinutesSigningPanel(services, user, hearing.id, hearing.kind)
                    self.session_panel = SessionPanel(services, user, hearing.id, hearing.kind) \
                        if hearing.kind != 'hearing' else None
                self.minutes_panel = MinutesPanel(services, user, hearing.id, hearing.kind)
        self.record_export.build_dialog()
        ui.context.client.on_delete(self.record_export.cleanup)

    async def load(self) -> None:
        s, h = self.services, self.hearing.id
        loaded = await run.io_bound(lambda: (source_names(s, h), people_names(s, h)))
        if loaded is None:
            return
        minutes = self.minutes_panel
        self.recording_panel.names, minutes.people = loaded
        # followed before the first load: a segment closed while the page loads is not missed
        follow(s.minutes.changed, lambda hearing_id: self.on_minutes(hearing_id))
        follow(s.recordings.changed, lambda hearing_id: self.on_recording(hearing_id))
        follow(s.stages.changed, lambda change: minutes.reload_minutes() if change.hearing_id == h else None)
        # the system's own entries, as they happen: what the screens show, the roll call, a point's outage
        follow(s.presentation.changed, lambda snap: minutes.reload_minutes() if snap.state.hearing_id == h else None)
        follow(s.participants.changed, lambda hearing_id: self.on_roll_call() if hearing_id == h else None)
        follow(s.conference.outages, lambda outage: minutes.reload_minutes() if outage.hearing_id == h else None)
        await self.recording_panel.reload_recording()
        await minutes.reload_minutes()
        await self.signing_panel.reload()
        await self.reload_session()

    async def reload_session(self) -> None:
        if self.session_panel is not None:
            await self.session_panel.reload()

    async def on_roll_call(self) -> None:
        await self.minutes_panel.reload_minutes()
        await self.reload_session()  # who is questioned

    async def on_minutes(self, hearing_id: int) -> None:
        if hearing_id == self.hearing.id:  # an entry, a signature or a correction
            await self.minutes_panel.reload_minutes()
            await self.signing_panel.reload()
            await self.reload_session()

    async def on_recording(self, hearing_id: int) -> None:
        if hearing_id == self.hearing.id:
            await self.recording_panel.reload_recording()
            await self.minutes_panel.reload_minutes()  # recording starts and stops are entries too
