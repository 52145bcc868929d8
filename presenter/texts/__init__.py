"""The pages' texts, Vietnamese first, English second, with the glossary's terms.

Each part of the application keeps its texts in a module of its own (the bench console's in ``bench``, the record's
in ``record``, ...); ``TEXTS`` merges them into the one catalogue the pages read, and the merge fails on a key that
two modules define. The ``..._KEYS`` maps, texts chosen by a value at run time, are in ``keys``.
"""

from __future__ import annotations

from .accessibility import ACCESSIBILITY_TEXTS
from .bench import BENCH_TEXTS
from .case_file import CASE_FILE_TEXTS
from .case_map import CASE_MAP_TEXTS
from .clerk import CLERK_TEXTS
from .cli import CLI_TEXTS
from .common import COMMON_TEXTS
from .hearings import HEARINGS_TEXTS
from .hybrid_control import HYBRID_CONTROL_TEXTS
from .interrogation import INTERROGATION_TEXTS
from .join import JOIN_TEXTS
from .judge import JUDGE_TEXTS
from .keys import (
    ACK_KEYS,
    ACTION_KEYS,
    BENCH_AUDIENCE_KEYS,
    CALL_STATE_KEYS,
    CLERK_AUDIENCE_KEYS,
    DEVICE_CHECK_KEYS,
    DISCLOSURE_KEYS,
    EXHIBIT_KIND_KEYS,
    ID_DOCUMENT_KEYS,
    JOIN_DOCUMENT_KEYS,
    MAP_MARKER_KEYS,
    PARTICIPANT_ROLE_KEYS,
    PARTICIPANT_STATE_KEYS,
    POINT_KIND_KEYS,
    PROBLEM_KEYS,
    QR_FIELD_KEYS,
    QR_PROBLEM_KEYS,
    ROLE_KEYS,
    SESSION_KIND_KEYS,
    VIEW_KEYS,
)
from .participants import PARTICIPANTS_TEXTS
from .record import RECORD_TEXTS
from .redact import REDACT_TEXTS
from .review import REVIEW_TEXTS
from .screens import SCREENS_TEXTS
from .side_by_side import SIDE_BY_SIDE_TEXTS
from .treatments import TREATMENTS_TEXTS

TEXTS = (
    COMMON_TEXTS | HEARINGS_TEXTS | CASE_FILE_TEXTS | BENCH_TEXTS | JUDGE_TEXTS | CLERK_TEXTS |
    PARTICIPANTS_TEXTS | HYBRID_CONTROL_TEXTS | RECORD_TEXTS | REVIEW_TEXTS | INTERROGATION_TEXTS | JOIN_TEXTS |
    SCREENS_TEXTS | CLI_TEXTS | ACCESSIBILITY_TEXTS | SIDE_BY_SIDE_TEXTS | TREATMENTS_TEXTS | REDACT_TEXTS |
    CASE_MAP_TEXTS
)

__all__ = [
    'ACK_KEYS',
    'ACTION_KEYS',
    'BENCH_AUDIENCE_KEYS',
    'CALL_STATE_KEYS',
    'CLERK_AUDIENCE_KEYS',
    'DEVICE_CHECK_KEYS',
    'DISCLOSURE_KEYS',
    'EXHIBIT_KIND_KEYS',
    'ID_DOCUMENT_KEYS',
    'JOIN_DOCUMENT_KEYS',
    'MAP_MARKER_KEYS',
    'PARTICIPANT_ROLE_KEYS',
    'PARTICIPANT_STATE_KEYS',
    'POINT_KIND_KEYS',
    'PROBLEM_KEYS',
    'QR_FIELD_KEYS',
    'QR_PROBLEM_KEYS',
    'ROLE_KEYS',
    'SESSION_KIND_KEYS',
    'TEXTS',
    'VIEW_KEYS',
]
