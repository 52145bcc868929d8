"""The shared encoders: one per forwarded source, encoding every decoded frame once into `av.Packet`s that every
receiver's RTCRtpSender then only packetizes (aiortc sends an `av.Packet` returned by a track's ``recv()``
without encoding it: ``RTCRtpSender._next_encoded_frame`` calls ``encoder.pack(packet)``).

What the packetizer expects, and how these encoders give it:

- ``pack()`` converts ``packet.pts`` from ``packet.time_base`` to the RTP clock (1/90 000 for VP8, 1/48 000 for
  Opus). PyAV's encoders hand back packets in whatever time base they like (1/1 000 000 was seen), so every packet
  is stamped here with an explicit pts and time base on the RTP clock.
- Timestamps come from one process-wide monotonic clock, so a receive slot that switches from one source to another
  keeps moving forward, and a source's 32-bit RTP timestamp wrap-around never reaches the encoder.
- Keyframes are forced by setting ``pict_type = I`` on the frame for this encode only; the frame's own value is put
  back afterwards (aiortc's ``Vp8Encoder`` marks the frame in place, which leaks keyframes to anyone else holding
  the frame). A decoded keyframe from the source arrives with ``pict_type = I`` too, and is encoded as a normal
  frame unless a keyframe is due.
- The bitrate target is fixed for the life of the encoder (aiortc's encoder rebuilds itself, with a keyframe for
  everybody, whenever a receiver's REMB moves the target by more than 10%).
"""

from __future__ import annotations

import fractions
import logging
import multiprocessing
import time
from dataclasses import dataclass

import av
import numpy as np
from av import AudioFrame, AudioResampler, VideoFrame
from av.video.frame import PictureType

logger = logging.getLogger(__name__)

VIDEO_CLOCK_RATE = 90_000
AUDIO_CLOCK_RATE = 48_000
VIDEO_TIME_BASE = fractions.Fraction(1, VIDEO_CLOCK_RATE)
AUDIO_TIME_BASE = fractions.Fraction(1, AUDIO_CLOCK_RATE)
OPUS_FRAME_SAMPLES = 960  # 20 ms

_EPOCH = time.monotonic()


def clock_pts(rate: int) -> int:
    """Now on the process-wide media clock, in ticks of ``rate`` per second."""
    return int((time.monotonic() - _EPOCH) * rate)


@dataclass(frozen=True, slots=True)
class EncodedPacket:
    """One encoded frame, shared read-only by every receiver of a source."""

    packet: av.Packet
    keyframe: bool
    kind: str


@dataclass(frozen=True, slots=True)
class VideoSettings:
    bitrate: int = 800_000
    max_keyframe_gap: int = 3000  # libvpx's own maximum; forced keyframes come from the source's interval


class SharedVideoEncoder:
    """VP8 through libvpx, configured like aiortc's ``Vp8Encoder`` (realtime, CBR) but with a fixed target."""

    kind = 'video'

    def __init__(self, settings: VideoSettings | None = None) -> None:
        self.settings = settings or VideoSettings()
        self._codec: av.video.codeccontext.VideoCodecContext | None = None
        self._last_pts = -1

    def _open(self, width: int, height: int) -> av.video.codeccontext.VideoCodecContext:
        bitrate = self.settings.bitrate
        codec = av.CodecContext.create('libvpx', 'w')
        codec.width = width
        codec.height = height
        codec.bit_rate = bitrate
        codec.pix_fmt = 'yuv420p'
        codec.time_base = VIDEO_TIME_BASE
        codec.gop_size = self.settings.max_keyframe_gap
        codec.qmin = 2
        codec.qmax = 56
        codec.options = {
            'bufsize': str(bitrate),
            'cpu-used': '-6',
            'deadline': 'realtime',
            'lag-in-frames': '0',
            'minrate': str(bitrate),
            'maxrate': str(bitrate),
            'noise-sensitivity': '4',
            'overshoot-pct': '15',
            'partitions': '0',
            'static-thresh': '1',
            'undershoot-pct': '100',
        }
        pixels = width * height
        cpus = multiprocessing.cpu_count()
        codec.thread_count = 2 if pixels > 640 * 480 and cpus >= 3 else 1
        logger.debug('opened VP8 encoder %dx%d at %d bps', width, height, bitrate)
        return codec

    def encode(self, frame: VideoFrame, force_keyframe: bool) -> list[EncodedPacket]:
        if frame.format.name != 'yuv420p':
            frame = frame.reformat(format='yuv420p')
        codec = self._codec
        if codec is None or codec.width != frame.width or codec.height != frame.height:
            codec = self._codec = self._open(frame.width, frame.height)
            force_keyframe = True
        pts = max(clock_pts(VIDEO_CLOCK_RATE), self._last_pts + 1)
        self._last_pts = pts
        saved = (frame.pts, frame.time_base, frame.pict_type)
        frame.pts = pts
        frame.time_base = VIDEO_TIME_BASE
        frame.pict_type = PictureType.I if force_keyframe else PictureType.NONE
        try:
            encoded = codec.encode(frame)
        finally:
            frame.pts, frame.time_base, frame.pict_type = saved
        if not encoded:
            return []
        if len(encoded) == 1:
            packet = encoded[0]
            keyframe = bool(packet.is_keyframe)
        else:  # not expected with lag-in-frames 0; aiortc joins them the same way
            keyframe = any(p.is_keyframe for p in encoded)
            packet = av.Packet(b''.join(bytes(p) for p in encoded))
        packet.pts = pts
        packet.dts = pts
        packet.time_base = VIDEO_TIME_BASE
        return [EncodedPacket(packet=packet, keyframe=keyframe, kind='video')]


class SharedAudioEncoder:
    """Opus through libopus, 48 kHz stereo in 20 ms packets, like aiortc's ``OpusEncoder``."""

    kind = 'audio'

    def __init__(self, bitrate: int = 64_000) -> None:
        codec = av.CodecContext.create('libopus', 'w')
        codec.bit_rate = bitrate
        codec.format = 's16'
        codec.layout = 'stereo'
        codec.sample_rate = AUDIO_CLOCK_RATE
        codec.time_base = AUDIO_TIME_BASE
        codec.options = {'application': 'voip'}
        self._codec = codec
        self._resampler = AudioResampler(format='s16', layout='stereo', rate=AUDIO_CLOCK_RATE,
                                         frame_size=OPUS_FRAME_SAMPLES)
        self._next_pts: int | None = None

    def skip(self, frame: AudioFrame) -> None:
        """Account for a frame that is not sent (a muted source), so timestamps keep following real time."""
        if self._next_pts is not None:
            self._next_pts += int(frame.samples * AUDIO_CLOCK_RATE / (frame.sample_rate or AUDIO_CLOCK_RATE))

    def encode(self, frame: AudioFrame, force_keyframe: bool = False) -> list[EncodedPacket]:
        if self._next_pts is None:
            self._next_pts = clock_pts(AUDIO_CLOCK_RATE)
        out: list[EncodedPacket] = []
        for chunk in self._resampler.resample(frame):
            pts = self._next_pts
            self._next_pts += chunk.samples
            chunk.pts = pts
            chunk.time_base = AUDIO_TIME_BASE
            for packet in self._codec.encode(chunk):
                # stamp it ourselves: 20 ms per packet, on our clock
                packet.pts = pts
                packet.dts = pts
                packet.time_base = AUDIO_TIME_BASE
                out.append(EncodedPacket(packet=packet, keyframe=True, kind='audio'))
        return out


def audio_level(frame: AudioFrame) -> float:
    """Root mean square of an s16/flt audio frame, 0.0 (silence) to 1.0 (full scale)."""
    samples = frame.to_ndarray()
    if samples.size == 0:
        return 0.0
    if samples.dtype == np.int16:
        data = samples.astype(np.float32) / 32768.0
    else:
        data = samples.astype(np.float32)
    return float(np.sqrt(np.mean(data * data)))
