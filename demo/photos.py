"""Procedural exhibit and scene photographs drawn with Pillow, with their scales and evidence tags."""

from __future__ import annotations

import io
import math
import random

from PIL import Image, ImageDraw

from .typeset import pil_font


def draw_ruler(draw: ImageDraw.ImageDraw, x: int, y: int, cm_px: int, cms: int) -> None:
    """A photographic scale: alternating black/white centimetres with mm ticks."""
    h = 22
    draw.rectangle([x, y, x + cm_px * cms, y + h], fill=(245, 245, 235), outline=(20, 20, 20))
    for c in range(cms):
        if c % 2 == 0:
            draw.rectangle([x + c * cm_px, y + h - 8, x + (c + 1) * cm_px, y + h], fill=(20, 20, 20))
        for mm in range(10):
            tx = x + c * cm_px + mm * cm_px // 10
            draw.line([tx, y, tx, y + (9 if mm == 5 else 5)], fill=(20, 20, 20))
        draw.text((x + c * cm_px + 2, y + 6), str(c), font=pil_font('r', 9), fill=(20, 20, 20))
    draw.text((x + cm_px * cms - 24, y + 6), 'cm', font=pil_font('b', 9), fill=(20, 20, 20))


def draw_tag(draw: ImageDraw.ImageDraw, x: int, y: int, code: str) -> None:
    """A numbered evidence tag with its string hole."""
    draw.polygon([(x + 18, y), (x + 110, y), (x + 110, y + 62), (x + 18, y + 62), (x, y + 31)],
                 fill=(250, 215, 60), outline=(60, 50, 10))
    draw.ellipse([x + 10, y + 26, x + 20, y + 36], fill=(120, 110, 90))
    draw.text((x + 30, y + 6), 'VẬT CHỨNG', font=pil_font('b', 12), fill=(30, 30, 30))
    draw.text((x + 30, y + 24), code, font=pil_font('b', 24), fill=(180, 20, 20))


def backdrop(rng: random.Random, w: int, h: int, top, bottom) -> Image.Image:
    img = Image.new('RGB', (w, h))
    d = ImageDraw.Draw(img)
    for yy in range(h):
        t = yy / h
        d.line([0, yy, w, yy], fill=tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)))
    for _ in range(900):  # floor / wall texture
        px, py = rng.randrange(w), rng.randrange(h)
        v = rng.randint(-14, 14)
        c = img.getpixel((px, py))
        d.point((px, py), fill=tuple(max(0, min(255, ch + v)) for ch in c))
    return img


def photo_motorbike(seed: int, close_up: bool = False) -> Image.Image:
    rng = random.Random(seed)
    w, h = 800, 540
    img = backdrop(rng, w, h, (150, 152, 150), (95, 92, 88))
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
        d.text((250, 135), 'ON  OFF  LOCK', font=pil_font('b', 16), fill=(190, 190, 190))
        draw_ruler(d, 200, 460, 40, 10)
        draw_tag(d, 620, 40, 'VC-01')
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
    d.text((98, 256), '29B1-123.45', font=pil_font('b', 11), fill=(10, 10, 10))
    d.text((400, 245), 'AIR BLADE', font=pil_font('b', 16), fill=(235, 235, 235))
    draw_ruler(d, 250, 492, 30, 10)
    draw_tag(d, 660, 410, 'VC-01')
    return img


def photo_phone(seed: int) -> Image.Image:
    rng = random.Random(seed)
    w, h = 800, 540
    img = backdrop(rng, w, h, (215, 222, 230), (185, 192, 205))
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
    d.text((340, 400), 'SAMSUNG', font=pil_font('b', 18), fill=(120, 125, 140))
    draw_ruler(d, 200, 485, 40, 10)
    draw_tag(d, 600, 60, 'VC-02')
    return img


def photo_tool(seed: int) -> Image.Image:
    rng = random.Random(seed)
    w, h = 800, 540
    img = backdrop(rng, w, h, (228, 226, 220), (200, 196, 188))
    d = ImageDraw.Draw(img)
    # a "vam phá khóa": T-bar handle with a hardened, filed tip
    d.rounded_rectangle([150, 150, 640, 180], 12, fill=(110, 112, 118), outline=(50, 50, 55), width=2)
    d.rounded_rectangle([370, 180, 402, 380], 8, fill=(140, 142, 148), outline=(50, 50, 55), width=2)
    d.polygon([(370, 380), (402, 380), (394, 430), (378, 430)], fill=(170, 172, 178), outline=(50, 50, 55))
    for k in range(6):
        d.line([380, 392 + k * 6, 392, 392 + k * 6], fill=(80, 80, 85))
    d.rectangle([160, 154, 260, 176], fill=(30, 30, 35))  # tape grip
    d.rectangle([530, 154, 630, 176], fill=(30, 30, 35))
    draw_ruler(d, 200, 470, 40, 10)
    draw_tag(d, 620, 290, 'VC-03')
    return img


def to_jpeg(img: Image.Image, quality: int = 80) -> bytes:
    out = io.BytesIO()
    img.save(out, 'JPEG', quality=quality, optimize=True)
    return out.getvalue()


def photo_scene(seed: int, variant: int) -> Image.Image:
    """A night-time photo of the scene: sidewalk, house number 15, the lamp post, numbered evidence markers."""
    rng = random.Random(seed)
    w, h = 800, 540
    img = backdrop(rng, w, h, (48, 52, 62), (120, 118, 112))
    d = ImageDraw.Draw(img)
    shift = (variant % 4) * 60 - 90
    d.rectangle([0, 40, w, 300], fill=(150, 140, 125))  # facade
    d.rectangle([120 + shift, 120, 300 + shift, 300], fill=(70, 60, 50))  # door
    d.rectangle([330 + shift, 90, 360 + shift, 120], fill=(30, 70, 140))
    d.text((336 + shift, 93), '15', font=pil_font('b', 18), fill=(255, 255, 255))
    d.polygon([(0, 300), (w, 300), (w, 430), (0, 470)], fill=(175, 170, 160))  # sidewalk
    for k in range(-2, 16):
        d.line([k * 60 + shift % 60, 300, k * 60 - 30 + shift % 60, 455], fill=(150, 145, 135), width=2)
    d.polygon([(0, 470), (w, 430), (w, h), (0, h)], fill=(60, 60, 65))  # road
    d.rectangle([620 - shift // 2, 60, 636 - shift // 2, 430], fill=(90, 90, 95))  # lamp post
    d.text((560 - shift // 2, 190), 'ĐC-27', font=pil_font('b', 14), fill=(240, 240, 240))
    for k in range(1 + variant % 3):
        mx = 260 + k * 120 + shift // 3
        d.polygon([(mx, 400), (mx + 40, 400), (mx + 20, 360)], fill=(250, 200, 30), outline=(60, 40, 0))
        d.text((mx + 14, 378), str(k + 1), font=pil_font('b', 16), fill=(20, 20, 20))
    if variant in (2, 5):
        d.line([200, 420, 700, 405], fill=(250, 230, 60), width=5)  # measuring tape
        for t in range(200, 700, 25):
            d.line([t, 414, t, 426], fill=(30, 30, 30), width=1)
    if variant == 6:
        d.ellipse([380, 380, 396, 390], fill=(20, 20, 20))
        d.ellipse([410, 384, 422, 392], fill=(20, 20, 20))
        draw_ruler(d, 300, 440, 40, 6)
    return img
