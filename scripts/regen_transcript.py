#!/usr/bin/env python3
"""Rewrite the output lines of a doc's ```console transcript from what shipit prints.

    python scripts/regen_transcript.py docs/projects.md

Runs each `$ shipit ...` line in-process (as tests/test_docs_*.py do: a fresh
SHIPIT_HOME, TZ=UTC, 100 columns, no colour, the clock at Mon 23 Nov 2026 12:00 UTC or
at the `# YYYY-MM-DD HH:MM` line above a command) and writes what it printed under it,
rules and blank lines left out. The docs' tests then hold the result.
"""

from __future__ import annotations

import os
import re
import shlex
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path


def main(doc: Path) -> None:
    os.environ.update(COLUMNS="100", NO_COLOR="1", TZ="UTC",
                      SHIPIT_HOME=tempfile.mkdtemp(prefix="shipit-doc-"))  # fmt: skip
    for var in ("EDITOR", "VISUAL", "PAGER"):
        os.environ.pop(var, None)
    time.tzset()
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from typer.testing import CliRunner

    from shipit.cli import app
    from shipit.domain import dates
    from shipit.views import render
    from tests.conftest import Clock

    clock = Clock(datetime(2026, 11, 23, 12, 0, tzinfo=UTC))
    dates.now = clock  # type: ignore[assignment]
    runner = CliRunner()
    text = doc.read_text(encoding="utf-8")
    block = re.search(r"```console\n(.*?)```", text, re.S)
    assert block, f"{doc} has no console transcript"
    out: list[str] = []
    for line in block.group(1).splitlines():
        if line.startswith("# "):
            clock.set(line[2:])
            out.append(line)
        elif line.startswith("$ shipit"):
            out.append(line)
            render.reset_consoles()
            r = runner.invoke(app, shlex.split(line[2:])[1:])
            if r.exit_code != 0:
                raise SystemExit(f"{line}: exit {r.exit_code}\n{r.output}")
            out += [x.rstrip() for x in (r.stderr + r.stdout).splitlines()
                    if x.strip().strip("─")]  # fmt: skip
    doc.write_text(text[:block.start(1)] + "\n".join(out) + "\n" + text[block.end(1):],
                   encoding="utf-8")  # fmt: skip


if __name__ == "__main__":
    main(Path(sys.argv[1]))
