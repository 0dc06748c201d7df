"""The daily streak from the days with a ship: what `log`, `today`, `undo` and the prompt
status show. Pure (see shipit.domain.stats, whose figures panel it is part of).

`log`, `today`, `undo` and the prompt status show the daily streak, not the whole
panel: these read only the days that hold a ship (proleptic ordinals, ascending), the
skip days and the rest weekdays, and step over runs and gaps instead of walking every
calendar day. They give exactly `stats.compute(...).streak` (tests/test_streak_path.py).
Kept apart from the figures panel (shipit.domain.stats re-exports every name here) so
that those commands never build the panel's classes: domain.history.ShipDays, what they
read, imports this module only.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Collection, Sequence
from datetime import date
from itertools import compress, islice, repeat
from operator import lt, sub
from typing import Any, NamedTuple


def excuse(day: date, rest_days: Collection[int], skips: Collection[date]) -> str | None:
    """Why `day` is excused: 'skip' (a recorded skip day), 'rest' (a rest weekday) or None."""
    if day in skips:
        return "skip"
    if day.weekday() in rest_days:
        return "rest"
    return None


class Streak(NamedTuple):
    """A daily streak: counts days (shipped, or with any entry for the active streak)."""

    current: int = 0
    longest: int = 0
    at_risk: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"current": self.current, "longest": self.longest, "at_risk": self.at_risk}


def excuser(rest_days: Collection[int], skips: Collection[date]) -> Callable[[int], bool]:
    """Whether the day with ordinal o is excused (a skip day or a rest weekday).

    date.fromordinal(1) is a Monday, so a day's weekday is (o + 6) % 7."""
    skipped = {d.toordinal() for d in skips}
    rest = frozenset(rest_days)

    def excused(o: int) -> bool:
        return o in skipped or (o + 6) % 7 in rest

    return excused


def _all_excused(lo: int, hi: int, excused: Callable[[int], bool]) -> bool:
    """True when every day from lo to hi - 1 is excused (stops at the first that is not)."""
    for o in range(lo, hi):
        if not excused(o):
            return False
    return True


class Run(NamedTuple):
    """The daily streak over the days before today (see run_before)."""

    run: int  # the run as it stands at the end of yesterday
    longest: int  # the longest run among those days
    today: int  # the index in `ships` of the first ship day on or after today
    start: int  # the index of the current run's first ship day (when run > 0)


def run_before(ships: Sequence[int], excused: Callable[[int], bool], today: int) -> Run:
    """The daily streak over the days before `today` (an ordinal), from the ship days:
    a shipped day adds one; a gap between two ship days keeps the run only when every
    day of it is excused, and so does the gap from the last one to today.

    Only the gaps are looked at in Python: which ship days follow one (map and compress,
    in C), then whether each gap is excused; a run of consecutive ship days costs
    nothing per day (ten years of daily ships: no Python step per day)."""
    k = bisect_left(ships, today)
    if not k:
        return Run(0, 0, 0, 0)
    after_gap = compress(range(1, k), map(lt, repeat(1), map(sub, islice(ships, 1, k), ships)))
    starts = [0]  # the first ship day of each run
    starts += [i for i in after_gap if not _all_excused(ships[i - 1] + 1, ships[i], excused)]
    ends = starts[1:] + [k]
    longest = max(map(sub, ends, starts))
    run, start = k - starts[-1], starts[-1]
    if today - ships[k - 1] > 1 and not _all_excused(ships[k - 1] + 1, today, excused):
        run = 0
    return Run(run, longest, k, start)


def streak_from(before: Run, ships: Sequence[int], excused: Callable[[int], bool], today: int
                ) -> Streak:  # fmt: skip
    """The daily streak as of `today` (an ordinal), `compute(...).streak`, from the ship
    days and the run before today (run_before). Today is open: unshipped, it neither
    adds to the run nor ends it."""
    run, longest, k, _ = before
    shipped_today = k < len(ships) and ships[k] == today
    if shipped_today:
        run += 1
        longest = max(longest, run)
    return Streak(current=run, longest=longest,
                  at_risk=run > 0 and not shipped_today and not excused(today))  # fmt: skip


def missed_ship_days(ships: Sequence[int], excused: Callable[[int], bool], today: int, *,
                     most: int = 7, before: Run | None = None) -> list[date]:  # fmt: skip
    """missed_days() on ship-day ordinals: back from yesterday over the current run
    (shipped or excused days), then the unexcused days down to the previous ship day.
    The run before today (`before`, computed when not given) lets the walk start at the
    run's first ship day instead of stepping over every day of it."""
    before = before or run_before(ships, excused, today)
    i = before.today - 1  # the latest ship day before today, when i >= 0
    if i < 0:
        return []
    first = ships[0]
    day = today - 1
    if before.run:  # the run's days are all shipped or excused: start below them
        i = before.start - 1
        day = ships[before.start] - 1
    while day >= first:  # back over the current run
        if i >= 0 and ships[i] == day:
            i -= 1
        elif not excused(day):
            break
        day -= 1
    missed: list[int] = []
    while day >= first and not (i >= 0 and ships[i] == day):
        if not excused(day):
            missed.append(day)
            if len(missed) > most:
                return []
        day -= 1
    return [date.fromordinal(o) for o in reversed(missed)] if day >= first else []
