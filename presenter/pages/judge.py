"""The presiding judge's panel (``/judge/{hearing_id}``): the presenter's preview beside what is live and who sees
it, the kill switch, approval of publishes, the closed-door setting, restricted exhibits, the audit log with
its chain check, and for a hybrid hearing the remote participants (speaking, raised hands, link quality, mute and
remove) and the prompt to suspend when a connection point is lost."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from nicegui import run, ui

from courtroom.audit import AuditEntry
from courtroom.court_time import format_datetime
from courtroom.errors import CourtroomError
from courtroom.exhibits import Exhibit
from courtroom.hearings import Hearing
from courtroom.presentation import PreviewChange, Snapshot
from courtroom.presentation_state import Shown
from courtroom.roles import Action
from courtroom.users import User
from courtroom.visibility import Audience

from ..live import follow
from ..services import Services
from ..session import error_text, t
from ..texts import ACTION_KEYS, BENCH_AUDIENCE_KEYS, VIEW_KEYS
from .components import QuietSwitches, testid
from .hearing_page import hearing_for
from .hybrid_widgets import OutagePrompt, RemoteParticipants
from .presenting_widgets import PageFrame, add_assets, shown_text
from .redact_tools import PendingRedactions
from .side_by_side import describe
from .stage_widgets import stage_control

logger = logging.getLogger(__name__)

IMAGE_WIDTH = 1280
AUDIT_ROWS = 200
_VIEW_CLASSES = {
    'showing': 'bg-green-700 text-white', 'blank': 'bg-slate-800 text-white',
    'restricted': 'bg-red-700 text-white', 'idle': 'bg-slate-200 text-slate-700',
}


def register(services: Services) -> None:
    @ui.page('/judge/{hearing_id}')
    async def judge_page(hearing_id: int) -> None:
        opened = await hearing_for(services, hearing_id, Action.APPROVE, t('judge_title'), t('judge_refused'))
        if opened is None:
            return
        user, hearing = opened
        panel = JudgePanel(services, user, hearing)
        await panel.load()


def action_text(action: str) -> str:
    return t(ACTION_KEYS[action]) if action in ACTION_KEYS else action


def details_text(entry: AuditEntry, exhibits: dict[int, Exhibit]) -> str:
    d = entry.details
    if 'exhibit_id' in d and 'page' in d:
        return shown_text(exhibits.get(d['exhibit_id']), d['page']) + (' · ' + t('bench_zoomed') if d.get('region')
                                                                        else '')
    if 'exhibit_id' in d:
        exhibit = exhibits.get(d['exhibit_id'])
        return exhibit.label if exhibit else f'#{d["exhibit_id"]}'
    if 'exhibits' in d:
        return t('n_exhibits', n=len(d['exhibits']))
    if 'audience' in d:
        return f'{d.get("name", "")} · {t(BENCH_AUDIENCE_KEYS[d["audience"]])}'
    shown = {k: v for k, v in d.items() if k != 'version'}
    return ', '.join(f'{k}: {v}' for k, v in shown.items())[:120]


class JudgePanel:
    def __init__(self, services: Services, user: User, hearing: Hearing) -> None:
        self.services = services
        self.user = user
        self.hearing = hearing
        self.snapshot: Snapshot | None = None
        self.exhibits: dict[int, Exhibit] = {}
        self.preview_shown: Shown | None = None
        self.switches: dict[int, Any] = {}
        self.switches_quiet = QuietSwitches()  # the page moving a switch itself: its handler does not act
        add_assets()

        with ui.column().classes('w-full max-w-[1800px] mx-auto gap-2 px-1 empty:hidden'):
            self.outages = OutagePrompt(services, hearing.id, on_outage=self.refresh_audit)
        with ui.row().classes('w-full max-w-[1800px] mx-auto no-wrap items-start gap-4 p-1'):
            with ui.column().classes('flex-1 min-w-0 gap-4'):
                with ui.row().classes('w-full no-wrap gap-4'):
                    self.preview_frame, self.preview_text = self._monitor(
                        'judge-preview', t('judge_preview'), 'visibility', 'bg-amber-300 text-slate-900')
                    self.live_frame, self.live_text = self._monitor(
                        'judge-live', t('judge_live'), 'cast', 'bg-green-700 text-white')
                self.audiences = testid(ui.row(), 'audiences').classes('w-full gap-2 -mt-2')
                with ui.row().classes('w-full no-wrap items-start gap-4'):
                    self._restrictions()
                    self._audit()
            self._controls()

    # --- layout -----------------------------------------------------------------------------------------------

    def _monitor(self, name: str, title: str, icon: str, tag: str) -> tuple[PageFrame, Any]:
        with testid(ui.card(), f'{name}-card').classes('flex-1 min-w-0 p-0 gap-0 overflow-hidden'):
            with ui.row().classes('w-full items-center no-wrap gap-2 px-3 py-2 bg-slate-800 text-white'):
                ui.icon(icon, size='1.2rem')
                ui.label(title).classes('text-sm font-semibold flex-1 truncate')
                text = testid(ui.label(), f'{name}-text').classes(f'text-sm font-semibold rounded px-2 py-0.5 {tag}')
            with ui.element('div').classes('w-full h-[calc(100vh-250px)] min-h-[300px] bg-slate-600 flex '
                                           'items-center justify-center p-3'):
                page_frame = PageFrame(name, max_height='calc(100vh - 274px)')
        return page_frame, text

    def _controls(self) -> None:
        with ui.column().classes('w-[320px] shrink-0 gap-4'):
            with ui.card().classes('w-full p-4 gap-2'):
                self.kill_button = testid(ui.button(on_click=self.toggle_kill), 'kill-switch') \
                    .props('unelevated color=red-9 size=xl').classes('w-full h-24 text-lg font-bold')
                self.kill_state = testid(ui.label(t('judge_kill_is_on')), 'kill-switch-state').classes(
                    'w-full text-center text-sm font-semibold text-red-800 bg-red-50 rounded py-1')
                ui.label(t('judge_kill_hint')).classes('text-xs text-slate-600 leading-snug')
            with testid(ui.card(), 'pending-box').classes('w-full p-4 gap-2'):
                ui.label(t('judge_pending')).classes('text-sm font-semibold text-slate-800')
                self.pending_text = testid(ui.label(), 'pending-text').classes('text-sm text-slate-700')
                with ui.row().classes('w-full no-wrap gap-2') as self.pending_buttons:
                    testid(ui.button(t('judge_approve'), icon='check', on_click=lambda: self.approve(True)),
                           'approve-button').props('unelevated color=green-9').classes('flex-1 h-12')
                    testid(ui.button(t('judge_reject'), icon='close', on_click=lambda: self.approve(False)),
                           'reject-button').props('outline color=red-9').classes('flex-1 h-12')
            with ui.card().classes('w-full p-4 gap-1'):
                ui.label(t('judge_settings')).classes('text-sm font-semibold text-slate-800')
                self.approval = testid(ui.switch(t('judge_approval'), value=self.hearing.approval_required,
                                                 on_change=lambda e: self.configure(approval_required=e.value)),
                                       'approval-toggle')
                self.closed_door = testid(ui.switch(t('judge_closed_door'), value=self.hearing.closed_door,
                                                    on_change=lambda e: self.configure(closed_door=e.value)),
                                          'closed-door-toggle')
            stage_control(self.services, self.user, self.hearing.id)
            self.remote = RemoteParticipants(self.services, self.user, self.hearing.id)
            self.pending_redactions = PendingRedactions(self.services, self.user, self.hearing.id)

    def _restrictions(self) -> None:
        with testid(ui.card(), 'restrictions').classes('w-[380px] shrink-0 p-4 gap-1'):
            ui.label(t('judge_restrictions')).classes('text-sm font-semibold text-slate-800 mb-1')
            self.restrict_list = ui.column().classes('w-full gap-0 max-h-[420px] overflow-y-auto')

    def _audit(self) -> None:
        with testid(ui.card(), 'audit').classes('flex-1 min-w-0 p-4 gap-2'):
            with ui.row().classes('w-full items-center no-wrap gap-3'):
                ui.label(t('judge_audit')).classes('text-sm font-semibold text-slate-800 flex-1')
                self.verify_result = testid(ui.label(), 'verify-result').classes('text-sm rounded px-2 py-0.5')
                self.verify_result.visible = False
                testid(ui.button(t('judge_verify'), icon='verified', on_click=self.verify), 'verify-button') \
                    .props('outline color=primary')
            columns = [
                {'name': 'seq', 'label': t('judge_col_seq'), 'field': 'seq', 'align': 'right'},
                {'name': 'at', 'label': t('judge_col_time'), 'field': 'at', 'align': 'left'},
                {'name': 'actor', 'label': t('judge_col_actor'), 'field': 'actor', 'align': 'left'},
                {'name': 'action', 'label': t('judge_col_action'), 'field': 'action', 'align': 'left'},
                {'name': 'details', 'label': t('judge_col_details'), 'field': 'details', 'align': 'left',
                 'classes': 'max-w-[15rem] truncate', 'headerClasses': ''},
            ]
            self.audit_table = testid(ui.table(columns=columns, rows=[], row_key='seq'), 'audit-table') \
                .props('dense flat virtual-scroll').classes('w-full max-h-[420px]')
            # the table scrolls inside itself: the keyboard reaches it, and a screen reader names it
            ui.run_javascript(f'''(() => {{ const box = getHtmlElement({self.audit_table.id})
                .querySelector('.q-table__middle');
              box.tabIndex = 0; box.setAttribute('role', 'region');
              box.setAttribute('aria-label', {json.dumps(t('judge_audit'))}); }})()''')

    # --- data -------------------------------------------------------------------------------------------------

    def page_url(self, exhibit_id: int, page: int) -> str:
        return self.services.signer.page_url(f'u{self.user.id}', exhibit_id, page, IMAGE_WIDTH)

    async def load(self) -> None:
        s, h = self.services, self.hearing.id
        self.snapshot, exhibits, previews = await run.io_bound(
            lambda: (s.presentation.snapshot(h), s.exhibits.of_hearing(h), s.presentation.previews(h)))
        self.exhibits = {e.id: e for e in exhibits}
        others = {uid: shown for uid, shown in previews.items() if uid != self.user.id}
        if others:  # the presenter's: the one that is not this judge's own
            self.preview_shown = others[max(others)]
        self._render_restrictions()
        self._render_state()
        self._render_preview()
        await self.refresh_audit()
        follow(s.presentation.changed, self.on_changed)
        follow(s.presentation.preview_changed, self.on_preview)
        follow(s.participants.changed, self.on_participants)
        await self.remote.load()
        await self.outages.load()
        await self.pending_redactions.refresh()

    async def on_participants(self, hearing_id: int) -> None:
        if hearing_id == self.hearing.id:  # mute, remove, hands: the audit table shows them
            await self.refresh_audit()

    async def on_changed(self, snapshot: Snapshot) -> None:
        if snapshot.state.hearing_id != self.hearing.id:
            return
        self.snapshot = snapshot
        s, h = self.services, self.hearing.id
        hearing, exhibits = await run.io_bound(lambda: (s.hearings.get(h), s.exhibits.of_hearing(h)))
        self.hearing = hearing
        known = set(self.exhibits)
        self.exhibits = {e.id: e for e in exhibits}
        if set(self.exhibits) != known:
            self._render_restrictions()
        else:
            for exhibit in exhibits:
                self.switches_quiet.show(self.switches[exhibit.id], exhibit.restricted)
        self._render_state()
        await self.refresh_audit()

    def on_preview(self, change: PreviewChange) -> None:
        if change.hearing_id != self.hearing.id or change.user_id == self.user.id:
            return
        self.preview_shown = change.shown
        self._render_preview()

    # --- rendering --------------------------------------------------------------------------------------------


    def _render_preview(self) -> None:
        shown = self.preview_shown
        exhibit = self.exhibits.get(shown.exhibit_id) if shown else None
        if shown is None or exhibit is None:
            self.preview_frame.show(None)
            self.preview_text.text = t('judge_no_preview')
            return
        self.preview_frame.show(self.page_url(shown.exhibit_id, shown.page), shown.region, exhibit.title)
        self.preview_text.text = shown_text(exhibit, shown.page)
        self.preview_text.props['data-exhibit-id'] = str(shown.exhibit_id)
        self.preview_text.props['data-page'] = str(shown.page)
        self.preview_text.update()

    def _render_state(self) -> None:
        assert self.snapshot is not None
        state = self.snapshot.state
        live = state.live
        exhibit = self.exhibits.get(live.exhibit_id) if live else None
        if live is None:
            self.live_frame.show(None)
            self.live_text.text = t('bench_map_live') if state.map is not None else t('bench_nothing_live')
        else:
            self.live_frame.show(self.page_url(live.exhibit_id, live.page), live.region,
                                 exhibit.title if exhibit else '')
            self.live_text.text = shown_text(exhibit, live.page) + (f' · {t("bench_zoomed")}' if live.region else '')
            if state.beside is not None:  # side by side: the monitor shows the left page, the text names both
                self.live_text.text += ' | ' + describe(state.beside, self.exhibits)
        self.live_text.props['data-beside'] = \
            f'{state.beside.exhibit_id}/{state.beside.page}' if state.beside is not None else ''
        self.live_text.props['data-exhibit-id'] = str(live.exhibit_id) if live else ''
        self.live_text.props['data-page'] = str(live.page) if live else ''
        self.live_text.update()

        self.audiences.clear()
        with self.audiences:
            for audience in Audience:
                view = self.snapshot.view(audience)
                chip = testid(ui.label(f'{t(BENCH_AUDIENCE_KEYS[audience])}: {t(VIEW_KEYS[view.state])}'),
                              f'audience-{audience.value}')
                chip.classes(f'text-xs font-medium rounded-full px-3 py-1 {_VIEW_CLASSES[view.state.value]}')
                chip.props['data-state'] = view.state.value

        self.kill_button.text = t('judge_unkill') if state.kill_switch else t('judge_kill')
        self.kill_button.props(f'icon={"visibility" if state.kill_switch else "tv_off"} '
                               f'color={"grey-9" if state.kill_switch else "red-9"}')
        self.kill_button.props['data-on'] = 'true' if state.kill_switch else 'false'
        self.kill_button.update()
        self.kill_state.visible = state.kill_switch

        pending = state.pending
        self.pending_buttons.visible = pending is not None or state.pending_map is not None
        if state.pending_map is not None:  # the procurator's case map, asked for as a page is
            self.pending_text.text = t('bench_map_live') + ' — ' + t('judge_by', who=state.pending_by or '?')
        elif pending is None:
            self.pending_text.text = t('judge_no_pending')
        else:
            self.pending_text.text = (describe(pending, self.exhibits)
                                      + (' | ' + describe(state.pending_beside, self.exhibits)
                                         if state.pending_beside else '')
                                      + ' — ' + t('judge_by', who=state.pending_by or '?'))
        self.switches_quiet.show(self.approval, self.hearing.approval_required)
        self.switches_quiet.show(self.closed_door, self.hearing.closed_door)

    def _render_restrictions(self) -> None:
        self.restrict_list.clear()
        self.switches.clear()
        with self.restrict_list:
            if not self.exhibits:
                ui.label(t('no_exhibits')).classes('text-sm text-slate-500')
            for exhibit in self.exhibits.values():
                with testid(ui.row(), 'restrict-row').classes(
                        'w-full shrink-0 items-center no-wrap gap-2 py-1 border-b border-slate-100') as row:
                    row.props['data-exhibit-id'] = str(exhibit.id)
                    with ui.column().classes('flex-1 min-w-0 gap-0'):
                        ui.label(exhibit.label).classes('text-xs font-semibold text-blue-900')
                        ui.label(exhibit.title).classes('w-full text-sm truncate').tooltip(exhibit.title)
                    switch = testid(ui.switch(value=exhibit.restricted,
                                              on_change=lambda e, x=exhibit.id: self.restrict(x, e.value)),
                                    'restrict-switch').props('color=red-9')
                    switch.props['data-exhibit-id'] = str(exhibit.id)
                    switch.props['aria-label'] = t('a11y_restrict_exhibit', label=exhibit.label, title=exhibit.title)
                    self.switches[exhibit.id] = switch

    async def refresh_audit(self) -> None:
        entries = await run.io_bound(self.services.audit.entries, self.hearing.id)
        rows = [{'seq': e.seq, 'at': format_datetime(e.at, self.services.settings.time_zone, year=False),
                 'actor': e.actor, 'action': action_text(e.action), 'details': details_text(e, self.exhibits)}
                for e in reversed(entries[-AUDIT_ROWS:])]
        self.audit_table.rows = rows
        self.audit_table.update()

    # --- actions ----------------------------------------------------------------------------------------------

    async def _act(self, call: Callable[..., Any], *args: Any, **kwargs: Any) -> bool:
        try:
            await run.io_bound(lambda: call(*args, **kwargs))
            return True
        except CourtroomError as e:
            ui.notify(error_text(e), type='negative')
            return False

    async def toggle_kill(self) -> None:
        on = not (self.snapshot and self.snapshot.state.kill_switch)
        await self._act(self.services.presentation.blank, self.hearing.id, self.user, on)

    async def approve(self, approved: bool) -> None:
        await self._act(self.services.presentation.approve, self.hearing.id, self.user, approved=approved)

    async def configure(self, **setting: bool) -> None:
        if self.switches_quiet.quiet:
            return
        if not await self._act(self.services.presentation.configure, self.hearing.id, self.user, **setting):
            hearing = await run.io_bound(self.services.hearings.get, self.hearing.id)
            self.switches_quiet.show(self.approval, hearing.approval_required)
            self.switches_quiet.show(self.closed_door, hearing.closed_door)

    async def restrict(self, exhibit_id: int, restricted: bool) -> None:
        if self.switches_quiet.quiet:
            return
        if not await self._act(self.services.presentation.set_restricted, exhibit_id, self.user, restricted):
            self.switches_quiet.show(self.switches[exhibit_id], not restricted)

    async def verify(self) -> None:
        result = await run.io_bound(self.services.audit.verify, self.hearing.id)
        if result.valid:
            self.verify_result.text = t('judge_valid', n=result.entries)
            self.verify_result.classes(replace='text-sm rounded px-2 py-0.5 bg-green-100 text-green-900')
        else:
            self.verify_result.text = t('judge_invalid', seq=result.broken_seq, reason=result.reason, n=result.entries)
            self.verify_result.classes(replace='text-sm rounded px-2 py-0.5 bg-red-100 text-red-900')
        self.verify_result.props['data-valid'] = 'true' if result.valid else 'false'
        self.verify_result.visible = True
        await self.refresh_audit()
