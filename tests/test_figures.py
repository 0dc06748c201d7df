"""shipit.figures: what it reads from the journal, how many queries, how fast."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

from shipit.domain import review, stats
from shipit.services import figures
from shipit.services.journal import Journal


def traced(j: Journal) -> list[str]:
    """Record every SQL statement the journal's connection runs."""
    statements: list[str] = []
    j.store.connection().set_trace_callback(statements.append)
    return statements


def bulk_ten_years(j: Journal, today: date) -> int:
    """3,650 days of entries written straight into the table (fast set-up)."""
    from shipit.storage.entries import db_datetime

    now = db_datetime(datetime.now(UTC))
    rows = []

    def row(kind: str, d: date, minutes: int | None = None, outcome: str | None = None) -> tuple:
        return (str(uuid.uuid4()), kind, kind, d.isoformat(), now, now, minutes, outcome)

    for k in range(3650):
        d = today - timedelta(days=k)
        rows.extend(row("ship", d) for _ in range(1 + k % 3))
        if k % 4 == 0:
            rows.append(row("step", d, minutes=10))
        if k % 9 == 0:
            rows.append(row("attempt", d, outcome=("open", "failed", "succeeded")[k % 27 // 9]))
    with j.store.writing() as conn:
        conn.executemany("INSERT INTO entry (uid, kind, text, day, created_at, updated_at, "
                         "minutes, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return len(rows)


def test_the_counts_are_one_read_of_entry_day(clock) -> None:
    """The figures read each day's counts from entry_day (kept by triggers), one row per
    day: no entry is counted on the way (storage/schema.py, EntryDay)."""
    j = Journal()
    j.add("ship", "a", when="2026-11-20")
    j.add("step", "b", when="2026-11-20", minutes=15)
    j.add("attempt", "c", when="2026-11-21", outcome="failed")
    j.add("attempt", "d", when="2026-11-21")  # no outcome yet: open
    j.store.close()
    j = Journal()
    statements = traced(j)
    hist = figures.history(j)
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 3, selects
    assert not [s for s in selects if "FROM entry " in s or s.endswith("FROM entry")]
    [days] = [s for s in selects if "FROM entry_day" in s]
    assert "GROUP BY" not in days
    assert hist.counts == {
        date(2026, 11, 20): stats.DayCounts(ships=1, steps=1, step_minutes=15),
        date(2026, 11, 21): stats.DayCounts(attempts=2, attempts_open=1, attempts_failed=1),
    }
    assert hist.today == date(2026, 11, 23)


def test_ten_years_of_figures_from_the_journal(clock) -> None:
    j = Journal()
    today = date(2026, 11, 23)
    n = bulk_ten_years(j, today)
    assert n > 8000
    figs = figures.figures(j)
    assert figs.totals.ships == sum(1 + k % 3 for k in range(3650))
    assert figs.totals.step_minutes == 10 * len(range(0, 3650, 4))
    t = figs.totals
    assert (t.attempts_open, t.attempts_failed, t.attempts_succeeded) == (136, 135, 135)
    assert figs.streak.current == 3650
    # Every week hits but this one, which started today and is still open.
    assert figs.weeks[-1].status == "open"
    assert figs.weekly_streak.current == len(figs.weeks) - 1 == 522
    # Speed is measured by bench/figures.py and bench/run.py, not asserted here.


def test_group_skips() -> None:
    d = date(2026, 12, 24)
    skips = {d: "x", d + timedelta(days=1): "x", d + timedelta(days=2): None,
             d + timedelta(days=4): None}  # fmt: skip
    assert [(r.start, r.end, r.reason) for r in review.group_skips(skips)] == [
        (d, d + timedelta(days=1), "x"),
        (d + timedelta(days=2), d + timedelta(days=2), None),
        (d + timedelta(days=4), d + timedelta(days=4), None),
    ]


def test_log_is_one_connection_and_one_transaction(cli, clock) -> None:
    """`shipit log` writes and reads its streak through a single write transaction."""
    from shipit.storage import db

    assert cli("log", "first").exit_code == 0  # the journal exists and is current
    connects: list[object] = []
    begins: list[str] = []
    original = db.connect

    def counting(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        conn = original(*args, **kwargs)
        connects.append(args)
        conn.set_trace_callback(lambda stmt: begins.append(stmt) if stmt.startswith(
            ("BEGIN", "SAVEPOINT")) else None)  # fmt: skip
        return conn

    import pytest as _pytest

    with _pytest.MonkeyPatch.context() as mp:
        mp.setattr(db, "connect", counting)
        r = cli("log", "second")
    assert r.exit_code == 0, r.output
    assert "Streak: 1 day" in r.stdout
    assert len(connects) == 1, connects
    assert begins == ["BEGIN IMMEDIATE"], begins
