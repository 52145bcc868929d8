"""Reading a browser's SDP offer, as plain text: each media section's direction and its codecs in the browser's
order of preference. The worker sorts a participant's transceivers by what the browser said it does with each
(sends on it, or only receives), and checks that the video it receives is VP8: the worker hands out shared VP8
packets as they are, so the browser asks for VP8 only (``setCodecPreferences`` in presenter/static/join.js)."""

from __future__ import annotations

from dataclasses import dataclass, field

DIRECTIONS = ('sendrecv', 'sendonly', 'recvonly', 'inactive')


@dataclass(slots=True, kw_only=True)
class MediaSection:
    kind: str  # 'audio', 'video', 'application'
    mid: str | None = None
    direction: str = 'sendrecv'  # as the browser sees it: 'recvonly' means it only receives
    codecs: list[str] = field(default_factory=list)  # lower-case names ('vp8', 'rtx', ...), preferred first

    @property
    def browser_sends(self) -> bool:
        return self.direction in ('sendrecv', 'sendonly')


def media_sections(sdp: str) -> dict[str, MediaSection]:
    """The offer's media sections by their mid (sections without a mid are left out)."""
    sections: list[MediaSection] = []
    order: list[str] = []
    names: dict[str, str] = {}

    def close() -> None:
        if sections:
            sections[-1].codecs = [names[pt] for pt in order if pt in names]

    for line in sdp.splitlines():
        line = line.strip()
        if line.startswith('m='):
            close()
            parts = line[2:].split()
            sections.append(MediaSection(kind=parts[0] if parts else ''))
            order, names = parts[3:], {}
        elif not sections:
            continue
        elif line.startswith('a=mid:'):
            sections[-1].mid = line[len('a=mid:'):]
        elif line[2:] in DIRECTIONS and line.startswith('a='):
            sections[-1].direction = line[2:]
        elif line.startswith('a=rtpmap:'):
            pt, _, encoding = line[len('a=rtpmap:'):].partition(' ')
            names[pt] = encoding.split('/')[0].lower()
    close()
    return {s.mid: s for s in sections if s.mid is not None}


def check_receives_vp8(section: MediaSection) -> None:
    """Refuse a video section the browser receives on unless VP8 is its first choice."""
    if section.codecs[:1] != ['vp8']:
        preferred = section.codecs[0] if section.codecs else 'none'
        raise ValueError(f'the offer must prefer VP8 for the video it receives, not "{preferred}"')
