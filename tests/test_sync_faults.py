"""Sync under conflict, clock skew and faults: real processes, real SIGKILL, a real
PostgreSQL server stopped mid-sync. Whatever happens, a rerun converges: every entry
exactly once on every replica and on the hub."""

from __future__ import annotations

import os
import signal
import subprocess
import time

import pytest

from tests.conftest import clear_faketime_leftovers, shipit_exe
from tests.test_sync_hub import Device


@pytest.fixture
def pair(hub_url, tmp_path):
    a, b = Device(tmp_path / "a"), Device(tmp_path / "b")
    a.run("hub", "init", hub_url)
    for d in (a, b):
        d.run("sync", "init", hub_url)
    return a, b


def run_at(device: Device, when: str, *args: str):
    """Run shipit with the device's clock stopped at `when` (faketime -f: the process's
    real clock, frozen)."""
    full = {**os.environ, "SHIPIT_HOME": str(device.home), "USER": device.user,
            "LOGNAME": device.user}  # fmt: skip
    clear_faketime_leftovers()
    p = subprocess.run(["faketime", "-f", when, *shipit_exe(), *args], capture_output=True, text=True,
                       env=full, stdin=subprocess.DEVNULL, timeout=120)  # fmt: skip
    assert p.returncode == 0, p.stderr
    return p


def entry_id(device: Device, text: str) -> str:
    [e] = [e for e in device.json("list") if e["text"] == text]
    return str(e["id"])


def converge(*devices: Device) -> None:
    for _ in range(2):
        for d in devices:
            d.run("sync")


def test_conflicting_edits_the_newest_wins_whatever_the_sync_order(pair):
    a, b = pair
    run_at(a, "2026-11-23 12:00:00", "log", "original")
    converge(a, b)
    run_at(b, "2026-11-23 12:05:00", "edit", entry_id(b, "original"), "--text", "b at 12:05")
    run_at(a, "2026-11-23 12:10:00", "edit", entry_id(a, "original"), "--text", "a at 12:10")
    b.run("sync")  # b's older edit reaches the hub first
    converge(a, b)
    assert a.texts() == b.texts() == ["a at 12:10"]
    # and the other way round: the older edit syncs last and still loses
    run_at(a, "2026-11-23 13:00:00", "edit", entry_id(a, "a at 12:10"), "--text", "a at 13:00")
    run_at(b, "2026-11-23 12:30:00", "edit", entry_id(b, "a at 12:10"), "--text", "b at 12:30")
    a.run("sync")
    converge(b, a)
    assert a.texts() == b.texts() == ["a at 13:00"]


def test_a_tie_is_broken_by_device_id(pair):
    a, b = pair
    run_at(a, "2026-11-23 12:00:00", "log", "original")
    converge(a, b)
    run_at(a, "2026-11-23 12:05:00", "edit", entry_id(a, "original"), "--text", "from a")
    run_at(b, "2026-11-23 12:05:00", "edit", entry_id(b, "original"), "--text", "from b")
    converge(a, b)
    devices = {a.json("sync", "--status")["device"]: "from a",
               b.json("sync", "--status")["device"]: "from b"}  # fmt: skip
    assert a.texts() == b.texts() == [devices[max(devices)]]


def test_a_delete_wins_over_an_older_edit(pair):
    a, b = pair
    run_at(a, "2026-11-23 12:00:00", "log", "doomed")
    converge(a, b)
    run_at(a, "2026-11-23 12:01:00", "edit", entry_id(a, "doomed"), "--text", "edited")
    run_at(b, "2026-11-23 12:02:00", "delete", entry_id(b, "doomed"), "--yes")
    converge(a, b)
    assert a.texts() == b.texts() == []


def ahead(days: int = 3) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(time.time() + days * 86400))


def test_a_device_three_days_ahead_loses_nothing(pair):
    """Clock skew decides only between conflicting edits: every entry of both devices
    arrives once, whatever the clocks say."""
    a, b = pair
    for i in range(3):
        a.run("log", f"a {i}")
        run_at(b, ahead(), "log", f"b {i}")
        converge(a, b)
    expected = sorted([f"a {i}" for i in range(3)] + [f"b {i}" for i in range(3)])
    assert a.texts() == b.texts() == expected
    # b (ahead) edits an entry before a does in real time: b's version wins, a's edit
    # is the one that loses — but no entry is lost or doubled
    run_at(b, ahead(), "edit", entry_id(b, "a 0"), "--text", "b's edit (ahead)")
    a.run("edit", entry_id(a, "a 0"), "--text", "a's edit (on time)")
    converge(a, b)
    assert a.texts() == b.texts() == sorted(expected[1:] + ["b's edit (ahead)"])


def _hub_entries(pg_server, url: str) -> list[tuple]:
    db = url.split("@/")[1].split("?")[0]
    return pg_server.sql("SELECT key, data->>'text' FROM shipit.hub_row WHERE tbl = 'entry' "
                         "AND data IS NOT NULL ORDER BY 2", db=db)  # fmt: skip


def _add_entries(device: Device, prefix: str, n: int) -> list[str]:
    """n entries in one import (fast), so a sync has something sizeable to move."""
    import json
    import uuid

    path = device.home.parent / f"{prefix}.json"
    texts = [f"{prefix} {i}" for i in range(n)]
    stamp = "2026-11-20T10:00:00+00:00"
    path.write_text(json.dumps({"format": "shipit-journal", "version": 1, "entries": [
        {"uid": str(uuid.uuid4()), "kind": "ship", "text": t, "day": "2026-11-20",
         "created_at": stamp, "updated_at": stamp, "tags": []} for t in texts]}))  # fmt: skip
    device.run("import", str(path))
    return texts


def test_kill_9_at_twenty_moments_then_a_rerun_converges(pair, pg_server, hub_url):
    a, b = pair
    expected: list[str] = []
    env = {**os.environ, "SHIPIT_HOME": str(a.home), "USER": a.user, "LOGNAME": a.user}
    for i in range(20):
        expected += _add_entries(a, f"a{i:02}", 150)
        expected += _add_entries(b, f"b{i:02}", 5)
        b.run("sync")
        p = subprocess.Popen([*shipit_exe(), "sync"], env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)  # fmt: skip
        time.sleep(0.05 + i * 0.08)  # from before the push to after the pull
        p.send_signal(signal.SIGKILL)
        p.wait()
    converge(a, b)
    assert a.texts() == b.texts() == sorted(expected)
    on_hub = _hub_entries(pg_server, hub_url)
    assert sorted(t for _, t in on_hub) == sorted(expected)
    assert a.json("sync", "--status")["waiting"] == 0


def test_the_hub_stopped_mid_sync_then_a_rerun_converges(pair, pg_server, hub_url):
    a, b = pair
    expected = _add_entries(a, "a", 3000)
    env = {**os.environ, "SHIPIT_HOME": str(a.home), "USER": a.user, "LOGNAME": a.user}
    p = subprocess.Popen([*shipit_exe(), "sync"], env=env, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)  # fmt: skip
    time.sleep(0.8)
    pg_server.stop("immediate")
    try:
        out, err = p.communicate(timeout=60)
        assert p.returncode in (0, 1), err
        if p.returncode == 1:
            assert "hub unreachable" in err or "hub" in err
        failed = a.run("sync", check=False)
        assert failed.returncode == 1 and "hub unreachable" in failed.stderr
        assert a.texts() == sorted(expected)  # local data untouched
    finally:
        pg_server.start()
    converge(a, b)
    assert a.texts() == b.texts() == sorted(expected)
    assert sorted(t for _, t in _hub_entries(pg_server, hub_url)) == sorted(expected)
