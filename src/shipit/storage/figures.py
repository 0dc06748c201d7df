"""What the figures are read from: settings, per-day counts by kind, skip days.

A few small queries in one read transaction. The per-day counts are entry_day's rows
(kept by triggers on entry, storage/schema.py): one row per journal day, so ten years
are 3,650 short rows, not 36,500 entries to count, and they reach Python as columns
(below). No entry is ever loaded as an object to compute a figure.
"""

from __future__ import annotations

import sqlite3
from collections import deque
from collections.abc import Mapping, Sequence
from datetime import date
from itertools import islice, repeat
from operator import lt
from typing import TYPE_CHECKING

from shipit.domain import dates
from shipit.domain.history import History, ShipDays
from shipit.domain.settings import Settings

if TYPE_CHECKING:  # the figures panel: imported where per-day counts are read (`stats`,
    # `week`...), never on the streak line's path (`log`, `today`)
    from shipit.domain import stats

# entry_day's rows reach Python as columns. Rows are what cost: Python's sqlite3 makes
# a tuple and an object per value of every row, most of `stats` on a ten-year journal
# (docs/performance.md, "Ten years of stats"). So the days usually come as one row of
# group_concat()s, each a comma-separated list of integers that one C call splits and
# another converts: every day's ordinal and ships, then the rest (steps and attempts)
# for only the days that hold any, each put in its place. When a third of the latest
# days or more hold steps or attempts, every column of every day is worth reading, and
# the days come as rows (about as fast then; so do counts that are not whole numbers). Either way the day comes as its proleptic
# ordinal (date.toordinal(): julianday 1721425.5 is 0001-01-01, ordinal 1), counted by
# SQLite: no date is parsed in Python per day.
_ORDINAL = "CAST(julianday(day) AS INTEGER) - 1721424"
_DETAILED = "steps > 0 OR attempts > 0"
# How much of the journal has steps or attempts, judged by its latest 365 days with
# entries: the read that costs less for the shape it has now (a guess: both reads give
# the same counts).
_SHAPE_SQL = (
    f"SELECT count(*), coalesce(sum({_DETAILED}), 0) "
    "FROM (SELECT steps, attempts FROM entry_day ORDER BY day DESC LIMIT 365)"
)
_ROWS_SQL = (
    f"SELECT {_ORDINAL}, ships, steps, attempts, step_minutes, "
    "attempts - attempts_succeeded - attempts_failed, attempts_succeeded, attempts_failed "
    "FROM entry_day ORDER BY day"
)
_DAYS_SQL = (
    "SELECT group_concat(o), group_concat(ships) "
    f"FROM (SELECT {_ORDINAL} AS o, ships FROM entry_day ORDER BY day)"
)
_DETAIL_SQL = (
    "SELECT group_concat(o), group_concat(steps), group_concat(attempts), "
    "group_concat(step_minutes), group_concat(still_open), group_concat(attempts_succeeded), "
    "group_concat(attempts_failed) "
    f"FROM (SELECT {_ORDINAL} AS o, steps, attempts, step_minutes, "
    "attempts - attempts_succeeded - attempts_failed AS still_open, attempts_succeeded, "
    f"attempts_failed FROM entry_day WHERE {_DETAILED} ORDER BY day)"
)
_SHIP_DAYS_SQL = (
    f"SELECT group_concat(o) FROM (SELECT {_ORDINAL} AS o FROM entry_day WHERE ships > 0 "
    "ORDER BY day)"
)


def int_columns(row: Sequence[str | None]) -> list[list[int]]:
    """One row of group_concat()s as integer columns, ascending by the first (the day).

    SQLite concatenates in the order its subquery gives, but does not promise to (only
    an ORDER BY inside group_concat(), from 3.44 on, would): a column that arrives out
    of order is sorted (with the others), never trusted. A value that is not an integer,
    or a NULL, raises ValueError."""
    if row[0] is None:  # no row was concatenated
        return [[] for _ in row]
    columns = [list(map(int, text.split(","))) for text in row]  # type: ignore[union-attr]
    if len(set(map(len, columns))) > 1:  # a NULL somewhere (group_concat leaves it out)
        raise ValueError("columns of different lengths")
    days = columns[0]
    if not all(map(lt, days, islice(days, 1, None))):
        columns = [list(c) for c in zip(*sorted(zip(*columns, strict=True)), strict=True)]
    return columns


def read_day_columns(conn: sqlite3.Connection) -> stats.DayColumns:
    """Every journal day's counts (entry_day), as columns in DayCounts' order."""
    from shipit.domain.stats import DayColumns

    latest, detailed = conn.execute(_SHAPE_SQL).fetchone()
    if detailed * 3 < latest:
        try:
            return _day_columns(conn)
        except ValueError:  # a count that is not a whole number (written by another tool)
            pass
    return DayColumns.from_rows(conn.execute(_ROWS_SQL).fetchall())  # (and an empty journal)


def _day_columns(conn: sqlite3.Connection) -> stats.DayColumns:
    """read_day_columns() through group_concat() columns."""
    from bisect import bisect_left

    from shipit.domain.stats import DayColumns

    days, ships = int_columns(conn.execute(_DAYS_SQL).fetchone())
    n = len(days)
    detail_days, *detail = int_columns(conn.execute(_DETAIL_SQL).fetchone())
    # Each detailed day's place among the days, and its values put there: map() runs
    # both in C, no Python loop per day.
    places = list(map(bisect_left, repeat(days, len(detail_days)), detail_days))
    if (places and places[-1] == n) or list(map(days.__getitem__, places)) != detail_days:
        raise sqlite3.DatabaseError("entry_day changed while it was read")  # one snapshot
    if not places:  # nothing but ships: one column of zeros serves all six (read only)
        rest = [[0] * n] * len(detail)
    else:
        rest = [[0] * n for _ in detail]
        for column, values in zip(rest, detail):
            deque(map(column.__setitem__, places, values), maxlen=0)
    steps, attempts, minutes, still_open, succeeded, failed = rest
    return DayColumns(days, (ships, steps, attempts, minutes, still_open, succeeded, failed))


def read_ship_days(conn: sqlite3.Connection) -> ShipDays:
    """What the streak line and the prompt status need: the days with a ship, the
    earliest day of any entry, skips and settings; no per-day counts, no figures panel."""
    settings = read_settings(conn)
    [ships] = int_columns(conn.execute(_SHIP_DAYS_SQL).fetchone())
    first = conn.execute("SELECT min(day) FROM entry_day").fetchone()[0]
    return ShipDays(ships=ships, first_day=date.fromisoformat(first) if first else None,
                    skips=read_skips(conn), settings=settings,
                    today=dates.today(settings.day_starts_at))  # fmt: skip


def read_settings(conn: sqlite3.Connection) -> Settings:
    return Settings.from_raw(dict(conn.execute("SELECT key, value FROM setting").fetchall()))


def stored_settings(conn: sqlite3.Connection) -> dict[str, str]:
    """Only the settings this journal has stored (not the defaults)."""
    return dict(conn.execute("SELECT key, value FROM setting").fetchall())


def _slice_sql(tag: str | None, since: date | None, until: date | None
               ) -> tuple[str, list[object]]:  # fmt: skip
    """The counts of a slice (`stats --tag/--since/--until`), or of every entry (no
    filter: what entry_day must hold): one plain grouped query."""
    where, params = [], []
    if tag is not None:
        where.append("id IN (SELECT entry_id FROM entry_tag WHERE tag = ?)")
        params.append(tag)
    if since is not None:
        where.append("day >= ?")
        params.append(since.isoformat())
    if until is not None:
        where.append("day <= ?")
        params.append(until.isoformat())
    sql = ("SELECT day, kind, count(*), coalesce(sum(minutes), 0), "
           "coalesce(sum(outcome = 'succeeded'), 0), coalesce(sum(outcome = 'failed'), 0) "
           "FROM entry " + ("WHERE " + " AND ".join(where) if where else "")
           + " GROUP BY day, kind ORDER BY 1, 2")  # fmt: skip
    return sql, params


def read_counts(conn: sqlite3.Connection, *, tag: str | None = None, since: date | None = None,
                until: date | None = None) -> Mapping[date, stats.DayCounts]:  # fmt: skip
    """Per-day counts by kind (entry_day's rows, as columns); only the entries with `tag`,
    between `since` and `until`, when given (then counted by one grouped query)."""
    if tag is None and since is None and until is None:
        return read_day_columns(conn)
    return recount_days(conn, tag=tag, since=since, until=until)


def recount_days(conn: sqlite3.Connection, *, tag: str | None = None, since: date | None = None,
                 until: date | None = None) -> dict[date, stats.DayCounts]:  # fmt: skip
    """Per-day counts by kind, counted from the entries by ONE grouped query (rows arrive
    ordered by day): a slice's, or every entry's (what entry_day must equal)."""
    from shipit.domain.stats import DayCounts

    out: dict[date, stats.DayCounts] = {}
    make, parse = DayCounts, date.fromisoformat
    current = None
    ships = steps = attempts = minutes = succeeded = failed = 0
    for day, kind, n, mins, ok, ko in conn.execute(*_slice_sql(tag, since, until)):
        if day != current:
            if current is not None:
                out[parse(current)] = make(ships, steps, attempts, minutes,
                                           attempts - succeeded - failed, succeeded, failed)
            current = day
            ships = steps = attempts = minutes = succeeded = failed = 0
        if kind == "ship":
            ships = n
        elif kind == "step":
            steps, minutes = n, mins
        elif kind == "attempt":  # outcome 'open', or none yet, counts as open
            attempts, succeeded, failed = n, ok, ko
    if current is not None:
        out[parse(current)] = make(ships, steps, attempts, minutes,
                                   attempts - succeeded - failed, succeeded, failed)
    return out


def read_skips(conn: sqlite3.Connection) -> dict[date, str | None]:
    rows = conn.execute("SELECT day, reason FROM skip ORDER BY day")
    return {date.fromisoformat(day): reason for day, reason in rows}


def skip_rows(conn: sqlite3.Connection, since: date | None, until: date | None
              ) -> sqlite3.Cursor:  # fmt: skip
    """(day, reason, created_at) of the skips in a range, oldest first."""
    sql = "SELECT day, reason, created_at FROM skip"
    where, params = [], []
    if since:
        where.append("day >= ?")
        params.append(since.isoformat())
    if until:
        where.append("day <= ?")
        params.append(until.isoformat())
    if where:
        sql += " WHERE " + " AND ".join(where)
    return conn.execute(sql + " ORDER BY day", params)


def read_history(conn: sqlite3.Connection, *, tag: str | None = None,
                 since: date | None = None, until: date | None = None) -> History:  # fmt: skip
    """Everything the figures need; a slice (tag, days) counts only its entries, and its
    figures are as of `until` when that is before today."""
    settings = read_settings(conn)
    today = dates.today(settings.day_starts_at)
    return History(
        counts=read_counts(conn, tag=tag, since=since, until=until),
        skips=read_skips(conn),
        settings=settings,
        today=min(today, until) if until is not None else today,
    )
