"""The entries commands (log, today, list, tags, edit, delete, path) and the error
boundary in both languages: the key lines word for word, no English left in a German
output, the parser's usage errors, --help, and JSON that loads no catalogue."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.german import ENGLISH, GERMAN, english_left

LANGS = {"en": ENGLISH, "de": GERMAN}


def test_an_empty_journal_tells_how_to_start(cli) -> None:
    en = cli(env=ENGLISH)
    assert en.stdout.splitlines() == [
        "Your journal is empty. Log your first ship:",
        '  shipit log "what you delivered today"',
        "Ship something small every day; shipit keeps the streak.",
    ]
    de = cli(env=GERMAN)
    assert de.exit_code == 0
    assert de.stdout.splitlines() == [
        "Dein Journal ist leer. Trag deine erste Lieferung ein:",
        '  shipit log "was du heute geliefert hast"',
        "Liefere jeden Tag etwas Kleines; shipit führt die Serie.",
    ]
    assert english_left(de.stdout) == []


EXPECTED = {
    "en": {
        "logged": "Shipped #1 ship Mon 23 Nov 2026: Pricing page done #web",
        "today": "Today, Mon 23 Nov 2026: shipped ✔ (1 ship)",
        "not_yet": "Today, Mon 23 Nov 2026: not shipped yet",
        "head": "Day ID Kind Entry",
        "record": "#1 ship Pricing page done #web",
        "attempt": "Mon 23 Nov 2026 #3 attempt Cold email to ten shops failed",
        "count": "3 entries",
        "tags": ["Tag Entries Last used", "#web 1 Mon 23 Nov 2026"],
        "edited": "Edited #2 ship Sun 22 Nov 2026: Wrote the FAQ",
        "deleted": "Deleted #2 ship Sun 22 Nov 2026: Wrote the FAQ",
        "no_entry": "shipit: error: no entry #2\n",
        "not_for_kind": "shipit: error: entry #1 is a ship; minutes is for steps\n",
        "refuse": "shipit: error: not deleting entry #1 without --yes (no terminal to ask)\n",
        "no_match": "No entries match.\n",
    },
    "de": {
        "logged": "Geliefert: #1 Lieferung Mo 23. Nov 2026: Pricing page done #web",
        "today": "Heute, Mo 23. Nov 2026: geliefert ✔ (1 Lieferung)",
        "not_yet": "Heute, Mo 23. Nov 2026: noch nicht geliefert",
        "head": "Tag ID Art Eintrag",
        "record": "#1 Lieferung Pricing page done #web",
        "attempt": "Mo 23. Nov 2026 #3 Versuch Cold email to ten shops gescheitert",
        "count": "3 Einträge",
        "tags": ["Schlagwort Einträge Zuletzt", "#web 1 Mo 23. Nov 2026"],
        "edited": "Geändert: #2 Lieferung So 22. Nov 2026: Wrote the FAQ",
        "deleted": "Gelöscht: #2 Lieferung So 22. Nov 2026: Wrote the FAQ",
        "no_entry": "shipit: Fehler: Eintrag #2 gibt es nicht\n",
        "not_for_kind": "shipit: Fehler: Eintrag #1 ist eine Lieferung; minutes gibt es nur "
        "für Schritte\n",
        "refuse": "shipit: Fehler: Eintrag #1 wird ohne --yes nicht gelöscht (kein Terminal, "
        "um nachzufragen)\n",
        "no_match": "Keine passenden Einträge.\n",
    },
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_daily_commands_in_both_languages(cli, clock, lang: str) -> None:
    env, want = LANGS[lang], EXPECTED[lang]
    r = cli("log", "Pricing page done #web", env=env)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines()[0] == want["logged"]
    cli("log", "--date", "yesterday", "Wrote the FAQ", env=env)
    cli("try", "Cold email to ten shops", env=env)
    cli("resolve", "3", "--failed", env=env)

    today = cli(env=env)
    assert today.stdout.splitlines()[0] == want["today"]
    listed = cli("list", env=env)
    rows = [" ".join(line.split()) for line in listed.stdout.splitlines()]
    assert rows[0] == want["head"]
    assert want["attempt"] in rows and want["record"] in rows
    assert listed.stderr.strip() == want["count"]
    tags = cli("tags", env=env).stdout
    assert [" ".join(line.split()) for line in tags.splitlines() if "─" not in line] == want["tags"]
    assert cli("edit", "2", "--note", "", "--text", "Wrote the FAQ", env=env).exit_code == 0
    r = cli("edit", "1", "--minutes", "3", env=env)
    assert (r.exit_code, r.stderr) == (2, want["not_for_kind"])
    r = cli("delete", "1", env=env)
    assert (r.exit_code, r.stderr) == (2, want["refuse"])
    r = cli("delete", "2", "--yes", env=env)
    assert (r.exit_code, r.stdout.strip()) == (0, want["deleted"])
    r = cli("edit", "2", "--text", "x", env=env)
    assert (r.exit_code, r.stderr) == (2, want["no_entry"])
    r = cli("list", "--search", "nowhere", env=env)
    assert (r.exit_code, r.stderr) == (0, want["no_match"])
    cli("delete", "1", "--yes", env=env)
    assert cli(env=env).stdout.splitlines()[0] == want["not_yet"]
    if lang == "de":
        # the streak line is the stats area's (views/render_stats.py), converted there;
        # "to" and "the" are the user's own text
        glance = "\n".join(line for line in today.stdout.splitlines()
                           if not line.startswith(("Streak", "Serie")))  # fmt: skip
        for out in (glance, listed.stdout + listed.stderr, tags, r.stderr):
            assert english_left(out, allowed=("to", "the")) == []


def test_edit_says_what_changed(cli, clock) -> None:
    cli("log", "--date", "yesterday", "Wrote the FAQ")
    r = cli("edit", "1", "--text", "Wrote the FAQ page", env=GERMAN)
    assert r.stdout == "Geändert: #1 Lieferung So 22. Nov 2026: Wrote the FAQ page\n"
    r = cli("edit", "1", "--text", "Wrote the FAQ page", "--note", "x", env=ENGLISH)
    assert r.stdout == "Edited #1 ship Sun 22 Nov 2026: Wrote the FAQ page\n"


@pytest.mark.parametrize(("args", "en", "de"), [
    (("log", ""), "text is empty", "der Text ist leer"),
    (("log", "--tag", "a b", "x"),
     "invalid tag 'a b': a tag is letters, digits, '-' and '_' (at most 64 characters)",
     "ungültiges Schlagwort 'a b': ein Schlagwort besteht aus Buchstaben, Ziffern, '-' und '_' "
     "(höchstens 64 Zeichen)"),
    (("list", "--kind", "bug"), "invalid kind 'bug': expected one of ship, step, attempt",
     "ungültige Art 'bug': erwartet wird eine von ship, step, attempt"),
    (("list", "--limit", "-1"), "invalid --limit -1: expected 0 (all) or a positive number",
     "ungültiges --limit -1: erwartet wird 0 (alle) oder eine positive Zahl"),
    (("edit", "x1", "--text", "y"), "invalid id 'x1': use the number shown by 'shipit list'",
     "ungültige ID 'x1': nimm die Nummer, die 'shipit list' zeigt"),
    (("list", "--since", "today", "--until", "yesterday"),
     "--since 'today' is after --until 'yesterday'",
     "--since 'today' liegt nach --until 'yesterday'"),
    (("today", "--author", "nobody"),
     "no member named 'nobody' in this journal (see 'shipit team' for the members synced here)",
     "ein Mitglied namens 'nobody' gibt es in diesem Journal nicht ('shipit team' zeigt die "
     "Mitglieder, die hier synchronisiert sind)"),
    (("config", "author", "1bad"),
     "invalid author '1bad': use 1-63 letters, digits, '_', '-' or '.', starting with a letter "
     "or '_'",
     "ungültiger Name '1bad': nimm 1-63 Buchstaben, Ziffern, '_', '-' oder '.', am Anfang ein "
     "Buchstabe oder '_'"),
])  # fmt: skip
def test_bad_input_in_both_languages(cli, clock, args: tuple[str, ...], en: str, de: str) -> None:
    cli("log", "First")
    before = cli("list", "--json").stdout
    r = cli(*args, env=ENGLISH)
    assert (r.exit_code, r.stderr) == (2, f"shipit: error: {en}\n")
    r = cli(*args, env=GERMAN)
    assert (r.exit_code, r.stderr) == (2, f"shipit: Fehler: {de}\n")
    assert cli("list", "--json").stdout == before


def test_a_lesson_needs_an_outcome_in_german(cli, clock) -> None:
    cli("try", "Cold email")
    r = cli("edit", "1", "--lesson", "ask first", env=GERMAN)
    assert r.exit_code == 2
    assert r.stderr == ("shipit: Fehler: eine Lektion braucht ein Ergebnis: geglückt oder "
                        "gescheitert (setz --outcome, oder entferne die Lektion mit "
                        "--lesson '')\n")  # fmt: skip


# -- the parser's usage errors ----------------------------------------------------------

USAGE = [
    (("log", "--dat", "3"),
     "No such option: --dat (Possible options: --date, --tag) (see 'shipit log --help')",
     "Unbekannte Option: --dat (mögliche Optionen: --date, --tag) (siehe 'shipit log --help')"),
    (("log", "--x"), "No such option: --x (see 'shipit log --help')",
     "Unbekannte Option: --x (siehe 'shipit log --help')"),
    (("edit",), "Missing argument 'ID' (see 'shipit edit --help')",
     "Argument 'ID' fehlt (siehe 'shipit edit --help')"),
    (("path", "a", "b"), "Got unexpected extra argument(s) (a b) (see 'shipit path --help')",
     "Unerwartete zusätzliche Argumente (a b) (siehe 'shipit path --help')"),
    (("list", "--limit", "abc"),
     "Invalid value for '--limit' / '-l': Input should be a valid integer, unable to parse "
     "string as an integer (see 'shipit list --help')",
     "Ungültiger Wert für '--limit' / '-l': keine ganze Zahl (siehe 'shipit list --help')"),
    (("frobnicate",), "No such command 'frobnicate' (see 'shipit --help')",
     "Unbekannter Befehl 'frobnicate' (siehe 'shipit --help')"),
    (("lst",), "No such command 'lst'. Did you mean 'list'? (see 'shipit --help')",
     "Unbekannter Befehl 'lst'. Meintest du 'list'? (siehe 'shipit --help')"),
    (("log", "--date"), "Option '--date' requires an argument",
     "Option '--date' braucht einen Wert"),
    (("delete", "1", "--yes=1"), "Option '--yes' does not take a value",
     "Option '--yes' nimmt keinen Wert"),
]  # fmt: skip


@pytest.mark.parametrize(("args", "en", "de"), USAGE)
def test_usage_errors_in_both_languages(cli, args: tuple[str, ...], en: str, de: str) -> None:
    r = cli(*args, env=ENGLISH)
    assert (r.exit_code, r.stderr) == (2, f"shipit: error: {en}\n")
    r = cli(*args, env=GERMAN)
    assert (r.exit_code, r.stderr) == (2, f"shipit: Fehler: {de}\n")


# -- --help -------------------------------------------------------------------------------

# Values of options (`ship, step oder attempt`) are words of the command line, not English.
VALUES = ("ship", "step", "attempt", "succeeded", "failed")


@pytest.mark.parametrize("command", ["log", "ship", "today", "list", "tags", "edit", "delete",
                                     "path"])  # fmt: skip
def test_help_of_the_entries_commands_in_german(cli, command: str) -> None:
    r = cli(command, "--help", env=GERMAN)
    assert r.exit_code == 0
    assert r.stdout.startswith(f"Aufruf: shipit {command} ")
    assert english_left(r.stdout, allowed=VALUES) == [], command
    en = cli(command, "--help", env=ENGLISH)
    assert en.stdout.startswith(f"Usage: shipit {command} ")


def test_log_help_keeps_its_examples(cli) -> None:
    de = cli("log", "--help", env=GERMAN).stdout
    assert "Beispiele:\n    shipit log \"Preisseite veröffentlicht #web\"\n" in de
    assert "  -d, --date WHEN" in de and "Journaltag. WANN ist ein ISO-Datum" in de
    en = cli("log", "--help", env=ENGLISH).stdout
    assert "Examples:\n    shipit log \"Published the pricing page #web\"\n" in en
    assert "Journal day. WHEN is an ISO date" in en


def test_root_options_in_german(sh) -> None:
    """In a real process: Typer adds its completion options there (not in CliRunner)."""
    de = sh("--help", env=GERMAN).stdout
    assert "Die Version zeigen und beenden." in de
    assert "Tracebacks zeigen (auch SHIPIT_DEBUG=1)." in de
    assert "Die Vervollständigung für die aktuelle Shell installieren." in " ".join(de.split())
    options = de.split("Optionen:", 1)[1].split("Befehle:", 1)[0]
    assert english_left(options) == []
    en = sh("--help", env=ENGLISH).stdout
    assert "Show the version and exit." in en
    assert "Install completion for the current shell." in en


# -- the editor's document ----------------------------------------------------------------


def test_the_edit_document_in_german_is_read_back_in_any_language() -> None:
    from datetime import UTC, date, datetime

    from shipit import i18n
    from shipit.domain.editing import entry_document, parse_document
    from shipit.domain.entries import EntryData

    now = datetime(2026, 11, 23, tzinfo=UTC)
    entry = EntryData(id=3, uid="u", kind="attempt", text="Cold email", day=date(2026, 11, 23),
                      created_at=now, updated_at=now, tags=(), note="n", lesson=None,
                      outcome="open", minutes=None, decision=None)  # fmt: skip
    with i18n.use("de"):
        doc = entry_document(entry, "Titel")
    assert "# --- Notiz (leer für keine) ---\nn\n" in doc
    assert "# --- Lektion (leer für keine) ---" in doc
    assert "# outcome: open, succeeded oder failed\noutcome: open\n" in doc
    # the field keys and values are the file's syntax, not English
    assert english_left(doc, allowed=("day", "open", "succeeded", "failed")) == []
    for lang in ("en", "de"):
        with i18n.use(lang):
            parsed = parse_document(doc.replace("outcome: open", "outcome: failed"))
        assert parsed == {"text": "Cold email", "note": "n", "lesson": "",
                          "fields": {"day": "2026-11-23", "tags": "", "outcome": "failed"}}


# -- start-up: JSON loads no catalogue of these areas ------------------------------------
# (cli/stats.py and cli/steps.py still word WHEN_HELP at import: the dates area, theirs.)

DRIVER = """
import sys
sys.argv = ["shipit", *sys.argv[1:]]
import shipit.cli
try:
    shipit.cli.main()
except SystemExit:
    pass
sys.stderr.write("@@" + " ".join(sorted(m for m in sys.modules if m.startswith("shipit.i18n.")
                                  and m.rsplit(".", 1)[1] in ("core", "entries", "help"))))
"""


def test_json_output_loads_no_catalogue(cli, shipit_home) -> None:
    cli("log", "Pricing page done #web")
    for args in (("list", "--json"), ("today", "--json"), ("tags", "--json")):
        for env in (ENGLISH, GERMAN):
            r = subprocess.run([sys.executable, "-c", DRIVER, *args], capture_output=True,
                               text=True, env={**__import__("os").environ, **env,
                                               "SHIPIT_HOME": str(shipit_home)})  # fmt: skip
            assert json.loads(r.stdout), args
            assert r.stderr == "@@", (args, env, r.stderr)


# -- the journal's own errors ---------------------------------------------------------------


def test_a_broken_journal_is_reported_in_german(cli, shipit_home) -> None:
    shipit_home.mkdir(parents=True, exist_ok=True)
    journal = shipit_home / "journal.db"
    journal.write_bytes(b"this is not a database, just some text" * 100)
    r = cli("list", env=GERMAN)
    assert r.exit_code == 1
    assert r.stderr == (
        f"shipit: Fehler: das Journal {journal} ist beschädigt oder kein shipit-Journal "
        "(spiel eine Sicherung mit 'shipit restore DATEI' zurück (die kaputte Datei bleibt "
        "daneben liegen), oder schieb die Datei weg, um ein neues Journal zu beginnen)\n")
    r = cli("list", env=ENGLISH)
    assert r.stderr.startswith(f"shipit: error: the journal {journal} is corrupt or not a "
                               "shipit journal (restore a backup with")  # fmt: skip


def test_a_journal_from_a_newer_shipit_is_refused_in_german(cli, shipit_home) -> None:
    import sqlite3

    from shipit.storage.migrations import SCHEMA_VERSION

    cli("log", "First")
    journal = shipit_home / "journal.db"
    conn = sqlite3.connect(journal)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    r = cli("list", env=GERMAN)
    assert r.exit_code == 1
    assert r.stderr == (
        f"shipit: Fehler: das Journal {journal} stammt von einem neueren shipit (Schema "
        f"{SCHEMA_VERSION + 1}, dieses shipit kennt {SCHEMA_VERSION}) (aktualisiere shipit: "
        "pip install -U shipit)\n")


def test_a_folder_for_a_journal_in_german(cli, shipit_home) -> None:
    (shipit_home / "journal.db").mkdir(parents=True)
    r = cli("list", env=GERMAN)
    assert r.exit_code == 1
    assert r.stderr.startswith(f"shipit: Fehler: das Journal {shipit_home / 'journal.db'} ist "
                               "ein Ordner, keine Journaldatei (schieb es weg")  # fmt: skip


# -- 60 columns -------------------------------------------------------------------------------


def test_german_tables_fit_60_columns(cli, clock) -> None:
    cli("log", "Preisseite mit allen Tabellen und einer langen Beschreibung fertig #web")
    cli("log", "--date", "gestern", "Newsletter verschickt", "--note", "an alle")
    cli("try", "Kalte Mail an zehn Läden")
    narrow = {**GERMAN, "COLUMNS": "60"}
    for args in (("list",), ("tags",), ()):
        r = cli(*args, env=narrow)
        assert r.exit_code == 0
        wide = [line for line in r.stdout.splitlines() if len(line.rstrip()) > 60]
        assert wide == [], args
    listed = cli("list", env=narrow).stdout
    assert "Lieferung" in listed and "Versuch" in listed and "offen" in listed


def test_german_log_loads_no_english_catalogue(shipit_home) -> None:
    import os

    driver = DRIVER.replace('and m.rsplit(".", 1)[1] in ("core", "entries", "help")',
                            'and m.startswith("shipit.i18n.en")')  # fmt: skip
    env = {**os.environ, **GERMAN, "SHIPIT_HOME": str(shipit_home)}
    for args in (("log", "Pricing page done #web"), ("list",), ()):
        r = subprocess.run([sys.executable, "-c", driver, *args], capture_output=True,
                           text=True, env=env)  # fmt: skip
        assert r.stderr.rsplit("@@", 1)[1] == "", (args, r.stderr)
        assert "Lieferung" in r.stdout, args
