"""Ship It projects, what a review found: an import's dry run counts projects; deleting the
entry that ended a project makes it active again (undo takes both back); history names a
project link; (`project list` at 60 columns: tests/test_projects_tty.py)."""

from __future__ import annotations

import pytest

from tests.test_projects import dump, j

# The clock fixture starts on Mon 23 Nov 2026, 12:00 UTC (TZ=UTC).


@pytest.fixture
def planned(cli, clock):
    r = cli("project", "new", "Pricing page", "--ship", "2026-12-04", "--owner", "Ana")
    assert r.exit_code == 0, r.output
    return r


def test_import_dry_run_counts_projects_like_entries(cli, planned, tmp_path):
    cli("log", "work +pricing")
    cli("project", "new", "Second", "--ship", "2026-12-10")
    dest = tmp_path / "j.json"
    assert cli("export", "-f", "json", "-o", str(dest)).exit_code == 0
    (tmp_path / "home2").mkdir()
    env = {"SHIPIT_HOME": str(tmp_path / "home2")}
    assert cli("today", env=env).exit_code == 0  # an empty journal there
    r = cli("import", "--dry-run", str(dest), env=env)
    assert r.exit_code == 0, r.output
    assert "Would also: 2 projects added; 1 entry linked to projects." in r.output
    assert cli("project", "list", "--all", env=env).stderr.startswith("No projects yet")
    r = cli("import", str(dest), env=env)  # what the dry run said is what happens
    assert "Also: 2 projects added; 1 entry linked to projects." in r.output
    r = cli("import", "--dry-run", str(dest), env=env)  # and then: nothing more to add
    assert "Would also: 0 projects added." in r.output


def test_deleting_the_closing_ship_makes_the_project_active_again(cli, clock, planned):
    r = cli("project", "ship", "pricing", "--feeling", "relieved")
    assert r.exit_code == 0, r.output
    shipped = j(cli, "project", "show", "pricing")
    ship_id = [e["id"] for e in shipped["linked"] if e["text"] == "Shipped Pricing page"][0]
    shipped_rows = dump()
    r = cli("delete", str(ship_id), "--yes")
    assert r.exit_code == 0, r.output
    assert "Project +pricing is active again" in r.stderr
    card = j(cli, "project", "show", "pricing")
    assert (card["status"], card["ended_at"], card["ended_day"]) == ("active", None, None)
    assert card["linked"] == [] and "+pricing" in cli("project").stdout
    r = cli("undo", "--yes")  # one change: the entry and the project's end come back together
    assert r.exit_code == 0, r.output
    assert dump() == shipped_rows
    assert j(cli, "project", "show", "pricing")["status"] == "shipped"
    # it can be shipped again once the ship is gone, and a dropped project too
    cli("redo", "--yes")
    assert cli("project", "ship", "pricing").exit_code == 0
    assert j(cli, "project", "show", "pricing")["status"] == "shipped"


def test_deleting_a_dropped_projects_lesson_reopens_it_and_undoing_the_drop_too(cli, planned):
    before = dump()
    assert cli("project", "drop", "pricing", "--lesson", "too big").exit_code == 0
    attempt = j(cli, "project", "show", "pricing")["linked"][0]
    r = cli("delete", str(attempt["id"]), "--yes")
    assert "Project +pricing is active again" in r.stderr
    assert j(cli, "project", "show", "pricing")["status"] == "active"
    cli("undo", "--yes")
    r = cli("undo", "--yes")  # undoing the drop takes the attempt and the end back at once
    assert r.exit_code == 0, r.output
    assert dump() == before


def test_history_and_undo_name_a_project_link(cli, planned):
    cli("log", "work +pricing")
    r = cli("undo", "--yes")
    assert "Undo log of project link of #1: removes it" in r.stderr
    assert "project link :" not in r.stderr
    cli("log", "more")
    cli("edit", "2", "--project", "pricing")
    r = cli("undo", "--yes")
    assert "Undo edit of project link of an entry: removes it" in r.stderr
    r = cli("project", "ship", "pricing")
    assert r.exit_code == 0
    r = cli("undo", "--yes")
    assert "project link of #3 to +pricing: removes it" in r.stderr
