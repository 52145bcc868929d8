"""Playing an audio or video exhibit on the screens: the playback state of a hearing's published A/V exhibit, as a
position that was true at a server time, so every screen can compute where the recording is now and follow one
shared clock (presenter/static/playback.js corrects each screen's drift against it).

``PlaybackState`` and its transitions are pure values and functions; ``Playback`` keeps the state of each hearing
(in memory: it is a live fact, like what a screen has painted; the audit chain has every action with its
position), checks who may act and on what, audits each action and announces it on ``changed``. Publishing another
exhibit, or taking it off the screens, ends the playback: the next publish of a recording starts paused at 0."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from . import audit
from .errors import Conflict, InvalidInput
from .events import Event
from .exhibits import Exhibit, ExhibitKind, Exhibits
from .presentation import Presentation, Snapshot
from .roles import Action, require
from .store import Store
from .users import User

MIN_RATE = 0.5
MAX_RATE = 2.0
AV_KINDS = frozenset({ExhibitKind.AUDIO, ExhibitKind.VIDEO})


class PlaybackAction(StrEnum):
    PLAY = 'play'
    PAUSE = 'pause'
    SEEK = 'seek'
    RATE = 'rate'


@dataclass(slots=True, frozen=True, kw_only=True)
class PlaybackState:
    """Where a hearing's published recording is: ``position_s`` was true at server time ``at`` (unix seconds) and
    moves on at ``rate`` while ``playing``. ``duration_s`` is None when the file does not say."""

    hearing_id: int
    exhibit_id: int
    duration_s: float | None
    playing: bool = False
    position_s: float = 0.0
    rate: float = 1.0
    at: float = 0.0
    version: int = 0

    def position_at(self, now: float) -> float:
        """The position at server time ``now``; it stops at the end of the recording."""
        if not self.playing:
            return self.position_s
        position = self.position_s + max(0.0, now - self.at) * self.rate
        return position if self.duration_s is None else min(position, self.duration_s)

    def ended_at(self, now: float) -> bool:
        return self.duration_s is not None and self.position_at(now) >= self.duration_s

    def at_time(self, now: float) -> PlaybackState:
        """The same playback, described at ``now``: a recording that has reached its end is no longer playing."""
        return replace(self, position_s=self.position_at(now), at=now, playing=self.playing and not self.ended_at(now))

    def to_api(self) -> dict[str, Any]:
        return {'exhibit_id': self.exhibit_id, 'playing': self.playing, 'position_s': round(self.position_s, 3),
                'rate': self.rate, 'at': self.at, 'duration_s': self.duration_s}


def _number(value: object, code: str, **params: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise InvalidInput(code, **params)
    return float(value)


def play(state: PlaybackState, now: float) -> PlaybackState:
    """Play from where it is; from the start if it had reached the end."""
    current = state.at_time(now)
    start = 0.0 if current.ended_at(now) else current.position_s
    return replace(current, playing=True, position_s=start, version=state.version + 1)


def pause(state: PlaybackState, now: float) -> PlaybackState:
    return replace(state.at_time(now), playing=False, version=state.version + 1)


def seek(state: PlaybackState, position_s: object, now: float) -> PlaybackState:
    """Jump to ``position_s`` (0 up to the duration), keeping playing or paused."""
    position = _number(position_s, 'playback_bad_position', position=str(position_s))
    if position < 0 or (state.duration_s is not None and position > state.duration_s):
        raise InvalidInput('playback_seek_outside', position=f'{position:g}',
                           duration=f'{state.duration_s:g}' if state.duration_s is not None else '?')
    current = state.at_time(now)
    return replace(current, position_s=position, playing=current.playing and position < (state.duration_s or math.inf),
                   version=state.version + 1)


def set_rate(state: PlaybackState, rate: object, now: float) -> PlaybackState:
    value = _number(rate, 'playback_bad_rate', rate=str(rate), min=MIN_RATE, max=MAX_RATE)
    if not MIN_RATE <= value <= MAX_RATE:
        raise InvalidInput('playback_bad_rate', rate=f'{value:g}', min=MIN_RATE, max=MAX_RATE)
    return replace(state.at_time(now), rate=value, version=state.version + 1)


def act(state: PlaybackState, action: str, now: float, *, position_s: object = None,
        rate: object = None) -> PlaybackState:
    """One bench action on a playback, checked. Pure."""
    try:
        which = PlaybackAction(action)
    except ValueError:
        raise InvalidInput('playback_bad_action', action=action,
                           actions=', '.join(a.value for a in PlaybackAction)) from None
    if which is PlaybackAction.PLAY:
        return play(state, now)
    if which is PlaybackAction.PAUSE:
        return pause(state, now)
    if which is PlaybackAction.SEEK:
        return seek(state, position_s, now)
    return set_rate(state, rate, now)


@dataclass(slots=True, frozen=True)
class PlaybackChange:
    """A hearing's playback changed; ``state`` is None when nothing playable is published."""

    hearing_id: int
    state: PlaybackState | None


class Playback:
    """The playback of each hearing's published recording.

    Lock order: a publish holds the presentation's lock while it announces the change that ends a playback, so
    nothing here holds the store's lock while asking the presentation; a state read or written is one dict
    operation, and a stored state for another exhibit than the live one is ignored."""

    def __init__(self, store: Store, presentation: Presentation, exhibits: Exhibits, *,
                 clock: Callable[[], float] = time.time) -> None:
        self._store = store
        self._presentation = presentation
        self._exhibits = exhibits
        self._clock = clock
        self._states: dict[int, PlaybackState] = {}
        self._av: dict[int, tuple[ExhibitKind, float | None]] = {}  # exhibit id → kind, duration: never change
        self.changed: Event[PlaybackChange] = Event()
        presentation.changed.subscribe(self._presentation_changed)

    def now(self) -> float:
        return self._clock()

    def _kind(self, exhibit_id: int) -> tuple[ExhibitKind, float | None]:
        if (known := self._av.get(exhibit_id)) is None:
            exhibit = self._exhibits.get(exhibit_id)
            known = self._av[exhibit_id] = (exhibit.kind, duration_of(exhibit))
        return known

    def _live_av(self, hearing_id: int) -> tuple[int, float | None] | None:
        live = self._presentation.state(hearing_id).live
        if live is None:
            return None
        kind, duration = self._kind(live.exhibit_id)
        return (live.exhibit_id, duration) if kind in AV_KINDS else None

    def _current(self, hearing_id: int, exhibit_id: int, duration: float | None, now: float) -> PlaybackState:
        stored = self._states.get(hearing_id)
        if stored is None or stored.exhibit_id != exhibit_id:
            return PlaybackState(hearing_id=hearing_id, exhibit_id=exhibit_id, duration_s=duration, at=now)
        return stored.at_time(now)

    def state(self, hearing_id: int) -> PlaybackState | None:
        """The playback of what the hearing has on its screens now, described at the current time; None when that
        is not a recording (or nothing is published). A recording just published is paused at 0."""
        live = self._live_av(hearing_id)
        return None if live is None else self._current(hearing_id, *live, self._clock())

    def act(self, hearing_id: int, user: User, action: str, *, position_s: object = None,
            rate: object = None) -> PlaybackState:
        """Play, pause, seek or change the speed of the published recording; audited with the position."""
        require(user.role, Action.PUBLISH)
        live = self._presentation.state(hearing_id).live
        if live is None:
            raise Conflict('playback_nothing_live')
        if (av := self._live_av(hearing_id)) is None:
            raise InvalidInput('playback_not_av', exhibit_id=live.exhibit_id)
        with self._store.transaction() as db:  # one action at a time: each starts from the one before
            now = self._clock()
            changed = act(self._current(hearing_id, *av, now), action, now, position_s=position_s, rate=rate)
            audit.append(db, hearing_id, user.username, f'playback_{action}', {
                'exhibit_id': changed.exhibit_id, 'position_s': round(changed.position_s, 3), 'rate': changed.rate,
                'playing': changed.playing, 'at': now})
            self._states[hearing_id] = changed
        self.changed.emit(PlaybackChange(hearing_id, changed))
        return changed

    def _presentation_changed(self, snapshot: Snapshot) -> None:
        """Another exhibit published, or none: the playback of the recording that was live ends."""
        hearing_id, live = snapshot.state.hearing_id, snapshot.state.live
        current = self._states.get(hearing_id)
        if current is None or (live is not None and live.exhibit_id == current.exhibit_id):
            return
        self._states.pop(hearing_id, None)
        self.changed.emit(PlaybackChange(hearing_id, None))


def duration_of(exhibit: Exhibit) -> float | None:
    value = exhibit.media.get('duration_s')
    return float(value) if isinstance(value, int | float) and value > 0 else None


def is_av(exhibit: Exhibit) -> bool:
    return exhibit.kind in AV_KINDS
