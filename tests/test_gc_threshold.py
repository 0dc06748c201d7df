"""Run as the program, shipit raises the garbage collector's threshold (no collector pass
over its start-up's objects, docs/performance.md); imported by a host program, it leaves
the host's collector as it was."""

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
