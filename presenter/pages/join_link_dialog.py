"""The join link dialog of the participants page: a participant's personal link as a QR code and as text, with
what it is for and until when; it can be copied, and printed on its own (``PRINT_CSS``)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from nicegui import ui

from courtroom.court_time import format_datetime
from courtroom.hearings import Hearing
from courtroom.participants import Participant
from courtroom.points import Point

from ..session import t
from .components import testid
from .participant_labels import id_document_text, kind_label, qr_svg, role_label

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


class JoinLinkDialog:
    """The dialog, built once per page and filled in by ``show`` for each link issued."""

    def __init__(self, hearing: Hearing, zone: ZoneInfo) -> None:
        self.current_url = ''
        self.zone = zone  # the court's: the link's expiry is shown in it
        self.kind = hearing.kind
        with ui.dialog() as self.dialog, testid(ui.card(), 'join-link-dialog').classes(
                'hybrid-print w-[40rem] max-w-[95vw] p-6 gap-4'):
            with ui.row().classes('w-full items-start justify-between no-wrap gap-4'):
                with ui.column().classes('gap-0 min-w-0'):
                    ui.label(t('hybrid_link_title')).classes('text-lg font-semibold text-slate-800')
                    ui.label(f'{hearing.case_number} · {hearing.title}') \
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
                testid(ui.button(t('hybrid_copy'), icon='content_copy', on_click=self.copy), 'join-copy') \
                    .props('flat no-caps color=primary')
                testid(ui.button(t('hybrid_print'), icon='print', on_click=lambda: ui.run_javascript('window.print()')),
                       'join-print').props('flat no-caps color=primary')
                testid(ui.button(t('close'), on_click=self.dialog.close), 'join-close') \
                    .props('unelevated no-caps color=primary')

    def show(self, p: Participant, url: str, points: list[Point]) -> None:
        point = next((x for x in points if x.id == p.point_id), None)
        self.link_url.text = url
        self.link_qr.content = qr_svg(url)
        self.link_name.text = p.name
        self.link_facts.clear()
        facts = [(t('hybrid_role'), role_label(p.role, self.kind)),
                 (t('hybrid_point'), f'{point.name} ({kind_label(point.kind)})' if point else str(p.point_id)),
                 (t('hybrid_id_type'), id_document_text(p)),
                 (t('hybrid_expires'), format_datetime(p.link_expires_at, self.zone, seconds=False))]
        with self.link_facts:
            for key, value in facts:
                ui.label(key).classes('text-slate-500')
                label = ui.label(value).classes('font-medium')
                if key == t('hybrid_expires'):
                    testid(label, 'join-expiry')
        self.current_url = url
        self.dialog.open()

    def copy(self) -> None:
        ui.clipboard.write(self.current_url)
        ui.notify(t('hybrid_copied'), type='positive')
