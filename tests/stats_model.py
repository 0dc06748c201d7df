"""An independent, brute-force model of the figures, written straight from issue 3's
definitions with simple day-by-day loops. It shares nothing with shipit.stats except
the input shape; tests compare the two on random histories (tests/test_stats_model.py).

Deliberately slow and literal: every figure is recomputed from scratch by walking
the calendar, the way a person would check it with a paper calendar.
"""

from __future__ import annotations

from datetime import date, timedelta

ONE = timedelta(days=1)


class Model:
    def __init__(self, counts, skips, rest_days, target, today):
        self.counts = counts  # date -> stats.DayCounts
        self.skips = set(skips)
        self.rest = set(rest_days)
        self.target = target
        self.today = today
        days_with_entries = [d for d, c in counts.items() if c.ships + c.steps + c.attempts]
        self.first = min(days_with_entries) if days_with_entries else None

    # -- day predicates ------------------------------------------------------------------

    def _c(self, d):
        if d > self.today or d not in self.counts:
            return None
        return self.counts[d]

    def shipped(self, d):
        c = self._c(d)
        return c is not None and c.ships > 0

    def active(self, d):
        c = self._c(d)
        return c is not None and (c.ships + c.steps + c.attempts) > 0

    def excused(self, d):
        return d in self.skips or d.weekday() in self.rest

    def started(self):
        return self.first is not None and self.first <= self.today

    # -- daily streaks -------------------------------------------------------------------

    def current(self, counts_fn):
        """1 if today counts, plus the counted days of the run of counted-or-excused
        days that ends yesterday."""
        if not self.started():
            return 0
        n = 1 if counts_fn(self.today) else 0
        d = self.today - ONE
        while d >= self.first:
            if counts_fn(d):
                n += 1
            elif not self.excused(d):
                break
            d -= ONE
        return n

    def run_ending(self, end, counts_fn):
        """Counted days in the unbroken run ending on `end` (today never breaks)."""
        n = 0
        d = end
        while d >= self.first:
            if counts_fn(d):
                n += 1
            elif not (self.excused(d) or d == self.today):
                break
            d -= ONE
        return n

    def longest(self, counts_fn):
        if not self.started():
            return 0
        best = self.current(counts_fn)
        d = self.first
        while d <= self.today:
            best = max(best, self.run_ending(d, counts_fn))
            d += ONE
        return best

    def at_risk(self, counts_fn):
        return (self.current(counts_fn) > 0 and not counts_fn(self.today)
                and not self.excused(self.today))  # fmt: skip

    # -- weeks ---------------------------------------------------------------------------

    def week_days(self, monday):
        return [monday + timedelta(days=i) for i in range(7)]

    def available(self, monday):
        return [d for d in self.week_days(monday)
                if d >= self.first and (self.shipped(d) or not self.excused(d))]  # fmt: skip

    def week_state(self, monday):
        avail = self.available(monday)
        if not avail:
            return "neutral"
        shipped = sum(1 for d in self.week_days(monday) if self.shipped(d))
        return "hit" if shipped >= min(self.target, len(avail)) else "not hit"

    def mondays(self):
        m = self.first - timedelta(days=self.first.weekday())
        this = self.today - timedelta(days=self.today.weekday())
        out = []
        while m <= this:
            out.append(m)
            m += timedelta(days=7)
        return out

    def weekly_run_from(self, weeks):
        """Hitting weeks counted backwards through `weeks` (newest first), skipping neutral."""
        n = 0
        for m in weeks:
            s = self.week_state(m)
            if s == "neutral":
                continue
            if s != "hit":
                break
            n += 1
        return n

    def weekly_current(self):
        if not self.started():
            return 0
        weeks = list(reversed(self.mondays()))
        if self.week_state(weeks[0]) != "hit":
            weeks = weeks[1:]
        return self.weekly_run_from(weeks)

    def weekly_longest(self):
        if not self.started():
            return 0
        weeks = self.mondays()
        best = self.weekly_current()
        for i, m in enumerate(weeks):
            if self.week_state(m) == "hit":
                best = max(best, self.weekly_run_from(list(reversed(weeks[: i + 1]))))
        return best

    # -- consistency and score ---------------------------------------------------------------

    def consistency(self, days):
        if not self.started():
            return None
        shipped = eligible = 0
        for k in range(days if days is not None else 10**6):
            d = self.today - timedelta(days=k)
            if d < self.first:
                break
            if self.shipped(d):
                shipped += 1
                eligible += 1
            elif not self.excused(d) and d != self.today:
                eligible += 1
        return None if eligible == 0 else shipped / eligible

    def score(self):
        if not self.started():
            return 0.0
        m = 0.5 ** (1 / 13)
        s = 0.0
        d = self.first
        while d <= self.today:
            if self.shipped(d):
                s = s * m + 1 * (1 - m)
            elif self.excused(d) or d == self.today:
                pass
            else:
                s = s * m + 0 * (1 - m)
            d += ONE
        return s

    # -- totals ----------------------------------------------------------------------------

    def bounce_back(self):
        gaps = []
        for d, c in self.counts.items():
            if d > self.today:
                continue
            for _ in range(c.attempts_failed):
                e = d + ONE
                while e <= self.today:
                    ce = self.counts.get(e)
                    if ce is not None and (ce.ships or ce.attempts):
                        gaps.append((e - d).days)
                        break
                    e += ONE
        if not gaps:
            return None
        gaps.sort()
        mid = len(gaps) // 2
        return float(gaps[mid]) if len(gaps) % 2 else (gaps[mid - 1] + gaps[mid]) / 2


def first_day(counts) -> date | None:
    days = [d for d, c in counts.items() if c.ships + c.steps + c.attempts]
    return min(days) if days else None
