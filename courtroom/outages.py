"""Outages of a hybrid hearing's component points (Resolution 33/2021: if the connection fails the hearing is
suspended, and outages go into the minutes). A component point is out when every one of its admitted
participants has been without a connection for more than 10 s, after at least one of them had connected; it is
back when one of them connects again. The courtroom itself (the central point) is never out."""

from __future__ import annotations

from dataclasses import dataclass

from .participants import Participant, ParticipantState
from .points import Point, PointKind

OUTAGE_AFTER_S = 10.0


@dataclass(slots=True, frozen=True)
class Outage:
    hearing_id: int
    point_id: int
    point_name: str
    since: float
    over: bool = False  # True when the point is back


class OutageWatch:
    """Remembers, from one check to the next, since when each point has been down and which outages it has
    reported; each check returns the outages that began or ended."""

    def __init__(self, after_s: float = OUTAGE_AFTER_S) -> None:
        self.after_s = after_s
        self._down_since: dict[int, float] = {}  # point → when its last participant dropped
        self._reported: dict[int, Outage] = {}  # point → its outage, reported and not over

    def check(self, hearing_id: int, points: list[Point], participants: list[Participant], now: float) -> list[Outage]:
        """The outages that began (``over=False``) or ended (``over=True``) as of ``now`` (unix time)."""
        components = {p.id: p for p in points if p.kind is not PointKind.CENTRAL}
        admitted: dict[int, list[Participant]] = {}
        for p in participants:
            if p.state.in_hearing and p.point_id in components:
                admitted.setdefault(p.point_id, []).append(p)
        changes: list[Outage] = []
        for point_id, members in admitted.items():
            down = all(p.state is not ParticipantState.CONNECTED for p in members)
            ever_up = any(p.state is not ParticipantState.ADMITTED for p in members)
            if down and ever_up:
                since = self._down_since.setdefault(point_id, now)
                if now - since > self.after_s and point_id not in self._reported:
                    outage = Outage(hearing_id, point_id, components[point_id].name, since)
                    self._reported[point_id] = outage
                    changes.append(outage)
            else:
                since = self._down_since.pop(point_id, None)
                if point_id in self._reported and since is not None:
                    del self._reported[point_id]
                    changes.append(Outage(hearing_id, point_id, components[point_id].name, since, over=True))
        return changes

    def current(self, hearing_id: int) -> list[Outage]:
        """The hearing's outages reported and not over yet."""
        return [o for o in list(self._reported.values()) if o.hearing_id == hearing_id]
