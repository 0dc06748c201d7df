"""Whole-journal reads and bulk writes: the rows exports stream and imports insert."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from itertools import chain
from typing import TYPE_CHECKING, Any

from shipit.storage.entries import db_datetime, entry_rows

if TYPE_CHECKING:  # the import's data: domain.importing is not imported by an export
    from shipit.domain.importing import ImportBacklogItem, ImportEntry, ImportSkip

# entry.tag_text: the entry's tags kept on its row (schema 8), read without a join.
MARKDOWN_COLUMNS = "day, kind, text, tag_text, note, minutes, decision, outcome, lesson"


def markdown_rows(conn: sqlite3.Connection, where: list[str], params: list[Any]
                  ) -> Iterator[tuple[Any, ...]]:  # fmt: skip
    """The Markdown writer's rows (domain.exporting.MarkdownRow), oldest first."""
    cursor = entry_rows(conn, MARKDOWN_COLUMNS, where, params, order="asc")
    # In batches: reading a thousand rows, then formatting them, is measurably faster
    # than alternating row by row (docs/performance.md).
    return chain.from_iterable(iter(lambda: cursor.fetchmany(1000), []))


def insert_entries(conn: sqlite3.Connection, new: Sequence[ImportEntry]) -> dict[str, int]:
    """Bulk insert: one executemany for the entries, one for their tags. Returns ids by uid.

    The rows are exactly what storage.rows writes for one entry, without per-row
    statement overhead.
    """
    if not new:
        return {}
    # Under the write lock, and with AUTOINCREMENT, every id above today's largest is ours.
    before = conn.execute("SELECT coalesce(max(id), 0) FROM entry").fetchone()[0]
    conn.executemany(
        "INSERT INTO entry (uid, kind, text, day, created_at, updated_at, note, minutes, "
        "decision, outcome, lesson) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(e.uid, e.kind, e.text, e.day.isoformat(), db_datetime(e.created_at),
          db_datetime(e.updated_at), e.note, e.minutes, e.decision, e.outcome, e.lesson)
         for e in new],
    )  # fmt: skip
    ids = dict(conn.execute("SELECT uid, id FROM entry WHERE id > ?", (before,)).fetchall())
    rows = [(ids[e.uid], tag) for e in new for tag in e.tags]
    if rows:
        conn.executemany("INSERT INTO entry_tag (entry_id, tag) VALUES (?, ?)", rows)
    private = [(e.uid,) for e in new if e.private]
    if private:
        conn.executemany("INSERT OR IGNORE INTO private_entry (uid) VALUES (?)", private)
    return ids


def skip_image(s: ImportSkip) -> dict[str, Any]:
    return {"day": s.day.isoformat(), "reason": s.reason, "created_at": db_datetime(s.created_at)}


def insert_skips(conn: sqlite3.Connection, skips: Sequence[ImportSkip]) -> None:
    conn.executemany("INSERT INTO skip (day, reason, created_at) VALUES (?, ?, ?)",
                     [tuple(skip_image(s).values()) for s in skips])  # fmt: skip


def backlog_image(b: ImportBacklogItem, item_id: int, entry_id: int | None) -> dict[str, Any]:
    return {
        "id": item_id, "uid": b.uid, "text": b.text, "annoyance": b.annoyance,
        "created_at": db_datetime(b.created_at),
        "closed_at": db_datetime(b.closed_at) if b.closed_at else None, "entry_id": entry_id,
    }  # fmt: skip


def insert_backlog(conn: sqlite3.Connection, items: Sequence[ImportBacklogItem],
                   entry_ids: dict[str, int]) -> dict[str, int]:  # fmt: skip
    """Insert backlog items (linked to their step entries by uid). Returns ids by uid."""
    before = conn.execute("SELECT coalesce(max(id), 0) FROM backlog").fetchone()[0]
    conn.executemany(
        "INSERT INTO backlog (uid, text, annoyance, created_at, closed_at, entry_id) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [(b.uid, b.text, b.annoyance, db_datetime(b.created_at),
          db_datetime(b.closed_at) if b.closed_at else None,
          entry_ids.get(b.entry_uid) if b.entry_uid else None) for b in items],
    )  # fmt: skip
    return dict(conn.execute("SELECT uid, id FROM backlog WHERE id > ?", (before,)).fetchall())


def insert_settings(conn: sqlite3.Connection, values: Sequence[tuple[str, str]]) -> None:
    conn.executemany("INSERT INTO setting (key, value) VALUES (?, ?)", values)


def entry_ids(conn: sqlite3.Connection, uids: Sequence[str]) -> dict[str, int]:
    from shipit.domain.importing import chunks

    out: dict[str, int] = {}
    for chunk in chunks(list(uids)):
        marks = ", ".join("?" * len(chunk))
        out.update(conn.execute(f"SELECT uid, id FROM entry WHERE uid IN ({marks})", chunk))
    return out
