"""The team view: one row per member, each member's figures with their own settings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from shipit.domain.dates import iso_week_start
from shipit.domain.history import History
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
