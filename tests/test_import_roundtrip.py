"""Round trip: export json → import into an empty journal → export json: the same journal."""

from __future__ import annotations

import io
import json
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.transfer_helpers import NASTY, parse_markdown, shipit_doc, shown

from shipit.services import transfer
from shipit.services.journal import Journal
from shipit.storage.db import Store

TEXT = (
    st.lists(st.one_of(st.sampled_from(NASTY), st.text(max_size=12)), min_size=1, max_size=5)
    .map("".join)
    .filter(lambda t: t.strip() and "\x00" not in t)
)  # fmt: skip
OPTIONAL_TEXT = st.none() | TEXT
DAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2026, 11, 23))
INSTANTS = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2026, 11, 23),
                        timezones=st.just(UTC))  # fmt: skip
TAGS = st.lists(st.from_regex(r"[a-z0-9é][a-z0-9_é-]{0,10}", fullmatch=True), max_size=3)


@st.composite
def entries(draw) -> dict:
    kind = draw(st.sampled_from(["ship", "step", "attempt"]))
    created = draw(INSTANTS)
    return {
        "uid": str(uuid.UUID(int=draw(st.integers(0, 2**128 - 1)), version=4)),
        "kind": kind,
        "text": draw(TEXT),
        "day": draw(DAYS).isoformat(),
        "created_at": created.isoformat(),
        "updated_at": (created + timedelta(seconds=draw(st.integers(0, 10**6)))).isoformat(),
        "tags": draw(TAGS),
        "note": draw(OPTIONAL_TEXT),
        "minutes": draw(st.none() | st.integers(1, 1440)) if kind == "step" else None,
        "decision": (draw(st.sampled_from([None, "self", "delegate", "drop"]))
                     if kind == "step" else None),
        "outcome": (draw(st.sampled_from(["open", "succeeded", "failed"]))
                    if kind == "attempt" else None),
        "lesson": draw(OPTIONAL_TEXT) if kind == "attempt" else None,
    }


@st.composite
def journals(draw) -> dict:
    items = draw(st.lists(entries(), max_size=8, unique_by=lambda e: e["uid"]))
    skips = draw(st.lists(st.fixed_dictionaries({
        "day": DAYS.map(date.isoformat), "reason": OPTIONAL_TEXT,
        "created_at": INSTANTS.map(datetime.isoformat)}), max_size=3, unique_by=lambda s: s["day"]))
    backlog = [
        {"uid": str(uuid.uuid4()), "text": draw(TEXT), "annoyance": draw(st.integers(1, 5)),
         "created_at": draw(INSTANTS).isoformat(),
         "closed_at": draw(st.none() | INSTANTS.map(datetime.isoformat)),
         "entry_uid": draw(st.sampled_from([None, *[e["uid"] for e in items]]))}
        for _ in range(draw(st.integers(0, 2)))
    ]  # fmt: skip
    target = draw(st.integers(1, 7))
    return shipit_doc(items, skips=skips, backlog=backlog,
                      settings={"weekly_target": str(target), "day_starts_at": "03:30",
                                "rest_days": "sat,sun"})  # fmt: skip


@contextmanager
def two_journals() -> Iterator[tuple[Journal, Journal]]:
    """Two empty journals in a temporary folder (a, b), closed afterwards."""
    with tempfile.TemporaryDirectory() as tmp:
        a = Journal(Store(Path(tmp) / "a" / "journal.db"))
        b = Journal(Store(Path(tmp) / "b" / "journal.db"))
        try:
            yield a, b
        finally:
            a.store.close()
            b.store.close()


def _export(j: Journal, fmt: str = "json") -> str:
    out = io.StringIO()
    transfer.export_journal(j, out, fmt)
    return out.getvalue()


def _without_ids(doc: dict) -> dict:
    doc = dict(doc)
    doc.pop("exported_at")
    doc["entries"] = [{k: v for k, v in e.items() if k != "id"} for e in doc["entries"]]
    return doc


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])  # fmt: skip
@given(doc=journals())
def test_round_trip(doc: dict, clock) -> None:
    with two_journals() as (a, b):
        report = transfer.import_file(a, json.dumps(doc).encode())
        assert report.added == len(doc["entries"]) and not report.conflicts
        first = json.loads(_export(a))
        report = transfer.import_file(b, json.dumps(first, ensure_ascii=False).encode())
        assert report.added == len(doc["entries"]) and not report.conflicts
        second = json.loads(_export(b))
        assert _without_ids(second) == _without_ids(first)
        # ... and the first export holds exactly what was imported.
        by_uid = {e["uid"]: e for e in first["entries"]}
        for original in doc["entries"]:
            got = {k: v for k, v in by_uid[original["uid"]].items() if k != "id"}
            want = {**original, "tags": sorted(set(original["tags"]))}
            assert got == want
        assert first["settings"] == doc["settings"]
        assert {s["day"]: s["reason"] for s in first["skips"]} == \
            {s["day"]: s["reason"] for s in doc["skips"]}  # fmt: skip
        assert sorted(first["backlog"], key=lambda x: x["uid"]) == \
            sorted(doc["backlog"], key=lambda x: x["uid"])  # fmt: skip
        # Importing the export again adds nothing.
        again = transfer.import_file(b, json.dumps(first).encode())
        assert (again.added, again.duplicates, again.conflicts) == (0, len(doc["entries"]), [])
        # The Markdown of the same journal keeps every text literal.
        _, items = parse_markdown(_export(b, "markdown"))
        assert sorted(i.text for i in items) == sorted(shown(e["text"]) for e in doc["entries"])


def test_tags_that_lowercase_into_combining_marks_round_trip(cli, clock, tmp_path):
    """'İ'.lower() is 'i' + U+0307: what shipit stores it must accept back."""
    import json as _json

    assert cli("log", "trip #İstanbul", "--tag", "Ünïcode").exit_code == 0
    [entry] = _json.loads(cli("list", "--json").stdout)
    assert entry["tags"] == ["i̇stanbul", "ünïcode"]
    out = tmp_path / "backup.json"
    assert cli("export", "--format", "json", "--output", str(out)).exit_code == 0
    assert cli("list", "--json", "--tag", "İstanbul").stdout.count('"uid"') == 1
    cli("delete", "1", "--yes")
    r = cli("import", str(out))
    assert r.exit_code == 0, r.output
    [back] = _json.loads(cli("list", "--json").stdout)
    assert back["tags"] == entry["tags"] and back["uid"] == entry["uid"]


# -- projects: cards, answers, thrash, date moves and links travel with the JSON ---------

ONE_LINE = TEXT.filter(lambda t: t == t.strip() and "\n" not in t and "\r" not in t
                       and len(t) <= 200)  # fmt: skip
SHORTS = st.from_regex(r"[a-z][a-z0-9_-]{0,10}", fullmatch=True)
EDGE_ANSWERS = st.lists(st.sampled_from(["open", "easy", "fast", "cheap", "proven", "safe",
                                         "durable", "solo", "classic"]),
                        min_size=1, max_size=4, unique=True).map(", ".join)  # fmt: skip
MEMBERS = st.lists(st.from_regex(r"[A-Z][a-z]{1,6}", fullmatch=True), min_size=1, max_size=3,
                   unique=True).map(", ".join)  # fmt: skip


def _uuid(draw) -> str:
    return str(uuid.uuid4())  # unique, as in a real journal (the backlog's too)


@st.composite
def projects(draw, entry_uids: list[str]) -> list[dict]:
    from shipit.domain.projects import QUESTION_KEYS

    out = []
    for short in draw(st.lists(SHORTS, max_size=3, unique=True)):
        start = draw(DAYS)
        ship_at = draw(INSTANTS)
        status = draw(st.sampled_from(["active", "shipped", "dropped"]))
        ended = draw(INSTANTS) if status != "active" else None
        keys = draw(st.lists(st.sampled_from([k for k in QUESTION_KEYS if k != "owner"]),
                             unique=True, max_size=5))  # fmt: skip
        answers = {k: draw(EDGE_ANSWERS if k == "edges" else MEMBERS if k == "members"
                           else TEXT) for k in keys}  # fmt: skip
        out.append({
            "uid": _uuid(draw), "short": short, "name": draw(ONE_LINE), "status": status,
            "owner": draw(st.none() | ONE_LINE), "ship_at": ship_at.isoformat(),
            "ship_day": ship_at.date().isoformat(), "thrash_until": start.isoformat(),
            "start_day": start.isoformat(), "created_at": draw(INSTANTS).isoformat(),
            "updated_at": draw(INSTANTS).isoformat(),
            "ended_at": ended.isoformat() if ended else None,
            "ended_day": ended.date().isoformat() if ended else None,
            "entry_uid": draw(st.none() | st.sampled_from(entry_uids)) if entry_uids else None,
            "answers": answers,
            "thrash": [{"uid": _uuid(draw), "text": draw(TEXT), "at": draw(INSTANTS).isoformat(),
                        "day": draw(DAYS).isoformat(), "late": draw(st.booleans())}
                       for _ in range(draw(st.integers(0, 2)))],
            "moves": [{"uid": _uuid(draw), "at": draw(INSTANTS).isoformat(),
                       "from": draw(INSTANTS).isoformat(), "to": draw(INSTANTS).isoformat(),
                       "reason": draw(TEXT)} for _ in range(draw(st.integers(0, 2)))],
            "entries": [],
        })  # fmt: skip
    # each entry links to at most one project
    for uid in entry_uids:
        if out and draw(st.booleans()):
            draw(st.sampled_from(out))["entries"].append(uid)
    for p in out:
        p["entries"].sort()
    return out


@st.composite
def journals_with_projects(draw) -> dict:
    doc = draw(journals())
    doc["projects"] = draw(projects([e["uid"] for e in doc["entries"]]))
    return doc


def _by_uid(items: list[dict]) -> dict:
    return {p["uid"]: {**p, "thrash": sorted(p["thrash"], key=lambda t: t["uid"]),
                       "moves": sorted(p["moves"], key=lambda m: m["uid"])} for p in items}


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])  # fmt: skip
@given(doc=journals_with_projects())
def test_projects_round_trip(doc: dict, clock) -> None:
    with two_journals() as (a, b):
        report = transfer.import_file(a, json.dumps(doc).encode())
        assert not report.conflicts and report.projects_added == len(doc["projects"])
        first = json.loads(_export(a))
        report = transfer.import_file(b, json.dumps(first, ensure_ascii=False).encode())
        assert not report.conflicts and report.projects_added == len(doc["projects"])
        second = json.loads(_export(b))
        assert _by_uid(second["projects"]) == _by_uid(first["projects"]) == \
            _by_uid(doc["projects"])  # fmt: skip
        again = transfer.import_file(b, json.dumps(first).encode())
        assert (again.projects_added, again.projects_duplicates, again.links_added,
                again.conflicts) == (0, len(doc["projects"]), 0, [])  # fmt: skip
