"""Audio and video evidence with PyAV: duration, codecs, picture size, and a poster (the first video frame, or a
generated card for audio) as a 240 px JPEG. A file whose streams PyAV cannot decode is refused. Only the start of
each stream is decoded: enough to prove the codec works, not a full scan of a long recording."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import av
from PIL import Image, ImageDraw

from courtroom.court_time import format_duration
from courtroom.exhibits import ExhibitKind

from .errors import Unprocessable
from .image_sizes import THUMB_JPEG_QUALITY, THUMB_WIDTH

_MAX_PACKETS = 500  # packets to read before giving up on finding a first decodable frame


@dataclass(slots=True)
class AvResult:
    kind: ExhibitKind
    poster: bytes
    media: dict[str, Any] = field(default_factory=dict)


def _mime(format_name: str, kind: ExhibitKind, codecs: list[str]) -> str:
    names = set(format_name.split(','))
    video = kind is ExhibitKind.VIDEO
    if 'mp4' in names or 'mov' in names:
        return 'video/mp4' if video else 'audio/mp4'
    if 'matroska' in names or 'webm' in names:
        webm = set(codecs) <= {'vp8', 'vp9', 'av1', 'opus', 'vorbis'}
        return ('video/webm' if video else 'audio/webm') if webm else ('video/x-matroska' if video else 'audio/x-matroska')
    simple = {'mp3': 'audio/mpeg', 'wav': 'audio/wav', 'flac': 'audio/flac', 'avi': 'video/x-msvideo',
              'aac': 'audio/aac'}
    for n in names:
        if n in simple:
            return simple[n]
    if 'ogg' in names:
        return 'video/ogg' if video else 'audio/ogg'
    return 'video/octet-stream' if video else 'audio/octet-stream'


def probe(path: Path, name: str) -> AvResult:
    """Probe and verify an audio or video file. Refuses ``media_broken``."""
    try:
        with av.open(str(path), mode='r') as container:
            return _probe(container, name)
    except Unprocessable:
        raise
    except Exception as e:  # av.FFmpegError and its kin, or a stream that decodes to nothing usable
        raise Unprocessable('media_broken', file=name) from e


def _probe(container: Any, name: str) -> AvResult:
    videos = [s for s in container.streams.video if not (s.disposition & av.stream.Disposition.attached_pic)]
    audios = list(container.streams.audio)
    if not videos and not audios:
        raise Unprocessable('media_broken', file=name)
    kind = ExhibitKind.VIDEO if videos else ExhibitKind.AUDIO
    codecs = [s.codec_context.name for s in [*videos[:1], *audios[:1]]]
    duration = None
    if container.duration is not None:
        duration = container.duration / av.time_base
    else:
        stream = (videos or audios)[0]
        if stream.duration is not None and stream.time_base is not None:
            duration = float(stream.duration * stream.time_base)
    media: dict[str, Any] = {
        'mime': _mime(container.format.name, kind, codecs),
        'duration_s': None if duration is None else round(duration, 3),
        'codecs': codecs,
    }
    poster = None
    if videos:
        stream = videos[0]
        frame = _first_frame(container, stream, name)
        media.update(width=frame.width, height=frame.height)
        poster = _jpeg(frame.to_image())
    if audios:
        container.seek(0)
        _first_frame(container, audios[0], name)
    if poster is None:
        poster = audio_card(media['duration_s'])
    return AvResult(kind=kind, poster=poster, media=media)


def _first_frame(container: Any, stream: Any, name: str) -> Any:
    for count, packet in enumerate(container.demux(stream)):
        if count > _MAX_PACKETS:
            break
        for frame in packet.decode():
            return frame
    raise Unprocessable('media_broken', file=name)


def _jpeg(image: Image.Image) -> bytes:
    height = max(1, round(image.height * THUMB_WIDTH / image.width))
    image = image.convert('RGB').resize((THUMB_WIDTH, height), Image.Resampling.BILINEAR)
    out = io.BytesIO()
    image.save(out, 'JPEG', quality=THUMB_JPEG_QUALITY)
    return out.getvalue()


def audio_card(duration_s: float | None) -> bytes:
    """The page of an audio exhibit: a dark 16:9 card with a speaker, sound waves and the duration."""
    width, height = THUMB_WIDTH, THUMB_WIDTH * 9 // 16
    image = Image.new('RGB', (width, height), (32, 41, 56))
    draw = ImageDraw.Draw(image)
    cx, cy = width // 2 - 20, height // 2 - 10
    draw.rectangle((cx - 18, cy - 8, cx - 6, cy + 8), fill=(230, 230, 230))
    draw.polygon([(cx - 6, cy - 8), (cx + 8, cy - 22), (cx + 8, cy + 22), (cx - 6, cy + 8)], fill=(230, 230, 230))
    for r in (16, 28, 40):
        draw.arc((cx + 8 - r, cy - r, cx + 8 + r, cy + r), -45, 45, fill=(230, 230, 230), width=3)
    if duration_s is not None:
        draw.text((width // 2, height - 18), format_duration(duration_s, short=True), fill=(230, 230, 230),
                  anchor='mm')
    out = io.BytesIO()
    image.save(out, 'JPEG', quality=THUMB_JPEG_QUALITY)
    return out.getvalue()
