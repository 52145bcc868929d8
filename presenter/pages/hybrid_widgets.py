"""Widgets the presiding judge's panel and the clerk's participants page share for a hybrid hearing: the outage
prompt (a component point lost every connection for more than 10 s: a persistent banner and a dialog proposing to
suspend the hearing; a banner again when the point is back; the same when recording halted because the disk is
full, until it is turned on again), and the judge's card of remote participants (state, speaking, raised hand,
link quality, mute and remove)."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from nicegui import run, ui
from nicegui.element import Element

from courtroom.court_time import format_time
from courtroom.errors import CourtroomError
from courtroom.outages import Outage
from courtroom.participants import Participant, ParticipantRole, ParticipantState
from courtroom.points import Point
from courtroom.roles import Action, may, require
from courtroom.users import User

from ..conference import MediaEvent
from ..live import follow
from ..services import Services
from ..session import error_text, t
from .components import testid
from .participant_labels import quality, state_badge


def quality_short(stats: dict[str, Any] | None) -> str:
    """The link's round-trip time, loss and frame rate in a few characters, or '' before media flows."""
    shown = quality(stats)
    return t('ctl_quality_short', rtt=shown[0], loss=shown[1], fps=shown[2]) if shown else ''


HALT_KEYS = {'disk_full': 'ctl_halt_disk_full'}  # why recording halted: the banner's words


# --- the outage prompt ----------------------------------------------------------------------------------------

class OutagePrompt:
    """Banners at the place it is made, one per component point that lost (red, persistent) or regained (green,
    dismissable) its connection, and a dialog asking to suspend the hearing when a point is lost. The outage itself
    is already in the audit log (the conference wrote it): acknowledging records nothing more."""

    def __init__(self, services: Services, hearing_id: int,
                 on_outage: Callable[[], Awaitable[Any]] | None = None) -> None:
        self.services = services
        self.zone = services.settings.time_zone  # the court's: every time shown
        self.hearing_id = hearing_id
        self.on_outage_hook = on_outage
        self.banners: dict[int, Element] = {}
        self.halt_banner: Element | None = None
        self.opened = datetime.now(UTC).isoformat(timespec='microseconds')  # halts since then get the dialog
        self.halt_prompted: str | None = None
        self.halt_banner_at: str | None = None
        self.dialog_point: int | None = None
        self.box = testid(ui.column(), 'outage-banners').classes('w-full gap-2 empty:hidden')
        with ui.dialog().props('persistent') as self.dialog, \
                testid(ui.card(), 'outage-dialog').classes(
                    'w-[34rem] max-w-[95vw] p-6 gap-3 border-t-8 border-red-700'):
            with ui.row().classes('w-full items-center no-wrap gap-3'):
                self.dialog_icon = ui.icon('portable_wifi_off', size='2.2rem').classes('text-red-700 shrink-0')
                self.dialog_title = ui.label(t('ctl_outage_title')).classes('text-xl font-semibold text-red-900')
            self.dialog_text = testid(ui.label(), 'outage-dialog-text').classes('text-base text-slate-800')
            self.dialog_hint = ui.label(t('ctl_outage_hint')).classes('text-xs text-slate-500')
            with ui.row().classes('w-full justify-end'):
                testid(ui.button(t('ctl_outage_ack'), icon='check', on_click=self.acknowledge), 'outage-ack') \
                    .props('unelevated no-caps color=red-9')

    async def load(self) -> None:
        follow(self.services.conference.outages, self.on_outage)
        follow(self.services.recordings.changed, self.on_recording)
        for outage in await run.io_bound(self.services.conference.current_outages, self.hearing_id):
            self._banner(outage)
        await self.on_recording(self.hearing_id)

    async def on_recording(self, hearing_id: int) -> None:
        """Recording halted (the disk is full): a red banner while it stays off, and the dialog once for a halt that
        came after the page opened, whether the page's first look or the event found it first."""
        if hearing_id != self.hearing_id:
            return
        halt = await run.io_bound(self.services.recordings.halted, self.hearing_id)
        if halt is None:
            if self.halt_banner is not None:
                self.halt_banner.delete()
                self.halt_banner = None
            return
        text = t(HALT_KEYS[halt.reason], time=format_time(halt.at, self.zone)) if halt.reason in HALT_KEYS \
            else t('ctl_halt_title')
        if self.halt_banner is not None and self.halt_banner_at != halt.at:  # halted again since (an event missed)
            self.halt_banner.delete()
            self.halt_banner = None
        if self.halt_banner is None:
            self.halt_banner_at = halt.at
            with self.box:
                with testid(ui.row(), 'recording-halt-banner').classes(
                        'w-full items-center no-wrap gap-3 rounded-lg border border-red-400 bg-red-700 text-white '
                        'px-4 py-2.5 shadow-sm') as self.halt_banner:
                    self.halt_banner.props['role'] = 'alert'
                    ui.icon('report', size='1.6rem').classes('shrink-0')
                    ui.label(text).classes('flex-1 min-w-0 text-base font-semibold')
        if halt.at >= self.opened and self.halt_prompted != halt.at:
            self.halt_prompted = halt.at
            self.prompt(None, 'report', t('ctl_halt_title'), text, t('ctl_halt_hint'))

    async def on_outage(self, outage: Outage) -> None:
        if outage.hearing_id != self.hearing_id:
            return
        self._banner(outage)
        if outage.over:
            if self.dialog_point == outage.point_id:
                self.acknowledge()
        else:
            self.prompt(outage.point_id, 'portable_wifi_off', t('ctl_outage_title'),
                        t('ctl_outage_text', point=outage.point_name, time=format_time(outage.since, self.zone)),
                        t('ctl_outage_hint'))
        if self.on_outage_hook is not None:
            await self.on_outage_hook()

    def prompt(self, point_id: int | None, icon: str, title: str, text: str, hint: str) -> None:
        """The one dialog, for a point lost (``point_id``: its coming back closes it) or a recording halted."""
        self.dialog_point = point_id
        self.dialog_icon.name = icon
        self.dialog_title.text = title
        self.dialog_text.text = text
        self.dialog_hint.text = hint
        self.dialog.open()

    def acknowledge(self) -> None:
        self.dialog_point = None
        self.dialog.close()

    def _banner(self, outage: Outage) -> None:
        old = self.banners.pop(outage.point_id, None)
        if old is not None:
            old.delete()
        lost = not outage.over
        tone = 'border-red-400 bg-red-700 text-white' if lost else 'border-green-300 bg-green-50 text-green-900'
        with self.box:
            with testid(ui.row(), 'outage-banner').classes(
                    f'w-full items-center no-wrap gap-3 rounded-lg border px-4 py-2.5 shadow-sm {tone}') as banner:
                banner.props['data-point-id'] = str(outage.point_id)
                banner.props['data-over'] = 'true' if outage.over else 'false'
                ui.icon('portable_wifi_off' if lost else 'wifi', size='1.6rem').classes('shrink-0')
                text = (t('ctl_outage_text', point=outage.point_name, time=format_time(outage.since, self.zone))
                        if lost else
                        t('ctl_restored_text', point=outage.point_name, time=format_time(time.time(), self.zone)))
                testid(ui.label(text), 'outage-banner-text').classes(
                    'flex-1 min-w-0 text-base font-semibold' if lost else 'flex-1 min-w-0 text-sm font-medium')
                if not lost:
                    testid(ui.button(t('ctl_dismiss'), icon='close',
                                     on_click=lambda pid=outage.point_id: self.dismiss(pid)), 'outage-dismiss') \
                        .props('flat dense no-caps size=sm color=green-9')
        self.banners[outage.point_id] = banner

    def dismiss(self, point_id: int) -> None:
        banner = self.banners.pop(point_id, None)
        if banner is not None:
            banner.delete()


# --- the judge's card of remote participants ------------------------------------------------------------------

class RemoteParticipants:
    """Everyone admitted to the hearing from a connection point (the courtroom's own PC aside): point, state,
    speaking, raised hand with its time, link quality; mute, unmute and remove for those who may."""

    def __init__(self, services: Services, user: User, hearing_id: int) -> None:
        self.services = services
        self.zone = services.settings.time_zone  # the court's: every time shown
        self.user = user
        self.hearing_id = hearing_id
        self.may_control = may(user.role, Action.CONTROL_PARTICIPANTS)
        self.loaded: tuple[Any, ...] | None = None
        self.points: dict[int, Point] = {}
        self.people: list[Participant] = []
        self.speaking: dict[int, Element] = {}
        self.quality_labels: dict[int, Element] = {}
        self.quality_tips: dict[int, Any] = {}
        self._pending: Participant | None = None
        with testid(ui.card(), 'remote-participants').classes('w-full p-0 gap-0'):
            with ui.row().classes('w-full items-center no-wrap gap-2 px-4 py-2.5 border-b border-slate-200'):
                ui.icon('video_camera_front', size='1.3rem').classes('text-blue-900')
                ui.label(t('ctl_remote_title')).classes('text-sm font-semibold text-slate-800 flex-1')
                self.count = testid(ui.label(), 'remote-count').classes(
                    'text-xs font-semibold rounded-full px-2 bg-slate-200 text-slate-700')
            with testid(ui.row(), 'remote-waiting').classes(
                    'w-full items-start no-wrap gap-2 px-4 py-2 bg-amber-50 border-b border-amber-200') as self.waiting:
                ui.icon('hourglass_top', size='1.1rem').classes('text-amber-700 shrink-0 mt-0.5')
                with ui.column().classes('gap-0 min-w-0'):
                    self.waiting_text = testid(ui.label(), 'remote-waiting-count') \
                        .classes('text-sm font-medium text-amber-900')
                    ui.label(t('ctl_waiting_hint')).classes('text-xs text-amber-800')
            self.waiting.visible = False
            self.list = ui.column().classes('w-full gap-0 max-h-[360px] overflow-y-auto')
        with ui.dialog() as self.confirm, testid(ui.card(), 'remote-confirm').classes('w-[28rem] p-6 gap-3'):
            self.confirm_title = testid(ui.label(), 'remote-confirm-title') \
                .classes('text-lg font-semibold text-slate-800')
            ui.label(t('ctl_remove_text')).classes('text-sm text-slate-600')
            with ui.row().classes('w-full justify-end gap-2'):
                ui.button(t('cancel'), on_click=self.confirm.close).props('flat no-caps')
                testid(ui.button(t('hybrid_remove'), icon='person_remove', on_click=self.remove_confirmed),
                       'remote-confirm-button').props('unelevated no-caps color=red-9')

    async def load(self) -> None:
        await self.reload()
        follow(self.services.participants.changed, self.on_changed)
        follow(self.services.conference.media_events, self.on_media)
        ui.timer(3.0, self.refresh_quality)

    async def on_changed(self, hearing_id: int) -> None:
        if hearing_id == self.hearing_id:
            await self.reload()

    async def reload(self) -> None:
        s, h = self.services, self.hearing_id
        loaded = await run.io_bound(lambda: (s.points.of_hearing(h), s.participants.of_hearing(h),
                                             s.participants.hands(h)))
        if loaded is None or loaded == self.loaded:
            return
        self.loaded = loaded
        points, participants, hands = loaded
        self.points = {p.id: p for p in points}
        self.people = [p for p in participants if p.state.in_hearing and p.role is not ParticipantRole.COURTROOM]
        waiting = sum(p.state is ParticipantState.WAITING for p in participants)
        self.waiting.visible = waiting > 0
        self.waiting_text.text = t('ctl_waiting', n=waiting)
        self.count.text = str(len(self.people))
        self.render(hands)

    def render(self, hands: dict[int, float]) -> None:
        self.list.clear()
        self.speaking.clear()
        self.quality_labels.clear()
        self.quality_tips.clear()
        with self.list:
            if not self.people:
                testid(ui.label(t('ctl_remote_none')), 'remote-none').classes('px-4 py-3 text-sm text-slate-500')
            for p in self.people:
                point = self.points.get(p.point_id)
                with testid(ui.column(), 'remote-row').classes(
                        'w-full gap-1 px-4 py-2 border-b border-slate-100 last:border-b-0') as row:
                    row.props['data-participant-id'] = str(p.id)
                    row.props['data-state'] = p.state.value
                    row.props['data-muted'] = 'true' if p.muted else 'false'
                    with ui.row().classes('w-full items-center no-wrap gap-2'):
                        dot = testid(ui.icon('graphic_eq', size='1.2rem'), 'speaking') \
                            .classes('shrink-0 text-slate-300')
                        dot.props['data-participant-id'] = str(p.id)
                        dot.props['data-speaking'] = 'false'
                        dot.tooltip(t('ctl_speaking'))
                        self.speaking[p.id] = dot
                        with ui.column().classes('flex-1 min-w-0 gap-0'):
                            with ui.row().classes('w-full items-center no-wrap gap-1 min-w-0'):
                                testid(ui.label(p.name), 'remote-name') \
                                    .classes('text-sm font-semibold text-slate-800 truncate min-w-0').tooltip(p.name)
                                if p.muted:
                                    testid(ui.icon('mic_off', size='1rem'), 'remote-muted') \
                                        .classes('text-red-700 shrink-0').tooltip(t('hybrid_muted'))
                            ui.label(point.name if point else '').classes('text-xs text-slate-500 truncate w-full')
                        state_badge(p.state)
                    with ui.row().classes('w-full items-center no-wrap gap-1 pl-7'):
                        if p.id in hands:
                            with testid(ui.row(), 'hand-raised').classes(
                                    'items-center no-wrap gap-1 rounded-full bg-amber-400 text-slate-900 px-2 '
                                    'py-0.5 shrink-0') as hand:
                                hand.props['data-participant-id'] = str(p.id)
                                ui.icon('pan_tool', size='0.95rem')
                                ui.label(format_time(hands[p.id], self.zone)) \
                                    .classes('text-xs font-semibold tabular-nums')
                            hand.tooltip(t('ctl_hand', time=format_time(hands[p.id], self.zone)))
                        quality = testid(ui.label(), 'remote-quality').classes(
                            'flex-1 min-w-0 text-[11px] tabular-nums text-slate-500 truncate')
                        with quality:
                            self.quality_tips[p.id] = ui.tooltip('')
                        self.quality_labels[p.id] = quality
                        if self.may_control:
                            if p.muted:
                                testid(ui.button(icon='mic', on_click=lambda x=p: self.set_muted(x, False)),
                                       'remote-unmute').props('flat dense round size=sm color=green-9') \
                                    .tooltip(t('hybrid_unmute')).props['aria-label'] = t('a11y_unmute_person',
                                                                                          name=p.name)
                            else:
                                testid(ui.button(icon='mic_off', on_click=lambda x=p: self.set_muted(x, True)),
                                       'remote-mute').props('flat dense round size=sm color=grey-8') \
                                    .tooltip(t('hybrid_mute')).props['aria-label'] = t('a11y_mute_person', name=p.name)
                            testid(ui.button(icon='person_remove', on_click=lambda x=p: self.ask_remove(x)),
                                   'remote-remove').props('flat dense round size=sm color=red-9') \
                                .tooltip(t('hybrid_remove')).props['aria-label'] = t('a11y_remove_person', name=p.name)
        self.refresh_quality()

    def refresh_quality(self) -> None:
        states = {p.id: p.state for p in self.people}
        for pid, label in self.quality_labels.items():
            stats = self.services.participants.stats(pid) if states.get(pid) is ParticipantState.CONNECTED else None
            text = quality_short(stats)
            if label.text != text:  # type: ignore[attr-defined]
                label.text = text  # type: ignore[attr-defined]
                shown = quality(stats)
                self.quality_tips[pid].text = t('hybrid_quality', rtt=shown[0], loss=shown[1], fps=shown[2]) \
                    if shown else ''

    def on_media(self, media: MediaEvent) -> None:
        if media.hearing_id != self.hearing_id or media.event.get('event') != 'audio_levels':
            return
        levels = media.event.get('levels') or {}
        for pid, dot in self.speaking.items():
            value = levels.get(str(pid)) or {}
            speaking = bool(value.get('speaking')) if isinstance(value, dict) else False
            if (dot.props.get('data-speaking') == 'true') != speaking:
                dot.props['data-speaking'] = 'true' if speaking else 'false'
                dot.classes(replace='shrink-0 ' + ('text-green-600' if speaking else 'text-slate-300'))

    # --- actions ----------------------------------------------------------------------------------------------

    async def _act(self, call: Callable[[], Any]) -> bool:
        try:
            require(self.user.role, Action.CONTROL_PARTICIPANTS)
            await run.io_bound(call)
        except CourtroomError as e:
            ui.notify(error_text(e), type='negative')
            return False
        finally:
            await self.reload()
        return True

    async def set_muted(self, p: Participant, muted: bool) -> None:
        await self._act(lambda: self.services.participants.set_muted(p.id, muted, actor=self.user.username))

    def ask_remove(self, p: Participant) -> None:
        self._pending = p
        self.confirm_title.text = t('ctl_remove_title', name=p.name)
        self.confirm.open()

    async def remove_confirmed(self) -> None:
        p, self._pending = self._pending, None
        self.confirm.close()
        if p is None:
            return
        if await self._act(lambda: self.services.participants.revoke(p.id, actor=self.user.username,
                                                                      action='removed')):
            ui.notify(t('ctl_removed', name=p.name), type='positive')
