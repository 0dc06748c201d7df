"""stats, week, calendar, config, skip and the streak line, through the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, datetime, timedelta

import pytest
from tests.conftest import set_tz

MON = date(2026, 11, 23)  # the clock fixture's day: Monday 23 Nov 2026, 12:00 UTC


def log_days(cli, *days: date, text: str = "shipped") -> None:
    for d in days:
        r = cli("log", "--date", d.isoformat(), f"{text} {d}")
        assert r.exit_code == 0, r.output


def stats_json(cli) -> dict:
    r = cli("stats", "--json")
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def skips_json(cli) -> list:
    r = cli("skip", "--list", "--json")
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


# -- stats ---------------------------------------------------------------------------------


def test_stats_json_keys_and_values(cli, clock) -> None:
    # Wed 18 .. Sun 22 shipped (5 days), Mon 23 (today) not yet.
    log_days(cli, *(MON - timedelta(days=k) for k in range(5, 0, -1)))
    cli("log", "--date", "2026-11-20", "second ship on Friday")
    data = stats_json(cli)
    assert data["as_of"] == "2026-11-23"
    assert data["streak"] == {"current": 5, "longest": 5, "at_risk": True}
    assert data["active_streak"] == {"current": 5, "longest": 5, "at_risk": True}
    # Week of 16 Nov: first entry Wed, 5 available days, 5 shipped -> hit.
    assert data["weekly_streak"] == {"current": 1, "longest": 1, "target": 5}
    assert data["consistency"] == {"last_7_days": 1.0, "last_30_days": 1.0,
                                   "last_365_days": 1.0, "all_time": 1.0}  # fmt: skip
    assert data["score"] == pytest.approx(1 - 0.5 ** (5 / 13))
    assert data["totals"]["ships"] == 6
    assert data["totals"]["shipped_days"] == 5
    assert data["totals"]["first_day"] == "2026-11-18"
    assert data["totals"]["last_day"] == "2026-11-22"
    assert set(data["totals"]) >= {"steps", "step_minutes", "attempts", "attempts_open",
                                   "attempts_succeeded", "attempts_failed"}  # fmt: skip
    assert data["bounce_back_days"] is None


def test_stats_on_an_empty_journal(cli, clock) -> None:
    data = stats_json(cli)
    assert data["streak"] == {"current": 0, "longest": 0, "at_risk": False}
    assert data["consistency"]["all_time"] is None
    assert data["score"] == 0.0
    r = cli("stats")
    assert r.exit_code == 0 and "empty" in r.stdout


def test_stats_panel_shows_the_figures(cli, clock) -> None:
    log_days(cli, MON - timedelta(days=2), MON - timedelta(days=1), MON)
    r = cli("stats")
    assert r.exit_code == 0
    assert "Streak         3 days" in r.stdout
    assert "Consistency    7 days 100%" in r.stdout
    assert "3 ships on 3 days" in r.stdout


def test_steps_and_attempts_figures(cli, clock) -> None:
    """Issue 4 writes steps and attempts; the figures read them from the schema."""
    from shipit.services.journal import Journal

    j = Journal()
    j.add("attempt", "pitch the talk", when="2026-11-16", outcome="failed")
    j.add("step", "outline", when="2026-11-17", minutes=25)
    j.add("attempt", "pitch again", when="2026-11-19", outcome="succeeded")
    j.add("attempt", "new idea", when="2026-11-20", outcome="open")
    j.add("ship", "talk accepted", when="2026-11-20")
    data = stats_json(cli)
    t = data["totals"]
    assert (t["steps"], t["step_minutes"]) == (1, 25)
    assert (t["attempts"], t["attempts_open"], t["attempts_succeeded"],
            t["attempts_failed"]) == (3, 1, 1, 1)  # fmt: skip
    assert data["bounce_back_days"] == 3.0  # failed Mon 16, tried again Thu 19
    assert data["active_streak"]["longest"] == 2  # 16-17, then 19-20
    assert data["streak"]["longest"] == 1


# -- log and today -------------------------------------------------------------------------


def test_log_prints_the_streak(cli, clock) -> None:
    log_days(cli, MON - timedelta(days=2), MON - timedelta(days=1))
    r = cli("log", "today's ship")
    assert r.exit_code == 0
    assert "Streak: 3 days" in r.stdout


def test_today_warns_when_the_streak_is_at_risk(cli, clock) -> None:
    log_days(cli, MON - timedelta(days=2), MON - timedelta(days=1))
    for args in ((), ("today",)):
        r = cli(*args)
        assert r.exit_code == 0
        assert "⚠ Your 2-day streak is at risk: ship something today to keep it." in r.stdout
    cli("log", "rescued it")
    assert "at risk" not in cli("today").stdout


def test_no_warning_on_a_rest_day(cli, clock) -> None:
    cli("config", "rest_days", "mon")
    log_days(cli, MON - timedelta(days=2), MON - timedelta(days=1))
    r = cli("today")
    assert "at risk" not in r.stdout
    assert "today is a rest day" in r.stdout


# -- week ----------------------------------------------------------------------------------


def test_week_json_review(cli, clock) -> None:
    cli("config", "rest_days", "sat,sun")
    log_days(cli, date(2026, 11, 16), date(2026, 11, 17), date(2026, 11, 19))
    cli("log", "--date", "2026-11-17", "[bold]second[/] ship")
    cli("skip", "2026-11-20", "--reason", "sick")
    r = cli("week", "last monday", "--json")
    assert r.exit_code == 0, r.output
    w = json.loads(r.stdout)
    assert (w["week"], w["start"], w["end"]) == ("2026-W47", "2026-11-16", "2026-11-22")
    # Mon-Fri minus the sick Friday: 4 available days, 3 shipped -> missed.
    assert (w["available_days"], w["needed"], w["shipped_days"], w["ships"]) == (4, 4, 3, 4)
    assert (w["status"], w["hit"], w["streak"]) == ("missed", False, 0)
    assert [d["shipped"] for d in w["days"]] == [True, True, False, True, False, False, False]
    assert [d["excused"] for d in w["days"]] == [None] * 4 + ["skip", "rest", "rest"]
    assert w["days"][4]["skip_reason"] == "sick"
    assert [e["text"] for e in w["days"][1]["entries"]] == [
        "shipped 2026-11-17", "[bold]second[/] ship"]
    assert w["previous"]["status"] == "neutral"  # before the first entry
    assert w["change"] == {"ships": 4, "shipped_days": 3}
    # A weekly target of 3 makes the same week hit.
    cli("config", "weekly_target", "3")
    w = json.loads(cli("week", "2026-11-18", "--json").stdout)
    assert (w["needed"], w["status"], w["streak"]) == (3, "hit", 1)


def test_week_view_shows_entries_literally(cli, clock) -> None:
    cli("log", "[bold]not bold[/] \x1b[31mred")
    cli("skip", "--reason", "[red]flu[/]", "2026-11-24")
    r = cli("week")
    assert r.exit_code == 0, r.output
    assert "[bold]not bold[/] \\x1b[31mred" in r.stdout
    assert "[red]flu[/]" in r.stdout
    assert "\x1b" not in r.stdout
    assert "Week 2026-W48" in r.stdout
    assert "This week: 1 shipped day, 5 needed · in progress" in r.stdout


def test_week_table_json(cli, clock) -> None:
    log_days(cli, *(date(2026, 11, 9) + timedelta(days=k) for k in range(14) if k % 7 < 5))
    r = cli("week", "--weeks", "4", "--json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["target"] == 5 and data["as_of"] == "2026-11-23"
    assert [w["week"] for w in data["weeks"]] == ["2026-W45", "2026-W46", "2026-W47", "2026-W48"]
    assert [w["status"] for w in data["weeks"]] == ["neutral", "hit", "hit", "open"]
    assert [w["streak"] for w in data["weeks"]] == [0, 1, 2, 2]
    r = cli("week", "--weeks", "4")
    assert "2026-W47" in r.stdout and "hit" in r.stdout


@pytest.mark.parametrize("args", [("week", "--weeks", "0"), ("week", "tomorrow"),
                                  ("week", "2026-02-30"), ("week", "--weeks", "9999"),
                                  ("week", "--jsn")])  # fmt: skip
def test_week_bad_input(cli, clock, args) -> None:
    r = cli(*args)
    assert r.exit_code == 2
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.output


# -- calendar ------------------------------------------------------------------------------


def test_calendar_shades_and_marks(cli, clock) -> None:
    from shipit.services.journal import Journal

    cli("config", "rest_days", "sun,mon")
    Journal().add("step", "first entry: a step", when="2026-11-17")  # Tuesday
    log_days(cli, MON - timedelta(days=1))  # Sunday: one ship on a rest day
    for _ in range(2):
        log_days(cli, MON - timedelta(days=2))  # Saturday: two ships
    for _ in range(5):
        log_days(cli, MON - timedelta(days=3))  # Friday: five ships
    cli("skip", "2026-11-19")  # Thursday: skipped
    r = cli("calendar", "--weeks", "2")
    assert r.exit_code == 0, r.output
    rows = {line[:3]: line[4:] for line in r.stdout.splitlines() if line[:3] in
            ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")}  # fmt: skip
    # Columns: week of 16 Nov, week of 23 Nov (only Monday, today, so far).
    # Mon 16 is a rest day before the first entry: not excused, there was no journal.
    assert rows["Mon"] == "·-"
    assert rows["Tue"] == "· "
    assert rows["Wed"] == "· "
    assert rows["Thu"] == "- "
    assert rows["Fri"] == "█ "
    assert rows["Sat"] == "▒ "
    assert rows["Sun"] == "░ "
    assert "Ships in the last 2 weeks: 8 ships on 3 days, 2 excused days" in r.stdout
    assert "- excused (rest or skip day)" in r.stdout


def test_calendar_fits_80_columns(cli, clock) -> None:
    log_days(cli, MON - timedelta(days=400), MON - timedelta(days=40), MON)
    for args in ((), ("--year", "2026"), ("--year", "2025"), ("--weeks", "75")):
        r = cli("calendar", *args, env={"COLUMNS": "80"})
        assert r.exit_code == 0, r.output
        assert max(len(line) for line in r.stdout.splitlines()) <= 80, args
    r = cli("calendar", "--year", "2025")
    assert "Ships in 2025: 1 ship on 1 day" in r.stdout
    assert "Jan" in r.stdout and "Dec" in r.stdout


@pytest.mark.parametrize("args", [("--weeks", "0"), ("--weeks", "76"), ("--year", "1800"),
                                  ("--year", "2027"), ("--year", "2026", "--weeks", "3"),
                                  ("--year", "abc")])  # fmt: skip
def test_calendar_bad_input(cli, clock, args) -> None:
    r = cli("calendar", *args)
    assert r.exit_code == 2
    assert "Traceback" not in r.output


# -- config --------------------------------------------------------------------------------


def test_config_show_and_set(cli, clock) -> None:
    r = cli("config")
    assert r.exit_code == 0
    assert "weekly_target" in r.stdout and "5 (default)" in r.stdout
    assert cli("config", "weekly_target").stdout == "5\n"
    r = cli("config", "weekly_target", "3")
    assert r.exit_code == 0 and "weekly_target = 3" in r.stdout
    assert cli("config", "weekly-target").stdout == "3\n"
    assert cli("config", "rest_days", "Saturday, sun").stdout.strip() == "rest_days = sat,sun"
    shown = json.loads(cli("config", "--json").stdout)
    assert shown.pop("author") == cli("config", "author").stdout.strip()  # schema 5
    assert shown == {"day_starts_at": "00:00", "rest_days": "sat,sun", "weekly_target": 3,
                     "language": "auto",
                     "sync.auto": "off", "sync.timeout": "2"}  # this device's (docs/sync.md)
    assert cli("config", "rest_days", "none").stdout.strip() == "rest_days = none"
    assert stats_json(cli)["weekly_streak"]["target"] == 3


@pytest.mark.parametrize(("key", "value"), [
    ("weekly_target", "0"), ("weekly_target", "8"), ("weekly_target", "five"),
    ("rest_days", "funday"), ("day_starts_at", "25:00"), ("day_starts_at", "4am"),
    ("colour", "blue"),
])  # fmt: skip
def test_config_refuses_bad_values(cli, clock, key, value) -> None:
    before = cli("config", "--json").stdout
    r = cli("config", key, value)
    assert r.exit_code == 2
    assert value in r.stderr or key in r.stderr
    assert r.stderr.count("\n") == 1
    assert cli("config", "--json").stdout == before


def test_config_unknown_key_to_show(cli) -> None:
    r = cli("config", "nope")
    assert r.exit_code == 2 and "unknown setting 'nope'" in r.stderr


# -- skip ----------------------------------------------------------------------------------


def test_skip_add_list_remove(cli, clock) -> None:
    r = cli("skip", "--reason", "flu")
    assert r.exit_code == 0, r.output
    assert "Skipped Mon 23 Nov 2026: flu" in r.stdout
    r = cli("skip", "2026-12-24", "--until", "2027-01-01", "--reason", "holidays")
    assert "(9 new)" in r.stdout
    # Overlapping range without a reason: the old reason stays on the overlap.
    r = cli("skip", "2026-12-30", "--until", "2027-01-03")
    assert "(2 new, 3 already skipped)" in r.stdout
    assert skips_json(cli) == [
        {"start": "2026-11-23", "end": "2026-11-23", "days": 1, "reason": "flu"},
        {"start": "2026-12-24", "end": "2027-01-01", "days": 9, "reason": "holidays"},
        {"start": "2027-01-02", "end": "2027-01-03", "days": 2, "reason": None},
    ]
    # Overlapping range with a reason replaces it.
    cli("skip", "2027-01-01", "--until", "2027-01-02", "--reason", "new year")
    assert [s["reason"] for s in skips_json(cli)] == ["flu", "holidays", "new year", None]
    r = cli("skip", "--remove", "2026-12-31", "--until", "2027-01-05")
    assert r.exit_code == 0 and "Removed 4 skip days" in r.stdout
    assert skips_json(cli)[-1] == {"start": "2026-12-24", "end": "2026-12-30", "days": 7,
                                   "reason": "holidays"}  # fmt: skip
    r = cli("skip", "--list")
    assert "(planned)" in r.stdout and "holidays" in r.stdout


def test_skip_keeps_the_streak(cli, clock) -> None:
    log_days(cli, MON - timedelta(days=4), MON - timedelta(days=3))
    assert stats_json(cli)["streak"]["current"] == 0
    cli("skip", "-2", "--until", "yesterday", "--reason", "flu")
    assert stats_json(cli)["streak"] == {"current": 2, "longest": 2, "at_risk": True}
    cli("skip", "--remove", "yesterday")
    assert stats_json(cli)["streak"]["current"] == 0


@pytest.mark.parametrize("args", [
    ("2028-01-01",),  # more than a year ahead
    ("2026-12-01", "--until", "2026-11-01"),  # backwards
    ("2016-01-01", "--until", "2026-01-01"),  # too long
    ("2026-02-30",),
    ("someday",),
    ("--reason", "a\x00b"),
    ("--reason", "x" * 201),
    ("--list", "--reason", "x"),
    ("--remove", "2026-11-24", "--reason", "x"),
    ("--remove", "2026-11-25"),  # not skipped
])  # fmt: skip
def test_skip_bad_input_changes_nothing(cli, clock, args) -> None:
    cli("skip", "2026-11-24", "--reason", "keep me")
    before = skips_json(cli)
    r = cli("skip", *args)
    assert r.exit_code == 2, r.output
    assert r.stderr.startswith("shipit: error: ") and r.stderr.count("\n") == 1
    assert skips_json(cli) == before


def test_skip_list_empty(cli) -> None:
    r = cli("skip", "--list")
    assert r.exit_code == 0 and "No skip days" in r.stderr and r.stdout == ""


# -- days, time zones, DST -------------------------------------------------------------------


def test_day_starts_at_moves_a_1am_entry_to_the_day_before(cli, clock) -> None:
    cli("config", "day_starts_at", "04:00")
    clock.set(datetime(2026, 11, 22, 12, 0))
    cli("log", "Sunday noon")
    clock.set(datetime(2026, 11, 24, 1, 0))  # 01:00 Tuesday: still Monday's journal day
    r = cli("log", "late night ship")
    assert "Mon 23 Nov 2026" in r.stdout and "Streak: 2 days" in r.stdout
    data = stats_json(cli)
    assert data["as_of"] == "2026-11-23"
    assert data["streak"] == {"current": 2, "longest": 2, "at_risk": False}
    clock.set(datetime(2026, 11, 24, 5, 0))  # after 04:00: Tuesday, open
    data = stats_json(cli)
    assert data["as_of"] == "2026-11-24" and data["streak"]["at_risk"] is True


def test_changing_tz_between_logging_and_stats(cli, clock, monkeypatch) -> None:
    clock.set(datetime(2026, 11, 22, 23, 30))  # Sunday 23:30 in UTC
    cli("log", "late Sunday ship")
    set_tz(monkeypatch, "Asia/Tokyo")  # now Monday 08:30 there
    data = stats_json(cli)
    assert data["as_of"] == "2026-11-23"
    assert data["totals"]["last_day"] == "2026-11-22"  # the stored day never moves
    assert data["streak"] == {"current": 1, "longest": 1, "at_risk": True}
    set_tz(monkeypatch, "America/Los_Angeles")  # Sunday 15:30: the same day again
    data = stats_json(cli)
    assert data["as_of"] == "2026-11-22"
    assert data["streak"] == {"current": 1, "longest": 1, "at_risk": False}


@pytest.mark.parametrize(("tz", "monday"), [
    ("Europe/Berlin", date(2026, 3, 23)),  # clocks forward Sun 29 Mar
    ("Europe/Berlin", date(2026, 10, 19)),  # clocks back Sun 25 Oct
    ("America/New_York", date(2026, 3, 2)),  # forward Sun 8 Mar
    ("America/New_York", date(2026, 10, 26)),  # back Sun 1 Nov
])  # fmt: skip
def test_dst_weeks(cli, clock, monkeypatch, tz, monday) -> None:
    set_tz(monkeypatch, tz)
    # A ship every day at 00:30 and at 23:30 local time through the DST week.
    for k in range(7):
        d = monday + timedelta(days=k)
        for hour, minute in ((0, 30), (23, 30)):
            clock.set(datetime(d.year, d.month, d.day, hour, minute))
            r = cli("log", f"ship {d} {hour}")
            assert f"{d.day} {d:%b}" in r.stdout
    clock.set(datetime(monday.year, monday.month, monday.day, 12) + timedelta(days=7))
    data = stats_json(cli)
    assert data["streak"]["current"] == 7 and data["totals"]["shipped_days"] == 7
    assert data["totals"]["ships"] == 14
    w = json.loads(cli("week", "-1", "--json").stdout)
    assert w["start"] == monday.isoformat()
    assert [d["ships"] for d in w["days"]] == [2] * 7
    assert (w["status"], w["streak"]) == ("hit", 1)


def test_weekly_target_changed_later(cli, clock) -> None:
    # Three weeks of Mon-Wed ships.
    for week in range(3):
        log_days(cli, *(date(2026, 11, 2) + timedelta(days=7 * week + k) for k in range(3)))
    assert stats_json(cli)["weekly_streak"] == {"current": 0, "longest": 0, "target": 5}
    cli("config", "weekly_target", "3")
    assert stats_json(cli)["weekly_streak"] == {"current": 3, "longest": 3, "target": 3}


def test_year_boundary_and_week_53(cli, clock) -> None:
    clock.set(datetime(2027, 1, 3, 12))  # Sunday of 2026-W53
    log_days(cli, *(date(2026, 12, 28) + timedelta(days=k) for k in range(7)))
    w = json.loads(cli("week", "--json").stdout)
    assert (w["week"], w["start"], w["end"]) == ("2026-W53", "2026-12-28", "2027-01-03")
    assert w["status"] == "hit"
    assert stats_json(cli)["streak"]["current"] == 7
    r = cli("calendar", "--year", "2027")
    assert "7 ships" not in r.stdout and "Ships in 2027: 3 ships on 3 days" in r.stdout


# -- start-up and help -----------------------------------------------------------------------


def test_help_does_not_import_sqlalchemy() -> None:
    code = (
        "import sys\n"
        "from shipit.cli import app\n"
        "for cmd in ('stats', 'week', 'calendar', 'config', 'skip'):\n"
        "    try:\n"
        "        app([cmd, '--help'])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "assert 'shipit.cli.stats' in sys.modules\n"
        "print('sqlalchemy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout  # fmt: skip
    assert out.strip().splitlines()[-1] == "False"


@pytest.mark.parametrize("cmd", ["stats", "week", "calendar", "config", "skip"])
def test_every_command_has_help(cli, cmd) -> None:
    from shipit.cli import load

    app = load()

    r = cli(cmd, "--help")
    assert r.exit_code == 0
    info = {name: i for name, (kind, i) in app.lazy.items() if kind == "command"}
    assert info[cmd].callback.__doc__, cmd


def test_real_process_exit_codes(sh) -> None:
    assert sh("log", "--date", "yesterday", "x").returncode == 0
    r = sh("stats", "--json")
    assert r.returncode == 0 and json.loads(r.stdout)["streak"]["current"] == 1
    r = sh("skip", "2026-02-30")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert r.stderr.startswith("shipit: error: invalid day '2026-02-30'")
    r = sh("config", "weekly_target", "9")
    assert r.returncode == 2 and "'9'" in r.stderr
    r = sh("calendar")
    assert r.returncode == 0 and "ships: · 0" in r.stdout


def test_stats_without_projects_loads_no_projects_machinery(sh, shipit_home) -> None:
    """A journal without a project card: `stats` shows no project figures and imports
    none of their machinery (statistics, fractions: ~9 ms; docs/performance.md)."""
    assert sh("log", "a ship").returncode == 0
    code = ("import sys\nsys.argv = ['shipit', 'stats', '--json']\nfrom shipit.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('shipit.services.projects', 'shipit.domain.projects', "
            "'statistics') if m in sys.modules))\n")  # fmt: skip
    env = {**os.environ, "SHIPIT_HOME": str(shipit_home)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         check=True).stdout  # fmt: skip
    assert out.strip().splitlines()[-1] == "[]"
    figures = json.loads(out[:out.rindex("\n[")])
    assert figures["totals"]["ships"] == 1 and "projects" not in figures
