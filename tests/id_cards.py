"""Pictures of a Vietnamese chip ID card for the identity tests: a card-coloured rectangle with a name printed and
the QR code of its fields (segno), as a JPEG or PNG still, or as frames of a fake camera (.y4m) for Chromium's
``--use-file-for-fake-video-capture``."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import segno
from PIL import Image, ImageDraw

CARD_TEXT = '001090012345|123456789|Nguyễn Văn Hải|01021990|Nam|Số 12 phố Huế, Hai Bà Trưng, Hà Nội|15082021'


def card_image(text: str = CARD_TEXT, *, width: int = 640, height: int = 480, qr_px: int = 260) -> Image.Image:
    """The card filling most of a ``width``×``height`` frame, its QR ``qr_px`` wide, on a dark desk."""
    frame = Image.new('RGB', (width, height), (40, 44, 52))
    card = Image.new('RGB', (int(width * 0.9), int(height * 0.8)), (214, 228, 240))
    draw = ImageDraw.Draw(card)
    draw.rectangle((0, 0, card.width, 40), fill=(180, 30, 40))
    draw.text((16, 12), 'CAN CUOC CONG DAN', fill=(255, 255, 255))
    draw.text((16, 70), 'NGUYEN VAN HAI  01/02/1990', fill=(20, 20, 20))
    buffer = BytesIO()
    segno.make(text, error='m').save(buffer, kind='png', scale=4, border=2)
    qr = Image.open(BytesIO(buffer.getvalue())).convert('RGB').resize((qr_px, qr_px), Image.NEAREST)
    card.paste(qr, (card.width - qr_px - 16, card.height - qr_px - 16))
    frame.paste(card, ((width - card.width) // 2, (height - card.height) // 2))
    return frame


def card_still(text: str = CARD_TEXT, kind: str = 'JPEG', **size: int) -> bytes:
    out = BytesIO()
    card_image(text, **size).save(out, kind, quality=90)
    return out.getvalue()


def card_y4m(path: Path, text: str = CARD_TEXT, *, frames: int = 30, fps: int = 15) -> Path:
    """A short fake camera (I420 .y4m), the card still in every frame; Chromium loops it."""
    image = card_image(text)
    y, u, v = image.convert('YCbCr').split()
    half = (image.width // 2, image.height // 2)
    planes = y.tobytes() + u.resize(half).tobytes() + v.resize(half).tobytes()
    with path.open('wb') as out:
        out.write(f'YUV4MPEG2 W{image.width} H{image.height} F{fps}:1 Ip A1:1 C420jpeg\n'.encode())
        for _ in range(frames):
            out.write(b'FRAME\n' + planes)
    return path
