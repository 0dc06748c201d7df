"""The figures: streaks, weekly streak, consistency, score, totals. Pure.

No database, no clock, no I/O, no Rich or Typer: everything arrives as arguments
(per-day counts, skip days, settings, today's journal day) and leaves as immutable
NamedTuples (cheaper to define and to build than frozen dataclasses, and every command
that shows a streak pays for both). `shipit.figures` feeds this module from one grouped query; tests feed it
hand-made histories and compare it with a brute-force model (tests/test_stats_model.py).

Every definition here is documented, with worked examples, in docs/figures.md.

Cost: one linear pass over the days from the first entry to today, one over their
ISO weeks, one over the days that hold entries. Ten years answer in milliseconds.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterator, Mapping, Sequence
from datetime import date, timedelta
from itertools import compress, islice, repeat
from operator import add, lt, not_, or_
from typing import Any, NamedTuple

from shipit.domain.settings import Settings

# The daily streak from the days with a ship (what `log` and `today` show) lives in
# domain.streak, which those commands import without this module. Streak and excuse()
# are the figures' too, so this module offers them as well (the same objects).
from shipit.domain.streak import Streak, excuse, excuser, missed_ship_days  # noqa: F401

# Loop Habit Tracker's multiplier for a daily habit: 0.5 ** (sqrt(frequency) / 13)
# with frequency 1. A score halves its distance to 0 (or 1) every 13 days.
SCORE_MULTIPLIER = 0.5 ** (1 / 13)

# Week statuses (docs/figures.md, "Weekly streak").
HIT, MISSED, NEUTRAL, OPEN = "hit", "missed", "neutral", "open"


# -- input -----------------------------------------------------------------------------


class DayCounts(NamedTuple):
    """What one journal day holds, by kind (from one grouped query).

    A NamedTuple, not a frozen dataclass: one is built per journal day on every
    `log`, `today` and `stats`, and a tuple is built several times faster.
    """

    ships: int = 0
    steps: int = 0
    attempts: int = 0
    step_minutes: int = 0
    attempts_open: int = 0
    attempts_succeeded: int = 0
    attempts_failed: int = 0

    @property
    def entries(self) -> int:
        return self.ships + self.steps + self.attempts


NO_COUNTS = DayCounts()


class DayColumns(Mapping[date, DayCounts]):
    """Per-day counts as columns: the days ascending (proleptic ordinals,
    date.toordinal()) and one sequence per DayCounts field, in its order.

    What storage reads entry_day into, and what compute() works on: no date object and
    no DayCounts is built per day to compute the figures. It is also a read-only
    mapping journal day -> DayCounts (built on first use) for the readers that look
    days up (the week review, the calendar, the export's summary).
    """

    __slots__ = ("days", "columns", "_dict")

    def __init__(self, days: Sequence[int], columns: Sequence[Sequence[int]]) -> None:
        self.days = days
        self.columns = columns
        self._dict: dict[date, DayCounts] | None = None

    @classmethod
    def from_rows(cls, rows: Sequence[Sequence[int]]) -> DayColumns:
        """From rows (ordinal, *DayCounts' fields), ascending by day."""
        if not rows:
            return cls((), ((),) * len(DayCounts._fields))
        days, *columns = zip(*rows, strict=True)
        return cls(days, columns)

    @classmethod
    def of(cls, counts: Mapping[date, DayCounts]) -> DayColumns:
        """Any mapping day -> DayCounts as columns (itself when it is one)."""
        if isinstance(counts, DayColumns):
            return counts
        return cls.from_rows([(d.toordinal(), *c) for d, c in sorted(counts.items())])

    @property
    def ships(self) -> Sequence[int]:
        return self.columns[0]

    @property
    def steps(self) -> Sequence[int]:
        return self.columns[1]

    @property
    def attempts(self) -> Sequence[int]:
        return self.columns[2]

    @property
    def attempts_failed(self) -> Sequence[int]:
        return self.columns[6]

    def entries(self) -> list[int]:
        """Entries per day (ships + steps + attempts), in the days' order."""
        return list(map(add, map(add, self.ships, self.steps), self.attempts))

    def first_active(self) -> int | None:
        """The ordinal of the earliest day that holds an entry, or None."""
        for o, s, st, a in zip(self.days, self.ships, self.steps, self.attempts):
            if s or st or a:
                return o
        return None

    def ship_ordinals(self) -> list[int]:
        """The days that hold a ship, ascending."""
        return list(compress(self.days, self.ships))

    def _mapping(self) -> dict[date, DayCounts]:
        if self._dict is None:
            day, make = date.fromordinal, DayCounts._make
            self._dict = {day(o): make(c) for o, *c in zip(self.days, *self.columns)}
        return self._dict

    def __getitem__(self, day: date) -> DayCounts:
        return self._mapping()[day]

    def items(self):  # type: ignore[override]  # the dict's own views: exact and fast
        return self._mapping().items()

    def values(self):  # type: ignore[override]
        return self._mapping().values()

    def __iter__(self) -> Iterator[date]:
        return map(date.fromordinal, self.days)

    def __len__(self) -> int:
        return len(self.days)

    def __contains__(self, day: object) -> bool:
        return day in self._mapping()

    def __repr__(self) -> str:
        return f"DayColumns({self._mapping()!r})"


# -- output ----------------------------------------------------------------------------


class WeeklyStreak(NamedTuple):
    current: int = 0
    longest: int = 0
    target: int = 5

    def to_json(self) -> dict[str, Any]:
        return {"current": self.current, "longest": self.longest, "target": self.target}


class Consistency(NamedTuple):
    """Shipped days ÷ eligible days; None when no day is eligible."""

    last_7_days: float | None = None
    last_30_days: float | None = None
    last_365_days: float | None = None
    all_time: float | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "last_7_days": self.last_7_days,
            "last_30_days": self.last_30_days,
            "last_365_days": self.last_365_days,
            "all_time": self.all_time,
        }


class Totals(NamedTuple):
    ships: int = 0
    shipped_days: int = 0
    active_days: int = 0
    first_day: date | None = None
    last_day: date | None = None
    steps: int = 0
    step_minutes: int = 0
    attempts: int = 0
    attempts_open: int = 0
    attempts_succeeded: int = 0
    attempts_failed: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "ships": self.ships,
            "shipped_days": self.shipped_days,
            "active_days": self.active_days,
            "first_day": self.first_day.isoformat() if self.first_day else None,
            "last_day": self.last_day.isoformat() if self.last_day else None,
            "steps": self.steps,
            "step_minutes": self.step_minutes,
            "attempts": self.attempts,
            "attempts_open": self.attempts_open,
            "attempts_succeeded": self.attempts_succeeded,
            "attempts_failed": self.attempts_failed,
        }


class WeekFigures(NamedTuple):
    """One ISO week (Monday `start` to Sunday) as the weekly streak sees it."""

    start: date
    ships: int = 0
    shipped_days: int = 0
    active_days: int = 0
    steps: int = 0
    attempts: int = 0
    available_days: int = 0
    needed: int = 0  # min(target, available_days)
    target: int = 5
    status: str = NEUTRAL  # hit, missed, neutral, open (this week, not hit yet)
    streak: int = 0  # the weekly streak as of this week

    @property
    def end(self) -> date:
        return self.start + timedelta(days=6)

    @property
    def hit(self) -> bool:
        return self.status == HIT

    @property
    def label(self) -> str:
        year, week, _ = self.start.isocalendar()
        return f"{year}-W{week:02d}"

    def to_json(self) -> dict[str, Any]:
        return {
            "week": self.label,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "ships": self.ships,
            "shipped_days": self.shipped_days,
            "active_days": self.active_days,
            "steps": self.steps,
            "attempts": self.attempts,
            "available_days": self.available_days,
            "target": self.target,
            "needed": self.needed,
            "status": self.status,
            "hit": self.hit,
            "streak": self.streak,
        }


class Figures(NamedTuple):
    """Every figure of `shipit stats`, as of `as_of` (today's journal day)."""

    as_of: date
    streak: Streak = Streak()
    active_streak: Streak = Streak()
    weekly_streak: WeeklyStreak = WeeklyStreak()
    consistency: Consistency = Consistency()
    score: float = 0.0
    totals: Totals = Totals()
    bounce_back_days: float | None = None
    # ISO weeks from the first entry's week to this week, oldest first.
    weeks: tuple[WeekFigures, ...] = ()

    def week(self, monday: date) -> WeekFigures:
        """The figures of the ISO week starting `monday` (neutral before the first entry)."""
        if self.weeks:
            index = (monday - self.weeks[0].start).days // 7
            if 0 <= index < len(self.weeks):
                return self.weeks[index]
        return WeekFigures(start=monday, target=self.weekly_streak.target)

    def to_json(self) -> dict[str, Any]:
        """The `stats --json` document (docs/figures.md)."""
        return {
            "as_of": self.as_of.isoformat(),
            "streak": self.streak.to_json(),
            "active_streak": self.active_streak.to_json(),
            "weekly_streak": self.weekly_streak.to_json(),
            "consistency": self.consistency.to_json(),
            "score": self.score,
            "totals": self.totals.to_json(),
            "bounce_back_days": self.bounce_back_days,
        }


# -- computing -------------------------------------------------------------------------


def compute(
    counts: Mapping[date, DayCounts],
    skips: Collection[date],
    settings: Settings,
    today: date,
    first_day: date | None = None,
) -> Figures:
    """All figures as of `today`.

    counts: journal day -> DayCounts (days without entries may be absent); a DayColumns
    (what storage reads) is used as it is, any other mapping is put into columns first.
    skips: the skip days (a set, or a mapping day -> reason).
    first_day: the earliest journal day of any entry (default: the earliest key of
    `counts` with an entry).
    Days after `today` (possible only after a time-zone change) count in the totals
    but not in the streaks, consistency, score or weeks: those are "as of today".
    """
    cols = DayColumns.of(counts)
    totals = compute_totals(cols)
    if first_day is None:
        first_day = totals.first_day
    target = settings.weekly_target
    if first_day is None or first_day > today:
        return Figures(as_of=today, weekly_streak=WeeklyStreak(target=target), totals=totals)
    table = _DayTable(cols, skips, settings.rest_days, today, first_day)
    f, t = table.first, table.today
    excused = table.excused[f : t + 1]
    shipped = day_codes(table.shipped[f : t + 1], excused)
    active = day_codes(table.active[f : t + 1], excused)
    weeks = table.weeks(target)
    return Figures(
        as_of=today,
        streak=daily_streak(shipped),
        active_streak=daily_streak(active),
        weekly_streak=_weekly(weeks, target),
        consistency=consistency(shipped),
        score=score(shipped),
        totals=totals,
        bounce_back_days=bounce_back_days(cols, today),
        weeks=weeks,
    )


class _DayTable:
    """Per-day columns from the Monday of the first entry's week to this week's Sunday.

    Index 0 is a Monday, so index % 7 is the weekday. Built from the days that hold
    entries and the skip days (sparse), never by looking every day up.
    """

    def __init__(self, counts: Mapping[date, DayCounts], skips: Collection[date],
                 rest: Collection[int], today: date, first_day: date) -> None:  # fmt: skip
        self.start = first_day - timedelta(days=first_day.weekday())
        self.first = (first_day - self.start).days
        self.today = (today - self.start).days
        size = (self.today // 7 + 1) * 7
        self.ships = ships = [0] * size
        self.entries = entries = [0] * size
        self.steps = steps = [0] * size
        self.attempts = attempts = [0] * size
        cols = DayColumns.of(counts)
        origin = self.start.toordinal()
        # Only the days from the table's first Monday to today: a day after today is not
        # part of "as of today".
        lo = bisect_left(cols.days, origin)
        hi = bisect_right(cols.days, origin + self.today)
        if lo < hi and cols.days[hi - 1] - cols.days[lo] == hi - lo - 1:  # no day between
            a, b = cols.days[lo] - origin, cols.days[hi - 1] - origin + 1  # missing: a slice
            ships[a:b] = cols.ships[lo:hi]
            steps[a:b] = cols.steps[lo:hi]
            attempts[a:b] = cols.attempts[lo:hi]
            entries[a:b] = map(add, map(add, ships[a:b], steps[a:b]), attempts[a:b])
        else:
            rows = zip(islice(cols.days, lo, hi), islice(cols.ships, lo, hi),
                       islice(cols.steps, lo, hi), islice(cols.attempts, lo, hi))  # fmt: skip
            for o, s, st, at in rows:
                i = o - origin
                ships[i] = s
                steps[i] = st
                attempts[i] = at
                entries[i] = s + st + at
        week = [d in rest for d in range(7)]
        self.excused = week * (size // 7)
        for day in skips:
            i = (day - self.start).days
            if 0 <= i < size:
                self.excused[i] = True
        # Whether a day holds a ship, or any entry (a count above 0).
        self.shipped = list(map(lt, repeat(0), ships))
        self.active = list(map(lt, repeat(0), entries))

    def weeks(self, target: int) -> tuple[WeekFigures, ...]:
        """Every ISO week from the first entry's week to this week, with its streak."""
        run = 0
        first, shipped, excused = self.first, self.shipped, self.excused
        # Per day, from the first entry's day on: shipped, and available (shipped, or
        # not excused); active; a week's figures are sums of seven of them.
        lead = [False] * first
        shipped_day = lead + shipped[first:]
        available_day = lead + list(map(or_, islice(shipped, first, None),
                                        map(not_, islice(excused, first, None))))
        n_weeks = len(shipped) // 7
        # The sums of each week's seven days (C-level, no Python loop over the days).
        shipped_w, available_w, active_w, ships_w, steps_w, attempts_w = (
            list(map(sum, zip(*[iter(col)] * 7)))
            for col in (shipped_day, available_day, self.active, self.ships, self.steps,
                        self.attempts)
        )
        monday = self.start.toordinal()
        fromordinal, make = date.fromordinal, WeekFigures._make
        out: list[WeekFigures] = []
        last = n_weeks - 1
        for w in range(n_weeks):
            shipped_days = shipped_w[w]
            available = available_w[w]
            needed = min(target, available)
            if available == 0:
                status = NEUTRAL
            elif shipped_days >= needed:
                status = HIT
                run += 1
            elif w == last:
                status = OPEN  # this week can still hit: the run ends with last week
            else:
                status = MISSED
                run = 0
            out.append(make((fromordinal(monday + 7 * w), ships_w[w], shipped_days, active_w[w],
                             steps_w[w], attempts_w[w], available, needed, target, status, run)))
        return tuple(out)


# The walks over the days from the first entry's to today (the daily streaks,
# consistency, score) read each day as one byte: DAY_COUNTED (2: shipped, or any entry for
# the active streak) plus DAY_EXCUSED (1: a skip day or a rest weekday), or DAY_MISSED (0).
# bytes' count(), split() and translate() then do in C what a Python loop would do
# day by day (docs/performance.md, "Ten years of stats").
DAY_MISSED, DAY_EXCUSED, DAY_COUNTED = 0, 1, 2
_MISSED_DAY, _EXCUSED_DAY = bytes((DAY_MISSED,)), bytes((DAY_EXCUSED,))


def day_codes(counted: Sequence[bool], excused: Sequence[bool]) -> bytes:
    """Each day's code, from whether it counts and whether it is excused."""
    return bytes(map(add, map(add, counted, counted), excused))  # 2 × counted + excused


def _closed(codes: bytes) -> bytes:
    """The days without today when today is missed so far: today is open, and until it
    counts or is excused it neither adds to a run nor ends one (nor is it eligible)."""
    return codes[:-1] if codes and codes[-1] == DAY_MISSED else codes


def daily_streak(codes: bytes) -> Streak:
    """Streak over days first..today (day codes; the last is today, which is open).

    A day that counts adds one; an excused day that does not count, and today when it
    does not count yet, leave the run as it is; any other day ends the run.
    """
    if not codes:
        return Streak()
    runs = [len(run) - run.count(DAY_EXCUSED) for run in _closed(codes).split(_MISSED_DAY)]
    return Streak(current=runs[-1], longest=max(runs),
                  at_risk=runs[-1] > 0 and codes[-1] == DAY_MISSED)  # fmt: skip


def missed_days(counts: Mapping[date, DayCounts], skips: Collection[date],
                rest_days: Collection[int], today: date, *, most: int = 7) -> list[date]:  # fmt: skip
    """The missed days (not shipped, not excused) between the last ship before the
    current run and the run itself, oldest first: excusing them (`shipit skip`) would join
    the two runs. Empty when nothing broke the streak, when there was no earlier ship, or
    when more than `most` days were missed (then no skip can honestly mend it)."""
    return missed_ship_days(ship_ordinals(counts), excuser(rest_days, skips),
                            today.toordinal(), most=most)  # fmt: skip


# -- the daily streak from the days with a ship ------------------------------------------
#
# The stepping itself (excuser, run_before, streak_from, missed_ship_days) is in
# domain.streak, imported above: `log` and `today` use it without loading this module.


def ship_ordinals(counts: Mapping[date, DayCounts]) -> list[int]:
    """The days of `counts` that hold a ship, as ascending ordinals."""
    return DayColumns.of(counts).ship_ordinals()


def consistency(codes: bytes) -> Consistency:
    """Shipped ÷ eligible days over the last 7, 30, 365 days and all time (day codes,
    the last today): a shipped day is eligible, and so is a missed one before today."""
    n = len(codes)

    def window(days: int) -> float | None:
        last = _closed(codes[max(0, n - days):])
        ships = len(last) - last.count(DAY_MISSED) - last.count(DAY_EXCUSED)
        eligible = ships + last.count(DAY_MISSED)
        return ships / eligible if eligible else None

    return Consistency(window(7), window(30), window(365), window(n))


def score(codes: bytes) -> float:
    """Loop Habit Tracker's score for a daily habit, from the first entry to today.

    Each day S = S·m + v·(1−m), v = 1 when shipped, else 0; an excused unshipped day
    and an unshipped today leave S unchanged (Loop's skip days; today is open).
    """
    m = SCORE_MULTIPLIER
    s = 0.0
    for code in _closed(codes).translate(None, _EXCUSED_DAY):
        if code:  # DAY_COUNTED, excused or not
            s = s * m + (1 - m)
        else:
            s *= m
    return s


def week_figures(
    counts: Mapping[date, DayCounts],
    skips: Collection[date],
    settings: Settings,
    today: date,
    first_day: date,
) -> tuple[WeekFigures, ...]:
    """Every ISO week from the first entry's week to this week, with its streak."""
    table = _DayTable(counts, skips, settings.rest_days, today, first_day)
    return table.weeks(settings.weekly_target)


def _weekly(weeks: tuple[WeekFigures, ...], target: int) -> WeeklyStreak:
    longest = max((w.streak for w in weeks), default=0)
    current = weeks[-1].streak if weeks else 0
    return WeeklyStreak(current=current, longest=longest, target=target)


def compute_totals(counts: Mapping[date, DayCounts]) -> Totals:
    cols = DayColumns.of(counts)
    entries = cols.entries()
    columns: Sequence[Sequence[int]] = cols.columns
    days = cols.days
    if 0 in entries:  # only the days that hold an entry count (storage reads no other)
        keep = [i for i, n in enumerate(entries) if n]
        days = [days[i] for i in keep]
        columns = [[c[i] for i in keep] for c in columns]
    ships, steps, attempts, minutes, a_open, a_ok, a_failed = columns
    return Totals(
        ships=sum(ships), shipped_days=len(ships) - ships.count(0), active_days=len(days),
        first_day=date.fromordinal(days[0]) if days else None,
        last_day=date.fromordinal(days[-1]) if days else None,
        steps=sum(steps), step_minutes=sum(minutes), attempts=sum(attempts),
        attempts_open=sum(a_open), attempts_succeeded=sum(a_ok), attempts_failed=sum(a_failed),
    )  # fmt: skip


def bounce_back_days(counts: Mapping[date, DayCounts], today: date) -> float | None:
    """Median days from a failed attempt to the next later day with a ship or an attempt.

    Counted per failed attempt, on or before today. Entries of one day have no order,
    so the next day with a ship or an attempt is a later day (at least 1). A failure
    not yet followed by one is still pending and not counted. None when nothing counts.
    """
    cols = DayColumns.of(counts)
    if not any(cols.attempts_failed):
        return None
    last = bisect_right(cols.days, today.toordinal())
    days = [(o, failed) for o, s, a, failed in zip(cols.days[:last], cols.ships, cols.attempts,
                                                    cols.attempts_failed) if s or a]  # fmt: skip
    gaps: list[int] = []
    following: int | None = None
    for o, failed in reversed(days):
        if failed and following is not None:
            gaps.extend([following - o] * failed)
        following = o
    if not gaps:
        return None
    return _median(gaps)


def _median(values: list[int]) -> float:
    """The median (the statistics module costs more to import than this costs to run)."""
    ordered = sorted(values)
    mid = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[mid])
    return (ordered[mid - 1] + ordered[mid]) / 2
