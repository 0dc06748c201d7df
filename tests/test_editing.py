"""Corrections: `edit ID` in a real $EDITOR, `log` without text or from stdin, every field of
every kind through `edit`, `step edit`, and undo over all of them."""

from __future__ import annotations

import json
import stat
import sys
from pathlib import Path

import pytest


def entries(cli) -> list[dict]:  # noqa: ANN001
    r = cli("list", "--json")
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def history_count(cli) -> int:  # noqa: ANN001
    return len(json.loads(cli("history", "--json").stdout))


@pytest.fixture
def editor(tmp_path: Path):
    """A real editor: a script that records the file it was given and applies a change.

    editor(program) -> {"EDITOR": path}; `program` is Python run on the file's text
    (variable `text`), which it may reassign; `SEEN` holds what the editor was shown.
    """
    seen = tmp_path / "seen.txt"

    def make(program: str = "", code: int = 0) -> dict[str, str]:
        script = tmp_path / "editor.py"
        script.write_text(
            f"#!{sys.executable}\n"
            "import sys\n"
            "path = sys.argv[1]\n"
            "text = open(path, encoding='utf-8').read()\n"
            f"open({str(seen)!r}, 'w', encoding='utf-8').write(text)\n"
            f"{program}\n"
            "open(path, 'w', encoding='utf-8').write(text)\n"
            f"sys.exit({code})\n"
        )
        script.chmod(script.stat().st_mode | stat.S_IEXEC)
        return {"EDITOR": str(script), "VISUAL": ""}

    make.seen = seen  # type: ignore[attr-defined]
    return make


def test_edit_opens_the_entry_in_the_editor_and_applies_what_was_saved(cli, clock, editor):
    cli("try", "Cold email", "--failed", "--lesson", "too long")
    env = editor("text = text.replace('Cold email\\n', 'Cold emails #sales\\n')"
                 ".replace('outcome: failed', 'outcome: succeeded')"
                 ".replace('too long', 'short subject lines work')")
    r = cli("edit", "1", env=env)
    assert r.exit_code == 0, r.output
    shown = editor.seen.read_text()
    assert shown.splitlines()[0] == "# Editing entry #1, an attempt of Mon 23 Nov 2026."
    assert "\nCold email\n" in shown and "\noutcome: failed\n" in shown
    assert shown.index("Cold email") < shown.index("# --- note") < shown.index("# --- lesson")
    e = entries(cli)[0]
    assert (e["text"], e["tags"], e["outcome"], e["lesson"]) == (
        "Cold emails #sales", ["sales"], "succeeded", "short subject lines work")
    assert cli("undo", "--yes").exit_code == 0
    e = entries(cli)[0]
    assert (e["text"], e["outcome"], e["lesson"]) == ("Cold email", "failed", "too long")


def test_editing_a_step_s_fields_and_a_note(cli, clock, editor):
    cli("step", "add", "Post once")
    cli("step", "done", "1", "--note", "it worked", "--decision", "self")
    env = editor("text = text.replace('minutes: 5', 'minutes: 12')"
                 ".replace('decision: self', 'decision: delegate')"
                 ".replace('it worked', 'it worked\\nsecond line')")
    assert cli("edit", "1", env=env).exit_code == 0
    e = entries(cli)[0]
    assert (e["minutes"], e["decision"], e["note"]) == (12, "delegate", "it worked\nsecond line")


def test_an_unchanged_file_changes_nothing(cli, clock, editor):
    cli("log", "Shipped it #web", "--note", "n", "--tag", "extra")
    before, changes = entries(cli), history_count(cli)
    r = cli("edit", "1", env=editor(""))
    assert (r.exit_code, r.stderr) == (0, "No change.\n")
    assert "tags: extra" in editor.seen.read_text()
    assert entries(cli) == before and history_count(cli) == changes


@pytest.mark.parametrize("program, code, message", [
    ("text = '\\n'.join(l for l in text.splitlines() if l.startswith('#'))", 0,
     "aborted: the text is empty, nothing was changed"),
    ("text = text.replace('Shipped it', 'Changed')", 3, "exited with 3; nothing was changed"),
    ("text = text.replace('day: ', 'colour: ')", 0, "cannot read the line 'colour: "),
    ("text = text.replace('day: 2026-11-23', 'day: 2099-01-01')", 0, "is in the future"),
])  # fmt: skip
def test_an_aborted_or_bad_edit_changes_nothing(cli, clock, editor, program, code, message):
    cli("log", "Shipped it")
    before, changes = entries(cli), history_count(cli)
    r = cli("edit", "1", env=editor(program, code))
    assert r.exit_code != 0 and message in r.stderr, r.output
    assert entries(cli) == before and history_count(cli) == changes


def test_edit_without_options_and_no_editor_says_what_to_give(cli, clock):
    cli("log", "x")
    r = cli("edit", "1", env={"EDITOR": "", "VISUAL": ""})
    assert r.exit_code == 2 and "nothing to change" in r.stderr and "$EDITOR" in r.stderr


def test_log_without_text_opens_the_editor(cli, clock, editor):
    env = editor("text = 'Wrote the post #blog\\n' + text.replace("
                 "'# --- note (empty for none) ---\\n', '# --- note (empty for none) ---\\nA note\\n')")
    r = cli("log", env=env)
    assert r.exit_code == 0, r.output
    e = entries(cli)[0]
    assert (e["kind"], e["text"], e["tags"], e["note"]) == ("ship", "Wrote the post #blog",
                                                            ["blog"], "A note")  # fmt: skip
    assert cli("log", env=editor("")).exit_code == 1  # left empty: aborted
    r = cli("log", env={"EDITOR": "", "VISUAL": ""})  # no editor, no terminal
    assert r.exit_code == 2 and "no text: give TEXT, '-' to read it" in r.stderr
    assert len(entries(cli)) == 1


def test_log_dash_reads_the_text_from_stdin(cli, clock):
    r = cli("log", "-", input="Fixed the form #web\n")
    assert r.exit_code == 0, r.output
    assert (entries(cli)[0]["text"], entries(cli)[0]["tags"]) == ("Fixed the form #web", ["web"])
    r = cli("log", "-", input="  \n")
    assert r.exit_code == 2 and "no text on standard input" in r.stderr
    assert cli("log", "--", "- a dash first").exit_code == 0
    assert entries(cli)[0]["text"] == "- a dash first"


def test_edit_changes_every_field_of_every_kind_with_options(cli, clock):
    cli("try", "Launch")
    cli("step", "add", "Post")
    cli("step", "done", "1")
    assert cli("edit", "1", "--outcome", "failed", "--lesson", "too early").exit_code == 0
    assert cli("edit", "2", "--minutes", "7", "--decision", "drop").exit_code == 0
    by_id = {e["id"]: e for e in entries(cli)}
    assert (by_id[1]["outcome"], by_id[1]["lesson"]) == ("failed", "too early")
    assert (by_id[2]["minutes"], by_id[2]["decision"]) == (7, "drop")
    assert cli("edit", "2", "--decision", "").exit_code == 0
    assert {e["id"]: e for e in entries(cli)}[2]["decision"] is None
    before = entries(cli)
    for args, message in [
        (("1", "--minutes", "3"), "entry #1 is an attempt; minutes is for steps"),
        (("2", "--outcome", "failed"), "entry #2 is a step; outcome is for attempts"),
        (("1", "--outcome", "maybe"), "invalid outcome 'maybe'"),
        (("2", "--minutes", "0"), "a step takes at least 1 minute"),
        (("2", "--decision", "later"), "invalid decision 'later'"),
        (("1", "--outcome", "open"), "a lesson needs an outcome"),
    ]:
        r = cli("edit", *args)
        assert r.exit_code == 2 and message in r.stderr, (args, r.stderr)
    assert entries(cli) == before


def test_resolve_of_a_resolved_attempt_points_at_edit(cli, clock):
    cli("try", "Launch", "--succeeded")
    r = cli("resolve", "1", "--failed")
    assert r.exit_code == 2 and "shipit edit 1 --outcome failed" in r.stderr


def test_step_edit_changes_a_backlog_item_and_undo_reverts_it(cli, clock):
    cli("step", "add", "Post on Instagram", "--annoyance", "2")
    r = cli("step", "edit", "1", "--text", "Post one photo", "--annoyance", "5", "--json")
    assert r.exit_code == 0, r.output
    item = json.loads(r.stdout)
    assert (item["text"], item["annoyance"]) == ("Post one photo", 5)
    assert cli("undo", "--yes").exit_code == 0
    item = json.loads(cli("step", "list", "--json").stdout)[0]
    assert (item["text"], item["annoyance"]) == ("Post on Instagram", 2)
    for args, message in [((), "nothing to change"), (("--annoyance", "9"), "invalid annoyance 9"),
                          (("--text", " "), "text")]:  # fmt: skip
        r = cli("step", "edit", "1", *args)
        assert r.exit_code == 2 and message in r.stderr, (args, r.stderr)
    assert cli("step", "edit", "7", "--text", "x").exit_code == 2
