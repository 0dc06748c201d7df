"""The team view: one row per member, each member's figures with their own settings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from shipit.domain.dates import iso_week_start
from shipit.domain.history import History

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
