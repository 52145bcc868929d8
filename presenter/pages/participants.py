"""The clerk's connection points and participants page (``/hearings/{id}/participants``): the central point and up
to three component points, the participants grouped by point with their personal join links (QR code, copy, print),
and the roll call: who waits in the lobby at which point, the identity check, admitting or turning away, muting and
removing. Any staff member may look; the forms and buttons follow the user's role.

This module holds the page, its layout and the participants list; the points panel, the roll call, the join link and
confirmation dialogs have their own modules, and ``participant_labels`` the labels they share."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import Request
from nicegui import run, ui
from nicegui.element import Element

from courtroom.errors import CourtroomError, Forbidden
from courtroom.hearings import Hearing
from courtroom.participants import ID_DOCUMENT_TYPES, Participant, ParticipantRole, ParticipantState
from courtroom.points import Point
from courtroom.roles import Action, may, require
from courtroom.users import User

from ..identity_stills import faces_changed
from ..live import follow
from ..services import Services
from ..session import error_text, t
from ..urls import join_url
from .components import testid
from .confirm_dialog import ConfirmDialog
from .hearing_page import hearing_for
from .hybrid_widgets import OutagePrompt
from .join_link_dialog import PRINT_CSS, JoinLinkDialog
from .participant_labels import (
    KIND_ICON,
    id_document_text,
    id_label,
    kind_label,
    labelled,
    quality,
    quality_tone,
    role_label,
    state_badge,
)
from .points_panel import PointsPanel
from .roll_call import RollCall


def register(services: Services) -> None:
    @ui.page('/hearings/{hearing_id}/participants')
    async def participants_page(hearing_id: int, request: Request) -> None:
        opened = await hearing_for(services, hearing_id, Action.VIEW_HEARING, t('hybrid_title'))
        if opened is None:
            return
        user, hearing = opened
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
        self.quality_labels: dict[int, Element] = {}
        self.hands: dict[int, float] = {}
        self._rendered = False
        refusal = hearing.online_refusal
        self.disabled_when_refused: list[Any] = []
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
            self.points_panel = PointsPanel(self, points=services.points, hearing_id=hearing.id, user=user)
            with ui.row().classes('w-full items-start no-wrap gap-4'):
                with ui.column().classes('flex-1 min-w-0 gap-4'):
                    if self.may_manage:
                        self._participant_form()
                    self.people = testid(ui.column(), 'participants-list').classes('w-full gap-3')
                self.roll_call = RollCall(self, participants=services.participants, hearing_id=hearing.id,
                                          actor=user.username, zone=services.settings.time_zone)
        self.join_link = JoinLinkDialog(hearing, services.settings.time_zone)
        self.confirm = ConfirmDialog()
        if refusal is not None:
            for element in self.disabled_when_refused:
                element.disable()

    # --- loading and live updates -----------------------------------------------------------------------------
    async def load(self) -> None:
        await self.reload()
        follow(self.services.participants.changed, self.on_changed)
        follow(self.services.participants.seat_conflicts, self.roll_call.on_seat_conflict)
        follow(faces_changed, self.roll_call.on_face)
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
        self.points_panel.render()
        self._render_people()
        self.roll_call.render()
        self.roll_call.render_conflicts()
        self.refresh_quality()

    # --- participants ---------------------------------------------------------------------------------------------

    def _participant_form(self) -> None:
        roles = {r.value: role_label(r, self.hearing.kind) for r in ParticipantRole}
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
                    .props('outlined dense maxlength=40').classes('col-span-3')
                self.id_number.on('keydown.enter', self.add_participant)
                self.birth_date = testid(ui.input(t('hybrid_birth_date'), placeholder='01/02/1990'),
                                         'birth-date-input').props('outlined dense maxlength=10').classes('col-span-3')
                self.birth_date.on('keydown.enter', self.add_participant)
                with ui.element('div').classes('col-span-3 flex justify-end'):
                    button = testid(ui.button(t('hybrid_add_participant'), icon='add', on_click=self.add_participant),
                                    'add-participant').props('unelevated no-caps no-wrap color=primary') \
                        .classes('min-h-10 w-full')
            self.person_error = testid(ui.label(), 'participant-error').classes('text-sm text-red-700')
            self.person_error.visible = False
        self.disabled_when_refused += [self.person_name, self.person_role, self.person_point, self.id_type,
                                       self.id_number, self.birth_date, button]

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
        birth = (self.birth_date.value or '').strip()
        id_document = {'type': doc_type, 'number': number, 'birth_date': birth} if doc_type or number else None
        name, role, point_id = self.person_name.value or '', self.person_role.value or '', self.person_point.value
        try:
            require(self.user.role, Action.MANAGE_PARTICIPANTS)
            if point_id is None:
                raise CourtroomError('required_field', field=t('hybrid_point'))
            person, token = await run.io_bound(lambda: self.services.participants.add(
                self.hearing.id, name=name, role=role, point_id=int(point_id), actor=self.user.username,
                id_document=id_document))
        except CourtroomError as e:
            self.person_error.text = error_text(labelled(e))
            self.person_error.visible = True
            return
        self.person_name.value = ''
        self.id_number.value = ''
        self.birth_date.value = ''
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
                    testid(ui.label(role_label(p.role, self.hearing.kind)), 'participant-role').classes('truncate')
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

    # --- the join link dialog -------------------------------------------------------------------------------------

    def show_link(self, p: Participant, url: str) -> None:
        self.join_link.show(p, url, self.points)

    # --- confirmations --------------------------------------------------------------------------------------------

    def confirm_revoke(self, p: Participant) -> None:
        async def revoke(_note: str | None) -> None:
            if await self.act(lambda: self.services.participants.revoke(p.id, actor=self.user.username),
                              Action.CONTROL_PARTICIPANTS):
                ui.notify(t('hybrid_revoked', name=p.name), type='positive')
        self.confirm.ask(t('hybrid_revoke_title', name=p.name), t('hybrid_revoke_text'), revoke, note=False,
                         button=t('hybrid_revoke'))

    def confirm_turn_away(self, p: Participant) -> None:
        async def refuse(note: str | None) -> None:
            if await self.act(lambda: self.services.participants.refuse(p.id, actor=self.user.username, note=note),
                              Action.ADMIT):
                ui.notify(t('hybrid_turned_away', name=p.name), type='info')
        self.confirm.ask(t('hybrid_turn_away_title', name=p.name), '', refuse, note=True, button=t('hybrid_turn_away'))

    async def act(self, call: Callable[[], object], action: Action) -> bool:
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
