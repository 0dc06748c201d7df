"""Wording for the sync and hub commands."""

from __future__ import annotations

from typing import Any

from shipit.domain.text import fmt_day, safe
from shipit.i18n import day_name, fmt_short_day, fmt_week, t
from shipit.views.line import Line, as_text, plain
from shipit.views.render import one_cell

# What moved, counted per table: the catalogue key of each (one, many) pair.
_NOUNS = {"entry": "sync.n_entries", "skip": "sync.n_skip_days", "setting": "sync.n_settings",
          "backlog": "sync.n_backlog_items", "project": "sync.n_projects",
          "card": "sync.n_card_items", "project_link": "sync.n_project_links"}  # fmt: skip
# A project's answers, date moves and thrash items are counted together: card items.
_CARD = ("project_answer", "project_move", "project_thrash")


def _counts(counts: dict[str, int]) -> str:
    counts = {**counts, "card": sum(counts.get(t, 0) for t in _CARD)}
    entries = counts.get("entry", 0)
    parts = [t(_NOUNS["entry"], n=entries)]
    for tbl in ("skip", "setting", "backlog", "project", "card", "project_link"):
        n = counts.get(tbl, 0)
        if n:
            parts.append(t(_NOUNS[tbl], n=n))
    return ", ".join(parts)


def sync_line(report: Any) -> str:
    """`↑ 3 entries · ↓ 12 entries from 2 members` (dry run: what would move)."""
    members = len(report.members)
    line = f"↑ {_counts(report.pushed)} · ↓ {_counts(report.pulled)}"
    if members:
        line += " " + t("sync.from_members", n=members)
    if report.dry_run:
        line = t("sync.dry_run_line", line=line)
    return line


def status_lines(status: Any) -> list[str]:
    if status.url is None:
        return [t("sync.status_not_joined"), t("sync.changes_waiting", n=status.waiting)]
    when = t("sync.never")
    if status.last_at:
        local = status.last_at.astimezone()
        when = f"{fmt_day(local.date())} {local:%H:%M}"
    return [t("sync.status_hub", url=status.url), t("sync.status_author", author=status.author),
            t("sync.status_last", when=when), t("sync.changes_waiting", n=status.waiting)]


_MARKS = {"shipped": ("sync.mark_shipped", "green"), "not yet": ("sync.mark_not_yet", "yellow"),
          "excused": ("sync.mark_excused", "dim")}  # fmt: skip


def team_cells(rows: list[Any]) -> list[list[Line]]:
    """Each member's cells (Member, Today, Streak, Week, Last ship) as styled lines: the
    one wording of the table and of its piped records."""
    out = []
    for r in rows:
        who: Line = [(safe(r.author), "")]
        if r.you:
            who.append((" " + t("sync.you"), "dim"))
        mark, style = _MARKS[r.today]
        mark = t(mark)
        last: Line = [("—", "dim")]
        if r.last_day is not None:
            last = [(f"{fmt_day(r.last_day)}: ", ""), (safe(r.last_text or ""), "")]
        out.append([who, [(mark, style)], [(t("sync.streak_days", n=r.streak), "")],
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
    for i, key in enumerate(("sync.col_member", "sync.col_today", "sync.col_streak",
                             "sync.col_week", "sync.col_last_ship")):  # fmt: skip
        table.add_column(t(key), no_wrap=i != 4, overflow="fold")
    for cells in team_cells(rows):
        table.add_row(*(as_text(cell) for cell in cells))
    return table


# -- auto-sync (after a writing command, on stderr; docs/sync.md) ---------------------------


def _waiting(n: int | None) -> str:
    return t("sync.some_changes_waiting") if n is None else t("sync.changes_waiting", n=n)


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
        return t("sync.auto_synced", line=sync_line(report))
    if getattr(outcome.error, "key", None) == "sync.no_driver":
        return t("sync.auto_no_driver", waiting=_waiting(outcome.waiting))
    if getattr(outcome.error, "unreachable", False):
        return t("sync.auto_unreachable", waiting=_waiting(outcome.waiting))
    return t("sync.auto_failed", error=safe(str(outcome.error)), waiting=_waiting(outcome.waiting))


def auto_sync_interrupted() -> str:
    return t("sync.auto_interrupted")


def auto_sync_failed(exc: BaseException) -> str:
    return t("sync.auto_unexpected", name=type(exc).__name__, error=safe(str(exc)))


# -- `shipit week --team` ----------------------------------------------------------------------

_DAY_MARKS = {"shipped": ("✔", "bold green"), "missed": ("✘", "red"),
              "rest": ("sync.day_rest", "blue"), "skip": ("sync.day_skip", "blue"),
              "not yet": ("·", "yellow"), "upcoming": ("", ""), "none": ("", "")}  # fmt: skip
_WEEK_STATUS = {"hit": "sync.week_hit", "missed": "sync.week_missed",
                "neutral": "sync.week_neutral", "open": "sync.week_open"}  # fmt: skip


def team_week_view(tw: Any) -> list[Any]:
    """The team's ISO week: one row per member (their days, shipped days against their
    target, ships), then the team's total."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from shipit.domain.team import day_status
    from shipit.views.render import user_text

    iso = tw.start.isocalendar()
    head = Text()
    head.append(t("sync.team_week", week=fmt_week(iso.year, iso.week)), style="bold")
    head.append(f"  {fmt_short_day(tw.start)} – {fmt_day(tw.end)}", style="dim")
    # Narrow enough for 60 columns: one space between columns, two-letter day names;
    # a long name or week status wraps onto a second line rather than being cut.
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=0)
    table.add_column(t("sync.col_member"), overflow="fold", min_width=5)
    for i in range(7):
        table.add_column(day_name(tw.members[0].review.days[i].day)[:2], no_wrap=True,
                         justify="center")  # fmt: skip
    table.add_column(t("sync.col_days"), no_wrap=True, justify="right")
    table.add_column(t("sync.col_ships"), no_wrap=True, justify="right")
    table.add_column(t("sync.col_week"), overflow="fold", min_width=4)
    for m in tw.members:
        who = user_text(m.author)
        if m.you:
            who.append(" " + t("sync.you"), style="dim")
        marks = []
        for d in m.review.days:
            mark, style = _DAY_MARKS[day_status(d)]
            marks.append(Text(t(mark) if "." in mark else mark, style=style))
        w = m.review.week
        status = _WEEK_STATUS.get(w.status)
        table.add_row(who, *marks, f"{w.shipped_days}/{w.needed}", str(w.ships),
                      t(status) if status else w.status)  # fmt: skip
    total = Text(t("sync.team_total_label") + " ", style="bold")
    total.append(t("sync.team_total", ships=t("sync.n_ships", n=tw.ships),
                   days=t("sync.n_shipped_days", n=tw.shipped_days), hit=tw.hit,
                   members=t("sync.n_members", n=len(tw.members))))  # fmt: skip
    return [head, table, total]
