"""Output that fits terminals and pipes: records when piped, a pager on a terminal, the
text column's room at 60 columns, help in words, one id vocabulary, value completion."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.conftest import shipit_exe


def test_piped_tables_are_tab_separated_records(sh, shipit_home):
    sh("log", "--date", "2026-11-20", "First ship, a long text that a terminal of 80 columns "
       "would wrap onto a second line without a doubt #web")  # fmt: skip
    sh("log", "--date", "2026-11-20", "Second ship", "--note", "a note\nover two lines")
    sh("log", "--date", "2026-11-21", "Third\tship with a tab")
    r = sh("list")
    assert r.returncode == 0
    lines = r.stdout.splitlines()
    assert [line.split("\t")[:3] for line in lines] == [
        ["Sat 21 Nov 2026", "#3", "ship"],
        ["Fri 20 Nov 2026", "#2", "ship"],  # the day filled in: one record per line
        ["Fri 20 Nov 2026", "#1", "ship"],
    ]
    assert all(len(line.split("\t")) == 4 and line == line.rstrip() for line in lines)
    assert lines[0].split("\t")[3] == "Third ship with a tab"
    assert lines[1].split("\t")[3] == "Second ship a note over two lines"
    assert lines[2].split("\t")[3].endswith("without a doubt #web")
    # cut and awk work on it, as they would on any tool's records.
    cut = subprocess.run(f"{' '.join(shipit_exe())} list | cut -f2 | tr '\\n' ' '", shell=True,
                         capture_output=True, text=True, env={**os.environ,
                         "SHIPIT_HOME": str(shipit_home)}).stdout  # fmt: skip
    assert cut == "#3 #2 #1 "
    sh("step", "add", "A step", "--annoyance", "4")
    assert sh("step", "list").stdout.split("\t")[:2] == ["1", "●●●●○ 4"]
    assert sh("tags").stdout == "#web\t1\tFri 20 Nov 2026\n"


def test_redirected_to_a_file_is_records_too(sh, shipit_home, tmp_path):
    sh("log", "one #web")
    out = tmp_path / "out.txt"
    with open(out, "w") as fh:
        subprocess.run([*shipit_exe(), "tags"], stdout=fh, check=True,
                       env={**os.environ, "SHIPIT_HOME": str(shipit_home)})  # fmt: skip
    assert out.read_text().split("\t")[:2] == ["#web", "1"]


def test_narrow_screens_give_the_text_column_the_room(cli, clock):
    text = "Post one photo on Instagram and ask three friends what they think of it"
    cli("step", "add", text)
    cli("log", text)
    env = {"COLUMNS": "60"}
    steps = cli("step", "list", env=env).stdout
    assert steps.splitlines()[0].split() == ["Item", "Annoy", "Added", "Step"]
    assert all(len(line) <= 60 for line in steps.splitlines())
    row = steps.splitlines()[2]
    assert "23 Nov" in row and "Mon 23 Nov 2026" not in row
    assert len(row.split("23 Nov", 1)[1].strip()) >= 30  # the text column's share
    week = cli("week", env=env).stdout
    today = next(line for line in week.splitlines() if "(today)" in line)
    assert today.startswith("Mon 23 (today)")
    assert len(today.split("ship", 1)[1].strip()) >= 30
    wide = cli("step", "list", env={"COLUMNS": "100"}).stdout
    assert "Mon 23 Nov 2026" in wide and "Annoyance" in wide


def test_the_calendar_starts_at_the_journal_s_first_week(cli, clock):
    cli("log", "--date", "2026-11-10", "first")
    cal = cli("calendar").stdout
    assert cal.startswith("Ships in the last 3 weeks: 1 ship on 1 day")
    rows = [line for line in cal.splitlines() if line.startswith(("Mon", "Tue"))]
    assert [len(r.split(" ", 1)[1].rstrip()) for r in rows] == [3, 2]  # Tue is still ahead
    assert cli("calendar", "--weeks", "10").stdout.startswith("Ships in the last 10 weeks")


def all_commands(app) -> list[list[str]]:  # noqa: ANN001
    import typer.main

    group = typer.main.get_command(app)
    paths = []
    for name, cmd in group.commands.items():
        sub = getattr(cmd, "commands", None)
        if sub:
            paths += [[name, s] for s in sub]
        paths.append([name])
    return paths


def test_help_shows_words_not_python_types(cli):
    from shipit.cli import load

    app = load()

    for path in all_commands(app):
        out = cli(*path, "--help").stdout
        assert not re.search(r"<(str|int|list\[str\]|bool)>", out), (path, out)
    log = cli("log", "--help").stdout
    assert "Usage: shipit log [OPTIONS] [TEXT...]\n" in log
    assert "-n, --note TEXT" in log and "\n  TEXT... " in log
    assert "-l, --limit N" in cli("list", "--help").stdout


def test_one_id_vocabulary(cli, clock):
    cli("log", "first")
    listed = cli("list").stdout
    assert listed.splitlines()[2].split()[4] == "#1"  # Mon 23 Nov 2026  #1  ship ...
    assert cli("edit", "#1", "--text", "renamed").stdout.startswith("Edited #1 ship")
    r = cli("delete", "#9", "--yes")
    assert r.exit_code == 2 and r.stderr == "shipit: error: no entry #9\n"


def test_config_json_numbers_are_numbers(cli):
    assert json.loads(cli("config", "--json").stdout)["weekly_target"] == 5
    assert json.loads(cli("config", "weekly_target", "--json").stdout) == {"weekly_target": 5}


def complete(sh, line: str) -> list[str]:  # noqa: ANN001
    r = sh(env={"_SHIPIT_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": line})
    assert r.returncode == 0, r.stderr
    pairs = re.findall(r'"((?:[^"\\]|\\.)*)"(?::"((?:[^"\\]|\\.)*)")?', r.stdout)
    return [v + (":" + h.replace("\\\\:", ":") if h else "") for v, h in pairs]


def test_completion_completes_values(sh, shipit_home):
    assert not shipit_home.exists() or not (shipit_home / "journal.db").exists()
    assert complete(sh, "shipit edit ") == []  # no journal: nothing, and none created
    assert not (shipit_home / "journal.db").exists()
    sh("log", "Fixed the form #web")
    sh("try", "Cold email #sales")
    assert complete(sh, "shipit list --kind ") == ["ship:something delivered",
                                                  "step:a timed small step", "attempt:a try"]
    assert complete(sh, "shipit edit 1 --outcome s") == ["succeeded"]
    assert complete(sh, "shipit step done x --decision d")[0].startswith("delegate")
    assert [c.split(":")[0] for c in complete(sh, "shipit config ")] == [
        "day_starts_at", "rest_days", "weekly_target", "language", "sync.auto", "sync.timeout"]
    assert complete(sh, "shipit config sync.auto o") == [
        "on:sync after every write", "off:sync only when you run shipit sync"]
    assert complete(sh, "shipit config weekly_target ")[0] == "1:1 shipped day a week"
    assert sorted(c.split(":")[0] for c in complete(sh, "shipit list --tag ")) == ["sales", "web"]
    ids = complete(sh, "shipit edit ")
    assert ids[0].startswith("2:attempt ") and ids[0].endswith("Cold email #sales")
    assert ids[1].startswith("1:ship ")
    assert complete(sh, "shipit resolve 2")[0].startswith("2:attempt")


def test_completion_describes_commands_and_root_options_in_words(sh):
    """zsh and fish show a description beside each command: its help, worded in the
    reader's language (they showed the message key, `help.log`)."""
    assert complete(sh, "shipit lo") == ["log:Log a ship: something you delivered today..."]
    assert complete(sh, "shipit --deb") == ["--debug:Show tracebacks (also SHIPIT_DEBUG=1)."]
    r = sh(env={"_SHIPIT_COMPLETE": "complete_fish", "_TYPER_COMPLETE_ARGS": "shipit ba",
                "_TYPER_COMPLETE_FISH_ACTION": "get-args", "SHIPIT_LANG": "de"})  # fmt: skip
    assert r.stdout.startswith("backup\tKopier"), r.stdout
    described = [c for c in complete(sh, "shipit ") if ":" in c]
    assert len(described) == len(complete(sh, "shipit ")) > 25
    assert not [c for c in described if ":help." in c], described
    # Every option too, the -h/--help one included, at the root and in a command.
    for line in ("shipit -", "shipit log --", "shipit step --h"):
        options = complete(sh, line)
        assert "--help:Show this message and exit." in options, (line, options)
        assert not [c for c in options if ":help." in c or ":" not in c], (line, options)


# -- the pager, on a real terminal ---------------------------------------------------------


class Tmux:
    def __init__(self) -> None:
        self.socket = f"shipit-pager-{uuid.uuid4().hex[:8]}"

    def run(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True,
                              text=True, timeout=10).stdout  # fmt: skip

    def kill(self) -> None:
        self.run("kill-server")


@pytest.mark.skipif(subprocess.run(["which", "tmux"], capture_output=True).returncode != 0,
                    reason="needs tmux")  # fmt: skip
@pytest.mark.parametrize("args, paged", [(("list",), True), (("list", "--no-pager"), False),
                                         (("list", "--limit", "3"), False)])  # fmt: skip
def test_long_listings_on_a_terminal_go_through_the_pager(sh, shipit_home, tmp_path, args, paged):
    for i in range(30):
        sh("log", "--date", f"-{i}", f"entry {i}")
    paged_to = tmp_path / "paged.txt"
    done = tmp_path / "done"
    t = Tmux()
    command = (f"env SHIPIT_HOME={shipit_home} PAGER='cat > {paged_to}' "
               f"{' '.join(shipit_exe())} {' '.join(args)}; touch {done}; sleep 30")  # fmt: skip
    try:
        t.run("-f", "/dev/null", "new-session", "-d", "-x", "80", "-y", "12", "-s", "t", command)
        end = time.monotonic() + 15
        while not done.exists() and time.monotonic() < end:
            time.sleep(0.1)
        assert done.exists()
        screen = t.run("capture-pane", "-p", "-t", "t")
    finally:
        t.kill()
    if paged:
        text = paged_to.read_text()
        assert "entry 29" in text and "entry 0" in text and "\x1b[" in text  # colours kept
        assert "entry 0" not in screen
    else:
        assert not paged_to.exists()
        assert "entry 0" in screen or "entry 2" in screen


def test_completion_completes_project_names(sh, shipit_home):
    assert complete(sh, "shipit project show ") == []  # no journal yet: nothing
    assert sh("project", "new", "Pricing page", "--ship", "in 9 days").returncode == 0
    assert sh("project", "new", "Launch video", "--ship", "in 5 days").returncode == 0
    assert complete(sh, "shipit project show pr") == ["pricing:Pricing page"]
    assert complete(sh, "shipit log done --project l") == ["launch:Launch video"]
    assert sorted(complete(sh, "shipit list --project ")) == ["launch:Launch video",
                                                              "pricing:Pricing page"]


def test_a_message_to_a_pipe_is_not_hard_wrapped():
    """A long message on a stderr that is a pipe: one line as written, no padding spaces
    (Rich would fold it at 80 columns)."""
    message = "On this hub your author name is your PostgreSQL role, bob (was root); your " \
              "entries follow, and so does this sentence, well past eighty columns."
    code = ("from shipit.views import render\n"
            f"render.err({message!r})\n")  # fmt: skip
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       env=env, timeout=60)  # fmt: skip
    assert p.stderr == message + "\n"
