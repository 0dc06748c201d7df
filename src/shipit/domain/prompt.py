"""The prompt status: the next journal days' streak status, as a shell prompt reads it.

Pure. Every writing command (and `shipit status --refresh`) writes the status file next
to the journal: one line per journal day, for today and the 7 days after it, *as if
nothing more were logged*, so it stays true past midnight, through rest days and skips,
with no process running. The format is a contract (docs/prompt.md), never translated:

    2026-12-01 ✔ 12 1764547200

the journal day, its status (✔ shipped, ⚠ not shipped yet: the streak is at stake,
- excused: a rest or skip day), the daily streak on that day, and the epoch second at
which that journal day begins (local time, `day_starts_at` applied), so a prompt picks
its line by comparing integers: the last line whose start is not after now. A journal
with no entries has no day lines (the prompt shows nothing).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # the figures load only when a status is computed, not when one is read
    from collections.abc import Callable, Collection, Mapping, Sequence

    from shipit.domain.stats import DayCounts
    from shipit.domain.streak import Run

DAYS = 8
SHIPPED, AT_RISK, OFF = "✔", "⚠", "-"
HEADER = "# shipit prompt status v1: day status streak starts-at-epoch (docs/prompt.md)"


class DayStatus(NamedTuple):
    day: date
    status: str  # SHIPPED, AT_RISK or OFF
    streak: int
    starts: int  # epoch second the journal day begins

    def line(self) -> str:
        return f"{self.day.isoformat()} {self.status} {self.streak} {self.starts}"

    def to_json(self) -> dict[str, object]:
        return {"day": self.day.isoformat(), "status": STATUS_WORDS[self.status],
                "streak": self.streak}  # fmt: skip


STATUS_WORDS = {SHIPPED: "shipped", AT_RISK: "at_risk", OFF: "excused"}


def day_start_epoch(day: date, day_starts_at: time) -> int:
    """The epoch second at which journal day `day` begins, in the local time zone."""
    return int(datetime.combine(day, day_starts_at).astimezone().timestamp())


def status_days(counts: Mapping[date, DayCounts], skips: Collection[date],
                rest_days: Collection[int], day_starts_at: time, today: date,
                days: int = DAYS) -> list[DayStatus]:  # fmt: skip
    """Today and the next days' status, as if nothing more were logged.

    The streak is docs/figures.md's daily streak as of each day: a shipped day adds
    one, an excused day keeps the run, any other past day ends it; the day itself is
    open (not shipped yet: the run is at stake, shown as ⚠).
    """
    from shipit.domain.stats import ship_ordinals
    from shipit.domain.streak import excuser

    active = [d for d, c in counts.items() if c.entries]
    return ship_status_days(ship_ordinals(counts), min(active) if active else None,
                            excuser(rest_days, skips), day_starts_at, today, days)  # fmt: skip


def ship_status_days(ships: Sequence[int], first: date | None, excused: Callable[[int], bool],
                     day_starts_at: time, today: date, days: int = DAYS,
                     before: Run | None = None) -> list[DayStatus]:  # fmt: skip
    """status_days() from the ship days (ascending ordinals), the earliest day of any
    entry (None: no entry, no day lines), whether a day (ordinal) is excused and the
    run before today (streak.run_before; computed when not given)."""
    from shipit.domain.streak import run_before

    if first is None:
        return []
    t = today.toordinal()
    run, _, k, _ = before or run_before(ships, excused, t)  # the run at the end of yesterday
    coming = set(ships[k : k + days])  # ship days from today on
    start = first.toordinal()
    out = []
    for i in range(days):
        d = today + timedelta(days=i)
        o = t + i
        starts = day_start_epoch(d, day_starts_at)
        if o < start:
            out.append(DayStatus(d, AT_RISK, 0, starts))
            continue
        if o in coming:
            run += 1
            out.append(DayStatus(d, SHIPPED, run, starts))
        elif excused(o):
            out.append(DayStatus(d, OFF, run, starts))
        else:
            out.append(DayStatus(d, AT_RISK, run, starts))
            run = 0  # the day closes unshipped: the next one starts from zero
    return out


def format_status(days: list[DayStatus]) -> str:
    return "\n".join([HEADER, *(d.line() for d in days)]) + "\n"


def parse_status(text: str) -> list[DayStatus]:
    """The day lines of a status file (unknown or broken lines are ignored)."""
    out = []
    for raw in text.splitlines():
        parts = raw.split()
        if len(parts) != 4 or parts[1] not in STATUS_WORDS:
            continue
        try:
            out.append(DayStatus(date.fromisoformat(parts[0]), parts[1], int(parts[2]),
                                 int(parts[3])))  # fmt: skip
        except ValueError:
            continue
    return out


def current(days: list[DayStatus], now_epoch: float) -> DayStatus | None:
    """The line for the journal day containing `now_epoch`; None past the last day."""
    found = None
    for d in days:
        if d.starts > now_epoch:
            break
        found = d
    if found is None or (found is days[-1] and now_epoch >= found.starts + 86400):
        return None
    return found


def cue(status: DayStatus | None) -> str:
    """What a prompt shows: 🚢12 shipped, ⚠12 at stake, nothing when excused or unknown."""
    if status is None or status.status == OFF:
        return ""
    return f"🚢{status.streak}" if status.status == SHIPPED else f"⚠{status.streak}"
