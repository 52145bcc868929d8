"""The case file as a user's role may see it. Anyone but the trial panel searches the pages with the words under
their redactions masked (courtroom.search explains the rule); defence counsel see only the exhibits shown to them
(courtroom.exhibits.counsel_sees), in lists, searches and pages. The API and the pages go through here."""

from __future__ import annotations

from courtroom.errors import NotFound
from courtroom.exhibits import Exhibit, counsel_sees
from courtroom.roles import PANEL_ROLES, Role
from courtroom.search import Hit

from .services import Services


def search_as(services: Services, role: Role, hearing_id: int, query: str, *, ignore_marks: bool = False) -> list[Hit]:
    """Blocking (database reads): call from a worker thread."""
    hidden = None if role in PANEL_ROLES else services.redactions.hidden_words(hearing_id)
    hits = services.search.search(hearing_id, query, ignore_marks=ignore_marks, hidden=hidden)
    if role is Role.DEFENCE_COUNSEL:
        seen = {e.id for e in exhibits_as(services, role, hearing_id)}
        hits = [h for h in hits if h.exhibit_id in seen]
    return hits


def exhibits_as(services: Services, role: Role, hearing_id: int) -> list[Exhibit]:
    """The hearing's exhibits a user of ``role`` may see. Blocking."""
    exhibits = services.exhibits.of_hearing(hearing_id)
    return [e for e in exhibits if counsel_sees(e)] if role is Role.DEFENCE_COUNSEL else exhibits


def require_exhibit(services: Services, role: Role, exhibit_id: int) -> None:
    """NotFound, as for a missing one, for an exhibit ``role`` may not see. Blocking."""
    if role is Role.DEFENCE_COUNSEL and not counsel_sees(services.exhibits.get(exhibit_id)):
        raise NotFound('exhibit_not_found', exhibit_id=exhibit_id)
