"""Page rendering and its cache: one exhibit page, at one width, as a JPEG (or PNG) file.

Every page of every kind becomes a picture: a document page through MuPDF, an image through Pillow (with its
EXIF orientation), a video as its poster frame (PyAV), an audio recording as a generated card. Files land in
``cache_dir / sha[:2] / f'{sha}-p{source_page}-w{width}.{ext}'``, the layout the importer's 240 px thumbnails
use too. The cache can always be rebuilt, so a file there is only ever replaced whole (temp file + os.replace).

Everything here blocks: callers run it in a worker thread or process, never on the event loop.

Encoding was chosen by measuring (bench/bench_render.py): Pillow's JPEG encoder at quality 85 is
the fastest of Pillow JPEG, MuPDF JPEG, PNG and WebP by a wide margin and looks clean on text, so it is the
default; 'png' stays available for lossless needs.
"""

from __future__ import annotations

import contextlib
import io
import logging
import math
import os
import re
import tempfile
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import av
import pymupdf
from PIL import Image, ImageOps

from courtroom.court_time import format_duration
from courtroom.errors import InvalidInput, NotFound, Unprocessable
from courtroom.exhibits import ExhibitKind

from .image_sizes import PAGE_JPEG_QUALITY, THUMB_WIDTH
from .pdf import MUPDF_LOCK, open_pdf

logger = logging.getLogger(__name__)

MIN_WIDTH = 64
MAX_WIDTH = 4096
PNG_COMPRESS_LEVEL = 3  # lossless either way; 3 is much faster than Pillow's default 6 for a few % more bytes
FORMATS: dict[str, str] = {'jpeg': 'jpg', 'png': 'png'}  # fmt -> file extension
MAX_PIXELS = 48_000_000  # a pathological page (a 4096 px wide receipt roll) is scaled down to fit, not rendered whole
POSTER_AT_S = 1.0

# MuPDF keeps global state that PyMuPDF does not protect: PyMuPDF is documented as unsafe to call from several
# threads at once, even on different documents. Every MuPDF call in the process goes through this lock; processes
# (run.cpu_bound) are the way to render in parallel. check.py takes it too.

_SHA256 = re.compile(r'[0-9a-f]{64}')
_CARD_SIZE = (1280.0, 720.0)
_fonts: dict[str, pymupdf.Font] = {}


# --- pure helpers ---------------------------------------------------------------------------------------------

def check_width(width: int) -> int:
    """``width`` itself when it is a whole number of pixels within [MIN_WIDTH, MAX_WIDTH]; InvalidInput otherwise."""
    if isinstance(width, bool) or not isinstance(width, int) or not MIN_WIDTH <= width <= MAX_WIDTH:
        raise InvalidInput('bad_width', width=width, min=MIN_WIDTH, max=MAX_WIDTH)
    return width


def cache_file(cache_dir: Path, *, sha256: str, source_page: int, width: int, fmt: str = 'jpeg') -> Path:
    """Where the rendering of ``source_page`` at ``width`` lives, whether or not it exists yet."""
    if not _SHA256.fullmatch(sha256):
        raise InvalidInput('bad_sha256', sha256=sha256)  # it becomes a file name: never let '../' through
    if fmt not in FORMATS:
        raise InvalidInput('bad_render_format', fmt=fmt, formats=', '.join(FORMATS))
    if isinstance(source_page, bool) or not isinstance(source_page, int) or source_page < 1:
        raise NotFound('source_page_not_found', sha256=sha256, page=source_page, page_count='?')
    check_width(width)
    return Path(cache_dir) / sha256[:2] / f'{sha256}-p{source_page}-w{width}.{FORMATS[fmt]}'


def _kind(kind: ExhibitKind | str) -> ExhibitKind:
    try:
        return ExhibitKind(kind)
    except ValueError:
        raise InvalidInput('bad_exhibit_kind', kind=kind, kinds=', '.join(k.value for k in ExhibitKind)) from None


# --- the cache ------------------------------------------------------------------------------------------------

def cached_path(
    cache_dir: Path, *, sha256: str, source_page: int, width: int, fmt: str = 'jpeg'
) -> Path | None:
    """The cached rendering if it is there, without rendering anything."""
    path = cache_file(cache_dir, sha256=sha256, source_page=source_page, width=width, fmt=fmt)
    try:
        return path if path.stat().st_size > 0 else None
    except FileNotFoundError:
        return None


def render_page(
    source: Path,
    *,
    sha256: str,
    kind: ExhibitKind | str,
    source_page: int,
    width: int,
    cache_dir: Path,
    fmt: str = 'jpeg',
    title: str = '',
    media: dict[str, Any] | None = None,
) -> Path:
    """The cached file of ``source_page`` of ``source`` at ``width`` pixels, rendered on a miss.

    ``source`` is the evidence file (EvidenceStore.path(sha256)); ``title`` and ``media`` (duration_s) are only
    used for an audio card. Two threads or processes asking for the same page both succeed: each writes its own
    temp file and the last os.replace wins with identical content.
    """
    path = cache_file(cache_dir, sha256=sha256, source_page=source_page, width=width, fmt=fmt)
    if _exists(path):
        return path
    image = _render_image(Path(source), sha256=sha256, kind=_kind(kind), source_page=source_page, width=width,
                          title=title, media=media or {})
    _write_atomic(path, _encode(image, fmt))
    return path


def prerender(
    source: Path,
    *,
    sha256: str,
    kind: ExhibitKind | str,
    source_pages: Iterable[int],
    widths: Iterable[int] = (THUMB_WIDTH,),
    cache_dir: Path,
    fmt: str = 'jpeg',
    title: str = '',
    media: dict[str, Any] | None = None,
) -> list[Path]:
    """Render every (page, width) pair that is not cached yet; the paths in page-major order."""
    widths = list(widths)
    return [
        render_page(source, sha256=sha256, kind=kind, source_page=page, width=width, cache_dir=cache_dir, fmt=fmt,
                    title=title, media=media)
        for page in source_pages
        for width in widths
    ]


def _exists(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except FileNotFoundError:
        return False


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f'.{path.name}.', suffix='.tmp')
    try:
        with os.fdopen(fd, 'wb') as f:
            os.fchmod(f.fileno(), 0o644)  # mkstemp's 0600 would hide the cache from a separate static server
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _encode(image: Image.Image, fmt: str) -> bytes:
    buffer = io.BytesIO()
    if fmt == 'jpeg':
        image.save(buffer, 'JPEG', quality=PAGE_JPEG_QUALITY)
    else:
        image.save(buffer, 'PNG', compress_level=PNG_COMPRESS_LEVEL)
    return buffer.getvalue()


# --- rendering, per kind --------------------------------------------------------------------------------------

def _pixmap_image(pix: pymupdf.Pixmap) -> Image.Image:
    # One copy of MuPDF's samples into Pillow's memory, so the image outlives the pixmap. (Pillow maps a buffer
    # without copying only for modes such as RGBA; for RGB, frombuffer already copies, so a .copy() after it
    # would be a second pass over ~15 MB at 1920 px.)
    return Image.frombytes('RGB', (pix.width, pix.height), pix.samples_mv, 'raw', 'RGB', pix.stride)


def _render_image(
    source: Path, *, sha256: str, kind: ExhibitKind, source_page: int, width: int, title: str, media: dict[str, Any]
) -> Image.Image:
    if kind is ExhibitKind.AUDIO:
        _only_page_one(sha256, source_page)
        duration = media.get('duration_s')
        return _audio_card(title=title, duration_s=float(duration) if duration is not None else None, width=width)
    if not source.is_file():
        raise NotFound('evidence_file_missing', sha256=sha256)
    if kind is ExhibitKind.DOCUMENT:
        return _document_page(source, sha256=sha256, source_page=source_page, width=width)
    if kind is ExhibitKind.IMAGE:
        return _image_page(source, sha256=sha256, source_page=source_page, width=width)
    _only_page_one(sha256, source_page)
    return _video_poster(source, sha256=sha256, width=width)


def _only_page_one(sha256: str, source_page: int) -> None:
    if source_page != 1:
        raise NotFound('source_page_not_found', sha256=sha256, page=source_page, page_count=1)


def _fit(width: int, src_w: float, src_h: float) -> tuple[int, int]:
    """Target (width, height) keeping the aspect ratio, scaled down as a whole when past MAX_PIXELS."""
    height = max(1, round(width * src_h / src_w))
    if width * height > MAX_PIXELS:
        scale = math.sqrt(MAX_PIXELS / (width * height))
        width, height = max(1, int(width * scale)), max(1, int(height * scale))
    return width, height


def _document_page(source: Path, *, sha256: str, source_page: int, width: int) -> Image.Image:
    with MUPDF_LOCK:
        # open_pdf, as the importer does: it sees the same pages in a file MuPDF had to repair
        with open_pdf(source, sha256) as doc:
            if not 1 <= source_page <= doc.page_count:
                raise NotFound('source_page_not_found', sha256=sha256, page=source_page, page_count=doc.page_count)
            try:
                page = doc[source_page - 1]
                rect = page.rect
                target_w, _ = _fit(width, rect.width, rect.height)
                zoom = target_w / rect.width
                # annots=True: annotations (stamps, highlights, form values) are part of the document as filed
                pix = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False, annots=True)
            except Exception as e:  # a page MuPDF cannot interpret
                raise Unprocessable('render_failed', sha256=sha256, page=source_page, detail=str(e)) from e
            return _pixmap_image(pix)


def _image_page(source: Path, *, sha256: str, source_page: int, width: int) -> Image.Image:
    # The importer checked the image against Limits.max_image_pixels, which is above Pillow's warning threshold
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', Image.DecompressionBombWarning)
        return _open_image_page(source, sha256=sha256, source_page=source_page, width=width)


def _open_image_page(source: Path, *, sha256: str, source_page: int, width: int) -> Image.Image:
    try:
        image = Image.open(source)
    except (OSError, Image.DecompressionBombError) as e:
        raise Unprocessable('render_failed', sha256=sha256, page=source_page, detail=str(e)) from e
    with image:
        frames = getattr(image, 'n_frames', 1)
        if not 1 <= source_page <= frames:
            raise NotFound('source_page_not_found', sha256=sha256, page=source_page, page_count=frames)
        if source_page > 1:
            image.seek(source_page - 1)
        # JPEG only: decode at 1/2, 1/4 or 1/8 scale when that still covers the width in either orientation
        image.draft('RGB', (width, width))
        try:
            upright = ImageOps.exif_transpose(image)
            rgb = _to_rgb(upright)
        except (OSError, ValueError, EOFError, Image.DecompressionBombError) as e:
            raise Unprocessable('render_failed', sha256=sha256, page=source_page, detail=str(e)) from e
    size = _fit(width, rgb.width, rgb.height)
    return rgb if rgb.size == size else rgb.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)


def _to_rgb(image: Image.Image) -> Image.Image:
    """RGB with any transparency laid on white, as a page would show it."""
    if image.mode == 'P' and 'transparency' in image.info:
        image = image.convert('RGBA')
    if image.mode in ('RGBA', 'LA', 'PA', 'RGBa', 'La'):
        rgba = image.convert('RGBA')
        background = Image.new('RGB', rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel('A'))
        return background
    if image.mode in ('I;16', 'I;16B', 'I;16L', 'I;16N', 'I'):
        image = image.point(lambda v: v / 256).convert('L')  # 16-bit greyscale scans: keep the top 8 bits
    return image if image.mode == 'RGB' else image.convert('RGB')


def _video_poster(source: Path, *, sha256: str, width: int) -> Image.Image:
    try:
        with av.open(str(source)) as container:
            if not container.streams.video:
                raise Unprocessable('render_failed', sha256=sha256, page=1, detail='no video stream')
            stream = container.streams.video[0]
            frame = _poster_frame(container, stream)
            if frame is None:
                raise Unprocessable('render_failed', sha256=sha256, page=1, detail='no decodable frame')
            image = frame.to_image()
            # PyAV 18's frames carry no sample_aspect_ratio of their own: a stream that leaves it unset is square
            sar = stream.codec_context.sample_aspect_ratio or getattr(frame, 'sample_aspect_ratio', None)
            rotation = frame.rotation
    except av.FFmpegError as e:
        raise Unprocessable('render_failed', sha256=sha256, page=1, detail=str(e)) from e
    if sar and sar > 0 and sar != 1:  # anamorphic: stored pixels are not square
        image = image.resize((max(1, round(image.width * float(sar))), image.height))
    if rotation:  # a phone's display matrix: rotation is counter-clockwise, as PIL's rotate
        image = image.rotate(rotation, expand=True)
    return image.resize(_fit(width, image.width, image.height), Image.Resampling.LANCZOS, reducing_gap=3.0)


def _poster_frame(container: Any, stream: Any) -> Any:
    """The first frame at or after POSTER_AT_S, or the stream's last frame before it, or its first frame."""
    duration = float(container.duration / av.time_base) if container.duration else None
    if duration is None or duration > POSTER_AT_S:
        with contextlib.suppress(av.FFmpegError):
            if stream.time_base:
                container.seek(int(POSTER_AT_S / stream.time_base), stream=stream)
            best = None
            for frame in container.decode(stream):
                best = frame
                if frame.time is None or frame.time >= POSTER_AT_S:
                    break
            if best is not None:
                return best
        container.seek(0)
    return next(iter(container.decode(stream)), None)


# --- the audio card -------------------------------------------------------------------------------------------

def _font(name: str) -> pymupdf.Font:
    # Noto Sans from pymupdf-fonts covers Vietnamese; MuPDF's built-in Helvetica drops 'ụ', 'ố' and friends
    if name not in _fonts:
        _fonts[name] = pymupdf.Font(name)
    return _fonts[name]


def _ellipsize(text: str, font: pymupdf.Font, size: float, max_width: float) -> str:
    if font.text_length(text, fontsize=size) <= max_width:
        return text
    while text and font.text_length(text + '…', fontsize=size) > max_width:
        text = text[:-1]
    return text.rstrip() + '…'


def _centered(writer: pymupdf.TextWriter, text: str, *, y: float, font: pymupdf.Font, size: float) -> None:
    text = _ellipsize(text, font, size, _CARD_SIZE[0] - 160)
    x = (_CARD_SIZE[0] - font.text_length(text, fontsize=size)) / 2
    writer.append((x, y), text, font=font, fontsize=size)


def _audio_card(*, title: str, duration_s: float | None, width: int) -> Image.Image:
    """A neutral dark 16:9 card: a speaker glyph, 'Ghi âm', the title and the duration."""
    card_w, card_h = _CARD_SIZE
    with MUPDF_LOCK:
        doc = pymupdf.open()
        with doc:
            page = doc.new_page(width=card_w, height=card_h)
            page.draw_rect(page.rect, color=None, fill=(0.14, 0.15, 0.17))
            _draw_speaker(page, cx=card_w / 2, cy=250)
            regular, bold = _font('notos'), _font('notosbo')
            writer = pymupdf.TextWriter(page.rect)
            _centered(writer, 'Ghi âm', y=420, font=regular, size=34)
            _centered(writer, title.strip() or '—', y=490, font=bold, size=46)
            _centered(writer, format_duration(duration_s, short=True), y=570, font=regular, size=40)
            writer.write_text(page, color=(0.92, 0.93, 0.95))
            zoom = _fit(width, card_w, card_h)[0] / card_w
            pix = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
            return _pixmap_image(pix)


def _draw_speaker(page: pymupdf.Page, *, cx: float, cy: float) -> None:
    light = (0.92, 0.93, 0.95)
    shape = page.new_shape()
    x0 = cx - 70
    # the speaker: a box and a cone
    shape.draw_polyline([(x0, cy - 22), (x0 + 30, cy - 22), (x0 + 70, cy - 60), (x0 + 70, cy + 60),
                         (x0 + 30, cy + 22), (x0, cy + 22), (x0, cy - 22)])
    shape.finish(color=None, fill=light, closePath=True)
    # the sound: two arcs opening to the right, drawn as short polylines (y grows downwards)
    for radius in (45.0, 80.0):
        arc = [(x0 + 80 + radius * math.cos(math.radians(a)), cy + radius * math.sin(math.radians(a)))
               for a in range(-40, 41, 5)]
        shape.draw_polyline(arc)
        shape.finish(color=light, width=10, lineCap=1, closePath=False)
    shape.commit()
