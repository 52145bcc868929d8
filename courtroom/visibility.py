"""Who sees what (DESIGN.md §3, rules 1-3), as pure functions of values.

A screen's view is derived from the hearing's presentation state, never stored: the state says what is live, the
audience says what of it may be seen. The page-image route asks the same function, so a URL is never a key."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from .presentation_state import MapShown, PresentationState, Region, Shown


class Audience(StrEnum):
    PANEL = 'panel'  # presiding judge and trial panel
    PUBLIC = 'public'  # gallery, projector
    WITNESS = 'witness'
    COUNSEL = 'counsel'
    OBSERVER = 'observer'  # remote observers (người tham dự) and overflow rooms: nothing in a closed-door hearing


class ViewState(StrEnum):
    IDLE = 'idle'
    SHOWING = 'showing'
    BLANK = 'blank'
    RESTRICTED = 'restricted'


@dataclass(slots=True, frozen=True)
class ScreenView:
    state: ViewState
    exhibit_id: int | None = None  # side by side: the left page, None when this audience may not see it
    page: int | None = None
    region: Region | None = None
    split: bool = False  # two pages side by side
    beside: Shown | None = None  # side by side: the right page, None when this audience may not see it
    map: MapShown | None = None  # a case map instead of a page (what of it this audience sees: courtroom.case_map)

    @property
    def pages(self) -> tuple[Shown | None, ...]:
        """The shown pages left to right, None for a side this audience may not see; () when showing nothing."""
        if self.state is not ViewState.SHOWING or self.map is not None:
            return ()
        left = Shown(self.exhibit_id, self.page, self.region) \
            if self.exhibit_id is not None and self.page is not None else None
        return (left, self.beside) if self.split else (left,)

    def to_api(self) -> dict[str, Any]:
        single = {'state': self.state.value, 'exhibit_id': self.exhibit_id, 'page': self.page,
                  'region': list(self.region.as_tuple()) if self.region else None}
        if self.map is not None:
            single['map'] = self.map.to_json()
        if not self.split:
            return single
        return {**single, 'split': True, 'beside': self.beside.to_json() if self.beside else None}


def screen_view(audience: Audience, state: PresentationState, *, restricted: bool, closed_door: bool,
                beside_restricted: bool = False) -> ScreenView:
    """What a screen of ``audience`` shows. ``restricted`` is the live exhibit's flag, ``beside_restricted`` the flag
    of the exhibit shown beside it.

    - the presenter's blank pauses every screen; the judge's kill switch blanks every screen but the panel's;
    - a closed-door hearing shows observers nothing (the people in the courtroom, who watch the public screens, are
      the hearing's own participants then);
    - a restricted exhibit shows on panel screens only, the others get a neutral placeholder; side by side, they
      see the other page with the restricted one's half left empty, and the placeholder only when both are.
    """
    if state.presenter_blank:
        return ScreenView(ViewState.BLANK)
    if audience is not Audience.PANEL and (state.kill_switch or (closed_door and audience is Audience.OBSERVER)):
        return ScreenView(ViewState.BLANK)
    if state.map is not None:  # the map's nodes are filtered for the audience where it is drawn (case_map)
        return ScreenView(ViewState.SHOWING, map=state.map)
    live = state.live
    if live is None:
        return ScreenView(ViewState.IDLE)
    panel = audience is Audience.PANEL
    beside = state.beside
    if beside is None:
        if restricted and not panel:
            return ScreenView(ViewState.RESTRICTED)
        return ScreenView(ViewState.SHOWING, live.exhibit_id, live.page, live.region)
    hide_left, hide_right = restricted and not panel, beside_restricted and not panel
    if hide_left and hide_right:
        return ScreenView(ViewState.RESTRICTED)
    left = None if hide_left else live
    return ScreenView(ViewState.SHOWING, left.exhibit_id if left else None, left.page if left else None,
                      left.region if left else None, split=True, beside=None if hide_right else beside)


def may_fetch(view: ScreenView, exhibit_id: int, page: int) -> bool:
    """A screen may fetch exactly the pages it is showing, nothing else."""
    return any(s is not None and (s.exhibit_id, s.page) == (exhibit_id, page) for s in view.pages)
