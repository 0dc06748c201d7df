"""shipit.stats on hand-made histories: the edge cases of issue 3, with exact numbers."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from shipit.domain import stats
from shipit.domain.settings import Settings

SHIP = stats.DayCounts(ships=1)
STEP = stats.DayCounts(steps=1, step_minutes=25)
WEEKEND = frozenset({5, 6})


def days(start: date, n: int) -> list[date]:
    return [start + timedelta(days=i) for i in range(n)]


def ships_on(*ds: date, n: int = 1) -> dict[date, stats.DayCounts]:
    return {d: stats.DayCounts(ships=n) for d in ds}


def figs(counts, today, *, skips=(), rest=frozenset(), target=5, first=None):
    s = Settings(rest_days=frozenset(rest), weekly_target=target)
    return stats.compute(counts, set(skips), s, today, first)


# -- empty and first day ---------------------------------------------------------------------


def test_empty_journal() -> None:
    f = figs({}, date(2026, 11, 23))
    assert f.streak == stats.Streak(0, 0, False)
    assert f.weekly_streak == stats.WeeklyStreak(0, 0, 5)
    assert f.consistency == stats.Consistency(None, None, None, None)
    assert f.score == 0.0
    assert f.totals.first_day is None and f.totals.ships == 0
    assert f.bounce_back_days is None
    assert f.weeks == ()
    j = f.to_json()
    assert j["as_of"] == "2026-11-23" and j["consistency"]["all_time"] is None


def test_first_entry_today_shipped() -> None:
    today = date(2026, 11, 26)  # a Thursday
    f = figs(ships_on(today), today)
    assert f.streak == stats.Streak(1, 1, False)
    assert f.consistency.last_7_days == 1.0 and f.consistency.all_time == 1.0
    assert f.score == pytest.approx(1 - stats.SCORE_MULTIPLIER)
    w = f.weeks[-1]
    # Thursday to Sunday: 4 available days, so 4 shipped days hit a target of 5.
    assert (w.available_days, w.needed, w.shipped_days, w.status) == (4, 4, 1, "open")
    assert f.weekly_streak.current == 0


def test_first_entry_today_is_a_step() -> None:
    today = date(2026, 11, 26)
    f = figs({today: STEP}, today)
    assert f.streak == stats.Streak(0, 0, False)
    assert f.active_streak == stats.Streak(1, 1, False)
    assert f.consistency.all_time is None  # today is open: nothing is eligible yet
    assert f.score == 0.0
    assert f.totals.first_day == today and f.totals.steps == 1 and f.totals.step_minutes == 25


# -- daily streak ------------------------------------------------------------------------------


def test_today_open_and_at_risk() -> None:
    today = date(2026, 11, 25)
    f = figs(ships_on(*days(today - timedelta(days=3), 3)), today)
    assert f.streak == stats.Streak(3, 3, True)
    f2 = figs(ships_on(*days(today - timedelta(days=3), 4)), today)
    assert f2.streak == stats.Streak(4, 4, False)
    # Yesterday missed: the run is broken, nothing at risk.
    f3 = figs(ships_on(*days(today - timedelta(days=4), 3)), today)
    assert f3.streak == stats.Streak(0, 3, False)


def test_excused_days_neither_break_nor_extend() -> None:
    fri, mon = date(2026, 11, 20), date(2026, 11, 23)
    f = figs(ships_on(fri, mon), mon, rest=WEEKEND)
    assert f.streak.current == 2  # Fri + Mon; Sat and Sun are rest days
    f = figs(ships_on(fri, mon), mon)  # no rest days: the weekend breaks it
    assert f.streak.current == 1
    f = figs(ships_on(fri, mon), mon, skips={date(2026, 11, 21), date(2026, 11, 22)})
    assert f.streak.current == 2


def test_a_shipped_rest_day_counts() -> None:
    fri, sat, mon = date(2026, 11, 20), date(2026, 11, 21), date(2026, 11, 23)
    assert figs(ships_on(fri, sat, mon), mon, rest=WEEKEND).streak.current == 3


def test_today_excused_is_not_at_risk() -> None:
    fri, sat = date(2026, 11, 20), date(2026, 11, 21)
    f = figs(ships_on(fri), sat, rest=WEEKEND)
    assert f.streak == stats.Streak(1, 1, False)
    f = figs(ships_on(fri), sat)
    assert f.streak == stats.Streak(1, 1, True)


def test_rest_days_covering_the_whole_week() -> None:
    every_day = frozenset(range(7))
    start = date(2026, 11, 2)
    ships = ships_on(start, start + timedelta(days=10), start + timedelta(days=20))
    today = start + timedelta(days=27)  # Sunday 29 Nov; no ship since Sunday 22
    f = figs(ships, today, rest=every_day)
    assert f.streak == stats.Streak(3, 3, False)  # nothing ever breaks it
    assert f.consistency.all_time == 1.0  # only shipped days are eligible
    assert f.consistency.last_7_days is None  # none in the last 7 days
    # Every week with a ship hits (needed = shipped days available); the others are neutral.
    assert [w.status for w in f.weeks] == ["hit", "hit", "hit", "neutral"]
    assert [w.needed for w in f.weeks] == [1, 1, 1, 0]
    assert f.weekly_streak == stats.WeeklyStreak(3, 3, 5)
    assert f.score == pytest.approx(1 - stats.SCORE_MULTIPLIER**3)


def test_longest_is_kept_after_a_break() -> None:
    start = date(2026, 1, 5)
    ships = ships_on(*days(start, 10), *days(start + timedelta(days=12), 2))
    f = figs(ships, start + timedelta(days=13))
    assert (f.streak.current, f.streak.longest) == (2, 10)


def test_skips_planned_ahead() -> None:
    today = date(2026, 11, 23)  # Monday
    ships = ships_on(*days(today - timedelta(days=5), 5))
    next_weeks = {today + timedelta(days=k) for k in range(7, 40)}
    assert figs(ships, today, skips=next_weeks) == figs(ships, today)
    # Skips planned later this week lower what this week needs: Thu-Sun off, 3 left.
    this_week = {today + timedelta(days=k) for k in range(3, 7)}
    f = figs(ships | ships_on(today, today + timedelta(days=1)), today + timedelta(days=1),
             skips=this_week)  # fmt: skip
    assert (f.weeks[-1].available_days, f.weeks[-1].needed, f.weeks[-1].status) == (3, 3, "open")
    f = figs(ships | ships_on(*days(today, 3)), today + timedelta(days=2), skips=this_week)
    assert f.weeks[-1].status == "hit" and f.weekly_streak.current == 2


def test_overlapping_skips_are_one_set_of_days() -> None:
    today = date(2026, 11, 30)
    a = set(days(date(2026, 11, 10), 5))
    b = set(days(date(2026, 11, 12), 5))
    ships = ships_on(date(2026, 11, 9), date(2026, 11, 17), *days(date(2026, 11, 18), 13))
    f = figs(ships, today, skips=a | b)
    assert f.streak.current == 15  # 9th, (10th–16th excused), 17th, 18th..30th


# -- weeks -------------------------------------------------------------------------------------


def test_neutral_week_neither_breaks_nor_extends() -> None:
    mon = date(2026, 11, 2)
    ships = ships_on(*days(mon, 5), *days(mon + timedelta(days=14), 5))
    vacation = set(days(mon + timedelta(days=7), 7))
    f = figs(ships, mon + timedelta(days=20), skips=vacation)
    assert [w.status for w in f.weeks] == ["hit", "neutral", "hit"]
    assert f.weekly_streak == stats.WeeklyStreak(2, 2, 5)
    assert [w.streak for w in f.weeks] == [1, 1, 2]
    f = figs(ships, mon + timedelta(days=20))  # no vacation: the empty week breaks it
    assert f.weekly_streak == stats.WeeklyStreak(1, 1, 5)


def test_first_half_week_and_a_sick_day() -> None:
    thu = date(2026, 11, 5)
    ships = ships_on(*days(thu, 4))  # Thu-Sun: 4 available days, 4 shipped
    f = figs(ships, thu + timedelta(days=4))
    assert f.weeks[0].status == "hit" and f.weeks[0].needed == 4
    # Target 7 with a sick Wednesday: 6 shipped days hit.
    mon = date(2026, 11, 9)
    week = [d for d in days(mon, 7) if d.weekday() != 2]
    f = figs(ships_on(*week), mon + timedelta(days=7), skips={mon + timedelta(days=2)}, target=7)
    assert f.weeks[-2].status == "hit" and f.weeks[-2].needed == 6


def test_this_week_counts_once_it_hits() -> None:
    mon = date(2026, 11, 16)
    last_week = ships_on(*days(mon - timedelta(days=7), 5))
    this = ships_on(*days(mon, 3))
    f = figs(last_week | this, mon + timedelta(days=2), target=3)
    assert f.weeks[-1].status == "hit" and f.weekly_streak.current == 2
    f = figs(last_week | this, mon + timedelta(days=2), target=5)
    assert f.weeks[-1].status == "open" and f.weekly_streak.current == 1


def test_weekly_target_follows_the_current_setting() -> None:
    mon = date(2026, 11, 2)
    ships = ships_on(*[d for d in days(mon, 21) if d.weekday() < 3])  # Mon-Wed, 3 weeks
    today = mon + timedelta(days=21)
    assert figs(ships, today, target=3).weekly_streak == stats.WeeklyStreak(3, 3, 3)
    assert figs(ships, today, target=5).weekly_streak == stats.WeeklyStreak(0, 0, 5)


def test_iso_week_53_and_the_year_boundary() -> None:
    # 2026 has 53 ISO weeks: W53 runs Mon 28 Dec 2026 to Sun 3 Jan 2027.
    w53 = date(2026, 12, 28)
    ships = ships_on(*days(w53 - timedelta(days=7), 5), *days(w53, 5),
                     *days(w53 + timedelta(days=7), 5))  # fmt: skip
    f = figs(ships, date(2027, 1, 8))
    labels = [w.label for w in f.weeks]
    assert labels == ["2026-W52", "2026-W53", "2027-W01"]
    assert f.weeks[1].start == w53 and f.weeks[1].end == date(2027, 1, 3)
    assert f.weekly_streak == stats.WeeklyStreak(3, 3, 5)
    # Daily streak runs straight through New Year: Mon 28 Dec to Fri 1 Jan = 5 days.
    assert figs(ships_on(*days(w53, 5)), date(2027, 1, 1)).streak.current == 5
    # 2020 too had a week 53 (Mon 28 Dec 2020 to Sun 3 Jan 2021).
    f = figs(ships_on(date(2020, 12, 31)), date(2021, 1, 3))
    assert [w.label for w in f.weeks] == ["2020-W53"]


def test_leap_days() -> None:
    ships = ships_on(date(2028, 2, 28), date(2028, 2, 29), date(2028, 3, 1))
    f = figs(ships, date(2028, 3, 1))
    assert f.streak.current == 3
    assert f.consistency.last_7_days == 1.0
    # 2027 has no 29 February: 28 Feb and 1 Mar are consecutive days.
    f = figs(ships_on(date(2027, 2, 28), date(2027, 3, 1)), date(2027, 3, 1))
    assert f.streak.current == 2
    # A 365-day window ending 28 Feb 2029 starts on 1 Mar 2028 (after the leap day).
    ships = ships_on(date(2028, 2, 29), date(2028, 3, 1), date(2029, 2, 28))
    f = figs(ships, date(2029, 2, 28), first=date(2028, 2, 29))
    assert f.consistency.last_365_days == pytest.approx(2 / 365)
    assert f.consistency.all_time == pytest.approx(3 / 366)


# -- consistency ------------------------------------------------------------------------------


def test_consistency_windows() -> None:
    today = date(2026, 11, 23)  # Monday
    # Shipped 4 of the 6 closed days before today; today open; weekend rest.
    ships = ships_on(*(today - timedelta(days=k) for k in (1, 3, 4, 6)))
    f = figs(ships, today, rest=WEEKEND)
    # Days 1..6 ago: Sun(1, shipped), Sat(2, rest), Fri(3), Thu(4), Wed(5, missed), Tue(6).
    assert f.consistency.last_7_days == pytest.approx(4 / 5)
    assert f.consistency.all_time == pytest.approx(4 / 5)  # first entry 6 days ago
    assert figs(ships, today).consistency.last_7_days == pytest.approx(4 / 6)


# -- totals and attempts ----------------------------------------------------------------------


def test_totals_and_attempts() -> None:
    d = date(2026, 11, 2)
    counts = {
        d: stats.DayCounts(ships=2, steps=1, step_minutes=30),
        d + timedelta(days=1): stats.DayCounts(attempts=2, attempts_failed=1, attempts_open=1),
        d + timedelta(days=4): stats.DayCounts(ships=1, steps=2, step_minutes=45),
        d + timedelta(days=5): stats.DayCounts(attempts=1, attempts_succeeded=1),
    }
    f = figs(counts, d + timedelta(days=6))
    t = f.totals
    assert (t.ships, t.shipped_days, t.active_days) == (3, 2, 4)
    assert (t.steps, t.step_minutes) == (3, 75)
    assert (t.attempts, t.attempts_open, t.attempts_succeeded, t.attempts_failed) == (3, 1, 1, 1)
    assert (t.first_day, t.last_day) == (d, d + timedelta(days=5))
    assert f.bounce_back_days == 3.0  # failed on day 1, shipped again on day 4


def test_bounce_back_median_and_pending() -> None:
    d = date(2026, 11, 2)
    fail = stats.DayCounts(attempts=1, attempts_failed=1)
    counts = {d: fail, d + timedelta(days=1): SHIP, d + timedelta(days=2): fail,
              d + timedelta(days=6): SHIP, d + timedelta(days=8): fail}  # fmt: skip
    f = figs(counts, d + timedelta(days=9))
    # 1 day, 4 days; the last failure has nothing after it yet.
    assert f.bounce_back_days == 2.5
    # A step is not a comeback: only ships and attempts count.
    assert figs({d: fail, d + timedelta(days=1): STEP}, d + timedelta(days=3)).bounce_back_days is None


def test_an_entry_after_today_counts_in_totals_only() -> None:
    # Logged late in the evening in Berlin, then TZ set to New York: the stored day is
    # tomorrow as seen from here.
    today = date(2026, 11, 23)
    counts = ships_on(today - timedelta(days=1), today + timedelta(days=1))
    f = figs(counts, today)
    assert f.totals.ships == 2 and f.totals.last_day == today + timedelta(days=1)
    assert f.streak == stats.Streak(1, 1, True)




def test_stats_module_is_pure() -> None:
    """No database, no Rich, no Typer, no clock: importing it pulls none of them in."""
    import subprocess
    import sys

    code = ("import sys, shipit.domain.stats as s\n"
            "bad = {'sqlalchemy', 'sqlmodel', 'rich', 'typer', 'sqlite3'} & set(sys.modules)\n"
            "print(sorted(bad))\n")  # fmt: skip
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout  # fmt: skip
    assert out.strip() == "[]"
    source = open(stats.__file__, encoding="utf-8").read()
    for forbidden in ("now(", "today()", "open(", "print("):
        assert forbidden not in source, forbidden
