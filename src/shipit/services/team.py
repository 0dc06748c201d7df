"""`shipit team`: every member's day, streak and week, from this journal's replica of
the hub (run `shipit sync` first for the latest). One read transaction."""

from __future__ import annotations

from shipit.domain.team import MemberRow, member_row
from shipit.storage import figures as figures_sql
from shipit.storage import members as members_sql
from shipit.services.journal import Journal


def team(journal: Journal) -> list[MemberRow]:
    """You first, then the members by name; each with their own settings."""
    with journal.store.reading() as conn:
        own = members_sql.own_author(conn)
        last = members_sql.last_ships(conn)
        rows = [member_row(own, True, figures_sql.read_history(conn), last.get(None))]
        for author in members_sql.authors(conn):
            rows.append(member_row(author, False, members_sql.read_history(conn, author),
                                   last.get(author)))  # fmt: skip
    return rows
