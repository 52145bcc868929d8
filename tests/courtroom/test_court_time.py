"""The court's time: every time shown is in the court's zone whatever the server's own zone is; the settings may name
another zone, and a bad name is refused with the name in the error."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date, datetime

import pytest

from courtroom.court_time import (
    DEFAULT_ZONE,
    court_today,
    format_date,
    format_datetime,
    format_duration,
    format_time,
    zone_named,
    zone_text,
)
from courtroom.errors import InvalidInput
from courtroom.settings import Settings

AT = '2026-05-20T19:05:09+00:00'  # 02:05:09 on the 21st in Vietnam (UTC+7), still the 20th in New York
AT_UNIX = datetime.fromisoformat(AT).timestamp()


@pytest.fixture(params=['UTC', 'America/New_York', 'Asia/Ho_Chi_Minh'])
def server_zone(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The server's own zone (TZ), as a machine in another country might have it."""
    monkeypatch.setenv('TZ', request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


def test_times_are_the_courts_whatever_the_servers_zone(server_zone: str) -> None:
    zone = Settings().time_zone
    for value in (AT, AT_UNIX, datetime.fromisoformat(AT), '2026-05-20T19:05:09'):  # naive text is UTC
        assert format_time(value, zone) == '02:05:09'
        assert format_datetime(value, zone) == '21/05/2026 02:05:09'
    assert format_datetime(AT, zone, seconds=False) == '21/05/2026 02:05'
    assert format_datetime(AT, zone, year=False) == '21/05 02:05:09'
    assert court_today(zone, datetime.fromisoformat(AT)) == date(2026, 5, 21)


def test_zone_text(server_zone: str) -> None:
    assert zone_text(zone_named(DEFAULT_ZONE)) == 'Asia/Ho_Chi_Minh (UTC+07:00)'
    assert zone_text(zone_named('America/New_York'), datetime.fromisoformat(AT)) == 'America/New_York (UTC-04:00)'
    assert zone_text(zone_named('Asia/Kolkata')) == 'Asia/Kolkata (UTC+05:30)'


def test_a_configured_zone_changes_them() -> None:
    settings = Settings.load({'COURTROOM_TIMEZONE': 'America/New_York'})
    assert str(settings.time_zone) == 'America/New_York'
    assert format_datetime(AT, settings.time_zone) == '20/05/2026 15:05:09'  # EDT, UTC-4
    assert format_time(AT, Settings(time_zone='UTC').time_zone) == '19:05:09'
    assert str(Settings.load({}).time_zone) == DEFAULT_ZONE


@pytest.mark.parametrize('name', ['Mars/Base', 'Asia', '', '../../etc/passwd', '/etc/localtime', 'asia/ho_chi_minh'])
def test_a_bad_zone_is_refused_by_name(name: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        Settings.load({'COURTROOM_TIMEZONE': name})
    assert caught.value.code == 'bad_time_zone' and caught.value.params == {'zone': name}
    with pytest.raises(InvalidInput):
        zone_named(name)


def test_what_is_not_a_time_is_shown_as_it_came() -> None:
    zone = zone_named(DEFAULT_ZONE)
    assert format_time(None, zone) == format_datetime('', zone) == '—'
    assert format_datetime('hôm qua', zone) == 'hôm qua'


def test_a_calendar_day_is_not_converted() -> None:
    assert format_date('2026-05-20') == format_date(date(2026, 5, 20)) == '20/05/2026'
    assert format_date(None) == '' and format_date('20/05') == '20/05'


@pytest.mark.parametrize(('seconds', 'text', 'short'), [
    (0, '0:00:00', '00:00'), (9.4, '0:00:09', '00:09'), (59.6, '0:01:00', '01:00'), (754.4, '0:12:34', '12:34'),
    (3723.4, '1:02:03', '1:02:03'), (3725, '1:02:05', '1:02:05'), (None, '–:––:––', '--:--'),
    (float('nan'), '–:––:––', '--:--'),
    (-1, '–:––:––', '--:--'),
])
def test_durations(seconds: float | None, text: str, short: str) -> None:
    assert format_duration(seconds) == text
    assert format_duration(seconds, short=True) == short


def test_the_server_zone_fixture_really_moves_the_servers_clock(server_zone: str) -> None:
    local = datetime.fromtimestamp(AT_UNIX).strftime('%H:%M')  # what a formatter in the server's zone would show
    assert local == {'UTC': '19:05', 'America/New_York': '15:05', 'Asia/Ho_Chi_Minh': '02:05'}[server_zone]


@pytest.mark.parametrize('value', ['1', '601', 'mười', 'nan', ''])
def test_a_bad_segment_length_is_refused(value: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        Settings.load({'COURTROOM_SEGMENT_SECONDS': value})
    assert caught.value.code == 'bad_segment_seconds'
    assert Settings.load({'COURTROOM_SEGMENT_SECONDS': '4'}).segment_seconds == 4.0


@pytest.mark.parametrize('value', ['0', '169', 'mười hai', '1.5', ''])
def test_a_bad_sign_in_lifetime_is_refused(value: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        Settings.load({'COURTROOM_TOKEN_TTL_HOURS': value})
    assert caught.value.code == 'bad_token_ttl'
    assert Settings.load({'COURTROOM_TOKEN_TTL_HOURS': '8'}).token_ttl_hours == 8
