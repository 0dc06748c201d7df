"""Domain operations on the journal: validate, write, query. Returns plain data.

Never prints, never imports Typer or Rich. Every write is one transaction that takes
the write lock first; every input is validated before anything is written, so a
failed command leaves the journal exactly as it was.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from shipit import dates
from shipit.errors import InputError, NotFoundError
from shipit.settings import DEFAULTS, Settings, parse_value
from shipit.store import Store, driver

if TYPE_CHECKING:
    import sqlite3

    from sqlalchemy.engine import Connection

    from shipit.store import AnyConnection

MAX_TEXT = 10_000
MAX_TAG = 64
# The vocabulary of entries (models.py's CHECK constraints spell out the same values).
KINDS = ("ship", "step", "attempt")
OUTCOMES = ("open", "succeeded", "failed")
DECISIONS = ("self", "delegate", "drop")

# A hashtag: '#' at the start or after a non-word character, then a letter, then
# letters, digits, '_' or '-'. '#123' (an issue number) and 'a#b' are not tags.
_HASHTAG = re.compile(r"(?<![\w#&/])#([^\W\d_][\w-]*)")


# -- plain data ------------------------------------------------------------------------


class EntryData(NamedTuple):
    """One entry as every reader sees it. A NamedTuple: a whole-journal read (the JSON
    and CSV exports, `list`) builds one per entry, several times faster than a frozen
    dataclass."""

    id: int
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

    def to_json(self) -> dict[str, Any]:
        """The stable JSON shape (docs/json.md)."""
        return {
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
    extra: dict[str, Any] = field(default_factory=dict)


# -- validation (pure) -----------------------------------------------------------------


def check_text(value: str, what: str = "text", *, allow_empty: bool = False) -> str:
    """Refuse empty, NUL-bearing or over-long text; return it unchanged otherwise."""
    if "\x00" in value:
        raise InputError(f"{what} contains a NUL byte")
    if len(value) > MAX_TEXT:
        raise InputError(f"{what} is {len(value):,} characters long; the limit is {MAX_TEXT:,}")
    if not allow_empty and not value.strip():
        raise InputError(f"{what} is empty")
    return value


def _canonical_tag(raw: str) -> str | None:
    """The stored form of a tag (lower case, NFC, no '#'), or None if it is not one.

    Lower-casing can add combining marks ('İ' becomes 'i' + U+0307), so marks are
    allowed after the first character; both #hashtags and --tag go through here, so
    whatever shipit stores it also accepts back (on import, in --tag).
    """
    tag = unicodedata.normalize("NFC", unicodedata.normalize("NFC", raw.strip()).lstrip("#").lower())
    if not tag or len(tag) > MAX_TAG or not tag[0].isalnum():
        return None
    for c in tag:
        if not (c.isalnum() or c in "-_" or unicodedata.category(c).startswith("M")):
            return None
    return tag


def normalise_tag(raw: str) -> str:
    tag = _canonical_tag(raw)
    if tag is None:
        raise InputError(
            f"invalid tag {raw!r}: a tag is letters, digits, '-' and '_' "
            f"(at most {MAX_TAG} characters)"
        )
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
        raise InputError(f"invalid kind {kind!r}: expected one of {', '.join(KINDS)}")
    return k


def new_uid() -> str:
    return str(uuid.uuid4())


def db_datetime(instant: datetime) -> str:
    """An aware instant in the journal's storage format: UTC, 'YYYY-MM-DD HH:MM:SS.ffffff'."""
    from datetime import UTC

    return instant.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


# -- the journal -----------------------------------------------------------------------


class Journal:
    """The operations every command uses. One Store (one engine) per process."""

    def __init__(self, store: Store | None = None) -> None:
        self.store = store or Store()

    # settings ---------------------------------------------------------------------

    @staticmethod
    def read_settings(conn: AnyConnection) -> Settings:
        rows = driver(conn).execute("SELECT key, value FROM setting").fetchall()
        return Settings.from_raw(dict(rows))

    def settings(self) -> Settings:
        with self.store.snapshot() as conn:
            return self.read_settings(conn)

    def set_setting(self, key: str, value: str) -> str:
        key = key.strip().lower()
        _, canonical = parse_value(key, value)
        with self.store.writing() as conn:
            conn.exec_driver_sql(
                "INSERT INTO setting (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, canonical),
            )
        return canonical

    def raw_settings(self) -> dict[str, str]:
        return self.settings().as_strings()

    def today(self) -> date:
        return dates.today(self.settings().day_starts_at)

    # writing ----------------------------------------------------------------------

    def add(
        self,
        kind: str,
        text: str,
        *,
        when: str | None = None,
        tags: Sequence[str] = (),
        note: str | None = None,
        minutes: int | None = None,
        decision: str | None = None,
        outcome: str | None = None,
        lesson: str | None = None,
        conn: Connection | None = None,
    ) -> EntryData:
        """Validate and record one entry for the journal day of `when` (default: now)."""
        check_text(text)
        if note is not None:
            check_text(note, "note", allow_empty=True)
            note = note or None
        if lesson is not None:
            check_text(lesson, "lesson", allow_empty=True)
            lesson = lesson or None
        all_tags = combine_tags(text, tags)
        # The caller's transaction, or one of our own that takes the write lock first.
        with contextlib.nullcontext(conn) if conn is not None else self.store.writing() as c:
            return self._insert(c, kind, text, when, all_tags, note, minutes, decision,
                                outcome, lesson)  # fmt: skip

    def _insert(
        self, conn: Connection, kind: str, text: str, when: str | None, all_tags: tuple[str, ...],
        note: str | None, minutes: int | None, decision: str | None, outcome: str | None,
        lesson: str | None,
    ) -> EntryData:  # fmt: skip
        """Write one validated entry in `conn`'s write transaction."""
        settings = self.read_settings(conn)
        instant = dates.now()
        today = dates.journal_day(instant, settings.day_starts_at)
        day = dates.parse_when(when, today) if when is not None else today
        uid = new_uid()
        # Plain SQL on this hot path: importing the SQLModel classes costs more than
        # logging itself. db_datetime() writes exactly what the models' UTCDateTime
        # columns store (tests/test_store.py pins the two together).
        stamp = db_datetime(instant)
        result = conn.exec_driver_sql(
            "INSERT INTO entry (uid, kind, text, day, created_at, updated_at, note, minutes, "
            "decision, outcome, lesson) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (uid, kind, text, day.isoformat(), stamp, stamp, note, minutes, decision,
             outcome, lesson),
        )  # fmt: skip
        entry_id = result.lastrowid
        self._write_tags(conn, entry_id, all_tags)
        return EntryData(
            id=entry_id, uid=uid, kind=kind, text=text, day=day, created_at=instant,
            updated_at=instant, tags=all_tags, note=note, minutes=minutes,
            decision=decision, outcome=outcome, lesson=lesson,
        )  # fmt: skip

    @staticmethod
    def _write_tags(conn: Connection, entry_id: int, tags: Iterable[str]) -> None:
        conn.exec_driver_sql("DELETE FROM entry_tag WHERE entry_id = ?", (entry_id,))
        rows = [(entry_id, t) for t in tags]
        if rows:
            conn.exec_driver_sql("INSERT INTO entry_tag (entry_id, tag) VALUES (?, ?)", rows)

    def edit(
        self,
        ref: str,
        *,
        text: str | None = None,
        when: str | None = None,
        note: str | None = None,
        tags: Sequence[str] | None = None,
        clear_tags: bool = False,
        lesson: str | None = None,
        extra: dict[str, Any] | None = None,
    ) -> EntryData:
        """Change fields of one entry; hashtags follow the text, --tag replaces the rest."""
        if text is not None:
            check_text(text)
        if note is not None:
            check_text(note, "note", allow_empty=True)
        if lesson is not None:
            check_text(lesson, "lesson", allow_empty=True)
        explicit = [normalise_tag(t) for t in tags] if tags is not None else None
        with self.store.writing() as conn:
            old = self._get(conn, ref)
            settings = self.read_settings(conn)
            instant = dates.now()
            values: dict[str, Any] = {}
            if text is not None:
                values["text"] = text
            if when is not None:
                today = dates.journal_day(instant, settings.day_starts_at)
                values["day"] = dates.parse_when(when, today)
            if note is not None:
                values["note"] = note or None
            if lesson is not None:
                values["lesson"] = lesson or None
            values.update(extra or {})
            if explicit is None:
                kept = set(old.tags) - set(hashtags(old.text))
                explicit = [] if clear_tags else sorted(kept)
            new_tags = combine_tags(values.get("text", old.text), explicit)
            if not values and new_tags == old.tags:
                raise InputError("nothing to change: give --text, --date, --note or --tag")
            values["updated_at"] = instant
            from shipit.models import Entry

            table = Entry.__table__
            conn.execute(table.update().where(table.c.id == old.id).values(**values))
            if new_tags != old.tags:
                self._write_tags(conn, old.id, new_tags)
            return self._get(conn, str(old.id))

    def delete(self, ref: str) -> EntryData:
        with self.store.writing() as conn:
            entry = self._get(conn, ref)
            self._remove(conn, entry)
            return entry

    @staticmethod
    def _remove(conn: Connection, entry: EntryData) -> None:
        """Delete an entry; a backlog item it closed becomes open again."""
        conn.exec_driver_sql(
            "UPDATE backlog SET closed_at = NULL, entry_id = NULL WHERE entry_id = ?",
            (entry.id,),
        )
        conn.exec_driver_sql("DELETE FROM entry WHERE id = ?", (entry.id,))

    def undo(self) -> EntryData:
        """Remove the most recently added entry and return it."""
        with self.store.writing() as conn:
            last = conn.exec_driver_sql("SELECT max(id) FROM entry").scalar()
            if last is None:
                raise InputError("nothing to undo: the journal has no entries")
            entry = self._get(conn, str(last))
            self._remove(conn, entry)
            return entry

    # reading ----------------------------------------------------------------------

    def get(self, ref: str) -> EntryData:
        with self.store.reading() as conn:
            return self._get(conn, ref)

    def _get(self, conn: Connection, ref: str) -> EntryData:
        ref = ref.strip()
        if re.fullmatch(r"\d{1,18}", ref):
            found = list(self._select(conn, ["id = ?"], [int(ref)]))
        elif re.fullmatch(r"[0-9a-fA-F-]{36}", ref):
            found = list(self._select(conn, ["uid = ?"], [ref.lower()]))
        else:
            raise InputError(f"invalid id {ref!r}: use the number shown by 'shipit list'")
        if not found:
            raise NotFoundError(f"no entry with id {ref}")
        return found[0]

    def _select(
        self,
        conn: AnyConnection,
        where: Sequence[str] = (),
        params: Sequence[Any] = (),
        *,
        order: str = "desc",
        limit: int | None = None,
    ) -> Iterator[EntryData]:
        """Entries matching the SQL conditions `where` (ANDed, '?' placeholders).

        Plain SQL read straight from the driver's cursor: no ORM classes to import
        (the daily glance starts faster) and no per-value result processing (whole
        journals stream several times faster). Column order: _row_to_entry.
        """
        cursor = entry_rows(conn, ENTRY_ROW_COLUMNS, where, params, order=order, limit=limit)
        days: dict[str, date] = {}
        for row in cursor:
            yield _row_to_entry(row, days)

    def query(self, filters: Filters, *, order: str = "desc") -> list[EntryData]:
        with self.store.reading() as conn:
            return list(self.iter_query(conn, filters, order=order))

    def iter_query(
        self, conn: AnyConnection, filters: Filters, *, order: str = "desc"
    ) -> Iterator[EntryData]:
        where, params = self.filter_sql(filters)
        yield from self._select(conn, where, params, order=order, limit=filters.limit)

    @staticmethod
    def filter_sql(filters: Filters) -> tuple[list[str], list[Any]]:
        """SQL conditions on the entry table for `filters` (all but the limit).

        Returns (conditions to AND, '?' parameters). Shared by `iter_query` and by
        queries that aggregate the same selection (the Markdown export's summary), so
        both always agree on what matches.
        """
        where: list[str] = []
        params: list[Any] = []
        if filters.since:
            where.append("day >= ?")
            params.append(filters.since.isoformat())
        if filters.until:
            where.append("day <= ?")
            params.append(filters.until.isoformat())
        if filters.kind:
            where.append("kind = ?")
            params.append(filters.kind)
        for tag in filters.tags:
            where.append("id IN (SELECT entry_id FROM entry_tag WHERE tag = ?)")
            params.append(tag)
        if filters.search:
            needle = filters.search.casefold()
            where.append("instr(shipit_casefold(text), ?) > 0 "
                         "OR instr(shipit_casefold(coalesce(note, '')), ?) > 0")  # fmt: skip
            params += [needle, needle]
        for column, value in filters.extra.items():
            if column not in ENTRY_COLUMNS:
                raise ValueError(f"not an entry column: {column!r}")
            where.append(f"{column} = ?")
            params.append(value)
        return where, params

    def today_view(self) -> TodayData:
        with self.store.reading() as conn:
            settings = self.read_settings(conn)
            today = dates.today(settings.day_starts_at)
            entries = list(self.iter_query(conn, Filters(since=today, until=today), order="asc"))
            empty = not entries and conn.exec_driver_sql(
                "SELECT NOT EXISTS (SELECT 1 FROM entry)"
            ).scalar()
        shipped = any(e.kind == "ship" for e in entries)
        return TodayData(day=today, shipped=shipped, entries=entries, journal_empty=bool(empty))


ENTRY_COLUMNS = ("id", "uid", "kind", "text", "day", "created_at", "updated_at", "note",
                 "minutes", "decision", "outcome", "lesson")  # fmt: skip
# An entry's tags as one space-separated string (NULL without tags), as a column.
TAGS_COLUMN = "(SELECT group_concat(tag, ' ') FROM entry_tag WHERE entry_tag.entry_id = entry.id)"
ENTRY_ROW_COLUMNS = (
    f"id, uid, kind, text, day, created_at, updated_at, {TAGS_COLUMN}, "
    "note, minutes, decision, outcome, lesson"
)


def entry_rows(
    conn: AnyConnection,
    columns: str,
    where: Sequence[str] = (),
    params: Sequence[Any] = (),
    *,
    order: str = "desc",
    limit: int | None = None,
    joins: str = "",
) -> sqlite3.Cursor:
    """A driver cursor over `columns` of the entries matching `where` (ANDed).

    Ordered by day then id (the order they were logged in), newest first unless
    order="asc". Whole-journal readers (export) take the raw rows from here; `joins`
    adds tables to read columns from (a LEFT JOIN clause).
    """
    sql = f"SELECT {columns} FROM entry {joins}".rstrip()
    if where:
        sql += " WHERE " + " AND ".join(f"({w})" for w in where)
    sql += " ORDER BY day DESC, id DESC" if order == "desc" else " ORDER BY day, id"
    args = list(params)
    if limit:
        sql += " LIMIT ?"
        args.append(int(limit))
    return driver(conn).execute(sql, args)


def _row_to_entry(row: tuple[Any, ...], days: dict[str, date]) -> EntryData:
    """An entry from a raw row in _select's column order (storage formats: db_datetime)."""
    (id_, uid, kind, text, day, created, updated, tags, note, minutes, decision, outcome,
     lesson) = row  # fmt: skip
    parsed_day = days.get(day)
    if parsed_day is None:
        parsed_day = days[day] = date.fromisoformat(day)
    return EntryData(
        id=id_, uid=uid, kind=kind, text=text, day=parsed_day,
        created_at=from_db_datetime(created), updated_at=from_db_datetime(updated),
        tags=tuple(sorted(tags.split(" "))) if tags else (), note=note, minutes=minutes,
        decision=decision, outcome=outcome, lesson=lesson,
    )  # fmt: skip


def from_db_datetime(value: str) -> datetime:
    # Stored values are UTC without an offset; parsing with one is ~6x cheaper than
    # parsing naive and then .replace(tzinfo=UTC).
    return datetime.fromisoformat(value + "+00:00")


def parse_filters(
    journal: Journal,
    *,
    since: str | None,
    until: str | None,
    kind: str | None,
    tags: Sequence[str] = (),
    search: str | None = None,
    limit: int | None = None,
) -> Filters:
    """Validate list/export filters typed by the user."""
    if limit is not None and not 0 <= limit <= 2**62:
        raise InputError(f"invalid --limit {limit}: expected 0 (all) or a positive number")
    kind_ = check_kind(kind)
    norm_tags = tuple(normalise_tag(t) for t in tags)
    if search is not None:
        check_text(search, "search text")
    s = u = None
    if since is not None or until is not None:
        today = journal.today()
        s = dates.parse_when(since, today, what="--since") if since is not None else None
        u = dates.parse_when(until, today, allow_future=True, what="--until") if until else None
        if s and u and s > u:
            raise InputError(f"--since {since!r} is after --until {until!r}")
    return Filters(since=s, until=u, kind=kind_, tags=norm_tags, search=search,
                   limit=limit or None)  # fmt: skip


__all__ = ["DEFAULTS", "EntryData", "Filters", "Journal", "TodayData", "parse_filters"]
