"""The journal file: location, connection settings, transactions, migrations, backups.

- One SQLite file, `journal.db`, in `$SHIPIT_HOME` or the platform's user data folder.
- One connection per command (per Store), on stdlib sqlite3 in autocommit mode:
  transactions are explicit. WAL, a busy timeout, foreign keys on.
- Writes begin with `BEGIN IMMEDIATE`: the write lock is taken up front, so two shells
  writing at the same instant queue up instead of one failing half-way or losing an
  update. Reads begin with `BEGIN`: one consistent snapshot. A transaction inside
  another becomes a savepoint (as sqlite-utils' `atomic()` does).
- A file is a shipit journal only if its application id says so (or, for the oldest
  journals without one, its tables do); anything else is refused untouched. The schema
  version lives in `PRAGMA user_version`; opening a current journal costs one cheap
  query. A new journal is created from the SQLModel tables (storage/schema.py, the only
  place SQLAlchemy is imported) and stamped with the latest version; an older one is
  backed up (online backup API) and migrated forward, one transaction per migration; a
  newer one is refused untouched.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from shipit.domain.errors import InputError, JournalError
from shipit.i18n import Msg
from shipit.storage.migrations import MIGRATIONS, SCHEMA_VERSION

# What services hold while they work inside a transaction (they never use it
# themselves: they hand it back to storage functions).
Connection = sqlite3.Connection

# "SHIP" — marks a SQLite file as a shipit journal (PRAGMA application_id).
APPLICATION_ID = 0x53484950
BUSY_TIMEOUT_MS = 10_000  # default; SHIPIT_BUSY_TIMEOUT (seconds) overrides
MAX_BUSY_TIMEOUT_S = 86_400  # a day: longer is a mistake, not a wish
JOURNAL_NAME = "journal.db"
# Tables every shipit journal has had since schema 1 (recognises journals from before
# the application id was set).
_CORE_TABLES = frozenset({"entry", "entry_tag", "setting"})


def busy_timeout_ms() -> int:
    """How long a command waits for another one holding the journal's write lock.

    SHIPIT_BUSY_TIMEOUT is a number of seconds from 0 to a day; anything else (a word,
    inf, nan, a negative or huge number) is refused with a message naming the variable.
    Unset or empty: the default, 10 seconds.
    """
    raw = os.environ.get("SHIPIT_BUSY_TIMEOUT", "").strip()
    if not raw:
        return BUSY_TIMEOUT_MS
    try:
        seconds = float(raw)
    except ValueError:
        seconds = float("nan")
    if not 0 <= seconds <= MAX_BUSY_TIMEOUT_S:  # also false for nan
        raise InputError("core.busy_timeout_invalid", "core.busy_timeout_hint", value=raw,
                         limit=MAX_BUSY_TIMEOUT_S)  # fmt: skip
    return int(seconds * 1000)


def home() -> Path:
    """The folder that holds the journal: $SHIPIT_HOME or the user data folder."""
    env = os.environ.get("SHIPIT_HOME")
    if env:
        return Path(env).expanduser()
    return Path(user_data_dir())


def user_data_dir() -> str:
    """platformdirs.user_data_path("shipit"), without importing platformdirs (~3 ms)
    where its answer is certain: on Linux (not Android), $XDG_DATA_HOME/shipit when that
    is an absolute path, else ~/.local/share/shipit when $XDG_DATA_HOME is unset or empty
    and $HOME is unset or absolute. Every other case (another platform, a relative or
    blank $XDG_DATA_HOME, a relative $HOME), where platformdirs' versions differ, asks
    platformdirs itself (tests/test_store.py compares the two)."""
    if sys.platform == "linux" and "ANDROID_DATA" not in os.environ and not hasattr(
            sys, "getandroidapilevel"):  # fmt: skip
        xdg = os.environ.get("XDG_DATA_HOME", "")
        if xdg.startswith("/"):
            return os.path.join(xdg, "shipit")
        user_home = os.environ.get("HOME")
        if not xdg and (user_home is None or user_home.startswith("/")):
            share = os.path.expanduser("~/.local/share")
            if share.startswith("/"):
                return os.path.join(share, "shipit")
    import platformdirs

    return str(platformdirs.user_data_path("shipit"))


def journal_path() -> Path:
    return home() / JOURNAL_NAME


def peek_setting(key: str) -> str | None:
    """One stored setting, read from the command's open connection when it has one, else
    without opening the journal for the command: no journal is created, nothing is
    migrated, nothing waits for a lock. None when there is no journal, no such setting,
    or anything is wrong (the command itself will say what)."""
    try:
        path = journal_path()
        for open_conn in list(_open):  # the command's own connection: no second open
            if open_conn.execute("PRAGMA database_list").fetchone()[2] == str(path):
                return _setting(open_conn, key)
        if not path.is_file():
            return None
        # Read-write (never created: mode=rw), so that closing the last connection lets
        # SQLite checkpoint and remove the -wal and -shm files; a read-only connection
        # cannot, and a mistyped command would leave them beside the journal.
        conn = sqlite3.connect(f"{path.as_uri()}?mode=rw", uri=True, timeout=0.1)
    except (OSError, ValueError, sqlite3.Error, TypeError):
        return None
    try:
        return _setting(conn, key)
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def _setting(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def auto_sync_settings(conn: sqlite3.Connection) -> tuple[str | None, str | None, str | None]:
    """(hub URL, sync.auto, sync.timeout) as stored, None where unset: one statement on
    the open connection, no transaction of its own (it runs after every writing
    command). All None when they cannot be read."""
    try:
        return conn.execute(
            "SELECT (SELECT value FROM local_state WHERE key = 'sync.url'), "
            "(SELECT value FROM setting WHERE key = 'sync.auto'), "
            "(SELECT value FROM setting WHERE key = 'sync.timeout')").fetchone()  # fmt: skip
    except sqlite3.Error:
        return None, None, None


def ensure_private_dir(folder: Path) -> None:
    """Create `folder` and every missing parent as 0700 (whatever the umask); leave
    existing folders alone."""
    if folder.is_dir():
        return
    missing = []
    for parent in [folder, *folder.parents]:
        if parent.is_dir():
            break
        missing.append(parent)
    try:
        for new in reversed(missing):
            try:
                new.mkdir(mode=0o700)
            except FileExistsError:
                if not new.is_dir():
                    raise
                continue
            if os.name == "posix":
                os.chmod(new, 0o700)
    except OSError as exc:
        raise JournalError("core.cannot_create_folder", "core.set_home_hint", folder=folder,
                           reason=exc.strerror) from None  # fmt: skip


def _touch_private(path: Path) -> None:
    """Create an empty file with mode 0600 unless it exists (race-free).

    A dangling symlink is followed: its target is created, 0600 as well (SQLite would
    otherwise create it with the umask's mode, and its -wal and -shm after it).
    """
    flags = os.O_CREAT | os.O_WRONLY
    if not path.is_symlink():
        flags |= os.O_EXCL
    try:
        fd = os.open(path, flags, 0o600)
    except FileExistsError:
        return
    except OSError as exc:
        raise JournalError("core.cannot_create", path=path, reason=exc.strerror) from None
    os.close(fd)


def disk_full(path: Path) -> bool:
    """True when the file system holding `path` (a file or folder) has no room left."""
    folder = path if path.is_dir() else path.parent
    try:
        st = os.statvfs(folder)
    except (OSError, AttributeError):
        return False
    return st.f_bavail * st.f_frsize < 64 * 1024


class BrokenJournalError(JournalError):
    """The journal file cannot be read as a database at all (corrupt, truncated, not a
    regular file, unreadable). `restore` moves such a file aside and restores anyway."""


_BROKEN_HINT = "core.broken_hint"


def check_regular_file(path: Path) -> None:
    """Refuse a journal path that is a device, a FIFO, a socket or a folder."""
    import stat

    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise BrokenJournalError("core.cannot_read_journal", _BROKEN_HINT, path=path,
                                 reason=exc.strerror) from None  # fmt: skip
    if stat.S_ISREG(mode):
        return
    what = ("core.file_folder" if stat.S_ISDIR(mode) else "core.file_fifo" if stat.S_ISFIFO(mode)
            else "core.file_device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "core.file_socket" if stat.S_ISSOCK(mode) else "core.file_other")  # fmt: skip
    target = Msg("core.leads_to", path=os.path.realpath(path)) if path.is_symlink() else ""
    raise BrokenJournalError("core.journal_not_file", "core.move_away_hint", path=path,
                             what=Msg(what), target=target)  # fmt: skip


def describe_db_error(exc: BaseException, path: Path) -> JournalError:
    """Turn a sqlite3 error into a message that names the file and what to do."""
    text = str(exc)
    low = text.lower()
    if "locked" in low or "busy" in low:
        return JournalError("core.journal_locked", "core.locked_hint", path=path)
    if ("disk" in low and "full" in low) or (
        ("disk i/o" in low or "unable to open" in low) and disk_full(path)
    ):
        return JournalError("core.disk_full", "core.disk_full_hint", path=path)
    if "not a database" in low or "malformed" in low or "corrupt" in low:
        return BrokenJournalError("core.journal_corrupt", _BROKEN_HINT, path=path)
    if "readonly" in low or "read-only" in low:
        return JournalError("core.journal_read_only", "core.read_only_hint", path=path)
    if "unable to open" in low:
        if path.exists() and not os.access(path, os.R_OK):
            return BrokenJournalError("core.journal_no_permission", "core.permission_hint",
                                      path=path)  # fmt: skip
        return JournalError("core.cannot_open_journal", "core.cannot_open_hint", path=path)
    return JournalError("core.journal_error", path=path, error=text)


def _casefold(value: object) -> str | None:
    return value.casefold() if isinstance(value, str) else None


def connect(path: Path | str, *, timeout_ms: int | None = None) -> sqlite3.Connection:
    """A sqlite3 connection with the settings every shipit connection gets.

    Autocommit in the driver (transactions are explicit). WAL is set only once the
    file is known to be a journal: a refused file must be left exactly as it was.
    """
    timeout_ms = busy_timeout_ms() if timeout_ms is None else timeout_ms
    conn = sqlite3.connect(str(path), timeout=timeout_ms / 1000, isolation_level=None)
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(timeout_ms)}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")
        # A REPLACE that deletes a row then fires its delete triggers (entry_day's).
        conn.execute("PRAGMA recursive_triggers = ON")
        # Unicode-aware case folding for --search (SQLite's lower() is ASCII only).
        conn.create_function("shipit_casefold", 1, _casefold, deterministic=True)
    except BaseException:
        conn.close()
        raise
    return conn


_IDENTITY_SQL = (
    "SELECT (SELECT application_id FROM pragma_application_id), "
    "(SELECT user_version FROM pragma_user_version)"
)


def identity(conn: sqlite3.Connection) -> tuple[int, int]:
    """(application id, schema version) of the open database."""
    app_id, version = conn.execute(_IDENTITY_SQL).fetchone()
    return app_id, version


def table_names(conn: sqlite3.Connection, schema: str = "main") -> set[str]:
    return {name for (name,) in conn.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table'")}  # fmt: skip


def create_schema(conn: sqlite3.Connection) -> None:
    """Create every table and index of a new journal from the SQLModel declarations.

    The one daily-path exception to "no SQLAlchemy": a journal is created once. The DDL
    is compiled for SQLite and run on this sqlite3 connection, inside the caller's
    transaction.
    """
    from sqlalchemy.dialects import sqlite
    from sqlalchemy.schema import CreateIndex, CreateTable

    from shipit.storage.schema import ENTRY_DAY_TRIGGERS, ENTRY_TAG_TRIGGERS, metadata

    dialect = sqlite.dialect()
    for table in metadata.sorted_tables:
        conn.execute(str(CreateTable(table).compile(dialect=dialect)))
        for index in sorted(table.indexes, key=lambda i: i.name or ""):
            conn.execute(str(CreateIndex(index).compile(dialect=dialect)))
    for trigger in (*ENTRY_DAY_TRIGGERS, *ENTRY_TAG_TRIGGERS):
        conn.execute(trigger)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    from shipit.storage.migrations import init_identity

    init_identity(conn)


# True once a write transaction of this process has committed: from then on the
# command has changed the journal, whatever happens after (see cli.app's boundary).
_committed = [False]


def committed() -> bool:
    return _committed[0]


def forget_commits() -> None:
    _committed[0] = False


def commit(conn: sqlite3.Connection) -> None:
    """COMMIT with Ctrl-C held back until the outcome is recorded.

    A SIGINT that arrives during the COMMIT is delivered only after it, once
    `committed()` says so: the boundary then reports the write as done. One that
    arrives before the COMMIT rolls the transaction back.
    """
    import signal
    import threading

    block = hasattr(signal, "pthread_sigmask") and threading.current_thread() is threading.main_thread()
    if block:
        old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        conn.execute("COMMIT")
        _committed[0] = True
    finally:
        if block:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)


def copy_database(source: sqlite3.Connection, target: sqlite3.Connection,
                  timeout_ms: int | None = None) -> None:  # fmt: skip
    """SQLite's online backup from `source` into `target`, waiting at most the busy
    timeout for a lock another program holds (the driver alone would retry forever)."""
    import time

    limit = (busy_timeout_ms() if timeout_ms is None else timeout_ms) / 1000
    start = time.monotonic()

    def progress(status: int, remaining: int, total: int) -> None:
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and (
                time.monotonic() - start > limit):  # fmt: skip
            raise sqlite3.OperationalError("database is locked")

    source.backup(target, progress=progress, sleep=0.05)


# Every journal connection this process has open (strong references: a Store may be
# gone while its connection lingers in a reference cycle until collected).
_open: set[sqlite3.Connection] = set()


def close_all() -> None:
    """Close every open journal connection. The CLI does this at the end of each
    command, so SQLite checkpoints the WAL then, not whenever a connection is collected."""
    while _open:
        _open.pop().close()


class Store:
    """One journal file and the one connection this process uses for it."""

    def __init__(self, path: Path | None = None) -> None:
        from shipit.storage.files import protect

        self.path = Path(path) if path is not None else journal_path()
        protect(self.path)  # no file writer of this process may ever replace it
        self._conn: sqlite3.Connection | None = None
        self._savepoints = 0
        self._read_only = False  # inside reading()

    # -- connection -------------------------------------------------------------------

    def exists(self) -> bool:
        return self.path.exists()

    def connection(self) -> sqlite3.Connection:
        """The open, checked connection (creating or migrating the journal on first use)."""
        if self._conn is None:
            try:
                self._conn = self._open()
            except sqlite3.Error as exc:
                raise describe_db_error(exc, self.path) from exc
            _open.add(self._conn)
        return self._conn

    def write_mark(self) -> tuple[int, int]:
        """What changes when the journal is written: (this connection's change count,
        SQLite's data_version, which moves when another connection commits)."""
        conn = self.connection()
        return conn.total_changes, conn.execute("PRAGMA data_version").fetchone()[0]

    def close(self) -> None:
        if self._conn is not None:
            conn, self._conn = self._conn, None
            _open.discard(conn)
            conn.close()

    def _open(self) -> sqlite3.Connection:
        ensure_private_dir(self.path.parent)
        check_regular_file(self.path)
        if not self.path.exists():
            _touch_private(self.path)
        conn = connect(self.path)
        try:
            if identity(conn) != (APPLICATION_ID, SCHEMA_VERSION):
                self._upgrade(conn)
            # Persistent in the file; a no-op once set. Outside any transaction.
            conn.execute("PRAGMA journal_mode = WAL")
        except BaseException:
            conn.close()
            raise
        return conn

    # -- transactions -----------------------------------------------------------------

    @contextlib.contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A read transaction: one consistent snapshot (inside a write: that write's)."""
        conn = self.connection()
        if conn.in_transaction:
            yield conn
            return
        try:
            conn.execute("BEGIN")
            self._read_only = True
            try:
                yield conn
            finally:
                self._read_only = False
                if conn.in_transaction:
                    conn.execute("ROLLBACK")  # a read has nothing to commit
        except sqlite3.Error as exc:
            raise describe_db_error(exc, self.path) from exc

    @contextlib.contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """A write transaction holding the write lock from its first statement.

        Committed when the block ends, rolled back on any exception (Ctrl-C included).
        Inside another write it is a savepoint of that transaction.
        """
        conn = self.connection()
        if self._read_only:
            # Its savepoint would be rolled back with the read: the write would vanish.
            raise RuntimeError("a write transaction cannot start inside a read transaction")
        try:
            if conn.in_transaction:
                self._savepoints += 1
                name = f"shipit_{self._savepoints}"
                conn.execute(f"SAVEPOINT {name}")
                try:
                    yield conn
                except BaseException:
                    conn.execute(f"ROLLBACK TO {name}")
                    conn.execute(f"RELEASE {name}")
                    raise
                conn.execute(f"RELEASE {name}")
                return
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            commit(conn)
            self.committed = True
        except sqlite3.Error as exc:
            raise describe_db_error(exc, self.path) from exc

    # Set once a write transaction of this Store has committed: from then on the
    # command has changed the journal, whatever happens after (see cli.app).
    committed = False

    # -- schema -----------------------------------------------------------------------

    def _upgrade(self, conn: sqlite3.Connection) -> None:
        """Create, migrate or refuse. Nothing is written to a file that is refused."""
        app_id, version = identity(conn)
        self._refuse_foreign(app_id, version, table_names(conn))
        if version == 0:
            with self._locked(conn):
                # Re-read under the write lock: another process may have just done this.
                app_id, version = identity(conn)
                self._refuse_foreign(app_id, version, table_names(conn))
                if version == 0:
                    create_schema(conn)
                    return
        if version < SCHEMA_VERSION:
            # An older journal: keep a consistent copy, then migrate one step per
            # transaction.
            backup_path = self.backup(conn=conn, label=f"pre-migration-v{version}")
            for target in range(version + 1, SCHEMA_VERSION + 1):
                try:
                    with self._locked(conn):
                        if identity(conn)[1] < target:  # else another process got there first
                            MIGRATIONS[target](conn)
                            conn.execute(f"PRAGMA user_version = {target}")
                except Exception as exc:
                    if isinstance(exc, JournalError):
                        raise
                    raise JournalError(
                        "core.migration_failed",
                        Msg("core.migration_backup_hint", backup=backup_path),
                        path=self.path, target=target, error=exc, previous=target - 1,
                    ) from exc
        if identity(conn)[0] == 0:  # a journal from before the application id: claim it
            with self._locked(conn):
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")

    @staticmethod
    @contextlib.contextmanager
    def _locked(conn: sqlite3.Connection) -> Iterator[None]:
        """A write transaction on a connection not yet handed out (schema changes)."""
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def _refuse_foreign(self, app_id: int, version: int, tables: set[str]) -> None:
        if version > SCHEMA_VERSION and app_id in (0, APPLICATION_ID):
            raise JournalError("core.journal_too_new", "core.upgrade_hint", path=self.path,
                               version=version, known=SCHEMA_VERSION)  # fmt: skip
        if app_id == APPLICATION_ID:
            return
        if app_id == 0 and version == 0 and not tables:
            return  # an empty file: a new journal
        if app_id == 0 and version >= 1 and _CORE_TABLES <= tables:
            return  # a journal from before the application id
        raise JournalError("core.not_a_journal", "core.not_a_journal_hint", path=self.path)

    # -- backups ----------------------------------------------------------------------

    def backups_dir(self) -> Path:
        return self.path.parent / "backups"

    def backup(
        self, dest: Path | None = None, *, conn: sqlite3.Connection | None = None,
        label: str = "backup",
    ) -> Path:  # fmt: skip
        """A consistent copy through SQLite's online backup API, written atomically, 0600."""
        from shipit.storage.files import atomic_path

        if dest is None:
            folder = self.backups_dir()
            ensure_private_dir(folder)
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
            dest = folder / f"journal-{stamp}-{label}.db"
        dest = Path(dest)
        with atomic_path(dest, overwrite=False) as tmp:
            target = sqlite3.connect(tmp)
            try:
                if conn is not None:
                    copy_database(conn, target)
                else:
                    source = connect(self.path)
                    try:
                        copy_database(source, target)
                    finally:
                        source.close()
                # A standalone copy: one file, no -wal beside it.
                target.execute("PRAGMA journal_mode = DELETE")
            except sqlite3.Error as exc:
                if disk_full(dest.parent):  # the copy's disk, not the journal's
                    raise JournalError("core.disk_full", "core.disk_full_hint",
                                       path=dest) from exc  # fmt: skip
                raise describe_db_error(exc, self.path) from exc
            finally:
                target.close()
        return dest
