"""Ship It projects in words: the list, the card, confirmations, the nearest ship date.

User text (names, answers, thrash, reasons) goes through `user_text` (escaped, never markup).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from shipit.domain import projects as dom
from shipit.domain.text import fmt_day, plural, safe
from shipit.views.line import Line
from shipit.views.render import entries_table, user_text

if TYPE_CHECKING:
    from rich.text import Text

    from shipit.domain.projects import MoveData, ProjectData, ThrashData


def ship_when(p: ProjectData) -> str:
    return f"{fmt_day(p.ship_day)} {dom.fmt_time(p.ship_at)}"


def nearest_line(p: ProjectData, left: str) -> list[tuple[str, str]]:
    """'Pricing page ships in 3 days' (or 'ships today 17:00', 'is 2 days late'), as a
    views.line line: `log` writes it without Rich."""
    late = left.endswith("late") or left.startswith("late")
    return [(safe(p.name), "bold"), (f" is {left}" if late else f" ships {left}",
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
    table.add_column("Project", min_width=min(max(shorts, 8), 20), ratio=1)
    table.add_column("Owner", overflow="fold", min_width=5, max_width=12)
    table.add_column("Ships", no_wrap=True)
    table.add_column("Time left", no_wrap=True)
    table.add_column("This\nweek", justify="right", no_wrap=True)  # ships linked
    warnings = any(r.warning for r in rows)
    if warnings:
        table.add_column("", overflow="fold", ratio=1)
    for r in rows:
        p = r.project
        name = user_text(f"+{p.short}", style="cyan")
        name.append("\n")
        name.append_text(user_text(p.name))
        cells = [name, user_text(p.owner or "—"), _ships_short(p, r.today), r.time_left,
                 str(r.ships_this_week)]  # fmt: skip
        if warnings:
            cells.append(user_text(f"⚠ {r.warning}", style="yellow") if r.warning else "")
        table.add_row(*cells)
    return table


def not_your_card(short: str, author: str) -> tuple[str, str]:
    """The refusal to change another member's card: (message, what to do)."""
    return (f"+{short} is {author}'s project: only {author} changes its card",
            f"link your work to it (--project {short}) or add to its thrash list")


def created(p: ProjectData) -> list[Text]:
    from rich.text import Text

    line = Text("Planned ", style="bold")
    line.append_text(user_text(f"+{p.short} ", style="cyan"))
    line.append_text(user_text(p.name))
    line.append(f": ships {ship_when(p)}; thrash until {fmt_day(p.thrash_until)}")
    return [line, Text(f"Link work to it: shipit log \"... +{p.short}\"", style="dim")]


def thrashed(p: ProjectData, item: ThrashData) -> list[Text]:
    from rich.text import Text

    line = Text("Late thrash" if item.late else "Thrash", style="bold yellow" if item.late else "bold")
    line.append(f" on +{p.short}: ")
    line.append_text(user_text(item.text))
    return [line]


def late_thrash_warning(p: ProjectData) -> str:
    return f"late thrash: scope was frozen on {fmt_day(p.thrash_until)}"


def moved(p: ProjectData, move: MoveData, moves: list[MoveData]) -> list[Text]:
    from rich.text import Text

    line = Text(f"Moved +{p.short} to {ship_when(p)} ({dom.fmt_shift(move.shift_days)}): ",
                style="bold")  # fmt: skip
    line.append_text(user_text(move.reason))
    return [line, Text(dom.moves_line(moves), style="dim")]


def answered(p: ProjectData, key: str, text: str) -> Text:
    from rich.text import Text

    line = Text(f"+{p.short} {key}: ", style="bold")
    line.append_text(user_text(text) if text else Text("(cleared)", style="dim"))
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
    parts.append(Text(f"Ships {ship_when(p)} ({shown.time_left}) · status {p.status} · "
                      f"started {fmt_day(p.start_day)} · thrash until {fmt_day(p.thrash_until)}"))
    owner = Text("Owner: ")
    owner.append_text(user_text(p.owner or "—"))
    if c.members:
        owner.append(" · team: ")
        owner.append_text(user_text(", ".join(f"{m}*" if m == p.owner else m for m in c.members)))
    parts.append(owner)
    parts.append(_section("The card"))
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
    parts.append(_section(f"Thrash ({plural(len(c.thrash), 'item')})"))
    for t in c.thrash:
        line = Text(f"{fmt_day(t.day)}  ")
        line.append("LATE " if t.late else "", style="bold yellow")
        line.append_text(user_text(t.text))
        parts.append(line)
    parts.append(_section("Ship date"))
    if c.moves:
        parts.append(Text(dom.moves_line(c.moves)))
        for m in c.moves:
            line = Text(f"{fmt_day(dom.local_day(m.at))}: {fmt_day(dom.local_day(m.from_at))} → "
                        f"{fmt_day(dom.local_day(m.to_at))} ({dom.fmt_shift(m.shift_days)}): ")
            line.append_text(user_text(m.reason))
            parts.append(line)
    else:
        parts.append(Text("never moved"))
    parts.append(_section(f"Linked work ({plural(len(c.linked), 'entry', 'entries')})"))
    if c.linked:
        parts.append(entries_table(list(reversed(c.linked))))
    by_member: dict[str, list[Any]] = {}
    for who, e in c.team_linked:
        by_member.setdefault(who, []).append(e)
    for who, entries in sorted(by_member.items()):
        parts.append(_section(f"Linked by {safe(who)} ({plural(len(entries), 'entry', 'entries')})"))
        parts.append(entries_table(list(reversed(entries))))
    parts.append(_section("Figures"))
    parts.append(Text(dom.figures_line(shown.figures)))
    return parts


def across_lines(f: dict[str, Any]) -> list[Line]:
    """The projects section of `stats` (views.line lines)."""
    slip = f["median_slip_days"]
    median = "n/a" if slip is None else plural(slip, "day") if slip == int(slip) else f"{slip} days"
    lines: list[Line] = [[("Projects", "bold")], [(
        f"  shipped on time {f['shipped_on_time']} · late {f['shipped_late']} · "
        f"dropped {f['dropped']} · active {f['active']} · median slip {median}", "")]]
    for short, pf in f["projects"].items():
        lines.append([(safe(f"  +{short}: "), "cyan"), (dom.figures_line(pf), "")])
    return lines


def ended(p: ProjectData, entry: Any) -> list[Text]:
    from rich.text import Text

    if p.status == "shipped":
        line = Text("Shipped ", style="bold green")
        line.append_text(user_text(p.name))
        line.append(f" ({'on time' if p.ended_at and p.ended_at <= p.ship_at else 'late'})")
    else:
        line = Text("Dropped ", style="bold")
        line.append_text(user_text(p.name))
        line.append(f"; the lesson is attempt #{entry.id}")
    return [line]
