"""Fonts, page geometry and line breaking shared by the PDF writer and the scanned pages.

Markup: ``**bold**`` and ``__italic__`` toggle; text is drawn with the Noto Sans built into PyMuPDF so
Vietnamese diacritics survive text extraction.
"""

from __future__ import annotations

import functools
import io
import re
from dataclasses import dataclass

import pymupdf
from PIL import ImageFont

PAGE_W, PAGE_H = 595.28, 841.89  # A4 in points
LEFT, RIGHT, TOP, BOTTOM = 79.0, 56.0, 62.0, 64.0  # ~28 mm / 20 mm / 22 mm / 22 mm

_FONT_CODES = {'r': 'notos', 'b': 'notosbo', 'i': 'notosit', 'bi': 'notosbi'}


@functools.cache
def pdf_font(style: str) -> pymupdf.Font:
    return pymupdf.Font(_FONT_CODES[style])


@functools.cache
def pil_font(style: str, px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(io.BytesIO(pdf_font(style).buffer), px, layout_engine=ImageFont.Layout.BASIC)


def markup_runs(text: str, base: str = 'r') -> list[tuple[str, str]]:
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


def strip_markup(text: str) -> str:
    return text.replace('**', '').replace('__', '')


@dataclass(slots=True)
class Token:
    text: str
    style: str
    space: bool  # a space separates it from the token before


def tokenize(text: str, base: str) -> list[Token]:
    toks: list[Token] = []
    pending_space = False
    for run, style in markup_runs(text, base):
        parts = run.split(' ')
        for i, word in enumerate(parts):
            if i > 0:
                pending_space = True
            if word:
                toks.append(Token(word, style, pending_space))
                pending_space = False
    return toks


def wrap_lines(toks: list[Token], measure, space_w, first_width: float,
          width: float) -> list[list[tuple[Token, float, float]]]:
    """Greedy line breaking; each line is [(token, gap_before, token_width)]."""
    lines: list[list[tuple[Token, float, float]]] = []
    cur: list[tuple[Token, float, float]] = []
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
