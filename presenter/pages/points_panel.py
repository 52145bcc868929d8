"""The connection points panel of the participants page: the central point and the component points as tiles,
with how many people each has, and the form that adds a component point."""

from __future__ import annotations

from typing import Any, Protocol

from nicegui import run, ui

from courtroom.errors import CourtroomError
from courtroom.online import MAX_COMPONENT_POINTS
from courtroom.participants import Participant, ParticipantState
from courtroom.points import Point, PointKind, Points
from courtroom.roles import Action, require
from courtroom.users import User

from ..session import error_text, t
from .components import testid
from .participant_labels import KIND_ICON, kind_label, labelled, point_name_labelled


class PointsPage(Protocol):
    """What the panel needs of its page: the points and participants it shows, whether the user may add points,
    the controls to disable when the hearing may not be held online, and a reload after a point is added."""

    points: list[Point]
    participants: list[Participant]
    may_manage: bool
    disabled_when_refused: list[Any]

    async def reload(self) -> None: ...


class PointsPanel:
    """The panel of one page; it shows the page's points and participants."""

    def __init__(self, page: PointsPage, *, points: Points, hearing_id: int, user: User) -> None:
        self.page = page
        self.points = points
        self.hearing_id = hearing_id
        self.user = user
        kinds = {k.value: kind_label(k) for k in PointKind if k is not PointKind.CENTRAL}
        with testid(ui.card(), 'points-panel').classes('w-full p-4 gap-3'):
            with ui.row().classes('w-full items-start justify-between no-wrap gap-6'):
                with ui.column().classes('min-w-0 gap-0.5'):
                    with ui.row().classes('items-center no-wrap gap-2'):
                        ui.icon('hub', size='1.4rem').classes('text-blue-900')
                        ui.label(t('hybrid_points')).classes('text-lg font-semibold text-slate-800')
                    ui.label(t('hybrid_points_hint')).classes('text-xs text-slate-600')
                    self.points_left = testid(ui.label(), 'points-left').classes('text-xs text-slate-500')
                if page.may_manage:
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
                        self.point_error = testid(ui.label(), 'point-error') \
                            .classes('text-sm text-red-700 max-w-[36rem]')
                        self.point_error.visible = False
                        page.disabled_when_refused += [self.point_name, self.point_kind, button]
            self.point_tiles = testid(ui.element('div'), 'point-list').classes(
                'w-full grid grid-cols-2 lg:grid-cols-4 gap-3')

    def render(self) -> None:
        components = [p for p in self.page.points if p.kind is not PointKind.CENTRAL]
        left = MAX_COMPONENT_POINTS - len(components)
        self.points_left.text = t('hybrid_points_left', n=left) if left > 0 else t('hybrid_points_full')
        self.point_tiles.clear()
        counts = {p.id: 0 for p in self.page.points}
        for person in self.page.participants:
            if person.state is not ParticipantState.REVOKED:
                counts[person.point_id] = counts.get(person.point_id, 0) + 1
        with self.point_tiles:
            for point in self.page.points:
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
            point = await run.io_bound(lambda: self.points.add(self.hearing_id, name=name, kind=kind,
                                                               actor=self.user.username))
        except CourtroomError as e:
            self.point_error.text = error_text(labelled(e) if e.params.get('field') != 'name' else
                                               point_name_labelled(e))
            self.point_error.visible = True
            return
        self.point_name.value = ''
        ui.notify(t('hybrid_point_added', name=point.name), type='positive')
        await self.page.reload()
