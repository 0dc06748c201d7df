"""shipit export: Markdown (checked with a CommonMark parser), JSON, CSV, files, streaming."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import subprocess
import sys
import tracemalloc
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.transfer_helpers import NASTY, make_entry, parse_markdown, shown

from shipit.domain import exporting as export
from shipit.domain.exporting import (
    MarkdownSummary,
    is_plain,
    markdown_rows,
    md_inline,
    md_text,
    write_csv,
    write_json,
    write_markdown,
)


def log(cli, *args: str) -> None:
    r = cli("log", *args)
    assert r.exit_code == 0, r.output


# -- Markdown -----------------------------------------------------------------------------


@pytest.mark.parametrize("text", NASTY + ["\n".join(NASTY), "\r\n".join(NASTY)])
def test_markdown_user_text_renders_literally(text: str) -> None:
    body = text if text.strip() else f"x{text}x"
    entry = make_entry(text=body, note=f"note: {text}", lesson=f"{text} lesson",
                       tags=("a_b", "web"), minutes=25, decision="self")  # fmt: skip
    out = io.StringIO()
    write_markdown(out, markdown_rows([entry]), MarkdownSummary(entries=1, by_kind={"ship": 1}, days=1,
                   first_day=entry.day, last_day=entry.day))  # fmt: skip
    headings, items = parse_markdown(out.getvalue())
    assert [h[0] for h in headings] == [1, 2, 3]
    assert len(items) == 1
    assert items[0].kind == "ship"
    assert items[0].text == shown(body)
    assert items[0].details == [
        "#a_b #web · 25 min · decision: self",
        f"Note: {shown('note: ' + text)}",
        f"Lesson: {shown(text + ' lesson')}",
    ]


_SNIPPET = st.one_of(st.sampled_from(NASTY), st.text(max_size=8))
USER_TEXT = (
    st.lists(_SNIPPET, min_size=1, max_size=6).map("".join)
    .filter(lambda t: t.strip() and "\x00" not in t)
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(USER_TEXT, min_size=1, max_size=4), note=st.none() | USER_TEXT)
def test_markdown_structure_holds_for_any_text(texts: list[str], note: str | None) -> None:
    entries = [make_entry(i + 1, text=t, note=note, day=date(2026, 11, 2 + i))
               for i, t in enumerate(texts)]  # fmt: skip
    out = io.StringIO()
    summary = MarkdownSummary(entries=len(entries), by_kind={"ship": len(entries)},
                              days=len(entries), first_day=entries[0].day,
                              last_day=entries[-1].day)  # fmt: skip
    write_markdown(out, markdown_rows(entries), summary, summary_extra={"Current [streak]": "# 3 <days>"})
    headings, items = parse_markdown(out.getvalue())
    # Headings come only from shipit: the title, the weeks and the days.
    assert [h[0] for h in headings].count(3) == len(entries)
    assert [h[0] for h in headings].count(1) == 1
    assert [(i.kind, i.text) for i in items] == [("ship", shown(t)) for t in texts]
    for item in items:
        expected_note = shown(note) if note else ""
        notes = [d for d in item.details if d.startswith("Note: ")]
        assert notes == ([f"Note: {expected_note}"] if expected_note else [])


_ANY_TEXT = st.one_of(
    st.text(max_size=40),
    st.lists(st.sampled_from(NASTY + ["a", " ", "_", "1.", "#", "\t", "\u202e", "é", "x y"]),
             max_size=6).map("".join),
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(text=_ANY_TEXT)
def test_text_the_writer_calls_plain_is_left_alone_by_md_text(text: str) -> None:
    """The writer's fast path (is_plain and its inlined copies) never skips needed escaping."""
    if is_plain(text):
        assert md_text(text, "  ") == text
        assert md_text(text, "    ") == text
        assert md_inline(text) == text


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=USER_TEXT, note=st.none() | _ANY_TEXT, lesson=st.none() | _ANY_TEXT)
def test_writer_lines_are_md_text_of_each_field(text: str, note: str | None,
                                                lesson: str | None) -> None:  # fmt: skip
    """The hot loop's inlined plain-text tests agree with md_text, field by field."""
    entry = make_entry(text=text, note=note, lesson=lesson, kind="attempt", outcome="failed")
    out = io.StringIO()
    write_markdown(out, markdown_rows([entry]), MarkdownSummary(entries=1))
    body = out.getvalue().split("### Mon 2 Nov 2026\n\n", 1)[1]
    expected = f"- **attempt** {md_text(text, '  ')}\n  - outcome: failed\n"
    for label, value in (("Note", note), ("Lesson", lesson)):
        shown_value = md_text(value, "    ") if value else ""
        if shown_value:
            expected += f"  - *{label}:* {shown_value}\n"
    assert body == expected


def test_is_plain_on_examples() -> None:
    assert is_plain("Shipped the pricing page, at last!")
    assert is_plain("Café au lait — déjà vu 日本")
    for text in ["", "snake_case", "a*b", "[x]", "1. first", "- item", "# title", "R&D",
                 "trailing ", " leading", "tab\tinside", "line\nbreak", "bidi \u202e",
                 "back\\slash", "`code`", "<b>", "a|b", "~x~", "$5"]:  # fmt: skip
        assert not is_plain(text), text


def test_md_text_multiline_stays_in_item() -> None:
    assert md_text("a\r\nb\rc\n\n", "  ") == "a\\\n  b\\\n  c"
    assert md_text("  lead\ttrail ", "  ") == "&#32;&#32;lead\ttrail&#32;"
    assert md_text("1. x\n2) y\n# z\n- w", "  ") == "1\\. x\\\n  2\\) y\\\n  \\# z\\\n  \\- w"
    assert md_text("snake_case _em_ a_", "") == "snake_case \\_em\\_ a\\_"
    assert md_text("R&D &amp; [x](y)", "") == "R&D \\&amp; \\[x\\](y)"


def test_markdown_document_layout(cli, clock) -> None:
    clock.set("2026-11-23T12:00:00+00:00")
    from shipit.services.journal import Journal

    Journal().set_setting("weekly_target", "2")
    for day, text in [("2026-11-16", "Mon ship"), ("2026-11-18", "Wed ship"),
                      ("2026-11-23", "This week")]:  # fmt: skip
        log(cli, "--date", day, text, "--tag", "web")
    r = cli("export")
    assert r.exit_code == 0, r.output
    md = r.stdout
    lines = md.splitlines()
    assert lines[0] == "# Shipping journal"
    assert "- **Period:** Mon 16 Nov 2026 – Mon 23 Nov 2026" in lines
    assert "- **Entries:** 3 (3 ships) on 3 days" in lines
    assert "- **Shipped days:** 3" in lines
    assert "- **Weekly target:** 2 shipped days" in lines
    assert "## Week 47, 2026 · 16–22 Nov 2026 · shipped 2/2 days ✔" in lines
    assert "## Week 48, 2026 · 23–29 Nov 2026 · shipped 1/2 days · in progress" in lines
    assert lines.index("### Mon 16 Nov 2026") < lines.index("### Wed 18 Nov 2026") < \
        lines.index("### Mon 23 Nov 2026")  # fmt: skip
    assert "- **ship** Mon ship" in lines
    assert "  - #web" in lines


def test_markdown_week_figures_count_all_ships_even_when_filtered(cli, clock) -> None:
    clock.set("2026-11-23T12:00:00+00:00")
    log(cli, "--date", "2026-11-16", "ship one", "--tag", "web")
    log(cli, "--date", "2026-11-17", "ship two")
    r = cli("export", "--tag", "web")
    assert r.exit_code == 0, r.output
    assert "- **Entries:** 1 (1 ship) on 1 day" in r.stdout
    assert "shipped 2/5 days" in r.stdout
    assert "ship two" not in r.stdout
    assert "- **Only:** tag #web" in r.stdout


def test_markdown_summary_extra_is_rendered_and_escaped() -> None:
    out = io.StringIO()
    write_markdown(out, [], MarkdownSummary(), summary_extra={"Current streak": "12 days",
                                                             "[x](y)": "<b>"})  # fmt: skip
    text = out.getvalue()
    assert "- **Current streak:** 12 days\n" in text
    assert "- **\\[x\\](y):** \\<b\\>\n" in text
    assert "- **Entries:** none\n" in text


def test_markdown_shows_skipped_days_in_order() -> None:
    out = io.StringIO()
    entries = [make_entry(1, day=date(2026, 11, 2)), make_entry(2, day=date(2026, 11, 20))]
    summary = MarkdownSummary(entries=2, by_kind={"ship": 2}, days=2, first_day=date(2026, 11, 2),
                              last_day=date(2026, 11, 20),
                              skips=((date(2026, 11, 10), "flu\n# not a heading"),
                                     (date(2026, 11, 20), None)))  # fmt: skip
    write_markdown(out, markdown_rows(entries), summary)
    headings, items = parse_markdown(out.getvalue())
    assert [h for h in headings if h[0] == 3] == [
        (3, "Mon 2 Nov 2026"), (3, "Tue 10 Nov 2026"), (3, "Fri 20 Nov 2026")]
    assert "- *Skipped* — flu\\\n  \\# not a heading\n" in out.getvalue()
    assert len(items) == 2


@pytest.mark.parametrize("per_day", [1, 3000])
def test_markdown_writer_streams_from_an_iterator(per_day: int) -> None:
    """Entries go out a few hundred at a time, even all on one day: what the writer
    holds back is bounded, whatever the size of the journal."""
    out = io.StringIO()
    pending = []
    n = 3000

    def entries():
        for i in range(1, n + 1):
            pending.append(i - 1 - out.getvalue().count("- **ship**"))
            day = date.fromordinal(date(2000, 1, 1).toordinal() + (i - 1) // per_day)
            yield make_entry(i, text=f"entry {i}", day=day)

    assert write_markdown(out, markdown_rows(entries()), MarkdownSummary(entries=n)) == n
    assert out.getvalue().count("- **ship**") == n
    assert max(pending) <= 600, max(pending)
    assert pending[-1] < n // 2


@pytest.mark.parametrize("fmt", ["markdown", "json", "csv"])
def test_writers_memory_does_not_grow_with_entries(fmt: str) -> None:
    def peak(n: int) -> int:
        def entries():
            for i in range(1, n + 1):
                yield make_entry(i, text=f"entry {i} " * 20, note="a note\nwith lines",
                                 day=date.fromordinal(date(2000, 1, 1).toordinal() + i))  # fmt: skip

        sink = _NullWriter()
        tracemalloc.start()
        if fmt == "markdown":
            write_markdown(sink, markdown_rows(entries()), MarkdownSummary(entries=n))
        elif fmt == "json":
            write_json(sink, entries(), exported_at=make_entry().created_at, settings={})
        else:
            write_csv(sink, entries())
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert sink.chars > n * 100
        return top

    small, large = peak(500), peak(5000)
    assert large < small * 2 + 200_000, (small, large)


class _NullWriter(io.TextIOBase):
    chars = 0

    def write(self, s: str) -> int:
        self.chars += len(s)
        return len(s)


# -- JSON ---------------------------------------------------------------------------------


def test_json_export_has_the_documented_shape(cli, clock) -> None:
    clock.set("2026-11-23T12:00:00+00:00")
    log(cli, "--date", "2026-11-20", "First", "--note", "n1")
    log(cli, "Second #web")
    r = cli("export", "--format", "json")
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    assert list(doc) == ["format", "version", "exported_at", "settings", "entries", "skips",
                         "backlog", "projects"]  # fmt: skip
    assert doc["format"] == "shipit-journal" and doc["version"] == 1
    assert doc["exported_at"] == "2026-11-23T12:00:00+00:00"
    assert doc["settings"] == {"day_starts_at": "00:00", "rest_days": "none",
                               "weekly_target": "5"}  # fmt: skip
    listed = json.loads(cli("list", "--json").stdout)
    # Same entries, same fields as `list --json`, oldest first.
    assert doc["entries"] == list(reversed(listed))
    assert [e["text"] for e in doc["entries"]] == ["First", "Second #web"]
    assert doc["skips"] == [] and doc["backlog"] == []


def test_json_export_filters(cli, clock) -> None:
    clock.set("2026-11-23T12:00:00+00:00")
    log(cli, "--date", "2026-11-10", "old")
    log(cli, "new")
    r = cli("export", "-f", "json", "--since", "2026-11-15")
    assert [e["text"] for e in json.loads(r.stdout)["entries"]] == ["new"]
    r = cli("export", "-f", "json", "--kind", "step")
    assert json.loads(r.stdout)["entries"] == []


# -- CSV ----------------------------------------------------------------------------------


def test_csv_export_is_rfc4180_and_defuses_formulas(cli, clock, tmp_path) -> None:
    clock.set("2026-11-23T12:00:00+00:00")
    log(cli, "--", "=HYPERLINK(\"http://evil\")")
    log(cli, "--note", "@SUM(A1)", "--", "-1+2")
    log(cli, "multi\nline, \"quoted\"", "--tag", "web", "--note", "+note")
    dest = tmp_path / "j.csv"
    r = cli("export", "--output", str(dest))
    assert r.exit_code == 0, r.output
    data = dest.read_bytes().decode("utf-8")
    assert data.startswith("id,uid,day,kind,text,tags,note,minutes,decision,outcome,"
                           "lesson,created_at,updated_at,project\r\n")  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(data, newline="")))
    assert [row["text"] for row in rows] == [
        "'=HYPERLINK(\"http://evil\")", "'-1+2", "multi\nline, \"quoted\""]
    assert [row["note"] for row in rows] == ["", "'@SUM(A1)", "'+note"]
    assert rows[2]["tags"] == "web"
    assert rows[0]["day"] == "2026-11-23" and rows[0]["kind"] == "ship"
    assert '"multi\nline, ""quoted"""' in data  # the user's newline kept inside quotes


def test_csv_cell() -> None:
    assert [export.csv_cell(v) for v in ["=1", "+1", "-1", "@a", "\tx", "\rx", "ok", "", None]] \
        == ["'=1", "'+1", "'-1", "'@a", "'\tx", "'\rx", "ok", "", ""]  # fmt: skip


# -- files ---------------------------------------------------------------------------------


def test_export_to_file_is_0600_and_never_overwrites_without_force(cli, clock, tmp_path) -> None:
    log(cli, "one")
    dest = tmp_path / "out.json"
    r = cli("export", "--output", str(dest))
    assert r.exit_code == 0, r.output
    assert json.loads(dest.read_text())["entries"][0]["text"] == "one"  # format from suffix
    assert stat.S_IMODE(dest.stat().st_mode) == 0o600
    assert "Exported 1 entry to" in r.stderr and r.stdout == ""
    dest.write_text("keep me")
    r = cli("export", "--output", str(dest))
    assert r.exit_code == 2
    assert "already exists" in r.stderr and "--force" in r.stderr
    assert dest.read_text() == "keep me"
    r = cli("export", "--output", str(dest), "--force", "--format", "markdown")
    assert r.exit_code == 0, r.output
    assert dest.read_text().startswith("# Shipping journal")
    assert stat.S_IMODE(dest.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".out")) == []


def test_export_output_dash_is_stdout(sh) -> None:
    assert sh("log", "one").returncode == 0
    r = subprocess.run([*_exe(), "export", "-o", "-", "-f", "csv"], capture_output=True,
                       env={**os.environ}, check=True)  # fmt: skip
    assert r.stdout.count(b"\r\n") == 2 and b",one," in r.stdout


def _exe() -> list[str]:
    from tests.conftest import shipit_exe

    return shipit_exe()


def test_failed_export_leaves_no_file(cli, tmp_path, monkeypatch) -> None:
    for i in range(5):
        log(cli, f"entry {i}")
    original = export.write_json

    def failing(out, entries, **kw):
        def boom():
            yield from list(entries)[:2]
            raise OSError(28, "No space left on device")

        return original(out, boom(), **kw)

    monkeypatch.setattr(export, "write_json", failing)
    dest = tmp_path / "journal.json"
    r = cli("export", "-o", str(dest))
    assert r.exit_code != 0
    assert not dest.exists()
    assert list(tmp_path.glob(".journal.json.*")) == []


@pytest.mark.parametrize("args,needle", [
    (["--format", "pdf"], "invalid --format 'pdf'"),
    (["--kind", "bogus"], "invalid kind 'bogus'"),
    (["--since", "2026-02-30"], "2026-02-30"),
])  # fmt: skip
def test_export_bad_options_exit_2(cli, args, needle) -> None:
    r = cli("export", *args)
    assert r.exit_code == 2
    assert needle in r.stderr


def test_export_to_missing_folder_exits_2(cli, tmp_path) -> None:
    r = cli("export", "-o", str(tmp_path / "nope" / "x.md"))
    assert r.exit_code == 2 and "does not exist" in r.stderr


def test_help_does_not_import_sqlalchemy() -> None:
    code = ("import sys; from shipit.cli import app, transfer; "
            "from typer.testing import CliRunner; "
            "[CliRunner().invoke(app, [c, '--help']) for c in "
            "('export', 'import', 'backup', 'restore')]; "
            "print('sqlalchemy' in sys.modules, 'shipit.export' in sys.modules)")  # fmt: skip
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**os.environ}, check=True).stdout  # fmt: skip
    assert out.split() == ["False", "False"]


def test_export_subprocess_pipes_stdout(sh, tmp_path: Path) -> None:
    assert sh("log", "piped").returncode == 0
    r = sh("export", "-f", "json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["entries"][0]["text"] == "piped"


def test_markdown_summary_carries_streaks(cli, clock):
    for when in ("2 days ago", "yesterday", "today"):
        assert cli("log", f"shipped {when}", "--date", when).exit_code == 0
    r = cli("export")
    assert r.exit_code == 0, r.output
    assert "- **Daily streak:** 3 days (longest 3) as of Mon 23 Nov 2026" in r.stdout
    assert "- **Weekly streak:**" in r.stdout
    json_out = cli("export", "--format", "json").stdout
    assert "Daily streak" not in json_out


def test_markdown_week_status_follows_the_weekly_streak_rules(cli, clock):
    """A week whose sick days lower what it needs hits, exactly as `shipit week` says."""
    # Week 47 (16-22 Nov): ships Mon-Thu, skip Fri-Sun -> 4 available days, needs 4: hit.
    for day in ("2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19"):
        assert cli("log", f"ship {day}", "--date", day).exit_code == 0
    assert cli("skip", "2026-11-20", "--until", "2026-11-22", "--reason", "flu").exit_code == 0
    week = json.loads(cli("week", "2026-11-16", "--json").stdout)
    assert "hit" in json.dumps(week)
    r = cli("export")
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    [w47] = [line for line in lines if line.startswith("## Week 47")]
    assert w47.endswith("shipped 4/5 days (4 needed) ✔"), w47


def test_summary_from_counts_agrees_with_the_filtered_queries(cli, clock):
    """Without filters the summary comes from the figures' counts; with them, from
    queries on the selection. A filter that selects everything must say the same."""
    for args in (("log", "ship a", "--date", "2026-11-02"), ("log", "ship b", "--date", "2026-11-02"),
                 ("try", "an attempt", "--date", "2026-11-10"),
                 ("step", "done", "a step", "--minutes", "5", "--date", "2026-11-20"),
                 ("log", "ship c", "--date", "2026-11-23")):  # fmt: skip
        r = cli(*args)
        assert r.exit_code == 0, r.output
    assert cli("skip", "2026-11-16", "--reason", "flu").exit_code == 0
    plain = cli("export").stdout
    everything = cli("export", "--since", "2026-11-02", "--until", "2026-11-23").stdout
    summary = [line for line in plain.split("\n## ", 1)[0].splitlines() if line]
    assert "- **Entries:** 5 (3 ships, 1 step, 1 attempt) on 4 days" in summary
    assert "- **Shipped days:** 2" in summary
    assert "- **Skipped days:** 1" in summary
    assert everything.replace("- **Only:** since 2026-11-02, until 2026-11-23\n", "") == plain


_ENTITY = __import__("re").compile(r"#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};")


def _inline_reference(text: str) -> str:
    """The inline escaping rules, one character at a time (docs/export-import.md)."""
    out = []
    for i, c in enumerate(text):
        before = text[i - 1] if i else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if c in "\\`*[]<>|~$":
            out.append("\\" + c)
        elif c == "&" and _ENTITY.match(text, i + 1):
            out.append("\\&")
        elif c == "_" and not (before.isalnum() and after.isalnum()):
            out.append("\\_")
        else:
            out.append(c)
    return "".join(out)


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("ab1 _&;#xX*[]`$\\é\u0301-.")) | st.characters(),
                    max_size=16))  # fmt: skip
def test_inline_escaping_matches_the_rules(text: str) -> None:
    assert export._md_escape_inline(text) == _inline_reference(text)
