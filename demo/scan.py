"""Scanned-looking pages: a page drawn with Pillow as a scanner would see it, BL stamp included."""

from __future__ import annotations

import io
import math
import random

from PIL import Image, ImageDraw, ImageFilter

from .typeset import LEFT, PAGE_H, PAGE_W, RIGHT, TOP, Token, pil_font, strip_markup, tokenize, wrap_lines

_SCAN_DPI = 100


class Scan:
    """A page drawn as a picture (what a scanner would produce): coordinates in points, rendered at 100 dpi."""

    def __init__(self, bl: int, seed: int) -> None:
        self.k = _SCAN_DPI / 72
        self.bl = bl
        self.rng = random.Random(seed)
        tone = 246 - self.rng.randint(0, 6)
        self.img = Image.new('RGB', (round(PAGE_W * self.k), round(PAGE_H * self.k)), (tone, tone - 2, tone - 9))
        self.draw = ImageDraw.Draw(self.img)
        self.y = TOP
        self.ink = (38, 38, 44)

    def px(self, v: float) -> int:
        return round(v * self.k)

    def text(self, x: float, y: float, text: str, *, size: float = 11, style: str = 'r', fill=None) -> None:
        self.draw.text((self.px(x), self.px(y)), text, font=pil_font(style, self.px(size)), fill=fill or self.ink)

    def width(self, text: str, size: float, style: str = 'r') -> float:
        return pil_font(style, self.px(size)).getlength(text) / self.k

    def para(self, text: str, *, size: float = 11.5, style: str = 'r', align: str = 'justify', indent: float = 26,
             left: float = 0.0, before: float = 0.0, after: float = 3.0, leading: float = 1.45) -> None:
        self.y += before
        width = PAGE_W - LEFT - RIGHT - left
        toks = tokenize(text, style)

        def measure(t: Token) -> float:
            return self.width(t.text, size, t.style)

        def space_w(t: Token) -> float:
            return self.width(' ', size, t.style)

        lines = wrap_lines(toks, measure, space_w, width - indent, width)
        for i, line in enumerate(lines):
            ind = indent if i == 0 else 0.0
            natural = sum(g + w for _, g, w in line)
            gaps = sum(1 for _, g, _ in line if g)
            x = LEFT + left + ind
            extra = 0.0
            if align == 'center':
                x = LEFT + left + (width - natural) / 2
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
        for lines, x0, x1 in ((left, LEFT - 22, LEFT + 193), (right, LEFT + 193, PAGE_W - RIGHT + 6)):
            y = y0
            for text in lines:
                if text == '---':
                    cx = (x0 + x1) / 2
                    self.draw.line([(self.px(cx - 40), self.px(y + 1)), (self.px(cx + 40), self.px(y + 1))],
                                   fill=self.ink, width=1)
                    y += 5
                    continue
                style = 'b' if text.startswith('**') else 'i' if text.startswith('__') else 'r'
                plain = strip_markup(text)
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
            pts.append((self.px(x), self.px(y + 42 + math.sin(i * 1.2 + self.rng.random()) * 9)))
        self.draw.line(pts, fill=(30, 45, 130), width=2)
        if seal:
            self.seal(cx - 30, y + 36)
        self.text(cx - self.width(name, 11, 'b') / 2, y + 72, name, size=11, style='b')

    def seal(self, cx: float, cy: float) -> None:
        red = (200, 40, 45)
        for r, w in ((34, 3), (30, 1), (16, 2)):
            self.draw.ellipse([self.px(cx - r), self.px(cy - r), self.px(cx + r), self.px(cy + r)],
                              outline=red, width=w)
        star = [(self.px(cx + 12 * math.cos(math.radians(-90 + k * 144))),
                 self.px(cy + 12 * math.sin(math.radians(-90 + k * 144)))) for k in range(5)]
        self.draw.polygon(star, fill=red)

    def paste(self, img: Image.Image, x: float, y: float, w: float, h: float) -> None:
        self.img.paste(img.resize((self.px(w), self.px(h)), Image.Resampling.LANCZOS), (self.px(x), self.px(y)))
        self.draw.rectangle([self.px(x), self.px(y), self.px(x + w), self.px(y + h)], outline=(90, 90, 90))

    def _bl_stamp(self) -> None:
        label = f'BL {self.bl}'
        font = pil_font('b', self.px(12))
        w = round(font.getlength(label)) + self.px(16)
        h = self.px(22)
        stamp = Image.new('RGBA', (w + 6, h + 6), (0, 0, 0, 0))
        d = ImageDraw.Draw(stamp)
        ink = (70, 55, 150, 215)
        d.rectangle([3, 3, w + 2, h + 2], outline=ink, width=2)
        d.rectangle([7, 7, w - 2, h - 2], outline=ink, width=1)
        d.text((3 + self.px(8), 3 + self.px(4)), label, font=font, fill=ink)
        stamp = stamp.rotate(self.rng.uniform(-4, 4), resample=Image.Resampling.BICUBIC, expand=True)
        x = self.px(PAGE_W - RIGHT) - stamp.width + self.rng.randint(-6, 6)
        self.img.paste(stamp, (x, self.px(20) + self.rng.randint(-4, 4)), stamp)

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
