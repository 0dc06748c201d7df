"""Brave attempts: `shipit try`, `shipit resolve`, `shipit attempts`."""

from __future__ import annotations

import json

import pytest


def entries(cli) -> list[dict]:  # noqa: ANN001
    r = cli("list", "--json")
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def snapshot(cli) -> tuple[str, str]:  # noqa: ANN001
    return cli("list", "--json").stdout, cli("step", "list", "--all", "--json").stdout


def attempt(cli, *args: str) -> dict:  # noqa: ANN001
    r = cli("try", *args, "--json")
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


# -- try ------------------------------------------------------------------------------------------


def test_try_logs_an_open_attempt(cli, clock) -> None:
    r = cli("try", "Cold-email", "three", "podcasts", "#outreach")
    assert r.exit_code == 0, r.output
    assert "Logged #1 attempt Mon 23 Nov 2026: Cold-email three podcasts #outreach" in r.stdout
    assert "shipit resolve 1 --succeeded" in r.stdout  # says which id to resolve
    [e] = entries(cli)
    assert (e["kind"], e["text"], e["outcome"], e["lesson"]) == (
        "attempt", "Cold-email three podcasts #outreach", "open", None)
    assert e["tags"] == ["outreach"]
    assert (e["minutes"], e["decision"]) == (None, None)
    assert e["day"] == "2026-11-23"


def test_try_with_an_outcome_at_once(cli) -> None:
    ok = attempt(cli, "Asked for a testimonial", "--succeeded")
    bad = attempt(cli, "A/B test", "--failed", "--lesson", "too little traffic")
    won = attempt(cli, "Raised prices", "--succeeded", "--lesson", "nobody left")
    assert (ok["outcome"], ok["lesson"]) == ("succeeded", None)
    assert (bad["outcome"], bad["lesson"]) == ("failed", "too little traffic")
    assert (won["outcome"], won["lesson"]) == ("succeeded", "nobody left")
    r = cli("try", "x", "--failed", "--lesson", "[red]loud[/] \x1b[2J")
    assert "lesson: [red]loud[/] \\x1b[2J" in r.stdout
    assert "\x1b" not in r.stdout


def test_try_on_an_earlier_day(cli, clock) -> None:
    assert attempt(cli, "Pitched a talk", "--date", "2026-11-20")["day"] == "2026-11-20"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--lesson", "x"], "a lesson needs an outcome"),
        (["--succeeded", "--failed"], "not both"),
        (["--date", "2026-02-30"], "2026-02-30"),
        (["--date", "tomorrow"], "in the future"),
        (["--failed", "--lesson", "a\x00b"], "NUL"),
    ],
)
def test_bad_try_input_is_refused(cli, clock, args, message) -> None:
    attempt(cli, "an earlier one")
    before = snapshot(cli)
    r = cli("try", "something", *args)
    assert r.exit_code == 2, r.output
    assert message in r.stderr
    assert snapshot(cli) == before


@pytest.mark.parametrize("text", ["", "  ", "x" * 10_001])
def test_bad_attempt_text_is_refused(cli, text: str) -> None:
    before = snapshot(cli)
    r = cli("try", "--", text)
    assert r.exit_code == 2
    assert snapshot(cli) == before


# -- resolve --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("flag", "outcome"), [("--succeeded", "succeeded"), ("--failed", "failed")])
def test_resolve_closes_an_open_attempt(cli, clock, flag: str, outcome: str) -> None:
    a = attempt(cli, "Launch on Product Hunt")
    clock.advance(days=2)
    r = cli("resolve", str(a["id"]), flag, "--lesson", "launch on a Tuesday", "--json")
    assert r.exit_code == 0, r.output
    resolved = json.loads(r.stdout)
    assert (resolved["outcome"], resolved["lesson"]) == (outcome, "launch on a Tuesday")
    assert resolved["updated_at"] == "2026-11-25T12:00:00+00:00"
    [stored] = entries(cli)
    assert stored == resolved
    assert stored["day"] == "2026-11-23"  # the attempt keeps its day
    assert stored["created_at"] == a["created_at"]


def test_resolve_without_a_lesson(cli) -> None:
    a = attempt(cli, "Launch")
    r = cli("resolve", str(a["id"]), "--succeeded")
    assert r.exit_code == 0, r.output
    assert "Resolved #1 attempt" in r.stdout and "succeeded" in r.stdout
    assert (entries(cli)[0]["outcome"], entries(cli)[0]["lesson"]) == ("succeeded", None)


def test_resolve_by_uid(cli) -> None:
    a = attempt(cli, "Launch")
    assert cli("resolve", a["uid"], "--failed").exit_code == 0
    assert entries(cli)[0]["outcome"] == "failed"


@pytest.mark.parametrize("first", ["--succeeded", "--failed"])
def test_resolving_an_attempt_that_is_not_open_is_refused(cli, first: str) -> None:
    a = attempt(cli, "Launch")
    assert cli("resolve", str(a["id"]), first, "--lesson", "first").exit_code == 0
    before = snapshot(cli)
    r = cli("resolve", str(a["id"]), "--failed", "--lesson", "second")
    assert r.exit_code == 2
    done = first.lstrip("-")
    other = "failed" if done == "succeeded" else "succeeded"
    assert r.stderr.strip() == (
        f"shipit: error: attempt #1 is already {done}; only an open attempt can be resolved "
        f"(to change it: shipit edit 1 --outcome {other})"
    )
    assert snapshot(cli) == before


def test_resolving_an_attempt_logged_with_an_outcome_is_refused(cli) -> None:
    a = attempt(cli, "Launch", "--succeeded")
    before = snapshot(cli)
    assert cli("resolve", str(a["id"]), "--failed").exit_code == 2
    assert snapshot(cli) == before


@pytest.mark.parametrize(
    ("ref", "message"),
    [("99", "no entry #99"), ("abc", "invalid id 'abc'"), ("1", "entry #1 is a ship")],
)
def test_resolving_something_else_is_refused(cli, ref: str, message: str) -> None:
    cli("log", "a ship")
    attempt(cli, "Launch")
    before = snapshot(cli)
    r = cli("resolve", ref, "--succeeded")
    assert r.exit_code == 2
    assert message in r.stderr
    assert snapshot(cli) == before


def test_resolving_a_step_is_refused(cli) -> None:
    cli("step", "done", "a step")
    before = snapshot(cli)
    r = cli("resolve", "1", "--failed")
    assert r.exit_code == 2
    assert "entry #1 is a step, not an attempt" in r.stderr
    assert snapshot(cli) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "say how it went: --succeeded or --failed"),
        (["--succeeded", "--failed"], "not both"),
        (["--lesson", "x"], "say how it went"),
        (["--failed", "--lesson", "a\x00b"], "NUL"),
    ],
)
def test_bad_resolve_input_is_refused(cli, args, message) -> None:
    attempt(cli, "Launch")
    before = snapshot(cli)
    r = cli("resolve", "1", *args)
    assert r.exit_code == 2
    assert message in r.stderr
    assert snapshot(cli) == before
    assert entries(cli)[0]["outcome"] == "open"


# -- attempts -------------------------------------------------------------------------------------


def test_attempts_lists_newest_first_with_outcome_and_lesson(cli, clock) -> None:
    cli("log", "a ship")
    attempt(cli, "first", "--date", "yesterday")
    attempt(cli, "second", "--failed", "--lesson", "ask earlier")
    attempt(cli, "third")
    r = cli("attempts", "--json")
    assert r.exit_code == 0
    data = json.loads(r.stdout)
    assert [(a["text"], a["outcome"], a["lesson"]) for a in data] == [
        ("third", "open", None),
        ("second", "failed", "ask earlier"),
        ("first", "open", None),
    ]
    assert all(a["kind"] == "attempt" for a in data)
    table = cli("attempts")
    lines = table.stdout.splitlines()
    assert lines[0].split() == ["ID", "Day", "Outcome", "Attempt"]
    assert [ln.split()[0] for ln in lines[2:] if ln.split() and ln.split()[0].startswith("#")] == [
        "#4", "#3", "#2"]  # fmt: skip
    assert "lesson: ask earlier" in table.stdout
    assert "3 attempts" in table.stderr


def test_attempts_open_shows_only_open_ones(cli) -> None:
    attempt(cli, "open one")
    attempt(cli, "won", "--succeeded")
    attempt(cli, "lost", "--failed")
    data = json.loads(cli("attempts", "--open", "--json").stdout)
    assert [a["text"] for a in data] == ["open one"]
    cli("resolve", "1", "--succeeded")
    assert json.loads(cli("attempts", "--open", "--json").stdout) == []
    r = cli("attempts", "--open")
    assert r.exit_code == 0 and "No open attempts." in r.stderr


def test_no_attempts_yet(cli) -> None:
    r = cli("attempts")
    assert r.exit_code == 0
    assert r.stdout == "" and "shipit try" in r.stderr
    assert json.loads(cli("attempts", "--json").stdout) == []


def test_list_kind_attempt_carries_the_outcome(cli) -> None:
    attempt(cli, "lost", "--failed", "--lesson", "smaller next time")
    r = cli("list", "--kind", "attempt")
    assert "failed" in r.stdout and "lesson: smaller next time" in r.stdout
