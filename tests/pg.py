"""A throw-away PostgreSQL server for the sync tests (a real one: never a mock).

`initdb` and `pg_ctl` into a temp folder, listening only on a Unix socket in that
folder (listen_addresses = ''). As root the server runs as the unprivileged `postgres`
user (PostgreSQL refuses to run as root). Skipped, with the reason, only where
PostgreSQL's programs are missing; SHIPIT_REQUIRE_PG=1 (CI) turns that skip into a
failure.

Authentication: every role connects without a password (trust) except the role
`locked`, which needs one (scram): the "authentication failed" test uses it.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

SUPERUSER = "postgres"
PORT = 5432


def pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _as_server_user(cmd: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


@dataclass
class PgServer:
    bin: Path
    folder: Path

    @property
    def data(self) -> Path:
        return self.folder / "data"

    @property
    def socket_dir(self) -> str:
        return str(self.folder)

    def url(self, db: str, user: str = SUPERUSER) -> str:
        return f"postgresql://{user}@/{db}?host={self.socket_dir}&port={PORT}"

    def ctl(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(_as_server_user([str(self.bin / "pg_ctl"), "-D", str(self.data),
                                               *args]), capture_output=True, text=True,
                              check=check, timeout=120)  # fmt: skip

    def start(self) -> None:
        self.ctl("-w", "-l", str(self.folder / "server.log"), "start")

    def stop(self, mode: str = "fast") -> None:
        self.ctl("-w", "-m", mode, "stop", check=False)

    def sql(self, statement: str, db: str = "postgres", user: str = SUPERUSER) -> list[tuple]:
        import psycopg

        with psycopg.connect(self.url(db, user), autocommit=True) as conn:
            cur = conn.execute(statement)
            return cur.fetchall() if cur.description else []


def start_server() -> PgServer:
    binary = pg_bin()
    if binary is None or not (binary / "pg_ctl").exists():
        reason = "PostgreSQL's programs (initdb, pg_ctl) are not installed"
        if os.environ.get("SHIPIT_REQUIRE_PG") == "1":
            pytest.fail(f"{reason}, and SHIPIT_REQUIRE_PG=1 requires them")
        pytest.skip(reason)
    folder = Path(tempfile.mkdtemp(prefix="shipit-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    server = PgServer(binary, folder)
    subprocess.run(_as_server_user([str(binary / "initdb"), "-D", str(server.data), "-U",
                                    SUPERUSER, "--auth=trust", "-E", "UTF8", "--no-sync"]),
                   capture_output=True, text=True, check=True, timeout=120)  # fmt: skip
    with open(server.data / "postgresql.conf", "a") as conf:
        conf.write(f"\nlisten_addresses = ''\nunix_socket_directories = '{folder}'\n"
                   f"port = {PORT}\nfsync = off\nmax_connections = 100\n")
    hba = server.data / "pg_hba.conf"
    hba.write_text("local all locked scram-sha-256\nlocal all all trust\n")
    server.start()
    return server


_counter = itertools.count(1)


def new_database(server: PgServer) -> str:
    name = f"hub_{os.getpid()}_{next(_counter)}"
    server.sql(f"CREATE DATABASE {name}")
    return name


def ensure_role(server: PgServer, name: str, *, member: bool = True,
                password: str | None = None) -> None:  # fmt: skip
    if not server.sql(f"SELECT 1 FROM pg_roles WHERE rolname = '{name}'"):
        server.sql(f"CREATE ROLE {name} LOGIN")
    if password:
        server.sql(f"ALTER ROLE {name} PASSWORD '{password}'")
    if member:
        if not server.sql("SELECT 1 FROM pg_roles WHERE rolname = 'shipit_member'"):
            server.sql("CREATE ROLE shipit_member NOLOGIN")
        server.sql(f"GRANT shipit_member TO {name}")
