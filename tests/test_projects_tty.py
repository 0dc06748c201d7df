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

    def __init__(self, command: str, env: dict[str, str]) -> None:
        self.socket = f"shipit-projects-{uuid.uuid4().hex[:12]}"
        self.env = {**os.environ, **env}
        self.env.pop("TMUX", None)
        self.run("new-session", "-d", "-x", "120", "-y", "50", command)
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
