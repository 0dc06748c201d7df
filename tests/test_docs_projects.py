"""docs/projects.md stays true: its worked example is run, command by command."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

DOC = (Path(__file__).parent.parent / "docs" / "projects.md").read_text(encoding="utf-8")


def transcript() -> list[tuple[str | None, list[str], str]]:
    """(clock or None, args, expected words) for each `$ shipit` line."""
    block = re.search(r"```console\n(.*?)```", DOC, re.S)
    assert block, "docs/projects.md has no console transcript"
    steps: list[tuple[str | None, list[str], list[str]]] = []
    clock = None
    for line in block.group(1).splitlines():
        if line.startswith("# "):
            clock = line[2:]
        elif line.startswith("$ shipit"):
            steps.append((clock, shlex.split(line[2:])[1:], []))
            clock = None
        else:
            steps[-1][2].append(line)
    return [(c, args, " ".join(" ".join(out).split())) for c, args, out in steps]


def words(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip().strip("─")]
    return " ".join(" ".join(lines).split())


def test_the_worked_example_is_what_shipit_prints(cli, clock) -> None:
    steps = transcript()
    assert len(steps) >= 15
    for when, args, expected in steps:
        if when is not None:
            clock.set(when)
        r = cli(*args)
        assert r.exit_code == 0, (args, r.output)
        assert words(r.stderr + r.stdout) == expected, args
