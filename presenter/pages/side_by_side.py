"""Side by side on the bench console: the live card's two sides when two pages are on the screens, the one that the
next publish, page turn and zoom act on (the chosen side) highlighted and chosen by a click or the keys 1 and 2; the
buttons to show the previewed page beside the live one (S) and to go back to one page (Shift+S)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from nicegui import ui

from courtroom.exhibits import Exhibit
from courtroom.presentation_state import PresentationState, Shown

from ..session import t
from .components import keyboard_button, testid
from .presenting_widgets import shown_text

SIDE_KEYS = ('sbs_left', 'sbs_right')
ACTIVE = 'bg-amber-100 border-amber-500 ring-2 ring-amber-400'
IDLE = 'bg-white border-slate-200'


def side_name(side: int) -> str:
    return t('sbs_left') if side == 0 else t('sbs_right')


class LiveSides:
    """The two sides of what is live, shown only while two pages are; ``choose`` is called with the side clicked."""

    def __init__(self, choose: Callable[[int], Awaitable[None] | None]) -> None:
        with testid(ui.column(), 'live-sides').classes('w-full gap-1 mt-1') as self.box:
            self.rows: list[ui.row] = []
            self.texts: list[ui.label] = []
            for side in (0, 1):
                with keyboard_button(testid(ui.row(), 'live-side')).classes(
                        f'w-full no-wrap items-center gap-2 px-2 py-1 rounded border cursor-pointer {IDLE}') as row:
                    row.props['data-side'] = str(side)
                    row.props['aria-label'] = t('sbs_choose', side=side_name(side).lower(), key=side + 1)
                    row.on('click', lambda side=side: choose(side))
                    ui.label(f'{side + 1} · {side_name(side)}').classes(
                        'text-[11px] font-semibold uppercase tracking-wide text-slate-600 whitespace-nowrap')
                    self.texts.append(ui.label().classes('text-sm font-semibold text-slate-800 truncate'))
                self.rows.append(row)
            ui.label(t('sbs_acts_on')).classes('text-[11px] text-slate-600 leading-snug')
        self.box.visible = False

    def show(self, state: PresentationState | None, by_id: dict[int, Exhibit], chosen: int) -> None:
        sides = (state.live, state.beside) if state is not None and state.beside is not None else None
        self.box.visible = sides is not None
        if sides is None:
            return
        for side, (row, text, shown) in enumerate(zip(self.rows, self.texts, sides, strict=True)):
            text.text = describe(shown, by_id)
            on = side == chosen
            row.classes(add=ACTIVE if on else IDLE, remove=IDLE if on else ACTIVE)
            row.props['aria-pressed'] = 'true' if on else 'false'
            row.props['data-active'] = 'true' if on else 'false'
            row.props['data-exhibit-id'] = str(shown.exhibit_id) if shown else ''
            row.props['data-page'] = str(shown.page) if shown else ''
            row.update()


def describe(shown: Shown | None, by_id: dict[int, Exhibit]) -> str:
    if shown is None:
        return ''
    zoom = f' · {t("bench_zoomed")}' if shown.region else ''
    return shown_text(by_id.get(shown.exhibit_id), shown.page) + zoom
