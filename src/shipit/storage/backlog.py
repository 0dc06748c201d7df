"""The backlog in SQL: items in the order `step list` shows them."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from shipit.domain.errors import NotFoundError, NotYourItem
from shipit.domain.steps import BacklogData
from shipit.storage.entries import db_instant, from_db_datetime

_COLUMNS = "id, uid, text, annoyance, created_at, closed_at, entry_id"
# A member's item (member_backlog, schema 7): the step that closed it has no id here.
_MEMBER_COLUMNS = "id, uid, text, annoyance, created_at, closed_at, NULL"


def _item(row: Sequence[Any], author: str | None = None) -> BacklogData:
    id_, uid, text, annoyance, created, closed, entry_id = row
    return BacklogData(id=id_, uid=uid, text=text, annoyance=annoyance,
                       created_at=from_db_datetime(created), closed_at=db_instant(closed),
                       entry_id=entry_id, author=author)  # fmt: skip


def items(conn: sqlite3.Connection, *, include_closed: bool = False,
          author: str | None = None) -> list[BacklogData]:  # fmt: skip
    """Open items, most annoying first, then oldest first; closed ones after them.
    `author`: another member's items as the last sync brought them (read only here)."""
    where, params = ([], []) if author is None else (["author = ?"], [author])
    if not include_closed:
        where.append("closed_at IS NULL")
    sql = (f"SELECT {_COLUMNS} FROM backlog" if author is None else
           f"SELECT {_MEMBER_COLUMNS} FROM member_backlog")  # fmt: skip
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY closed_at IS NOT NULL, annoyance DESC, created_at, id"
    return [_item(row, author) for row in conn.execute(sql, params)]


def get(conn: sqlite3.Connection, item_id: int) -> BacklogData:
    row = conn.execute(f"SELECT {_COLUMNS} FROM backlog WHERE id = ?", (item_id,)).fetchone()
    if row is None:
        theirs = conn.execute("SELECT author FROM member_backlog WHERE id = ?",
                              (item_id,)).fetchone()  # fmt: skip
        if theirs is not None:  # a teammate's item (`step list --author`): not yours
            raise NotYourItem(item_id, theirs[0])
        raise NotFoundError("steps.no_such_item", "steps.no_such_item_hint", id=item_id)
    return _item(row)


def closed_by(conn: sqlite3.Connection, entry_id: int) -> list[str]:
    """The uids of the backlog items a step entry closed."""
    return [uid for (uid,) in conn.execute("SELECT uid FROM backlog WHERE entry_id = ?",
                                           (entry_id,))]  # fmt: skip


def export_rows(conn: sqlite3.Connection) -> sqlite3.Cursor:
    """(uid, text, annoyance, created_at, closed_at, entry uid) of every item, by id."""
    return conn.execute(
        "SELECT b.uid, b.text, b.annoyance, b.created_at, b.closed_at, e.uid "
        "FROM backlog AS b LEFT OUTER JOIN entry AS e ON e.id = b.entry_id ORDER BY b.id"
    )


def by_uids(conn: sqlite3.Connection, uids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Items by uid as the import compares them (instants parsed, the entry's uid)."""
    marks = ", ".join("?" * len(uids))
    out = {}
    for uid, text, annoyance, created, closed, entry_uid in conn.execute(
        "SELECT b.uid, b.text, b.annoyance, b.created_at, b.closed_at, e.uid FROM backlog AS b "
        f"LEFT OUTER JOIN entry AS e ON e.id = b.entry_id WHERE b.uid IN ({marks})", list(uids)
    ):
        out[uid] = {"text": text, "annoyance": annoyance, "created_at": from_db_datetime(created),
                    "closed_at": db_instant(closed), "entry_uid": entry_uid}  # fmt: skip
    return out
