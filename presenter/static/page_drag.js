// Pages that can be dragged (presenter/pages/components.py page_drag_source): an exhibit on the bench, a search hit.
// Dragged, each carries its page as "BL 125" text (any field or program takes that) and, for the case map's editor
// (case_map.js), as JSON under application/x-courtroom-page. Works between two tabs or windows of the browser.
if (!window.courtroomPageDrag) document.addEventListener("dragstart", (e) => {
  const source = e.target.closest && e.target.closest("[data-page-ref]");
  if (!source || !e.dataTransfer) return;
  const ref = source.dataset.pageRef;
  const page = JSON.parse(ref);
  e.dataTransfer.setData("application/x-courtroom-page", ref);
  e.dataTransfer.setData("text/plain", page.bl !== null && page.bl !== undefined ? `BL ${page.bl}` : "");
  e.dataTransfer.effectAllowed = "link";
});
window.courtroomPageDrag = true; // a page that loads this twice listens once
