"""Rich renderables from plain data. All escaping of user text lives here.

User text is data, never markup: it reaches Rich only as `rich.text.Text` built from
`safe()`, which makes terminal control sequences visible instead of obeyed. The
stored text is never changed; only its display is.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from shipit.domain.entries import DECISIONS, KINDS, OUTCOMES, hashtags
from shipit.domain.text import fmt_day, percent, plural, safe
from shipit.i18n import t
from shipit.views.line import Line, Segment, as_text, plain

__all__ = ["fmt_day", "percent", "plural", "safe"]  # shared wording, re-exported for the views

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.text import Text

    from shipit.domain.entries import EntryData, TodayData

KIND_STYLE = {"ship": "bold green", "step": "cyan", "attempt": "magenta"}
KIND_ICON = {"ship": "✔", "step": "⏱", "attempt": "↻"}
OUTCOME_STYLE = {"open": "yellow", "succeeded": "green", "failed": "red"}

def user_text(value: str, style: str = "") -> Text:
    from rich.text import Text

    return Text(safe(value), style=style)


_consoles: dict[bool, Console] = {}


def console(stderr: bool = False) -> Console:
    """The process's console for stdout (or stderr). Honours NO_COLOR and non-TTYs."""
    if stderr not in _consoles:
        from rich.console import Console

        _consoles[stderr] = Console(
            stderr=stderr,
            highlight=False,
            emoji=False,
            markup=True,  # our own fixed strings only; user text goes through Text
        )
    return _consoles[stderr]


def reset_consoles() -> None:
    """Forget cached consoles (tests swap stdout between invocations)."""
    _consoles.clear()


def out(*renderables: RenderableType, **kwargs: Any) -> None:
    """Print each renderable on its own line(s) to stdout.

    Piped or redirected (stdout a pipe or a file), a table becomes records: one line
    per row, its cells tab-separated in the table's columns, so grep, cut and awk work.
    """
    records = stdout_is_pipe_or_file()
    for renderable in renderables:
        if records and _is_table(renderable):
            sys.stdout.write(table_records(renderable))
            continue
        console().print(renderable, **kwargs)


@contextlib.contextmanager
def paged(enabled: bool = True) -> Iterator[None]:
    """Send what the block prints through a pager when it is longer than the terminal.

    As git does: only when stdout is a terminal; `$PAGER` (run by the shell), else
    `less`, with `LESS=FRX` unless LESS is set (quit if it fits, keep colours, leave the
    text on screen); `--no-pager` (enabled=False), an empty PAGER or no pager program
    print directly.
    """
    c = console()
    if not enabled or not c.is_terminal:
        yield
        return
    with c.capture() as captured:
        yield
    text = captured.get()
    import shutil

    pager = os.environ.get("PAGER", "less")
    if text.count("\n") < c.size.height or not pager.strip() or pager.strip() == "cat" or (
            "PAGER" not in os.environ and not shutil.which("less")):  # fmt: skip
        sys.stdout.write(text)
        return
    import subprocess

    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    sys.stdout.flush()
    try:
        proc = subprocess.Popen(pager, shell=True, stdin=subprocess.PIPE, env=env)
    except OSError:
        sys.stdout.write(text)
        return
    try:
        proc.communicate(text.encode(c.encoding or "utf-8", "replace"))
    except BrokenPipeError:  # the reader quit the pager early: fine
        pass
    except KeyboardInterrupt:
        proc.wait()


def stdout_is_pipe_or_file() -> bool:
    """True when stdout is a pipe, a regular file or a device that is not a terminal
    (/dev/null: what scripts and benchmarks discard); not a terminal, not a test's buffer."""
    import stat

    try:
        fd = sys.stdout.fileno()
        mode = os.fstat(fd).st_mode
        if stat.S_ISCHR(mode):
            return not os.isatty(fd)
    except (AttributeError, OSError, ValueError):
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISREG(mode) or stat.S_ISSOCK(mode)


def _is_table(renderable: Any) -> bool:
    from rich.table import Table

    return isinstance(renderable, Table)


def _cell_text(cell: Any) -> str:
    from rich.text import Text

    if isinstance(cell, Text):
        value = cell.plain
    elif isinstance(cell, str):
        value = Text.from_markup(cell).plain  # our own fixed strings (user text is Text)
    else:
        value = str(cell)
    return one_cell(value)


def one_cell(text: str) -> str:
    """A record's cell: tabs and newlines become single spaces (one record, one line)."""
    return " ".join(text.replace("\t", " ").split())


def table_records(table: Any) -> str:
    """A table as tab-separated records, no header, no padding; a cell left empty
    because it repeats the row above (the day of grouped entries) is filled in."""
    columns = [list(c.cells) for c in table.columns]
    lines = []
    previous: list[str] = []
    for i in range(table.row_count):
        row = [_cell_text(col[i]) if i < len(col) else "" for col in columns]
        if previous and row and not row[0]:
            row[0] = previous[0]
        lines.append("\t".join(row) + "\n")
        previous = row
    return "".join(lines)


def err(message: str | Text, style: str = "") -> None:
    """A message for the user on stderr (not data).

    A plain string is shown literally: messages often quote what the user typed, so
    they are never parsed as Rich markup and their control characters are escaped.
    On a stderr that is not a terminal a message is one line per line: not hard-wrapped
    at 80 columns (a pipe or a log file has no width), no padding spaces. (stdout keeps
    the width: its views are laid out for it, and tables become records when piped.)
    """
    if isinstance(message, str):
        message = user_text(message, style)
    c = console(stderr=True)
    c.print(message, style=style, soft_wrap=not c.is_terminal)


def print_json(data: Any) -> None:
    """JSON to stdout: no Rich, no colour, so pipes get exactly the document."""
    import json

    from shipit.views.terminal import for_output

    for_output(sys.stdout, json=True).write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()


def extra_tags(entry: EntryData) -> list[str]:
    """The entry's tags that its text does not already show as #hashtags."""
    shown = set(hashtags(entry.text))
    return [t for t in entry.tags if t not in shown]


def entry_body_line(entry: EntryData, *, show_tags: bool = True) -> Line:
    """What an entry shows, as views.line segments: its text with its details (outcome,
    minutes, decision, tags) and, underneath, its note and lesson. The one definition:
    `entry_body` (tables) and piped records both come from it."""
    line: Line = [(safe(entry.text), "")]
    details: list[Segment] = []
    if entry.kind == "attempt" and entry.outcome:
        details.append((outcome_word(entry.outcome), OUTCOME_STYLE.get(entry.outcome, "")))
    if entry.minutes is not None:
        details.append((t("entries.minutes", minutes=entry.minutes), ""))
    if entry.decision:
        details.append((t("entries.decision", decision=decision_word(entry.decision)), ""))
    if details:
        line.append(("  ", ""))
        for i, detail in enumerate(details):
            line += [(" · ", "dim"), detail] if i else [detail]
    if show_tags and (tags := extra_tags(entry)):
        line += [("  ", ""), (" ".join(f"#{t}" for t in tags), "blue")]
    if entry.note:
        line += [("\n", ""), (safe(entry.note), "dim italic")]
    if entry.lesson:
        line += [(t("entries.lesson"), "dim"), (safe(entry.lesson), "italic")]
    return line


def entry_body(entry: EntryData, *, show_tags: bool = True) -> Text:
    """entry_body_line as a Rich Text (a table cell)."""
    return as_text(entry_body_line(entry, show_tags=show_tags))


# A stored value (a kind, an outcome, a decision) in the reader's language; a value this
# shipit does not know (from a newer one, synced) is shown as it is.


def kind_word(kind: str) -> str:
    """'ship' / 'Lieferung' (JSON and CSV keep the stored value)."""
    return t("entries.kind_" + kind) if kind in KINDS else kind


def outcome_word(outcome: str) -> str:
    """'succeeded' / 'geglückt'."""
    return t("entries.outcome_" + outcome) if outcome in OUTCOMES else outcome


def decision_word(decision: str) -> str:
    """'delegate' / 'abgeben'."""
    return t("entries.decision_" + decision) if decision in DECISIONS else decision


def kind_label(kind: str) -> Text:
    from rich.text import Text

    return Text(kind_word(kind), style=KIND_STYLE.get(kind, ""))


def entries_table(entries: Iterable[EntryData], *, title: str | None = None,
                  author: str | None = None) -> Any:  # fmt: skip
    """Entries grouped by day (newest first as given), one section per day.

    `author`: another member's entries (a project card's "Linked by bob", `list --author
    bob`): they have no id here, so the member's name stands where the id would."""
    from rich import box
    from rich.table import Table

    entries = list(entries)
    if author is None and entries and entries[0].id is None:
        author = entries[0].author
    if console().width < NARROW_WIDTH:
        return _narrow_entries_table(entries, title=title, author=author)
    table = Table(title=title, box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False,
                  expand=False)  # fmt: skip
    table.add_column(t("entries.col_day"), no_wrap=True, style="bold")
    table.add_column(t("entries.col_id") if author is None else t("sync.col_member"),
                     justify="right", no_wrap=True, style="dim")  # fmt: skip
    table.add_column(t("entries.col_kind"), no_wrap=True)
    table.add_column(t("entries.col_entry"), overflow="fold", ratio=1)
    current: date | None = None
    for entry in entries:
        day_cell = ""
        if entry.day != current:
            if current is not None:
                table.add_section()
            current = entry.day
            day_cell = fmt_day(entry.day)
        table.add_row(day_cell, _id_cell(entry, author), kind_label(entry.kind), entry_body(entry))
    return table


def _id_cell(entry: EntryData, author: str | None) -> Any:
    if author is None and entry.id is not None:
        return f"#{entry.id}"
    return user_text(author or entry.author or "")


def entry_ref(entry: EntryData) -> str:
    """`#12`, or the member's name for another member's entry (it has no id here)."""
    return f"#{entry.id}" if entry.id is not None else one_cell(entry.author or "")


def entry_records(entries: Iterable[EntryData]) -> str:
    """entries_table's piped records, built without Rich: day, #id (or the member), kind,
    entry."""
    return "".join(f"{fmt_day(e.day)}\t{entry_ref(e)}\t{kind_word(e.kind)}\t{one_cell(plain(entry_body_line(e)))}\n"
                   for e in entries)  # fmt: skip


# Below this many columns the four-column table would crop the text away: the day
# becomes a heading row and the kind a prefix, so the id and the text always stay.
NARROW_WIDTH = 50


def _narrow_entries_table(entries: Iterable[EntryData], *, title: str | None,
                          author: str | None = None) -> Any:  # fmt: skip
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False,
                  expand=False, show_header=False)  # fmt: skip
    table.add_column("ID", justify="right", no_wrap=True, style="dim")
    table.add_column("Entry", overflow="fold", ratio=1)
    current: date | None = None
    for entry in entries:
        if entry.day != current:
            current = entry.day
            table.add_row("", Text(fmt_day(entry.day), style="bold"))
        body = kind_label(entry.kind)
        body.append(" ")
        body.append_text(entry_body(entry))
        table.add_row(_id_cell(entry, author), body)
    return table


def tags_table(rows: Iterable[tuple[str, int, date]]) -> Any:
    """`shipit tags`: each tag, how many entries have it, the last day it was used."""
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column(t("entries.col_tag"), style="blue", overflow="fold")
    table.add_column(t("entries.col_entries"), justify="right", no_wrap=True)
    table.add_column(t("entries.col_last_used"), no_wrap=True)
    for tag, count, last in rows:
        table.add_row(user_text(f"#{tag}"), str(count), fmt_day(last))
    return table


def summary_line(entry: EntryData) -> Line:
    """One entry on one line (for confirmations): id, kind, day, text, tags."""
    line: Line = [(f"{entry_ref(entry)} ", "dim"), (kind_word(entry.kind), KIND_STYLE.get(entry.kind, "")),
                  (f" {fmt_day(entry.day)}: ", "dim"), (safe(entry.text), "")]  # fmt: skip
    if tags := extra_tags(entry):
        line += [("  ", ""), (" ".join(f"#{t}" for t in tags), "blue")]
    return line


def entry_summary(entry: EntryData) -> Text:
    """summary_line as a Rich Text."""
    return as_text(summary_line(entry))


def today_glance(data: TodayData,
                 streak_lines: Sequence[Line] = ()) -> tuple[list[Line], list[Line]]:  # fmt: skip
    """`today`'s lines above its entries (the head, the streak) and below them (the hint)."""
    if data.journal_empty:
        return [[(t("entries.empty_journal"), "bold")],
                [(t("entries.empty_journal_example"), "")],
                [(t("entries.empty_journal_habit"), "dim")]], []
    ships = sum(1 for e in data.entries if e.kind == "ship")
    head: Line = [(t("entries.today", day=fmt_day(data.day)), "bold"),
                  (t("entries.shipped_today", n=ships), "bold green")
                  if data.shipped else (t("entries.not_shipped_yet"), "bold yellow")]  # fmt: skip
    after = [] if data.shipped else [[(t("entries.ship_something"), "dim")]]
    return [head, *streak_lines], after


def today_view(data: TodayData, streak_lines: Sequence[Line] = ()) -> list[Any]:
    """`today` as Rich renderables (a terminal): the glance's lines and the entries table."""
    before, after = today_glance(data, streak_lines)
    table = [entries_table(data.entries)] if data.entries else []
    return [*(as_text(line) for line in before), *table, *(as_text(line) for line in after)]


def write_today(data: TodayData, streak_lines: Sequence[Line] = ()) -> None:
    """`today` piped: the same lines and the entries as records, without Rich."""
    from shipit.views import line

    before, after = today_glance(data, streak_lines)
    line.write(*before)
    if data.entries:
        sys.stdout.write(entry_records(data.entries))
    line.write(*after)


def bell() -> None:
    """Ring the terminal bell (on stderr, so piped data stays clean); only on a terminal."""
    try:
        if sys.stderr.isatty():
            sys.stderr.write("\a")
            sys.stderr.flush()
    except (AttributeError, ValueError, OSError):
        pass


NARROW = 80  # below this many columns, tables give their text column the room


def narrow() -> bool:
    """True on a screen narrower than NARROW columns: dates and labels go compact (piped
    records always hold the full forms)."""
    return console().width < NARROW and not stdout_is_pipe_or_file()


def is_interactive() -> bool:
    """True when a person can answer a question (stdin and stderr are terminals)."""
    if os.environ.get("CI"):
        return False
    try:
        return sys.stdin.isatty() and sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False
