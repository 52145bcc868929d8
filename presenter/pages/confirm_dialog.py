"""The confirmation dialog of the participants page: a title, a text, an optional note and one button that
runs the action it was asked for (revoking a link, turning someone away)."""

from __future__ import annotations

from typing import Any

from nicegui import ui

from ..session import t
from .components import testid


class ConfirmDialog:
    """Built once per page; ``ask`` fills it in and opens it, its button calls ``action(note)``."""

    def __init__(self) -> None:
        with ui.dialog() as self.dialog, testid(ui.card(), 'confirm-dialog').classes('w-[30rem] p-6 gap-3'):
            self.confirm_title = testid(ui.label(), 'confirm-title').classes('text-lg font-semibold text-slate-800')
            self.confirm_text = ui.label().classes('text-sm text-slate-600')
            self.confirm_note = testid(ui.input(t('hybrid_turn_away_note')), 'confirm-note') \
                .props('outlined dense maxlength=500').classes('w-full')
            with ui.row().classes('w-full justify-end gap-2'):
                ui.button(t('cancel'), on_click=self.dialog.close).props('flat no-caps')
                self.confirm_button = testid(ui.button(t('hybrid_confirm'), on_click=self._confirmed),
                                             'confirm-button').props('unelevated no-caps color=red-9')
        self._pending: Any = None

    def ask(self, title: str, text: str, action: Any, *, note: bool, button: str) -> None:
        self.confirm_title.text = title
        self.confirm_text.text = text
        self.confirm_text.visible = bool(text)
        self.confirm_note.value = ''
        self.confirm_note.visible = note
        self.confirm_button.text = button
        self._pending = action
        self.dialog.open()

    async def _confirmed(self) -> None:
        action, self._pending = self._pending, None
        note = (self.confirm_note.value or '').strip() or None
        self.dialog.close()
        if action is not None:
            await action(note)
