"""The court's time. Moments are stored in UTC (ISO 8601 text or unix seconds); every time a person reads, on a
page or in the minutes, is written in the court's zone (``Asia/Ho_Chi_Minh`` unless COURTROOM_TIMEZONE names
another), never in the server's own zone. Dates and durations are written here too, one way everywhere."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import InvalidInput

DEFAULT_ZONE = 'Asia/Ho_Chi_Minh'
UNKNOWN = '—'  # what a missing time reads as

Moment = str | float | datetime  # ISO 8601 text, unix seconds or a datetime; without a zone it is UTC


def zone_named(name: str) -> ZoneInfo:
    """The IANA zone ``name`` ("Asia/Ho_Chi_Minh"); ``bad_time_zone`` naming it when no such zone exists."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # ValueError: an empty or path-like name
        raise InvalidInput('bad_time_zone', zone=name) from None


def zone_text(zone: ZoneInfo, now: datetime | None = None) -> str:
    """ "Asia/Ho_Chi_Minh (UTC+07:00)": the zone and its offset now."""
    offset = (now or datetime.now(UTC)).astimezone(zone).strftime('%z')
    return f'{zone.key} (UTC{offset[:3]}:{offset[3:]})'


def moment(value: Moment) -> datetime:
    """``value`` as an aware datetime; ValueError when it is not a time."""
    if isinstance(value, datetime):
        at = value
    elif isinstance(value, (int, float)):
        return datetime.fromtimestamp(value, UTC)
    else:
        at = datetime.fromisoformat(value)
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)


def _format(value: Moment | None, zone: ZoneInfo, pattern: str) -> str:
    if value is None or value == '':
        return UNKNOWN
    try:
        return moment(value).astimezone(zone).strftime(pattern)
    except (ValueError, OverflowError, OSError):
        return str(value)  # not a time (a record from elsewhere may carry anything): shown as it came


def format_time(value: Moment | None, zone: ZoneInfo) -> str:
    """ "14:05:09" in the court's zone."""
    return _format(value, zone, '%H:%M:%S')


def format_datetime(value: Moment | None, zone: ZoneInfo, *, seconds: bool = True, year: bool = True) -> str:
    """ "20/05/2026 14:05:09" in the court's zone; "20/05/2026 14:05" without seconds, "20/05 14:05:09" without
    the year."""
    return _format(value, zone, ('%d/%m/%Y' if year else '%d/%m') + (' %H:%M:%S' if seconds else ' %H:%M'))


def format_date(day: date | str | None) -> str:
    """A calendar day (a date, or ISO "2026-05-20") the court's way: "20/05/2026". A day has no zone to convert."""
    if not day:
        return ''
    try:
        return (day if isinstance(day, date) else date.fromisoformat(day)).strftime('%d/%m/%Y')
    except ValueError:
        return str(day)


def court_today(zone: ZoneInfo, now: datetime | None = None) -> date:
    """The day it is at the court (not at the server)."""
    return (now or datetime.now(UTC)).astimezone(zone).date()


def court_tomorrow(zone: ZoneInfo, now: datetime | None = None) -> date:
    return court_today(zone, now) + timedelta(days=1)


def format_duration(seconds: float | None, *, short: bool = False) -> str:
    """ "1:02:03" (hours always shown), or with ``short`` "12:34" below an hour; "–:––:––" ("--:--") when unknown
    or negative."""
    if seconds is None or not math.isfinite(seconds) or seconds < 0:
        return '--:--' if short else '–:––:––'
    total = round(seconds)
    hours, minutes, secs = total // 3600, total // 60 % 60, total % 60
    if short and not hours:
        return f'{minutes:02d}:{secs:02d}'
    return f'{hours}:{minutes:02d}:{secs:02d}'
