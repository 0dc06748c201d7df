"""`shipit remind`: is today's streak at risk, and a daily timer that asks (docs/remind.md).

The timer is a systemd user timer where systemd runs the user's session, otherwise a
crontab line for the user to add (shipit never edits a crontab).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from shipit.domain import dates
from shipit.domain.errors import InputError
from shipit.services.journal import Journal

UNIT = "shipit-remind"
DEFAULT_AT = "20:00"


@dataclass(frozen=True)
class Reminder:
    state: str  # "shipped", "excused", "at_risk" (not shipped yet, nothing excuses today)
    streak: int
    excuse: str | None = None  # "rest" or "skip" when excused


def check(journal: Journal | None = None) -> Reminder:
    journal = journal or Journal()
    if not journal.store.exists():
        return Reminder("at_risk", 0)
    hist = journal.history()
    figs = hist.figures()
    if hist.shipped_today():
        return Reminder("shipped", figs.streak.current)
    why = hist.excuse(hist.today)
    if why is not None:
        return Reminder("excused", figs.streak.current, why)
    return Reminder("at_risk", figs.streak.current)


@dataclass(frozen=True)
class Installed:
    how: str  # "systemd" (installed and enabled) or "cron" (a line for the user to add)
    at: str
    detail: str  # the timer's path, or the crontab line


def check_at(value: str | None) -> str:
    return dates.parse_day_start(value or DEFAULT_AT).strftime("%H:%M")


def shipit_command() -> list[str]:
    """How a timer runs this shipit: the installed script, else this Python with -m."""
    exe = shutil.which("shipit", path=str(Path(sys.executable).parent)) or shutil.which("shipit")
    return [exe] if exe else [sys.executable, "-m", "shipit"]


def unit_dir() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(base) / "systemd" / "user"


def _systemd_user() -> bool:
    if not shutil.which("systemctl"):
        return False
    try:
        return subprocess.run(["systemctl", "--user", "show-environment"], capture_output=True,
                              timeout=10).returncode == 0  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return False


def _environment() -> dict[str, str]:
    return {k: os.environ[k] for k in ("SHIPIT_HOME",) if os.environ.get(k)}


def install(at: str | None) -> Installed:
    """Set up the daily reminder at `at` (HH:MM, default 20:00)."""
    when = check_at(at)
    command = [*shipit_command(), "remind"]
    env = _environment()
    if not _systemd_user():
        hh, mm = when.split(":")
        prefix = "".join(f"{k}={shlex.quote(v)} " for k, v in env.items())
        line = f"{int(mm)} {int(hh)} * * * {prefix}{shlex.join(command)}"
        return Installed("cron", when, line)
    folder = unit_dir()
    folder.mkdir(parents=True, exist_ok=True)
    from shipit.storage.files import atomic_text_writer

    service = ["[Unit]", "Description=shipit: a nudge when today's streak is at risk", "",
               "[Service]", "Type=oneshot", f"ExecStart={shlex.join(command)}",
               *(f"Environment={k}={v}" for k, v in env.items()),
               # Exit 1 means "at risk", not a failure of the unit.
               "SuccessExitStatus=1"]  # fmt: skip
    timer = ["[Unit]", "Description=shipit: the daily reminder", "", "[Timer]",
             f"OnCalendar=*-*-* {when}:00", "Persistent=false", "", "[Install]",
             "WantedBy=timers.target"]  # fmt: skip
    for name, lines in ((f"{UNIT}.service", service), (f"{UNIT}.timer", timer)):
        with atomic_text_writer(folder / name, overwrite=True) as fh:
            fh.write("\n".join(lines) + "\n")
    for args in (["daemon-reload"], ["enable", "--now", f"{UNIT}.timer"]):
        r = subprocess.run(["systemctl", "--user", *args], capture_output=True, text=True)
        if r.returncode != 0:
            raise InputError("loop.systemctl_failed", command=" ".join(args),
                             reason=r.stderr.strip() or r.returncode)  # fmt: skip
    return Installed("systemd", when, str(folder / f"{UNIT}.timer"))


def uninstall() -> Installed:
    """Remove the systemd timer (or say which crontab line to remove)."""
    folder = unit_dir()
    files = [folder / f"{UNIT}.timer", folder / f"{UNIT}.service"]
    if not any(f.exists() for f in files):
        return Installed("cron", "", "")  # nothing installed here: the cron line, if any
    if _systemd_user():
        subprocess.run(["systemctl", "--user", "disable", "--now", f"{UNIT}.timer"],
                       capture_output=True)  # fmt: skip
    for f in files:
        f.unlink(missing_ok=True)
    if _systemd_user():
        subprocess.run(["systemctl", "--user", "daemon-reload"], capture_output=True)
    return Installed("systemd", "", str(files[0]))
