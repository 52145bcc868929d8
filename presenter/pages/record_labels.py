"""Labels shared by the record page and the review page: times in the court's zone, durations, series start times,
the names of recorded sources and of staff, and segments grouped by source and series."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from courtroom.recordings import Segment

from ..services import Services
from ..session import t

COURT_TZ = ZoneInfo('Asia/Ho_Chi_Minh')  # the court's time, whatever the server's zone


def court_time(value: str | float, with_date: bool = False) -> str:
    """An ISO time or a unix time as the court's local time: "14:05:09" (or "20/05/2026 14:05:09")."""
    moment = datetime.fromtimestamp(value, UTC) if isinstance(value, (int, float)) else datetime.fromisoformat(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(COURT_TZ).strftime('%d/%m/%Y %H:%M:%S' if with_date else '%H:%M:%S')


def duration_text(seconds: float) -> str:
    """ "0:00:09", "1:02:03"."""
    total = max(0, round(seconds))
    return f'{total // 3600}:{total // 60 % 60:02d}:{total % 60:02d}'


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


def user_names(services: Services) -> dict[str, str]:
    with services.store.read() as db:
        return {r[0]: r[1] for r in db.execute('SELECT username, name FROM users')}
