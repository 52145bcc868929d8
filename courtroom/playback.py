"""Playing an audio or video exhibit on the screens: the playback state of a hearing's published A/V exhibit, as a
position that was true at a server time, so every screen can compute where the recording is now and follow one
shared clock (presenter/static/playback.js corrects each screen's drift against it).

``PlaybackState`` and its transitions are pure values and functions; ``Playback`` keeps the state of each hearing
(in memory, read back after a restart from the audit chain, which has every action with its position, speed and
time: a recording playing when the server stopped plays on where it would be now), checks who may act and on what,
audits each action and announces it on ``changed``. Publishing another exhibit, or taking it off the screens, ends
the playback: the next publish of a recording starts paused at 0.

A *clip* is a named part of a recording (in and out points), saved with the exhibit; playing it seeks to its in
point and plays until its out point, where the recording stops on every screen."""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from . import audit
from .errors import Conflict, InvalidInput, NotFound
from .events import Event
from .exhibits import AV_KINDS, Exhibit, ExhibitKind, Exhibits, is_av
from .hearings import clean_text
from .presentation import Presentation, Snapshot
from .roles import Action, require
from .store import Store
from .users import User

MIN_RATE = 0.5
MAX_RATE = 2.0


class PlaybackAction(StrEnum):
    PLAY = 'play'
    PAUSE = 'pause'
    SEEK = 'seek'
    RATE = 'rate'
    CLIP = 'clip'


@dataclass(slots=True, frozen=True, kw_only=True)
class PlaybackState:
    """Where a hearing's published recording is: ``position_s`` was true at server time ``at`` (unix seconds) and
    moves on at ``rate`` while ``playing``. ``duration_s`` is None when the file does not say; ``stop_s`` is the
    out point of the clip being played, where the recording stops."""

    hearing_id: int
    exhibit_id: int
    duration_s: float | None
    playing: bool = False
    position_s: float = 0.0
    rate: float = 1.0
    at: float = 0.0
    version: int = 0
    stop_s: float | None = None
    clip_id: int | None = None

    @property
    def end_s(self) -> float | None:
        """Where playing stops: the clip's out point, else the end of the recording."""
        return self.stop_s if self.stop_s is not None else self.duration_s

    def position_at(self, now: float) -> float:
        """The position at server time ``now``; it stops at the end of the recording (or of the clip)."""
        if not self.playing:
            return self.position_s
        position = self.position_s + max(0.0, now - self.at) * self.rate
        end = self.end_s
        return position if end is None else min(position, max(end, self.position_s))

    def ended_at(self, now: float) -> bool:
        end = self.end_s
        return end is not None and self.position_at(now) >= end

    def at_time(self, now: float) -> PlaybackState:
        """The same playback, described at ``now``: a recording that has reached its end is no longer playing."""
        return replace(self, position_s=self.position_at(now), at=now, playing=self.playing and not self.ended_at(now))

    def to_api(self) -> dict[str, Any]:
        return {'exhibit_id': self.exhibit_id, 'playing': self.playing, 'position_s': round(self.position_s, 3),
                'rate': self.rate, 'at': self.at, 'duration_s': self.duration_s, 'stop_s': self.stop_s,
                'clip_id': self.clip_id}


def _number(value: object, code: str, **params: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise InvalidInput(code, **params)
    return float(value)


def play(state: PlaybackState, now: float) -> PlaybackState:
    """Play from where it is (past a clip's out point, on into the recording); from the start if it had reached
    the end of the recording."""
    current = state.at_time(now)
    if current.ended_at(now) and current.stop_s is not None:
        current = replace(current, stop_s=None, clip_id=None)
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
    current = replace(state.at_time(now), stop_s=None, clip_id=None)  # a seek leaves the clip
    return replace(current, position_s=position, playing=current.playing and position < (state.duration_s or math.inf),
                   version=state.version + 1)


def set_rate(state: PlaybackState, rate: object, now: float) -> PlaybackState:
    value = _number(rate, 'playback_bad_rate', rate=str(rate), min=MIN_RATE, max=MAX_RATE)
    if not MIN_RATE <= value <= MAX_RATE:
        raise InvalidInput('playback_bad_rate', rate=f'{value:g}', min=MIN_RATE, max=MAX_RATE)
    return replace(state.at_time(now), rate=value, version=state.version + 1)


@dataclass(slots=True, frozen=True, kw_only=True)
class Clip:
    id: int
    hearing_id: int
    exhibit_id: int
    name: str
    in_s: float
    out_s: float
    author: str
    created_at: str

    def to_api(self) -> dict[str, Any]:
        return {'id': self.id, 'hearing_id': self.hearing_id, 'exhibit_id': self.exhibit_id, 'name': self.name,
                'in_s': self.in_s, 'out_s': self.out_s, 'author': self.author, 'created_at': self.created_at}


def check_clip(in_s: object, out_s: object, duration_s: float | None) -> tuple[float, float]:
    """A clip's in and out points: 0 ≤ in < out ≤ the duration. Pure."""
    start = _number(in_s, 'playback_bad_position', position=str(in_s))
    stop = _number(out_s, 'playback_bad_position', position=str(out_s))
    for value in (start, stop):
        if value < 0 or (duration_s is not None and value > duration_s):
            raise InvalidInput('playback_seek_outside', position=f'{value:g}',
                               duration=f'{duration_s:g}' if duration_s is not None else '?')
    if stop <= start:
        raise InvalidInput('clip_empty', in_s=f'{start:g}', out_s=f'{stop:g}')
    return start, stop


def play_clip(state: PlaybackState, clip: Clip, now: float) -> PlaybackState:
    """Seek to the clip's in point and play until its out point."""
    return replace(state.at_time(now), playing=True, position_s=clip.in_s, stop_s=clip.out_s, clip_id=clip.id,
                   version=state.version + 1)


def act(state: PlaybackState, action: str, now: float, *, position_s: object = None,
        rate: object = None, clip: Clip | None = None) -> PlaybackState:
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
    if which is PlaybackAction.CLIP:
        if clip is None:
            raise InvalidInput('clip_needed')
        if clip.exhibit_id != state.exhibit_id:
            raise InvalidInput('clip_of_another_exhibit', clip=clip.name)
        return play_clip(state, clip, now)
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
        self._restored: set[int] = set()  # hearings whose playback this process has read back from the audit
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

    def _restore(self, hearing_id: int, exhibit_id: int, duration: float | None) -> None:
        """After a restart, the playback as its last audit entry left it (each action is audited with its position,
        speed and time), unless another exhibit was shown or the screens cleared since. Once per hearing."""
        if hearing_id in self._restored or hearing_id in self._states:
            return
        with self._store.read() as db:
            last = db.execute("SELECT seq, details FROM audit WHERE hearing_id = ? AND action LIKE 'playback!_%'"
                              " ESCAPE '!' ORDER BY seq DESC LIMIT 1", (hearing_id,)).fetchone()
            since = [] if last is None else db.execute(
                "SELECT action, details FROM audit WHERE hearing_id = ? AND seq > ?"
                " AND action IN ('published', 'publish_approved', 'cleared')", (hearing_id, last[0])).fetchall()
        self._restored.add(hearing_id)
        if last is None or any(a == 'cleared' or json.loads(d).get('exhibit_id') != exhibit_id for a, d in since):
            return
        d = json.loads(last[1])
        if d.get('exhibit_id') != exhibit_id:
            return
        clip = d.get('clip_id') is not None
        self._states.setdefault(hearing_id, PlaybackState(
            hearing_id=hearing_id, exhibit_id=exhibit_id, duration_s=duration, playing=bool(d['playing']),
            position_s=float(d['position_s']), rate=float(d['rate']), at=float(d['at']),
            stop_s=float(d['out_s']) if clip and d.get('out_s') is not None else None,
            clip_id=int(d['clip_id']) if clip else None))

    def _current(self, hearing_id: int, exhibit_id: int, duration: float | None, now: float) -> PlaybackState:
        stored = self._states.get(hearing_id)
        if stored is None or stored.exhibit_id != exhibit_id:
            return PlaybackState(hearing_id=hearing_id, exhibit_id=exhibit_id, duration_s=duration, at=now)
        return stored.at_time(now)

    def state(self, hearing_id: int) -> PlaybackState | None:
        """The playback of what the hearing has on its screens now, described at the current time; None when that
        is not a recording (or nothing is published). A recording just published is paused at 0."""
        live = self._live_av(hearing_id)
        if live is None:
            return None
        self._restore(hearing_id, *live)
        return self._current(hearing_id, *live, self._clock())

    def act(self, hearing_id: int, user: User, action: str, *, position_s: object = None,
            rate: object = None, clip_id: int | None = None) -> PlaybackState:
        """Play, pause, seek, change the speed of the published recording or play one of its clips; audited with
        the position."""
        require(user.role, Action.PUBLISH)
        clip = self.clip(clip_id) if clip_id is not None else None
        live = self._presentation.state(hearing_id).live
        if live is None:
            raise Conflict('playback_nothing_live')
        if (av := self._live_av(hearing_id)) is None:
            raise InvalidInput('playback_not_av', exhibit_id=live.exhibit_id)
        self._restore(hearing_id, *av)
        with self._store.transaction() as db:  # one action at a time: each starts from the one before
            now = self._clock()
            changed = act(self._current(hearing_id, *av, now), action, now, position_s=position_s, rate=rate,
                          clip=clip)
            audit.append(db, hearing_id, user.username, f'playback_{action}', {
                'exhibit_id': changed.exhibit_id, 'position_s': round(changed.position_s, 3), 'rate': changed.rate,
                'playing': changed.playing, 'at': now,
                **({'clip_id': clip.id, 'clip': clip.name, 'out_s': clip.out_s} if clip is not None else {})})
            self._states[hearing_id] = changed
        self.changed.emit(PlaybackChange(hearing_id, changed))
        return changed

    # clips

    def add_clip(self, exhibit_id: int, user: User, *, name: str, in_s: object, out_s: object) -> Clip:
        """Save a named part of a recording, to play it again; audited."""
        require(user.role, Action.PUBLISH)
        exhibit = self._exhibits.get(exhibit_id)
        if not is_av(exhibit):
            raise InvalidInput('playback_not_av', exhibit_id=exhibit_id)
        name = clean_text('name', name, 200)
        start, stop = check_clip(in_s, out_s, duration_of(exhibit))
        at = datetime.now(UTC).isoformat(timespec='milliseconds')
        with self._store.transaction() as db:
            cursor = db.execute('INSERT INTO clips (hearing_id, exhibit_id, name, in_s, out_s, author, created_at)'
                                ' VALUES (?, ?, ?, ?, ?, ?, ?)',
                                (exhibit.hearing_id, exhibit_id, name, start, stop, user.username, at))
            clip = Clip(id=int(cursor.lastrowid or 0), hearing_id=exhibit.hearing_id, exhibit_id=exhibit_id,
                        name=name, in_s=start, out_s=stop, author=user.username, created_at=at)
            audit.append(db, exhibit.hearing_id, user.username, 'clip_saved', {
                'clip_id': clip.id, 'exhibit_id': exhibit_id, 'name': name, 'in_s': start, 'out_s': stop})
        return clip

    def clip(self, clip_id: int) -> Clip:
        with self._store.read() as db:
            row = db.execute('SELECT * FROM clips WHERE id = ?', (clip_id,)).fetchone()
        if row is None:
            raise NotFound('clip_not_found', clip_id=clip_id)
        return _clip(row)

    def clips(self, exhibit_id: int) -> list[Clip]:
        self._exhibits.get(exhibit_id)
        with self._store.read() as db:
            rows = db.execute('SELECT * FROM clips WHERE exhibit_id = ? ORDER BY in_s, id', (exhibit_id,)).fetchall()
        return [_clip(r) for r in rows]

    def clips_of_hearing(self, hearing_id: int) -> list[Clip]:
        with self._store.read() as db:
            rows = db.execute('SELECT * FROM clips WHERE hearing_id = ? ORDER BY exhibit_id, in_s, id',
                              (hearing_id,)).fetchall()
        return [_clip(r) for r in rows]

    def _presentation_changed(self, snapshot: Snapshot) -> None:
        """Another exhibit published, or none: the playback of the recording that was live ends."""
        hearing_id, live = snapshot.state.hearing_id, snapshot.state.live
        current = self._states.get(hearing_id)
        if current is None or (live is not None and live.exhibit_id == current.exhibit_id):
            return
        self._states.pop(hearing_id, None)
        self.changed.emit(PlaybackChange(hearing_id, None))


def _clip(row: Any) -> Clip:
    return Clip(id=row['id'], hearing_id=row['hearing_id'], exhibit_id=row['exhibit_id'], name=row['name'],
                in_s=row['in_s'], out_s=row['out_s'], author=row['author'], created_at=row['created_at'])


def duration_of(exhibit: Exhibit) -> float | None:
    value = exhibit.media.get('duration_s')
    return float(value) if isinstance(value, int | float) and value > 0 else None
