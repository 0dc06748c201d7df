"""The streak line's own read path (the days with a ship) against the full figures.

`log`, `today`, `undo` and the prompt status read only the days that hold a ship and
step over runs and gaps (domain.history.ShipDays); `stats` computes every figure day by
day (stats.compute). These tests hold the two to the same answers: on random histories
(against stats.compute, the brute-force model, and the day-by-day walks that the
missed days and the prompt status were first written as), and on real journals built
by the services through every kind of write (log, step, attempt, delete, skip, rest
days, undo, redo, import).
"""

from __future__ import annotations

import os
from datetime import date, timedelta

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from tests.stats_model import Model
from tests.test_stats_model import histories

from shipit.domain import stats
from shipit.domain.history import History
from shipit.domain.prompt import DayStatus, day_start_epoch
from shipit.domain.settings import Settings

ONE = timedelta(days=1)


# -- the day-by-day walks (the first implementations, kept as the reference) ---------------


def walked_missed_days(counts, skips, rest_days, today, most=7):
    shipped = {d for d, c in counts.items() if c.ships and d < today}
    if not shipped:
        return []
    first = min(shipped)
    day = today - ONE
    while day >= first and (day in shipped or stats.excuse(day, rest_days, skips)):
        day -= ONE
    missed = []
    while day >= first and day not in shipped:
        if not stats.excuse(day, rest_days, skips):
            missed.append(day)
            if len(missed) > most:
                return []
        day -= ONE
    return sorted(missed) if day >= first else []


def walked_status_days(counts, skips, rest_days, day_starts_at, today, days=8):
    active = [d for d, c in counts.items() if c.entries]
    if not active:
        return []
    first = min(active)

    def shipped(d):
        c = counts.get(d)
        return bool(c and c.ships)

    run = 0
    d = first
    while d < today:
        if shipped(d):
            run += 1
        elif not stats.excuse(d, rest_days, skips):
            run = 0
        d += ONE
    out = []
    for i in range(days):
        d = today + timedelta(days=i)
        starts = day_start_epoch(d, day_starts_at)
        if d < first:
            out.append(DayStatus(d, "⚠", 0, starts))
        elif shipped(d):
            run += 1
            out.append(DayStatus(d, "✔", run, starts))
        elif stats.excuse(d, rest_days, skips):
            out.append(DayStatus(d, "-", run, starts))
        else:
            out.append(DayStatus(d, "⚠", run, starts))
            run = 0
    return out


# -- random histories ---------------------------------------------------------------------


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(histories(), st.integers(0, 9))
def test_ship_days_give_the_figures_streak_on_random_histories(history, most) -> None:
    counts, skips, rest, target, today = history
    s = Settings(rest_days=rest, weekly_target=target)
    hist = History(counts=counts, skips=dict.fromkeys(skips), settings=s, today=today)
    fast = hist.ship_days()
    figs = stats.compute(counts, skips, s, today)
    model = Model(counts, skips, rest, target, today)

    assert fast.streak() == figs.streak
    assert fast.streak() == stats.Streak(model.current(model.shipped),
                                         model.longest(model.shipped),
                                         model.at_risk(model.shipped))  # fmt: skip
    assert fast.shipped_today() == hist.shipped_today()
    assert fast.missed_days(most) == walked_missed_days(counts, skips, rest, today, most)
    assert fast.status_days() == walked_status_days(counts, skips, rest, s.day_starts_at,
                                                    today)  # fmt: skip


def test_a_ten_year_run_and_its_gaps() -> None:
    """Long runs, rest weekends, a skipped fortnight, a break: the cases a real journal has."""
    today = date(2026, 12, 1)
    counts = {}
    d = date(2016, 12, 1)
    while d < today:
        if d.weekday() < 5 and not date(2021, 3, 1) <= d < date(2021, 3, 15):
            counts[d] = stats.DayCounts(ships=3)
        d += ONE
    counts[date(2024, 6, 12)] = stats.DayCounts(steps=1)  # a broken Wednesday
    skips = {date(2021, 3, 1) + timedelta(days=i) for i in range(14)}
    s = Settings(rest_days=frozenset({5, 6}))
    hist = History(counts=counts, skips=dict.fromkeys(skips), settings=s, today=today)
    fast = hist.ship_days()
    assert fast.streak() == stats.compute(counts, skips, s, today).streak
    assert fast.streak().current > 600 and fast.streak().at_risk
    assert fast.missed_days() == [date(2024, 6, 12)]
    assert fast.status_days() == walked_status_days(counts, skips, {5, 6}, s.day_starts_at, today)


# -- real journals, every kind of write ------------------------------------------------------

TODAY = date(2026, 12, 1)

ops = st.lists(
    st.one_of(
        st.tuples(st.sampled_from(["ship", "step", "attempt"]), st.integers(-40, 2)),
        st.tuples(st.just("delete"), st.integers(0, 30)),
        st.tuples(st.just("edit"), st.integers(0, 40)),
        st.tuples(st.just("skip"), st.integers(-40, 3)),
        st.tuples(st.just("rest"), st.sampled_from(["none", "sat,sun", "mon", "wed,fri"])),
        st.tuples(st.just("undo"), st.just(0)),
        st.tuples(st.just("redo"), st.just(0)),
    ),
    max_size=30,
)


# Tags given with --tag (besides the hashtags in an entry's text): none, one, several.
TAG_SETS = ((), ("ops",), ("zeta", "alpha", "ops"), ("Ünïcode", "b"))


def run_ops(steps) -> None:  # noqa: C901  (one branch per kind of write)
    from shipit.services import history as history_svc
    from shipit.services import journal as journal_svc
    from shipit.services.review import add_skips

    ids: list[int] = []
    for op, arg in steps:
        journal_svc.begin()
        j = journal_svc.Journal()
        try:
            if op in ("ship", "step", "attempt"):
                when = (TODAY + timedelta(days=arg)).isoformat()
                if op == "ship":  # hashtags in the text, and a --tag for some
                    entry, _ = j.add_with_history("ship", f"s{arg} #t{arg % 3}", when=when,
                                                  tags=TAG_SETS[arg % len(TAG_SETS)])  # fmt: skip
                else:
                    extra = ({"minutes": 1 + arg % 50} if op == "step"
                             else {"outcome": ("open", "succeeded", "failed")[arg % 3]})  # fmt: skip
                    entry = j.add(op, f"{op}{arg}", when=when, command=op,
                                  tags=TAG_SETS[arg % len(TAG_SETS)], **extra)  # fmt: skip
                ids.append(entry.id)
            elif op == "edit" and ids:
                old = j.get(str(ids[arg % len(ids)]))
                moved = (TODAY + timedelta(days=-arg)).isoformat()
                if old.kind == "attempt":
                    j.edit(str(old.id), when=moved, outcome=("succeeded", "failed", "open")[arg % 3])
                elif old.kind == "step":
                    j.edit(str(old.id), when=moved, minutes=arg + 1)
                elif arg % 3 == 0:  # no tags left
                    j.edit(str(old.id), when=moved, text=f"s{arg}", clear_tags=True)
                elif arg % 3 == 1:  # new text with other hashtags
                    j.edit(str(old.id), when=moved, text=f"s{arg} #z{arg % 4} #a{arg % 5}")
                else:
                    j.edit(str(old.id), when=moved, tags=TAG_SETS[arg % len(TAG_SETS)])
            elif op == "delete" and ids:
                j.delete(str(ids.pop(arg % len(ids))))
            elif op == "skip":
                add_skips(j, (TODAY + timedelta(days=arg)).isoformat())
            elif op == "rest":
                j.set_setting("rest_days", arg)
            elif op in ("undo", "redo"):
                change = history_svc.pending(j, op)
                if change is not None:
                    history_svc.apply(j, op, change)
        except Exception as exc:  # noqa: BLE001  refused writes (e.g. undo of a later-changed row) change nothing
            from shipit.domain.errors import ShipitError

            if not isinstance(exc, ShipitError):
                raise
        finally:
            journal_svc.finish()


def check_journal() -> None:
    from shipit.domain.prompt import parse_status
    from shipit.services import journal as journal_svc
    from shipit.storage.status import journal_file, read_fresh_status

    from shipit.storage import figures as figures_sql

    journal_svc.begin()
    j = journal_svc.Journal()
    try:
        full = j.history()
        fast = j.streak_history()
        days = j.status_days()
        with j.store.reading() as conn:  # entry_day, kept by triggers, is the entries counted
            assert figures_sql.read_counts(conn) == figures_sql.recount_days(conn)
            # entry.tag_text, kept by triggers on entry_tag, is each entry's tags sorted
            kept = dict(conn.execute("SELECT id, tag_text FROM entry"))
            tags: dict[int, list[str]] = {}
            for entry_id, tag in conn.execute("SELECT entry_id, tag FROM entry_tag"):
                tags.setdefault(entry_id, []).append(tag)
            assert kept == {i: " ".join(sorted(tags[i])) if i in tags else None for i in kept}
    finally:
        journal_svc.finish()
    assert fast.has_entries == full.has_entries
    assert fast.ships == stats.ship_ordinals(full.counts)
    assert fast.first_day == full.first_day
    assert fast.streak() == full.figures().streak
    assert fast.shipped_today() == full.shipped_today()
    assert fast.excuse(fast.today) == full.excuse(full.today)
    assert fast.missed_days() == walked_missed_days(full.counts, full.skips,
                                                    full.settings.rest_days, full.today)  # fmt: skip
    want = walked_status_days(full.counts, full.skips, full.settings.rest_days,
                              full.settings.day_starts_at, full.today)  # fmt: skip
    assert days == want
    text = read_fresh_status(journal_file())
    if text is not None:  # the status file the last write left: the same days
        assert parse_status(text) == want


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])  # fmt: skip
@given(steps=ops)
@example(steps=[("ship", 0), ("ship", -2), ("edit", 1), ("edit", 2), ("delete", 1), ("undo", 0),
                ("edit", 0), ("undo", 0), ("redo", 0)])  # tags replaced, then cleared
def test_real_journals_after_every_kind_of_write(steps, tmp_path, clock) -> None:
    import uuid

    clock.day(TODAY)
    home = tmp_path / uuid.uuid4().hex
    saved = os.environ["SHIPIT_HOME"]
    os.environ["SHIPIT_HOME"] = str(home)
    try:
        run_ops(steps)
        check_journal()
    finally:
        os.environ["SHIPIT_HOME"] = saved


def test_after_an_import(cli, clock, tmp_path) -> None:
    """An import writes many entries in one change; undo removes them all."""
    import json

    clock.day(TODAY)
    entries = [{"title": f"Shipped {i}.", "body": "", "date": (TODAY - timedelta(days=i // 2)).isoformat(),
                "time": "09:00", "tags": [f"@t{i % 3}", "@ops"][: i % 3], "starred": False}
               for i in range(0, 60) if i % 7 != 3]  # fmt: skip
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"tags": {}, "entries": entries}), encoding="utf-8")
    assert cli("import", str(path), "--format", "jrnl").exit_code == 0
    check_journal()
    assert cli("undo", "--yes").exit_code == 0
    check_journal()
    assert cli("redo", "--yes").exit_code == 0
    check_journal()
