"""Widgets shared by the bench console and the judge's panel: the page frame with its zoom-region overlay (and the
rectangle drag that chooses one), the screens' confidence chips, disclosure badges, and the pure rules behind
them (a screen's health, what it acknowledged, BL input)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from nicegui import ui
from nicegui.element import Element

from courtroom.exhibits import Disclosure, Exhibit
from courtroom.presentation_state import Region

from ..session import t
from ..texts import ACK_KEYS, BENCH_AUDIENCE_KEYS, DISCLOSURE_KEYS
from .components import page_bl, testid

LAG_S = 1.0  # a screen whose acknowledgement trails the state by longer than this is flagged

# Dragging a rectangle on a page: pointer events (mouse, pen and touch alike), drawn on the client while dragging,
# sent once as a normalised rectangle (0..1 from the page's top-left corner, the same frame screen.js zooms into).
REGION_JS = '''
<script>
(() => {
  if (window.courtroomRegion) return;
  const clamp = (v) => Math.min(1, Math.max(0, v));
  let drag = null;
  const at = (wrap, e) => {
    const r = wrap.getBoundingClientRect();
    return [clamp((e.clientX - r.left) / r.width), clamp((e.clientY - r.top) / r.height)];
  };
  const rect = (a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])];
  const draw = (box, r) => {
    box.style.display = 'block';
    box.style.left = r[0] * 100 + '%'; box.style.top = r[1] * 100 + '%';
    box.style.width = (r[2] - r[0]) * 100 + '%'; box.style.height = (r[3] - r[1]) * 100 + '%';
  };
  document.addEventListener('pointerdown', (e) => {
    const wrap = e.target.closest && e.target.closest('[data-region-select]');
    if (!wrap || e.button > 0) return;
    e.preventDefault();
    try { wrap.setPointerCapture(e.pointerId); } catch (err) {}
    drag = { wrap, box: wrap.querySelector('[data-region-box]'), start: at(wrap, e), id: e.pointerId };
  });
  document.addEventListener('pointermove', (e) => {
    if (!drag || e.pointerId !== drag.id) return;
    draw(drag.box, rect(drag.start, at(drag.wrap, e)));
  });
  const end = (e) => {
    if (!drag || e.pointerId !== drag.id) return;
    const r = rect(drag.start, at(drag.wrap, e));
    const name = drag.wrap.dataset.regionSelect;
    drag = null;
    emitEvent(name, { region: r.map((v) => Math.round(v * 10000) / 10000) });
  };
  document.addEventListener('pointerup', end);
  document.addEventListener('pointercancel', (e) => { if (drag && e.pointerId === drag.id) drag = null; });
  // a clicked button keeps no focus, so the page's keyboard shortcuts keep working and Enter never clicks it again
  document.addEventListener('click', (e) => {
    const b = e.target.closest && e.target.closest('.q-btn, .q-toggle, .q-checkbox');
    if (b) setTimeout(() => { b.blur(); const f = b.querySelector(':focus'); if (f) f.blur(); }, 0);
  });
  window.courtroomRegion = true;
})();
</script>
'''

CSS = '''
<style>
  .cr-frame { position: relative; display: inline-block; line-height: 0; max-width: 100%; }
  .cr-frame img { display: block; max-width: 100%; background: #fff; box-shadow: 0 4px 18px rgba(0,0,0,.35);
                  user-select: none; -webkit-user-drag: none; }
  .cr-frame[data-region-select] { touch-action: none; cursor: crosshair; }
  .cr-marks { position: absolute; inset: 0; pointer-events: none; }
  .cr-frame[data-draw] { touch-action: none; cursor: crosshair; }
  .cr-region { position: absolute; display: none; border: 3px solid #f59e0b; background: rgba(245,158,11,.12);
               box-shadow: 0 0 0 9999px rgba(15,23,42,.35); pointer-events: none; }
</style>
'''


# --- pure rules ---------------------------------------------------------------------------------------------

def screen_health(*, connected: bool, acked_version: int | None, version: int, behind_for_s: float) -> str:
    """``off`` when disconnected; ``ok`` when its acknowledgement is of the current state; ``lag`` when it has
    trailed for more than LAG_S; ``wait`` while it is still within that second."""
    if not connected:
        return 'off'
    if acked_version is not None and acked_version >= version:
        return 'ok'
    return 'lag' if behind_for_s > LAG_S else 'wait'


def region_style(region: Region | None) -> str:
    if region is None:
        return 'display:none'
    x0, y0, x1, y1 = region.as_tuple()
    return f'display:block;left:{x0 * 100:.3f}%;top:{y0 * 100:.3f}%;width:{(x1 - x0) * 100:.3f}%;' \
           f'height:{(y1 - y0) * 100:.3f}%'


def shown_text(exhibit: Exhibit | None, page: int | None) -> str:
    """ "TL-002 · BL 14" or "TL-002 · Trang 3" (exhibits without BL numbers)."""
    if exhibit is None or page is None:
        return ''
    bl = page_bl(exhibit, page)
    return f'{exhibit.label} · ' + (f'BL {bl}' if bl is not None else f'{t("page")} {page}')


def ack_text(status: dict[str, Any], exhibits: dict[int, Exhibit]) -> str:
    if not status['connected']:
        return t('bench_ack_off')
    state = status['state']
    if state is None:
        return t('bench_ack_none')
    if state == 'showing' and status['showing']:
        shown = status['showing']
        beside = shown.get('beside')  # side by side: both pages, left | right
        texts = [shown_text(exhibits.get(s['exhibit_id']), s['page']) for s in (shown, beside) if s]
        return ' | '.join(x for x in texts if x) or t('bench_ack_showing')
    return t(ACK_KEYS[state]) if state in ACK_KEYS else state


# --- widgets ------------------------------------------------------------------------------------------------

def add_assets() -> None:
    ui.add_head_html(CSS)
    ui.add_body_html(REGION_JS)


class PageFrame:
    """A page image with a zoom-region overlay. With ``select`` set, dragging on it emits that event name with the
    chosen rectangle."""

    def __init__(self, name: str, *, max_height: str, select: str | None = None) -> None:
        self.wrap = testid(ui.element('div'), name).classes('cr-frame')
        if select:
            self.wrap.props['data-region-select'] = select
        with self.wrap:
            self.image: Element = testid(ui.element('img'), f'{name}-image')
            self.image.props['alt'] = ''
            self.image.props['draggable'] = 'false'
            self.image.style(f'max-height:{max_height}')
            self.box = testid(ui.element('div'), f'{name}-region').classes('cr-region')
            self.box.props['data-region-box'] = ''
        self.region: Region | None = None

    def show(self, src: str | None, region: Region | None = None, alt: str = '') -> None:
        self.wrap.visible = src is not None
        if src is not None and self.image.props.get('src') != src:
            self.image.props['src'] = src
            self.image.props['alt'] = alt
            self.image.update()
        self.set_region(region)

    def set_region(self, region: Region | None) -> None:
        self.region = region
        self.box.style(replace=region_style(region))
        self.box.props['data-region'] = ','.join(f'{v:.4f}' for v in region.as_tuple()) if region else ''
        self.box.update()


_BADGE = {
    Disclosure.UNDISCLOSED: 'bg-slate-200 text-slate-700',
    Disclosure.ON_DISPLAY: 'bg-green-700 text-white',
    Disclosure.EXAMINED: 'bg-blue-100 text-blue-900',
}
_BADGE_BASE = 'text-[11px] font-medium rounded px-1.5 py-0.5 whitespace-nowrap '


@dataclass(slots=True)
class Badges:
    disclosure: Element
    restricted: Element

    def update(self, exhibit: Exhibit) -> None:
        self.disclosure.text = t(DISCLOSURE_KEYS[exhibit.disclosure])  # type: ignore[attr-defined]
        self.disclosure.classes(replace=_BADGE_BASE + _BADGE[exhibit.disclosure])
        self.disclosure.props['data-disclosure'] = exhibit.disclosure.value
        self.disclosure.update()
        self.restricted.visible = exhibit.restricted


def badges(exhibit: Exhibit) -> Badges:
    with ui.row().classes('items-center gap-1 no-wrap'):
        disclosure = testid(ui.label(), 'disclosure-badge')
        restricted = testid(ui.label(t('bench_badge_restricted')), 'restricted-badge').classes(
            _BADGE_BASE + 'bg-red-700 text-white')
    result = Badges(disclosure, restricted)
    result.update(exhibit)
    return result


_HEALTH = {
    'ok': 'bg-green-50 border-green-600 text-green-900',
    'wait': 'bg-slate-50 border-slate-400 text-slate-800',
    'lag': 'bg-amber-50 border-amber-500 text-amber-900',
    'off': 'bg-red-50 border-red-600 text-red-900',
}
_DOT = {'ok': 'text-green-600', 'wait': 'text-slate-400', 'lag': 'text-amber-500', 'off': 'text-red-600'}


def screen_chip(status: dict[str, Any], health: str, exhibits: dict[int, Exhibit]) -> None:
    with testid(ui.row(), 'screen-chip').classes(
            f'items-center no-wrap gap-2 rounded-md border px-2.5 py-1 {_HEALTH[health]}') as chip:
        chip.props['data-screen-id'] = str(status['id'])
        chip.props['data-health'] = health
        chip.props['data-state'] = status['state'] or ''
        ui.icon('circle', size='0.7rem').classes(_DOT[health])
        with ui.column().classes('gap-0 leading-tight min-w-0'):
            ui.label(f'{status["name"]} · {t(BENCH_AUDIENCE_KEYS[status["audience"]])}').classes(
                'text-xs font-semibold truncate max-w-[13rem]')
            text = ack_text(status, exhibits) + (f' · {t("bench_ack_lag")}' if health == 'lag' else '')
            testid(ui.label(text), 'screen-chip-text').classes('text-xs truncate max-w-[13rem]')
