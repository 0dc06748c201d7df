"""The figures of `stats` and the streak line of `log` and the daily glance."""

from __future__ import annotations

from shipit.domain import stats
from shipit.domain.history import History
from shipit.services.journal import Journal


def history(journal: Journal) -> History:
    """Everything the figures are computed from, in one read transaction."""
    return journal.history()


def figures(journal: Journal) -> stats.Figures:
    """All the figures of `shipit stats`, as of today's journal day."""
    return history(journal).figures()


def sliced_history(journal: Journal, *, tag: str | None = None, since: str | None = None,
                   until: str | None = None) -> History:  # fmt: skip
    """The history of a slice for `stats --tag/--since/--until` (WHENs as the user typed them)."""
    from shipit.domain import dates
    from shipit.domain.entries import normalise_tag
    from shipit.domain.errors import InputError
    from shipit.storage import figures as figures_sql

    tag_ = normalise_tag(tag) if tag is not None else None
    with journal.store.reading() as conn:
        today = dates.today(figures_sql.read_settings(conn).day_starts_at)
        s = dates.parse_when(since, today, what="--since") if since is not None else None
        u = None
        if until is not None:
            span = dates.period(until, today)
            u = span[1] if span else dates.parse_when(until, today, what="--until")
            u = min(u, today)
        if s and u and s > u:
            raise InputError("stats.since_after_until", since=since, until=until)
        return figures_sql.read_history(conn, tag=tag_, since=s, until=u)
