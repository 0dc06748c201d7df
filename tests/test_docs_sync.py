"""docs/sync.md stays true: its transcript runs against a real PostgreSQL server, each
prompt (laptop$, desktop$, bob$) a journal of its own, every clock stopped at noon."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
from pathlib import Path

from tests.conftest import clear_faketime_leftovers, shipit_exe
from tests.test_docs_history import words

DOC = (Path(__file__).parent.parent / "docs" / "sync.md").read_text(encoding="utf-8")
DOC_URL = "postgresql://ada@db.example.com/team"
USERS = {"laptop": "ada", "desktop": "ada", "bob": "bob"}


def transcript() -> list[tuple[str, list[str], str]]:
    block = re.search(r"```console\n(.*?)```", DOC, re.S)
    assert block, "docs/sync.md has no console transcript"
    steps: list[tuple[str, list[str], list[str]]] = []
    for line in block.group(1).splitlines():
        m = re.match(r"(\w+)\$ shipit (.*)", line)
        if m:
            steps.append((m.group(1), shlex.split(m.group(2)), []))
        else:
            steps[-1][2].append(line)
    return [(who, args, " ".join(" ".join(out).split())) for who, args, out in steps]


def test_the_transcript_is_what_shipit_prints(hub_url, tmp_path) -> None:
    steps = transcript()
    assert len(steps) >= 10
    for who, args, expected in steps:
        args = [a.replace(DOC_URL, hub_url) for a in args]
        env = {**os.environ, "SHIPIT_HOME": str(tmp_path / who), "USER": USERS[who],
               "LOGNAME": USERS[who], "TZ": "UTC"}  # fmt: skip
        clear_faketime_leftovers()
        p = subprocess.run(["faketime", "-f", "2026-11-23 12:00:00", *shipit_exe(), *args],
                           capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL,
                           timeout=120)  # fmt: skip
        assert p.returncode == 0, (who, args, p.stderr)
        assert words(p.stdout + p.stderr) == expected.replace(DOC_URL, hub_url), (who, args)
