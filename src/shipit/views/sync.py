"""Wording for the sync and hub commands."""

from __future__ import annotations

from typing import Any

from shipit.domain.text import plural

_NOUNS = {"entry": ("entry", "entries"), "skip": ("skip day", "skip days"),
          "setting": ("setting", "settings"), "backlog": ("backlog item", "backlog items")}  # fmt: skip


def _counts(counts: dict[str, int]) -> str:
    entries = counts.get("entry", 0)
    parts = [f"{entries} {_NOUNS['entry'][entries != 1]}"]
    for tbl in ("skip", "setting", "backlog"):
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


def team_table(rows: list[Any]) -> Any:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from shipit.domain.text import fmt_day
    from shipit.views.render import user_text

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for name in ("Member", "Today", "Streak", "Week", "Last ship"):
        table.add_column(name, no_wrap=name != "Last ship", overflow="fold")
    marks = {"shipped": ("✔", "green"), "not yet": ("not yet", "yellow"), "excused": ("excused", "dim")}
    for r in rows:
        who = user_text(r.author)
        if r.you:
            who.append(" (you)", style="dim")
        mark, style = marks[r.today]
        last = Text("—", style="dim")
        if r.last_day is not None:
            last = Text(f"{fmt_day(r.last_day)}: ")
            last.append_text(user_text(r.last_text or ""))
        table.add_row(who, Text(mark, style=style), f"{r.streak} d",
                      f"{r.week_shipped}/{r.week_target}", last)  # fmt: skip
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
