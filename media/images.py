"""Image evidence (JPEG, PNG, TIFF). Dimensions are read from the file's header and checked against
``Limits.max_image_pixels`` before anything is decoded, so a PNG claiming 100000×100000 is refused without
allocating a pixel. Then every frame is decoded once (which proves it is readable) and thumbnailed.

A multi-page TIFF becomes one exhibit with one page per frame (the way PyMuPDF, which renders it, sees it)."""

from __future__ import annotations

import io
import mmap
import struct
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image, ImageOps

from courtroom.settings import Limits

from .errors import TooLarge, Unprocessable
from .image_sizes import THUMB_JPEG_QUALITY, THUMB_WIDTH
from .sniff import MIME, FileType

_MAX_FRAMES = 10_000


@dataclass(slots=True)
class ImageResult:
    width: int
    height: int
    thumbnails: list[bytes] = field(default_factory=list)  # one per frame
    media: dict[str, Any] = field(default_factory=dict)

    @property
    def page_count(self) -> int:
        return len(self.thumbnails)


def header_sizes(head: bytes, kind: FileType) -> list[tuple[int, int]] | None:
    """(width, height) of each frame as the header declares it, without decoding; None if the header is unreadable.
    ``head`` must hold the file's start (PNG, JPEG) or the whole file (TIFF: IFDs may sit anywhere)."""
    try:
        if kind is FileType.PNG:
            if head[12:16] != b'IHDR':
                return None
            return [struct.unpack('>II', head[16:24])]
        if kind is FileType.JPEG:
            return _jpeg_size(head)
        if kind is FileType.TIFF:
            return _tiff_sizes(head)
    except (struct.error, IndexError):
        return None
    return None


def _jpeg_size(data: bytes) -> list[tuple[int, int]] | None:
    i = 2
    while i + 4 <= len(data):
        if data[i] != 0xFF:
            return None
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            i += 2
            continue
        length = struct.unpack('>H', data[i + 2:i + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack('>HH', data[i + 5:i + 9])
            return [(width, height)]
        i += 2 + length
    return None


def _tiff_sizes(data: bytes) -> list[tuple[int, int]] | None:
    order = '<' if data[:2] == b'II' else '>'
    offset = struct.unpack(order + 'I', data[4:8])[0]
    sizes = []
    seen = set()
    while offset and offset not in seen and len(sizes) < _MAX_FRAMES:
        seen.add(offset)
        count = struct.unpack(order + 'H', data[offset:offset + 2])[0]
        width = height = None
        for k in range(count):
            entry = data[offset + 2 + 12 * k: offset + 14 + 12 * k]
            tag, typ = struct.unpack(order + 'HH', entry[:4])
            if tag in (256, 257):
                value = struct.unpack(order + ('H' if typ == 3 else 'I'), entry[8:10] if typ == 3 else entry[8:12])[0]
                if tag == 256:
                    width = value
                else:
                    height = value
        if width is None or height is None:
            return None
        sizes.append((width, height))
        offset = struct.unpack(order + 'I', data[offset + 2 + 12 * count: offset + 6 + 12 * count])[0]
    return sizes or None


def _check_sizes(sizes: list[tuple[int, int]], name: str, limits: Limits) -> None:
    for width, height in sizes:
        if width * height > limits.max_image_pixels:
            raise TooLarge('image_too_large', file=name, width=width, height=height, max=limits.max_image_pixels)
        if width < 1 or height < 1:
            raise Unprocessable('image_broken', file=name)


def process_image(path: Path, name: str, kind: FileType, limits: Limits) -> ImageResult:
    """Check, decode and thumbnail an image. Refuses ``image_too_large`` and ``image_broken``."""
    with path.open('rb') as f:
        if kind is FileType.TIFF:  # IFDs may sit anywhere in the file: map it rather than read it
            with mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as head:
                sizes = header_sizes(head, kind)  # type: ignore[arg-type]
        else:
            sizes = header_sizes(f.read(1 << 16), kind)
    if sizes is None:
        raise Unprocessable('image_broken', file=name)
    _check_sizes(sizes, name, limits)
    try:
        # Our limit was checked above; Pillow's own, lower, bomb check would only warn or refuse with less detail.
        with warnings.catch_warnings():
            warnings.simplefilter('ignore', Image.DecompressionBombWarning)
            with Image.open(path) as im:
                result = ImageResult(width=im.width, height=im.height, media={'mime': MIME[kind]})
                frames = getattr(im, 'n_frames', 1)
                if frames > _MAX_FRAMES or frames != len(sizes):
                    raise Unprocessable('image_broken', file=name)
                for index in range(frames):
                    im.seek(index)
                    _check_sizes([im.size], name, limits)
                    result.thumbnails.append(_thumbnail(im))
    except (OSError, SyntaxError, ValueError, EOFError, struct.error, Image.DecompressionBombError) as e:
        raise Unprocessable('image_broken', file=name) from e
    result.media.update(width=result.width, height=result.height)
    if result.page_count > 1:
        result.media['frames'] = result.page_count
    return result


def _thumbnail(im: Image.Image) -> bytes:
    height = max(1, round(im.height * THUMB_WIDTH / im.width))
    if im.format == 'JPEG':
        im.draft('RGB', (THUMB_WIDTH, height))  # decode at 1/2..1/8 scale: the whole stream is still read
    im.load()
    # upright, as the renderer shows it: cameras record their orientation in EXIF instead of turning the pixels
    frame = ImageOps.exif_transpose(im) or im
    height = max(1, round(frame.height * THUMB_WIDTH / frame.width))
    if frame.mode in ('RGBA', 'LA', 'PA') or (frame.mode == 'P' and 'transparency' in frame.info):
        frame = frame.convert('RGBA')
        background = Image.new('RGBA', frame.size, 'white')
        frame = Image.alpha_composite(background, frame)
    if frame.mode not in ('RGB', 'L'):
        frame = ImageOps.grayscale(frame) if frame.mode.startswith('I') or frame.mode == 'F' else frame.convert('RGB')
    frame = frame.resize((THUMB_WIDTH, height), Image.Resampling.BILINEAR, reducing_gap=2.0)
    if frame.mode != 'RGB':
        frame = frame.convert('RGB')
    out = io.BytesIO()
    frame.save(out, 'JPEG', quality=THUMB_JPEG_QUALITY)
    return out.getvalue()
