"""stats, week, calendar, config and skip in German (and the same scenarios in English):
the words, the dates (`Mo 23. Nov 2026`, `KW 48`), numbers (`25,5 %`), errors and --help,
and the tables at 60 columns."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from tests.german import ENGLISH, GERMAN, english_left

MON = date(2026, 11, 23)  # the clock fixture's day: Monday 23 Nov 2026, 12:00 UTC
NARROW = {"COLUMNS": "60"}


def journal(cli) -> None:
    """Ships on 14, 15, 16 Nov and 21 (two), 22, 23 Nov; 18 Nov skipped; an open attempt."""
    for k in (9, 8, 7, 2, 1, 0):
        r = cli("log", "--date", (MON - timedelta(days=k)).isoformat(), f"Lieferung {k} #web")
        assert r.exit_code == 0, r.output
    for args in (("log", "--date", "2026-11-21", "zweite am Samstag"),
                 ("skip", "2026-11-18", "--reason", "Grippe"),
                 ("try", "Kaltakquise an zehn Läden")):  # fmt: skip
        assert cli(*args).exit_code == 0, args


def without_settings(text: str) -> str:
    """The text without setting names (day_starts_at is a name, not English words)."""
    import re

    return re.sub(r"\b[a-z]+(_[a-z]+)+\b", " ", text)


def lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.splitlines()]


def test_stats_in_german(cli, clock) -> None:
    journal(cli)
    r = cli("stats", env=GERMAN)
    assert r.exit_code == 0, r.output
    out = r.stdout
    assert "shipit stats · Mo 23. Nov 2026" in out
    assert "│ Serie          3 Tage  beste 3 Tage" in out
    assert "3 Tage von Di 17. Nov bis Fr 20. Nov verpasst. Krank oder unterwegs?" in out
    assert "│ Wochenserie    0 Wochen  beste 1 Woche  Ziel 5 Liefertage pro Woche" in out
    assert "│ Diese Woche    1 Liefertag, 5 nötig · läuft" in out
    assert "│ Beständigkeit  7 Tage 50 % · 30 Tage 67 % · 365 Tage 67 % · gesamt 67 %" in out
    assert "│ Score          25,5 %  (Stärke der Gewohnheit)" in out
    assert "│ Lieferungen    7 Lieferungen an 6 Tagen  Sa 14. Nov 2026 bis Mo 23. Nov 2026" in out
    assert "│ Versuche       1: 1 offen, 0 geglückt, 0 gescheitert" in out
    assert "│ Entschuldigt   Ruhetage: keine · 1 Pausentag" in out
    assert english_left(out) == []
    english = cli("stats", env=ENGLISH).stdout
    assert "│ Score          25.5%  (habit strength)" in english
    assert "│ Ships          7 ships on 6 days  Sat 14 Nov 2026 to Mon 23 Nov 2026" in english


def test_stats_slice_and_pipe_in_german(cli, clock) -> None:
    journal(cli)
    r = cli("stats", "--tag", "web", "--since", "2026-11-10", env=GERMAN)
    assert "│ Auswahl        nur Einträge mit #web, ab 2026-11-10" in r.stdout
    assert english_left(r.stdout) == []


def test_empty_journal_in_german(cli, clock) -> None:
    r = cli("stats", env=GERMAN)
    assert 'leer: trag deine erste Lieferung ein mit shipit log "..."' in r.stdout
    assert "│ Serie          0 Tage  beste 0 Tage" in r.stdout
    assert "k. A." in r.stdout
    assert english_left(r.stdout) == []


def test_week_review_in_german(cli, clock) -> None:
    journal(cli)
    r = cli("week", env=GERMAN)
    assert r.exit_code == 0, r.output
    out = lines(r.stdout)
    assert out[0] == "KW 48 2026  Mo 23. Nov – So 29. Nov 2026"
    assert out[1].split() == ["Tag", "Art", "Eintrag"]
    assert out[3].startswith("Mo 23. Nov (heute)   ✔ ")
    assert out[5].startswith("Di 24. Nov") and out[5].endswith("kommt noch")
    assert out[-2] == "Diese Woche: 1 Liefertag, 5 nötig · läuft · Wochenserie 0 Wochen"
    assert out[-1] == ("Woche davor: 3 Liefertage, 4 Lieferungen, verfehlt · bisher 2 Liefertage "
                       "weniger")  # fmt: skip
    # Entry kinds and outcomes are worded by the entries' area; the rest is German.
    assert english_left(r.stdout, allowed=("ship", "attempt", "open")) == []
    r = cli("week", "last week", env=GERMAN)
    assert lines(r.stdout)[0] == "KW 47 2026  Mo 16. Nov – So 22. Nov 2026"
    assert any(line.split() == ["Mi", "18.", "Nov", "Pause", "Grippe"] for line in lines(r.stdout))
    assert lines(r.stdout)[-2] == "Die Woche: 3 Liefertage, 5 nötig · verfehlt · Wochenserie 0 Wochen"


def test_week_table_in_german(cli, clock) -> None:
    journal(cli)
    r = cli("week", "--weeks", "4", env=GERMAN)
    assert r.exit_code == 0, r.output
    out = [line.split() for line in lines(r.stdout)]
    assert out[0] == ["Wochenziel:", "5", "Liefertage"]
    assert out[1] == ["Woche", "Zeitraum", "Ist", "Soll", "Lfg.", "Ergebnis", "Serie"]
    assert out[3] == ["KW", "45/2026", "2.–8.", "Nov", "0", "0", "0", "neutral", "0"]
    assert out[4] == ["KW", "46/2026", "9.–15.", "Nov", "2", "2", "2", "erreicht", "1"]
    assert out[5] == ["KW", "47/2026", "16.–22.", "Nov", "3", "5", "4", "verfehlt", "0"]
    assert out[6] == ["KW", "48/2026", "23.–29.", "Nov", "1", "5", "1", "offen", "0"]
    r = cli("week", "2026-01-02", "--weeks", "2", env=GERMAN)
    # ISO week 1 of 2026 starts in 2025.
    assert lines(r.stdout)[-1].split()[:4] == ["KW", "1/2026", "29.", "Dez–4."]
    english = cli("week", "2026-01-02", "--weeks", "2", env=ENGLISH).stdout
    assert lines(english)[-1].split()[:3] == ["2026-W01", "29", "Dec–4"]
    assert "Weekly target: 5 shipped days" in english


def test_calendar_in_german(cli, clock) -> None:
    journal(cli)
    r = cli("calendar", "--weeks", "4", env=GERMAN)
    assert r.exit_code == 0, r.output
    out = lines(r.stdout)
    assert out[0] == "Letzte 4 Wochen: 7 Lieferungen an 6 Tagen, 1 entschuldigter Tag"
    assert out[2] == "    Nov"
    rows = {line[:3]: line[4:] for line in out if line[:3] in
            ("Mo ", "Di ", "Mi ", "Do ", "Fr ", "Sa ", "So ")}  # fmt: skip
    assert rows == {"Mo ": "··░░", "Di ": "···", "Mi ": "··-", "Do ": "···", "Fr ": "···",
                    "Sa ": "·░▒", "So ": "·░░"}  # fmt: skip
    assert out[-1] == "    Lieferungen: · 0  ░ 1  ▒ 2  ▓ 3  █ 4+  - entschuldigt"
    assert english_left(r.stdout) == []
    r = cli("calendar", "--year", "2026", env=GERMAN)
    assert lines(r.stdout)[0] == "2026: 7 Lieferungen an 6 Tagen, 1 entschuldigter Tag"
    assert "Mär" in r.stdout and "Dez" in r.stdout
    r = cli("calendar", "--weeks", "1", env=ENGLISH)
    assert lines(r.stdout)[0] == "Ships in the last 1 week: 1 ship on 1 day"


def test_config_in_german(cli, clock) -> None:
    r = cli("config", env=GERMAN)
    assert r.exit_code == 0, r.output
    out = lines(r.stdout)
    assert out[0].split() == ["Einstellung", "Wert", "Bedeutung"]
    assert out[2].startswith("day_starts_at   00:00 (Standard)   wann ein neuer Journaltag beginnt")
    assert "Liefertage pro Kalenderwoche, mit denen eine Woche erreicht ist" in r.stdout
    assert "wem die Einträge dieses Journals gehören (Sync, Team)" in r.stdout
    assert english_left(without_settings(r.stdout)) == []
    r = cli("config", "day_starts_at", "04:00", env=GERMAN)
    assert r.stdout == "day_starts_at = 04:00\n"
    assert r.stderr == ("Schon eingetragene Einträge behalten ihren Tag; der neue Beginn gilt ab "
                        "jetzt.\n")  # fmt: skip


@pytest.mark.parametrize(("args", "english", "german"), [
    (("config", "weekly_target", "9"),
     "invalid weekly_target '9': expected a whole number 1-7",
     "ungültiges weekly_target '9': erwartet wird eine ganze Zahl von 1 bis 7"),
    (("config", "rest_days", "funday"),
     "invalid rest day 'funday': use weekday names such as sat,sun, or none",
     "ungültiger Ruhetag 'funday': nimm Wochentage wie sat,sun, oder none"),
    (("config", "colour"),
     "unknown setting 'colour': known settings are day_starts_at, rest_days, weekly_target, "
     "language, author, sync.auto, sync.timeout",
     "unbekannte Einstellung 'colour': bekannt sind day_starts_at, rest_days, weekly_target, "
     "language, author, sync.auto, sync.timeout"),
    (("config", "colour", "blue"),
     "unknown setting 'colour': known settings are day_starts_at, rest_days, weekly_target, "
     "language, author, sync.auto, sync.timeout",
     "unbekannte Einstellung 'colour': bekannt sind day_starts_at, rest_days, weekly_target, "
     "language, author, sync.auto, sync.timeout"),
    (("week", "--weeks", "0"), "invalid --weeks 0: expected 1 to 520",
     "ungültiges --weeks 0: erwartet wird 1 bis 520"),
    (("week", "--jsn"), "no such option: --jsn", "unbekannte Option: --jsn"),
    (("calendar", "--year", "2026", "--weeks", "3"), "give --year or --weeks, not both",
     "gib --year oder --weeks an, nicht beides"),
    (("calendar", "--weeks", "76"), "invalid --weeks 76: expected 1 to 75 (to fit 80 columns)",
     "ungültiges --weeks 76: erwartet wird 1 bis 75 (damit es in 80 Spalten passt)"),
    (("calendar", "--year", "1800"), "invalid --year 1800: expected 1900 to 2026",
     "ungültiges --year 1800: erwartet wird 1900 bis 2026"),
    (("skip", "2026-12-01", "--until", "2026-11-01"),
     "--until '2026-11-01' (2026-11-01) is before 2026-12-01",
     "--until '2026-11-01' (2026-11-01) liegt vor 2026-12-01"),
    (("skip", "2025-11-01", "--until", "2026-11-23"),
     "2025-11-01 to 2026-11-23 is 388 days; one skip covers at most 366 days",
     "2025-11-01 bis 2026-11-23 sind 388 Tage; eine Pause umfasst höchstens 366 Tage"),
    (("skip", "--reason", "x" * 1234),
     "--reason is 1,234 characters long; the limit is 200",
     "--reason ist 1.234 Zeichen lang; erlaubt sind 200"),
    (("skip", "--reason", "a\x00b"), "--reason contains a NUL byte",
     "--reason enthält ein NUL-Byte"),
    (("skip", "--list", "--reason", "x"), "--list takes no day, --until, --reason or --remove",
     "--list nimmt keinen Tag, kein --until, --reason oder --remove"),
    (("skip", "--remove", "2026-11-24", "--reason", "x"),
     "--remove takes a day and --until, not WHEN or --reason",
     "--remove nimmt einen Tag und --until, kein WHEN und kein --reason"),
    (("skip", "--remove", "2026-11-25"), "no skip day on 2026-11-25: see 'shipit skip --list'",
     "kein Pausentag für 2026-11-25: siehe 'shipit skip --list'"),
    (("skip", "--remove", "2026-11-25", "--until", "2026-11-26"),
     "no skip day on 2026-11-25 to 2026-11-26: see 'shipit skip --list'",
     "kein Pausentag für 2026-11-25 bis 2026-11-26: siehe 'shipit skip --list'"),
    (("stats", "--since", "yesterday", "--until", "3 days ago"),
     "--since 'yesterday' is after --until '3 days ago'",
     "--since 'yesterday' liegt nach --until '3 days ago'"),
])  # fmt: skip
def test_errors_in_both_languages(cli, clock, args, english, german) -> None:
    cli("skip", "2026-11-24", "--reason", "keep me")
    before = cli("skip", "--list", "--json").stdout, cli("config", "--json").stdout
    r = cli(*args, env=ENGLISH)
    assert (r.exit_code, r.stderr) == (2, f"shipit: error: {english}\n")
    r = cli(*args, env=GERMAN)
    assert r.exit_code == 2 and r.stderr.startswith("shipit: Fehler: ") and r.stderr.count("\n") == 1
    if german is not None:
        assert r.stderr == f"shipit: Fehler: {german}\n"
    assert (cli("skip", "--list", "--json").stdout, cli("config", "--json").stdout) == before


def test_skip_in_german(cli, clock) -> None:
    r = cli("skip", "--list", env=GERMAN)
    assert r.stderr == ("Keine Pausentage. Entschuldige einen Tag mit: shipit skip [WHEN] "
                        "--reason TEXT\n")  # fmt: skip
    r = cli("skip", "--reason", "Grippe", env=GERMAN)
    assert " ".join(r.stdout.split()) == ("Pause am Mo 23. Nov 2026: Grippe (1 neu). Entschuldigte "
                                          "Tage brechen keine Serie und verlängern sie nicht.")  # fmt: skip
    r = cli("skip", "2026-12-24", "--until", "2026-12-27", env=GERMAN)
    assert r.stdout.startswith("Pause am Do 24. Dez 2026 bis So 27. Dez 2026 (4 neu).")
    r = cli("skip", "2026-12-26", "--until", "2026-12-28", env=GERMAN)
    assert "(1 neu, 2 schon pausiert)" in r.stdout
    r = cli("skip", "--list", env=GERMAN)
    out = [line.split("   ") for line in lines(r.stdout)]
    assert [c.strip() for c in out[0] if c] == ["Pause", "Tage", "Grund"]
    assert "Do 24. Dez 2026 bis Mo 28. Dez 2026 (geplant)" in r.stdout
    assert english_left(r.stdout) == []
    r = cli("skip", "--remove", "2026-12-27", "--until", "2026-12-28", env=GERMAN)
    assert r.stdout == "2 Pausentage entfernt (So 27. Dez 2026 bis Mo 28. Dez 2026).\n"
    r = cli("skip", "--remove", "2026-12-26", env=GERMAN)
    assert r.stdout == "1 Pausentag entfernt (Sa 26. Dez 2026).\n"


def test_streak_line_in_german(cli, clock) -> None:
    journal(cli)
    cli("config", "rest_days", "mon")
    r = cli("log", "--date", "yesterday", "noch eine", env=GERMAN)
    assert "Serie: 3 Tage (deine beste)" in r.stdout
    assert "3 Tage von Di 17. Nov bis Fr 20. Nov verpasst. Krank oder unterwegs? shipit skip " \
           "2026-11-17 --until 2026-11-20" in r.stdout


@pytest.mark.parametrize("command", ["stats", "week", "calendar", "config", "skip"])
def test_help_in_german(cli, command) -> None:
    r = cli(command, "--help", env=GERMAN)
    assert r.exit_code == 0, r.output
    # --author is worded by the entries' area (cli/options.py).
    shown = "\n".join(line for line in r.stdout.splitlines() if "--author" not in line
                      and "(synced)" not in line and "default: yours" not in line)
    assert english_left(without_settings(shown)) == [], shown
    assert "Beispiele:" in r.stdout or command == "calendar"
    english = cli(command, "--help", env=ENGLISH).stdout
    assert "Examples:" in english or command == "calendar"
    assert "Diese Hilfe zeigen und beenden." in r.stdout


def test_help_words(cli) -> None:
    r = cli("week", "--help", env=GERMAN)
    shown = " ".join(r.stdout.split())
    assert "Eine Kalenderwoche im Rückblick" in shown and "WANN ist ein ISO-Datum" in shown
    r = cli("skip", "--help", env=ENGLISH)
    shown = " ".join(r.stdout.split())
    assert "Excuse days (vacation, illness)" in shown and "WHEN is an ISO date" in shown


@pytest.mark.parametrize("args", [("stats",), ("week",), ("week", "--weeks", "8"),
                                  ("calendar",), ("calendar", "--year", "2026"), ("config",),
                                  ("skip", "--list")])  # fmt: skip
def test_german_fits_60_columns(cli, clock, args) -> None:
    """At 60 columns no line is wider, no column is cut short ('…'), and no figure is
    torn from its unit (a line starting with '%')."""
    journal(cli)
    cli("skip", "2026-12-24", "--until", "2026-12-26", "--reason", "Feiertage")
    for env in (GERMAN, ENGLISH):
        r = cli(*args, env={**env, **NARROW})
        assert r.exit_code == 0, r.output
        widths = [len(line) for line in r.stdout.splitlines()]
        assert max(widths) <= 60, (env, args, r.stdout)
        if env is GERMAN:
            assert "…" not in r.stdout, r.stdout
            assert not any(line.lstrip("│ ").startswith("%") for line in r.stdout.splitlines())
            left = english_left(without_settings(r.stdout), allowed=("ship", "attempt", "open"))
            assert left == [], r.stdout


def test_german_at_60_columns_breaks_between_figures(cli, clock) -> None:
    journal(cli)
    r = cli("stats", env={**GERMAN, **NARROW})
    assert "│ Beständigkeit  7 Tage 50 % · 30 Tage 67 %" in r.stdout
    assert "│                365 Tage 67 % · gesamt 67 %" in r.stdout
    assert "│ Lieferungen    7 Lieferungen an 6 Tagen " in r.stdout
    assert "│                Sa 14. Nov 2026 bis Mo 23. Nov 2026" in r.stdout
    r = cli("week", env={**GERMAN, **NARROW})
    assert lines(r.stdout)[-4:] == ["Diese Woche: 1 Liefertag, 5 nötig · läuft",
                                    "Wochenserie 0 Wochen",
                                    "Woche davor: 3 Liefertage, 4 Lieferungen, verfehlt",
                                    "bisher 2 Liefertage weniger"]  # fmt: skip
    r = cli("calendar", "--weeks", "4", env={**GERMAN, **NARROW})
    assert lines(r.stdout)[:2] == ["Letzte 4 Wochen: 7 Lieferungen an 6 Tagen",
                                   "1 entschuldigter Tag"]  # fmt: skip


def test_json_commands_load_no_catalogue(sh) -> None:
    """The JSON of stats, week, skip and config loads neither the stats nor the help
    catalogue (start-up: a script pays for no words)."""
    import subprocess
    import sys

    assert sh("log", "Wrote the FAQ #web").returncode == 0
    code = ("import sys, shipit.cli\n"
            "sys.argv = ['shipit', *sys.argv[1:]]\n"
            "try:\n    shipit.cli.main()\nexcept SystemExit:\n    pass\n"
            "sys.stderr.write(repr(sorted(m for m in sys.modules "
            "if m.endswith(('.stats', '.help')) and m.startswith('shipit.i18n'))))\n")  # fmt: skip
    import os

    for args in (("stats", "--json"), ("week", "--json"), ("week", "--weeks", "3", "--json"),
                 ("skip", "--list", "--json"), ("config", "--json")):  # fmt: skip
        r = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                           env={**os.environ, "SHIPIT_LANG": "de",
                                "SHIPIT_HOME": os.environ["SHIPIT_HOME"]}, timeout=60)  # fmt: skip
        assert r.returncode == 0 and r.stdout.strip(), (args, r.stderr)
        json.loads(r.stdout)
        assert r.stderr.endswith("[]"), (args, r.stderr)


def test_completion_describes_settings_in_the_readers_language() -> None:
    from shipit import i18n
    from shipit.domain.settings import describe, suggested_values

    with i18n.use("de"):
        assert describe("rest_days").startswith("Wochentage, die ohne Lieferung entschuldigt")
        assert suggested_values("rest_days")[1] == ("sat,sun", "Wochenenden frei")
        assert suggested_values("weekly_target")[:2] == [("1", "1 Liefertag pro Woche"),
                                                         ("2", "2 Liefertage pro Woche")]
    with i18n.use("en"):
        assert describe("weekly_target") == "shipped days per ISO week that make a week hit (1-7)"
        assert suggested_values("weekly_target")[0] == ("1", "1 shipped day a week")
        assert suggested_values("day_starts_at")[2] == ("04:00", "a 1 a.m. entry counts for "
                                                        "the day before")
        assert describe("nope") == ""


def test_streak_at_risk_in_german(cli, clock) -> None:
    cli("log", "--date", "yesterday", "gestern geliefert")
    r = cli("today", env=GERMAN)
    assert "⚠ Deine Serie von 1 Tag ist in Gefahr: liefere heute etwas, um sie zu halten." in r.stdout
    cli("log", "--date", "2 days ago", "vorgestern geliefert")
    r = cli("today", env=ENGLISH)
    assert "⚠ Your 2-day streak is at risk: ship something today to keep it." in r.stdout
