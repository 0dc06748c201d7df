"""Other members' backlog items over a real hub: a journal that synced before (when a
pull dropped them) gets them once; `step list --author NAME` shows them read only, the
step commands refuse them by name, and a private step that closed one never shows.
One scenario, one hub: the PostgreSQL tests are kept few."""

from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest

from tests.german import GERMAN, english_left
from tests.test_sync_hub import Device


@pytest.fixture
def team(hub_url, tmp_path):
    """ada and bob on one hub; bob has three backlog items (one closed by a private
    step), synced to ada."""
    ada, bob = Device(tmp_path / "ada", "ada"), Device(tmp_path / "bob", "bob")
    ada.run("hub", "init", hub_url)
    for d in (ada, bob):
        d.run("sync", "init", hub_url)
    bob.run("step", "add", "fix the flaky test", "--annoyance", "5")
    bob.run("step", "add", "rename the config", "--annoyance", "2")
    bob.run("step", "add", "tidy the wiki", "--annoyance", "4")
    bob.run("step", "done", "2", "--private", "--note", "bob's secret note")
    bob.run("sync")
    return ada, bob


def _day(instant: str) -> str:
    d = datetime.fromisoformat(instant).astimezone().date()
    return f"{d:%a} {d.day} {d:%b %Y}"


def _journal_rows(d: Device) -> tuple:
    con = sqlite3.connect(d.home / "journal.db")
    try:
        return tuple(con.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
                     for t in ("backlog", "member_backlog", "change", "entry"))  # fmt: skip
    finally:
        con.close()


def _as_schema_6_left_it(d: Device) -> None:
    """The journal as shipit before schema 7 left it after a sync: other members'
    backlog items dropped, the pull cursor past them, the backlog's sequence untouched."""
    con = sqlite3.connect(d.home / "journal.db")
    with con:
        con.execute("DROP TABLE member_backlog")
        con.execute("DELETE FROM sqlite_sequence WHERE name = 'backlog'")
        con.execute("PRAGMA user_version = 6")
    con.close()


def test_a_teammates_backlog_arrives_read_only_and_is_refused_by_name(team):
    ada, bob = team
    # ada synced under the older shipit, which dropped bob's items and pulled past them:
    # the migration marks the journal, and its next sync fetches them, once
    ada.run("sync")
    _as_schema_6_left_it(ada)
    assert ada.json("sync", "--status")["hub_seq"] > 0  # migrates (a backup first)
    con = sqlite3.connect(ada.home / "journal.db")
    assert con.execute("SELECT value FROM local_state WHERE key = 'sync.refetch'"
                       ).fetchall() == [("backlog",)]  # fmt: skip
    assert con.execute("SELECT count(*) FROM member_backlog").fetchone() == (0,)
    con.close()
    assert ada.run("sync").stdout.strip() == (
        "↑ 0 entries · ↓ 0 entries, 3 backlog items from 1 member")
    assert ada.run("sync").stdout.strip() == "↑ 0 entries · ↓ 0 entries"
    con = sqlite3.connect(ada.home / "journal.db")
    assert con.execute("SELECT count(*), count(DISTINCT uid) FROM member_backlog"
                       ).fetchone() == (3, 3)  # fmt: skip
    assert con.execute("SELECT count(*) FROM local_state WHERE key = 'sync.refetch'"
                       ).fetchone() == (0,)  # fmt: skip
    con.close()
    items = ada.json("step", "list", "--author", "bob")
    # the keys of your own `step list --json`, and the member's name; their step has no id
    # here. The ids are this journal's (in the order the items arrived), as entry ids are.
    assert [(i["id"], i["text"], i["annoyance"], i["closed_at"], i["entry_id"], i["author"])
            for i in items] == [(1, "fix the flaky test", 5, None, None, "bob"),
                                (2, "tidy the wiki", 4, None, None, "bob")]  # fmt: skip
    assert list(items[0]) == ["id", "uid", "text", "annoyance", "created_at", "closed_at",
                              "entry_id", "author"]  # fmt: skip
    mine = {i["uid"]: i for i in bob.json("step", "list", "--all")}
    assert {i["uid"]: (i["text"], i["created_at"]) for i in items} == {
        u: (i["text"], i["created_at"]) for u, i in mine.items() if i["closed_at"] is None}
    p = ada.run("step", "list", "--author", "bob")
    day = _day(items[0]["created_at"])
    assert p.stdout == (f"1\t●●●●● 5\t{day}\tfix the flaky test\n"
                        f"2\t●●●●○ 4\t{day}\ttidy the wiki\n")  # fmt: skip
    assert p.stderr.strip() == "2 open items in bob's backlog (theirs: read only)"
    everything = ada.json("step", "list", "--author", "bob", "--all")
    [closed] = [i for i in everything if i["closed_at"] is not None]
    assert (closed["text"], closed["entry_id"]) == ("rename the config", None)
    # the private step that closed it never left bob's machine, nor its note
    assert ada.json("list", "--author", "bob") == []
    # not yours: every step command on it is refused by name, exit 2, nothing changed
    before = _journal_rows(ada)
    for args in (("done", "1"), ("drop", "2"), ("edit", "3", "--text", "mine now"),
                 ("start", "1", "--minutes", "1")):  # fmt: skip
        p = ada.run("step", *args, check=False)
        assert (p.returncode, p.stdout) == (2, ""), args
        assert p.stderr.strip() == (f"shipit: error: backlog item {args[1]} is bob's: "
                                    "only bob can do it, drop it or edit it"), args  # fmt: skip
    assert _journal_rows(ada) == before
    # your own items never take a teammate's number; your backlog is yours alone
    assert ada.json("step", "add", "ada's own")["id"] == 4
    own = ada.json("step", "list")
    assert [i["text"] for i in own] == ["ada's own"] and "author" not in own[0]
    assert ada.json("step", "list", "--author", "ada") == own
    # a name that is no member: refused as `list --author` refuses it
    p = ada.run("step", "list", "--author", "nobody", check=False)
    assert p.returncode == 2 and p.stderr.strip() == (
        "shipit: error: no member named 'nobody' in this journal "
        "(see 'shipit team' for the members synced here)")
    # in German
    p = ada.run("step", "list", "--author", "bob", env=GERMAN)
    assert p.stderr.strip() == "2 offene Punkte im Backlog von bob (nur zum Lesen)"
    assert english_left(p.stderr) == []
    p = ada.run("step", "done", "3", env=GERMAN, check=False)
    assert p.returncode == 2 and p.stderr.strip() == (
        "shipit: Fehler: Backlog-Punkt 3 gehört bob: nur bob kann ihn erledigen, streichen "
        "oder ändern")
    # bob's changes follow: an edit, a drop, a step done
    bob.run("step", "edit", "3", "--annoyance", "1")
    bob.run("step", "drop", "1")
    bob.run("sync")
    assert ada.run("sync").stdout.strip() == (
        "↑ 0 entries, 1 backlog item · ↓ 0 entries, 2 backlog items from 1 member")
    assert [(i["id"], i["annoyance"]) for i in ada.json("step", "list", "--author", "bob")] == [
        (2, 1)]
    bob.run("step", "done", "3")
    bob.run("sync")
    ada.run("sync")
    p = ada.run("step", "list", "--author", "bob")
    assert (p.stdout, p.stderr.strip()) == ("", "bob's backlog is empty (as of your last sync).")

