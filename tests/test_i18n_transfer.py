"""export, import, backup and restore in German (and English unchanged): the Markdown
export in the interface language or the one `--lang` names, import errors and reports,
backup and restore messages, and the commands' --help."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from tests.german import ENGLISH, GERMAN, english_left

from shipit import i18n
from shipit.domain.exporting import MarkdownSummary, markdown_rows, write_markdown
from tests.transfer_helpers import make_entry

UID = "11111111-1111-4111-8111-11111111111{}"


def entry(n: int, day: str, text: str, kind: str = "ship", **kw) -> dict:
    return {"uid": UID.format(n), "kind": kind, "text": text, "day": day,
            "created_at": f"{day}T10:00:00+00:00", "updated_at": f"{day}T10:00:00+00:00",
            "tags": kw.pop("tags", []), **kw}  # fmt: skip


# A journal with every kind of line the Markdown export writes: two weeks, a ship with a
# tag and a note, a step with minutes and a decision, an attempt with an outcome and a
# lesson, a skipped day with its reason. The user text is German: it is the user's.
DOC = {
    "format": "shipit-journal", "version": 1, "settings": {"weekly_target": "2"},
    "entries": [
        entry(1, "2026-11-16", "Preisseite fertig", tags=["web"], note="endlich"),
        entry(2, "2026-11-17", "Postfach geleert", kind="step", minutes=25, decision="self"),
        entry(3, "2026-11-18", "Kaltakquise", kind="attempt", outcome="failed",
              lesson="kürzer schreiben"),
        entry(4, "2026-11-23", "Blogartikel"),
    ],
    "skips": [{"day": "2026-11-19", "reason": "krank"}],
}  # fmt: skip

GERMAN_MD = """\
# Lieferjournal

- **Zeitraum:** Mo 16. Nov 2026 – Mo 23. Nov 2026
- **Einträge:** 4 (2 Lieferungen, 1 Schritt, 1 Versuch) an 4 Tagen
- **Liefertage:** 2
- **Wochenziel:** 2 Liefertage
- **Pausentage:** 1
- **Serie:** 1 Tag (beste 1), Stand Mo 23. Nov 2026
- **Wochenserie:** 0 Wochen (beste 0)
- **Beständigkeit, gesamt:** 29 %
- **Score:** 9 %
- **Exportiert:** Mo 23. Nov 2026

## Woche 2026-W47 · 16.–22. Nov 2026 · 1/2 Tage geliefert

### Mo 16. Nov 2026

- **Lieferung** Preisseite fertig
  - #web
  - *Notiz:* endlich

### Di 17. Nov 2026

- **Schritt** Postfach geleert
  - 25 Min. · Entscheidung: selbst weitermachen

### Mi 18. Nov 2026

- **Versuch** Kaltakquise
  - Ergebnis: gescheitert
  - *Lektion:* kürzer schreiben

### Do 19. Nov 2026

- *Pause* — krank

## Woche 2026-W48 · 23.–29. Nov 2026 · 1/2 Tage geliefert · läuft

### Mo 23. Nov 2026

- **Lieferung** Blogartikel
"""


@pytest.fixture
def journal(cli, clock, tmp_path: Path) -> None:
    path = tmp_path / "in.json"
    path.write_text(json.dumps(DOC), encoding="utf-8")
    r = cli("import", str(path))
    assert r.exit_code == 0, r.output


def test_markdown_export_in_german(cli, journal) -> None:
    r = cli("export", env=GERMAN)
    assert r.exit_code == 0, r.output
    assert r.stdout == GERMAN_MD
    assert english_left(r.stdout) == []


def test_markdown_export_in_english_is_unchanged(cli, journal) -> None:
    r = cli("export", env=ENGLISH)
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    for line in ("# Shipping journal",
                 "- **Entries:** 4 (2 ships, 1 step, 1 attempt) on 4 days",
                 "- **Weekly target:** 2 shipped days",
                 "- **Daily streak:** 1 day (longest 1) as of Mon 23 Nov 2026",
                 "- **Consistency, all time:** 29%",
                 "## Week 47, 2026 · 16–22 Nov 2026 · shipped 1/2 days",
                 "## Week 48, 2026 · 23–29 Nov 2026 · shipped 1/2 days · in progress",
                 "- **step** Postfach geleert", "  - 25 min · decision: self",
                 "  - outcome: failed", "  - *Lesson:* kürzer schreiben",
                 "- *Skipped* — krank"):  # fmt: skip
        assert line in lines


def test_lang_overrides_the_interface_language_for_one_export(cli, journal) -> None:
    english = cli("export", env=ENGLISH).stdout
    german = cli("export", env=GERMAN).stdout
    assert english != german
    r = cli("export", "--lang", "en", env=GERMAN)
    assert r.exit_code == 0 and r.stdout == english
    r = cli("export", "--lang", "de", env=ENGLISH)
    assert r.exit_code == 0 and r.stdout == german
    r = cli("export", "--lang", "DE", env=ENGLISH)
    assert r.exit_code == 0 and r.stdout == german


def test_lang_changes_the_markdown_only(cli, journal, tmp_path: Path) -> None:
    # The file's words follow --lang; the message about it stays the reader's.
    out = tmp_path / "journal.md"
    r = cli("export", "--lang", "en", "-o", str(out), env=GERMAN)
    assert r.exit_code == 0, r.output
    assert r.stderr == f"4 Einträge nach {out} exportiert (markdown).\n"
    assert out.read_text(encoding="utf-8") == cli("export", env=ENGLISH).stdout
    r = cli("export", "--lang", "de", "-o", str(tmp_path / "one.md"), "--kind", "attempt",
            env=ENGLISH)  # fmt: skip
    assert r.stderr == f"Exported 1 entry to {tmp_path / 'one.md'} (markdown).\n"
    assert "- **Nur:** Art Versuch\n" in (tmp_path / "one.md").read_text(encoding="utf-8")
    # JSON and CSV have no words: --lang leaves them byte for byte.
    for fmt in ("json", "csv"):
        plain = cli("export", "--format", fmt, env=ENGLISH).stdout
        assert cli("export", "--format", fmt, "--lang", "de", env=ENGLISH).stdout == plain
        assert cli("export", "--format", fmt, "--lang", "en", env=GERMAN).stdout == plain


@pytest.mark.parametrize(("env", "expected"), [
    (ENGLISH, "shipit: error: invalid --lang 'fr': expected one of de, en\n"),
    (GERMAN, "shipit: Fehler: --lang 'fr' ist ungültig: erlaubt sind de, en\n"),
])  # fmt: skip
def test_an_unknown_lang_is_refused(cli, journal, env: dict, expected: str) -> None:
    r = cli("export", "--lang", "fr", env=env)
    assert r.exit_code == 2 and r.stdout == "" and r.stderr == expected


def test_markdown_words_are_german_in_the_writer() -> None:
    """The writer on its own: a week across two years, a step, an attempt, with i18n.use."""
    entries = [make_entry(1, day=date(2026, 12, 29), kind="step", minutes=5, decision="drop"),
               make_entry(2, day=date(2027, 1, 2), kind="attempt", outcome="succeeded")]
    summary = MarkdownSummary(entries=2, by_kind={"step": 1, "attempt": 1}, days=2,
                              first_day=entries[0].day, last_day=entries[1].day)  # fmt: skip
    out = io.StringIO()
    with i18n.use("de"):
        write_markdown(out, markdown_rows(entries), summary)
    text = out.getvalue()
    assert "## Woche 2026-W53 · 28. Dez 2026 – 3. Jan 2027 · 0/5 Tage geliefert\n" in text
    assert "  - 5 Min. · Entscheidung: streichen\n" in text
    assert "  - Ergebnis: geglückt\n" in text
    assert "- **Einträge:** 2 (1 Schritt, 1 Versuch) an 2 Tagen\n" in text
    out = io.StringIO()
    with i18n.use("en"):
        write_markdown(out, markdown_rows(entries), summary)
    assert "## Week 53, 2026 · 28 Dec 2026 – 3 Jan 2027 · shipped 0/5 days\n" in out.getvalue()


# -- import ------------------------------------------------------------------------------


@pytest.mark.parametrize(("env", "expected"), [
    (ENGLISH, "shipit: error: {f}: entries[1].day: '2026-02-30' is not a real date; "
              "nothing was imported\n"),
    (GERMAN, "shipit: Fehler: {f}: entries[1].day: '2026-02-30': diesen Tag gibt es nicht; "
             "nichts wurde importiert\n"),
])  # fmt: skip
def test_an_import_error_names_the_path(cli, clock, tmp_path: Path, env: dict,
                                        expected: str) -> None:  # fmt: skip
    doc = {**DOC, "entries": [DOC["entries"][0], entry(5, "2026-02-30", "x")]}
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    r = cli("import", str(path), env=env)
    assert r.exit_code == 2
    assert r.stderr == expected.format(f=path)
    assert cli("list", "--json").stdout.strip() == "[]"


@pytest.mark.parametrize(("env", "doc", "expected"), [
    (GERMAN, "", "stdin ist leer; erwartet wird ein JSON-Export"),
    (GERMAN, '{"a": [1,', "stdin ist kein gültiges JSON: es endet zu früh (abgeschnitten?) "
                          "in Zeile 1, Spalte 10"),
    (GERMAN, '{"a" 1}', "stdin ist kein gültiges JSON: ':' erwartet in Zeile 1, Spalte 6"),
    (ENGLISH, '{"a" 1}', "stdin is not valid JSON: Expecting ':' delimiter at line 1, column 6"),
    (GERMAN, "[1]", "stdin ist weder ein shipit-JSON-Export noch ein jrnl-JSON-Export "
             "(gib --format json oder --format jrnl an, um zu sehen, woran es liegt)"),
    (GERMAN, '{"format": "shipit-journal", "version": 9, "entries": []}',
     "stdin stammt von einem neueren shipit (Formatversion 9; dieses shipit liest Version 1) "
     "(aktualisiere shipit: pip install -U shipit)"),
    (GERMAN, '{"format": "shipit-journal", "version": 1, "entries": [{"text": "x"}]}',
     "stdin: entries[0].day: fehlt; nichts wurde importiert"),
    (GERMAN, '{"format": "shipit-journal", "version": 1, "entries": '
             '[{"text": "x", "day": "2026-11-20", "tags": ["a b"]}]}',
     None),  # the tag's own message comes from the entries area; the path leads it
])  # fmt: skip
def test_import_file_errors(cli, clock, env: dict, doc: str, expected: str | None) -> None:
    r = cli("import", "-", input=doc, env=env)
    assert r.exit_code == 2, r.output
    prefix = "shipit: Fehler: " if env is GERMAN else "shipit: error: "
    if expected is None:
        assert r.stderr.startswith(prefix + "stdin: entries[0].tags[0]: ")
        assert r.stderr.endswith("; nichts wurde importiert\n")
    else:
        assert r.stderr == prefix + expected + "\n"


def test_import_report_in_german(cli, clock, tmp_path: Path) -> None:
    doc = {**DOC, "settings": {"weekly_target": "2", "colour": "blue"},
           "entries": [*DOC["entries"], entry(6, "2026-11-20", "x", minutes=5)]}
    path = tmp_path / "in.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    r = cli("import", "--dry-run", "--skip-invalid", str(path), env=GERMAN)
    assert r.exit_code == 0, r.output
    assert r.stderr.splitlines() == [
        "Würde 4 Einträge importieren (json); 0 Duplikate übersprungen.",
        "Außerdem (im Probelauf): 1 Pausentag hinzugefügt; Einstellungen aus der Datei "
        "übernommen: weekly_target.",
        "ungültigen Eintrag 4 übersprungen: entries[4].minutes: gilt nur für Schritte "
        "(dieser Eintrag ist eine Lieferung)",
        "Hinweis: settings.colour: diese Einstellung kennt dieses shipit nicht; übergangen",
        "Probelauf: nichts wurde geschrieben.",
    ]
    # Paths in the file and setting names are literals, not English.
    assert english_left(r.stderr, allowed=("entries", "minutes", "weekly", "target")) == []
    r = cli("import", "--skip-invalid", str(path), env=ENGLISH)
    assert r.stderr.splitlines()[:3] == [
        "Imported 4 entries (json); 0 duplicates skipped.",
        "Also: 1 skipped day added; settings taken from the file: weekly_target.",
        "skipped invalid entry 4: entries[4].minutes: is only for steps "
        "(this entry is a ship)",
    ]
    changed = {**doc, "entries": [{**DOC["entries"][0], "text": "anders"}]}
    path.write_text(json.dumps(changed), encoding="utf-8")
    r = cli("import", str(path), env=GERMAN)
    assert r.exit_code == 0, r.output
    assert r.stderr.splitlines() == [
        "0 Einträge importiert (json); 0 Duplikate übersprungen, 1 Konflikt, die Fassung im "
        "Journal bleibt.",
        "Außerdem: 0 Pausentage hinzugefügt.",
        f"Konflikt: entries[0] ({UID.format(1)}) weicht ab in text; die Fassung im Journal "
        "bleibt",
        "Hinweis: settings.colour: diese Einstellung kennt dieses shipit nicht; übergangen",
    ]


# -- backup and restore ------------------------------------------------------------------


def test_backup_and_restore_in_german(cli, journal, tmp_path: Path, shipit_home: Path) -> None:
    copy = tmp_path / "copy.db"
    r = cli("backup", str(copy), env=GERMAN)
    assert r.exit_code == 0 and r.stdout == f"{copy}\n"
    r = cli("backup", str(copy), env=GERMAN)
    assert r.exit_code == 2
    assert r.stderr == (f"shipit: Fehler: {copy} gibt es schon: eine Sicherung ersetzt nie "
                        "eine Datei; wähle einen anderen Namen\n")  # fmt: skip
    r = cli("backup", str(tmp_path), env=GERMAN)
    assert r.stderr == (f"shipit: Fehler: {tmp_path} ist ein Ordner: gib den Namen der "
                        "Sicherungsdatei an\n")  # fmt: skip
    r = cli("restore", str(copy), env=GERMAN)
    assert r.exit_code == 0, r.output
    first, second = r.stderr.splitlines()
    assert first.startswith(f"Das Journal, wie es war, ist gesichert unter {shipit_home}/backups/")
    assert second == f"4 Einträge aus {copy} wiederhergestellt."
    assert english_left(r.stderr.replace(str(tmp_path), "").replace(str(shipit_home), "")) == []
    r = cli("restore", str(copy), env=ENGLISH)
    assert r.stderr.splitlines()[1] == f"Restored 4 entries from {copy}."


@pytest.mark.parametrize(("content", "german", "english"), [
    (None, "{f} gibt es nicht", "{f} does not exist"),
    (b"not a database", "{f} ist keine SQLite-Datenbank (keine Sicherung eines "
     "shipit-Journals)", "{f} is not a SQLite database (not a shipit journal backup)"),
    (b"SQLite format 3\x00", "{f} ist abgeschnitten (keine vollständige SQLite-Datenbank)",
     "{f} is truncated (not a complete SQLite database)"),
])  # fmt: skip
def test_restore_refusals_in_both_languages(cli, journal, tmp_path: Path, content: bytes | None,
                                            german: str, english: str) -> None:  # fmt: skip
    f = tmp_path / "backup.db"
    if content is not None:
        f.write_bytes(content)
    r = cli("restore", str(f), env=GERMAN)
    assert r.exit_code == 2 and r.stderr == "shipit: Fehler: " + german.format(f=f) + "\n"
    r = cli("restore", str(f), env=ENGLISH)
    assert r.exit_code == 2 and r.stderr == "shipit: error: " + english.format(f=f) + "\n"
    assert len(json.loads(cli("list", "--json").stdout)) == 4


def test_backup_without_a_journal_in_german(cli, shipit_home: Path) -> None:
    r = cli("backup", env=GERMAN)
    assert r.exit_code == 2
    assert r.stderr == (f"shipit: Fehler: unter {shipit_home / 'journal.db'} gibt es noch kein "
                        "Journal: nichts zu sichern\n")  # fmt: skip


# -- --help --------------------------------------------------------------------------------

# Literal values a German help quotes: the kinds (--kind ship), file names in examples.
LITERALS = ("ship", "step", "attempt", "ships")


@pytest.mark.parametrize("command", ["export", "import", "backup", "restore"])
def test_help_in_german(cli, command: str) -> None:
    r = cli(command, "--help", env=GERMAN)
    assert r.exit_code == 0
    assert r.stdout.startswith(f"Aufruf: shipit {command} ")
    assert english_left(r.stdout, allowed=LITERALS) == []
    english = cli(command, "--help", env=ENGLISH).stdout
    assert english.startswith(f"Usage: shipit {command} ")
    # The same options in both languages: commands and options are never translated.
    options = [line.split()[0] for line in english.splitlines() if line.startswith("  -")]
    assert options == [line.split()[0] for line in r.stdout.splitlines()
                       if line.startswith("  -")]  # fmt: skip


def test_help_at_60_columns_fits(sh) -> None:
    """German help wraps at 60 columns; only the example commands (literal) may not."""
    for command in ("export", "import", "backup", "restore"):
        r = sh(command, "--help", env={**GERMAN, "COLUMNS": "60"})
        assert r.returncode == 0
        wide = [line for line in r.stdout.splitlines() if len(line) > 60
                and not line.lstrip().startswith(("shipit ", "jrnl "))]
        assert wide == [], command


# -- a JSON or CSV export loads none of this area's catalogues ----------------------------

PROBE = """
import sys
import shipit.cli
sys.argv = ["shipit", *sys.argv[1:]]
try:
    shipit.cli.main()
except SystemExit:
    pass
print(sorted(m for m in sys.modules if m.startswith("shipit.i18n.")
             and m.endswith((".transfer", ".help"))), file=sys.stderr)
"""


@pytest.mark.parametrize("args", [("export", "--format", "json"), ("export", "--format", "csv"),
                                  ("export", "--format", "json", "--lang", "de")])  # fmt: skip
def test_json_and_csv_exports_load_no_transfer_words(sh, args: tuple[str, ...]) -> None:
    assert sh("log", "x").returncode == 0
    import os

    r = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True,
                       env={**os.environ, "SHIPIT_LANG": "de",
                            "SHIPIT_HOME": os.environ["SHIPIT_HOME"]})  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert r.stdout
    assert r.stderr.strip().splitlines()[-1] == "[]"


# -- docs/export-import.md: the Markdown examples are real exports ------------------------


def test_docs_markdown_examples_are_what_export_writes(cli, clock, tmp_path: Path) -> None:
    import re

    docs = (Path(__file__).parent.parent / "docs" / "export-import.md").read_text()
    english, german = re.findall(r"```markdown\n(.*?)```", docs, re.S)[:2]
    doc = {"format": "shipit-journal", "version": 1, "entries": [
        entry(1, "2026-11-16", "Published the pricing page", tags=["web", "launch"],
              note="the FAQ goes live next week"),
        entry(2, "2026-11-17", "Wrote the migration test", kind="step", minutes=25,
              decision="self"),
        entry(3, "2026-11-23", "Sent the newsletter"),
    ]}  # fmt: skip
    path = tmp_path / "in.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert cli("import", str(path)).exit_code == 0
    assert cli("export", env=ENGLISH).stdout == english
    assert cli("export", "--lang", "de").stdout == german
