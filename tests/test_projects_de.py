"""Ship It projects in both languages: plan, link, thrash early and late, move, show, list,
ship; errors; the JSON the same bytes in both (German interface, issue 15).

Each scenario runs in English and German with the exact words of both for the key
lines; a whole German output must hold no English sentence (tests/german.py) apart
from user text and lines that belong to other areas (the streak, the entries table).
"""

from __future__ import annotations

import json
import shlex
import shutil
import sqlite3

import pytest

from shipit.services.journal import path as journal_path
from tests.german import ENGLISH, GERMAN, english_left
from tests.test_steps_de import LANGS, lang, say, speak  # noqa: F401 (fixtures)

# The clock fixture starts on Mon 23 Nov 2026, 12:00 UTC (TZ=UTC).


def german_only(text: str) -> None:
    """No English in a German output of a project command. Left out: the streak line
    (cli/options.py show_streak) and the entries table's header and kind column
    (views/render.py), which belong to the entries area."""
    mine = "\n".join(line for line in text.splitlines() if not line.startswith("Streak:"))
    assert english_left(mine, allowed=("ship", "day", "entry")) == [], mine


def dump() -> dict:
    con = sqlite3.connect(journal_path())
    tables = ["entry", "project", "project_answer", "project_thrash", "project_move",
              "project_link"]  # fmt: skip
    out = {t: sorted(map(repr, con.execute(f"SELECT * FROM {t}"))) for t in tables}
    con.close()
    return out


def test_plan_link_thrash_move_show_list_ship(speak, lang, clock) -> None:
    r = speak("project", "new", "Pricing page", "--ship", "2026-12-04", "--owner", "Ana",
              "--member", "Bo")  # fmt: skip
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines()[0] == say(
        lang, "Planned +pricing Pricing page: ships Fri 4 Dec 2026 17:00; thrash until Thu 26 Nov 2026",
        "Geplant: +pricing Pricing page – Lieferung Fr 4. Dez 2026 17:00; Thrash bis Do 26. Nov 2026")
    if lang == "de":
        german_only(r.stdout + r.stderr)

    r = speak("log", "Pricing table", "--project", "pricing")
    assert r.exit_code == 0, r.output
    assert say(lang, "Pricing page ships in 11 days", "Pricing page: Lieferung in 11 Tagen") \
        in r.stdout.splitlines()

    r = speak("project", "thrash", "pricing", "add a FAQ")
    assert r.exit_code == 0, r.output
    assert r.stdout == say(lang, "Thrash on +pricing: add a FAQ\n", "Thrash zu +pricing: add a FAQ\n")
    assert r.stderr == ""

    clock.set("2026-11-27T10:00:00")
    r = speak("project", "thrash", "pricing", "a chat widget")
    assert r.exit_code == 0, r.output
    assert r.stdout == say(lang, "Late thrash on +pricing: a chat widget\n",
                           "Später Thrash zu +pricing: a chat widget\n")
    assert r.stderr == say(lang, "late thrash: scope was frozen on Thu 26 Nov 2026\n",
                           "später Thrash: der Umfang ist seit Do 26. Nov 2026 eingefroren\n")

    r = speak("project", "move", "pricing", "2026-12-11", "--reason", "legal review")
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines() == say(lang, [
        "Moved +pricing to Fri 11 Dec 2026 17:00 (+1 week): legal review",
        "ship date moved once: +1 week"], [
        "+pricing verschoben auf Fr 11. Dez 2026 17:00 (+1 Woche): legal review",
        "Liefertermin einmal verschoben: +1 Woche"])  # fmt: skip

    r = speak("project", "show", "pricing", env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert lines[1] == say(
        lang, "Ships Fri 11 Dec 2026 17:00 (in 14 days) · status active · started Mon 23 Nov "
        "2026 · thrash until Thu 26 Nov 2026",
        "Lieferung Fr 11. Dez 2026 17:00 (in 14 Tagen) · Status aktiv · begonnen Mo 23. Nov "
        "2026 · Thrash bis Do 26. Nov 2026")
    assert lines[2] == say(lang, "Owner: Ana · team: Ana*, Bo", "Verantwortlich: Ana · Team: Ana*, Bo")
    assert say(lang, "The project in one sentence? [sentence] —",
               "Das Projekt in einem Satz? [sentence] —") in lines
    assert say(lang, "Thrash (2 items)", "Thrash (2 Punkte)") in lines
    assert say(lang, "Fri 27 Nov 2026  LATE a chat widget",
               "Fr 27. Nov 2026  SPÄT a chat widget") in lines
    assert say(lang, "Linked work (1 entry)", "Verknüpfte Arbeit (1 Eintrag)") in lines
    assert lines[-1] == say(
        lang, "day 4 of 18 · 1 ship, 0 steps, 0 attempts linked · 1 date move · "
        "thrash 1 early, 1 late",
        "Tag 4 von 18 · 1 Lieferung, 0 Schritte, 0 Versuche verknüpft · 1 Terminverschiebung · "
        "Thrash 1 früh, 1 spät")
    if lang == "de":
        german_only(r.stdout)

    r = speak("project", "list", env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.output
    assert say(lang, "in 14 days", "in 14 Tagen") in r.stdout
    if lang == "de":
        german_only(r.stdout)

    clock.set("2026-12-11T11:00:00")
    r = speak("project", "ship", "pricing", "--feeling", "relieved")
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines()[0] == say(lang, "Shipped Pricing page (on time)",
                                           "Geliefert: Pricing page (pünktlich)")
    if lang == "de":
        german_only(r.stdout + r.stderr)
    r = speak("project", "list", "--all", env={"COLUMNS": "200"})
    assert say(lang, "shipped Fri 11 Dec 2026", "geliefert Fr 11. Dez 2026") in r.stdout


def test_time_left_and_warnings_in_the_list(speak, lang, clock) -> None:
    speak("project", "new", "Pricing page", "--ship", "2026-12-04", "--owner", "Ana")
    clock.set("2026-12-01T12:00:00")
    r = speak("project", "list", env={"COLUMNS": "200"})
    assert say(lang, "⚠ no linked ship yet in 7 days",
               "⚠ in 7 Tagen noch keine verknüpfte Lieferung") in r.stdout
    clock.set("2026-12-03T12:00:00")
    assert say(lang, "tomorrow 17:00", "morgen 17:00") in speak("project", "list").stdout
    clock.set("2026-12-06T12:00:00")
    r = speak("project", "list", env={"COLUMNS": "200"})
    assert say(lang, "2 days late", "2 Tage zu spät") in r.stdout
    assert say(lang, "⚠ late", "⚠ zu spät") in r.stdout
    if lang == "de":
        german_only(r.stdout)


def test_the_list_reads_at_60_columns_in_german(cli, clock) -> None:
    cli("project", "new", "Pricing page for the new annual plans", "--ship", "2026-12-04",
        "--owner", "Annemarie Schwarzenberger")  # fmt: skip
    clock.set("2026-11-25T12:00:00")
    r = cli("project", "list", env={**GERMAN, "COLUMNS": "60"})
    assert r.exit_code == 0, r.output
    assert max(len(line) for line in r.stdout.splitlines()) <= 60, r.stdout
    head = r.stdout.splitlines()[1].split()
    assert head == ["Projekt", "Zuständig", "Lieferung", "Restzeit", "Woche"], r.stdout
    assert "Fr 4. Dez 17:00  in 9 Tagen" in r.stdout


@pytest.mark.parametrize(("args", "en", "de"), [
    (("project", "show", "nope"), "no project 'nope' (see 'shipit project list --all')",
     "kein Projekt 'nope' (siehe 'shipit project list --all')"),
    (("project", "new", "X", "--ship", "2026-11-20"),
     "the ship date Fri 20 Nov 2026 17:00 is in the past",
     "der Liefertermin Fr 20. Nov 2026 17:00 liegt in der Vergangenheit"),
    (("project", "new", "Pricing two", "--ship", "2026-12-24"),
     "a project with the short name 'pricing' exists: give another with --short",
     "es gibt schon ein Projekt mit dem Kurznamen 'pricing': gib mit --short einen anderen an"),
    (("project", "new", "X", "--ship", "2026-12-24", "--short", "9x"),
     "invalid short name '9x': a letter, then letters, digits, '-' or '_' (at most 32 characters)",
     "Kurzname '9x' ist ungültig: ein Buchstabe, dann Buchstaben, Ziffern, '-' oder '_' "
     "(höchstens 32 Zeichen)"),
    (("project", "new", "X", "--ship", "2026-12-24", "--thrash-until", "2026-12-28"),
     "--thrash-until Mon 28 Dec 2026 is after the ship date Thu 24 Dec 2026",
     "--thrash-until Mo 28. Dez 2026 liegt nach dem Liefertermin Do 24. Dez 2026"),
    (("project", "answer", "pricing", "colour", "x"), "unknown question 'colour'",
     "unbekannte Frage 'colour': erwartet wird eine von sentence, owner,"),
    (("project", "answer", "pricing", "edges", "fast, slow"),
     "edges 'fast' and 'slow' are two sides of one edge",
     "'fast' und 'slow' sind zwei Seiten derselben Kante"),
    (("project", "answer", "pricing", "edges", "shiny"), "no such edge 'shiny': the edges are open–closed",
     "die Kante 'shiny' gibt es nicht: die Kanten sind open–closed"),
    (("project", "answer", "pricing", "members", "A*, B*"), "one owner only: A, B are all starred",
     "nur eine verantwortliche Person: A, B haben alle einen Stern"),
    (("project", "move", "pricing", "2026-11-01", "--reason", "x"),
     "the new ship date is in the past", "der neue Liefertermin liegt in der Vergangenheit"),
    (("project", "move", "pricing", "2026-12-04", "--reason", "x"), "'pricing' already ships then",
     "'pricing' hat schon diesen Liefertermin"),
])  # fmt: skip
def test_errors_in_both_languages(cli, clock, lang, args, en, de) -> None:
    cli("project", "new", "Pricing page", "--ship", "2026-12-04", "--owner", "Ana")
    before = dump()
    r = cli(*args, env=LANGS[lang])
    assert r.exit_code == 2, r.output
    assert r.stderr.startswith(say(lang, "shipit: error: " + en, "shipit: Fehler: " + de)), r.stderr
    assert dump() == before
    if lang == "de":
        # the question keys and the edges are a contract: English in every language
        assert english_left(r.stderr, allowed=("open", "owner", "members")) == [], r.stderr


def test_shipped_and_dropped_refuse_in_german(cli, clock) -> None:
    cli("project", "new", "Pricing page", "--ship", "2026-12-04", "--owner", "Ana")
    cli("project", "ship", "pricing", "--feeling", "ok")
    r = cli("project", "ship", "pricing", env=GERMAN)
    assert r.exit_code == 2
    assert r.stderr == "shipit: Fehler: Projekt 'pricing' ist schon geliefert\n"
    cli("project", "new", "Blog", "--ship", "2026-12-04")
    r = cli("project", "drop", "blog", "--lesson", "no time", env=GERMAN)
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("Aufgegeben: Blog; die Lektion steht in Versuch #")
    r = cli("project", "move", "blog", "2026-12-24", "--reason", "x", env=GERMAN)
    assert r.stderr == "shipit: Fehler: Projekt 'blog' ist schon aufgegeben\n"


def test_not_your_card_raises_a_key() -> None:
    from shipit.domain.errors import NotYourCard
    from shipit.i18n import use

    err = NotYourCard("pricing", "ana")
    assert err.key == "projects.not_your_card" and err.params == {"short": "pricing", "author": "ana"}
    with use("de"):
        assert str(err) == ("+pricing ist das Projekt von ana: nur ana ändert die Karte "
                            "(verknüpf deine Arbeit damit (--project pricing) oder schreib es "
                            "auf die Thrash-Liste)")  # fmt: skip
    with use("en"):
        assert str(err) == ("+pricing is ana's project: only ana changes its card (link your "
                            "work to it (--project pricing) or add to its thrash list)")


def test_project_json_is_the_same_in_both_languages(cli, clock) -> None:
    cli("project", "new", "Pricing page", "--ship", "2026-12-04", "--owner", "Ana")
    cli("project", "thrash", "pricing", "a FAQ")
    clock.set("2026-11-28T12:00:00")
    cli("project", "thrash", "pricing", "a chat widget")
    cli("project", "move", "pricing", "2026-12-11", "--reason", "legal review")
    for args in (("project", "list", "--all", "--json"), ("project", "show", "pricing", "--json"),
                 ("stats", "--json")):  # fmt: skip
        en, de = cli(*args, env=ENGLISH), cli(*args, env=GERMAN)
        assert en.exit_code == de.exit_code == 0
        assert en.stdout == de.stdout, args
    shown = json.loads(cli("project", "show", "pricing", "--json", env=GERMAN).stdout)
    assert shown["time_left"] == "in 13 days"


# -- the walk-through and --help in German ---------------------------------------------------


@pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")
def test_the_walk_through_in_german_in_a_real_terminal(shipit_home, sh) -> None:
    from shipit.domain.projects import QUESTIONS, WALK_KEYS
    from shipit.i18n import use
    from tests.conftest import shipit_exe
    from tests.test_projects_tty import Tmux

    env = {"SHIPIT_HOME": str(shipit_home), "TZ": "UTC", "NO_COLOR": "1", **GERMAN}
    command = (f"env -u CI {shlex.join([*shipit_exe(), 'project', 'new'])}; "
               "echo EXIT=$?; sleep 60")  # fmt: skip
    tmux = Tmux(command, env)
    try:
        tmux.answer("Wie heißt das Projekt (eine Zeile):", "Preisseite")
        tmux.answer("Liefertermin mit Uhrzeit", "gestern")
        tmux.wait_for("– versuch es noch mal")
        tmux.answer("Liefertermin mit Uhrzeit", "in 2 wochen 15:00")
        tmux.answer("Wer ist verantwortlich (genau eine Person):", "Ana")
        tmux.answer("Wer ist im Team (mit Komma getrennt):", "Bo")
        with use("de"):
            prompts = {q.key: q.prompt for q in QUESTIONS}
        assert prompts["fears"] == "Wovor hast du Angst"
        given = {"fears": "dass keiner kauft", "edges": "fast, proven"}
        for key in WALK_KEYS:
            tmux.answer(f"{prompts[key]}? [{key}]:", given.get(key, ""))  # Enter skips
        screen = tmux.wait_for("EXIT=")
    finally:
        tmux.close()
    assert "EXIT=0" in screen, screen
    assert "Jede Frage kannst du mit Enter überspringen" in screen
    assert "Geplant: +preisseite Preisseite – Lieferung" in screen, screen
    walk = screen[: screen.index("EXIT=")]
    assert english_left(walk, allowed=("fast", "proven")) == [], walk
    card = json.loads(sh("project", "show", "preisseite", "--json").stdout)
    assert card["owner"] == "Ana" and card["ship_at"].endswith("T15:00:00+00:00")
    assert {k: v for k, v in card["answers"].items() if k not in ("owner", "members")} == given


@pytest.mark.parametrize("args", [
    ("project", "--help"), ("project", "new", "--help"), ("project", "list", "--help"),
    ("project", "show", "--help"), ("project", "answer", "--help"), ("project", "edit", "--help"),
    ("project", "thrash", "--help"), ("project", "move", "--help"), ("project", "ship", "--help"),
    ("project", "drop", "--help"),
])  # fmt: skip
def test_help_in_german(cli, args) -> None:
    r = cli(*args, env={**GERMAN, "COLUMNS": "100"})
    assert r.exit_code == 0, r.output
    # the question keys and the command names are a contract, English in every language
    assert english_left(r.stdout, allowed=("owner", "members", "ship")) == [], r.stdout
    en = cli(*args, env={**ENGLISH, "COLUMNS": "100"})
    assert en.stdout != r.stdout and "Usage" in en.stdout
