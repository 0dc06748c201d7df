"""The focus timer: unit tests with a fake clock, `shipit step start` in-process, and the
real process interrupted with SIGINT."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import time

import pytest
import typer

from tests.conftest import shipit_exe


class FakeClock:
    """A monotonic/sleep pair that never waits. `interrupt_at` (seconds after the
    start) makes sleep raise KeyboardInterrupt there, as Ctrl-C would."""

    def __init__(self, interrupt_at: float | None = None, oversleep: float = 0.0) -> None:
        self.t = 1000.0
        self.start = self.t
        self.sleeps: list[float] = []
        self.interrupt_at = interrupt_at
        self.oversleep = oversleep

    def monotonic(self) -> float:
        return self.t

    def sleep(self, seconds: float) -> None:
        assert seconds > 0, "the timer must never busy-loop with zero sleeps"
        self.sleeps.append(seconds)
        if self.interrupt_at is not None and self.t + seconds >= self.start + self.interrupt_at:
            self.t = self.start + self.interrupt_at
            raise KeyboardInterrupt
        self.t += seconds + self.oversleep


def plain_console(width: int = 100):  # noqa: ANN201
    from rich.console import Console

    return Console(file=io.StringIO(), force_terminal=False, width=width, color_system=None)


def tty_console(width: int = 100):  # noqa: ANN201
    from rich.console import Console

    return Console(file=io.StringIO(), force_terminal=True, width=width, color_system=None)


def run(minutes: int, label: str = "Set up Instagram", console=None, **clock_kw):  # noqa: ANN001, ANN201
    from shipit.views.timer import run_timer

    clock = FakeClock(**clock_kw)
    console = console or plain_console()
    result = run_timer(minutes, label, console=console, monotonic=clock.monotonic,
                       sleep=clock.sleep)  # fmt: skip
    return result, clock, console.file.getvalue()


# -- the timer alone ---------------------------------------------------------------------------


def test_plain_output_is_one_line_per_minute_without_cursor_tricks() -> None:
    result, clock, out = run(5)
    assert result.completed is True
    assert result.elapsed == 300 and result.minutes == 5
    assert out.splitlines() == [
        "Timer: 5 minutes on Set up Instagram. Ctrl-C stops it.",
        "1 minute done, 4:00 left",
        "2 minutes done, 3:00 left",
        "3 minutes done, 2:00 left",
        "4 minutes done, 1:00 left",
        "Time's up: 5 minutes.",
    ]
    assert "\x1b" not in out and "\r" not in out
    assert clock.sleeps == [60.0] * 5  # sleeps to each full minute, no busy loop


def test_a_timer_that_runs_late_still_counts_the_planned_minutes() -> None:
    result, clock, _ = run(5, oversleep=0.3)
    assert result.completed is True
    assert result.minutes == 5  # not 6 because the last sleep overshot by a fraction
    assert clock.t - clock.start > 300


@pytest.mark.parametrize(
    ("at", "minutes", "shown"),
    [(0.5, 1, "0:00"), (59, 1, "0:59"), (61, 2, "1:01"), (150, 3, "2:30"), (299, 5, "4:59")],
)
def test_ctrl_c_returns_the_time_spent_rounded_up(at: float, minutes: int, shown: str) -> None:
    result, _, out = run(5, interrupt_at=at)
    assert result.completed is False
    assert result.elapsed == pytest.approx(at)
    assert result.minutes == minutes
    word = "minute" if minutes == 1 else "minutes"
    assert out.splitlines()[-1] == f"Stopped after {shown} (counts as {minutes} {word})."


def test_progress_bar_on_a_terminal_shows_the_time_left() -> None:
    result, clock, out = run(1, console=tty_console())
    assert result.completed is True and result.minutes == 1
    assert "Set up Instagram" in out
    assert "1:00 left" in out and "0:30 left" in out and "0:01 left" in out
    assert "time's up" in out
    assert "━" in out  # the bar itself
    assert all(s <= 0.5 for s in clock.sleeps)  # redrawn about twice a second
    assert sum(clock.sleeps) == pytest.approx(60)


def test_progress_bar_on_ctrl_c_says_when_it_stopped() -> None:
    result, _, out = run(5, console=tty_console(), interrupt_at=90.2)
    assert result.completed is False and result.minutes == 2
    assert "stopped after 1:30" in out


@pytest.mark.parametrize("console", [plain_console, tty_console])
def test_the_label_is_shown_literally(console) -> None:  # noqa: ANN001
    label = "[bold]Insta[/] \x1b]0;pwned\x07"
    _, _, out = run(1, label=label, console=console())
    assert "[bold]Insta[/] \\x1b]0;pwned\\x07" in out
    assert "pwned\x07" not in out


def test_the_default_clock_is_the_module_seam(monkeypatch: pytest.MonkeyPatch) -> None:
    from shipit.views import timer

    clock = FakeClock()
    monkeypatch.setattr(timer, "monotonic", clock.monotonic)
    monkeypatch.setattr(timer, "sleep", clock.sleep)
    result = timer.run_timer(2, "x", console=plain_console())
    assert result.completed and result.minutes == 2
    assert clock.sleeps == [60.0, 60.0]


@pytest.mark.parametrize(("seconds", "text"), [(0, "0:00"), (0.2, "0:01"), (59.5, "1:00"),
                                                (300, "5:00"), (61, "1:01")])  # fmt: skip
def test_fmt_clock_rounds_a_countdown_up(seconds: float, text: str) -> None:
    from shipit.views.timer import fmt_clock

    assert fmt_clock(seconds) == text


# -- shipit step start, in-process ---------------------------------------------------------------


@pytest.fixture
def fake_clock(monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201
    """Patch the timer's clock seam; `fake_clock.interrupt_at = 130` simulates Ctrl-C."""
    from shipit.views import timer

    clock = FakeClock()
    monkeypatch.setattr(timer, "monotonic", clock.monotonic)
    monkeypatch.setattr(timer, "sleep", clock.sleep)
    return clock


@pytest.fixture
def interactive(monkeypatch: pytest.MonkeyPatch) -> None:
    from shipit.views import render

    monkeypatch.setattr(render, "is_interactive", lambda: True)


def add(cli, text: str, annoyance: int = 3) -> int:  # noqa: ANN001
    r = cli("step", "add", text, "--annoyance", str(annoyance), "--json")
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)["id"]


def entries(cli) -> list[dict]:  # noqa: ANN001
    return json.loads(cli("list", "--json").stdout)


def backlog(cli, *, all_items: bool = False) -> list[dict]:  # noqa: ANN001
    return json.loads(cli("step", "list", "--json", *(["--all"] if all_items else [])).stdout)


def snapshot(cli) -> tuple[str, str, str]:  # noqa: ANN001
    return (cli("list", "--json").stdout, cli("step", "list", "--json").stdout,
            cli("step", "list", "--all", "--json").stdout)  # fmt: skip


def test_start_runs_the_most_annoying_item_and_closes_it(cli, clock, fake_clock) -> None:
    add(cli, "mild", 2)
    add(cli, "Set up Instagram", 5)
    r = cli("step", "start", "--note", "an account", "--decision", "self")
    assert r.exit_code == 0, r.output
    assert "Timer: 5 minutes on Set up Instagram. Ctrl-C stops it." in r.stdout
    assert "Time's up: 5 minutes." in r.stdout
    assert "Backlog item 2 is done (closed by entry #1)." in r.stdout
    assert "What did it bring" not in r.output  # no terminal: never asks
    [entry] = entries(cli)
    assert (entry["kind"], entry["text"], entry["minutes"]) == ("step", "Set up Instagram", 5)
    assert (entry["note"], entry["decision"]) == ("an account", "self")
    assert [i["text"] for i in backlog(cli)] == ["mild"]
    closed = next(i for i in backlog(cli, all_items=True) if i["id"] == 2)
    assert closed["entry_id"] == entry["id"] and closed["closed_at"] is not None
    assert sum(fake_clock.sleeps) == 300


def test_start_with_an_id_and_minutes(cli, fake_clock) -> None:
    add(cli, "annoying", 5)
    add(cli, "chosen", 1)
    r = cli("step", "start", "2", "--minutes", "12")
    assert r.exit_code == 0, r.output
    [entry] = entries(cli)
    assert (entry["text"], entry["minutes"], entry["note"], entry["decision"]) == (
        "chosen", 12, None, None)
    assert [i["id"] for i in backlog(cli)] == [1]


def test_start_picks_the_oldest_of_equally_annoying_items(cli, clock, fake_clock) -> None:
    add(cli, "first", 4)
    clock.advance(minutes=1)
    add(cli, "second", 4)
    assert cli("step", "start", "--minutes", "1").exit_code == 0
    assert entries(cli)[0]["text"] == "first"


def test_start_asks_what_it_brought_and_the_decision_on_a_terminal(
    cli, fake_clock, interactive
) -> None:
    add(cli, "Post a photo", 5)
    r = cli("step", "start", input="Two likes and a reply\nmaybe\nDelegate\n")
    assert r.exit_code == 0, r.output
    assert "What did it bring?" in r.stderr
    assert "Keep doing it yourself, delegate it, or drop it?" in r.stderr
    assert "invalid decision 'maybe'" in r.stderr  # asked again
    [entry] = entries(cli)
    assert (entry["note"], entry["decision"], entry["minutes"]) == (
        "Two likes and a reply", "delegate", 5)
    assert backlog(cli) == []


def test_both_questions_can_be_skipped(cli, fake_clock, interactive) -> None:
    add(cli, "Post a photo", 5)
    r = cli("step", "start", input="\n\n")
    assert r.exit_code == 0, r.output
    [entry] = entries(cli)
    assert (entry["note"], entry["decision"]) == (None, None)
    assert backlog(cli) == []


def test_answers_given_up_front_are_not_asked(cli, fake_clock, interactive) -> None:
    add(cli, "Post a photo", 5)
    r = cli("step", "start", "--note", "given", "--decision", "drop", input="")
    assert r.exit_code == 0, r.output
    assert "What did it bring?" not in r.stderr and "Keep doing" not in r.stderr
    assert (entries(cli)[0]["note"], entries(cli)[0]["decision"]) == ("given", "drop")


def test_end_of_input_at_the_questions_skips_them(cli, fake_clock, interactive) -> None:
    add(cli, "Post a photo", 5)
    r = cli("step", "start", input="")
    assert r.exit_code == 0, r.output
    assert (entries(cli)[0]["note"], entries(cli)[0]["decision"]) == (None, None)
    assert backlog(cli) == []


def test_ctrl_c_at_a_question_still_logs_the_finished_step(
    cli, fake_clock, interactive, monkeypatch
) -> None:
    add(cli, "Post a photo", 5)

    def ctrl_c(*_a, **_k):  # noqa: ANN002, ANN003, ANN202
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt:
            raise typer.Abort() from None

    monkeypatch.setattr(typer, "prompt", ctrl_c)
    r = cli("step", "start", "--decision", "self")
    assert r.exit_code == 130
    assert r.exception is None
    assert "logged without the remaining answers" in r.stderr
    [entry] = entries(cli)
    assert (entry["minutes"], entry["note"], entry["decision"]) == (5, None, "self")
    assert backlog(cli) == []  # the five minutes were done: the item is closed


def test_ctrl_c_without_a_terminal_logs_the_partial_step_and_keeps_the_item(
    cli, fake_clock
) -> None:
    add(cli, "Post a photo", 5)
    fake_clock.interrupt_at = 130  # 2:10 → 3 minutes
    r = cli("step", "start", "--note", "half", "--decision", "self")
    assert r.exit_code == 130
    assert r.exception is None
    assert "Stopped after 2:10 (counts as 3 minutes)." in r.stdout
    assert "Backlog item 1 stays open in the backlog." in r.stdout
    assert "Log the" not in r.stderr  # never asks without a terminal
    [entry] = entries(cli)
    assert (entry["kind"], entry["text"], entry["minutes"]) == ("step", "Post a photo", 3)
    assert (entry["note"], entry["decision"]) == ("half", "self")
    [item] = backlog(cli)
    assert item["id"] == 1 and item["closed_at"] is None and item["entry_id"] is None


def test_ctrl_c_right_away_counts_one_minute(cli, fake_clock) -> None:
    add(cli, "Post a photo", 5)
    fake_clock.interrupt_at = 0.4
    r = cli("step", "start")
    assert r.exit_code == 130
    assert entries(cli)[0]["minutes"] == 1
    assert len(backlog(cli)) == 1


@pytest.mark.parametrize(("answer", "logged"), [("y\n", True), ("\n", True), ("", True),
                                                ("n\n", False)])  # fmt: skip
def test_ctrl_c_on_a_terminal_asks_whether_to_log(
    cli, fake_clock, interactive, answer: str, logged: bool
) -> None:
    add(cli, "Post a photo", 5)
    fake_clock.interrupt_at = 61
    r = cli("step", "start", input=answer)
    assert r.exit_code == 130
    assert r.exception is None
    assert "Log the 2 min you spent as a step?" in r.stderr
    assert "What did it bring?" not in r.stderr
    assert [e["minutes"] for e in entries(cli)] == ([2] if logged else [])
    [item] = backlog(cli)
    assert item["closed_at"] is None
    if not logged:
        assert "Nothing logged; backlog item 1 stays open." in r.stderr


def test_a_second_ctrl_c_at_the_question_logs_nothing(
    cli, fake_clock, interactive, monkeypatch
) -> None:
    add(cli, "Post a photo", 5)
    fake_clock.interrupt_at = 61

    def ctrl_c(*_a, **_k):  # noqa: ANN002, ANN003, ANN202
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt:
            raise typer.Abort() from None

    monkeypatch.setattr(typer, "prompt", ctrl_c)  # the yes/no question is a prompt (j/ja in German)
    r = cli("step", "start")
    assert r.exit_code == 130 and r.exception is None
    assert entries(cli) == []
    assert len(backlog(cli)) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--minutes", "0"], "invalid --minutes 0"),
        (["--minutes", "-1"], "invalid --minutes -1"),
        (["--minutes", "241"], "invalid --minutes 241: at most 240 minutes"),
        (["--minutes", "99999999"], "invalid --minutes 99999999"),
        (["--minutes", "5.5"], "invalid --minutes '5.5'"),
        (["--decision", "later"], "invalid decision 'later'"),
        (["--note", "x" * 10_001], "note is 10,001 characters long"),
        (["99"], "no backlog item with id 99"),
        (["abc"], "invalid backlog id 'abc'"),
    ],
)
def test_bad_start_input_is_refused_before_the_timer(cli, fake_clock, args, message) -> None:
    add(cli, "Post a photo", 5)
    before = snapshot(cli)
    r = cli("step", "start", *args)
    assert r.exit_code == 2, r.output
    assert message in r.stderr
    assert fake_clock.sleeps == []  # the timer never started
    assert snapshot(cli) == before


def test_start_with_an_empty_backlog_is_refused(cli, fake_clock) -> None:
    r = cli("step", "start")
    assert r.exit_code == 2
    assert "the backlog is empty" in r.stderr and "shipit step add" in r.stderr
    assert fake_clock.sleeps == []
    assert entries(cli) == []


def test_start_of_a_done_item_is_refused(cli, fake_clock) -> None:
    add(cli, "Post a photo", 5)
    assert cli("step", "done", "1").exit_code == 0
    before = snapshot(cli)
    r = cli("step", "start", "1")
    assert r.exit_code == 2
    assert "backlog item 1 is already done" in r.stderr
    assert fake_clock.sleeps == []
    assert snapshot(cli) == before


def test_the_240_minute_timer_is_accepted(cli, fake_clock) -> None:
    add(cli, "deep work", 5)
    r = cli("step", "start", "--minutes", "240")
    assert r.exit_code == 0, r.output
    assert entries(cli)[0]["minutes"] == 240
    assert len(fake_clock.sleeps) == 240


# -- the real process ------------------------------------------------------------------------------


def test_sigint_without_a_terminal_logs_the_partial_step(sh, shipit_home) -> None:
    r = sh("step", "add", "Write the launch post", "--annoyance", "4")
    assert r.returncode == 0, r.stderr
    env = {**os.environ, "SHIPIT_HOME": str(shipit_home)}
    proc = subprocess.Popen(
        [*shipit_exe(), "step", "start", "--minutes", "1"],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, env=env,
    )  # fmt: skip
    try:
        # The first line appears when the timer starts (after imports and the read).
        first = proc.stdout.readline()
        assert first.startswith("Timer: 1 minute on Write the launch post"), first
        time.sleep(1)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 130, (out, err)
    assert "Traceback" not in err
    assert "Stopped after 0:0" in out and "(counts as 1 minute)" in out
    assert "Backlog item 1 stays open in the backlog." in out
    assert "interrupted" in err
    [entry] = json.loads(sh("list", "--json").stdout)
    assert (entry["kind"], entry["text"], entry["minutes"]) == ("step", "Write the launch post", 1)
    [item] = json.loads(sh("step", "list", "--json").stdout)
    assert item["id"] == 1 and item["closed_at"] is None


def test_bad_input_exit_codes_in_a_real_process(sh) -> None:
    r = sh("step", "add", "x", "--annoyance", "6")
    assert r.returncode == 2
    assert r.stderr.strip() == (
        "shipit: error: invalid annoyance 6: expected 1 (barely) to 5 (drives you mad)"
    )
    assert json.loads(sh("step", "list", "--json").stdout) == []
    r = sh("step", "start", "--minutes", "0")
    assert r.returncode == 2 and "Traceback" not in r.stderr


def test_item_dropped_while_the_timer_ran_still_logs_the_step(cli, fake_clock, monkeypatch) -> None:
    from shipit.services.steps import Steps

    add(cli, "Post a photo", 5)
    real_sleep = fake_clock.sleep

    def sleep_and_drop(seconds: float) -> None:  # another shell drops the item meanwhile
        if not fake_clock.sleeps:
            Steps().drop_item(1)
        real_sleep(seconds)

    from shipit.views import timer

    monkeypatch.setattr(timer, "sleep", sleep_and_drop)
    r = cli("step", "start", "--minutes", "2")
    assert r.exit_code == 0, r.output
    assert "was dropped or done elsewhere while the timer ran" in r.stderr
    assert [e["minutes"] for e in entries(cli)] == [2]
    assert backlog(cli, all_items=True) == []


def test_item_done_elsewhere_before_ctrl_c_is_not_reported_open(cli, fake_clock, monkeypatch) -> None:
    from shipit.services.steps import Steps

    add(cli, "Post a photo", 5)
    fake_clock.interrupt_at = 90
    real_sleep = fake_clock.sleep

    def sleep_and_finish(seconds: float) -> None:
        if not fake_clock.sleeps:
            Steps().done("1", minutes=3)
        real_sleep(seconds)

    from shipit.views import timer

    monkeypatch.setattr(timer, "sleep", sleep_and_finish)
    r = cli("step", "start")
    assert r.exit_code == 130
    assert "stays open" not in r.stdout
    assert "was dropped or done elsewhere" in r.stderr
    assert sorted(e["minutes"] for e in entries(cli)) == [2, 3]


def test_markup_in_an_answer_is_shown_literally_and_the_step_is_kept(
    cli, fake_clock, interactive
) -> None:
    add(cli, "Post a photo", 5)
    r = cli("step", "start", input="[bold]great[/]\n[/]\n\x1b[31mred\nself\n")
    assert r.exit_code == 0, r.output
    assert "invalid decision '[/]'" in r.stderr
    assert "\x1b" not in r.stderr
    [entry] = entries(cli)
    assert (entry["note"], entry["decision"]) == ("[bold]great[/]", "self")
