"""The change history: `history` lists it, `undo` reverts the last change, `redo`
re-applies what undo reverted (until a new change is made).

Undo walks back through the changes in effect, newest first, as an editor's undo does;
each undo and redo is itself a change (so `history` shows it and sync can send it).
Before writing anything, every row the change touched is checked to still hold what
the change left there: a row changed again later makes the undo refuse, naming the
later change, and nothing is applied.
"""

from __future__ import annotations

from shipit.domain import dates
from shipit.domain.changes import Change, RowChange, same_values
from shipit.domain.errors import InputError
from shipit.i18n import Msg
from shipit.storage import rows as rows_sql
from shipit.storage.entries import db_datetime
from shipit.storage.db import Connection
from shipit.storage.rows import ChangeLog, read_image
from shipit.services.journal import Journal

UNDO, REDO = "undo", "redo"
MAX_HISTORY = 10_000


class ChangedSince(InputError):
    """The rows of a change were changed again later: undo or redo would half-apply."""


def history(journal: Journal, limit: int | None = 20) -> list[Change]:
    """The recent changes, newest first (each with its first few rows and its row count)."""
    if limit is not None and not 0 <= limit <= MAX_HISTORY:
        raise InputError("history.invalid_limit", limit=limit, n=MAX_HISTORY)
    if not journal.store.exists():
        return []
    with journal.store.reading() as conn:
        return rows_sql.recent_changes(conn, limit or None)


def pending(journal: Journal, action: str) -> Change | None:
    """The change `undo` (or `redo`) would revert (re-apply) now, with all its rows."""
    if not journal.store.exists():
        return None
    with journal.store.reading() as conn:
        seq = _target(conn, action)
        return None if seq is None else rows_sql.get_change(conn, seq)


def apply(journal: Journal, action: str, change: Change) -> Change:
    """Undo (or redo) `change`, the one `pending` showed (with all its rows).

    Returns the recorded undo/redo change. If another command changed the history
    meanwhile, nothing is done and the user is asked to look again.
    """
    instant = dates.now()
    with journal.store.writing() as conn:
        if _target(conn, action) != change.seq:
            raise InputError("history.changed_meanwhile", action=action)
        since = change.seq if action == UNDO else (change.undone_by or change.seq)
        stamp = db_datetime(instant)
        steps = []
        for row in reversed(change.rows) if action == UNDO else change.rows:
            expect, wanted = (row.after, row.before) if action == UNDO else (row.before, row.after)
            current = read_image(conn, row.table, row.key)
            if not same_values(current, expect):
                _refuse(conn, change, since, row, action)
            if wanted is not None and "updated_at" in wanted:
                wanted = {**wanted, "updated_at": stamp}  # a new version of the row
            steps.append((row.table, row.key, current, wanted))
        log = ChangeLog(conn, action, instant, target=change.seq)
        log.begin()
        log.replace(steps)
        rows_sql.set_undone_by(conn, change.seq, log.seq if action == UNDO else None)
        return log.as_change()


def _target(conn: Connection, action: str) -> int | None:
    if action == UNDO:
        return rows_sql.last_undoable(conn)
    if action == REDO:
        return rows_sql.last_redoable(conn)
    raise ValueError(action)


def _refuse(conn: Connection, change: Change, since: int, row: RowChange, action: str) -> None:
    later = rows_sql.later_change(conn, since, row.table, row.key)
    what = Msg("history.change_ref", seq=change.seq, command=change.command)
    if later is not None:
        raise ChangedSince("history.changed_since", Msg("history.changed_since_hint")
                           if action == UNDO else None, action=action, what=what,
                           later=Msg("history.change_ref", seq=later[0], command=later[1]),
                           table=Msg(f"history.table_{row.table}"))  # fmt: skip
    raise ChangedSince("history.no_longer_holds", action=action, what=what)
