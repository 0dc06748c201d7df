"""Run as the program, shipit raises the garbage collector's threshold (no collector pass
over its start-up's objects, docs/performance.md) and freezes what is alive when it ends
(no passes at shutdown); imported by a host program, it leaves the host's collector as
it was."""

from __future__ import annotations

import subprocess
import sys

# sys.argv[0] is what shipit.cli looks at to know it runs as the program.
CHECK = (
    "import gc, sys; before = gc.get_threshold(); sys.argv[0] = {argv0!r}; "
    "import shipit.cli; print(before[0], gc.get_threshold()[0], gc.isenabled())"
)


def thresholds(argv0: str) -> tuple[int, int, bool]:
    r = subprocess.run([sys.executable, "-c", CHECK.format(argv0=argv0)], capture_output=True,
                       text=True, check=True)  # fmt: skip
    before, after, enabled = r.stdout.split()
    return int(before), int(after), enabled == "True"


def test_the_program_raises_the_threshold_and_still_collects() -> None:
    before, after, enabled = thresholds("/usr/local/bin/shipit")
    assert after == 50_000 and after > before
    assert enabled  # a long-running command (sync, a timer) still collects


def test_a_host_program_keeps_its_own_threshold() -> None:
    before, after, enabled = thresholds("/usr/bin/some-host")
    assert after == before and enabled


# main() as the program would run it (`shipit --version`), then what the collector holds.
AT_EXIT = (
    "import gc, sys; sys.argv = [{argv0!r}, '--version']; import shipit.cli\n"
    "try:\n    shipit.cli.main()\nexcept SystemExit:\n    pass\n"
    "print(gc.get_freeze_count(), sum(gc.get_count()))"
)


def after_main(argv0: str) -> tuple[int, int]:
    r = subprocess.run([sys.executable, "-c", AT_EXIT.format(argv0=argv0)], capture_output=True,
                       text=True, check=True)  # fmt: skip
    frozen, tracked = r.stdout.split()[-2:]
    return int(frozen), int(tracked)


def test_the_program_leaves_its_objects_to_the_os_at_exit() -> None:
    frozen, young = after_main("/usr/local/bin/shipit")
    assert frozen > 1_000 and young < 100  # everything alive moved out of the collector's way


def test_a_host_program_calling_main_keeps_its_collector() -> None:
    frozen, _ = after_main("/usr/bin/some-host")
    assert frozen == 0


# Run as the program, a command that writes, one that writes a file and one that fails:
# what is still alive after main() is frozen and never finalized, so nothing that needs
# closing may be left (a journal connection, an open file, a suspended generator).
LEFT_OPEN = (
    "import gc, io, sqlite3, sys, types; sys.argv = [{argv0!r}, *{args!r}]\n"
    "import shipit.cli\n"
    "try:\n    shipit.cli.main()\nexcept SystemExit:\n    pass\n"
    "objs = gc.get_objects()\n"
    "conns = [o for o in objs if isinstance(o, sqlite3.Connection)]\n"
    "opened = sum(1 for c in conns if _alive(c))\n"
    "files = sum(1 for o in objs if isinstance(o, io.IOBase) and not o.closed"
    " and getattr(o, 'fileno', None) and _fd(o) > 2)\n"
    "gens = sum(1 for o in objs if isinstance(o, types.GeneratorType) and o.gi_frame is not None"
    " and o.gi_frame.f_lasti >= 0 and o.gi_running is False and o.gi_suspended)\n"
    "print('LEFT', opened, files, gens)\n"
)
HELPERS = (
    "def _alive(c):\n    try:\n        c.execute('SELECT 1')\n        return True\n"
    "    except Exception:\n        return False\n"
    "def _fd(f):\n    try:\n        return f.fileno()\n    except Exception:\n        return -1\n"
)


def test_a_command_leaves_nothing_to_finalize(tmp_path) -> None:
    import os

    env = {**os.environ, "SHIPIT_HOME": str(tmp_path / "home")}
    out = tmp_path / "export.json"
    for args in (["log", "first"], ["export", "--format", "json", "-o", str(out)],
                 ["log", "x", "--date", "2026-02-30"], ["stats"]):  # fmt: skip
        code = HELPERS + LEFT_OPEN.format(argv0="/usr/local/bin/shipit", args=args)
        r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           env=env)  # fmt: skip
        left = [line for line in r.stdout.splitlines() if line.startswith("LEFT")]
        assert left == ["LEFT 0 0 0"], (args, r.stdout, r.stderr)
    files = sorted(p.name for p in (tmp_path / "home").iterdir())
    assert files == ["journal.db", "status"]  # no -wal, -shm or temporary file
    assert out.exists()
