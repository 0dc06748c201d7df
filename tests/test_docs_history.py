"""docs/history.md stays true: its transcript is run, command by command."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

DOC = (Path(__file__).parent.parent / "docs" / "history.md").read_text(encoding="utf-8")


def transcript() -> list[tuple[list[str], str]]:
    block = re.search(r"```console\n(.*?)```", DOC, re.S)
    assert block, "docs/history.md has no console transcript"
    steps: list[tuple[list[str], list[str]]] = []
    for line in block.group(1).splitlines():
        if line.startswith("$ shipit"):
            steps.append((shlex.split(line[2:])[1:], []))
        else:
            steps[-1][1].append(line)
    return [(args, " ".join(" ".join(out).split())) for args, out in steps]


def words(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip().strip("─")]
    return " ".join(" ".join(lines).split())


def test_the_transcript_is_what_shipit_prints(cli, clock) -> None:
    steps = transcript()
    assert len(steps) >= 5
    for args, expected in steps:
        r = cli(*args)
        assert r.exit_code == 0, (args, r.output)
        assert words(r.stderr + r.stdout) == expected, args
