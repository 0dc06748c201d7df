"""shipit.figures: what it reads from the journal, how many queries, how fast."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest

from shipit.domain import review, stats
from shipit.services import figures
from shipit.services.journal import Journal


def traced(j: Journal) -> list[str]:
    """Record every SQL statement the journal's connection runs."""
    statements: list[str] = []
    j.store.connection().set_trace_callback(statements.append)
    return statements


def bulk_ten_years(j: Journal, today: date, step_every: int = 4, attempt_every: int = 9) -> int:
    """3,650 days of entries written straight into the table (fast set-up)."""
    from shipit.storage.entries import db_datetime

    now = db_datetime(datetime.now(UTC))
    rows = []

    def row(kind: str, d: date, minutes: int | None = None, outcome: str | None = None) -> tuple:
        return (str(uuid.uuid4()), kind, kind, d.isoformat(), now, now, minutes, outcome)

    for k in range(3650):
        d = today - timedelta(days=k)
        rows.extend(row("ship", d) for _ in range(1 + k % 3))
        if k % step_every == 0:
            rows.append(row("step", d, minutes=10))
        if k % attempt_every == 0:
            rows.append(row("attempt", d, outcome=("open", "failed", "succeeded")[k % 27 // 9]))
    with j.store.writing() as conn:
        conn.executemany("INSERT INTO entry (uid, kind, text, day, created_at, updated_at, "
                         "minutes, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return len(rows)


def _read_counts(j: Journal) -> tuple[list[str], object]:
    """The SELECTs the history's read ran, and what it read."""
    j.store.close()
    j = Journal()
    statements = traced(j)
    hist = figures.history(j)
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert not [s for s in selects if "FROM entry " in s or s.endswith("FROM entry")]
    return [s for s in selects if "FROM entry_day" in s], hist


def test_the_counts_are_read_from_entry_day_as_columns(clock) -> None:
    """The figures read each day's counts from entry_day (kept by triggers): no entry is
    counted on the way (storage/schema.py, EntryDay). When most days hold only ships,
    the days reach Python as columns, one row of group_concat()s per read, and only the
    days with steps or attempts bring those (storage/figures.py)."""
    j = Journal()
    for day in range(14, 21):
        j.add("ship", f"ship {day}", when=f"2026-11-{day}")
    j.add("step", "b", when="2026-11-20", minutes=15)
    j.add("attempt", "c", when="2026-11-21", outcome="failed")
    j.add("attempt", "d", when="2026-11-21")  # no outcome yet: open
    reads, hist = _read_counts(j)
    assert len(reads) == 3, reads  # the journal's shape, the days, the detailed days
    assert [("group_concat" in s, "WHERE steps > 0 OR attempts > 0" in s) for s in reads[1:]] \
        == [(True, False), (True, True)]
    assert hist.counts == {
        **{date(2026, 11, day): stats.DayCounts(ships=1) for day in range(14, 20)},
        date(2026, 11, 20): stats.DayCounts(ships=1, steps=1, step_minutes=15),
        date(2026, 11, 21): stats.DayCounts(attempts=2, attempts_open=1, attempts_failed=1),
    }
    assert hist.today == date(2026, 11, 23)


def test_days_rich_in_steps_and_attempts_are_read_as_rows(clock) -> None:
    """When a third of the latest days or more hold steps or attempts, every column of
    every day is worth reading: one plain query, a row a day, and the same counts."""
    j = Journal()
    j.add("ship", "a", when="2026-11-19")
    j.add("ship", "a", when="2026-11-20")
    j.add("step", "b", when="2026-11-20", minutes=15)
    j.add("attempt", "c", when="2026-11-21", outcome="succeeded")
    reads, hist = _read_counts(j)
    assert len(reads) == 2 and "group_concat" not in reads[1], reads
    assert hist.counts == {
        date(2026, 11, 19): stats.DayCounts(ships=1),
        date(2026, 11, 20): stats.DayCounts(ships=1, steps=1, step_minutes=15),
        date(2026, 11, 21): stats.DayCounts(attempts=1, attempts_succeeded=1),
    }


def test_columns_come_in_day_order_whatever_order_sqlite_concatenates_in() -> None:
    """Before SQLite 3.44 a group_concat's order is its subquery's by practice, not by
    promise: a column that arrives out of order is sorted with the others."""
    from shipit.storage.figures import int_columns

    assert int_columns(("739000,739002,739001", "1,3,2", "10,30,20")) == [
        [739000, 739001, 739002], [1, 2, 3], [10, 20, 30]]
    assert int_columns(("739000,739001", "0,12")) == [[739000, 739001], [0, 12]]
    assert int_columns(("5", "7")) == [[5], [7]]
    assert int_columns((None, None, None)) == [[], [], []]  # no row was concatenated
    for bad in (("739000,739001", "1"), ("739000", "2.5")):  # a NULL left out; a fraction
        with pytest.raises(ValueError):
            int_columns(bad)


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


def test_ten_years_read_either_way_are_the_entries_counted(clock) -> None:
    """Both reads of entry_day (columns for a journal mostly of ships, rows for one rich
    in steps and attempts) give exactly what counting the entries gives."""
    from shipit.storage import figures as figures_sql

    for step_every, attempt_every, as_columns in ((2, 9, False), (7, 11, True)):
        j = Journal()
        with j.store.writing() as conn:
            conn.execute("DELETE FROM entry")
        bulk_ten_years(j, date(2026, 11, 23), step_every, attempt_every)
        statements = traced(j)
        with j.store.reading() as conn:
            counts = figures_sql.read_counts(conn)
            assert any("group_concat" in s for s in statements) == as_columns
            assert counts == figures_sql.recount_days(conn)
        assert len(counts) == 3650
        j.store.close()


def test_counts_that_are_not_whole_numbers_are_read_as_rows(clock) -> None:
    """shipit writes whole minutes, but the column takes any number: a journal another
    tool wrote 2.5 minutes into is read as it was before the columns (as rows), not
    refused."""
    from shipit.storage import figures as figures_sql

    j = Journal()
    for day in range(10, 21):
        j.add("ship", f"ship {day}", when=f"2026-11-{day}")
    with j.store.writing() as conn:
        conn.execute("INSERT INTO entry (uid, kind, text, day, created_at, updated_at, minutes) "
                     "SELECT 'u-x', 'step', 's', day, created_at, updated_at, 2.5 FROM entry "
                     "WHERE day = '2026-11-20'")  # fmt: skip
    with j.store.reading() as conn:
        counts = figures_sql.read_counts(conn)
        assert counts == figures_sql.recount_days(conn)
    assert counts[date(2026, 11, 20)].step_minutes == 2.5
    assert figures.figures(j).totals.step_minutes == 2.5


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
