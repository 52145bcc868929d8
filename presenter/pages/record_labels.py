"""Labels shared by the record page and the review page: series start times, the names of recorded sources and of
staff, and segments grouped by source and series. Times and durations are written by courtroom.court_time."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from courtroom.recordings import Segment

from ..services import Services
from ..session import t


def series_started(series: str | None) -> float | None:
    """The unix time a series began, read from its name (courtroom.recordings.new_series)."""
    if not series:
        return None
    try:
        return datetime.strptime(series, '%Y%m%dT%H%M%S%fZ').replace(tzinfo=UTC).timestamp()
    except ValueError:
        return None


def group_segments(segments: Iterable[Segment]) -> dict[tuple[str, str], list[Segment]]:
    """(source, series) → its segments in order, the series in the order they began."""
    groups: dict[tuple[str, str], list[Segment]] = {}
    for s in sorted(segments, key=lambda s: (s.source, s.started_at, s.seq)):
        groups.setdefault((s.source, s.series), []).append(s)
    return groups


def source_name(names: dict[str, str], source: str) -> str:
    if source in names:
        return names[source]
    if source in ('courtroom', 'central', 'room', 'courtroom-feed'):
        return t('rec_source_courtroom')
    return source


# --- name lookups (blocking: call through run.io_bound) -------------------------------------------------------

def source_names(services: Services, hearing_id: int) -> dict[str, str]:
    """Each recorded source's name: a participant's, the courtroom's, a screen's."""
    names = {str(p.id): p.name for p in services.participants.of_hearing(hearing_id)}
    for screen in services.screens.of_hearing(hearing_id):
        names[f'screen-{screen.id}'] = screen.name
    return names


def people_names(services: Services, hearing_id: int) -> dict[str, str]:
    """Who acts on the hearing's record, by the name they act under: staff by username, a participant by
    ``participant:{id}`` (a correction they ask for, their joining). Blocking."""
    return services.users.names() | {f'participant:{p.id}': p.name
                                     for p in services.participants.of_hearing(hearing_id)}
