"""A playable copy of a recording that Chromium cannot play (an AVI, MPEG-4 part 2 video, WMV, AMR sound…): the
screens and the remote participants' views play the copy, while the original stays the exhibit, untouched, with its
own hash. The copy is WebM (VP8 video, Opus sound), made once at import with PyAV and stored, hashed, in the
evidence store beside the original; the exhibit's ``media['playable']`` names it and what it was made from.

What Chromium plays as it is (asked of Debian's Chromium with ``canPlayType``): MP4/MOV, WebM/Matroska, Ogg, MP3,
WAV, FLAC and AAC files whose codecs are H.264, VP8, VP9 or AV1 (video) and AAC, MP3, Opus, Vorbis, FLAC or PCM
(sound)."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Any

import av

from .av_probe import AvResult
from .errors import Unprocessable

PLAYABLE_CONTAINERS = frozenset({'video/mp4', 'audio/mp4', 'video/webm', 'audio/webm', 'video/x-matroska',
                                 'audio/x-matroska', 'video/ogg', 'audio/ogg', 'audio/mpeg', 'audio/wav',
                                 'audio/flac', 'audio/aac'})
PLAYABLE_VIDEO = frozenset({'h264', 'vp8', 'vp9', 'av1'})  # Debian's Chromium 2026: no Theora, no HEVC
PLAYABLE_AUDIO = frozenset({'aac', 'mp3', 'mp3float', 'opus', 'libopus', 'vorbis', 'flac', 'pcm_s16le', 'pcm_s24le',
                            'pcm_f32le', 'pcm_u8'})
MAX_SIDE = 1280  # px: a larger picture is scaled down for the copy (the original keeps every pixel)


def plays_in_chromium(result: AvResult) -> bool:
    media = result.media
    codecs = list(media.get('codecs') or [])
    if media.get('mime') not in PLAYABLE_CONTAINERS or not codecs:
        return False
    video, audio = (codecs[0], codecs[1:]) if 'width' in media else (None, codecs)
    return (video is None or video in PLAYABLE_VIDEO) and all(c in PLAYABLE_AUDIO for c in audio)


def transcode(source: Path, target: Path, name: str) -> dict[str, Any]:
    """Write ``source`` as WebM (VP8 and Opus) to ``target``; what the copy is, for ``media['playable']``.
    Refuses ``media_broken`` when the file cannot be decoded after all. Blocking and CPU-bound."""
    try:
        with av.open(str(source)) as inp, av.open(str(target), mode='w', format='webm') as out:
            return _transcode(inp, out)
    except Unprocessable:
        raise
    except Exception as e:  # av.FFmpegError and its kin
        target.unlink(missing_ok=True)
        raise Unprocessable('media_broken', file=name) from e


def _transcode(inp: Any, out: Any) -> dict[str, Any]:
    video_in = next((s for s in inp.streams.video if not (s.disposition & av.stream.Disposition.attached_pic)), None)
    audio_in = next(iter(inp.streams.audio), None)
    streams, encoders = [], {}
    if video_in is not None:
        width, height = _size(video_in.codec_context.width, video_in.codec_context.height)
        rate = video_in.average_rate or Fraction(25)
        video = out.add_stream('libvpx', rate=rate)
        video.width, video.height, video.pix_fmt = width, height, 'yuv420p'
        video.bit_rate = 1_500_000
        video.options = {'deadline': 'realtime', 'cpu-used': '8', 'lag-in-frames': '0'}
        streams.append(video_in)
        encoders[video_in.index] = video
    if audio_in is not None:
        audio = out.add_stream('libopus', rate=48000)
        audio.layout = 'stereo' if (audio_in.codec_context.channels or 1) > 1 else 'mono'
        streams.append(audio_in)
        encoders[audio_in.index] = audio
    resamplers: dict[int, Any] = {}
    for packet in inp.demux(*streams):
        encoder = encoders[packet.stream.index]
        for frame in packet.decode():
            for ready in _convert(frame, encoder, resamplers, packet.stream.index):
                out.mux(encoder.encode(ready))
    for encoder in encoders.values():
        out.mux(encoder.encode(None))
    kind = 'video' if video_in is not None else 'audio'
    codecs = (['vp8'] if video_in is not None else []) + (['opus'] if audio_in is not None else [])
    return {'mime': f'{kind}/webm', 'codecs': codecs}


def _size(width: int, height: int) -> tuple[int, int]:
    scale = min(1.0, MAX_SIDE / max(width, height, 1))
    return max(2, round(width * scale / 2) * 2), max(2, round(height * scale / 2) * 2)  # VP8 wants even sides


def _convert(frame: Any, encoder: Any, resamplers: dict[int, Any], index: int) -> list[Any]:
    if isinstance(frame, av.VideoFrame):
        ready = frame.reformat(width=encoder.width, height=encoder.height, format='yuv420p')
        ready.pts, ready.time_base = frame.pts, frame.time_base
        return [ready]
    resampler = resamplers.get(index)
    if resampler is None:
        resampler = resamplers[index] = av.AudioResampler(format='s16', layout=encoder.layout.name, rate=48000)
    return list(resampler.resample(frame))
