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
from shipit.domain.changes import BOOKKEEPING, Change, RowChange
from shipit.domain.errors import InputError
from shipit.storage import rows as rows_sql
from shipit.storage.entries import db_datetime
from shipit.storage.rows import ChangeLog, read_image
from shipit.services.journal import Journal

UNDO, REDO = "undo", "redo"
MAX_HISTORY = 10_000


class ChangedSince(InputError):
    """The rows of a change were changed again later: undo or redo would half-apply."""


def history(journal: Journal, limit: int | None = 20) -> list[Change]:
    """The recent changes, newest first (each with its first few rows and its row count)."""
    if limit is not None and not 0 <= limit <= MAX_HISTORY:
        raise InputError(f"invalid --limit {limit}: expected 0 (all) to {MAX_HISTORY:,}")
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


def apply(journal: Journal, action: str, expected: int | None = None) -> Change:
    """Undo (or redo) the change `pending` showed; the recorded undo/redo change is returned.

    `expected` is the seq the user was shown: if another command changed the history
    meanwhile, nothing is done and the user is asked to look again.
    """
    instant = dates.now()
    with journal.store.writing() as conn:
        seq = _target(conn, action)
        if seq is None:
            raise InputError(f"nothing to {action}")
        if expected is not None and seq != expected:
            raise InputError(f"the history changed meanwhile: nothing was done; run '{action}' again")
        target = rows_sql.get_change(conn, seq)
        assert target is not None
        since = target.seq if action == UNDO else (target.undone_by or target.seq)
        for row in target.rows:
            expect = row.after if action == UNDO else row.before
            _check_unchanged(conn, target, since, row, expect, action)
        log = ChangeLog(conn, action, instant, target=seq)
        undo_seq = log.begin()
        steps = reversed(target.rows) if action == UNDO else target.rows
        stamp = db_datetime(instant)
        for row in steps:
            image = row.before if action == UNDO else row.after
            if image is not None and "updated_at" in image:
                image = {**image, "updated_at": stamp}  # a new version of the row
            log.put(row.table, row.key, image)
        rows_sql.set_undone_by(conn, seq, undo_seq if action == UNDO else None)
        done = rows_sql.get_change(conn, undo_seq)
    assert done is not None
    return done


def _target(conn: object, action: str) -> int | None:
    if action == UNDO:
        return rows_sql.last_undoable(conn)  # type: ignore[arg-type]
    if action == REDO:
        return rows_sql.last_redoable(conn)  # type: ignore[arg-type]
    raise ValueError(action)


def _same(a: dict | None, b: dict | None) -> bool:
    if a is None or b is None:
        return a is b
    keys = (a.keys() | b.keys()) - BOOKKEEPING
    return all(a.get(k) == b.get(k) for k in keys)


def _check_unchanged(conn: object, target: Change, since: int, row: RowChange,
                     expect: dict | None, action: str) -> None:  # fmt: skip
    current = read_image(conn, row.table, row.key)  # type: ignore[arg-type]
    if _same(current, expect):
        return
    later = rows_sql.later_change(conn, since, row.table, row.key)  # type: ignore[arg-type]
    what = f"change #{target.seq} ({target.command})"
    if later is not None:
        raise ChangedSince(
            f"cannot {action} {what}: change #{later[0]} ({later[1]}) changed the same "
            f"{row.table} since",
            f"{action} that one first, or leave it" if action == UNDO else None,
        )
    raise ChangedSince(f"cannot {action} {what}: the journal no longer holds what it left")
