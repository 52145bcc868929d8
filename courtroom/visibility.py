"""Who sees what (DESIGN.md §3, rules 1-3), as pure functions of values.

A screen's view is derived from the hearing's presentation state, never stored: the state says what is live, the
audience says what of it may be seen. The page-image route asks the same function, so a URL is never a key."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from .presentation_state import PresentationState, Region


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
    exhibit_id: int | None = None
    page: int | None = None
    region: Region | None = None

    def to_api(self) -> dict[str, Any]:
        return {'state': self.state.value, 'exhibit_id': self.exhibit_id, 'page': self.page,
                'region': list(self.region.as_tuple()) if self.region else None}


def screen_view(audience: Audience, state: PresentationState, *, restricted: bool, closed_door: bool) -> ScreenView:
    """What a screen of ``audience`` shows. ``restricted`` is the live exhibit's flag.

    - the presenter's blank pauses every screen; the judge's kill switch blanks every screen but the panel's;
    - a closed-door hearing shows observers nothing (the people in the courtroom, who watch the public screens, are
      the hearing's own participants then);
    - a restricted exhibit shows on panel screens only, the others get a neutral placeholder.
    """
    if state.presenter_blank:
        return ScreenView(ViewState.BLANK)
    if audience is not Audience.PANEL and (state.kill_switch or (closed_door and audience is Audience.OBSERVER)):
        return ScreenView(ViewState.BLANK)
    live = state.live
    if live is None:
        return ScreenView(ViewState.IDLE)
    if restricted and audience is not Audience.PANEL:
        return ScreenView(ViewState.RESTRICTED)
    return ScreenView(ViewState.SHOWING, live.exhibit_id, live.page, live.region)


def may_fetch(view: ScreenView, exhibit_id: int, page: int) -> bool:
    """A screen may fetch exactly the page it is showing, nothing else."""
    return view.state is ViewState.SHOWING and view.exhibit_id == exhibit_id and view.page == page
