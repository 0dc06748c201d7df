"""Auto-sync (`shipit config sync.auto on`): every writing command syncs after its own
transaction committed, on a real PostgreSQL hub; an unreachable hub never fails the
command nor undoes its write."""

from __future__ import annotations

import os
import socket
import sqlite3
import threading
import time

import pytest

from tests.test_sync_faults import pair as joined_pair  # noqa: F401  (a fixture)
from tests.test_sync_hub import Device


@pytest.fixture
def pair(joined_pair):
    """Two devices of ada's on one hub; the first syncs by itself."""
    a, b = joined_pair
    a.run("config", "sync.auto", "on")
    return a, b


def _hub_texts(pg_server, hub_url: str) -> list[str]:
    db = hub_url.split("@/")[1].split("?")[0]
    rows = pg_server.sql("SELECT data->>'text' FROM shipit.hub_row WHERE tbl = 'entry' "
                         "AND data IS NOT NULL", db=db)  # fmt: skip
    return sorted(t for (t,) in rows)


def _point_at(device: Device, url: str) -> None:
    """Make the joined journal's hub URL another one (as if the hub moved)."""
    conn = sqlite3.connect(device.home / "journal.db")
    with conn:
        conn.execute("UPDATE local_state SET value = ? WHERE key = 'sync.url'", (url,))
    conn.close()


def test_config_lists_and_sets_the_sync_settings(tmp_path):
    a = Device(tmp_path / "a")
    listed = a.json("config")
    assert listed["sync.auto"] == "off" and listed["sync.timeout"] == "2"
    assert a.run("config", "sync.auto", "on").stdout.strip() == "sync.auto = on"
    assert a.run("config", "sync.auto").stdout.strip() == "on"
    assert a.run("config", "sync.timeout", "5").stdout.strip() == "sync.timeout = 5"
    bad = a.run("config", "sync.auto", "sometimes", check=False)
    assert bad.returncode == 2 and "expected on or off" in bad.stderr
    bad = a.run("config", "sync.timeout", "0", check=False)
    assert bad.returncode == 2 and "2 to 60" in bad.stderr
    assert a.json("config")["sync.auto"] == "on"
    a.run("undo", "--yes")
    assert a.json("config")["sync.timeout"] == "2"


def test_a_log_reaches_the_hub_by_itself(pair, pg_server, hub_url):
    a, b = pair
    p = a.run("log", "shipped with auto-sync")
    assert p.stderr == ""  # a sync that only pushed says nothing
    assert _hub_texts(pg_server, hub_url) == ["shipped with auto-sync"]
    assert a.json("sync", "--status")["waiting"] == 0
    b.run("sync")
    assert b.texts() == ["shipped with auto-sync"]
    # an edit and a delete go up by themselves too
    [entry] = a.json("list")
    a.run("edit", str(entry["id"]), "--text", "edited")
    assert _hub_texts(pg_server, hub_url) == ["edited"]
    a.run("delete", str(entry["id"]), "--yes")
    assert _hub_texts(pg_server, hub_url) == []
    # the sync settings are this device's: they never travel
    b.run("sync")
    assert b.json("config")["sync.auto"] == "off"


def test_an_auto_sync_that_brings_changes_says_so_in_one_line(pair):
    a, b = pair
    b.run("log", "from the other device")
    b.run("sync")
    p = a.run("log", "here")
    assert p.stderr.strip() == "synced: ↑ 1 entry · ↓ 1 entry"
    assert a.texts() == ["from the other device", "here"]


def test_a_private_entry_never_reaches_the_hub_through_auto_sync(pair, pg_server, hub_url):
    a, b = pair
    a.run("log", "--private", "my secret")
    a.run("try", "--private", "secret attempt")
    a.run("step", "done", "--private", "secret step")
    a.run("log", "public")
    assert _hub_texts(pg_server, hub_url) == ["public"]
    b.run("sync")
    assert b.texts() == ["public"]


def test_with_the_hub_down_the_command_succeeds_and_says_so_once(pair, pg_server, hub_url):
    a, b = pair
    pg_server.stop("immediate")
    try:
        p = a.run("log", "written offline")
        assert p.returncode == 0
        assert p.stderr.splitlines() == ["not synced: hub unreachable (1 change waiting)"]
        assert p.stdout.startswith("Shipped #1 ship")
        p = a.run("skip", "2026-12-24")
        assert p.stderr.splitlines()[-1] == "not synced: hub unreachable (2 changes waiting)"
        assert a.texts() == ["written offline"]  # the write stays
        for read in (("today",), ("list",), ("stats",), ("week",), ("sync", "--status")):
            assert "not synced" not in a.run(*read).stderr  # reads never auto-sync
        failed = a.run("sync", check=False)  # `sync` itself still fails, exit 1
        assert failed.returncode == 1 and "hub unreachable" in failed.stderr
        assert failed.stderr.count("hub unreachable") == 1
    finally:
        pg_server.start()
    assert a.json("sync", "--status")["waiting"] == 2
    assert a.run("sync").stdout.strip() == "↑ 1 entry, 1 skip day · ↓ 0 entries"
    assert _hub_texts(pg_server, hub_url) == ["written offline"]
    b.run("sync")
    assert b.texts() == ["written offline"]


def test_a_hub_that_never_answers_holds_the_command_for_the_timeout_only(pair):
    """A listening socket that accepts and never replies: the log returns after about
    the 2 s timeout (a bound, not a benchmark), exit 0, its entry kept."""
    a, _ = pair
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                pass

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        _point_at(a, f"postgresql://ada@127.0.0.1:{server.getsockname()[1]}/hub")
        started = time.monotonic()
        a.run("today")  # what starting a command costs on this machine right now
        baseline = time.monotonic() - started
        started = time.monotonic()
        p = a.run("log", "while the hub is silent", timeout=30)
        elapsed = time.monotonic() - started
        assert p.stderr.splitlines() == ["not synced: hub unreachable (1 change waiting)"]
        assert held  # it did connect: the wait was on a silent server
        # about the 2 s timeout beyond a command's own cost (a bound, not a benchmark:
        # generous for a busy machine, far below a hub that is waited for forever)
        assert 1.5 < elapsed and elapsed - baseline < 4.0, (elapsed, baseline)
        assert a.texts() == ["while the hub is silent"]
    finally:
        stop.set()
        thread.join()
        for s in held:
            s.close()
        server.close()


def test_auto_sync_off_or_not_joined_never_talks_to_a_hub(tmp_path, pair):
    a, _ = pair
    a.run("config", "sync.auto", "off")
    _point_at(a, "postgresql://ada@/hub?host=/nonexistent&port=1")
    assert a.run("log", "quiet").stderr == ""
    assert a.json("sync", "--status")["waiting"] == 1
    lone = Device(tmp_path / "lone")
    lone.run("config", "sync.auto", "on")
    assert lone.run("log", "not joined").stderr == ""


def test_a_restore_is_synced_too(pair, pg_server, hub_url):
    """`restore` commits outside the usual write transaction: it auto-syncs all the same."""
    a, _ = pair
    a.run("log", "kept in the backup")
    backup = a.run("backup").stdout.strip()
    [entry] = a.json("list")
    a.run("delete", str(entry["id"]), "--yes")
    assert _hub_texts(pg_server, hub_url) == []
    a.run("restore", backup)
    assert a.texts() == ["kept in the backup"]
    assert _hub_texts(pg_server, hub_url) == ["kept in the backup"]


@pytest.mark.parametrize("setup", [(), (("config", "sync.auto", "on"),)])
def test_a_journal_that_does_not_sync_loads_nothing_of_sync(tmp_path, setup):
    """The auto-sync check after a write is one read of the open journal: a journal not
    joined to a hub (most of them) never imports the sync service (docs/performance.md)."""
    import subprocess
    import sys

    home = tmp_path / "home"
    lone = Device(home)
    lone.run("log", "first")
    for args in setup:
        lone.run(*args)
    code = ("import sys\nsys.argv = ['shipit', 'log', 'second']\nfrom shipit.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith(('shipit.services.sync', "
            "'shipit.storage.replica', 'shipit.views.sync', 'psycopg'))))\n")  # fmt: skip
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**os.environ, "SHIPIT_HOME": str(home)}, check=True).stdout  # fmt: skip
    assert out.strip().splitlines()[-1] == "[]"
    assert [e["text"] for e in lone.json("list")] == ["second", "first"]
