"""Ship It projects in words: the list, the card, confirmations, the nearest ship date.

User text (names, answers, thrash, reasons) goes through `user_text` (escaped, never markup).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from shipit.domain import projects as dom
from shipit.domain.text import fmt_day, safe
from shipit.i18n import Msg, t
from shipit.views.line import Line
from shipit.views.render import entries_table, user_text

if TYPE_CHECKING:
    from rich.text import Text

    from shipit.domain.projects import MoveData, ProjectData, ThrashData


def ship_when(p: ProjectData) -> str:
    return f"{fmt_day(p.ship_day)} {dom.fmt_time(p.ship_at)}"


def nearest_line(p: ProjectData, left: Msg | str) -> list[tuple[str, str]]:
    """'Pricing page ships in 3 days' (or 'ships today 17:00', 'is 2 days late'), as a
    views.line line: `log` writes it without Rich."""
    late = left.key.startswith("projects.left_days_late") or left.key == "projects.left_late_since" \
        if isinstance(left, Msg) else left.endswith("late") or left.startswith("late")
    return [(safe(p.name), "bold"),
            (t("projects.nearest_late" if late else "projects.nearest_ships", left=str(left)),
             "red" if late else "")]


def _ships_short(p: ProjectData, today: Any) -> str:
    """'Tue 8 Dec 17:00': the list leaves out the year when it is this one."""
    if today is None or p.ship_day.year != today.year:
        return ship_when(p)
    d = p.ship_day
    return f"{fmt_day(d).rsplit(' ', 1)[0]} {dom.fmt_time(p.ship_at)}"


def project_table(rows: list[Any]) -> Any:
    """`project list`: the short name on a line of its own (never broken), the name
    below it wrapping at words, so the table reads at 60 columns."""
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True)
    shorts = max((len(r.project.short) + 1 for r in rows), default=8)
    table.add_column(t("projects.col_project"), min_width=min(max(shorts, 8), 20), ratio=1)
    owner = t("projects.col_owner")
    table.add_column(owner, overflow="fold", min_width=max(5, len(owner)), max_width=12)
    table.add_column(t("projects.col_ships"), no_wrap=True)
    table.add_column(t("projects.col_left"), no_wrap=True)
    table.add_column(t("projects.col_week"), justify="right", no_wrap=True)  # ships linked
    warnings = any(r.warning for r in rows)
    if warnings:
        table.add_column("", overflow="fold", ratio=1)
    for r in rows:
        p = r.project
        name = user_text(f"+{p.short}", style="cyan")
        name.append("\n")
        name.append_text(user_text(p.name))
        left = str(dom.time_left_msg(p, r.now, r.today)) if r.now and r.today else r.time_left
        cells = [name, user_text(p.owner or "—"), _ships_short(p, r.today), left,
                 str(r.ships_this_week)]  # fmt: skip
        if warnings:
            cells.append(user_text(f"⚠ {warning(r.warning)}", style="yellow") if r.warning else "")
        table.add_row(*cells)
    return table


def not_your_card(short: str, author: str) -> tuple[str, str]:
    """The refusal to change another member's card: (message, what to do)."""
    return (t("projects.not_your_card", short=short, author=author),
            t("projects.not_your_card_hint", short=short))


WARNINGS = {"late": "projects.warn_late", "no linked ship for 7 days": "projects.warn_quiet",
            "no linked ship yet in 7 days": "projects.warn_quiet_yet"}


def warning(text: str) -> str:
    """A warning of `project list` (the JSON keeps the English words) in the reader's language."""
    key = WARNINGS.get(text)
    return t(key) if key else text


def created(p: ProjectData) -> list[Text]:
    from rich.text import Text

    line = Text(t("projects.planned"), style="bold")
    line.append_text(user_text(f"+{p.short} ", style="cyan"))
    line.append_text(user_text(p.name))
    line.append(t("projects.planned_when", when=ship_when(p), until=fmt_day(p.thrash_until)))
    return [line, Text(t("projects.link_hint", short=p.short), style="dim")]


def thrashed(p: ProjectData, item: ThrashData) -> list[Text]:
    from rich.text import Text

    line = Text(t("projects.late_thrash" if item.late else "projects.thrash"),
                style="bold yellow" if item.late else "bold")  # fmt: skip
    line.append(t("projects.thrash_on", short=p.short))
    line.append_text(user_text(item.text))
    return [line]


def late_thrash_warning(p: ProjectData) -> str:
    return t("projects.late_thrash_warning", day=fmt_day(p.thrash_until))


def moved(p: ProjectData, move: MoveData, moves: list[MoveData]) -> list[Text]:
    from rich.text import Text

    line = Text(t("projects.moved", short=p.short, when=ship_when(p),
                  shift=dom.fmt_shift(move.shift_days)), style="bold")  # fmt: skip
    line.append_text(user_text(move.reason))
    return [line, Text(dom.moves_line(moves), style="dim")]


def answered(p: ProjectData, key: str, text: str) -> Text:
    from rich.text import Text

    line = Text(f"+{p.short} {key}: ", style="bold")
    line.append_text(user_text(text) if text else Text(t("projects.cleared"), style="dim"))
    return line


def _section(title: str) -> Text:
    from rich.text import Text

    return Text(f"\n{title}", style="bold underline")


def card(shown: Any) -> list[Any]:
    """The card: every answer, the edges, thrash, ship-date history, linked work, figures."""
    from rich.text import Text

    c = shown.card
    p = c.project
    parts: list[Any] = []
    head = user_text(f"+{p.short}  ", style="cyan")
    head.append_text(user_text(p.name, style="bold"))
    parts.append(head)
    left = str(dom.time_left_msg(p, shown.now, shown.today)) if shown.now else shown.time_left
    parts.append(Text(t("projects.card_head", when=ship_when(p), left=left,
                        status=t(f"projects.status.{p.status}"), start=fmt_day(p.start_day),
                        until=fmt_day(p.thrash_until))))  # fmt: skip
    owner = Text(t("projects.card_owner"))
    owner.append_text(user_text(p.owner or "—"))
    if c.members:
        owner.append(t("projects.card_team"))
        owner.append_text(user_text(", ".join(f"{m}*" if m == p.owner else m for m in c.members)))
    parts.append(owner)
    parts.append(_section(t("projects.section_card")))
    for q in dom.QUESTIONS:
        if q.key in ("owner", "members"):
            continue
        line = Text(f"{q.prompt}? ", style="bold")
        line.append(f"[{q.key}] ", style="dim")
        if q.key in c.answers:
            line.append_text(user_text(c.answers[q.key]))
        else:
            line.append("—", style="dim")
        parts.append(line)
    parts.append(_section(t("projects.section_thrash", n=len(c.thrash))))
    for item in c.thrash:
        line = Text(f"{fmt_day(item.day)}  ")
        line.append(t("projects.late_mark") if item.late else "", style="bold yellow")
        line.append_text(user_text(item.text))
        parts.append(line)
    parts.append(_section(t("projects.section_ship_date")))
    if c.moves:
        parts.append(Text(dom.moves_line(c.moves)))
        for m in c.moves:
            line = Text(f"{fmt_day(dom.local_day(m.at))}: {fmt_day(dom.local_day(m.from_at))} → "
                        f"{fmt_day(dom.local_day(m.to_at))} ({dom.fmt_shift(m.shift_days)}): ")
            line.append_text(user_text(m.reason))
            parts.append(line)
    else:
        parts.append(Text(t("projects.never_moved")))
    parts.append(_section(t("projects.section_linked", n=len(c.linked))))
    if c.linked:
        parts.append(entries_table(list(reversed(c.linked))))
    by_member: dict[str, list[Any]] = {}
    for who, e in c.team_linked:
        by_member.setdefault(who, []).append(e)
    for who, entries in sorted(by_member.items()):
        parts.append(_section(t("projects.section_linked_by", who=safe(who), n=len(entries))))
        parts.append(entries_table(list(reversed(entries)), author=who))
    parts.append(_section(t("projects.section_figures")))
    parts.append(Text(dom.figures_line(shown.figures)))
    return parts


def across_lines(f: dict[str, Any]) -> list[Line]:
    """The projects section of `stats` (views.line lines)."""
    slip = f["median_slip_days"]
    median = (t("core.not_available") if slip is None
              else t("projects.days", n=int(slip)) if slip == int(slip)
              else t("projects.days", n=slip))  # fmt: skip
    lines: list[Line] = [[(t("projects.stats_title"), "bold")], [(
        t("projects.stats_line", on_time=f["shipped_on_time"], late=f["shipped_late"],
          dropped=f["dropped"], active=f["active"], median=median), "")]]
    for short, pf in f["projects"].items():
        lines.append([(safe(f"  +{short}: "), "cyan"), (dom.figures_line(pf), "")])
    return lines


def ended(p: ProjectData, entry: Any) -> list[Text]:
    from rich.text import Text

    if p.status == "shipped":
        line = Text(t("projects.shipped"), style="bold green")
        line.append_text(user_text(p.name))
        on_time = p.ended_at and p.ended_at <= p.ship_at
        line.append(t("projects.shipped_on_time" if on_time else "projects.shipped_late"))
    else:
        line = Text(t("projects.dropped"), style="bold")
        line.append_text(user_text(p.name))
        line.append(t("projects.dropped_lesson", id=entry.id))
    return [line]
