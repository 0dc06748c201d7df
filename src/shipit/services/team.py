"""`shipit team`, `week --team`, `export --team`: every member's day, streak and week,
from this journal's replica of the hub (run `shipit sync` first for the latest). One
read transaction each.

Local-first: the team views read the rows the last sync brought here, never the hub,
so they work offline and cost no connection. Each member's row in `team` reads only
what the table shows (domain.team.team_row): the days with a ship back to where the
current streak broke, the skip days and the settings, not every day's counts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import IO

from shipit.domain import dates, review
from shipit.domain.entries import EntryData, Filters
from shipit.domain.errors import InputError
from shipit.domain.settings import Settings
from shipit.domain.team import MemberRow, TeamWeek, member_week, team_row
from shipit.storage import entries as entries_sql
from shipit.storage import figures as figures_sql
from shipit.storage import members as members_sql
from shipit.storage import replica
from shipit.storage.files import atomic_text_writer
from shipit.services.journal import Journal


def team(journal: Journal) -> list[MemberRow] | None:
    """You first, then the members by name; each with their own settings. None when
    the journal has no team (as `week --team`)."""
    with journal.store.reading() as conn:
        if not joined(conn):
            return None
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


def joined(conn) -> bool:  # noqa: ANN001
    """Whether this journal has a team: joined to a hub, or holding members' rows."""
    return replica.get_state(conn, "sync.url") is not None or bool(members_sql.authors(conn))


def team_week(journal: Journal, when: str | None = None) -> TeamWeek | None:
    """`week --team`: every member's ISO week containing `when` (default this week, your
    journal day), each with their own settings. None when the journal has no team."""
    with journal.store.reading() as conn:
        if not joined(conn):
            return None
        own_hist = figures_sql.read_history(conn)
        monday = review.week_monday(own_hist, when)
        weeks = [member_week(members_sql.own_author(conn), True, own_hist, monday)]
        for author in members_sql.authors(conn):
            weeks.append(member_week(author, False, members_sql.read_history(conn, author),
                                     monday))  # fmt: skip
    return TeamWeek(monday, own_hist.today, tuple(weeks))


@dataclass(frozen=True)
class TeamExport:
    """`export --team`: the team's entries oldest first, by day then member (you first),
    and their skip days. This journal's private entries are never in it."""

    members: tuple[tuple[str, bool], ...]  # (author, you), you first
    entries: tuple[tuple[str, EntryData], ...]  # (author, entry)
    skips: tuple[tuple[str, date, str | None], ...]  # (author, day, reason)
    filters: Filters
    exported_at: datetime
    exported_on: date


def team_export(journal: Journal, filters: Filters) -> TeamExport | None:
    """The team's journal as `export --team` writes it (one read transaction); None when
    the journal has no team."""
    filters = filters.without_limit()
    with journal.store.reading() as conn:
        if not joined(conn):
            return None
        own = members_sql.own_author(conn)
        private = entries_sql.private_uids(conn)
        rows = [(own, e) for e in entries_sql.query(conn, filters, order="asc")
                if e.uid not in private]  # fmt: skip
        skips = [(own, d, r) for d, r in figures_sql.read_skips(conn).items()]
        others = members_sql.authors(conn)
        for author in others:
            rows.extend((author, e) for e in members_sql.query(conn, author, filters, order="asc"))
            skips.extend((author, d, r) for d, r in members_sql.read_skips(conn, author).items())
        today = dates.today(figures_sql.read_settings(conn).day_starts_at)
    rank = {own: 0, **{a: i + 1 for i, a in enumerate(others)}}
    rows.sort(key=lambda r: (r[1].day, rank[r[0]], r[1].created_at))
    if filters.kind or filters.tags or filters.search:
        skips = []  # a narrowed export is about entries
    lo, hi = filters.since, filters.until
    skips = sorted(((a, d, r) for a, d, r in skips
                    if (lo is None or d >= lo) and (hi is None or d <= hi)),
                   key=lambda s: (s[1], rank[s[0]]))  # fmt: skip
    return TeamExport(((own, True), *((a, False) for a in others)), tuple(rows), tuple(skips),
                      filters, dates.now(), today)  # fmt: skip


def export_to_file(dest: Path, write: Callable[[IO[str]], int], *, force: bool = False) -> int:
    """Write an export into a file, atomically (temp file, fsync, rename), mode 0600."""
    if dest.is_dir():
        raise InputError("transfer.export_is_folder", dest=dest)
    with atomic_text_writer(dest, overwrite=force) as fh:
        return write(fh)
