"""docs/figures.md stays true: its JSON shapes and its score table match the code."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from shipit.domain import stats
from shipit.domain.settings import Settings

DOC = (Path(__file__).parent.parent / "docs" / "figures.md").read_text(encoding="utf-8")


def json_blocks() -> list[dict]:
    from markdown_it import MarkdownIt

    tokens = MarkdownIt().parse(DOC)
    return [json.loads(t.content) for t in tokens if t.type == "fence" and t.info == "json"]


def keys(obj, prefix: str = "") -> set[str]:
    out = set()
    if isinstance(obj, dict):
        for k, v in obj.items():
            out.add(prefix + k)
            if k != "entries":
                out |= keys(v, prefix + k + ".")
    return out


def test_stats_json_shape_is_documented(cli, clock) -> None:
    cli("log", "x")
    actual = json.loads(cli("stats", "--json").stdout)
    documented = json_blocks()[0]
    assert keys(documented) == keys(actual)


def test_week_json_shape_is_documented(cli, clock) -> None:
    cli("log", "x")
    actual = json.loads(cli("week", "--json").stdout)
    documented = json_blocks()[1]
    assert set(documented) == set(actual)
    assert set(documented["days"][0]) == set(actual["days"][0])
    assert set(actual["previous"]) == set(actual) - {"as_of", "days", "previous", "change"}
    assert set(documented["change"]) == set(actual["change"])
    table = json.loads(cli("week", "--weeks", "2", "--json").stdout)
    assert set(json_blocks()[2]) == set(table)


def score_of(ship_days: int, missed_after: int = 0, skipped: tuple[int, ...] = ()) -> float:
    today = date(2026, 11, 23)
    end = today - timedelta(days=missed_after)
    counts = {end - timedelta(days=k): stats.DayCounts(ships=1)
              for k in range(ship_days) if k not in skipped}  # fmt: skip
    skips = {end - timedelta(days=k) for k in skipped}
    # A missed day is a closed day: look from the day after it (today open).
    as_of = today + timedelta(days=1) if missed_after else today
    return stats.compute(counts, skips, Settings(), as_of).score


@pytest.mark.parametrize(("row", "value"), [
    ("1 shipped day", score_of(1)),
    ("13 consecutive shipped days", score_of(13)),
    ("20 consecutive shipped days ending today", score_of(20)),
    ("…then 1 missed day", score_of(20, missed_after=1)),
    ("20 days ending today, days 5, 10, 11 ago skipped instead", score_of(20, skipped=(5, 10, 11))),
])  # fmt: skip
def test_score_table(row, value) -> None:
    m = re.search(rf"\| {re.escape(row)}\s*\| ([0-9.]+) \|", DOC)
    assert m, row
    assert float(m.group(1)) == pytest.approx(value, abs=1e-6)
