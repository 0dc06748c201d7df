"""log / today / list / edit / delete through the CLI, in-process (undo: test_history.py)."""

from __future__ import annotations

import json
from datetime import date

import pytest

ENTRY_KEYS = {
    "id", "uid", "kind", "text", "day", "created_at", "updated_at", "tags", "note",
    "minutes", "decision", "outcome", "lesson",
}  # fmt: skip


def entries(cli) -> list[dict]:
    r = cli("list", "--json")
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def test_log_records_a_ship_for_today(cli, clock):
    r = cli("log", "Published the pricing page")
    assert r.exit_code == 0, r.output
    assert "Shipped" in r.stdout and "Published the pricing page" in r.stdout
    [e] = entries(cli)
    assert set(e) >= ENTRY_KEYS
    assert e["kind"] == "ship"
    assert e["text"] == "Published the pricing page"
    assert e["day"] == "2026-11-23"
    assert e["created_at"] == "2026-11-23T12:00:00+00:00"
    assert e["updated_at"] == e["created_at"]
    assert e["tags"] == [] and e["note"] is None
    assert e["id"] == 1 and len(e["uid"]) == 36


def test_words_are_joined_and_ship_is_an_alias(cli, clock):
    assert cli("ship", "fixed", "the", "bug").exit_code == 0
    assert entries(cli)[0]["text"] == "fixed the bug"


def test_hashtags_and_tag_options_are_normalised(cli, clock):
    r = cli("log", "Launched #Web page, fixed #123 and a#b", "--tag", "#Email", "-t", "web")
    assert r.exit_code == 0, r.output
    assert entries(cli)[0]["tags"] == ["email", "web"]


def test_note_and_date(cli, clock):
    r = cli("log", "Sent the newsletter", "--date", "yesterday", "--note", "to 40 people")
    assert r.exit_code == 0, r.output
    e = entries(cli)[0]
    assert e["day"] == "2026-11-22" and e["note"] == "to 40 people"


def test_text_after_double_dash(cli, clock):
    r = cli("log", "--", "- fixed the typo")
    assert r.exit_code == 0, r.output
    assert entries(cli)[0]["text"] == "- fixed the typo"


def test_log_help_mentions_double_dash(cli):
    r = cli("log", "--help")
    assert r.exit_code == 0
    assert 'shipit log -- "- fixed the typo' in r.stdout


def test_text_is_stored_exactly(cli, clock):
    text = "  two  spaces\tand tab\nsecond line  "
    assert cli("log", text).exit_code == 0
    assert entries(cli)[0]["text"] == text


def test_list_is_newest_first_grouped_by_day(cli, clock):
    cli("log", "old one", "-d", "2026-11-01")
    cli("log", "newer", "-d", "2026-11-20")
    cli("log", "newest")
    days = [e["day"] for e in entries(cli)]
    assert days == ["2026-11-23", "2026-11-20", "2026-11-01"]
    r = cli("list")
    assert r.exit_code == 0
    out = r.stdout
    assert out.index("newest") < out.index("newer") < out.index("old one")
    assert "Mon 23 Nov 2026" in out and "Fri 20 Nov 2026" in out
    assert "3 entries" in r.stderr


def test_list_filters(cli, clock):
    cli("log", "alpha #web", "-d", "2026-11-01")
    cli("log", "Beta Ünïcode", "-d", "2026-11-10", "--note", "NOTE words")
    cli("log", "gamma #web #email", "-d", "2026-11-20")
    def texts(*args):
        r = cli("list", "--json", *args)
        assert r.exit_code == 0, r.output
        return [e["text"] for e in json.loads(r.stdout)]
    assert texts("--since", "2026-11-05") == ["gamma #web #email", "Beta Ünïcode"]
    assert texts("--until", "2026-11-10") == ["Beta Ünïcode", "alpha #web"]
    assert texts("--tag", "web") == ["gamma #web #email", "alpha #web"]
    assert texts("--tag", "web", "--tag", "email") == ["gamma #web #email"]
    assert texts("--search", "ÜNÏ") == ["Beta Ünïcode"]
    assert texts("--search", "note") == ["Beta Ünïcode"]
    assert texts("--limit", "1") == ["gamma #web #email"]
    assert texts("--kind", "ship", "--limit", "2") == ["gamma #web #email", "Beta Ünïcode"]
    assert texts("--kind", "step") == []


def test_today_json_and_glance(cli, clock):
    r = cli()
    assert r.exit_code == 0
    assert "journal is empty" in r.stdout and "shipit log" in r.stdout
    r = cli("today", "--json")
    assert json.loads(r.stdout) == {"day": "2026-11-23", "shipped": False, "entries": []}
    cli("log", "yesterday's", "-d", "yesterday")
    r = cli()
    assert "not shipped yet" in r.stdout
    cli("log", "today's")
    data = json.loads(cli("today", "--json").stdout)
    assert data["shipped"] is True and data["day"] == "2026-11-23"
    assert [e["text"] for e in data["entries"]] == ["today's"]
    assert "shipped ✔" in cli("today").stdout


def test_edit_changes_fields_and_updated_at(cli, clock):
    cli("log", "first draft #web", "--tag", "mine")
    clock.advance(hours=1)
    r = cli("edit", "1", "--text", "final text #blog", "--note", "n", "--date", "2026-11-20")
    assert r.exit_code == 0, r.output
    e = entries(cli)[0]
    assert e["text"] == "final text #blog" and e["note"] == "n" and e["day"] == "2026-11-20"
    # hashtags follow the text; explicit tags are kept
    assert e["tags"] == ["blog", "mine"]
    assert e["updated_at"] == "2026-11-23T13:00:00+00:00"
    assert e["created_at"] == "2026-11-23T12:00:00+00:00"
    assert cli("edit", "1", "--tag", "other").exit_code == 0
    assert entries(cli)[0]["tags"] == ["blog", "other"]
    assert cli("edit", "1", "--clear-tags", "--note", "").exit_code == 0
    e = entries(cli)[0]
    assert e["tags"] == ["blog"] and e["note"] is None


def test_edit_by_uid(cli, clock):
    cli("log", "x")
    uid = entries(cli)[0]["uid"]
    assert cli("edit", uid, "--text", "y").exit_code == 0
    assert entries(cli)[0]["text"] == "y"


def test_edit_without_changes_is_refused(cli, clock):
    cli("log", "x")
    r = cli("edit", "1")
    assert r.exit_code == 2 and "nothing to change" in r.stderr


def test_delete_needs_yes_without_terminal(cli, clock):
    cli("log", "keep me")
    r = cli("delete", "1")
    assert r.exit_code == 2
    assert "--yes" in r.stderr
    assert len(entries(cli)) == 1
    r = cli("delete", "1", "--yes")
    assert r.exit_code == 0 and "Deleted" in r.stdout and "keep me" in r.stdout
    assert entries(cli) == []


def test_delete_asks_when_interactive(cli, clock, monkeypatch):
    from shipit.views import render

    monkeypatch.setattr(render, "is_interactive", lambda: True)
    cli("log", "maybe")
    r = cli("delete", "1", input="n\n")
    assert r.exit_code == 0 and "Kept it." in r.stderr and len(entries(cli)) == 1
    r = cli("delete", "1", input="y\n")
    assert r.exit_code == 0 and entries(cli) == []


def test_undo_reverts_the_last_log(cli, clock):
    cli("log", "today one")
    cli("log", "added last, for an older day", "-d", "2026-11-01")
    r = cli("undo", "--yes")
    assert r.exit_code == 0, r.output
    assert "Undid change #2 (log)" in r.stdout
    assert "Undo log of #2 ship" in r.stderr and "added last" in r.stderr
    assert [e["text"] for e in entries(cli)] == ["today one"]
    assert cli("undo", "--yes").exit_code == 0
    r = cli("undo", "--yes")
    assert r.exit_code == 0 and "Nothing to undo" in r.stderr and r.stdout == ""


def test_ids_are_not_reused_after_delete(cli, clock):
    cli("log", "a")
    cli("log", "b")
    cli("delete", "2", "--yes")
    cli("log", "c")
    assert [e["id"] for e in entries(cli)] == [3, 1]


def test_path_prints_journal_file(cli, shipit_home):
    r = cli("path")
    assert r.exit_code == 0
    assert r.stdout.strip() == str(shipit_home / "journal.db")
    assert not (shipit_home / "journal.db").exists()  # printing the path creates nothing


def test_version(cli):
    from shipit import __version__

    r = cli("--version")
    assert r.exit_code == 0 and r.stdout.strip() == f"shipit {__version__}"


@pytest.mark.parametrize(
    "text",
    ["[bold]loud[/bold]", "[/]", ":smile:", "\x1b[31mred\x1b[0m", "bell\x07", "rtl\u202eevil",
     "[link=http://x]y[/link]", "\x9b31m c1"],
)  # fmt: skip
def test_user_text_is_shown_literally_and_stored_exactly(cli, clock, text):
    r = cli("log", text)
    assert r.exit_code == 0, r.output
    assert entries(cli)[0]["text"] == text
    for out in (r.stdout, cli("list").stdout, cli("today").stdout):
        assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
        assert "\x9b" not in out
        from shipit.views.render import safe

        assert safe(text) in out.replace("\n", "").replace(" ", "") or safe(text).replace(
            " ", ""
        ) in out.replace("\n", "").replace(" ", "")


def test_every_command_has_help(cli):
    from shipit.cli import load
    from typer.main import get_command

    group = get_command(load())
    for name, command in group.commands.items():
        assert (command.help or "").strip(), f"command {name} has no help"
        r = cli(name, "--help")
        assert r.exit_code == 0, name


def test_rest_of_today_uses_day_starts_at(cli, clock):
    from shipit.services.journal import Journal

    Journal().set_setting("day_starts_at", "04:00")
    clock.set("2026-11-23T01:30:00+00:00")  # TZ=UTC in tests
    cli("log", "night owl")
    assert entries(cli)[0]["day"] == "2026-11-22"
    assert json.loads(cli("today", "--json").stdout)["day"] == "2026-11-22"
    clock.set("2026-11-23T04:00:00+00:00")
    cli("log", "morning")
    assert entries(cli)[0]["day"] == "2026-11-23"
    assert date(2026, 11, 23).isoformat() == json.loads(cli("today", "--json").stdout)["day"]
