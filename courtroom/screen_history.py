"""What the courtroom's screens showed at any moment of a hearing, read back from its audit chain: the review of
a recording shows, beside the video, the exhibit page that was on the screens at that moment."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import datetime

from .audit import AuditEntry


@dataclass(slots=True, frozen=True)
class OnScreen:
    state: str  # 'idle', 'showing', 'blank'
    exhibit_id: int | None = None
    page: int | None = None
    since: float | None = None
    beside_exhibit_id: int | None = None  # side by side: the page on the right
    beside_page: int | None = None


def screen_timeline(entries: list[AuditEntry]) -> list[tuple[float, OnScreen]]:
    """What the screens showed from each audit entry that changed it: (unix time, state) in order."""
    live: tuple[int, int] | None = None
    beside: tuple[int, int] | None = None
    kill = blank = False
    out: list[tuple[float, OnScreen]] = []
    for e in entries:
        if e.action in ('published', 'publish_approved'):
            try:
                live = (int(e.details['exhibit_id']), int(e.details['page']))
                right = e.details.get('beside')
                beside = (int(right['exhibit_id']), int(right['page'])) if isinstance(right, dict) else None
            except (KeyError, TypeError, ValueError):
                continue
        elif e.action == 'cleared':
            live = beside = None
        elif e.action in ('kill_switch_on', 'kill_switch_off'):
            kill = e.action == 'kill_switch_on'
        elif e.action in ('blank_on', 'blank_off'):
            blank = e.action == 'blank_on'
        else:
            continue
        at = datetime.fromisoformat(e.at).timestamp()
        if kill or blank:
            state = OnScreen('blank', since=at)
        elif live is not None:
            state = OnScreen('showing', live[0], live[1], since=at, beside_exhibit_id=beside[0] if beside else None,
                             beside_page=beside[1] if beside else None)
        else:
            state = OnScreen('idle', since=at)
        out.append((at, state))
    return out


def on_screen_at(timeline: list[tuple[float, OnScreen]], at: float) -> OnScreen:
    """What the screens showed at unix time ``at``, from a ``screen_timeline``."""
    index = bisect.bisect_right([when for when, _ in timeline], at) - 1
    return timeline[index][1] if index >= 0 else OnScreen('idle')
