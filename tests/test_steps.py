"""The step backlog and `shipit step done` (the timer is in test_steps_timer.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest

BACKLOG_KEYS = {"id", "uid", "text", "annoyance", "created_at", "closed_at", "entry_id"}
ENTRY_KEYS = {"id", "uid", "kind", "text", "day", "created_at", "updated_at", "tags", "note",
              "minutes", "decision", "outcome", "lesson"}  # fmt: skip


def entries(cli) -> list[dict]:  # noqa: ANN001
    r = cli("list", "--json")
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def backlog(cli, *, all_items: bool = False) -> list[dict]:  # noqa: ANN001
    args = ["step", "list", "--json"] + (["--all"] if all_items else [])
    r = cli(*args)
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def snapshot(cli) -> tuple[str, str, str]:  # noqa: ANN001
    """Everything a refused command must leave unchanged."""
    return (
        cli("list", "--json").stdout,
        cli("step", "list", "--json").stdout,
        cli("step", "list", "--all", "--json").stdout,
    )


def add(cli, text: str, annoyance: int | None = None) -> int:  # noqa: ANN001
    args = ["step", "add", text, "--json"]
    if annoyance is not None:
        args += ["--annoyance", str(annoyance)]
    r = cli(*args)
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)["id"]


# -- the backlog ---------------------------------------------------------------------------


def test_add_stores_the_item_with_default_annoyance_3(cli, clock) -> None:
    r = cli("step", "add", "Set", "up", "Instagram")
    assert r.exit_code == 0, r.output
    assert "Added backlog item 1 (annoyance 3): Set up Instagram" in r.stdout
    [item] = backlog(cli)
    assert set(item) == BACKLOG_KEYS
    assert item["id"] == 1
    assert item["text"] == "Set up Instagram"
    assert item["annoyance"] == 3
    assert item["created_at"] == "2026-11-23T12:00:00+00:00"
    assert item["closed_at"] is None and item["entry_id"] is None
    assert entries(cli) == []  # the backlog is not the journal


def test_list_is_most_annoying_first_then_oldest(cli, clock) -> None:
    add(cli, "mild", 2)
    clock.advance(minutes=1)
    add(cli, "older five", 5)
    clock.advance(minutes=1)
    add(cli, "newer five", 5)
    clock.advance(minutes=1)
    add(cli, "middle", 3)
    assert [i["text"] for i in backlog(cli)] == ["older five", "newer five", "middle", "mild"]
    r = cli("step", "list")
    assert r.exit_code == 0
    rows = [line.split()[0] for line in r.stdout.splitlines()[2:] if line.strip()]
    assert rows == ["2", "3", "4", "1"]  # backlog ids, in that order
    assert r.stdout.splitlines()[0].split()[0] == "Item"
    assert "4 open items" in r.stderr


def test_empty_backlog_explains_how_to_add(cli) -> None:
    r = cli("step", "list")
    assert r.exit_code == 0
    assert r.stdout == ""
    assert "The backlog is empty" in r.stderr and "shipit step add" in r.stderr
    assert backlog(cli) == []


@pytest.mark.parametrize("level", ["0", "6", "-1", "100"])
def test_annoyance_outside_1_to_5_is_refused(cli, level: str) -> None:
    add(cli, "keep me", 4)
    before = snapshot(cli)
    r = cli("step", "add", "new", "--annoyance", level)
    assert r.exit_code == 2
    assert f"invalid annoyance {level}" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert snapshot(cli) == before


def test_annoyance_that_is_not_a_number_is_refused(cli) -> None:
    before = snapshot(cli)
    r = cli("step", "add", "new", "--annoyance", "lots")
    assert r.exit_code == 2
    assert "lots" in r.stderr
    assert snapshot(cli) == before


@pytest.mark.parametrize("text", ["", "   ", "a\x00b", "x" * 10_001])
def test_bad_backlog_text_is_refused(cli, text: str) -> None:
    before = snapshot(cli)
    r = cli("step", "add", "--", text)
    assert r.exit_code == 2, r.output
    assert snapshot(cli) == before


def test_user_text_is_shown_literally(cli) -> None:
    text = "[bold red]Insta[/] :smile: \x1b[31mred"
    add(cli, text, 5)
    assert backlog(cli)[0]["text"] == text  # stored exactly
    r = cli("step", "list")
    assert "[bold red]Insta[/] :smile: \\x1b[31mred" in r.stdout
    assert "\x1b" not in r.stdout


def test_drop_removes_only_that_item(cli) -> None:
    add(cli, "one")
    add(cli, "two")
    r = cli("step", "drop", "1")
    assert r.exit_code == 0, r.output
    assert "Dropped backlog item 1 (annoyance 3): one" in r.stdout
    assert [i["text"] for i in backlog(cli, all_items=True)] == ["two"]
    assert entries(cli) == []


@pytest.mark.parametrize("ref", ["99", "abc", "1.5", "-1", ""])
def test_drop_of_an_unknown_or_malformed_id_is_refused(cli, ref: str) -> None:
    add(cli, "one")
    before = snapshot(cli)
    r = cli("step", "drop", "--", ref)
    assert r.exit_code == 2, r.output
    assert "backlog" in r.stderr
    assert snapshot(cli) == before


def test_drop_of_a_done_item_is_refused(cli) -> None:
    add(cli, "one")
    assert cli("step", "done", "1").exit_code == 0
    before = snapshot(cli)
    r = cli("step", "drop", "1")
    assert r.exit_code == 2
    assert "backlog item 1 is already done by step entry #1" in r.stderr
    assert snapshot(cli) == before


def test_step_alone_prints_help(cli) -> None:
    r = cli("step")
    assert r.exit_code == 0
    assert "Usage: shipit step" in r.stdout
    for command in ("add", "list", "drop", "start", "done"):
        assert f"  {command} " in r.stdout


# -- step done -----------------------------------------------------------------------------


def test_done_with_text_logs_a_step_outside_the_backlog(cli, clock) -> None:
    add(cli, "stays")
    r = cli("step", "done", "Asked", "Sam", "about", "newsletters", "--json")
    assert r.exit_code == 0, r.output
    entry = json.loads(r.stdout)
    assert set(entry) == ENTRY_KEYS
    assert entry["kind"] == "step"
    assert entry["text"] == "Asked Sam about newsletters"
    assert entry["minutes"] == 5  # the default: a five-minute step
    assert entry["decision"] is None and entry["outcome"] is None
    assert entry["day"] == "2026-11-23"
    assert [i["text"] for i in backlog(cli)] == ["stays"]  # the backlog is untouched


def test_done_with_a_backlog_id_closes_the_item_in_the_same_write(cli, clock) -> None:
    add(cli, "Set up Instagram", 5)
    add(cli, "other", 1)
    clock.advance(hours=1)
    r = cli("step", "done", "1", "--minutes", "7", "--note", "an account", "--decision", "Delegate")
    assert r.exit_code == 0, r.output
    assert "Backlog item 1 is done (closed by entry #1)." in r.stdout
    [entry] = entries(cli)
    assert entry["text"] == "Set up Instagram"
    assert (entry["minutes"], entry["decision"], entry["note"]) == (7, "delegate", "an account")
    assert [i["id"] for i in backlog(cli)] == [2]
    closed = next(i for i in backlog(cli, all_items=True) if i["id"] == 1)
    assert closed["entry_id"] == entry["id"]
    assert closed["closed_at"] == "2026-11-23T13:00:00+00:00"
    listed = cli("list", "--kind", "step")
    assert "7 min · decision: delegate" in listed.stdout


def test_done_text_with_digits_and_words_is_text(cli) -> None:
    r = cli("step", "done", "call", "3", "people")
    assert r.exit_code == 0, r.output
    assert entries(cli)[0]["text"] == "call 3 people"


def test_done_with_date_logs_for_that_day(cli, clock) -> None:
    r = cli("step", "done", "wrote the draft", "--date", "yesterday")
    assert r.exit_code == 0, r.output
    assert entries(cli)[0]["day"] == "2026-11-22"


def test_done_accepts_up_to_a_day_of_minutes(cli) -> None:
    assert cli("step", "done", "long", "--minutes", "1440").exit_code == 0
    assert cli("step", "done", "short", "--minutes", "1").exit_code == 0
    assert sorted(e["minutes"] for e in entries(cli)) == [1, 1440]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--minutes", "0"], "invalid --minutes 0"),
        (["--minutes", "-5"], "invalid --minutes -5"),
        (["--minutes", "1441"], "invalid --minutes 1441"),
        (["--minutes", "ten"], "ten"),
        (["--decision", "maybe"], "invalid decision 'maybe'"),
        (["--decision", ""], "invalid decision ''"),
        (["--date", "2026-02-30"], "2026-02-30"),
        (["--date", "tomorrow"], "in the future"),
        (["--note", "a\x00b"], "NUL"),
    ],
)
@pytest.mark.parametrize("target", ["1", "some text"])
def test_bad_done_input_is_refused_and_changes_nothing(cli, clock, args, message, target) -> None:
    add(cli, "open item")
    before = snapshot(cli)
    r = cli("step", "done", target, *args)
    assert r.exit_code == 2, r.output
    assert message in r.stderr
    assert snapshot(cli) == before
    assert backlog(cli)[0]["closed_at"] is None


@pytest.mark.parametrize("ref", ["2", "99"])
def test_done_with_an_unknown_backlog_id_is_refused(cli, ref: str) -> None:
    add(cli, "one")
    before = snapshot(cli)
    r = cli("step", "done", ref)
    assert r.exit_code == 2
    assert f"no backlog item with id {ref}" in r.stderr
    assert snapshot(cli) == before


def test_done_twice_with_the_same_id_is_refused(cli) -> None:
    add(cli, "one")
    assert cli("step", "done", "1").exit_code == 0
    before = snapshot(cli)
    r = cli("step", "done", "1")
    assert r.exit_code == 2
    assert "already done" in r.stderr
    assert snapshot(cli) == before
    assert len(entries(cli)) == 1


def test_steps_appear_in_list_kind_step(cli) -> None:
    cli("log", "a ship")
    cli("step", "done", "a step", "--minutes", "3")
    cli("try", "an attempt")
    r = cli("list", "--kind", "step", "--json")
    assert [(e["kind"], e["text"], e["minutes"]) for e in json.loads(r.stdout)] == [
        ("step", "a step", 3)
    ]


# -- the domain directly ---------------------------------------------------------------------


def test_domain_refuses_before_writing(clock) -> None:
    from shipit.domain.errors import InputError
    from shipit.domain.entries import Filters
    from shipit.services.steps import Steps

    s = Steps()
    item = s.add_item("x", 5)
    with pytest.raises(InputError, match="invalid --minutes 0"):
        s.done(str(item.id), minutes=0)
    with pytest.raises(InputError, match="at least 1 minute"):
        s.log_timed(item, minutes=0, completed=True)
    assert s.backlog() == [item]
    assert s.journal.query(Filters()) == []


def test_log_timed_logs_even_when_the_item_was_dropped_meanwhile(clock) -> None:
    from shipit.domain.entries import Filters
    from shipit.services.steps import Steps

    s = Steps()
    item = s.add_item("x", 5)
    s.drop_item(item.id)
    logged = s.log_timed(item, minutes=5, completed=True)
    assert logged.closed is False and logged.item is None
    assert [e.minutes for e in s.journal.query(Filters(kind="step"))] == [5]


@pytest.mark.parametrize(
    ("seconds", "minutes"), [(0, 1), (0.2, 1), (59.9, 1), (60, 1), (60.01, 2), (299.5, 5), (300, 5)]
)
def test_minutes_spent_rounds_up_to_at_least_one(seconds: float, minutes: int) -> None:
    from shipit.domain.steps import minutes_spent

    assert minutes_spent(seconds) == minutes


# -- start-up ----------------------------------------------------------------------------


def test_step_help_does_not_import_sqlalchemy() -> None:
    code = (
        "import sys\n"
        "from shipit.cli import app\n"
        "for args in (['step', '--help'], ['step', 'start', '--help'], ['try', '--help'],"
        " ['attempts', '--help']):\n"
        "    try:\n"
        "        app(args, prog_name='shipit')\n"
        "    except SystemExit as e:\n"
        "        assert e.code == 0, (args, e.code)\n"
        "print('sqlalchemy' in sys.modules, 'rich.progress' in sys.modules)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip().splitlines()[-1] == "False False"


def test_every_new_command_has_help_text(cli) -> None:
    for args in (["step", "add"], ["step", "list"], ["step", "drop"], ["step", "start"],
                 ["step", "done"], ["try"], ["resolve"], ["attempts"]):  # fmt: skip
        r = cli(*args, "--help")
        assert r.exit_code == 0, args
        usage, _, rest = r.stdout.partition("\n\n")
        assert usage.startswith("Usage: shipit"), args
        assert rest.strip() and not rest.lstrip().startswith(("Arguments", "Options")), args


def test_today_counts_in_the_glance(cli, clock) -> None:
    cli("step", "done", "a step")
    r = cli("today", "--json")
    data = json.loads(r.stdout)
    assert data["day"] == date(2026, 11, 23).isoformat()
    assert [e["kind"] for e in data["entries"]] == ["step"]
    assert data["shipped"] is False  # a step is not a ship


def test_undoing_a_step_reopens_its_backlog_item(cli, clock):
    import json as _json

    assert cli("step", "add", "Write the FAQ").exit_code == 0
    assert cli("step", "done", "1", "--minutes", "5").exit_code == 0
    items = _json.loads(cli("step", "list", "--json").stdout)
    assert items == []  # closed: no open items
    r = cli("undo", "--yes")
    assert r.exit_code == 0, r.output
    [item] = _json.loads(cli("step", "list", "--json").stdout)
    assert item["id"] == 1 and item["closed_at"] is None and item["entry_id"] is None
    assert cli("list", "--json").stdout.strip() == "[]"  # the step entry is gone too
    assert cli("step", "done", "1").exit_code == 0
    assert cli("delete", "2", "--yes").exit_code == 0
    [item] = _json.loads(cli("step", "list", "--json").stdout)
    assert item["closed_at"] is None
