"""Drawing marks on the bench console's preview: the tools (highlighter, pen, rectangle, arrow), the colours, undo and
clear all, their keys, and the preview's own drawing of the page's marks. A stroke is drawn in the browser while the
pointer moves and sent once, whole, when it lifts (presenter/static/marks.js); the server stores it
(courtroom.marks), and every screen showing that page draws it."""

from __future__ import annotations

import json
from collections.abc import Callable

from nicegui import run, ui
from nicegui.element import Element
from nicegui.events import GenericEventArguments, KeyEventArguments

from courtroom.errors import CourtroomError, NotFound
from courtroom.marks import MarkColor, MarksChange
from courtroom.roles import Action, may
from courtroom.users import User

from ..live import follow
from ..services import Services
from ..session import error_text, t
from .components import testid
from .presenting_widgets import PageFrame
from .redact_tools import RedactTools

# tool -> (the mark's kind, icon, key)
TOOLS: dict[str, tuple[str, str, str]] = {
    'highlight': ('highlight', 'border_color', 'h'),
    'pen': ('pen', 'edit', 'd'),
    'rect': ('rect', 'crop_square', 'r'),
    'arrow': ('arrow', 'north_east', 'a'),
    'redact': ('redact', 'hide_source', 'x'),  # not a mark: a redaction box (redact_tools.py)
}
MARK_TOOL_KEYS = {'highlight': 'mark_tool_highlight', 'pen': 'mark_tool_pen', 'rect': 'mark_tool_rect',
                  'arrow': 'mark_tool_arrow', 'redact': 'mark_tool_redact'}
MARK_COLOR_KEYS = {'yellow': 'mark_color_yellow', 'red': 'mark_color_red', 'green': 'mark_color_green',
                   'blue': 'mark_color_blue', 'black': 'mark_color_black'}
SWATCH = {'yellow': '#facc15', 'red': '#dc2626', 'green': '#16a34a', 'blue': '#2563eb', 'black': '#111827'}

DRAW_JS = '''
<script src="/static/courtroom/marks.js"></script>
<script>
// While a tool is chosen, a drag on the preview ([data-draw]) draws a mark and sends it whole when the pointer lifts.
(() => {
  if (window.courtroomDrawing) return;
  const clamp = (v) => Math.min(1, Math.max(0, v));
  const round = (v) => Math.round(v * 10000) / 10000;
  let stroke = null;
  const at = (wrap, e) => {
    const r = wrap.getBoundingClientRect();
    return [round(clamp((e.clientX - r.left) / r.width)), round(clamp((e.clientY - r.top) / r.height))];
  };
  const shape = (s) => (s.kind === "pen" ? s.points : [s.points[0], s.points[s.points.length - 1]]);
  const drawDraft = (s) => {
    const img = s.wrap.querySelector("img");
    const mark = s.kind === "redact" ? { kind: "rect", color: "black", points: shape(s) }
      : { kind: s.kind, color: s.color, points: shape(s) };
    courtroomMarks.render(s.layer, "draft-mark", [mark], img && img.naturalWidth, img && img.naturalHeight);
  };
  document.addEventListener("pointerdown", (e) => {
    const wrap = e.target.closest && e.target.closest("[data-draw]");
    if (!wrap || e.button > 0) return;
    e.preventDefault();
    try { wrap.setPointerCapture(e.pointerId); } catch (err) {}
    stroke = { wrap, layer: wrap.querySelector("[data-marks-layer]"), kind: wrap.dataset.draw,
               color: wrap.dataset.drawColor, points: [at(wrap, e)], id: e.pointerId };
  });
  document.addEventListener("pointermove", (e) => {
    if (!stroke || e.pointerId !== stroke.id) return;
    const p = at(stroke.wrap, e), last = stroke.points[stroke.points.length - 1];
    if (stroke.kind === "pen" ? Math.hypot(p[0] - last[0], p[1] - last[1]) < 0.002 : false) return;
    if (stroke.kind === "pen" || stroke.points.length < 2) stroke.points.push(p);
    else stroke.points[stroke.points.length - 1] = p;
    if (stroke.points.length <= 10000) drawDraft(stroke);
  });
  const end = (e) => {
    if (!stroke || e.pointerId !== stroke.id) return;
    const s = stroke;
    stroke = null;
    const p = at(s.wrap, e);
    if (s.kind === "pen") s.points.push(p);
    else s.points = [s.points[0], p];
    const [a, b] = [s.points[0], s.points[s.points.length - 1]];
    if (s.kind !== "pen" && Math.hypot(b[0] - a[0], b[1] - a[1]) < 0.005) { // a click, not a shape
      const draft = s.layer && s.layer.querySelector(".draft-mark");
      if (draft) draft.remove();
      return;
    }
    emitEvent("bench_mark", { kind: s.kind, color: s.color, points: shape(s) });
  };
  document.addEventListener("pointerup", end);
  document.addEventListener("pointercancel", (e) => { if (stroke && e.pointerId === stroke.id) stroke = null; });
  window.courtroomDrawing = true;
})();
</script>
'''


def add_drawing_assets() -> None:
    ui.add_body_html(DRAW_JS)


class MarkTools:
    """The drawing toolbar under the preview. ``where`` says which page of which exhibit the preview shows."""

    def __init__(self, services: Services, user: User, hearing_id: int, frame: PageFrame,
                 where: Callable[[], tuple[int, int] | None]) -> None:
        self.services = services
        self.user = user
        self.hearing_id = hearing_id
        self.frame = frame
        self.where = where
        self.tool: str | None = None
        self.color: str | None = None  # None: the kind's default (yellow highlighter, red otherwise)
        self.added: list[int] = []  # this tab's marks, newest last, for undo
        self.select = frame.wrap.props.get('data-region-select')
        with frame.wrap:
            self.layer: Element = testid(ui.element('div'), 'preview-marks').classes('cr-marks')
            self.layer.props['data-marks-layer'] = ''
        self.buttons: dict[str, ui.button] = {}
        self.swatches: dict[str, ui.button] = {}
        with testid(ui.row(), 'mark-tools').classes('items-center no-wrap gap-1'):
            for tool, (_, icon, key) in TOOLS.items():
                if tool == 'redact' and not may(user.role, Action.REDACT):
                    continue
                label = f'{t(MARK_TOOL_KEYS[tool])} ({key.upper()})'
                button = testid(ui.button(icon=icon, on_click=lambda tool=tool: self.choose(tool)),
                                f'mark-tool-{tool}').props(f'flat round dense color=white aria-label="{label}"')
                button.tooltip(label)
                self.buttons[tool] = button
            ui.separator().props('vertical dark')
            for color in MarkColor:
                name = t(MARK_COLOR_KEYS[color.value])
                swatch = testid(ui.button(on_click=lambda c=color.value: self.choose_color(c)),
                                f'mark-color-{color.value}').props(f'round dense unelevated aria-label="{name}"') \
                    .style(f'background: {SWATCH[color.value]} !important; width: 22px; min-height: 22px')
                swatch.tooltip(name)
                self.swatches[color.value] = swatch
            ui.separator().props('vertical dark')
            label = f'{t("mark_undo")} (Ctrl+Z)'
            testid(ui.button(icon='undo', on_click=self.undo), 'mark-undo') \
                .props(f'flat round dense color=white aria-label="{label}"').tooltip(label)
            testid(ui.button(icon='delete_sweep', on_click=self.clear), 'mark-clear') \
                .props(f'flat round dense color=white aria-label="{t("mark_clear")}"').tooltip(t('mark_clear'))
            self.redact = RedactTools(services, user, frame, where)
        ui.on('bench_mark', self.drawn)
        follow(services.marks.changed, self.on_changed)
        self._render_tools()

    # --- choosing ---------------------------------------------------------------------------------------------

    def choose(self, tool: str | None) -> None:
        """Pick a tool (again: put it down). With no tool, a drag on the preview chooses the zoom region again."""
        if tool == 'redact' and not may(self.user.role, Action.REDACT):
            return
        self.tool = None if tool == self.tool else tool
        self._render_tools()

    def choose_color(self, color: str) -> None:
        self.color = color
        if self.tool is None:
            self.tool = 'pen'
        self._render_tools()

    def _render_tools(self) -> None:
        wrap = self.frame.wrap
        if self.tool is None:
            wrap.props.pop('data-draw', None)
            wrap.props.pop('data-draw-color', None)
            if self.select:
                wrap.props['data-region-select'] = self.select
        else:
            kind = TOOLS[self.tool][0]
            wrap.props.pop('data-region-select', None)
            wrap.props['data-draw'] = kind
            wrap.props['data-draw-color'] = 'black' if kind == 'redact' else self.color or (
                'yellow' if kind == 'highlight' else 'red')
        wrap.update()
        for tool, button in self.buttons.items():
            button.props['data-on'] = 'true' if tool == self.tool else 'false'
            button.classes(add='bg-amber-600' if tool == self.tool else '',
                           remove='' if tool == self.tool else 'bg-amber-600')
            button.update()
        for color, swatch in self.swatches.items():
            chosen = color == (self.color or '')
            swatch.props['data-on'] = 'true' if chosen else 'false'
            swatch.classes(add='ring-2 ring-white' if chosen else '', remove='' if chosen else 'ring-2 ring-white')
            swatch.update()

    async def key(self, e: KeyEventArguments) -> bool:
        """The tools' keys; True when the key was theirs."""
        k = e.key
        if k.escape:
            if self.tool is None:
                return False
            self.choose(None)
            return True
        if e.modifiers.ctrl and k.name in ('z', 'Z'):
            if not e.action.repeat:
                await self.undo()
            return True
        if e.modifiers.ctrl or e.modifiers.alt or e.modifiers.meta:
            return False
        for tool, (_, _, key) in TOOLS.items():
            if k.name in (key, key.upper()):
                self.choose(tool)
                return True
        return False

    # --- acting -----------------------------------------------------------------------------------------------

    async def drawn(self, e: GenericEventArguments) -> None:
        where = self.where()
        args = e.args if isinstance(e.args, dict) else {}
        if where is None:
            return
        exhibit_id, page = where
        if args.get('kind') == 'redact':
            await self.redact.add(exhibit_id, page, args.get('points'))
            await self.refresh()  # the draft goes; the stored box is outlined
            return
        try:
            mark = await run.io_bound(lambda: self.services.marks.add(
                self.hearing_id, self.user, exhibit_id=exhibit_id, page=page, kind=str(args.get('kind')),
                points=args.get('points'), color=args.get('color')))
        except CourtroomError as error:
            ui.notify(error_text(error), type='negative')
            await self.refresh()  # drop the draft
            return
        self.added.append(mark.id)

    async def undo(self) -> None:
        while self.added:
            mark_id = self.added.pop()
            try:
                await run.io_bound(self.services.marks.delete, mark_id, self.user)
                return
            except NotFound:  # deleted meanwhile (clear all, another tab): the one before it
                continue
            except CourtroomError as error:
                ui.notify(error_text(error), type='negative')
                return

    async def clear(self) -> None:
        where = self.where()
        if where is None:
            return
        try:
            await run.io_bound(self.services.marks.clear_page, self.hearing_id, self.user, *where)
        except CourtroomError as error:
            ui.notify(error_text(error), type='negative')

    # --- drawing the preview's marks --------------------------------------------------------------------------

    async def on_changed(self, change: MarksChange) -> None:
        if change.hearing_id == self.hearing_id and self.where() == (change.exhibit_id, change.page):
            await self.refresh()

    async def refresh(self) -> None:
        """Draw the previewed page's marks (and nothing else: a draft is replaced by the stored mark), and its
        redactions."""
        await self.redact.refresh()
        where = self.where()
        marks = [] if where is None else (await run.io_bound(self.services.marks.page, self.hearing_id, *where)).marks
        if self.where() != where:
            return  # turned meanwhile; that page's refresh draws it
        payload = json.dumps([m.to_draw() for m in marks])
        ui.run_javascript(f'''(() => {{
            const layer = getHtmlElement({self.layer.id});
            if (!layer) return;
            const img = layer.parentElement.querySelector("img");
            courtroomMarks.render(layer, "preview-marks-svg", {payload}, img && img.naturalWidth,
                                  img && img.naturalHeight);
            const draft = layer.querySelector(".draft-mark");
            if (draft) draft.remove();
            layer.dataset.marks = {len(marks)};
        }})()''')
