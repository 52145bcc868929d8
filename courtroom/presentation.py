"""The live presentation of each hearing: previews, publishing (with the presiding judge's approval where the
hearing asks for it), page turns and zoom, two pages side by side, the presenter's blank and the judge's kill
switch, disclosure states.

Every change is written with its audit entry in one transaction, kept in memory for the screens, and announced on
``changed`` with a snapshot from which each screen derives its own view (courtroom.visibility)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from . import audit
from .errors import Conflict, Forbidden, InvalidInput, NotFound
from .events import Event
from .exhibits import Disclosure, Exhibits, is_av
from .hearings import Hearings
from .presentation_state import MapShown, PresentationState, Region, Shown
from .roles import Action, Role, require
from .store import Store
from .users import User
from .visibility import Audience, ScreenView, screen_view


@dataclass(slots=True, frozen=True)
class Snapshot:
    """Everything a screen's view depends on, at one moment."""

    state: PresentationState
    live_restricted: bool
    closed_door: bool
    beside_restricted: bool = False

    def view(self, audience: Audience) -> ScreenView:
        return screen_view(audience, self.state, restricted=self.live_restricted, closed_door=self.closed_door,
                           beside_restricted=self.beside_restricted)


@dataclass(slots=True, frozen=True)
class PreviewChange:
    hearing_id: int
    user_id: int
    shown: Shown | None


class Presentation:
    def __init__(self, store: Store, hearings: Hearings, exhibits: Exhibits) -> None:
        self._store = store
        self._hearings = hearings
        self._exhibits = exhibits
        self._lock = threading.RLock()
        self._states: dict[int, PresentationState] = {}
        self._snapshots: dict[int, Snapshot] = {}  # every change below goes through this class, which refreshes it
        self.changed: Event[Snapshot] = Event()
        self.preview_changed: Event[PreviewChange] = Event()

    # reading

    def state(self, hearing_id: int) -> PresentationState:
        with self._lock:
            if hearing_id not in self._states:
                self._hearings.get(hearing_id)
                with self._store.read() as db:
                    row = db.execute('SELECT state FROM presentation WHERE hearing_id = ?', (hearing_id,)).fetchone()
                self._states[hearing_id] = (PresentationState.from_json(hearing_id, row[0]) if row
                                            else PresentationState(hearing_id=hearing_id))
            return self._states[hearing_id]

    def snapshot(self, hearing_id: int) -> Snapshot:
        with self._lock:
            if hearing_id not in self._snapshots:
                self._snapshots[hearing_id] = self._take_snapshot(hearing_id)
            return self._snapshots[hearing_id]

    def _take_snapshot(self, hearing_id: int) -> Snapshot:
        state = self.state(hearing_id)
        live_restricted = state.live is not None and self._exhibits.get(state.live.exhibit_id).restricted
        beside_restricted = state.beside is not None and self._exhibits.get(state.beside.exhibit_id).restricted
        return Snapshot(state, live_restricted, self._hearings.get(hearing_id).closed_door, beside_restricted)

    def _changed(self, hearing_id: int) -> None:
        with self._lock:
            snapshot = self._snapshots[hearing_id] = self._take_snapshot(hearing_id)
        self.changed.emit(snapshot)

    def view(self, hearing_id: int, audience: Audience) -> ScreenView:
        return self.snapshot(hearing_id).view(audience)

    def preview(self, hearing_id: int, user_id: int) -> Shown | None:
        with self._store.read() as db:
            row = db.execute('SELECT shown FROM previews WHERE hearing_id = ? AND user_id = ?',
                             (hearing_id, user_id)).fetchone()
        return Shown.from_json(json.loads(row[0])) if row else None

    def previews(self, hearing_id: int) -> dict[int, Shown]:
        with self._store.read() as db:
            rows = db.execute('SELECT user_id, shown FROM previews WHERE hearing_id = ?', (hearing_id,)).fetchall()
        return {r[0]: s for r in rows if (s := Shown.from_json(json.loads(r[1]))) is not None}

    # acting

    def _shown(self, hearing_id: int, exhibit_id: int, page: int, region: object) -> Shown:
        exhibit = self._exhibits.get(exhibit_id)
        if exhibit.hearing_id != hearing_id:
            raise NotFound('exhibit_not_found', exhibit_id=exhibit_id)
        self._exhibits.check_page(exhibit, page)
        return Shown(exhibit_id, page, region if isinstance(region, Region) or region is None
                     else Region.parse(region))

    def set_preview(self, hearing_id: int, user: User, exhibit_id: int, page: int,
                    region: Region | list[float] | None = None) -> Shown:
        """The presenter's private preview: stored and shown to the judge's panel, never pushed to a screen."""
        require(user.role, Action.PREVIEW)
        shown = self._shown(hearing_id, exhibit_id, page, region)
        with self._store.transaction() as db:
            db.execute('INSERT INTO previews (hearing_id, user_id, shown) VALUES (?, ?, ?)'
                       ' ON CONFLICT (hearing_id, user_id) DO UPDATE SET shown = excluded.shown',
                       (hearing_id, user.id, json.dumps(shown.to_json())))
        self.preview_changed.emit(PreviewChange(hearing_id, user.id, shown))
        return shown

    def publish(self, hearing_id: int, user: User, exhibit_id: int, page: int,
                region: Region | list[float] | None = None, *, side: int | None = None) -> PresentationState:
        """Put a page on the screens, or, where the hearing requires approval and the presenter is not the presiding
        judge, ask for it. Without ``side`` the page is shown alone (ending side by side); with ``side`` 0 or 1 it
        replaces that side's page and leaves the other side as it is (side 1 puts it beside the live page)."""
        require(user.role, Action.PUBLISH)
        if side not in (None, 0, 1):
            raise InvalidInput('bad_side', side=side)
        shown = self._shown(hearing_id, exhibit_id, page, region)
        with self._lock:
            state = self.state(hearing_id)
            if side is None:
                return self._put(state, user, shown, None)
            if state.live is None:
                if side == 1:
                    raise InvalidInput('side_needs_live')
                return self._put(state, user, shown, None, side=0)
            return self._put(state, user, shown if side == 0 else state.live,
                             shown if side == 1 else state.beside, side=side)

    def publish_items(self, hearing_id: int, user: User,
                      items: Sequence[tuple[int, int, Region | list[float] | None]]) -> PresentationState:
        """Put one page, or two side by side (left, right), on the screens: each item is (exhibit, page, region)."""
        require(user.role, Action.PUBLISH)
        if not 1 <= len(items) <= 2:
            raise InvalidInput('bad_items', count=len(items))
        shown = [self._shown(hearing_id, *item) for item in items]
        with self._lock:
            return self._put(self.state(hearing_id), user, shown[0], shown[1] if len(shown) == 2 else None)

    def _put(self, state: PresentationState, user: User, live: Shown, beside: Shown | None, *,
             side: int | None = None) -> PresentationState:
        if beside is not None and any(is_av(self._exhibits.get(s.exhibit_id)) for s in (live, beside)):
            raise InvalidInput('av_not_beside')  # a recording plays alone: side by side is for pages
        details = _details(live, beside, side)
        if self._hearings.get(state.hearing_id).approval_required and user.role is not Role.PRESIDING_JUDGE:
            return self._commit(state.next(pending=live, pending_beside=beside, pending_map=None,
                                           pending_by=user.username), user, 'publish_requested', details)
        return self._go_live(state, live, beside, user, 'published', details)

    def publish_map(self, hearing_id: int, user: User, shown: MapShown,
                    details: dict[str, object]) -> PresentationState:
        """Put a case map on the screens in place of any page (``shown`` checked by courtroom.case_map, whose
        ``details`` name it in the audit entry), or ask the presiding judge for it where approval is required."""
        require(user.role, Action.PUBLISH)
        with self._lock:
            state = self.state(hearing_id)
            on = state.map
            if on is not None and (on.map_id, on.version, on.branch_id) == (shown.map_id, shown.version,
                                                                            shown.branch_id):
                # the same map moved to another node: nothing new is shown, so no approval and no minutes entry
                return self._commit(state.next(map=shown), user, 'map_focused', details)
            if self._hearings.get(hearing_id).approval_required and user.role is not Role.PRESIDING_JUDGE:
                return self._commit(state.next(pending_map=shown, pending=None, pending_beside=None,
                                               pending_by=user.username), user, 'publish_requested',
                                    {'map': shown.to_json(), **details})
            return self._map_live(state, shown, user, 'map_published', details)

    def _map_live(self, state: PresentationState, shown: MapShown, user: User, action: str,
                  details: dict[str, object]) -> PresentationState:
        return self._commit(state.next(live=None, beside=None, map=shown), user, action, details,
                            examined={s.exhibit_id for s in state.items})

    def approve(self, hearing_id: int, user: User, *, approved: bool = True) -> PresentationState:
        require(user.role, Action.APPROVE)
        with self._lock:
            state = self.state(hearing_id)
            if state.pending_map is not None:
                shown_map = state.pending_map
                cleared = state.next(pending_map=None, pending_by=None)
                if not approved:
                    return self._commit(cleared, user, 'publish_rejected', {'map': shown_map.to_json()})
                return self._map_live(cleared, shown_map, user, 'map_published', {**shown_map.details(),
                                                                                  'approved': True})
            if state.pending is None:
                raise Conflict('nothing_pending')
            pending, beside = state.pending, state.pending_beside
            cleared = state.next(pending=None, pending_beside=None, pending_by=None)
            if not approved:
                return self._commit(cleared, user, 'publish_rejected', _details(pending, beside))
            return self._go_live(cleared, pending, beside, user, 'publish_approved', _details(pending, beside))

    def clear(self, hearing_id: int, user: User) -> PresentationState:
        """Take the live exhibit off the screens (it becomes examined); screens go idle."""
        require(user.role, Action.PUBLISH)
        with self._lock:
            state = self.state(hearing_id)
            if state.live is None and state.map is None:
                return state
            details = _details(state.live, state.beside) if state.live else {'map': state.map.to_json()}
            return self._commit(state.next(live=None, beside=None, map=None), user, 'cleared', details,
                                examined={s.exhibit_id for s in state.items})

    def blank(self, hearing_id: int, user: User, on: bool) -> PresentationState:
        """From the presiding judge, the kill switch; from the procurator, the presenter's own blank, which never
        lifts the judge's kill switch."""
        with self._lock:
            state = self.state(hearing_id)
            if user.role is Role.PRESIDING_JUDGE:
                if state.kill_switch == on:
                    return state
                return self._commit(state.next(kill_switch=on), user, 'kill_switch_on' if on else 'kill_switch_off',
                                    {})
            require(user.role, Action.PRESENTER_BLANK)
            if not on and state.kill_switch:
                raise Forbidden('kill_switch_on')
            if state.presenter_blank == on:
                return state
            return self._commit(state.next(presenter_blank=on), user, 'blank_on' if on else 'blank_off', {})

    def set_restricted(self, exhibit_id: int, user: User, restricted: bool) -> None:
        require(user.role, Action.RESTRICT)
        exhibit = self._exhibits.set_restricted(exhibit_id, restricted, actor=user.username)
        self._changed(exhibit.hearing_id)

    def configure(self, hearing_id: int, user: User, *, closed_door: bool | None = None,
                  approval_required: bool | None = None) -> None:
        require(user.role, Action.CONFIGURE_HEARING)
        self._hearings.configure(hearing_id, actor=user.username, closed_door=closed_door,
                                 approval_required=approval_required)
        self._changed(hearing_id)

    # internals

    def _go_live(self, state: PresentationState, live: Shown, beside: Shown | None, user: User, action: str,
                 details: dict[str, object]) -> PresentationState:
        shown = {live.exhibit_id} | ({beside.exhibit_id} if beside else set())
        examined = {s.exhibit_id for s in state.items} - shown
        return self._commit(state.next(live=live, beside=beside, map=None), user, action, details, on_display=shown,
                            examined=examined)

    def _commit(self, state: PresentationState, user: User, action: str, details: dict[str, object], *,
                on_display: Iterable[int] = (), examined: Iterable[int] = ()) -> PresentationState:
        with self._store.transaction() as db:
            db.execute('INSERT INTO presentation (hearing_id, state) VALUES (?, ?)'
                       ' ON CONFLICT (hearing_id) DO UPDATE SET state = excluded.state',
                       (state.hearing_id, state.to_json()))
            for exhibit_id in sorted(on_display):
                db.execute('UPDATE exhibits SET disclosure = ? WHERE id = ?', (Disclosure.ON_DISPLAY, exhibit_id))
            for exhibit_id in sorted(examined):
                db.execute('UPDATE exhibits SET disclosure = ? WHERE id = ?', (Disclosure.EXAMINED, exhibit_id))
            audit.append(db, state.hearing_id, user.username, action, {**details, 'version': state.version})
        self._states[state.hearing_id] = state
        self._changed(state.hearing_id)
        return state


def _details(live: Shown, beside: Shown | None, side: int | None = None) -> dict[str, object]:
    """An audit entry's account of what is (or would be) shown: the left page's fields as one page has always been
    written, and side by side the page beside it and which side this change turned."""
    details: dict[str, object] = live.to_json()
    if beside is not None:
        details['beside'] = beside.to_json()
    if side is not None:
        details['side'] = side
    return details
