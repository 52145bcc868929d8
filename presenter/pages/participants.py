"""The clerk's connection points and participants page (``/hearings/{id}/participants``): the central point and up
to three component points, the participants grouped by point with their personal join links (QR code, copy, print),
and the roll call: who waits in the lobby at which point, the identity check, admitting or turning away, muting and
removing. Any staff member may look; the forms and buttons follow the user's role."""

from __future__ import annotations

import time
from datetime import datetime
from typing import Any

import segno
from fastapi import Request
from nicegui import run, ui
from nicegui.element import Element

from courtroom.errors import CourtroomError, Forbidden
from courtroom.hearings import Hearing
from courtroom.online import MAX_COMPONENT_POINTS
from courtroom.participants import ID_DOCUMENT_TYPES, Participant, ParticipantRole, ParticipantState, SeatConflict
from courtroom.points import Point, PointKind
from courtroom.roles import Action, may, require
from courtroom.users import User

from ..api_hybrid import join_url
from ..live import follow
from ..services import Services
from ..session import error_text, require_user, t
from .components import testid
from .hybrid_widgets import OutagePrompt, hhmmss
from .layout import frame

STATE_STYLE: dict[ParticipantState, str] = {
    ParticipantState.INVITED: 'bg-slate-100 text-slate-700 border-slate-300',
    ParticipantState.WAITING: 'bg-amber-100 text-amber-900 border-amber-300',
    ParticipantState.ADMITTED: 'bg-blue-100 text-blue-900 border-blue-300',
    ParticipantState.CONNECTED: 'bg-green-100 text-green-900 border-green-300',
    ParticipantState.DISCONNECTED: 'bg-orange-100 text-orange-900 border-orange-300',
    ParticipantState.REFUSED: 'bg-red-100 text-red-900 border-red-300',
    ParticipantState.REVOKED: 'bg-slate-200 text-slate-500 border-slate-300 line-through',
}
KIND_ICON = {PointKind.CENTRAL: 'account_balance', PointKind.DETENTION_FACILITY: 'lock',
             PointKind.COURT: 'gavel', PointKind.OTHER: 'place'}
FORM_FIELDS = {'name', 'id_document.number'}

PRINT_CSS = '''
@media print {
  body * { visibility: hidden !important; }
  .hybrid-print, .hybrid-print * { visibility: visible !important; }
  .hybrid-print { position: fixed !important; left: 0 !important; top: 0 !important; width: 18cm !important;
                  max-width: none !important; max-height: none !important; box-shadow: none !important;
                  border: 0 !important; }
  .hybrid-no-print { display: none !important; }
  .q-dialog__backdrop { display: none !important; }
  .hybrid-print-only { display: block !important; }
}
.hybrid-print-only { display: none; }
'''


# --- pure helpers ---------------------------------------------------------------------------------------------

def parse_charges_input(text: str | None) -> list[str]:
    """ "173, 174" or "Điều 173; 174" → ["173", "174"]: the domain checks each one is a Penal Code article."""
    return [part.strip() for part in (text or '').replace(';', ',').split(',') if part.strip()]


def qr_svg(url: str) -> str:
    return segno.make(url, error='m').svg_inline(scale=4)


def _number(value: Any) -> float | None:
    try:
        return None if value is None else float(value)
    except (TypeError, ValueError):
        return None


def quality(stats: dict[str, Any] | None) -> tuple[str, str, str] | None:
    """Round-trip time, loss and frames per second as short texts, from whatever the media worker reported:
    ``rtt_ms`` or ``rtt`` (seconds); ``loss`` (%) or packets lost against received; ``fps`` or the received or
    sent frame rate."""
    if not stats:
        return None
    rtt_ms = _number(stats.get('rtt_ms'))
    if rtt_ms is None and _number(stats.get('rtt')) is not None:
        rtt_ms = _number(stats.get('rtt')) * 1000  # type: ignore[operator]
    loss = _number(stats.get('loss', stats.get('loss_pct')))
    if loss is None and _number(stats.get('packets_lost')) is not None:
        lost = _number(stats.get('packets_lost')) or 0.0
        total = lost + (_number(stats.get('packets_received')) or 0.0)
        loss = 100 * lost / total if total else 0.0
    fps = _number(stats.get('fps'))
    if fps is None:  # what arrives from the participant; a receive-only participant has only what is sent
        fps = _number(stats.get('fps_received'))
        if not fps and _number(stats.get('fps_sent')):
            fps = _number(stats.get('fps_sent'))
    return (f'{rtt_ms:.0f} ms' if rtt_ms is not None else '–', f'{loss:.1f} %' if loss is not None else '–',
            f'{fps:.0f}' if fps is not None else '–')


def quality_tone(stats: dict[str, Any] | None) -> str:
    shown = quality(stats)
    if shown is None:
        return 'text-slate-500'
    rtt = _number(shown[0].split()[0]) if shown[0] != '–' else None
    loss = _number(shown[1].split()[0]) if shown[1] != '–' else None
    if (rtt is not None and rtt > 400) or (loss is not None and loss > 5):
        return 'text-red-700'
    if (rtt is not None and rtt > 150) or (loss is not None and loss > 1):
        return 'text-amber-700'
    return 'text-green-700'


def expiry_text(timestamp: int) -> str:
    return datetime.fromtimestamp(timestamp).strftime('%d/%m/%Y %H:%M')


def kind_label(kind: PointKind) -> str:
    return t(f'hybrid_kind_{kind.value}')


def role_label(role: ParticipantRole) -> str:
    return t(f'hybrid_role_{role.value}')


def id_label(doc_type: str | None) -> str:
    return t(f'hybrid_id_{doc_type}') if doc_type in ID_DOCUMENT_TYPES else (doc_type or '')


def id_document_text(p: Participant) -> str:
    if not p.id_document_type:
        return t('hybrid_no_doc')
    return f'{id_label(p.id_document_type)} {p.id_document_number or ""}'.strip()


def _labelled(error: CourtroomError) -> CourtroomError:
    """The error with the form's own words: field codes become labels, ID document codes their names."""
    params = dict(error.params)
    field = params.get('field')
    if field in FORM_FIELDS:
        params['field'] = t('hybrid_name') if field == 'name' else t('hybrid_id_number')
    if error.code == 'bad_id_document':
        params['type'] = id_label(params.get('type')) or '—'
        params['types'] = ', '.join(id_label(x) for x in ID_DOCUMENT_TYPES)
    if error.code == 'bad_point_kind':
        params['kinds'] = ', '.join(kind_label(k) for k in PointKind if k is not PointKind.CENTRAL)
    if params == error.params:
        return error
    labelled = type(error)(error.code, **params)
    labelled.status = error.status
    return labelled


# --- the page -------------------------------------------------------------------------------------------------

def register(services: Services) -> None:
    @ui.page('/hearings/{hearing_id}/participants')
    async def participants_page(hearing_id: int, request: Request) -> None:
        user = require_user(services)
        if user is None:
            return
        ui.query('body').classes('bg-slate-100')
        try:
            require(user.role, Action.VIEW_HEARING)
            hearing = await run.io_bound(services.hearings.get, hearing_id)
        except CourtroomError as e:
            frame(user, t('hybrid_title'))
            with testid(ui.card(), 'hearing-missing').classes('mx-auto mt-16 w-[32rem] p-8 items-center gap-3'):
                ui.icon('search_off', size='3rem').classes('text-slate-400')
                testid(ui.label(error_text(e)), 'hearing-missing-text').classes('text-slate-600 text-center')
                ui.link(t('back_to_list'), '/').classes('mt-2')
            return
        frame(user, f'{hearing.case_number} · {t("hybrid_title")}')
        page = ParticipantsPage(services, user, hearing, lambda token: join_url(services, request, token))
        await page.load()


class ParticipantsPage:
    """One browser tab's view of one hearing's points, participants and roll call."""

    def __init__(self, services: Services, user: User, hearing: Hearing, link_of: Any) -> None:
        self.services = services
        self.user = user
        self.hearing = hearing
        self.link_of = link_of
        self.may_manage = may(user.role, Action.MANAGE_PARTICIPANTS)
        self.may_admit = may(user.role, Action.ADMIT)
        self.may_control = may(user.role, Action.CONTROL_PARTICIPANTS)
        self.points: list[Point] = []
        self.participants: list[Participant] = []
        self.notes: dict[int, str] = {}  # roll-call notes being typed, kept across re-renders
        self.conflicts: list[SeatConflict] = []
        self.quality_labels: dict[int, Element] = {}
        self.hands: dict[int, float] = {}
        self._rendered = False
        refusal = hearing.online_refusal
        ui.add_css(PRINT_CSS)

        with ui.column().classes('w-full max-w-[1400px] mx-auto p-5 gap-4'):
            with ui.row().classes('w-full items-end justify-between no-wrap gap-4'):
                with ui.column().classes('gap-0 min-w-0'):
                    ui.label(hearing.case_number).classes('text-sm font-medium text-blue-900 uppercase tracking-wide')
                    testid(ui.label(t('hybrid_title')), 'participants-title') \
                        .classes('text-2xl font-semibold text-slate-800 leading-tight')
                    ui.label(hearing.title).classes('text-sm text-slate-600 truncate').tooltip(hearing.title)
                with testid(ui.link(target=f'/hearings/{hearing.id}'), 'back-to-hearing').classes(
                        'inline-flex items-center gap-1 text-sm text-blue-900 no-underline px-3 py-1.5 rounded '
                        'hover:bg-blue-50 shrink-0'):
                    ui.icon('arrow_back', size='1.1rem')
                    ui.label(t('hybrid_back'))
            if refusal is not None:
                with testid(ui.row(), 'online-refusal').classes(
                        'w-full items-start no-wrap gap-3 rounded-lg border border-red-300 bg-red-50 px-4 py-3'):
                    ui.icon('block', size='1.6rem').classes('text-red-700 shrink-0')
                    with ui.column().classes('gap-0.5 min-w-0'):
                        ui.label(t('hybrid_refusal_title')).classes('text-base font-semibold text-red-900')
                        testid(ui.label(error_text(Forbidden(refusal))), 'online-refusal-text') \
                            .classes('text-sm text-red-800')
            self.outages = OutagePrompt(services, hearing.id)
            self._points_panel()
            with ui.row().classes('w-full items-start no-wrap gap-4'):
                with ui.column().classes('flex-1 min-w-0 gap-4'):
                    if self.may_manage:
                        self._participant_form()
                    self.people = testid(ui.column(), 'participants-list').classes('w-full gap-3')
                with testid(ui.card(), 'rollcall-panel').classes('w-[27rem] shrink-0 p-0 gap-0'):
                    with ui.row().classes('w-full items-center no-wrap gap-2 px-4 py-3 border-b border-slate-200'):
                        ui.icon('how_to_reg', size='1.4rem').classes('text-blue-900')
                        ui.label(t('hybrid_rollcall')).classes('text-lg font-semibold text-slate-800')
                    self.conflict_box = testid(ui.column(), 'seat-conflicts').classes('w-full gap-1 px-4 empty:hidden')
                    self.rollcall = ui.column().classes('w-full gap-0')
        self._link_dialog()
        self._confirm_dialog()
        if refusal is not None:
            for element in self.disabled_when_refused:
                element.disable()

    # --- loading and live updates -----------------------------------------------------------------------------

    async def load(self) -> None:
        await self.reload()
        follow(self.services.participants.changed, self.on_changed)
        follow(self.services.participants.seat_conflicts, self.on_seat_conflict)
        ui.timer(3.0, self.refresh_quality)
        await self.outages.load()

    async def reload(self) -> None:
        s, h = self.services, self.hearing.id
        loaded = await run.io_bound(lambda: (s.points.of_hearing(h), s.participants.of_hearing(h),
                                             s.participants.hands(h)))
        if loaded is None:  # the server is stopping
            return
        if loaded == (self.points, self.participants, self.hands) and self._rendered:
            return  # nothing changed: keep the elements (and a click on their way) as they are
        self.points, self.participants, self.hands = loaded
        self._rendered = True
        self.render()

    async def on_changed(self, hearing_id: int) -> None:
        if hearing_id == self.hearing.id:
            await self.reload()

    def on_seat_conflict(self, conflict: SeatConflict) -> None:
        if conflict.hearing_id != self.hearing.id:
            return
        message = t('hybrid_seat_conflict', name=conflict.name)
        ui.notify(message, type='warning', position='top', timeout=8000)
        self.conflicts.insert(0, conflict)
        del self.conflicts[20:]
        self._render_conflicts()

    def refresh_quality(self) -> None:
        connected = {p.id for p in self.participants if p.state is ParticipantState.CONNECTED}
        for pid, label in self.quality_labels.items():
            # in memory: no thread hop needed; the last figures of someone no longer connected are not shown
            stats = self.services.participants.stats(pid) if pid in connected else None
            shown = quality(stats)
            text = t('hybrid_quality', rtt=shown[0], loss=shown[1], fps=shown[2]) if shown else ''
            if label.text != text:  # type: ignore[attr-defined]
                label.text = text  # type: ignore[attr-defined]
                label.classes(replace=f'text-xs tabular-nums {quality_tone(stats)}')
                label.visible = bool(text)

    def render(self) -> None:
        self._render_points()
        self._render_people()
        self._render_rollcall()
        self._render_conflicts()
        self.refresh_quality()

    # --- connection points ------------------------------------------------------------------------------------

    def _points_panel(self) -> None:
        self.disabled_when_refused: list[Any] = []
        kinds = {k.value: kind_label(k) for k in PointKind if k is not PointKind.CENTRAL}
        with testid(ui.card(), 'points-panel').classes('w-full p-4 gap-3'):
            with ui.row().classes('w-full items-start justify-between no-wrap gap-6'):
                with ui.column().classes('min-w-0 gap-0.5'):
                    with ui.row().classes('items-center no-wrap gap-2'):
                        ui.icon('hub', size='1.4rem').classes('text-blue-900')
                        ui.label(t('hybrid_points')).classes('text-lg font-semibold text-slate-800')
                    ui.label(t('hybrid_points_hint')).classes('text-xs text-slate-600')
                    self.points_left = testid(ui.label(), 'points-left').classes('text-xs text-slate-500')
                if self.may_manage:
                    with testid(ui.column(), 'add-point-form').classes('shrink-0 gap-1'):
                        with ui.row().classes('items-start no-wrap gap-2'):
                            self.point_name = testid(ui.input(t('hybrid_point_name'),
                                                              placeholder=t('hybrid_point_name_hint')),
                                                     'point-name-input').props('outlined dense maxlength=120') \
                                .classes('w-72')
                            self.point_name.on('keydown.enter', self.add_point)
                            self.point_kind = testid(ui.select(kinds, value=PointKind.DETENTION_FACILITY.value,
                                                               label=t('hybrid_point_kind')), 'point-kind-select') \
                                .props('outlined dense options-dense').classes('w-48')
                            button = testid(ui.button(t('hybrid_add_point'), icon='add_location_alt',
                                                      on_click=self.add_point), 'add-point') \
                                .props('unelevated no-caps color=primary').classes('h-10')
                        self.point_error = testid(ui.label(), 'point-error').classes('text-sm text-red-700 max-w-[36rem]')
                        self.point_error.visible = False
                        self.disabled_when_refused += [self.point_name, self.point_kind, button]
            self.point_tiles = testid(ui.element('div'), 'point-list').classes(
                'w-full grid grid-cols-2 lg:grid-cols-4 gap-3')

    def _render_points(self) -> None:
        components = [p for p in self.points if p.kind is not PointKind.CENTRAL]
        left = MAX_COMPONENT_POINTS - len(components)
        self.points_left.text = t('hybrid_points_left', n=left) if left > 0 else t('hybrid_points_full')
        self.point_tiles.clear()
        counts = {p.id: 0 for p in self.points}
        for person in self.participants:
            if person.state is not ParticipantState.REVOKED:
                counts[person.point_id] = counts.get(person.point_id, 0) + 1
        with self.point_tiles:
            for point in self.points:
                central = point.kind is PointKind.CENTRAL
                with testid(ui.row(), 'point-card').classes(
                        'w-full min-w-0 items-center no-wrap gap-3 rounded-lg border px-3 py-2.5 ' +
                        ('border-blue-300 bg-blue-50' if central else 'border-slate-200 bg-slate-50')) as tile:
                    tile.props['data-point-id'] = str(point.id)
                    tile.props['data-kind'] = point.kind.value
                    ui.icon(KIND_ICON[point.kind], size='1.6rem').classes(
                        'shrink-0 ' + ('text-blue-900' if central else 'text-slate-600'))
                    with ui.column().classes('flex-1 min-w-0 gap-0.5'):
                        testid(ui.label(point.name), 'point-name').classes(
                            'text-sm font-semibold text-slate-800 leading-snug line-clamp-2 w-full') \
                            .tooltip(point.name)
                        with ui.row().classes('w-full items-center justify-between no-wrap gap-2'):
                            testid(ui.label(f'{t("hybrid_central") if central else t("hybrid_component")} · '
                                            f'{kind_label(point.kind)}'), 'point-kind') \
                                .classes('text-xs text-slate-600 truncate min-w-0')
                            ui.label(t('hybrid_n_people', n=counts.get(point.id, 0))).classes(
                                'shrink-0 text-xs font-medium text-slate-600 bg-white border border-slate-200 '
                                'rounded-full px-2')

    async def add_point(self) -> None:
        self.point_error.visible = False
        name, kind = self.point_name.value or '', self.point_kind.value or ''
        try:
            require(self.user.role, Action.MANAGE_PARTICIPANTS)
            point = await run.io_bound(lambda: self.services.points.add(
                self.hearing.id, name=name, kind=kind, actor=self.user.username))
        except CourtroomError as e:
            self.point_error.text = error_text(_labelled(e) if e.params.get('field') != 'name' else
                                               _point_field(e))
            self.point_error.visible = True
            return
        self.point_name.value = ''
        ui.notify(t('hybrid_point_added', name=point.name), type='positive')
        await self.reload()

    # --- participants -----------------------------------------------------------------------------------------

    def _participant_form(self) -> None:
        roles = {r.value: role_label(r) for r in ParticipantRole}
        id_types = {'': t('hybrid_id_none'), **{x: id_label(x) for x in ID_DOCUMENT_TYPES}}
        with testid(ui.card(), 'add-participant-form').classes('w-full p-4 gap-2'):
            with ui.row().classes('w-full items-center no-wrap gap-2'):
                ui.icon('person_add', size='1.3rem').classes('text-blue-900')
                ui.label(t('hybrid_add_participant')).classes('text-base font-semibold text-slate-800')
            with ui.element('div').classes('w-full grid grid-cols-12 gap-2 items-start'):
                self.person_name = testid(ui.input(t('hybrid_name')), 'participant-name-input') \
                    .props('outlined dense maxlength=200').classes('col-span-4')
                self.person_role = testid(ui.select(roles, value=ParticipantRole.DEFENDANT.value,
                                                    label=t('hybrid_role')), 'participant-role-select') \
                    .props('outlined dense options-dense').classes('col-span-4')
                self.person_point = testid(ui.select({}, label=t('hybrid_point')), 'participant-point-select') \
                    .props('outlined dense options-dense').classes('col-span-4')
                self.id_type = testid(ui.select(id_types, value='citizen_id', label=t('hybrid_id_type')),
                                      'id-type-select').props('outlined dense options-dense').classes('col-span-3')
                self.id_number = testid(ui.input(t('hybrid_id_number')), 'id-number-input') \
                    .props('outlined dense maxlength=40').classes('col-span-4')
                self.id_number.on('keydown.enter', self.add_participant)
                with ui.element('div').classes('col-span-5 flex justify-end'):
                    button = testid(ui.button(t('hybrid_add_participant'), icon='add', on_click=self.add_participant),
                                    'add-participant').props('unelevated no-caps color=primary').classes('h-10')
            self.person_error = testid(ui.label(), 'participant-error').classes('text-sm text-red-700')
            self.person_error.visible = False
        self.disabled_when_refused += [self.person_name, self.person_role, self.person_point, self.id_type,
                                       self.id_number, button]

    def _update_point_options(self) -> None:
        if not hasattr(self, 'person_point'):
            return
        options = {p.id: f'{p.name} ({kind_label(p.kind)})' for p in self.points}
        current = self.person_point.value
        self.person_point.set_options(options, value=current if current in options else
                                      (self.points[0].id if self.points else None))

    async def add_participant(self) -> None:
        self.person_error.visible = False
        doc_type, number = self.id_type.value or '', (self.id_number.value or '').strip()
        id_document = {'type': doc_type, 'number': number} if doc_type or number else None
        name, role, point_id = self.person_name.value or '', self.person_role.value or '', self.person_point.value
        try:
            require(self.user.role, Action.MANAGE_PARTICIPANTS)
            if point_id is None:
                raise CourtroomError('required_field', field=t('hybrid_point'))
            person, token = await run.io_bound(lambda: self.services.participants.add(
                self.hearing.id, name=name, role=role, point_id=int(point_id), actor=self.user.username,
                id_document=id_document))
        except CourtroomError as e:
            self.person_error.text = error_text(_labelled(e))
            self.person_error.visible = True
            return
        self.person_name.value = ''
        self.id_number.value = ''
        ui.notify(t('hybrid_participant_added', name=person.name), type='positive')
        self.show_link(person, self.link_of(token))
        await self.reload()

    def _render_people(self) -> None:
        self._update_point_options()
        self.people.clear()
        self.quality_labels.clear()
        with self.people:
            for point in self.points:
                people = [p for p in self.participants if p.point_id == point.id]
                with testid(ui.card(), 'point-group').classes('w-full p-0 gap-0') as group:
                    group.props['data-point-id'] = str(point.id)
                    with ui.row().classes('w-full items-center no-wrap gap-2 px-4 py-2 bg-slate-50 border-b '
                                          'border-slate-200 rounded-t'):
                        ui.icon(KIND_ICON[point.kind], size='1.2rem').classes('text-slate-600')
                        ui.label(point.name).classes('text-sm font-semibold text-slate-800 truncate')
                        ui.label(kind_label(point.kind)).classes(
                            'text-xs text-slate-500 bg-white border border-slate-200 rounded px-1.5 py-0.5 shrink-0')
                    if not people:
                        ui.label(t('hybrid_no_participants')).classes('px-4 py-3 text-sm text-slate-500')
                    for person in people:
                        self._person_row(person)

    def _person_row(self, p: Participant) -> None:
        with testid(ui.row(), 'participant-row').classes(
                'w-full items-center no-wrap gap-3 px-4 py-2 border-b border-slate-100 last:border-b-0') as row:
            row.props['data-participant-id'] = str(p.id)
            row.props['data-state'] = p.state.value
            with ui.column().classes('flex-1 min-w-0 gap-0'):
                with ui.row().classes('items-center no-wrap gap-1.5 min-w-0'):
                    testid(ui.label(p.name), 'participant-name').classes(
                        'text-sm font-semibold text-slate-800 truncate').tooltip(p.name)
                    if p.muted:
                        testid(ui.icon('mic_off', size='1.05rem'), 'participant-muted') \
                            .classes('text-red-700 shrink-0').tooltip(t('hybrid_muted'))
                with ui.row().classes('items-center no-wrap gap-1.5 text-xs text-slate-600 min-w-0'):
                    testid(ui.label(role_label(p.role)), 'participant-role').classes('truncate')
                    ui.label('·')
                    testid(ui.label(id_document_text(p)), 'participant-id-doc').classes('whitespace-nowrap')
                label = testid(ui.label(), 'participant-quality').classes('text-xs tabular-nums')
                label.visible = False
                self.quality_labels[p.id] = label
            state_badge(p.state)
            actions = ui.row().classes('items-center no-wrap gap-0.5 shrink-0 w-[13.5rem] justify-end')
            with actions:
                if self.may_manage and p.state is not ParticipantState.REFUSED:
                    testid(ui.button(t('hybrid_reissue'), icon='qr_code_2',
                                     on_click=lambda x=p: self.reissue(x)), 'reissue-link') \
                        .props('flat dense no-caps size=sm color=primary').tooltip(t('hybrid_reissue_tip'))
                if self.may_control and p.state is not ParticipantState.REVOKED:
                    testid(ui.button(t('hybrid_revoke'), icon='link_off',
                                     on_click=lambda x=p: self.confirm_revoke(x)), 'revoke') \
                        .props('flat dense no-caps size=sm color=red-9')

    async def reissue(self, p: Participant) -> None:
        try:
            require(self.user.role, Action.MANAGE_PARTICIPANTS)
            token = await run.io_bound(lambda: self.services.participants.issue_link(p.id, actor=self.user.username))
            fresh = await run.io_bound(self.services.participants.get, p.id)
        except CourtroomError as e:
            ui.notify(error_text(e), type='negative')
            return
        self.show_link(fresh, self.link_of(token))

    # --- the join link dialog ---------------------------------------------------------------------------------

    def _link_dialog(self) -> None:
        with ui.dialog() as self.link_dialog, testid(ui.card(), 'join-link-dialog').classes(
                'hybrid-print w-[40rem] max-w-[95vw] p-6 gap-4'):
            with ui.row().classes('w-full items-start justify-between no-wrap gap-4'):
                with ui.column().classes('gap-0 min-w-0'):
                    ui.label(t('hybrid_link_title')).classes('text-lg font-semibold text-slate-800')
                    ui.label(f'{self.hearing.case_number} · {self.hearing.title}') \
                        .classes('text-sm text-slate-600 leading-snug')
                ui.icon('balance', size='2rem').classes('text-blue-900 shrink-0')
            with ui.row().classes('w-full items-start no-wrap gap-5'):
                self.link_qr = testid(ui.html('', sanitize=False), 'join-qr').classes(
                    'shrink-0 bg-white rounded border border-slate-200 p-1 leading-[0] [&_svg]:w-[188px] '
                    '[&_svg]:h-[188px]')
                with ui.column().classes('flex-1 min-w-0 gap-2'):
                    self.link_name = testid(ui.label(), 'join-name').classes('text-xl font-semibold text-slate-900')
                    self.link_facts = ui.element('div').classes(
                        'grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm text-slate-700')
                    ui.label(t('hybrid_link_hint')).classes('text-xs text-slate-500 leading-snug')
            self.link_url = testid(ui.label(), 'join-url').classes(
                'w-full text-xs font-mono text-slate-700 bg-slate-50 border border-slate-200 rounded px-2 py-1.5 '
                'break-all select-all')
            ui.label(t('hybrid_print_note')).classes('hybrid-print-only text-xs text-slate-700')
            with ui.row().classes('hybrid-no-print w-full items-center justify-end gap-2'):
                testid(ui.button(t('hybrid_copy'), icon='content_copy', on_click=self.copy_link), 'join-copy') \
                    .props('flat no-caps color=primary')
                testid(ui.button(t('hybrid_print'), icon='print', on_click=lambda: ui.run_javascript('window.print()')),
                       'join-print').props('flat no-caps color=primary')
                testid(ui.button(t('close'), on_click=self.link_dialog.close), 'join-close') \
                    .props('unelevated no-caps color=primary')

    def show_link(self, p: Participant, url: str) -> None:
        point = next((x for x in self.points if x.id == p.point_id), None)
        self.link_url.text = url
        self.link_qr.content = qr_svg(url)
        self.link_name.text = p.name
        self.link_facts.clear()
        facts = [(t('hybrid_role'), role_label(p.role)),
                 (t('hybrid_point'), f'{point.name} ({kind_label(point.kind)})' if point else str(p.point_id)),
                 (t('hybrid_id_type'), id_document_text(p)),
                 (t('hybrid_expires'), expiry_text(p.link_expires_at))]
        with self.link_facts:
            for key, value in facts:
                ui.label(key).classes('text-slate-500')
                label = ui.label(value).classes('font-medium')
                if key == t('hybrid_expires'):
                    testid(label, 'join-expiry')
        self.current_url = url
        self.link_dialog.open()

    def copy_link(self) -> None:
        ui.clipboard.write(getattr(self, 'current_url', ''))
        ui.notify(t('hybrid_copied'), type='positive')

    # --- confirmations ----------------------------------------------------------------------------------------

    def _confirm_dialog(self) -> None:
        with ui.dialog() as self.confirm, testid(ui.card(), 'confirm-dialog').classes('w-[30rem] p-6 gap-3'):
            self.confirm_title = testid(ui.label(), 'confirm-title').classes('text-lg font-semibold text-slate-800')
            self.confirm_text = ui.label().classes('text-sm text-slate-600')
            self.confirm_note = testid(ui.input(t('hybrid_turn_away_note')), 'confirm-note') \
                .props('outlined dense maxlength=500').classes('w-full')
            with ui.row().classes('w-full justify-end gap-2'):
                ui.button(t('cancel'), on_click=self.confirm.close).props('flat no-caps')
                self.confirm_button = testid(ui.button(t('hybrid_confirm'), on_click=self._confirmed),
                                             'confirm-button').props('unelevated no-caps color=red-9')
        self._pending: Any = None

    def _ask(self, title: str, text: str, action: Any, *, note: bool, button: str) -> None:
        self.confirm_title.text = title
        self.confirm_text.text = text
        self.confirm_text.visible = bool(text)
        self.confirm_note.value = ''
        self.confirm_note.visible = note
        self.confirm_button.text = button
        self._pending = action
        self.confirm.open()

    async def _confirmed(self) -> None:
        action, self._pending = self._pending, None
        note = (self.confirm_note.value or '').strip() or None
        self.confirm.close()
        if action is not None:
            await action(note)

    def confirm_revoke(self, p: Participant) -> None:
        async def revoke(_note: str | None) -> None:
            if await self._act(lambda: self.services.participants.revoke(p.id, actor=self.user.username),
                               Action.CONTROL_PARTICIPANTS):
                ui.notify(t('hybrid_revoked', name=p.name), type='positive')
        self._ask(t('hybrid_revoke_title', name=p.name), t('hybrid_revoke_text'), revoke, note=False,
                  button=t('hybrid_revoke'))

    def confirm_turn_away(self, p: Participant) -> None:
        async def refuse(note: str | None) -> None:
            if await self._act(lambda: self.services.participants.refuse(p.id, actor=self.user.username, note=note),
                               Action.ADMIT):
                ui.notify(t('hybrid_turned_away', name=p.name), type='info')
        self._ask(t('hybrid_turn_away_title', name=p.name), '', refuse, note=True, button=t('hybrid_turn_away'))

    async def _act(self, call: Any, action: Action) -> bool:
        """Do a roll-call or control action in a worker thread; on refusal tell the user why. Then show what is."""
        try:
            require(self.user.role, action)
            await run.io_bound(call)
        except CourtroomError as e:
            ui.notify(error_text(e), type='negative')
            await self.reload()
            return False
        await self.reload()  # usually a no-op: the domain's changed event has already brought the page up to date
        return True

    # --- roll call --------------------------------------------------------------------------------------------

    def _render_rollcall(self) -> None:
        self.rollcall.clear()
        waiting = [p for p in self.participants if p.state is ParticipantState.WAITING]
        inside = [p for p in self.participants if p.state.in_hearing]
        with self.rollcall:
            with testid(ui.column(), 'waiting-section').classes('w-full gap-2 px-4 py-3'):
                with ui.row().classes('w-full items-center justify-between no-wrap'):
                    ui.label(t('hybrid_waiting')).classes(
                        'text-xs font-semibold uppercase tracking-wide text-amber-800')
                    testid(ui.label(str(len(waiting))), 'waiting-count').classes(
                        'text-xs font-semibold rounded-full px-2 ' +
                        ('bg-amber-500 text-white' if waiting else 'bg-slate-200 text-slate-600'))
                if not waiting:
                    ui.label(t('hybrid_nobody_waiting')).classes('text-sm text-slate-500')
                for point in self.points:
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
                with ui.column().classes('min-w-0 gap-0'):
                    testid(ui.label(p.name), 'waiting-name').classes('text-sm font-semibold text-slate-900 truncate')
                    ui.label(role_label(p.role)).classes('text-xs text-slate-600')
                with ui.column().classes('items-end gap-0 shrink-0'):
                    ui.label(t('hybrid_identity_given')).classes('text-[10px] uppercase tracking-wide text-slate-500')
                    testid(ui.label(id_document_text(p)), 'waiting-id-doc') \
                        .classes('text-sm font-mono font-medium text-slate-800')
            check_text, check_tone = (
                (t('hybrid_id_unchecked'), 'text-slate-500') if p.id_verified is None else
                (t('hybrid_id_checked_ok'), 'text-green-800') if p.id_verified else
                (t('hybrid_id_checked_bad'), 'text-red-800'))
            with ui.row().classes('items-center no-wrap gap-1'):
                ui.icon('verified_user' if p.id_verified else 'gpp_maybe' if p.id_verified is None else 'gpp_bad',
                        size='1rem').classes(check_tone)
                testid(ui.label(check_text + (f' — {p.id_note}' if p.id_note else '')), 'id-check-result') \
                    .classes(f'text-xs {check_tone}')
            if not self.may_admit:
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
                testid(ui.button(t('hybrid_turn_away'), on_click=lambda x=p: self.confirm_turn_away(x)),
                       'turn-away').props('flat dense no-caps size=sm color=red-9').classes('px-2')
                testid(ui.button(t('hybrid_admit'), icon='login', on_click=lambda x=p: self.admit(x)), 'admit') \
                    .props('unelevated dense no-caps color=primary').classes('px-3')

    async def check_id(self, p: Participant, verified: bool) -> None:
        note = self.notes.get(p.id, '') or None
        await self._act(lambda: self.services.participants.record_id_check(
            p.id, verified=verified, note=note, actor=self.user.username), Action.ADMIT)

    async def admit(self, p: Participant) -> None:
        if await self._act(lambda: self.services.participants.admit(p.id, actor=self.user.username), Action.ADMIT):
            self.notes.pop(p.id, None)
            ui.notify(t('hybrid_admitted', name=p.name), type='positive')

    def _inside_row(self, p: Participant) -> None:
        point = next((x for x in self.points if x.id == p.point_id), None)
        with testid(ui.row(), 'inside-row').classes(
                'w-full items-center no-wrap gap-2 py-1.5 border-b border-slate-100 last:border-b-0') as row:
            row.props['data-participant-id'] = str(p.id)
            with ui.column().classes('flex-1 min-w-0 gap-0'):
                with ui.row().classes('w-full items-center no-wrap gap-1 min-w-0'):
                    ui.label(p.name).classes('text-sm font-medium text-slate-800 truncate min-w-0')
                    if p.muted:
                        ui.icon('mic_off', size='1rem').classes('text-red-700 shrink-0').tooltip(t('hybrid_muted'))
                    if p.id in self.hands:
                        with testid(ui.row(), 'participant-hand').classes(
                                'items-center no-wrap gap-0.5 rounded-full bg-amber-400 text-slate-900 px-1.5 '
                                'shrink-0') as hand:
                            hand.props['data-participant-id'] = str(p.id)
                            ui.icon('pan_tool', size='0.85rem')
                            ui.label(hhmmss(self.hands[p.id])).classes('text-[11px] font-semibold tabular-nums')
                        hand.tooltip(t('ctl_hand', time=hhmmss(self.hands[p.id])))
                ui.label(f'{role_label(p.role)} · {point.name if point else ""}') \
                    .classes('text-xs text-slate-500 truncate w-full')
            state_badge(p.state)
            if self.may_control:
                testid(ui.button(icon='mic' if p.muted else 'mic_off',
                                 on_click=lambda x=p: self.set_muted(x, not x.muted)),
                       'unmute' if p.muted else 'mute') \
                    .props(f'flat dense round size=sm color={"green-9" if p.muted else "slate-7"}') \
                    .tooltip(t('hybrid_unmute') if p.muted else t('hybrid_mute'))
                testid(ui.button(icon='person_remove', on_click=lambda x=p: self.confirm_revoke(x)), 'remove') \
                    .props('flat dense round size=sm color=red-9').tooltip(t('hybrid_remove'))

    async def set_muted(self, p: Participant, muted: bool) -> None:
        await self._act(lambda: self.services.participants.set_muted(p.id, muted, actor=self.user.username),
                        Action.CONTROL_PARTICIPANTS)

    def _render_conflicts(self) -> None:
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
                    ui.label(time.strftime('%H:%M:%S', time.localtime(conflict.at))) \
                        .classes('text-xs font-mono text-orange-900 shrink-0 mt-px')
                    ui.label(t('hybrid_seat_conflict', name=conflict.name)).classes('text-xs text-orange-900')


def state_badge(state: ParticipantState) -> Element:
    badge = testid(ui.label(t(f'hybrid_state_{state.value}')), 'participant-state').classes(
        f'shrink-0 text-xs font-medium rounded-full border px-2 py-0.5 whitespace-nowrap {STATE_STYLE[state]}')
    badge.props['data-state'] = state.value
    return badge


def _point_field(error: CourtroomError) -> CourtroomError:
    labelled = type(error)(error.code, **{**error.params, 'field': t('hybrid_point_name')})
    labelled.status = error.status
    return labelled

