"""Rich renderables for the figures: stats panel, weekly review, calendar, config, skips.

Plain data in (shipit.domain.stats NamedTuples, shipit.domain.review dataclasses), renderables out. User text
(skip reasons, entry text) only ever reaches Rich through `render.user_text()`.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from shipit.views.line import Line, as_text, plain
from shipit.views.render import entry_body, fmt_day, kind_label, one_cell, percent, plural, safe, user_text

if TYPE_CHECKING:
    from rich.text import Text

    from shipit.domain.review import Calendar, SkipChange, SkipRange, WeekReview, WeekTable
    from shipit.domain.stats import Figures, Streak, WeekFigures

STATUS_STYLE = {"hit": "bold green", "missed": "red", "neutral": "dim", "open": "yellow"}
STATUS_WORD = {"hit": "hit", "missed": "missed", "neutral": "neutral, no available day",
               "open": "in progress"}  # fmt: skip

# Heatmap: one glyph per day, readable without colour; colour adds the shade.
LEVEL_GLYPHS = ("·", "░", "▒", "▓", "█")
LEVEL_STYLES = ("dim", "dim green", "green", "bold green", "bold bright_green")
EXCUSED_GLYPH = "-"
EXCUSED_STYLE = "blue"


def short_day(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


# -- streak line (log, today) ------------------------------------------------------------


def streak_line(s: Streak, *, shipped_today: bool = False,
                excused_today: str | None = None) -> Line:  # fmt: skip
    """One line for `log` and `today`: the current streak, a warning when at risk."""
    if s.at_risk:
        return [("⚠ ", "bold yellow"), (f"Your {s.current}-day streak is at risk: ", "bold yellow"),
                ("ship something today to keep it.", "yellow")]  # fmt: skip
    if s.current == 0:
        line: Line = [("Streak: 0 days", "bold")]
        if s.longest:
            line.append((f" (longest {plural(s.longest, 'day')})", "dim"))
        line.append((" · ship today to start one.", "dim"))
        return line
    line = [(f"Streak: {plural(s.current, 'day')}", "bold green")]
    if s.longest > s.current:
        line.append((f" (longest {plural(s.longest, 'day')})", "dim"))
    elif s.current > 1:
        line.append((" (your longest)", "dim"))
    if excused_today and not shipped_today:
        why = "a rest day" if excused_today == "rest" else "a skip day"
        line.append((f" · today is {why}: the streak is safe", "dim"))
    return line


def missed_line(days: list[date]) -> Line | None:
    """Where the streak broke, and the fix if those days were excused."""
    if not days:
        return None
    if len(days) == 1:
        head = f"{short_day(days[0])} was missed."
        fix = f"shipit skip {days[0].isoformat()}"
    else:
        head = f"{len(days)} days from {short_day(days[0])} to {short_day(days[-1])} were missed."
        fix = f"shipit skip {days[0].isoformat()} --until {days[-1].isoformat()}"
    return [(head + " Ill or away? ", "dim"), (fix, "bold")]


# -- stats ---------------------------------------------------------------------------------


def _streak_cell(s: Streak, unit: str, risk: str = "") -> Line:
    line: Line = [(plural(s.current, unit), "bold green" if s.current else "bold"),
                  (f"  longest {plural(s.longest, unit)}", "dim")]  # fmt: skip
    if s.at_risk and risk:
        line.append((f"  ⚠ at risk: {risk}", "bold yellow"))
    return line


def slice_label(tag: str | None, since: str | None, until: str | None) -> str:
    """What `stats --tag/--since/--until` counts, in words."""
    parts = []
    if tag is not None:
        parts.append(f"entries tagged #{tag.strip().lstrip('#@').lower()}")
    if since is not None:
        parts.append(f"since {since}")
    if until is not None:
        parts.append(f"until {until}")
    return "only " + ", ".join(parts)


def stats_rows(figs: Figures, rest_days: str, skip_days: int, *, slice_label: str | None = None,
               missed: list[date] | None = None) -> tuple[str, list[tuple[str, Line]]]:  # fmt: skip
    """`stats` in words: its title and its (label, value) rows: the panel on a terminal,
    `label<TAB>value` records in a pipe."""
    t = figs.totals
    rows: list[tuple[str, Line]] = []
    if slice_label is not None:
        rows.append(("Slice", [(safe(slice_label), "dim")]))
    if t.first_day is None and slice_label is None:
        rows.append(("Journal", [('empty: log your first ship with shipit log "..."', "")]))
    elif t.first_day is None:
        rows.append(("Entries", [("none in this slice", "")]))
    rows.append(("Streak", _streak_cell(figs.streak, "day", "not shipped today")))
    if (broke := missed_line(missed or [])) is not None:
        rows.append(("", broke))
    rows.append(("Active streak", _streak_cell(figs.active_streak, "day", "nothing logged today")))
    w = figs.weekly_streak
    from shipit.domain.stats import Streak

    weekly = _streak_cell(Streak(w.current, w.longest), "week")
    weekly.append((f"  target {w.target} shipped day{'s' if w.target != 1 else ''} a week", "dim"))
    rows.append(("Weekly streak", weekly))
    if figs.weeks:
        rows.append(("This week", week_progress_line(figs.weeks[-1])))
    c = figs.consistency
    consistency = (f"7 days {percent(c.last_7_days)} · 30 days {percent(c.last_30_days)} · "
                   f"365 days {percent(c.last_365_days)} · all time {percent(c.all_time)}")
    rows.append(("Consistency", [(consistency, "")]))
    rows.append(("Score", [(f"{figs.score * 100:.1f}%  (habit strength)", "")]))
    ships: Line = [(f"{plural(t.ships, 'ship')} on {plural(t.shipped_days, 'day')}", "")]
    if t.first_day and t.last_day:
        ships.append((f"  {fmt_day(t.first_day)} to {fmt_day(t.last_day)}", "dim"))
    rows.append(("Ships", ships))
    if t.steps:
        rows.append(("Steps", [(f"{t.steps} ({t.step_minutes} min)", "")]))
    if t.attempts:
        a: Line = [(f"{t.attempts}: {t.attempts_open} open, {t.attempts_succeeded} succeeded, "
                    f"{t.attempts_failed} failed", "")]  # fmt: skip
        if figs.bounce_back_days is not None:
            days = figs.bounce_back_days
            a.append((f" · back at it after {days:g} day{'' if days == 1 else 's'} (median)",
                      "dim"))  # fmt: skip
        rows.append(("Attempts", a))
    excused = f"rest days: {rest_days} · {plural(skip_days, 'skip day')}"
    rows.append(("Excused", [(excused, "dim")]))
    return f"shipit stats · {fmt_day(figs.as_of)}", rows


def stats_panel(title: str, rows: list[tuple[str, Line]]) -> Any:
    """stats_rows in a Rich panel around a grid (a terminal)."""
    from rich import box
    from rich.panel import Panel
    from rich.table import Table

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    for label, value in rows:
        grid.add_row(label, as_text(value))
    return Panel(grid, title=title, title_align="left", box=box.ROUNDED, expand=False)


def stats_records(title: str, rows: list[tuple[str, Line]]) -> str:
    """stats_rows piped, without Rich: the title, then one `label<TAB>value` record per row
    (a row without a label, the missed days under the streak, repeats the label above)."""
    out, label = [title + "\n"], ""
    for name, value in rows:
        label = name or label
        out.append(f"{label}\t{one_cell(plain(value))}\n")
    return "".join(out)


def week_progress_line(w: WeekFigures) -> Line:
    """'3 shipped days, 5 needed · in progress' (with the target when fewer are needed)."""
    line: Line = [(f"{plural(w.shipped_days, 'shipped day')}, {w.needed} needed", "")]
    if w.needed != w.target:
        line.append((f" (target {w.target}, {plural(w.available_days, 'available day')})", "dim"))
    return [*line, (" · ", ""), (STATUS_WORD[w.status], STATUS_STYLE[w.status])]


# -- week ----------------------------------------------------------------------------------


def week_view(review: WeekReview) -> list[Any]:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    w, prev = review.week, review.previous
    head = Text()
    head.append(f"Week {w.label}", style="bold")
    head.append(f"  {short_day(w.start)} – {fmt_day(w.end)}", style="dim")
    from shipit.views.render import narrow

    compact = narrow()
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("Day", no_wrap=True, style="bold")
    table.add_column("", no_wrap=True)
    table.add_column("Kind", no_wrap=True)
    table.add_column("Entry", overflow="fold", ratio=1, min_width=20)
    for d in review.days:
        # The title names the month: at 60 columns the day is "Tue 1", the entry gets the room.
        day_label = f"{d.day:%a} {d.day.day}" if compact else short_day(d.day)
        label = day_label + (" (today)" if d.is_today else "")
        if d.shipped:
            mark = Text("✔", style="bold green")
        elif d.excused:
            mark = Text("rest" if d.excused == "rest" else "skip", style=EXCUSED_STYLE)
        elif d.is_future or d.is_today or d.before_first:
            mark = Text("")
        else:
            mark = Text("✘", style="red")
        if not d.entries:
            note = Text()
            if d.excused == "skip" and d.skip_reason:
                note = user_text(d.skip_reason, style="italic dim")
            elif d.is_future:
                note = Text("upcoming", style="dim")
            table.add_row(label, mark, "", note)
            continue
        for i, e in enumerate(d.entries):
            table.add_row(label if i == 0 else "", mark if i == 0 else "",
                          kind_label(e.kind), entry_body(e))  # fmt: skip
        if d.excused == "skip" and d.skip_reason:
            table.add_row("", "", "", user_text(d.skip_reason, style="italic dim"))
    this_week = review.days[0].day <= review.as_of <= review.days[-1].day
    summary = Text()
    summary.append("This week: " if this_week else "The week: ", style="bold")
    summary.append_text(as_text(week_progress_line(w)))
    summary.append(f" · weekly streak {plural(w.streak, 'week')}")
    compare = Text("Week before: ", style="dim")
    compare.append(f"{plural(prev.shipped_days, 'shipped day')}, {plural(prev.ships, 'ship')}, "
                   f"{STATUS_WORD[prev.status]}", style="dim")  # fmt: skip
    diff = w.shipped_days - prev.shipped_days
    if diff:
        more = "more" if diff > 0 else "fewer"
        compare.append(f" · {plural(abs(diff), 'shipped day')} {more} this week"
                       f"{' so far' if this_week else ''}", style="dim")  # fmt: skip
    else:
        compare.append(" · the same number of shipped days", style="dim")
    return [head, table, summary, compare]


def week_span(start: date, end: date) -> str:
    """'9–15 Nov', '28 Dec–3 Jan'."""
    if start.month == end.month:
        return f"{start.day}–{end.day} {end:%b}"
    return f"{start.day} {start:%b}–{end.day} {end:%b}"


def week_table(data: WeekTable) -> Any:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False,
                  title=f"Weekly target: {data.target} shipped days")  # fmt: skip
    table.add_column("Week", no_wrap=True, style="bold")
    table.add_column("Days", no_wrap=True)
    table.add_column("Shipped", justify="right")
    table.add_column("Needed", justify="right")
    table.add_column("Ships", justify="right")
    table.add_column("Result", no_wrap=True)
    table.add_column("Streak", justify="right")
    for w in data.weeks:
        table.add_row(w.label, week_span(w.start, w.end),
                      str(w.shipped_days), str(w.needed), str(w.ships),
                      Text(w.status, style=STATUS_STYLE[w.status]), str(w.streak))  # fmt: skip
    return table


# -- calendar ------------------------------------------------------------------------------


def level(ships: int) -> int:
    return min(ships, len(LEVEL_GLYPHS) - 1)


def calendar_view(cal: Calendar) -> list[Any]:
    """A heatmap: a row per weekday, a column per ISO week; 4 + weeks columns wide."""
    from rich.text import Text

    head = Text()
    head.append(f"Ships in {cal.title}: ", style="bold")
    head.append(f"{plural(cal.ships, 'ship')} on {plural(cal.shipped_days, 'day')}")
    if cal.excused_days:
        head.append(f", {plural(cal.excused_days, 'excused day')}", style="dim")
    months = [" "] * cal.columns
    # Label the column whose week holds the 1st of a month; the first column gets its
    # month only when the next label leaves room for it.
    labels: list[tuple[int, date]] = []
    for col in range(cal.columns):
        monday = cal.first_monday + timedelta(days=7 * col)
        first = next((d for i in range(7) if (d := monday + timedelta(days=i)).day == 1), None)
        if first is not None:
            labels.append((col, first))
    if not labels or labels[0][0] >= 4:
        labels.insert(0, (0, cal.first_monday))
    free_from = 0
    for col, first in labels:
        if col >= free_from and col + 3 <= cal.columns:
            months[col:col + 3] = list(f"{first:%b}")
            free_from = col + 4
    lines = [Text("    " + "".join(months), style="dim")]
    names = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    for row in range(7):
        line = Text()
        line.append(f"{names[row]} ", style="dim")
        for col in range(cal.columns):
            cell = cal.days[col * 7 + row]
            style = "underline" if cell.is_today else ""
            if not cell.in_range:
                line.append(" ")
            elif cell.ships:
                lv = level(cell.ships)
                line.append(LEVEL_GLYPHS[lv], style=f"{LEVEL_STYLES[lv]} {style}".strip())
            elif cell.excused:
                line.append(EXCUSED_GLYPH, style=f"{EXCUSED_STYLE} {style}".strip())
            else:
                line.append(LEVEL_GLYPHS[0], style=f"dim {style}".strip())
        lines.append(line)
    legend = Text()
    legend.append("    ships: ", style="dim")
    for lv, glyph in enumerate(LEVEL_GLYPHS):
        legend.append(glyph, style=LEVEL_STYLES[lv])
        legend.append(f" {lv}{'+' if lv == len(LEVEL_GLYPHS) - 1 else ''}  ", style="dim")
    legend.append(EXCUSED_GLYPH, style=EXCUSED_STYLE)
    legend.append(" excused (rest or skip day)", style="dim")
    return [head, Text(""), *lines, Text(""), legend]


# -- config --------------------------------------------------------------------------------


def config_table(values: dict[str, str], defaults: dict[str, str],
                 descriptions: dict[str, str]) -> Any:  # fmt: skip
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("Setting", no_wrap=True, style="bold")
    table.add_column("Value", no_wrap=True)
    table.add_column("Meaning", overflow="fold", ratio=1, style="dim")
    for key, value in values.items():
        shown = Text(value)
        if value == defaults.get(key):
            shown.append(" (default)", style="dim")
        table.add_row(key, shown, descriptions.get(key, ""))
    return table


# -- skips ---------------------------------------------------------------------------------


def skip_span(start: date, end: date) -> str:
    if start == end:
        return fmt_day(start)
    return f"{fmt_day(start)} to {fmt_day(end)}"


def skip_list(ranges: list[SkipRange], today: date) -> Any:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("Skipped", no_wrap=True, style="bold")
    table.add_column("Days", justify="right")
    table.add_column("Reason", overflow="fold", ratio=1)
    for r in ranges:
        when = Text(skip_span(r.start, r.end))
        if r.start > today:
            when.append(" (planned)", style="dim")
        reason = user_text(r.reason) if r.reason else Text("-", style="dim")
        table.add_row(when, str(r.days), reason)
    return table


def skip_change(change: SkipChange) -> Text:
    from rich.text import Text

    line = Text()
    span = skip_span(change.start, change.end)
    if change.added < 0:
        line.append(f"Removed {plural(-change.added, 'skip day')} ({span}).", style="bold")
        return line
    line.append(f"Skipped {span}", style="bold")
    if change.reason:
        line.append(": ")
        line.append_text(user_text(change.reason, style="italic"))
    extra = []
    if change.added:
        extra.append(f"{change.added} new")
    if change.kept:
        extra.append(f"{change.kept} already skipped")
    line.append(f" ({', '.join(extra)}). Excused days neither break nor extend a streak.",
                style="dim")  # fmt: skip
    return line
