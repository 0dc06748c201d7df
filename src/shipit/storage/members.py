"""The team's rows in this journal: other members' entries, skips, settings and
backlog items.

Only sync writes them (services.sync, through `put_*` here); `--author NAME` and the
team views read them. The journal's own author is not a member row: their rows are
the journal's own tables. `author` names the journal's author (setting `author`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from typing import Any

from shipit.domain import dates, stats
from shipit.domain.entries import EntryData, Filters
from shipit.domain.history import History
from shipit.domain.identity import default_author
from shipit.domain.settings import Settings
from shipit.storage.entries import filter_sql, from_db_datetime

# The columns of a member's entry in storage.entries' row order, the member's name in
# the short id's place (a member's entry has no id here: EntryData.id is None).
_ROW_COLUMNS = ("author, uid, kind, text, day, created_at, updated_at, tags, note, minutes, "
                "decision, outcome, lesson")  # fmt: skip


def own_author(conn: sqlite3.Connection) -> str:
    """The journal's author (set at creation or migration; the login name otherwise)."""
    row = conn.execute("SELECT value FROM setting WHERE key = 'author'").fetchone()
    return row[0] if row else default_author()


def device_id(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT value FROM local_state WHERE key = 'device_id'").fetchone()
    return row[0] if row else None


def authors(conn: sqlite3.Connection) -> list[str]:
    """Every member with a row here (not the journal's own author), by name."""
    return [a for (a,) in conn.execute(
        "SELECT author FROM member_entry UNION SELECT author FROM member_skip "
        "UNION SELECT author FROM member_setting UNION SELECT author FROM member_backlog "
        "ORDER BY 1")]  # fmt: skip


def is_member(conn: sqlite3.Connection, author: str) -> bool:
    return author in authors(conn)


def read_settings(conn: sqlite3.Connection, author: str) -> Settings:
    return Settings.from_raw(dict(conn.execute(
        "SELECT key, value FROM member_setting WHERE author = ?", (author,)).fetchall()))  # fmt: skip


def read_counts(conn: sqlite3.Connection, author: str) -> dict[date, stats.DayCounts]:
    out: dict[date, stats.DayCounts] = {}
    rows = conn.execute(
        "SELECT day, sum(kind = 'ship'), sum(kind = 'step'), sum(kind = 'attempt'), "
        "coalesce(sum(CASE WHEN kind = 'step' THEN minutes END), 0), "
        "coalesce(sum(kind = 'attempt' AND outcome = 'succeeded'), 0), "
        "coalesce(sum(kind = 'attempt' AND outcome = 'failed'), 0) "
        "FROM member_entry WHERE author = ? GROUP BY day ORDER BY day", (author,))
    for day, ships, steps, attempts, minutes, ok, ko in rows:
        out[date.fromisoformat(day)] = stats.DayCounts(ships, steps, attempts, minutes,
                                                       attempts - ok - ko, ok, ko)  # fmt: skip
    return out


def read_skips(conn: sqlite3.Connection, author: str) -> dict[date, str | None]:
    rows = conn.execute("SELECT day, reason FROM member_skip WHERE author = ? ORDER BY day",
                        (author,))  # fmt: skip
    return {date.fromisoformat(day): reason for day, reason in rows}


def read_history(conn: sqlite3.Connection, author: str) -> History:
    """A member's figures' inputs, with that member's own settings."""
    settings = read_settings(conn, author)
    return History(counts=read_counts(conn, author), skips=read_skips(conn, author),
                   settings=settings, today=dates.today(settings.day_starts_at))  # fmt: skip


def query(conn: sqlite3.Connection, author: str, filters: Filters, *, order: str = "desc"
          ) -> Iterator[EntryData]:  # fmt: skip
    """A member's entries matching `filters` (their tag filters read the tags column)."""
    where, params = filter_sql(Filters(since=filters.since, until=filters.until,
                                       kind=filters.kind, search=filters.search,
                                       extra=filters.extra))  # fmt: skip
    where.insert(0, "author = ?")
    params.insert(0, author)
    for tag in filters.tags:
        where.append("(' ' || coalesce(tags, '') || ' ') LIKE ?")
        params.append(f"% {tag} %")
    sql = f"SELECT {_ROW_COLUMNS} FROM member_entry WHERE " + " AND ".join(f"({w})" for w in where)
    sql += " ORDER BY day DESC, created_at DESC" if order == "desc" else " ORDER BY day, created_at"
    if filters.limit:
        sql += " LIMIT ?"
        params.append(int(filters.limit))
    for row in conn.execute(sql, params):
        yield _entry(row)


def by_uids(conn: sqlite3.Connection, uids: list[str]) -> list[tuple[str, EntryData]]:
    """(author, entry) for these members' entries, oldest first."""
    marks = ", ".join("?" * len(uids))
    rows = conn.execute(f"SELECT {_ROW_COLUMNS} FROM member_entry WHERE uid IN ({marks}) "
                        "ORDER BY day, created_at", uids).fetchall()  # fmt: skip
    return [(row[0], _entry(row)) for row in rows]


def _entry(row: tuple) -> EntryData:
    (author, uid, kind, text, day, created, updated, tags, note, minutes, decision, outcome,
     lesson) = row  # fmt: skip
    return EntryData(
        id=None, author=author, uid=uid, kind=kind, text=text, day=date.fromisoformat(day),
        created_at=from_db_datetime(created), updated_at=from_db_datetime(updated),
        tags=tuple(sorted(tags.split(" "))) if tags else (), note=note, minutes=minutes,
        decision=decision, outcome=outcome, lesson=lesson,
    )  # fmt: skip


def last_ships(conn: sqlite3.Connection, among: list[str] | None = None
               ) -> dict[str | None, tuple[date, str]]:  # fmt: skip
    """Each author's last ship (day, text): None is the journal's own author. One
    index lookup per author (`among`: the members, when already read)."""
    out: dict[str | None, tuple[date, str]] = {}
    row = conn.execute("SELECT day, text FROM entry WHERE kind = 'ship' "
                       "ORDER BY day DESC, id DESC LIMIT 1").fetchone()  # fmt: skip
    if row:
        out[None] = (date.fromisoformat(row[0]), row[1])
    for author in authors(conn) if among is None else among:
        row = conn.execute("SELECT day, text FROM member_entry WHERE author = ? AND "
                           "kind = 'ship' ORDER BY day DESC, created_at DESC LIMIT 1",
                           (author,)).fetchone()  # fmt: skip
        if row:
            out[author] = (date.fromisoformat(row[0]), row[1])
    return out


def ship_days(conn: sqlite3.Connection, author: str | None, until: date) -> list[date]:
    """The days with a ship up to `until`, newest first, each once (None: the journal's
    own author), from an index alone (ix_member_entry_author_day; ix_entry_day_kind)
    and as one string: a year of days for a hundred members is read in C, not row
    by row in Python."""
    if author is None:
        sql = "SELECT DISTINCT day FROM entry WHERE kind = 'ship' AND day <= ?"
        params: tuple[str, ...] = (until.isoformat(),)
    else:
        sql = ("SELECT DISTINCT day FROM member_entry "
               "WHERE author = ? AND kind = 'ship' AND day <= ?")
        params = (author, until.isoformat())
    (joined,) = conn.execute(f"SELECT group_concat(day, ' ') FROM ({sql})", params).fetchone()
    if not joined:
        return []
    return list(map(date.fromisoformat, sorted(joined.split(" "), reverse=True)))


def settings_by_author(conn: sqlite3.Connection) -> dict[str, Settings]:
    """Every member's settings (a member with none stored has the defaults), one query."""
    raw: dict[str, dict[str, str]] = {}
    for author, key, value in conn.execute("SELECT author, key, value FROM member_setting"):
        raw.setdefault(author, {})[key] = value
    return {author: Settings.from_raw(values) for author, values in raw.items()}


def skips_by_author(conn: sqlite3.Connection) -> dict[str, dict[date, str | None]]:
    """Every member's skip days, one query."""
    out: dict[str, dict[date, str | None]] = {}
    for author, day, reason in conn.execute("SELECT author, day, reason FROM member_skip"):
        out.setdefault(author, {})[date.fromisoformat(day)] = reason
    return out


# -- other members' backlog items (member_backlog, schema 7) ---------------------------------

_BACKLOG_COLUMNS = ("uid", "author", "text", "annoyance", "created_at", "closed_at", "entry_uid")


def put_backlog(conn: sqlite3.Connection, author: str, uid: str, data: dict[str, Any] | None
                ) -> bool:  # fmt: skip
    """Make a member's backlog item hold a pulled version (None: deleted); True if it
    changed. A new item takes the next number of the backlog's own sequence (below)."""
    if data is None:
        return conn.execute("DELETE FROM member_backlog WHERE uid = ? AND author = ?",
                            (uid, author)).rowcount > 0  # fmt: skip
    values = [uid, author, data.get("text"), data.get("annoyance"), data.get("created_at"),
              data.get("closed_at"), data.get("entry_uid")]  # fmt: skip
    row = conn.execute(f"SELECT {', '.join(_BACKLOG_COLUMNS)} FROM member_backlog WHERE uid = ?",
                       (uid,)).fetchone()  # fmt: skip
    if row is not None:
        if list(row) == values:
            return False
        sets = ", ".join(f"{c} = ?" for c in _BACKLOG_COLUMNS[1:])
        conn.execute(f"UPDATE member_backlog SET {sets} WHERE uid = ?", [*values[1:], uid])
        return True
    conn.execute(f"INSERT INTO member_backlog (id, {', '.join(_BACKLOG_COLUMNS)}) VALUES "
                 f"(?, {', '.join('?' * len(_BACKLOG_COLUMNS))})",
                 [_next_backlog_id(conn), *values])  # fmt: skip
    return True


def _next_backlog_id(conn: sqlite3.Connection) -> int:
    """The next number of the backlog's AUTOINCREMENT sequence, taken: no item of this
    journal's own gets it after (SQLite starts above the sequence), so a backlog id names
    one item, yours or a member's."""
    (n,) = conn.execute(
        "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'backlog'), 0), "
        "(SELECT coalesce(max(id), 0) FROM backlog), "
        "(SELECT coalesce(max(id), 0) FROM member_backlog)) + 1").fetchone()  # fmt: skip
    if conn.execute("UPDATE sqlite_sequence SET seq = ? WHERE name = 'backlog'", (n,)).rowcount == 0:
        conn.execute("INSERT INTO sqlite_sequence (name, seq) VALUES ('backlog', ?)", (n,))
    return n
