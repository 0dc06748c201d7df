"""The weekly review, the calendar and skip days: what `week`, `calendar` and `skip` show.

Pure builders over a History (shipit.domain.history) and plain entries; the services
read those in one transaction and call these.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from shipit.domain import dates, stats
from shipit.domain.errors import InputError
from shipit.i18n import Msg

if TYPE_CHECKING:
    from shipit.domain.entries import EntryData
    from shipit.domain.history import History

# Skips are planned ahead at most this far, and one command covers at most this many
# days (a mistyped year must not excuse a decade).
MAX_SKIP_AHEAD = 366
MAX_SKIP_RANGE = 366
MAX_REASON = 200
MAX_WEEKS = 520

# -- the weekly review -------------------------------------------------------------------


@dataclass(frozen=True)
class DayReview:
    day: date
    counts: stats.DayCounts
    excused: str | None  # 'rest', 'skip' or None
    skip_reason: str | None
    is_today: bool
    is_future: bool
    before_first: bool
    entries: tuple[EntryData, ...] = ()

    @property
    def shipped(self) -> bool:
        return self.counts.ships > 0

    def to_json(self) -> dict[str, Any]:
        return {
            "day": self.day.isoformat(),
            "weekday": f"{self.day:%a}".lower(),
            "shipped": self.shipped,
            "ships": self.counts.ships,
            "steps": self.counts.steps,
            "attempts": self.counts.attempts,
            "excused": self.excused,
            "skip_reason": self.skip_reason,
            "today": self.is_today,
            "future": self.is_future,
            "entries": [e.to_json() for e in self.entries],
        }


@dataclass(frozen=True)
class WeekReview:
    as_of: date
    week: stats.WeekFigures
    previous: stats.WeekFigures
    days: tuple[DayReview, ...]
    first_day: date | None

    def to_json(self) -> dict[str, Any]:
        """The `week --json` document (docs/figures.md)."""
        out: dict[str, Any] = {"as_of": self.as_of.isoformat()}
        out.update(self.week.to_json())
        out["days"] = [d.to_json() for d in self.days]
        out["previous"] = self.previous.to_json()
        out["change"] = {
            "ships": self.week.ships - self.previous.ships,
            "shipped_days": self.week.shipped_days - self.previous.shipped_days,
        }
        return out


@dataclass(frozen=True)
class WeekTable:
    as_of: date
    target: int
    weeks: tuple[stats.WeekFigures, ...]  # oldest first

    def to_json(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            "target": self.target,
            "weeks": [w.to_json() for w in self.weeks],
        }


def week_monday(hist: History, when: str | None) -> date:
    """The Monday of the week `shipit week WHEN` names: any day in it, or -N (N weeks
    before this one), `last` (last week), `this` (this week)."""
    return dates.iso_week_start(week_day(hist.today, when))


def week_day(today: date, when: str | None) -> date:
    """A day in the week that WHEN names, for `shipit week` (see week_monday)."""
    import re

    if when is None:
        return today
    text = " ".join(when.strip().lower().split())
    if m := re.fullmatch(r"-(\d{1,4})", text):
        return today - timedelta(weeks=int(m.group(1)))
    if text in ("last", "last week", "previous"):
        return today - timedelta(weeks=1)
    if text in ("this", "this week"):
        return today
    return dates.parse_when(when, today, what="week")






def build_week_review(hist: History, monday: date, entries: Iterable[EntryData]) -> WeekReview:
    """The ISO week starting `monday`, day by day, from the history and its entries."""
    figs = hist.figures()
    first = hist.first_day
    by_day: dict[date, list[EntryData]] = {}
    for e in entries:
        by_day.setdefault(e.day, []).append(e)
    days = []
    for i in range(7):
        day = monday + timedelta(days=i)
        days.append(DayReview(
            day=day,
            counts=hist.counts.get(day, stats.NO_COUNTS),
            excused=hist.excuse(day),
            skip_reason=hist.skips.get(day),
            is_today=day == hist.today,
            is_future=day > hist.today,
            before_first=first is None or day < first,
            entries=tuple(by_day.get(day, ())),
        ))  # fmt: skip
    return WeekReview(
        as_of=hist.today,
        week=figs.week(monday),
        previous=figs.week(monday - timedelta(days=7)),
        days=tuple(days),
        first_day=first,
    )


def build_week_table(hist: History, when: str | None, count: int) -> WeekTable:
    """The `count` ISO weeks up to the one containing `when`."""
    if not 1 <= count <= MAX_WEEKS:
        raise InputError("stats.invalid_weeks", weeks=count, limit=MAX_WEEKS)
    monday = week_monday(hist, when)
    figs = hist.figures()
    weeks = tuple(figs.week(monday - timedelta(days=7 * i)) for i in range(count - 1, -1, -1))
    return WeekTable(as_of=hist.today, target=hist.settings.weekly_target, weeks=weeks)


def check_calendar_range(year: int | None, weeks: int | None, max_weeks: int = 75) -> None:
    if year is not None and weeks is not None:
        raise InputError("stats.year_or_weeks")
    if weeks is not None and not 1 <= weeks <= max_weeks:
        raise InputError("stats.invalid_calendar_weeks", weeks=weeks, limit=max_weeks)


def build_calendar(hist: History, *, year: int | None = None, weeks: int | None = None,
                   max_weeks: int = 75) -> Calendar:  # fmt: skip
    """A heatmap's data: the last `weeks` ISO weeks (default 53) or one calendar year."""
    check_calendar_range(year, weeks, max_weeks)
    today = hist.today
    if year is not None:
        if not 1900 <= year <= today.year:
            raise InputError("stats.invalid_year", year=year, last=today.year)
        start, end = date(year, 1, 1), date(year, 12, 31)
        title = str(year)
    else:
        n = weeks or 53
        end = today
        start = dates.iso_week_start(today) - timedelta(days=7 * (n - 1))
        if weeks is None:  # by default, no empty weeks before the journal's first one
            first_week = dates.iso_week_start(hist.first_day or today)
            if first_week > start:
                start = min(first_week, dates.iso_week_start(today))
                n = (dates.iso_week_start(today) - start).days // 7 + 1
        title = Msg("stats.calendar_weeks", n=n)
    first_monday = dates.iso_week_start(start)
    columns = (dates.iso_week_start(end) - first_monday).days // 7 + 1
    cells = []
    ships = shipped_days = excused_days = 0
    first = hist.first_day
    for i in range(columns * 7):
        day = first_monday + timedelta(days=i)
        inside = start <= day <= end and day <= today
        c = hist.counts.get(day, stats.NO_COUNTS) if inside else stats.NO_COUNTS
        # Before the first entry nothing is excused: there was no journal to excuse.
        why = hist.excuse(day) if inside and first is not None and day >= first else None
        if inside:
            ships += c.ships
            shipped_days += c.ships > 0
            excused_days += why is not None and not c.ships
        cells.append(CalendarDay(day, c.ships, why, inside, day == today))
    return Calendar(title, first_monday, columns, tuple(cells), ships, shipped_days, excused_days)


# -- the calendar ------------------------------------------------------------------------


@dataclass(frozen=True)
class CalendarDay:
    day: date
    ships: int
    excused: str | None
    in_range: bool  # inside the requested year / weeks and not after today
    is_today: bool


@dataclass(frozen=True)
class Calendar:
    title: str | Msg  # the year, or "the last N weeks" (worded when shown)
    first_monday: date
    columns: int  # weeks shown
    days: tuple[CalendarDay, ...]  # column by column, Monday to Sunday
    ships: int
    shipped_days: int
    excused_days: int




# -- skip days ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SkipRange:
    start: date
    end: date
    reason: str | None

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat(),
                "days": self.days, "reason": self.reason}  # fmt: skip


@dataclass(frozen=True)
class SkipChange:
    start: date
    end: date
    added: int  # days newly skipped
    kept: int  # days that were skipped already (reason replaced when one is given)
    reason: str | None


def check_reason(reason: str | None) -> str | None:
    if reason is None:
        return None
    if "\x00" in reason:
        raise InputError("stats.reason_nul")
    if len(reason) > MAX_REASON:
        raise InputError("stats.reason_too_long", n=len(reason), limit=MAX_REASON)
    return reason.strip() or None


def skip_range(today: date, when: str | None, until: str | None, *, what: str) -> tuple[date, date]:
    start = today if when is None else dates.parse_when(
        when, today, allow_future=True, max_future_days=MAX_SKIP_AHEAD, what=what
    )  # fmt: skip
    end = start if until is None else dates.parse_when(
        until, today, allow_future=True, max_future_days=MAX_SKIP_AHEAD, what="--until"
    )  # fmt: skip
    if end < start:
        raise InputError("stats.until_before", until=until, end=end.isoformat(),
                         start=start.isoformat())  # fmt: skip
    if (end - start).days + 1 > MAX_SKIP_RANGE:
        raise InputError("stats.skip_too_long", start=start.isoformat(), end=end.isoformat(),
                         days=(end - start).days + 1, limit=MAX_SKIP_RANGE)  # fmt: skip
    return start, end


def days_between(start: date, end: date) -> Iterable[date]:
    for i in range((end - start).days + 1):
        yield start + timedelta(days=i)








def group_skips(skips: dict[date, str | None]) -> list[SkipRange]:
    out: list[SkipRange] = []
    for day in sorted(skips):
        reason = skips[day]
        if out and out[-1].end + timedelta(days=1) == day and out[-1].reason == reason:
            out[-1] = SkipRange(out[-1].start, day, reason)
        else:
            out.append(SkipRange(day, day, reason))
    return out
