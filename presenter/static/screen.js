// A courtroom screen: paints what the server says its audience may see, and acknowledges it only once painted.
// The shown page is a box holding the page image and, over it, the page's marks as SVG (marks.js): the box is what
// gets zoomed, so marks stay sharp and follow the zoom region at any size.
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
    courtroomMarks.render(box, "shown-marks", marks, img.naturalWidth, img.naturalHeight);
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
      img.src = `${view.base}/${view.exhibit_id}/${view.page}?width=${this.width(view)}` +
        (view.redaction ? `&r=${view.redaction}` : "");
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
    // acknowledge after the browser has painted the new frame: a task posted from a frame callback runs once that
    // frame's rendering (style, layout, paint) is done; a second frame callback waited one more vsync (~16 ms)
    await new Promise((resolve) => requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = resolve;
      channel.port2.postMessage(null);
    }));
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
