"""Small steps and brave attempts: the backlog's data, and the rules for steps and attempts.

Pure: no SQL, no I/O. Two kinds of ids meet here, and they are different numbers:
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
from typing import Any

from shipit.domain.entries import DECISIONS, OUTCOMES, EntryData
from shipit.domain.errors import InputError
from shipit.i18n import Msg

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
# The words a caller names a number by (`what`), worded in the reader's language; other
# names (an option such as --minutes) are shown as they are.
_WHAT = {"annoyance": "steps.what_annoyance", "minutes": "steps.what_minutes"}


def _what(what: str) -> str | Msg:
    key = _WHAT.get(what)
    return what if key is None else Msg(key)


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
    # Another member's item (`step list --author NAME`): theirs, read only. None: yours.
    author: str | None = None

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    def to_json(self) -> dict[str, Any]:
        """The stable JSON shape of `shipit step list --json` (docs/steps-and-attempts.md);
        another member's item has an `author` too (and `entry_id` null: their step has
        no id here)."""
        out = {
            "id": self.id,
            "uid": self.uid,
            "text": self.text,
            "annoyance": self.annoyance,
            "created_at": self.created_at.isoformat(),
            "closed_at": self.closed_at.isoformat() if self.closed_at else None,
            "entry_id": self.entry_id,
        }
        if self.author is not None:
            out["author"] = self.author
        return out


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
        raise InputError("steps.invalid_whole", what=_what(what), value=value)
    return int(text)


def check_annoyance(value: int) -> int:
    if not ANNOYANCE_MIN <= value <= ANNOYANCE_MAX:
        raise InputError("steps.invalid_annoyance", value=value, low=ANNOYANCE_MIN,
                         high=ANNOYANCE_MAX)  # fmt: skip
    return value


def check_minutes(value: int, *, maximum: int = MAX_DONE_MINUTES, what: str = "--minutes") -> int:
    """A whole number of minutes, at least 1 and at most `maximum`."""
    if value < 1:
        raise InputError("steps.minutes_too_few", what=_what(what), value=value)
    if value > maximum:
        raise InputError("steps.minutes_too_many", what=_what(what), value=value, n=maximum)
    return value


def check_decision(value: str | None) -> str | None:
    """None (no decision) or one of self, delegate, drop (any case)."""
    if value is None:
        return None
    d = value.strip().lower()
    if d not in DECISIONS:
        raise InputError("steps.invalid_decision", value=value)
    return d


def check_outcome(value: str) -> str:
    o = value.strip().lower()
    if o not in OUTCOMES:
        raise InputError("steps.invalid_outcome", value=value)
    return o


def parse_backlog_id(ref: str) -> int:
    """A backlog id as typed by the user (the number `shipit step list` shows)."""
    text = ref.strip()
    if not _BACKLOG_ID.fullmatch(text):
        raise InputError("steps.invalid_backlog_id", value=ref)
    return int(text)


def is_backlog_ref(value: str) -> bool:
    """True when `step done` treats the argument as a backlog id: all digits."""
    return bool(_BACKLOG_ID.fullmatch(value.strip()))


def minutes_spent(seconds: float) -> int:
    """Minutes actually spent, rounded up, at least 1 (61 s → 2, 0.5 s → 1)."""
    return max(1, math.ceil(max(0.0, seconds) / 60))


def require_open(item: BacklogData) -> None:
    if not item.is_open:
        if item.entry_id:
            raise InputError("steps.item_already_done_by", id=item.id, entry=item.entry_id)
        raise InputError("steps.item_already_done", id=item.id)
