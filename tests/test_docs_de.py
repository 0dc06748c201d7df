"""docs/de/getting-started.md stays true: its German transcript is run, command by command.

Every line the page shows must be what shipit prints (in order, spacing aside), and the
page leaves out only the streak line under a ship (it says so)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from tests.german import GERMAN

DOC = (Path(__file__).parent.parent / "docs" / "de" / "getting-started.md").read_text(
    encoding="utf-8")  # fmt: skip


def transcript() -> list[tuple[list[str], list[str]]]:
    block = re.search(r"```console\n(.*?)```", DOC, re.S)
    assert block, "docs/de/getting-started.md has no console transcript"
    steps: list[tuple[list[str], list[str]]] = []
    for line in block.group(1).splitlines():
        if line.startswith("$ shipit"):
            steps.append((shlex.split(line[2:])[1:], []))
        else:
            steps[-1][1].append(" ".join(line.split()))
    return steps


def lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip().strip("─")]


def test_the_german_transcript_is_what_shipit_prints(cli, clock) -> None:
    steps = transcript()
    assert len(steps) >= 6
    for args, expected in steps:
        r = cli(*args, env=GERMAN)
        assert r.exit_code == 0, (args, r.output)
        printed = lines(r.stdout) + lines(r.stderr)
        left_out = [line for line in printed if line not in expected]
        assert [line for line in printed if line in expected] == expected, args
        assert all(line.startswith(("Streak", "Serie")) for line in left_out), (args, left_out)
