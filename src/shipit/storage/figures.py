"""What the figures are read from: settings, per-day counts by kind, skip days.

Three small queries in one read transaction. The per-day counts are entry_day's rows
(kept by triggers on entry, storage/schema.py): one row per journal day, so ten years
are 3,650 short rows, not 36,500 entries to count. No entry is ever loaded as an
object to compute a figure.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING

from shipit.domain import dates
from shipit.domain.history import History, ShipDays
from shipit.domain.settings import Settings

if TYPE_CHECKING:  # the figures panel: imported where per-day counts are read (`stats`,
    # `week`...), never on the streak line's path (`log`, `today`)
    from shipit.domain import stats

# entry_day's columns in DayCounts' order (open attempts are the rest), in day order.
# The day comes as its proleptic ordinal (date.toordinal(): julianday 1721425.5 is
# 0001-01-01, ordinal 1), counted by SQLite: no date is parsed in Python per day.
_DAYS_SQL = (
    "SELECT CAST(julianday(day) AS INTEGER) - 1721424, ships, steps, attempts, step_minutes, "
    "attempts - attempts_succeeded - attempts_failed, attempts_succeeded, attempts_failed "
    "FROM entry_day ORDER BY day"
)


_SHIP_DAYS_SQL = "SELECT day FROM entry_day WHERE ships > 0 ORDER BY day"


def read_ship_days(conn: sqlite3.Connection) -> ShipDays:
    """What the streak line and the prompt status need: the days with a ship, the
    earliest day of any entry, skips and settings; no per-day counts, no figures panel."""
    settings = read_settings(conn)
    parse = date.fromisoformat
    ships = [parse(day).toordinal() for (day,) in conn.execute(_SHIP_DAYS_SQL)]
    first = conn.execute("SELECT min(day) FROM entry_day").fetchone()[0]
    return ShipDays(ships=ships, first_day=parse(first) if first is not None else None,
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
    from shipit.domain.stats import DayColumns

    if tag is None and since is None and until is None:
        return DayColumns.from_rows(conn.execute(_DAYS_SQL).fetchall())
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
