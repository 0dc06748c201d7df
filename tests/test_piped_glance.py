"""`today` (and the bare `shipit`) and `stats` piped: records, the same bytes as the Rich
path would give, and no Rich imported at all (issue 10's start-up target).

Each command runs in a real process whose stdout is a pipe, with shipit's one clock seam
(`shipit.domain.dates.now`) set to a fixed instant by a small driver, so days are known.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys

NOW = "2026-11-23T12:00:00+00:00"  # a Monday

DRIVER = r"""
import sys
from datetime import datetime

from shipit.domain import dates

instant = datetime.fromisoformat(sys.argv[1])
dates.now = lambda: instant
sys.argv = ["shipit", *sys.argv[2:]]
import shipit.cli

code = 0
try:
    shipit.cli.main()
except SystemExit as exc:
    code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
sys.stdout.flush()
rich = sorted(m for m in sys.modules if m == "rich" or m.startswith("rich."))
sys.stderr.write(f"\nEXIT={code} RICH={','.join(rich)}\n")
"""


def run(shipit_home, *args: str) -> tuple[str, list[str]]:
    """The command's piped stdout and the rich modules it imported (exit 0 asserted)."""
    p = subprocess.run([sys.executable, "-c", DRIVER, NOW, *args], capture_output=True,
                       text=True, stdin=subprocess.DEVNULL, timeout=60,
                       env={**os.environ, "SHIPIT_HOME": str(shipit_home)})  # fmt: skip
    tail = p.stderr.rstrip().rsplit("\n", 1)[-1]
    assert tail.startswith("EXIT=0 RICH="), p.stderr
    rich = tail.removeprefix("EXIT=0 RICH=")
    return p.stdout, rich.split(",") if rich else []


def rich_path(clock) -> str:
    """What `today` printed through Rich before: its parts, tables as table_records,
    every other part through a Rich console (wide enough not to wrap)."""
    from rich.console import Console
    from rich.table import Table

    from shipit.cli.options import journal, streak_lines
    from shipit.views import render

    clock.set(NOW)
    j = journal()
    data, hist = j.glance()
    streak = [] if data.journal_empty else streak_lines(j, hist)
    buf = io.StringIO()
    console = Console(file=buf, width=1000, color_system=None, highlight=False, emoji=False)
    for part in render.today_view(data, streak):
        if isinstance(part, Table):
            buf.write(render.table_records(part))
        else:
            console.print(part)
    return buf.getvalue()


def test_today_piped_is_the_rich_paths_records_without_rich(shipit_home, clock) -> None:
    def check() -> str:
        expected = rich_path(clock)
        for args in (("today",), ()):
            out, rich = run(shipit_home, *args)
            assert out == expected, args
            assert rich == [], (args, rich)
        return expected

    assert check().startswith("Your journal is empty.")  # no journal yet
    run(shipit_home, "log", "--date", "2026-11-19", "Long ago #web")
    run(shipit_home, "log", "--date", "2026-11-20", "Not so long ago")
    unshipped = check()  # a broken streak (missed days), today not shipped
    assert "were missed. Ill or away? shipit skip 2026-11-21 --until 2026-11-22" in unshipped
    assert unshipped.endswith('Ship something: shipit log "what you delivered"\n')
    run(shipit_home, "step", "done", "Asked Sam", "--minutes", "10", "--note", "two replies",
        "--decision", "self")  # fmt: skip
    run(shipit_home, "try", "A/B test", "--failed", "--lesson", "too little\ttraffic")
    assert "not shipped yet" in check()  # a step and an attempt: still not shipped
    run(shipit_home, "log", "Two\ttabs and @ops", "--note", "a note\nover two lines", "-t", "extra")
    run(shipit_home, "log", "Second ship today #web")
    run(shipit_home, "try", "open one")
    shipped = check()
    lines = shipped.splitlines()
    assert lines[0] == "Today, Mon 23 Nov 2026: shipped ✔ (2 ships)"
    records = [line.split("\t") for line in lines if line.startswith("Mon 23 Nov 2026\t")]
    assert [r[1:3] for r in records] == [["#3", "step"], ["#4", "attempt"], ["#5", "ship"],
                                         ["#6", "ship"], ["#7", "attempt"]]  # fmt: skip
    assert records[0][3] == "Asked Sam 10 min · decision: self two replies"
    assert records[1][3] == "A/B test failed lesson: too little traffic"
    assert records[2][3] == "Two tabs and @ops #extra a note over two lines"


def test_stats_piped_is_label_value_records_without_rich(shipit_home) -> None:
    run(shipit_home, "log", "--date", "2026-11-18", "First ship #web")
    run(shipit_home, "log", "--date", "2026-11-20", "Second ship")
    run(shipit_home, "step", "done", "--date", "2026-11-20", "A step", "--minutes", "10")
    run(shipit_home, "try", "--date", "2026-11-21", "An attempt", "--failed")
    out, rich = run(shipit_home, "stats")
    assert rich == []
    expected = [
        "shipit stats · Mon 23 Nov 2026",
        "Streak\t0 days longest 1 day",
        # a row without a label belongs to the row above: the streak broke there
        "Streak\t2 days from Sat 21 Nov to Sun 22 Nov were missed. Ill or away? "
        "shipit skip 2026-11-21 --until 2026-11-22",
        "Active streak\t0 days longest 2 days",
        "Weekly streak\t0 weeks longest 0 weeks target 5 shipped days a week",
        "This week\t0 shipped days, 5 needed · in progress",
        "Consistency\t7 days 40% · 30 days 40% · 365 days 40% · all time 40%",
        "Score\t8.9% (habit strength)",
        "Ships\t2 ships on 2 days Wed 18 Nov 2026 to Sat 21 Nov 2026",
        "Steps\t1 (10 min)",
        "Attempts\t1: 0 open, 0 succeeded, 1 failed",
        "Excused\trest days: none · 0 skip days",
    ]  # fmt: skip
    assert out.splitlines() == expected
    run(shipit_home, "project", "new", "Pricing page", "--ship", "2026-12-04")
    out, rich = run(shipit_home, "stats")
    assert rich == []
    assert out.splitlines() == [*expected, "Projects",
        "  shipped on time 0 · late 0 · dropped 0 · active 1 · median slip n/a",
        "  +pricing: day 0 of 11 · 0 ships, 0 steps, 0 attempts linked · 0 date moves · "
        "thrash 0 early, 0 late"]  # fmt: skip


def test_discarded_to_dev_null_loads_no_rich_either(shipit_home) -> None:
    """What benchmarks and scripts do (`shipit today >/dev/null`): not a terminal either."""
    run(shipit_home, "log", "A ship")
    for args in (("today",), ("stats",)):
        with open(os.devnull, "w") as null:
            p = subprocess.run([sys.executable, "-c", DRIVER, NOW, *args], stdout=null,
                               stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL,
                               timeout=60, env={**os.environ, "SHIPIT_HOME": str(shipit_home)})  # fmt: skip
        assert p.stderr.rstrip().endswith("EXIT=0 RICH="), (args, p.stderr)
