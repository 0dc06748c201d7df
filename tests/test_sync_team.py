"""The team views over a real hub: `week --team` and `export --team`, each member's
figures with their own settings, private entries never shown to the team."""

from __future__ import annotations

import json

import pytest

from tests.test_sync_faults import run_at
from tests.test_sync_hub import Device

FRIDAY = "2026-11-27 12:00:00"  # ISO week 2026-W48: Mon 23 to Sun 29 Nov


@pytest.fixture
def team(hub_url, tmp_path):
    """ada (target 5, no rest days) and bob (target 3, rest sat,sun, a skip on Wed),
    both synced, as ada's journal sees them on Friday of W48."""
    ada, bob = Device(tmp_path / "ada", "ada"), Device(tmp_path / "bob", "bob")
    run_at(ada, FRIDAY, "hub", "init", hub_url)
    for d in (ada, bob):
        run_at(d, FRIDAY, "sync", "init", hub_url)
    for day, text in (("2026-11-23", "ada mon"), ("2026-11-24", "ada tue"),
                      ("2026-11-24", "ada tue again"), ("2026-11-26", "ada thu")):
        run_at(ada, FRIDAY, "log", "--date", day, text)
    run_at(ada, FRIDAY, "log", "--date", "2026-11-26", "--private", "ada's secret")
    run_at(bob, FRIDAY, "config", "rest_days", "sat,sun")
    run_at(bob, FRIDAY, "config", "weekly_target", "3")
    run_at(bob, FRIDAY, "skip", "2026-11-25", "--reason", "flu")
    for day, text in (("2026-11-23", "bob mon"), ("2026-11-24", "bob tue"),
                      ("2026-11-27", "bob fri")):
        run_at(bob, FRIDAY, "log", "--date", day, text)
    run_at(bob, FRIDAY, "sync")
    run_at(ada, FRIDAY, "sync")
    return ada, bob


def test_week_team_shows_each_member_with_their_own_settings(team):
    ada, _ = team
    doc = json.loads(run_at(ada, FRIDAY, "week", "--team", "--json").stdout)
    assert (doc["week"], doc["start"], doc["end"], doc["as_of"]) == (
        "2026-W48", "2026-11-23", "2026-11-29", "2026-11-27")
    you, bob = doc["members"]
    assert (you["author"], you["you"], bob["author"], bob["you"]) == ("ada", True, "bob", False)
    assert [d["status"] for d in you["days"]] == [
        "shipped", "shipped", "missed", "shipped", "not yet", "upcoming", "upcoming"]
    # your own week, as `week` shows it (your private entry counts for you, here only)
    assert [d["ships"] for d in you["days"]] == [1, 2, 0, 2, 0, 0, 0]
    assert (you["shipped_days"], you["ships"], you["target"], you["needed"], you["status"]) == (
        3, 5, 5, 5, "open")
    assert [d["status"] for d in bob["days"]] == [
        "shipped", "shipped", "skip", "missed", "shipped", "rest", "rest"]
    assert (bob["shipped_days"], bob["ships"], bob["target"], bob["needed"], bob["status"]) == (
        3, 3, 3, 3, "hit")
    assert doc["total"] == {"members": 2, "ships": 8, "shipped_days": 6, "hit": 1}
    # the table says the same
    out = run_at(ada, FRIDAY, "week", "--team").stdout
    lines = [line.split() for line in out.splitlines()]
    assert lines[0][:3] == ["Team", "week", "2026-W48"]
    assert ["ada", "(you)", "✔", "✔", "✘", "✔", "·", "3/5", "5", "in", "progress"] in lines
    assert ["bob", "✔", "✔", "skip", "✘", "✔", "rest", "rest", "3/3", "3", "hit"] in lines
    assert lines[-1] == "Team: 8 ships on 6 shipped days · 1 of 2 members hit their target".split()
    # another week by WHEN, as `week` takes it
    doc = json.loads(run_at(ada, FRIDAY, "week", "--team", "-1", "--json").stdout)
    assert doc["start"] == "2026-11-16" and doc["total"]["ships"] == 0


def _no_team(tmp_path, *args: str) -> None:
    """A journal joined to no hub has no team: exit 1, how to join, nothing printed."""
    lone = Device(tmp_path / "lone")
    lone.run("log", "alone")
    p = lone.run(*args, check=False)
    assert p.returncode == 1 and "shipit sync init URL" in p.stderr and p.stdout == ""


def test_week_team_needs_a_team_and_takes_one_week(team, tmp_path):
    ada, _ = team
    p = ada.run("week", "--team", "--weeks", "3", check=False)
    assert p.returncode == 2 and "--team" in p.stderr
    p = ada.run("week", "--team", "--author", "bob", check=False)
    assert p.returncode == 2 and "--team" in p.stderr
    _no_team(tmp_path, "week", "--team")


def test_export_team_groups_by_day_then_member_without_private_entries(team, tmp_path):
    ada, bob = team
    md = run_at(ada, FRIDAY, "export", "--team").stdout
    assert "ada's secret" not in md  # private: never in a team export
    assert "ada's secret" in run_at(ada, FRIDAY, "export").stdout  # still in your own
    head, *days = md.split("\n## ")
    assert head.splitlines()[:2] == ["# Team journal", ""]
    assert "- **Members:** ada (you), bob" in head
    assert "- **Entries:** 7 (7 ships)" in head
    assert [d.splitlines()[0] for d in days] == [
        "Mon 23 Nov 2026", "Tue 24 Nov 2026", "Wed 25 Nov 2026", "Thu 26 Nov 2026",
        "Fri 27 Nov 2026"]
    assert days[1].split("\n", 1)[1] == (
        "\n### ada\n\n- **ship** ada tue\n- **ship** ada tue again\n"
        "\n### bob\n\n- **ship** bob tue\n")
    assert days[2].split("\n", 1)[1] == "\n### bob\n\n- *Skipped* — flu\n"
    # JSON: the same facts, each entry with its author
    doc = json.loads(run_at(ada, FRIDAY, "export", "--team", "--format", "json").stdout)
    assert doc["members"] == [{"author": "ada", "you": True}, {"author": "bob", "you": False}]
    assert [(e["author"], e["day"], e["text"]) for e in doc["entries"]][:4] == [
        ("ada", "2026-11-23", "ada mon"), ("bob", "2026-11-23", "bob mon"),
        ("ada", "2026-11-24", "ada tue"), ("ada", "2026-11-24", "ada tue again")]
    assert "ada's secret" not in json.dumps(doc) and len(doc["entries"]) == 7
    assert doc["skips"] == [{"author": "bob", "day": "2026-11-25", "reason": "flu"}]
    # filters apply to every member; a file is written like any export
    dest = tmp_path / "team.md"
    p = run_at(ada, FRIDAY, "export", "--team", "--since", "2026-11-26", "-o", str(dest))
    assert "Exported 2 team entries" in p.stderr
    assert "bob fri" in dest.read_text() and "ada tue" not in dest.read_text()
    # CSV is not a team format; no team, no export
    bad = ada.run("export", "--team", "--format", "csv", check=False)
    assert bad.returncode == 2 and "markdown, json" in bad.stderr
    _no_team(tmp_path, "export", "--team")


_WEEK_EN = [
    "Team week 2026-W48  Mon 23 Nov – Sun 29 Nov 2026",
    "Member       Mo Tu  We  Th Fr Sa Su Days Ships Week",
    "──────────────────────────────────────────────────────────",
    "alice (you)  ✔  ✔   ✘   ✔  ·         3/5     3 in progress",
    "bob          ✔  ✔  skip ✘  ·         2/2     2 hit",
    "christophera        ✔   ✘  ·         1/2     1 in progress",
]  # the table's natural width is 58 columns: the same at 60 and 80


@pytest.mark.parametrize(("columns", "lang", "expected"), [
    ("60", "en", [*_WEEK_EN, "Team: 6 ships on 6 shipped days · 1 of 3 members hit their",
                  "target"]),
    ("80", "en", [*_WEEK_EN, "Team: 6 ships on 6 shipped days · 1 of 3 members hit their target"]),
    ("60", "de", [
        "Teamwoche KW 48 2026  Mo 23. Nov – So 29. Nov 2026",
        "Mitglied     Mo Di  Mi   Do Fr Sa So Tage Lfg. Woche",
        "───────────────────────────────────────────────────────",
        "alice (du)   ✔  ✔    ✘   ✔  ·         3/5    3 läuft",
        "bob          ✔  ✔  Pause ✘  ·         2/2    2 erreicht",
        "christophera         ✔   ✘  ·         1/2    1 läuft",
        "Team: 6 Lieferungen an 6 Liefertagen · 1 von 3 Mitgliedern",
        "haben ihr Ziel erreicht"]),
])  # fmt: skip
def test_week_team_reads_whole_at_60_and_80_columns(cli, clock, shipit_home, monkeypatch, columns,
                                             lang, expected):  # fmt: skip
    """No column cut to `…`: two-letter day names, one space between columns, a long
    name or status wrapped rather than cut (no hub needed: the members' rows as sync
    writes them)."""
    import sqlite3

    from tests.test_identity import add_member_rows

    monkeypatch.setenv("USER", "alice")
    monkeypatch.setenv("LOGNAME", "alice")
    clock.set("2026-11-27 12:00")
    for day in ("2026-11-23", "2026-11-24", "2026-11-26"):
        assert cli("log", "--date", day, "x").exit_code == 0
    add_member_rows(shipit_home, "bob", days=("2026-11-23", "2026-11-24"))
    add_member_rows(shipit_home, "christophera", days=("2026-11-25",))
    con = sqlite3.connect(shipit_home / "journal.db")
    con.execute("INSERT INTO member_skip (author, day, reason, created_at) VALUES "
                "('bob', '2026-11-25', 'ill', '2026-11-25 09:00:00.000000')")  # fmt: skip
    con.commit()
    con.close()
    r = cli("week", "--team", env={"COLUMNS": columns, "SHIPIT_LANG": lang, "NO_COLOR": "1"})
    assert r.exit_code == 0, r.stderr
    assert [line.rstrip() for line in r.stdout.splitlines()] == expected
