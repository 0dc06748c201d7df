"""Ship It projects: plan, link a week of ships, thrash early and late, move, ship, drop;
bad input refused with nothing changed; undo and redo over every project change."""

from __future__ import annotations

import json
import sqlite3

import pytest

from shipit.services.journal import path as journal_path

# The clock fixture starts on Mon 23 Nov 2026, 12:00 UTC (TZ=UTC).


def j(cli, *args):
    r = cli(*args, "--json")
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def dump() -> dict:
    """Every row of every data table: 'nothing changed' is compared on this."""
    con = sqlite3.connect(journal_path())
    tables = ["entry", "entry_tag", "project", "project_answer", "project_thrash",
              "project_move", "project_link"]  # fmt: skip
    out = {t: sorted(map(repr, con.execute(f"SELECT * FROM {t}"))) for t in tables}
    con.close()
    return out


@pytest.fixture
def planned(cli, clock):
    r = cli("project", "new", "Pricing page", "--ship", "2026-12-04", "--owner", "Ana",
            "--member", "Bo")  # fmt: skip
    assert r.exit_code == 0, r.output
    return r


def test_new_defaults_time_and_thrash_date(cli, planned):
    p = j(cli, "project", "show", "pricing")
    assert p["short"] == "pricing" and p["name"] == "Pricing page" and p["owner"] == "Ana"
    assert p["ship_at"] == "2026-12-04T17:00:00+00:00" and p["ship_day"] == "2026-12-04"
    # 11 days from Mon 23 Nov to Fri 4 Dec: a third is 3 days
    assert p["thrash_until"] == "2026-11-26" and p["start_day"] == "2026-11-23"
    assert p["members"] == ["Ana", "Bo"] and p["status"] == "active"
    assert "ships Fri 4 Dec 2026 17:00; thrash until Thu 26 Nov 2026" in planned.stdout


def test_a_week_of_ships_thrash_move_ship_and_the_card(cli, clock, planned):
    cli("project", "answer", "pricing", "fears", "nobody buys")
    cli("project", "answer", "pricing", "edges", "fast, proven")
    assert cli("project", "thrash", "pricing", "add a FAQ").exit_code == 0
    for day in range(23, 28):
        clock.set(f"2026-11-{day}T10:00:00")
        r = cli("log", f"pricing work {day} +pricing")
        assert r.exit_code == 0 and "→ linked to +pricing" in r.stdout
    cli("step", "done", "tidy the table", "--project", "pricing")
    cli("try", "annual plans", "-P", "pricing")
    cli("log", "unrelated +nothing")
    r = cli("project", "thrash", "pricing", "add a chat widget")
    assert r.exit_code == 0 and "Late thrash" in r.stdout
    assert "late thrash: scope was frozen on Thu 26 Nov 2026" in r.stderr
    r = cli("project", "move", "pricing", "2026-12-07 12:00", "--reason", "legal review")
    assert r.exit_code == 0 and "(+3 days)" in r.stdout and "ship date moved once: +3 days" in r.stdout
    r = cli("project")
    assert "+pricing" in r.stdout and "in 10 days" in r.stdout
    r = cli("log", "one more")
    assert "Pricing page ships in 10 days" in r.stdout
    clock.set("2026-12-07T11:00:00")
    assert "Pricing page ships today 12:00" in cli().stdout
    r = cli("project", "ship", "pricing", "--feeling", "relieved")
    assert r.exit_code == 0 and "Shipped Pricing page (on time)" in r.stdout
    card = j(cli, "project", "show", "pricing")
    assert card["status"] == "shipped" and card["answers"]["feeling"] == "relieved"
    assert card["answers"]["fears"] == "nobody buys" and card["edges"] == ["fast", "proven"]
    assert [t["late"] for t in card["thrash"]] == [False, True]
    assert [(m["days"], m["reason"]) for m in card["moves"]] == [(3, "legal review")]
    assert [e["kind"] for e in card["linked"]] == ["ship"] * 5 + ["step", "attempt", "ship"]
    assert card["figures"] == {
        "days_to_ship": 14, "days_planned": 14, "days_so_far": 14, "ships": 6, "steps": 1,
        "attempts": 1, "minutes": 5, "date_moves": 1, "slip_days": 3, "thrash_early": 1,
        "thrash_late": 1,
    }  # fmt: skip
    linked = j(cli, "list", "--project", "pricing")
    assert len(linked) == 8 and all("unrelated" not in e["text"] for e in linked)
    stats = j(cli, "stats")["projects"]
    assert (stats["shipped_on_time"], stats["shipped_late"], stats["median_slip_days"]) == (1, 0, 3)
    # the ship counts for the streak: Mon 23 .. Fri 27 and Mon 7 Dec are ship days
    assert j(cli, "today")["shipped"] is True
    shown = cli("project", "show", "pricing").stdout
    assert "LATE add a chat widget" in shown and "legal review" in shown
    assert cli("project").stderr.startswith("No active projects")
    assert "shipped Mon 7 Dec 2026" in cli("project", "list", "--all").stdout


def test_drop_records_the_lesson_as_a_failed_attempt(cli, planned):
    r = cli("project", "drop", "pricing", "--lesson", "nobody asked for it")
    assert r.exit_code == 0, r.output
    card = j(cli, "project", "show", "pricing")
    assert card["status"] == "dropped"
    attempt = card["linked"][-1]
    assert (attempt["kind"], attempt["outcome"], attempt["lesson"]) == (
        "attempt", "failed", "nobody asked for it")
    assert j(cli, "stats")["projects"]["dropped"] == 1


def test_edit_links_and_unlinks(cli, planned):
    cli("log", "not linked yet")
    assert cli("edit", "1", "--project", "pricing").exit_code == 0
    assert len(j(cli, "list", "--project", "pricing")) == 1
    assert cli("edit", "1", "--project", "").exit_code == 0
    assert j(cli, "list", "--project", "pricing") == []


@pytest.mark.parametrize("args, message", [
    (("project", "new", "Old", "--ship", "2026-11-20"), "in the past"),
    (("project", "new", "Today noon", "--ship", "today 11:00"), "in the past"),
    (("project", "new", "  ", "--ship", "friday"), "needs a name"),
    (("project", "new", "Pricing v2", "--ship", "friday"), "short name 'pricing' exists"),
    (("project", "new", "Two", "--ship", "friday", "--owner", "A", "--owner", "B"), "one owner"),
    (("project", "new", "Two", "--ship", "friday", "--member", "A*, B*"), "one owner"),
    (("project", "new", "T", "--ship", "2026-12-01", "--thrash-until", "2026-12-02"), "after the ship date"),
    (("project", "new", "NoDate"), "needs a ship date"),
    (("project", "answer", "nope", "fears", "x"), "no project 'nope'"),
    (("project", "answer", "pricing", "colour", "x"), "unknown question 'colour'"),
    (("project", "answer", "pricing", "edges", "fast, shiny"), "no such edge 'shiny'"),
    (("project", "answer", "pricing", "members", "A*, B*"), "one owner"),
    (("project", "thrash", "nope", "x"), "no project"),
    (("project", "move", "pricing", "2026-11-01", "--reason", "x"), "in the past"),
    (("project", "ship", "nope"), "no project"),
    (("log", "x", "--project", "nope"), "no project 'nope'"),
    (("try", "x", "--project", "nope"), "no project"),
])  # fmt: skip
def test_bad_input_is_refused_and_nothing_changes(cli, planned, args, message):
    before = dump()
    r = cli(*args)
    assert r.exit_code == 2, r.output
    assert message in r.stderr and r.stderr.startswith("shipit: error:")
    assert dump() == before


def test_answers_are_stored_exactly_and_shown_literally(cli, planned):
    text = "[bold]not markup[/] \x1b[31m  spaced  "
    assert cli("project", "answer", "pricing", "fears", text).exit_code == 0
    assert j(cli, "project", "show", "pricing")["answers"]["fears"] == text
    shown = cli("project", "show", "pricing").stdout
    assert "[bold]not markup[/] \\x1b[31m" in shown


def test_undo_and_redo_cover_every_project_change(cli, clock, planned):
    steps = [
        ("project", "answer", "pricing", "fears", "x"),
        ("project", "thrash", "pricing", "idea"),
        ("project", "move", "pricing", "2026-12-10", "--reason", "r"),
        ("log", "work +pricing"),
        ("edit", "1", "--project", ""),
        ("project", "ship", "pricing", "--feeling", "ok"),
    ]
    states = [dump()]
    for args in steps:
        assert cli(*args).exit_code == 0
        states.append(dump())
    for expected in reversed(states[:-1]):
        assert cli("undo", "--yes").exit_code == 0
        assert dump() == expected
    for expected in states[1:]:
        assert cli("redo", "--yes").exit_code == 0
        assert dump() == expected
    assert "project ship" in cli("history").stdout


def test_delete_takes_the_link_and_undo_brings_both_back(cli, planned):
    cli("log", "work +pricing")
    before = dump()
    assert cli("delete", "1", "--yes").exit_code == 0
    assert dump()["project_link"] == []
    cli("undo", "--yes")
    assert dump() == before


def test_walk_through_on_a_terminal(cli, clock, monkeypatch):
    from shipit.domain.projects import WALK_KEYS
    from shipit.views import render

    monkeypatch.setattr(render, "is_interactive", lambda: True)
    answers = {"sentence": "A page that sells", "fears": "silence", "edges": "fast, cheap"}
    lines = ["Pricing page", "2026-12-04 15:00", "Ana", "Bo, Cy"]
    lines += [answers.get(k, "") for k in WALK_KEYS]  # Enter skips the others
    r = cli("project", "new", input="\n".join(lines) + "\n")
    assert r.exit_code == 0, r.output
    p = j(cli, "project", "show", "pricing")
    assert p["ship_at"] == "2026-12-04T15:00:00+00:00" and p["owner"] == "Ana"
    assert p["members"] == ["Ana", "Bo", "Cy"]
    assert {k: v for k, v in p["answers"].items() if k not in ("owner", "members")} == answers
    # the walk-through again: Enter keeps an answer, a new one replaces it
    keys = [k for k in ("sentence", "owner", "members", *WALK_KEYS[1:])]
    again = {"fears": "silence, still"}
    r = cli("project", "edit", "pricing", input="\n".join(again.get(k, "") for k in keys) + "\n")
    assert r.exit_code == 0, r.output
    assert j(cli, "project", "show", "pricing")["answers"]["fears"] == "silence, still"


def test_without_a_terminal_new_takes_options_only(cli, clock):
    r = cli("project", "new", "Web", "--ship", "in 2 weeks")
    assert r.exit_code == 0, r.output
    assert j(cli, "project", "show", "web")["ship_day"] == "2026-12-07"
    assert cli("project", "edit", "web").exit_code == 2


def test_list_warns_about_a_quiet_or_late_project(cli, clock, planned):
    clock.set("2026-12-01T12:00:00")
    rows = j(cli, "project", "list")
    assert rows[0]["warning"] == "no linked ship yet in 7 days"
    clock.set("2026-12-06T12:00:00")
    rows = j(cli, "project", "list")
    assert rows[0]["warning"] == "late" and rows[0]["time_left"] == "2 days late"


def test_a_schema_3_journal_gains_the_project_tables(shipit_home, cli, clock):
    from tests.test_store import PINNED_SCHEMA, schema_of

    assert cli("log", "from schema 3").exit_code == 0
    path = shipit_home / "journal.db"
    con = sqlite3.connect(path)
    for table in ("project", "project_answer", "project_thrash", "project_move", "project_link"):
        con.execute(f"DROP TABLE {table}")
    con.execute("PRAGMA user_version = 3")
    con.commit()
    con.close()
    r = cli("project", "new", "After migration", "--ship", "friday")
    assert r.exit_code == 0, r.output
    assert schema_of(path) == PINNED_SCHEMA
    assert [e["text"] for e in j(cli, "list")] == ["from schema 3"]
    assert cli("undo", "--yes").exit_code == 0 and j(cli, "project", "list", "--all") == []


def test_exports_carry_the_cards(cli, clock, planned, tmp_path):
    from markdown_it import MarkdownIt

    cli("project", "answer", "pricing", "fears", "nobody *buys* [it]\n# not a heading")
    cli("log", "work +pricing")
    cli("log", "other")
    cli("project", "thrash", "pricing", "add a FAQ")
    md = cli("export", "-f", "markdown").stdout
    card = md[md.index("## Projects"):]
    tokens = MarkdownIt("commonmark").parse(card)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == ["Projects", "+pricing: Pricing page"]  # user text made no heading
    text = "".join(c.content for t in tokens if t.type == "inline" for c in t.children
                   if c.type in ("text", "text_special"))  # as a reader sees it
    assert "nobody *buys* [it]" in text and "# not a heading" in text
    assert "Ships Fri 4 Dec 2026 17:00" in card and "**Thrash:** 1 early, 0 late" in card
    csv_lines = cli("export", "-f", "csv").stdout.splitlines()
    assert csv_lines[0].endswith(",project")
    assert [line.rsplit(",", 1)[1] for line in csv_lines[1:]] == ["pricing", ""]
    # JSON: export, wipe, import: the card, its answers, thrash and links come back
    dest = tmp_path / "j.json"
    assert cli("export", "-f", "json", "-o", str(dest)).exit_code == 0
    before = j(cli, "project", "show", "pricing")
    (tmp_path / "home2").mkdir()
    env = {"SHIPIT_HOME": str(tmp_path / "home2")}
    r = cli("import", str(dest), env=env)
    assert r.exit_code == 0, r.output
    assert "1 project added; 1 entry linked to projects" in r.output
    r = cli("project", "show", "pricing", "--json", env=env)
    after = json.loads(r.stdout)
    strip = lambda card: {k: v for k, v in card.items() if k != "linked"}  # noqa: E731
    assert strip(after) == strip(before)
    assert [e["uid"] for e in after["linked"]] == [e["uid"] for e in before["linked"]]


def test_the_walk_through_asks_again_after_a_bad_answer(cli, clock, monkeypatch):
    from shipit.domain.projects import WALK_KEYS
    from shipit.views import render

    monkeypatch.setattr(render, "is_interactive", lambda: True)
    lines = ["Pricing page", "2026-11-01", "friday", "Ana", "Bo*, Cy*", "Bo"]
    for key in WALK_KEYS:
        lines += ["fast, slow", "fast, safe"] if key == "edges" else [""]
    r = cli("project", "new", input="\n".join(lines) + "\n")
    assert r.exit_code == 0, r.output
    assert "is in the past — try again" in r.stderr
    assert "one owner only: Bo, Cy are all starred — try again" in r.stderr
    assert "two sides of one edge — try again" in r.stderr
    p = j(cli, "project", "show", "pricing")
    assert p["ship_day"] == "2026-11-27" and p["edges"] == ["fast", "safe"]
    assert p["members"] == ["Ana", "Bo"]


def test_history_names_project_changes(cli, planned):
    cli("log", "work +pricing")
    cli("project", "thrash", "pricing", "an idea")
    lines = cli("history").stdout.splitlines()
    assert any("project thrash" in line and 'thrash item "an idea"' in line for line in lines)
    assert any('#1 ship "work +pricing" (+1 row)' in line for line in lines)
    assert any('project +pricing "Pricing page" (+' in line for line in lines)
    r = cli("undo", "--yes")
    assert 'Undo project thrash of thrash item "an idea": removes it' in r.stderr


def test_backup_and_restore_carry_projects_and_undo_takes_a_restore_back(cli, planned):
    cli("log", "work +pricing")
    cli("project", "thrash", "pricing", "an idea")
    with_project = dump()
    backup = cli("backup").stdout.strip()
    cli("project", "move", "pricing", "2026-12-10", "--reason", "r")
    cli("project", "new", "Second", "--ship", "friday")
    cli("log", "more +second")
    after = dump()
    r = cli("restore", backup)
    assert r.exit_code == 0, r.output
    assert dump() == with_project
    assert cli("undo", "--yes").exit_code == 0
    assert dump() == after
