// A courtroom screen: paints what the server says its audience may see, and acknowledges it only once painted.
// The shown page is a box holding the page image and, over it, the page's marks as SVG in page-normalised
// coordinates: the box is what gets zoomed, so marks stay sharp and follow the zoom region at any size.
const SVG_NS = "http://www.w3.org/2000/svg";
const MARK_COLORS = { yellow: "#facc15", red: "#dc2626", green: "#16a34a", blue: "#2563eb", black: "#111827" };
const PAGE_UNITS = 1000; // the page is PAGE_UNITS wide in the marks' drawing units; strokes are sized in them

function svgElement(name, attributes) {
  const el = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) el.setAttribute(key, value);
  return el;
}

// One mark as SVG elements; points are [x, y] in 0..1 of the page, scaled here to W x H drawing units.
function drawMark(mark, W, H) {
  const color = MARK_COLORS[mark.color] || MARK_COLORS.red;
  const pts = mark.points.map(([x, y]) => [x * W, y * H]);
  const line = pts.map((p) => p.join(",")).join(" ");
  const box = () => {
    const [[ax, ay], [bx, by]] = pts;
    return { x: Math.min(ax, bx), y: Math.min(ay, by), width: Math.abs(bx - ax), height: Math.abs(by - ay) };
  };
  const stroke = { fill: "none", stroke: color, "stroke-linecap": "round", "stroke-linejoin": "round" };
  const out = [];
  if (mark.kind === "highlight") {
    const translucent = { opacity: 0.38, style: "mix-blend-mode: multiply" };
    if (pts.length === 2) out.push(svgElement("rect", { ...box(), fill: color, ...translucent }));
    else out.push(svgElement("polyline", { points: line, ...stroke, "stroke-width": 22, ...translucent }));
  } else if (mark.kind === "pen") {
    if (pts.length === 1) out.push(svgElement("circle", { cx: pts[0][0], cy: pts[0][1], r: 3, fill: color }));
    else out.push(svgElement("polyline", { points: line, ...stroke, "stroke-width": 4 }));
  } else if (mark.kind === "arrow") {
    out.push(svgElement("polyline", { points: line, ...stroke, "stroke-width": 5 }));
    const [tx, ty] = pts[pts.length - 1];
    let from = pts.length - 2;
    while (from > 0 && pts[from][0] === tx && pts[from][1] === ty) from--;
    const angle = Math.atan2(ty - pts[from][1], tx - pts[from][0]);
    const head = (a) => [tx - 26 * Math.cos(angle + a), ty - 26 * Math.sin(angle + a)].join(",");
    out.push(svgElement("polygon", { points: `${tx},${ty} ${head(0.45)} ${head(-0.45)}`, fill: color }));
  } else if (mark.kind === "rect") {
    out.push(svgElement("rect", { ...box(), ...stroke, "stroke-width": 4 }));
  } else if (mark.kind === "ellipse") {
    const b = box();
    out.push(svgElement("ellipse", { cx: b.x + b.width / 2, cy: b.y + b.height / 2, rx: b.width / 2,
                                     ry: b.height / 2, ...stroke, "stroke-width": 4 }));
  } else if (mark.kind === "text") {
    const b = box();
    out.push(svgElement("rect", { ...b, fill: "#fffbeb", "fill-opacity": 0.94, stroke: color, "stroke-width": 3,
                                  rx: 4 }));
    const object = svgElement("foreignObject", b);
    const div = document.createElement("div");
    div.className = "mark-text";
    div.style.color = color;
    div.textContent = mark.text || ""; // text, never HTML
    object.appendChild(div);
    out.push(object);
  }
  return out;
}

window.courtroomScreen = {
  seq: 0,
  view: null,
  image: null,
  shown: null, // the shown page's box: the image and its marks
  marks: {}, // "exhibit/page" -> {rev, marks}: the newest marks heard of for each page shown

  // As wide as the page will be shown, on a ladder of widths so that screens of one size share cached renders.
  width(view) {
    const [x0, y0, x1, y1] = view.region || [0, 0, 1, 1];
    const aspect = view.aspect || 0.7071; // width over height; A4 portrait until the server knows
    const shown = Math.min(window.innerWidth / (x1 - x0), (window.innerHeight * aspect) / (y1 - y0));
    const wanted = shown * (window.devicePixelRatio || 1);
    for (const w of [480, 640, 960, 1280, 1920, 2560, 3840]) if (wanted <= w) return w;
    return 4096;
  },

  place() {
    const img = this.image, box = this.shown;
    const stage = document.getElementById("screen-stage");
    if (!img || !box || !stage || !this.view || this.view.state !== "showing") return;
    const [x0, y0, x1, y1] = this.view.region || [0, 0, 1, 1];
    const W = stage.clientWidth, H = stage.clientHeight;
    const iw = img.naturalWidth, ih = img.naturalHeight;
    const s = Math.min(W / ((x1 - x0) * iw), H / ((y1 - y0) * ih));
    box.style.width = iw * s + "px";
    box.style.height = ih * s + "px";
    box.style.left = W / 2 - ((x0 + x1) / 2) * iw * s + "px";
    box.style.top = H / 2 - ((y0 + y1) / 2) * ih * s + "px";
  },

  // Keep the newest marks heard of for a page; older answers that arrive late are dropped.
  noteMarks(update) {
    if (!update || !Array.isArray(update.marks)) return false;
    const key = `${update.exhibit_id}/${update.page}`;
    const known = this.marks[key];
    if (known && known.rev > update.marks_rev) return false;
    this.marks[key] = { rev: update.marks_rev, marks: update.marks };
    return true;
  },

  drawMarks() {
    const box = this.shown, img = this.image;
    if (!box || !img || !this.view) return;
    const known = this.marks[`${this.view.exhibit_id}/${this.view.page}`];
    const marks = known ? known.marks : [];
    const W = PAGE_UNITS, H = (PAGE_UNITS * img.naturalHeight) / img.naturalWidth;
    const svg = svgElement("svg", { class: "shown-marks", viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: "none",
                                     "aria-hidden": "true" });
    for (const mark of marks) svg.append(...drawMark(mark, W, H));
    const old = box.querySelector(".shown-marks");
    if (old) old.replaceWith(svg);
    else box.appendChild(svg);
    box.dataset.marks = marks.length;
  },

  // The marks of a page changed: redraw them if this screen shows that page.
  setMarks(update) {
    if (!this.noteMarks(update) || !this.view || this.view.state !== "showing") return;
    if (this.view.exhibit_id === update.exhibit_id && this.view.page === update.page) this.drawMarks();
  },

  async show(view) {
    if (this.latest !== undefined && view.version < this.latest) return; // an older push that arrived late
    this.latest = view.version;
    const seq = ++this.seq;
    const box = document.getElementById("screen-content");
    if (view.state === "showing") {
      this.noteMarks(view);
      const img = new Image();
      img.className = "screen-image";
      img.alt = "";
      img.draggable = false;
      img.src = `${view.base}/${view.exhibit_id}/${view.page}?width=${this.width(view)}`;
      try {
        await img.decode();
      } catch (e) {
        if (seq === this.seq) setTimeout(() => seq === this.seq && this.show(view), 500);
        return;
      }
      if (seq !== this.seq) return;
      const shown = document.createElement("div");
      shown.className = "shown-page";
      shown.setAttribute("data-testid", "shown-page");
      shown.dataset.exhibitId = view.exhibit_id;
      shown.dataset.page = view.page;
      shown.appendChild(img);
      document.getElementById("screen-stage").replaceChildren(shown);
      this.image = img;
      this.shown = shown;
    } else {
      document.getElementById("screen-stage").replaceChildren();
      this.image = null;
      this.shown = null;
    }
    this.view = view;
    if (this.shown) this.drawMarks();
    this.place();
    for (const layer of document.querySelectorAll("[data-layer]")) {
      layer.style.display = layer.dataset.layer === view.state ? "" : "none";
    }
    // acknowledge after the browser has painted the new frame
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    if (seq !== this.seq) return;
    box.dataset.state = view.state;
    box.dataset.exhibitId = view.exhibit_id ?? "";
    box.dataset.page = view.page ?? "";
    box.dataset.version = view.version;
    emitEvent("screen_ack", { state: view.state, exhibit_id: view.exhibit_id, page: view.page, version: view.version });
  },
};
window.addEventListener("resize", () => window.courtroomScreen.place());
// Reconnect quickly after a network drop or a server restart: socket.io's default back-off grows to 5 s (± 50 %),
// too slow for a courtroom screen that must show the current state within 2 s of the server being back. An attempt
// against a server that is down costs one refused connection.
(function tuneReconnect() {
  const manager = window.socket && window.socket.io;
  if (!manager) return setTimeout(tuneReconnect, 50);
  manager.reconnectionDelay(250).reconnectionDelayMax(500).randomizationFactor(0.2);
})();
