"""Redaction on the bench console's preview: the "Redact / Che" tool (key X) is one of the drawing tools
(mark_tools.py), a drag draws the box; here the box is stored (courtroom.redactions), the previewed page's boxes
are outlined over the preview (the bench sees the content: its user may), and a list under the tools deletes them.
Every public screen showing the page gets its image again with the box burned in black (media.redact).

``PendingRedactions`` is the presiding judge's list of boxes waiting for approval, on the judge's page."""

from __future__ import annotations

from collections.abc import Callable

from nicegui import run, ui
from nicegui.element import Element

from courtroom.errors import CourtroomError
from courtroom.redactions import Redaction, RedactionsChange
from courtroom.users import User

from ..live import follow
from ..services import Services
from ..session import error_text, t
from .components import testid
from .presenting_widgets import PageFrame


def box_of(points: object) -> list[float] | object:
    """The box a drag drew, from its two corners in any order; what was sent, unchanged, when it is not two points
    (the domain names what is wrong with it)."""
    if isinstance(points, list) and len(points) == 2 and all(isinstance(p, list) and len(p) == 2 for p in points):
        (ax, ay), (bx, by) = points
        try:
            return [min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)]
        except TypeError:
            return points
    return points


class RedactTools:
    """The previewed page's redactions: outlined on the preview and listed with a delete button each."""

    def __init__(self, services: Services, user: User, frame: PageFrame,
                 where: Callable[[], tuple[int, int] | None]) -> None:
        self.services = services
        self.user = user
        self.where = where
        with frame.wrap:
            self.layer: Element = testid(ui.element('div'), 'preview-redactions').classes('cr-marks')
        self.shown: list[Redaction] = []
        self.button = testid(ui.button(icon='format_list_bulleted'), 'redaction-list-button') \
            .props('flat dense no-caps color=white size=sm')
        with self.button:
            self.tip = ui.tooltip('')
            with ui.menu():
                self.items = testid(ui.column(), 'redaction-list').classes('gap-0 p-2 min-w-[16rem]')
        follow(services.redactions.changed, self.on_changed)
        self._render()

    async def add(self, exhibit_id: int, page: int, points: object) -> None:
        try:
            await run.io_bound(lambda: self.services.redactions.add(self.user, exhibit_id=exhibit_id, page=page,
                                                                   box=box_of(points)))
        except CourtroomError as error:
            ui.notify(error_text(error), type='negative')
            return
        ui.notify(t('redact_added'), type='positive')

    async def delete(self, redaction_id: int) -> None:
        try:
            await run.io_bound(self.services.redactions.delete, redaction_id, self.user)
        except CourtroomError as error:
            ui.notify(error_text(error), type='negative')

    async def on_changed(self, change: RedactionsChange) -> None:
        if self.where() == (change.exhibit_id, change.page):
            await self.refresh()

    async def refresh(self) -> None:
        where = self.where()
        if where is None:
            shown: list[Redaction] = []
        else:
            exhibit_id, page = where
            shown = [r for r in await run.io_bound(self.services.redactions.of_exhibit, exhibit_id) if r.page == page]
        if self.where() != where:
            return  # turned meanwhile; that page's refresh draws it
        self.shown = shown
        self._render()

    def _render(self) -> None:
        label = t('redact_list', count=len(self.shown))
        self.button.text = str(len(self.shown))
        self.button.props(f'aria-label="{label}"')
        self.tip.text = label
        self.button.visible = bool(self.shown)
        self.layer.props['data-redactions'] = str(len(self.shown))
        self.layer.clear()
        with self.layer:
            for r in self.shown:
                x0, y0, x1, y1 = r.box.as_list()
                testid(ui.element('div'), 'preview-redaction').style(
                    f'position:absolute; left:{x0:.2%}; top:{y0:.2%}; width:{x1 - x0:.2%}; height:{y1 - y0:.2%};'
                    ' border:2px dashed #dc2626; background:rgba(17,24,39,0.25)')
        self.items.clear()
        with self.items:
            ui.label(label).classes('text-xs font-semibold text-slate-700 pb-1')
            ui.label(t('redact_hint')).classes('text-[11px] text-slate-500 pb-1 max-w-[18rem]')
            for n, r in enumerate(self.shown, start=1):
                with ui.row().classes('items-center no-wrap gap-2 w-full justify-between'):
                    ui.label(t('redact_item', number=n, author=r.author)).classes('text-sm')
                    name = t('redact_delete', number=n)
                    testid(ui.button(icon='delete', on_click=lambda rid=r.id: self.delete(rid)), 'redaction-delete') \
                        .props(f'flat round dense color=negative aria-label="{name}"').tooltip(name)


class PendingRedactions:
    """The boxes of a hearing waiting for the presiding judge, each with approve and reject (which deletes it); shown
    only while there are some."""

    def __init__(self, services: Services, user: User, hearing_id: int) -> None:
        self.services = services
        self.user = user
        self.hearing_id = hearing_id
        self.card = testid(ui.card(), 'pending-redactions').classes('w-full p-4 gap-2')
        with self.card:
            self.title = ui.label().classes('text-sm font-semibold text-slate-800')
            self.items = ui.column().classes('w-full gap-1')
        self.card.visible = False
        follow(services.redactions.changed, self.on_changed)  # the judge page's load() draws it first

    async def on_changed(self, change: RedactionsChange) -> None:
        if change.hearing_id == self.hearing_id:
            await self.refresh()

    async def refresh(self) -> None:
        pending = await run.io_bound(self.services.redactions.pending, self.hearing_id)
        labels = {e.id: e.label for e in await run.io_bound(self.services.exhibits.of_hearing, self.hearing_id)}
        self.card.visible = bool(pending)
        self.card.props['data-count'] = str(len(pending))
        self.title.text = t('redact_pending', count=len(pending))
        self.items.clear()
        with self.items:
            for r in pending:
                with testid(ui.row(), 'pending-redaction').classes('w-full items-center no-wrap gap-1'):
                    ui.label(t('redact_pending_item', label=labels.get(r.exhibit_id, f'#{r.exhibit_id}'), page=r.page,
                               author=r.author)).classes('text-sm flex-1 truncate')
                    for label, name, icon, color, act in (
                            (t('redact_approve'), 'redact-approve', 'check', 'green-9', self.approve),
                            (t('redact_reject'), 'redact-reject', 'close', 'red-9', self.reject)):
                        testid(ui.button(icon=icon, on_click=lambda rid=r.id, act=act: act(rid)),
                               f'{name}-button').props(
                            f'flat round dense color={color} aria-label="{label}"').tooltip(label)

    async def approve(self, redaction_id: int) -> None:
        await self._act(self.services.redactions.approve, redaction_id)

    async def reject(self, redaction_id: int) -> None:
        await self._act(self.services.redactions.delete, redaction_id)

    async def _act(self, call: Callable[[int, User], object], redaction_id: int) -> None:
        try:
            await run.io_bound(call, redaction_id, self.user)
        except CourtroomError as error:
            ui.notify(error_text(error), type='negative')
