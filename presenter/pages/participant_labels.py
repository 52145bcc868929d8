"""Labels and small pure helpers of the participants page: state styles and icons, connection quality as text,
translated role, point kind and ID document names, and form errors in the form's own words."""

from __future__ import annotations

from typing import Any

import segno
from nicegui import ui
from nicegui.element import Element

from courtroom.errors import CourtroomError
from courtroom.participants import ID_DOCUMENT_TYPES, Participant, ParticipantRole, ParticipantState
from courtroom.points import PointKind

from ..session import t
from ..texts import ID_DOCUMENT_KEYS, PARTICIPANT_ROLE_KEYS, PARTICIPANT_STATE_KEYS, POINT_KIND_KEYS
from .components import testid

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


def parse_charges_input(text: str | None) -> list[str]:
    """ "173, 174" or "Điều 173; 174" → ["173", "174"]: the domain checks each one is a Penal Code article."""
    return [part.strip() for part in (text or '').replace(';', ',').split(',') if part.strip()]


def qr_svg(url: str, *, scale: int = 4, dark: str = '#000', light: str | None = None) -> str:
    """The URL as an inline SVG QR code: a join link to scan, or a screen's kiosk link for a technician to open
    on the screen's own browser. No light colour is a transparent background."""
    return segno.make(url, error='m').svg_inline(scale=scale, dark=dark, light=light)


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


def kind_label(kind: PointKind) -> str:
    return t(POINT_KIND_KEYS[kind])


def role_label(role: ParticipantRole | str, kind: str = 'hearing') -> str:
    """A participant's title; the one tried is *Bị can* (accused), not *Bị cáo*, in an interrogation or statement,
    before any trial (the glossary; the minutes' form says the same, courtroom.minutes_form)."""
    if kind != 'hearing' and role == ParticipantRole.DEFENDANT:
        return t('hybrid_role_accused')
    return t(PARTICIPANT_ROLE_KEYS[role])


def id_label(doc_type: str | None) -> str:
    return t(ID_DOCUMENT_KEYS[doc_type]) if doc_type in ID_DOCUMENT_KEYS else (doc_type or '')


def id_document_text(p: Participant) -> str:
    if not p.id_document_type:
        return t('hybrid_no_doc')
    return f'{id_label(p.id_document_type)} {p.id_document_number or ""}'.strip()


def labelled(error: CourtroomError) -> CourtroomError:
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


def point_name_labelled(error: CourtroomError) -> CourtroomError:
    labelled = type(error)(error.code, **{**error.params, 'field': t('hybrid_point_name')})
    labelled.status = error.status
    return labelled


def state_badge(state: ParticipantState) -> Element:
    badge = testid(ui.label(t(PARTICIPANT_STATE_KEYS[state])), 'participant-state').classes(
        f'shrink-0 text-xs font-medium rounded-full border px-2 py-0.5 whitespace-nowrap {STATE_STYLE[state]}')
    badge.props['data-state'] = state.value
    return badge
