"""WHEN parsing and journal days."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from shipit.domain.dates import journal_day, parse_day_start, parse_when
from shipit.domain.errors import InputError

MON = date(2026, 11, 23)  # a Monday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-20", date(2026, 11, 20)),
        ("today", MON),
        ("Today", MON),
        ("yesterday", date(2026, 11, 22)),
        ("3 days ago", date(2026, 11, 20)),
        ("1 day ago", date(2026, 11, 22)),
        ("2 weeks ago", date(2026, 11, 9)),
        ("-1", date(2026, 11, 22)),
        ("-0", MON),
        ("-365", date(2025, 11, 23)),
        ("monday", date(2026, 11, 16)),  # on a Monday: a week ago
        ("sunday", date(2026, 11, 22)),
        ("sat", date(2026, 11, 21)),
        ("last friday", date(2026, 11, 20)),
        ("tuesday", date(2026, 11, 17)),
        ("Nov 20", date(2026, 11, 20)),
        ("20 November 2025", date(2025, 11, 20)),
        ("2024-02-29", date(2024, 2, 29)),
    ],
)
def test_parse_when(text, expected):
    assert parse_when(text, MON) == expected


@pytest.mark.parametrize(
    "text", ["2026-02-30", "2025-02-29", "someday", "", "11/12/2026", "2026-11-24", "tomorrow",
             "Nov 20 10:30", "0999-01-01", "dec 25"],
)  # fmt: skip
def test_parse_when_refuses(text):
    with pytest.raises(InputError):
        parse_when(text, MON)


def test_future_allowed_up_to_a_year():
    assert parse_when("2027-01-05", MON, allow_future=True) == date(2027, 1, 5)
    with pytest.raises(InputError, match="more than 366 days"):
        parse_when("2028-01-05", MON, allow_future=True)


def test_weekday_relative_to_each_day_of_week():
    for offset in range(7):
        today = date(2026, 11, 23 + offset)
        got = parse_when("wednesday", today)
        assert got.weekday() == 2
        assert 1 <= (today - got).days <= 7


def test_journal_day_shifts_by_day_start(monkeypatch):
    from tests.conftest import set_tz

    set_tz(monkeypatch, "Europe/Berlin")
    one_am_local = datetime(2026, 11, 23, 0, 0, tzinfo=UTC)  # 01:00 in Berlin
    assert journal_day(one_am_local) == date(2026, 11, 23)
    assert journal_day(one_am_local, time(4, 0)) == date(2026, 11, 22)
    assert journal_day(datetime(2026, 11, 23, 3, 0, tzinfo=UTC), time(4, 0)) == MON


def test_journal_day_follows_local_zone(monkeypatch):
    from tests.conftest import set_tz

    instant = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)
    set_tz(monkeypatch, "America/New_York")
    assert journal_day(instant) == date(2026, 11, 22)
    set_tz(monkeypatch, "Asia/Tokyo")
    assert journal_day(instant) == date(2026, 11, 23)


def test_journal_day_across_dst_change(monkeypatch):
    from tests.conftest import set_tz

    set_tz(monkeypatch, "Europe/Berlin")
    # 2026-03-29 02:00 CET -> 03:00 CEST. 00:30 UTC is 01:30 CET, still before a 04:00 day start.
    assert journal_day(datetime(2026, 3, 29, 0, 30, tzinfo=UTC), time(4)) == date(2026, 3, 28)
    # 02:30 UTC is 04:30 CEST: the new day has begun.
    assert journal_day(datetime(2026, 3, 29, 2, 30, tzinfo=UTC), time(4)) == date(2026, 3, 29)


def test_stored_day_does_not_move_with_tz(cli, clock, monkeypatch):
    import json

    from tests.conftest import set_tz

    set_tz(monkeypatch, "Asia/Tokyo")
    clock.set("2026-11-22T20:00:00+00:00")  # 05:00 on the 23rd in Tokyo
    assert cli("log", "from Tokyo").exit_code == 0
    set_tz(monkeypatch, "America/Los_Angeles")
    [e] = json.loads(cli("list", "--json").stdout)
    assert e["day"] == "2026-11-23"


@pytest.mark.parametrize("value", ["24:00", "4", "04:60", "aa:bb", "-1:00"])
def test_day_start_refuses(value):
    with pytest.raises(InputError):
        parse_day_start(value)


def test_day_start_parses():
    assert parse_day_start("4:05") == time(4, 5)
    assert parse_day_start("00:00") == time(0, 0)
