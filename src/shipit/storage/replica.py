"""This journal as a replica of a hub: its local state, what it has to push, and how a
pulled row version lands in it.

- local_state: `device_id`, `sync.url`, `sync.pushed_seq` (the last local change
  sent), `sync.hub_seq` (the last hub sequence number seen), `sync.last_at`.
- What to push: every row a local change (not a `sync` change) touched after
  `sync.pushed_seq`, with the instant of that change as the version's instant. The
  journal's own rows are the author's; the `author` setting itself does not travel.
- A pulled version of one's own row is written through storage.rows (a `sync`
  change: `history` shows it; `undo` never reverts it). Another member's entry, skip,
  setting or backlog item goes to the member_* tables (not a change of this journal).
- Projects travel too (docs/sync.md, "Projects"). A card (the project, its answers and
  date moves) is the rows of the journal that planned it; a thrash item or a link is
  the rows of whoever added it. Another member's project rows land in the project
  tables themselves (a `sync` change, so a member can link work to the card), marked
  with their author in local_state (`author.<table>.<key>`): a local command never
  changes them, and they are never pushed from here.
- A link of a private entry stays here like its entry; an entry made private takes
  its link off the hub with it.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from shipit.storage import members as members_sql
from shipit.storage.entries import db_datetime, from_db_datetime
from shipit.storage.rows import ChangeLog, read_image

SYNC_COMMAND = "sync"
# Rows that never travel: the journal's identity.
LOCAL_ONLY = {("setting", "author")}
# The order rows are applied in: entries before the backlog items that point to them,
# a project before its answers, moves and thrash, entries and projects before links.
TABLE_ORDER = {"entry": 0, "setting": 1, "skip": 2, "backlog": 3, "project": 4,
               "project_answer": 5, "project_move": 6, "project_thrash": 7, "project_link": 8}
PROJECT_TABLES = ("project", "project_answer", "project_move", "project_thrash", "project_link")
# What the journal's sync knows of (local_state `sync.tables`): a journal that synced
# before projects travelled sends its project rows once, whatever it pushed before.
TABLES_VERSION = "2"


@dataclass(frozen=True)
class Pending:
    tbl: str
    key: str
    seq: int  # the last local change that touched it
    at: str  # that change's instant (storage format)
    image: dict[str, Any] | None
    device: str | None = None  # the version's device when not this one (a resent pull)


# This device's sync settings (docs/sync.md: auto-sync) never travel either.
LOCAL_ONLY |= {("setting", "sync.auto"), ("setting", "sync.timeout")}


def get_state(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM local_state WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_state(conn: sqlite3.Connection, key: str, value: str | None) -> None:
    if value is None:
        conn.execute("DELETE FROM local_state WHERE key = ?", (key,))
    else:
        conn.execute("INSERT INTO local_state (key, value) VALUES (?, ?) ON CONFLICT (key) "
                     "DO UPDATE SET value = excluded.value", (key, value))  # fmt: skip


def last_seq(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT coalesce(max(seq), 0) FROM change").fetchone()[0]


# local_state `sync.full`: the next sync sends every row this journal may push (it
# joined another hub, or its author was renamed), whoever wrote its newest version.
FULL_PUSH = "sync.full"
# A row whose newest version was pulled (made on another device of yours) is sent
# again, by a full push, as THAT version: its instant and device, kept at the pull in
# local_state `version.<table>.<key>` ("<instant> <device>"), so the hub's "newest
# wins" compares the real versions whichever of your devices sends it first. A row
# pulled before these were kept goes with the oldest instant there is: it fills a hub
# that lacks the row and never replaces a version the hub has.
RESENT_AT = "1970-01-01 00:00:00.000000"


def _version_mark(tbl: str, key: str) -> str:
    return f"version.{tbl}.{key}"


def keep_pulled_version(conn: sqlite3.Connection, tbl: str, key: str, at: str, device: str
                        ) -> None:  # fmt: skip
    """Remember the version a pull just applied to one of your own rows."""
    set_state(conn, _version_mark(tbl, key), f"{at} {device}")


def _pulled_versions(conn: sqlite3.Connection) -> dict[tuple[str, str], tuple[str, str]]:
    out = {}
    for mark, value in conn.execute("SELECT key, value FROM local_state "
                                    "WHERE key LIKE 'version.%'"):  # fmt: skip
        _, tbl, key = mark.split(".", 2)
        at, _, device = value.rpartition(" ")
        out[(tbl, key)] = (at, device)
    return out


def pending(conn: sqlite3.Connection, after: int, *, full: bool = False) -> list[Pending]:
    """The journal's rows changed locally after change `after`, each once, newest state.
    `full`: every row ever written here (pulled ones too, tombstones included); a row
    whose newest version was pulled goes as that version (keep_pulled_version), or with
    the instant RESENT_AT when none was kept."""
    pulled: dict[tuple[str, str], tuple[str, str]] = {}
    if full:
        sql = ("SELECT r.tbl, r.key, max(r.change_seq), "  # bare columns: of that change
               "CASE WHEN c.command = ? THEN ? ELSE c.at END FROM change_row AS r "
               "JOIN change AS c ON c.seq = r.change_seq GROUP BY r.tbl, r.key")  # fmt: skip
        rows = conn.execute(sql, (SYNC_COMMAND, RESENT_AT)).fetchall()
        pulled = _pulled_versions(conn)
        after = 0
    else:
        sql = ("SELECT r.tbl, r.key, max(r.change_seq), max(c.at) FROM change_row AS r "
               "JOIN change AS c ON c.seq = r.change_seq "
               "WHERE r.change_seq > ? AND c.command != ? GROUP BY r.tbl, r.key")  # fmt: skip
        rows = conn.execute(sql, (after, SYNC_COMMAND)).fetchall()
    if after and get_state(conn, "sync.tables") != TABLES_VERSION:  # projects: once, all
        tables = ", ".join(f"'{t}'" for t in PROJECT_TABLES)
        rows = [r for r in rows if r[0] not in PROJECT_TABLES] + conn.execute(
            sql.replace("GROUP BY", f"AND r.tbl IN ({tables}) GROUP BY"),
            (0, SYNC_COMMAND)).fetchall()  # fmt: skip
    team = team_keys(conn) if any(r[0] in PROJECT_TABLES for r in rows) else set()
    out = []
    links: dict[str, Pending] = {}
    for tbl, key, seq, at in rows:
        if (tbl, key) in LOCAL_ONLY or tbl not in TABLE_ORDER or (tbl, key) in team:
            continue  # another member's project rows are theirs to push
        image = read_image(conn, tbl, key)
        if tbl == "project_link" and _is_private(conn, key):
            if not _was_shared(conn, "entry", key, after):
                continue  # a private entry's link stays here with it
            image = None
        if image is not None and image.get("private"):
            if not _was_shared(conn, tbl, key, after):
                continue  # private all along: nothing of it leaves this machine
            image = None  # made private after it was shared: it leaves the hub
            if tbl == "entry" and read_image(conn, "project_link", key) is not None:
                links[key] = Pending("project_link", key, seq, at, None)  # its link too
        elif tbl == "entry" and image is not None and _was_private(conn, key, after):
            link = read_image(conn, "project_link", key)  # shared again: its link too
            if link is not None:
                links[key] = Pending("project_link", key, seq, at, link)
        if tbl == "project_link":
            links.pop(key, None)
        device = None
        if at == RESENT_AT and (tbl, key) in pulled:
            at, device = pulled[(tbl, key)]
        out.append(Pending(tbl, key, seq, at, image, device))
    have = {p.key for p in out if p.tbl == "project_link"}
    out += [p for k, p in links.items() if k not in have]
    out.sort(key=lambda p: (TABLE_ORDER[p.tbl], p.seq))
    return out


def _is_private(conn: sqlite3.Connection, uid: str) -> bool:
    return conn.execute("SELECT 1 FROM private_entry WHERE uid = ?", (uid,)).fetchone() is not None


def _was_private(conn: sqlite3.Connection, uid: str, after: int) -> bool:
    """Whether the entry was private before the first change after `after`."""
    row = _first_local_change(conn, "entry", uid, after)
    return bool(row and row[0] and json.loads(row[0]).get("private"))


def _first_local_change(conn: sqlite3.Connection, tbl: str, key: str, after: int
                        ) -> tuple[str | None] | None:  # fmt: skip
    """The row's values before the first change after `after` made here (not by a
    sync: a row a sync brought was on the hub already)."""
    return conn.execute(
        "SELECT r.old_values FROM change_row AS r JOIN change AS c ON c.seq = r.change_seq "
        "WHERE r.tbl = ? AND r.key = ? AND r.change_seq > ? AND c.command != ? "
        "ORDER BY r.change_seq, r.pos LIMIT 1", (tbl, key, after, SYNC_COMMAND)).fetchone()  # fmt: skip


# -- other members' project rows (local_state `author.<table>.<key>`) -------------------


def _mark(tbl: str, key: str) -> str:
    return f"author.{tbl}.{key}"


def team_keys(conn: sqlite3.Connection) -> set[tuple[str, str]]:
    """(table, key) of every project row here that another member wrote."""
    out = set()
    for (mark,) in conn.execute("SELECT key FROM local_state WHERE key GLOB 'author.*'"):
        _, tbl, key = mark.split(".", 2)
        out.add((tbl, key))
    return out


def row_author(conn: sqlite3.Connection, tbl: str, key: str) -> str | None:
    """Another member who wrote this project row, or None: the journal's own."""
    return get_state(conn, _mark(tbl, key))


def _was_shared(conn: sqlite3.Connection, tbl: str, key: str, after: int) -> bool:
    """Whether the row existed, not private, before the first change after `after`
    made here."""
    row = _first_local_change(conn, tbl, key, after)
    if row is None or row[0] is None:
        return False
    return not json.loads(row[0]).get("private")


def to_hub(conn: sqlite3.Connection, tbl: str, image: dict[str, Any] | None
           ) -> dict[str, Any] | None:  # fmt: skip
    """A local row image as the hub stores it: no local ids (they differ per device);
    a backlog item names the entry that closed it by uid."""
    if image is None:
        return None
    data = {k: v for k, v in image.items() if k != "id"}
    if tbl == "backlog":
        entry_id = data.pop("entry_id", None)
        data["entry_uid"] = None
        if entry_id is not None:  # a private entry's uid never leaves this machine
            row = conn.execute("SELECT uid FROM entry WHERE id = ? AND uid NOT IN "
                               "(SELECT uid FROM private_entry)", (entry_id,)).fetchone()  # fmt: skip
            data["entry_uid"] = row[0] if row else None
    return data


def _to_local(conn: sqlite3.Connection, tbl: str, key: str, data: dict[str, Any]
              ) -> dict[str, Any]:  # fmt: skip
    image = dict(data)
    if tbl in ("entry", "backlog", "project"):
        row = conn.execute(f"SELECT id FROM {tbl} WHERE uid = ?", (key,)).fetchone()
        image["id"] = row[0] if row else None
    if tbl == "backlog":
        uid = image.pop("entry_uid", None)
        found = uid and conn.execute("SELECT id FROM entry WHERE uid = ?", (uid,)).fetchone()
        image["entry_id"] = found[0] if found else None
    return image


def changed_since(conn: sqlite3.Connection, tbl: str, key: str, after: int) -> bool:
    """Whether a local change after `after` touched the row (it waits to be pushed)."""
    return conn.execute(
        "SELECT 1 FROM change_row AS r JOIN change AS c ON c.seq = r.change_seq "
        "WHERE r.tbl = ? AND r.key = ? AND r.change_seq > ? AND c.command != ? LIMIT 1",
        (tbl, key, after, SYNC_COMMAND)).fetchone() is not None  # fmt: skip


def apply_own(log: ChangeLog, tbl: str, key: str, data: dict[str, Any] | None) -> bool:
    """Make one of the journal's own rows hold a pulled version; True if it changed."""
    conn = log.conn
    before = read_image(conn, tbl, key)
    if before is not None and before.get("private"):
        return False  # kept on this machine: what the hub says of it does not apply
    if data is None:
        if before is None:
            return False
        if tbl == "entry":  # what pointed at the entry goes with it, as `delete` does
            for (uid,) in conn.execute("SELECT uid FROM backlog WHERE entry_id = ?",
                                       (before["id"],)).fetchall():  # fmt: skip
                log.update("backlog", uid, closed_at=None, entry_id=None)
            log.delete("project_link", key)
        log.delete(tbl, key)
        return True
    if tbl == "project_link" and _is_private(conn, key):
        return False  # its entry is kept on this machine: so is its link
    image = _to_local(conn, tbl, key, data)
    if tbl == "project":
        image["short"] = _free_short(conn, key, image["short"], None)
    if before is not None and {k: before.get(k) for k in image} == image:
        return False
    log.put(tbl, key, image)
    return True


def _free_short(conn: sqlite3.Connection, uid: str, short: str, author: str | None) -> str:
    """The short name a pulled project takes here: its own, or, when another project
    here has it, `short-author` (then `short-author-2` ...)."""
    base = short if author is None else f"{short}-{author}"[:32]
    candidate, n = short, 1
    while True:
        row = conn.execute("SELECT uid FROM project WHERE short = ?", (candidate,)).fetchone()
        if row is None or row[0] == uid:
            return candidate
        n += 1
        candidate = base if n == 2 and author is not None else f"{base[:28]}-{n}"


def apply_team(log: ChangeLog, tbl: str, author: str, key: str, data: dict[str, Any] | None
               ) -> bool:  # fmt: skip
    """Make another member's project row (a card, an answer, a move, a thrash item, a
    link) hold a pulled version, as a `sync` change; True if it changed."""
    conn = log.conn
    mark = _mark(tbl, key)
    before = read_image(conn, tbl, key)
    if before is not None and get_state(conn, mark) is None:
        return False  # a row of this journal's own: no member's version replaces it
    if data is None:
        set_state(conn, mark, None)
        if before is None:
            return False
        log.delete(tbl, key)
        return True
    image = _to_local(conn, tbl, key, data)
    if tbl == "project":
        image["short"] = _free_short(conn, key, image["short"], author)
    set_state(conn, mark, author)
    if before is not None and {k: before.get(k) for k in image} == image:
        return False
    log.put(tbl, key, image)
    return True


def apply_member(log: ChangeLog, tbl: str, author: str, key: str,
                 data: dict[str, Any] | None) -> bool:  # fmt: skip
    """Make another member's row hold a pulled version; True if it changed."""
    conn = log.conn
    if tbl in PROJECT_TABLES:
        return apply_team(log, tbl, author, key, data)
    if tbl == "entry":
        if data is None:
            return conn.execute("DELETE FROM member_entry WHERE uid = ? AND author = ?",
                                (key, author)).rowcount > 0  # fmt: skip
        cols = ("uid", "author", "kind", "text", "day", "created_at", "updated_at", "tags",
                "note", "minutes", "decision", "outcome", "lesson")  # fmt: skip
        values = {**data, "uid": key, "author": author,
                  "tags": " ".join(sorted(data.get("tags") or ())) or None}  # fmt: skip
        sets = ", ".join(f"{c} = excluded.{c}" for c in cols if c != "uid")
        conn.execute(f"INSERT INTO member_entry ({', '.join(cols)}) VALUES "
                     f"({', '.join('?' * len(cols))}) ON CONFLICT (uid) DO UPDATE SET {sets}",
                     [values.get(c) for c in cols])  # fmt: skip
        return True
    if tbl == "skip":
        if data is None:
            return conn.execute("DELETE FROM member_skip WHERE author = ? AND day = ?",
                                (author, key)).rowcount > 0  # fmt: skip
        conn.execute("INSERT INTO member_skip (author, day, reason, created_at) VALUES "
                     "(?, ?, ?, ?) ON CONFLICT (author, day) DO UPDATE SET "
                     "reason = excluded.reason, created_at = excluded.created_at",
                     (author, key, data.get("reason"), data.get("created_at")))  # fmt: skip
        return True
    if tbl == "setting":
        if data is None:
            return conn.execute("DELETE FROM member_setting WHERE author = ? AND key = ?",
                                (author, key)).rowcount > 0  # fmt: skip
        conn.execute("INSERT INTO member_setting (author, key, value) VALUES (?, ?, ?) "
                     "ON CONFLICT (author, key) DO UPDATE SET value = excluded.value",
                     (author, key, data.get("value")))  # fmt: skip
        return True
    if tbl == "backlog":  # read only here (`step list --author NAME`)
        return members_sql.put_backlog(conn, author, key, data)
    return False


def instant(value: str) -> Any:
    return from_db_datetime(value)


__all__ = ["FULL_PUSH", "PROJECT_TABLES", "Pending", "TABLES_VERSION", "apply_member",
           "apply_own", "apply_team", "changed_since", "db_datetime", "get_state", "instant",
           "keep_pulled_version", "last_seq", "pending", "row_author", "set_state", "team_keys",
           "to_hub"]
