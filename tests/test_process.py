"""What only a real process shows: exit codes, concurrency, signals, start-up imports."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

import shipit
from tests.conftest import shipit_exe


def test_installed_script_and_module(sh):
    r = sh("--version")
    assert r.returncode == 0 and r.stdout.startswith("shipit ")
    m = subprocess.run([sys.executable, "-m", "shipit", "--version"], capture_output=True,
                       text=True)  # fmt: skip
    assert m.returncode == 0 and m.stdout == r.stdout


def test_exit_codes_and_no_traceback(sh, shipit_home):
    assert sh("log", "first").returncode == 0
    bad = sh("log", "x", "--date", "2026-02-30")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr
    usage = sh("log", "--nope")
    assert usage.returncode == 2 and "--nope" in usage.stderr and usage.stderr.count("\n") == 1
    (shipit_home / "journal.db").write_bytes(b"garbage" * 1000)
    for p in shipit_home.glob("journal.db-*"):
        p.unlink()
    broken = sh("list")
    assert broken.returncode == 1 and "Traceback" not in broken.stderr
    assert "journal.db" in broken.stderr


def test_a_mistyped_command_leaves_no_files_beside_the_journal(sh, shipit_home):
    """The error of a mistyped command or option is worded in the journal's language,
    read without opening the journal for a command; that read closes the way a command
    does, so SQLite removes its -wal and -shm files (a read-only connection could not)."""
    assert sh("log", "first").returncode == 0
    assert sh("config", "language", "de").returncode == 0
    for args in (("ba",), ("stats", "--nope"), ("log",)):
        r = sh(*args, env={"SHIPIT_LANG": ""})  # the journal's choice, not the tests' English
        assert r.returncode == 2 and r.stderr.startswith("shipit: Fehler:"), (args, r.stderr)
        assert sorted(p.name for p in shipit_home.iterdir()) == ["journal.db", "status"], args


def test_debug_shows_traceback(sh, shipit_home):
    shipit_home.mkdir()
    (shipit_home / "journal.db").write_bytes(b"garbage" * 1000)
    r = sh("--debug", "list")
    assert r.returncode == 1 and "Traceback" in r.stderr
    r = sh("list", env={"SHIPIT_DEBUG": "1"})
    assert r.returncode == 1 and "Traceback" in r.stderr


def test_ten_parallel_logs_all_land(sh):
    with ThreadPoolExecutor(max_workers=10) as pool:
        results = list(pool.map(lambda i: sh("log", f"parallel {i}"), range(10)))
    assert [r.returncode for r in results] == [0] * 10, [r.stderr for r in results]
    entries = json.loads(sh("list", "--json").stdout)
    assert sorted(e["text"] for e in entries) == sorted(f"parallel {i}" for i in range(10))
    assert len({e["id"] for e in entries}) == 10


def test_locked_journal_fails_clearly_and_loses_nothing(sh, shipit_home):
    assert sh("log", "before").returncode == 0
    con = sqlite3.connect(shipit_home / "journal.db", isolation_level=None)
    con.execute("BEGIN IMMEDIATE")
    try:
        r = sh("log", "blocked", env={"SHIPIT_BUSY_TIMEOUT": "0.3"})
    finally:
        con.execute("ROLLBACK")
        con.close()
    assert r.returncode == 1
    assert "locked" in r.stderr and "journal.db" in r.stderr
    assert [e["text"] for e in json.loads(sh("list", "--json").stdout)] == ["before"]


def test_waits_for_a_short_lock(sh, shipit_home):
    assert sh("log", "before").returncode == 0
    con = sqlite3.connect(shipit_home / "journal.db", isolation_level=None)
    con.execute("BEGIN IMMEDIATE")
    proc = subprocess.Popen([*shipit_exe(), "log", "after wait"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "SHIPIT_HOME": str(shipit_home)})  # fmt: skip
    time.sleep(1.0)
    con.execute("ROLLBACK")
    con.close()
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert len(json.loads(sh("list", "--json").stdout)) == 2


def test_ctrl_c_exits_130_with_nothing_written(sh, shipit_home):
    assert sh("log", "before").returncode == 0
    con = sqlite3.connect(shipit_home / "journal.db", isolation_level=None)
    con.execute("BEGIN IMMEDIATE")  # the command will wait for this lock
    proc = subprocess.Popen([*shipit_exe(), "log", "interrupted"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "SHIPIT_HOME": str(shipit_home)})  # fmt: skip
    time.sleep(1.5)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    con.execute("ROLLBACK")
    con.close()
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "interrupted" in err
    assert [e["text"] for e in json.loads(sh("list", "--json").stdout)] == ["before"]


def test_piped_output_has_no_escape_codes(sh):
    sh("log", "plain #tag", "--note", "a note")
    for args in (["list"], ["today"], []):
        r = sh(*args)
        assert r.returncode == 0 and "\x1b" not in r.stdout, args
    r = sh("list", env={"NO_COLOR": "1", "FORCE_COLOR": "1"})
    assert "\x1b[3" not in r.stdout


@pytest.mark.parametrize("args", ["list", "export", "export --format json",
                                  "export --format csv"])
def test_broken_pipe_is_quiet(args, sh, shipit_home):
    """`shipit export | head`: the reader going away is no error, and exits 0."""
    doc = {"format": "shipit-journal", "version": 1, "entries": [
        {"kind": "ship", "text": f"entry {i} " + "word " * 20,
         "day": f"2026-{1 + i // 28:02d}-{1 + i % 28:02d}"} for i in range(300)]}  # fmt: skip
    r = subprocess.run([*shipit_exe(), "import", "-"], input=json.dumps(doc), text=True,
                       capture_output=True, env={**os.environ, "SHIPIT_HOME": str(shipit_home)})  # fmt: skip
    assert r.returncode == 0, r.stderr
    cmd = " ".join(shipit_exe()) + f" {args} | head -c 10 > /dev/null"
    r = subprocess.run(["bash", "-c", f"set -o pipefail; {cmd}"], capture_output=True,
                       text=True, env={**os.environ, "SHIPIT_HOME": str(shipit_home)})  # fmt: skip
    assert "Traceback" not in r.stderr and "error" not in r.stderr.lower(), r.stderr
    assert r.returncode == 0


STARTUP_PROBE = """
import sys
sys.argv = ["shipit", *{args!r}]
import shipit.cli
try:
    shipit.cli.main()
except SystemExit:
    pass
heavy = sorted(m for m in ("sqlalchemy", "sqlmodel", "pydantic", "dateutil",
                            "shipit.storage.schema") if m in sys.modules)
sys.stderr.write("HEAVY=" + ",".join(heavy) + "\\n")
"""


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["log", "--help"], []])
def test_startup_does_not_import_sqlalchemy(args, shipit_home):
    env = {**os.environ, "SHIPIT_HOME": str(shipit_home)}
    if args == []:
        # Shell completion: the completion variable makes Typer answer and exit.
        env.update({"_SHIPIT_COMPLETE": "complete_bash", "COMP_WORDS": "shipit l",
                    "COMP_CWORD": "1"})  # fmt: skip
    r = subprocess.run([sys.executable, "-c", STARTUP_PROBE.format(args=args)],
                       capture_output=True, text=True, env=env)  # fmt: skip
    heavy = [line for line in r.stderr.splitlines() if line.startswith("HEAVY=")]
    assert heavy == ["HEAVY="], r.stderr
    if args == []:
        assert "log" in r.stdout
    else:
        assert r.stdout.strip()


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version_alone_loads_no_command(cli, flag, shipit_home):
    """`shipit --version` says the same line as the full app, without Typer or a
    command module (it is the cheapest start-up a script can ask for)."""
    probe = STARTUP_PROBE.format(args=[flag]) + (
        "sys.stderr.write('LOADED=' + ','.join(sorted(m for m in sys.modules"
        " if m == 'typer' or m.startswith('shipit.cli.'))) + '\\n')\n")
    r = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                       env={**os.environ, "SHIPIT_HOME": str(shipit_home)})  # fmt: skip
    assert "LOADED=\n" in r.stderr, r.stderr
    assert r.stdout == cli(flag).stdout == f"shipit {shipit.__version__}\n"


@pytest.mark.parametrize("redirect", [">/dev/full", ">&-"])
def test_version_to_a_lost_output_fails_as_any_command(redirect, shipit_home):
    cmd = " ".join(shipit_exe()) + f" --version {redirect}"
    r = subprocess.run(["bash", "-c", cmd], capture_output=True, text=True,
                       env={**os.environ, "SHIPIT_HOME": str(shipit_home)})  # fmt: skip
    assert r.returncode == 1
    assert r.stderr.startswith("shipit: error: cannot write the output: "), r.stderr
    assert r.stderr.count("\n") == 1


def test_importing_cli_module_does_not_import_sqlalchemy():
    r = subprocess.run(
        [sys.executable, "-c",
         "import sys, shipit.cli; print('sqlalchemy' in sys.modules, 'sqlmodel' in sys.modules)"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert r.stdout.split() == ["False", "False"], r.stderr


def test_logging_does_not_load_the_orm_models(shipit_home):
    """`log` writes with plain SQL: no SQLModel classes, no pydantic (docs/performance.md)."""
    env = {**os.environ, "SHIPIT_HOME": str(shipit_home)}
    probe = STARTUP_PROBE.format(args=["log", "warm"]).replace(
        '("sqlalchemy", ', '('
    )
    first = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                           env=env)  # fmt: skip
    assert "Shipped" in first.stdout, first.stderr
    r = subprocess.run([sys.executable, "-c", probe.replace("warm", "second")],
                       capture_output=True, text=True, env=env)  # fmt: skip
    assert "Shipped" in r.stdout, r.stderr
    heavy = [line for line in r.stderr.splitlines() if line.startswith("HEAVY=")]
    assert heavy == ["HEAVY="], r.stderr


@pytest.mark.parametrize("args", [["export"], ["export", "--format", "json"],
                                  ["export", "--since", "2000-01-01", "--tag", "web"]])
def test_export_does_not_import_sqlalchemy(args, shipit_home):
    """Exports read on bare sqlite3: no SQLAlchemy, no SQLModel (performance.md)."""
    env = {**os.environ, "SHIPIT_HOME": str(shipit_home)}
    first = subprocess.run([sys.executable, "-m", "shipit", "log", "ship it #web"],
                           capture_output=True, text=True, env=env)  # fmt: skip
    assert first.returncode == 0, first.stderr
    r = subprocess.run([sys.executable, "-c", STARTUP_PROBE.format(args=args)],
                       capture_output=True, text=True, env=env)  # fmt: skip
    assert "ship it" in r.stdout, r.stderr
    heavy = [line for line in r.stderr.splitlines() if line.startswith("HEAVY=")]
    assert heavy == ["HEAVY="], r.stderr
