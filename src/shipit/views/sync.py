"""Wording for the sync and hub commands."""

from __future__ import annotations

from typing import Any

from shipit.domain.text import fmt_day, plural, safe
from shipit.views.line import Line, as_text, plain
from shipit.views.render import one_cell

_NOUNS = {"entry": ("entry", "entries"), "skip": ("skip day", "skip days"),
          "setting": ("setting", "settings"), "backlog": ("backlog item", "backlog items"),
          "project": ("project", "projects"), "card": ("card item", "card items"),
          "project_link": ("project link", "project links")}  # fmt: skip
# A project's answers, date moves and thrash items are counted together: card items.
_CARD = ("project_answer", "project_move", "project_thrash")


def _counts(counts: dict[str, int]) -> str:
    counts = {**counts, "card": sum(counts.get(t, 0) for t in _CARD)}
    entries = counts.get("entry", 0)
    parts = [f"{entries} {_NOUNS['entry'][entries != 1]}"]
    for tbl in ("skip", "setting", "backlog", "project", "card", "project_link"):
        n = counts.get(tbl, 0)
        if n:
            parts.append(f"{n} {_NOUNS[tbl][n != 1]}")
    return ", ".join(parts)


def sync_line(report: Any) -> str:
    """`↑ 3 entries · ↓ 12 entries from 2 members` (dry run: what would move)."""
    members = len(report.members)
    line = f"↑ {_counts(report.pushed)} · ↓ {_counts(report.pulled)}"
    if members:
        line += f" from {members} {'member' if members == 1 else 'members'}"
    if report.dry_run:
        line = "would move: " + line + " (dry run: nothing moved)"
    return line


def status_lines(status: Any) -> list[str]:
    if status.url is None:
        return ["not joined to a hub (join one: shipit sync init URL)",
                f"{plural(status.waiting, 'change')} waiting"]  # fmt: skip
    when = status.last_at.astimezone().strftime("%a %d %b %Y %H:%M") if status.last_at else "never"
    return [f"hub: {status.url}", f"author: {status.author}", f"last sync: {when}",
            f"{plural(status.waiting, 'change')} waiting"]  # fmt: skip


_MARKS = {"shipped": ("✔", "green"), "not yet": ("not yet", "yellow"),
          "excused": ("excused", "dim")}  # fmt: skip


def team_cells(rows: list[Any]) -> list[list[Line]]:
    """Each member's cells (Member, Today, Streak, Week, Last ship) as styled lines: the
    one wording of the table and of its piped records."""
    out = []
    for r in rows:
        who: Line = [(safe(r.author), "")]
        if r.you:
            who.append((" (you)", "dim"))
        mark, style = _MARKS[r.today]
        last: Line = [("—", "dim")]
        if r.last_day is not None:
            last = [(f"{fmt_day(r.last_day)}: ", ""), (safe(r.last_text or ""), "")]
        out.append([who, [(mark, style)], [(f"{r.streak} d", "")],
                    [(f"{r.week_shipped}/{r.week_target}", "")], last])  # fmt: skip
    return out


def team_records(rows: list[Any]) -> str:
    """The team table piped: one tab-separated record per member, without Rich."""
    return "".join("\t".join(one_cell(plain(cell)) for cell in cells) + "\n"
                   for cells in team_cells(rows))  # fmt: skip


def team_table(rows: list[Any]) -> Any:
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for name in ("Member", "Today", "Streak", "Week", "Last ship"):
        table.add_column(name, no_wrap=name != "Last ship", overflow="fold")
    for cells in team_cells(rows):
        table.add_row(*(as_text(cell) for cell in cells))
    return table
