"""Drawing marks on the bench console's preview: the tools (highlighter, pen, rectangle, arrow, ellipse, text
callout), the colours, undo and clear all, the laser pointer, their keys, and the preview's own drawing of the page's
marks. A stroke is drawn in the browser while the pointer moves and sent once, whole, when it lifts
(presenter/static/marks.js); a callout's box is drawn so, then its text typed in place. The server stores it
(courtroom.marks), and every screen showing that page draws it. The laser sends where the pointer is over the
preview, at most 30 times a second, and stores nothing (courtroom.pointer)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable, Sequence

from nicegui import background_tasks, context, run, ui
from nicegui.element import Element
from nicegui.events import GenericEventArguments, KeyEventArguments

from courtroom.errors import CourtroomError, NotFound
from courtroom.marks import Mark, MarkColor, MarksChange
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
    'ellipse': ('ellipse', 'radio_button_unchecked', 'e'),
    'text': ('text', 'chat_bubble_outline', 't'),
    'redact': ('redact', 'hide_source', 'x'),  # not a mark: a redaction box (redact_tools.py)
}
MARK_TOOL_KEYS = {'highlight': 'mark_tool_highlight', 'pen': 'mark_tool_pen', 'rect': 'mark_tool_rect',
                  'arrow': 'mark_tool_arrow', 'ellipse': 'mark_tool_ellipse', 'text': 'mark_tool_text',
                  'redact': 'mark_tool_redact'}
LASER_KEY = 'l'
MARK_COLOR_KEYS = {'yellow': 'mark_color_yellow', 'red': 'mark_color_red', 'green': 'mark_color_green',
                   'blue': 'mark_color_blue', 'black': 'mark_color_black'}
SWATCH = {'yellow': '#facc15', 'red': '#dc2626', 'green': '#16a34a', 'blue': '#2563eb', 'black': '#111827'}

DRAW_JS = '''
<script src="/static/courtroom/marks.js"></script>
<style>
  .cr-frame[data-laser] { touch-action: none; cursor: crosshair; }
  .cr-callout-input { position: absolute; z-index: 5; width: 18rem; max-width: 95%; margin: 4px 0; padding: 4px 8px;
                      border: 2px solid #f59e0b; border-radius: 4px; background: #fff; color: #111827;
                      font-size: 14px; }
</style>
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
      : { kind: s.kind, color: s.color, points: shape(s), text: s.text };
    courtroomMarks.render(s.layer, "draft-mark", [mark], img && img.naturalWidth, img && img.naturalHeight);
  };
  const dropDraft = (s) => {
    const draft = s.layer && s.layer.querySelector(".draft-mark");
    if (draft) draft.remove();
  };
  // A callout's box is drawn; its text is typed in place: Enter places it, Esc (or leaving the field) cancels.
  const askText = (s) => {
    const [a, b] = s.points;
    const input = document.createElement("input");
    input.type = "text";
    input.maxLength = 500;
    input.className = "cr-callout-input";
    input.setAttribute("data-testid", "callout-input");
    input.placeholder = s.wrap.dataset.calloutLabel || "";
    input.setAttribute("aria-label", input.placeholder);
    input.style.left = Math.min(a[0], b[0]) * 100 + "%";
    const below = Math.max(a[1], b[1]);
    if (below < 0.9) input.style.top = below * 100 + "%";
    else input.style.bottom = (1 - Math.min(a[1], b[1])) * 100 + "%";
    let done = false;
    const finish = (text) => {
      if (done) return;
      done = true;
      input.remove();
      if (text === null) dropDraft(s);
      else emitEvent("bench_mark", { kind: "text", color: s.color, points: shape(s), text });
    };
    input.addEventListener("pointerdown", (e) => e.stopPropagation()); // a click in the field draws nothing
    input.addEventListener("input", () => { s.text = input.value; drawDraft(s); });
    input.addEventListener("keydown", (e) => {
      if (e.key === "Enter") finish(input.value);
      else if (e.key === "Escape") finish(null);
      else return;
      e.preventDefault();
      e.stopPropagation();
    });
    input.addEventListener("blur", () => finish(null));
    s.wrap.appendChild(input);
    input.focus();
  };
  // The laser: while the preview is [data-laser], where the pointer is over it goes to the screens, at most 30
  // times a second (coalesced: the newest place is sent, and the last one always is).
  const laser = { last: -1e9, next: null, timer: null };
  const sendLaser = () => {
    laser.timer = null;
    laser.last = performance.now();
    emitEvent("bench_laser", { x: laser.next[0], y: laser.next[1] });
  };
  document.addEventListener("pointermove", (e) => {
    const wrap = e.target.closest && e.target.closest("[data-laser]");
    if (!wrap) return;
    laser.next = at(wrap, e);
    if (laser.timer) return;
    const wait = 1000 / 30 - (performance.now() - laser.last);
    if (wait <= 0) sendLaser();
    else laser.timer = setTimeout(sendLaser, wait);
  });
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
      dropDraft(s);
      return;
    }
    if (s.kind === "text") return askText(s);
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
        self.laser = False  # the laser pointer is on: the pointer's place over the preview goes to the screens
        # what the server was last told of it (turning it is audited, in a worker thread); None: nothing yet
        self._laser_told: bool | None = None
        self._laser_lock = asyncio.Lock()
        # told the previewed page's marks each time they are drawn (the list of them beside the preview)
        self.listeners: list[Callable[[Sequence[Mark]], Awaitable[None]]] = []
        self.select = frame.wrap.props.get('data-region-select')
        frame.wrap.props['data-callout-label'] = t('mark_callout_label')
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
            label = f'{t("mark_laser")} ({LASER_KEY.upper()})'
            self.laser_button = testid(ui.button(icon='my_location', on_click=self.toggle_laser), 'mark-laser') \
                .props(f'flat round dense color=white aria-label="{label}"')
            self.laser_button.tooltip(label)
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
        ui.on('bench_laser', self.pointed)
        context.client.on_delete(self._closed)
        follow(services.marks.changed, self.on_changed)
        self._render_tools()

    # --- choosing ---------------------------------------------------------------------------------------------

    def choose(self, tool: str | None) -> None:
        """Pick a tool (again: put it down). With no tool, a drag on the preview chooses the zoom region again."""
        if tool == 'redact' and not may(self.user.role, Action.REDACT):
            return
        self.tool = None if tool == self.tool else tool
        if self.tool is not None:
            self._set_laser(False)
        self._render_tools()

    def toggle_laser(self) -> None:
        """The laser on (any drawing tool put down) or off."""
        if not self.laser:
            self.tool = None
        self._set_laser(not self.laser)
        self._render_tools()

    def _set_laser(self, on: bool) -> None:
        if on != self.laser:
            self.laser = on
            background_tasks.create(self._tell_laser(), name='laser')

    def choose_color(self, color: str) -> None:
        self.color = color
        if self.tool is None:
            self.tool = 'pen'
            self._set_laser(False)
        self._render_tools()

    def _render_tools(self) -> None:
        wrap = self.frame.wrap
        if self.laser:
            wrap.props['data-laser'] = ''
        else:
            wrap.props.pop('data-laser', None)
        if self.tool is None:
            wrap.props.pop('data-draw', None)
            wrap.props.pop('data-draw-color', None)
            if self.select and not self.laser:
                wrap.props['data-region-select'] = self.select
            else:
                wrap.props.pop('data-region-select', None)
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
        self.laser_button.props['data-on'] = 'true' if self.laser else 'false'
        self.laser_button.classes(add='bg-red-700' if self.laser else '', remove='' if self.laser else 'bg-red-700')
        self.laser_button.update()
        for color, swatch in self.swatches.items():
            chosen = color == (self.color or '')
            swatch.props['data-on'] = 'true' if chosen else 'false'
            swatch.classes(add='ring-2 ring-white' if chosen else '', remove='' if chosen else 'ring-2 ring-white')
            swatch.update()

    async def key(self, e: KeyEventArguments) -> bool:
        """The tools' keys; True when the key was theirs."""
        k = e.key
        if k.escape:
            if self.tool is None and not self.laser:
                return False
            self.choose(None)
            self._set_laser(False)
            self._render_tools()
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
        if k.name in (LASER_KEY, LASER_KEY.upper()):
            if not e.action.repeat:
                self.toggle_laser()
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
                points=args.get('points'), color=args.get('color'), text=_text(args.get('text'))))
        except CourtroomError as error:
            ui.notify(error_text(error), type='negative')
            await self.refresh()  # drop the draft
            return
        self.added.append(mark.id)

    def pointed(self, e: GenericEventArguments) -> None:
        """The pointer moved over the preview with the laser on: to the screens at once, on this loop (no database,
        nothing stored). A bad place is dropped without a word: the next move comes within 33 ms."""
        where = self.where()
        args = e.args if isinstance(e.args, dict) else {}
        if not self.laser or where is None:
            return
        try:
            self.services.pointer.move(self.hearing_id, self.user, exhibit_id=where[0], page=where[1],
                                       x=args.get('x'), y=args.get('y'))
        except CourtroomError:
            pass

    async def _tell_laser(self) -> None:
        """Tell the server the laser's state (audited when it changes), one change at a time, ending with this tab's
        latest. Off is always told: the screens' dots fade at once, even if it went on and off before the server
        heard of it."""
        async with self._laser_lock:
            on = self.laser
            if on is self._laser_told:
                return
            try:
                await run.io_bound(self.services.pointer.turn, self.hearing_id, self.user, on)
                self._laser_told = on
            except CourtroomError as error:
                with self.layer:
                    ui.notify(error_text(error), type='negative')

    async def _closed(self) -> None:
        """The tab is gone: a laser it left on goes off."""
        self.laser = False
        if self._laser_told:
            await run.io_bound(self.services.pointer.turn, self.hearing_id, self.user, False)

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
        for listener in self.listeners:
            await listener(marks)


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None
