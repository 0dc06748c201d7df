"""The journal file: location, connection settings, transactions, migrations, backups.

- One SQLite file, `journal.db`, in `$SHIPIT_HOME` or the platform's user data folder.
- Every connection: WAL, a busy timeout, foreign keys on.
- Writes begin with `BEGIN IMMEDIATE` (the pysqlite recipe from SQLAlchemy's SQLite
  dialect docs): the write lock is taken up front, so two shells writing at the same
  instant queue up instead of one failing half-way or losing an update.
- The schema version lives in `PRAGMA user_version`; opening a journal costs one
  cheap query when it is current. A new journal is created from the models and
  stamped with the latest version; an older one is backed up (online backup API)
  and migrated forward, one transaction per migration; a newer one is refused untouched.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from shipit.errors import JournalError

if TYPE_CHECKING:
    from typing import TypeAlias

    from sqlalchemy.engine import Connection, Engine

    # What read code accepts: a SQLAlchemy connection or a bare sqlite3 one (driver()).
    AnyConnection: TypeAlias = "Connection | sqlite3.Connection"

# "SHIP" — marks a SQLite file as a shipit journal (PRAGMA application_id).
APPLICATION_ID = 0x53484950
BUSY_TIMEOUT_MS = 10_000  # default; SHIPIT_BUSY_TIMEOUT (seconds) overrides
JOURNAL_NAME = "journal.db"

# Forward migrations: version N is reached by running MIGRATIONS[N] on a version N-1
# journal. Append only; never edit a released one. A new journal is created from the
# models directly and stamped with SCHEMA_VERSION (tests check both paths agree).
Migration = Callable[["Connection"], None]


def _v2_entries_by_day(conn: Connection) -> None:
    """Schema 2: entries indexed by day (and id), the order every listing reads them in."""
    conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_entry_day ON entry (day)")


MIGRATIONS: dict[int, Migration] = {2: _v2_entries_by_day}
SCHEMA_VERSION = 2


def busy_timeout_ms() -> int:
    """How long a command waits for another one holding the journal's write lock."""
    raw = os.environ.get("SHIPIT_BUSY_TIMEOUT")
    if raw:
        try:
            return max(0, int(float(raw) * 1000))
        except ValueError:
            pass
    return BUSY_TIMEOUT_MS


def home() -> Path:
    """The folder that holds the journal: $SHIPIT_HOME or the user data folder."""
    env = os.environ.get("SHIPIT_HOME")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return platformdirs.user_data_path("shipit")


def journal_path() -> Path:
    return home() / JOURNAL_NAME


def ensure_private_dir(folder: Path) -> None:
    """Create `folder` (and parents) as 0700 if missing; leave an existing one alone."""
    if folder.is_dir():
        return
    try:
        folder.mkdir(parents=True, mode=0o700)
        if os.name == "posix":
            os.chmod(folder, 0o700)
    except FileExistsError:
        pass
    except OSError as exc:
        raise JournalError(
            f"cannot create the journal folder {folder}: {exc.strerror}",
            "set SHIPIT_HOME to a writable folder",
        ) from None


def _touch_private(path: Path) -> None:
    """Create an empty file with mode 0600 unless it exists (race-free)."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    except OSError as exc:
        raise JournalError(f"cannot create {path}: {exc.strerror}") from None
    os.close(fd)


def describe_db_error(exc: BaseException, path: Path) -> JournalError:
    """Turn a sqlite3/SQLAlchemy error into a message that names the file and what to do."""
    text = str(getattr(exc, "orig", None) or exc)
    low = text.lower()
    if "locked" in low or "busy" in low:
        return JournalError(
            f"the journal {path} is locked by another program",
            "wait for it to finish and try again",
        )
    if "not a database" in low or "malformed" in low or "corrupt" in low:
        return JournalError(
            f"the journal {path} is corrupt or not a shipit journal",
            "restore a backup with 'shipit restore FILE', or move the file away",
        )
    if "readonly" in low or "read-only" in low:
        return JournalError(
            f"the journal {path} is read-only", "check the file's and its folder's permissions"
        )
    if "unable to open" in low:
        return JournalError(
            f"cannot open the journal {path}", "check the folder exists and is readable"
        )
    if "disk" in low and "full" in low:
        return JournalError(f"the disk holding {path} is full", "free some space and try again")
    return JournalError(f"journal error in {path}: {text}")


def _casefold(value: object) -> str | None:
    return value.casefold() if isinstance(value, str) else None


def _configure(dbapi_conn: sqlite3.Connection, timeout_ms: int) -> None:
    """The settings every connection gets, through SQLAlchemy or not."""
    # Autocommit in the driver: BEGIN is emitted explicitly (see _on_begin, snapshot).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {timeout_ms}")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA synchronous = NORMAL")
    # WAL is set once the journal is known to be ours (_check_version): a refused file
    # must be left exactly as it was.
    cur.close()
    # Unicode-aware case folding for --search (SQLite's lower() is ASCII only).
    dbapi_conn.create_function("shipit_casefold", 1, _casefold, deterministic=True)


def driver(conn: AnyConnection) -> sqlite3.Connection:
    """The sqlite3 connection under `conn` (a SQLAlchemy Connection, or one already).

    Read code runs plain SQL on this, so it serves both `Store.reading()` (inside
    SQLAlchemy, next to writes) and `Store.snapshot()` (no SQLAlchemy at all).
    """
    if isinstance(conn, sqlite3.Connection):
        return conn
    return conn.connection.dbapi_connection  # type: ignore[return-value]


class Store:
    """One journal file and the single engine this process uses for it."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path is not None else journal_path()
        self._engine: Engine | None = None

    # -- connections ------------------------------------------------------------------

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = self._make_engine()
        return self._engine

    def _make_engine(self) -> Engine:
        from sqlalchemy import create_engine, event
        from sqlalchemy.pool import NullPool

        ensure_private_dir(self.path.parent)
        if not self.path.exists():
            _touch_private(self.path)
        timeout_ms = busy_timeout_ms()
        path = str(self.path)
        # The driver opens the file by its path (the creator), not through a database
        # URL: in 'sqlite:///PATH' a '?' starts query arguments and '%' escapes, so a
        # SHIPIT_HOME such as '~/notes?2026' would name another file.
        engine = create_engine(
            "sqlite://",
            poolclass=NullPool,
            creator=lambda: sqlite3.connect(path, timeout=timeout_ms / 1000),
        )

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
            _configure(dbapi_conn, timeout_ms)

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            mode = conn.info.pop("shipit_begin", "DEFERRED")
            conn.exec_driver_sql(f"BEGIN {mode}")

        return engine

    @contextlib.contextmanager
    def _transaction(self, mode: str) -> Iterator[Connection]:
        from sqlalchemy.exc import DBAPIError

        try:
            with self.engine.connect() as conn:
                self._check_version(conn)
                conn.info["shipit_begin"] = mode
                with conn.begin():
                    yield conn
        except DBAPIError as exc:
            raise describe_db_error(exc, self.path) from exc
        except sqlite3.Error as exc:
            raise describe_db_error(exc, self.path) from exc

    def reading(self) -> contextlib.AbstractContextManager[Connection]:
        """A read transaction (a consistent snapshot)."""
        return self._transaction("DEFERRED")

    def writing(self) -> contextlib.AbstractContextManager[Connection]:
        """A write transaction that holds the write lock from its first statement."""
        return self._transaction("IMMEDIATE")

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """A read transaction on a bare sqlite3 connection: SQLAlchemy is never imported.

        For the commands that only read and must start fast (export): the same
        connection settings and the same consistent snapshot as `reading()`, one
        connection. A journal that does not exist yet, or is not at the current schema,
        goes through `reading()` first (created, migrated or refused, as everywhere).
        """
        raw = None
        try:
            raw = self._connect_existing()
            if raw is not None and not self._checked:
                if raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
                    raw.execute("PRAGMA journal_mode = WAL")  # as _check_version does
                    self._checked = True
                else:
                    raw.close()
                    raw = None
            if raw is None:
                with self.reading():
                    pass
                raw = self._connect_existing()
                if raw is None:  # pragma: no cover - reading() creates the file
                    raise JournalError(f"cannot open the journal {self.path}")
        except sqlite3.Error as exc:
            if raw is not None:
                raw.close()
            raise describe_db_error(exc, self.path) from exc
        try:
            raw.execute("BEGIN DEFERRED")
            yield raw
        except sqlite3.Error as exc:
            raise describe_db_error(exc, self.path) from exc
        finally:
            raw.close()  # ends the read transaction: there is nothing to commit

    def _connect_existing(self) -> sqlite3.Connection | None:
        """A configured connection to the journal file, or None if there is no file.

        Opened read-write without create (URI mode=rw): a missing journal is made only
        by the engine path, with its private folder and 0600 file.
        """
        if not self.path.exists():
            return None
        uri = self.path.resolve().as_uri() + "?mode=rw"
        raw = sqlite3.connect(uri, uri=True, timeout=busy_timeout_ms() / 1000)
        try:
            _configure(raw, busy_timeout_ms())
        except BaseException:
            raw.close()
            raise
        return raw

    def dispose(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    # -- schema -----------------------------------------------------------------------

    _checked = False

    def _check_version(self, conn: Connection) -> None:
        """Bring the schema up to date; one cheap query when it already is."""
        if self._checked:
            return
        # Read through the driver in autocommit mode: no transaction, one statement.
        raw = conn.connection.dbapi_connection
        version = raw.execute("PRAGMA user_version").fetchone()[0]
        if version != SCHEMA_VERSION:
            self._upgrade(conn)
        # Persistent in the file; a no-op once set. Outside any transaction (autocommit).
        raw.execute("PRAGMA journal_mode = WAL")
        self._checked = True

    def _upgrade(self, conn: Connection) -> None:
        from sqlmodel import SQLModel

        from shipit import models  # noqa: F401  (registers the tables)

        conn.info["shipit_begin"] = "IMMEDIATE"
        with conn.begin():
            # Re-read under the write lock: another process may have just done this.
            version = conn.exec_driver_sql("PRAGMA user_version").scalar_one()
            app_id = conn.exec_driver_sql("PRAGMA application_id").scalar_one()
            tables = conn.exec_driver_sql(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
            ).scalar_one()
            if version == SCHEMA_VERSION:
                return
            if version > SCHEMA_VERSION:
                raise JournalError(
                    f"the journal {self.path} was written by a newer shipit "
                    f"(schema {version}, this shipit knows {SCHEMA_VERSION})",
                    "upgrade shipit: pip install -U shipit",
                )
            if version == 0:
                if tables:
                    raise JournalError(
                        f"{self.path} is a SQLite file but not a shipit journal",
                        "move it away or point SHIPIT_HOME at another folder",
                    )
                SQLModel.metadata.create_all(conn)
                conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
                conn.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
                return
            if app_id != APPLICATION_ID:
                raise JournalError(f"{self.path} is not a shipit journal")
        # An older journal: keep a consistent copy, then migrate one step per transaction.
        backup_path = self.backup(conn=conn, label=f"pre-migration-v{version}")
        for target in range(version + 1, SCHEMA_VERSION + 1):
            migration = MIGRATIONS[target]
            conn.info["shipit_begin"] = "IMMEDIATE"
            try:
                with conn.begin():
                    current = conn.exec_driver_sql("PRAGMA user_version").scalar_one()
                    if current >= target:  # another process got there first
                        continue
                    migration(conn)
                    conn.exec_driver_sql(f"PRAGMA user_version = {target}")
            except JournalError:
                raise
            except Exception as exc:
                raise JournalError(
                    f"migrating {self.path} to schema {target} failed: {exc}; "
                    f"the journal is unchanged at schema {target - 1}",
                    f"a copy from before the migration is at {backup_path}",
                ) from exc

    # -- backups ----------------------------------------------------------------------

    def backups_dir(self) -> Path:
        return self.path.parent / "backups"

    def backup(
        self, dest: Path | None = None, *, conn: Connection | None = None, label: str = "backup"
    ) -> Path:
        """A consistent copy through SQLite's online backup API, written atomically, 0600."""
        if dest is None:
            folder = self.backups_dir()
            ensure_private_dir(folder)
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
            dest = folder / f"journal-{stamp}-{label}.db"
        dest = Path(dest)
        from shipit.fileio import atomic_path

        with atomic_path(dest, overwrite=False) as tmp:
            target = sqlite3.connect(tmp)
            try:
                if conn is not None:
                    raw = conn.connection.dbapi_connection
                    raw.backup(target)
                else:
                    source = sqlite3.connect(self.path, timeout=busy_timeout_ms() / 1000)
                    try:
                        source.backup(target)
                    finally:
                        source.close()
                # A standalone copy: one file, no -wal beside it.
                target.execute("PRAGMA journal_mode = DELETE")
            except sqlite3.Error as exc:
                raise describe_db_error(exc, self.path) from exc
            finally:
                target.close()
        return dest
