"""views.line: one styled line without Rich (the confirmations of `log` and friends)."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys

from shipit.views import line

LINE = [("Shipped ", "bold"), ("#1 ", "dim"), ("ship", "bold green"), (" text", "")]


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_plain_off_a_terminal_and_coloured_on_one(monkeypatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    piped = io.StringIO()
    line.write(LINE, stream=piped)
    assert piped.getvalue() == "Shipped #1 ship text\n"
    tty = Tty()
    line.write(LINE, stream=tty)
    assert tty.getvalue() == ("\x1b[1mShipped \x1b[0m\x1b[2m#1 \x1b[0m\x1b[1;32mship\x1b[0m"
                              " text\n")  # fmt: skip


def test_no_color_force_color_and_dumb_terminals(monkeypatch) -> None:
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setenv("NO_COLOR", "1")
    assert not line.color_enabled(Tty())
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert line.color_enabled(io.StringIO())
    monkeypatch.delenv("FORCE_COLOR")
    monkeypatch.setenv("TERM", "dumb")
    assert not line.color_enabled(Tty())


def test_the_same_segments_as_rich_text() -> None:
    text = line.as_text(LINE)
    assert text.plain == "Shipped #1 ship text"
    assert [str(span.style) for span in text.spans] == ["bold", "dim", "bold green"]


def test_log_in_a_real_terminal_is_coloured_and_loads_no_rich(shipit_home) -> None:
    """Through a pty, as a person sees it: colours on; and Rich is never imported."""
    from tests.conftest import shipit_exe

    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env.update(SHIPIT_HOME=str(shipit_home), TERM="xterm")
    assert subprocess.run([*shipit_exe(), "log", "first"], env=env,
                          capture_output=True).returncode == 0  # fmt: skip
    probe = ("import sys; sys.argv = ['shipit', 'log', 'Published the page']\n"
             "import shipit.cli\n"
             "try:\n    shipit.cli.main()\nexcept SystemExit:\n    pass\n"
             "sys.stdout.write('RICH=%s\\n' % any(m.startswith('rich') for m in sys.modules))\n")
    pid, fd = pty.fork()
    if pid == 0:  # the child: a real terminal on stdin, stdout and stderr
        os.execve(sys.executable, [sys.executable, "-c", probe], env)
    out = b""
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.waitpid(pid, 0)
    text = out.decode()
    assert "\x1b[1mShipped \x1b[0m" in text and "Published the page" in text, text
    assert "\x1b[1;32mStreak: 1 day\x1b[0m" in text, text  # both today
    assert "RICH=False" in text, text
