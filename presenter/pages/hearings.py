"""The hearing list (``/``): every hearing for any signed-in staff member, and the clerk's "new hearing" form."""

from __future__ import annotations

from dataclasses import dataclass

from nicegui import run, ui

from courtroom.court_time import format_datetime
from courtroom.errors import CourtroomError
from courtroom.hearings import KINDS, MAX_CASE_NUMBER, MAX_TITLE, Hearing
from courtroom.roles import Action, may
from courtroom.users import User

from ..services import Services
from ..session import error_text, require_user, t
from ..texts import SESSION_KIND_KEYS
from .components import testid
from .layout import frame
from .participant_labels import parse_charges_input


@dataclass(slots=True, frozen=True)
class HearingRow:
    hearing: Hearing
    exhibits: int


def hearing_rows(services: Services, user: User) -> list[HearingRow]:
    """The hearings whose staff ``user`` is on, newest first, with their exhibit counts (blocking: call from a
    worker thread)."""
    mine = services.staff.hearings_of(user)
    return [HearingRow(h, len(services.exhibits.of_hearing(h.id))) for h in services.hearings.all()
            if mine is None or h.id in mine]


def _with_field_label(error: CourtroomError) -> CourtroomError:
    """The error with its field code ("title") replaced by the form's own label ("Tên phiên tòa")."""
    field = error.params.get('field')
    if field not in ('case_number', 'title'):
        return error
    label = t('case_number' if field == 'case_number' else 'title')
    labelled = CourtroomError(error.code, **{**error.params, 'field': label})
    labelled.status = error.status
    return labelled


_GRID = 'grid grid-cols-[minmax(10rem,14rem)_1fr_9rem_6rem] gap-x-6 items-center w-full px-5'


def register(services: Services) -> None:
    @ui.page('/')
    async def hearings_page() -> None:
        user = require_user(services)
        if user is None:
            return
        zone = services.settings.time_zone
        frame(services, user, t('hearings'))
        ui.query('body').classes('bg-slate-100')

        @ui.refreshable
        def hearing_list(rows: list[HearingRow]) -> None:
            with testid(ui.card(), 'hearing-list').classes('w-full p-0 gap-0'):
                with ui.element('div').classes(_GRID + ' py-3 bg-slate-50 border-b border-slate-200 rounded-t '
                                                       'text-xs font-semibold uppercase tracking-wide text-slate-500'):
                    ui.label(t('case_number'))
                    ui.label(t('title'))
                    ui.label(t('created_at'))
                    ui.label(t('exhibit_count')).classes('text-right')
                if not rows:
                    testid(ui.label(t('no_hearings')), 'no-hearings').classes('px-5 py-10 text-slate-500 self-center')
                for row in rows:
                    h = row.hearing
                    with testid(ui.link(target=f'/hearings/{h.id}'), 'hearing-row').classes(
                            _GRID + ' py-3 border-b border-slate-200 last:border-b-0 no-underline text-slate-900 '
                                    'hover:bg-blue-50'):
                        ui.label(h.case_number).classes('font-medium text-blue-900 truncate')
                        with ui.row().classes('items-center no-wrap gap-2 min-w-0'):
                            if h.kind != 'hearing':
                                testid(ui.label(t(SESSION_KIND_KEYS[h.kind])), 'hearing-kind-chip').classes(
                                    'text-xs font-semibold text-rose-900 bg-rose-50 border border-rose-200 rounded '
                                    'px-1.5 py-0.5 whitespace-nowrap')
                            ui.label(h.title).classes('truncate').tooltip(h.title)
                        ui.label(format_datetime(h.created_at, zone, seconds=False)) \
                            .classes('text-sm text-slate-600 whitespace-nowrap')
                        testid(ui.label(str(row.exhibits)), 'hearing-exhibits').classes('text-right tabular-nums')

        async def reload() -> list[HearingRow]:
            rows = await run.io_bound(hearing_rows, services, user)
            count.text = t('hearing_count', n=len(rows))
            return rows

        with ui.column().classes('w-full max-w-6xl mx-auto p-6 gap-4'):
            with ui.row().classes('w-full items-end justify-between'):
                with ui.column().classes('gap-0'):
                    ui.label(t('hearings')).classes('text-2xl font-semibold text-slate-800')
                    count = ui.label().classes('text-sm text-slate-600')
                if may(user.role, Action.CREATE_HEARING):
                    testid(ui.button(t('new_hearing'), icon='add', on_click=lambda: dialog.open()), 'new-hearing') \
                        .props('unelevated color=primary')
            hearing_list(await reload())

        if not may(user.role, Action.CREATE_HEARING):
            return

        async def create() -> None:
            error.visible = False
            try:
                articles = parse_charges_input(charges.value)
                hearing = await run.io_bound(lambda: services.hearings.create(
                    case_number=case_number.value or '', title=title.value or '', actor=user.username,
                    created_by=user.id, charges=articles, state_secret=bool(state_secret.value),
                    kind=kind.value or 'hearing'))
            except CourtroomError as e:
                error.text = error_text(_with_field_label(e))
                error.visible = True
                return
            dialog.close()
            ui.notify(t('created'), type='positive')
            ui.navigate.to(f'/hearings/{hearing.id}')

        with ui.dialog() as dialog, testid(ui.card(), 'new-hearing-dialog').classes('w-[32rem] p-6 gap-4'):
            ui.label(t('new_hearing')).classes('text-lg font-semibold')
            kind = testid(ui.select({k: t(SESSION_KIND_KEYS[k]) for k in KINDS}, value='hearing', label=t('int_kind')),
                          'hearing-kind').props('outlined').classes('w-full')
            kind_hint = ui.label(t('int_kind_hint')).classes('text-xs text-slate-500 -mt-2')
            kind_hint.bind_visibility_from(kind, 'value', backward=lambda v: v != 'hearing')
            case_number = testid(ui.input(t('case_number'), placeholder=t('case_number_hint')), 'case-number') \
                .props(f'outlined autofocus maxlength={MAX_CASE_NUMBER}').classes('w-full')
            title = testid(ui.input(t('title')), 'hearing-title') \
                .props(f'outlined maxlength={MAX_TITLE}').classes('w-full')
            charges = testid(ui.input(t('hybrid_charges'), placeholder=t('hybrid_charges_hint')), 'hearing-charges') \
                .props('outlined maxlength=200').classes('w-full')
            with ui.row().classes('w-full items-center no-wrap gap-2'):
                state_secret = testid(ui.checkbox(t('hybrid_state_secret')), 'hearing-state-secret')
                ui.label(f'({t("hybrid_state_secret_hint")})').classes('text-xs text-slate-500')
            error = testid(ui.label(), 'create-error').classes('text-red-700 text-sm')
            error.visible = False
            title.on('keydown.enter', create)
            with ui.row().classes('w-full justify-end gap-2'):
                ui.button(t('cancel'), on_click=dialog.close).props('flat')
                testid(ui.button(t('create'), on_click=create), 'create-hearing').props('unelevated color=primary')
