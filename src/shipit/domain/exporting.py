"""Take the journal anywhere: the Markdown, JSON and CSV writers.

Pure: no SQL, no Typer, no Rich. Writers write to the text stream they are given as
the rows come out of the database (services.transfer feeds them from storage): nothing
builds the whole document in memory, so a journal of 100 years costs the memory of a
few hundred entries.

The formats are documented in docs/export-import.md; the JSON format is a stable
contract (`"format": "shipit-journal"`, `"version": 1`). Reading them back is
shipit.domain.importing.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import IO, TYPE_CHECKING, Any, NamedTuple

from shipit.domain import dates
from shipit.domain.entries import KINDS, EntryData, Filters
from shipit.domain.errors import InputError
from shipit.domain.text import fmt_day, percent, safe
from shipit.i18n import day_formatter, month_name, number, t, template

if TYPE_CHECKING:
    from shipit.domain import stats
    from shipit.domain.history import History

FORMAT_NAME = "shipit-journal"
FORMAT_VERSION = 1
EXPORT_FORMATS = ("markdown", "json", "csv")


def check_format(value: str, allowed: tuple[str, ...], what: str = "--format") -> str:
    """Validate a format name typed by the user (case-insensitive; `md` = markdown)."""
    fmt = value.strip().lower()
    if fmt == "md":
        fmt = "markdown"
    if fmt not in allowed:
        raise InputError("transfer.invalid_choice", what=what, value=value,
                         choices=", ".join(allowed))  # fmt: skip
    return fmt


def format_from_suffix(name: str) -> str | None:
    """The export format a file name asks for (`.md`, `.json`, `.csv`), if any."""
    low = name.lower()
    for suffix, fmt in ((".md", "markdown"), (".markdown", "markdown"), (".json", "json"),
                        (".csv", "csv")):  # fmt: skip
        if low.endswith(suffix):
            return fmt
    return None


# ======================================================================================
# Markdown
# ======================================================================================
#
# User text must render as exactly what was typed and never become structure. Inline:
# backslash-escape the characters that open code, emphasis, links, images, HTML,
# tables, strikethrough and math (\ ` * [ ] < > | ~ $), an '&' that would start an
# entity, and '_' unless it sits between two letters or digits (where CommonMark never
# treats it as emphasis: snake_case stays readable). Line starts: escape what opens a
# heading, list, quote, thematic break or setext underline (# + - = and "1." / "1)").
# Leading and trailing whitespace, which a paragraph strips (spaces and tabs; some
# renderers, markdown-it among them, also no-break and other Unicode spaces), becomes
# numeric character references. Each line break (LF, CRLF or a lone CR) becomes a hard break
# (a backslash at the end of the line) and the next line is indented to stay inside
# its list item; trailing line breaks have no visible form and are dropped. Control
# characters and bidi overrides are shown escaped (\x1b), as the terminal shows them.

_MD_INLINE = re.compile(
    r"[\\`*\[\]<>|~$]"
    r"|&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)"
    # '_' escaped unless between two letters or digits: after it is not one, or before it
    # is not one. Each branch starts with its character, so the scan skips fast.
    r"|_(?![^\W_])|_(?<![^\W_]_)"
)
_MD_INLINE_HINT = re.compile(r"[\\`*\[\]<>|~$&_]").search
_MD_LINE_START = re.compile(r"[#+=-]|[0-9]{1,9}(?=[.)])")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_LEAD = re.compile(r"\s*")
# The plain-text test (is_plain, also inlined in the writer's hot loop): one character
# class, then the two ends by index. Text passing it is returned unchanged by
# md_text (tests/test_export.py checks it for any text); whatever fails it goes the
# whole way through md_escape_line, so the test may be stricter than needed, never
# looser: the ASCII controls (line breaks included) are in the class, and isprintable()
# covers the rest.
_MD_SPECIAL = re.compile(r"[\\`*\[\]<>|~$&_\x00-\x1f\x7f]").search
_MD_LEAD = frozenset(" \t#+=0123456789-")
_MD_TRAIL = frozenset(" \t")


def is_plain(text: str) -> bool:
    """True if `text` is Markdown that renders literally as it is (see _MD_SPECIAL)."""
    return bool(text) and not (
        _MD_SPECIAL(text) or text[0] in _MD_LEAD or text[-1] in _MD_TRAIL
        or (not text.isascii() and not text.isprintable())
    )  # fmt: skip


def _md_ws(ws: str) -> str:
    return "".join(f"&#{ord(c)};" for c in ws) if ws else ""


def _md_escape_inline(text: str) -> str:
    if not _MD_INLINE_HINT(text):
        return text
    return _MD_INLINE.sub(_backslashed, text)


def _backslashed(match: re.Match[str]) -> str:
    return "\\" + match.group(0)


def md_escape_line(line: str) -> str:
    """One line of user text (no line breaks) as Markdown that renders literally."""
    if is_plain(line):
        return line
    if not line.isprintable():
        line = safe(line)
    lead = _LEAD.match(line).group(0)  # type: ignore[union-attr]
    core = line[len(lead):]
    stripped = core.rstrip()
    trail = core[len(stripped):]
    body = _md_escape_inline(stripped)
    if not lead:
        m = _MD_LINE_START.match(body)
        if m:
            if m.group(0)[0].isdigit():
                body = body[: m.end()] + "\\" + body[m.end():]
            else:
                body = "\\" + body
    return _md_ws(lead) + body + _md_ws(trail)


def md_text(text: str, indent: str) -> str:
    """User text, possibly multi-line, for a list item whose content starts at `indent`.

    Returns "" for text with nothing visible to show (only line breaks).
    """
    if "\n" not in text and "\r" not in text:
        return md_escape_line(text)
    lines = _LINE_BREAK.split(text)
    while lines and lines[-1] == "":
        lines.pop()
    return ("\\\n" + indent).join(md_escape_line(line) for line in lines)


def md_inline(text: str) -> str:
    """Short user text on one line (headings, summary values): breaks become spaces."""
    return md_escape_line(" ".join(_LINE_BREAK.split(text)))


@dataclass(frozen=True)
class MarkdownSummary:
    """What the Markdown export's summary and week headings show.

    Counts describe the exported selection. Shipped days (per week and in total) count
    every ship in the journal on those days, even when --kind or --tag narrow the
    entries shown: a week's figure is a fact about the week, not about the filter.
    """

    entries: int = 0
    by_kind: Mapping[str, int] = field(default_factory=dict)
    days: int = 0
    first_day: date | None = None
    last_day: date | None = None
    shipped_days: int = 0
    weekly_target: int = 5
    shipped_by_week: Mapping[date, int] = field(default_factory=dict)  # Monday -> days
    # Monday -> the weekly streak's view of that week (stats.WeekFigures): its status
    # follows docs/figures.md (needed = min(target, available days)).
    weeks: Mapping[date, Any] = field(default_factory=dict)
    skips: tuple[tuple[date, str | None], ...] = ()
    filters: tuple[str, ...] = ()
    exported_on: date | None = None
    # Label -> value lines of the whole journal's streaks (streak_lines).
    streaks: Mapping[str, str] = field(default_factory=dict)


# The words of the Markdown export, by what they name (the kinds, decisions and outcomes
# as the export shows them; English shows the stored values themselves).
_KIND_LABEL = {"ship": "transfer.md_kind_ship", "step": "transfer.md_kind_step",
               "attempt": "transfer.md_kind_attempt"}  # fmt: skip
_KIND_COUNT = {"ship": "transfer.md_ships", "step": "transfer.md_steps",
               "attempt": "transfer.md_attempts"}  # fmt: skip
_DECISION = {"self": "transfer.md_decision_self", "delegate": "transfer.md_decision_delegate",
             "drop": "transfer.md_decision_drop"}  # fmt: skip
_OUTCOME = {"open": "transfer.md_outcome_open", "succeeded": "transfer.md_outcome_succeeded",
            "failed": "transfer.md_outcome_failed"}  # fmt: skip
_WEEK_MARK = {"hit": "transfer.md_week_hit", "open": "transfer.md_week_open",
              "neutral": "transfer.md_week_excused"}  # fmt: skip


def _fmt_range(start: date, end: date, forms: tuple[str, str, str]) -> str:
    """A week's days as a reader writes them ('16–22 Nov 2026' / '16.–22. Nov 2026');
    `forms`: the templates for a range across years, across months, within a month."""
    a, b = month_name(start.month), month_name(end.month)
    form = forms[0 if start.year != end.year else 1 if start.month != end.month else 2]
    return form.format(d1=start.day, m1=a, y1=start.year, d2=end.day, m2=b, y2=end.year)


# The Markdown writer's rows: exactly what an entry shows, read straight from SQLite
# (day as stored, 'YYYY-MM-DD'; tags as one space-separated string or None).
class MarkdownRow(NamedTuple):
    day: str
    kind: str
    text: str
    tags: str | None
    note: str | None
    minutes: int | None
    decision: str | None
    outcome: str | None
    lesson: str | None


def markdown_rows(entries: Iterable[EntryData]) -> Iterator[MarkdownRow]:
    """Entries as the writer's rows (for callers that hold EntryData, e.g. tests)."""
    for e in entries:
        yield MarkdownRow(e.day.isoformat(), e.kind, e.text, " ".join(e.tags) or None, e.note,
                          e.minutes, e.decision, e.outcome, e.lesson)  # fmt: skip


class _KindStarts(dict[str, str]):
    """A kind's list-item start ("- **ship** "); a kind this version does not know is
    shown as stored."""

    def __missing__(self, kind: str) -> str:
        return f"- **{kind}** "


def _md_tags(tags: str) -> str:
    return " ".join("#" + _md_escape_inline(t) for t in sorted(tags.split(" ")))


def write_markdown(
    out: IO[str],
    rows: Iterable[tuple[Any, ...]],
    summary: MarkdownSummary,
    *,
    summary_extra: Mapping[str, object] | None = None,
    title: str | None = None,
) -> int:
    """Write a readable journal: title, summary, one section per ISO week and per day.

    `rows` are MarkdownRow-shaped tuples (MARKDOWN_COLUMNS straight from the database,
    see export_journal, or markdown_rows(entries)) in ascending (day, id) order, consumed one at a time.
    `summary_extra` adds lines to the summary (label -> value), e.g. streak figures.
    Returns the number of entries written. The words are the reader's language
    (shipit.i18n; `i18n.use(lang)` around the call chooses another), each looked up
    once per export, before the loop.

    This loop is the export's hot path (docs/performance.md): per entry it does the
    plain-text test (is_plain, inlined) and only sends text that needs escaping through
    md_text.
    """
    w = out.write
    w(f"# {md_inline(t('transfer.md_title') if title is None else title)}\n\n")
    if summary.entries and summary.first_day and summary.last_day:
        w(f"- **{t('transfer.md_period')}:** {fmt_day(summary.first_day)} – "
          f"{fmt_day(summary.last_day)}\n")  # fmt: skip
        kinds = ", ".join(
            t(_KIND_COUNT[k], n=summary.by_kind[k]) for k in KINDS if summary.by_kind.get(k)
        )
        entries = t("transfer.md_entries_value", entries=number(summary.entries), kinds=kinds,
                    days=t("transfer.md_on_days", n=summary.days))  # fmt: skip
        w(f"- **{t('transfer.md_entries')}:** {entries}\n")
        w(f"- **{t('transfer.md_shipped_days')}:** {number(summary.shipped_days)}\n")
    else:
        w(f"- **{t('transfer.md_entries')}:** {t('transfer.md_entries_none')}\n")
    target_days = t("transfer.md_target_days", n=summary.weekly_target)
    w(f"- **{t('transfer.md_weekly_target')}:** {target_days}\n")
    if summary.skips:
        w(f"- **{t('transfer.md_skipped_days')}:** {number(len(summary.skips))}\n")
    for label, value in (summary_extra or {}).items():
        w(f"- **{md_inline(str(label))}:** {md_inline(str(value))}\n")
    if summary.filters:
        w(f"- **{t('transfer.md_only')}:** {md_inline(', '.join(summary.filters))}\n")
    if summary.exported_on:
        w(f"- **{t('transfer.md_exported')}:** {fmt_day(summary.exported_on)}\n")

    # The words of the weeks, days and entries: looked up once, here, not per line.
    week_form = template("transfer.md_week")
    needed_form = template("transfer.md_week_needed")
    range_forms = (template("transfer.md_range_years"), template("transfer.md_range_months"),
                   template("transfer.md_range_days"))  # fmt: skip
    week_mark = {status: t(key) for status, key in _WEEK_MARK.items()}
    skipped_line = f"- *{md_inline(t('transfer.md_skipped'))}*"
    kind_start = _KindStarts({k: f"- **{md_inline(t(key))}** " for k, key in _KIND_LABEL.items()})
    day_name = day_formatter()
    minutes_form = template("transfer.md_minutes")
    decision_form, outcome_form = template("transfer.md_decision"), template("transfer.md_outcome")
    decision_shown = {d: decision_form.format(decision=t(key)) for d, key in _DECISION.items()}
    outcome_shown = {o: outcome_form.format(outcome=t(key)) for o, key in _OUTCOME.items()}
    note_start = f"  - *{md_inline(t('transfer.md_note'))}:* "
    lesson_start = f"  - *{md_inline(t('transfer.md_lesson'))}:* "

    skips = summary.skips
    skip_reason = dict(skips)
    next_skip = 0
    week_end = date.min  # the Sunday of the week whose heading was written last
    target = summary.weekly_target

    # Entries are gathered in a small buffer and written a few hundred at a time: one
    # write per entry costs more than formatting it (and a syscall each when the
    # stream is unbuffered, e.g. PYTHONUNBUFFERED). Memory stays bounded.
    buffer: list[str] = []
    add = buffer.append
    flush_at = 512  # pieces: about 200 entries a write

    def open_day(d: date) -> None:
        nonlocal week_end
        if d > week_end:
            monday = d - timedelta(days=d.weekday())
            week_end = monday + timedelta(days=6)
            iso = d.isocalendar()
            fig = summary.weeks.get(monday)
            if fig is not None:
                shipped = fig.shipped_days
                needed = " " + needed_form.format(n=fig.needed) if fig.needed != target else ""
                mark = week_mark.get(fig.status, "")
            else:
                shipped = summary.shipped_by_week.get(monday, 0)
                needed, mark = "", (week_mark["hit"] if shipped >= target else "")
            heading = week_form.format(week=iso.week, year=iso.year, shipped=shipped,
                                       target=target, days=_fmt_range(monday, week_end,
                                                                      range_forms))  # fmt: skip
            add(f"\n## {heading}{needed}{mark}\n")
        add(f"\n### {day_name(d)}\n\n")
        if skip_reason and d in skip_reason:
            reason = skip_reason[d]
            text = md_text(reason, "  ") if reason else ""
            add(f"{skipped_line}{' — ' + text if text else ''}\n")

    # Locals for the hot loop.
    special, lead, trail = _MD_SPECIAL, _MD_LEAD, _MD_TRAIL
    tag_lines: dict[str, str] = {}  # tags as stored -> their line ("  - #a #b\n")
    current: str | None = None
    count = 0
    for day, kind, text, tags, note, minutes, decision, outcome, lesson in rows:
        if day != current:
            current = day
            d = date.fromisoformat(day)
            while next_skip < len(skips) and skips[next_skip][0] <= d:
                if skips[next_skip][0] != d:
                    open_day(skips[next_skip][0])
                next_skip += 1
            open_day(d)
        if (not text or special(text) or text[0] in lead or text[-1] in trail
                or (not text.isascii() and not text.isprintable())):  # fmt: skip
            text = md_text(text, "  ")
        if tags:
            facts = tag_lines.get(tags)
            if facts is None:
                if len(tag_lines) > 4096:  # bounded: a journal of unique tag sets
                    tag_lines.clear()
                facts = tag_lines[tags] = f"  - {_md_tags(tags)}\n"
        else:
            facts = ""
        if minutes is not None or decision or outcome:
            parts = [facts[4:-1]] if tags else []  # the tags as shown: "  - {tags}\n"
            if minutes is not None:
                parts.append(minutes_form.format(minutes=minutes))
            if decision:
                parts.append(decision_shown.get(decision)
                             or decision_form.format(decision=decision))  # fmt: skip
            if outcome:
                parts.append(outcome_shown.get(outcome) or outcome_form.format(outcome=outcome))
            facts = f"  - {' · '.join(parts)}\n"
        if note:
            if (special(note) or note[0] in lead or note[-1] in trail
                    or (not note.isascii() and not note.isprintable())):  # fmt: skip
                note = md_text(note, "    ")
            if note:
                facts += f"{note_start}{note}\n"
        if lesson:
            if (special(lesson) or lesson[0] in lead or lesson[-1] in trail
                    or (not lesson.isascii() and not lesson.isprintable())):  # fmt: skip
                lesson = md_text(lesson, "    ")
            if lesson:
                facts += f"{lesson_start}{lesson}\n"
        add(f"{kind_start[kind]}{text}\n{facts}")
        count += 1
        if len(buffer) >= flush_at:
            w("".join(buffer))
            buffer.clear()
    while next_skip < len(skips):
        open_day(skips[next_skip][0])
        next_skip += 1
    w("".join(buffer))
    return count


# ======================================================================================
# JSON (the stable backup format) and CSV
# ======================================================================================


def _json_list(out: IO[str], key: str, items: Iterable[Mapping[str, Any]], last: bool) -> int:
    """Write `"key": [...]` with one compact object per line (C-speed json.dumps)."""
    from json import dumps

    out.write(f'  "{key}": [')
    n = 0
    chunk: list[str] = []  # written a few hundred objects at a time (see write_markdown)
    for item in items:
        chunk.append(("\n    " if n == 0 else ",\n    ") + dumps(item, ensure_ascii=False))
        n += 1
        if len(chunk) >= 256:
            out.write("".join(chunk))
            chunk.clear()
    out.write("".join(chunk) + ("\n  ]" if n else "]") + ("\n" if last else ",\n"))
    return n


def _entry_json(e: EntryData, private: Collection[str]) -> dict[str, Any]:
    out = e.to_json()
    if private and e.uid in private:
        out["private"] = True
    return out


def write_json(
    out: IO[str],
    entries: Iterable[EntryData],
    *,
    exported_at: datetime,
    settings: Mapping[str, str],
    skips: Iterable[Mapping[str, Any]] = (),
    backlog: Iterable[Mapping[str, Any]] = (),
    projects: Iterable[Mapping[str, Any]] = (),
    private: Collection[str] = (),
) -> int:
    """Write the shipit JSON format, one entry object per line. Returns the entry count.

    An entry kept on this machine (uid in `private`) carries `"private": true`."""
    import json

    out.write("{\n")
    out.write(f'  "format": "{FORMAT_NAME}",\n  "version": {FORMAT_VERSION},\n')
    out.write(f'  "exported_at": {json.dumps(exported_at.isoformat())},\n')
    out.write(f'  "settings": {json.dumps(dict(settings), ensure_ascii=False, sort_keys=True)},\n')
    n = _json_list(out, "entries", (_entry_json(e, private) for e in entries), last=False)
    _json_list(out, "skips", skips, last=False)
    _json_list(out, "backlog", backlog, last=False)
    _json_list(out, "projects", projects, last=True)
    out.write("}\n")
    return n


CSV_COLUMNS = (
    "id", "uid", "day", "kind", "text", "tags", "note", "minutes", "decision", "outcome",
    "lesson", "created_at", "updated_at", "project",
)  # fmt: skip
# A cell a spreadsheet would run as a formula (OWASP "CSV injection"): = + - @ and the
# tab/CR that some spreadsheets skip before one. Such user-text cells get a leading
# apostrophe, which spreadsheets read as "this is text" and hide. The CSV is for
# reading in a spreadsheet; the JSON export is the exact copy.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: str | None) -> str:
    """A user-text cell, defused against formula injection (see _FORMULA_START)."""
    if not value:
        return ""
    return "'" + value if value.startswith(_FORMULA_START) else value


def write_csv(out: IO[str], entries: Iterable[EntryData],
              projects: Mapping[str, str] | None = None) -> int:  # fmt: skip
    """RFC 4180 CSV (CRLF rows, quoted where needed), a header row, one row per entry.

    `projects`: entry uid -> the short name of the project it is linked to.

    Open `out` with newline="" so embedded line breaks are kept as typed.
    """
    import csv
    import io

    chunk = io.StringIO()  # rows go out a few hundred at a time (see write_markdown)
    writer = csv.writer(chunk, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    links = projects or {}
    n = 0
    for e in entries:
        if n % 256 == 255:
            out.write(chunk.getvalue())
            chunk.seek(0)
            chunk.truncate()
        writer.writerow((
            e.id, e.uid, e.day.isoformat(), e.kind, csv_cell(e.text), " ".join(e.tags),
            csv_cell(e.note), "" if e.minutes is None else e.minutes, e.decision or "",
            e.outcome or "", csv_cell(e.lesson), e.created_at.isoformat(),
            e.updated_at.isoformat(), links.get(e.uid, ""),
        ))  # fmt: skip
        n += 1
    out.write(chunk.getvalue())
    return n


# ======================================================================================
# The Markdown summary (pure: built from the history and the selection's counts)
# ======================================================================================


def describe_filters(filters: Filters) -> tuple[str, ...]:
    """The export's filters as the summary's "Only:" line names them."""
    parts = []
    if filters.kind:
        parts.append(t("transfer.md_only_kind", kind=t(_KIND_LABEL[filters.kind])))
    parts.extend(t("transfer.md_only_tag", tag=tag) for tag in filters.tags)
    if filters.since:
        parts.append(t("transfer.md_only_since", day=filters.since.isoformat()))
    if filters.until:
        parts.append(t("transfer.md_only_until", day=filters.until.isoformat()))
    if filters.search:
        parts.append(t("transfer.md_only_matching", text=repr(filters.search)))
    return tuple(parts)


def streak_lines(figs: stats.Figures) -> dict[str, str]:
    """The Markdown summary's streak lines: the whole journal's figures as of today."""
    return {
        t("transfer.md_daily_streak"): t(
            "transfer.md_daily_streak_value", days=t("transfer.md_days", n=figs.streak.current),
            longest=number(figs.streak.longest), day=fmt_day(figs.as_of)),
        t("transfer.md_weekly_streak"): t(
            "transfer.md_weekly_streak_value",
            weeks=t("transfer.md_weeks", n=figs.weekly_streak.current),
            longest=number(figs.weekly_streak.longest)),
        t("transfer.md_consistency"): percent(figs.consistency.all_time),
        t("transfer.md_score"): percent(figs.score),
    }  # fmt: skip


class Selection(NamedTuple):
    """What an export's selection holds: entries by kind, first and last day, days."""

    by_kind: dict[str, int]
    first: date | None
    last: date | None
    days: int


def whole_journal(hist: History) -> Selection:
    """The selection of an unfiltered export, from the figures' per-day counts alone."""
    from shipit.domain.stats import DayColumns

    cols = DayColumns.of(hist.counts)
    totals = (sum(cols.ships), sum(cols.steps), sum(cols.attempts))
    by_kind = {k: n for k, n in zip(KINDS, totals, strict=True) if n}
    if not cols.days:
        return Selection(by_kind, None, None, 0)
    return Selection(by_kind, date.fromordinal(cols.days[0]), date.fromordinal(cols.days[-1]),
                     len(cols.days))  # fmt: skip


def markdown_summary(hist: History, filters: Filters, sel: Selection) -> MarkdownSummary:
    """The Markdown summary: the selection's counts, the whole journal's weeks and streaks."""
    from shipit.domain.stats import DayColumns

    lo = filters.since or sel.first
    hi = filters.until or sel.last
    figs = hist.figures()
    weeks = {wf.start: wf for wf in figs.weeks}
    # Week headings take their figures from `weeks` (first entry's week to this week);
    # a week outside them (an entry dated tomorrow) falls back to counting its ships.
    covered = (figs.weeks[0].start, figs.weeks[-1].start + timedelta(6)) if figs.weeks else None
    skips: tuple[tuple[date, str | None], ...] = ()
    shipped_by_week: dict[date, int] = {}
    shipped_days = 0
    if lo is not None and hi is not None:
        skips = tuple((d, r) for d, r in sorted(hist.skips.items()) if lo <= d <= hi)
        # Shipped days are facts of the journal, not of the filter: every ship counts.
        ships = DayColumns.of(hist.counts).ship_ordinals()  # ascending
        shipped_days = max(0, bisect_right(ships, hi.toordinal())
                           - bisect_left(ships, lo.toordinal()))  # fmt: skip
        inside = (0, 0) if covered is None else (covered[0].toordinal(), covered[1].toordinal())
        for o in ships:
            if not inside[0] <= o <= inside[1]:
                monday = dates.iso_week_start(date.fromordinal(o))
                shipped_by_week[monday] = shipped_by_week.get(monday, 0) + 1
    return MarkdownSummary(
        entries=sum(sel.by_kind.values()), by_kind=sel.by_kind, days=sel.days,
        first_day=sel.first, last_day=sel.last, shipped_days=shipped_days,
        weekly_target=hist.settings.weekly_target, shipped_by_week=shipped_by_week,
        weeks=weeks, skips=skips, filters=describe_filters(filters), exported_on=hist.today,
        streaks=streak_lines(figs),
    )  # fmt: skip
