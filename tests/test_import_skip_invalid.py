"""Imports: a jrnl entry that is all body imports with the body as its text;
`import --skip-invalid` imports the valid entries and lists each invalid one with its
index and reason; without it, one invalid entry refuses the whole file."""

from __future__ import annotations

import json
from pathlib import Path


def jrnl_file(tmp_path: Path) -> Path:
    entries = [
        {"date": "2026-11-20", "time": "09:00", "title": "", "body": "All body @web",
         "tags": ["@web"], "starred": False},
        {"date": "2026-13-40", "time": "09:00", "title": "bad date", "body": "", "tags": [],
         "starred": False},
        {"date": "2026-11-21", "time": "10:00", "title": "good one", "body": "", "tags": [],
         "starred": False},
        {"date": "2026-11-22", "time": "99:00", "title": "bad time", "body": "", "tags": [],
         "starred": False},
    ]  # fmt: skip
    path = tmp_path / "jrnl.json"
    path.write_text(json.dumps({"tags": {}, "entries": entries}))
    return path


def listed(cli) -> list[tuple[str, str, list[str], object]]:  # noqa: ANN001
    return [(e["day"], e["text"], e["tags"], e["note"])
            for e in json.loads(cli("list", "--json").stdout)]  # fmt: skip


def test_all_or_nothing_stays_the_default(cli, clock, tmp_path):
    r = cli("import", str(jrnl_file(tmp_path)))
    assert r.exit_code == 2
    assert "entries[1].date: '2026-13-40' is not a real date; nothing was imported" in r.stderr
    assert listed(cli) == []


def test_skip_invalid_imports_the_valid_entries_and_lists_the_rest(cli, clock, tmp_path):
    r = cli("import", "--skip-invalid", str(jrnl_file(tmp_path)))
    assert r.exit_code == 0, r.output
    assert r.stderr.splitlines() == [
        "Imported 2 entries (jrnl); 0 duplicates skipped.",
        "skipped invalid entry 1: entries[1].date: '2026-13-40' is not a real date",
        "skipped invalid entry 3: entries[3].time: \"99:00\" is not a time (HH:MM)",
    ]
    assert listed(cli) == [("2026-11-21", "good one", [], None),
                           ("2026-11-20", "All body @web", ["web"], None)]  # fmt: skip
    assert cli("undo", "--yes").exit_code == 0  # one change, as any import
    assert listed(cli) == []


def test_skip_invalid_works_on_shipit_exports_and_keeps_true_indexes(cli, clock, tmp_path):
    cli("log", "one")
    cli("log", "two")
    cli("log", "three")
    doc = json.loads(cli("export", "-f", "json").stdout)
    doc["entries"][0]["kind"] = "essay"
    for e in doc["entries"]:
        e["uid"] = e["uid"][:-4] + "ffff"  # new entries, not duplicates
    path = tmp_path / "export.json"
    path.write_text(json.dumps(doc))
    r = cli("import", "--skip-invalid", "--dry-run", str(path))
    assert r.exit_code == 0, r.output
    assert "Would import 2 entries (json)" in r.stderr
    assert "skipped invalid entry 0: entries[0].kind: 'essay' is not one of ship" in r.stderr
    doc["settings"] = {"weekly_target": "9"}  # not an entry: still refuses the file
    path.write_text(json.dumps(doc))
    r = cli("import", "--skip-invalid", str(path))
    assert r.exit_code == 2 and "settings.weekly_target" in r.stderr
