"""Start-up is a feature: no daily command on an existing journal loads SQLAlchemy or pydantic.

SQLModel declares the schema and creates new journals; every command on a journal that
already exists runs plain SQL on sqlite3. Each case runs one command in a real process
(a small driver: import shipit.cli, set sys.argv, call main(), catch SystemExit), against
a fresh copy of a journal prepared once by real `shipit` calls, so that ids are known.
The driver records the exit code (so we know the command really ran) and which of HEAVY
ended up in sys.modules, with the shipit lines that first imported each, and writes it
as JSON to a file (the command's own stdout and stderr stay the command's).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import shipit_exe

# psycopg too: only the sync, hub and team commands that reach the hub may load it.
HEAVY = ("sqlalchemy", "sqlmodel", "pydantic", "psycopg")

DRIVER = r"""
import json, os, sys, traceback

out, heavy, args = sys.argv[1], sys.argv[2].split(","), sys.argv[3:]
import shipit  # the root imports nothing

root = os.path.dirname(os.path.dirname(os.path.abspath(shipit.__file__)))
first = {}


class Watch:
    # Notes where a heavy module is first imported from; the import itself goes on.
    def find_spec(self, name, path=None, target=None):
        if name in heavy and name not in first:
            frames = [f for f in traceback.extract_stack()
                      if os.path.abspath(f.filename).startswith(root + os.sep)]
            first[name] = " <- ".join(f"{os.path.relpath(f.filename, root)}:{f.lineno}"
                                      for f in reversed(frames)) or "outside shipit"
        return None


sys.meta_path.insert(0, Watch())
sys.argv = ["shipit", *args]
code = 0
try:
    import shipit.cli

    shipit.cli.main()
except SystemExit as exc:
    code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
found = sorted(m for m in heavy if m in sys.modules)
with open(out, "w") as f:
    json.dump({"exit": code, "heavy": found, "via": {m: first.get(m, "?") for m in found}}, f)
"""


@dataclass
class Probe:
    exit: int
    heavy: list[str]
    via: dict[str, str]
    stdout: str
    stderr: str


def probe(args: list[str], tmp_path: Path, env: dict[str, str] | None = None) -> Probe:
    """Run `shipit *args` through the driver, with the test's environment (SHIPIT_HOME)."""
    out = tmp_path / "probe.json"
    out.unlink(missing_ok=True)
    r = subprocess.run(
        [sys.executable, "-c", DRIVER, str(out), ",".join(HEAVY), *args],
        capture_output=True, text=True, env={**os.environ, **(env or {})}, cwd=tmp_path,
        stdin=subprocess.DEVNULL, timeout=60,
    )  # fmt: skip
    assert out.exists(), f"the driver did not finish (exit {r.returncode}):\n{r.stderr}"
    data = json.loads(out.read_text())
    return Probe(data["exit"], data["heavy"], data["via"], r.stdout, r.stderr)


@dataclass
class Template:
    home: Path  # a journal folder to copy as each case's SHIPIT_HOME
    export: Path  # a shipit JSON export with one entry the journal no longer has
    backup: Path  # a backup of the journal


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    """A journal made by real `shipit` calls, once per module; each case copies it.

    Entries: 1 and 2 ships, 3 an open attempt (4 was exported, then deleted).
    Backlog: items 1 and 2, both open.
    """
    base = tmp_path_factory.mktemp("startup")
    t = Template(base / "home", base / "export.json", base / "backup.db")
    env = {**os.environ, "SHIPIT_HOME": str(t.home), "TZ": "UTC"}

    def sh(*args: str) -> None:
        r = subprocess.run([*shipit_exe(), *args], capture_output=True, text=True, env=env,
                           stdin=subprocess.DEVNULL, timeout=60)  # fmt: skip
        assert r.returncode == 0, f"preparing the journal: shipit {' '.join(args)}\n{r.stderr}"

    sh("log", "first ship #web")
    sh("log", "second ship")
    sh("try", "a brave attempt")
    sh("step", "add", "the most annoying thing", "--annoyance", "5")
    sh("step", "add", "another annoying thing")
    sh("log", "only in the export")
    sh("export", "-f", "json", "-o", str(t.export))
    sh("delete", "4", "--yes")
    sh("backup", str(t.backup))
    import sqlite3  # a teammate's entry, as a sync writes it: the journal has a team

    con = sqlite3.connect(t.home / "journal.db")
    con.execute("INSERT INTO member_entry (uid, author, kind, text, day, created_at, "
                "updated_at) VALUES ('00000000-0000-4000-8000-000000000001', 'bob', 'ship', "
                "'bob shipped', '2026-11-23', '2026-11-23 10:00:00.000000', "
                "'2026-11-23 10:00:00.000000')")  # fmt: skip
    con.commit()
    con.close()
    return t


def case(id: str, *args: str, env: dict[str, str] | None = None,
         before: tuple[tuple[str, ...], ...] = ()) -> object:  # fmt: skip
    """One command; `before`: shipit calls that set the stage in the case's own copy."""
    return pytest.param(list(args), env or {}, before, id=id)


COMPLETION = {"_SHIPIT_COMPLETE": "complete_bash", "COMP_WORDS": "shipit l", "COMP_CWORD": "1"}

PLAN = ("project", "new", "Startup", "--ship", "in 9 days")
COMMANDS = [
    case("log", "log", "shipped the start-up test"),
    case("today", "today"),
    case("glance"),  # no command: today's glance
    case("list", "list"),
    case("edit", "edit", "1", "--text", "X"),
    case("delete", "delete", "2", "--yes"),
    case("undo", "undo", "--yes"),
    case("redo", "redo", "--yes", before=(("undo", "--yes"),)),
    case("history", "history"),
    case("stats", "stats"),
    case("stats-slice", "stats", "--tag", "web", "--since", "last month"),
    case("tags", "tags"),
    case("week", "week"),
    case("calendar", "calendar"),
    case("config", "config"),
    case("config-set", "config", "weekly_target", "4"),
    case("config-author", "config", "author", "ada"),
    case("config-sync-auto", "config", "sync.auto", "on"),
    case("log-auto-sync", "log", "auto", before=(("config", "sync.auto", "on"),)),
    case("stats-author", "stats", "--author", "ada", before=(("config", "author", "ada"),)),
    case("sync-status", "sync", "--status"),
    case("team", "team"),
    case("skip", "skip"),
    case("skip-list", "skip", "--list"),
    case("step-add", "step", "add", "a new step"),
    case("step-list", "step", "list"),
    case("step-list-author", "step", "list", "--author", "ada",
         before=(("config", "author", "ada"),)),
    case("step-done", "step", "done", "1"),
    case("step-drop", "step", "drop", "2"),
    case("step-edit", "step", "edit", "2", "--annoyance", "4"),
    case("try", "try", "something brave"),
    case("resolve", "resolve", "3", "--succeeded"),
    case("edit-outcome", "edit", "3", "--outcome", "failed"),
    case("attempts", "attempts"),
    case("export-markdown", "export", "-f", "markdown"),
    case("export-json", "export", "-f", "json"),
    case("export-csv", "export", "-f", "csv"),
    case("import", "import", "{export}"),
    case("backup", "backup"),
    case("restore", "restore", "{backup}"),
    case("path", "path"),
    case("project-new", "project", "new", "Startup", "--ship", "in 9 days"),
    case("project", "project"),
    case("project-show", "project", "show", "startup", before=(PLAN,)),
    case("project-answer", "project", "answer", "startup", "fears", "x", before=(PLAN,)),
    case("project-thrash", "project", "thrash", "startup", "an idea", before=(PLAN,)),
    case("project-move", "project", "move", "startup", "in 10 days", "--reason", "r",
         before=(PLAN,)),
    case("project-ship", "project", "ship", "startup", "--feeling", "good", before=(PLAN,)),
    case("project-drop", "project", "drop", "startup", "--lesson", "l", before=(PLAN,)),
    case("log-project", "log", "linked", "--project", "startup", before=(PLAN,)),
    case("list-project", "list", "--project", "startup", before=(PLAN,)),
    case("status", "status"),
    case("remind", "remind"),
    case("status-refresh", "status", "--refresh"),
    case("status-json", "status", "--json"),
    case("prompt-init", "prompt-init", "bash"),
    case("help", "--help"),
    case("version", "--version"),
    case("completion", env=COMPLETION),
]


@pytest.mark.parametrize("args, env, before", COMMANDS)
def test_command_on_an_existing_journal_stays_light(args, env, before, template, shipit_home,
                                                    tmp_path):  # fmt: skip
    shutil.copytree(template.home, shipit_home)
    for setup in before:
        r = subprocess.run([*shipit_exe(), *setup], capture_output=True, text=True,
                           stdin=subprocess.DEVNULL, timeout=60)  # fmt: skip
        assert r.returncode == 0, f"shipit {' '.join(setup)} (to set the stage):\n{r.stderr}"
    args = [a.format(export=template.export, backup=template.backup) for a in args]
    shown = " ".join(["shipit", *args])

    p = probe(args, tmp_path, env)

    assert p.exit == 0, f"`{shown}` exited {p.exit}:\n{p.stderr}"
    if "_SHIPIT_COMPLETE" in env:
        assert "log" in p.stdout.split(), f"completion did not answer:\n{p.stdout}{p.stderr}"
    assert p.heavy == [], f"`{shown}` imported:\n" + "\n".join(
        f"  {m}, first from {p.via[m]}" for m in p.heavy
    )


def test_log_creates_a_new_journal(shipit_home, tmp_path, sh):
    """Creating a journal may load SQLModel (it declares the schema): only that it works."""
    assert not shipit_home.exists()
    p = probe(["log", "the very first ship"], tmp_path)
    assert p.exit == 0, p.stderr
    assert (shipit_home / "journal.db").is_file()
    listed = sh("list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert [e["text"] for e in json.loads(listed.stdout)] == ["the very first ship"]
