"""Small steps and brave attempts: the backlog, step entries and attempt outcomes.

Domain code: validates, writes, returns plain data. Never prints, never imports
Typer or Rich. Every write is one transaction that takes the write lock first
(`Store.writing()`), and everything is validated before anything is written, so a
refused command leaves the journal exactly as it was.

Two kinds of ids meet here, and they are different numbers:
- a *backlog id* (`BacklogData.id`) names an item waiting in the backlog
  (`shipit step drop 3`, `shipit step start 3`, `shipit step done 3`);
- an *entry id* (`EntryData.id`) names a journal entry (`shipit resolve 12`,
  `shipit edit 12`), as shown by `shipit list`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from shipit import dates
from shipit.errors import InputError, NotFoundError
from shipit.journal import DECISIONS, OUTCOMES, EntryData, Journal, check_text

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

ANNOYANCE_MIN = 1
ANNOYANCE_MAX = 5
DEFAULT_ANNOYANCE = 3

# A step is five minutes of work, once.
DEFAULT_STEP_MINUTES = 5
# `step done --minutes`: more than a day of work is a typo, not a small step.
MAX_DONE_MINUTES = 24 * 60
# `step start --minutes`: a focus timer longer than four hours is a typo too (and
# nobody should sit through it without a break).
MAX_TIMER_MINUTES = 240


_BACKLOG_ID = re.compile(r"\d{1,18}")


# -- plain data ------------------------------------------------------------------------


@dataclass(frozen=True)
class BacklogData:
    """One backlog item. `id` is a backlog id, not an entry id."""

    id: int
    uid: str
    text: str
    annoyance: int
    created_at: datetime
    closed_at: datetime | None = None
    entry_id: int | None = None  # the step entry that closed it

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    def to_json(self) -> dict[str, Any]:
        """The stable JSON shape of `shipit step list --json` (docs/steps-and-attempts.md)."""
        return {
            "id": self.id,
            "uid": self.uid,
            "text": self.text,
            "annoyance": self.annoyance,
            "created_at": self.created_at.isoformat(),
            "closed_at": self.closed_at.isoformat() if self.closed_at else None,
            "entry_id": self.entry_id,
        }


@dataclass(frozen=True)
class StepLogged:
    """A step entry just written, and the backlog item it concerned (if any).

    `closed` is True when this step closed `item`; an interrupted timer, or an item
    that someone removed or closed while the timer ran, leaves it False.
    """

    entry: EntryData
    item: BacklogData | None = None
    closed: bool = False


# -- validation (pure) -----------------------------------------------------------------


def parse_whole(value: str | int, what: str) -> int:
    """A whole number typed by the user (`--minutes 10`); InputError naming the value."""
    if isinstance(value, int):
        return value
    text = value.strip()
    if not re.fullmatch(r"[+-]?\d{1,9}", text):
        raise InputError(f"invalid {what} {value!r}: expected a whole number")
    return int(text)


def check_annoyance(value: int) -> int:
    if not ANNOYANCE_MIN <= value <= ANNOYANCE_MAX:
        raise InputError(
            f"invalid annoyance {value}: expected {ANNOYANCE_MIN} (barely) "
            f"to {ANNOYANCE_MAX} (drives you mad)"
        )
    return value


def check_minutes(value: int, *, maximum: int = MAX_DONE_MINUTES, what: str = "--minutes") -> int:
    """A whole number of minutes, at least 1 and at most `maximum`."""
    if value < 1:
        raise InputError(f"invalid {what} {value}: a step takes at least 1 minute")
    if value > maximum:
        raise InputError(f"invalid {what} {value}: at most {maximum:,} minutes")
    return value


def check_decision(value: str | None) -> str | None:
    """None (no decision) or one of self, delegate, drop (any case)."""
    if value is None:
        return None
    d = value.strip().lower()
    if d not in DECISIONS:
        raise InputError(f"invalid decision {value!r}: expected self, delegate or drop")
    return d


def check_outcome(value: str) -> str:
    o = value.strip().lower()
    if o not in OUTCOMES:
        raise InputError(f"invalid outcome {value!r}: expected open, succeeded or failed")
    return o


def parse_backlog_id(ref: str) -> int:
    """A backlog id as typed by the user (the number `shipit step list` shows)."""
    text = ref.strip()
    if not _BACKLOG_ID.fullmatch(text):
        raise InputError(
            f"invalid backlog id {ref!r}: use the number shown by 'shipit step list'"
        )
    return int(text)


def is_backlog_ref(value: str) -> bool:
    """True when `step done` treats the argument as a backlog id: all digits."""
    return bool(_BACKLOG_ID.fullmatch(value.strip()))


def minutes_spent(seconds: float) -> int:
    """Minutes actually spent, rounded up, at least 1 (61 s → 2, 0.5 s → 1)."""
    return max(1, math.ceil(max(0.0, seconds) / 60))


# -- the domain ------------------------------------------------------------------------


class Steps:
    """Backlog, steps and attempts on one journal (one Store, one engine)."""

    def __init__(self, journal: Journal | None = None) -> None:
        self.journal = journal or Journal()
        self.store = self.journal.store

    # backlog ----------------------------------------------------------------------

    def add_item(self, text: str, annoyance: int = DEFAULT_ANNOYANCE) -> BacklogData:
        """Add a step to the backlog."""
        check_text(text)
        check_annoyance(annoyance)
        from shipit.journal import new_uid
        from shipit.models import BacklogItem

        table = BacklogItem.__table__
        uid = new_uid()
        instant = dates.now()
        with self.store.writing() as conn:
            result = conn.execute(
                table.insert().values(uid=uid, text=text, annoyance=annoyance,
                                      created_at=instant)  # fmt: skip
            )
            item_id = result.inserted_primary_key[0]
        return BacklogData(id=item_id, uid=uid, text=text, annoyance=annoyance,
                           created_at=instant)  # fmt: skip

    def backlog(self, *, include_closed: bool = False) -> list[BacklogData]:
        """Open items, most annoying first, then oldest first; closed ones after them."""
        from sqlalchemy import select

        from shipit.models import BacklogItem

        t = BacklogItem.__table__
        query = select(t)
        if not include_closed:
            query = query.where(t.c.closed_at.is_(None))
        query = query.order_by(
            t.c.closed_at.is_not(None), t.c.annoyance.desc(), t.c.created_at, t.c.id
        )
        with self.store.reading() as conn:
            return [_row_to_item(row) for row in conn.execute(query)]

    def get_item(self, ref: str | int) -> BacklogData:
        """One backlog item, open or closed; NotFoundError (exit 2) when there is none."""
        with self.store.reading() as conn:
            return self._get_item(conn, ref)

    def get_open_item(self, ref: str | int | None = None) -> BacklogData:
        """The item with this backlog id, or the most annoying open one; it must be open."""
        if ref is None:
            items = self.backlog()
            if not items:
                raise InputError(
                    "the backlog is empty",
                    "add what annoys you most: shipit step add \"TEXT\" --annoyance 5",
                )
            return items[0]
        with self.store.reading() as conn:
            item = self._get_item(conn, ref)
        _require_open(item)
        return item

    def drop_item(self, ref: str | int) -> BacklogData:
        """Remove an open item from the backlog (closed items are history and stay)."""
        from shipit.models import BacklogItem

        table = BacklogItem.__table__
        with self.store.writing() as conn:
            item = self._get_item(conn, ref)
            _require_open(item)
            conn.execute(table.delete().where(table.c.id == item.id))
        return item

    def _get_item(self, conn: Connection, ref: str | int) -> BacklogData:
        from sqlalchemy import select

        from shipit.models import BacklogItem

        item_id = ref if isinstance(ref, int) else parse_backlog_id(ref)
        t = BacklogItem.__table__
        row = conn.execute(select(t).where(t.c.id == item_id)).first()
        if row is None:
            raise NotFoundError(
                f"no backlog item with id {item_id}", "see the ids with 'shipit step list'"
            )
        return _row_to_item(row)

    @staticmethod
    def _close_item(conn: Connection, item_id: int, entry_id: int) -> BacklogData | None:
        """Close an open item for a step entry; None when it is gone or already closed."""
        from sqlalchemy import select

        from shipit.models import BacklogItem

        t = BacklogItem.__table__
        done = conn.execute(
            t.update()
            .where(t.c.id == item_id, t.c.closed_at.is_(None))
            .values(closed_at=dates.now(), entry_id=entry_id)
        )
        if done.rowcount != 1:
            return None
        return _row_to_item(conn.execute(select(t).where(t.c.id == item_id)).one())

    # steps ------------------------------------------------------------------------

    def done(
        self,
        text_or_id: str,
        *,
        minutes: int = DEFAULT_STEP_MINUTES,
        when: str | None = None,
        note: str | None = None,
        decision: str | None = None,
    ) -> StepLogged:
        """Log a step done without the timer.

        An all-digit argument is a backlog id: the step takes the item's text and
        closes it, in the same transaction. Anything else is the text of a step that
        was never in the backlog.
        """
        check_minutes(minutes, maximum=MAX_DONE_MINUTES)
        decision = check_decision(decision)
        if note is not None:
            check_text(note, "note", allow_empty=True)
        if not is_backlog_ref(text_or_id):
            entry = self.journal.add("step", text_or_id, when=when, note=note,
                                     minutes=minutes, decision=decision)  # fmt: skip
            return StepLogged(entry=entry)
        with self.store.writing() as conn:
            item = self._get_item(conn, text_or_id)
            _require_open(item)
            entry = self.journal.add("step", item.text, when=when, note=note, minutes=minutes,
                                     decision=decision, conn=conn)  # fmt: skip
            closed = self._close_item(conn, item.id, entry.id)
        return StepLogged(entry=entry, item=closed, closed=True)

    def log_timed(
        self,
        item: BacklogData,
        *,
        minutes: int,
        completed: bool,
        note: str | None = None,
        decision: str | None = None,
    ) -> StepLogged:
        """Log the step a timer ran for. A completed timer closes the item (same transaction).

        The step is logged even when the item was dropped or done elsewhere while the
        timer ran: the minutes were spent. Then `StepLogged.item` is None. `minutes` is what the timer measured, so it
        is only checked to be at least 1 (a timer may run late).
        """
        if minutes < 1:
            raise InputError(f"invalid minutes {minutes}: a step takes at least 1 minute")
        decision = check_decision(decision)
        if note is not None:
            check_text(note, "note", allow_empty=True)
        with self.store.writing() as conn:
            entry = self.journal.add("step", item.text, note=note, minutes=minutes,
                                     decision=decision, conn=conn)  # fmt: skip
            if not completed:
                # The item stays open; report it only if it still is (not dropped or
                # done in another shell while the timer ran).
                try:
                    current: BacklogData | None = self._get_item(conn, item.id)
                except NotFoundError:
                    current = None
                if current is not None and not current.is_open:
                    current = None
                return StepLogged(entry=entry, item=current, closed=False)
            closed = self._close_item(conn, item.id, entry.id)
        if closed is None:
            return StepLogged(entry=entry, item=None, closed=False)
        return StepLogged(entry=entry, item=closed, closed=True)

    # attempts ---------------------------------------------------------------------

    def attempt(
        self,
        text: str,
        *,
        when: str | None = None,
        outcome: str = "open",
        lesson: str | None = None,
    ) -> EntryData:
        """Log an attempt: open, or already succeeded/failed (with an optional lesson)."""
        outcome = check_outcome(outcome)
        if lesson is not None and outcome == "open":
            raise InputError("a lesson needs an outcome: add --succeeded or --failed")
        return self.journal.add("attempt", text, when=when, outcome=outcome, lesson=lesson)

    def resolve(self, ref: str, outcome: str, *, lesson: str | None = None) -> EntryData:
        """Record how an open attempt went. Only an open attempt can be resolved."""
        outcome = check_outcome(outcome)
        if outcome == "open":
            raise InputError("resolve an attempt with --succeeded or --failed")
        if lesson is not None:
            check_text(lesson, "lesson", allow_empty=True)
            lesson = lesson or None
        from shipit.models import Entry

        table = Entry.__table__
        with self.store.writing() as conn:
            entry = self.journal._get(conn, ref)  # the entry id 'shipit list' shows
            if entry.kind != "attempt":
                raise InputError(
                    f"entry {entry.id} is a {entry.kind}, not an attempt",
                    "see the attempts with 'shipit attempts'",
                )
            if entry.outcome != "open":
                raise InputError(
                    f"attempt {entry.id} is already {entry.outcome}; "
                    "only an open attempt can be resolved"
                )
            instant = dates.now()
            conn.execute(
                table.update()
                .where(table.c.id == entry.id)
                .values(outcome=outcome, lesson=lesson, updated_at=instant)
            )
        return entry._replace(outcome=outcome, lesson=lesson, updated_at=instant)

    def attempts(self, *, open_only: bool = False) -> list[EntryData]:
        """Attempts, newest first; with `open_only`, only those still open."""
        from shipit.journal import Filters

        extra = {"outcome": "open"} if open_only else {}
        return self.journal.query(Filters(kind="attempt", extra=extra))


def _require_open(item: BacklogData) -> None:
    if not item.is_open:
        done_by = f" by step entry {item.entry_id}" if item.entry_id else ""
        raise InputError(f"backlog item {item.id} is already done{done_by}")


def _row_to_item(row: Any) -> BacklogData:
    m = row._mapping
    return BacklogData(
        id=m["id"], uid=m["uid"], text=m["text"], annoyance=m["annoyance"],
        created_at=m["created_at"], closed_at=m["closed_at"], entry_id=m["entry_id"],
    )  # fmt: skip


__all__ = [
    "BacklogData",
    "StepLogged",
    "Steps",
    "check_annoyance",
    "check_decision",
    "check_minutes",
    "check_outcome",
    "is_backlog_ref",
    "minutes_spent",
    "parse_backlog_id",
    "parse_whole",
]
