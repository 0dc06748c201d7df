"""Rich renderables for the backlog, steps and attempts (see render.py for the rules).

User text reaches Rich only through `render.user_text()`. Backlog ids and entry ids
are different numbers, so every line says which one it shows: "backlog item 3"
versus "#12" / "entry 12" (the entry ids of `shipit list`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from shipit.i18n import t
from shipit.views import render

if TYPE_CHECKING:
    from datetime import date

    from rich.text import Text

    from shipit.domain.entries import EntryData
    from shipit.domain.steps import BacklogData, StepLogged

ANNOYANCE_STYLE = {1: "dim", 2: "", 3: "yellow", 4: "bold yellow", 5: "bold red"}


def compose(template: str, style: str = "", **parts: Text | str) -> Text:
    """A worded message with Rich parts in its {slots}: `compose(t("steps.logged",
    head="{head}"), head=...)`. The words between the slots get `style`; each part keeps
    its own (user text stays literal: the parts are Text, never markup)."""
    import string

    from rich.text import Text

    line = Text()
    for literal, name, _, _ in string.Formatter().parse(template):
        if literal:
            line.append(literal, style=style)
        if name is not None:
            part = parts[name]
            if isinstance(part, str):
                line.append(part, style=style)
            else:
                line.append_text(part)
    return line


def outcome_word(outcome: str) -> str:
    """open / succeeded / failed in the reader's language (JSON keeps the English value)."""
    return t(f"steps.outcome.{outcome}")


def decision_word(decision: str) -> str:
    """self / delegate / drop in the reader's language (JSON keeps the English value)."""
    from shipit.domain.entries import DECISIONS
    from shipit.i18n import template

    words = template("steps.decision_words")
    return words[DECISIONS.index(decision)] if decision in DECISIONS else decision


def annoyance_text(level: int, *, compact: bool = False) -> Text:
    from rich.text import Text

    return Text(f"{'●' * level}{'○' * (5 - level)}" + ("" if compact else f" {level}"),
                style=ANNOYANCE_STYLE.get(level, ""))  # fmt: skip


def item_summary(item: BacklogData) -> Text:
    """`backlog item 3 (annoyance 4): text` on one line."""
    from rich.text import Text

    return compose(t("steps.item_summary", item="{item}", level=item.annoyance, text="{text}"),
                   "dim", item=Text(t("steps.item", id=item.id), style="bold"),
                   text=render.user_text(item.text))  # fmt: skip


def item_line(key: str, item: BacklogData) -> Text:
    """`Added backlog item 3 (annoyance 4): text` (key: steps.added/edited/dropped)."""
    return compose(t(key, item="{item}"), "bold", item=item_summary(item))


def compact_day(day: date) -> str:
    """'23 Nov' / '23. Nov': a day in a narrow table (the year is this one, mostly)."""
    from shipit.i18n import month_name

    return t("steps.compact_day", day=day.day, month=month_name(day.month))


def backlog_table(items: Iterable[BacklogData], *, show_closed: bool = False) -> Any:
    """The backlog in the order given (most annoying first). `Item` is the backlog id."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    compact = render.narrow()  # at 60 columns the step's text gets the room
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column(t("steps.col_item"), justify="right", no_wrap=True, style="bold")
    table.add_column(t("steps.col_annoyance_short" if compact else "steps.col_annoyance"),
                     no_wrap=True)  # fmt: skip
    table.add_column(t("steps.col_added"), no_wrap=True, style="dim")
    table.add_column(t("steps.col_step"), overflow="fold", ratio=1, min_width=20)
    if show_closed:
        table.add_column(t("steps.col_done"), no_wrap=True)
    for item in items:
        added = item.created_at.astimezone().date()
        row: list[Any] = [
            str(item.id),
            annoyance_text(item.annoyance, compact=compact),
            compact_day(added) if compact else render.fmt_day(added),
            render.user_text(item.text),
        ]
        if show_closed:
            if item.closed_at is None:
                row.append(Text(t("steps.state_open"), style="yellow"))
            elif item.entry_id is not None:
                row.append(Text(f"#{item.entry_id}" if compact
                                else t("steps.closed_by_entry", id=item.entry_id), style="green"))
            else:
                row.append(Text(t("steps.state_done"), style="green"))
        table.add_row(*row)
    return table


def entry_head(entry: EntryData) -> Text:
    """`#12 step Mon 23 Nov 2026: text` — like render.entry_summary, without repeating
    the tags (steps and attempts only get tags from the #hashtags already in the text)."""
    from rich.text import Text

    kind = Text(t(f"steps.kind.{entry.kind}"), style=render.KIND_STYLE.get(entry.kind, ""))
    return compose(t("steps.head", id="{id}", kind="{kind}", day="{day}", text="{text}"), "dim",
                   id=Text(f"#{entry.id}", style="dim"), kind=kind,
                   day=Text(render.fmt_day(entry.day), style="dim"),
                   text=render.user_text(entry.text))  # fmt: skip


def step_details(entry: EntryData) -> Text:
    from rich.text import Text

    parts = [Text(t("steps.minutes", n=entry.minutes))] if entry.minutes is not None else []
    if entry.decision:
        parts.append(Text(t("steps.decision", decision=decision_word(entry.decision))))
    return Text(" · ", style="dim").join(parts)


def headline(key: str, entry: EntryData) -> Text:
    """`Logged #12 step Mon 23 Nov 2026: text` (key: steps.logged, steps.resolved, ...)."""
    return compose(t(key, head="{head}"), "bold", head=entry_head(entry))


def step_logged(logged: StepLogged, *, verb: str = "steps.logged") -> list[Text]:
    """The confirmation after a step is written: the entry, then its backlog item.
    `verb` is the key of the headline (steps.logged, steps.logged_interrupted)."""
    from rich.text import Text

    entry = logged.entry
    line = headline(verb, entry)
    details = step_details(entry)
    if details:
        line.append("  ")
        line.append_text(details)
    lines = [line]
    if entry.note:
        lines.append(Text.assemble((t("steps.brought"), "dim"), render.user_text(entry.note)))
    if logged.item is not None:
        if logged.closed:
            lines.append(Text(t("steps.item_closed", id=logged.item.id, entry=entry.id),
                              style="green"))  # fmt: skip
        else:
            lines.append(Text(t("steps.item_stays_open", id=logged.item.id), style="yellow"))
    return lines


def attempt_line(entry: EntryData, *, verb: str) -> list[Text]:
    """The confirmation after an attempt is logged or resolved (`verb`: the key of the
    headline, steps.attempt_logged or steps.resolved)."""
    from rich.text import Text

    line = headline(verb, entry)
    line.append("  ")
    outcome = entry.outcome or "open"
    line.append(outcome_word(outcome), style=render.OUTCOME_STYLE.get(outcome, ""))
    lines = [line]
    if entry.lesson:
        lines.append(Text.assemble((t("steps.lesson"), "dim"), render.user_text(entry.lesson)))
    if outcome == "open":
        lines.append(Text(t("steps.resolve_hint", id=entry.id), style="dim"))
    return lines


def attempts_table(entries: Iterable[EntryData]) -> Any:
    """Attempts newest first: entry id, day, outcome, text with its lesson underneath."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    compact = render.narrow()  # at 60 columns the attempt's text gets the room
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column(t("steps.col_id"), justify="right", no_wrap=True, style="dim")
    table.add_column(t("steps.col_day"), no_wrap=True)
    table.add_column(t("steps.col_outcome"), no_wrap=True)
    table.add_column(t("steps.col_attempt"), overflow="fold", ratio=1)
    for entry in entries:
        outcome = entry.outcome or "open"
        body = render.user_text(entry.text)
        if entry.lesson:
            body.append("\n" + t("steps.table_lesson"), style="dim")
            body.append_text(render.user_text(entry.lesson, style="italic"))
        table.add_row(
            f"#{entry.id}",
            compact_day(entry.day) if compact else render.fmt_day(entry.day),
            Text(outcome_word(outcome), style=render.OUTCOME_STYLE.get(outcome, "")),
            body,
        )
    return table
