"""A fictional Vietnamese criminal case file (hồ sơ vụ án hình sự) for demos and tests.

``write_demo_case_file(out_dir)`` writes several PDFs, a short camera recording and a ``manifest.csv``. Every page
carries its bút lục (BL) stamp in the top-right corner, numbered continuously across the bundle in manifest order;
text is drawn with an embedded Noto Sans so Vietnamese diacritics survive text extraction. Scanned-looking pages are
images only (their BL stamp is part of the picture, as on paper). Output is byte-for-byte deterministic.

Run ``python -m media.demo OUT_DIR`` to write the files.

Everything in here (people, numbers, plates, events) is invented.
"""

from __future__ import annotations

import csv
import functools
import io
import math
import random
import re
import sys
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

import pymupdf
from PIL import Image, ImageDraw, ImageFilter, ImageFont

__all__ = ['DEMO_CASE', 'write_demo_case_file']

DEMO_CASE: dict = {
    'case_number': '125/2026/HSST',
    'title': 'Vụ án Nguyễn Văn Hải — Trộm cắp tài sản',
    'short_title': 'Vụ án Trộm cắp tài sản',
    'court': 'Tòa án nhân dân quận Ba Đình, Hà Nội',
    'procuracy': 'Viện kiểm sát nhân dân quận Ba Đình',
    'investigating_agency': 'Cơ quan Cảnh sát điều tra Công an quận Ba Đình',
    'procedure': 'first_instance',  # sơ thẩm
    'public': True,  # xét xử công khai
    'online': True,  # phiên tòa trực tuyến, điểm cầu thành phần tại trại tạm giam
    'hearing_date': '2026-04-15',
    'hearing_time': '08:00',
    'indictment_number': '118/CT-VKSBĐ',
    'indictment_date': '2026-03-20',
    'trial_decision_number': '130/2026/QĐXXST-HS',
    'charges': [
        {
            'code': 'Bộ luật Hình sự năm 2015 (sửa đổi, bổ sung năm 2017)',
            'article': 173,
            'clause': 1,
            'offence': 'Trộm cắp tài sản',
            'citation': 'khoản 1 Điều 173 Bộ luật Hình sự',
        },
    ],
    'defendants': ['Nguyễn Văn Hải'],
    'victims': ['Trần Thị Mai'],
    'witnesses': ['Lê Văn Bình', 'Phạm Thu Hà'],
    'trial_panel': {
        'presiding_judge': 'Đỗ Thị Lan',
        'assessors': ['Vũ Đức Thắng', 'Hoàng Thị Nga'],
        'clerk': 'Ngô Minh Tuấn',
    },
    'procurator': 'Lý Thu Trang',
    'defence_counsel': 'Luật sư Bùi Quang Huy — Đoàn Luật sư thành phố Hà Nội',
    'detention_facility': 'Trại tạm giam số 1 Công an thành phố Hà Nội',
    'damage_vnd': 37_700_000,
}

MANIFEST_COLUMNS = ('file', 'pages', 'label', 'title', 'party', 'bl')

# ---------------------------------------------------------------------------------------------------------------
# Fonts and page geometry

_FIXED_DATE = "D:20260320090000+07'00'"
_PAGE_W, _PAGE_H = 595.28, 841.89  # A4 in points
_LEFT, _RIGHT, _TOP, _BOTTOM = 79.0, 56.0, 62.0, 64.0  # ~28 mm / 20 mm / 22 mm / 22 mm
_BLACK = (0.0, 0.0, 0.0)
_STAMP_INK = (0.22, 0.18, 0.58)  # violet stamp-pad ink
_SEAL_RED = (0.82, 0.1, 0.12)
_SCAN_DPI = 100

_FONT_CODES = {'r': 'notos', 'b': 'notosbo', 'i': 'notosit', 'bi': 'notosbi'}


@functools.cache
def _font(style: str) -> pymupdf.Font:
    return pymupdf.Font(_FONT_CODES[style])


@functools.cache
def _pil_font(style: str, px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(io.BytesIO(_font(style).buffer), px, layout_engine=ImageFont.Layout.BASIC)


def _runs(text: str, base: str = 'r') -> list[tuple[str, str]]:
    """Split markup into (text, style) runs: ``**bold**`` and ``__italic__`` toggle."""
    bold, italic = 'b' in base, 'i' in base
    out: list[tuple[str, str]] = []
    for part in re.split(r'(\*\*|__)', text):
        if part == '**':
            bold = not bold
        elif part == '__':
            italic = not italic
        elif part:
            out.append((part, ('b' if bold else '') + ('i' if italic else '') or 'r'))
    return out


def _plain(text: str) -> str:
    return text.replace('**', '').replace('__', '')


@dataclass(slots=True)
class _Tok:
    text: str
    style: str
    space: bool  # a space separates it from the token before


def _tokens(text: str, base: str) -> list[_Tok]:
    toks: list[_Tok] = []
    pending_space = False
    for run, style in _runs(text, base):
        parts = run.split(' ')
        for i, word in enumerate(parts):
            if i > 0:
                pending_space = True
            if word:
                toks.append(_Tok(word, style, pending_space))
                pending_space = False
    return toks


def _wrap(toks: list[_Tok], measure, space_w, first_width: float,
          width: float) -> list[list[tuple[_Tok, float, float]]]:
    """Greedy line breaking; each line is [(token, gap_before, token_width)]."""
    lines: list[list[tuple[_Tok, float, float]]] = []
    cur: list[tuple[_Tok, float, float]] = []
    used, avail = 0.0, first_width
    for tok in toks:
        w = measure(tok)
        gap = space_w(tok) if (tok.space and cur) else 0.0
        if cur and used + gap + w > avail:
            lines.append(cur)
            cur, used, avail, gap = [], 0.0, width, 0.0
        cur.append((tok, gap, w))
        used += gap + w
    if cur:
        lines.append(cur)
    return lines


# ---------------------------------------------------------------------------------------------------------------
# PDF writer


class _Pdf:
    """A tiny flowing-text layout engine on top of PyMuPDF, stamping each new page with its bút lục."""

    def __init__(self, bl_first: int, *, footer: bool = True) -> None:
        self.doc = pymupdf.open()
        self.bl_first = bl_first
        self.footer = footer
        self.page: pymupdf.Page | None = None
        self._writers: dict[tuple[float, float, float], pymupdf.TextWriter] = {}
        self.y = _TOP
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
        self.page = self.doc.new_page(width=_PAGE_W, height=_PAGE_H)
        self.y = _TOP
        self._stamp_bl(self.bl_first + self.doc.page_count - 1)
        return self.page

    def page_break(self) -> None:
        """Finish the current page; the next drawing starts a new one."""
        self._flush()
        self.page = None

    def raster_page(self, jpeg: bytes) -> None:
        """A scanned page: one full-page picture, no text layer (its BL stamp is in the picture)."""
        self._flush()
        page = self.doc.new_page(width=_PAGE_W, height=_PAGE_H)
        page.insert_image(page.rect, stream=jpeg)
        self.raster_pages.add(page.number)
        self.page = None

    def _tw(self, color=_BLACK) -> pymupdf.TextWriter:
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
        w = _font('b').text_length(label, size) + 16
        r = pymupdf.Rect(_PAGE_W - _RIGHT - w, 22, _PAGE_W - _RIGHT, 44)
        page.draw_rect(r, color=_STAMP_INK, width=1.3)
        page.draw_rect(r + (2.5, 2.5, -2.5, -2.5), color=_STAMP_INK, width=0.5)
        tw = pymupdf.TextWriter(page.rect)
        tw.append((r.x0 + 8, r.y1 - 6.5), label, font=_font('b'), fontsize=size)
        tw.write_text(page, color=_STAMP_INK)

    def space(self, h: float) -> None:
        self.y += h

    def ensure(self, h: float) -> None:
        if self.page is None or self.y + h > _PAGE_H - _BOTTOM:
            self.new_page()

    def bookmark(self, title: str) -> None:
        if self.page is None or self.y > _PAGE_H - _BOTTOM - 40:
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
            tw.append((x, baseline), tok.text + (' ' if spaced else ''), font=_font(tok.style), fontsize=size)
            x += w

    def lines_of(self, text: str, *, size: float, style: str, width: float, indent: float = 0.0):
        toks = _tokens(text, style)

        def measure(t: _Tok) -> float:
            return _font(t.style).text_length(t.text, size)

        def space_w(t: _Tok) -> float:
            return _font(t.style).text_length(' ', size)

        return _wrap(toks, measure, space_w, width - indent, width)

    def para(self, text: str, *, size: float = 13.0, style: str = 'r', align: str = 'justify', indent: float = 28.0,
             left: float = 0.0, right: float = 0.0, before: float = 0.0, after: float = 3.0, leading: float = 1.45,
             color=_BLACK, keep: int = 2, keep_next: float = 0.0) -> None:
        width = _PAGE_W - _LEFT - _RIGHT - left - right
        lines = self.lines_of(text, size=size, style=style, width=width, indent=indent)
        lh = size * leading
        self.y += before
        self.ensure(lh * min(keep, len(lines)) + keep_next)
        for i, line in enumerate(lines):
            self.ensure(lh)
            ind = indent if i == 0 else 0.0
            self._draw_line(line, _LEFT + left + ind, width - ind, self.y + size * 1.02, size, align,
                            i == len(lines) - 1, color)
            self.y += lh
        self.y += after

    def center(self, text: str, *, size: float = 12.0, style: str = 'b', after: float = 2.0, **kw) -> None:
        self.para(text, size=size, style=style, align='center', indent=0, after=after, **kw)

    def qa(self, question: str, answer: str) -> None:
        self.para(f'**Hỏi:** {question}', after=1)
        self.para(f'**Trả lời:** {answer}', after=4)

    def hline(self, x0: float, x1: float, y: float, width: float = 0.7) -> None:
        self.page.draw_line((x0, y), (x1, y), color=_BLACK, width=width)

    def header(self, left: list[str], right: list[str], *, size: float = 10.5, left_w: float = 215.0) -> None:
        """The two-column heading of an official document; each list holds markup lines, '---' draws a rule."""
        if self.page is None:
            self.new_page()
        x_left, x_mid, x_right = _LEFT - 22, _LEFT - 22 + left_w, _PAGE_W - _RIGHT + 6
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
                    self._draw_line(line, x0, x1 - x0, y + size * 1.02, size, 'center', True, _BLACK)
                y += size * 1.4
            bottoms.append(y)
        self.y = max(bottoms) + 14

    @staticmethod
    def width_of(text: str, size: float) -> float:
        return sum(_font(s).text_length(t, size) for t, s in _runs(text))

    def signatures(self, cols: list[list[str]], *, size: float = 11.0, seal: int | None = None,
                   signed: bool = True) -> None:
        """Signature blocks side by side; a line '~' is where the ink signature goes. ``seal`` = column index."""
        lh = size * 1.4
        height = max(len(c) for c in cols) * lh + 10
        self.ensure(height)
        width = _PAGE_W - _LEFT - _RIGHT + 20
        col_w = width / len(cols)
        y0 = self.y
        for ci, lines in enumerate(cols):
            x0 = _LEFT - 10 + ci * col_w
            y = y0
            for text in lines:
                if text == '~':
                    if signed:
                        self._scribble(x0 + col_w / 2, y + lh, ci)
                    y += lh
                    continue
                if text:
                    line = self.lines_of(text, size=size, style='r', width=col_w)[0]
                    self._draw_line(line, x0, col_w, y + size * 1.02, size, 'center', True, _BLACK)
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
        star = [c + (13 * math.cos(math.radians(-90 + k * 144)), 13 * math.sin(math.radians(-90 + k * 144)))
                for k in range(6)]
        shape.draw_polyline(star)
        shape.finish(color=_SEAL_RED, fill=_SEAL_RED, width=0.5)
        shape.commit(overlay=True)

    # tables and images -----------------------------------------------------------------------------------------
    def table(self, widths: list[float], rows: list[list[str]], *, size: float = 10.0, header_rows: int = 1,
              aligns: list[str] | None = None) -> None:
        total = sum(widths)
        x_start = _LEFT + (_PAGE_W - _LEFT - _RIGHT - total) / 2
        pad = 4.0
        lh = size * 1.35
        aligns = aligns or ['left'] * len(widths)

        def layout(row):
            cells = [self.lines_of(cell, size=size, style='r', width=w - 2 * pad) for cell, w in zip(row, widths)]
            return cells, max(len(c) for c in cells) * lh + 2 * pad

        header = [layout(r) for r in rows[:header_rows]]

        def draw(cells, h, is_header):
            x = x_start
            for ci, (lines, w) in enumerate(zip(cells, widths)):
                self.page.draw_rect(pymupdf.Rect(x, self.y, x + w, self.y + h), color=_BLACK, width=0.6,
                                    fill=(0.92, 0.92, 0.92) if is_header else None)
                for li, line in enumerate(lines):
                    self._draw_line(line, x + pad, w - 2 * pad, self.y + pad + li * lh + size * 1.02, size,
                                    'center' if is_header else aligns[ci], True, _BLACK)
                x += w
            self.y += h

        self.ensure(sum(h for _, h in header) + 30)
        for cells, h in header:
            draw(cells, h, True)
        for row in rows[header_rows:]:
            cells, h = layout(row)
            if self.y + h > _PAGE_H - _BOTTOM:
                self.new_page()
                for hc, hh in header:
                    draw(hc, hh, True)
            draw(cells, h, False)
        self.y += 8

    def image(self, data: bytes, width: float, height: float, *, caption: str | None = None) -> None:
        self.ensure(height + (40 if caption else 8))
        x0 = _LEFT + (_PAGE_W - _LEFT - _RIGHT - width) / 2
        r = pymupdf.Rect(x0, self.y, x0 + width, self.y + height)
        self.page.insert_image(r, stream=data)
        self.page.draw_rect(r, color=(0.3, 0.3, 0.3), width=0.5)
        self.y = r.y1 + 6
        if caption:
            self.para(caption, size=11, style='i', align='center', indent=0, after=6)

    def sketch(self, width: float, height: float, draw) -> None:
        """Vector drawing area: ``draw(page, rect)``."""
        self.ensure(height + 8)
        x0 = _LEFT + (_PAGE_W - _LEFT - _RIGHT - width) / 2
        r = pymupdf.Rect(x0, self.y, x0 + width, self.y + height)
        draw(self, r)
        self.y = r.y1 + 6

    def text_at(self, x: float, y: float, text: str, *, size: float = 9.0, style: str = 'r', color=_BLACK) -> None:
        self._tw(color).append((x, y), text, font=_font(style), fontsize=size)

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
                x = (_PAGE_W - _font('r').text_length(label, 9)) / 2
                tw.append((x, _PAGE_H - 34), label, font=_font('r'), fontsize=9)
                tw.write_text(page, color=(0.35, 0.35, 0.35))
        if self.toc:
            self.doc.set_toc(self.toc)
        self.doc.set_metadata({
            'title': title, 'subject': subject, 'author': author, 'keywords': DEMO_CASE['case_number'],
            'creator': 'courtroom media.demo', 'producer': 'courtroom media.demo',
            'creationDate': _FIXED_DATE, 'modDate': _FIXED_DATE,
        })
        self.doc.subset_fonts()
        self.doc.save(path, garbage=4, deflate=True, no_new_id=True)
        self.doc.close()
        return n


# ---------------------------------------------------------------------------------------------------------------
# Pillow: scanned pages and exhibit photos


class _Scan:
    """A page drawn as a picture (what a scanner would produce): coordinates in points, rendered at 100 dpi."""

    def __init__(self, bl: int, seed: int) -> None:
        self.k = _SCAN_DPI / 72
        self.bl = bl
        self.rng = random.Random(seed)
        tone = 246 - self.rng.randint(0, 6)
        self.img = Image.new('RGB', (round(_PAGE_W * self.k), round(_PAGE_H * self.k)), (tone, tone - 2, tone - 9))
        self.draw = ImageDraw.Draw(self.img)
        self.y = _TOP
        self.ink = (38, 38, 44)

    def _px(self, v: float) -> int:
        return round(v * self.k)

    def text(self, x: float, y: float, text: str, *, size: float = 11, style: str = 'r', fill=None) -> None:
        self.draw.text((self._px(x), self._px(y)), text, font=_pil_font(style, self._px(size)), fill=fill or self.ink)

    def width(self, text: str, size: float, style: str = 'r') -> float:
        return _pil_font(style, self._px(size)).getlength(text) / self.k

    def para(self, text: str, *, size: float = 11.5, style: str = 'r', align: str = 'justify', indent: float = 26,
             left: float = 0.0, before: float = 0.0, after: float = 3.0, leading: float = 1.45) -> None:
        self.y += before
        width = _PAGE_W - _LEFT - _RIGHT - left
        toks = _tokens(text, style)

        def measure(t: _Tok) -> float:
            return self.width(t.text, size, t.style)

        def space_w(t: _Tok) -> float:
            return self.width(' ', size, t.style)

        lines = _wrap(toks, measure, space_w, width - indent, width)
        for i, line in enumerate(lines):
            ind = indent if i == 0 else 0.0
            natural = sum(g + w for _, g, w in line)
            gaps = sum(1 for _, g, _ in line if g)
            x = _LEFT + left + ind
            extra = 0.0
            if align == 'center':
                x = _LEFT + left + (width - natural) / 2
            elif align == 'justify' and i < len(lines) - 1 and gaps:
                extra = (width - ind - natural) / gaps
            for tok, gap, w in line:
                if gap:
                    x += gap + extra
                self.text(x, self.y, tok.text, size=size, style=tok.style)
                x += w
            self.y += size * leading
        self.y += after

    def center(self, text: str, *, size: float = 12, style: str = 'b', after: float = 2) -> None:
        self.para(text, size=size, style=style, align='center', indent=0, after=after)

    def header(self, left: list[str], right: list[str], size: float = 10.5) -> None:
        y0 = self.y
        bottoms = []
        for lines, x0, x1 in ((left, _LEFT - 22, _LEFT + 193), (right, _LEFT + 193, _PAGE_W - _RIGHT + 6)):
            y = y0
            for text in lines:
                if text == '---':
                    cx = (x0 + x1) / 2
                    self.draw.line([(self._px(cx - 40), self._px(y + 1)), (self._px(cx + 40), self._px(y + 1))],
                                   fill=self.ink, width=1)
                    y += 5
                    continue
                style = 'b' if text.startswith('**') else 'i' if text.startswith('__') else 'r'
                plain = _plain(text)
                self.text((x0 + x1) / 2 - self.width(plain, size, style) / 2, y, plain, size=size, style=style)
                y += size * 1.4
            bottoms.append(y)
        self.y = max(bottoms) + 14

    def signature(self, cx: float, y: float, title: str, name: str, *, seal: bool = False) -> None:
        self.text(cx - self.width(title, 11, 'b') / 2, y, title, size=11, style='b')
        pts = []
        x = cx - 36
        for i in range(20):
            x += self.rng.uniform(2.0, 5.0)
            pts.append((self._px(x), self._px(y + 42 + math.sin(i * 1.2 + self.rng.random()) * 9)))
        self.draw.line(pts, fill=(30, 45, 130), width=2)
        if seal:
            self.seal(cx - 30, y + 36)
        self.text(cx - self.width(name, 11, 'b') / 2, y + 72, name, size=11, style='b')

    def seal(self, cx: float, cy: float) -> None:
        red = (200, 40, 45)
        for r, w in ((34, 3), (30, 1), (16, 2)):
            self.draw.ellipse([self._px(cx - r), self._px(cy - r), self._px(cx + r), self._px(cy + r)],
                              outline=red, width=w)
        star = [(self._px(cx + 12 * math.cos(math.radians(-90 + k * 144))),
                 self._px(cy + 12 * math.sin(math.radians(-90 + k * 144)))) for k in range(5)]
        self.draw.polygon(star, fill=red)

    def paste(self, img: Image.Image, x: float, y: float, w: float, h: float) -> None:
        self.img.paste(img.resize((self._px(w), self._px(h)), Image.Resampling.LANCZOS), (self._px(x), self._px(y)))
        self.draw.rectangle([self._px(x), self._px(y), self._px(x + w), self._px(y + h)], outline=(90, 90, 90))

    def _bl_stamp(self) -> None:
        label = f'BL {self.bl}'
        font = _pil_font('b', self._px(12))
        w = round(font.getlength(label)) + self._px(16)
        h = self._px(22)
        stamp = Image.new('RGBA', (w + 6, h + 6), (0, 0, 0, 0))
        d = ImageDraw.Draw(stamp)
        ink = (70, 55, 150, 215)
        d.rectangle([3, 3, w + 2, h + 2], outline=ink, width=2)
        d.rectangle([7, 7, w - 2, h - 2], outline=ink, width=1)
        d.text((3 + self._px(8), 3 + self._px(4)), label, font=font, fill=ink)
        stamp = stamp.rotate(self.rng.uniform(-4, 4), resample=Image.Resampling.BICUBIC, expand=True)
        x = self._px(_PAGE_W - _RIGHT) - stamp.width + self.rng.randint(-6, 6)
        self.img.paste(stamp, (x, self._px(20) + self.rng.randint(-4, 4)), stamp)

    def jpeg(self) -> bytes:
        self._bl_stamp()
        img = self.img.rotate(self.rng.uniform(-0.8, 0.8), resample=Image.Resampling.BICUBIC,
                              fillcolor=(60, 60, 60))
        img = img.filter(ImageFilter.GaussianBlur(0.45))
        # scanner grain and specks, from our own seeded generator so runs are repeatable
        w, h = img.size
        grain = Image.frombytes('L', (w // 2, h // 2), self.rng.randbytes((w // 2) * (h // 2)))
        grain = grain.point(lambda v: 255 if v > 250 else 0).resize((w, h), Image.Resampling.NEAREST)
        img.paste((120, 120, 120), mask=grain.point(lambda v: 70 if v else 0))
        d = ImageDraw.Draw(img)
        for cy in (h * 0.38, h * 0.62):  # punch holes seen through from the binder
            d.ellipse([10, cy - 11, 32, cy + 11], fill=(70, 70, 70))
        d.rectangle([w - 4, 0, w, h], fill=(90, 90, 90))
        out = io.BytesIO()
        img.save(out, 'JPEG', quality=62, optimize=True)
        return out.getvalue()


def _ruler(draw: ImageDraw.ImageDraw, x: int, y: int, cm_px: int, cms: int) -> None:
    """A photographic scale: alternating black/white centimetres with mm ticks."""
    h = 22
    draw.rectangle([x, y, x + cm_px * cms, y + h], fill=(245, 245, 235), outline=(20, 20, 20))
    for c in range(cms):
        if c % 2 == 0:
            draw.rectangle([x + c * cm_px, y + h - 8, x + (c + 1) * cm_px, y + h], fill=(20, 20, 20))
        for mm in range(10):
            tx = x + c * cm_px + mm * cm_px // 10
            draw.line([tx, y, tx, y + (9 if mm == 5 else 5)], fill=(20, 20, 20))
        draw.text((x + c * cm_px + 2, y + 6), str(c), font=_pil_font('r', 9), fill=(20, 20, 20))
    draw.text((x + cm_px * cms - 24, y + 6), 'cm', font=_pil_font('b', 9), fill=(20, 20, 20))


def _tag(draw: ImageDraw.ImageDraw, x: int, y: int, code: str) -> None:
    """A numbered evidence tag with its string hole."""
    draw.polygon([(x + 18, y), (x + 110, y), (x + 110, y + 62), (x + 18, y + 62), (x, y + 31)],
                 fill=(250, 215, 60), outline=(60, 50, 10))
    draw.ellipse([x + 10, y + 26, x + 20, y + 36], fill=(120, 110, 90))
    draw.text((x + 30, y + 6), 'VẬT CHỨNG', font=_pil_font('b', 12), fill=(30, 30, 30))
    draw.text((x + 30, y + 24), code, font=_pil_font('b', 24), fill=(180, 20, 20))


def _backdrop(rng: random.Random, w: int, h: int, top, bottom) -> Image.Image:
    img = Image.new('RGB', (w, h))
    d = ImageDraw.Draw(img)
    for yy in range(h):
        t = yy / h
        d.line([0, yy, w, yy], fill=tuple(round(a + (b - a) * t) for a, b in zip(top, bottom)))
    for _ in range(900):  # floor / wall texture
        px, py = rng.randrange(w), rng.randrange(h)
        v = rng.randint(-14, 14)
        c = img.getpixel((px, py))
        d.point((px, py), fill=tuple(max(0, min(255, ch + v)) for ch in c))
    return img


def _photo_motorbike(seed: int, close_up: bool = False) -> Image.Image:
    rng = random.Random(seed)
    w, h = 800, 540
    img = _backdrop(rng, w, h, (150, 152, 150), (95, 92, 88))
    d = ImageDraw.Draw(img)
    d.line([0, 300, w, 280], fill=(80, 78, 75), width=3)  # wall/floor edge
    if close_up:
        # ignition lock, forced open
        d.rounded_rectangle([230, 120, 570, 420], 40, fill=(25, 25, 28))
        d.ellipse([320, 190, 480, 350], fill=(120, 120, 125), outline=(200, 200, 205), width=6)
        d.ellipse([365, 235, 435, 305], fill=(40, 40, 42))
        for a in (20, 75, 140, 200, 290):
            r = math.radians(a)
            d.line([400, 270, 400 + 95 * math.cos(r), 270 + 95 * math.sin(r)], fill=(225, 225, 230), width=3)
        d.text((250, 135), 'ON  OFF  LOCK', font=_pil_font('b', 16), fill=(190, 190, 190))
        _ruler(d, 200, 460, 40, 10)
        _tag(d, 620, 40, 'VC-01')
        return img
    # a scooter in profile: wheels, body, seat, handlebar, lamp
    for cx in (220, 590):
        d.ellipse([cx - 85, 300, cx + 85, 470], fill=(18, 18, 18))
        d.ellipse([cx - 52, 333, cx + 52, 437], fill=(155, 155, 160))
        for k in range(5):
            a = math.radians(k * 72 + 10)
            d.line([cx, 385, cx + 50 * math.cos(a), 385 + 50 * math.sin(a)], fill=(90, 90, 95), width=7)
        d.ellipse([cx - 12, 373, cx + 12, 397], fill=(60, 60, 60))
    d.polygon([(140, 300), (170, 235), (330, 220), (420, 275), (520, 275), (560, 170), (610, 150), (640, 200),
               (600, 330), (480, 350), (300, 350), (180, 340)], fill=(170, 20, 30), outline=(40, 5, 8))
    d.polygon([(170, 235), (200, 190), (360, 185), (385, 222), (330, 220)], fill=(20, 20, 22))  # seat
    d.polygon([(300, 350), (480, 350), (470, 305), (310, 305)], fill=(28, 28, 30))  # floorboard
    d.line([(560, 170), (590, 95)], fill=(30, 30, 30), width=10)  # steering column
    d.line([(545, 92), (650, 98)], fill=(30, 30, 30), width=9)  # handlebar
    d.ellipse([625, 150, 665, 185], fill=(250, 245, 210), outline=(40, 40, 40), width=3)  # lamp
    d.rectangle([92, 250, 182, 282], fill=(245, 245, 245), outline=(10, 10, 10), width=2)  # plate
    d.text((98, 256), '29B1-123.45', font=_pil_font('b', 11), fill=(10, 10, 10))
    d.text((400, 245), 'AIR BLADE', font=_pil_font('b', 16), fill=(235, 235, 235))
    _ruler(d, 250, 492, 30, 10)
    _tag(d, 660, 410, 'VC-01')
    return img


def _photo_phone(seed: int) -> Image.Image:
    rng = random.Random(seed)
    w, h = 800, 540
    img = _backdrop(rng, w, h, (215, 222, 230), (185, 192, 205))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle([300, 40, 500, 450], 34, fill=(95, 70, 130), outline=(40, 30, 60), width=4)
    d.rounded_rectangle([312, 52, 488, 438], 26, fill=(20, 22, 30))
    for _ in range(5):  # a cracked screen
        x0, y0 = 400 + rng.randint(-20, 20), 180 + rng.randint(-20, 20)
        ang = rng.uniform(0, 2 * math.pi)
        pts = [(x0, y0)]
        for _ in range(4):
            ang += rng.uniform(-0.5, 0.5)
            x0, y0 = x0 + 35 * math.cos(ang), y0 + 35 * math.sin(ang)
            pts.append((max(314, min(486, x0)), max(54, min(436, y0))))
        d.line(pts, fill=(200, 210, 225), width=2)
    d.ellipse([392, 62, 408, 78], fill=(5, 5, 8))
    d.text((340, 400), 'SAMSUNG', font=_pil_font('b', 18), fill=(120, 125, 140))
    _ruler(d, 200, 485, 40, 10)
    _tag(d, 600, 60, 'VC-02')
    return img


def _photo_tool(seed: int) -> Image.Image:
    rng = random.Random(seed)
    w, h = 800, 540
    img = _backdrop(rng, w, h, (228, 226, 220), (200, 196, 188))
    d = ImageDraw.Draw(img)
    # a "vam phá khóa": T-bar handle with a hardened, filed tip
    d.rounded_rectangle([150, 150, 640, 180], 12, fill=(110, 112, 118), outline=(50, 50, 55), width=2)
    d.rounded_rectangle([370, 180, 402, 380], 8, fill=(140, 142, 148), outline=(50, 50, 55), width=2)
    d.polygon([(370, 380), (402, 380), (394, 430), (378, 430)], fill=(170, 172, 178), outline=(50, 50, 55))
    for k in range(6):
        d.line([380, 392 + k * 6, 392, 392 + k * 6], fill=(80, 80, 85))
    d.rectangle([160, 154, 260, 176], fill=(30, 30, 35))  # tape grip
    d.rectangle([530, 154, 630, 176], fill=(30, 30, 35))
    _ruler(d, 200, 470, 40, 10)
    _tag(d, 620, 290, 'VC-03')
    return img


def _jpeg(img: Image.Image, quality: int = 80) -> bytes:
    out = io.BytesIO()
    img.save(out, 'JPEG', quality=quality, optimize=True)
    return out.getvalue()


def _camera_frame(i: int, rng: random.Random, w: int = 320, h: int = 240, fps: int = 10) -> Image.Image:
    """Frame ``i`` of the CAM 02 recording."""
    font = _pil_font('b', 11)
    small = _pil_font('r', 10)
    img = Image.new('RGB', (w, h), (34, 38, 44))
    d = ImageDraw.Draw(img)
    d.polygon([(0, 150), (w, 130), (w, h), (0, h)], fill=(58, 58, 62))  # road
    d.rectangle([0, 60, 120, 148], fill=(70, 64, 58))  # house front
    d.rectangle([30, 85, 70, 148], fill=(25, 25, 28))  # door
    d.ellipse([95, 40, 125, 70], fill=(250, 230, 150))  # street lamp glow
    for k in range(0, w, 40):
        d.line([k, 200, k + 20, 198], fill=(200, 200, 190), width=2)
    # parked scooter, then ridden off
    t = max(0, i - 24)
    bx = 170 + t * 11
    d.ellipse([bx - 10, 160, bx + 6, 176], fill=(10, 10, 10))
    d.ellipse([bx + 36, 160, bx + 52, 176], fill=(10, 10, 10))
    d.polygon([(bx - 6, 162), (bx + 4, 145), (bx + 30, 145), (bx + 44, 132), (bx + 48, 162)],
              fill=(150, 20, 28))
    # the person: walks in from the left, crouches at the lock, rides away
    px = min(10 + i * 8, bx + 12) if i <= 24 else bx + 14
    crouch = 8 if 16 <= i <= 24 else 0
    d.ellipse([px - 6, 104 + crouch, px + 6, 116 + crouch], fill=(95, 95, 95))  # grey cap
    d.rectangle([px - 8, 116 + crouch, px + 8, 146], fill=(18, 18, 20))  # dark jacket
    d.line([px - 4, 146, px - 6 + (i % 4) * 2, 168], fill=(40, 40, 70), width=4)
    d.line([px + 4, 146, px + 6 - (i % 4) * 2, 168], fill=(40, 40, 70), width=4)
    for _ in range(60):  # sensor noise
        x, y = rng.randrange(w), rng.randrange(h)
        d.point((x, y), fill=(80, 80, 80))
    stamp = f'08-01-2026  22:14:{i // fps:02d}'
    d.rectangle([0, 0, w, 16], fill=(0, 0, 0))
    d.text((4, 1), stamp, font=font, fill=(255, 255, 255))
    d.text((w - 92, 1), 'CAM 02', font=font, fill=(255, 255, 255))
    d.text((4, h - 15), 'Tạp hóa số 20 Đội Cấn', font=small, fill=(255, 255, 255))
    return img


# ---------------------------------------------------------------------------------------------------------------
# The camera recording


def _write_video(path: Path) -> str:
    """Write the recording to ``path`` and return the codec used: ~4 s, 320x240 at 10 fps of a street camera
    where someone walks to a parked scooter and rides it away."""
    import av

    # VP8 in WebM: browsers play it, and unlike libx264 (whose output varied between runs in one process here)
    # it encodes bit-for-bit repeatably with one thread. MPEG-4 part 2 is the fallback.
    codec, fmt = ('libvpx', 'webm') if 'libvpx' in av.codecs_available else ('mpeg4', 'mp4')
    w, h, fps, n = 320, 240, 10, 40
    rng = random.Random(173)
    with av.open(str(path), mode='w', format=fmt, container_options={'fflags': '+bitexact'}) as container:
        stream = container.add_stream(codec, rate=fps)
        stream.width, stream.height, stream.pix_fmt = w, h, 'yuv420p'
        stream.codec_context.time_base = Fraction(1, fps)
        stream.codec_context.thread_count = 1
        stream.options = {'threads': '1', 'crf': '10', 'b': '300k'} if codec == 'libvpx' else {'qscale': '4'}
        stream.codec_context.flags |= av.codec.context.Flags.bitexact
        for i in range(n):
            img = _camera_frame(i, rng)
            frame = av.VideoFrame.from_image(img).reformat(format='yuv420p')
            frame.pts = i
            frame.time_base = Fraction(1, fps)
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return codec


# ---------------------------------------------------------------------------------------------------------------
# The documents

_NATION = ['**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**', '**Độc lập - Tự do - Hạnh phúc**', '--- 168']
_CQDT = ['CÔNG AN QUẬN BA ĐÌNH', '**CƠ QUAN CẢNH SÁT ĐIỀU TRA**', '---']
_VKS = ['VIỆN KSND THÀNH PHỐ HÀ NỘI', '**VIỆN KIỂM SÁT NHÂN DÂN**', '**QUẬN BA ĐÌNH**', '---']
_TOA = ['TÒA ÁN NHÂN DÂN', '**QUẬN BA ĐÌNH**', '**THÀNH PHỐ HÀ NỘI**', '---']

_DEFENDANT_BIO = (
    '**Nguyễn Văn Hải**, sinh ngày 14 tháng 5 năm 1995 tại tỉnh Hà Nam; nơi thường trú: xóm 4, xã Thanh Hà, '
    'tỉnh Hà Nam; chỗ ở hiện nay: phòng 204 nhà số 18 ngõ 158 phố Ngọc Hà, phường Đội Cấn, quận Ba Đình, '
    'thành phố Hà Nội; nghề nghiệp: lao động tự do; trình độ văn hóa: 9/12; dân tộc: Kinh; giới tính: nam; '
    'tôn giáo: không; quốc tịch: Việt Nam; con ông Nguyễn Văn Tư và bà Đặng Thị Hoa; chưa có vợ, con.'
)
_RECORD = (
    'Tiền án: không. Tiền sự: ngày 12/6/2025 bị Trưởng Công an phường Kim Mã xử phạt vi phạm hành chính '
    '1.500.000 đồng về hành vi trộm cắp tài sản (đã nộp phạt). Bị bắt tạm giữ từ ngày 10/01/2026, chuyển tạm '
    'giam từ ngày 19/01/2026 đến nay tại Trại tạm giam số 1 Công an thành phố Hà Nội.'
)

_RIGHTS = {
    'bị can': (
        'Điều tra viên đã giải thích cho bị can quyền và nghĩa vụ theo Điều 60 Bộ luật Tố tụng hình sự: được '
        'biết lý do mình bị khởi tố; được thông báo, giải thích về quyền và nghĩa vụ; trình bày lời khai, trình '
        'bày ý kiến, không buộc phải đưa ra lời khai chống lại chính mình hoặc buộc phải thừa nhận mình có tội; '
        'đưa ra chứng cứ, tài liệu, đồ vật, yêu cầu; tự bào chữa, nhờ người bào chữa; đọc, ghi chép bản sao tài '
        'liệu hoặc tài liệu đã được số hóa liên quan đến việc buộc tội khi kết thúc điều tra. Bị can có nghĩa '
        'vụ có mặt theo giấy triệu tập và chấp hành quyết định, yêu cầu của cơ quan, người có thẩm quyền.'
    ),
    'bị hại': (
        'Điều tra viên đã giải thích cho bị hại quyền và nghĩa vụ theo Điều 62 Bộ luật Tố tụng hình sự: được '
        'thông báo, giải thích về quyền và nghĩa vụ; đưa ra chứng cứ, tài liệu, đồ vật, yêu cầu; đề nghị mức bồi '
        'thường và các biện pháp bảo đảm bồi thường; được thông báo kết quả điều tra, giải quyết vụ án; tham gia '
        'phiên tòa, trình bày ý kiến, đề nghị Chủ tọa phiên tòa hỏi người tham gia phiên tòa. Bị hại có nghĩa '
        'vụ có mặt theo giấy triệu tập và trình bày trung thực những tình tiết liên quan đến vụ án.'
    ),
    'người làm chứng': (
        'Điều tra viên đã giải thích cho người làm chứng quyền và nghĩa vụ theo Điều 66 Bộ luật Tố tụng hình '
        'sự: được yêu cầu cơ quan triệu tập bảo vệ tính mạng, sức khỏe, danh dự, nhân phẩm, tài sản và quyền, lợi '
        'ích hợp pháp khác khi tham gia tố tụng; được thanh toán chi phí đi lại theo quy định. Người làm chứng có '
        'nghĩa vụ có mặt theo giấy triệu tập, trình bày trung thực những tình tiết mà mình biết về vụ án; nếu từ '
        'chối khai báo hoặc khai báo gian dối thì phải chịu trách nhiệm hình sự theo Điều 382 và Điều 383 Bộ luật '
        'Hình sự.'
    ),
}


def _statement(pdf: _Pdf, *, title: str, number: str, date: tuple[int, int, int], start: str, end: str,
               place: str, officer: str, recorder: str, role: str, person: str, details: str,
               qas: list[tuple[str, str]], bookmark: str | None = None, counsel: str | None = None) -> None:
    """One biên bản ghi lời khai / hỏi cung: procedure, the questions and answers, signatures."""
    if bookmark:
        pdf.bookmark(bookmark)
    if pdf.page is None or pdf.y > _TOP + 10:
        pdf.new_page()
    d, m, y = date
    pdf.header(_CQDT + [f'Số: {number}'], _NATION)
    pdf.center(title, size=15, after=2)
    pdf.center(f'(Ghi lời khai {role})' if 'HỎI CUNG' not in title else '(Lần hỏi cung bị can)', size=11,
               style='i', after=10)
    pdf.para(f'Hồi {start} ngày {d:02d} tháng {m:02d} năm {y}, tại {place}.')
    pdf.para('Chúng tôi gồm:', after=1)
    pdf.para(f'Ông {officer} — Điều tra viên, Cơ quan Cảnh sát điều tra Công an quận Ba Đình;', left=14, indent=0,
             after=1)
    pdf.para(f'Ông {recorder} — Cán bộ điều tra, người ghi biên bản;', left=14, indent=0, after=1)
    if counsel:
        pdf.para(f'Với sự tham gia của {counsel} — người bào chữa cho bị can;', left=14, indent=0, after=1)
    pdf.para(f'Tiến hành ghi lời khai của {role}: {details}', before=3)
    pdf.para(_RIGHTS[role])
    pdf.para(f'{person} xác nhận đã được giải thích, hiểu rõ quyền và nghĩa vụ của mình và cam đoan khai báo đúng '
             'sự thật.', after=8)
    pdf.center('NỘI DUNG LỜI KHAI', size=12, after=6)
    for q, a in qas:
        pdf.qa(q, a)
    pdf.para(f'Việc ghi lời khai kết thúc hồi {end} cùng ngày. Biên bản đã được đọc lại cho người khai nghe, '
             'người khai công nhận đúng, không bổ sung, sửa chữa gì và cùng ký tên dưới đây.', before=4, after=14)
    pdf.signatures([
        ['**NGƯỜI KHAI**', '__(Ký, ghi rõ họ tên)__', '~', '', f'**{person}**'],
        ['**NGƯỜI GHI BIÊN BẢN**', '__(Ký, ghi rõ họ tên)__', '~', '', f'**{recorder}**'],
        ['**ĐIỀU TRA VIÊN**', '__(Ký, ghi rõ họ tên)__', '~', '', f'**{officer}**'],
    ])


_FACTS = (
    'Khoảng 22 giờ 10 phút ngày 08/01/2026, chị Trần Thị Mai (sinh năm 1990, trú tại số 15 phố Đội Cấn, '
    'phường Đội Cấn, quận Ba Đình) đi làm về, dựng xe mô tô nhãn hiệu Honda Air Blade 125, màu đỏ đen, biển '
    'kiểm soát 29B1-123.45 trên vỉa hè trước cửa nhà, khóa cổ xe rồi vào nhà. Trong cốp xe có một điện thoại '
    'di động Samsung Galaxy A54 màu tím, chị Mai để quên chưa lấy ra.',
    'Cùng thời điểm này, Nguyễn Văn Hải đi bộ từ phòng trọ tại ngõ 158 phố Ngọc Hà ra phố Đội Cấn với mục '
    'đích tìm tài sản sơ hở để trộm cắp. Trong túi áo khoác, Hải mang theo một chiếc vam phá khóa bằng kim '
    'loại hình chữ T, dài khoảng 12 cm, do Hải tự mua trên mạng xã hội từ tháng 11/2025. Khi đi qua trước nhà '
    'số 15, Hải quan sát thấy chiếc xe mô tô của chị Mai không có người trông giữ nên nảy sinh ý định trộm cắp.',
    'Hải đứng quan sát xung quanh khoảng 3 phút, sau đó tiến lại gần xe, dùng vam phá khóa cắm vào ổ khóa '
    'điện, vặn mạnh làm hỏng ổ khóa rồi bẻ khóa cổ xe. Đến 22 giờ 14 phút, Hải nổ máy, điều khiển xe đi theo '
    'hướng phố Liễu Giai về phòng trọ. Toàn bộ diễn biến được camera an ninh lắp tại cửa hàng tạp hóa số 20 '
    'phố Đội Cấn (đối diện nhà chị Mai) ghi lại.',
    'Về đến phòng trọ, Hải mở cốp xe, phát hiện chiếc điện thoại di động nên cất giấu để bán lấy tiền. Hải '
    'tháo biển kiểm soát của xe, cất trong gầm giường, dùng tấm bạt che xe tại khu để xe chung của nhà trọ.',
    'Khoảng 22 giờ 40 phút cùng ngày, chị Mai phát hiện bị mất xe nên đến Công an phường Đội Cấn trình báo. '
    'Qua trích xuất dữ liệu camera an ninh và xác minh, Cơ quan điều tra xác định đối tượng có nhiều đặc '
    'điểm trùng khớp với Nguyễn Văn Hải. Ngày 10/01/2026, Hải bị giữ người trong trường hợp khẩn cấp tại phòng '
    'trọ. Tại cơ quan điều tra, Hải đã khai nhận toàn bộ hành vi phạm tội như trên.',
    'Cơ quan Cảnh sát điều tra đã thu giữ: 01 xe mô tô Honda Air Blade 125 màu đỏ đen, biển kiểm soát '
    '29B1-123.45 (ổ khóa điện bị phá hỏng); 01 điện thoại di động Samsung Galaxy A54 màu tím (màn hình bị nứt); '
    '01 vam phá khóa bằng kim loại hình chữ T; 01 áo khoác màu đen và 01 mũ lưỡi trai màu ghi của Hải; 01 thiết '
    'bị lưu trữ (USB) chứa dữ liệu trích xuất từ camera an ninh.',
)


def _doc_indictment(pdf: _Pdf) -> None:
    pdf.new_page()
    pdf.header(_VKS + [f'Số: {DEMO_CASE["indictment_number"]}'], _NATION + ['__Ba Đình, ngày 20 tháng 3 năm 2026__'])
    pdf.center('CÁO TRẠNG', size=18, after=0)
    pdf.center('Truy tố bị can ra trước Tòa án để xét xử', size=12, style='i', after=2)
    pdf.center('VIỆN TRƯỞNG VIỆN KIỂM SÁT NHÂN DÂN QUẬN BA ĐÌNH', size=12, after=10)
    for basis in (
        'Căn cứ Điều 41, Điều 236 và Điều 243 Bộ luật Tố tụng hình sự năm 2015;',
        'Căn cứ Quyết định khởi tố vụ án hình sự số 09/QĐ-ĐCS ngày 10/01/2026 của Cơ quan Cảnh sát điều tra '
        'Công an quận Ba Đình về tội "Trộm cắp tài sản" quy định tại khoản 1 Điều 173 Bộ luật Hình sự;',
        'Căn cứ Quyết định khởi tố bị can số 11/QĐ-ĐCS ngày 10/01/2026 đối với Nguyễn Văn Hải, đã được Viện kiểm '
        'sát nhân dân quận Ba Đình phê chuẩn;',
        'Căn cứ Bản kết luận điều tra vụ án hình sự đề nghị truy tố số 31/KLĐT-ĐCS ngày 06/3/2026 của Cơ quan '
        'Cảnh sát điều tra Công an quận Ba Đình.',
    ):
        pdf.para(f'__{basis}__', after=2)
    pdf.bookmark('I. Nội dung vụ án')
    pdf.center('I. NỘI DUNG VỤ ÁN', before=8, after=6)
    for text in _FACTS:
        pdf.para(text)
    pdf.bookmark('II. Chứng cứ xác định hành vi phạm tội')
    pdf.center('II. CHỨNG CỨ XÁC ĐỊNH HÀNH VI PHẠM TỘI', before=8, after=6)
    for text in (
        'Tại Kết luận định giá tài sản số 12/KL-HĐĐG ngày 20/01/2026, Hội đồng định giá tài sản trong tố tụng hình '
        'sự quận Ba Đình kết luận: xe mô tô Honda Air Blade 125 sản xuất năm 2022 có giá trị 32.500.000 đồng; điện '
        'thoại di động Samsung Galaxy A54 có giá trị 5.200.000 đồng. Tổng giá trị tài sản bị chiếm đoạt là '
        '37.700.000 đồng.',
        'Tại Kết luận giám định số 235/KL-KTHS ngày 28/01/2026, Phòng Kỹ thuật hình sự Công an thành phố Hà Nội '
        'kết luận: số khung, số máy của xe mô tô là nguyên thủy, không bị đục sửa; dấu vết trên ổ khóa điện được '
        'tạo ra bởi vật có đặc điểm phù hợp với chiếc vam phá khóa thu giữ của Hải; dữ liệu camera không có dấu '
        'hiệu cắt ghép, chỉnh sửa.',
        'Hành vi phạm tội của bị can Nguyễn Văn Hải được chứng minh bằng: lời khai nhận tội của bị can tại các biên '
        'bản hỏi cung (bút lục tương ứng trong mục lục hồ sơ); lời khai của bị hại Trần Thị Mai; lời khai của người '
        'làm chứng Lê Văn Bình và Phạm Thu Hà; biên bản khám nghiệm hiện trường; biên bản thu giữ vật chứng; bản '
        'ảnh vật chứng; dữ liệu điện tử trích xuất từ camera an ninh; kết luận định giá tài sản và kết luận giám '
        'định. Các chứng cứ trên phù hợp với nhau về thời gian, địa điểm, phương thức thực hiện hành vi phạm tội.',
        'Như vậy, có đủ căn cứ kết luận: khoảng 22 giờ 14 phút ngày 08/01/2026, tại vỉa hè trước nhà số 15 phố Đội '
        'Cấn, phường Đội Cấn, quận Ba Đình, thành phố Hà Nội, Nguyễn Văn Hải đã có hành vi lén lút chiếm đoạt 01 xe '
        'mô tô và 01 điện thoại di động của chị Trần Thị Mai, tổng trị giá 37.700.000 đồng.',
    ):
        pdf.para(text)
    pdf.bookmark('III. Vật chứng, trách nhiệm dân sự, nhân thân')
    pdf.center('III. VẬT CHỨNG, TRÁCH NHIỆM DÂN SỰ VÀ NHÂN THÂN BỊ CAN', before=8, after=6)
    for text in (
        'Về vật chứng: Cơ quan điều tra đã trả lại cho chị Trần Thị Mai 01 xe mô tô và 01 điện thoại di động nêu '
        'trên theo Quyết định xử lý vật chứng số 04/QĐ-ĐCS ngày 25/01/2026. Đối với 01 vam phá khóa, 01 áo khoác và '
        '01 mũ lưỡi trai hiện đang được bảo quản tại Chi cục Thi hành án dân sự quận Ba Đình; 01 USB chứa dữ liệu '
        'camera được lưu trong hồ sơ vụ án.',
        'Về trách nhiệm dân sự: chị Trần Thị Mai đã nhận lại tài sản, yêu cầu bị can bồi thường chi phí sửa chữa ổ '
        'khóa điện và thay màn hình điện thoại là 2.850.000 đồng. Gia đình bị can đã bồi thường đủ số tiền này cho '
        'chị Mai ngày 14/02/2026; chị Mai có đơn xin giảm nhẹ hình phạt cho bị can.',
        f'Về nhân thân bị can: {_DEFENDANT_BIO} {_RECORD}',
        'Tình tiết giảm nhẹ: bị can thành khẩn khai báo, ăn năn hối cải; đã tác động gia đình bồi thường thiệt hại; '
        'bị hại có đơn xin giảm nhẹ hình phạt (điểm b, điểm s khoản 1, khoản 2 Điều 51 Bộ luật Hình sự). Tình tiết '
        'tăng nặng: không.',
    ):
        pdf.para(text)
    pdf.bookmark('IV. Kết luận và quyết định truy tố')
    pdf.center('IV. KẾT LUẬN', before=8, after=6)
    pdf.para('Hành vi nêu trên của bị can Nguyễn Văn Hải đã phạm vào tội "Trộm cắp tài sản", tội phạm và hình phạt '
             'được quy định tại **khoản 1 Điều 173 Bộ luật Hình sự năm 2015 (sửa đổi, bổ sung năm 2017)**, có khung '
             'hình phạt cải tạo không giam giữ đến 03 năm hoặc phạt tù từ 06 tháng đến 03 năm.')
    pdf.center('QUYẾT ĐỊNH', size=13, before=6, after=6)
    pdf.para('**Truy tố** ra trước Tòa án nhân dân quận Ba Đình, thành phố Hà Nội để xét xử sơ thẩm bị can: '
             f'{_DEFENDANT_BIO}')
    pdf.para('Về tội "Trộm cắp tài sản" theo khoản 1 Điều 173 Bộ luật Hình sự.')
    pdf.para('**Kèm theo cáo trạng:** hồ sơ vụ án gồm 01 tập, được đánh số bút lục liên tục; danh sách những người '
             'cần triệu tập đến phiên tòa: bị cáo Nguyễn Văn Hải; bị hại Trần Thị Mai; người làm chứng Lê Văn Bình '
             'và Phạm Thu Hà; người bào chữa: Luật sư Bùi Quang Huy, Đoàn Luật sư thành phố Hà Nội.', after=14)
    pdf.signatures([
        ['**Nơi nhận:**', '- TAND quận Ba Đình;', '- VKSND TP Hà Nội;', '- CQCSĐT CA quận Ba Đình;',
         '- Bị can; Lưu: HSVA, VP.'],
        ['**KT. VIỆN TRƯỞNG**', '**PHÓ VIỆN TRƯỞNG**', '~', '', '', '**Trần Minh Quang**'],
    ], seal=1)


def _doc_trial_decision(pdf: _Pdf) -> None:
    pdf.new_page()
    c = DEMO_CASE
    pdf.header(_TOA + [f'Số: {c["trial_decision_number"]}'], _NATION + ['__Ba Đình, ngày 02 tháng 4 năm 2026__'])
    pdf.center('QUYẾT ĐỊNH', size=16, after=0)
    pdf.center('ĐƯA VỤ ÁN RA XÉT XỬ', size=14, after=8)
    pdf.center('TÒA ÁN NHÂN DÂN QUẬN BA ĐÌNH, THÀNH PHỐ HÀ NỘI', size=12, after=8)
    for basis in (
        'Căn cứ các điều 45, 254, 255, 277 và 286 Bộ luật Tố tụng hình sự;',
        'Căn cứ Nghị quyết số 33/2021/QH15 ngày 12/11/2021 của Quốc hội về tổ chức phiên tòa trực tuyến;',
        f'Sau khi nghiên cứu hồ sơ vụ án hình sự sơ thẩm thụ lý số {c["case_number"]} ngày 25 tháng 3 năm 2026,',
    ):
        pdf.para(f'__{basis}__', after=2)
    pdf.center('QUYẾT ĐỊNH:', size=12, before=6, after=6)
    pdf.para('**1. Đưa ra xét xử sơ thẩm** vụ án hình sự đối với bị cáo: Nguyễn Văn Hải, sinh năm 1995; bị Viện '
             f'kiểm sát nhân dân quận Ba Đình truy tố về tội "Trộm cắp tài sản" theo khoản 1 Điều 173 Bộ luật Hình '
             f'sự tại Cáo trạng số {c["indictment_number"]} ngày 20/3/2026.')
    pdf.para('**2. Thời gian mở phiên tòa:** 08 giờ 00 phút ngày 15 tháng 4 năm 2026. **Địa điểm:** trụ sở Tòa án '
             'nhân dân quận Ba Đình (điểm cầu trung tâm) và điểm cầu thành phần tại Trại tạm giam số 1 Công an thành '
             'phố Hà Nội. Vụ án được xét xử **công khai**, theo hình thức **trực tuyến**.')
    pdf.para('**3. Thành phần Hội đồng xét xử gồm:**', after=2)
    panel = c['trial_panel']
    for line in (
        f'Thẩm phán - Chủ tọa phiên tòa: Bà {panel["presiding_judge"]};',
        f'Các Hội thẩm nhân dân: Ông {panel["assessors"][0]} và Bà {panel["assessors"][1]};',
        f'Thư ký phiên tòa: Ông {panel["clerk"]} — Thư ký Tòa án nhân dân quận Ba Đình;',
        f'Kiểm sát viên: Bà {c["procurator"]} — Viện kiểm sát nhân dân quận Ba Đình.',
    ):
        pdf.para(line, left=20, indent=0, after=1)
    pdf.para('**4. Những người tham gia tố tụng được triệu tập:** bị cáo Nguyễn Văn Hải (đang bị tạm giam, tham gia '
             'tại điểm cầu thành phần); người bào chữa: Luật sư Bùi Quang Huy; bị hại: chị Trần Thị Mai; người làm '
             'chứng: anh Lê Văn Bình, chị Phạm Thu Hà.', before=4)
    pdf.para('**5. Vật chứng cần đưa ra xem xét tại phiên tòa:** 01 vam phá khóa; 01 áo khoác màu đen; 01 mũ lưỡi '
             'trai màu ghi; dữ liệu điện tử trích xuất từ camera an ninh (lưu trong USB); bản ảnh vật chứng đã trả '
             'cho bị hại.')
    pdf.para('**6. Tiếp tục tạm giam bị cáo** để bảo đảm cho việc xét xử theo Quyết định tạm giam số '
             '41/2026/HSST-QĐTG ngày 02/4/2026.', after=14)
    pdf.signatures([
        ['**Nơi nhận:**', '- VKSND quận Ba Đình;', '- Bị cáo; người bào chữa;', '- Trại tạm giam số 1;',
         '- Lưu: HSVA.'],
        ['**THẨM PHÁN - CHỦ TỌA PHIÊN TÒA**', '~', '', '', f'**{panel["presiding_judge"]}**'],
    ], seal=1)


_OFFICER, _RECORDER = 'Đinh Quốc Khánh', 'Mai Xuân Trường'
_ROOM = 'phòng làm việc Cơ quan Cảnh sát điều tra Công an quận Ba Đình, số 5 phố Liễu Giai, Hà Nội'


def _doc_defendant(pdf: _Pdf) -> int:
    """Two interrogations of the defendant; returns how many pages the first one took."""
    _statement(pdf, title='BIÊN BẢN HỎI CUNG BỊ CAN', number='15/BB-ĐCS', date=(10, 1, 2026), start='14 giờ 30 phút',
               end='16 giờ 45 phút', place=_ROOM, officer=_OFFICER, recorder=_RECORDER, role='bị can',
               person='Nguyễn Văn Hải', details=_DEFENDANT_BIO, bookmark='Hỏi cung lần 1 — ngày 10/01/2026', qas=[
        ('Anh cho biết anh đã từng bị xử lý vi phạm pháp luật lần nào chưa?',
         'Tháng 6 năm 2025 tôi bị Công an phường Kim Mã xử phạt hành chính 1.500.000 đồng vì lấy trộm một chiếc '
         'điện thoại ở quán cà phê. Tôi đã nộp phạt. Ngoài ra tôi chưa bị xử lý lần nào khác.'),
        ('Anh hãy trình bày công việc và thu nhập của anh trong thời gian gần đây?',
         'Từ tháng 9 năm 2025 tôi làm phụ hồ theo ngày cho các công trình ở khu vực Cầu Giấy, mỗi ngày được khoảng '
         '300.000 đồng nhưng công việc không đều. Từ cuối tháng 12 năm 2025 tôi không có việc làm, còn nợ tiền '
         'thuê trọ hai tháng.'),
        ('Tối ngày 08/01/2026 anh ở đâu, làm gì?',
         'Khoảng 21 giờ 30 phút tối ngày 08/01/2026 tôi ở phòng trọ số 204 nhà số 18 ngõ 158 phố Ngọc Hà. Do '
         'không có tiền tiêu xài và trả tiền trọ nên tôi nảy sinh ý định đi tìm xe máy sơ hở để trộm bán lấy '
         'tiền. Tôi mặc áo khoác màu đen, đội mũ lưỡi trai màu ghi, mang theo chiếc vam phá khóa rồi đi bộ ra phố '
         'Đội Cấn.'),
        ('Chiếc vam phá khóa anh có từ đâu, có đặc điểm như thế nào?',
         'Tôi mua chiếc vam của một người bán trên mạng xã hội vào khoảng tháng 11 năm 2025 với giá 350.000 đồng, '
         'nhận hàng qua bưu điện. Vam bằng kim loại màu trắng bạc, hình chữ T, dài khoảng 12 cm, đầu vam được mài '
         'dẹt. Tôi quấn băng dính đen ở hai đầu tay cầm cho đỡ trơn.'),
        ('Anh hãy trình bày cụ thể diễn biến việc anh lấy chiếc xe mô tô?',
         'Khoảng 22 giờ 10 phút, khi đi qua trước nhà số 15 phố Đội Cấn, tôi thấy một chiếc xe Honda Air Blade màu '
         'đỏ đen dựng trên vỉa hè, không có người trông. Tôi đứng ở gốc cây bên kia đường quan sát khoảng ba phút, '
         'thấy không có ai để ý thì đi lại gần xe, ngồi xuống cạnh xe, cắm vam vào ổ khóa điện, vặn mạnh mấy lần '
         'thì ổ khóa bung ra. Tôi bẻ mạnh tay lái để phá khóa cổ, rồi vặn ổ khóa sang vị trí ON, đạp nổ máy và '
         'điều khiển xe đi về hướng phố Liễu Giai, vòng qua phố Văn Cao về phòng trọ.'),
        ('Trong thời gian anh phá khóa có ai nhìn thấy hoặc hô hoán không?',
         'Tôi không để ý. Lúc tôi nổ máy có một người đàn ông mặc đồng phục bảo vệ đứng ở cổng tòa nhà bên cạnh '
         'nhìn về phía tôi, nhưng không hô gì nên tôi đi luôn.'),
        ('Khi về đến phòng trọ anh đã làm gì với chiếc xe?',
         'Tôi dắt xe vào khu để xe chung ở tầng một nhà trọ, dùng tấm bạt cũ che lại. Tôi dùng tua vít tháo biển '
         'kiểm soát cất vào gầm giường trong phòng. Tôi mở cốp xe thì thấy một chiếc điện thoại Samsung màu tím nên '
         'cầm lên phòng, tắt nguồn rồi cất vào ba lô.'),
        ('Anh định xử lý chiếc xe và chiếc điện thoại như thế nào?',
         'Tôi định vài ngày sau mang xe lên khu vực chợ xe cũ để bán, còn điện thoại thì mang ra cửa hàng sửa điện '
         'thoại bán lấy tiền trả tiền trọ và tiêu xài cá nhân. Tôi chưa kịp bán thì bị Công an mời về làm việc.'),
        ('Cơ quan điều tra cho anh xem các ảnh chụp từ dữ liệu camera an ninh ghi lúc 22 giờ 14 phút ngày '
         '08/01/2026 tại số 20 phố Đội Cấn. Anh có nhận ra người trong ảnh không?',
         'Người mặc áo khoác đen, đội mũ lưỡi trai màu ghi, đang ngồi cạnh xe máy trong ảnh chính là tôi. Chiếc xe '
         'trong ảnh là chiếc xe tôi lấy trộm tối hôm đó.'),
        ('Ngoài anh ra, còn ai cùng tham gia hoặc biết việc anh trộm cắp tài sản không?',
         'Tôi thực hiện một mình, không bàn bạc với ai. Những người ở cùng nhà trọ không biết chiếc xe là do tôi '
         'trộm cắp mà có.'),
        ('Anh còn khai báo thêm gì không?',
         'Tôi đã khai đúng sự thật. Tôi biết hành vi của mình là vi phạm pháp luật, tôi rất ân hận và xin được '
         'hưởng sự khoan hồng của pháp luật. Tôi mong được gặp gia đình để bồi thường cho người bị hại.'),
    ])
    first_pages = pdf.doc.page_count
    pdf.page_break()  # the second interrogation starts on a new page
    _statement(pdf, title='BIÊN BẢN HỎI CUNG BỊ CAN', number='27/BB-ĐCS', date=(21, 1, 2026), start='09 giờ 00 phút',
               end='10 giờ 50 phút', place='phòng hỏi cung Trại tạm giam số 1 Công an thành phố Hà Nội',
               officer=_OFFICER, recorder=_RECORDER, role='bị can', person='Nguyễn Văn Hải', details=_DEFENDANT_BIO,
               counsel='Luật sư Bùi Quang Huy, Đoàn Luật sư thành phố Hà Nội',
               bookmark='Hỏi cung lần 2 — ngày 21/01/2026', qas=[
        ('Lời khai của anh tại biên bản hỏi cung ngày 10/01/2026 có đúng không? Anh có thay đổi hoặc bổ sung gì '
         'không?',
         'Lời khai của tôi ngày 10/01/2026 là đúng sự thật, tôi giữ nguyên lời khai đó và không bổ sung gì.'),
        ('Cơ quan điều tra cho anh xem 01 vam phá khóa bằng kim loại hình chữ T thu giữ trong ba lô tại phòng trọ '
         'của anh. Anh có nhận ra không?',
         'Đây đúng là chiếc vam tôi đã dùng để phá ổ khóa điện chiếc xe Honda Air Blade tối ngày 08/01/2026. Băng '
         'dính đen ở tay cầm là do tôi quấn.'),
        ('Cơ quan điều tra cho anh xem 01 áo khoác màu đen và 01 mũ lưỡi trai màu ghi. Đây có phải đồ của anh '
         'không?',
         'Đúng là áo khoác và mũ của tôi, tối hôm đó tôi mặc khi đi trộm xe.'),
        ('Trước khi lấy chiếc xe của chị Mai, anh đã từng dùng chiếc vam này để trộm cắp tài sản ở nơi khác chưa?',
         'Tôi mua vam từ tháng 11 năm 2025 nhưng đây là lần đầu tiên tôi sử dụng. Trước đó tôi có đi xem nhưng '
         'chưa dám lấy xe của ai.'),
        ('Anh có biết giá trị của chiếc xe và chiếc điện thoại anh đã chiếm đoạt không?',
         'Tôi không biết chính xác, tôi nghĩ chiếc xe khoảng hơn 30 triệu đồng, điện thoại khoảng 5 triệu đồng. Tôi '
         'đã được nghe Kết luận định giá tài sản là 37.700.000 đồng và tôi không có ý kiến gì.'),
        ('Anh có đề nghị gì về việc bồi thường thiệt hại cho bị hại không?',
         'Tôi đã nhắn gia đình ở quê thu xếp tiền để bồi thường chi phí sửa chữa ổ khóa xe và màn hình điện thoại '
         'cho chị Mai. Tôi xin lỗi chị Mai về việc làm sai trái của mình.'),
        ('Người bào chữa có hỏi bị can thêm nội dung gì không?',
         'Luật sư Bùi Quang Huy hỏi: "Khi bị mời về trụ sở Công an ngày 10/01/2026, anh có tự nguyện khai nhận và '
         'chỉ nơi cất giấu tài sản không?" Tôi trả lời: tôi đã tự nguyện khai nhận ngay và dẫn cán bộ về phòng trọ '
         'chỉ chỗ để xe, biển số và điện thoại.'),
        ('Anh có bị ép buộc, đánh đập hay mớm cung trong quá trình làm việc không?',
         'Không. Tôi được đối xử đúng quy định, tôi tự nguyện khai báo.'),
    ])
    return first_pages


def _doc_victim(pdf: _Pdf) -> None:
    bio = ('**Trần Thị Mai**, sinh năm 1990; nơi cư trú: số 15 phố Đội Cấn, phường Đội Cấn, quận Ba Đình, thành '
           'phố Hà Nội; nghề nghiệp: nhân viên văn phòng; số định danh cá nhân: 001190xxxxxx; số điện thoại liên '
           'hệ: 09xx xxx 315.')
    _statement(pdf, title='BIÊN BẢN GHI LỜI KHAI', number='03/BB-ĐCS', date=(9, 1, 2026), start='08 giờ 30 phút',
               end='10 giờ 05 phút', place=_ROOM, officer=_OFFICER, recorder=_RECORDER, role='bị hại',
               person='Trần Thị Mai', details=bio, qas=[
        ('Chị hãy trình bày sự việc chị bị mất tài sản vào tối ngày 08/01/2026?',
         'Khoảng 22 giờ 10 phút ngày 08/01/2026, tôi đi làm về, dựng chiếc xe mô tô Honda Air Blade màu đỏ đen, '
         'biển kiểm soát 29B1-123.45 trên vỉa hè trước cửa nhà số 15 phố Đội Cấn. Tôi khóa cổ xe, rút chìa khóa '
         'rồi vào nhà lấy đồ để chuẩn bị dắt xe vào. Khoảng 22 giờ 40 phút tôi ra thì không thấy xe đâu nữa.'),
        ('Chiếc xe mô tô đó là của ai, chị mua khi nào, giá bao nhiêu?',
         'Chiếc xe do tôi đứng tên đăng ký, mua mới tại cửa hàng Honda trên phố Kim Mã vào tháng 3 năm 2022 với '
         'giá 45.500.000 đồng. Tôi vẫn giữ giấy đăng ký xe và hóa đơn mua xe, đã nộp bản sao cho Cơ quan điều tra.'),
        ('Ngoài chiếc xe, chị còn bị mất tài sản gì khác không?',
         'Trong cốp xe có chiếc điện thoại di động Samsung Galaxy A54 màu tím, loại 128 GB, tôi mua tháng 8 năm '
         '2023 với giá 8.990.000 đồng. Tối hôm đó tôi để quên điện thoại trong cốp. Trong cốp còn có một chiếc áo '
         'mưa và một túi giấy tờ công việc.'),
        ('Chiếc xe của chị có đặc điểm gì để nhận dạng?',
         'Xe màu đỏ đen, ở yếm trước bên phải có một vết xước dài khoảng 5 cm do tôi va quẹt từ năm ngoái. Móc treo '
         'đồ phía trước có buộc một sợi dây chun màu xanh. Tay lái bên trái có dán một miếng đề can hình con mèo.'),
        ('Sau khi phát hiện mất xe, chị đã làm gì?',
         'Tôi hỏi những người xung quanh thì anh Bình là bảo vệ tòa nhà bên cạnh nói có thấy một người đàn ông '
         'mặc áo khoác đen đi xe giống xe của tôi về hướng Liễu Giai. Tôi gọi điện vào số điện thoại của mình '
         'nhưng không liên lạc được. Sau đó tôi đến Công an phường Đội Cấn trình báo.'),
        ('Chị có biết ai là người đã lấy tài sản của chị không?',
         'Tôi không biết. Ngày 10/01/2026 Cơ quan điều tra thông báo đã xác định được người lấy trộm xe là Nguyễn '
         'Văn Hải, tôi không quen biết người này.'),
        ('Cửa hàng đối diện nhà chị có lắp camera không?',
         'Cửa hàng tạp hóa của chị Hà ở số 20 phố Đội Cấn có lắp camera quay ra đường. Tối hôm đó tôi có nhờ chị Hà '
         'cho xem lại camera thì thấy có người ngồi cạnh xe của tôi rồi đi xe đi lúc 22 giờ 14 phút.'),
        ('Chị có yêu cầu gì về trách nhiệm dân sự?',
         'Tôi đề nghị được nhận lại xe và điện thoại. Nếu tài sản bị hư hỏng thì tôi yêu cầu người gây ra phải bồi '
         'thường chi phí sửa chữa.'),
    ])


def _doc_witness_binh(pdf: _Pdf) -> None:
    bio = ('**Lê Văn Bình**, sinh năm 1978; nơi cư trú: số 6 ngõ 95 phố Vĩnh Phúc, quận Ba Đình, thành phố Hà Nội; '
           'nghề nghiệp: nhân viên bảo vệ tòa nhà văn phòng số 17 phố Đội Cấn.')
    _statement(pdf, title='BIÊN BẢN GHI LỜI KHAI', number='05/BB-ĐCS', date=(9, 1, 2026), start='14 giờ 00 phút',
               end='15 giờ 10 phút', place=_ROOM, officer=_OFFICER, recorder=_RECORDER, role='người làm chứng',
               person='Lê Văn Bình', details=bio, qas=[
        ('Tối ngày 08/01/2026 anh làm nhiệm vụ ở đâu, từ mấy giờ?',
         'Tôi trực ca tối tại cổng tòa nhà số 17 phố Đội Cấn, từ 18 giờ 00 ngày 08/01/2026 đến 06 giờ 00 sáng hôm '
         'sau. Vị trí chốt bảo vệ cách nhà số 15 khoảng 8 mét.'),
        ('Khoảng 22 giờ ngày 08/01/2026 anh có thấy sự việc gì bất thường không?',
         'Khoảng hơn 22 giờ, tôi thấy một người đàn ông đứng ở gốc cây bên kia đường nhìn sang phía nhà số 15 khá '
         'lâu. Lúc đó tôi nghĩ là người đợi bạn nên không để ý. Một lúc sau tôi thấy người này ngồi xuống cạnh chiếc '
         'xe máy màu đỏ dựng trước nhà số 15, loay hoay ở chỗ ổ khóa rồi nổ máy đi luôn.'),
        ('Anh hãy mô tả đặc điểm người đàn ông đó?',
         'Người đó cao khoảng 1 mét 70, dáng gầy, mặc áo khoác màu đen có mũ trùm, đầu đội mũ lưỡi trai màu ghi, '
         'quần bò màu xanh. Do trời tối và người đó cúi đầu nên tôi không nhìn rõ mặt.'),
        ('Tại sao anh không ngăn cản hoặc hô hoán?',
         'Tôi tưởng người đó là chủ xe hoặc người nhà chủ xe nên không nghi ngờ. Khi chị Mai ra tìm xe và hỏi, tôi '
         'mới biết là xe bị lấy trộm. Tôi đã kể lại cho chị Mai những gì tôi nhìn thấy.'),
        ('Người đó điều khiển xe đi về hướng nào?',
         'Người đó đi về hướng ngã tư Đội Cấn - Liễu Giai, tốc độ bình thường, không bật đèn xe.'),
        ('Nếu được cho xem ảnh, anh có nhận dạng được người đó không?',
         'Tôi có thể nhận dạng được qua vóc dáng, trang phục, áo khoác và mũ, còn khuôn mặt thì tôi không chắc chắn.'),
    ])


def _doc_witness_ha(pdf: _Pdf) -> None:
    bio = ('**Phạm Thu Hà**, sinh năm 1985; nơi cư trú: số 20 phố Đội Cấn, phường Đội Cấn, quận Ba Đình, thành phố '
           'Hà Nội; nghề nghiệp: kinh doanh, chủ cửa hàng tạp hóa tại số 20 phố Đội Cấn.')
    _statement(pdf, title='BIÊN BẢN GHI LỜI KHAI', number='06/BB-ĐCS', date=(9, 1, 2026), start='15 giờ 30 phút',
               end='16 giờ 20 phút', place=_ROOM, officer=_OFFICER, recorder=_RECORDER, role='người làm chứng',
               person='Phạm Thu Hà', details=bio, qas=[
        ('Cửa hàng của chị có lắp đặt camera an ninh không? Camera quay về hướng nào?',
         'Cửa hàng tôi lắp 02 camera từ năm 2024. Camera số 2 (CAM 02) gắn trên mái hiên, quay thẳng ra phố Đội Cấn, '
         'thấy rõ vỉa hè trước nhà số 15 đối diện. Camera ghi hình liên tục, lưu vào đầu ghi đặt trong nhà.'),
        ('Thời gian hiển thị trên camera có chính xác không?',
         'Đầu ghi tự cập nhật giờ qua mạng Internet. Tôi đã đối chiếu với đồng hồ điện thoại trước mặt cán bộ Công '
         'an, thời gian trên camera chậm hơn khoảng 20 giây.'),
        ('Tối ngày 08/01/2026 chị có chứng kiến sự việc mất xe không?',
         'Tối hôm đó tôi đóng cửa hàng lúc 22 giờ và ở trong nhà nên không chứng kiến trực tiếp. Khoảng 22 giờ 45 '
         'phút chị Mai sang nhờ tôi xem lại camera. Hai chị em xem thì thấy lúc 22 giờ 14 phút có một người mặc áo '
         'khoác đen, đội mũ lưỡi trai ngồi cạnh xe của chị Mai rồi nổ máy đi.'),
        ('Chị đã giao nộp dữ liệu camera cho cơ quan Công an như thế nào?',
         'Sáng ngày 09/01/2026, tôi đồng ý để cán bộ Công an trích xuất đoạn dữ liệu từ 22 giờ 00 đến 22 giờ 30 '
         'phút ngày 08/01/2026 của camera số 2 sang USB, có lập biên bản thu giữ dữ liệu điện tử. Tôi không chỉnh '
         'sửa gì đối với dữ liệu trong đầu ghi.'),
    ])


def _doc_photos(pdf: _Pdf) -> int:
    """The photo book of the physical exhibits; returns the 0-based index of its image-only page."""
    pdf.new_page()
    pdf.header(_CQDT + ['Số: 07/BA-ĐCS'], _NATION + ['__Ba Đình, ngày 11 tháng 01 năm 2026__'])
    pdf.center('BẢN ẢNH VẬT CHỨNG', size=16, after=2)
    pdf.center('Vụ Trộm cắp tài sản xảy ra ngày 08/01/2026 tại số 15 phố Đội Cấn', size=11, style='i', after=10)
    pdf.para('Thực hiện Quyết định khởi tố vụ án hình sự số 09/QĐ-ĐCS ngày 10/01/2026, hồi 09 giờ 00 phút ngày '
             '11/01/2026 tại kho vật chứng Công an quận Ba Đình, Đội Kỹ thuật hình sự đã tiến hành chụp ảnh các vật '
             'chứng thu giữ trong vụ án. Ảnh được chụp bằng máy ảnh kỹ thuật số, có đặt thước tỷ lệ và thẻ đánh số '
             'vật chứng. Bản ảnh gồm các ảnh sau:')
    pdf.table([40, 80, 250, 80], [
        ['STT', 'Số ảnh', 'Nội dung', 'Ký hiệu'],
        ['1', 'Ảnh số 1', 'Toàn cảnh xe mô tô Honda Air Blade 125, BKS 29B1-123.45', 'VC-01'],
        ['2', 'Ảnh số 2', 'Ổ khóa điện xe mô tô bị phá (cận cảnh)', 'VC-01'],
        ['3', 'Ảnh số 3', 'Điện thoại di động Samsung Galaxy A54 màu tím', 'VC-02'],
        ['4', 'Ảnh số 4', 'Vam phá khóa bằng kim loại hình chữ T', 'VC-03'],
        ['5', 'Ảnh số 5', 'Biển kiểm soát 29B1-123.45 thu giữ tại phòng trọ (bản chụp)', 'VC-01'],
    ], aligns=['center', 'center', 'left', 'center'])
    pdf.para('Người chụp ảnh: Trung úy Vương Đức Mạnh — cán bộ Đội Kỹ thuật hình sự. Người chứng kiến: ông Lê '
             'Quang Hưng, tổ trưởng tổ dân phố số 3, phường Đội Cấn.', after=14)
    pdf.signatures([['**NGƯỜI CHỨNG KIẾN**', '~', '', '**Lê Quang Hưng**'],
                    ['**NGƯỜI CHỤP ẢNH**', '~', '', '**Vương Đức Mạnh**']])
    photos = [
        ('Ảnh số 1', 'Toàn cảnh xe mô tô Honda Air Blade 125 màu đỏ đen (vật chứng VC-01), chụp từ bên trái.',
         _photo_motorbike(11)),
        ('Ảnh số 2', 'Cận cảnh ổ khóa điện bị phá, lõi khóa bị xoắn, có vết cạy (vật chứng VC-01).',
         _photo_motorbike(12, close_up=True)),
        ('Ảnh số 3', 'Điện thoại di động Samsung Galaxy A54 màu tím, màn hình bị nứt (vật chứng VC-02).',
         _photo_phone(13)),
        ('Ảnh số 4', 'Vam phá khóa bằng kim loại hình chữ T, dài 12 cm, tay cầm quấn băng dính đen (VC-03).',
         _photo_tool(14)),
    ]
    for name, caption, img in photos:
        pdf.page_break()
        pdf.bookmark(f'{name}: {caption.split(" (")[0]}')
        pdf.center(name.upper(), size=13, after=8)
        pdf.image(_jpeg(img), 420, 420 * img.height / img.width, caption=f'{name}. {caption}')
        pdf.para('Ghi chú: thước tỷ lệ đặt song song với vật chứng, mỗi vạch chia tương ứng 01 cm. Thẻ vật chứng màu '
                 'vàng ghi ký hiệu theo biên bản thu giữ.', size=10.5, style='i', indent=0)
    # Ảnh số 5 came back from the archive as a scan: picture only, no text layer.
    image_only = pdf.doc.page_count
    scan = _Scan(pdf.bl_next, seed=15)
    scan.center('ẢNH SỐ 5', size=13, after=8)
    plate = Image.new('RGB', (800, 540), (200, 198, 190))
    d = ImageDraw.Draw(plate)
    d.rounded_rectangle([150, 130, 650, 350], 12, fill=(245, 245, 245), outline=(20, 20, 20), width=6)
    d.text((210, 185), '29B1', font=_pil_font('b', 60), fill=(15, 15, 15))
    d.text((210, 255), '123.45', font=_pil_font('b', 60), fill=(15, 15, 15))
    _ruler(d, 200, 470, 40, 10)
    _tag(d, 640, 40, 'VC-01')
    scan.paste(plate, _LEFT + 20, scan.y, 420, 420 * 540 / 800)
    scan.y += 420 * 540 / 800 + 10
    scan.para('Ảnh số 5. Biển kiểm soát 29B1-123.45 do Nguyễn Văn Hải tháo ra, thu giữ dưới gầm giường phòng trọ.',
              size=11, style='i', align='center', indent=0)
    pdf.raster_page(scan.jpeg())
    pdf.toc.append([1, 'Ảnh số 5: Biển kiểm soát thu giữ (bản scan)', image_only + 1])
    return image_only


def _doc_expert(pdf: _Pdf) -> None:
    pdf.new_page()
    pdf.header(['CÔNG AN THÀNH PHỐ HÀ NỘI', '**PHÒNG KỸ THUẬT HÌNH SỰ**', '---', 'Số: 235/KL-KTHS'],
               _NATION + ['__Hà Nội, ngày 28 tháng 01 năm 2026__'])
    pdf.center('KẾT LUẬN GIÁM ĐỊNH', size=16, after=2)
    pdf.center('(Giám định số khung, số máy; dấu vết công cụ; dữ liệu điện tử)', size=11, style='i', after=10)
    pdf.bookmark('1. Căn cứ và yêu cầu giám định')
    pdf.para('**1. Căn cứ giám định:** Quyết định trưng cầu giám định số 14/QĐ-ĐCS ngày 12/01/2026 của Cơ quan Cảnh '
             'sát điều tra Công an quận Ba Đình; Luật Giám định tư pháp năm 2012 (sửa đổi, bổ sung năm 2020).')
    pdf.para('**2. Người giám định:** Thiếu tá Hà Minh Đức và Đại úy Trịnh Thị Thu, giám định viên kỹ thuật hình '
             'sự, Phòng Kỹ thuật hình sự Công an thành phố Hà Nội.')
    pdf.para('**3. Yêu cầu giám định:** (a) số khung, số máy của xe mô tô biển kiểm soát 29B1-123.45 có bị đục sửa '
             'hay không; (b) dấu vết trên ổ khóa điện của xe có phải do vam phá khóa thu giữ tạo ra hay không; (c) '
             'dữ liệu video trích xuất từ camera an ninh tại số 20 phố Đội Cấn có bị cắt ghép, chỉnh sửa hay không.')
    pdf.bookmark('2. Đối tượng và phương pháp giám định')
    pdf.para('**4. Đối tượng giám định được gửi đến:**', before=4, after=4, keep_next=80)
    pdf.table([34, 170, 74, 172], [
        ['STT', 'Đối tượng giám định', 'Ký hiệu', 'Tình trạng niêm phong khi nhận'],
        ['1', 'Xe mô tô Honda Air Blade 125, màu đỏ đen, BKS 29B1-123.45', 'A1', 'Niêm phong nguyên vẹn, có chữ ký '
         'của điều tra viên và người chứng kiến'],
        ['2', 'Ổ khóa điện tháo từ xe mô tô nêu trên', 'A2', 'Đựng trong túi ni lông, niêm phong nguyên vẹn'],
        ['3', 'Vam phá khóa bằng kim loại hình chữ T, dài 12 cm', 'M1', 'Đựng trong phong bì, niêm phong nguyên vẹn'],
        ['4', 'USB 16 GB chứa tệp video CAM02_20260108_2200.mp4', 'D1', 'Đựng trong phong bì, niêm phong nguyên vẹn'],
    ], aligns=['center', 'left', 'center', 'left'])
    pdf.para('**5. Phương pháp giám định:** quan sát bằng mắt thường, kính lúp, kính hiển vi so sánh; tẩy rửa bề mặt '
             'kim loại bằng hóa chất chuyên dụng để hiện số; thực nghiệm tạo mẫu so sánh bằng vam M1 trên ổ khóa cùng '
             'chủng loại; phân tích cấu trúc tệp, siêu dữ liệu và tính toàn vẹn khung hình của tệp video.', before=4)
    pdf.bookmark('3. Kết quả giám định')
    pdf.para('**6. Kết quả giám định:**', before=4, after=4, keep_next=80)
    pdf.table([34, 150, 266], [
        ['STT', 'Nội dung', 'Kết quả'],
        ['1', 'Số khung (mẫu A1)', 'RLHJF6310NY012345 — nguyên thủy, không có dấu vết đục, hàn, mài, tẩy xóa'],
        ['2', 'Số máy (mẫu A1)', 'JF63E-0123456 — nguyên thủy, không có dấu vết đục, hàn, mài, tẩy xóa'],
        ['3', 'Dấu vết trên lõi ổ khóa điện (mẫu A2)', 'Có 04 vết cạy, xoắn dạng rãnh trượt, rộng 2,1 – 2,4 mm; '
         'đặc điểm chung và đặc điểm riêng trùng khớp với vết thực nghiệm tạo bởi đầu vam M1'],
        ['4', 'Tệp video (mẫu D1)', 'Thời lượng 30 phút 00 giây, 10 khung hình/giây; mã thời gian liên tục, không '
         'có dấu hiệu cắt ghép, chèn, chỉnh sửa nội dung'],
    ], aligns=['center', 'left', 'left'])
    pdf.bookmark('4. Kết luận')
    pdf.para('**7. Kết luận:**', before=4, after=2)
    for text in (
        'Số khung, số máy của xe mô tô biển kiểm soát 29B1-123.45 (mẫu A1) là nguyên thủy, không bị đục sửa.',
        'Các dấu vết trên lõi ổ khóa điện (mẫu A2) do đầu vam phá khóa (mẫu M1) tạo ra.',
        'Tệp video trong USB (mẫu D1) không bị cắt ghép, chỉnh sửa nội dung.',
    ):
        pdf.para(f'- {text}', left=14, indent=0, after=2)
    pdf.para('Kết luận giám định được lập thành 03 bản, gửi Cơ quan Cảnh sát điều tra Công an quận Ba Đình 02 bản, '
             'lưu 01 bản. Các mẫu vật sau giám định được niêm phong và hoàn trả cơ quan trưng cầu.', before=4, after=14)
    pdf.signatures([
        ['**GIÁM ĐỊNH VIÊN**', '~', '', '**Hà Minh Đức**'],
        ['**GIÁM ĐỊNH VIÊN**', '~', '', '**Trịnh Thị Thu**'],
        ['**TRƯỞNG PHÒNG**', '~', '', '**Đào Xuân Sơn**'],
    ], seal=2)


def _doc_valuation(pdf: _Pdf) -> None:
    pdf.new_page()
    pdf.header(['UBND QUẬN BA ĐÌNH', '**HỘI ĐỒNG ĐỊNH GIÁ TÀI SẢN**', '**TRONG TỐ TỤNG HÌNH SỰ**', '---',
                'Số: 12/KL-HĐĐG'], _NATION + ['__Ba Đình, ngày 20 tháng 01 năm 2026__'])
    pdf.center('KẾT LUẬN ĐỊNH GIÁ TÀI SẢN', size=16, after=10)
    pdf.para('Căn cứ Nghị định số 30/2018/NĐ-CP ngày 07/3/2018 của Chính phủ quy định chi tiết việc thành lập và hoạt '
             'động của Hội đồng định giá tài sản; trình tự, thủ tục định giá tài sản trong tố tụng hình sự;')
    pdf.para('Căn cứ Yêu cầu định giá tài sản số 10/YC-ĐCS ngày 12/01/2026 của Cơ quan Cảnh sát điều tra Công an quận '
             'Ba Đình, Hội đồng định giá đã tiến hành định giá tài sản vào hồi 09 giờ 00 phút ngày 20/01/2026.')
    pdf.para('**Phương pháp định giá:** phương pháp so sánh, trên cơ sở khảo sát giá thị trường của tài sản cùng '
             'loại, cùng năm sản xuất, có tỷ lệ chất lượng còn lại tương đương tại thời điểm ngày 08/01/2026.')
    pdf.para('**Kết quả định giá:**', before=2, after=4, keep_next=80)
    pdf.table([30, 150, 170, 40, 80], [
        ['STT', 'Tên tài sản', 'Đặc điểm, tình trạng', 'SL', 'Giá trị (đồng)'],
        ['1', 'Xe mô tô Honda Air Blade 125, BKS 29B1-123.45', 'Sản xuất năm 2022, màu đỏ đen, chất lượng còn lại '
         'khoảng 75%', '01', '32.500.000'],
        ['2', 'Điện thoại di động Samsung Galaxy A54, 128 GB', 'Mua năm 2023, màu tím, hoạt động bình thường (trước '
         'khi bị nứt màn hình)', '01', '5.200.000'],
        ['', '**Tổng cộng**', '', '', '**37.700.000**'],
    ], aligns=['center', 'left', 'left', 'center', 'right'])
    pdf.para('**Kết luận:** tổng giá trị tài sản cần định giá tại thời điểm ngày 08/01/2026 là **37.700.000 đồng** '
             '(Ba mươi bảy triệu bảy trăm nghìn đồng).', before=4, after=14)
    pdf.signatures([
        ['**CÁC THÀNH VIÊN HỘI ĐỒNG**', '~', '', '**Phan Văn Lợi — Kiều Thị Yến**'],
        ['**CHỦ TỊCH HỘI ĐỒNG**', '~', '', '**Nguyễn Thị Thanh Bình**'],
    ], seal=1)


def _scan_pages(bl_first: int) -> list[tuple[bytes, str]]:
    """Scanned, image-only pages: the victim's report, the scene examination with its sketch, the seizure record."""
    pages: list[tuple[bytes, str]] = []
    header = (['CÔNG AN QUẬN BA ĐÌNH', '**CƠ QUAN CSĐT**', '---'],
              ['**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**', '**Độc lập - Tự do - Hạnh phúc**', '---'])

    s = _Scan(bl_first, seed=101)
    s.header(['', '', ''], header[1])
    s.center('ĐƠN TRÌNH BÁO', size=15, after=2)
    s.center('(V/v: mất trộm xe mô tô và điện thoại di động)', size=11, style='i', after=10)
    s.para('Kính gửi: Công an phường Đội Cấn, quận Ba Đình, thành phố Hà Nội.', style='b', indent=40)
    s.para('Tôi tên là Trần Thị Mai, sinh năm 1990, trú tại số 15 phố Đội Cấn, phường Đội Cấn, quận Ba Đình. Tôi xin '
           'trình báo sự việc như sau: khoảng 22 giờ 10 phút ngày 08/01/2026, tôi để xe mô tô Honda Air Blade màu đỏ '
           'đen, biển kiểm soát 29B1-123.45 trước cửa nhà, đã khóa cổ xe. Đến khoảng 22 giờ 40 phút tôi ra thì không '
           'thấy xe. Trong cốp xe có 01 điện thoại Samsung Galaxy A54 màu tím.')
    s.para('Theo anh bảo vệ tòa nhà số 17 cho biết, có một người đàn ông mặc áo khoác đen, đội mũ lưỡi trai đi xe của '
           'tôi về hướng phố Liễu Giai. Camera cửa hàng số 20 phố Đội Cấn có ghi lại sự việc.')
    s.para('Tôi đề nghị cơ quan Công an điều tra, tìm lại tài sản cho tôi và xử lý người vi phạm theo quy định của '
           'pháp luật. Tôi xin cam đoan những điều trình báo trên là đúng sự thật.')
    s.y += 10
    s.text(_PAGE_W - _RIGHT - 230, s.y, 'Hà Nội, ngày 08 tháng 01 năm 2026', size=11, style='i')
    s.signature(_PAGE_W - _RIGHT - 115, s.y + 20, 'NGƯỜI TRÌNH BÁO', 'Trần Thị Mai')
    s.y += 130
    s.para('Tiếp nhận hồi 23 giờ 05 phút ngày 08/01/2026. Cán bộ tiếp nhận: Lương Văn Phúc.', size=10.5, style='i',
           indent=0)
    pages.append((s.jpeg(), 'Đơn trình báo của chị Trần Thị Mai'))

    s = _Scan(bl_first + 1, seed=102)
    s.header(header[0] + ['Số: 02/BB-KNHT'], header[1] + ['__Ba Đình, ngày 09 tháng 01 năm 2026__'])
    s.center('BIÊN BẢN KHÁM NGHIỆM HIỆN TRƯỜNG', size=14, after=10)
    s.para('Hồi 00 giờ 15 phút ngày 09/01/2026, tại vỉa hè trước nhà số 15 phố Đội Cấn, phường Đội Cấn, quận Ba Đình, '
           'Cơ quan Cảnh sát điều tra Công an quận Ba Đình tiến hành khám nghiệm hiện trường vụ mất trộm xe mô tô do '
           'chị Trần Thị Mai trình báo, với sự tham gia của Viện kiểm sát nhân dân quận Ba Đình và người chứng kiến.')
    s.para('Hiện trường là đoạn vỉa hè lát gạch terrazzo rộng 3,2 m, chiều dài khu vực khám nghiệm 10 m. Lấy cột điện '
           'số ĐC-27 làm mốc cố định. Vị trí chị Mai dựng xe cách mốc 2,4 m về phía phố Liễu Giai, cách mép đường '
           '1,1 m. Tại vị trí dựng xe phát hiện 02 mảnh nhựa màu đen, kích thước 1,2 x 0,8 cm và 0,9 x 0,5 cm, nghi '
           'là mảnh vỡ từ nắp che ổ khóa điện; đã thu giữ, niêm phong, ký hiệu M2.')
    s.para('Phía đối diện (số 20 phố Đội Cấn) có camera an ninh gắn trên mái hiên, cao 3,1 m, hướng quay bao quát vị '
           'trí dựng xe. Không phát hiện dấu vết đường vân tay trên bề mặt vỉa hè. Việc khám nghiệm kết thúc hồi 01 '
           'giờ 20 phút cùng ngày.')
    s.para('Kèm theo biên bản: sơ đồ hiện trường (trang sau), bản ảnh hiện trường gồm 08 ảnh.', style='i', indent=0)
    s.y += 10
    for cx, title, name in ((_LEFT + 70, 'NGƯỜI CHỨNG KIẾN', 'Lê Quang Hưng'),
                            (_LEFT + 230, 'KIỂM SÁT VIÊN', 'Lý Thu Trang'),
                            (_LEFT + 390, 'ĐIỀU TRA VIÊN', 'Đinh Quốc Khánh')):
        s.signature(cx, s.y, title, name)
    pages.append((s.jpeg(), 'Biên bản khám nghiệm hiện trường'))

    s = _Scan(bl_first + 2, seed=103)
    s.center('SƠ ĐỒ HIỆN TRƯỜNG', size=14, after=2)
    s.center('(Kèm theo Biên bản khám nghiệm hiện trường số 02/BB-KNHT ngày 09/01/2026)', size=10.5, style='i',
             after=14)
    d, px = s.draw, s._px
    x0, y0, x1, y1 = _LEFT, s.y, _PAGE_W - _RIGHT, s.y + 420
    ink = (40, 40, 48)
    d.rectangle([px(x0), px(y0), px(x1), px(y1)], outline=ink, width=2)
    d.rectangle([px(x0), px(y0 + 150), px(x1), px(y0 + 270)], fill=(225, 225, 218))  # roadway
    for xx in range(int(x0) + 10, int(x1) - 20, 40):
        d.line([px(xx), px(y0 + 210), px(xx + 22), px(y0 + 210)], fill=ink, width=2)
    for yy, label in ((y0 + 40, 'Nhà số 15'), (y0 + 310, 'Cửa hàng tạp hóa số 20')):
        d.rectangle([px(x0 + 120), px(yy), px(x0 + 290), px(yy + 70)], outline=ink, width=2)
        s.text(x0 + 135, yy + 26, label, size=10.5, style='b')
    s.text(x0 + 10, y0 + 165, 'PHỐ ĐỘI CẤN', size=12, style='b')
    s.text(x1 - 150, y0 + 230, 'về phía phố Liễu Giai', size=10.5, style='i')
    d.ellipse([px(x0 + 60), px(y0 + 118), px(x0 + 74), px(y0 + 132)], fill=ink)  # cột điện (mốc)
    s.text(x0 + 30, y0 + 96, 'Cột điện ĐC-27 (mốc)', size=9.5)
    d.rectangle([px(x0 + 170), px(y0 + 120), px(x0 + 205), px(y0 + 140)], outline=(200, 40, 45), width=3)
    s.text(x0 + 210, y0 + 122, '(1) Vị trí dựng xe — cách mốc 2,4 m', size=9.5)
    d.ellipse([px(x0 + 185), px(y0 + 280), px(x0 + 199), px(y0 + 294)], outline=ink, width=2)
    s.text(x0 + 205, y0 + 280, '(2) Camera CAM 02, cao 3,1 m', size=9.5)
    d.line([px(x0 + 192), px(y0 + 280), px(x0 + 188), px(y0 + 142)], fill=(120, 120, 120), width=1)
    s.text(x1 - 70, y0 + 10, 'Hướng Bắc', size=11, style='b')
    s.y = y1 + 14
    s.para('Chú thích: (1) vị trí xe mô tô BKS 29B1-123.45 bị mất; (2) camera an ninh ghi hình sự việc; tỷ lệ 1:100.',
           size=10.5, indent=0)
    s.signature(_PAGE_W - _RIGHT - 110, s.y + 10, 'NGƯỜI VẼ SƠ ĐỒ', 'Vương Đức Mạnh')
    pages.append((s.jpeg(), 'Sơ đồ hiện trường'))

    s = _Scan(bl_first + 3, seed=104)
    s.header(header[0] + ['Số: 09/BB-TG'], header[1] + ['__Ba Đình, ngày 10 tháng 01 năm 2026__'])
    s.center('BIÊN BẢN THU GIỮ VẬT CHỨNG', size=14, after=10)
    s.para('Hồi 17 giờ 30 phút ngày 10/01/2026, tại phòng 204 nhà số 18 ngõ 158 phố Ngọc Hà, phường Đội Cấn, quận Ba '
           'Đình, Cơ quan Cảnh sát điều tra Công an quận Ba Đình tiến hành thu giữ vật chứng do Nguyễn Văn Hải chỉ '
           'nơi cất giấu, với sự chứng kiến của ông Lê Quang Hưng, tổ trưởng tổ dân phố số 3. Đồ vật thu giữ gồm:')
    for item in (
        '1. 01 xe mô tô Honda Air Blade 125, màu đỏ đen, không gắn biển kiểm soát, ổ khóa điện bị phá hỏng (VC-01);',
        '2. 01 biển kiểm soát 29B1-123.45 (thu dưới gầm giường);',
        '3. 01 điện thoại di động Samsung Galaxy A54 màu tím, màn hình bị nứt (VC-02);',
        '4. 01 vam phá khóa bằng kim loại hình chữ T, dài 12 cm (VC-03);',
        '5. 01 áo khoác màu đen có mũ trùm; 01 mũ lưỡi trai màu ghi.',
    ):
        s.para(item, indent=0, left=16, after=1)
    s.para('Các vật chứng trên đã được niêm phong theo quy định, có chữ ký của những người tham gia. Biên bản lập '
           'xong hồi 18 giờ 40 phút cùng ngày, đã đọc lại cho mọi người nghe và cùng ký tên.', before=4)
    s.y += 8
    for cx, title, name in ((_LEFT + 70, 'NGƯỜI CÓ ĐỒ VẬT', 'Nguyễn Văn Hải'),
                            (_LEFT + 230, 'NGƯỜI CHỨNG KIẾN', 'Lê Quang Hưng'),
                            (_LEFT + 390, 'ĐIỀU TRA VIÊN', 'Đinh Quốc Khánh')):
        s.signature(cx, s.y, title, name)
    pages.append((s.jpeg(), 'Biên bản thu giữ vật chứng'))

    s = _Scan(bl_first + 4, seed=105)
    s.header(header[0] + ['Số: 04/BB-NDA'], header[1] + ['__Ba Đình, ngày 12 tháng 01 năm 2026__'])
    s.center('BIÊN BẢN NHẬN DẠNG', size=14, after=2)
    s.center('(Nhận dạng qua ảnh)', size=11, style='i', after=10)
    s.para('Hồi 09 giờ 00 phút ngày 12/01/2026, tại trụ sở Cơ quan Cảnh sát điều tra Công an quận Ba Đình, Điều tra '
           'viên Đinh Quốc Khánh tổ chức cho người làm chứng Lê Văn Bình nhận dạng qua ảnh, với sự tham gia của Kiểm '
           'sát viên Lý Thu Trang và hai người chứng kiến.')
    s.para('Đưa ra nhận dạng 03 ảnh chân dung, cỡ 10 x 15 cm, của 03 người nam giới có độ tuổi, vóc dáng, trang phục '
           'tương tự nhau, được đánh số 1, 2, 3. Ảnh của Nguyễn Văn Hải được đặt ở vị trí số 2.')
    s.para('Kết quả: anh Lê Văn Bình xác định người trong ảnh số 2 có vóc dáng, trang phục (áo khoác đen, mũ lưỡi '
           'trai màu ghi) giống người đàn ông đã điều khiển chiếc xe mô tô màu đỏ đi khỏi trước nhà số 15 phố Đội Cấn '
           'vào tối ngày 08/01/2026, nhưng không khẳng định chắc chắn về khuôn mặt.')
    s.y += 8
    for cx, title, name in ((_LEFT + 70, 'NGƯỜI NHẬN DẠNG', 'Lê Văn Bình'),
                            (_LEFT + 230, 'KIỂM SÁT VIÊN', 'Lý Thu Trang'),
                            (_LEFT + 390, 'ĐIỀU TRA VIÊN', 'Đinh Quốc Khánh')):
        s.signature(cx, s.y, title, name)
    pages.append((s.jpeg(), 'Biên bản nhận dạng qua ảnh'))
    decisions = [
        ('QUYẾT ĐỊNH KHỞI TỐ VỤ ÁN HÌNH SỰ', 'Số: 09/QĐ-ĐCS', 'ngày 10 tháng 01 năm 2026', [
            'Căn cứ Điều 143 và Điều 153 Bộ luật Tố tụng hình sự; xét thấy có dấu hiệu tội phạm "Trộm cắp tài sản" '
            'xảy ra khoảng 22 giờ 14 phút ngày 08/01/2026 tại vỉa hè trước nhà số 15 phố Đội Cấn, phường Đội Cấn, quận '
            'Ba Đình, thành phố Hà Nội,',
            '**QUYẾT ĐỊNH:** Khởi tố vụ án hình sự "Trộm cắp tài sản" quy định tại khoản 1 Điều 173 Bộ luật Hình sự.',
            'Quyết định này được gửi đến Viện kiểm sát nhân dân quận Ba Đình trong thời hạn 24 giờ kể từ khi ban hành.',
        ], 'Quyết định khởi tố vụ án hình sự'),
        ('LỆNH TẠM GIAM', 'Số: 17/LTG-ĐCS', 'ngày 19 tháng 01 năm 2026', [
            'Căn cứ Điều 113 và Điều 119 Bộ luật Tố tụng hình sự; căn cứ Quyết định khởi tố bị can số 11/QĐ-ĐCS ngày '
            '10/01/2026 đối với Nguyễn Văn Hải về tội "Trộm cắp tài sản",',
            '**RA LỆNH:** Tạm giam bị can Nguyễn Văn Hải, sinh ngày 14/5/1995, thời hạn 02 tháng kể từ ngày 19/01/2026 '
            'tại Trại tạm giam số 1 Công an thành phố Hà Nội.',
            'Lệnh đã được Viện kiểm sát nhân dân quận Ba Đình phê chuẩn ngày 19/01/2026.',
        ], 'Lệnh tạm giam'),
        ('QUYẾT ĐỊNH KHỞI TỐ BỊ CAN', 'Số: 11/QĐ-ĐCS', 'ngày 10 tháng 01 năm 2026', [
            'Căn cứ Điều 179 Bộ luật Tố tụng hình sự; xét thấy có đủ căn cứ xác định Nguyễn Văn Hải đã thực hiện hành '
            'vi lén lút chiếm đoạt tài sản của chị Trần Thị Mai vào tối ngày 08/01/2026 tại phố Đội Cấn,',
            '**QUYẾT ĐỊNH:** Khởi tố bị can đối với Nguyễn Văn Hải, sinh ngày 14/5/1995, về tội "Trộm cắp tài sản" quy '
            'định tại khoản 1 Điều 173 Bộ luật Hình sự.',
            'Quyết định đã được Viện kiểm sát nhân dân quận Ba Đình phê chuẩn ngày 11/01/2026.',
        ], 'Quyết định khởi tố bị can'),
        ('QUYẾT ĐỊNH TRƯNG CẦU GIÁM ĐỊNH', 'Số: 14/QĐ-ĐCS', 'ngày 12 tháng 01 năm 2026', [
            'Căn cứ Điều 205 và Điều 206 Bộ luật Tố tụng hình sự; để phục vụ công tác điều tra vụ án "Trộm cắp tài '
            'sản" xảy ra ngày 08/01/2026 tại phố Đội Cấn,',
            '**QUYẾT ĐỊNH:** Trưng cầu Phòng Kỹ thuật hình sự Công an thành phố Hà Nội giám định số '
            'khung, số máy xe mô '
            'tô BKS 29B1-123.45; dấu vết công cụ trên ổ khóa điện; tính toàn vẹn của dữ liệu camera (mẫu D1).',
            'Thời hạn giám định: 15 ngày kể từ ngày nhận đủ đối tượng giám định.',
        ], 'Quyết định trưng cầu giám định'),
        ('QUYẾT ĐỊNH XỬ LÝ VẬT CHỨNG', 'Số: 04/QĐ-ĐCS', 'ngày 25 tháng 01 năm 2026', [
            'Căn cứ Điều 106 Bộ luật Tố tụng hình sự; xét thấy việc trả lại tài sản không ảnh hưởng đến việc xử lý vụ '
            'án và thi hành án,',
            '**QUYẾT ĐỊNH:** Trả lại cho chị Trần Thị Mai 01 xe mô tô Honda Air Blade 125 BKS 29B1-123.45 và 01 điện '
            'thoại di động Samsung Galaxy A54 màu tím.',
            'Chị Trần Thị Mai có trách nhiệm bảo quản tài sản, xuất trình khi cơ quan có thẩm quyền yêu cầu.',
        ], 'Quyết định xử lý vật chứng'),
        ('QUYẾT ĐỊNH GIỮ NGƯỜI TRONG TRƯỜNG HỢP KHẨN CẤP', 'Số: 02/QĐ-ĐCS', 'ngày 10 tháng 01 năm 2026', [
            'Căn cứ Điều 110 Bộ luật Tố tụng hình sự; xét thấy có căn cứ cho rằng Nguyễn Văn Hải đã thực hiện hành vi '
            'trộm cắp tài sản và có dấu hiệu bỏ trốn, tiêu thụ tài sản,',
            '**QUYẾT ĐỊNH:** Giữ người trong trường hợp khẩn cấp đối với Nguyễn Văn Hải, sinh ngày 14/5/1995, chỗ ở: '
            'phòng 204 nhà số 18 ngõ 158 phố Ngọc Hà, phường Đội Cấn, quận Ba Đình.',
            'Quyết định được gửi Viện kiểm sát nhân dân quận Ba Đình kèm tài liệu liên quan để xét phê chuẩn.',
        ], 'Quyết định giữ người trong trường hợp khẩn cấp'),
        ('QUYẾT ĐỊNH TẠM GIỮ', 'Số: 05/QĐTG-ĐCS', 'ngày 10 tháng 01 năm 2026', [
            'Căn cứ Điều 117 và Điều 118 Bộ luật Tố tụng hình sự,',
            '**QUYẾT ĐỊNH:** Tạm giữ Nguyễn Văn Hải trong thời hạn 03 ngày, kể từ 17 giờ 00 phút '
            'ngày 10/01/2026 đến 17 '
            'giờ 00 phút ngày 13/01/2026, tại Nhà tạm giữ Công an quận Ba Đình.',
            'Người bị tạm giữ có quyền khiếu nại quyết định tạm giữ theo quy định của pháp luật.',
        ], 'Quyết định tạm giữ'),
        ('YÊU CẦU ĐỊNH GIÁ TÀI SẢN', 'Số: 10/YC-ĐCS', 'ngày 12 tháng 01 năm 2026', [
            'Căn cứ Điều 215 Bộ luật Tố tụng hình sự và Nghị định số 30/2018/NĐ-CP ngày 07/3/2018 của Chính phủ,',
            '**YÊU CẦU:** Hội đồng định giá tài sản trong tố tụng hình sự quận Ba Đình định giá 01 xe mô tô Honda Air '
            'Blade 125 BKS 29B1-123.45 và 01 điện thoại di động Samsung Galaxy A54 tại thời điểm ngày 08/01/2026.',
            'Kết luận định giá gửi về Cơ quan Cảnh sát điều tra Công an quận Ba Đình trước ngày 25/01/2026.',
        ], 'Yêu cầu định giá tài sản'),
    ]
    for k, (title, number, date, paras, toc) in enumerate(decisions):
        s = _Scan(bl_first + len(pages), seed=106 + k)
        s.header(header[0] + [number], header[1] + [f'__Ba Đình, {date}__'])
        s.center(title, size=14, after=4)
        s.center('THỦ TRƯỞNG CƠ QUAN CẢNH SÁT ĐIỀU TRA CÔNG AN QUẬN BA ĐÌNH', size=11, after=12)
        for text in paras:
            s.para(text, after=6)
        s.y += 20
        s.signature(_PAGE_W - _RIGHT - 120, s.y, 'THỦ TRƯỞNG', 'Hoàng Văn Nam', seal=True)
        pages.append((s.jpeg(), toc))
    return pages


def _photo_scene(seed: int, variant: int) -> Image.Image:
    """A night-time photo of the scene: sidewalk, house number 15, the lamp post, numbered evidence markers."""
    rng = random.Random(seed)
    w, h = 800, 540
    img = _backdrop(rng, w, h, (48, 52, 62), (120, 118, 112))
    d = ImageDraw.Draw(img)
    shift = (variant % 4) * 60 - 90
    d.rectangle([0, 40, w, 300], fill=(150, 140, 125))  # facade
    d.rectangle([120 + shift, 120, 300 + shift, 300], fill=(70, 60, 50))  # door
    d.rectangle([330 + shift, 90, 360 + shift, 120], fill=(30, 70, 140))
    d.text((336 + shift, 93), '15', font=_pil_font('b', 18), fill=(255, 255, 255))
    d.polygon([(0, 300), (w, 300), (w, 430), (0, 470)], fill=(175, 170, 160))  # sidewalk
    for k in range(-2, 16):
        d.line([k * 60 + shift % 60, 300, k * 60 - 30 + shift % 60, 455], fill=(150, 145, 135), width=2)
    d.polygon([(0, 470), (w, 430), (w, h), (0, h)], fill=(60, 60, 65))  # road
    d.rectangle([620 - shift // 2, 60, 636 - shift // 2, 430], fill=(90, 90, 95))  # lamp post
    d.text((560 - shift // 2, 190), 'ĐC-27', font=_pil_font('b', 14), fill=(240, 240, 240))
    for k in range(1 + variant % 3):
        mx = 260 + k * 120 + shift // 3
        d.polygon([(mx, 400), (mx + 40, 400), (mx + 20, 360)], fill=(250, 200, 30), outline=(60, 40, 0))
        d.text((mx + 14, 378), str(k + 1), font=_pil_font('b', 16), fill=(20, 20, 20))
    if variant in (2, 5):
        d.line([200, 420, 700, 405], fill=(250, 230, 60), width=5)  # measuring tape
        for t in range(200, 700, 25):
            d.line([t, 414, t, 426], fill=(30, 30, 30), width=1)
    if variant == 6:
        d.ellipse([380, 380, 396, 390], fill=(20, 20, 20))
        d.ellipse([410, 384, 422, 392], fill=(20, 20, 20))
        _ruler(d, 300, 440, 40, 6)
    return img


def _doc_investigation_report(pdf: _Pdf) -> None:
    pdf.new_page()
    pdf.header(_CQDT + ['Số: 31/KLĐT-ĐCS'], _NATION + ['__Ba Đình, ngày 06 tháng 3 năm 2026__'])
    pdf.center('BẢN KẾT LUẬN ĐIỀU TRA', size=16, after=0)
    pdf.center('Vụ án hình sự — đề nghị truy tố', size=12, style='i', after=10)
    pdf.para('__Căn cứ Điều 232 Bộ luật Tố tụng hình sự; căn cứ kết quả điều tra vụ án "Trộm cắp tài sản" xảy ra '
             'ngày 08/01/2026 tại phường Đội Cấn, quận Ba Đình, Cơ quan Cảnh sát điều tra Công an quận Ba Đình kết '
             'luận như sau:__')
    pdf.bookmark('1. Diễn biến hành vi phạm tội')
    pdf.center('1. DIỄN BIẾN HÀNH VI PHẠM TỘI', before=6, after=6)
    for text in _FACTS:
        pdf.para(text)
    pdf.bookmark('2. Quá trình điều tra')
    pdf.center('2. QUÁ TRÌNH ĐIỀU TRA', before=6, after=6)
    for text in (
        'Ngày 08/01/2026, Công an phường Đội Cấn tiếp nhận đơn trình báo của chị Trần Thị Mai và chuyển Cơ quan Cảnh '
        'sát điều tra Công an quận Ba Đình giải quyết theo thẩm quyền. Rạng sáng ngày 09/01/2026, Cơ quan điều tra '
        'phối hợp với Viện kiểm sát nhân dân quận Ba Đình tiến hành khám nghiệm hiện trường, lập sơ đồ và chụp bản '
        'ảnh hiện trường; thu giữ 02 mảnh nhựa màu đen tại vị trí dựng xe.',
        'Ngày 09/01/2026, Cơ quan điều tra thu giữ dữ liệu điện tử từ đầu ghi camera an ninh của cửa hàng tạp hóa số '
        '20 phố Đội Cấn. Qua phân tích hình ảnh, kết hợp rà soát đối tượng có tiền sự về hành vi trộm cắp trên địa '
        'bàn, xác định người trong đoạn ghi hình có nhiều đặc điểm trùng khớp với Nguyễn Văn Hải.',
        'Ngày 10/01/2026, Cơ quan điều tra ra quyết định giữ người trong trường hợp khẩn cấp đối với Nguyễn Văn Hải. '
        'Hải đã khai nhận hành vi, tự nguyện dẫn cán bộ điều tra về phòng trọ chỉ nơi cất giấu tài sản. Cùng ngày, Cơ '
        'quan điều tra ra quyết định khởi tố vụ án hình sự, khởi tố bị can và thu giữ vật chứng.',
        'Cơ quan điều tra đã trưng cầu giám định, yêu cầu định giá tài sản; lấy lời khai bị hại, người làm chứng; tổ '
        'chức nhận dạng qua ảnh; hỏi cung bị can với sự tham gia của người bào chữa. Các hoạt động điều tra được thực '
        'hiện đúng trình tự, thủ tục theo quy định của Bộ luật Tố tụng hình sự.',
    ):
        pdf.para(text)
    pdf.bookmark('3. Kết luận và đề nghị')
    pdf.center('3. KẾT LUẬN VÀ ĐỀ NGHỊ', before=6, after=6)
    pdf.para('Có đủ căn cứ kết luận Nguyễn Văn Hải đã phạm tội "Trộm cắp tài sản" quy định tại khoản 1 Điều 173 Bộ '
             'luật Hình sự. Tổng giá trị tài sản chiếm đoạt là 37.700.000 đồng. Bị can thành khẩn khai báo, ăn năn '
             'hối cải, đã bồi thường thiệt hại. Cơ quan Cảnh sát điều tra Công an quận Ba Đình chuyển hồ sơ vụ án đến '
             'Viện kiểm sát nhân dân quận Ba Đình đề nghị truy tố bị can Nguyễn Văn Hải theo quy định của pháp luật.',
             after=14)
    pdf.signatures([
        ['**Nơi nhận:**', '- VKSND quận Ba Đình;', '- Bị can; người bào chữa;', '- Lưu: HSVA, ĐCS.'],
        ['**KT. THỦ TRƯỞNG**', '**PHÓ THỦ TRƯỞNG**', '~', '', '', '**Hoàng Văn Nam**'],
    ], seal=1)


def _doc_scene_photos(pdf: _Pdf) -> None:
    pdf.new_page()
    pdf.header(_CQDT + ['Số: 02/BA-KNHT'], _NATION + ['__Ba Đình, ngày 09 tháng 01 năm 2026__'])
    pdf.center('BẢN ẢNH HIỆN TRƯỜNG', size=16, after=2)
    pdf.center('(Kèm theo Biên bản khám nghiệm hiện trường số 02/BB-KNHT)', size=11, style='i', after=10)
    pdf.para('Bản ảnh gồm 08 ảnh, chụp hồi 00 giờ 20 phút đến 01 giờ 10 phút ngày 09/01/2026 tại vỉa hè trước nhà số '
             '15 phố Đội Cấn, phường Đội Cấn, quận Ba Đình, thành phố Hà Nội. Các biển số màu vàng đánh dấu vị trí dấu '
             'vết; mốc cố định là cột điện ĐC-27.')
    captions = [
        'Toàn cảnh hiện trường nhìn từ hướng phố Liễu Giai.',
        'Toàn cảnh hiện trường nhìn từ phía cửa hàng số 20 (vị trí camera).',
        'Trung tâm hiện trường: vị trí chị Mai dựng xe, có thước đo khoảng cách đến mốc.',
        'Biển số nhà số 15 phố Đội Cấn và cửa ra vào.',
        'Vị trí cột điện ĐC-27 được chọn làm mốc cố định.',
        'Khoảng cách từ vị trí dựng xe đến mép đường (1,1 m).',
        'Cận cảnh 02 mảnh nhựa màu đen (ký hiệu M2) tại vị trí dựng xe.',
        'Hướng nhìn từ vị trí dựng xe sang camera CAM 02.',
    ]
    for k, caption in enumerate(captions):
        pdf.page_break()
        pdf.bookmark(f'Ảnh số {k + 1}')
        img = _photo_scene(200 + k, k)
        pdf.image(_jpeg(img, 72), 400, 330 * img.height / img.width, caption=f'Ảnh số {k + 1}. {caption}')
    pdf.para('Người chụp ảnh: Trung úy Vương Đức Mạnh — cán bộ Đội Kỹ thuật hình sự.', size=11, style='i', indent=0,
             before=4)


def _doc_camera_stills(pdf: _Pdf) -> None:
    pdf.new_page()
    pdf.header(_CQDT + ['Số: 03/BB-XXDL'], _NATION + ['__Ba Đình, ngày 09 tháng 01 năm 2026__'])
    pdf.center('BIÊN BẢN XEM XÉT DỮ LIỆU ĐIỆN TỬ', size=15, after=2)
    pdf.center('(Trích xuất hình ảnh từ camera an ninh CAM 02)', size=11, style='i', after=10)
    pdf.para('Hồi 10 giờ 00 phút ngày 09/01/2026, tại trụ sở Cơ quan Cảnh sát điều tra Công an quận Ba Đình, Điều tra '
             'viên Đinh Quốc Khánh cùng Kiểm sát viên Lý Thu Trang tiến hành xem xét tệp video CAM02_20260108_2200.mp4 '
             'do chị Phạm Thu Hà giao nộp. Tệp có thời lượng 30 phút, độ phân giải 320 x 240, ghi từ 22 giờ 00 phút '
             'đến 22 giờ 30 phút ngày 08/01/2026. Kết quả xem xét, trích xuất các khung hình như sau:')
    rng = random.Random(173)
    stills = [(2, 'một người nam giới mặc áo khoác đen, đội mũ lưỡi trai màu ghi đi bộ từ trái sang phải'),
              (14, 'người này tiến đến gần xe mô tô màu đỏ dựng trên vỉa hè'),
              (20, 'người này ngồi xuống cạnh xe, tay đưa về phía ổ khóa điện'),
              (30, 'người này điều khiển xe mô tô rời khỏi vị trí, đi về phía phố Liễu Giai')]
    frames = {i: _camera_frame(i, rng) for i in range(40)}
    for n, (i, what) in enumerate(stills, start=1):
        pdf.page_break()
        pdf.bookmark(f'Khung hình {n}')
        img = frames[i].resize((640, 480), Image.Resampling.NEAREST)
        pdf.image(_jpeg(img, 78), 400, 300,
                  caption=f'Khung hình {n} — thời điểm 22:14:0{i // 10}: {what}.')
    pdf.para('Việc xem xét kết thúc hồi 11 giờ 30 phút cùng ngày. Dữ liệu gốc được niêm phong, lưu trong hồ sơ vụ án.',
             before=6, after=12)
    pdf.signatures([['**KIỂM SÁT VIÊN**', '~', '', '**Lý Thu Trang**'],
                    ['**ĐIỀU TRA VIÊN**', '~', '', '**Đinh Quốc Khánh**']])


def _doc_biography(pdf: _Pdf) -> None:
    pdf.new_page()
    pdf.header(_CQDT, _NATION)
    pdf.center('LÝ LỊCH BỊ CAN', size=16, after=10)
    rows = [['Mục', 'Nội dung'],
            ['Họ và tên', 'Nguyễn Văn Hải (tên gọi khác: không)'],
            ['Ngày, tháng, năm sinh', '14/5/1995'],
            ['Nơi sinh', 'Xã Thanh Hà, tỉnh Hà Nam'],
            ['Nơi thường trú', 'Xóm 4, xã Thanh Hà, tỉnh Hà Nam'],
            ['Chỗ ở hiện nay', 'Phòng 204 nhà số 18 ngõ 158 phố Ngọc Hà, phường Đội Cấn, quận Ba Đình'],
            ['Dân tộc / Tôn giáo / Quốc tịch', 'Kinh / Không / Việt Nam'],
            ['Trình độ văn hóa', '9/12'],
            ['Nghề nghiệp', 'Lao động tự do (phụ hồ)'],
            ['Họ tên cha', 'Nguyễn Văn Tư, sinh năm 1968, làm ruộng'],
            ['Họ tên mẹ', 'Đặng Thị Hoa, sinh năm 1971, làm ruộng'],
            ['Vợ, con', 'Chưa có'],
            ['Anh chị em ruột', 'Có 03 anh chị em, bị can là con thứ hai'],
            ['Tiền án', 'Không'],
            ['Tiền sự', 'Ngày 12/6/2025 bị Trưởng Công an phường Kim Mã xử phạt vi phạm hành chính 1.500.000 đồng về '
                        'hành vi trộm cắp tài sản'],
            ['Biện pháp ngăn chặn', 'Tạm giữ từ 10/01/2026; tạm giam từ 19/01/2026 tại Trại tạm giam số 1 Công an '
                                    'thành phố Hà Nội']]
    pdf.table([150, 300], rows, size=11)
    pdf.center('TÓM TẮT QUÁ TRÌNH HOẠT ĐỘNG CỦA BẢN THÂN', size=12, before=8, after=6)
    for text in (
        'Từ năm 2001 đến năm 2010: học tiểu học và trung học cơ sở tại xã Thanh Hà; học hết lớp 9 thì nghỉ học ở nhà '
        'giúp gia đình làm ruộng.',
        'Từ năm 2011 đến năm 2018: đi làm thuê tại các xưởng may, xưởng cơ khí ở khu công nghiệp '
        'Đồng Văn, tỉnh Hà Nam.',
        'Từ năm 2019 đến tháng 8 năm 2025: lên Hà Nội làm phụ xe, bốc xếp hàng hóa, phụ hồ theo ngày; thuê trọ tại '
        'nhiều nơi trên địa bàn quận Cầu Giấy và quận Ba Đình.',
        'Từ tháng 9 năm 2025 đến ngày bị bắt: làm phụ hồ không thường xuyên, thuê trọ tại ngõ 158 phố Ngọc Hà.',
    ):
        pdf.para(f'- {text}', left=10, indent=0)
    pdf.para('Tôi xin cam đoan những lời khai trên là đúng sự thật, nếu sai tôi xin chịu trách nhiệm trước pháp luật.',
             before=4, after=12)
    pdf.signatures([['**ĐIỀU TRA VIÊN**', '~', '', '**Đinh Quốc Khánh**'],
                    ['**NGƯỜI KHAI LÝ LỊCH**', '~', '', '**Nguyễn Văn Hải**']])


def _doc_victim_2(pdf: _Pdf) -> None:
    bio = ('**Trần Thị Mai**, sinh năm 1990; nơi cư trú: số 15 phố Đội Cấn, phường Đội Cấn, quận Ba Đình, thành '
           'phố Hà Nội; nghề nghiệp: nhân viên văn phòng.')
    _statement(pdf, title='BIÊN BẢN GHI LỜI KHAI', number='19/BB-ĐCS', date=(15, 2, 2026), start='09 giờ 00 phút',
               end='09 giờ 50 phút', place=_ROOM, officer=_OFFICER, recorder=_RECORDER, role='bị hại',
               person='Trần Thị Mai', details=bio, qas=[
        ('Chị đã nhận lại tài sản bị chiếm đoạt chưa? Tình trạng tài sản như thế nào?',
         'Ngày 25/01/2026 tôi đã nhận lại xe mô tô và điện thoại theo quyết định xử lý vật chứng. Xe bị hỏng ổ khóa '
         'điện và khóa cổ, điện thoại bị nứt màn hình. Tôi đã sửa chữa hết 2.850.000 đồng, có hóa đơn kèm theo.'),
        ('Gia đình bị can đã bồi thường cho chị chưa?',
         'Ngày 14/02/2026, bố của Hải là ông Nguyễn Văn Tư đã đến gặp tôi, xin lỗi và bồi thường đủ 2.850.000 đồng. '
         'Hai bên có viết giấy biên nhận. Tôi không yêu cầu bồi thường gì thêm.'),
        ('Chị có đề nghị gì về việc xử lý đối với bị can?',
         'Tôi thấy Hải còn trẻ, gia đình khó khăn, đã biết ăn năn hối lỗi và bồi thường cho tôi nên tôi có đơn đề '
         'nghị cơ quan tiến hành tố tụng xem xét giảm nhẹ hình phạt cho Hải.'),
        ('Chị có đề nghị được vắng mặt tại phiên tòa không?',
         'Tôi sẽ tham gia phiên tòa. Nếu phiên tòa xét xử trực tuyến, tôi đề nghị được tham gia tại điểm cầu trung '
         'tâm.'),
    ])


def _doc_self_statement(pdf: _Pdf) -> None:
    pdf.new_page()
    pdf.header(['', '', ''], _NATION)
    pdf.center('BẢN TỰ KHAI', size=16, after=10)
    pdf.para('Tôi tên là Nguyễn Văn Hải, sinh ngày 14/5/1995, chỗ ở hiện nay: phòng 204 nhà số 18 ngõ 158 phố Ngọc '
             'Hà, phường Đội Cấn, quận Ba Đình, thành phố Hà Nội. Nay tôi tự viết bản tự khai này trình bày sự việc '
             'như sau:')
    for text in (
        'Khoảng cuối tháng 12 năm 2025 tôi không có việc làm, tiền trọ còn nợ chủ nhà hai tháng, tôi nhiều lần vay '
        'tiền bạn bè nhưng không ai cho vay nên nảy sinh ý định đi trộm xe máy mang bán.',
        'Tối ngày 08/01/2026, tôi mang chiếc vam phá khóa đi bộ ra phố Đội Cấn. Khoảng hơn 22 giờ, tôi thấy chiếc xe '
        'Air Blade màu đỏ đen dựng trước cửa nhà số 15 không có người trông nên dùng vam phá ổ khóa điện, bẻ khóa cổ '
        'rồi nổ máy đi về phòng trọ. Về đến nơi tôi tháo biển số và thấy trong cốp có một chiếc điện thoại Samsung '
        'màu tím, tôi cất đi để bán.',
        'Ngày 10/01/2026 tôi bị Công an mời về làm việc. Tôi đã khai nhận toàn bộ sự việc và dẫn cán bộ về phòng trọ '
        'chỉ nơi để xe, biển số và điện thoại.',
        'Tôi biết việc làm của mình là sai trái, vi phạm pháp luật. Tôi xin lỗi chị Mai và mong được cơ quan pháp luật '
        'khoan hồng, cho tôi cơ hội sửa chữa sai lầm, sớm trở về với gia đình.',
    ):
        pdf.para(text)
    pdf.para('Tôi xin cam đoan những điều tôi khai trên là đúng sự thật.', before=4, after=12)
    pdf.signatures([['', '', '', ''],
                    ['__Hà Nội, ngày 10 tháng 01 năm 2026__', '**NGƯỜI TỰ KHAI**', '~', '', '**Nguyễn Văn Hải**']])


def _doc_cover(pdf: _Pdf, entries: list[dict], total_bl: int) -> None:
    c = DEMO_CASE
    page = pdf.new_page()
    frame = page.rect + (40, 58, -40, -40)
    page.draw_rect(frame, color=_BLACK, width=2.2)
    page.draw_rect(frame + (5, 5, -5, -5), color=_BLACK, width=0.7)
    pdf.y = 90
    pdf.center('TÒA ÁN NHÂN DÂN QUẬN BA ĐÌNH', size=13, after=0)
    pdf.center('THÀNH PHỐ HÀ NỘI', size=13, after=60)
    pdf.center('HỒ SƠ VỤ ÁN HÌNH SỰ', size=26, after=4)
    pdf.center('SƠ THẨM', size=16, after=30)
    pdf.center(f'Số thụ lý: {c["case_number"]}', size=14, style='r', after=26)
    for label, value in (
        ('Vụ án', 'Trộm cắp tài sản'),
        ('Bị cáo', 'Nguyễn Văn Hải, sinh năm 1995 (đang bị tạm giam)'),
        ('Tội danh', 'Trộm cắp tài sản — khoản 1 Điều 173 Bộ luật Hình sự'),
        ('Bị hại', 'Trần Thị Mai'),
        ('Người làm chứng', 'Lê Văn Bình, Phạm Thu Hà'),
        ('Cáo trạng', f'Số {c["indictment_number"]} ngày 20/3/2026 của VKSND quận Ba Đình'),
        ('Hội đồng xét xử', f'Thẩm phán chủ tọa {c["trial_panel"]["presiding_judge"]}; Hội thẩm nhân dân '
                            f'{c["trial_panel"]["assessors"][0]}, {c["trial_panel"]["assessors"][1]}'),
        ('Ngày xét xử', '15/4/2026, 08 giờ 00 — xét xử công khai, trực tuyến'),
    ):
        pdf.para(f'**{label}:** {value}', size=12.5, align='left', indent=0, left=10, after=6)
    pdf.y = 640
    pdf.center(f'Hồ sơ gồm {len(entries)} tài liệu, được đánh số bút lục từ 1 đến {total_bl}', size=12, style='i',
               after=4)
    pdf.center('Ngày thụ lý: 25/3/2026 — Ngày nhận hồ sơ: 24/3/2026', size=12, style='i', after=4)
    pdf.center('Thư ký thụ lý: Ngô Minh Tuấn', size=12, style='i')

    pdf.new_page()
    pdf.header(_TOA, _NATION)
    pdf.center('MỤC LỤC HỒ SƠ', size=16, after=2)
    pdf.center(f'Vụ án hình sự sơ thẩm số {c["case_number"]} — bị cáo Nguyễn Văn Hải', size=11, style='i', after=10)
    rows = [['STT', 'Tên tài liệu', 'Ký hiệu', 'Bút lục']]
    for i, e in enumerate(entries, start=1):
        first, last = e['bl'], e['bl'] + e['count'] - 1
        rows.append([str(i), e['title'], e['label'], f'{first}' if first == last else f'{first}–{last}'])
    pdf.table([32, 300, 56, 72], rows, size=10, aligns=['center', 'left', 'center', 'center'])
    pdf.para(f'Tổng cộng: {len(entries)} tài liệu, {total_bl} bút lục. Bút lục là số trang hồ sơ được đánh liên tục, '
             'đóng dấu ở góc trên bên phải mỗi trang.', size=10.5, style='i', indent=0)


# ---------------------------------------------------------------------------------------------------------------
# The bundle


@dataclass(slots=True)
class _Entry:
    file: str
    label: str
    title: str
    party: str
    bl: int
    count: int
    pages: str = ''
    extra: dict = field(default_factory=dict)


def write_demo_case_file(out_dir: Path) -> list[Path]:
    """Write the demo case file into ``out_dir`` (created if missing) and return the paths written, the manifest
    last. Files: the PDFs and camera recording listed in ``manifest.csv`` (columns ``file,pages,label,title,party,bl``,
    one row per exhibit in bút lục order)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    entries: list[_Entry] = []
    written: list[Path] = []
    bl = 3  # BL 1-2: the cover and index, written last once every other range is known

    labels = iter(range(2, 100))

    def next_label() -> str:
        return f'TL-{next(labels):02d}'

    def pdf_doc(file: str, title: str, party: str, build, subject: str):
        nonlocal bl
        label = next_label()
        pdf = _Pdf(bl)
        result = build(pdf)
        n = pdf.save(out_dir / file, title=title, subject=subject, author=party)
        entries.append(_Entry(file, label, title, party, bl, n))
        written.append(out_dir / file)
        bl += n
        return result

    pdf_doc('02-cao-trang.pdf', f'Cáo trạng số {DEMO_CASE["indictment_number"]} ngày 20/3/2026', 'Viện kiểm sát',
            _doc_indictment, 'Cáo trạng')
    pdf_doc('03-quyet-dinh-dua-vu-an-ra-xet-xu.pdf', 'Quyết định đưa vụ án ra xét xử', 'Tòa án',
            _doc_trial_decision, 'Quyết định đưa vụ án ra xét xử')
    pdf_doc('04-ban-ket-luan-dieu-tra.pdf', 'Bản kết luận điều tra số 31/KLĐT-ĐCS', 'Cơ quan điều tra',
            _doc_investigation_report, 'Bản kết luận điều tra')
    pdf_doc('05-ly-lich-bi-can.pdf', 'Lý lịch bị can Nguyễn Văn Hải', 'Bị cáo', _doc_biography, 'Lý lịch bị can')
    pdf_doc('06-ban-tu-khai.pdf', 'Bản tự khai của bị can Nguyễn Văn Hải', 'Bị cáo', _doc_self_statement,
            'Bản tự khai')
    # One PDF holding both interrogations, split into two manifest rows.
    first_len = pdf_doc('07-hoi-cung-bi-can.pdf', 'Biên bản hỏi cung bị can', 'Bị cáo', _doc_defendant,
                        'Biên bản hỏi cung bị can')
    both = entries.pop()
    entries.append(_Entry(both.file, both.label, 'Biên bản hỏi cung bị can Nguyễn Văn Hải (lần 1, ngày 10/01/2026)',
                          'Bị cáo', both.bl, first_len, pages=f'1-{first_len}'))
    entries.append(_Entry(both.file, next_label(), 'Biên bản hỏi cung bị can Nguyễn Văn Hải (lần 2, ngày '
                          '21/01/2026)', 'Bị cáo', both.bl + first_len, both.count - first_len,
                          pages=f'{first_len + 1}-{both.count}'))
    pdf_doc('08-loi-khai-bi-hai.pdf', 'Biên bản ghi lời khai bị hại Trần Thị Mai (ngày 09/01/2026)', 'Bị hại',
            _doc_victim, 'Biên bản ghi lời khai')
    pdf_doc('09-loi-khai-bi-hai-lan-2.pdf', 'Biên bản ghi lời khai bị hại Trần Thị Mai (ngày 15/02/2026)', 'Bị hại',
            _doc_victim_2, 'Biên bản ghi lời khai')
    pdf_doc('10-loi-khai-nguoi-lam-chung-le-van-binh.pdf', 'Biên bản ghi lời khai người làm chứng Lê Văn Bình',
            'Người làm chứng', _doc_witness_binh, 'Biên bản ghi lời khai')
    pdf_doc('11-loi-khai-nguoi-lam-chung-pham-thu-ha.pdf', 'Biên bản ghi lời khai người làm chứng Phạm Thu Hà',
            'Người làm chứng', _doc_witness_ha, 'Biên bản ghi lời khai')
    pdf_doc('12-ban-anh-hien-truong.pdf', 'Bản ảnh hiện trường', 'Cơ quan điều tra', _doc_scene_photos,
            'Bản ảnh hiện trường')
    pdf_doc('13-ban-anh-vat-chung.pdf', 'Bản ảnh vật chứng', 'Cơ quan điều tra', _doc_photos, 'Bản ảnh vật chứng')
    pdf_doc('14-xem-xet-du-lieu-camera.pdf', 'Biên bản xem xét dữ liệu điện tử (ảnh trích xuất camera)',
            'Cơ quan điều tra', _doc_camera_stills, 'Biên bản xem xét dữ liệu điện tử')
    video = out_dir / '15-camera-an-ninh.webm'
    if _write_video(video) != 'libvpx':
        video = video.rename(video.with_suffix('.mp4'))
    entries.append(_Entry(video.name, next_label(), 'Dữ liệu điện tử: ghi hình camera an ninh số 20 phố Đội Cấn, '
                          '22:14 ngày 08/01/2026', 'Cơ quan điều tra', bl, 1))
    written.append(video)
    bl += 1
    pdf_doc('16-ket-luan-giam-dinh.pdf', 'Kết luận giám định số 235/KL-KTHS', 'Cơ quan điều tra', _doc_expert,
            'Kết luận giám định')
    pdf_doc('17-ket-luan-dinh-gia-tai-san.pdf', 'Kết luận định giá tài sản số 12/KL-HĐĐG', 'Cơ quan điều tra',
            _doc_valuation, 'Kết luận định giá tài sản')

    def scans(pdf: _Pdf) -> None:
        for i, (jpeg, title) in enumerate(_scan_pages(pdf.bl_first)):
            pdf.raster_page(jpeg)
            pdf.toc.append([1, title, i + 1])

    pdf_doc('18-tai-lieu-scan.pdf', 'Tài liệu ban đầu (bản scan): đơn trình báo, khám nghiệm hiện trường, thu giữ, '
            'nhận dạng, quyết định tố tụng', 'Cơ quan điều tra', scans, 'Tài liệu scan')

    cover = _Pdf(1, footer=False)
    listed = [{'title': 'Bìa hồ sơ và mục lục', 'label': 'TL-01', 'bl': 1, 'count': 2}]
    listed += [{'title': e.title, 'label': e.label, 'bl': e.bl, 'count': e.count} for e in entries]
    _doc_cover(cover, listed, bl - 1)
    if cover.doc.page_count != 2:
        raise RuntimeError(f'the cover and index took {cover.doc.page_count} pages, not 2')
    cover.save(out_dir / '01-bia-muc-luc.pdf', title='Bìa hồ sơ và mục lục', subject='Bìa hồ sơ, mục lục',
               author='Tòa án')
    entries.insert(0, _Entry('01-bia-muc-luc.pdf', 'TL-01', 'Bìa hồ sơ và mục lục', 'Tòa án', 1, 2))
    written.insert(0, out_dir / '01-bia-muc-luc.pdf')

    manifest = out_dir / 'manifest.csv'
    with manifest.open('w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(MANIFEST_COLUMNS)
        for e in entries:
            w.writerow([e.file, e.pages, e.label, e.title, e.party, e.bl])
    written.append(manifest)
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print('usage: python -m media.demo OUT_DIR', file=sys.stderr)
        return 2
    paths = write_demo_case_file(Path(args[0]))
    total = 0
    for p in paths:
        if p.suffix == '.pdf':
            with pymupdf.open(p) as doc:
                total += doc.page_count
                print(f'{p.name}: {doc.page_count} trang')
        else:
            print(p.name)
    print(f'{total} trang PDF')
    return 0


if __name__ == '__main__':
    sys.exit(main())
