"""Ship It projects travel with the sync: a card is its planner's rows (one owner), a
member's links and thrash are theirs; real journals, a real PostgreSQL hub."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from datetime import date

import pytest

from tests.conftest import shipit_exe
from tests.test_sync_faults import converge, pair  # noqa: F401 (pair: a fixture)
from tests.test_sync_hub import Device


def db_of(url: str) -> str:
    return url.split("@/")[1].split("?")[0]


def card(d: Device, name: str = "pricing") -> dict:
    shown = d.json("project", "show", name)
    shown.pop("time_left")
    return shown


@pytest.fixture
def team(hub_url, tmp_path):
    """alice and bob, each their own journal (author) on one hub without roles."""
    alice, bob = Device(tmp_path / "alice", "alice"), Device(tmp_path / "bob", "bob")
    alice.run("hub", "init", hub_url)
    for d in (alice, bob):
        d.run("sync", "init", hub_url)
    return alice, bob


def test_two_devices_converge_on_a_project_planned_on_one_answered_on_the_other(pair):
    a, b = pair
    a.run("project", "new", "Pricing page", "--ship", "in 10 days", "--owner", "Ana")
    a.run("project", "answer", "pricing", "fears", "nobody buys")
    a.run("log", "pricing table +pricing")
    assert a.run("sync").stdout.strip() == "↑ 1 entry, 1 project, 2 card items, 1 project link · ↓ 0 entries"
    assert b.run("sync").stdout.strip() == "↑ 0 entries · ↓ 1 entry, 1 project, 2 card items, 1 project link"
    assert card(b) == card(a)
    b.run("project", "answer", "pricing", "truth", "the design is weak")
    b.run("project", "thrash", "pricing", "add a FAQ")
    b.run("project", "move", "pricing", "in 12 days", "--reason", "legal")
    a.run("project", "answer", "pricing", "fears", "nobody buys, at all")
    converge(a, b)
    got = card(a)
    assert got == card(b)
    assert got["answers"]["truth"] == "the design is weak"
    assert got["answers"]["fears"] == "nobody buys, at all"
    assert [t["text"] for t in got["thrash"]] == ["add a FAQ"]
    assert [m["reason"] for m in got["moves"]] == ["legal"]
    assert [e["text"] for e in got["linked"]] == ["pricing table +pricing"]
    # shipping it on one device ends it on both; deleting that ship reopens it on both
    b.run("project", "ship", "pricing")
    converge(a, b)
    assert card(a)["status"] == card(b)["status"] == "shipped"
    [ship] = [e for e in a.json("list") if e["text"] == "Shipped Pricing page"]
    a.run("delete", str(ship["id"]), "--yes")
    converge(a, b)
    assert card(a) == card(b) and card(b)["status"] == "active"
    assert a.json("sync", "--status")["waiting"] == b.json("sync", "--status")["waiting"] == 0


def test_a_member_sees_the_team_project_and_links_a_ship_to_it(team):
    alice, bob = team
    alice.run("project", "new", "Pricing page", "--ship", "in 10 days", "--owner", "alice",
              "--member", "bob")  # fmt: skip
    alice.run("project", "new", "Alice alone", "--short", "solo", "--ship", "in 5 days")
    alice.run("sync")
    bob.run("sync")
    listed = bob.json("project", "list")
    assert [(p["short"], p["author"]) for p in listed] == [("pricing", "alice")]  # bob's teams
    assert bob.json("project", "show", "solo")["author"] == "alice"  # any team card shows
    r = bob.run("log", "pricing copy written +pricing")
    assert "→ linked to +pricing" in r.stdout
    bob.run("project", "thrash", "pricing", "what about a monthly plan?")
    # the card is alice's: bob may not change it (exit 2, nothing changed)
    for args in (("answer", "pricing", "fears", "mine now"),
                 ("move", "pricing", "in 20 days", "--reason", "bob says"),
                 ("ship", "pricing"), ("drop", "pricing", "--lesson", "no")):  # fmt: skip
        p = bob.run("project", *args, check=False)
        assert p.returncode == 2 and "alice's project" in p.stderr, (args, p.stderr)
    assert bob.run("sync").stdout.strip() == (
        "↑ 1 entry, 1 card item, 1 project link · ↓ 0 entries")  # the link and the thrash item: bob's
    assert alice.run("sync").stdout.strip() == (
        "↑ 0 entries · ↓ 1 entry, 1 card item, 1 project link from 1 member")
    shown = card(alice)
    assert [(e["text"], e.get("author")) for e in shown["linked"]] == [
        ("pricing copy written +pricing", "bob")]
    assert [t["text"] for t in shown["thrash"]] == ["what about a monthly plan?"]
    # the card names bob where an id would be: his entry has none here (no "#0")
    [bob_ship] = shown["linked"]
    assert bob_ship["id"] is None
    day = date.fromisoformat(bob_ship["day"])
    text = alice.run("project", "show", "pricing").stdout
    assert ("Linked by bob (1 entry)\n"
            f"{day:%a} {day.day} {day:%b %Y}\tbob\tship\tpricing copy written +pricing\n") in text
    assert "#0" not in text
    listed = {p["short"]: p["ships_this_week"] for p in alice.json("project", "list")}
    assert listed == {"solo": 0, "pricing": 1}  # bob's ship counts on the team card
    assert shown["author"] is None  # her own card
    # bob's own figures stay his: the ship counts for him, the card is alice's
    assert [e["text"] for e in bob.json("list")] == ["pricing copy written +pricing"]
    assert [e["text"] for e in alice.json("list")] == []


def test_a_project_short_name_taken_here_arrives_under_another(team):
    alice, bob = team
    alice.run("project", "new", "Pricing page", "--ship", "in 10 days", "--member", "bob")
    bob.run("project", "new", "Pricing for bob", "--short", "pricing", "--ship", "in 9 days")
    converge(alice, bob)
    assert sorted(p["short"] for p in bob.json("project", "list")) == ["pricing", "pricing-alice"]
    assert bob.json("project", "show", "pricing-alice")["name"] == "Pricing page"
    assert alice.json("project", "show", "pricing")["name"] == "Pricing page"


def test_row_level_security_guards_the_project_card(pg_server, hub_url, tmp_path):
    """bob, connected as himself with plain SQL, cannot change alice's card, nor write a
    row in her name; his own link he may change."""
    import psycopg

    from tests import pg

    db = db_of(hub_url)
    for role in ("alice", "bob"):
        pg.ensure_role(pg_server, role)
    Device(tmp_path / "admin", "postgres").run("hub", "init", hub_url, "--roles")
    alice, bob = Device(tmp_path / "alice", "alice"), Device(tmp_path / "bob", "bob")
    alice.run("sync", "init", pg_server.url(db, "alice"))
    bob.run("sync", "init", pg_server.url(db, "bob"))
    alice.run("project", "new", "Pricing page", "--ship", "in 10 days", "--member", "bob")
    alice.run("project", "answer", "pricing", "fears", "nobody buys")
    alice.run("sync")
    bob.run("sync")
    bob.run("log", "bob's part +pricing")
    bob.run("sync")
    with psycopg.connect(pg_server.url(db, "bob"), autocommit=True) as conn:
        tables = dict(conn.execute("SELECT tbl, author FROM shipit.hub_row WHERE tbl LIKE 'project%' "
                                   "ORDER BY tbl").fetchall())  # fmt: skip
        assert tables == {"project": "alice", "project_answer": "alice", "project_link": "bob"}
        cur = conn.execute("UPDATE shipit.hub_row SET data = jsonb_set(data, '{name}', "
                           "'\"bob''s now\"') WHERE tbl = 'project'")
        assert cur.rowcount == 0  # alice's card: invisible to bob's UPDATE
        assert conn.execute("DELETE FROM shipit.hub_row WHERE tbl LIKE 'project%' AND "
                            "author = 'alice'").rowcount == 0  # fmt: skip
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute("INSERT INTO shipit.hub_row (tbl, author, key, seq, updated_at, device, "
                         "data) VALUES ('project_answer', 'alice', 'x', "
                         "nextval('shipit.hub_seq'), now(), 'd', '{}')")  # fmt: skip
        assert conn.execute("UPDATE shipit.hub_row SET device = device WHERE tbl = 'project_link'"
                            ).rowcount == 1  # his own link
    assert pg_server.sql("SELECT data->>'name' FROM shipit.hub_row WHERE tbl = 'project'",
                         db=db) == [("Pricing page",)]  # fmt: skip


def test_undo_after_a_sync_of_a_project_change(pair):
    a, b = pair
    a.run("project", "new", "Pricing page", "--ship", "in 10 days")
    a.run("project", "answer", "pricing", "fears", "nobody buys")
    converge(a, b)
    # b's undo takes back b's own last change, never the sync that brought a's answer
    b.run("log", "b's ship")
    b.run("sync")
    r = b.run("undo", "--yes")
    assert "(log)" in r.stdout + r.stderr
    assert card(b)["answers"]["fears"] == "nobody buys"
    # a's undo after syncing travels like any change: the answer leaves b's card too
    r = a.run("undo", "--yes")
    assert "project answer" in r.stdout + r.stderr
    converge(a, b)
    assert "fears" not in card(a)["answers"] and card(a) == card(b)
    # and undoing `project new` takes the card off the other device
    a.run("undo", "--yes")
    converge(a, b)
    assert a.json("project", "list", "--all") == b.json("project", "list", "--all") == []


def test_private_entries_links_never_leave(pg_server, hub_url, pair):
    a, b = pair
    a.run("project", "new", "Pricing page", "--ship", "in 10 days")
    a.run("log", "secret work +pricing", "--private")
    a.run("log", "public work +pricing")
    a.run("sync")
    secret = [e["uid"] for e in a.json("list") if e["text"].startswith("secret")]
    keys = {k for (k,) in pg_server.sql("SELECT key FROM shipit.hub_row", db=db_of(hub_url))}
    assert secret and not set(secret) & keys
    b.run("sync")
    assert [e["text"] for e in card(b)["linked"]] == ["public work +pricing"]
    # made private after it was shared: the entry and its link leave the hub
    [public] = [e for e in a.json("list") if e["text"] == "public work +pricing"]
    a.run("edit", str(public["id"]), "--private")
    converge(a, b)
    assert card(b)["linked"] == []
    rows = pg_server.sql("SELECT tbl FROM shipit.hub_row WHERE key = %s AND data IS NOT NULL"
                         % f"'{public['uid']}'", db=db_of(hub_url))  # fmt: skip
    assert rows == []


def test_kill_9_mid_sync_of_projects_then_a_rerun_converges(pair):
    a, b = pair
    env = {**os.environ, "SHIPIT_HOME": str(a.home), "USER": a.user, "LOGNAME": a.user}
    a.run("project", "new", "Project 0", "--short", "p0", "--ship", "in 10 days")
    converge(a, b)
    for i in range(1, 7):
        short = f"p{i}"
        a.run("project", "new", f"Project {i}", "--short", short, "--ship", "in 10 days")
        for q in ("fears", "truth", "perfect", "good_enough"):
            a.run("project", "answer", short, q, f"{q} of {i}")
        a.run("log", f"work {i} +{short}")
        b.run("project", "thrash", "p0", f"b's idea {i}")
        b.run("sync")
        p = subprocess.Popen([*shipit_exe(), "sync"], env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)  # fmt: skip
        time.sleep(0.05 + i * 0.12)
        p.send_signal(signal.SIGKILL)
        p.wait()
    converge(a, b)
    assert a.json("project", "list") == b.json("project", "list")
    for i in range(7):
        assert card(a, f"p{i}") == card(b, f"p{i}")
    assert len(card(a, "p0")["thrash"]) == 6
    assert a.json("sync", "--status")["waiting"] == b.json("sync", "--status")["waiting"] == 0


def test_a_hub_of_schema_1_is_upgraded_by_hub_init(pg_server, hub_url, tmp_path):
    """A hub of schema 1 (before projects travelled) is refused until `hub init`
    upgrades it; a journal that synced with it under an older shipit (which skipped its
    project rows) sends them once the hub is upgraded."""
    import sqlite3

    a = Device(tmp_path / "a")
    a.run("hub", "init", hub_url)
    a.run("sync", "init", hub_url)
    a.run("log", "synced before")
    a.run("sync")
    db = db_of(hub_url)
    pg_server.sql("UPDATE shipit.hub_meta SET value = '1' WHERE key = 'schema_version'", db=db)
    pg_server.sql("ALTER TABLE shipit.hub_row DROP CONSTRAINT ck_hub_row_tbl", db=db)
    a.run("project", "new", "Pricing page", "--ship", "in 10 days")
    # as an older shipit leaves the journal: everything counted as pushed, projects skipped
    con = sqlite3.connect(a.home / "journal.db")
    with con:
        con.execute("UPDATE local_state SET value = (SELECT max(seq) FROM change) "
                    "WHERE key = 'sync.pushed_seq'")  # fmt: skip
        con.execute("DELETE FROM local_state WHERE key = 'sync.tables'")
    con.close()
    p = a.run("sync", check=False)
    assert p.returncode == 1 and "hub schema 1" in p.stderr and "shipit hub init" in p.stderr
    assert a.run("hub", "init", hub_url).stdout.strip() == (
        "hub upgraded (hub schema 2; roles off)")
    assert a.run("hub", "init", hub_url).stdout.strip() == (
        "hub already up to date (hub schema 2; roles off)")
    assert a.run("sync").stdout.strip() == "↑ 0 entries, 1 project · ↓ 0 entries"
    assert a.run("sync").stdout.strip() == "↑ 0 entries · ↓ 0 entries"
    names = pg_server.sql("SELECT data->>'name' FROM shipit.hub_row WHERE tbl = 'project'", db=db)
    assert names == [("Pricing page",)]
    with pytest.raises(Exception, match="ck_hub_row_tbl"):
        pg_server.sql("INSERT INTO shipit.hub_row (tbl, author, key, seq, updated_at, device) "
                      "VALUES ('nonsense', 'ada', 'x', 0, now(), 'd')", db=db)  # fmt: skip


def test_every_table_undo_knows_travels_and_the_hub_checks_the_same_names():
    from shipit.storage.hub_schema import HUB_TABLES
    from shipit.storage.replica import PROJECT_TABLES, TABLE_ORDER
    from shipit.storage.rows import TABLES

    assert set(HUB_TABLES) == set(TABLE_ORDER) == set(TABLES)
    assert all(TABLE_ORDER["project"] < TABLE_ORDER[t] for t in PROJECT_TABLES[1:])
    assert TABLE_ORDER["entry"] < TABLE_ORDER["project_link"]
