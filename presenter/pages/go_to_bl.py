"""The "go to BL" field, one for the clerk's hearing page and the procurator's bench: type "BL 125", "bút lục 125"
or "125" and press Enter (or the button); the page opens there and the field lets go of the keyboard, so the page's
own keys act next (on the bench, "BL 125 ⏎ ⏎" shows BL 125). A number that is not a BL, or a BL that is not in the
case file, is said under the field and nothing else changes."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from nicegui import run, ui

from courtroom.bl import parse_bl
from courtroom.errors import CourtroomError
from courtroom.exhibits import Exhibit, Exhibits

from ..session import error_text, t
from .components import testid


def leave_field() -> None:
    """Off the focused text field, so the page's own keys act next."""
    ui.run_javascript('document.activeElement && document.activeElement.blur()')


def find_page(exhibits: Exhibits, hearing_id: int, bl: int) -> tuple[Exhibit, int]:
    """The exhibit and its page that carry ``bl``, read fresh (it may have been imported since the page loaded)."""
    ref = exhibits.find_bl(hearing_id, bl)
    return exhibits.get(ref.exhibit_id), ref.page


class GoToBl:
    def __init__(self, exhibits: Exhibits, hearing_id: int,
                 open_page: Callable[[Exhibit, int], Awaitable[None]]) -> None:
        self._exhibits = exhibits
        self._hearing_id = hearing_id
        self._open_page = open_page
        with ui.row().classes('w-full no-wrap gap-2 items-start'):
            self.input = testid(ui.input(t('go_to_bl'), placeholder=t('go_to_bl_hint')), 'bl-input') \
                .props('outlined dense clearable bg-color=white').classes('flex-1')
            self.input.on('keydown.enter', self.go)
            testid(ui.button(icon='arrow_forward', on_click=self.go), 'bl-go') \
                .props(f'unelevated color=primary aria-label="{t("go_to_bl")}"').classes('h-10 w-12') \
                .tooltip(t('go_to_bl'))
        self.error = testid(ui.label(), 'bl-error').classes('text-sm text-red-700 -mt-1')
        self.error.visible = False

    async def go(self) -> None:
        value = (self.input.value or '').strip()
        self.error.visible = False
        if not value:
            return
        bl = parse_bl(value)
        if bl is None:
            self._say(t('bad_bl', value=value))
            return
        try:
            exhibit, page = await run.io_bound(find_page, self._exhibits, self._hearing_id, bl)
        except CourtroomError as e:
            self._say(error_text(e))
            return
        await self._open_page(exhibit, page)
        leave_field()

    def _say(self, text: str) -> None:
        self.error.text = text
        self.error.visible = True
