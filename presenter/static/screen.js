// A courtroom screen: paints what the server says its audience may see, and acknowledges it only once painted.
// A shown page is a box holding the page image and, over it, the page's marks as SVG (marks.js): the box is what
// gets zoomed, so marks stay sharp and follow the zoom region at any size. Side by side, the stage is split into two
// halves, each with its own page, region and marks; a half this audience may not see stays empty.
window.courtroomScreen = {
  seq: 0,
  view: null,
  image: null, // the (left) shown page's image and box, as before side by side
  shown: null,
  sides: [], // what is painted, one per shown page: {page, image, box, stage}; page null for an empty half
  marks: {}, // "exhibit/page" -> {rev, marks}: the newest marks heard of for each page shown

  // The pages a view shows, left to right (null for an empty half), each with its region and aspect.
  pagesOf(view) {
    if (view.state !== "showing" || view.map) return []; // a case map shows no page
    return view.split ? view.sides : [view];
  },

  // As wide as the page will be shown, on a ladder of widths so that screens of one size share cached renders.
  width(page, count = 1) {
    const [x0, y0, x1, y1] = page.region || [0, 0, 1, 1];
    const aspect = page.aspect || 0.7071; // width over height; A4 portrait until the server knows
    const across = window.innerWidth / count;
    const shown = Math.min(across / (x1 - x0), (window.innerHeight * aspect) / (y1 - y0));
    const wanted = shown * (window.devicePixelRatio || 1);
    for (const w of [480, 640, 960, 1280, 1920, 2560, 3840]) if (wanted <= w) return w;
    return 4096;
  },

  place() {
    if (!this.view || this.view.state !== "showing") return;
    for (const side of this.sides) {
      const { page, image: img, box, stage } = side;
      if (!page || !img || !box || !stage) continue;
      const [x0, y0, x1, y1] = page.region || [0, 0, 1, 1];
      const W = stage.clientWidth, H = stage.clientHeight;
      const iw = img.naturalWidth, ih = img.naturalHeight;
      const s = Math.min(W / ((x1 - x0) * iw), H / ((y1 - y0) * ih));
      box.style.width = iw * s + "px";
      box.style.height = ih * s + "px";
      box.style.left = W / 2 - ((x0 + x1) / 2) * iw * s + "px";
      box.style.top = H / 2 - ((y0 + y1) / 2) * ih * s + "px";
    }
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

  drawMarks(side) {
    const { page, box, image: img } = side;
    if (!page || !box || !img) return;
    const known = this.marks[`${page.exhibit_id}/${page.page}`];
    const marks = known ? known.marks : [];
    courtroomMarks.render(box, "shown-marks", marks, img.naturalWidth, img.naturalHeight);
    box.dataset.marks = marks.length;
  },

  // The marks of a page changed: redraw them on every side that shows that page.
  setMarks(update) {
    if (!this.noteMarks(update) || !this.view || this.view.state !== "showing") return;
    for (const side of this.sides) {
      if (side.page && side.page.exhibit_id === update.exhibit_id && side.page.page === update.page) {
        this.drawMarks(side);
      }
    }
  },

  async load(page, count, base) {
    const img = new Image();
    img.className = "screen-image";
    img.alt = "";
    img.draggable = false;
    img.src = `${base}/${page.exhibit_id}/${page.page}?width=${this.width(page, count)}` +
      (page.redaction ? `&r=${page.redaction}` : ""); // new boxes: a new URL, never a cached image
    await img.decode();
    return img;
  },

  box(page, img) {
    const shown = document.createElement("div");
    shown.className = "shown-page";
    shown.setAttribute("data-testid", "shown-page");
    shown.dataset.exhibitId = page.exhibit_id;
    shown.dataset.page = page.page;
    shown.appendChild(img);
    return shown;
  },

  // The laser pointer (courtroom/pointer.py): a dot at a place of a shown page, fading out a second after the
  // last move, or at once when the laser is turned off. It lives in the page's box, so it follows the zoom region
  // and stays sharp at any size; a move on a page this screen does not show is ignored.
  laser(move) {
    if (move.off) return this.laserFade();
    if (!this.view || this.view.state !== "showing") return;
    const side = this.sides.find((s) => s.box && s.page && s.page.exhibit_id === move.exhibit_id
                                        && s.page.page === move.page);
    if (!side) return;
    let dot = side.box.querySelector(":scope > .laser-dot");
    if (!dot) {
      this.laserFade(true); // one dot: not one left on the other half
      dot = document.createElement("div");
      dot.className = "laser-dot";
      dot.setAttribute("data-testid", "laser");
      side.box.appendChild(dot);
    }
    dot.style.left = move.x * 100 + "%";
    dot.style.top = move.y * 100 + "%";
    dot.style.opacity = 1;
    dot.style.display = "";
    clearTimeout(this.laserTimer);
    this.laserTimer = setTimeout(() => this.laserFade(), 1000);
  },

  laserFade(now = false) {
    clearTimeout(this.laserTimer);
    for (const dot of document.querySelectorAll("#screen-stage .laser-dot")) {
      if (now) dot.remove();
      else if (dot.style.display !== "none") {
        dot.style.opacity = 0;
        this.laserTimer = setTimeout(() => { dot.style.display = "none"; }, 300); // hidden once faded
      }
    }
  },

  // A case map (courtroom/case_map.py), drawn read-only by mind-elixir as the procurator's editor draws it, and
  // centred on the node published. Each node drawn carries data-node-id; one linked to a page this audience may not
  // see carries data-restricted and a "restricted" tag, never the page. The server sends only the nodes drawn
  // (CaseMaps.on_screen: a large map's deeper branches folded, each tagged with the count it holds; the branches
  // above the node focused open). Drawn again only when what it shows changes.
  showMap(map, stage) {
    const key = JSON.stringify([map.id, map.version, map.root]);
    let holder = stage.querySelector(":scope > .screen-map");
    const fresh = !holder || holder.dataset.key !== key;
    if (fresh) {
      this.dropMap();
      holder = document.createElement("div");
      holder.className = "screen-map";
      holder.dataset.key = key;
      const el = document.createElement("div"); // mind-elixir's own box: it makes it position: relative
      el.style.cssText = "width: 100%; height: 100%;";
      holder.appendChild(el);
      stage.replaceChildren(holder);
      const Viewer = MindElixir.default || MindElixir; // the IIFE build exports a module object
      this.mapView = new Viewer({ el, direction: MindElixir.SIDE, editable: false, toolBar: false,
                                  keypress: false, contextMenu: false, allowUndo: false });
      const labels = map.labels || {};
      const node = (n) => ({
        id: n.id, topic: n.title, expanded: !n.folded, restricted: !!n.restricted,
        tags: [...(n.restricted ? [{ text: labels.restricted || "—", className: "map-restricted" }]
          : n.link ? [{ text: `BL ${n.link.bl}`, className: "map-tag" }] : []),
               ...(n.more ? [{ text: `+${n.more}`, className: "map-more" }] : [])],
        icons: (n.markers || []).map((m) => ({ for: "+", against: "−", clarify: "?", key: "★" })[m]),
        children: (n.children || []).map(node),
      });
      this.mapView.init({ nodeData: node(map.root) });
      for (const tpc of holder.querySelectorAll("me-tpc")) this.mark(tpc);
    }
    holder.dataset.mapId = map.id;
    if (fresh || map.node_id === map.root.id) this.mapView.scaleFit(); // the whole map (or branch) in view
    if (map.node_id && map.node_id !== map.root.id) {
      try {
        this.mapView.selectNode(this.mapView.findEle(map.node_id));
      } catch (e) { return; } // not in the branch shown
    }
    if (map.node_id) holder.dataset.focus = map.node_id;
  },

  mark(tpc) {
    tpc.dataset.nodeId = tpc.nodeObj ? tpc.nodeObj.id : tpc.dataset.nodeid.replace(/^me/, "");
    if (tpc.nodeObj && tpc.nodeObj.restricted) tpc.dataset.restricted = "true";
  },

  // mind-elixir (vendor/, MIT), loaded the first time a map is shown: most screens never show one. Its style sheet
  // is waited for too: a map laid out before it came drew its lines where the unstyled nodes were.
  mapViewer() {
    if (!this.mapLoading) {
      const base = "/static/courtroom/vendor/mind-elixir";
      const load = (tag, attributes) => new Promise((resolve, reject) => {
        const element = Object.assign(document.createElement(tag), attributes);
        element.onload = resolve;
        element.onerror = () => { element.remove(); this.mapLoading = null; reject(new Error(`${tag} did not load`)); };
        document.head.appendChild(element);
      });
      this.mapLoading = Promise.all([load("link", { rel: "stylesheet", href: `${base}/MindElixir.css` }),
                                     load("script", { src: `${base}/MindElixir.iife.js` })]);
    }
    return this.mapLoading;
  },

  dropMap() {
    if (this.mapView) {
      try { this.mapView.destroy(); } catch (e) { /* already gone with its element */ }
      this.mapView = null;
    }
  },

  async show(view) {
    if (this.latest !== undefined && view.version < this.latest) return; // an older push that arrived late
    this.latest = view.version;
    const seq = ++this.seq;
    const box = document.getElementById("screen-content");
    const pages = this.pagesOf(view);
    let images;
    if (pages.length) {
      for (const page of pages) this.noteMarks(page);
      try {
        images = await Promise.all(pages.map((page) => (page ? this.load(page, pages.length, view.base) : null)));
      } catch (e) {
        if (seq === this.seq) setTimeout(() => seq === this.seq && this.show(view), 500);
        return;
      }
      if (seq !== this.seq) return;
    }
    const stage = document.getElementById("screen-stage");
    if (view.map) {
      try {
        await this.mapViewer();
      } catch (e) { // the network dropped while loading it: try again, as for a page image
        if (seq === this.seq) setTimeout(() => seq === this.seq && this.show(view), 500);
        return;
      }
      if (seq !== this.seq) return;
      this.showMap(view.map, stage);
      this.sides = [];
    } else if (!pages.length) {
      this.dropMap();
      stage.replaceChildren();
      this.sides = [];
    } else if (!view.split) {
      this.dropMap();
      const shown = this.box(view, images[0]);
      stage.replaceChildren(shown);
      this.sides = [{ page: view, image: images[0], box: shown, stage }];
    } else {
      this.dropMap();
      this.sides = pages.map((page, i) => {
        const half = document.createElement("div");
        half.className = "screen-half";
        half.dataset.side = i;
        const shown = page ? this.box(page, images[i]) : null;
        if (shown) half.appendChild(shown);
        return { page, image: images[i], box: shown, stage: half };
      });
      stage.replaceChildren(...this.sides.map((side) => side.stage));
    }
    this.image = this.sides.length ? this.sides[0].image : null;
    this.shown = this.sides.length ? this.sides[0].box : null;
    this.view = view;
    for (const side of this.sides) this.drawMarks(side);
    if (window.courtroomPlayback) courtroomPlayback.attach(); // a recording plays over its poster (playback.js)
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
    box.dataset.mapId = view.map ? view.map.id : "";
    const right = view.split && view.beside ? [view.beside.exhibit_id, view.beside.page] : null;
    emitEvent("screen_ack", {
      state: view.state, exhibit_id: view.exhibit_id, page: view.page, version: view.version, beside: right,
    });
  },
};
window.addEventListener("resize", () => window.courtroomScreen.place());
// The laser's moves come as their own socket.io event, one packet for every screen showing the page
// (presenter/laser_relay.py), not as code to evaluate.
(function listenForTheLaser() {
  if (!window.socket) return setTimeout(listenForTheLaser, 50);
  window.socket.on("courtroom_laser", (move) => window.courtroomScreen.laser(JSON.parse(move)));
})();
// Reconnect quickly after a network drop or a server restart: socket.io's default back-off grows to 5 s (± 50 %),
// too slow for a courtroom screen that must show the current state within 2 s of the server being back. An attempt
// against a server that is down costs one refused connection.
(function tuneReconnect() {
  const manager = window.socket && window.socket.io;
  if (!manager) return setTimeout(tuneReconnect, 50);
  manager.reconnectionDelay(250).reconnectionDelayMax(500).randomizationFactor(0.2);
})();
