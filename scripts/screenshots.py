#!/usr/bin/env python3
"""Regenerate the terminal pictures in docs/images/ from the real commands.

    python scripts/screenshots.py          # run from the environment where shipit is installed

Each picture is a real `shipit` process run on a scratch journal (SHIPIT_HOME in a temp
folder, filled by real `shipit log/step/try` commands), its coloured output read back
with `rich.text.Text.from_ansi` and saved with Rich's own `Console.export_svg`, so the
pictures cannot drift from what the commands print: rerun this after changing output.
Dates are relative to today; the week starts from a fixed set of days ago.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from rich.console import Console
from rich.text import Text

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "images"
WIDTH = 88

SETUP = [
    *(["log", "--date", f"-{d}", text] for d, text in [
        (9, "Drafted the pricing page #web"), (8, "Sent the newsletter @email"),
        (7, "Fixed the signup form #web"), (6, "Wrote the onboarding email @email"),
        (4, "Published the changelog"), (3, "Answered five support mails"),
        (2, "Shipped the dark mode toggle #web"), (1, "Recorded a 2-minute demo")]),
    ["log", "Published the pricing page #web"],
    ["step", "add", "Post one photo on Instagram", "--annoyance", "5"],
    ["step", "add", "Ask Sam how they run their newsletter"],
    ["try", "Cold-email three podcasts", "--failed", "--lesson", "subject lines too long"],
]

PICTURES = {
    "glance": ["shipit"],
    "stats": ["shipit", "stats"],
    "week": ["shipit", "week"],
    "step-list": ["shipit", "step", "list"],
}


def shipit() -> list[str]:
    exe = shutil.which("shipit", path=str(Path(sys.executable).parent)) or shutil.which("shipit")
    return [exe] if exe else [sys.executable, "-m", "shipit"]


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "SHIPIT_HOME": str(Path(tmp) / "home"), "COLUMNS": str(WIDTH),
               "FORCE_COLOR": "1", "TERM": "xterm-256color"}  # fmt: skip
        env.pop("NO_COLOR", None)
        for args in SETUP:
            subprocess.run([*shipit(), *args], env=env, check=True, capture_output=True)
        for name, command in PICTURES.items():
            r = subprocess.run([*shipit(), *command[1:]], env=env, capture_output=True,
                               text=True, check=True)  # fmt: skip
            console = Console(record=True, width=WIDTH, force_terminal=True, file=open(os.devnull, "w"))
            console.print(Text("$ " + " ".join(command), style="bold"))
            console.print(Text.from_ansi(r.stdout.rstrip("\n")))
            path = OUT / f"{name}.svg"
            path.write_text(console.export_svg(title=" ".join(command)), encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
