"""Rich renderables for the figures: stats panel, weekly review, calendar, config, skips.

Plain data in (shipit.domain.stats NamedTuples, shipit.domain.review dataclasses), renderables out. User text
(skip reasons, entry text) only ever reaches Rich through `render.user_text()`.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from shipit.views.line import Line, as_text, plain
from shipit.i18n import day_name, fmt_short_day, fmt_week, is_key, language, month_name, t
from shipit.views.render import entry_body, fmt_day, kind_label, one_cell, percent, safe, user_text

if TYPE_CHECKING:
    from rich.text import Text

    from shipit.domain.review import Calendar, SkipChange, SkipRange, WeekReview, WeekTable
    from shipit.domain.stats import Figures, Streak, WeekFigures

STATUS_STYLE = {"hit": "bold green", "missed": "red", "neutral": "dim", "open": "yellow"}

# Heatmap: one glyph per day, readable without colour; colour adds the shade.
LEVEL_GLYPHS = ("·", "░", "▒", "▓", "█")
LEVEL_STYLES = ("dim", "dim green", "green", "bold green", "bold bright_green")
EXCUSED_GLYPH = "-"
EXCUSED_STYLE = "blue"


def short_day(day: date) -> str:
    """'Tue 1 Dec' / 'Di 1. Dez'."""
    return fmt_short_day(day)


def screen_width() -> int:
    from shipit.views.render import console

    return console().width


def fits(text: str) -> bool:
    """Whether `text` fits on one line of the screen."""
    return len(text) <= screen_width()


def status_word(status: str) -> str:
    """A week's status in words: 'hit', 'missed', 'neutral, no available day', 'in progress'."""
    return t("stats.status_" + status)


def days(n: int) -> str:
    return t("stats.days", n=n)


def decimal(value: float, digits: int = 1) -> str:
    """'12.5' / '12,5'."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if language() == "de" else text


# -- streak line (log, today) ------------------------------------------------------------


def streak_line(s: Streak, *, shipped_today: bool = False,
                excused_today: str | None = None) -> Line:  # fmt: skip
    """One line for `log` and `today`: the current streak, a warning when at risk."""
    if s.at_risk:
        return [("⚠ ", "bold yellow"), (t("stats.at_risk", n=s.current), "bold yellow"),
                (t("stats.at_risk_fix"), "yellow")]  # fmt: skip
    if s.current == 0:
        line: Line = [(t("stats.streak_zero"), "bold")]
        if s.longest:
            line.append((t("stats.longest_paren", days=days(s.longest)), "dim"))
        line.append((t("stats.start_one"), "dim"))
        return line
    line = [(t("stats.streak_is", days=days(s.current)), "bold green")]
    if s.longest > s.current:
        line.append((t("stats.longest_paren", days=days(s.longest)), "dim"))
    elif s.current > 1:
        line.append((t("stats.your_longest"), "dim"))
    if excused_today and not shipped_today:
        line.append((t("stats.safe_rest" if excused_today == "rest" else "stats.safe_skip"), "dim"))
    return line


def missed_line(missed: list[date]) -> Line | None:
    """Where the streak broke, and the fix if those days were excused."""
    if not missed:
        return None
    if len(missed) == 1:
        head = t("stats.missed_one", day=short_day(missed[0]))
        fix = f"shipit skip {missed[0].isoformat()}"
    else:
        head = t("stats.missed_many", count=len(missed), start=short_day(missed[0]),
                 end=short_day(missed[-1]))  # fmt: skip
        fix = f"shipit skip {missed[0].isoformat()} --until {missed[-1].isoformat()}"
    return [(head + t("stats.ill_or_away"), "dim"), (fix, "bold")]


# -- stats ---------------------------------------------------------------------------------


def _streak_cell(s: Streak, unit: str, risk: str = "") -> Line:
    """`unit` is a plural key ("stats.days", "stats.weeks"), `risk` a message key."""
    line: Line = [(t(unit, n=s.current), "bold green" if s.current else "bold"),
                  (t("stats.longest_cell", count=t(unit, n=s.longest)), "dim")]  # fmt: skip
    if s.at_risk and risk:
        line.append((t("stats.at_risk_cell", risk=t(risk)), "bold yellow"))
    return line


def slice_label(tag: str | None, since: str | None, until: str | None) -> str:
    """What `stats --tag/--since/--until` counts, in words."""
    parts = []
    if tag is not None:
        parts.append(t("stats.slice_tag", tag=tag.strip().lstrip("#@").lower()))
    if since is not None:
        parts.append(t("stats.slice_since", when=since))
    if until is not None:
        parts.append(t("stats.slice_until", when=until))
    return t("stats.slice_only", parts=", ".join(parts))


def stats_rows(figs: Figures, rest_days: str, skip_days: int, *, slice_label: str | None = None,
               missed: list[date] | None = None) -> tuple[str, list[tuple[str, Line]]]:  # fmt: skip
    """`stats` in words: its title and its (label, value) rows: the panel on a terminal,
    `label<TAB>value` records in a pipe."""
    tot = figs.totals
    rows: list[tuple[str, Line]] = []
    if slice_label is not None:
        rows.append((t("stats.label_slice"), [(safe(slice_label), "dim")]))
    if tot.first_day is None and slice_label is None:
        rows.append((t("stats.label_journal"), [(t("stats.journal_empty"), "")]))
    elif tot.first_day is None:
        rows.append((t("stats.label_entries"), [(t("stats.slice_empty"), "")]))
    rows.append((t("stats.label_streak"),
                 _streak_cell(figs.streak, "stats.days", "stats.not_shipped_today")))
    if (broke := missed_line(missed or [])) is not None:
        rows.append(("", broke))
    rows.append((t("stats.label_active_streak"),
                 _streak_cell(figs.active_streak, "stats.days", "stats.nothing_logged_today")))
    w = figs.weekly_streak
    from shipit.domain.stats import Streak

    weekly = _streak_cell(Streak(w.current, w.longest), "stats.weeks")
    weekly.append((t("stats.weekly_target", n=w.target), "dim"))
    rows.append((t("stats.label_weekly_streak"), weekly))
    if figs.weeks:
        rows.append((t("stats.label_this_week"), week_progress_line(figs.weeks[-1])))
    c = figs.consistency
    consistency = t("stats.consistency", d7=percent(c.last_7_days), d30=percent(c.last_30_days),
                    d365=percent(c.last_365_days), all=percent(c.all_time))  # fmt: skip
    first, *more = consistency.split(" · ")  # each ' · ' a place to break (stats_panel)
    rows.append((t("stats.label_consistency"), [(first, ""), *((f" · {m}", "") for m in more)]))
    rows.append((t("stats.label_score"), [(t("stats.score", score=decimal(figs.score * 100)), "")]))
    ships: Line = [(t("stats.ships_on_days", ships=t("stats.ships", n=tot.ships),
                      days=t("stats.on_days", n=tot.shipped_days)), "")]  # fmt: skip
    if tot.first_day and tot.last_day:
        ships.append((t("stats.first_to_last", first=fmt_day(tot.first_day),
                        last=fmt_day(tot.last_day)), "dim"))  # fmt: skip
    rows.append((t("stats.label_ships"), ships))
    if tot.steps:
        rows.append((t("stats.label_steps"),
                     [(t("stats.steps_value", count=tot.steps, minutes=tot.step_minutes), "")]))
    if tot.attempts:
        a: Line = [(t("stats.attempts_value", count=tot.attempts, open=tot.attempts_open,
                      succeeded=tot.attempts_succeeded, failed=tot.attempts_failed), "")]  # fmt: skip
        if figs.bounce_back_days is not None:
            back = figs.bounce_back_days
            shown = f"{back:g}".replace(".", ",") if language() == "de" else f"{back:g}"
            a.append((t("stats.bounce_back", n=back, days=shown), "dim"))
        rows.append((t("stats.label_attempts"), a))
    rest = t("stats.rest_none") if rest_days == "none" else rest_days
    excused = t("stats.excused_value", rest=rest, skips=t("stats.skip_days", n=skip_days))
    rows.append((t("stats.label_excused"), [(excused, "dim")]))
    return t("stats.title", day=fmt_day(figs.as_of)), rows


def stats_panel(title: str, rows: list[tuple[str, Line]]) -> Any:
    """stats_rows in a Rich panel around a grid (a terminal)."""
    from rich import box
    from rich.panel import Panel
    from rich.table import Table

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    room = screen_width() - 6 - max((len(label) for label, _ in rows), default=0)
    for label, value in rows:
        grid.add_row(label, as_text(fold(value, room)))
    return Panel(grid, title=title, title_align="left", box=box.ROUNDED, expand=False)


def fold(line: Line, room: int) -> Line:
    """Break a line where its parts begin ('  longest …', ' · 30 days …') when it is wider
    than `room`, rather than let the terminal wrap it inside a figure ('56' / '%')."""
    out: Line = []
    used = 0
    for text, style in line:
        sep = next((s for s in ("  ", " · ") if text.startswith(s)), None)
        if sep is not None and out and used + len(text) > room:
            text = "\n" + text[len(sep):]
            used = 0
        out.append((text, style))
        used += len(text.rsplit("\n", 1)[-1])
    return out


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
    line: Line = [(t("stats.progress", shipped=t("stats.shipped_days", n=w.shipped_days),
                     needed=w.needed), "")]  # fmt: skip
    if w.needed != w.target:
        line.append((t("stats.progress_target", target=w.target,
                       available=t("stats.available_days", n=w.available_days)), "dim"))  # fmt: skip
    return [*line, (" · ", ""), (status_word(w.status), STATUS_STYLE[w.status])]


# -- week ----------------------------------------------------------------------------------


def week_name(start: date) -> str:
    """An ISO week as a reader names it: '2026-W49' / 'KW 49 2026'."""
    year, week, _ = start.isocalendar()
    return fmt_week(year, week)


def week_view(review: WeekReview) -> list[Any]:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    w, prev = review.week, review.previous
    head = Text()
    head.append(t("stats.week_head", week=week_name(w.start)), style="bold")
    head.append(f"  {short_day(w.start)} – {fmt_day(w.end)}", style="dim")
    from shipit.views.render import narrow

    compact = narrow()
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column(t("stats.col_day"), no_wrap=True, style="bold")
    table.add_column("", no_wrap=True)
    table.add_column(t("stats.col_kind"), no_wrap=True)
    table.add_column(t("stats.col_entry"), overflow="fold", ratio=1, min_width=20)
    for d in review.days:
        # The title names the month: at 60 columns the day is "Tue 1", the entry gets the room.
        day_label = compact_day(d.day) if compact else short_day(d.day)
        label = day_label + (t("stats.today_mark") if d.is_today else "")
        if d.shipped:
            mark = Text("✔", style="bold green")
        elif d.excused:
            mark = Text(t("stats.mark_rest" if d.excused == "rest" else "stats.mark_skip"),
                        style=EXCUSED_STYLE)  # fmt: skip
        elif d.is_future or d.is_today or d.before_first:
            mark = Text("")
        else:
            mark = Text("✘", style="red")
        if not d.entries:
            note = Text()
            if d.excused == "skip" and d.skip_reason:
                note = user_text(d.skip_reason, style="italic dim")
            elif d.is_future:
                note = Text(t("stats.upcoming"), style="dim")
            table.add_row(label, mark, "", note)
            continue
        for i, e in enumerate(d.entries):
            table.add_row(label if i == 0 else "", mark if i == 0 else "",
                          kind_label(e.kind), entry_body(e))  # fmt: skip
        if d.excused == "skip" and d.skip_reason:
            table.add_row("", "", "", user_text(d.skip_reason, style="italic dim"))
    this_week = review.days[0].day <= review.as_of <= review.days[-1].day
    summary = Text()
    summary.append(t("stats.this_week" if this_week else "stats.the_week"), style="bold")
    summary.append_text(as_text(week_progress_line(w)))
    streak = t("stats.weekly_streak", weeks=t("stats.weeks", n=w.streak))
    # Too narrow for one line: the weekly streak starts its own line rather than wrap inside it.
    summary.append(streak if fits(summary.plain + streak) else "\n" + streak.removeprefix(" · "))
    compare = Text(t("stats.week_before"), style="dim")
    compare.append(t("stats.week_before_value", shipped=t("stats.shipped_days", n=prev.shipped_days),
                     ships=t("stats.ships", n=prev.ships), status=status_word(prev.status)),
                   style="dim")  # fmt: skip
    diff = w.shipped_days - prev.shipped_days
    if diff:
        key = {(True, True): "stats.more_so_far", (True, False): "stats.more",
               (False, True): "stats.fewer_so_far", (False, False): "stats.fewer"}[diff > 0, this_week]
        change = t(key, days=t("stats.shipped_days", n=abs(diff)))
    else:
        change = t("stats.same")
    compare.append(change if fits(compare.plain + change) else "\n" + change.removeprefix(" · "),
                   style="dim")  # fmt: skip
    return [head, table, summary, compare]


def compact_day(day: date) -> str:
    """'Tue 1' / 'Di 1.' (a narrow screen: the title names the month)."""
    return f"{day_name(day)} {day.day}" + ("." if language() == "de" else "")


def week_span(start: date, end: date) -> str:
    """'9–15 Nov', '28 Dec–3 Jan' / '9.–15. Nov', '28. Dez–3. Jan'."""
    if start.month == end.month:
        return t("stats.span_month", start=start.day, end=end.day, month=month_name(end.month))
    return t("stats.span_months", start=start.day, start_month=month_name(start.month),
             end=end.day, end_month=month_name(end.month))  # fmt: skip


def week_table(data: WeekTable) -> Any:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from shipit.views.render import narrow

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False,
                  title=t("stats.table_title", n=data.target),
                  collapse_padding=narrow())  # at 60 columns, two spaces between columns  # fmt: skip
    table.add_column(t("stats.col_week"), no_wrap=True, style="bold")
    table.add_column(t("stats.col_days"), no_wrap=True)
    table.add_column(t("stats.col_shipped"), justify="right")
    table.add_column(t("stats.col_needed"), justify="right")
    table.add_column(t("stats.col_ships"), justify="right")
    table.add_column(t("stats.col_result"), no_wrap=True)
    table.add_column(t("stats.col_streak"), justify="right")
    for w in data.weeks:
        year, week, _ = w.start.isocalendar()
        table.add_row(t("stats.week_short", year=year, week=week), week_span(w.start, w.end),
                      str(w.shipped_days), str(w.needed), str(w.ships),
                      Text(t("stats.result_" + w.status), style=STATUS_STYLE[w.status]),
                      str(w.streak))  # fmt: skip
    return table


# -- calendar ------------------------------------------------------------------------------


def level(ships: int) -> int:
    return min(ships, len(LEVEL_GLYPHS) - 1)


def calendar_view(cal: Calendar) -> list[Any]:
    """A heatmap: a row per weekday, a column per ISO week; 4 + weeks columns wide."""
    from rich.text import Text

    head = Text()
    head.append(t("stats.calendar_head", title=cal.title), style="bold")
    head.append(t("stats.ships_on_days", ships=t("stats.ships", n=cal.ships),
                  days=t("stats.on_days", n=cal.shipped_days)))  # fmt: skip
    if cal.excused_days:
        excused = t("stats.excused_days", n=cal.excused_days)
        # Too narrow for one line: the excused days get their own line rather than a wrap.
        head.append(", " if fits(f"{head.plain}, {excused}") else "\n")
        head.append(excused, style="dim")
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
            months[col:col + 3] = list(f"{month_name(first.month):<3.3}")
            free_from = col + 4
    lines = [Text("    " + "".join(months), style="dim")]
    for row in range(7):
        line = Text()
        line.append(f"{day_name(cal.first_monday + timedelta(days=row)):<3.3} ", style="dim")
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
    legend.append(t("stats.legend_ships"), style="dim")
    for lv, glyph in enumerate(LEVEL_GLYPHS):
        legend.append(glyph, style=LEVEL_STYLES[lv])
        legend.append(f" {lv}{'+' if lv == len(LEVEL_GLYPHS) - 1 else ''}  ", style="dim")
    legend.append(EXCUSED_GLYPH, style=EXCUSED_STYLE)
    legend.append(t("stats.legend_excused"), style="dim")
    return [head, Text(""), *lines, Text(""), legend]


# -- config --------------------------------------------------------------------------------


def config_table(values: dict[str, str], defaults: dict[str, str],
                 descriptions: dict[str, str]) -> Any:  # fmt: skip
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column(t("stats.col_setting"), no_wrap=True, style="bold")
    table.add_column(t("stats.col_value"), no_wrap=True)
    table.add_column(t("stats.col_meaning"), overflow="fold", ratio=1, style="dim")
    for key, value in values.items():
        shown = Text(value)
        if value == defaults.get(key):
            shown.append(t("stats.default_mark"), style="dim")
        meaning = descriptions.get(key, "")
        table.add_row(key, shown, t(meaning) if is_key(meaning) else meaning)
    return table


# -- skips ---------------------------------------------------------------------------------


def skip_span(start: date, end: date) -> str:
    if start == end:
        return fmt_day(start)
    return t("stats.span_to", start=fmt_day(start), end=fmt_day(end))


def skip_list(ranges: list[SkipRange], today: date) -> Any:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    from shipit.views.render import narrow

    compact = narrow()  # at 60 columns a long span wraps at its words, the reason keeps room
    table.add_column(t("stats.col_skipped"), no_wrap=not compact, style="bold")
    table.add_column(t("stats.col_skip_days"), justify="right")
    table.add_column(t("stats.col_reason"), overflow="fold", ratio=1,
                     min_width=16 if compact else None)  # fmt: skip
    for r in ranges:
        when = Text(skip_span(r.start, r.end))
        if r.start > today:
            when.append(t("stats.planned"), style="dim")
        reason = user_text(r.reason) if r.reason else Text("-", style="dim")
        table.add_row(when, str(r.days), reason)
    return table


def skip_change(change: SkipChange) -> Text:
    from rich.text import Text

    line = Text()
    span = skip_span(change.start, change.end)
    if change.added < 0:
        line.append(t("stats.removed", n=-change.added, span=span), style="bold")
        return line
    line.append(t("stats.skipped", span=span), style="bold")
    if change.reason:
        line.append(": ")
        line.append_text(user_text(change.reason, style="italic"))
    extra = []
    if change.added:
        extra.append(t("stats.new_days", count=change.added))
    if change.kept:
        extra.append(t("stats.already_skipped", count=change.kept))
    line.append(t("stats.skip_rule", extra=", ".join(extra)), style="dim")
    return line
