// The case map's editor (case_map.js): mind-elixir draws every unfolded node when a map opens (≈ 0.3 ms a node on
// the project's machine: 600 ms for 2,000), so a large map opens with its deeper branches folded for display only,
// below the deepest level at which at most DRAWN nodes show (the root's branches always show). The map's own folding
// is not changed by it: the editor saves what the procurator folds. Screens get the same rule from the server
// (courtroom/map_display.py), which sends them only the nodes they draw.
window.courtroomMapFold = {
  DRAWN: 300,

  // Folds `root` (mind-elixir's data: {id, expanded, children}) in place; returns the ids folded so
  fold(root) {
    const folded = new Set();
    const levels = [[root]];
    let drawn = 1;
    for (;;) {
      const next = levels[levels.length - 1].flatMap((n) => (n.expanded === false ? [] : n.children || []));
      if (!next.length || (levels.length > 1 && drawn + next.length > this.DRAWN)) break;
      drawn += next.length;
      levels.push(next);
    }
    for (const node of levels[levels.length - 1]) {
      if (node.expanded !== false && (node.children || []).length) {
        node.expanded = false;
        folded.add(node.id);
      }
    }
    return folded;
  },
};
