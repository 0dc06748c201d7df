"""Entries in SQL: the filters, the reads, and the row format of stored values.

Reads are plain SQL straight from the driver's cursor: no ORM classes (the daily
glance starts faster) and no per-value result processing (whole journals stream
several times faster). Writes go through storage.rows, which records every change.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime
from typing import Any

from shipit.domain.entries import EntryData, Filters, parse_entry_ref
from shipit.domain.errors import NotFoundError

ENTRY_COLUMNS = ("id", "uid", "kind", "text", "day", "created_at", "updated_at", "note",
                 "minutes", "decision", "outcome", "lesson")  # fmt: skip
# An entry's tags as one space-separated string, sorted (NULL without tags): kept on the
# entry's row by triggers on entry_tag (schema 8, storage.schema.ENTRY_TAG_TRIGGERS).
TAGS_COLUMN = "entry.tag_text"
ENTRY_ROW_COLUMNS = (
    f"id, uid, kind, text, day, created_at, updated_at, {TAGS_COLUMN}, "
    "note, minutes, decision, outcome, lesson"
)


def db_datetime(instant: datetime) -> str:
    """An aware instant in the journal's storage format: UTC, 'YYYY-MM-DD HH:MM:SS.ffffff'.

    Exactly what SQLModel's UTCDateTime columns store (tests/test_store.py pins the two
    together)."""
    return instant.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def from_db_datetime(value: str) -> datetime:
    # Stored values are UTC without an offset; parsing with one is ~6x cheaper than
    # parsing naive and then .replace(tzinfo=UTC).
    return datetime.fromisoformat(value + "+00:00")


def db_instant(value: str | None) -> datetime | None:
    return None if value is None else from_db_datetime(value)


def entry_image(e: Any, entry_id: int | None) -> dict[str, Any]:
    """An entry as storage.rows stores it (the row's columns and its sorted tags).

    `e` is anything with an entry's fields: an EntryData, or an entry read from an
    import file (which has no id yet)."""
    image = {
        "id": entry_id, "uid": e.uid, "kind": e.kind, "text": e.text,
        "day": e.day.isoformat(), "created_at": db_datetime(e.created_at),
        "updated_at": db_datetime(e.updated_at), "note": e.note, "minutes": e.minutes,
        "decision": e.decision, "outcome": e.outcome, "lesson": e.lesson,
        "tags": sorted(e.tags),
    }  # fmt: skip
    if getattr(e, "private", False):  # an imported entry kept on this machine
        image["private"] = True
    return image


def private_uids(conn: sqlite3.Connection) -> set[str]:
    """The entries kept on this machine (sync never sends them)."""
    return {uid for (uid,) in conn.execute("SELECT uid FROM private_entry")}


def filter_sql(filters: Filters) -> tuple[list[str], list[Any]]:
    """SQL conditions on the entry table for `filters` (all but the limit).

    Returns (conditions to AND, '?' parameters). Shared by every reader of a selection
    (list, export and the Markdown summary's counts), so they always agree.
    """
    where: list[str] = []
    params: list[Any] = []
    if filters.since:
        where.append("day >= ?")
        params.append(filters.since.isoformat())
    if filters.until:
        where.append("day <= ?")
        params.append(filters.until.isoformat())
    if filters.kind:
        where.append("kind = ?")
        params.append(filters.kind)
    for tag in filters.tags:
        where.append("id IN (SELECT entry_id FROM entry_tag WHERE tag = ?)")
        params.append(tag)
    if filters.search:
        needle = filters.search.casefold()
        where.append("(instr(shipit_casefold(text), ?) > 0 "
                     "OR instr(shipit_casefold(coalesce(note, '')), ?) > 0 "
                     "OR instr(shipit_casefold(coalesce(lesson, '')), ?) > 0)")  # fmt: skip
        params += [needle, needle, needle]
    for column, value in filters.extra.items():
        if column not in ENTRY_COLUMNS:
            raise ValueError(f"not an entry column: {column!r}")
        where.append(f"{column} = ?")
        params.append(value)
    return where, params


def entry_rows(
    conn: sqlite3.Connection,
    columns: str,
    where: Sequence[str] = (),
    params: Sequence[Any] = (),
    *,
    order: str = "desc",
    limit: int | None = None,
    joins: str = "",
) -> sqlite3.Cursor:
    """A driver cursor over `columns` of the entries matching `where` (ANDed).

    Ordered by day then id (the order they were logged in), newest first unless
    order="asc". Whole-journal readers (export) take the raw rows from here; `joins`
    adds tables to read columns from (a LEFT JOIN clause).
    """
    sql = f"SELECT {columns} FROM entry {joins}".rstrip()
    if where:
        sql += " WHERE " + " AND ".join(f"({w})" for w in where)
    sql += " ORDER BY day DESC, id DESC" if order == "desc" else " ORDER BY day, id"
    args = list(params)
    if limit:
        sql += " LIMIT ?"
        args.append(int(limit))
    return conn.execute(sql, args)


def row_to_entry(row: tuple[Any, ...], days: dict[str, date]) -> EntryData:
    """An entry from a raw row in ENTRY_ROW_COLUMNS order."""
    (id_, uid, kind, text, day, created, updated, tags, note, minutes, decision, outcome,
     lesson) = row  # fmt: skip
    parsed_day = days.get(day)
    if parsed_day is None:
        parsed_day = days[day] = date.fromisoformat(day)
    return EntryData(
        id=id_, uid=uid, kind=kind, text=text, day=parsed_day,
        created_at=from_db_datetime(created), updated_at=from_db_datetime(updated),
        tags=tuple(sorted(tags.split(" "))) if tags else (), note=note, minutes=minutes,
        decision=decision, outcome=outcome, lesson=lesson,
    )  # fmt: skip


def select(
    conn: sqlite3.Connection,
    where: Sequence[str] = (),
    params: Sequence[Any] = (),
    *,
    order: str = "desc",
    limit: int | None = None,
) -> Iterator[EntryData]:
    """Entries matching the SQL conditions `where` (ANDed, '?' placeholders)."""
    cursor = entry_rows(conn, ENTRY_ROW_COLUMNS, where, params, order=order, limit=limit)
    days: dict[str, date] = {}
    for row in cursor:
        yield row_to_entry(row, days)


def query(conn: sqlite3.Connection, filters: Filters, *, order: str = "desc"
          ) -> Iterator[EntryData]:  # fmt: skip
    where, params = filter_sql(filters)
    return select(conn, where, params, order=order, limit=filters.limit)


def get(conn: sqlite3.Connection, ref: str | int) -> EntryData:
    """The entry a user names by id (or uid); NotFoundError when there is none."""
    column, value = ("id", ref) if isinstance(ref, int) else parse_entry_ref(ref)
    found = list(select(conn, [f"{column} = ?"], [value]))
    if not found:
        if column == "id":
            raise NotFoundError("entries.no_entry", id=value)
        raise NotFoundError("entries.no_entry_uid", uid=value)
    return found[0]


def by_uids(conn: sqlite3.Connection, uids: Sequence[str]) -> Iterator[EntryData]:
    marks = ", ".join("?" * len(uids))
    return select(conn, [f"uid IN ({marks})"], list(uids))


def all_uids(conn: sqlite3.Connection) -> set[str]:
    return {uid for (uid,) in conn.execute("SELECT uid FROM entry")}


def selection_counts(conn: sqlite3.Connection, where: list[str], params: list[Any]
                     ) -> tuple[dict[str, int], date | None, date | None, int]:  # fmt: skip
    """For a filtered selection: entries by kind, first and last day, distinct days."""
    cond = " WHERE " + " AND ".join(f"({w})" for w in where) if where else ""
    by_kind: dict[str, int] = {}
    first = last = None
    for kind, n, lo_s, hi_s in conn.execute(
        f"SELECT kind, count(*), min(day), max(day) FROM entry{cond} GROUP BY kind", params
    ):
        lo_d, hi_d = date.fromisoformat(lo_s), date.fromisoformat(hi_s)
        by_kind[kind] = n
        first = lo_d if first is None or lo_d < first else first
        last = hi_d if last is None or hi_d > last else last
    days = conn.execute(f"SELECT count(DISTINCT day) FROM entry{cond}", params).fetchone()[0]
    return by_kind, first, last, days


def tag_counts(conn: sqlite3.Connection) -> list[tuple[str, int, date]]:
    """Every tag with the number of entries that have it and the last day it was used,
    most used first (then by name)."""
    rows = conn.execute(
        "SELECT t.tag, count(*), max(e.day) FROM entry_tag t JOIN entry e ON e.id = t.entry_id "
        "GROUP BY t.tag ORDER BY count(*) DESC, t.tag"
    )
    return [(tag, n, date.fromisoformat(last)) for tag, n, last in rows]
