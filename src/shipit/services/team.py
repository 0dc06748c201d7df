"""`shipit team`: every member's day, streak and week, from this journal's replica of
the hub (run `shipit sync` first for the latest). One read transaction.

Local-first: the team view reads the rows the last sync brought here, never the hub,
so it works offline and costs no connection. Each member's row reads only what the
table shows (domain.team.team_row): the days with a ship back to where the current
streak broke, the skip days and the settings, not every day's counts.
"""

from __future__ import annotations

from shipit.domain import dates
from shipit.domain.settings import Settings
from shipit.domain.team import MemberRow, team_row
from shipit.storage import figures as figures_sql
from shipit.storage import members as members_sql
from shipit.services.journal import Journal


def team(journal: Journal) -> list[MemberRow]:
    """You first, then the members by name; each with their own settings."""
    with journal.store.reading() as conn:
        own = members_sql.own_author(conn)
        authors = members_sql.authors(conn)
        last = members_sql.last_ships(conn, authors)
        settings = figures_sql.read_settings(conn)
        today = dates.today(settings.day_starts_at)
        rows = [team_row(own, True, members_sql.ship_days(conn, None, today),
                         figures_sql.read_skips(conn), settings, today, last.get(None))]  # fmt: skip
        all_settings = members_sql.settings_by_author(conn)
        all_skips = members_sql.skips_by_author(conn)
        for author in authors:
            settings = all_settings.get(author) or Settings.from_raw({})
            today = dates.today(settings.day_starts_at)
            rows.append(team_row(author, False, members_sql.ship_days(conn, author, today),
                                 all_skips.get(author, {}), settings, today,
                                 last.get(author)))  # fmt: skip
    return rows
