"""shipit.figures: what it reads from the journal, how many queries, how fast."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

from shipit import figures, review, stats
from shipit.journal import Journal


def traced(j: Journal) -> list[str]:
    """Record every SQL statement the journal's connections run."""
    from sqlalchemy import event

    statements: list[str] = []

    @event.listens_for(j.store.engine, "connect")
    def _trace(dbapi_conn, _record) -> None:  # noqa: ANN001
        dbapi_conn.set_trace_callback(statements.append)

    return statements


def bulk_ten_years(j: Journal, today: date) -> int:
    """3,650 days of entries written straight into the table (fast set-up)."""
    from shipit.models import Entry

    now = datetime.now(UTC)
    rows = []

    def row(kind: str, d: date, minutes: int | None = None, outcome: str | None = None) -> dict:
        # Every row names every column: an executemany takes its columns from the first.
        return {"uid": str(uuid.uuid4()), "kind": kind, "text": kind, "day": d,
                "created_at": now, "updated_at": now, "minutes": minutes, "outcome": outcome}

    for k in range(3650):
        d = today - timedelta(days=k)
        rows.extend(row("ship", d) for _ in range(1 + k % 3))
        if k % 4 == 0:
            rows.append(row("step", d, minutes=10))
        if k % 9 == 0:
            rows.append(row("attempt", d, outcome=("open", "failed", "succeeded")[k % 27 // 9]))
    with j.store.writing() as conn:
        conn.execute(Entry.__table__.insert(), rows)
    return len(rows)


def test_one_grouped_query_for_the_counts(clock) -> None:
    j = Journal()
    j.add("ship", "a", when="2026-11-20")
    j.add("step", "b", when="2026-11-20", minutes=15)
    j.add("attempt", "c", when="2026-11-21", outcome="failed")
    j.add("attempt", "d", when="2026-11-21")  # no outcome yet: open
    j.store.dispose()
    j = Journal()
    statements = traced(j)
    hist = figures.history(j)
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 3, selects
    from_entry = [s for s in selects if "FROM entry" in s]
    assert len(from_entry) == 1 and "GROUP BY day, kind" in from_entry[0]
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
    from sqlalchemy import event

    from shipit.store import Store

    assert cli("log", "first").exit_code == 0  # the journal exists and is current
    connects: list[object] = []
    begins: list[str] = []
    original = Store._make_engine

    def counting(self):  # noqa: ANN001, ANN202
        engine = original(self)
        event.listen(engine, "connect", lambda *a: connects.append(a))
        event.listen(engine, "before_cursor_execute",
                     lambda c, cur, stmt, *a: begins.append(stmt) if stmt.startswith("BEGIN")
                     else None)  # fmt: skip
        return engine

    import pytest as _pytest

    with _pytest.MonkeyPatch.context() as mp:
        mp.setattr(Store, "_make_engine", counting)
        r = cli("log", "second")
    assert r.exit_code == 0, r.output
    assert "Streak: 1 day" in r.stdout
    assert len(connects) == 1, connects
    assert begins == ["BEGIN IMMEDIATE"], begins
