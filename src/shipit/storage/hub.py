"""The PostgreSQL hub: connecting, creating or upgrading it, pushing and pulling rows.

Imported only by services.sync (psycopg is loaded only by the sync, hub and team
commands). PostgreSQL does the hard parts:

- every push is one transaction that first takes one advisory lock, so hub sequence
  numbers (`seq`) are handed out in commit order: a client that has seen N has seen
  every row with a smaller number, and "everything after N" is one indexed range;
- a pushed row version replaces the hub's only when it is newer: its instant, ties
  broken by device id (the WHERE of the upsert), so the order pushes arrive in does
  not matter and pushing the same version twice changes nothing;
- with roles (`hub init --roles`), row-level security lets every member read the
  team's rows and insert, change or delete only rows whose author is their own role.

No password is ever stored: a URL with one is refused; libpq finds passwords in
~/.pgpass, PGPASSWORD or a service file.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from shipit.domain.errors import HubError, InputError

HUB_SCHEMA_VERSION = 2  # 2: projects travel (hub_row.tbl checked against HUB_TABLES)
# pg_advisory_xact_lock key that serialises pushes ("SHIP" as an integer).
PUSH_LOCK = 0x53484950
INSTALL_HINT = "sync.install_hint"
ROLE_GROUP = "shipit_member"


@dataclass(frozen=True)
class HubRowVersion:
    tbl: str
    author: str
    key: str
    updated_at: datetime
    device: str
    data: dict[str, Any] | None  # None: deleted
    seq: int = 0


@dataclass(frozen=True)
class HubInfo:
    version: int
    roles: bool
    user: str
    hub_id: str | None = None  # made by `hub init` (hubs from before have none)


def require_driver() -> None:
    """A HubError saying how to install psycopg when it is missing (without loading it)."""
    import importlib.util

    try:
        found = importlib.util.find_spec("psycopg")
    except ImportError:  # a finder that knows it cannot be imported
        found = None
    if found is None:
        raise HubError("sync.no_driver", INSTALL_HINT, unreachable=True)


def driver() -> Any:
    """psycopg, or a HubError saying how to install it."""
    try:
        import psycopg
    except ImportError:
        raise HubError("sync.no_driver", INSTALL_HINT, unreachable=True) from None
    return psycopg


def check_url(url: str) -> str:
    """The URL as given, if libpq can read it and it holds no password."""
    psycopg = driver()
    try:
        parts = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError as exc:
        raise InputError("sync.not_a_url", reason=str(exc).splitlines()[0]) from None
    if parts.get("password"):
        raise InputError("sync.url_has_password", "sync.url_has_password_hint")
    return url


def describe(exc: BaseException, url: str, *, creating: bool = False) -> HubError:
    """A psycopg error as a message that says what happened and what to do (`creating`:
    for `hub init`, which needs the database's owner)."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    low = str(exc).lower()
    where = redact(url)
    if "password authentication failed" in low or "no password supplied" in low or (
        "authentication failed" in low
    ):
        return HubError("sync.auth_failed", "sync.auth_failed_hint", unreachable=True,
                        where=where, reason=text)  # fmt: skip
    if "row-level security" in low or "permission denied" in low:
        return HubError("sync.refused", "sync.init_refused_hint" if creating else
                        "sync.refused_hint", where=where, reason=text)  # fmt: skip
    if "does not exist" in low and "database" in low:
        return HubError("sync.no_database", "sync.no_database_hint", reason=text)
    return HubError("sync.unreachable", "sync.unreachable_hint", unreachable=True,
                    where=where, reason=text)  # fmt: skip


def redact(url: str) -> str:
    return url if len(url) <= 200 else url[:200] + "…"


class Hub:
    """One connection to a hub (autocommit off: every push/pull is its own transaction)."""

    def __init__(self, url: str, *, timeout: float = 10) -> None:
        self.url = url
        psycopg = driver()
        self.errors = psycopg.Error
        try:
            self.conn = psycopg.connect(url, connect_timeout=max(1, int(round(timeout))),
                                        application_name="shipit", autocommit=True)  # fmt: skip
        except psycopg.Error as exc:
            raise describe(exc, url) from None
        self.timeout_ms = int(timeout * 1000)

    def bound_statements(self) -> None:
        """Every statement of this connection (and every lock wait) ends within the
        connect timeout: for an auto-sync, which must not hold a command up."""
        ms = max(self.timeout_ms, 1)
        for setting in ("statement_timeout", "lock_timeout"):
            self._run(lambda: self.conn.execute(f"SET {setting} = {ms}"))  # noqa: B023

    def __enter__(self) -> Hub:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        try:
            self.conn.close()
        except Exception:  # closing after the outcome is decided
            pass

    def _run(self, fn: Any, *, creating: bool = False) -> Any:
        try:
            return fn()
        except self.errors as exc:
            raise describe(exc, self.url, creating=creating) from None

    # -- what it is ---------------------------------------------------------------------

    def info(self) -> HubInfo | None:
        """The hub's version and whether it has roles; None when this is no shipit hub."""

        def read() -> HubInfo | None:
            cur = self.conn.execute("SELECT to_regclass('shipit.hub_meta') IS NOT NULL, current_user")
            exists, user = cur.fetchone()
            if not exists:
                return None
            meta = dict(self.conn.execute("SELECT key, value FROM shipit.hub_meta").fetchall())
            return HubInfo(int(meta.get("schema_version", "0")), meta.get("roles") == "on", user,
                           meta.get("hub_id"))  # fmt: skip

        return self._run(read)

    def check(self) -> HubInfo:
        """The hub's info, or a HubError for a database that is no hub or a newer one."""
        info = self.info()
        if info is None:
            raise HubError("sync.not_a_hub", "sync.not_a_hub_hint", where=redact(self.url))
        if info.version > HUB_SCHEMA_VERSION:
            raise HubError("sync.hub_newer", "sync.hub_newer_hint", version=info.version,
                           known=HUB_SCHEMA_VERSION)  # fmt: skip
        if info.version < HUB_SCHEMA_VERSION:
            raise HubError("sync.hub_older", "sync.hub_older_hint", version=info.version,
                           needed=HUB_SCHEMA_VERSION)  # fmt: skip
        return info

    # -- create or upgrade --------------------------------------------------------------

    def init(self, *, roles: bool) -> tuple[HubInfo | None, HubInfo]:
        """Create the hub's tables (or upgrade them), idempotently; with `roles`, turn on
        row-level security; give the hub its stable id. Returns (what it was, None for
        new; what it is)."""
        from sqlalchemy.dialects import postgresql
        from sqlalchemy import CheckConstraint
        from sqlalchemy.schema import AddConstraint, CreateIndex, CreateTable

        from shipit.storage.hub_schema import HUB_SCHEMA, hub_metadata

        before = self.info()
        if before is not None and before.version > HUB_SCHEMA_VERSION:
            self.check()
        dialect = postgresql.dialect()

        def create() -> None:
            with self.conn.transaction():
                self.conn.execute(f"CREATE SCHEMA IF NOT EXISTS {HUB_SCHEMA}")
                for table in hub_metadata.sorted_tables:
                    self.conn.execute(str(CreateTable(table, if_not_exists=True).compile(dialect=dialect)))
                    for index in table.indexes:
                        self.conn.execute(str(CreateIndex(index, if_not_exists=True).compile(dialect=dialect)))
                    for check in table.constraints:  # an upgrade: the checks, made anew
                        if isinstance(check, CheckConstraint):
                            self.conn.execute(f"ALTER TABLE {table.fullname} DROP CONSTRAINT "
                                              f"IF EXISTS {check.name}")  # fmt: skip
                            self.conn.execute(str(AddConstraint(check).compile(dialect=dialect)))
                self.conn.execute(f"CREATE SEQUENCE IF NOT EXISTS {HUB_SCHEMA}.hub_seq")
                self.conn.execute(
                    "INSERT INTO shipit.hub_meta (key, value) VALUES ('schema_version', %s) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (str(HUB_SCHEMA_VERSION),))  # fmt: skip
                self.conn.execute("INSERT INTO shipit.hub_meta (key, value) VALUES ('hub_id', %s) "
                                  "ON CONFLICT (key) DO NOTHING", (uuid.uuid4().hex,))  # fmt: skip
                if roles:
                    for statement in _ROLE_SQL:
                        self.conn.execute(statement)
                    self.conn.execute("INSERT INTO shipit.hub_meta (key, value) VALUES ('roles', 'on') "
                                      "ON CONFLICT (key) DO UPDATE SET value = 'on'")  # fmt: skip

        self._run(create, creating=True)
        return before, self.check()

    # -- push and pull ------------------------------------------------------------------

    def push(self, rows: list[HubRowVersion]) -> int:
        """Send row versions in ONE transaction; returns how many the hub took (newer
        than what it had). Pushing a version twice takes it once."""
        if not rows:
            return 0
        payload = json.dumps([
            {"tbl": r.tbl, "author": r.author, "key": r.key, "updated_at": r.updated_at.isoformat(),
             "device": r.device, "data": r.data} for r in rows], ensure_ascii=False)  # fmt: skip

        def send() -> int:
            with self.conn.transaction():
                self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (PUSH_LOCK,))
                cur = self.conn.execute(_PUSH_SQL, (payload,))
                return len(cur.fetchall())

        return self._run(send)

    def pull(self, after: int) -> list[HubRowVersion]:
        """Every row version the hub accepted after sequence number `after`, in order."""

        def read() -> list[HubRowVersion]:
            cur = self.conn.execute(
                "SELECT tbl, author, key, updated_at, device, data, seq FROM shipit.hub_row "
                "WHERE seq > %s ORDER BY seq", (after,))  # fmt: skip
            return [HubRowVersion(*row) for row in cur.fetchall()]

        return self._run(read)

    def pull_others(self, tbl: str, author: str) -> list[HubRowVersion]:
        """Every live row of `tbl` whose author is not `author`, whatever its sequence
        number (one range of the primary key): what a journal that used to drop such rows
        fetches once (services.sync, local_state `sync.refetch`)."""

        def read() -> list[HubRowVersion]:
            cur = self.conn.execute(
                "SELECT tbl, author, key, updated_at, device, data, seq FROM shipit.hub_row "
                "WHERE tbl = %s AND author <> %s AND data IS NOT NULL ORDER BY seq",
                (tbl, author))  # fmt: skip
            return [HubRowVersion(*row) for row in cur.fetchall()]

        return self._run(read)

    def count_after(self, after: int) -> int:
        return self._run(lambda: self.conn.execute(
            "SELECT count(*) FROM shipit.hub_row WHERE seq > %s", (after,)).fetchone()[0])  # fmt: skip


def versions(rows: Iterable[tuple[Any, ...]]) -> Iterator[HubRowVersion]:
    for row in rows:
        yield HubRowVersion(*row)


# One statement for the whole push: the rows arrive as one JSON array. A version is
# taken when the hub has none for the row, or an older one (instant, then device id).
_PUSH_SQL = """
INSERT INTO shipit.hub_row AS h (tbl, author, key, seq, updated_at, device, data)
SELECT r.tbl, r.author, r.key, nextval('shipit.hub_seq'), r.updated_at, r.device, r.data
FROM jsonb_to_recordset(%s::jsonb)
     AS r(tbl text, author text, key text, updated_at timestamptz, device text, data jsonb)
ON CONFLICT (tbl, author, key) DO UPDATE
   SET seq = excluded.seq, updated_at = excluded.updated_at, device = excluded.device,
       data = excluded.data
   WHERE (excluded.updated_at, excluded.device) > (h.updated_at, h.device)
RETURNING 1
"""

# Row-level security: the database, not shipit, decides who may change what. Members
# are roles in the group shipit_member (see docs/sync.md: adding a team member).
_ROLE_SQL = (
    f"""DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{ROLE_GROUP}') THEN
            CREATE ROLE {ROLE_GROUP} NOLOGIN;
        END IF;
    END $$""",
    f"GRANT USAGE ON SCHEMA shipit TO {ROLE_GROUP}",
    f"GRANT SELECT ON shipit.hub_meta TO {ROLE_GROUP}",
    f"GRANT SELECT, INSERT, UPDATE, DELETE ON shipit.hub_row TO {ROLE_GROUP}",
    f"GRANT USAGE ON SEQUENCE shipit.hub_seq TO {ROLE_GROUP}",
    "ALTER TABLE shipit.hub_row ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE shipit.hub_row FORCE ROW LEVEL SECURITY",
    "DROP POLICY IF EXISTS team_reads ON shipit.hub_row",
    "DROP POLICY IF EXISTS own_inserts ON shipit.hub_row",
    "DROP POLICY IF EXISTS own_updates ON shipit.hub_row",
    "DROP POLICY IF EXISTS own_deletes ON shipit.hub_row",
    "CREATE POLICY team_reads ON shipit.hub_row FOR SELECT USING (true)",
    "CREATE POLICY own_inserts ON shipit.hub_row FOR INSERT WITH CHECK (author = current_user)",
    "CREATE POLICY own_updates ON shipit.hub_row FOR UPDATE USING (author = current_user) "
    "WITH CHECK (author = current_user)",
    "CREATE POLICY own_deletes ON shipit.hub_row FOR DELETE USING (author = current_user)",
)
