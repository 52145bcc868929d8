"""The live presentation state of one hearing, as values: what is published (exhibit, page, zoom region, and side by
side a second page beside it), what waits for the presiding judge's approval, the presenter's blank and the judge's
kill switch."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any

from .errors import InvalidInput

MIN_REGION = 0.02  # a region narrower than 2% of the page is a slip of the mouse, not a zoom


@dataclass(slots=True, frozen=True)
class Region:
    """A normalised rectangle on the page: 0..1 from the top-left corner."""

    x0: float
    y0: float
    x1: float
    y1: float

    def __post_init__(self) -> None:
        values = self.as_tuple()
        if not all(isinstance(v, int | float) and 0.0 <= v <= 1.0 for v in values):
            raise InvalidInput('bad_region', region=list(values))
        if self.x1 - self.x0 < MIN_REGION or self.y1 - self.y0 < MIN_REGION:
            raise InvalidInput('bad_region', region=list(values))

    def as_tuple(self) -> tuple[float, float, float, float]:
        return (self.x0, self.y0, self.x1, self.y1)

    @classmethod
    def parse(cls, value: Any) -> Region | None:
        if value is None:
            return None
        if not isinstance(value, list | tuple) or len(value) != 4:
            raise InvalidInput('bad_region', region=value)
        try:
            return cls(*(float(v) for v in value))
        except (TypeError, ValueError):
            raise InvalidInput('bad_region', region=value) from None


@dataclass(slots=True, frozen=True)
class Shown:
    exhibit_id: int
    page: int
    region: Region | None = None

    def to_json(self) -> dict[str, Any]:
        return {'exhibit_id': self.exhibit_id, 'page': self.page,
                'region': list(self.region.as_tuple()) if self.region else None}

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> Shown | None:
        if data is None:
            return None
        return cls(int(data['exhibit_id']), int(data['page']), Region.parse(data.get('region')))


@dataclass(slots=True, frozen=True)
class MapShown:
    """A case map on the screens (courtroom.case_map): its version as published, the node the screens are centred
    on, and, for one branch only, the branch's node."""
    map_id: int
    version: int
    node_id: str | None = None
    branch_id: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {'map_id': self.map_id, 'version': self.version, 'node_id': self.node_id, 'branch_id': self.branch_id}

    def details(self) -> dict[str, Any]:
        """For an audit entry, whose ``version`` is the presentation state's: the map's is ``map_version``."""
        return {'map_id': self.map_id, 'map_version': self.version, 'node_id': self.node_id,
                'branch_id': self.branch_id}

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> MapShown | None:
        if data is None:
            return None
        return cls(int(data['map_id']), int(data['version']), data.get('node_id'), data.get('branch_id'))


@dataclass(slots=True, frozen=True)
class PresentationState:
    hearing_id: int
    version: int = 0
    live: Shown | None = None  # side by side: the left page
    pending: Shown | None = None
    pending_by: str | None = None
    presenter_blank: bool = False
    kill_switch: bool = False
    beside: Shown | None = None  # side by side: the right page, only ever with ``live``
    pending_beside: Shown | None = None
    map: MapShown | None = None  # a case map on the screens, instead of a page
    pending_map: MapShown | None = None

    def __post_init__(self) -> None:
        if self.beside is not None and self.live is None:
            raise ValueError('a page beside nothing')
        if self.map is not None and self.live is not None:
            raise ValueError('a page and a map at once')

    def next(self, **changes: Any) -> PresentationState:
        return replace(self, version=self.version + 1, **changes)

    @property
    def items(self) -> tuple[Shown, ...]:
        """What is on the screens, left to right: nothing, one page, or two side by side."""
        return tuple(s for s in (self.live, self.beside) if s is not None)

    def to_json(self) -> str:
        return json.dumps(self.to_api())

    @classmethod
    def from_json(cls, hearing_id: int, text: str) -> PresentationState:
        data = json.loads(text)  # a state stored before side by side has no "beside" keys
        return cls(hearing_id=hearing_id, version=data['version'], live=Shown.from_json(data['live']),
                   pending=Shown.from_json(data['pending']), pending_by=data['pending_by'],
                   presenter_blank=data['presenter_blank'], kill_switch=data['kill_switch'],
                   beside=Shown.from_json(data.get('beside')),
                   pending_beside=Shown.from_json(data.get('pending_beside')),
                   map=MapShown.from_json(data.get('map')), pending_map=MapShown.from_json(data.get('pending_map')))

    def to_api(self) -> dict[str, Any]:
        return {'version': self.version, 'live': self.live.to_json() if self.live else None,
                'pending': self.pending.to_json() if self.pending else None, 'pending_by': self.pending_by,
                'presenter_blank': self.presenter_blank, 'kill_switch': self.kill_switch,
                'beside': self.beside.to_json() if self.beside else None,
                'pending_beside': self.pending_beside.to_json() if self.pending_beside else None,
                'map': self.map.to_json() if self.map else None,
                'pending_map': self.pending_map.to_json() if self.pending_map else None}
