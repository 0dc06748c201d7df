"""The hub and sync commands in German (issue 15): errors, the sync line, the status,
the team table, and their help. The views are fed the services' own plain data types;
what needs a real hub is covered in English by tests/test_sync_*.py and words the same."""

from __future__ import annotations

import json
from datetime import date

import pytest

from shipit import i18n
from shipit.domain.team import MemberRow
from shipit.services.sync import SyncReport
from shipit.views import sync as sync_view
from tests.german import english_left

REPORT = SyncReport(pushed={"entry": 3}, pulled={"entry": 12, "project": 1,
                                                  "project_answer": 2}, members={"bob", "eve"})


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "↑ 3 entries · ↓ 12 entries, 1 project, 2 card items from 2 members"),
    ("de", "↑ 3 Einträge · ↓ 12 Einträge, 1 Projekt, 2 Kartenpunkte von 2 Mitgliedern"),
])  # fmt: skip
def test_the_sync_line(lang: str, expected: str) -> None:
    with i18n.use(lang):
        assert sync_view.sync_line(REPORT) == expected


def test_the_team_records_in_german() -> None:
    rows = [MemberRow("ada", True, "shipped", 6, 3, 5, date(2026, 12, 1), "Pricing page"),
            MemberRow("bob", False, "not yet", 1, 1, 4, None, None)]
    with i18n.use("de"):
        assert sync_view.team_records(rows) == (
            "ada (du)\t✔\t6 T.\t3/5\tDi 1. Dez 2026: Pricing page\n"
            "bob\tnoch nicht\t1 T.\t1/4\t—\n")
    with i18n.use("en"):
        assert sync_view.team_records(rows).splitlines()[1] == "bob\tnot yet\t1 d\t1/4\t—"


@pytest.mark.parametrize("lang", ["en", "de"])
def test_not_joined_in_either_language(cli, clock, lang: str) -> None:
    env = {"SHIPIT_LANG": lang}
    assert cli("log", "one").exit_code == 0
    r = cli("sync", "--status", env=env)
    assert r.exit_code == 0
    r2 = cli("sync", env=env)
    assert r2.exit_code == 1
    if lang == "de":
        assert r.stdout == ("mit keinem Hub verbunden (verbinden: shipit sync init URL)\n"
                            "1 Änderung wartet\n")
        assert r2.stderr == ("shipit: Fehler: dieses Journal ist mit keinem Hub verbunden "
                             "(verbinde es mit 'shipit sync init URL')\n")
    else:
        assert r.stdout == ("not joined to a hub (join one: shipit sync init URL)\n"
                            "1 change waiting\n")
        assert r2.stderr == ("shipit: error: this journal is not joined to a hub "
                             "(join one with 'shipit sync init URL')\n")


def test_a_url_with_a_password_is_refused_in_german(cli, clock) -> None:
    r = cli("sync", "init", "postgresql://ada:secret@db.example.com/team",
            env={"SHIPIT_LANG": "de"})
    assert r.exit_code == 2
    assert r.stderr == ("shipit: Fehler: die URL enthält ein Passwort: shipit speichert nie "
                        "eines (gib die URL ohne Passwort an und leg das Passwort in ~/.pgpass "
                        "ab (oder in PGPASSWORD))\n")


@pytest.mark.parametrize("args", [("sync", "--help"), ("sync", "init", "--help"),
                                  ("hub", "init", "--help"), ("team", "--help")])
def test_help_in_german(cli, args) -> None:
    r = cli(*args, env={"SHIPIT_LANG": "de"})
    assert r.exit_code == 0
    assert english_left(r.stdout, ("sync", "team")) == []


@pytest.mark.parametrize(("lang", "words"), [("en", "Show this message and exit."),
                                             ("de", "Diese Hilfe zeigen und beenden.")])
def test_a_group_without_a_command_shows_its_help_option_worded(cli, lang, words) -> None:
    """`shipit hub` and `shipit step` print their help from the callback: the -h line
    is worded, not its key, in every language and also after another help was shown."""
    for args in (("hub",), ("step",), ("hub",)):
        r = cli(*args, env={"SHIPIT_LANG": lang})
        assert r.exit_code == 0
        assert f"-h, --help  {words}" in r.stdout and "help.help_option" not in r.stdout


def test_confirmation_in_german_takes_german_answers(cli, clock, monkeypatch) -> None:
    """`delete` asks on a terminal: in German with [j/N], j/ja deletes, Enter keeps, and
    a word it does not know asks again; English keeps Click's [y/N] as it was."""
    from shipit.views import render

    monkeypatch.setattr(render, "is_interactive", lambda: True)
    for text in ("one", "two"):
        assert cli("log", text).exit_code == 0
    de = {"SHIPIT_LANG": "de"}
    r = cli("delete", "2", input="\n", env=de)
    assert r.exit_code == 0 and "[j/N]:" in r.stderr
    assert len(json.loads(cli("list", "--json").stdout)) == 2
    r = cli("delete", "2", input="vielleicht\nja\n", env=de)
    assert r.exit_code == 0 and "Bitte antworte mit j oder n." in r.stderr
    assert len(json.loads(cli("list", "--json").stdout)) == 1
    r = cli("delete", "1", input="y\n", env={"SHIPIT_LANG": "en"})
    assert r.exit_code == 0 and "[y/N]:" in r.stderr
    assert json.loads(cli("list", "--json").stdout) == []


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "shipit: error: this journal is not joined to a hub, so it has no team (join one "
           "with 'shipit sync init URL', then 'shipit sync')\n"),
    ("de", "shipit: Fehler: dieses Journal ist mit keinem Hub verbunden, also hat es kein Team "
           "(verbinde es mit 'shipit sync init URL', dann 'shipit sync')\n"),
])  # fmt: skip
def test_week_team_without_a_hub(cli, clock, lang, expected) -> None:
    assert cli("log", "one").exit_code == 0
    r = cli("week", "--team", env={"SHIPIT_LANG": lang})
    assert (r.exit_code, r.stderr) == (1, expected)
    r = cli("team", env={"SHIPIT_LANG": lang})  # `team` says the same, not a team of one
    assert (r.exit_code, r.stdout, r.stderr) == (1, "", expected)


def test_the_language_is_read_from_the_open_journal(cli, clock) -> None:
    """`config language de` then a German message in the same way a command reads it."""
    env = {"SHIPIT_LANG": "", "LANG": "en_US.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
    assert cli("config", "language", "de", env=env).exit_code == 0
    r = cli("log", "eins", env=env)
    assert r.exit_code == 0 and r.stdout.startswith("Geliefert: #1 Lieferung")
