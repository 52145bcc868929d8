"""A case map drawn as a vector PDF, for printing and for the record, and as a PNG: the tree laid out left to right
(each level a column, a parent centred on its children), each node a rounded box with its title in Noto Sans (so
Vietnamese is whole), its markers as a sign before the title, and "BL n" under it for a node linked to a page (the
box is a link to that page in the app); a folded node's branch is not drawn and its box says how many nodes are
folded under it. Notes are never drawn: what is printed or kept in the record is what could be shown.

``map_pdf(..., tiled=False)`` is one page of the map's own size (vector: any viewer zooms it); ``tiled=True`` cuts
the same drawing over A4 landscape pages at full size, numbered, with a little overlap, for printing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pymupdf

from courtroom.case_map import Node

from .minutes_pdf import wrap_lines

SIZE, TAG_SIZE, LINE = 10.0, 8.0, 13.0
PAD, MAX_TEXT, MIN_W = 6.0, 180.0, 40.0
GAP_X, GAP_Y, MARGIN = 34.0, 8.0, 30.0
TILE = pymupdf.paper_rect('a4-l')
OVERLAP = 24.0
MARKER_SIGNS = {'for': '+', 'against': '−', 'clarify': '?', 'key': '★'}
PALETTE = ((0.80, 0.33, 0.33), (0.85, 0.55, 0.15), (0.25, 0.60, 0.30), (0.20, 0.55, 0.65), (0.25, 0.40, 0.75),
           (0.55, 0.35, 0.70), (0.75, 0.35, 0.55), (0.45, 0.45, 0.45))
PageUrl = Callable[[int, int], str]


@dataclass(slots=True)
class _Box:
    node: Node
    depth: int
    lines: list[str]
    tag: str | None
    w: float
    h: float
    x: float = 0.0
    y: float = 0.0
    colour: tuple[float, float, float] = (0.3, 0.3, 0.4)
    children: list[_Box] = field(default_factory=list)


def _count(node: Node) -> int:
    return sum(1 for _ in node.walk()) - 1


def _measure(node: Node, depth: int, regular: pymupdf.Font) -> _Box:
    signs = ' '.join(MARKER_SIGNS[m] for m in node.markers if m in MARKER_SIGNS)
    title = (f'{signs} ' if signs else '') + (node.title or '…')
    size = SIZE + (4 if depth == 0 else 1 if depth == 1 else 0)
    lines = wrap_lines(title, regular, size, MAX_TEXT)
    link = node.link
    tag = f'BL {link.bl}' if link is not None and not link.missing and link.bl is not None else None
    folded = _count(node) if node.folded and node.children else 0
    if folded:
        tag = f'{tag} · +{folded}' if tag else f'+{folded}'
    width = max(regular.text_length(line, size) for line in lines)
    if tag:
        width = max(width, regular.text_length(tag, TAG_SIZE))
    box = _Box(node, depth, lines, tag, max(MIN_W, width + 2 * PAD),
               len(lines) * (LINE + size - SIZE) + (LINE if tag else 0) + 2 * PAD)
    if not node.folded:
        box.children = [_measure(c, depth + 1, regular) for c in node.children or ()]
    return box


def _layout(root: _Box) -> tuple[float, float]:
    """Place every box; the drawing's width and height."""
    columns: dict[int, float] = {}

    def widths(box: _Box) -> None:
        columns[box.depth] = max(columns.get(box.depth, 0.0), box.w)
        for child in box.children:
            widths(child)

    widths(root)
    lefts, x = {}, MARGIN
    for depth in sorted(columns):
        lefts[depth] = x
        x += columns[depth] + GAP_X

    def place(box: _Box, top: float, colour: tuple[float, float, float]) -> float:
        """Lay out ``box`` and its branch from ``top`` down; the bottom of the branch."""
        box.x, box.colour = lefts[box.depth], colour
        if not box.children:
            box.y = top
            return top + box.h + GAP_Y
        bottom = top
        for n, child in enumerate(box.children):
            bottom = place(child, bottom, PALETTE[n % len(PALETTE)] if box.depth == 0 else colour)
        first, last = box.children[0], box.children[-1]
        box.y = (first.y + last.y + last.h) / 2 - box.h / 2
        if box.y < top:  # a parent taller than its branch: the branch moves down under it
            shift = top - box.y
            _shift(box.children, shift)
            box.y, bottom = top, bottom + shift
        return max(bottom, box.y + box.h + GAP_Y)

    bottom = place(root, MARGIN, (0.3, 0.3, 0.4))
    return x - GAP_X + MARGIN, bottom - GAP_Y + MARGIN


def _shift(boxes: list[_Box], dy: float) -> None:
    for box in boxes:
        box.y += dy
        _shift(box.children, dy)


def _draw(page: pymupdf.Page, box: _Box, regular: pymupdf.Font, page_url: PageUrl | None) -> None:
    rect = pymupdf.Rect(box.x, box.y, box.x + box.w, box.y + box.h)
    root = box.depth == 0
    fill = (0.30, 0.31, 0.41) if root else (1, 1, 1)
    page.draw_rect(rect, color=box.colour if not root else None, fill=fill, width=1.2, radius=0.25)
    size = SIZE + (4 if box.depth == 0 else 1 if box.depth == 1 else 0)
    writer = pymupdf.TextWriter(page.rect)
    y = box.y + PAD + size
    for line in box.lines:
        writer.append((box.x + PAD, y), line, font=regular, fontsize=size)
        y += LINE + size - SIZE
    writer.write_text(page, color=(1, 1, 1) if root else (0.15, 0.15, 0.2))
    if box.tag:
        tag = pymupdf.TextWriter(page.rect)
        tag.append((box.x + PAD, y - 2), box.tag, font=regular, fontsize=TAG_SIZE)
        tag.write_text(page, color=(0.12, 0.23, 0.54))
    link = box.node.link
    if page_url is not None and link is not None and not link.missing and link.exhibit_id is not None \
            and link.page is not None:
        page.insert_link({'kind': pymupdf.LINK_URI, 'from': rect, 'uri': page_url(link.exhibit_id, link.page)})
    for child in box.children:
        start = pymupdf.Point(box.x + box.w, box.y + box.h / 2)
        end = pymupdf.Point(child.x, child.y + child.h / 2)
        middle = (start.x + end.x) / 2
        page.draw_bezier(start, pymupdf.Point(middle, start.y), pymupdf.Point(middle, end.y), end,
                         color=child.colour, width=1.2)
        _draw(page, child, regular, page_url)


def map_pdf(title: str, root: Node, page_url: PageUrl | None = None, *, tiled: bool = False) -> bytes:
    """The map as a PDF: one page of its own size, or A4 landscape tiles."""
    regular = pymupdf.Font('notos')
    tree = _measure(root, 0, regular)
    width, height = _layout(tree)
    doc = pymupdf.open()
    doc.set_metadata({'title': title, 'creator': 'courtroom', 'producer': 'courtroom'})
    page = doc.new_page(width=max(width, 200), height=max(height, 100))
    _draw(page, tree, regular, page_url)
    doc.subset_fonts()  # only the glyphs used: a few tens of kilobytes, not the whole Noto Sans
    if not tiled:
        data = doc.tobytes(garbage=3, deflate=True)
        doc.close()
        return data
    tiles = pymupdf.open()
    step_x, step_y = TILE.width - 2 * MARGIN - OVERLAP, TILE.height - 2 * MARGIN - OVERLAP - 14
    across = max(1, int(-(-(page.rect.width - OVERLAP) // step_x)))
    down = max(1, int(-(-(page.rect.height - OVERLAP) // step_y)))
    number = 0
    for row in range(down):
        for column in range(across):
            number += 1
            clip = pymupdf.Rect(column * step_x, row * step_y, column * step_x + step_x + OVERLAP,
                                row * step_y + step_y + OVERLAP) & page.rect
            sheet = tiles.new_page(width=TILE.width, height=TILE.height)
            target = pymupdf.Rect(MARGIN, MARGIN + 14, MARGIN + clip.width, MARGIN + 14 + clip.height)
            sheet.show_pdf_page(target, doc, 0, clip=clip)
            label = pymupdf.TextWriter(sheet.rect)
            label.append((MARGIN, MARGIN), f'{title} — {number}/{across * down} (hàng {row + 1}, cột {column + 1})',
                         font=regular, fontsize=8)
            label.write_text(sheet, color=(0.4, 0.4, 0.4))
    tiles.set_metadata({'title': title, 'creator': 'courtroom', 'producer': 'courtroom'})
    data = tiles.tobytes(garbage=3, deflate=True)
    tiles.close()
    doc.close()
    return data


def map_png(title: str, root: Node, *, max_width: int = 2400) -> bytes:
    """The map as one PNG, at most ``max_width`` pixels wide (and at most 2× its size in points)."""
    with pymupdf.open(stream=map_pdf(title, root), filetype='pdf') as doc:
        page = doc[0]
        zoom = min(2.0, max_width / page.rect.width)
        return page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False).tobytes('png')
