#!/usr/bin/env python3
"""Micro-benchmark of the figures engine (shipit.domain.stats.compute) over ten years of days.

    python bench/figures.py [--years 10] [--repeat 20]

No database and no process start-up: this times the pure computation that `shipit
stats`, `log` and `today` run on the per-day counts of one grouped query. The history
is deterministic: most days shipped, some steps and attempts, weekends as rest days,
a two-week skip every year.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from datetime import date, timedelta

from shipit.domain.settings import Settings
from shipit.domain.stats import DayCounts, compute


def history(years: int, today: date, seed: int = 7):
    rng = random.Random(seed)
    days = 365 * years
    counts: dict[date, DayCounts] = {}
    skips: set[date] = set()
    for i in range(days):
        day = today - timedelta(days=days - i)
        if rng.random() < 0.8:
            failed = 1 if rng.random() < 0.05 else 0
            counts[day] = DayCounts(ships=rng.randint(1, 10), steps=rng.randint(0, 2),
                                    attempts=failed, step_minutes=5, attempts_failed=failed)
        if day.timetuple().tm_yday in range(200, 214):
            skips.add(day)
    return counts, skips


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--years", type=int, default=10)
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    today = date(2026, 11, 23)
    counts, skips = history(args.years, today)
    settings = Settings(rest_days=frozenset({5, 6}), weekly_target=5)
    times = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        figures = compute(counts, skips, settings, today)
        times.append(time.perf_counter() - t0)
    print(f"figures over {len(counts):,} days with entries ({args.years} years), "
          f"{len(skips)} skip days, {args.repeat} runs:")
    print(f"  median {statistics.median(times) * 1000:.1f} ms, "
          f"min {min(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms")
    print(f"  (streak {figures.streak.current}, longest {figures.streak.longest}, "
          f"score {figures.score:.3f})")


if __name__ == "__main__":
    main()
