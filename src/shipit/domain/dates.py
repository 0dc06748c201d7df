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
from shipit.i18n import Msg


def now() -> datetime:
    """The current instant, aware, in UTC. Tests replace this seam."""
    return datetime.now(UTC)


def parse_day_start(value: str) -> time:
    """Parse a `day_starts_at` value, `HH:MM` between 00:00 and 23:59."""
    m = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*", value)
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        raise InputError("dates.invalid_time", value=value)
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
            ("monday", "mon", "montag", "mo"),
            ("tuesday", "tue", "tues", "dienstag", "di"),
            ("wednesday", "wed", "mittwoch", "mi"),
            ("thursday", "thu", "thur", "thurs", "donnerstag", "do"),
            ("friday", "fri", "freitag", "fr"),
            ("saturday", "sat", "samstag", "sonnabend", "sa"),
            ("sunday", "sun", "sonntag", "so"),
        ]
    )
    for name in names
}
# Patterns as strings: re compiles (and caches) each on first use, so a command that parses
# no WHEN (`log` without --date, `today`, `stats`) compiles none of them (~0.6 ms).
_AGO = r"(\d{1,6})\s*(day|days|d|week|weeks|w)\s+ago"
_VOR = r"vor\s+(\d{1,6})\s*(tag|tagen|t|woche|wochen|w)"
_ISO = r"\d{4}-\d{2}-\d{2}"
# German words in any interface language (and English ones in German): the same dates.
_WORDS = {"heute": "today", "gestern": "yesterday", "morgen": "tomorrow",
          "vorgestern": "2 days ago"}  # fmt: skip
_PERIODS = ("this week", "last week", "this month", "last month")
_GERMAN_PERIODS = {
    "diese woche": "this week", "dieser woche": "this week",
    "letzte woche": "last week", "vorige woche": "last week", "vergangene woche": "last week",
    "diesen monat": "this month", "dieser monat": "this month",
    "letzten monat": "last month", "letzter monat": "last month",
    "vorigen monat": "last month", "voriger monat": "last month",
    "vergangenen monat": "last month",
}  # fmt: skip
# "letzten Montag", "vergangenen Freitag": the most recent such weekday, as "last monday".
_GERMAN_LAST = r"(?:letzte[nrs]?|vergangene[nrs]?|vorige[nrs]?)\s+(\w+)"
# German month names for dates such as "20. November 2026" or "3. Dez".
_GERMAN_MONTHS = {
    "januar": "january", "jänner": "january", "jan": "jan", "februar": "february",
    "feber": "february", "märz": "march", "maerz": "march", "mär": "mar", "mrz": "mar",
    "mai": "may", "juni": "june", "juli": "july", "oktober": "october", "okt": "oct",
    "dezember": "december", "dez": "dec",
}  # fmt: skip
_GERMAN_MONTH_WORD = (r"(?<![\w])(" + "|".join(sorted(_GERMAN_MONTHS, key=len, reverse=True))
                      + r")\.?(?![\w])")  # fmt: skip


class _WhenHelp:
    """The WHEN help text, in the reader's language when it is shown."""

    def __str__(self) -> str:
        from shipit.i18n import t

        return t("dates.when_help")

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __add__(self, other: str) -> str:
        return str(self) + other

    def __radd__(self, other: str) -> str:
        return other + str(self)


WHEN_HELP = _WhenHelp()


def _english(text: str) -> str:
    """A normalised WHEN with its German words said in English ("vor 3 tagen" → "3 days
    ago"); English text comes back as it was."""
    if text in _WORDS:
        return _WORDS[text]
    if text in _GERMAN_PERIODS:
        return _GERMAN_PERIODS[text]
    if m := re.fullmatch(_VOR, text):
        unit = "weeks" if m.group(2).startswith("w") else "days"
        return f"{m.group(1)} {unit} ago"
    if (m := re.fullmatch(_GERMAN_LAST, text)) and m.group(1) in WEEKDAYS:
        return f"last {m.group(1)}"
    return text


def _what(what: str) -> Msg | str:
    """'date', 'day', 'week', 'ship date' in the reader's words; option names as they are."""
    key = "dates.what_" + what.replace(" ", "_")
    return Msg(key) if what in ("date", "day", "week", "ship date") else what


def period(text: str, today_: date) -> tuple[date, date] | None:
    """The first and last day of 'this week', 'last week', 'this month' or 'last month'
    (ISO weeks, Monday to Sunday); None for any other text."""
    text = _english(" ".join(text.strip().lower().split()))
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
    text = _english(" ".join(value.strip().lower().split()))
    shown = _what(what)
    if not text:
        raise InputError("dates.empty", what=shown, help=WHEN_HELP)
    try:
        result = _resolve_when(text, value, today_, shown)
    except OverflowError:
        raise InputError("dates.too_far_past", what=shown, value=value) from None
    if result > today_ and not allow_future:
        raise InputError("dates.in_future", what=shown, value=value, day=result.isoformat())
    if result > today_ + timedelta(days=max_future_days):
        raise InputError("dates.too_far_ahead", what=shown, value=value,
                         day=result.isoformat(), limit=max_future_days)  # fmt: skip
    if result.year < 1900:
        raise InputError("dates.too_far_past", what=shown, value=value)
    return result


def _resolve_when(text: str, value: str, today_: date, what: Msg | str) -> date:
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
    elif m := re.fullmatch(_AGO, text):
        n = int(m.group(1))
        result = today_ - (timedelta(weeks=n) if m.group(2).startswith("w") else timedelta(days=n))
    elif (name := text.removeprefix("last ")) in WEEKDAYS:
        # The most recent such weekday strictly before today (monday on a Monday: a week ago).
        from dateutil.relativedelta import relativedelta, weekday

        result = today_ + relativedelta(days=-1, weekday=weekday(WEEKDAYS[name])(-1))
    elif re.fullmatch(_ISO, text):
        try:
            result = date.fromisoformat(text)
        except ValueError:
            raise InputError("dates.no_such_day", what=what, value=value) from None
    else:
        result = _parse_with_dateutil(value, today_, what)
    return result


def _parse_with_dateutil(value: str, today_: date, what: Msg | str) -> date:
    """Month-name dates such as 'nov 20' or '20 November 2026'.

    Only strings with a month name are accepted here: purely numeric forms such as
    11/12/2026 are ambiguous between countries, so ISO dates are required for those.
    """
    from dateutil import parser

    if not re.search(r"[a-zäöü]{3}", value.lower()):
        raise InputError("dates.invalid", what=what, value=value, help=WHEN_HELP)
    default = datetime.combine(today_, time(0, 0))
    english = re.sub(_GERMAN_MONTH_WORD, lambda m: _GERMAN_MONTHS[m.group(1)],
                     re.sub(r"(\d)\.(?=\s)", r"\1", value.lower()))  # fmt: skip
    try:
        parsed = parser.parse(english, default=default)
    except (ValueError, OverflowError, parser.ParserError):
        raise InputError("dates.invalid", what=what, value=value, help=WHEN_HELP) from None
    if parsed.time() != time(0, 0) or parsed.tzinfo is not None:
        raise InputError("dates.not_a_time", what=what, value=value)
    return parsed.date()


def iso_week_start(day: date) -> date:
    """The Monday of the ISO week containing `day`."""
    return day - timedelta(days=day.weekday())
