"""The score against Loop Habit Tracker's published numbers (ScoreListTest.kt, daily habit).

Loop's tests check days 0..19 ago (check(0, 20)), sometimes turn some of them into
skip days (addSkip(k)), and list the score of today and of each day before it. Loop has
no "open today": an unchecked today decays there. shipit holds an unshipped today, so
Loop's score *on day D* is shipit's score with today = D + 1 (open, unshipped) over the
history up to D; when D itself is shipped, it is also shipit's score with today = D.

Provenance, honestly: the three tables below are Loop's ScoreListTest values as
recalled, and every one of them is re-derived here from the closed form of the formula
(test_tables_follow_from_the_formula), so a wrong recollection would fail that test.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from shipit.domain import stats
from shipit.domain.settings import Settings

LOOP_TODAY = date(2026, 3, 1)  # any day: the score depends on day offsets only
E = 1e-6  # Loop's tolerance

# ScoreListTest.test_getValue: check(0, 20)
LOOP_GET_VALUE = [
    0.655747, 0.636894, 0.617008, 0.596033, 0.573910, 0.550574, 0.525961, 0.500000,
    0.472617, 0.443734, 0.413270, 0.381137, 0.347244, 0.311495, 0.273788, 0.234017,
    0.192067, 0.147820, 0.101149, 0.051922, 0.000000, 0.000000, 0.000000,
]  # fmt: skip
# ScoreListTest.test_getValueWithSkip: check(0, 20); addSkip(5); addSkip(10); addSkip(11)
LOOP_WITH_SKIP = [
    0.596033, 0.573910, 0.550574, 0.525961, 0.500000, 0.472617, 0.472617, 0.443734,
    0.413270, 0.381137, 0.347244, 0.347244, 0.347244, 0.311495, 0.273788, 0.234017,
    0.192067, 0.147820, 0.101149, 0.051922, 0.000000, 0.000000, 0.000000,
]  # fmt: skip
# ScoreListTest.test_getValueWithSkip2: check(5); addSkip(4)
LOOP_WITH_SKIP_2 = [0.041949, 0.044247, 0.046670, 0.049226, 0.051922, 0.051922, 0.0]


def history(checked: range | list[int], skipped: list[int] = ()):
    counts = {LOOP_TODAY - timedelta(days=k): stats.DayCounts(ships=1)
              for k in checked if k not in skipped}  # fmt: skip
    skips = {LOOP_TODAY - timedelta(days=k) for k in skipped}
    return counts, skips


def loop_value(counts, skips, days_ago: int) -> float:
    """shipit's score as Loop reports it for the day `days_ago` before LOOP_TODAY."""
    day = LOOP_TODAY - timedelta(days=days_ago)
    upto = {d: c for d, c in counts.items() if d <= day}
    if not upto:
        return 0.0
    first = min(counts)  # the journal began with its first entry, whatever we look at
    return stats.compute(upto, skips, Settings(), day + timedelta(days=1), first).score


@pytest.mark.parametrize(
    ("checked", "skipped", "expected"),
    [
        (range(0, 20), [], LOOP_GET_VALUE),
        (range(0, 20), [5, 10, 11], LOOP_WITH_SKIP),
        ([5], [4], LOOP_WITH_SKIP_2),
    ],
    ids=["getValue", "getValueWithSkip", "getValueWithSkip2"],
)
def test_loop_score_list(checked, skipped, expected) -> None:
    counts, skips = history(checked, skipped)
    got = [loop_value(counts, skips, i) for i in range(len(expected))]
    assert got == pytest.approx(expected, abs=E)


def test_twenty_shipped_days_ending_today() -> None:
    counts, skips = history(range(0, 20))
    figs = stats.compute(counts, skips, Settings(), LOOP_TODAY)
    assert figs.score == pytest.approx(0.655747, abs=E)
    assert figs.to_json()["score"] == pytest.approx(0.655747, abs=E)


def test_tables_follow_from_the_formula() -> None:
    """Closed forms: k ships from 0 give 1 - m**k; then j closed empty days multiply by m**j."""
    m = 0.5 ** (1 / 13)
    assert stats.SCORE_MULTIPLIER == m
    for i, v in enumerate(LOOP_GET_VALUE):
        assert v == pytest.approx(1 - m ** max(20 - i, 0) if i < 20 else 0.0, abs=E)
    ships_up_to = [sum(1 for k in range(i, 20) if k not in (5, 10, 11)) for i in range(23)]
    for i, v in enumerate(LOOP_WITH_SKIP):
        assert v == pytest.approx(1 - m ** ships_up_to[i], abs=E)
    for i, v in enumerate(LOOP_WITH_SKIP_2[:5]):
        assert v == pytest.approx((1 - m) * m ** (4 - i), abs=E)
    assert 1 - m ** 13 == pytest.approx(0.5)  # 13 days halve the distance to 1


def test_an_unshipped_today_holds_but_a_closed_day_decays() -> None:
    counts, skips = history(range(1, 21))  # 20 days ending yesterday
    open_today = stats.compute(counts, skips, Settings(), LOOP_TODAY).score
    assert open_today == pytest.approx(0.655747, abs=E)
    tomorrow = stats.compute(counts, skips, Settings(), LOOP_TODAY + timedelta(days=1)).score
    assert tomorrow == pytest.approx(0.655747 * stats.SCORE_MULTIPLIER, abs=E)


def test_rest_days_hold_the_score_like_loop_skips() -> None:
    # Ships every weekday for four weeks, weekends are rest days: the score equals
    # 20 consecutive ships (the weekends hold it).
    start = date(2026, 2, 2)  # a Monday
    counts = {start + timedelta(days=k): stats.DayCounts(ships=1)
              for k in range(26) if (start + timedelta(days=k)).weekday() < 5}  # fmt: skip
    assert len(counts) == 20
    today = start + timedelta(days=25)  # Friday of week 4, shipped
    rest = Settings(rest_days=frozenset({5, 6}))
    assert stats.compute(counts, set(), rest, today).score == pytest.approx(0.655747, abs=E)
    # Without rest days, the 6 weekend days decay it.
    assert stats.compute(counts, set(), Settings(), today).score < 0.6
