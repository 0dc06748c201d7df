"""Every write to the journal's rows, recorded in the change history as it happens.

A row is read and written as an *image*: a dict of its stored column values (an
entry's image adds its sorted tags). `ChangeLog` applies a write and records the
row's image before and after it in the same transaction, in `change` and
`change_row`; a deleted row leaves a tombstone (its table, key, when, which change).
Undo applies the images before, in reverse order; redo the images after, in order.

"Every row changed since local sequence N" is `rows_changed_since(conn, n)`: one range
scan of change_row's primary key, then the rows' current images (or tombstones).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any, NamedTuple

from shipit.domain.changes import HISTORY_MOVES, NOT_YOURS, Change, RowChange, same_values
from shipit.domain.entries import new_uid
from shipit.storage.entries import db_datetime, from_db_datetime


class TableSpec(NamedTuple):
    name: str
    key: str  # the column rows are matched by across journals
    columns: tuple[str, ...]
    has_tags: bool = False


TABLES = {
    "entry": TableSpec("entry", "uid", ("id", "uid", "kind", "text", "day", "created_at",
                       "updated_at", "note", "minutes", "decision", "outcome", "lesson"),
                       has_tags=True),  # fmt: skip
    "backlog": TableSpec("backlog", "uid", ("id", "uid", "text", "annoyance", "created_at",
                         "closed_at", "entry_id")),  # fmt: skip
    "skip": TableSpec("skip", "day", ("day", "reason", "created_at")),
    "setting": TableSpec("setting", "key", ("key", "value")),
    "project": TableSpec("project", "uid", ("id", "uid", "short", "name", "status", "owner",
                         "ship_at", "ship_day", "thrash_until", "start_day", "created_at",
                         "updated_at", "ended_at", "ended_day", "entry_uid")),  # fmt: skip
    "project_answer": TableSpec("project_answer", "uid", ("uid", "project_uid", "question",
                                "text", "updated_at")),  # fmt: skip
    "project_thrash": TableSpec("project_thrash", "uid", ("uid", "project_uid", "text", "at",
                                "day", "late")),  # fmt: skip
    "project_move": TableSpec("project_move", "uid", ("uid", "project_uid", "at", "from_at",
                              "to_at", "reason")),  # fmt: skip
    "project_link": TableSpec("project_link", "entry_uid", ("entry_uid", "project_uid")),
}
Image = dict[str, Any]


def _select_sql(spec: TableSpec, where: str) -> str:
    return f"SELECT {', '.join(spec.columns)} FROM {spec.name} WHERE {where}"


def read_image(conn: sqlite3.Connection, table: str, key: Any) -> Image | None:
    spec = TABLES[table]
    row = conn.execute(_select_sql(spec, f"{spec.key} = ?"), (key,)).fetchone()
    if row is None:
        return None
    image = dict(zip(spec.columns, row, strict=True))
    if spec.has_tags:
        image["tags"] = sorted(tag for (tag,) in conn.execute(
            "SELECT tag FROM entry_tag WHERE entry_id = ?", (image["id"],)))  # fmt: skip
        if conn.execute("SELECT 1 FROM private_entry WHERE uid = ?", (key,)).fetchone():
            image["private"] = True  # absent when false: images from before schema 4 match
    return image


def read_images(conn: sqlite3.Connection, table: str) -> dict[Any, Image]:
    """Every row of a table as images, by key (restore compares whole journals)."""
    spec = TABLES[table]
    images = {}
    for row in conn.execute(f"SELECT {', '.join(spec.columns)} FROM {spec.name}"):
        image = dict(zip(spec.columns, row, strict=True))
        images[image[spec.key]] = image
    if spec.has_tags:
        tags: dict[int, list[str]] = {}
        for entry_id, tag in conn.execute("SELECT entry_id, tag FROM entry_tag ORDER BY tag"):
            tags.setdefault(entry_id, []).append(tag)
        private = {uid for (uid,) in conn.execute("SELECT uid FROM private_entry")}
        for image in images.values():
            image["tags"] = tags.get(image["id"], [])
            if image["uid"] in private:
                image["private"] = True
    return images


def write_image(conn: sqlite3.Connection, table: str, key: Any, image: Image | None) -> Image | None:
    """Make the row `key` hold `image` (insert or update), or delete it (None).

    An insert without an id gets the next one; an update keeps the row's id (other
    rows refer to it). Returns the image as stored (with its id).
    """
    spec = TABLES[table]
    if image is None:
        conn.execute(f"DELETE FROM {spec.name} WHERE {spec.key} = ?", (key,))
        if spec.has_tags:
            conn.execute("DELETE FROM private_entry WHERE uid = ?", (key,))
        return None
    cols = [c for c in spec.columns if not (c == "id" and image.get("id") is None)]
    sets = ", ".join(f"{c} = excluded.{c}" for c in cols if c not in ("id", spec.key))
    sql = (f"INSERT INTO {spec.name} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))}) "
           f"ON CONFLICT ({spec.key}) DO " + (f"UPDATE SET {sets}" if sets else "NOTHING"))  # fmt: skip
    conn.execute(sql, [image[c] for c in cols])
    if "id" in spec.columns:  # the id it got, or kept
        row_id = conn.execute(f"SELECT id FROM {spec.name} WHERE {spec.key} = ?",
                              (key,)).fetchone()[0]  # fmt: skip
        image = {**image, "id": row_id}
    if spec.has_tags:
        conn.execute("DELETE FROM entry_tag WHERE entry_id = ?", (image["id"],))
        tags = sorted(image.get("tags") or ())
        image = {**image, "tags": tags}
        if tags:
            conn.executemany("INSERT INTO entry_tag (entry_id, tag) VALUES (?, ?)",
                             [(image["id"], t) for t in tags])  # fmt: skip
        if image.get("private"):
            conn.execute("INSERT OR IGNORE INTO private_entry (uid) VALUES (?)", (key,))
        else:
            conn.execute("DELETE FROM private_entry WHERE uid = ?", (key,))
            image.pop("private", None)
    return image


class ChangeLog:
    """Records one command's change while it writes (inside its write transaction).

    The change row is written when the first row changes: a command that changes
    nothing leaves no change behind.
    """

    def __init__(self, conn: sqlite3.Connection, command: str, instant: datetime,
                 target: int | None = None) -> None:  # fmt: skip
        self.conn = conn
        self.command = command
        self.instant = instant
        self.target = target
        self.seq: int | None = None
        self.uid: str | None = None
        self.rows: list[RowChange] = []

    def begin(self) -> int:
        """Write the change row now (it is otherwise written with the first row)."""
        if self.seq is None:
            self.uid = new_uid()
            cur = self.conn.execute(
                "INSERT INTO change (uid, at, command, target) VALUES (?, ?, ?, ?)",
                (self.uid, db_datetime(self.instant), self.command, self.target),
            )
            self.seq = cur.lastrowid
        return self.seq  # type: ignore[return-value]

    def record(self, changes: Sequence[RowChange]) -> None:
        """Record rows already written (bulk writers: import, restore).

        A row whose values did not change (bookkeeping such as updated_at aside) is
        not a change: nothing is recorded for it."""
        changes = [c for c in changes if not same_values(c.before, c.after)]
        if not changes:
            return
        seq = self.begin()
        start = len(self.rows)
        self.conn.executemany(
            "INSERT INTO change_row (change_seq, pos, tbl, key, old_values, new_values) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(seq, start + i, c.table, str(c.key), _dump(c.before), _dump(c.after))
             for i, c in enumerate(changes)],
        )  # fmt: skip
        gone = [(c.table, str(c.key), db_datetime(self.instant), seq)
                for c in changes if c.after is None]  # fmt: skip
        back = [(c.table, str(c.key)) for c in changes if c.after is not None and c.before is None]
        if gone:
            self.conn.executemany(
                "INSERT INTO tombstone (tbl, key, deleted_at, seq) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (tbl, key) DO UPDATE SET deleted_at = excluded.deleted_at, "
                "seq = excluded.seq", gone)  # fmt: skip
        if back:
            self.conn.executemany("DELETE FROM tombstone WHERE tbl = ? AND key = ?", back)
        self.rows.extend(changes)

    def put(self, table: str, key: Any, image: Image | None) -> Image | None:
        """Write one row (insert, update or delete) and record it."""
        before = read_image(self.conn, table, key)
        after = write_image(self.conn, table, key, image)
        self.record([RowChange(table, str(key), before, after)])
        return after

    def insert(self, table: str, image: Image) -> Image:
        key = image[TABLES[table].key]
        after = write_image(self.conn, table, key, image)
        assert after is not None
        self.record([RowChange(table, str(key), None, after)])
        return after

    def update(self, table: str, key: Any, **values: Any) -> tuple[Image, Image]:
        before = read_image(self.conn, table, key)
        if before is None:
            raise LookupError(f"no {table} row {key!r}")
        after = write_image(self.conn, table, key, {**before, **values})
        assert after is not None
        self.record([RowChange(table, str(key), before, after)])
        return before, after

    def replace(self, rows: Sequence[tuple[str, str, Image | None, Image | None]]) -> None:
        """Make each row (table, key, current image, wanted image) hold the wanted image.

        For undo and redo, where a row may come back with another id than a row that
        holds that id now (a restore of another journal): first every row that goes
        away, or whose id changes, is deleted; then the others are written, ids as
        wanted. Foreign keys are checked at commit, when every row is in place.
        """
        self.conn.execute("PRAGMA defer_foreign_keys = ON")
        moved = []
        for table, key, current, wanted in rows:
            if current is not None and (wanted is None or wanted.get("id") != current.get("id")):
                write_image(self.conn, table, key, None)
                moved.append((table, key))
        for table, key, current, wanted in rows:
            if wanted is not None and ((table, key) in moved or not same_values(current, wanted)):
                write_image(self.conn, table, key, wanted)
        self.record([RowChange(t, str(k), cur, want) for t, k, cur, want in rows])

    def as_change(self) -> Change:
        """What this log recorded, as history shows it (no need to read it back)."""
        seq = self.begin()
        counts: dict[str, int] = {}
        for row in self.rows:
            counts[row.table] = counts.get(row.table, 0) + 1
        return Change(seq, self.uid or "", self.instant, self.command, self.target, None,
                      len(self.rows), tuple(self.rows), None, counts)  # fmt: skip

    def delete(self, table: str, key: Any) -> Image | None:
        before = read_image(self.conn, table, key)
        if before is not None:
            write_image(self.conn, table, key, None)
            self.record([RowChange(table, str(key), before, None)])
        return before


def _dump(image: Image | None) -> str | None:
    from json import dumps  # here, not at import: reading commands never need it

    return None if image is None else dumps(image, ensure_ascii=False, sort_keys=True)


def _load(text: str | None) -> Image | None:
    from json import loads

    return None if text is None else loads(text)


# -- reading the history -----------------------------------------------------------------

_CHANGE_COLUMNS = "seq, uid, at, command, target, undone_by"
_MOVES = ", ".join(f"'{m}'" for m in HISTORY_MOVES + NOT_YOURS)


def _change(conn: sqlite3.Connection, row: tuple[Any, ...], *, all_rows: bool,
            preview: int = 3) -> Change:  # fmt: skip
    seq, uid, at, command, target, undone_by = row
    counts = dict(conn.execute("SELECT tbl, count(*) FROM change_row WHERE change_seq = ? "
                               "GROUP BY tbl", (seq,)).fetchall())  # fmt: skip
    count = sum(counts.values())
    sql = ("SELECT tbl, key, old_values, new_values FROM change_row WHERE change_seq = ? "
           "ORDER BY pos")  # fmt: skip
    params: list[Any] = [seq]
    if not all_rows:
        sql += " LIMIT ?"
        params.append(preview)
    rows = tuple(RowChange(t, k, _load(b), _load(a)) for t, k, b, a in conn.execute(sql, params))
    target_command = None
    if target is not None:
        found = conn.execute("SELECT command FROM change WHERE seq = ?", (target,)).fetchone()
        target_command = found[0] if found else None
    return Change(seq, uid, from_db_datetime(at), command, target, undone_by, count, rows,
                  target_command, counts)  # fmt: skip


def get_change(conn: sqlite3.Connection, seq: int, *, all_rows: bool = True) -> Change | None:
    row = conn.execute(f"SELECT {_CHANGE_COLUMNS} FROM change WHERE seq = ?", (seq,)).fetchone()
    return None if row is None else _change(conn, row, all_rows=all_rows)


def last_undoable(conn: sqlite3.Connection) -> int | None:
    """The newest change in effect that is not itself an undo or redo."""
    row = conn.execute(
        f"SELECT seq FROM change WHERE command NOT IN ({_MOVES}) AND undone_by IS NULL "
        "ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    return None if row is None else row[0]


def last_redoable(conn: sqlite3.Connection) -> int | None:
    """The change the latest undo reverted, unless a new change was made since."""
    newest = conn.execute(
        f"SELECT seq FROM change WHERE command NOT IN ({_MOVES}) ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    row = conn.execute(
        "SELECT seq FROM change WHERE undone_by > ? ORDER BY undone_by DESC LIMIT 1",
        (newest[0] if newest else 0,),
    ).fetchone()
    return None if row is None else row[0]


def later_change(conn: sqlite3.Connection, after_seq: int, table: str, key: str
                 ) -> tuple[int, str] | None:  # fmt: skip
    """The newest change after `after_seq` that touched this row: (seq, command)."""
    return conn.execute(
        "SELECT c.seq, c.command FROM change_row AS r JOIN change AS c ON c.seq = r.change_seq "
        "WHERE r.tbl = ? AND r.key = ? AND r.change_seq > ? ORDER BY r.change_seq DESC LIMIT 1",
        (table, key, after_seq),
    ).fetchone()


def set_undone_by(conn: sqlite3.Connection, seq: int, by: int | None) -> None:
    conn.execute("UPDATE change SET undone_by = ? WHERE seq = ?", (by, seq))


def recent_changes(conn: sqlite3.Connection, limit: int | None) -> list[Change]:
    sql = f"SELECT {_CHANGE_COLUMNS} FROM change ORDER BY seq DESC"
    params: list[Any] = []
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    return [_change(conn, row, all_rows=False) for row in conn.execute(sql, params).fetchall()]


def rows_changed_since(conn: sqlite3.Connection, seq: int
                       ) -> Iterable[tuple[str, str, Image | None]]:  # fmt: skip
    """Every row changed after local sequence `seq`: (table, key, current image or None
    for a deletion, whose tombstone says when)."""
    keys = conn.execute(
        "SELECT tbl, key, max(change_seq) FROM change_row WHERE change_seq > ? "
        "GROUP BY tbl, key ORDER BY 3", (seq,)).fetchall()  # fmt: skip
    for table, key, _ in keys:
        yield table, key, read_image(conn, table, key)
