"""The latest still of each participant's ID card, in this process's memory only (never on disk, never in the
record: the record keeps its SHA-256), so that the clerk can look at it beside the result until the hearing moves
on; the oldest go first."""

from __future__ import annotations

import threading
from collections import OrderedDict

_STILLS: OrderedDict[int, tuple[bytes, str]] = OrderedDict()  # participant id → (the latest still, its type)
_STILLS_LOCK = threading.Lock()
_KEEP = 32


def latest_still(participant_id: int) -> tuple[bytes, str] | None:
    with _STILLS_LOCK:
        return _STILLS.get(participant_id)


def keep_still(participant_id: int, data: bytes) -> None:
    media_type = 'image/png' if data.startswith(b'\x89PNG') else 'image/jpeg'
    with _STILLS_LOCK:
        _STILLS[participant_id] = (data, media_type)
        _STILLS.move_to_end(participant_id)
        while len(_STILLS) > _KEEP:
            _STILLS.popitem(last=False)
