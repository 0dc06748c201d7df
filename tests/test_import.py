"""shipit import: shipit JSON and jrnl, all or nothing, duplicates, conflicts, dry runs."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from tests.conftest import set_tz
from tests.transfer_helpers import dump, jrnl_doc, jrnl_entry, shipit_doc

from shipit.domain import importing as importer
from shipit.services import transfer
from shipit.services.journal import Journal

UID1 = "11111111-1111-4111-8111-111111111111"
UID2 = "22222222-2222-4222-8222-222222222222"


def entry(uid: str | None = UID1, **kw) -> dict:
    base = {"uid": uid, "kind": "ship", "text": "Shipped it", "day": "2026-11-20",
            "created_at": "2026-11-20T10:00:00+00:00", "updated_at": "2026-11-20T10:00:00+00:00",
            "tags": ["web"], "note": None, "minutes": None, "decision": None, "outcome": None,
            "lesson": None}  # fmt: skip
    base.update(kw)
    if uid is None:
        del base["uid"]
    return base


def write(tmp_path: Path, doc, name: str = "in.json") -> str:
    p = tmp_path / name
    p.write_text(doc if isinstance(doc, str) else dump(doc), encoding="utf-8")
    return str(p)


def entries(cli) -> list[dict]:
    r = cli("list", "--json")
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


# -- shipit JSON ---------------------------------------------------------------------------


def test_import_json_adds_entries_with_every_field(cli, clock, tmp_path) -> None:
    doc = shipit_doc([
        entry(),
        entry(UID2, kind="step", text="Wrote tests", day="2026-11-21", minutes=25,
              decision="self", note="line 1\r\nline 2", tags=["qa", "Web"]),
        entry(str(uuid.uuid4()), kind="attempt", text="Tried", outcome="failed", lesson="l"),
    ])  # fmt: skip
    r = cli("import", write(tmp_path, doc))
    assert r.exit_code == 0, r.output
    assert "Imported 3 entries (json); 0 duplicates skipped." in r.stderr
    got = {e["uid"]: e for e in entries(cli)}
    step = got[UID2]
    assert (step["kind"], step["text"], step["day"], step["minutes"], step["decision"],
            step["note"], step["tags"]) == ("step", "Wrote tests", "2026-11-21", 25, "self",
                                            "line 1\r\nline 2", ["qa", "web"])  # fmt: skip
    assert got[UID1]["created_at"] == "2026-11-20T10:00:00+00:00"
    assert [e["outcome"] for e in got.values() if e["kind"] == "attempt"] == ["failed"]


def test_import_same_file_twice_adds_nothing(cli, tmp_path) -> None:
    path = write(tmp_path, shipit_doc([entry(), entry(UID2, text="two")]))
    assert cli("import", path).exit_code == 0
    r = cli("import", path)
    assert r.exit_code == 0
    assert "Imported 0 entries (json); 2 duplicates skipped." in r.stderr
    assert len(entries(cli)) == 2


def test_conflict_is_reported_and_journal_entry_kept(cli, tmp_path) -> None:
    assert cli("import", write(tmp_path, shipit_doc([entry(), entry(UID2)]))).exit_code == 0
    changed = shipit_doc([entry(text="Changed", note="new note"), entry(UID2)])
    r = cli("import", write(tmp_path, changed, "changed.json"))
    assert r.exit_code == 0, r.output
    assert "0 entries" in r.stderr and "1 duplicate skipped, 1 conflict" in r.stderr
    assert f"conflict: entries[0] ({UID1}) differs in text, note" in r.stderr
    assert {e["uid"]: e["text"] for e in entries(cli)}[UID1] == "Shipped it"


def test_missing_uid_and_created_at_are_filled_in(cli, tmp_path, monkeypatch) -> None:
    set_tz(monkeypatch, "America/New_York")
    doc = shipit_doc([{"text": "no uid", "day": "2026-07-04"}])
    r = cli("import", write(tmp_path, doc))
    assert r.exit_code == 0, r.output
    (e,) = entries(cli)
    assert uuid.UUID(e["uid"]).version == 4
    # Noon in New York in July is 16:00 UTC.
    assert e["created_at"] == "2026-07-04T16:00:00+00:00" == e["updated_at"]
    assert e["kind"] == "ship" and e["tags"] == []


def test_settings_skips_and_backlog_come_along(cli, tmp_path) -> None:
    Journal().set_setting("day_starts_at", "04:00")
    doc = shipit_doc(
        [entry()],
        settings={"weekly_target": "3", "day_starts_at": "05:00", "rest_days": "none",
                  "future_setting": "x"},  # fmt: skip
        skips=[{"day": "2026-11-18", "reason": "flu", "created_at": "2026-11-18T09:00:00+00:00"}],
        backlog=[{"uid": UID2, "text": "Fix the footer", "annoyance": 4,
                  "created_at": "2026-11-01T09:00:00+00:00",
                  "closed_at": "2026-11-20T10:00:00+00:00", "entry_uid": UID1}],
    )  # fmt: skip
    r = cli("import", write(tmp_path, doc))
    assert r.exit_code == 0, r.output
    assert "settings taken from the file: weekly_target" in r.stderr
    assert "conflict: settings.day_starts_at (day_starts_at) differs in value" in r.stderr
    assert "settings.future_setting: not a setting this shipit knows; ignored" in r.stderr
    settings = Journal().raw_settings()
    assert settings["weekly_target"] == "3"  # not set in the journal: taken from the file
    assert settings["day_starts_at"] == "04:00"  # set in the journal: the journal wins
    out = json.loads(cli("export", "-f", "json").stdout)
    assert out["skips"] == [{"day": "2026-11-18", "reason": "flu",
                             "created_at": "2026-11-18T09:00:00+00:00"}]  # fmt: skip
    assert out["backlog"] == [{"uid": UID2, "text": "Fix the footer", "annoyance": 4,
                               "created_at": "2026-11-01T09:00:00+00:00",
                               "closed_at": "2026-11-20T10:00:00+00:00", "entry_uid": UID1}]  # fmt: skip
    r = cli("import", write(tmp_path, doc))
    assert "0 entries" in r.stderr and "skipped day" not in r.stderr.split("Also")[0]
    assert len(json.loads(cli("export", "-f", "json").stdout)["backlog"]) == 1


def test_dry_run_reports_and_writes_nothing(cli, tmp_path) -> None:
    assert cli("import", write(tmp_path, shipit_doc([entry()]))).exit_code == 0
    doc = shipit_doc([entry(text="other"), entry(UID2), entry(str(uuid.uuid4()))])
    r = cli("import", "--dry-run", write(tmp_path, doc, "b.json"))
    assert r.exit_code == 0, r.output
    assert "Would import 2 entries (json); 0 duplicates skipped, 1 conflict" in r.stderr
    assert "Dry run: nothing was written." in r.stderr
    assert len(entries(cli)) == 1


def test_dry_run_on_empty_journal_counts_duplicates(cli, tmp_path) -> None:
    path = write(tmp_path, shipit_doc([entry()]))
    cli("import", path)
    r = cli("import", "-n", path)
    assert "Would import 0 entries (json); 1 duplicate skipped." in r.stderr


def test_import_from_stdin(cli) -> None:
    r = cli("import", "-", input=dump(shipit_doc([entry()])))
    assert r.exit_code == 0, r.output
    assert [e["uid"] for e in entries(cli)] == [UID1]


def test_all_or_nothing_with_one_bad_entry_at_the_end(cli, tmp_path) -> None:
    good = [entry(str(uuid.uuid4()), text=f"ok {i}") for i in range(500)]
    doc = shipit_doc([*good, entry(UID2, day="2026-02-30")])
    r = cli("import", write(tmp_path, doc))
    assert r.exit_code == 2
    assert "entries[500].day: '2026-02-30' is not a real date; nothing was imported" in r.stderr
    assert entries(cli) == []


# -- bad files -------------------------------------------------------------------------------

BAD_ENTRIES = [
    (entry(kind="ship!"), "entries[0].kind: 'ship!' is not one of ship, step, attempt"),
    (entry(text="   "), "entries[0].text: is empty"),
    (entry(text="a\x00b"), "entries[0].text: contains a NUL byte"),
    (entry(text="x" * 10_001), "entries[0].text: is 10,001 characters long"),
    (entry(note="n" * 10_001), "entries[0].note: is 10,001 characters long"),
    (entry(day="2026-13-01"), "entries[0].day: '2026-13-01' is not a real date"),
    (entry(day="20261120"), "entries[0].day: \"20261120\" is not a date (YYYY-MM-DD)"),
    (entry(day="2099-01-01"), "entries[0].day: '2099-01-01' is in the future"),
    (entry(created_at="2026-11-20T10:00:00"), "entries[0].created_at: '2026-11-20T10:00:00' has no UTC offset"),
    (entry(created_at="yesterday"), "entries[0].created_at: 'yesterday' is not a date and time"),
    (entry(kind="step", minutes=0), "entries[0].minutes: 0 is not between 1 and 1440 minutes"),
    (entry(kind="step", minutes=2**63 - 1),
     "entries[0].minutes: 9223372036854775807 is not between 1 and 1440 minutes"),
    (entry(minutes=5), "entries[0].minutes: is only for steps (this entry is a ship)"),
    (entry(outcome="failed"), "entries[0].outcome: is only for attempts (this entry is a ship)"),
    (entry(kind="step", lesson="x"), "entries[0].lesson: is only for attempts (this entry is a step)"),
    (entry(minutes=2.5), "entries[0].minutes: 2.5 is not a whole number of minutes"),
    (entry(minutes=True), "entries[0].minutes: True is not a whole number of minutes"),
    (entry(outcome="maybe"), "entries[0].outcome: 'maybe' is not one of open, succeeded, failed"),
    (entry(decision="later"), "entries[0].decision: 'later' is not one of self, delegate, drop"),
    (entry(tags=["ok", "no spaces"]), "entries[0].tags[1]: invalid tag 'no spaces'"),
    (entry(tags="web"), "entries[0].tags: \"web\" is not a list of tags"),
    (entry(uid="not-a-uid"), "entries[0].uid: 'not-a-uid' is not a UUID"),
    (entry(text=5), "entries[0].text: 5 is not a string"),
    ({"text": "no day"}, "entries[0].day: is missing"),
    ("a string", "entries[0]: \"a string\" is not an object"),
]  # fmt: skip


@pytest.mark.parametrize("bad,message", BAD_ENTRIES)
def test_invalid_entry_names_index_and_field(cli, tmp_path, bad, message) -> None:
    cli("log", "already here")
    before = entries(cli)
    doc = shipit_doc([entry(str(uuid.uuid4()), text="fine"), bad])
    doc["entries"] = [doc["entries"][1]]  # the bad one alone, at index 0
    r = cli("import", write(tmp_path, doc))
    assert r.exit_code == 2, r.output
    assert message in r.stderr
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    assert entries(cli) == before


def test_duplicate_uid_with_different_content_in_one_file(cli, tmp_path) -> None:
    r = cli("import", write(tmp_path, shipit_doc([entry(), entry(text="other")])))
    assert r.exit_code == 2
    assert "entries[1].uid: 11111111-1111-4111-8111-111111111111 is also the uid of " \
           "entries[0], with different content" in r.stderr  # fmt: skip


BAD_FILES = [
    (b"", "is empty"),
    (b"hello, not json", "is not valid JSON"),
    (dump(shipit_doc([entry()]))[:-40].encode(), "ends too early (truncated?)"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is a binary file"),
    (b"\xff\xfe\xfa garbage", "is not UTF-8 text"),
    (b"[1, 2, 3]", "is neither a shipit JSON export nor a jrnl JSON export"),
    (json.dumps({"format": "other-tool", "version": 1}).encode(), "is not a shipit export"),
    (json.dumps({**shipit_doc([]), "version": 2}).encode(), "was written by a newer shipit (format version 2"),
    (json.dumps({**shipit_doc([]), "version": "1"}).encode(), "is not a format version"),
    (json.dumps({k: v for k, v in shipit_doc([]).items() if k != "entries"}).encode(), "entries: is missing"),
    (json.dumps(shipit_doc([], settings={"weekly_target": "9"})).encode(), "settings.weekly_target: invalid weekly_target '9'"),
    (b'{"format": "shipit-journal", "version": 1, "entries": [{"text": NaN}]}', "is not valid JSON"),
]  # fmt: skip


@pytest.mark.parametrize("data,message", BAD_FILES)
def test_bad_files_exit_2_and_change_nothing(cli, tmp_path, data, message) -> None:
    cli("log", "already here")
    before = entries(cli)
    path = tmp_path / "bad.json"
    path.write_bytes(data)
    r = cli("import", str(path))
    assert r.exit_code == 2, r.output
    assert message in r.stderr
    assert str(path) in r.stderr
    assert entries(cli) == before


def test_bad_file_does_not_create_a_journal(cli, tmp_path, shipit_home) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{")
    assert cli("import", str(path)).exit_code == 2
    assert not (shipit_home / "journal.db").exists()


def test_missing_file_and_folder(cli, tmp_path) -> None:
    r = cli("import", str(tmp_path / "nope.json"))
    assert r.exit_code == 2 and "does not exist" in r.stderr
    r = cli("import", str(tmp_path))
    assert r.exit_code == 2 and "is a folder" in r.stderr


def test_format_option_mismatch(cli, tmp_path) -> None:
    jrnl = write(tmp_path, jrnl_doc([jrnl_entry("Hello")]), "j.json")
    r = cli("import", "--format", "json", jrnl)
    assert r.exit_code == 2 and "use --format jrnl" in r.stderr
    shipit = write(tmp_path, shipit_doc([entry()]), "s.json")
    r = cli("import", "--format", "jrnl", shipit)
    assert r.exit_code == 2 and "use --format json" in r.stderr
    r = cli("import", "--format", "yaml", shipit)
    assert r.exit_code == 2 and "invalid --format 'yaml'" in r.stderr
    r = cli("import", "--kind", "nap", shipit)
    assert r.exit_code == 2 and "invalid kind 'nap'" in r.stderr


def test_lone_surrogate_is_refused(cli, tmp_path) -> None:
    path = tmp_path / "s.json"
    path.write_text('{"format": "shipit-journal", "version": 1, "entries": '
                    '[{"text": "bad \\ud800", "day": "2026-11-20"}]}')  # fmt: skip
    r = cli("import", str(path))
    assert r.exit_code == 2, r.output
    assert "entries[0].text" in r.stderr and "surrogate" in r.stderr


# -- jrnl ------------------------------------------------------------------------------------


def test_jrnl_import_maps_fields(cli, clock, tmp_path, monkeypatch) -> None:
    set_tz(monkeypatch, "Europe/Berlin")
    doc = jrnl_doc([
        jrnl_entry("Shipped the @pricing page.", "2024-01-05", "09:30",
                   body="Body with @web and more.\nSecond line.", tags=["@pricing", "@web"]),
        jrnl_entry("Fixed bug #123 in @Backend", "2024-07-01", "23:15",
                   tags=["@backend", "#123", "@c++"], starred=True),
    ])  # fmt: skip
    r = cli("import", write(tmp_path, doc))
    assert r.exit_code == 0, r.output
    assert "Imported 2 entries (jrnl)" in r.stderr
    assert "jrnl tags kept in the text only" in r.stderr and "@c++" in r.stderr
    got = sorted(entries(cli), key=lambda e: e["day"])
    assert [(e["kind"], e["text"], e["note"], e["day"], e["created_at"], e["tags"]) for e in got] == [
        ("ship", "Shipped the @pricing page.", "Body with @web and more.\nSecond line.",
         "2024-01-05", "2024-01-05T08:30:00+00:00", ["pricing", "web"]),
        ("ship", "Fixed bug #123 in @Backend", None, "2024-07-01", "2024-07-01T21:15:00+00:00",
         ["123", "backend", "starred"]),
    ]  # fmt: skip


def test_jrnl_import_twice_adds_nothing_and_kind_option(cli, tmp_path) -> None:
    path = write(tmp_path, jrnl_doc([jrnl_entry("One"), jrnl_entry("Two", time_="10:00")]))
    r = cli("import", "--kind", "step", path)
    assert r.exit_code == 0, r.output
    assert [e["kind"] for e in entries(cli)] == ["step", "step"]
    r = cli("import", "--kind", "step", path)
    assert "Imported 0 entries (jrnl); 2 duplicates skipped." in r.stderr
    assert len(entries(cli)) == 2


def test_jrnl_day_follows_day_starts_at(cli, tmp_path) -> None:
    Journal().set_setting("day_starts_at", "04:00")
    path = write(tmp_path, jrnl_doc([jrnl_entry("Night owl", "2024-03-10", "01:30")]))
    assert cli("import", path).exit_code == 0
    assert entries(cli)[0]["day"] == "2024-03-09"


def test_jrnl_entry_with_only_a_body_uses_it_as_text(cli, tmp_path) -> None:
    path = write(tmp_path, jrnl_doc([jrnl_entry("", body="All in the body")]))
    assert cli("import", path).exit_code == 0
    assert (entries(cli)[0]["text"], entries(cli)[0]["note"]) == ("All in the body", None)


@pytest.mark.parametrize("bad,message", [
    (jrnl_entry("x", "2024-02-30"), "entries[1].date: '2024-02-30' is not a real date"),
    (jrnl_entry("x", "05/01/2024"), "entries[1].date: \"05/01/2024\" is not a date"),
    (jrnl_entry("x", time_="25:00"), "entries[1].time: \"25:00\" is not a time (HH:MM)"),
    (jrnl_entry("x", "2999-01-01"), "entries[1].date: '2999-01-01' is in the future"),
    (jrnl_entry("  ", body=""), "entries[1].title: is empty"),
    (jrnl_entry("x", body="b" * 10_001), "entries[1].body: is 10,001 characters long"),
    ({"title": "x", "date": "2024-01-01", "tags": "@a"}, "entries[1].tags: \"@a\" is not a list"),
    ({"title": "x", "date": "2024-01-01", "starred": "yes"}, "entries[1].starred"),
    ({"title": 3, "date": "2024-01-01"}, "entries[1].title: 3 is not a string"),
])  # fmt: skip
def test_jrnl_bad_entries(cli, tmp_path, bad, message) -> None:
    path = write(tmp_path, jrnl_doc([jrnl_entry("good"), bad]))
    r = cli("import", path)
    assert r.exit_code == 2, r.output
    assert message in r.stderr and "nothing was imported" in r.stderr
    assert entries(cli) == []


def test_detect_format() -> None:
    assert importer.detect_format(shipit_doc([])) == "json"
    assert importer.detect_format(jrnl_doc([jrnl_entry("x")])) == "jrnl"
    assert importer.detect_format(jrnl_doc([])) == "jrnl"
    assert importer.detect_format({"entries": [{"text": "x"}]}) is None
    assert importer.detect_format([]) is None


def test_stable_uid_is_uuid5() -> None:
    for key in ["", "a", "2024-01-01T09:00\ntitle\nbody", "日本語😀"]:
        namespace = uuid.UUID(bytes=importer._JRNL_NAMESPACE)
        assert str(namespace) == "6f1c2a57-35c4-4ab8-9a7e-5e3a4cbb1f0d"
        assert importer.stable_uid(key) == str(uuid.uuid5(namespace, key))


def test_36500_jrnl_entries_import(tmp_path, clock) -> None:
    """All of them, with tags; how fast is measured by bench/run.py, not asserted here."""
    start = date(2026, 11, 23) - timedelta(days=36_499)
    doc = jrnl_doc([
        jrnl_entry(f"Shipped {i} @t{i % 40}", (start + timedelta(days=i)).isoformat(),
                   f"{i % 24:02d}:{i % 60:02d}", body="body\nline" if i % 3 else "",
                   tags=[f"@t{i % 40}"])
        for i in range(36_500)
    ])  # fmt: skip
    data = json.dumps(doc).encode()
    j = Journal()
    report = transfer.import_file(j, data)
    assert report.added == 36_500
    with j.store.reading() as conn:
        assert conn.execute("SELECT count(*) FROM entry_tag").fetchone()[0] == 36_500
    assert j.get("36500").text == "Shipped 36499 @t19"
    assert j.get("36500").created_at == datetime(2026, 11, 23, 19, 19, tzinfo=UTC)


def test_an_attempt_without_outcome_imports_as_open(cli, tmp_path) -> None:
    doc = shipit_doc([entry(str(uuid.uuid4()), kind="attempt", text="cold email")])
    r = cli("import", write(tmp_path, doc))
    assert r.exit_code == 0, r.output
    [e] = entries(cli)
    assert e["outcome"] == "open"
    assert "cold email" in cli("attempts", "--open").stdout
    assert cli("resolve", str(e["id"]), "--failed").exit_code == 0
