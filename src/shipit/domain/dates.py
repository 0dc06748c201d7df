"""Time and dates: the only module that reads the clock or parses user dates.

Rules (see docs/dates.md):
- an entry stores the UTC instant it was created *and* its journal day, computed
  once, here, at write time; a stored day never moves afterwards;
- the journal day of an instant is the local wall-clock date after subtracting
  the `day_starts_at` setting (with 04:00, 01:00 belongs to the day before);
- relative words (`yesterday`, `3 days ago`, `monday`) count from today's journal day.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta

from shipit.domain.errors import InputError


def now() -> datetime:
    """The current instant, aware, in UTC. Tests replace this seam."""
    return datetime.now(UTC)


def parse_day_start(value: str) -> time:
    """Parse a `day_starts_at` value, `HH:MM` between 00:00 and 23:59."""
    m = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*", value)
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        raise InputError(f"invalid time {value!r}: expected HH:MM between 00:00 and 23:59")
    return time(int(m.group(1)), int(m.group(2)))


def journal_day(instant: datetime, day_starts_at: time = time(0, 0)) -> date:
    """The journal day an instant counts for, in the local time zone."""
    if instant.tzinfo is None:
        raise ValueError("journal_day needs an aware datetime")
    local = instant.astimezone().replace(tzinfo=None)  # local wall clock
    shift = timedelta(hours=day_starts_at.hour, minutes=day_starts_at.minute)
    return (local - shift).date()


def today(day_starts_at: time = time(0, 0)) -> date:
    """Today's journal day."""
    return journal_day(now(), day_starts_at)


def noon_local(day: date) -> datetime:
    """Noon of a day in the local zone, as an aware UTC instant."""
    return datetime.combine(day, time(12, 0)).astimezone().astimezone(UTC)


# Weekday names and abbreviations -> 0 (Monday) .. 6 (Sunday); settings use it too.
WEEKDAYS = {
    name: i
    for i, names in enumerate(
        [
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        ]
    )
    for name in names
}
_AGO = re.compile(r"(\d{1,6})\s*(day|days|d|week|weeks|w)\s+ago")
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
WHEN_HELP = (
    "WHEN is an ISO date (2026-11-20), today, yesterday, 'N days ago', "
    "'N weeks ago', -N, a weekday name (the most recent one before today), "
    "'this week', 'last week', 'this month', 'last month' (their first day), "
    "or tomorrow where a future day is allowed."
)
_PERIODS = ("this week", "last week", "this month", "last month")


def period(text: str, today_: date) -> tuple[date, date] | None:
    """The first and last day of 'this week', 'last week', 'this month' or 'last month'
    (ISO weeks, Monday to Sunday); None for any other text."""
    text = " ".join(text.strip().lower().split())
    if text not in _PERIODS:
        return None
    if text.endswith("week"):
        start = iso_week_start(today_) - timedelta(weeks=1 if text == "last week" else 0)
        return start, start + timedelta(days=6)
    first = today_.replace(day=1)
    if text == "last month":
        first = (first - timedelta(days=1)).replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following - timedelta(days=1)


def parse_when(
    value: str,
    today_: date,
    *,
    allow_future: bool = False,
    max_future_days: int = 366,
    what: str = "date",
) -> date:
    """Parse a WHEN the user typed into a date, relative to `today_`.

    Raises InputError naming the value when it cannot be parsed, is impossible
    (2026-02-30) or lies in the future when that is not allowed.
    """
    text = " ".join(value.strip().lower().split())
    if not text:
        raise InputError(f"empty {what}: {WHEN_HELP}")
    try:
        result = _resolve_when(text, value, today_, what)
    except OverflowError:
        raise InputError(f"{what} {value!r} is too far in the past") from None
    if result > today_ and not allow_future:
        raise InputError(f"{what} {value!r} ({result.isoformat()}) is in the future")
    if result > today_ + timedelta(days=max_future_days):
        raise InputError(
            f"{what} {value!r} ({result.isoformat()}) is more than {max_future_days} days ahead"
        )
    if result.year < 1900:
        raise InputError(f"{what} {value!r} is too far in the past")
    return result


def _resolve_when(text: str, value: str, today_: date, what: str) -> date:
    """The date a normalised WHEN names (no range checks)."""
    result: date | None = None
    if text == "today":
        result = today_
    elif text == "yesterday":
        result = today_ - timedelta(days=1)
    elif text == "tomorrow":
        result = today_ + timedelta(days=1)
    elif (span := period(text, today_)) is not None:
        result = span[0]
    elif re.fullmatch(r"-\d{1,6}", text):
        result = today_ - timedelta(days=int(text[1:]))
    elif m := _AGO.fullmatch(text):
        n = int(m.group(1))
        result = today_ - (timedelta(weeks=n) if m.group(2).startswith("w") else timedelta(days=n))
    elif (name := text.removeprefix("last ")) in WEEKDAYS:
        # The most recent such weekday strictly before today (monday on a Monday: a week ago).
        from dateutil.relativedelta import relativedelta, weekday

        result = today_ + relativedelta(days=-1, weekday=weekday(WEEKDAYS[name])(-1))
    elif _ISO.fullmatch(text):
        try:
            result = date.fromisoformat(text)
        except ValueError as exc:
            raise InputError(f"invalid {what} {value!r}: {exc}") from None
    else:
        result = _parse_with_dateutil(value, today_, what)
    return result


def _parse_with_dateutil(value: str, today_: date, what: str) -> date:
    """Month-name dates such as 'nov 20' or '20 November 2026'.

    Only strings with a month name are accepted here: purely numeric forms such as
    11/12/2026 are ambiguous between countries, so ISO dates are required for those.
    """
    from dateutil import parser

    if not re.search(r"[a-z]{3}", value.lower()):
        raise InputError(f"invalid {what} {value!r}: {WHEN_HELP}")
    default = datetime.combine(today_, time(0, 0))
    try:
        parsed = parser.parse(value, default=default)
    except (ValueError, OverflowError, parser.ParserError):
        raise InputError(f"invalid {what} {value!r}: {WHEN_HELP}") from None
    if parsed.time() != time(0, 0) or parsed.tzinfo is not None:
        raise InputError(f"invalid {what} {value!r}: give a day, not a time")
    return parsed.date()


def iso_week_start(day: date) -> date:
    """The Monday of the ISO week containing `day`."""
    return day - timedelta(days=day.weekday())
