"""Entries linked to Ship It projects: the link on log/step/try/edit, the nearest ship date.

Called by services.journal inside its write transaction (so it imports nothing of
services.journal), and by services.projects.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from shipit.domain import dates
from shipit.storage import figures as figures_sql
from shipit.storage import projects as projects_sql
from shipit.storage.db import Connection, Store
from shipit.storage.entries import db_datetime

if TYPE_CHECKING:
    from shipit.domain.projects import ProjectData
    from shipit.i18n import Msg
    from shipit.storage.rows import ChangeLog  # a writer hands one in: `today` needs none

# shipit.domain.projects is imported only once a project is involved (see
# storage.projects): `log` on a journal without projects stays as light as it was.


def today_of(conn: Connection, instant: datetime) -> date:
    return dates.journal_day(instant, figures_sql.read_settings(conn).day_starts_at)


# -- linking entries (Journal.add and Journal.edit call these in their transaction) ----


def link(log: ChangeLog, entry_uid: str, text: str, ref: str | None) -> str | None:
    """Link a new entry to `ref` (--project) or the first '+name' of an active project in
    its text. Returns the project's short name, or None."""
    conn = log.conn
    if ref is not None and ref.strip():
        p = projects_sql.get(conn, ref)
        log.insert("project_link", {"entry_uid": entry_uid, "project_uid": p.uid})
        return p.short
    if "+" not in text:
        return None
    from shipit.domain.projects import plus_names

    names = plus_names(text)
    if not names:
        return None
    shorts = projects_sql.active_shorts(conn)
    for name in names:
        if name in shorts:
            log.insert("project_link", {"entry_uid": entry_uid, "project_uid": shorts[name]})
            return name
    return None


def relink(log: ChangeLog, entry_uid: str, ref: str) -> bool:
    """`edit --project NAME` ('' unlinks). True when it changed."""
    conn = log.conn
    current = projects_sql.link_of(conn, entry_uid)
    if not ref.strip():
        if current is None:
            return False
        log.delete("project_link", entry_uid)
        return True
    p = projects_sql.get(conn, ref)
    if current == p.uid:
        return False
    log.put("project_link", entry_uid, {"entry_uid": entry_uid, "project_uid": p.uid})
    return True


def unlink(log: ChangeLog, entry_uid: str) -> str | None:
    """An entry is deleted: its link goes with it (recorded, so undo brings both back).

    When it was the ship (or the dropped attempt) that ended a project, the project is
    active again: it did not ship after all. Returns that project's short name."""
    conn = log.conn
    if projects_sql.link_of(conn, entry_uid) is not None:
        log.delete("project_link", entry_uid)
    ended = projects_sql.ended_by(conn, entry_uid)
    if ended is None:
        return None
    uid, short = ended
    log.update("project", uid, status="active", ended_at=None, ended_day=None,
               entry_uid=None, updated_at=db_datetime(log.instant))  # fmt: skip
    return short


def visible(conn: Connection, projects: list[ProjectData]) -> list[ProjectData]:
    """The projects this journal's author belongs to: their own cards, and the team's
    (sync brought them) where they are the owner or a member; each with its author."""
    if all(p.author is None for p in projects):
        return projects
    from shipit.domain.projects import belongs
    from shipit.storage.members import own_author

    me = own_author(conn)
    return [p for p in projects if p.author is None or belongs(
        p, projects_sql.answers(conn, p.uid).get("members", ("", ""))[1], me)]


def nearest(conn: Connection) -> tuple[ProjectData, Msg] | None:
    """The active project that ships soonest, and its time left (the glance, `log`)."""
    active = visible(conn, projects_sql.projects(conn))
    if not active:
        return None
    from shipit.domain.projects import time_left_msg

    instant = dates.now()
    p = active[0]
    return p, time_left_msg(p, instant, today_of(conn, instant))


def nearest_in(store: Store) -> tuple[ProjectData, Msg] | None:
    with store.reading() as conn:
        return nearest(conn)


def project_filter(conn: Connection, ref: str) -> tuple[list[str], list[Any]]:
    """`list --project NAME`: the SQL condition on entries."""
    p = projects_sql.get(conn, ref)
    return [projects_sql.LINKED], [p.uid]
