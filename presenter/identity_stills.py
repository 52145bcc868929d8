"""What the clerk looks at to know who waits in the lobby, in this process's memory only (never on disk, never in
the record): the latest still of each participant's ID card (the record keeps its SHA-256), and the participant's
face as their camera sees it now, a small picture their lobby page sends every few seconds. A face older than
``FACE_FRESH_S`` is not shown: it would no longer be the live face. The oldest of either go first."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict

from courtroom.events import Event
from media.qr_decode import picture_type

_STILLS: OrderedDict[int, tuple[bytes, str]] = OrderedDict()  # participant id → (the latest still, its type)
_FACES: OrderedDict[int, tuple[bytes, str, float]] = OrderedDict()  # participant id → (picture, type, when)
_LOCK = threading.Lock()
_KEEP = 32
FACE_FRESH_S = 15.0
FACE_EVERY_S = 1.0  # a page sending faster than this is not listened to
FACE_MAX_BYTES = 256 * 1024

faces_changed: Event[int] = Event()  # a participant's face was renewed: their id


def latest_still(participant_id: int) -> tuple[bytes, str] | None:
    with _LOCK:
        return _STILLS.get(participant_id)


def keep_still(participant_id: int, data: bytes) -> None:
    with _LOCK:
        _STILLS[participant_id] = (data, picture_type(data) or 'image/jpeg')
        _STILLS.move_to_end(participant_id)
        while len(_STILLS) > _KEEP:
            _STILLS.popitem(last=False)


def latest_face(participant_id: int, now: float | None = None) -> tuple[bytes, str] | None:
    with _LOCK:
        kept = _FACES.get(participant_id)
    if kept is None or (now if now is not None else time.time()) - kept[2] > FACE_FRESH_S:
        return None
    return kept[0], kept[1]


def keep_face(participant_id: int, data: bytes, kind: str, now: float | None = None) -> bool:
    """Keep the participant's face as it is now; False (and nothing kept) when the last one is less than
    ``FACE_EVERY_S`` old."""
    now = now if now is not None else time.time()
    with _LOCK:
        last = _FACES.get(participant_id)
        if last is not None and now - last[2] < FACE_EVERY_S:
            return False
        _FACES[participant_id] = (data, kind, now)
        _FACES.move_to_end(participant_id)
        while len(_FACES) > _KEEP:
            _FACES.popitem(last=False)
    faces_changed.emit(participant_id)
    return True

