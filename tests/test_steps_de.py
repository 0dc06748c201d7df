"""Steps and attempts in both languages: the backlog, the timer's lines and questions,
try/resolve/attempts, their errors and --help (German interface, issue 15).

Each scenario runs in English and German with the exact words of both; a whole German
output must hold no English sentence (tests/german.py). The timer runs on the fake
clock of tests/test_steps_timer.py and never waits.
"""

from __future__ import annotations

import json
import re
import shutil

import pytest

from tests.german import ENGLISH, GERMAN, english_left
from tests.test_steps_timer import add, entries, fake_clock, interactive, run  # noqa: F401

LANGS = {"en": ENGLISH, "de": GERMAN}


def say(lang: str, en: str, de: str) -> str:
    return en if lang == "en" else de


@pytest.fixture(params=["en", "de"])
def lang(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def speak(cli, lang):  # noqa: ANN001, ANN201
    """The cli fixture in the test's language."""

    def invoke(*args: str, **kw):  # noqa: ANN003, ANN202
        return cli(*args, env={**LANGS[lang], **kw.pop("env", {})}, **kw)

    return invoke


def german_only(text: str) -> None:
    """No English in a German output; the streak line after a step belongs to the
    entries/stats areas (cli/options.py show_streak) and is left out."""
    mine = "\n".join(line for line in text.splitlines() if not line.startswith("Streak:"))
    assert english_left(mine, allowed=("was",)) == [], mine  # "was" is German too


# -- the backlog -----------------------------------------------------------------------------


def test_add_edit_drop_and_list(speak, lang, clock) -> None:
    r = speak("step", "add", "Set up Instagram", "--annoyance", "5")
    assert r.exit_code == 0, r.output
    assert r.stdout == say(lang, "Added backlog item 1 (annoyance 5): Set up Instagram\n",
                           "Neu im Backlog: Backlog-Punkt 1 (Nervfaktor 5): Set up Instagram\n")
    assert r.stderr == say(lang, "Start it: shipit step start 1\n",
                           "Leg los: shipit step start 1\n")
    speak("step", "add", "Ask Sam")
    r = speak("step", "edit", "2", "--annoyance", "4")
    assert r.stdout == say(lang, "Edited backlog item 2 (annoyance 4): Ask Sam\n",
                           "Geändert: Backlog-Punkt 2 (Nervfaktor 4): Ask Sam\n")
    r = speak("step", "list")
    lines = r.stdout.splitlines()
    assert lines[0].split() == say(lang, "Item Annoyance Added Step",
                                   "Nr. Nervfaktor Seit Schritt").split()
    assert lines[2].split() == ["1", "●●●●●", "5", *say(lang, "Mon 23 Nov 2026",
                                                        "Mo 23. Nov 2026").split(),
                                "Set", "up", "Instagram"]  # fmt: skip
    assert r.stderr == say(lang, "2 open items; start the top one: shipit step start\n",
                           "2 offene Punkte; fang oben an: shipit step start\n")
    r = speak("step", "drop", "2")
    assert r.stdout == say(lang, "Dropped backlog item 2 (annoyance 4): Ask Sam\n",
                           "Gestrichen: Backlog-Punkt 2 (Nervfaktor 4): Ask Sam\n")
    assert speak("step", "list").stderr == say(
        lang, "1 open item; start the top one: shipit step start\n",
        "1 offener Punkt; fang oben an: shipit step start\n")
    if lang == "de":
        german_only(speak("step", "list", "--all").output)


def test_an_empty_backlog(speak, lang) -> None:
    r = speak("step", "list")
    assert r.exit_code == 0 and r.stdout == ""
    assert r.stderr == say(
        lang, 'The backlog is empty. Add what annoys you most: shipit step add "TEXT" --annoyance 5\n',
        'Der Backlog ist leer. Trag ein, was dich am meisten nervt: '
        'shipit step add "TEXT" --annoyance 5\n')  # fmt: skip


def test_done_with_a_backlog_id_and_answers(speak, lang, clock) -> None:
    speak("step", "add", "Set up Instagram", "--annoyance", "5")
    r = speak("step", "done", "1", "--note", "two replies", "--decision", "delegate")
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines()[:3] == say(lang, [
        "Logged #1 step Mon 23 Nov 2026: Set up Instagram  5 min · decision: delegate",
        "  brought: two replies",
        "Backlog item 1 is done (closed by entry #1).",
    ], [
        "Eingetragen: Schritt #1 vom Mo 23. Nov 2026: Set up Instagram  5 Min. · "
        "Entscheidung: abgeben",
        "  gebracht: two replies",
        "Backlog-Punkt 1 ist erledigt (abgehakt mit Eintrag #1).",
    ])  # fmt: skip
    r = speak("step", "list", "--all")
    assert r.stdout.splitlines()[2].split()[-2:] == say(lang, "entry #1", "Eintrag #1").split()
    # the JSON keeps the English value
    assert json.loads(speak("list", "--json").stdout)[0]["decision"] == "delegate"


@pytest.mark.parametrize(("args", "en", "de"), [
    (["step", "add", "x", "--annoyance", "7"],
     "invalid annoyance 7: expected 1 (barely) to 5 (drives you mad)",
     "Nervfaktor 7 ist ungültig: erwartet wird 1 (kaum) bis 5 (macht dich wahnsinnig)"),
    (["step", "add", "x", "--annoyance", "lots"],
     "invalid annoyance 'lots': expected a whole number",
     "Nervfaktor 'lots' ist ungültig: erwartet wird eine ganze Zahl"),
    (["step", "drop", "9"], "no backlog item with id 9 (see the ids with 'shipit step list')",
     "es gibt keinen Backlog-Punkt mit der Nummer 9 (die Nummern zeigt 'shipit step list')"),
    (["step", "drop", "abc"],
     "invalid backlog id 'abc': use the number shown by 'shipit step list'",
     "Backlog-Nummer 'abc' ist ungültig: nimm die Nummer, die 'shipit step list' zeigt"),
    (["step", "done", "1"], "backlog item 1 is already done by step entry #1",
     "Backlog-Punkt 1 ist schon erledigt (Schritt #1)"),
    (["step", "edit", "1"], "nothing to change: give --text or --annoyance",
     "nichts zu ändern: gib --text oder --annoyance an"),
    (["step", "done", "x", "--minutes", "0"], "invalid --minutes 0: a step takes at least 1 minute",
     "--minutes 0 ist ungültig: ein Schritt dauert mindestens 1 Minute"),
    (["step", "done", "x", "--minutes", "1441"], "invalid --minutes 1441: at most 1,440 minutes",
     "--minutes 1441 ist ungültig: höchstens 1.440 Minuten"),
    (["step", "done", "x", "--decision", "later"],
     "invalid decision 'later': expected self, delegate or drop",
     "Entscheidung 'later' ist ungültig: erwartet wird self, delegate oder drop"),
    (["edit", "2", "--minutes", "0"], "invalid minutes 0: a step takes at least 1 minute",
     "Minuten 0 ist ungültig: ein Schritt dauert mindestens 1 Minute"),
])  # fmt: skip
def test_errors(speak, lang, args, en, de) -> None:
    speak("step", "add", "Set up Instagram")
    speak("step", "done", "1")
    before = speak("list", "--json").stdout, speak("step", "list", "--all", "--json").stdout
    r = speak(*args)
    assert r.exit_code == 2, r.output
    assert r.stderr == say(lang, f"shipit: error: {en}\n", f"shipit: Fehler: {de}\n")
    assert (speak("list", "--json").stdout, speak("step", "list", "--all", "--json").stdout) == before


# -- the timer ---------------------------------------------------------------------------------


def test_timer_plain_lines(lang) -> None:
    from shipit import i18n

    with i18n.use(lang):
        _, _, out = run(2, "Set up Instagram")
        _, _, stopped = run(5, "x", interrupt_at=130)
    assert out.splitlines() == say(lang, [
        "Timer: 2 minutes on Set up Instagram. Ctrl-C stops it.",
        "1 minute done, 1:00 left",
        "Time's up: 2 minutes.",
    ], [
        "Timer: 2 Minuten für Set up Instagram. Strg-C hält ihn an.",
        "1 Minute geschafft, noch 1:00",
        "Die Zeit ist um: 2 Minuten.",
    ])  # fmt: skip
    assert stopped.splitlines()[-1] == say(lang, "Stopped after 2:10 (counts as 3 minutes).",
                                           "Angehalten nach 2:10 (zählt als 3 Minuten).")


def test_timer_bar_words(lang) -> None:
    from shipit import i18n
    from tests.test_steps_timer import tty_console

    with i18n.use(lang):
        _, _, out = run(1, "Set up Instagram", console=tty_console(), interrupt_at=20)
    assert say(lang, "stopped after 0:20", "angehalten nach 0:20") in out
    assert say(lang, "1:00 left", "noch 1:00") in out


def test_ctrl_c_without_a_terminal(speak, lang, clock, fake_clock) -> None:  # noqa: F811
    speak("step", "add", "Set up Instagram", "--annoyance", "5")
    fake_clock.interrupt_at = 130
    r = speak("step", "start")
    assert r.exit_code == 130 and r.exception is None
    assert r.stdout.splitlines()[-3:-1] == say(lang, [
        "Logged (interrupted) #1 step Mon 23 Nov 2026: Set up Instagram  3 min",
        "Backlog item 1 stays open in the backlog.",
    ], [
        "Eingetragen (abgebrochen): Schritt #1 vom Mo 23. Nov 2026: Set up Instagram  3 Min.",
        "Backlog-Punkt 1 bleibt offen im Backlog.",
    ])  # fmt: skip
    assert r.stderr.splitlines()[-1] == say(
        lang, "interrupted: the minutes spent are logged; the backlog item stays open",
        "abgebrochen: die Minuten sind eingetragen; der Backlog-Punkt bleibt offen")


def test_the_questions_on_a_terminal(speak, lang, clock, fake_clock, interactive) -> None:  # noqa: F811
    speak("step", "add", "Set up Instagram", "--annoyance", "5")
    answer = say(lang, "Delegate", "Abgeben")
    r = speak("step", "start", "--minutes", "1", input=f"Two likes\nmaybe\n{answer}\n")
    assert r.exit_code == 0, r.output
    assert say(lang, "What did it bring? (Enter to skip)",
               "Was hat es gebracht? (Enter überspringt)") in r.stderr
    assert say(lang, "[self/delegate/drop, Enter to skip]",
               "[selbst/abgeben/streichen, Enter überspringt]") in r.stderr
    assert say(lang, "invalid decision 'maybe': expected self, delegate or drop",
               "Entscheidung 'maybe' ist ungültig: erwartet wird self, delegate oder drop") in r.stderr
    [entry] = entries(speak)
    assert (entry["note"], entry["decision"], entry["minutes"]) == ("Two likes", "delegate", 1)
    if lang == "de":
        assert "Entscheidung: abgeben" in r.stdout
        german_only(r.stdout)
        # the English values are understood in German too
        speak("step", "add", "again")
        assert speak("step", "start", input="\ndrop\n").exit_code == 0
        assert entries(speak)[0]["decision"] == "drop"


@pytest.mark.parametrize(("answer", "logged"), [("yes", True), ("", True), ("no", False)])
def test_ctrl_c_on_a_terminal_asks_whether_to_log(
    speak, lang, fake_clock, interactive, answer, logged  # noqa: F811
) -> None:
    speak("step", "add", "Set up Instagram", "--annoyance", "5")
    fake_clock.interrupt_at = 61
    if lang == "de":
        answer = {"yes": "ja", "no": "n"}.get(answer, answer)
    r = speak("step", "start", input=f"huh\n{answer}\n")
    assert r.exit_code == 130 and r.exception is None
    assert say(lang, "Log the 2 min you spent as a step? (the backlog item stays open) [Y/n]:",
               "Die 2 Min. als Schritt eintragen? (der Backlog-Punkt bleibt offen) [J/n]:"
               ) in r.stderr  # fmt: skip
    assert say(lang, "please answer y or n", "bitte antworte mit j oder n") in r.stderr
    assert [e["minutes"] for e in entries(speak)] == ([2] if logged else [])
    if not logged:
        assert r.stderr.splitlines()[-1].endswith(say(
            lang, ":Nothing logged; backlog item 1 stays open.",
            ":Nichts eingetragen; Backlog-Punkt 1 bleibt offen."))


def test_start_errors(speak, lang, fake_clock) -> None:  # noqa: F811
    r = speak("step", "start")
    assert r.exit_code == 2
    assert r.stderr == say(
        lang, 'shipit: error: the backlog is empty (add what annoys you most: '
        'shipit step add "TEXT" --annoyance 5)\n',
        'shipit: Fehler: der Backlog ist leer (trag ein, was dich am meisten nervt: '
        'shipit step add "TEXT" --annoyance 5)\n')  # fmt: skip
    speak("step", "add", "x")
    r = speak("step", "start", "--minutes", "241")
    assert r.stderr == say(lang, "shipit: error: invalid --minutes 241: at most 240 minutes\n",
                           "shipit: Fehler: --minutes 241 ist ungültig: höchstens 240 Minuten\n")
    assert fake_clock.sleeps == []


# -- attempts ----------------------------------------------------------------------------------


def test_try_resolve_attempts(speak, lang, clock) -> None:
    r = speak("try", "Cold-email three podcasts")
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines()[:2] == say(lang, [
        "Logged #1 attempt Mon 23 Nov 2026: Cold-email three podcasts  open",
        'When you know how it went: shipit resolve 1 --succeeded (or --failed --lesson "...")',
    ], [
        "Eingetragen: Versuch #1 vom Mo 23. Nov 2026: Cold-email three podcasts  offen",
        'Wenn du weißt, wie es lief: shipit resolve 1 --succeeded (oder --failed --lesson "...")',
    ])  # fmt: skip
    r = speak("resolve", "1", "--failed", "--lesson", "too early")
    assert r.stdout.splitlines() == say(lang, [
        "Resolved #1 attempt Mon 23 Nov 2026: Cold-email three podcasts  failed",
        "  lesson: too early",
    ], [
        "Abgeschlossen: Versuch #1 vom Mo 23. Nov 2026: Cold-email three podcasts  gescheitert",
        "  Lektion: too early",
    ])  # fmt: skip
    speak("try", "Raise prices", "--succeeded")
    r = speak("attempts")
    lines = r.stdout.splitlines()
    assert lines[0].split() == say(lang, "ID Day Outcome Attempt", "Nr. Tag Ergebnis Versuch").split()
    assert lines[2].split()[-4:] == say(lang, "2026 succeeded Raise prices",
                                        "2026 geglückt Raise prices").split()
    assert lines[4].split() == say(lang, "lesson: too early", "Lektion: too early").split()
    assert r.stderr == say(lang, "2 attempts\n", "2 Versuche\n")
    assert speak("attempts", "--open").stderr == say(lang, "No open attempts.\n",
                                                     "Keine offenen Versuche.\n")
    if lang == "de":
        german_only(r.output)


def test_no_attempts_yet(speak, lang) -> None:
    assert speak("attempts").stderr == say(
        lang, 'No attempts yet. Try something: shipit try "what you will try"\n',
        'Noch keine Versuche. Wag etwas: shipit try "was du versuchst"\n')


@pytest.mark.parametrize(("args", "en", "de"), [
    (["resolve", "1", "--succeeded"],
     "attempt #1 is already failed; only an open attempt can be resolved "
     "(to change it: shipit edit 1 --outcome succeeded)",
     "Versuch #1 ist schon gescheitert; nur ein offener Versuch lässt sich abschließen "
     "(zum Ändern: shipit edit 1 --outcome succeeded)"),
    (["resolve", "2", "--failed"],
     "entry #2 is a step, not an attempt (see the attempts with 'shipit attempts')",
     "Eintrag #2 ist ein Schritt, kein Versuch (die Versuche zeigt 'shipit attempts')"),
    (["resolve", "3", "--failed"],
     "entry #3 is a ship, not an attempt (see the attempts with 'shipit attempts')",
     "Eintrag #3 ist eine Lieferung, kein Versuch (die Versuche zeigt 'shipit attempts')"),
    (["resolve", "1"], "say how it went: --succeeded or --failed",
     "wie ist es gelaufen? Gib --succeeded oder --failed an"),
    (["try", "x", "--succeeded", "--failed"], "give --succeeded or --failed, not both",
     "gib --succeeded oder --failed an, nicht beides"),
    (["try", "x", "--lesson", "y"], "a lesson needs an outcome: add --succeeded or --failed",
     "eine Lektion braucht ein Ergebnis: gib --succeeded oder --failed an"),
])  # fmt: skip
def test_attempt_errors(speak, lang, args, en, de) -> None:
    speak("try", "A/B test", "--failed")
    speak("step", "done", "a step")
    speak("log", "a ship")
    before = speak("list", "--json").stdout
    r = speak(*args)
    assert r.exit_code == 2, r.output
    assert r.stderr == say(lang, f"shipit: error: {en}\n", f"shipit: Fehler: {de}\n")
    assert speak("list", "--json").stdout == before


# -- help ----------------------------------------------------------------------------------------

COMMANDS = [["step"], ["step", "add"], ["step", "list"], ["step", "edit"], ["step", "drop"],
            ["step", "start"], ["step", "done"], ["try"], ["resolve"], ["attempts"]]  # fmt: skip


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_help_in_german(cli, command) -> None:
    r = cli(*command, "--help", env=GERMAN)
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("Aufruf: shipit " + " ".join(command))
    # The shared options (--project, --private, --no-pager) belong to cli/options.py.
    own = re.sub(r"^  (-P, )?--(project|private|no-pager) .*\n(^ {20,}\S.*\n)*", "",
                 r.stdout, flags=re.M)  # fmt: skip
    own = re.sub(r"docs/steps-and-\s*attempts\.md", " ", own)  # a file name
    assert english_left(own, allowed=("was",)) == [], own  # "was" is German too


def test_help_examples_in_german(cli) -> None:
    r = cli("step", "done", "--help", env=GERMAN)
    assert "Beispiele:\n    shipit step done 3 --note" in r.stdout
    assert "WANN ist ein ISO-Datum" in r.stdout
    assert "Journal day" not in r.stdout and "Journaltag" in r.stdout
    en = cli("step", "done", "--help", env=ENGLISH).stdout
    assert "Examples:\n    shipit step done 3 --note" in en and "Journal day. WHEN is" in en


def test_json_loads_no_catalogue(cli) -> None:
    import sys

    cli("step", "add", "x", env=GERMAN)
    cli("try", "y", env=GERMAN)
    for name in [m for m in sys.modules if m.startswith("shipit.i18n.")]:
        del sys.modules[name]
    from shipit import i18n

    i18n._catalogues.clear()
    for args in (("step", "list", "--json"), ("attempts", "--json")):
        assert cli(*args, env=GERMAN).exit_code == 0
    assert [m for m in sys.modules if m.startswith(("shipit.i18n.de", "shipit.i18n.en"))] == []


# -- 60 columns ----------------------------------------------------------------------------------


def test_german_tables_fit_60_columns(cli, clock) -> None:
    long = "Instagram-Konto einrichten und drei Freunde um ihre Meinung bitten"
    for args in (("step", "add", long, "--annoyance", "5"), ("step", "add", "Sam fragen"),
                 ("step", "done", "2"), ("try", long),
                 ("try", "Überschrift testen", "--failed", "--lesson", long)):  # fmt: skip
        assert cli(*args, env=GERMAN).exit_code == 0
    env = {**GERMAN, "COLUMNS": "60"}
    steps = cli("step", "list", "--all", env=env).stdout
    assert steps.splitlines()[0].split() == ["Nr.", "Nerv", "Seit", "Schritt", "Erledigt"]
    assert "23. Nov" in steps and "Mo 23. Nov 2026" not in steps
    attempts = cli("attempts", env=env).stdout
    assert "23. Nov" in attempts and "Mo 23. Nov 2026" not in attempts
    for out in (steps, attempts):
        assert max(len(line) for line in out.splitlines()) <= 60, out
        german_only(out)


@pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")
def test_step_list_and_attempts_in_a_60_column_terminal(sh, shipit_home) -> None:
    from tests.conftest import shipit_exe
    from tests.test_projects_tty import Tmux

    long = "Instagram-Konto einrichten und drei Freunde um ihre Meinung bitten"
    sh("step", "add", long, "--annoyance", "5")
    sh("try", "Überschrift testen", "--failed", "--lesson", long)
    exe = " ".join(shipit_exe())
    command = f"echo READY; read _; clear; {exe} step list; {exe} attempts; echo EXIT=$?; sleep 30"
    tmux = Tmux(command, {"SHIPIT_LANG": "de", "SHIPIT_HOME": str(shipit_home)})
    try:
        tmux.run("resize-window", "-x", "60", "-y", "40")
        tmux.answer("READY", "")  # runs once the window is 60 columns wide
        screen = tmux.wait_for("EXIT=0")
    finally:
        tmux.close()
    lines = [line.rstrip() for line in screen.splitlines() if line.strip()]
    assert max(len(line) for line in lines) <= 60
    assert lines[0].split() == ["Nr.", "Nerv", "Seit", "Schritt"]
    assert "1 offener Punkt; fang oben an: shipit step start" in lines
    assert "1 Versuch" in lines
    assert any(line.split()[-2:] == ["Lektion:", "Instagram-Konto"] or "Lektion:" in line
               for line in lines)
    german_only("\n".join(lines[:-1]))
