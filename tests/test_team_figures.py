"""`shipit team` computes each member's row from only what its table shows
(domain.team.team_row); it must equal the row the full figures give (member_row, which
runs stats.compute over every day), for every member of a generated team."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from shipit.domain import dates, stats
from shipit.storage.rows import ChangeLog
from shipit.domain.history import History
from shipit.domain.settings import Settings
from shipit.domain.team import member_row, team_row

TODAY = date(2026, 11, 23)  # a Monday: the week's first day is an edge of its own
SPAN = 60


def ship_days_desc(counts: dict[date, stats.DayCounts], today: date) -> list[date]:
    return sorted((d for d, c in counts.items() if c.ships and d <= today), reverse=True)


@st.composite
def histories(draw: st.DrawFn) -> History:
    today = TODAY + timedelta(days=draw(st.integers(0, 6)))
    offsets = st.integers(-SPAN, 3)  # a few days after today: a time-zone change
    counts: dict[date, stats.DayCounts] = {}
    for off in draw(st.lists(offsets, max_size=40)):
        day = today + timedelta(days=off)
        old = counts.get(day, stats.NO_COUNTS)
        ships = draw(st.integers(0, 2))
        steps = draw(st.integers(0 if ships else 1, 1))  # a day in counts has an entry
        counts[day] = old._replace(ships=old.ships + ships, steps=old.steps + steps)
    skips = {today + timedelta(days=off): None for off in draw(st.lists(offsets, max_size=8))}
    rest = draw(st.frozensets(st.integers(0, 6), max_size=7))
    target = draw(st.integers(1, 7))
    return History(counts=counts, skips=skips, settings=Settings(rest_days=rest,
                   weekly_target=target), today=today)  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(histories())
def test_team_row_equals_the_full_figures(hist: History) -> None:
    last = (hist.today, "last")
    full = member_row("bob", False, hist, last)
    lean = team_row("bob", False, ship_days_desc(hist.counts, hist.today), hist.skips,
                    hist.settings, hist.today, last)  # fmt: skip
    assert lean == full


def test_team_row_crosses_blocks_of_days_and_stops_at_a_missed_day() -> None:
    """Two blocks of three ships with an excused day between them, a missed day, then
    more ships: the streak is 6 (today open), this week 4 of them."""
    today = TODAY + timedelta(days=5)  # Saturday, not shipped yet
    offsets = (1, 2, 3, 5, 6, 7, 9, 10, 40)  # the 4th excused (a skip), the 8th missed
    days = [today - timedelta(days=k) for k in offsets]
    skips = {today - timedelta(days=4): "ill"}
    row = team_row("bob", False, days, skips, Settings(), today, None)
    assert (row.streak, row.week_shipped, row.today) == (6, 4, "not yet")
    assert team_row("bob", False, [], {}, Settings(), today, None).streak == 0


def test_the_team_service_matches_the_full_figures_for_every_member(cli, clock, shipit_home):
    """A seeded random team written into a real journal the way sync writes it
    (storage.replica.apply_member), with rest days, skips and targets of their own."""
    from shipit.services.journal import Journal
    from shipit.services.team import team
    from shipit.storage import figures as figures_sql
    from shipit.storage import members as members_sql
    from shipit.storage import replica

    for text in ("mine", "more"):
        assert cli("log", text).exit_code == 0
    assert cli("config", "rest_days", "sat,sun").exit_code == 0
    rng = random.Random(2026)
    today = clock().date()
    journal = Journal()
    with journal.store.writing() as conn:
        for m in range(25):
            author = f"member{m:02d}"
            for n in range(rng.randint(0, 40)):
                day = today - timedelta(days=rng.randint(-2, 45))
                kind = rng.choice(("ship", "ship", "ship", "step", "attempt"))
                stamp = f"{day.isoformat()}T10:00:00+00:00"
                replica.apply_member(ChangeLog(conn, replica.SYNC_COMMAND, dates.now()), "entry", author, f"{author}-{n}", {
                    "kind": kind, "text": f"{author} {n}", "day": day.isoformat(),
                    "created_at": stamp, "updated_at": stamp, "tags": [],
                    "minutes": 5 if kind == "step" else None})  # fmt: skip
            for _ in range(rng.randint(0, 4)):
                day = (today - timedelta(days=rng.randint(0, 30))).isoformat()
                replica.apply_member(ChangeLog(conn, replica.SYNC_COMMAND, dates.now()), "skip", author, day, {"reason": None,
                                     "created_at": f"{day}T09:00:00+00:00"})  # fmt: skip
            if rng.random() < 0.6:
                rest = ",".join(rng.sample(["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
                                           rng.randint(1, 3)))  # fmt: skip
                replica.apply_member(ChangeLog(conn, replica.SYNC_COMMAND, dates.now()), "setting", author, "rest_days", {"value": rest})
            replica.apply_member(ChangeLog(conn, replica.SYNC_COMMAND, dates.now()), "setting", author, "weekly_target",
                                 {"value": str(rng.randint(1, 7))})  # fmt: skip
    rows = team(journal)
    with journal.store.reading() as conn:
        authors = members_sql.authors(conn)
        last = members_sql.last_ships(conn)
        expected = [member_row(members_sql.own_author(conn), True,
                               figures_sql.read_history(conn), last.get(None))]  # fmt: skip
        expected += [member_row(a, False, members_sql.read_history(conn, a), last.get(a))
                     for a in authors]  # fmt: skip
    assert len(rows) == 26 and rows == expected
    assert {r.streak for r in rows} != {0} and {r.today for r in rows} > {"shipped"}
    # and through the command, as JSON
    assert json.loads(cli("team", "--json").stdout) == [r.to_json() for r in expected]


def test_a_members_attempt_without_an_outcome_counts_as_open(cli, clock, shipit_home):
    """Sync brings attempts with no outcome yet; `stats --author` once failed on them."""
    from shipit.services.journal import Journal
    from shipit.storage import replica

    assert cli("log", "mine").exit_code == 0
    with Journal().store.writing() as conn:
        replica.apply_member(ChangeLog(conn, replica.SYNC_COMMAND, dates.now()), "entry", "bob", "bob-1", {
            "kind": "attempt", "text": "try", "day": "2026-11-23", "tags": [],
            "created_at": "2026-11-23T10:00:00+00:00",
            "updated_at": "2026-11-23T10:00:00+00:00"})  # fmt: skip
    r = cli("stats", "--author", "bob", "--json")
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["totals"]["attempts_open"] == 1


def test_the_piped_team_records_are_the_tables_records() -> None:
    """`shipit team | ...` writes its records without Rich: the same cells as the
    table's records (tabs, newlines and control characters in user text included)."""
    from shipit.domain.team import MemberRow
    from shipit.views import render
    from shipit.views.sync import team_records, team_table

    rows = [MemberRow("ada", True, "shipped", 12, 3, 5, date(2026, 11, 23),
                      "tab\there\nnew [b]x[/b]"),
            MemberRow("bob", False, "not yet", 0, 0, 2, None, None),
            MemberRow("cy\x1b[31m", False, "excused", 4, 1, 7, date(2026, 1, 2), "")]  # fmt: skip
    assert team_records(rows) == render.table_records(team_table(rows))
    assert team_records(rows).splitlines()[1] == "bob\tnot yet\t0 d\t0/2\t—"
