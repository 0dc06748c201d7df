"""Ship It projects: the card's questions, the edges, validation, thrash lateness, figures.

Pure: no SQL, no I/O, no clock (callers pass `now`). The questions and their keys come
from Seth Godin's ShipIt Journal; the keys are a contract (docs/projects.md, JSON).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, NamedTuple

from shipit.domain import dates
from shipit.domain.entries import MAX_TEXT, check_text
from shipit.domain.errors import InputError
from shipit.domain.text import fmt_day, plural
from shipit.i18n import Msg

DEFAULT_SHIP_TIME = time(17, 0)
MAX_NAME = 200
MAX_SHORT = 32
STATUSES = ("active", "shipped", "dropped")


class Question(NamedTuple):
    """A question of the card: its key is a contract; its words live in the catalogue
    (``projects.q.<key>``, ``projects.why.<key>``), in the reader's language."""

    key: str

    @property
    def prompt(self) -> str:
        from shipit.i18n import t

        return t(f"projects.q.{self.key}")

    @property
    def why(self) -> str:
        from shipit.i18n import t

        return t(f"projects.why.{self.key}")


# The card, in the order the walk-through asks. `name` and the ship date come first and
# are not answers; `feeling` is asked by `project ship`.
QUESTIONS: tuple[Question, ...] = tuple(Question(k) for k in (
    "sentence", "owner", "members", "fears", "truth", "why_afraid", "edges", "customers",
    "pleasing", "gatekeepers", "ignore", "perfect", "good_enough", "failure", "feeling",
))
QUESTION_KEYS = tuple(q.key for q in QUESTIONS)
WALK_KEYS = tuple(k for k in QUESTION_KEYS if k not in ("owner", "members", "feeling"))

# The edges: pairs of sides; an answer picks at most one side of each pair.
EDGES: tuple[tuple[str, str], ...] = (
    ("open", "closed"), ("easy", "difficult"), ("fast", "slow"), ("cheap", "expensive"),
    ("cutting-edge", "proven"), ("risky", "safe"), ("disposable", "durable"),
    ("solo", "mesh"), ("new", "classic"),
)  # fmt: skip
_SIDES = {side: pair for pair in EDGES for side in pair}

_SHORT = re.compile(r"[^\W_][\w-]*")
# A '+name' word links an entry to a project: '+' at the start or after a space/punct.
_PLUS = re.compile(r"(?<![\w+])\+([^\W\d_][\w-]*)")


# -- the data readers see ------------------------------------------------------------


class ProjectData(NamedTuple):
    id: int
    uid: str
    short: str
    name: str
    status: str
    owner: str | None
    ship_at: datetime  # aware, UTC
    ship_day: date  # the local day of ship_at
    thrash_until: date
    start_day: date
    created_at: datetime
    updated_at: datetime
    ended_at: datetime | None = None
    ended_day: date | None = None
    entry_uid: str | None = None  # the ship (or the dropped attempt) that ended it
    author: str | None = None  # the member whose card it is (synced); None: this journal's

    @property
    def active(self) -> bool:
        return self.status == "active"


def belongs(p: ProjectData, members: str, me: str) -> bool:
    """Whether `me` is the project's owner or one of its members (names, any case)."""
    names = [n.strip().rstrip("*").strip() for n in members.split(",")]
    wanted = me.strip().casefold()
    return any(n and n.strip().casefold() == wanted for n in (p.owner, *names))


class ThrashData(NamedTuple):
    uid: str
    project_uid: str
    text: str
    at: datetime
    day: date
    late: bool


class MoveData(NamedTuple):
    uid: str
    project_uid: str
    at: datetime
    from_at: datetime
    to_at: datetime
    reason: str

    @property
    def shift_days(self) -> int:
        return (local_day(self.to_at) - local_day(self.from_at)).days


class Card(NamedTuple):
    """Everything `project show` shows: the project, its answers, thrash, moves, links."""

    project: ProjectData
    answers: dict[str, str]
    thrash: list[ThrashData]
    moves: list[MoveData]
    linked: list[Any]  # EntryData, oldest first
    members: list[str]
    team_linked: list[tuple[str, Any]] = []  # (member, EntryData): other members' work


def local_day(instant: datetime) -> date:
    return instant.astimezone().date()


# -- validation ----------------------------------------------------------------------


def check_name(name: str) -> str:
    name = check_text(name, Msg("projects.what_name"))  # type: ignore[arg-type]
    if "\n" in name.strip() or "\r" in name.strip():
        raise InputError("projects.name_one_line")
    if len(name) > MAX_NAME:
        raise InputError("projects.name_too_long", length=len(name), limit=MAX_NAME)
    return name.strip()


def short_from_name(name: str) -> str:
    """The default short name: the name's first word, lower case ('Pricing page' -> 'pricing')."""
    for word in re.findall(r"[^\W_][\w-]*", unicodedata.normalize("NFC", name)):
        return word.lower()[:MAX_SHORT].rstrip("-")
    raise InputError("projects.no_short", name=name)


def check_short(value: str) -> str:
    short = unicodedata.normalize("NFC", value.strip().lstrip("+")).lower()
    if not _SHORT.fullmatch(short) or len(short) > MAX_SHORT or short[0].isdigit():
        raise InputError("projects.invalid_short", value=value, limit=MAX_SHORT)
    return short


def check_question(key: str) -> str:
    k = key.strip().lower().replace("-", "_")
    if k not in QUESTION_KEYS:
        raise InputError("projects.unknown_question", key=key, keys=", ".join(QUESTION_KEYS))
    return k


def plus_names(text: str) -> list[str]:
    """The '+name' words of a text, lower case, in order ('Pricing done +pricing')."""
    return [m.group(1).rstrip("-").lower() for m in _PLUS.finditer(unicodedata.normalize("NFC", text))]


def parse_edges(text: str) -> str:
    """Chosen sides ('fast, cheap' or 'fast-slow: fast'), canonical: 'fast, cheap'."""
    chosen: dict[tuple[str, str], str] = {}
    for raw in re.split(r"[,;]", text):
        word = raw.strip().lower()
        if not word:
            continue
        if ":" in word:  # 'fast-slow: fast' names the pair too
            pair_text, word = (w.strip() for w in word.split(":", 1))
            pair = _SIDES.get(word)
            if pair is None or pair_text not in ("-".join(pair), "–".join(pair), "/".join(pair)):
                raise InputError("projects.no_such_edge", value=raw.strip(), edges=_edge_pairs())
        word = word.replace(" ", "-")
        pair = _SIDES.get(word)
        if pair is None:
            raise InputError("projects.no_such_edge", value=raw.strip(), edges=_edge_pairs())
        if pair in chosen and chosen[pair] != word:
            raise InputError("projects.two_sides", a=chosen[pair], b=word)
        chosen[pair] = word
    return ", ".join(chosen.values())


def _edge_pairs() -> str:
    return ", ".join(f"{a}–{b}" for a, b in EDGES)


def parse_members(text: str) -> tuple[list[str], str | None]:
    """'Ana*, Bo' -> (['Ana', 'Bo'], 'Ana'): names, and the starred owner (at most one)."""
    names: list[str] = []
    owners: list[str] = []
    for raw in text.split(","):
        name = raw.strip()
        if not name:
            continue
        if name.endswith("*"):
            name = name.rstrip("*").strip()
            owners.append(name)
        if name and name not in names:
            names.append(name)
    if len(owners) > 1:
        raise InputError("projects.all_starred", names=", ".join(owners))
    return names, (owners[0] if owners else None)


def check_owners(owners: Sequence[str]) -> str | None:
    owners = [o.strip() for o in owners if o.strip()]
    if len(set(owners)) > 1:
        raise InputError("projects.one_owner_only", rest=", ".join(owners[:-1]), last=owners[-1])
    if owners:
        check_name_text(owners[0], Msg("projects.what_owner"))
    return owners[0] if owners else None


def check_name_text(value: str, what: str | Msg) -> str:
    check_text(value, what)  # type: ignore[arg-type]
    if "\n" in value:
        raise InputError("projects.one_line", what=what)
    return value


def check_answer(key: str, text: str) -> str:
    """An answer as stored: exactly what was given (edges and members in canonical form)."""
    if key == "edges":
        return parse_edges(text)
    if key == "members":
        names, _ = parse_members(text)
        return ", ".join(names)
    if key == "owner":
        return check_name_text(text.strip(), Msg("projects.what_owner"))
    return check_text(text, key, allow_empty=True)


_TIME = re.compile(r"(?:^|\s)(?:at\s+)?(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$")


def parse_ship(value: str, today: date, now: datetime) -> tuple[datetime, date]:
    """A ship date and time ('2026-12-11', 'dec 11 15:00', 'friday 9am', 'in 2 weeks').

    The time defaults to 17:00 local. Returns (the UTC instant, the local day).
    """
    text = " ".join(value.strip().split())
    at = DEFAULT_SHIP_TIME
    m = _TIME.search(text)
    if m and (m.group(2) or m.group(3) or " at " in f" {text} "):
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        if m.group(3) == "pm" and hour < 12:
            hour += 12
        if m.group(3) == "am" and hour == 12:
            hour = 0
        if hour > 23 or minute > 59:
            raise InputError("projects.invalid_time", value=value)
        at = time(hour, minute)
        text = text[: m.start()].strip()
    day = _parse_future_day(text, today, value)
    instant = datetime.combine(day, at).astimezone()  # local wall time
    return instant.astimezone(UTC), day


# 'in 2 weeks' / 'in 2 Wochen', 'next friday' / 'nächsten Freitag' (German words too).
_IN = re.compile(r"in\s+(\d{1,4})\s*(day|days|d|week|weeks|w|tag|tage|tagen|woche|wochen)")
_NEXT_WEEKDAY = re.compile(r"(?:next\s+|this\s+|nächsten\s+|kommenden\s+|diesen\s+)?(\w+)")


def _parse_future_day(text: str, today: date, original: str) -> date:
    low = text.lower()
    if not low:
        raise InputError("projects.invalid_ship", value=original)
    if m := _IN.fullmatch(low):
        n = int(m.group(1))
        return today + (timedelta(weeks=n) if m.group(2).startswith("w") else timedelta(days=n))
    if (m := _NEXT_WEEKDAY.fullmatch(low)) and m.group(1) in dates.WEEKDAYS:
        ahead = (dates.WEEKDAYS[m.group(1)] - today.weekday()) % 7 or 7
        return today + timedelta(days=ahead)
    return dates.parse_when(text, today, allow_future=True, max_future_days=3660,
                            what="ship date")  # fmt: skip


def parse_day(value: str, today: date, what: str) -> date:
    low = " ".join(value.strip().lower().split())
    return _parse_future_day(low, today, value) if low else dates.parse_when(value, today, what=what)


def default_thrash_until(start: date, ship: date) -> date:
    """A third of the way from the start to the ship date."""
    return start + timedelta(days=(ship - start).days // 3)


def check_plan(ship_at: datetime, ship_day: date, thrash_until: date, now: datetime,
               start: date, *, new: bool) -> None:  # fmt: skip
    if new and ship_at <= now:
        raise InputError("projects.ship_in_past", day=fmt_day(ship_day), time=fmt_time(ship_at))
    if thrash_until > ship_day:
        raise InputError("projects.thrash_after_ship", day=fmt_day(thrash_until),
                         ship=fmt_day(ship_day))  # fmt: skip
    if new and thrash_until < start:
        raise InputError("projects.thrash_before_today", day=fmt_day(thrash_until))


def is_late_thrash(day: date, thrash_until: date) -> bool:
    return day > thrash_until


# -- wording shared by the views and the Markdown export -----------------------------


def fmt_time(instant: datetime) -> str:
    return instant.astimezone().strftime("%H:%M")


def time_left(p: ProjectData, now: datetime, today: date) -> str:
    """'in 3 days', 'tomorrow 17:00', 'today 17:00', 'late since 17:00', '2 days late'."""
    if p.status == "shipped":
        return f"shipped {fmt_day(p.ended_day)}" if p.ended_day else "shipped"
    if p.status == "dropped":
        return "dropped"
    days = (p.ship_day - today).days
    if now < p.ship_at:
        if days == 0:
            return f"today {fmt_time(p.ship_at)}"
        if days == 1:
            return f"tomorrow {fmt_time(p.ship_at)}"
        return f"in {plural(days, 'day')}"
    late = (today - p.ship_day).days
    return f"late since {fmt_time(p.ship_at)}" if late <= 0 else f"{plural(late, 'day')} late"


def time_left_msg(p: ProjectData, now: datetime, today: date) -> Msg:
    """`time_left` in the reader's language (the JSON keeps the English words)."""
    if p.status == "shipped":
        return Msg("projects.left_shipped_on", day=fmt_day(p.ended_day)) if p.ended_day \
            else Msg("projects.left_shipped")
    if p.status == "dropped":
        return Msg("projects.left_dropped")
    days = (p.ship_day - today).days
    if now < p.ship_at:
        if days == 0:
            return Msg("projects.left_today", time=fmt_time(p.ship_at))
        if days == 1:
            return Msg("projects.left_tomorrow", time=fmt_time(p.ship_at))
        return Msg("projects.left_in_days", n=days)
    late = (today - p.ship_day).days
    return Msg("projects.left_late_since", time=fmt_time(p.ship_at)) if late <= 0 \
        else Msg("projects.left_days_late", n=late)


def is_late(p: ProjectData, now: datetime) -> bool:
    return p.active and now >= p.ship_at


def fmt_shift(days: int) -> str:
    from shipit.i18n import t

    sign = "+" if days >= 0 else "-"
    n = abs(days)
    if n and n % 7 == 0:
        return sign + t("projects.weeks", n=n // 7)
    return sign + t("projects.days", n=n)


def moves_line(moves: Sequence[MoveData]) -> str:
    """'ship date moved twice: +3 days, +1 week'."""
    from shipit.i18n import t

    times = {1: "projects.moved_once", 2: "projects.moved_twice"}.get(len(moves),
                                                                       "projects.moved_times")
    return t(times, n=len(moves), shifts=", ".join(fmt_shift(m.shift_days) for m in moves))


# -- figures -------------------------------------------------------------------------


def project_figures(card: Card, today: date) -> dict[str, Any]:
    """Per project: days from start to ship, links by kind, date moves, early/late thrash."""
    p = card.project
    counts = {k: 0 for k in ("ship", "step", "attempt")}
    linked = [*card.linked, *(e for _, e in card.team_linked)]  # the team's work counts
    for e in linked:
        counts[e.kind] = counts.get(e.kind, 0) + 1
    end = p.ended_day if p.status == "shipped" and p.ended_day else None
    first_day = (local_day(card.moves[0].from_at) if card.moves else p.ship_day)
    return {
        "days_to_ship": (end - p.start_day).days if end else None,
        "days_planned": (p.ship_day - p.start_day).days,
        "days_so_far": (today - p.start_day).days,
        "ships": counts["ship"], "steps": counts["step"], "attempts": counts["attempt"],
        "minutes": sum(e.minutes or 0 for e in linked if e.kind == "step"),
        "date_moves": len(card.moves),
        "slip_days": (p.ship_day - first_day).days if not end else (end - first_day).days,
        "thrash_early": sum(1 for t in card.thrash if not t.late),
        "thrash_late": sum(1 for t in card.thrash if t.late),
    }  # fmt: skip


def across_figures(projects: Iterable[ProjectData], first_days: dict[str, date]) -> dict[str, Any]:
    """Across projects: shipped on time, late, dropped, active; the median slip in days.

    On time: shipped on or before the ship day in effect. Slip: the day it shipped
    minus the first ship day planned (moves count), over shipped projects.
    """
    import statistics  # ~10 ms of imports (random, fractions): only for the figures

    on_time = late = dropped = active = 0
    slips: list[int] = []
    for p in projects:
        if p.status == "dropped":
            dropped += 1
        elif p.status == "active":
            active += 1
        elif p.ended_at is not None and p.ended_day is not None:
            if p.ended_at <= p.ship_at or p.ended_day <= p.ship_day:
                on_time += 1
            else:
                late += 1
            slips.append((p.ended_day - first_days.get(p.uid, p.ship_day)).days)
    return {
        "shipped_on_time": on_time, "shipped_late": late, "dropped": dropped,
        "active": active, "median_slip_days": statistics.median(slips) if slips else None,
    }  # fmt: skip


def figures_line(f: dict[str, Any]) -> str:
    from shipit.i18n import t

    days = (t("projects.fig_shipped_in", n=f["days_to_ship"], planned=f["days_planned"])
            if f["days_to_ship"] is not None
            else t("projects.fig_day_of", day=f["days_so_far"], planned=f["days_planned"]))
    return t("projects.fig_line", days=days, ships=t("projects.n_ships", n=f["ships"]),
             steps=t("projects.n_steps", n=f["steps"]),
             attempts=t("projects.n_attempts", n=f["attempts"]),
             moves=t("projects.n_date_moves", n=f["date_moves"]),
             early=f["thrash_early"], late=f["thrash_late"])  # fmt: skip


def markdown_cards(cards: Sequence[Card], today: date, now: datetime) -> str:
    """Every project's card for the Markdown export ("## Projects"); "" without projects."""
    from shipit.domain.exporting import md_inline, md_text
    from shipit.i18n import t

    if not cards:
        return ""
    out = [f"\n{t('projects.md_title')}\n"]
    for c in cards:
        p = c.project
        out.append(f"\n### +{p.short}: {md_inline(p.name)}\n")
        team = ", ".join(f"{m}*" if m == p.owner else m for m in c.members)
        facts = [t("projects.md_ships", when=f"{fmt_day(p.ship_day)} {fmt_time(p.ship_at)}"),
                 str(time_left_msg(p, now, today)),
                 t("projects.md_owner", owner=md_inline(p.owner)) if p.owner
                 else t("projects.md_no_owner"),
                 *([t("projects.md_team", team=md_inline(team))] if team else []),
                 t("projects.md_started", day=fmt_day(p.start_day)),
                 t("projects.md_thrash_until", day=fmt_day(p.thrash_until))]  # fmt: skip
        out.append("\n" + " · ".join(facts) + "\n\n")
        for q in QUESTIONS:
            if q.key in c.answers and q.key not in ("owner", "members"):
                out.append(f"- *{q.prompt}?* {md_text(c.answers[q.key], '  ')}\n")
        early = sum(1 for t in c.thrash if not t.late)
        out.append(f"\n{t('projects.md_thrash', early=early, late=len(c.thrash) - early)}\n\n")
        for item in c.thrash:
            late = t("projects.md_late") if item.late else ""
            out.append(f"- {fmt_day(item.day)}{late}: {md_text(item.text, '  ')}\n")
        moved = moves_line(c.moves) if c.moves else t("projects.never_moved")
        out.append(f"\n{t('projects.md_ship_date', moves=moved)}\n\n")
        for m in c.moves:
            out.append(f"- {fmt_day(local_day(m.at))}: {fmt_day(local_day(m.from_at))} → "
                       f"{fmt_day(local_day(m.to_at))} ({fmt_shift(m.shift_days)}): "
                       f"{md_text(m.reason, '  ')}\n")  # fmt: skip
        out.append(f"\n{t('projects.md_figures', figures=figures_line(project_figures(c, today)))}\n")
    return "".join(out)
