// Marks on a page (courtroom/marks.py) drawn as SVG over the page image, shared by the courtroom screens, the remote
// participants' evidence view and the bench's preview. Points are [x, y] in 0..1 of the page from its top left; the
// SVG's viewBox is the page at PAGE_UNITS wide, so strokes keep their thickness relative to the page at any size.
window.courtroomMarks = (() => {
  const SVG_NS = "http://www.w3.org/2000/svg";
  const COLORS = { yellow: "#facc15", red: "#dc2626", green: "#16a34a", blue: "#2563eb", black: "#111827" };
  const PAGE_UNITS = 1000;

  function svgElement(name, attributes) {
    const el = document.createElementNS(SVG_NS, name);
    for (const [key, value] of Object.entries(attributes)) el.setAttribute(key, value);
    return el;
  }

  // One mark as SVG elements, in a W x H drawing.
  function draw(mark, W, H) {
    const color = COLORS[mark.color] || COLORS.red;
    const pts = mark.points.map(([x, y]) => [x * W, y * H]);
    const line = pts.map((p) => p.join(",")).join(" ");
    const box = () => {
      const [[ax, ay], [bx, by]] = [pts[0], pts[pts.length - 1]];
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
      div.style.cssText = `width: 100%; height: 100%; box-sizing: border-box; padding: 4px 8px; overflow: hidden;
        font: 600 20px/1.25 "Noto Sans", sans-serif; overflow-wrap: anywhere; white-space: pre-wrap; color: ${color}`;
      div.textContent = mark.text || ""; // text, never HTML
      object.appendChild(div);
      out.push(object);
    }
    return out;
  }

  // Replace the SVG of class ``cls`` in ``box`` (which has the page's shape) with one drawing ``marks``.
  function render(box, cls, marks, imageWidth, imageHeight) {
    const W = PAGE_UNITS, H = (PAGE_UNITS * (imageHeight || 1414)) / (imageWidth || 1000);
    const svg = svgElement("svg", { class: cls, viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: "none",
                                    "aria-hidden": "true" });
    svg.style.cssText = "position: absolute; inset: 0; width: 100%; height: 100%; overflow: hidden; pointer-events: none";
    for (const mark of marks) svg.append(...draw(mark, W, H));
    const old = box.querySelector(`:scope > .${cls}`);
    if (old) old.replaceWith(svg);
    else box.appendChild(svg);
    return svg;
  }

  return { COLORS, draw, render };
})();
