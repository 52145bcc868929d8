"""The roll call panel of the participants page: who waits in the lobby at which point, the identity check,
admitting or turning away; who is in the hearing, with raised hands, muting and removing; and the seat conflicts
(one link used from two places) as they happen."""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Protocol
from zoneinfo import ZoneInfo

from nicegui import ui

from courtroom.court_time import format_time
from courtroom.participants import Participant, Participants, ParticipantState, SeatConflict
from courtroom.points import Point
from courtroom.roles import Action

from ..identity_stills import latest_face, latest_still
from ..session import t
from ..texts import QR_FIELD_KEYS, QR_PROBLEM_KEYS
from .components import testid
from .participant_labels import id_document_text, role_label, state_badge


class RollCallPage(Protocol):
    """What the roll call needs of its page: who is where (points, participants, raised hands), what the user may
    do, the page's way of acting (refusals told, the page reloaded) and its confirmations."""

    points: list[Point]
    participants: list[Participant]
    hands: dict[int, float]
    may_admit: bool
    may_control: bool

    async def act(self, call: Callable[[], object], action: Action) -> bool: ...

    def confirm_turn_away(self, p: Participant) -> None: ...

    def confirm_revoke(self, p: Participant) -> None: ...


class RollCall:
    """The panel of one page, built where it stands; it shows the page's participants and acts through the page."""

    def __init__(self, page: RollCallPage, *, participants: Participants, hearing_id: int, actor: str,
                 zone: ZoneInfo) -> None:
        self.page = page
        self.participants = participants
        self.hearing_id = hearing_id
        self.actor = actor
        self.zone = zone  # the court's: every time shown
        self.notes: dict[int, str] = {}  # roll-call notes being typed, kept across re-renders
        self.faces: dict[int, ui.image] = {}  # waiting participant → the picture of their live face
        self.conflicts: list[SeatConflict] = []
        with testid(ui.card(), 'rollcall-panel').classes('w-[27rem] shrink-0 p-0 gap-0'):
            with ui.row().classes('w-full items-center no-wrap gap-2 px-4 py-3 border-b border-slate-200'):
                ui.icon('how_to_reg', size='1.4rem').classes('text-blue-900')
                ui.label(t('hybrid_rollcall')).classes('text-lg font-semibold text-slate-800')
            self.conflict_box = testid(ui.column(), 'seat-conflicts').classes('w-full gap-1 px-4 empty:hidden')
            self.sections = ui.column().classes('w-full gap-0')

    def on_seat_conflict(self, conflict: SeatConflict) -> None:
        if conflict.hearing_id != self.hearing_id:
            return
        message = t('hybrid_seat_conflict', name=conflict.name)
        ui.notify(message, type='warning', position='top', timeout=8000)
        self.conflicts.insert(0, conflict)
        del self.conflicts[20:]
        self.render_conflicts()

    def on_face(self, participant_id: int) -> None:
        """A waiting participant's page sent their face anew: the picture follows. Only the picture: drawing the
        card again would drop what the clerk is typing in it."""
        shown, kept = self.faces.get(participant_id), latest_face(participant_id)
        if shown is not None and kept is not None:
            shown.set_source(data_url(kept))
            shown.set_visibility(True)

    def render(self) -> None:
        self.sections.clear()
        self.faces = {}
        waiting = [p for p in self.page.participants if p.state is ParticipantState.WAITING]
        inside = [p for p in self.page.participants if p.state.in_hearing]
        with self.sections:
            with testid(ui.column(), 'waiting-section').classes('w-full gap-2 px-4 py-3'):
                with ui.row().classes('w-full items-center justify-between no-wrap'):
                    ui.label(t('hybrid_waiting')).classes(
                        'text-xs font-semibold uppercase tracking-wide text-amber-800')
                    testid(ui.label(str(len(waiting))), 'waiting-count').classes(
                        'text-xs font-semibold rounded-full px-2 ' +
                        ('bg-amber-500 text-white' if waiting else 'bg-slate-200 text-slate-600'))
                if not waiting:
                    ui.label(t('hybrid_nobody_waiting')).classes('text-sm text-slate-500')
                for point in self.page.points:
                    here = [p for p in waiting if p.point_id == point.id]
                    if not here:
                        continue
                    ui.label(point.name).classes('text-xs font-medium text-slate-500 mt-1')
                    for person in here:
                        self._waiting_card(person)
            ui.separator()
            with testid(ui.column(), 'inside-section').classes('w-full gap-1 px-4 py-3'):
                ui.label(t('hybrid_in_hearing')).classes(
                    'text-xs font-semibold uppercase tracking-wide text-slate-600')
                if not inside:
                    ui.label(t('hybrid_nobody_in')).classes('text-sm text-slate-500')
                for person in inside:
                    self._inside_row(person)

    def _waiting_card(self, p: Participant) -> None:
        with testid(ui.column(), 'waiting-row').classes(
                'w-full gap-2 rounded-lg border border-amber-300 bg-amber-50 p-3') as card:
            card.props['data-participant-id'] = str(p.id)
            with ui.row().classes('w-full items-start justify-between no-wrap gap-2'):
                face = latest_face(p.id)  # as their camera sees them now, to compare with the card
                self.faces[p.id] = testid(ui.image(data_url(face) if face else ''), 'lobby-face') \
                    .classes('w-20 shrink-0 rounded').props(f'alt="{t("hybrid_live_face", name=p.name)}"')
                self.faces[p.id].set_visibility(face is not None)  # until their page sends one
                with ui.column().classes('min-w-0 gap-0 grow'):
                    testid(ui.label(p.name), 'waiting-name').classes('text-sm font-semibold text-slate-900 truncate')
                    ui.label(role_label(p.role, self.page.hearing.kind)).classes('text-xs text-slate-600')
                with ui.column().classes('items-end gap-0 shrink-0'):
                    ui.label(t('hybrid_identity_given')).classes('text-[10px] uppercase tracking-wide text-slate-500')
                    testid(ui.label(id_document_text(p)), 'waiting-id-doc') \
                        .classes('text-sm font-mono font-medium text-slate-800')
            check_text, check_tone = (
                (t('hybrid_id_unchecked'), 'text-slate-500') if p.id_verified is None else
                (t('hybrid_id_checked_ok'), 'text-green-800') if p.id_verified else
                (t('hybrid_id_checked_bad'), 'text-red-800'))
            by_qr = bool(p.identity and p.identity.get('method') == 'qr')
            if not by_qr or p.id_verified is not None:  # (a card read by its QR says so below)
                with ui.row().classes('items-center no-wrap gap-1'):
                    ui.icon('verified_user' if p.id_verified else 'gpp_maybe' if p.id_verified is None else 'gpp_bad',
                            size='1rem').classes(check_tone)
                    testid(ui.label(check_text + (f' — {p.id_note}' if p.id_note else '')), 'id-check-result') \
                        .classes(f'text-xs {check_tone}')
            if by_qr:
                self._qr_result(p)
            if not self.page.may_admit:
                return
            note = testid(ui.input(t('hybrid_id_note'), value=self.notes.get(p.id, p.id_note or '')), 'id-note') \
                .props('outlined dense maxlength=500 bg-color=white').classes('w-full')
            note.on_value_change(lambda e, pid=p.id: self.notes.__setitem__(pid, e.value or ''))
            with ui.row().classes('w-full items-center no-wrap gap-1'):
                testid(ui.button(t('hybrid_id_ok'), icon='check', on_click=lambda x=p: self.check_id(x, True)),
                       'id-verified').props('outline dense no-caps size=sm color=green-9').classes('px-2')
                testid(ui.button(t('hybrid_id_bad'), icon='close', on_click=lambda x=p: self.check_id(x, False)),
                       'id-not-verified').props('outline dense no-caps size=sm color=red-9').classes('px-2')
            with ui.row().classes('w-full items-center justify-end no-wrap gap-1'):
                testid(ui.button(t('hybrid_turn_away'), on_click=lambda x=p: self.page.confirm_turn_away(x)),
                       'turn-away').props('flat dense no-caps size=sm color=red-9').classes('px-2')
                testid(ui.button(t('hybrid_admit'), icon='login', on_click=lambda x=p: self.admit(x)), 'admit') \
                    .props('unelevated dense no-caps color=primary').classes('px-3')

    def _qr_result(self, p: Participant) -> None:
        """The card's QR compared with the record, field by field, beside the still the participant sent."""
        identity = p.identity or {}
        matched = identity.get('result') == 'match'
        with testid(ui.row(), 'qr-result').classes('w-full items-start no-wrap gap-3 rounded border bg-white p-2 '
                                                   + ('border-green-300' if matched else 'border-red-300')) as box:
            box.props(f'data-result={identity.get("result")}')
            kept = latest_still(p.id)
            if kept is not None:
                testid(ui.image(data_url(kept)), 'qr-still').classes('w-32 shrink-0 rounded') \
                    .props(f'alt="{t("hybrid_qr_still")}"')
            with ui.column().classes('gap-0.5 min-w-0'):
                ui.label(t('hybrid_qr_match' if matched else 'hybrid_qr_mismatch', number=identity.get('id_number'))) \
                    .classes('text-xs font-semibold ' + ('text-green-800' if matched else 'text-red-800'))
                for field, ok in (identity.get('fields') or {}).items():
                    if field not in QR_FIELD_KEYS:
                        continue
                    mark, tone = ('✓', 'text-green-800') if ok else ('–', 'text-slate-600') if ok is None else \
                        ('✗', 'text-red-800')
                    testid(ui.label(f'{mark} {t(QR_FIELD_KEYS[field])}'), 'qr-field').classes(f'text-xs {tone}') \
                        .props(f'data-field={field} data-ok={str(ok).lower()}')
                for problem in identity.get('problems') or ():
                    ui.label(f'✗ {t(QR_PROBLEM_KEYS.get(problem, "hybrid_qr_problem_id_number_shape"))}') \
                        .classes('text-xs text-red-800')

    async def check_id(self, p: Participant, verified: bool) -> None:
        note = self.notes.get(p.id, '') or None
        await self.page.act(lambda: self.participants.record_id_check(p.id, verified=verified, note=note,
                                                                      actor=self.actor), Action.ADMIT)

    async def admit(self, p: Participant) -> None:
        if await self.page.act(lambda: self.participants.admit(p.id, actor=self.actor), Action.ADMIT):
            self.notes.pop(p.id, None)
            ui.notify(t('hybrid_admitted', name=p.name), type='positive')

    def _inside_row(self, p: Participant) -> None:
        point = next((x for x in self.page.points if x.id == p.point_id), None)
        with testid(ui.row(), 'inside-row').classes(
                'w-full items-center no-wrap gap-2 py-1.5 border-b border-slate-100 last:border-b-0') as row:
            row.props['data-participant-id'] = str(p.id)
            with ui.column().classes('flex-1 min-w-0 gap-0'):
                with ui.row().classes('w-full items-center no-wrap gap-1 min-w-0'):
                    ui.label(p.name).classes('text-sm font-medium text-slate-800 truncate min-w-0')
                    if p.muted:
                        ui.icon('mic_off', size='1rem').classes('text-red-700 shrink-0').tooltip(t('hybrid_muted'))
                    if p.id in self.page.hands:
                        with testid(ui.row(), 'participant-hand').classes(
                                'items-center no-wrap gap-0.5 rounded-full bg-amber-400 text-slate-900 px-1.5 '
                                'shrink-0') as hand:
                            hand.props['data-participant-id'] = str(p.id)
                            ui.icon('pan_tool', size='0.85rem')
                            ui.label(format_time(self.page.hands[p.id], self.zone)) \
                                .classes('text-[11px] font-semibold tabular-nums')
                        hand.tooltip(t('ctl_hand', time=format_time(self.page.hands[p.id], self.zone)))
                ui.label(f'{role_label(p.role, self.page.hearing.kind)} · {point.name if point else ""}') \
                    .classes('text-xs text-slate-500 truncate w-full')
            state_badge(p.state)
            if self.page.may_control:
                testid(ui.button(icon='mic' if p.muted else 'mic_off',
                                 on_click=lambda x=p: self.set_muted(x, not x.muted)),
                       'unmute' if p.muted else 'mute') \
                    .props(f'flat dense round size=sm color={"green-9" if p.muted else "slate-7"}') \
                    .tooltip(t('hybrid_unmute') if p.muted else t('hybrid_mute')) \
                    .props['aria-label'] = t('a11y_unmute_person' if p.muted else 'a11y_mute_person', name=p.name)
                testid(ui.button(icon='person_remove', on_click=lambda x=p: self.page.confirm_revoke(x)), 'remove') \
                    .props('flat dense round size=sm color=red-9').tooltip(t('hybrid_remove')) \
                    .props['aria-label'] = t('a11y_remove_person', name=p.name)

    async def set_muted(self, p: Participant, muted: bool) -> None:
        await self.page.act(lambda: self.participants.set_muted(p.id, muted, actor=self.actor),
                            Action.CONTROL_PARTICIPANTS)

    def render_conflicts(self) -> None:
        self.conflict_box.clear()
        if not self.conflicts:
            self.conflict_box.classes(remove='py-3 border-b border-slate-200')
            return
        self.conflict_box.classes(add='py-3 border-b border-slate-200')
        with self.conflict_box:
            for conflict in self.conflicts:
                with testid(ui.row(), 'seat-conflict').classes(
                        'w-full items-start no-wrap gap-2 rounded border border-orange-300 bg-orange-50 px-2 py-1.5'):
                    ui.icon('warning', size='1.1rem').classes('text-orange-700 shrink-0')
                    ui.label(format_time(conflict.at, self.zone)) \
                        .classes('text-xs font-mono text-orange-900 shrink-0 mt-px')
                    ui.label(t('hybrid_seat_conflict', name=conflict.name)).classes('text-xs text-orange-900')


def data_url(picture: tuple[bytes, str]) -> str:
    data, media_type = picture
    return f'data:{media_type};base64,{base64.b64encode(data).decode()}'
