"""When a hearing may be held online (Resolution 33/2021/QH15, DESIGN.md §4), as a pure rule: not with state
secrets, national-security offences (Penal Code ch. XIII, articles 108–122) or crimes against peace and humanity
(ch. XXVI, articles 421–425)."""

from __future__ import annotations

from collections.abc import Iterable

from .errors import InvalidInput

PENAL_CODE_ARTICLES = range(1, 427)  # Penal Code 2015 (amended 2017): articles 1..426
NATIONAL_SECURITY = range(108, 123)
PEACE_AND_HUMANITY = range(421, 426)
MAX_COMPONENT_POINTS = 3


def parse_charges(values: Iterable[object]) -> list[int]:
    """Penal Code article numbers, as given ("173", 173, "Điều 173"); refuses one that is not an article."""
    articles: list[int] = []
    for value in values:
        text = str(value).strip().lower().removeprefix('điều').removeprefix('article').strip()
        if not text.isdigit() or int(text) not in PENAL_CODE_ARTICLES:
            raise InvalidInput('bad_charge', charge=str(value))
        if int(text) not in articles:
            articles.append(int(text))
    return articles


def online_refusal(charges: Iterable[int], state_secret: bool) -> str | None:
    """Why this hearing may have no component point and no remote participant, or None when it may."""
    if state_secret:
        return 'online_refused_state_secret'
    charges = list(charges)
    if any(a in NATIONAL_SECURITY for a in charges):
        return 'online_refused_national_security'
    if any(a in PEACE_AND_HUMANITY for a in charges):
        return 'online_refused_peace_humanity'
    return None
