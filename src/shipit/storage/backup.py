"""Backups and restores of the journal file, through SQLite's online backup API.

A backup is `Store.backup`: a consistent copy, safe while another process writes,
written atomically and 0600.

A restore never copies files over the live journal (its -wal and -shm files would no
longer match). Instead:

1. the file to restore is read through the backup API from a read-only connection
   into a private staging copy beside the journal (the user's file is never written);
2. the staging copy is checked: a SQLite file, a shipit journal (application_id),
   a schema this shipit knows, `PRAGMA integrity_check` and `foreign_key_check` clean;
3. the current journal is backed up (`backups/journal-...-pre-restore.db`);
4. the staging copy's rows replace the live journal's, in one transaction under the
   write lock: other processes see the old journal or the new one, never a mixture,
   and the WAL stays consistent. The live journal keeps its change history, and the
   restore is one change in it (every row it removed, changed or added), so `undo`
   reverts a restore like any other change.

Any problem with the file is an InputError (exit 2) raised before step 3: the
journal is unchanged.

A live journal that cannot be used at all (corrupt, truncated, unreadable, not a
regular file) does not stop a restore: it is moved aside, never deleted, to
`journal.db.broken-<UTC time>` (with its -wal and -shm) beside it, and the restore
goes into a new journal. A locked journal, a newer shipit's journal or another
program's database are refused as when opening them.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from shipit.domain.changes import RowChange
from shipit.domain.dates import now
from shipit.domain.errors import InputError, JournalError
from shipit.i18n import Msg
from shipit.storage.db import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    BrokenJournalError,
    Store,
    busy_timeout_ms,
    commit,
    copy_database,
    describe_db_error,
    ensure_private_dir,
)
from shipit.storage.files import SIDE_FILES, check_not_protected, protect, unprotect
from shipit.storage.rows import TABLES, ChangeLog, read_images

SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class JournalFileInfo:
    """What a checked journal file holds."""

    path: Path
    schema_version: int
    entries: int


@dataclass(frozen=True)
class RestoreResult:
    source: JournalFileInfo
    previous: Path | None  # the backup of the journal as it was before the restore
    set_aside: Path | None = None  # where a broken live journal was moved


def backup_journal(store: Store, dest: Path | None = None) -> Path:
    """A consistent copy of the journal at `dest` (default: backups/ beside it)."""
    if not store.path.exists():
        raise InputError("transfer.nothing_to_back_up", path=store.path)
    # The same checks as opening it: a FIFO, a device, a foreign or corrupt file, a
    # newer journal are refused here, never copied as a "backup".
    conn = store.connection()
    if dest is not None:
        dest = Path(dest)
        check_not_protected(dest)
        if dest.is_dir():
            raise InputError("transfer.backup_is_folder", dest=dest)
        if dest.exists() or dest.is_symlink():
            raise InputError("transfer.backup_exists", dest=dest)
    return store.backup(dest, conn=conn)


def _check_staged(conn: sqlite3.Connection, source: Path) -> JournalFileInfo:
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if app_id != APPLICATION_ID or version < 1:
            raise InputError("transfer.not_a_journal", source=source)
        if version > SCHEMA_VERSION:
            raise InputError("transfer.newer_schema", "transfer.upgrade_hint", source=source,
                             version=version, known=SCHEMA_VERSION)  # fmt: skip
        problems = [row[0] for row in conn.execute("PRAGMA integrity_check(5)")]
        if problems != ["ok"]:
            first = (problems[0].splitlines()[0] if problems and problems[0]
                     else Msg("transfer.integrity_failed"))  # fmt: skip
            raise InputError("transfer.damaged_integrity", source=source, problem=first)
        if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
            raise InputError("transfer.damaged_keys", source=source)
        entries = conn.execute("SELECT count(*) FROM entry").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise InputError("transfer.damaged_or_not_journal", source=source, error=str(exc)
                         ) from None  # fmt: skip
    return JournalFileInfo(path=source, schema_version=version, entries=entries)


@contextlib.contextmanager
def _staged(source: Path, folder: Path):  # noqa: ANN202
    """Copy `source` into a private staging file in `folder`, check it, yield it open."""
    source = Path(source)
    if not source.exists():
        raise InputError("transfer.does_not_exist", source=source)
    if not source.is_file():
        raise InputError("transfer.not_a_file", source=source)
    try:
        with open(source, "rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise InputError("transfer.cannot_read", source=source, reason=exc.strerror) from None
    if not header.startswith(SQLITE_MAGIC):
        raise InputError("transfer.not_sqlite", source=source)
    if len(header) < 100:
        raise InputError("transfer.truncated", source=source)
    with tempfile.TemporaryDirectory(prefix=".restore-", dir=folder) as tmp:
        staged = Path(tmp) / "journal.db"
        uri = source.resolve().as_uri() + "?mode=ro"
        src = sqlite3.connect(uri, uri=True, timeout=busy_timeout_ms() / 1000)
        dst = sqlite3.connect(staged)
        try:
            try:
                copy_database(src, dst)
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise InputError("transfer.damaged_or_not_sqlite", source=source,
                                     error=str(exc)) from None  # fmt: skip
                raise JournalError("transfer.source_locked", "transfer.source_locked_hint",
                                   source=source) from None  # fmt: skip
            except sqlite3.DatabaseError as exc:
                raise InputError("transfer.damaged_or_not_sqlite", source=source, error=str(exc)
                                 ) from None  # fmt: skip
            finally:
                src.close()
            info = _check_staged(dst, source)
            yield dst, info
        finally:
            dst.close()


# The journal's data tables, copied by a restore. The change history (change,
# change_row, tombstone) stays the live journal's own.
_PROJECT_TABLES = ("project", "project_answer", "project_thrash", "project_move", "project_link")
DATA_TABLES = ("entry", "entry_tag", "private_entry", "setting", "skip", "backlog",
               *_PROJECT_TABLES)  # fmt: skip
# Order of the restore's recorded rows, so that undo (reverse order) and redo (forward)
# never meet a foreign key or an id still in use: rows removed first (items before the
# entries they point at), then rows changed, then rows added (entries before items).
_REMOVE_ORDER = ("backlog", "entry", "skip", "setting", *_PROJECT_TABLES)
_ADD_ORDER = ("entry", "backlog", "skip", "setting", *_PROJECT_TABLES)


def restore_journal(store: Store, source: Path) -> RestoreResult:
    """Replace the journal's content with `source` (checked first; journal backed up).

    Under ONE write lock: the pre-restore copy is taken while the lock is held and the
    content is replaced in that same IMMEDIATE transaction, so an entry another shell
    logs meanwhile either landed before (and is in the pre-restore copy) or waits and
    lands after the restore. Never lost between the two.
    """
    source = Path(source)
    live = store.path
    if live.exists() and source.exists():
        with contextlib.suppress(OSError):
            if os.path.samefile(source, live):
                raise InputError("transfer.restore_the_journal", source=source)
    ensure_private_dir(live.parent)
    protect(source, Msg("transfer.the_backup_being_restored"))  # type: ignore[arg-type]
    try:
        return _restore(store, source)
    finally:
        unprotect(source)


def _restore(store: Store, source: Path) -> RestoreResult:
    live = store.path
    existed = live.is_file() and live.stat().st_size > 0
    with _staged(source, live.parent) as (staged, info):
        staged_path = Path(staged.execute("PRAGMA database_list").fetchone()[2])
        staged.close()
        if info.schema_version < SCHEMA_VERSION:
            _migrate(staged_path)
        # Create or migrate the live journal first, so both have the current schema;
        # a broken one is moved aside first.
        conn, set_aside = _open_or_set_aside(store)
        had_journal = set_aside is None and existed
        previous = None
        try:
            conn.execute("PRAGMA foreign_keys = OFF")  # rows arrive in any order
            conn.execute("ATTACH DATABASE ? AS staged", (str(staged_path),))
            conn.execute("BEGIN IMMEDIATE")
            try:
                if had_journal:
                    # A second connection reads the last committed state: in WAL mode
                    # our write lock does not block it, and no other writer can commit
                    # until we do, so the copy is exactly what the restore replaces.
                    previous = store.backup(label="pre-restore")
                before = {t: read_images(conn, t) for t in TABLES}
                for table in DATA_TABLES:
                    cols = ", ".join(f'"{row[1]}"' for row in conn.execute(
                        f'PRAGMA main.table_info("{table}")'))  # fmt: skip
                    conn.execute(f'DELETE FROM main."{table}"')
                    conn.execute(f'INSERT INTO main."{table}" ({cols}) '
                                 f'SELECT {cols} FROM staged."{table}"')  # fmt: skip
                after = {t: read_images(conn, t) for t in TABLES}
                ChangeLog(conn, "restore", now()).record(_diff(before, after))
                commit(conn)
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            finally:
                # Tidying up after the outcome is decided: never turns it into a failure.
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("DETACH DATABASE staged")
                    conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.Error as exc:
            err = describe_db_error(exc, live)
            hint = Msg("transfer.restore_failed_hint", path=previous) if previous else err.hint_msg
            raise JournalError("transfer.restore_failed", hint, path=live, error=err.msg
                               ) from exc  # fmt: skip
    return RestoreResult(source=info, previous=previous, set_aside=set_aside)


def _open_or_set_aside(store: Store) -> tuple[sqlite3.Connection, Path | None]:
    """The live journal's connection; a broken journal is first moved aside (kept)."""
    try:
        conn = store.connection()
        problems = [row[0] for row in conn.execute("PRAGMA quick_check(1)")]
        if problems == ["ok"]:
            return conn, None
    except BrokenJournalError:
        pass
    except sqlite3.DatabaseError as exc:
        err = describe_db_error(exc, store.path)
        if not isinstance(err, BrokenJournalError):
            raise err from exc
    store.close()
    live = store.path
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = live.with_name(f"{live.name}.broken-{stamp}")
    n = 1
    while aside.exists() or aside.is_symlink():
        n += 1
        aside = live.with_name(f"{live.name}.broken-{stamp}-{n}")
    try:
        os.rename(live, aside)  # the link itself if it is one; never deleted
        for side in SIDE_FILES:
            if os.path.lexists(f"{live}{side}"):
                os.rename(f"{live}{side}", f"{aside}{side}")
    except OSError as exc:
        raise JournalError("transfer.cannot_set_aside", "transfer.cannot_set_aside_hint",
                           path=live, reason=exc.strerror) from None  # fmt: skip
    return store.connection(), aside


def _diff(before: dict[str, dict], after: dict[str, dict]) -> list[RowChange]:
    removed = [RowChange(t, str(k), v, None) for t in _REMOVE_ORDER
               for k, v in before[t].items() if k not in after[t]]  # fmt: skip
    changed = [RowChange(t, str(k), v, after[t][k]) for t in _ADD_ORDER
               for k, v in before[t].items() if k in after[t] and after[t][k] != v]  # fmt: skip
    added = [RowChange(t, str(k), None, v) for t in _ADD_ORDER
             for k, v in after[t].items() if k not in before[t]]  # fmt: skip
    return removed + changed + added


def _migrate(path: Path) -> None:
    """Bring a staged copy from an older shipit up to the current schema."""
    staged_store = Store(path)
    try:
        staged_store.connection()
    finally:
        staged_store.close()
