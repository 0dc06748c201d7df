"""Entries: log, edit, delete, read, today's glance, settings. One transaction each.

Every input is validated (shipit.domain) before anything is written, every write takes
the write lock first and records its change in the same transaction (storage.rows), so
a failed command leaves the journal exactly as it was and `undo` can revert any
command that succeeded.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from shipit.domain import dates
from shipit.domain.entries import (
    EntryData,
    Filters,
    TodayData,
    check_text,
    combine_tags,
    hashtags,
    new_uid,
    normalise_tag,
    optional_text,
    parse_filters,
)
from shipit.domain.errors import InputError, NotFoundError
from shipit.domain.history import History
from shipit.domain.identity import check_author
from shipit.domain.settings import DEFAULTS, Settings, parse_value
from shipit.storage import entries as entries_sql
from shipit.storage import figures as figures_sql
from shipit.storage import members as members_sql
from shipit.storage.backlog import closed_by
from shipit.storage.db import Connection, Store, close_all, journal_path
from shipit.storage.rows import ChangeLog, read_image


def finish() -> None:
    """End of a command: close the journal's connection (see storage.db.close_all)."""
    close_all()


def path() -> str:
    """Where the journal lives ($SHIPIT_HOME/journal.db or the user data folder)."""
    return str(journal_path())


def entry_image(entry: EntryData) -> dict[str, Any]:
    """An entry as storage.rows stores it."""
    return {
        "id": entry.id, "uid": entry.uid, "kind": entry.kind, "text": entry.text,
        "day": entry.day.isoformat(), "created_at": entries_sql.db_datetime(entry.created_at),
        "updated_at": entries_sql.db_datetime(entry.updated_at), "note": entry.note,
        "minutes": entry.minutes, "decision": entry.decision, "outcome": entry.outcome,
        "lesson": entry.lesson, "tags": list(entry.tags),
    }  # fmt: skip


class Journal:
    """The operations every command uses, on one journal (one Store, one connection)."""

    def __init__(self, store: Store | None = None, *, author: str | None = None) -> None:
        self.store = store or Store()
        # Whose entries and figures the reads show (`--author NAME`): None for the
        # journal's own author. Writes are always the journal's own.
        self.author = author

    # whose rows -----------------------------------------------------------------------

    def member(self, conn: Connection) -> str | None:
        """The member whose rows the reads show, or None for the journal's own author.

        NotFoundError for a name that is neither the author nor a member seen on the hub.
        """
        if self.author is None:
            return None
        name = self.author.strip()
        if name == members_sql.own_author(conn):
            return None
        if not members_sql.is_member(conn, name):
            raise NotFoundError(f"no member named {name!r} in this journal",
                                "see 'shipit team' for the members synced here")  # fmt: skip
        return name

    def read_history(self, conn: Connection) -> History:
        """The figures' inputs of the author shown (their own settings)."""
        member = self.member(conn)
        if member is None:
            return figures_sql.read_history(conn)
        return members_sql.read_history(conn, member)

    def read_entries(self, conn: Connection, filters: Filters, *, order: str = "desc"
                     ) -> list[EntryData]:  # fmt: skip
        member = self.member(conn)
        if member is None:
            return list(entries_sql.query(conn, filters, order=order))
        return list(members_sql.query(conn, member, filters, order=order))

    # settings ---------------------------------------------------------------------

    def settings(self) -> Settings:
        with self.store.reading() as conn:
            return figures_sql.read_settings(conn)

    def raw_settings(self) -> dict[str, str]:
        return self.settings().as_strings()

    def set_setting(self, key: str, value: str) -> str:
        key = key.strip().lower()
        _, canonical = parse_value(key, value)
        with self.store.writing() as conn:
            ChangeLog(conn, "config", dates.now()).put(
                "setting", key, {"key": key, "value": canonical}
            )
        return canonical

    def own_author(self) -> str:
        with self.store.reading() as conn:
            return members_sql.own_author(conn)

    def set_author(self, name: str) -> str:
        """`config author NAME`: this journal's rows are NAME's from now on (a change,
        so undo reverts it). A name a team member already has is refused."""
        name = check_author(name)
        with self.store.writing() as conn:
            if members_sql.is_member(conn, name):
                raise InputError(f"{name!r} is another member of the team: pick your own name")
            ChangeLog(conn, "config", dates.now()).put(
                "setting", "author", {"key": "author", "value": name}
            )
        return name

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
        log: ChangeLog | None = None,
        command: str = "log",
        private: bool = False,
    ) -> EntryData:
        """Validate and record one entry for the journal day of `when` (default: now).

        In the caller's change (`log`, inside its write transaction), or in a write
        transaction and change of its own (`command`).
        """
        check_text(text)
        note = optional_text(note, "note")
        lesson = optional_text(lesson, "lesson")
        all_tags = combine_tags(text, tags)
        if log is not None:
            return self._insert(log, kind, text, when, all_tags, note, minutes, decision,
                                outcome, lesson, private)  # fmt: skip
        with self.store.writing() as conn:
            return self._insert(ChangeLog(conn, command, dates.now()), kind, text, when,
                                all_tags, note, minutes, decision, outcome, lesson,
                                private)  # fmt: skip

    def _insert(
        self, log: ChangeLog, kind: str, text: str, when: str | None, all_tags: tuple[str, ...],
        note: str | None, minutes: int | None, decision: str | None, outcome: str | None,
        lesson: str | None, private: bool = False,
    ) -> EntryData:  # fmt: skip
        settings = figures_sql.read_settings(log.conn)
        instant = log.instant
        today = dates.journal_day(instant, settings.day_starts_at)
        day = dates.parse_when(when, today) if when is not None else today
        stamp = entries_sql.db_datetime(instant)
        uid = new_uid()
        image = log.insert("entry", {
            "id": None, "uid": uid, "kind": kind, "text": text, "day": day.isoformat(),
            "created_at": stamp, "updated_at": stamp, "note": note, "minutes": minutes,
            "decision": decision, "outcome": outcome, "lesson": lesson, "tags": all_tags,
            **({"private": True} if private else {}),
        })  # fmt: skip
        return EntryData(
            id=image["id"], uid=uid, kind=kind, text=text, day=day, created_at=instant,
            updated_at=instant, tags=all_tags, note=note, minutes=minutes,
            decision=decision, outcome=outcome, lesson=lesson,
        )  # fmt: skip

    def add_with_history(self, kind: str, text: str, **fields: Any
                         ) -> tuple[EntryData, History]:  # fmt: skip
        """Record an entry and read what its confirmation's streak needs, in ONE transaction.

        `log` then costs one connection and one write transaction; the history it
        reads already holds the new entry.
        """
        with self.store.writing() as conn:
            entry = self.add(kind, text, log=ChangeLog(conn, "log", dates.now()), **fields)
            return entry, figures_sql.read_history(conn)

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
        private: bool | None = None,
    ) -> EntryData:
        """Change fields of one entry; hashtags follow the text, --tag replaces the rest;
        `private` keeps it on this machine (True) or lets sync share it (False)."""
        if text is not None:
            check_text(text)
        if note is not None:
            check_text(note, "note", allow_empty=True)
        if lesson is not None:
            check_text(lesson, "lesson", allow_empty=True)
        explicit = [normalise_tag(t) for t in tags] if tags is not None else None
        with self.store.writing() as conn:
            old = entries_sql.get(conn, ref)
            instant = dates.now()
            values: dict[str, Any] = {}
            if text is not None:
                values["text"] = text
            if when is not None:
                settings = figures_sql.read_settings(conn)
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
            was_private = bool(read_image(conn, "entry", old.uid).get("private"))
            now_private = was_private if private is None else private
            if not values and new_tags == old.tags and now_private == was_private:
                raise InputError("nothing to change: give --text, --date, --note, --tag, "
                                 "--private or --shared")  # fmt: skip
            new = old._replace(**values, tags=new_tags, updated_at=instant)
            image = entry_image(new)
            if now_private:
                image["private"] = True
            ChangeLog(conn, "edit", instant).put("entry", old.uid, image)
            return new

    def delete(self, ref: str) -> EntryData:
        with self.store.writing() as conn:
            entry = entries_sql.get(conn, ref)
            self.remove(ChangeLog(conn, "delete", dates.now()), entry)
            return entry

    @staticmethod
    def remove(log: ChangeLog, entry: EntryData) -> None:
        """Delete an entry; a backlog item it closed becomes open again."""
        for uid in closed_by(log.conn, entry.id):
            log.update("backlog", uid, closed_at=None, entry_id=None)
        log.delete("entry", entry.uid)

    # reading ----------------------------------------------------------------------

    def get(self, ref: str) -> EntryData:
        with self.store.reading() as conn:
            return entries_sql.get(conn, ref)

    def query(self, filters: Filters, *, order: str = "desc") -> list[EntryData]:
        with self.store.reading() as conn:
            return list(entries_sql.query(conn, filters, order=order))

    def list(self, *, since: str | None = None, until: str | None = None,
             kind: str | None = None, tags: Sequence[str] = (), search: str | None = None,
             limit: int | None = None) -> tuple[Filters, list[EntryData]]:  # fmt: skip
        """`shipit list`: the filters as understood, and the entries, in one read."""
        with self.store.reading() as conn:
            filters = self.parse_filters(conn, since=since, until=until, kind=kind, tags=tags,
                                         search=search, limit=limit)  # fmt: skip
            return filters, self.read_entries(conn, filters)

    @staticmethod
    def parse_filters(conn: Connection, **raw: Any) -> Filters:
        """User-typed filters, relative to today's journal day (read only when needed)."""
        needs_today = raw.get("since") is not None or raw.get("until") is not None
        today = (dates.today(figures_sql.read_settings(conn).day_starts_at)
                 if needs_today else dates.today())  # fmt: skip
        return parse_filters(today, **raw)

    def today_view(self) -> TodayData:
        with self.store.reading() as conn:
            member = self.member(conn)
            settings = (figures_sql.read_settings(conn) if member is None
                        else members_sql.read_settings(conn, member))  # fmt: skip
            today = dates.today(settings.day_starts_at)
            entries = self.read_entries(conn, Filters(since=today, until=today), order="asc")
            empty = not entries and (member is not None or entries_sql.is_empty(conn))
        shipped = any(e.kind == "ship" for e in entries)
        return TodayData(day=today, shipped=shipped, entries=entries, journal_empty=empty)

    def history(self) -> History:
        with self.store.reading() as conn:
            return self.read_history(conn)


__all__ = ["DEFAULTS", "EntryData", "Filters", "Journal", "TodayData", "path"]
