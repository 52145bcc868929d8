"""The PDF page writer: flowing text, official headers, signatures and seals, tables, pictures, and the
bút lục (BL) stamp on every page.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

import pymupdf

from .case import DEMO_CASE
from .typeset import BOTTOM, LEFT, PAGE_H, PAGE_W, RIGHT, TOP, Token, markup_runs, pdf_font, tokenize, wrap_lines

_FIXED_DATE = "D:20260320090000+07'00'"
BLACK = (0.0, 0.0, 0.0)
_STAMP_INK = (0.22, 0.18, 0.58)  # violet stamp-pad ink
_SEAL_RED = (0.82, 0.1, 0.12)


class Pdf:
    """A tiny flowing-text layout engine on top of PyMuPDF, stamping each new page with its bút lục."""

    def __init__(self, bl_first: int, *, footer: bool = True) -> None:
        self.doc = pymupdf.open()
        self.bl_first = bl_first
        self.footer = footer
        self.page: pymupdf.Page | None = None
        self._writers: dict[tuple[float, float, float], pymupdf.TextWriter] = {}
        self.y = TOP
        self.toc: list[list] = []
        self.raster_pages: set[int] = set()

    # pages -----------------------------------------------------------------------------------------------------
    @property
    def bl_next(self) -> int:
        return self.bl_first + self.doc.page_count

    def _flush(self) -> None:
        if self.page is not None:
            for color, tw in self._writers.items():
                tw.write_text(self.page, color=color)
        self._writers = {}

    def new_page(self) -> pymupdf.Page:
        self._flush()
        self.page = self.doc.new_page(width=PAGE_W, height=PAGE_H)
        self.y = TOP
        self._stamp_bl(self.bl_first + self.doc.page_count - 1)
        return self.page

    def page_break(self) -> None:
        """Finish the current page; the next drawing starts a new one."""
        self._flush()
        self.page = None

    def raster_page(self, jpeg: bytes) -> None:
        """A scanned page: one full-page picture, no text layer (its BL stamp is in the picture)."""
        self._flush()
        page = self.doc.new_page(width=PAGE_W, height=PAGE_H)
        page.insert_image(page.rect, stream=jpeg)
        self.raster_pages.add(page.number)
        self.page = None

    def _tw(self, color=BLACK) -> pymupdf.TextWriter:
        if self.page is None:
            self.new_page()
        tw = self._writers.get(color)
        if tw is None:
            tw = self._writers[color] = pymupdf.TextWriter(self.page.rect)
        return tw

    def _stamp_bl(self, n: int) -> None:
        page = self.page
        label = f'BL {n}'
        size = 12.0
        w = pdf_font('b').text_length(label, size) + 16
        r = pymupdf.Rect(PAGE_W - RIGHT - w, 22, PAGE_W - RIGHT, 44)
        page.draw_rect(r, color=_STAMP_INK, width=1.3)
        page.draw_rect(r + (2.5, 2.5, -2.5, -2.5), color=_STAMP_INK, width=0.5)  # noqa: RUF005 (Rect arithmetic)
        tw = pymupdf.TextWriter(page.rect)
        tw.append((r.x0 + 8, r.y1 - 6.5), label, font=pdf_font('b'), fontsize=size)
        tw.write_text(page, color=_STAMP_INK)

    def space(self, h: float) -> None:
        self.y += h

    def ensure(self, h: float) -> None:
        if self.page is None or self.y + h > PAGE_H - BOTTOM:
            self.new_page()

    def bookmark(self, title: str) -> None:
        if self.page is None or self.y > PAGE_H - BOTTOM - 40:
            self.new_page()
        self.toc.append([1, title, self.page.number + 1])

    # text ------------------------------------------------------------------------------------------------------
    def _draw_line(self, line, x0: float, width: float, baseline: float, size: float, align: str, last: bool,
                   color) -> None:
        natural = sum(g + w for _, g, w in line)
        gaps = sum(1 for _, g, _ in line if g)
        extra = 0.0
        x = x0
        if align == 'center':
            x = x0 + (width - natural) / 2
        elif align == 'right':
            x = x0 + width - natural
        elif align == 'justify' and not last and gaps:
            extra = (width - natural) / gaps
        tw = self._tw(color)
        for k, (tok, gap, w) in enumerate(line):
            if gap:
                x += gap + extra
            # a real space character after the word, so text extraction never runs words together
            spaced = k + 1 < len(line) and line[k + 1][1] > 0
            tw.append((x, baseline), tok.text + (' ' if spaced else ''), font=pdf_font(tok.style), fontsize=size)
            x += w

    def lines_of(self, text: str, *, size: float, style: str, width: float, indent: float = 0.0):
        toks = tokenize(text, style)

        def measure(t: Token) -> float:
            return pdf_font(t.style).text_length(t.text, size)

        def space_w(t: Token) -> float:
            return pdf_font(t.style).text_length(' ', size)

        return wrap_lines(toks, measure, space_w, width - indent, width)

    def para(self, text: str, *, size: float = 13.0, style: str = 'r', align: str = 'justify', indent: float = 28.0,
             left: float = 0.0, right: float = 0.0, before: float = 0.0, after: float = 3.0, leading: float = 1.45,
             color=BLACK, keep: int = 2, keep_next: float = 0.0) -> None:
        width = PAGE_W - LEFT - RIGHT - left - right
        lines = self.lines_of(text, size=size, style=style, width=width, indent=indent)
        lh = size * leading
        self.y += before
        self.ensure(lh * min(keep, len(lines)) + keep_next)
        for i, line in enumerate(lines):
            self.ensure(lh)
            ind = indent if i == 0 else 0.0
            self._draw_line(line, LEFT + left + ind, width - ind, self.y + size * 1.02, size, align,
                            i == len(lines) - 1, color)
            self.y += lh
        self.y += after

    def center(self, text: str, *, size: float = 12.0, style: str = 'b', after: float = 2.0, **kw) -> None:
        self.para(text, size=size, style=style, align='center', indent=0, after=after, **kw)

    def qa(self, question: str, answer: str) -> None:
        self.para(f'**Hỏi:** {question}', after=1)
        self.para(f'**Trả lời:** {answer}', after=4)

    def hline(self, x0: float, x1: float, y: float, width: float = 0.7) -> None:
        self.page.draw_line((x0, y), (x1, y), color=BLACK, width=width)

    def header(self, left: list[str], right: list[str], *, size: float = 10.5, left_w: float = 215.0) -> None:
        """The two-column heading of an official document; each list holds markup lines, '---' draws a rule."""
        if self.page is None:
            self.new_page()
        x_left, x_mid, x_right = LEFT - 22, LEFT - 22 + left_w, PAGE_W - RIGHT + 6
        y_top = self.y
        bottoms = []
        for lines, x0, x1 in ((left, x_left, x_mid), (right, x_mid, x_right)):
            y = y_top
            for text in lines:
                if text == '---':
                    self.hline((x0 + x1) / 2 - 40, (x0 + x1) / 2 + 40, y + 1)
                    y += 5
                    continue
                if text.startswith('--- '):  # a rule as wide as the line above
                    w = float(text[4:])
                    self.hline((x0 + x1) / 2 - w / 2, (x0 + x1) / 2 + w / 2, y + 1)
                    y += 5
                    continue
                if text:
                    line = self.lines_of(text, size=size, style='r', width=x1 - x0)[0]
                    self._draw_line(line, x0, x1 - x0, y + size * 1.02, size, 'center', True, BLACK)
                y += size * 1.4
            bottoms.append(y)
        self.y = max(bottoms) + 14

    @staticmethod
    def width_of(text: str, size: float) -> float:
        return sum(pdf_font(s).text_length(t, size) for t, s in markup_runs(text))

    def signatures(self, cols: list[list[str]], *, size: float = 11.0, seal: int | None = None,
                   signed: bool = True) -> None:
        """Signature blocks side by side; a line '~' is where the ink signature goes. ``seal`` = column index."""
        lh = size * 1.4
        height = max(len(c) for c in cols) * lh + 10
        self.ensure(height)
        width = PAGE_W - LEFT - RIGHT + 20
        col_w = width / len(cols)
        y0 = self.y
        for ci, lines in enumerate(cols):
            x0 = LEFT - 10 + ci * col_w
            y = y0
            for text in lines:
                if text == '~':
                    if signed:
                        self._scribble(x0 + col_w / 2, y + lh, ci)
                    y += lh
                    continue
                if text:
                    line = self.lines_of(text, size=size, style='r', width=col_w)[0]
                    self._draw_line(line, x0, col_w, y + size * 1.02, size, 'center', True, BLACK)
                y += lh
            if seal == ci:
                self._seal(pymupdf.Point(x0 + col_w / 2 - 38, y0 + 3.2 * lh))
        self.y = y0 + height

    def _scribble(self, cx: float, cy: float, salt: int) -> None:
        rng = random.Random(1000 + self.bl_next * 7 + salt)
        pts = []
        x = cx - 38
        for i in range(22):
            x += rng.uniform(2.0, 5.0)
            pts.append((x, cy + math.sin(i * 1.3 + rng.random()) * rng.uniform(4, 11)))
        shape = self.page.new_shape()
        shape.draw_polyline(pts)
        shape.draw_line((cx - 30, cy + 9), (cx + 34, cy + 5))
        shape.finish(color=(0.1, 0.15, 0.55), width=1.0, closePath=False)
        shape.commit()

    def _seal(self, c: pymupdf.Point) -> None:
        shape = self.page.new_shape()
        shape.draw_circle(c, 34)
        shape.draw_circle(c, 30.5)
        shape.draw_circle(c, 17)
        shape.finish(color=_SEAL_RED, width=1.1)
        # Point + tuple offsets the point (pymupdf arithmetic, not concatenation: hence the noqa)
        star = [c + (13 * math.cos(math.radians(-90 + k * 144)),  # noqa: RUF005
                     13 * math.sin(math.radians(-90 + k * 144))) for k in range(6)]
        shape.draw_polyline(star)
        shape.finish(color=_SEAL_RED, fill=_SEAL_RED, width=0.5)
        shape.commit(overlay=True)

    # tables and images -----------------------------------------------------------------------------------------
    def table(self, widths: list[float], rows: list[list[str]], *, size: float = 10.0, header_rows: int = 1,
              aligns: list[str] | None = None) -> None:
        total = sum(widths)
        x_start = LEFT + (PAGE_W - LEFT - RIGHT - total) / 2
        pad = 4.0
        lh = size * 1.35
        aligns = aligns or ['left'] * len(widths)

        def layout(row):
            cells = [self.lines_of(cell, size=size, style='r', width=w - 2 * pad)
                     for cell, w in zip(row, widths, strict=True)]
            return cells, max(len(c) for c in cells) * lh + 2 * pad

        header = [layout(r) for r in rows[:header_rows]]

        def draw(cells, h, is_header):
            x = x_start
            for ci, (lines, w) in enumerate(zip(cells, widths, strict=True)):
                self.page.draw_rect(pymupdf.Rect(x, self.y, x + w, self.y + h), color=BLACK, width=0.6,
                                    fill=(0.92, 0.92, 0.92) if is_header else None)
                for li, line in enumerate(lines):
                    self._draw_line(line, x + pad, w - 2 * pad, self.y + pad + li * lh + size * 1.02, size,
                                    'center' if is_header else aligns[ci], True, BLACK)
                x += w
            self.y += h

        self.ensure(sum(h for _, h in header) + 30)
        for cells, h in header:
            draw(cells, h, True)
        for row in rows[header_rows:]:
            cells, h = layout(row)
            if self.y + h > PAGE_H - BOTTOM:
                self.new_page()
                for hc, hh in header:
                    draw(hc, hh, True)
            draw(cells, h, False)
        self.y += 8

    def image(self, data: bytes, width: float, height: float, *, caption: str | None = None) -> None:
        self.ensure(height + (40 if caption else 8))
        x0 = LEFT + (PAGE_W - LEFT - RIGHT - width) / 2
        r = pymupdf.Rect(x0, self.y, x0 + width, self.y + height)
        self.page.insert_image(r, stream=data)
        self.page.draw_rect(r, color=(0.3, 0.3, 0.3), width=0.5)
        self.y = r.y1 + 6
        if caption:
            self.para(caption, size=11, style='i', align='center', indent=0, after=6)

    def sketch(self, width: float, height: float, draw) -> None:
        """Vector drawing area: ``draw(page, rect)``."""
        self.ensure(height + 8)
        x0 = LEFT + (PAGE_W - LEFT - RIGHT - width) / 2
        r = pymupdf.Rect(x0, self.y, x0 + width, self.y + height)
        draw(self, r)
        self.y = r.y1 + 6

    def text_at(self, x: float, y: float, text: str, *, size: float = 9.0, style: str = 'r', color=BLACK) -> None:
        self._tw(color).append((x, y), text, font=pdf_font(style), fontsize=size)

    # output ----------------------------------------------------------------------------------------------------
    def save(self, path: Path, *, title: str, subject: str, author: str) -> int:
        self._flush()
        self.page = None
        n = self.doc.page_count
        if self.footer and n > 1:
            for page in self.doc:
                if page.number in self.raster_pages:
                    continue
                label = f'Trang {page.number + 1}/{n}'
                tw = pymupdf.TextWriter(page.rect)
                x = (PAGE_W - pdf_font('r').text_length(label, 9)) / 2
                tw.append((x, PAGE_H - 34), label, font=pdf_font('r'), fontsize=9)
                tw.write_text(page, color=(0.35, 0.35, 0.35))
        if self.toc:
            self.doc.set_toc(self.toc)
        self.doc.set_metadata({
            'title': title, 'subject': subject, 'author': author, 'keywords': DEMO_CASE['case_number'],
            'creator': 'courtroom demo', 'producer': 'courtroom demo',
            'creationDate': _FIXED_DATE, 'modDate': _FIXED_DATE,
        })
        self.doc.subset_fonts()
        self.doc.save(path, garbage=4, deflate=True, no_new_id=True)
        self.doc.close()
        return n
