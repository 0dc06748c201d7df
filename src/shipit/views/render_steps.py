"""Rich renderables for the backlog, steps and attempts (see render.py for the rules).

User text reaches Rich only through `render.user_text()`. Backlog ids and entry ids
are different numbers, so every line says which one it shows: "backlog item 3"
versus "#12" / "entry 12" (the entry ids of `shipit list`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from shipit.views import render

if TYPE_CHECKING:
    from rich.text import Text

    from shipit.domain.entries import EntryData
    from shipit.domain.steps import BacklogData, StepLogged

ANNOYANCE_STYLE = {1: "dim", 2: "", 3: "yellow", 4: "bold yellow", 5: "bold red"}


def annoyance_text(level: int, *, compact: bool = False) -> Text:
    from rich.text import Text

    return Text(f"{'●' * level}{'○' * (5 - level)}" + ("" if compact else f" {level}"),
                style=ANNOYANCE_STYLE.get(level, ""))  # fmt: skip


def item_summary(item: BacklogData) -> Text:
    """`backlog item 3 (annoyance 4): text` on one line."""
    from rich.text import Text

    line = Text()
    line.append(f"backlog item {item.id}", style="bold")
    line.append(f" (annoyance {item.annoyance}): ", style="dim")
    line.append_text(render.user_text(item.text))
    return line


def backlog_table(items: Iterable[BacklogData], *, show_closed: bool = False) -> Any:
    """The backlog in the order given (most annoying first). `Item` is the backlog id."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    compact = render.narrow()  # at 60 columns the step's text gets the room
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("Item", justify="right", no_wrap=True, style="bold")
    table.add_column("Annoy" if compact else "Annoyance", no_wrap=True)
    table.add_column("Added", no_wrap=True, style="dim")
    table.add_column("Step", overflow="fold", ratio=1, min_width=20)
    if show_closed:
        table.add_column("Done", no_wrap=True)
    for item in items:
        added = item.created_at.astimezone().date()
        row: list[Any] = [
            str(item.id),
            annoyance_text(item.annoyance, compact=compact),
            f"{added.day} {added:%b}" if compact else render.fmt_day(added),
            render.user_text(item.text),
        ]
        if show_closed:
            if item.closed_at is None:
                row.append(Text("open", style="yellow"))
            elif item.entry_id is not None:
                row.append(Text(f"{'' if compact else 'entry '}#{item.entry_id}", style="green"))
            else:
                row.append(Text("done", style="green"))
        table.add_row(*row)
    return table


def entry_head(entry: EntryData) -> Text:
    """`#12 step Mon 23 Nov 2026: text` — like render.entry_summary, without repeating
    the tags (steps and attempts only get tags from the #hashtags already in the text)."""
    from rich.text import Text

    text = Text()
    text.append(f"#{entry.id} ", style="dim")
    text.append_text(render.kind_label(entry.kind))
    text.append(f" {render.fmt_day(entry.day)}: ", style="dim")
    text.append_text(render.user_text(entry.text))
    return text


def step_details(entry: EntryData) -> Text:
    from rich.text import Text

    parts = [Text(f"{entry.minutes} min")] if entry.minutes is not None else []
    if entry.decision:
        parts.append(Text(f"decision: {entry.decision}"))
    return Text(" · ", style="dim").join(parts)


def step_logged(logged: StepLogged, *, verb: str = "Logged") -> list[Text]:
    """The confirmation after a step is written: the entry, then its backlog item."""
    from rich.text import Text

    entry = logged.entry
    line = Text(f"{verb} ", style="bold")
    line.append_text(entry_head(entry))
    details = step_details(entry)
    if details:
        line.append("  ")
        line.append_text(details)
    lines = [line]
    if entry.note:
        lines.append(Text.assemble(("  brought: ", "dim"), render.user_text(entry.note)))
    if logged.item is not None:
        if logged.closed:
            lines.append(Text(f"Backlog item {logged.item.id} is done (closed by entry #{entry.id}).",
                              style="green"))  # fmt: skip
        else:
            lines.append(Text(f"Backlog item {logged.item.id} stays open in the backlog.",
                              style="yellow"))  # fmt: skip
    return lines


def attempt_line(entry: EntryData, *, verb: str) -> list[Text]:
    """The confirmation after an attempt is logged or resolved."""
    from rich.text import Text

    line = Text(f"{verb} ", style="bold")
    line.append_text(entry_head(entry))
    line.append("  ")
    outcome = entry.outcome or "open"
    line.append(outcome, style=render.OUTCOME_STYLE.get(outcome, ""))
    lines = [line]
    if entry.lesson:
        lines.append(Text.assemble(("  lesson: ", "dim"), render.user_text(entry.lesson)))
    if outcome == "open":
        lines.append(Text(f"When you know how it went: shipit resolve {entry.id} "
                          "--succeeded (or --failed --lesson \"...\")", style="dim"))  # fmt: skip
    return lines


def attempts_table(entries: Iterable[EntryData]) -> Any:
    """Attempts newest first: entry id, day, outcome, text with its lesson underneath."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("ID", justify="right", no_wrap=True, style="dim")
    table.add_column("Day", no_wrap=True)
    table.add_column("Outcome", no_wrap=True)
    table.add_column("Attempt", overflow="fold", ratio=1)
    for entry in entries:
        outcome = entry.outcome or "open"
        body = render.user_text(entry.text)
        if entry.lesson:
            body.append("\nlesson: ", style="dim")
            body.append_text(render.user_text(entry.lesson, style="italic"))
        table.add_row(
            f"#{entry.id}",
            render.fmt_day(entry.day),
            Text(outcome, style=render.OUTCOME_STYLE.get(outcome, "")),
            body,
        )
    return table
