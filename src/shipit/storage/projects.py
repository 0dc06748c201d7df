"""Ship It projects in SQL: reads of cards, answers, thrash, date moves and links.

Writes go through storage.rows (ChangeLog), which records every change for undo.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

from typing import TYPE_CHECKING

from shipit.domain.entries import EntryData
from shipit.domain.errors import NotFoundError
from shipit.storage import entries as entries_sql
from shipit.storage.entries import db_instant, from_db_datetime

if TYPE_CHECKING:
    from shipit.domain.projects import MoveData, ProjectData, ThrashData

# shipit.domain.projects is imported where a project is built, not at the top: `log` and
# the glance on a journal without projects read one empty result and never need it.
PROJECT_COLUMNS = ("id, uid, short, name, status, owner, ship_at, ship_day, thrash_until, "
                   "start_day, created_at, updated_at, ended_at, ended_day, entry_uid, "
                   "(SELECT value FROM local_state WHERE key = 'author.project.' || uid)")  # fmt: skip
# (the last: the member whose card it is when sync brought it; storage.replica marks it)
# An entry's project, as a condition on the entry table.
LINKED = "uid IN (SELECT entry_uid FROM project_link WHERE project_uid = ?)"


def _day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _project(row: tuple[Any, ...]) -> ProjectData:
    from shipit.domain.projects import ProjectData

    (id_, uid, short, name, status, owner, ship_at, ship_day, thrash_until, start_day,
     created, updated, ended_at, ended_day, entry_uid, author) = row  # fmt: skip
    return ProjectData(
        id=id_, uid=uid, short=short, name=name, status=status, owner=owner,
        ship_at=from_db_datetime(ship_at), ship_day=date.fromisoformat(ship_day),
        thrash_until=date.fromisoformat(thrash_until), start_day=date.fromisoformat(start_day),
        created_at=from_db_datetime(created), updated_at=from_db_datetime(updated),
        ended_at=db_instant(ended_at), ended_day=_day(ended_day), entry_uid=entry_uid,
        author=author,
    )  # fmt: skip


def projects(conn: sqlite3.Connection, *, everything: bool = False) -> list[ProjectData]:
    """Active projects by ship date (all of them with `everything`)."""
    where = "" if everything else " WHERE status = 'active'"
    return [_project(r) for r in conn.execute(
        f"SELECT {PROJECT_COLUMNS} FROM project{where} ORDER BY ship_at, id")]  # fmt: skip


def find(conn: sqlite3.Connection, ref: str) -> ProjectData | None:
    """A project by its short name ('+pricing' or 'pricing'), its name (any case) or uid."""
    text = ref.strip()
    short = text.lstrip("+").lower()
    row = conn.execute(f"SELECT {PROJECT_COLUMNS} FROM project WHERE short = ? OR uid = ?",
                       (short, text.lower())).fetchone()  # fmt: skip
    if row is None:
        needle = text.casefold()
        for r in conn.execute(f"SELECT {PROJECT_COLUMNS} FROM project"):
            if r[3].strip().casefold() == needle:
                row = r
                break
    return None if row is None else _project(row)


def get(conn: sqlite3.Connection, ref: str) -> ProjectData:
    found = find(conn, ref)
    if found is None:
        raise NotFoundError("projects.not_found", ref=ref.strip())
    return found


def any_project(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM project LIMIT 1").fetchone() is not None


def short_taken(conn: sqlite3.Connection, short: str) -> bool:
    return conn.execute("SELECT 1 FROM project WHERE short = ?", (short,)).fetchone() is not None


def active_shorts(conn: sqlite3.Connection) -> dict[str, str]:
    """Active projects' short names -> uids (what '+name' words link to)."""
    return dict(conn.execute("SELECT short, uid FROM project WHERE status = 'active'"))


def answers(conn: sqlite3.Connection, project_uid: str) -> dict[str, tuple[str, str]]:
    """question -> (answer uid, text)."""
    return {q: (uid, text) for uid, q, text in conn.execute(
        "SELECT uid, question, text FROM project_answer WHERE project_uid = ?",
        (project_uid,))}  # fmt: skip


def thrash(conn: sqlite3.Connection, project_uid: str) -> list[ThrashData]:
    from shipit.domain.projects import ThrashData

    return [ThrashData(uid, p, text, from_db_datetime(at), date.fromisoformat(day), bool(late))
            for uid, p, text, at, day, late in conn.execute(
                "SELECT uid, project_uid, text, at, day, late FROM project_thrash "
                "WHERE project_uid = ? ORDER BY at, uid", (project_uid,))]  # fmt: skip


def moves(conn: sqlite3.Connection, project_uid: str) -> list[MoveData]:
    from shipit.domain.projects import MoveData

    return [MoveData(uid, p, from_db_datetime(at), from_db_datetime(f), from_db_datetime(t), r)
            for uid, p, at, f, t, r in conn.execute(
                "SELECT uid, project_uid, at, from_at, to_at, reason FROM project_move "
                "WHERE project_uid = ? ORDER BY at, uid", (project_uid,))]  # fmt: skip


def first_ship_days(conn: sqlite3.Connection) -> dict[str, str]:
    """project uid -> the ship instant first planned (before its first move), as stored."""
    return dict(conn.execute(
        "SELECT project_uid, from_at FROM project_move AS m WHERE at = "
        "(SELECT min(at) FROM project_move WHERE project_uid = m.project_uid)"))  # fmt: skip


def linked(conn: sqlite3.Connection, project_uid: str) -> list[EntryData]:
    """The entries linked to a project, oldest first."""
    return list(entries_sql.select(conn, [LINKED], [project_uid], order="asc"))


def ended_by(conn: sqlite3.Connection, entry_uid: str) -> tuple[str, str] | None:
    """The (uid, short name) of the project this entry shipped or dropped, if any."""
    row = conn.execute("SELECT uid, short FROM project WHERE entry_uid = ? AND status != 'active'",
                       (entry_uid,)).fetchone()  # fmt: skip
    return None if row is None else (row[0], row[1])


def team_linked(conn: sqlite3.Connection, project_uid: str) -> list[tuple[str, EntryData]]:
    """Other members' entries linked to a project (their links came with the sync)."""
    from shipit.storage import members

    uids = [u for (u,) in conn.execute(
        "SELECT l.entry_uid FROM project_link AS l JOIN member_entry AS m ON m.uid = l.entry_uid "
        "WHERE l.project_uid = ?", (project_uid,))]  # fmt: skip
    return members.by_uids(conn, uids) if uids else []


def link_of(conn: sqlite3.Connection, entry_uid: str) -> str | None:
    row = conn.execute("SELECT project_uid FROM project_link WHERE entry_uid = ?",
                       (entry_uid,)).fetchone()  # fmt: skip
    return None if row is None else row[0]




def ship_activity(conn: sqlite3.Connection, since: date) -> dict[str, tuple[int, str | None]]:
    """project uid -> (linked ships on or after `since`, the day of the last linked ship):
    the journal's own ships and the team's (other members' links came with the sync)."""
    out: dict[str, tuple[int, str | None]] = {}
    for table in ("entry", "member_entry"):
        for uid, n, last in conn.execute(
            "SELECT l.project_uid, sum(e.day >= ?), max(e.day) FROM project_link AS l "
            f"JOIN {table} AS e ON e.uid = l.entry_uid WHERE e.kind = 'ship' "
            "GROUP BY l.project_uid", (since.isoformat(),)):  # fmt: skip
            had, had_last = out.get(uid, (0, None))
            out[uid] = (had + (n or 0), max(filter(None, (had_last, last)), default=None))
    return out




def linked_uids(conn: sqlite3.Connection, project_uid: str) -> list[str]:
    return [u for (u,) in conn.execute(
        "SELECT entry_uid FROM project_link WHERE project_uid = ?", (project_uid,))]  # fmt: skip


def links(conn: sqlite3.Connection) -> dict[str, str]:
    """Every linked entry's uid -> its project's short name (the CSV export)."""
    return dict(conn.execute("SELECT l.entry_uid, p.short FROM project_link AS l "
                             "JOIN project AS p ON p.uid = l.project_uid"))  # fmt: skip
