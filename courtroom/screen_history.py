"""What the courtroom's screens showed at any moment of a hearing, read back from its audit chain: the review of
a recording shows, beside the video, the exhibit page that was on the screens at that moment, with the marks drawn
on it then, whether the laser pointer was on, and where a recording being played was."""

from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .audit import AuditEntry

Page = tuple[int, int]  # (exhibit id, page)


@dataclass(slots=True, frozen=True)
class Played:
    """A recording on the screens: at ``position_s`` at unix time ``at``, moving on at ``rate`` while ``playing``,
    up to ``stop_s`` (a clip's out point) if set."""
    position_s: float
    playing: bool
    rate: float
    at: float
    stop_s: float | None = None
    clip: str | None = None

    def at_time(self, t: float) -> Played:
        if not self.playing:
            return self
        position = self.position_s + max(0.0, t - self.at) * self.rate
        if self.stop_s is not None and position >= self.stop_s:
            return dataclasses.replace(self, position_s=self.stop_s, playing=False, at=t)
        return dataclasses.replace(self, position_s=position, at=t)


@dataclass(slots=True, frozen=True)
class OnScreen:
    state: str  # 'idle', 'showing', 'blank'
    exhibit_id: int | None = None
    page: int | None = None
    since: float | None = None
    beside_exhibit_id: int | None = None  # side by side: the page on the right
    beside_page: int | None = None
    marks: tuple[dict[str, Any], ...] = ()  # the shapes on the page then, as the audit chain has them, oldest first
    beside_marks: tuple[dict[str, Any], ...] = ()
    laser: bool = False
    playback: Played | None = None
    map: dict[str, Any] | None = None  # a case map instead of a page: map_id, version, node_id, branch, title


def _page(details: dict[str, Any]) -> Page:
    return int(details['exhibit_id']), int(details['page'])


def _played(details: dict[str, Any]) -> Played:
    out = details.get('out_s') if details.get('clip_id') is not None else None
    return Played(float(details['position_s']), bool(details['playing']), float(details.get('rate', 1.0)),
                  float(details['at']), None if out is None else float(out), details.get('clip'))


def screen_timeline(entries: list[AuditEntry]) -> list[tuple[float, OnScreen]]:
    """What the screens showed from each audit entry that changed it: (unix time, state) in order."""
    live: Page | None = None
    beside: Page | None = None
    kill = blank = laser = False
    playback: Played | None = None
    shown_map: dict[str, Any] | None = None
    marks: dict[Page, dict[int, dict[str, Any]]] = {}
    out: list[tuple[float, OnScreen]] = []
    for e in entries:
        try:
            if e.action in ('published', 'publish_approved'):
                live = _page(e.details)
                right = e.details.get('beside')
                beside = _page(right) if isinstance(right, dict) else None
                playback = shown_map = None
            elif e.action in ('map_published', 'map_focused'):
                shown_map = {k: e.details.get(k) for k in ('map_id', 'map_version', 'node_id', 'branch', 'title')}
                live = beside = playback = None
            elif e.action == 'cleared':
                live = beside = playback = shown_map = None
            elif e.action in ('kill_switch_on', 'kill_switch_off'):
                kill = e.action == 'kill_switch_on'
            elif e.action in ('blank_on', 'blank_off'):
                blank = e.action == 'blank_on'
            elif e.action in ('laser_on', 'laser_off'):
                laser = e.action == 'laser_on'
            elif e.action.startswith('playback_'):
                playback = _played(e.details)
            elif e.action == 'mark_added':
                shape = {k: e.details.get(k) for k in ('kind', 'points', 'color', 'text')}
                marks.setdefault(_page(e.details), {})[int(e.details['mark_id'])] = shape
            elif e.action == 'mark_deleted':
                marks.get(_page(e.details), {}).pop(int(e.details['mark_id']), None)
            else:
                continue
        except (KeyError, TypeError, ValueError):
            continue
        at = datetime.fromisoformat(e.at).timestamp()
        if kill or blank:
            state = OnScreen('blank', since=at)
        elif live is not None:
            state = OnScreen('showing', live[0], live[1], since=at, beside_exhibit_id=beside[0] if beside else None,
                             beside_page=beside[1] if beside else None, marks=_shapes(marks, live),
                             beside_marks=_shapes(marks, beside), laser=laser, playback=playback)
        elif shown_map is not None:
            state = OnScreen('showing', since=at, laser=laser, map=shown_map)
        else:
            state = OnScreen('idle', since=at)
        out.append((at, state))
    return out


def _shapes(marks: dict[Page, dict[int, dict[str, Any]]], page: Page | None) -> tuple[dict[str, Any], ...]:
    return tuple(shape for _, shape in sorted(marks.get(page, {}).items())) if page is not None else ()


def on_screen_at(timeline: list[tuple[float, OnScreen]], at: float) -> OnScreen:
    """What the screens showed at unix time ``at``, from a ``screen_timeline``; a recording playing then at its
    position at ``at``."""
    index = bisect.bisect_right([when for when, _ in timeline], at) - 1
    if index < 0:
        return OnScreen('idle')
    shown = timeline[index][1]
    if shown.playback is not None and shown.playback.playing:
        return dataclasses.replace(shown, playback=shown.playback.at_time(at))
    return shown
