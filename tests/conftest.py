"""Shared fixtures: every test gets its own journal, a controllable clock and stable output."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

# Stable output for every test and every subprocess it starts.
os.environ["COLUMNS"] = "100"
os.environ["NO_COLOR"] = "1"
os.environ.pop("SHIPIT_DEBUG", None)
os.environ.pop("FORCE_COLOR", None)
# English unless a test asks for another language (tests of German set SHIPIT_LANG=de).
os.environ["SHIPIT_LANG"] = "en"
for _name in ("EDITOR", "VISUAL", "PAGER"):  # no test opens the developer's editor or pager
    os.environ.pop(_name, None)


def clear_faketime_leftovers() -> None:
    """Remove the semaphore and shared memory a `faketime` wrapper leaves in /dev/shm
    when it is killed (tmux sessions ended, kill -9 tests). The next wrapper that gets
    the same process id would otherwise fail with "sem_open: File exists"."""
    shm = Path("/dev/shm")
    for path in (*shm.glob("sem.faketime_sem_*"), *shm.glob("faketime_shm_*")):
        pid = path.name.rsplit("_", 1)[-1]
        if pid.isdigit() and not Path(f"/proc/{pid}").exists():
            path.unlink(missing_ok=True)


@pytest.fixture(autouse=True)
def shipit_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point SHIPIT_HOME at a temp folder: no test can touch a real journal."""
    clear_faketime_leftovers()
    home = tmp_path / "shipit-home"
    monkeypatch.setenv("SHIPIT_HOME", str(home))
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    from shipit.views import render

    render.reset_consoles()
    from shipit import i18n

    i18n.on_stored(None)
    yield home
    i18n.on_stored(None)
    render.reset_consoles()
    time.tzset()


def set_tz(monkeypatch: pytest.MonkeyPatch, tz: str) -> None:
    monkeypatch.setenv("TZ", tz)
    time.tzset()


@dataclass
class Clock:
    """A settable clock patched into shipit.domain.dates.now."""

    instant: datetime

    def __call__(self) -> datetime:
        return self.instant

    def set(self, value: datetime | str) -> None:
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        if value.tzinfo is None:
            value = value.astimezone()  # local wall time as given
        self.instant = value.astimezone(UTC)

    def advance(self, **kwargs: float) -> None:
        self.instant += timedelta(**kwargs)

    def day(self, d: date, hour: int = 12) -> None:
        """Noon (or `hour`) local time on day d."""
        self.set(datetime(d.year, d.month, d.day, hour))


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    from shipit.domain import dates

    c = Clock(datetime(2026, 11, 23, 12, 0, tzinfo=UTC))
    monkeypatch.setattr(dates, "now", c)
    return c


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


@pytest.fixture
def cli() -> Callable[..., Run]:
    """Invoke the CLI in-process: cli("log", "text") -> Run(exit_code, stdout, stderr)."""
    from shipit.views import render
    from shipit.cli import load

    # load(), not `from shipit.cli import app`: once a test imported the submodule
    # shipit.cli.app itself, the package's `app` attribute names that module.
    app = load()
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None, env: dict | None = None) -> Run:
        render.reset_consoles()
        result = runner.invoke(app, list(args), input=input, env=env, catch_exceptions=True)
        render.reset_consoles()
        exc = result.exception
        if isinstance(exc, SystemExit):
            exc = None
        return Run(result.exit_code, result.stdout, result.stderr, exc)

    return invoke


def shipit_exe() -> list[str]:
    """The installed console script, or `python -m shipit` beside this interpreter."""
    exe = shutil.which("shipit", path=str(Path(sys.executable).parent))
    return [exe] if exe else [sys.executable, "-m", "shipit"]


@pytest.fixture
def sh(shipit_home: Path) -> Callable[..., subprocess.CompletedProcess]:
    """Run the installed `shipit` as a real process with the test's SHIPIT_HOME."""

    def run(*args: str, input: str | None = None, env: dict | None = None,
            timeout: float = 60, prefix: list[str] | None = None
            ) -> subprocess.CompletedProcess:  # fmt: skip
        full_env = {**os.environ, "SHIPIT_HOME": str(shipit_home), **(env or {})}
        return subprocess.run(
            [*(prefix or []), *shipit_exe(), *args],
            input=input, capture_output=True, text=True, env=full_env, timeout=timeout,
            stdin=None if input is not None else subprocess.DEVNULL,
        )  # fmt: skip

    return run


# -- a throw-away PostgreSQL server (tests/pg.py) -------------------------------------------


@pytest.fixture(scope="session")
def pg_server():
    """One PostgreSQL server for the whole session, stopped at the end."""
    from tests import pg

    server = pg.start_server()
    yield server
    server.stop("immediate")
    shutil.rmtree(server.folder, ignore_errors=True)


@pytest.fixture
def hub_url(pg_server) -> str:
    """A new, empty database on the session's server (not yet a hub)."""
    from tests import pg

    return pg_server.url(pg.new_database(pg_server))
