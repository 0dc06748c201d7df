"""Entries: the vocabulary, the plain data every reader sees, and their validation.

Pure: no SQL, no I/O. Every input is validated here before anything is written, so a
refused command leaves the journal exactly as it was.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, NamedTuple

from shipit.domain import dates
from shipit.domain.errors import InputError
from shipit.i18n import Msg, number

MAX_TEXT = 10_000
MAX_TAG = 64
# The vocabulary of entries (storage/schema.py's CHECK constraints spell out the same).
KINDS = ("ship", "step", "attempt")
OUTCOMES = ("open", "succeeded", "failed")
DECISIONS = ("self", "delegate", "drop")

# A hashtag: '#' (or '@', jrnl's convention, which the shell leaves alone) at the start
# or after a non-word character, then a letter, then letters, digits, '_' or '-'.
# '#123' (an issue number), 'a#b' and 'me@example.com' are not tags.
_HASHTAG = re.compile(r"(?<![\w#&/@])[#@]([^\W\d_][\w-]*)")
# Compiled (and cached by re) on first use: only commands that name an entry need them.
_ENTRY_ID = r"\d{1,18}"
_ENTRY_UID = r"[0-9a-fA-F-]{36}"


class EntryData(NamedTuple):
    """One entry as every reader sees it. A NamedTuple: a whole-journal read (the JSON
    and CSV exports, `list`) builds one per entry, several times faster than a frozen
    dataclass."""

    id: int | None  # None: another member's entry (ids are this journal's own)
    uid: str
    kind: str
    text: str
    day: date
    created_at: datetime
    updated_at: datetime
    tags: tuple[str, ...] = ()
    note: str | None = None
    minutes: int | None = None
    decision: str | None = None
    outcome: str | None = None
    lesson: str | None = None
    author: str | None = None  # set on another member's entry only

    def to_json(self) -> dict[str, Any]:
        """The stable JSON shape (docs/json.md); another member's entry has `id` null
        and an `author` key."""
        data = {
            "id": self.id,
            "uid": self.uid,
            "kind": self.kind,
            "text": self.text,
            "day": self.day.isoformat(),
            "created_at": self.created_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
            "tags": list(self.tags),
            "note": self.note,
            "minutes": self.minutes,
            "decision": self.decision,
            "outcome": self.outcome,
            "lesson": self.lesson,
        }
        if self.author is not None:
            data["author"] = self.author
        return data


class TodayData(NamedTuple):
    day: date
    shipped: bool
    entries: list[EntryData]
    journal_empty: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "day": self.day.isoformat(),
            "shipped": self.shipped,
            "entries": [e.to_json() for e in self.entries],
        }


@dataclass(frozen=True)
class Filters:
    since: date | None = None
    until: date | None = None
    kind: str | None = None
    tags: tuple[str, ...] = ()
    search: str | None = None
    limit: int | None = None
    # Exact matches on entry columns (outcome='open' for `attempts --open`).
    extra: dict[str, Any] = field(default_factory=dict)

    def without_limit(self) -> Filters:
        return Filters(since=self.since, until=self.until, kind=self.kind, tags=self.tags,
                       search=self.search, extra=self.extra)  # fmt: skip


# -- validation ------------------------------------------------------------------------


# What check_text names, by the word a caller passes (other words are shown as given;
# a caller may pass a Msg of its own).
_WHAT = {"text": "entries.what_text", "note": "entries.what_note",
         "lesson": "entries.what_lesson", "search text": "entries.what_search"}  # fmt: skip


def check_text(value: str, what: str | Msg = "text", *, allow_empty: bool = False) -> str:
    """Refuse empty, NUL-bearing or over-long text; return it unchanged otherwise."""
    if "\x00" in value or len(value) > MAX_TEXT or (not allow_empty and not value.strip()):
        shown = what if isinstance(what, Msg) else Msg(_WHAT.get(what, what))
        if "\x00" in value:
            raise InputError("entries.nul_byte", what=shown)
        if len(value) > MAX_TEXT:
            raise InputError("entries.too_long", what=shown, length=number(len(value)),
                             limit=number(MAX_TEXT))  # fmt: skip
        raise InputError("entries.empty", what=shown)
    return value


def optional_text(value: str | None, what: str | Msg) -> str | None:
    """A note or lesson: checked; '' means none."""
    if value is None:
        return None
    return check_text(value, what, allow_empty=True) or None


def _canonical_tag(raw: str) -> str | None:
    """The stored form of a tag (lower case, NFC, no '#' or '@'), or None if it is not one.

    Lower-casing can add combining marks ('İ' becomes 'i' + U+0307), so marks are
    allowed after the first character; both #hashtags and --tag go through here, so
    whatever shipit stores it also accepts back (on import, in --tag).
    """
    tag = unicodedata.normalize("NFC", unicodedata.normalize("NFC", raw.strip()).lstrip("#@").lower())
    if not tag or len(tag) > MAX_TAG or not tag[0].isalnum():
        return None
    for c in tag:
        if not (c.isalnum() or c in "-_" or unicodedata.category(c).startswith("M")):
            return None
    return tag


def normalise_tag(raw: str) -> str:
    tag = _canonical_tag(raw)
    if tag is None:
        raise InputError("entries.invalid_tag", tag=raw, limit=MAX_TAG)
    return tag


def hashtags(text: str) -> list[str]:
    out = []
    for m in _HASHTAG.finditer(unicodedata.normalize("NFC", text)):
        tag = _canonical_tag(m.group(1).rstrip("-"))
        if tag is not None:
            out.append(tag)
    return out


def combine_tags(text: str, explicit: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(hashtags(text)) | {normalise_tag(t) for t in explicit}))


def check_kind(kind: str | None) -> str | None:
    if kind is None:
        return None
    k = kind.strip().lower()
    if k not in KINDS:
        raise InputError("entries.invalid_kind", kind=kind, kinds=", ".join(KINDS))
    return k


def parse_entry_ref(ref: str) -> tuple[str, int | str]:
    """An entry as the user names it: ('id', 12) or ('uid', '...'); InputError otherwise."""
    text = ref.strip().removeprefix("#")  # `#12`, as shipit shows it, or `12`
    if re.fullmatch(_ENTRY_ID, text):
        return "id", int(text)
    if re.fullmatch(_ENTRY_UID, text):
        return "uid", text.lower()
    raise InputError("entries.invalid_id", ref=ref)


def new_uid() -> str:
    return str(uuid.uuid4())


def check_limit(limit: int | None) -> int | None:
    if limit is not None and not 0 <= limit <= 2**62:
        raise InputError("entries.invalid_limit", limit=limit)
    return limit or None


def parse_filters(
    today: date,
    *,
    since: str | None,
    until: str | None,
    kind: str | None,
    tags: Sequence[str] = (),
    search: str | None = None,
    limit: int | None = None,
) -> Filters:
    """Validate list/export filters typed by the user, relative to today's journal day."""
    limit = check_limit(limit)
    kind_ = check_kind(kind)
    norm_tags = tuple(normalise_tag(t) for t in tags)
    if search is not None:
        check_text(search, "search text")
    s = dates.parse_when(since, today, what="--since") if since is not None else None
    u = (dates.parse_when(until, today, allow_future=True, what="--until")
         if until is not None else None)  # fmt: skip
    if until and (span := dates.period(until, today)) is not None:
        u = span[1]  # --until "last week": up to its Sunday
    if s and u and s > u:
        raise InputError("entries.since_after_until", since=since, until=until)
    return Filters(since=s, until=u, kind=kind_, tags=norm_tags, search=search, limit=limit)
