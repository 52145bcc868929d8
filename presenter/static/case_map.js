// The case map's editor on the procurator's page (presenter/pages/case_map.py), on mind-elixir (vendor/, MIT):
// our tree (courtroom/case_map.py) to mind-elixir's data and back; every change saved (a second after the last
// one), the selected node told to the server, links shown as tags ("BL 125", "⚠ BL 999"), markers as icons.
// Titles and notes are text: mind-elixir writes a topic with textContent (no markdown option is given).
window.courtroomMap = {
  mind: null,
  timer: null,
  selected: null,
  labels: {},
  shown: new Set(), // nodes folded only to open a large map quickly (map_fold.js): saved unfolded unless folded again
  MARKS: { for: "+", against: "−", clarify: "?", key: "★" }, // in the fonts every machine has

  init(elementId, mapId, tree, labels) {
    const el = getHtmlElement(elementId);
    if (!el) return;
    this.mapId = mapId;
    this.labels = labels || {};
    if (this.mind) this.mind.destroy();
    const Editor = MindElixir.default || MindElixir; // the IIFE build exports a module object
    this.mind = new Editor({
      el, direction: MindElixir.SIDE, toolBar: true, contextMenu: false, allowUndo: true,
      newTopicName: this.labels.newNode || "…",
      keypress: { "/": () => this.toggleFold() }, // "/" or Ctrl+/ folds and unfolds, as in XMind
    });
    const data = this.toMind(tree);
    this.shown = courtroomMapFold.fold(data);
    this.mind.init({ nodeData: data });
    this.mind.bus.addListener("operation", (op) => {
      if (op && op.name === "beginEdit") return;
      this.changed();
      if (op && op.obj && op.obj.id && ["insertSibling", "addChild", "finishEdit"].includes(op.name)) this.report(op.obj);
    });
    this.mind.bus.addListener("expandNode", (node) => {
      const wasShownOnly = node && this.shown.delete(node.id);
      if (!wasShownOnly) this.changed(); // unfolding what was folded for display only changes nothing saved
    });
    this.mind.bus.addListener("selectNodes", (nodes) => { if (nodes && nodes.length) this.report(nodes[0]); });
    // a page dropped on a node links it: an exhibit or a search hit from the bench (page_drag.js), or "BL 125"
    if (!el.dataset.dropReady) {
      el.dataset.dropReady = "1";
      el.addEventListener("dragover", (e) => {
        if (e.target.closest && e.target.closest("me-tpc")) { e.preventDefault(); e.dataTransfer.dropEffect = "link"; }
      });
      el.addEventListener("drop", (e) => {
        const tpc = e.target.closest && e.target.closest("me-tpc");
        if (!tpc || !tpc.nodeObj) return;
        e.preventDefault();
        const link = this.dropped(e.dataTransfer);
        if (!link) return;
        this.mind.selectNode(tpc);
        this.setField(tpc.nodeObj.id, "link", link);
        this.report(tpc.nodeObj);
      });
    }
    // the pointer resting on a linked node shows its page's thumbnail
    if (!el.dataset.hoverReady) {
      el.dataset.hoverReady = "1";
      el.addEventListener("mouseover", (e) => {
        const tpc = e.target.closest && e.target.closest("me-tpc");
        const link = tpc && tpc.nodeObj && tpc.nodeObj.link;
        this.hover(link && link.thumb ? link.thumb : null, e);
      });
      el.addEventListener("mouseleave", () => this.hover(null));
    }
    const nodes = this.count(tree);
    el.dataset.nodes = String(nodes);
    // the whole map in view to begin with; a large one stays at its size (fitted it would be unreadable, and fitting
    // lays out every node once more), centred on its root
    if (nodes > 1 && nodes <= 300) this.mind.scaleFit();
    this.mind.selectNode(this.mind.findEle(this.mind.nodeData.id));
  },

  // The selected node folded or unfolded ("/"); its expandNode event saves the change
  toggleFold() {
    const tpc = this.mind.currentNode;
    if (!tpc || !tpc.nodeObj || !tpc.nodeObj.parent || !(tpc.nodeObj.children || []).length) return;
    this.shown.delete(tpc.nodeObj.id);
    this.mind.expandNode(tpc, tpc.nodeObj.expanded === false);
  },

  hover(src, e) {
    let tip = document.getElementById("map-hover-thumb");
    if (!src) { if (tip) tip.style.display = "none"; return; }
    if (!tip) {
      tip = document.createElement("img");
      tip.id = "map-hover-thumb";
      tip.alt = "";
      tip.dataset.testid = "map-hover-thumb";
      tip.style.cssText = "position: fixed; z-index: 50; width: 160px; pointer-events: none; background: #fff;"
        + " border: 1px solid #94a3b8; box-shadow: 0 4px 12px rgba(0,0,0,0.2);";
      document.body.appendChild(tip);
    }
    if (tip.getAttribute("src") !== src) tip.src = src;
    tip.style.left = `${Math.min(e.clientX + 16, window.innerWidth - 176)}px`;
    tip.style.top = `${Math.min(e.clientY + 16, window.innerHeight - 240)}px`;
    tip.style.display = "";
  },

  dropped(data) {
    try {
      const page = JSON.parse(data.getData("application/x-courtroom-page") || "null");
      if (page && page.exhibit_id !== undefined) return { exhibit_id: page.exhibit_id, page: page.page };
    } catch (e) { /* not ours: read it as text */ }
    const text = (data.getData("text/plain") || "").trim();
    return /^(bl|bút lục|but luc)\s*\.?\s*\d{1,7}$/iu.test(text) ? text : null;
  },

  count(node) {
    return 1 + (node.children || []).reduce((n, c) => n + this.count(c), 0);
  },

  tag(link) {
    if (!link) return [];
    const bl = link.bl !== null && link.bl !== undefined ? `BL ${link.bl}` : this.labels.page || "";
    return link.missing ? [{ text: `⚠ ${bl}`, className: "map-tag-missing" }] : [{ text: bl, className: "map-tag" }];
  },

  toMind(node) {
    return {
      id: node.id, topic: node.title, expanded: !node.folded, note: node.note || "", markers: node.markers || [],
      link: node.link || null, tags: this.tag(node.link), icons: (node.markers || []).map((m) => this.MARKS[m]),
      children: (node.children || []).map((c) => this.toMind(c)),
    };
  },

  // A BL in the title links the node (the server finds it); a link set otherwise goes as it was resolved
  fromMind(n) {
    const out = { id: n.id, title: n.topic || "", note: n.note || "", markers: n.markers || [],
                  folded: n.expanded === false && !this.shown.has(n.id),
                  children: (n.children || []).map((c) => this.fromMind(c)) };
    if (n.link && !/(^|[^\p{L}\d])(bl|bút lục|but luc)\s*\.?\s*\d/iu.test(out.title)) {
      out.link = typeof n.link === "string" ? n.link
        : n.link.exhibit_id !== null && n.link.exhibit_id !== undefined && n.link.page !== null
          ? { exhibit_id: n.link.exhibit_id, page: n.link.page } : { bl: n.link.bl };
    }
    return out;
  },

  data() {
    return this.fromMind(this.mind.getData().nodeData);
  },

  changed() {
    clearTimeout(this.timer);
    const status = document.querySelector("[data-testid=map-status]");
    if (status) status.dataset.state = "pending";
    this.timer = setTimeout(() => this.save(), 1000);
  },

  save() {
    clearTimeout(this.timer);
    this.timer = null;
    if (this.mind) emitEvent("map_save", { map_id: this.mapId, root: this.data() });
  },

  // A change not yet sent, handed over at once (before another map is opened): {map_id, root}, or null
  flush() {
    if (!this.timer || !this.mind) return null;
    clearTimeout(this.timer);
    this.timer = null;
    return { map_id: this.mapId, root: this.data() };
  },

  find(id, node = this.mind && this.mind.nodeData) {
    if (!node) return null;
    if (node.id === id) return node;
    for (const c of node.children || []) {
      const found = this.find(id, c);
      if (found) return found;
    }
    return null;
  },

  report(nodeObj) {
    this.selected = nodeObj.id;
    emitEvent("map_select", { id: nodeObj.id, title: nodeObj.topic || "", note: nodeObj.note || "",
                               markers: nodeObj.markers || [], link: nodeObj.link || null });
  },

  // From the node panel: a field of the selected node changed (note, markers, link typed as "BL 125")
  setField(id, field, value) {
    const node = this.find(id);
    if (!node) return;
    node[field] = value;
    if (field === "markers") node.icons = value.map((m) => this.MARKS[m]);
    if (field === "link") node.tags = typeof value === "string" ? [{ text: value, className: "map-tag" }] : this.tag(value);
    this.redraw(id);
    this.changed();
  },

  // The server's answer to a save: each node's link as resolved; the tags follow
  applyLinks(links) {
    const walk = (node) => {
      const link = links[node.id] || null;
      const before = JSON.stringify(node.link || null);
      node.link = link;
      node.tags = this.tag(link);
      let changed = before !== JSON.stringify(link);
      for (const c of node.children || []) changed = walk(c) || changed;
      return changed;
    };
    if (this.mind && walk(this.mind.nodeData)) this.redraw(this.selected);
    const status = document.querySelector("[data-testid=map-status]");
    if (status && !this.timer) status.dataset.state = "saved";
  },

  redraw(selectId) {
    this.mind.refresh();
    if (selectId) {
      try { this.mind.selectNode(this.mind.findEle(selectId)); } catch (e) { /* folded away */ }
    }
  },
};
