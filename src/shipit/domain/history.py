"""Everything the figures are computed from, as plain data (read by services.figures)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from shipit.domain import stats
from shipit.domain.settings import Settings


@dataclass(frozen=True)
class History:
    """Per-day counts by kind, skip days, settings and today's journal day."""

    counts: dict[date, stats.DayCounts]
    skips: dict[date, str | None]  # skip day -> reason
    settings: Settings
    today: date

    @property
    def first_day(self) -> date | None:
        return min(self.counts) if self.counts else None

    def figures(self) -> stats.Figures:
        return stats.compute(self.counts, self.skips, self.settings, self.today)

    def excuse(self, day: date) -> str | None:
        return stats.excuse(day, self.settings.rest_days, self.skips)

    def missed_days(self, most: int = 7) -> list[date]:
        """The days that broke the streak before the current run (see stats.missed_days)."""
        return stats.missed_days(self.counts, self.skips, self.settings.rest_days, self.today,
                                 most=most)  # fmt: skip

    def shipped_today(self) -> bool:
        today = self.counts.get(self.today)
        return bool(today and today.ships)
