"""The camera recording: half a minute of a street camera, drawn frame by frame and encoded
repeatably.
"""

from __future__ import annotations

import random
from fractions import Fraction
from pathlib import Path

from PIL import Image, ImageDraw

from .typeset import pil_font


def camera_frame(i: int, rng: random.Random, w: int = 320, h: int = 240, fps: int = 10) -> Image.Image:
    """Frame ``i`` of the CAM 02 recording."""
    font = pil_font('b', 11)
    small = pil_font('r', 10)
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


def write_video(path: Path) -> str:
    """Write the recording to ``path`` and return the codec used: 30 s, 320x240 at 10 fps of a street camera
    where someone walks to a parked scooter and rides it away, then the empty street."""
    import av

    # VP8 in WebM: browsers play it, and unlike libx264 (whose output varied between runs in one process here)
    # it encodes bit-for-bit repeatably with one thread. MPEG-4 part 2 is the fallback.
    codec, fmt = ('libvpx', 'webm') if 'libvpx' in av.codecs_available else ('mpeg4', 'mp4')
    w, h, fps, n = 320, 240, 10, 300
    rng = random.Random(173)
    with av.open(str(path), mode='w', format=fmt, container_options={'fflags': '+bitexact'}) as container:
        stream = container.add_stream(codec, rate=fps)
        stream.width, stream.height, stream.pix_fmt = w, h, 'yuv420p'
        stream.codec_context.time_base = Fraction(1, fps)
        stream.codec_context.thread_count = 1
        stream.options = {'threads': '1', 'crf': '10', 'b': '300k'} if codec == 'libvpx' else {'qscale': '4'}
        stream.codec_context.flags |= av.codec.context.Flags.bitexact
        for i in range(n):
            img = camera_frame(i, rng)
            frame = av.VideoFrame.from_image(img).reformat(format='yuv420p')
            frame.pts = i
            frame.time_base = Fraction(1, fps)
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return codec
