"""`shipit status`: today's prompt status, from the status file when it is fresh.

The fast path reads one small file (no SQLite query, no Typer, no Rich); when the file
is missing or older than the journal, the journal is read and the file rewritten.
"""

from __future__ import annotations

from shipit.domain import dates
from shipit.domain.prompt import HEADER, DayStatus, current, parse_status
from shipit.storage.status import journal_file, read_fresh_status, status_path


def cached_status() -> tuple[bool, DayStatus | None]:
    """(found, status): found is False when the file is missing, stale or past its days."""
    text = read_fresh_status(journal_file())
    if text is None or not text.startswith(HEADER):
        # Missing, stale, or cut short (the file is not fsynced: a crash may leave it
        # empty): read the journal and write it again.
        return False, None
    days = parse_status(text)
    if not days:
        return True, None  # an empty journal: nothing to show
    found = current(days, dates.now().timestamp())
    return found is not None, found


def today_status(*, refresh: bool = False) -> DayStatus | None:
    """Today's status; the file is read when fresh, else recomputed and rewritten."""
    if not refresh:
        found, status = cached_status()
        if found:
            return status
    from shipit.services.journal import Journal

    journal = Journal()
    if not refresh and not journal.store.exists():
        return None
    days = journal.refresh_status()
    return current(days, dates.now().timestamp())


def status_file() -> str:
    return status_path(journal_file())


def default_home() -> str:
    """The journal's folder when SHIPIT_HOME is unset (what a prompt snippet falls back on)."""
    import os

    saved = os.environ.pop("SHIPIT_HOME", None)
    try:
        return os.path.dirname(journal_file())
    finally:
        if saved is not None:
            os.environ["SHIPIT_HOME"] = saved
