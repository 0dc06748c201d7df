"""undo, redo and history on every kind of change (docs/history.md).

Each test makes a change through the CLI, undoes it, checks the journal is exactly as
before (the JSON export of entries, skips, backlog and settings), redoes it and checks
the journal is exactly as after.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest


def state(cli) -> dict:
    """Everything a user can see of the journal, as JSON (timestamps of edits aside)."""
    r = cli("export", "--format", "json")
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    for e in doc["entries"]:
        e.pop("updated_at")
    doc.pop("exported_at")
    return doc


def ok(cli, *args: str, input: str | None = None):  # noqa: ANN201
    r = cli(*args, input=input)
    assert r.exit_code == 0, r.output
    return r


def round_trip(cli, *change: str) -> tuple[dict, dict]:
    """Make `change`, undo it, redo it: the journal is as before, then as after."""
    before = state(cli)
    ok(cli, *change)
    after = state(cli)
    assert after != before, "the change changed nothing"
    ok(cli, "undo", "--yes")
    assert state(cli) == before
    ok(cli, "redo", "--yes")
    assert state(cli) == after
    return before, after


def test_undo_and_redo_a_log(cli, clock) -> None:
    ok(cli, "log", "first")
    before, after = round_trip(cli, "log", "Published the pricing page #web", "--note", "n")
    [new] = [e for e in after["entries"] if e["text"].startswith("Published")]
    assert new["id"] == 2 and new["tags"] == ["web"]


def test_undo_of_an_edit_shows_each_field_and_restores_it(cli, clock) -> None:
    ok(cli, "log", "Launched the referal program", "--tag", "growth")
    ok(cli, "edit", "1", "--text", "Launched the referral program #web", "--note", "n")
    r = ok(cli, "undo", "--yes")
    assert ('Undo edit of #1: text "Launched the referral program #web" → '
            '"Launched the referal program"; note "n" → none; tags #growth #web → #growth'
            ) in " ".join(r.stderr.split())
    [e] = state(cli)["entries"]
    assert (e["text"], e["note"], e["tags"]) == ("Launched the referal program", None, ["growth"])
    round_trip(cli, "edit", "1", "--note", "it worked", "--tag", "growth")


def test_undo_of_a_delete_brings_the_entry_back_with_its_id_uid_and_tags(cli, clock) -> None:
    ok(cli, "log", "keep #a", "--tag", "b", "--note", "note")
    ok(cli, "log", "other")
    before = state(cli)
    ok(cli, "delete", "1", "--yes")
    ok(cli, "undo", "--yes")
    assert state(cli) == before  # same id 1, same uid, tags a and b, the note
    [kept] = [e for e in before["entries"] if e["id"] == 1]
    assert kept["tags"] == ["a", "b"]
    ok(cli, "redo", "--yes")
    assert [e["id"] for e in state(cli)["entries"]] == [2]


def test_undo_and_redo_skips_and_config(cli, clock) -> None:
    ok(cli, "log", "x")
    round_trip(cli, "skip", "2026-12-24", "--until", "2026-12-27", "--reason", "holidays")
    round_trip(cli, "skip", "2026-12-25", "--reason", "christmas")  # changes one reason
    round_trip(cli, "skip", "--remove", "2026-12-24", "--until", "2026-12-26")
    round_trip(cli, "config", "weekly_target", "4")
    round_trip(cli, "config", "weekly_target", "3")  # from a stored value to another
    assert json.loads(cli("config", "--json").stdout)["weekly_target"] == 3
    ok(cli, "undo", "--yes")
    assert json.loads(cli("config", "--json").stdout)["weekly_target"] == 4


def test_undo_and_redo_steps_and_attempts(cli, clock) -> None:
    round_trip(cli, "step", "add", "Post on Instagram once", "--annoyance", "5")
    round_trip(cli, "step", "add", "Fix the footer")
    round_trip(cli, "step", "done", "1", "--note", "two replies", "--decision", "self")
    round_trip(cli, "step", "drop", "2")
    round_trip(cli, "step", "done", "Asked Sam about newsletters", "--minutes", "10")
    round_trip(cli, "try", "Cold email five leads")
    attempt = [e for e in state(cli)["entries"] if e["kind"] == "attempt"][0]["id"]
    round_trip(cli, "resolve", str(attempt), "--failed", "--lesson", "subject lines too long")


def test_undo_of_an_import_takes_it_back_as_a_whole(cli, clock, tmp_path: Path) -> None:
    ok(cli, "log", "mine")
    ok(cli, "step", "add", "an item")
    ok(cli, "skip", "2026-11-20", "--reason", "ill")
    export = tmp_path / "all.json"
    ok(cli, "export", "-f", "json", "-o", str(export))
    for _ in range(3):  # an empty journal of its own, then the import of everything
        ok(cli, "undo", "--yes")
    assert state(cli)["entries"] == []
    before, after = round_trip(cli, "import", str(export))
    assert [e["text"] for e in after["entries"]] == ["mine"]
    assert len(after["skips"]) == 1 and len(after["backlog"]) == 1
    history = json.loads(ok(cli, "history", "--json").stdout)
    assert [c["command"] for c in history[:3]] == ["redo", "undo", "import"]
    assert history[2]["row_count"] == 3


def test_undo_of_a_restore_brings_back_the_journal_as_it_was(cli, clock, tmp_path) -> None:
    ok(cli, "log", "in the backup #a")
    backup = tmp_path / "b.db"
    ok(cli, "backup", str(backup))
    ok(cli, "delete", "1", "--yes")
    ok(cli, "log", "after the backup")
    ok(cli, "step", "add", "an item")
    ok(cli, "config", "rest_days", "sat,sun")
    round_trip(cli, "restore", str(backup))
    assert [e["text"] for e in state(cli)["entries"]] == ["in the backup #a"]


def test_undo_walks_back_and_redo_walks_forward(cli, clock) -> None:
    states = [state(cli)]
    for text in ("a", "b", "c"):
        ok(cli, "log", text)
        states.append(state(cli))
    for i in (2, 1, 0):
        ok(cli, "undo", "--yes")
        assert state(cli) == states[i]
    r = ok(cli, "undo", "--yes")
    assert "Nothing to undo" in r.stderr
    for i in (1, 2, 3):
        ok(cli, "redo", "--yes")
        assert state(cli) == states[i]
    r = ok(cli, "redo", "--yes")
    assert "Nothing to redo" in r.stderr


def test_a_new_change_ends_redo(cli, clock) -> None:
    ok(cli, "log", "a")
    ok(cli, "undo", "--yes")
    ok(cli, "log", "b")
    r = ok(cli, "redo", "--yes")
    assert "Nothing to redo" in r.stderr
    assert [e["text"] for e in state(cli)["entries"]] == ["b"]


def test_nothing_to_undo_on_a_new_journal(cli, shipit_home) -> None:
    r = ok(cli, "undo")
    assert "Nothing to undo" in r.stderr and r.stdout == ""
    assert not (shipit_home / "journal.db").exists()  # asking created nothing
    r = ok(cli, "undo", "--json")
    assert json.loads(r.stdout) == {"undo": None, "change": None}


def test_undo_asks_on_a_terminal_and_needs_yes_without_one(cli, clock, monkeypatch) -> None:
    from shipit.views import render

    ok(cli, "log", "maybe")
    r = cli("undo")
    assert r.exit_code == 2 and "--yes" in r.stderr and r.stderr.count("\n") >= 1
    assert len(state(cli)["entries"]) == 1
    monkeypatch.setattr(render, "is_interactive", lambda: True)
    r = ok(cli, "undo", input="n\n")
    assert "Left as it is" in r.stderr and len(state(cli)["entries"]) == 1
    r = ok(cli, "undo", input="y\n")
    assert "Undid change #1 (log)" in r.stdout and state(cli)["entries"] == []


def test_undo_json(cli, clock) -> None:
    ok(cli, "log", "x")
    doc = json.loads(ok(cli, "undo", "--yes", "--json").stdout)
    assert doc["undo"]["seq"] == 1 and doc["undo"]["command"] == "log"
    assert doc["change"]["command"] == "undo" and doc["change"]["target"] == 1
    [row] = doc["change"]["rows"]
    assert row["table"] == "entry" and row["op"] == "delete" and row["before"]["text"] == "x"


def test_history_lists_changes_newest_first(cli, clock) -> None:
    ok(cli, "log", "Published the pricing page")
    ok(cli, "edit", "1", "--text", "Published the new pricing page")
    ok(cli, "skip", "2026-12-24")
    ok(cli, "undo", "--yes")
    r = ok(cli, "history")
    lines = [" ".join(line.split()) for line in r.stdout.splitlines()]
    assert any(line.startswith("#4 ") and "undo change #3 (skip)" in line for line in lines)
    assert any("#3 " in line and "skip skip day 2026-12-24 (undone by #4)" in line for line in lines)
    assert any(line.startswith("#2 ") and "edit #1 text" in line for line in lines)
    assert any('log #1 ship "Published the pricing page"' in line for line in lines)
    doc = json.loads(ok(cli, "history", "--json", "--limit", "2").stdout)
    assert [c["seq"] for c in doc] == [4, 3]
    assert set(doc[0]) == {"seq", "uid", "at", "command", "target", "undone", "row_count", "rows"}
    assert doc[1]["undone"] is True
    assert cli("history", "--limit", "-1").exit_code == 2


def test_a_refused_command_records_no_change(cli, clock) -> None:
    ok(cli, "log", "x")
    assert cli("edit", "1").exit_code == 2  # nothing to change
    assert cli("log", "y", "--date", "2026-02-30").exit_code == 2
    assert len(json.loads(ok(cli, "history", "--json").stdout)) == 1


def test_undo_refuses_when_the_rows_changed_since_and_changes_nothing(cli, clock,
                                                                       shipit_home) -> None:  # fmt: skip
    """A step done closes its backlog item: if another program changed the item since,
    undo refuses whole (the step entry stays too), exit 2, naming the change."""
    ok(cli, "step", "add", "Write the FAQ")
    ok(cli, "step", "done", "1")
    con = sqlite3.connect(shipit_home / "journal.db")
    con.execute("UPDATE backlog SET text = 'changed elsewhere'")
    con.commit()
    con.close()
    before = state(cli)
    r = cli("undo", "--yes")
    assert r.exit_code == 2, r.output
    assert "cannot undo change #2 (step done)" in r.stderr
    assert state(cli) == before


def test_later_change_names_the_newest_change_that_touched_a_row(cli, clock) -> None:
    from shipit.services.journal import Journal
    from shipit.storage import rows

    ok(cli, "log", "a")
    ok(cli, "edit", "1", "--text", "b")
    ok(cli, "undo", "--yes")
    j = Journal()
    uid = j.get("1").uid
    with j.store.reading() as conn:
        assert rows.later_change(conn, 1, "entry", uid) == (3, "undo")
        assert rows.later_change(conn, 3, "entry", uid) is None
    j.store.close()


def test_rows_changed_since_and_tombstones(cli, clock) -> None:
    """What sync will push: every row changed after a local sequence number, with its
    current values, or None and a tombstone for a deletion."""
    from shipit.services.journal import Journal
    from shipit.storage import rows

    ok(cli, "log", "stays")
    ok(cli, "log", "goes")
    ok(cli, "edit", "1", "--text", "stays, edited")
    ok(cli, "delete", "2", "--yes")
    j = Journal()
    with j.store.reading() as conn:
        changed = {(t, img["text"] if img else None) for t, _, img in rows.rows_changed_since(conn, 2)}
        assert changed == {("entry", "stays, edited"), ("entry", None)}
        [(table, key, seq)] = conn.execute("SELECT tbl, key, seq FROM tombstone").fetchall()
        assert table == "entry" and seq == 4
        assert list(rows.rows_changed_since(conn, 4)) == []
    j.store.close()
    ok(cli, "undo", "--yes")  # the entry is back: its tombstone goes
    with j.store.reading() as conn:
        assert conn.execute("SELECT count(*) FROM tombstone").fetchone()[0] == 0
    j.store.close()


@pytest.mark.parametrize("command", ["undo", "redo", "history"])
def test_history_commands_have_help(cli, command) -> None:
    r = ok(cli, command, "--help")
    assert "Usage: shipit " + command in r.stdout


def test_settings_in_history_and_undo_say_old_and_new_values(cli, clock) -> None:
    ok(cli, "config", "weekly_target", "4")
    ok(cli, "config", "weekly_target", "3")
    lines = [" ".join(line.split()) for line in ok(cli, "history").stdout.splitlines()]
    assert any('setting weekly_target: "4" → "3"' in line for line in lines)
    assert any('setting weekly_target: default → "4"' in line for line in lines)
    r = ok(cli, "undo", "--yes")
    assert 'Undo config of setting weekly_target: "3" → "4"' in r.stderr
    r = ok(cli, "undo", "--yes")
    assert 'Undo config of setting weekly_target: "4" → default' in r.stderr


def _journal(monkeypatch, home: Path) -> None:
    monkeypatch.setenv("SHIPIT_HOME", str(home))


def test_undo_of_a_restore_with_other_ids_brings_back_ids_and_links(cli, clock, tmp_path,
                                                                     monkeypatch) -> None:  # fmt: skip
    """The backup holds the same entries under other ids (it imported them after an
    entry of its own): undo gives every entry its old id back, and the backlog item
    its link to the right step; redo the backup's."""
    j, k = tmp_path / "j", tmp_path / "k"
    _journal(monkeypatch, j)
    for args in (("log", "a"), ("log", "b"), ("step", "add", "item"), ("step", "done", "1")):
        ok(cli, *args)
    ok(cli, "export", "-f", "json", "-o", str(tmp_path / "j.json"))
    _journal(monkeypatch, k)
    ok(cli, "log", "z")
    ok(cli, "import", str(tmp_path / "j.json"))
    ok(cli, "backup", str(tmp_path / "k.db"))
    _journal(monkeypatch, j)
    before = state(cli)
    before_ids = {e["text"]: e["id"] for e in before["entries"]}
    ok(cli, "restore", str(tmp_path / "k.db"))
    after = state(cli)
    assert {e["text"]: e["id"] for e in after["entries"]} == {"z": 1, "a": 2, "b": 3, "item": 4}
    ok(cli, "undo", "--yes")
    assert state(cli) == before
    assert {e["text"]: e["id"] for e in state(cli)["entries"]} == before_ids == {
        "a": 1, "b": 2, "item": 3}
    [item] = json.loads(ok(cli, "step", "list", "--all", "--json").stdout)
    assert item["entry_id"] == 3  # the step "item", not the ship "b"
    ok(cli, "redo", "--yes")
    assert state(cli) == after


def test_undo_of_a_restore_whose_ids_collide(cli, clock, tmp_path, monkeypatch) -> None:
    j, k = tmp_path / "j", tmp_path / "k"
    _journal(monkeypatch, j)
    ok(cli, "log", "a")
    ok(cli, "log", "b")
    doc = json.loads(ok(cli, "export", "-f", "json").stdout)
    doc["entries"] = [e for e in doc["entries"] if e["text"] == "b"]
    (tmp_path / "b.json").write_text(json.dumps(doc))
    _journal(monkeypatch, k)
    ok(cli, "import", str(tmp_path / "b.json"))  # b gets id 1 here
    ok(cli, "log", "c")  # and c id 2, b's id in j
    ok(cli, "backup", str(tmp_path / "k.db"))
    _journal(monkeypatch, j)
    before = state(cli)
    ok(cli, "restore", str(tmp_path / "k.db"))
    ok(cli, "undo", "--yes")
    assert state(cli) == before


def test_a_no_op_edit_records_nothing(cli, clock) -> None:
    ok(cli, "log", "same")
    ok(cli, "edit", "1", "--text", "same")
    assert len(json.loads(ok(cli, "history", "--json").stdout)) == 1
    r = cli("edit", "1")  # no option and no $EDITOR: refused
    assert r.exit_code == 2 and "nothing to change" in r.stderr


def test_history_counts_an_import_by_table(cli, clock, tmp_path) -> None:
    for i in range(5):
        ok(cli, "log", f"e{i}")
    ok(cli, "skip", "2026-11-20")
    export = tmp_path / "all.json"
    ok(cli, "export", "-f", "json", "-o", str(export))
    for _ in range(6):
        ok(cli, "undo", "--yes")
    ok(cli, "import", str(export))
    line = [" ".join(x.split()) for x in ok(cli, "history").stdout.splitlines() if "import" in x]
    assert "5 entries, 1 skip day" in line[0]


def test_private_entries_stay_private_through_restore_and_export(cli, clock, tmp_path,
                                                                 monkeypatch) -> None:  # fmt: skip
    """A restore and a JSON export/import keep an entry's --private (sync never sends it)."""
    from shipit.services.journal import Journal
    from shipit.storage import entries as entries_sql

    def private_texts() -> set[str]:
        j = Journal()
        with j.store.reading() as conn:
            uids = entries_sql.private_uids(conn)
            texts = {e.uid: e.text for e in entries_sql.query(conn, __import__(
                "shipit.domain.entries", fromlist=["Filters"]).Filters())}
        j.store.close()
        return {texts[u] for u in uids}

    a, b = tmp_path / "a", tmp_path / "b"
    _journal(monkeypatch, a)
    ok(cli, "log", "only secret", "--private")
    ok(cli, "log", "shared")
    ok(cli, "backup", str(tmp_path / "a.db"))
    doc = json.loads(ok(cli, "export", "-f", "json").stdout)
    assert [e.get("private") for e in doc["entries"]] == [True, None]
    (tmp_path / "a.json").write_text(json.dumps(doc))
    _journal(monkeypatch, b)
    ok(cli, "log", "other")
    ok(cli, "restore", str(tmp_path / "a.db"))
    assert private_texts() == {"only secret"}
    ok(cli, "undo", "--yes")
    assert private_texts() == set()
    ok(cli, "import", str(tmp_path / "a.json"))
    assert private_texts() == {"only secret"}


# -- in German (issue 15) -----------------------------------------------------------------

GERMAN_MOVES = {
    "en": ("Change #2 (edit):\nUndo edit of #1: text \"Pricing page is live\" → \"Pricing page live\"\n",
           "Undid change #2 (edit) as change #3\n",
           "Nothing to redo: redo re-applies what undo reverted, until a new change is made.\n"),
    "de": ("Änderung #2 (edit):\nRückgängig: edit von #1: text \"Pricing page is live\" → "
           "\"Pricing page live\"\n",
           "Rückgängig gemacht: Änderung #2 (edit) als Änderung #3\n",
           "Nichts zu wiederholen: redo wendet an, was undo zurückgenommen hat, bis eine neue "
           "Änderung kommt.\n"),
}  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "de"])
def test_undo_redo_and_history_speak_the_language(cli, clock, lang) -> None:
    from tests.german import english_left

    env = {"SHIPIT_LANG": lang}
    assert cli("log", "Pricing page live").exit_code == 0
    assert cli("edit", "1", "--text", "Pricing page is live").exit_code == 0
    shown, done, nothing = GERMAN_MOVES[lang]
    r = cli("undo", "--yes", env=env)
    assert (r.exit_code, r.stderr, r.stdout) == (0, shown, done)
    r = cli("redo", "--yes", env=env)
    assert r.exit_code == 0
    r = cli("redo", "--yes", env=env)
    assert (r.exit_code, r.stderr) == (0, nothing)
    r = cli("history", env=env)
    kind = "Lieferung" if lang == "de" else "ship"
    assert r.exit_code == 0 and f"#1 {kind} \"Pricing page live\"" in r.stdout
    r = cli("history", "--limit", "-1", env=env)
    assert r.exit_code == 2
    if lang == "de":
        assert r.stderr == "shipit: Fehler: ungültiges --limit -1: erwartet wird 0 (alle) bis 10.000\n"
        # the Command column names commands, and entries show their kind: literals
        assert english_left(cli("history", env=env).stdout, ("undo", "redo", "ship")) == []
        help_text = cli("undo", "--help", env=env).stdout
        assert english_left(help_text.split("Optionen:")[0], ("undo", "redo", "skip")) == []
        assert "JSON ausgeben (Schlüssel in docs/history.md)." in help_text
    else:
        assert r.stderr == "shipit: error: invalid --limit -1: expected 0 (all) to 10,000\n"


def test_a_refused_undo_names_the_later_change_in_german(cli, clock) -> None:
    assert cli("log", "one").exit_code == 0
    assert cli("edit", "1", "--text", "two").exit_code == 0
    target = cli("history", "--json").stdout
    assert '"command": "edit"' in target
    assert cli("undo", "--yes").exit_code == 0  # undo the edit
    assert cli("edit", "1", "--text", "three").exit_code == 0
    r = cli("redo", "--yes", env={"SHIPIT_LANG": "de"})
    assert r.exit_code in (0, 2)
    if r.exit_code == 2:
        assert r.stderr.startswith("shipit: Fehler: redo von Änderung #")
