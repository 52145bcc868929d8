"""Beside the bench console's preview: the previewed page's marks, listed (kind and colour in words, who drew each
and when, in court time, each with its delete button), and the hearing's treatments (courtroom.treatments): "Save as
treatment" keeps the page's marks and zoom region under a name; Show puts them back on the page and previews it
there, Publish puts it on the screens too. Both lists follow changes made in other tabs and through the API."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from nicegui import run, ui

from courtroom.court_time import format_time
from courtroom.errors import CourtroomError
from courtroom.exhibits import Exhibit
from courtroom.marks import Mark
from courtroom.presentation_state import Region
from courtroom.roles import Action, may
from courtroom.treatments import MAX_NAME, Treatment
from courtroom.users import User

from ..live import follow
from ..services import Services
from ..session import error_text, t
from .components import Latest, page_bl, testid
from .mark_tools import MARK_COLOR_KEYS

MARK_KIND_KEYS = {'highlight': 'marks_kind_highlight', 'pen': 'marks_kind_pen', 'rect': 'marks_kind_rect',
                  'arrow': 'marks_kind_arrow', 'ellipse': 'marks_kind_ellipse', 'text': 'marks_kind_text'}
SECTION = 'w-full p-2 gap-1 bg-white rounded-lg border border-slate-200'
HEADING = 'text-[11px] uppercase tracking-wide text-slate-600 font-semibold'


def mark_words(mark: Mark) -> str:
    """ "Highlight, yellow"; a callout with its text."""
    words = f'{t(MARK_KIND_KEYS[mark.kind.value])}, {t(MARK_COLOR_KEYS[mark.shape.color.value]).lower()}'
    return f'{words}: “{mark.shape.text}”' if mark.shape.text else words


class PageMarksList:
    """The previewed page's marks, oldest first, as MarkTools last drew them on the preview."""

    def __init__(self, services: Services, user: User) -> None:
        self.services = services
        self.user = user
        self.names: dict[str, str] = {}  # display names by username
        self._shown: tuple[int, ...] | None = None
        self._turns = Latest()
        with testid(ui.column(), 'page-marks').classes(SECTION):
            ui.label(t('marks_list_title')).classes(HEADING)
            self.rows = testid(ui.column(), 'page-marks-list').classes('w-full gap-0.5')

    async def show(self, marks: Sequence[Mark]) -> None:
        turn = self._turns.start()
        key = tuple(m.id for m in marks)
        if any(m.author not in self.names for m in marks):
            self.names = await run.io_bound(self.services.users.names)
        if key == self._shown or not self._turns.is_latest(turn):
            return  # drawn already, or newer marks arrived while the names were read: theirs is the list
        self._shown = key
        self.rows.clear()
        zone = self.services.settings.time_zone
        with self.rows:
            if not marks:
                testid(ui.label(t('marks_list_empty')), 'page-marks-empty').classes('text-xs text-slate-600')
            for n, mark in enumerate(marks, start=1):
                with testid(ui.row(), 'page-mark').classes('w-full no-wrap items-center gap-1') as row:
                    row.props['data-mark-id'] = str(mark.id)
                    with ui.column().classes('flex-1 min-w-0 gap-0 overflow-hidden'):
                        testid(ui.label(f'{n}. {mark_words(mark)}'), 'page-mark-what') \
                            .classes('w-full text-xs font-medium text-slate-800 truncate')
                        who = self.names.get(mark.author, mark.author)
                        ui.label(t('marks_by', who=who, time=format_time(mark.created_at, zone))) \
                            .classes('w-full text-[11px] text-slate-600 truncate')
                    label = t('marks_delete', number=n, what=mark_words(mark))
                    button = testid(ui.button(icon='close', on_click=lambda m=mark.id: self.delete(m)),
                                    'page-mark-delete').props('flat round dense size=sm color=grey-8')
                    button.props['aria-label'] = label
                    button.tooltip(label)

    async def delete(self, mark_id: int) -> None:
        try:
            await run.io_bound(self.services.marks.delete, mark_id, self.user)
        except CourtroomError as error:
            ui.notify(error_text(error), type='negative')


class TreatmentsPanel:
    """The hearing's saved treatments, and the dialog that saves the previewed page as one. ``where`` says which
    page, and which zoom region, the preview shows; ``exhibits`` the hearing's exhibits by id."""

    def __init__(self, services: Services, user: User, hearing_id: int,
                 where: Callable[[], tuple[int, int, Region | None] | None],
                 exhibits: Callable[[], dict[int, Exhibit]]) -> None:
        self.services = services
        self.user = user
        self.hearing_id = hearing_id
        self.where = where
        self.exhibits = exhibits
        with testid(ui.column(), 'treatments').classes(SECTION):
            with ui.row().classes('w-full items-center no-wrap gap-1'):
                ui.label(t('treatments_title')).classes(HEADING + ' flex-1')
                testid(ui.button(icon='bookmark_add', on_click=self.ask_name), 'treatment-save') \
                    .props(f'flat round dense color=primary aria-label="{t("treatments_save")}"') \
                    .tooltip(t('treatments_save_hint'))
            self.rows = testid(ui.column(), 'treatment-list').classes('w-full gap-0.5')
        with ui.dialog() as self.dialog, testid(ui.card(), 'treatment-dialog').classes('w-[26rem] p-5 gap-3'):
            ui.label(t('treatments_save')).classes('text-lg font-semibold')
            ui.label(t('treatments_save_hint')).classes('text-sm text-slate-600')
            self.name = testid(ui.input(t('treatments_name')), 'treatment-name') \
                .props(f'outlined autofocus maxlength={MAX_NAME}').classes('w-full')
            self.name.props['hint'] = t('treatments_name_hint')
            self.name.on('keydown.enter', self.save)
            self.error = testid(ui.label(), 'treatment-error').classes('text-sm text-red-700')
            self.error.visible = False
            with ui.row().classes('w-full justify-end gap-2'):
                ui.button(t('cancel'), on_click=self.dialog.close).props('flat')
                testid(ui.button(t('treatments_save'), icon='bookmark_add', on_click=self.save),
                       'treatment-save-confirm').props('unelevated color=primary')
        follow(services.treatments.changed, self.on_changed)

    async def load(self) -> None:
        try:
            treatments = await run.io_bound(self.services.treatments.of_hearing, self.hearing_id)
        except CourtroomError as error:
            ui.notify(error_text(error), type='negative')
            return
        self.render(treatments)

    async def on_changed(self, hearing_id: int) -> None:
        if hearing_id == self.hearing_id:
            await self.load()

    def render(self, treatments: list[Treatment]) -> None:
        self.rows.clear()
        publish = may(self.user.role, Action.PUBLISH)
        with self.rows:
            if not treatments:
                testid(ui.label(t('treatments_empty')), 'treatments-empty').classes('text-xs text-slate-600')
            for treatment in treatments:
                where = self._where_text(treatment)
                with testid(ui.row(), 'treatment').classes('w-full no-wrap items-center gap-1') as row:
                    row.props['data-treatment-id'] = str(treatment.id)
                    with ui.column().classes('flex-1 min-w-0 gap-0 overflow-hidden'):
                        testid(ui.label(treatment.name), 'treatment-name-text') \
                            .classes('w-full text-xs font-medium text-slate-800 truncate')
                        ui.label(where).classes('w-full text-[11px] text-slate-600 truncate')
                    label = t('treatments_show_label', name=treatment.name, where=where)
                    button = testid(ui.button(t('treatments_show'), on_click=lambda tr=treatment: self.show(tr)),
                                    'treatment-show').props('flat dense no-caps color=primary')
                    button.props['aria-label'] = label
                    button.tooltip(label)
                    if publish:
                        label = f'{t("bench_publish")}: {treatment.name}'
                        button = testid(ui.button(icon='cast',
                                                  on_click=lambda tr=treatment: self.show(tr, publish=True)),
                                        'treatment-publish').props('flat round dense size=sm color=green-9')
                        button.props['aria-label'] = label
                        button.tooltip(label)
                    label = t('treatments_delete_label', name=treatment.name)
                    button = testid(ui.button(icon='delete', on_click=lambda tr=treatment: self.delete(tr)),
                                    'treatment-delete').props('flat round dense size=sm color=grey-8')
                    button.props['aria-label'] = label
                    button.tooltip(label)

    def _where_text(self, treatment: Treatment) -> str:
        exhibit = self.exhibits().get(treatment.exhibit_id)
        if exhibit is None:
            return f'{t("page")} {treatment.page}'
        bl = page_bl(exhibit, treatment.page)
        return f'{exhibit.label} · ' + (f'BL {bl}' if bl is not None else f'{t("page")} {treatment.page}')

    # --- acting -----------------------------------------------------------------------------------------------

    def ask_name(self) -> None:
        if self.where() is None:
            return
        self.name.value = ''
        self.error.visible = False
        self.dialog.open()

    async def save(self) -> None:
        where = self.where()
        if where is None:
            return
        exhibit_id, page, region = where
        name = self.name.value or ''
        try:
            saved = await run.io_bound(lambda: self.services.treatments.save(
                self.hearing_id, self.user, name=name, exhibit_id=exhibit_id, page=page, region=region))
        except CourtroomError as error:
            self.error.text = error_text(error)
            self.error.visible = True
            return
        self.dialog.close()
        ui.notify(t('treatments_saved', name=saved.name), type='positive')

    async def show(self, treatment: Treatment, *, publish: bool = False) -> None:
        """Its marks back on its page; the preview follows (Bench.on_preview_elsewhere), the screens too if live."""
        try:
            await run.io_bound(lambda: self.services.treatments.show(treatment.id, self.user, publish=publish))
        except CourtroomError as error:
            ui.notify(error_text(error), type='negative')

    async def delete(self, treatment: Treatment) -> None:
        try:
            await run.io_bound(self.services.treatments.delete, treatment.id, self.user)
        except CourtroomError as error:
            ui.notify(error_text(error), type='negative')

