"""The focus timer of `shipit step start`: counts down, shows progress, survives Ctrl-C.

- The clock is injectable: `run_timer(..., monotonic=, sleep=)`. The defaults are this
  module's `monotonic` and `sleep` attributes, read at call time, so tests replace
  them (or pass a fake pair) and never wait.
- On a terminal (the console's file is a TTY and not TERM=dumb) a Rich progress bar
  shows the label, the bar and the time left, redrawn about twice a second.
- Anywhere else (a pipe, a file, CI) it prints plain lines, no cursor movement: one
  when it starts, one per full minute, one at the end (or on Ctrl-C).
- Ctrl-C (KeyboardInterrupt) stops the countdown and is *returned*, not raised:
  `TimerResult.completed` is False and `elapsed` says how long it ran, so the caller
  can still log the work. Nothing here touches the journal.

No Typer here; Rich is imported inside the functions that draw.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from shipit.domain.steps import minutes_spent
from shipit.i18n import t

if TYPE_CHECKING:
    from rich.console import Console

# The clock seam: replaced by tests.
monotonic: Callable[[], float] = time.monotonic
sleep: Callable[[float], None] = time.sleep

# How often the progress bar is redrawn on a terminal (seconds).
TTY_TICK = 0.5
# Plain output prints a line every this many seconds.
LINE_EVERY = 60.0


@dataclass(frozen=True)
class TimerResult:
    planned: float  # seconds the timer was set for
    elapsed: float  # seconds it ran (never more than `planned` when completed)
    completed: bool  # False when interrupted with Ctrl-C

    @property
    def minutes(self) -> int:
        """Minutes actually spent, rounded up, at least 1."""
        return minutes_spent(self.elapsed)


def fmt_clock(seconds: float, *, up: bool = True) -> str:
    """`m:ss`. A countdown rounds up (0:00 means the time is really up); elapsed
    time rounds down (`up=False`)."""
    whole = max(0, int(-(-seconds // 1) if up else seconds // 1))
    return f"{whole // 60}:{whole % 60:02d}"


def use_bar(console: Console) -> bool:
    """Draw a live progress bar only on a real, capable terminal."""
    return console.is_terminal and not console.is_dumb_terminal


def run_timer(
    minutes: int,
    label: str,
    *,
    console: Console | None = None,
    monotonic: Callable[[], float] | None = None,
    sleep: Callable[[float], None] | None = None,
    bar: bool | None = None,
) -> TimerResult:
    """Count down `minutes`, showing `label` (user text, shown literally).

    Returns a TimerResult; a Ctrl-C during the countdown ends it early with
    `completed=False` instead of raising.
    """
    import sys

    clock = monotonic or sys.modules[__name__].monotonic
    nap = sleep or sys.modules[__name__].sleep
    if console is None:
        from shipit.views import render

        console = render.console()
    total = float(minutes * 60)
    draw_bar = use_bar(console) if bar is None else bar
    view: _View = _BarView(console, label, total, clock) if draw_bar else _LinesView(
        console, label, total
    )
    start = clock()
    elapsed = 0.0
    try:
        view.start()
        while True:
            elapsed = clock() - start
            remaining = total - elapsed
            view.update(min(elapsed, total), max(0.0, remaining))
            if remaining <= 0:
                break
            nap(view.pause(elapsed, remaining))
    except KeyboardInterrupt:
        elapsed = min(max(0.0, clock() - start), total)
        result = TimerResult(planned=total, elapsed=elapsed, completed=False)
        view.stop(result)
        return result
    result = TimerResult(planned=total, elapsed=total, completed=True)
    view.stop(result)
    return result


class _View:
    def start(self) -> None: ...

    def update(self, elapsed: float, remaining: float) -> None: ...

    def pause(self, elapsed: float, remaining: float) -> float:
        return remaining

    def stop(self, result: TimerResult) -> None: ...


class _LinesView(_View):
    """Plain lines for pipes and files: a start line, one per minute, an end line."""

    def __init__(self, console: Console, label: str, total: float) -> None:
        self.console = console
        self.label = label
        self.total = total
        self.printed_minutes = 0

    def start(self) -> None:
        from shipit.views import render, render_steps

        total_min = int(self.total // 60)
        line = render_steps.compose(t("steps.timer_start", n=total_min, label="{label}"),
                              label=render.user_text(self.label))  # fmt: skip
        self.console.print(line, soft_wrap=True)

    def update(self, elapsed: float, remaining: float) -> None:
        done = int(elapsed // LINE_EVERY)
        if done > self.printed_minutes and remaining > 0:
            self.printed_minutes = done
            self.console.print(t("steps.timer_minute", n=done, left=fmt_clock(remaining)),
                               soft_wrap=True, markup=False)  # fmt: skip

    def pause(self, elapsed: float, remaining: float) -> float:
        # Sleep to the next full minute (or the end): one line per minute, no busy loop.
        to_next = LINE_EVERY - (elapsed % LINE_EVERY)
        return min(to_next, remaining)

    def stop(self, result: TimerResult) -> None:
        if result.completed:
            self.console.print(t("steps.timer_up", n=result.minutes), soft_wrap=True,
                               markup=False)  # fmt: skip
        else:
            self.console.print(t("steps.timer_stopped", clock=fmt_clock(result.elapsed, up=False),
                                 n=result.minutes), soft_wrap=True, markup=False)  # fmt: skip


class _BarView(_View):
    """A Rich progress bar with the time left, redrawn by us on each tick."""

    def __init__(
        self, console: Console, label: str, total: float, clock: Callable[[], float]
    ) -> None:
        from rich.progress import BarColumn, Progress, TextColumn

        from shipit.views import render

        self.total = total
        self.progress = Progress(
            TextColumn("{task.description}", markup=False),
            BarColumn(bar_width=40),  # not full width: an echoed ^C must not wrap the line
            TextColumn("{task.fields[left]}", markup=False, style="bold"),
            console=console,
            auto_refresh=False,  # redrawn on our ticks: the injected clock drives it all
            get_time=clock,
            transient=False,
            redirect_stdout=False,
            redirect_stderr=False,
        )
        label_text = render.safe(label)
        if len(label_text) > 40:
            label_text = label_text[:39] + "…"
        self.task = self.progress.add_task(
            label_text, total=total, left=t("steps.bar_left", clock=fmt_clock(total))
        )

    def start(self) -> None:
        self.progress.start()
        self.progress.refresh()

    def update(self, elapsed: float, remaining: float) -> None:
        self.progress.update(self.task, completed=elapsed,
                             left=t("steps.bar_left", clock=fmt_clock(remaining)))  # fmt: skip
        self.progress.refresh()

    def pause(self, elapsed: float, remaining: float) -> float:
        return min(TTY_TICK, remaining)

    def stop(self, result: TimerResult) -> None:
        if result.completed:
            left = t("steps.bar_up")
        else:
            left = t("steps.bar_stopped", clock=fmt_clock(result.elapsed, up=False))
        self.progress.update(self.task, completed=result.elapsed, left=left)
        self.progress.refresh()
        self.progress.stop()


__all__ = ["TimerResult", "fmt_clock", "minutes_spent", "run_timer", "use_bar"]
