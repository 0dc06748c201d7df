"""The hub: init, join, sync between real journals on a real PostgreSQL server."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.conftest import shipit_exe


class Device:
    """One journal (its own SHIPIT_HOME), driven through the installed shipit."""

    def __init__(self, home: Path, user: str = "ada") -> None:
        self.home = home
        self.user = user

    def run(self, *args: str, env: dict | None = None, check: bool = True,
            timeout: float = 120) -> subprocess.CompletedProcess:  # fmt: skip
        full = {**os.environ, "SHIPIT_HOME": str(self.home), "USER": self.user,
                "LOGNAME": self.user, **(env or {})}  # fmt: skip
        p = subprocess.run([*shipit_exe(), *args], capture_output=True, text=True, env=full,
                           stdin=subprocess.DEVNULL, timeout=timeout)  # fmt: skip
        if check:
            assert p.returncode == 0, f"shipit {' '.join(args)}: {p.returncode}\n{p.stderr}"
        return p

    def json(self, *args: str) -> object:
        return json.loads(self.run(*args, "--json").stdout)

    def texts(self, *args: str) -> list[str]:
        return sorted(e["text"] for e in self.json("list", *args))


@pytest.fixture
def devices(tmp_path):
    def make(name: str, user: str = "ada") -> Device:
        return Device(tmp_path / name, user)

    return make


def test_hub_init_is_idempotent_and_join_checks_it(hub_url, devices):
    a = devices("a")
    r = a.run("hub", "init", hub_url)
    assert r.stdout.strip() == "hub created (hub schema 2; roles off)"
    assert a.run("hub", "init", hub_url).stdout.strip() == (
        "hub already up to date (hub schema 2; roles off)")
    assert a.run("sync", "init", hub_url).stdout.startswith("joined the hub as ada")


def test_join_refuses_a_database_that_is_no_hub(hub_url, devices):
    a = devices("a")
    p = a.run("sync", "init", hub_url, check=False)
    assert p.returncode == 1 and "is not a shipit hub" in p.stderr
    assert a.json("sync", "--status")["url"] is None


def test_a_url_with_a_password_is_refused(pg_server, devices):
    a = devices("a")
    url = "postgresql://ada:secret@/postgres?host=/nowhere"
    p = a.run("sync", "init", url, check=False)
    assert p.returncode == 2 and "holds a password" in p.stderr and "pgpass" in p.stderr
    assert not (a.home / "journal.db").exists()  # refused before the journal is opened
    a.run("log", "x")
    assert a.run("sync", "init", url, check=False).returncode == 2
    assert b"secret" not in (a.home / "journal.db").read_bytes()


def test_two_devices_converge(hub_url, devices, clock):
    a, b = devices("a"), devices("b")
    a.run("hub", "init", hub_url)
    for d in (a, b):
        d.run("sync", "init", hub_url)
    a.run("log", "from a #web")
    a.run("skip", "2026-12-24", "--reason", "family")
    a.run("config", "weekly_target", "3")
    assert a.run("sync").stdout.strip() == "↑ 1 entry, 1 skip day, 1 setting · ↓ 0 entries"
    b.run("log", "from b")
    assert b.run("sync").stdout.strip() == (
        "↑ 1 entry · ↓ 1 entry, 1 skip day, 1 setting")  # your own other device
    a.run("sync")
    assert a.texts() == b.texts() == ["from a #web", "from b"]
    assert b.run("config", "weekly_target").stdout.strip() == "3"
    assert [(s["start"], s["reason"]) for s in b.json("skip", "--list")] == [("2026-12-24", "family")]
    # an edit and a delete travel too
    [entry] = [e for e in b.json("list") if e["text"] == "from a #web"]
    b.run("edit", str(entry["id"]), "--text", "from a, edited on b")
    [mine] = [e for e in a.json("list") if e["text"] == "from b"]
    a.run("delete", str(mine["id"]), "--yes")
    for _ in range(2):
        a.run("sync")
        b.run("sync")
    assert a.texts() == b.texts() == ["from a, edited on b"]
    assert a.json("sync", "--status")["waiting"] == 0


def test_row_level_security_is_enforced_by_the_database(pg_server, hub_url, devices):
    """With --roles, member A connecting with plain SQL can read B's rows but cannot
    change or delete them, nor insert a row in B's name: PostgreSQL refuses."""
    import psycopg

    from tests import pg

    db = hub_url.split("@/")[1].split("?")[0]
    for role in ("alice", "bob"):
        pg.ensure_role(pg_server, role)
    admin = devices("admin", "postgres")
    assert admin.run("hub", "init", hub_url, "--roles").stdout.strip() == (
        "hub created (hub schema 2; roles on)")
    alice, bob = devices("alice", "someone"), devices("bob", "bob")
    r = alice.run("sync", "init", pg_server.url(db, "alice"))
    assert "joined the hub as alice" in r.stdout and "(was someone)" in r.stderr
    assert alice.run("config", "author").stdout.strip() == "alice"
    bob.run("sync", "init", pg_server.url(db, "bob"))
    bob.run("log", "bob's ship")
    bob.run("sync")
    alice.run("log", "alice's ship")
    assert alice.run("sync").stdout.strip() == "↑ 1 entry · ↓ 1 entry from 1 member"

    with psycopg.connect(pg_server.url(db, "alice"), autocommit=True) as conn:
        rows = conn.execute("SELECT author, data->>'text' FROM shipit.hub_row "
                            "WHERE tbl = 'entry' ORDER BY author").fetchall()
        assert rows == [("alice", "alice's ship"), ("bob", "bob's ship")]
        cur = conn.execute("UPDATE shipit.hub_row SET data = jsonb_set(data, '{text}', "
                           "'\"hacked\"') WHERE author = 'bob'")
        assert cur.rowcount == 0  # bob's rows are invisible to alice's UPDATE
        assert conn.execute("DELETE FROM shipit.hub_row WHERE author = 'bob'").rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute("INSERT INTO shipit.hub_row (tbl, author, key, seq, updated_at, "
                         "device, data) VALUES ('entry', 'bob', 'x', nextval('shipit.hub_seq'), "
                         "now(), 'd', '{}')")
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute("UPDATE shipit.hub_row SET author = 'bob' WHERE author = 'alice'")
        assert conn.execute("UPDATE shipit.hub_row SET device = device WHERE author = 'alice'"
                            ).rowcount == 1  # her own row she may change
    assert pg_server.sql("SELECT data->>'text' FROM shipit.hub_row WHERE author = 'bob'",
                         db=db) == [("bob's ship",)]
    assert bob.texts() == ["bob's ship"]
    bob.run("sync")
    assert bob.texts() == ["bob's ship"] and bob.json("list", "--author", "alice")[0]["text"] == (
        "alice's ship")


def test_pushing_as_someone_else_is_refused_by_the_hub(pg_server, hub_url, devices):
    """A journal whose author is not its role cannot push: exit 1, nothing changed."""
    from tests import pg

    db = hub_url.split("@/")[1].split("?")[0]
    pg.ensure_role(pg_server, "carol")
    devices("admin", "postgres").run("hub", "init", hub_url, "--roles")
    c = devices("c", "carol")
    c.run("sync", "init", pg_server.url(db, "carol"))
    c.run("log", "mine")
    c.run("config", "author", "mallory")
    p = c.run("sync", check=False)
    assert p.returncode == 1 and "hub knows you as 'carol'" in p.stderr
    assert pg_server.sql("SELECT count(*) FROM shipit.hub_row", db=db) == [(0,)]
    assert c.json("sync", "--status")["waiting"] == 1  # the entry (the author stays local)


def test_clear_errors_leave_the_journal_untouched(pg_server, hub_url, devices, tmp_path):
    from tests import pg

    a = devices("a")
    a.run("hub", "init", hub_url)
    a.run("sync", "init", hub_url)
    a.run("log", "waiting")
    before = (a.home / "journal.db").read_bytes()

    # a hub of a newer version
    db = hub_url.split("@/")[1].split("?")[0]
    pg_server.sql("UPDATE shipit.hub_meta SET value = '99' WHERE key = 'schema_version'", db=db)
    p = a.run("sync", check=False)
    assert p.returncode == 1 and "newer shipit (hub schema 99" in p.stderr
    p = a.run("hub", "init", hub_url, check=False)
    assert p.returncode == 1 and "newer shipit" in p.stderr
    pg_server.sql("UPDATE shipit.hub_meta SET value = '2' WHERE key = 'schema_version'", db=db)

    # unreachable: no server on that socket
    nowhere = f"postgresql://ada@/x?host={tmp_path}"
    p = a.run("sync", "init", nowhere, check=False)
    assert p.returncode == 1 and "hub unreachable" in p.stderr

    # authentication failed (the role 'locked' needs a password)
    pg.ensure_role(pg_server, "locked", member=False, password="right")
    p = a.run("sync", "init", pg_server.url(db, "locked"), env={"PGPASSWORD": "wrong"},
              check=False)  # fmt: skip
    assert p.returncode == 1 and "authentication to the hub" in p.stderr
    assert p.stderr.rstrip().endswith(
        "(check the user name and the password in ~/.pgpass or PGPASSWORD; a ~/.pgpass line "
        "is used only when its host, port, database and user all match the URL, so a typo "
        "in any of them looks like a missing password)")

    assert a.json("sync", "--status")["waiting"] == 1
    assert a.texts() == ["waiting"]
    assert a.run("sync").stdout.strip() == "↑ 1 entry · ↓ 0 entries"
    del before


def test_undo_after_a_sync_never_touches_someone_elses_change(hub_url, devices):
    a, b = devices("a"), devices("b")
    a.run("hub", "init", hub_url)
    for d in (a, b):
        d.run("sync", "init", hub_url)
    a.run("log", "a's first")
    a.run("sync")
    b.run("sync")
    b.run("log", "b's")
    b.run("sync")
    a.run("sync")  # a pulls b's entry as a `sync` change
    history = a.json("history")
    assert [c["command"] for c in history][:2] == ["sync", "log"]
    r = a.run("undo", "--yes")
    assert "Undid change #1 (log)" in r.stdout + r.stderr  # a's own log, not the sync
    assert a.texts() == ["b's"]
    a.run("sync")
    b.run("sync")
    assert b.texts() == ["b's"]


def test_three_members_sync_concurrently(hub_url, devices):
    """Three journals sync at the same time, several rounds: every one ends with all
    thirty entries, none twice."""
    import concurrent.futures

    ds = [devices(n, n) for n in ("ann", "ben", "cat")]
    ds[0].run("hub", "init", hub_url)
    for d in ds:
        d.run("sync", "init", hub_url)

    def work(d: Device) -> None:
        for i in range(10):
            d.run("log", f"{d.user} {i}")
            if i % 3 == 2:
                d.run("sync")

    with concurrent.futures.ThreadPoolExecutor(3) as pool:
        list(pool.map(work, ds))
    for _ in range(2):
        for d in ds:
            d.run("sync")
    for d in ds:
        mine = d.texts()
        assert mine == sorted(f"{d.user} {i}" for i in range(10))
        for other in ds:
            if other is not d:
                got = sorted(e["text"] for e in d.json("list", "--author", other.user))
                assert got == sorted(f"{other.user} {i}" for i in range(10))


def _without_driver(tmp_path: Path) -> dict:
    """An environment where `import psycopg` fails in the shipit process (a
    sitecustomize on PYTHONPATH: find_spec finds nothing)."""
    blocker = tmp_path / "block"
    blocker.mkdir(exist_ok=True)
    (blocker / "sitecustomize.py").write_text(
        "import sys\nclass _Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'psycopg' or name.startswith('psycopg.'):\n"
        "            raise ModuleNotFoundError(\"No module named 'psycopg'\")\n"
        "sys.meta_path.insert(0, _Block())\n")
    return {"PYTHONPATH": str(blocker)}


@pytest.mark.parametrize("args", [("sync",), ("sync", "--status"), ("sync", "init", "postgresql:///x"),
                                  ("hub", "init", "postgresql:///x")])  # fmt: skip
def test_without_the_driver_every_sync_command_says_how_to_install_it(devices, tmp_path, args):
    """psycopg made unimportable (a package on PYTHONPATH that is not there: find_spec
    finds nothing): exit 1 and the pip command; the journal works as before."""
    a = devices("a")
    env = _without_driver(tmp_path)
    a.run("log", "offline", env=env)
    p = a.run(*args, env=env, check=False)
    assert p.returncode == 1, p.stderr
    assert p.stderr.strip() == ('shipit: error: syncing needs the PostgreSQL driver, which is '
                                'not installed (install the PostgreSQL driver: pip install '
                                '".[postgres]" in the shipit clone (pipx: pipx inject shipit '
                                '"psycopg[binary]>=3.2,<4"))')
    assert a.texts() == ["offline"]


def test_auto_sync_without_the_driver_says_so_once(hub_url, devices, tmp_path):
    """Joined with the driver, then without it: auto-sync names the missing driver (not
    an unreachable hub); the command succeeds."""
    a = devices("a")
    a.run("hub", "init", hub_url)
    a.run("sync", "init", hub_url)
    a.run("config", "sync.auto", "on")
    env = _without_driver(tmp_path)
    p = a.run("log", "on the train", env=env)
    assert p.stderr.splitlines() == [
        "not synced: the PostgreSQL driver is not installed (1 change waiting)"]
    p = a.run("log", "still on the train", env={**env, "SHIPIT_LANG": "de"})
    assert p.stderr.splitlines() == [
        "nicht synchronisiert: der PostgreSQL-Treiber ist nicht installiert "
        "(2 Änderungen warten)"]
    assert a.texts() == ["on the train", "still on the train"]


def test_private_entries_never_leave_this_machine(pg_server, hub_url, devices):
    """--private on log, try and step done, and edit --private, keep an entry off the
    hub (not even its uid); edit --shared lets it go; one made private after it was
    shared is taken off the hub (and the other device) as a deletion."""
    a, b = devices("a"), devices("b")
    a.run("hub", "init", hub_url)
    for d in (a, b):
        d.run("sync", "init", hub_url)
    a.run("log", "secret ship", "--private")
    a.run("try", "secret attempt", "--private")
    a.run("step", "done", "secret step", "--private")
    a.run("log", "public ship")
    assert a.run("sync").stdout.strip() == "↑ 1 entry · ↓ 0 entries"
    db = hub_url.split("@/")[1].split("?")[0]
    uids = {e["uid"] for e in a.json("list") if e["text"].startswith("secret")}
    on_hub = {k for (k,) in pg_server.sql("SELECT key FROM shipit.hub_row", db=db)}
    assert len(uids) == 3 and not uids & on_hub
    b.run("sync")
    assert b.texts() == ["public ship"]

    # shared again: it goes up; made private again: it leaves the hub and b
    [secret] = [e for e in a.json("list") if e["text"] == "secret ship"]
    a.run("edit", str(secret["id"]), "--shared")
    a.run("sync")
    b.run("sync")
    assert b.texts() == ["public ship", "secret ship"]
    a.run("edit", str(secret["id"]), "--private")
    a.run("sync")
    b.run("sync")
    assert b.texts() == ["public ship"]
    assert a.texts() == ["public ship", "secret attempt", "secret ship", "secret step"]
    # undo of `edit --private` shares it again, like any change
    a.run("undo", "--yes")
    a.run("sync")
    b.run("sync")
    assert b.texts() == ["public ship", "secret ship"]
