"""The prompt cue: the status file every write refreshes, `shipit status`, and the shell
snippets of `shipit prompt-init`, run in a real bash and zsh under tmux with faketime
carrying them past midnight (and past a 04:00 day start)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from datetime import date, datetime, time as dtime
from pathlib import Path

import pytest

from shipit.domain.prompt import DayStatus, current, cue, day_start_epoch, parse_status, status_days
from shipit.domain.stats import DayCounts

D = date(2026, 12, 1)  # a Tuesday


def epoch(day: date, hh: int = 0, mm: int = 0) -> int:
    return int(datetime.combine(day, dtime(hh, mm)).astimezone().timestamp())


# -- the domain: eight days as if nothing more were logged ------------------------------------


def test_status_days_project_the_streak_through_rest_days_and_skips():
    counts = {date(2026, 11, 28): DayCounts(ships=1), date(2026, 11, 30): DayCounts(ships=1),
              D: DayCounts(ships=2)}  # fmt: skip
    # Sunday 29 Nov is a rest day (not shipped: excused); Thu 3 Dec is a skip day.
    days = status_days(counts, {date(2026, 12, 3)}, {6}, dtime(0, 0), D)
    assert [(d.day.day, d.status, d.streak) for d in days] == [
        (1, "✔", 3),   # Tue: shipped today, 28 Nov + 30 Nov + today
        (2, "⚠", 3),   # Wed: not shipped yet, the 3 days are at stake
        (3, "-", 0),   # Thu: a skip day, but Wed closed unshipped: the run is gone
        (4, "⚠", 0),
        (5, "⚠", 0),
        (6, "-", 0),   # Sun: rest day
        (7, "⚠", 0),
        (8, "⚠", 0),
    ]  # fmt: skip
    assert days[0].starts == epoch(D)
    assert all(b.starts - a.starts == 86400 for a, b in zip(days, days[1:]))  # TZ=UTC


def test_status_days_keep_the_streak_over_an_excused_tomorrow():
    counts = {D: DayCounts(ships=1)}
    days = status_days(counts, {date(2026, 12, 2)}, set(), dtime(4, 0), D)
    assert [(d.status, d.streak) for d in days[:3]] == [("✔", 1), ("-", 1), ("⚠", 1)]
    assert days[0].starts == epoch(D, 4)  # the journal day starts at 04:00


def test_a_journal_with_only_steps_has_a_zero_streak_and_an_empty_one_none():
    assert status_days({}, set(), set(), dtime(0, 0), D) == []
    days = status_days({D: DayCounts(steps=1)}, set(), set(), dtime(0, 0), D)
    assert (days[0].status, days[0].streak) == ("⚠", 0)


def test_current_picks_the_day_that_has_begun_and_nothing_after_the_last():
    days = [DayStatus(D, "✔", 4, 1000), DayStatus(date(2026, 12, 2), "⚠", 4, 1000 + 86400)]
    assert current(days, 999) is None
    assert current(days, 1000) == days[0]
    assert current(days, 1000 + 86399) == days[0]
    assert current(days, 1000 + 86400) == days[1]
    assert current(days, 1000 + 2 * 86400) is None  # the file is too old to tell
    assert [cue(d) for d in days] == ["🚢4", "⚠4"]
    assert cue(DayStatus(D, "-", 4, 0)) == "" and cue(None) == ""


def test_parse_status_reads_what_format_wrote_and_ignores_the_rest():
    days = status_days({D: DayCounts(ships=1)}, set(), set(), dtime(0, 0), D)
    from shipit.domain.prompt import format_status

    text = format_status(days)
    assert parse_status(text + "garbage line\n2026-12-40 ✔ 1 5\n") == days


# -- the file: every write refreshes it -------------------------------------------------------


def status_lines(home: Path) -> list[str]:
    return (home / "status").read_text(encoding="utf-8").splitlines()[1:]


def test_log_writes_the_status_file_and_every_write_refreshes_it(cli, clock, shipit_home):
    clock.set("2026-12-01T09:00:00")
    assert cli("log", "first").exit_code == 0
    assert status_lines(shipit_home)[:3] == [
        f"2026-12-01 ✔ 1 {epoch(D)}",
        f"2026-12-02 ⚠ 1 {epoch(date(2026, 12, 2))}",
        f"2026-12-03 ⚠ 0 {epoch(date(2026, 12, 3))}",
    ]
    assert len(status_lines(shipit_home)) == 8
    assert oct((shipit_home / "status").stat().st_mode & 0o777) == "0o600"
    # A setting, a skip, an undo: each is a write, each refreshes the file.
    assert cli("config", "day_starts_at", "04:00").exit_code == 0
    assert status_lines(shipit_home)[0] == f"2026-12-01 ✔ 1 {epoch(D, 4)}"
    assert cli("skip", "2026-12-02").exit_code == 0
    assert status_lines(shipit_home)[1].startswith("2026-12-02 - 1 ")
    assert cli("undo", "--yes").exit_code == 0
    assert status_lines(shipit_home)[1].startswith("2026-12-02 ⚠ 1 ")
    # Reading commands leave it alone.
    before = (shipit_home / "status").stat().st_mtime_ns
    assert cli("list").exit_code == 0 and cli("stats").exit_code == 0
    assert (shipit_home / "status").stat().st_mtime_ns == before


def test_a_failed_write_leaves_no_status_and_a_fresh_journal_none(cli, clock, shipit_home):
    r = cli("log", "--date", "2099-01-01", "future")
    assert r.exit_code == 2
    assert not (shipit_home / "status").exists()
    r = cli("status")
    assert (r.exit_code, r.stdout) == (0, "")


def test_status_prints_the_cue_and_json(cli, clock, shipit_home):
    clock.set("2026-12-01T09:00:00")
    cli("log", "--date", "yesterday", "one")
    r = cli("status")
    assert (r.exit_code, r.stdout) == (0, "⚠1\n")
    cli("log", "two")
    assert cli("status").stdout == "🚢2\n"
    r = cli("status", "--json")
    import json

    assert json.loads(r.stdout) == {"day": "2026-12-01", "status": "shipped", "streak": 2}
    clock.set("2026-12-02T09:00:00")  # tomorrow, read from the same file
    assert cli("status").stdout == "⚠2\n"


def test_status_recomputes_a_stale_or_missing_file(cli, clock, shipit_home):
    clock.set("2026-12-01T09:00:00")
    cli("log", "one")
    (shipit_home / "status").unlink()
    assert cli("status").stdout == "🚢1\n"
    assert status_lines(shipit_home)[0].startswith("2026-12-01 ✔ 1 ")
    (shipit_home / "status").write_text("2026-12-01 ⚠ 99 0\n")
    os.utime(shipit_home / "status", ns=(1, 1))  # older than the journal: stale
    assert cli("status").stdout == "🚢1\n"
    (shipit_home / "status").write_text("2026-12-01 ⚠ 99 0\n")
    assert cli("status", "--refresh").stdout == "🚢1\n"


def test_the_status_file_is_replaced_whole_and_leaves_no_temporary_file(shipit_home):
    """write_status writes a private temporary file beside it and renames it over the
    file: the old text until the rename, the new one after, mode 0600, nothing left."""
    from shipit.storage.status import write_status

    shipit_home.mkdir()
    journal = shipit_home / "journal.db"
    write_status(journal, "# one\n")
    (shipit_home / "status").chmod(0o644)
    # A name a dead process left (same pid): the writer takes the next one.
    import shipit.storage.status as status_mod

    leftover = shipit_home / f".status.{os.getpid()}.{status_mod._written[0] + 1}.tmp"
    leftover.write_text("old")
    write_status(journal, "# two ✔\n")
    assert (shipit_home / "status").read_text(encoding="utf-8") == "# two ✔\n"
    assert oct((shipit_home / "status").stat().st_mode & 0o777) == "0o600"
    assert sorted(p.name for p in shipit_home.iterdir()) == [leftover.name, "status"]
    assert leftover.read_text() == "old"  # never written through


def test_a_status_file_that_cannot_be_written_names_it_and_leaves_nothing(shipit_home):
    from shipit.domain.errors import ShipitError
    from shipit.storage.status import write_status

    shipit_home.mkdir()
    (shipit_home / "status").mkdir()  # a folder in its place: the rename fails
    with pytest.raises(ShipitError) as caught:
        write_status(shipit_home / "journal.db", "# x\n")
    assert str(shipit_home / "status") in str(caught.value)
    assert sorted(p.name for p in shipit_home.iterdir()) == ["status"]


def test_the_status_writer_never_replaces_a_protected_file(shipit_home):
    """A backup being restored that happens to sit where the status file goes (or the
    journal, through a symlink) is never written over."""
    from shipit.domain.errors import InputError
    from shipit.storage import files
    from shipit.storage.status import write_status

    shipit_home.mkdir()
    backup = shipit_home / "status"
    backup.write_bytes(b"SQLite format 3\x00 a backup")
    files.protect(backup, "the backup being restored")
    try:
        with pytest.raises(InputError):
            write_status(shipit_home / "journal.db", "# x\n")
    finally:
        files.unprotect(backup)
    assert backup.read_bytes() == b"SQLite format 3\x00 a backup"
    assert sorted(p.name for p in shipit_home.iterdir()) == ["status"]


def test_a_fresh_status_file_cut_short_is_recomputed(cli, clock, shipit_home):
    """The file is not fsynced: after a crash it may be empty. `status` does not trust
    a file without its header line; it reads the journal and writes the file again."""
    clock.set("2026-12-01T09:00:00")
    cli("log", "one")
    (shipit_home / "status").write_text("")  # newer than the journal, but cut short
    assert cli("status").stdout == "🚢1\n"
    assert status_lines(shipit_home)[0].startswith("2026-12-01 ✔ 1 ")


def test_the_status_path_agrees_with_the_journal_path(shipit_home):
    from shipit.storage.db import journal_path
    from shipit.storage.status import journal_file

    assert journal_file() == str(journal_path())


FAST = r"""
import sys, shipit.cli
sys.argv = ["shipit", "status"]
shipit.cli.main()
sys.stderr.write("typer=%s sqlite3=%s" % ("typer" in sys.modules, "sqlite3" in sys.modules))
"""


def test_status_answers_from_a_fresh_file_without_typer_or_sqlite(sh, shipit_home):
    assert sh("log", "one").returncode == 0
    r = subprocess.run([sys.executable, "-c", FAST], capture_output=True, text=True,
                       env={**os.environ, "SHIPIT_HOME": str(shipit_home)})  # fmt: skip
    assert (r.stdout, r.stderr) == ("🚢1\n", "typer=False sqlite3=False")
    assert sh("status").stdout == "🚢1\n"


def test_prompt_init_prints_each_snippet_and_refuses_an_unknown_shell(cli):
    for shell, marker in [("bash", "PROMPT_COMMAND"), ("zsh", "add-zsh-hook precmd"),
                          ("fish", "function __shipit_cue"), ("starship", "[custom.shipit]"),
                          ("p10k", "p10k segment")]:  # fmt: skip
        r = cli("prompt-init", shell)
        assert r.exit_code == 0 and marker in r.stdout, shell
        assert "SHIPIT_HOME" in r.stdout and "/status" in r.stdout
    r = cli("prompt-init", "tcsh")
    assert r.exit_code == 2 and "unknown shell 'tcsh'" in r.stderr


# -- real shells under tmux, carried past midnight by faketime ---------------------------------

needs_tmux = pytest.mark.skipif(not (shutil.which("tmux") and Path("/usr/bin/faketime").exists()),
                                reason="needs tmux and faketime")  # fmt: skip


class Tmux:
    def __init__(self, tmp: Path) -> None:
        self.socket = f"shipit-test-{uuid.uuid4().hex[:8]}"
        self.tmp = tmp

    def tmux(self, *args: str) -> str:
        r = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True,
                           timeout=10)  # fmt: skip
        return r.stdout

    def start(self, command: str, env: dict[str, str]) -> None:
        exports = " ".join(f"{k}={v!r}" for k, v in env.items())
        self.tmux("-f", "/dev/null", "new-session", "-d", "-x", "100", "-y", "20", "-s", "t",
                  f"env {exports} {command}")  # fmt: skip

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "t")

    def wait_for(self, text: str, timeout: float = 8) -> str:
        end = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < end:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared:\n{screen}")

    def kill(self) -> None:
        self.tmux("kill-server")


def shipit_at(when: str, *args: str, home: Path) -> None:
    from tests.conftest import clear_faketime_leftovers, shipit_exe

    clear_faketime_leftovers()
    r = subprocess.run(["/usr/bin/faketime", when, *shipit_exe(), *args], capture_output=True,
                       text=True, env={**os.environ, "SHIPIT_HOME": str(home)}, timeout=60)  # fmt: skip
    assert r.returncode == 0, r.stderr


def shell_command(shell: str, tmp: Path, snippet: str) -> tuple[str, dict[str, str]]:
    if shell == "bash":
        rc = tmp / "bashrc"
        rc.write_text("PS1='P> '\n" + snippet)
        return f"bash --noprofile --rcfile {rc} -i", {}
    zdot = tmp / "zdot"
    zdot.mkdir()
    (zdot / ".zshrc").write_text("PROMPT='P> '\n" + snippet)
    return "zsh -i", {"ZDOTDIR": str(zdot)}


@needs_tmux
@pytest.mark.parametrize("shell", ["bash", "zsh"])
@pytest.mark.parametrize("day_start", ["00:00", "04:00"])
def test_the_snippet_in_a_real_shell_turns_over_at_the_journal_day(shell, day_start, sh,
                                                                   shipit_home, tmp_path):  # fmt: skip
    if shell == "zsh" and not shutil.which("zsh"):
        pytest.skip("zsh not installed")
    shipit_at("2026-12-01 12:00:00", "config", "day_starts_at", day_start, home=shipit_home)
    shipit_at("2026-12-01 12:00:00", "log", "--date", "yesterday", "one", home=shipit_home)
    shipit_at("2026-12-01 12:00:00", "log", "two", home=shipit_home)
    snippet = sh("prompt-init", shell).stdout
    boundary = "2026-12-01 23:59:58" if day_start == "00:00" else "2026-12-02 03:59:58"
    command, env = shell_command(shell, tmp_path, snippet)
    t = Tmux(tmp_path)
    try:
        t.start(f"/usr/bin/faketime '{boundary}' {command}",
                {**env, "SHIPIT_HOME": str(shipit_home), "TZ": "UTC", "LANG": "C.UTF-8"})
        t.wait_for("🚢2 P>")
        time.sleep(2.5)  # the journal day turns over
        t.tmux("send-keys", "-t", "t", "echo turned", "Enter")
        screen = t.wait_for("⚠2 P>")
        assert "turned" in screen
        # An excused day shows nothing: skip tomorrow and ask again.
        shipit_at("2026-12-02 12:00:00", "skip", "2026-12-02", home=shipit_home)
        t.tmux("send-keys", "-t", "t", "clear", "Enter")
        time.sleep(0.5)
        t.tmux("send-keys", "-t", "t", "echo excused", "Enter")
        screen = t.wait_for("excused")
        time.sleep(0.3)
        last = [line for line in t.screen().splitlines() if line.strip()][-1]
        assert last.strip() == "P>", t.screen()
    finally:
        t.kill()


def test_the_status_file_example_in_the_docs_is_what_shipit_writes():
    import re
    from datetime import timedelta

    from shipit.domain.prompt import format_status

    doc = (Path(__file__).parent.parent / "docs" / "prompt.md").read_text(encoding="utf-8")
    block = re.search(r"```text\n(# shipit prompt status.*?)```", doc, re.S).group(1)
    # Twelve shipped days ending Tue 1 Dec 2026, rest days sat,sun, TZ=UTC (the fixture).
    counts = {D - timedelta(days=i): DayCounts(ships=1) for i in range(12)}
    assert block == format_status(status_days(counts, set(), {5, 6}, dtime(0, 0), D))
