"""The team view: one row per member, each member's figures with their own settings."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from shipit.domain.dates import iso_week_start
from shipit.domain.history import History
from shipit.domain.settings import Settings
from shipit.domain.stats import excuse
from shipit.domain.review import DayReview, WeekReview, build_week_review
from shipit.domain.stats import HIT

SHIPPED, NOT_YET, EXCUSED = "shipped", "not yet", "excused"


@dataclass(frozen=True)
class MemberRow:
    author: str
    you: bool
    today: str  # shipped, not yet, excused
    streak: int
    week_shipped: int
    week_target: int
    last_day: date | None
    last_text: str | None

    def to_json(self) -> dict:
        return {
            "author": self.author, "you": self.you, "today": self.today, "streak": self.streak,
            "week_shipped_days": self.week_shipped, "week_target": self.week_target,
            "last_ship": None if self.last_day is None else {
                "day": self.last_day.isoformat(), "text": self.last_text},
        }  # fmt: skip


def member_row(author: str, you: bool, hist: History, last: tuple[date, str] | None) -> MemberRow:
    figures = hist.figures()
    if hist.shipped_today():
        today = SHIPPED
    elif hist.excuse(hist.today) is not None:
        today = EXCUSED
    else:
        today = NOT_YET
    week = figures.week(iso_week_start(hist.today))
    return MemberRow(author, you, today, figures.streak.current, week.shipped_days,
                     hist.settings.weekly_target, last[0] if last else None,
                     last[1] if last else None)  # fmt: skip


def team_row(author: str, you: bool, ship_days: Sequence[date], skips: Collection[date],
             settings: Settings, today: date, last: tuple[date, str] | None) -> MemberRow:  # fmt: skip
    """member_row's figures from only what the table shows, without every day's counts.

    `ship_days`: the member's days with a ship up to `today`, newest first, each once.
    The current streak follows stats.daily_streak read backwards: today counts when
    shipped and is open otherwise; an earlier day without a ship keeps the run when it
    is excused (a rest or skip day) and ends it when not; days before the first ship
    add nothing. A block of consecutive ship days is crossed in one step (found by
    bisection: k distinct days newest first are consecutive when the first and the
    last are k - 1 days apart), so a year-long streak costs a handful of steps, not
    365. tests/test_team_figures.py holds it equal to member_row (stats.compute).
    """
    rest = settings.rest_days
    n = len(ship_days)
    one = timedelta(days=1)
    streak = i = 0
    expected = today  # the walk's next day
    while i < n:
        day = ship_days[i]
        d = expected
        while d > day:  # the days between two ships: excused, or today (open)
            if d != today and excuse(d, rest, skips) is None:
                break
            d -= one
        if d > day:
            break  # a missed day: the run ends here
        j = _last_consecutive(ship_days, i)
        streak += j - i + 1
        expected = ship_days[j] - one
        i = j + 1
    monday = iso_week_start(today)
    week = _last_consecutive_by(ship_days, lambda k: ship_days[k] >= monday) + 1
    if n and ship_days[0] == today:
        status = SHIPPED
    elif excuse(today, rest, skips) is not None:
        status = EXCUSED
    else:
        status = NOT_YET
    return MemberRow(author, you, status, streak, week, settings.weekly_target,
                     last[0] if last else None, last[1] if last else None)  # fmt: skip


def _last_consecutive(days: Sequence[date], i: int) -> int:
    """The index of the last day of the block of consecutive days starting at `i`."""
    first = days[i]
    return _last_consecutive_by(days, lambda k: (first - days[k]).days == k - i, i)


def _last_consecutive_by(days: Sequence[date], holds: Callable[[int], bool], lo: int = 0) -> int:
    """The last index k >= lo for which `holds(k)`, where it holds up to some index and
    not after (lo - 1 when it does not hold at lo)."""
    hi = len(days) - 1
    if lo > hi or not holds(lo):
        return lo - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if holds(mid):
            lo = mid
        else:
            hi = mid - 1
    return lo


# -- the team's week (`shipit week --team`) ----------------------------------------------

# A member's day in the team's week: what `week` shows for one person.
DAY_SHIPPED, DAY_REST, DAY_SKIP, DAY_MISSED = "shipped", "rest", "skip", "missed"
DAY_NOT_YET, DAY_UPCOMING, DAY_NONE = "not yet", "upcoming", "none"


def day_status(d: DayReview) -> str:
    """shipped, rest, skip (excused), missed, not yet (today), upcoming, or none (before
    the member's first entry)."""
    if d.shipped:
        return DAY_SHIPPED
    if d.excused:
        return DAY_REST if d.excused == "rest" else DAY_SKIP
    if d.is_future:
        return DAY_UPCOMING
    if d.is_today:
        return DAY_NOT_YET
    if d.before_first:
        return DAY_NONE
    return DAY_MISSED


@dataclass(frozen=True)
class MemberWeek:
    author: str
    you: bool
    review: WeekReview  # the member's own figures, with their own settings

    def to_json(self) -> dict:
        w = self.review.week
        return {
            "author": self.author, "you": self.you,
            "days": [{"day": d.day.isoformat(), "weekday": f"{d.day:%a}".lower(),
                      "status": day_status(d), "ships": d.counts.ships} for d in self.review.days],
            "shipped_days": w.shipped_days, "ships": w.ships, "target": w.target,
            "needed": w.needed, "status": w.status, "weekly_streak": w.streak,
        }  # fmt: skip


@dataclass(frozen=True)
class TeamWeek:
    start: date
    as_of: date  # your journal day
    members: tuple[MemberWeek, ...]  # you first, then by name

    @property
    def end(self) -> date:
        return self.start + timedelta(days=6)

    @property
    def ships(self) -> int:
        return sum(m.review.week.ships for m in self.members)

    @property
    def shipped_days(self) -> int:
        """Member-days shipped: a day two members shipped on counts twice."""
        return sum(m.review.week.shipped_days for m in self.members)

    @property
    def hit(self) -> int:
        return sum(1 for m in self.members if m.review.week.status == HIT)

    def to_json(self) -> dict:
        iso = self.start.isocalendar()
        return {
            "week": f"{iso.year}-W{iso.week:02d}", "start": self.start.isoformat(),
            "end": self.end.isoformat(), "as_of": self.as_of.isoformat(),
            "members": [m.to_json() for m in self.members],
            "total": {"members": len(self.members), "ships": self.ships,
                      "shipped_days": self.shipped_days, "hit": self.hit},
        }  # fmt: skip


def member_week(author: str, you: bool, hist: History, monday: date) -> MemberWeek:
    return MemberWeek(author, you, build_week_review(hist, monday, ()))
