"""Identity: a journal's author and device; personal figures stay personal.

Another member's rows reach a journal only through sync (member_* tables); here they
are written with plain SQL, as sync's storage would, to test the reading side alone.
"""

from __future__ import annotations

import json
import sqlite3

import pytest


def add_member_rows(home, author="bob", days=("2026-11-20", "2026-11-21", "2026-11-22",
                                               "2026-11-23")):  # fmt: skip
    con = sqlite3.connect(home / "journal.db")
    for i, day in enumerate(days):
        con.execute(
            "INSERT INTO member_entry (uid, author, kind, text, day, created_at, updated_at, "
            "tags) VALUES (?, ?, 'ship', ?, ?, ?, ?, ?)",
            (f"{author:0>8}-0000-4000-8000-00000000000{i}", author, f"{author} shipped {day}", day,
             f"{day} 10:00:00.000000", f"{day} 10:00:00.000000", "web" if i % 2 else None),
        )  # fmt: skip
    con.execute("INSERT INTO member_setting (author, key, value) VALUES (?, 'weekly_target', '2')",
                (author,))  # fmt: skip
    con.execute("INSERT INTO member_skip (author, day, reason, created_at) "
                "VALUES (?, '2026-11-19', 'ill', '2026-11-19 09:00:00.000000')", (author,))
    con.commit()
    con.close()


def test_the_author_defaults_to_the_login_name_and_can_be_set(cli, clock, monkeypatch):
    monkeypatch.setenv("USER", "ada")
    monkeypatch.setenv("LOGNAME", "ada")
    assert cli("config", "author").stdout.strip() == "ada"
    r = cli("config", "author", "ada.l")
    assert r.exit_code == 0 and r.stdout.strip() == "author = ada.l"
    assert json.loads(cli("config", "--json").stdout)["author"] == "ada.l"
    assert cli("undo", "--yes").exit_code == 0  # a config change like any other
    assert cli("config", "author").stdout.strip() == "ada"


@pytest.mark.parametrize("bad", ["", "two words", "1abc", "x" * 64, "a/b"])
def test_a_bad_author_name_is_refused(cli, clock, bad):
    before = cli("config", "author").stdout
    r = cli("config", "author", bad)
    assert r.exit_code == 2 and "invalid author" in r.stderr
    assert cli("config", "author").stdout == before


def test_personal_figures_stay_personal(cli, clock, shipit_home, sh):
    """A member's synced ships change none of your figures; --author shows theirs,
    computed with their own settings (weekly target 2) and skip days."""
    assert cli("log", "mine").exit_code == 0
    add_member_rows(shipit_home)
    mine = json.loads(cli("stats", "--json").stdout)
    assert mine["streak"]["current"] == 1 and mine["totals"]["ships"] == 1
    assert [e["text"] for e in json.loads(cli("list", "--json").stdout)] == ["mine"]
    assert [e["text"] for e in json.loads(cli("today", "--json").stdout)["entries"]] == ["mine"]

    bob = json.loads(cli("stats", "--author", "bob", "--json").stdout)
    assert bob["streak"]["current"] == 4 and bob["totals"]["ships"] == 4
    assert bob["weekly_streak"]["target"] == 2
    listed = json.loads(cli("list", "--author", "bob", "--tag", "web", "--json").stdout)
    assert [e["day"] for e in listed] == ["2026-11-23", "2026-11-21"]
    # their entries have no id in this journal: null, and the member named instead
    assert {(e["id"], e["author"]) for e in listed} == {(None, "bob")}
    assert "author" not in json.loads(cli("list", "--json").stdout)[0]
    table = cli("list", "--author", "bob", "--tag", "web").stdout
    assert "Member" in table and "#0" not in table
    assert [line.split()[4] for line in table.splitlines() if " ship " in line] == ["bob", "bob"]
    piped = sh("list", "--author", "bob", "--tag", "web", env={"TZ": "UTC"}).stdout
    assert [line.split("\t")[1] for line in piped.splitlines()] == ["bob", "bob"]
    assert "#0" not in cli("today", "--author", "bob").stdout
    today = json.loads(cli("today", "--author", "bob", "--json").stdout)
    assert today["shipped"] is True
    week = json.loads(cli("week", "--author", "bob", "--json").stdout)
    assert week["target"] == 2
    assert cli("calendar", "--author", "bob").exit_code == 0

    me = cli("config", "author").stdout.strip()
    assert json.loads(cli("stats", "--author", me, "--json").stdout) == mine


def test_an_unknown_author_is_refused(cli, clock):
    assert cli("log", "mine").exit_code == 0
    r = cli("stats", "--author", "nobody")
    assert r.exit_code == 2 and "no member named 'nobody'" in r.stderr


def test_a_members_name_cannot_become_yours(cli, clock, shipit_home):
    assert cli("log", "mine").exit_code == 0
    add_member_rows(shipit_home)
    r = cli("config", "author", "bob")
    assert r.exit_code == 2 and "another member" in r.stderr


def test_team_shows_every_member_with_their_own_settings(cli, clock, shipit_home):
    """You first, then members by name; bob's week counts against his target of 2 and
    his skip day; the last ship is each member's own."""
    assert cli("log", "mine").exit_code == 0
    add_member_rows(shipit_home)
    add_member_rows(shipit_home, "cy", days=("2026-11-21",))
    me = cli("config", "author").stdout.strip()
    rows = json.loads(cli("team", "--json").stdout)
    assert rows == [
        {"author": me, "you": True, "today": "shipped", "streak": 1, "week_shipped_days": 1,
         "week_target": 5, "last_ship": {"day": "2026-11-23", "text": "mine"}},
        {"author": "bob", "you": False, "today": "shipped", "streak": 4,
         "week_shipped_days": 1, "week_target": 2,
         "last_ship": {"day": "2026-11-23", "text": "bob shipped 2026-11-23"}},
        {"author": "cy", "you": False, "today": "not yet", "streak": 0,
         "week_shipped_days": 0, "week_target": 2,
         "last_ship": {"day": "2026-11-21", "text": "cy shipped 2026-11-21"}},
    ]
    table = cli("team").stdout
    assert "bob" in table and "not yet" in table and "1/2" in table and "(you)" in table


def test_a_private_entry_says_it_stays_here(cli, clock, monkeypatch):
    """`--private` on log, try and step done: the confirmation says the entry stays on
    this machine (in the reader's language); a shared one says nothing of the kind."""
    said = "private: it stays on this machine and never reaches a hub"
    for args in (("log", "secret ship"), ("try", "secret try"),
                 ("step", "done", "secret step", "--minutes", "5")):  # fmt: skip
        r = cli(*args, "--private")
        assert r.exit_code == 0 and r.stdout.splitlines()[-1] == said, r.stdout
    assert said not in cli("log", "shared ship").stdout
    monkeypatch.setenv("SHIPIT_LANG", "de")
    assert cli("log", "geheim", "--private").stdout.splitlines()[-1] == (
        "privat: der Eintrag bleibt auf diesem Rechner und erreicht nie einen Hub")
