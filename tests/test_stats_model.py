"""shipit.stats against the brute-force model (tests/stats_model.py) on random histories."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from tests.stats_model import Model

from shipit.domain import stats
from shipit.domain.settings import Settings

counts_st = st.builds(
    lambda ships, steps, open_, ok, failed, minutes: stats.DayCounts(
        ships=ships, steps=steps, attempts=open_ + ok + failed,
        step_minutes=minutes if steps else 0,
        attempts_open=open_, attempts_succeeded=ok, attempts_failed=failed,
    ),  # fmt: skip
    st.integers(0, 3), st.integers(0, 2), st.integers(0, 1), st.integers(0, 1),
    st.integers(0, 2), st.integers(1, 90),
)  # fmt: skip


@st.composite
def histories(draw):
    # Today anywhere from 2020 (leap years, week 53 years 2020 and 2026) to 2028.
    today = draw(st.dates(date(2020, 1, 1), date(2028, 12, 31)))
    span = draw(st.integers(0, 120))
    # Mostly ships, sometimes nothing, sometimes only steps/attempts.
    offsets = draw(st.dictionaries(st.integers(-span, 0), counts_st, max_size=span + 1))
    counts = {today + timedelta(days=k): c for k, c in offsets.items()}
    if draw(st.booleans()) and draw(st.booleans()):
        # An entry "after today" (a time-zone change): totals only.
        counts[today + timedelta(days=1)] = stats.DayCounts(ships=1)
    skips = {today + timedelta(days=k)
             for k in draw(st.sets(st.integers(-span - 10, 14), max_size=30))}  # fmt: skip
    rest = draw(st.frozensets(st.integers(0, 6), max_size=7))
    target = draw(st.integers(1, 7))
    return counts, skips, rest, target, today


SETTINGS = settings(max_examples=200, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])  # fmt: skip


@SETTINGS
@given(histories())
def test_figures_match_the_brute_force_model(history) -> None:
    counts, skips, rest, target, today = history
    figs = stats.compute(counts, skips, Settings(rest_days=rest, weekly_target=target), today)
    model = Model(counts, skips, rest, target, today)

    def shipped(d):
        return model.shipped(d)

    def active(d):
        return model.active(d)

    assert figs.streak == stats.Streak(
        model.current(shipped), model.longest(shipped), model.at_risk(shipped)
    )
    assert figs.active_streak == stats.Streak(
        model.current(active), model.longest(active), model.at_risk(active)
    )
    assert figs.weekly_streak == stats.WeeklyStreak(
        model.weekly_current(), model.weekly_longest(), target
    )
    for got, days in [
        (figs.consistency.last_7_days, 7),
        (figs.consistency.last_30_days, 30),
        (figs.consistency.last_365_days, 365),
        (figs.consistency.all_time, None),
    ]:
        want = model.consistency(days)
        if want is None:
            assert got is None
        else:
            assert got == pytest.approx(want, abs=1e-12)
    assert figs.score == pytest.approx(model.score(), abs=1e-12)
    assert figs.bounce_back_days == model.bounce_back()


@SETTINGS
@given(histories())
def test_week_list_agrees_with_the_model(history) -> None:
    counts, skips, rest, target, today = history
    figs = stats.compute(counts, skips, Settings(rest_days=rest, weekly_target=target), today)
    model = Model(counts, skips, rest, target, today)
    if not model.started():
        assert figs.weeks == ()
        return
    assert [w.start for w in figs.weeks] == model.mondays()
    this_monday = model.mondays()[-1]
    for w in figs.weeks:
        state = model.week_state(w.start)
        want = {"hit": "hit", "neutral": "neutral"}.get(state)
        if want is None:
            want = "open" if w.start == this_monday else "missed"
        assert w.status == want, w
        assert w.available_days == len(model.available(w.start))
        assert w.shipped_days == sum(model.shipped(d) for d in model.week_days(w.start))
    # The streak "as of" the last week is the current weekly streak.
    assert figs.weeks[-1].streak == figs.weekly_streak.current


@SETTINGS
@given(histories())
def test_invariants(history) -> None:
    counts, skips, rest, target, today = history
    figs = stats.compute(counts, skips, Settings(rest_days=rest, weekly_target=target), today)
    assert 0 <= figs.streak.current <= figs.streak.longest
    assert figs.streak.current <= figs.active_streak.current
    assert figs.streak.longest <= figs.active_streak.longest
    assert 0 <= figs.weekly_streak.current <= figs.weekly_streak.longest
    assert 0.0 <= figs.score < 1.0
    for v in figs.consistency._asdict().values():
        assert v is None or 0.0 <= v <= 1.0
    assert figs.totals.ships == sum(c.ships for c in counts.values())
    assert figs.totals.shipped_days == sum(1 for c in counts.values() if c.ships)


@SETTINGS
@given(histories(), st.data())
def test_today_is_open(history, data) -> None:
    """Not having shipped yet today never lowers a figure compared with yesterday's view,
    and shipping today never lowers one either."""
    counts, skips, rest, target, today = history
    assume(not (counts.get(today) and counts[today].ships))
    s = Settings(rest_days=rest, weekly_target=target)
    open_ = stats.compute(counts, skips, s, today)
    shipped = dict(counts)
    old = counts.get(today, stats.DayCounts())
    shipped[today] = stats.DayCounts(ships=1, steps=old.steps, attempts=old.attempts)
    done = stats.compute(shipped, skips, s, today)
    assert done.streak.current >= open_.streak.current
    assert done.score >= open_.score
    yesterday = today - timedelta(days=1)
    before = {d: c for d, c in counts.items() if d <= yesterday}
    if before:
        y = stats.compute(before, skips, s, yesterday)
        # Yesterday closed and today open: the streak and the score are unchanged,
        # unless yesterday itself was open-and-unshipped then (it is closed now).
        yc = before.get(yesterday)
        if (yc and yc.ships) or yesterday in skips or yesterday.weekday() in rest:
            assert open_.streak.current == y.streak.current
            assert open_.score == pytest.approx(y.score, abs=1e-12)
