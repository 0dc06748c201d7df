"""The prompt status file after a sync: a sync that changes none of the journal's own
rows keeps the file as it was (it is not computed from every day again), and it stays
fresh; a sync that brings one of your ships from another device computes it again."""

from __future__ import annotations

import os

import pytest

from tests.test_sync_hub import Device


def status_of(device: Device, monkeypatch: pytest.MonkeyPatch) -> tuple[str | None, str]:
    """(the status file if fresh, None if stale; the status computed from the journal)."""
    from shipit.services.journal import Journal
    from shipit.storage.db import close_all
    from shipit.storage.status import read_fresh_status

    monkeypatch.setenv("SHIPIT_HOME", str(device.home))
    fresh = read_fresh_status(os.path.join(device.home, "journal.db"))
    journal = Journal()
    try:
        computed = journal.status_text()
    finally:
        close_all()
    assert computed is not None
    return fresh, computed


def test_the_status_file_stays_right_and_fresh_through_syncs(hub_url, tmp_path, monkeypatch):
    a, b = Device(tmp_path / "a"), Device(tmp_path / "b")
    a.run("hub", "init", hub_url)
    for d in (a, b):
        d.run("sync", "init", hub_url)
    b.run("log", "an older day on b", "--date", "2026-01-05")

    a.run("log", "shipped on a")
    before = (a.home / "status").read_text()
    assert a.run("sync").stdout.strip() == "↑ 1 entry · ↓ 0 entries"
    assert (a.home / "status").read_text() == before
    assert status_of(a, monkeypatch) == (before, before)

    # b pulls one of its own author's ships (from device a): computed again
    old_b = (b.home / "status").read_text()
    assert b.run("sync").stdout.strip() == "↑ 1 entry · ↓ 1 entry"
    fresh, computed = status_of(b, monkeypatch)
    assert fresh == computed != old_b
    assert computed.splitlines()[1].split()[1] == "✔"  # today, shipped (on a)

    # nothing moves: the file is kept, and still fresh
    assert b.run("sync").stdout.strip() == "↑ 0 entries · ↓ 0 entries"
    assert status_of(b, monkeypatch) == (computed, computed)
