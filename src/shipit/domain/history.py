"""Everything the figures are computed from, as plain data (read by services.figures)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

from shipit.domain.streak import Run, Streak, excuse, excuser, missed_ship_days, run_before, streak_from

if TYPE_CHECKING:
    from shipit.domain import stats
    from shipit.domain.prompt import DayStatus
    from shipit.domain.settings import Settings

# domain.stats (the figures panel) is imported by History's methods, which compute it;
# ShipDays, what `log`, `today` and the prompt status read, needs only domain.streak.


@dataclass(frozen=True)
class History:
    """Per-day counts by kind, skip days, settings and today's journal day."""

    counts: Mapping[date, stats.DayCounts]  # storage gives a stats.DayColumns
    skips: dict[date, str | None]  # skip day -> reason
    settings: Settings
    today: date

    @property
    def first_day(self) -> date | None:
        from shipit.domain.stats import DayColumns

        if isinstance(self.counts, DayColumns):  # ascending: no day to compare
            return date.fromordinal(self.counts.days[0]) if self.counts else None
        return min(self.counts) if self.counts else None

    @property
    def has_entries(self) -> bool:
        return bool(self.counts)

    def figures(self) -> stats.Figures:
        from shipit.domain.stats import compute

        return compute(self.counts, self.skips, self.settings, self.today)

    def streak(self) -> Streak:
        return self.figures().streak

    def excuse(self, day: date) -> str | None:
        return excuse(day, self.settings.rest_days, self.skips)

    def ship_days(self) -> ShipDays:
        """The same journal as the streak line reads it (the days with a ship)."""
        from shipit.domain.stats import DayColumns

        cols = DayColumns.of(self.counts)
        first = cols.first_active()
        return ShipDays(cols.ship_ordinals(), date.fromordinal(first) if first else None,
                        self.skips, self.settings, self.today)  # fmt: skip

    def missed_days(self, most: int = 7) -> list[date]:
        """The days that broke the streak before the current run (see stats.missed_days)."""
        return self.ship_days().missed_days(most)

    def status_days(self) -> list[DayStatus]:
        return self.ship_days().status_days()

    def shipped_today(self) -> bool:
        today = self.counts.get(self.today)
        return bool(today and today.ships)


@dataclass(frozen=True)
class ShipDays:
    """What the streak line of `log` and `today` and the prompt status need, without the
    per-day counts: the days that hold a ship, the earliest day of any entry, skip days,
    settings and today's journal day. Its streak is `History.figures().streak`, exactly
    (tests/test_streak_path.py), computed by stepping over runs and gaps."""

    ships: list[int]  # the days with a ship (date.toordinal()), ascending
    first_day: date | None  # the earliest day of any entry (None: no entry)
    skips: dict[date, str | None]
    settings: Settings
    today: date

    @property
    def has_entries(self) -> bool:
        return self.first_day is not None

    @cached_property
    def _excused(self) -> Callable[[int], bool]:
        return excuser(self.settings.rest_days, self.skips)

    @cached_property
    def _before(self) -> Run:
        """The run before today: one pass over the ship days, shared by every answer."""
        return run_before(self.ships, self._excused, self.today.toordinal())

    def streak(self) -> Streak:
        return streak_from(self._before, self.ships, self._excused,
                                 self.today.toordinal())  # fmt: skip

    def excuse(self, day: date) -> str | None:
        return excuse(day, self.settings.rest_days, self.skips)

    def missed_days(self, most: int = 7) -> list[date]:
        return missed_ship_days(self.ships, self._excused, self.today.toordinal(),
                                      most=most, before=self._before)  # fmt: skip

    def status_days(self) -> list[DayStatus]:
        """Today's and the next journal days' prompt status (domain.prompt)."""
        from shipit.domain.prompt import ship_status_days

        return ship_status_days(self.ships, self.first_day, self._excused,
                                self.settings.day_starts_at, self.today,
                                before=self._before)  # fmt: skip

    def shipped_today(self) -> bool:
        from bisect import bisect_left

        t = self.today.toordinal()
        k = bisect_left(self.ships, t)
        return k < len(self.ships) and self.ships[k] == t
