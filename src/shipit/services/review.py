"""The weekly review, the calendar and skip days: read (or write) in one transaction,
built by shipit.domain.review."""

from __future__ import annotations

from datetime import timedelta

from shipit.domain import dates, review
from shipit.domain.entries import Filters
from shipit.domain.review import (
    Calendar,
    SkipChange,
    SkipRange,
    WeekReview,
    WeekTable,
    check_reason,
    days_between,
    group_skips,
    skip_range,
)
from shipit.domain.errors import InputError
from shipit.i18n import Msg
from shipit.storage import figures as figures_sql
from shipit.storage.entries import db_datetime
from shipit.storage.rows import ChangeLog, read_image
from shipit.services.journal import Journal


def week_review(journal: Journal, when: str | None = None) -> WeekReview:
    """The ISO week containing `when` (default this week), day by day."""
    with journal.store.reading() as conn:
        hist = journal.read_history(conn)
        monday = review.week_monday(hist, when)
        sunday = monday + timedelta(days=6)
        entries = journal.read_entries(conn, Filters(since=monday, until=sunday), order="asc")
    return review.build_week_review(hist, monday, entries)


def week_table(journal: Journal, when: str | None, count: int) -> WeekTable:
    """The `count` ISO weeks up to the one containing `when`."""
    return review.build_week_table(journal.history(), when, count)


def calendar(journal: Journal, *, year: int | None = None, weeks: int | None = None) -> Calendar:
    review.check_calendar_range(year, weeks)
    return review.build_calendar(journal.history(), year=year, weeks=weeks)


def add_skips(
    journal: Journal, when: str | None = None, until: str | None = None,
    reason: str | None = None,
) -> SkipChange:  # fmt: skip
    """Excuse the days `when` (default today) to `until`; one row per day.

    A day already skipped keeps its skip; a reason given replaces its reason.
    """
    reason = check_reason(reason)
    instant = dates.now()
    with journal.store.writing() as conn:
        today = dates.journal_day(instant, figures_sql.read_settings(conn).day_starts_at)
        start, end = skip_range(today, when, until, what="day")
        log = ChangeLog(conn, "skip", instant)
        existing = 0
        for day in days_between(start, end):
            key = day.isoformat()
            old = read_image(conn, "skip", key)
            if old is not None:
                existing += 1
                if reason is None or old["reason"] == reason:
                    continue
                log.put("skip", key, {**old, "reason": reason})
            else:
                log.insert("skip", {"day": key, "reason": reason,
                                    "created_at": db_datetime(instant)})  # fmt: skip
    total = (end - start).days + 1
    return SkipChange(start, end, added=total - existing, kept=existing, reason=reason)


def remove_skips(journal: Journal, when: str, until: str | None = None) -> SkipChange:
    """Remove the skip days from `when` to `until`; refuses when there are none."""
    instant = dates.now()
    with journal.store.writing() as conn:
        today = dates.journal_day(instant, figures_sql.read_settings(conn).day_starts_at)
        start, end = skip_range(today, when, until, what="--remove")
        log = ChangeLog(conn, "unskip", instant)
        removed = sum(log.delete("skip", d.isoformat()) is not None
                      for d in days_between(start, end))  # fmt: skip
        if not removed:
            span: str | Msg = start.isoformat() if start == end else Msg(
                "stats.span_to", start=start.isoformat(), end=end.isoformat())  # fmt: skip
            raise InputError("stats.no_skip_day", span=span)
    return SkipChange(start, end, added=-removed, kept=0, reason=None)


def skip_ranges(journal: Journal) -> list[SkipRange]:
    """Every skip day, as runs of consecutive days with the same reason, oldest first."""
    with journal.store.reading() as conn:
        skips = figures_sql.read_skips(conn)
    return group_skips(skips)
