"""A QR code read from a still (JPEG or PNG), with zxing-cpp: the ID card held to a participant's camera. The
still is checked before it is decoded (its kind by its first bytes, its size in bytes and in pixels), so a file that
is not an image, or a 60-megapixel one, is refused with a clear error and costs nothing."""

from __future__ import annotations

import warnings
from io import BytesIO

import zxingcpp
from PIL import Image

from courtroom.errors import TooLarge, Unprocessable, UnsupportedType

from .sniff import MIME, FileType, detect

MAX_STILL_BYTES = 12 * 1024 * 1024
MAX_STILL_PIXELS = 24_000_000  # a phone camera's full resolution; a card needs far less
_PIL_FORMATS = {'image/jpeg': 'JPEG', 'image/png': 'PNG'}


def picture_type(data: bytes) -> str | None:
    """'image/jpeg' or 'image/png' by the picture's first bytes (media.sniff); None for anything else."""
    kind = detect(data[:1024])
    return MIME[kind] if kind in (FileType.JPEG, FileType.PNG) else None


def read_qr(data: bytes) -> str | None:
    """The text of the first QR code in the still, or None when it shows none."""
    if len(data) > MAX_STILL_BYTES:
        raise TooLarge('still_too_large', size=len(data), max=MAX_STILL_BYTES)
    kind = picture_type(data)
    if kind is None:
        raise UnsupportedType('still_not_image')
    try:
        with warnings.catch_warnings():
            warnings.simplefilter('error', Image.DecompressionBombWarning)
            with Image.open(BytesIO(data), formats=[_PIL_FORMATS[kind]]) as image:
                width, height = image.size
                if width * height > MAX_STILL_PIXELS:
                    raise TooLarge('still_too_many_pixels', width=width, height=height, max=MAX_STILL_PIXELS)
                grey = image.convert('L')
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise Unprocessable('still_broken') from None
    found = zxingcpp.read_barcodes(grey, formats=zxingcpp.BarcodeFormat.QRCode)
    return found[0].text if found else None
