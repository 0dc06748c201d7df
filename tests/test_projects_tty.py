"""`project new` walks through the card in a real terminal: the installed shipit under tmux."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import time
import uuid

import pytest

from tests.conftest import shipit_exe

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")


class Tmux:
    """One tmux server of our own (its own socket), one window running a command."""

    def __init__(self, command: str, env: dict[str, str], width: int = 120) -> None:
        self.socket = f"shipit-projects-{uuid.uuid4().hex[:12]}"
        self.env = {**os.environ, **env}
        self.env.pop("TMUX", None)
        self.run("new-session", "-d", "-x", str(width), "-y", "50", command)
        self.path = self.run("display-message", "-p", "#{socket_path}").strip()

    def run(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True,
                              text=True, env=self.env, timeout=30, check=True).stdout  # fmt: skip

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-S", "-200")

    def wait_for(self, text: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.05)
        raise AssertionError(f"{text!r} never appeared:\n{self.screen()}")

    def answer(self, prompt: str, text: str) -> None:
        self.wait_for(prompt)
        if text:
            self.run("send-keys", "-l", text)
        self.run("send-keys", "Enter")

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True,
                       env=self.env, timeout=30)  # fmt: skip
        if self.path and os.path.exists(self.path):
            os.unlink(self.path)  # our server's socket file


def test_the_walk_through_in_a_real_terminal(shipit_home, sh):
    from shipit.domain.projects import QUESTIONS, WALK_KEYS

    env = {"SHIPIT_HOME": str(shipit_home), "TZ": "UTC", "NO_COLOR": "1"}
    command = (f"env -u CI {shlex.join([*shipit_exe(), 'project', 'new'])}; "
               "echo EXIT=$?; sleep 60")  # fmt: skip
    tmux = Tmux(command, env)
    try:
        tmux.answer("The project's name (one line):", "Pricing page")
        tmux.answer("Ship date and time", "in 10 days 15:00")
        tmux.answer("Who is responsible (the one owner):", "Ana")
        tmux.answer("Team members (comma separated):", "Bo")
        given = {"fears": "nobody buys", "edges": "fast, proven"}
        prompts = {q.key: q.prompt for q in QUESTIONS}
        for key in WALK_KEYS:
            tmux.answer(f"{prompts[key]}? [{key}]:", given.get(key, ""))  # Enter skips
        screen = tmux.wait_for("EXIT=")
        assert "EXIT=0" in screen, screen
        assert "Planned +pricing Pricing page: ships" in screen
    finally:
        tmux.close()
    r = sh("project", "show", "pricing", "--json")
    assert r.returncode == 0, r.stderr
    card = json.loads(r.stdout)
    assert card["owner"] == "Ana" and card["members"] == ["Ana", "Bo"]
    assert card["ship_at"].endswith("T15:00:00+00:00")
    assert {k: v for k, v in card["answers"].items() if k not in ("owner", "members")} == given


def test_project_list_reads_at_60_columns(shipit_home, sh):
    """The short name is never broken; the long name wraps at words below it."""
    for args in (("Onboarding emails for the new signup flow", "--short", "onboarding",
                  "--ship", "in 7 days"),
                 ("Pricing page", "--ship", "in 19 days", "--owner", "Ana")):  # fmt: skip
        assert sh("project", "new", *args).returncode == 0
    assert sh("log", "work +pricing").returncode == 0
    env = {"SHIPIT_HOME": str(shipit_home), "TZ": "UTC", "NO_COLOR": "1"}
    command = (f"env -u CI -u COLUMNS -u LINES {shlex.join([*shipit_exe(), 'project', 'list'])}; "
               "echo EXIT=$?; sleep 60")  # the pane's own width, not the tests' COLUMNS
    tmux = Tmux(command, env, width=60)
    try:
        screen = tmux.wait_for("EXIT=")
    finally:
        tmux.close()
    lines = screen.splitlines()
    assert "EXIT=0" in screen, screen
    header = next(line for line in lines if line.startswith("Project"))
    assert header.split() == ["Project", "Owner", "Ships", "Time", "left", "week"], screen
    first = next(i for i, line in enumerate(lines) if line.startswith("+onboarding "))
    assert lines[first].split()[-3:] == ["7", "days", "0"], screen
    second = next(i for i, line in enumerate(lines) if line.startswith("+pricing "))
    name_lines = [line.strip() for line in lines[first + 1:second]]
    assert " ".join(name_lines) == "Onboarding emails for the new signup flow", screen  # at words
    assert len(name_lines) > 1 and all(len(line) <= 60 for line in lines), screen
    pricing = lines[second]
    assert pricing.split()[1] == "Ana" and pricing.split()[-3:] == ["19", "days", "1"], screen
