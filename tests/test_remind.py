"""Reminders: `shipit remind` (exit codes, nudge, desktop notification), `--install` and
`--uninstall`, the step timer's notification, and the broken streak explained where it
is seen (glance, log, stats).

notify-send and systemctl are the desktop's and the session's programs; this machine
has neither running, so small scripts of those names on PATH record how shipit calls
them (the journal, the shipit process and everything else are real)."""

from __future__ import annotations

import json
import os
import stat
from datetime import date
from pathlib import Path

import pytest

from tests.test_steps_timer import FakeClock  # noqa: F401  (the timer's clock seam)


def recorder(folder: Path, name: str, code: int = 0) -> Path:
    """A program `name` on PATH that appends its arguments (one call per line) to a log."""
    folder.mkdir(exist_ok=True)
    log = folder / f"{name}.log"
    script = folder / name
    script.write_text(f'#!/bin/sh\nprintf "%s|" "$@" >> "{log}"\necho >> "{log}"\nexit {code}\n')
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return log


def calls(log: Path) -> list[list[str]]:
    if not log.exists():
        return []
    return [line.rstrip("|").split("|") for line in log.read_text().splitlines()]


@pytest.fixture
def bin_dir(tmp_path: Path) -> Path:
    return tmp_path / "bin"


def path_with(bin_dir: Path) -> str:
    # The recorders first; /usr/bin and /bin for sh, without any real notify-send.
    bin_dir.mkdir(exist_ok=True)
    return f"{bin_dir}:/usr/bin:/bin"


def test_remind_is_silent_and_exits_0_when_shipped(sh, bin_dir):
    log = recorder(bin_dir, "notify-send")
    sh("log", "--date", "yesterday", "one")
    sh("log", "two")
    r = sh("remind", env={"PATH": path_with(bin_dir)})
    assert (r.returncode, r.stdout, r.stderr) == (0, "", "")
    assert calls(log) == []


NUDGE = {"en": ("Your 3-day streak is at risk: ship something today.",
                '  shipit log "what you delivered"'),
         "de": ("Deine Serie von 3 Tagen ist in Gefahr: liefere heute etwas.",
                '  shipit log "was du geliefert hast"')}  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "de"])
def test_remind_nudges_notifies_and_exits_1_when_at_risk(sh, bin_dir, lang):
    log = recorder(bin_dir, "notify-send")
    for days in (3, 2, 1):
        sh("log", "--date", f"-{days}", "a ship")
    r = sh("remind", env={"PATH": path_with(bin_dir), "SHIPIT_LANG": lang})
    assert r.returncode == 1
    message, hint = NUDGE[lang]
    assert (r.stdout, r.stderr) == (f"⚠ {message}\n", f"{hint}\n")
    assert calls(log) == [["--app-name=shipit", "shipit", message]]


def test_remind_in_german_when_the_streak_is_one_day(sh, bin_dir):
    sh("log", "--date", "yesterday", "a ship")
    r = sh("remind", env={"PATH": path_with(bin_dir), "SHIPIT_LANG": "de"})
    assert r.stdout == "⚠ Deine Serie von 1 Tag ist in Gefahr: liefere heute etwas.\n"
    r = sh("remind", "--install", "--uninstall", env={"SHIPIT_LANG": "de"})
    assert (r.returncode, r.stderr) == (
        2, "shipit: Fehler: gib --install oder --uninstall an, nicht beides\n")


def test_remind_without_any_notifier_still_nudges(sh, bin_dir):
    r = sh("remind", env={"PATH": path_with(bin_dir)})
    assert r.returncode == 1 and "Nothing shipped today yet" in r.stdout
    assert "error" not in r.stderr


def test_remind_is_silent_on_a_skip_day_and_a_rest_day(sh, bin_dir):
    log = recorder(bin_dir, "notify-send")
    sh("log", "--date", "yesterday", "one")
    sh("skip")
    assert sh("remind", env={"PATH": path_with(bin_dir)}).returncode == 0
    sh("skip", "--remove", "today")
    assert sh("remind", env={"PATH": path_with(bin_dir)}).returncode == 1
    today = date.today().strftime("%a").lower()
    sh("config", "rest_days", today)
    assert sh("remind", env={"PATH": path_with(bin_dir)}).returncode == 0
    assert len(calls(log)) == 1


def test_install_prints_the_crontab_line_without_systemd(sh, bin_dir, tmp_path, shipit_home):
    env = {"PATH": path_with(bin_dir), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    r = sh("remind", "--install", "--at", "7:05", env=env)
    assert r.returncode == 0, r.stderr
    line = r.stdout.strip()
    assert line.startswith(f"5 7 * * * SHIPIT_HOME={shipit_home} ")
    assert line.endswith(" remind")
    assert "crontab -e" in r.stderr
    assert not (tmp_path / "config").exists()
    r = sh("remind", "--install", "--at", "25:00", env=env)
    assert r.returncode == 2 and "invalid time '25:00'" in r.stderr


def test_install_and_uninstall_a_systemd_user_timer(sh, bin_dir, tmp_path, shipit_home):
    log = recorder(bin_dir, "systemctl")
    config = tmp_path / "config"
    env = {"PATH": path_with(bin_dir), "XDG_CONFIG_HOME": str(config)}
    r = sh("remind", "--install", "--at", "19:30", env=env)
    assert r.returncode == 0, r.stderr
    units = config / "systemd" / "user"
    timer = (units / "shipit-remind.timer").read_text()
    service = (units / "shipit-remind.service").read_text()
    assert "OnCalendar=*-*-* 19:30:00\n" in timer and "WantedBy=timers.target" in timer
    assert f"Environment=SHIPIT_HOME={shipit_home}\n" in service
    assert "ExecStart=" in service and service.split("ExecStart=")[1].split("\n")[0].endswith(
        " remind")
    assert ["--user", "enable", "--now", "shipit-remind.timer"] in calls(log)
    assert "every day at 19:30" in r.stdout
    r = sh("remind", "--uninstall", env=env)
    assert r.returncode == 0 and "Reminder removed" in r.stdout
    assert not (units / "shipit-remind.timer").exists()
    assert ["--user", "disable", "--now", "shipit-remind.timer"] in calls(log)


def test_the_step_timer_notifies_when_time_is_up(cli, clock, bin_dir, monkeypatch):
    from shipit.views import timer
    from tests.test_steps_timer import FakeClock

    fake = FakeClock()
    monkeypatch.setattr(timer, "monotonic", fake.monotonic)
    monkeypatch.setattr(timer, "sleep", fake.sleep)
    log = recorder(bin_dir, "notify-send")
    cli("step", "add", "Post one photo")
    r = cli("step", "start", "--minutes", "1", "--note", "n", "--decision", "self",
            env={"PATH": path_with(bin_dir)})  # fmt: skip
    assert r.exit_code == 0, r.output
    assert calls(log) == [["--app-name=shipit", "shipit: time's up", "1 min on: Post one photo"]]


# -- a broken streak, explained where it is seen --------------------------------------------


def test_a_broken_streak_names_the_missed_day_and_the_fix(cli, clock):
    clock.day(date(2026, 12, 24))  # Thursday
    for day in ("2026-12-20", "2026-12-21", "2026-12-22"):
        cli("log", "--date", day, "ship")
    hint = "Wed 23 Dec was missed. Ill or away? shipit skip 2026-12-23"
    assert hint in cli().stdout  # the glance
    assert hint in " ".join(cli("stats").stdout.replace("│", " ").split())
    r = cli("log", "today's ship")
    assert hint in r.stdout
    assert cli("skip", "2026-12-23").exit_code == 0
    assert json.loads(cli("stats", "--json").stdout)["streak"]["current"] == 4
    assert "was missed" not in cli().stdout


def test_several_missed_days_and_too_many(cli, clock):
    clock.day(date(2026, 12, 24))
    cli("log", "--date", "2026-12-19", "ship")
    out = " ".join(cli().stdout.split())
    assert ("4 days from Sun 20 Dec to Wed 23 Dec were missed. Ill or away? "
            "shipit skip 2026-12-20 --until 2026-12-23") in out
    clock.day(date(2027, 1, 24))
    assert "missed" not in cli().stdout  # a month away: no skip honestly mends that


def test_missed_days_skip_rest_days():
    from shipit.domain.stats import DayCounts, missed_days

    counts = {date(2026, 12, 18): DayCounts(ships=1)}  # Friday
    # Sat and Sun are rest days; Mon 21 missed; today Tue 22.
    assert missed_days(counts, set(), {5, 6}, date(2026, 12, 22)) == [date(2026, 12, 21)]
    assert missed_days(counts, set(), {5, 6}, date(2026, 12, 21)) == []  # nothing broke yet
    assert missed_days({}, set(), set(), date(2026, 12, 21)) == []
