"""What of a case map a screen draws: a large map's deeper branches stand folded (each counting what it holds) and
the way to the node the procurator focuses is open. The same rule as the editor's (``static/map_fold.js``), with a
smaller count for a screen read across the room."""

from __future__ import annotations

from typing import Any

DRAWN = 300  # nodes the editor draws at most before a large map's deeper branches fold (static/map_fold.js)
# and a screen: what can still be read across a courtroom on 1080 lines when the map is fitted to it (about 30 rows
# a side, each node ~36 px high). Deeper, the procurator shows a branch or a node, which opens the way to it.
ON_SCREEN = 60


def for_display(root: dict[str, Any], focus: str | None = None, most: int = DRAWN) -> dict[str, Any]:
    """The tree ``root`` (nodes ``{id, folded?, children?}``) as a screen draws it, the editor's rule for a large
    map (``static/map_fold.js``): levels open one after another while at most ``most`` nodes show (the root's
    branches always show), and the branches above ``focus`` open too, so that the node can be shown. A node left
    closed keeps ``folded`` and, instead of its children, ``more``: how many nodes it holds. Returns a new tree;
    ``root`` is not changed."""
    opened = {root['id']}
    level = root.get('children', [])
    shown = 1 + len(level)
    while True:
        below = [c for n in level if not n.get('folded') for c in n.get('children', ())]
        if not below or shown + len(below) > most:
            break
        opened.update(n['id'] for n in level if not n.get('folded'))
        shown += len(below)
        level = below
    if focus is not None:
        path: list[str] = []

        def find(n: dict[str, Any]) -> bool:
            if n['id'] == focus:
                return True
            path.append(n['id'])
            if any(find(c) for c in n.get('children', ())):
                return True
            path.pop()
            return False

        if find(root):
            opened.update(path)

    def held(n: dict[str, Any]) -> int:
        return sum(1 + held(c) for c in n.get('children', ()))

    def trim(n: dict[str, Any]) -> dict[str, Any]:
        children = n.get('children')
        if not children:
            return n
        out = {k: v for k, v in n.items() if k not in ('children', 'folded')}
        if n['id'] in opened:
            out['children'] = [trim(c) for c in children]
        else:
            out['folded'] = True
            out['more'] = held(n)
        return out

    return trim(root)
