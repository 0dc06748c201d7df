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


# -- auto-sync (after a writing command, on stderr; docs/sync.md) ---------------------------


def _waiting(n: int | None) -> str:
    return "changes waiting" if n is None else f"{plural(n, 'change')} waiting"


def auto_sync_line(outcome: Any) -> str | None:
    """One stderr line after an auto-sync, or None: a sync that only pushed says nothing;
    one that brought changes says what (`synced: ↑ 1 entry · ↓ 2 entries from 1 member`);
    one that failed says so once, with how many local changes wait."""
    if outcome is None:
        return None
    if outcome.error is None:
        report = outcome.report
        if not any(report.pulled.values()):
            return None
        return f"synced: {sync_line(report)}"
    if getattr(outcome.error, "unreachable", False):
        return f"not synced: hub unreachable ({_waiting(outcome.waiting)})"
    from shipit.domain.text import safe

    return f"not synced: {safe(str(outcome.error))} ({_waiting(outcome.waiting)})"


def auto_sync_interrupted() -> str:
    return "not synced: interrupted (the changes go up with the next sync)"


def auto_sync_failed(exc: BaseException) -> str:
    from shipit.domain.text import safe

    return f"not synced: unexpected {type(exc).__name__}: {safe(str(exc))} (please report it)"


# -- `shipit week --team` ----------------------------------------------------------------------

_DAY_MARKS = {"shipped": ("✔", "bold green"), "missed": ("✘", "red"), "rest": ("rest", "blue"),
              "skip": ("skip", "blue"), "not yet": ("·", "yellow"), "upcoming": ("", ""),
              "none": ("", "")}  # fmt: skip
_WEEK_STATUS = {"hit": "hit", "missed": "missed", "neutral": "no available day",
                "open": "in progress"}  # fmt: skip


def team_week_view(tw: Any) -> list[Any]:
    """The team's ISO week: one row per member (their days, shipped days against their
    target, ships), then the team's total."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from shipit.domain.team import day_status
    from shipit.domain.text import fmt_day
    from shipit.views.render import user_text

    iso = tw.start.isocalendar()
    head = Text()
    head.append(f"Team week {iso.year}-W{iso.week:02d}", style="bold")
    head.append(f"  {tw.start:%a} {tw.start.day} {tw.start:%b} – {fmt_day(tw.end)}", style="dim")
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("Member", no_wrap=True, overflow="fold")
    for i in range(7):
        table.add_column(f"{tw.members[0].review.days[i].day:%a}", no_wrap=True, justify="center")
    table.add_column("Days", no_wrap=True, justify="right")
    table.add_column("Ships", no_wrap=True, justify="right")
    table.add_column("Week", no_wrap=True)
    for m in tw.members:
        who = user_text(m.author)
        if m.you:
            who.append(" (you)", style="dim")
        marks = [Text(*_DAY_MARKS[day_status(d)]) for d in m.review.days]
        w = m.review.week
        table.add_row(who, *marks, f"{w.shipped_days}/{w.needed}", str(w.ships),
                      _WEEK_STATUS.get(w.status, w.status))  # fmt: skip
    members = len(tw.members)
    total = Text("Team: ", style="bold")
    total.append(f"{plural(tw.ships, 'ship')} on {plural(tw.shipped_days, 'shipped day')}"
                 f" · {tw.hit} of {plural(members, 'member')} hit their target")  # fmt: skip
    return [head, table, total]
