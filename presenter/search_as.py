"""Search as a user may see it: anyone but the trial panel searches the pages with the words under their
redactions masked (courtroom.search explains the rule). The API and the pages search through here."""

from __future__ import annotations

from courtroom.roles import PANEL_ROLES, Role
from courtroom.search import Hit

from .services import Services


def search_as(services: Services, role: Role, hearing_id: int, query: str, *, ignore_marks: bool = False) -> list[Hit]:
    """Blocking (database reads): call from a worker thread."""
    hidden = None if role in PANEL_ROLES else services.redactions.hidden_words(hearing_id)
    return services.search.search(hearing_id, query, ignore_marks=ignore_marks, hidden=hidden)
