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
from shipit.domain.errors import InputError, ShipitError
from shipit.domain.history import History
from shipit.domain.prompt import DayStatus, format_status, status_days
from shipit.domain.settings import DEFAULTS, Settings, parse_value
from shipit.storage import entries as entries_sql
from shipit.storage import figures as figures_sql
from shipit.storage.backlog import closed_by
from shipit.storage.db import Connection, Store, close_all, journal_path
from shipit.storage.rows import ChangeLog
from shipit.storage.status import write_status


_journals: list[Journal] = []


def finish() -> None:
    """End of a command: close the journal's connection (see storage.db.close_all).

    When the command committed a write, the prompt status file is refreshed (the one
    place every writing command passes): computed on the still-open connection, written
    after the connection closed, so it is newer than the journal's last checkpoint.
    """
    committed = [j for j in _journals if j.store.committed]
    text = committed[-1].status_text() if committed else None
    _journals.clear()
    close_all()
    if text is not None:
        try:
            write_status(committed[-1].store.path, text)
        except Exception:  # noqa: BLE001  a prompt cache never fails a committed command
            pass


def _check_fields_fit(entry: EntryData, **fields: Any) -> None:
    """Outcome and lesson are an attempt's, minutes and decision a step's."""
    owner = {"outcome": "attempt", "lesson": "attempt", "minutes": "step", "decision": "step"}
    for name, value in fields.items():
        if value is not None and entry.kind != owner[name]:
            article = "an" if entry.kind == "attempt" else "a"
            raise InputError(f"entry #{entry.id} is {article} {entry.kind}; "
                             f"{name} is for {owner[name]}s")  # fmt: skip


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

    def __init__(self, store: Store | None = None) -> None:
        self.store = store or Store()
        _journals.append(self)

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
                                outcome, lesson)  # fmt: skip
        with self.store.writing() as conn:
            return self._insert(ChangeLog(conn, command, dates.now()), kind, text, when,
                                all_tags, note, minutes, decision, outcome, lesson)  # fmt: skip

    def _insert(
        self, log: ChangeLog, kind: str, text: str, when: str | None, all_tags: tuple[str, ...],
        note: str | None, minutes: int | None, decision: str | None, outcome: str | None,
        lesson: str | None,
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
            hist = figures_sql.read_history(conn)
            # The prompt status needs the same history: no second read at the end.
            self._status_from = (conn.total_changes, hist)
            return entry, hist

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
        outcome: str | None = None,
        minutes: str | int | None = None,
        decision: str | None = None,
        extra: dict[str, Any] | None = None,
    ) -> EntryData:
        """Change fields of one entry; hashtags follow the text, --tag replaces the rest.

        Outcome and lesson belong to attempts, minutes and decision to steps; a
        decision of '' removes it.
        """
        from shipit.domain.steps import check_decision, check_minutes, check_outcome, parse_whole

        if text is not None:
            check_text(text)
        if note is not None:
            check_text(note, "note", allow_empty=True)
        if lesson is not None:
            check_text(lesson, "lesson", allow_empty=True)
        values: dict[str, Any] = {}
        if outcome is not None:
            values["outcome"] = check_outcome(outcome)
        if minutes is not None:
            values["minutes"] = check_minutes(parse_whole(minutes, "minutes"), what="minutes")
        if decision is not None:
            values["decision"] = check_decision(decision) if decision.strip() else None
        explicit = [normalise_tag(t) for t in tags] if tags is not None else None
        with self.store.writing() as conn:
            old = entries_sql.get(conn, ref)
            _check_fields_fit(old, outcome=outcome, lesson=lesson, minutes=minutes,
                              decision=decision)  # fmt: skip
            instant = dates.now()
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
            changed = {k: v for k, v in values.items() if getattr(old, k) != v}
            if not changed and new_tags == old.tags:
                if values or tags is not None or clear_tags:
                    return old  # asked for what it already is: nothing to record
                raise InputError("nothing to change: give --text, --date, --note or --tag "
                                 "(or no option, to edit the entry in $EDITOR)")  # fmt: skip
            new = old._replace(**values, tags=new_tags, updated_at=instant)
            if new.kind == "attempt" and new.outcome == "open" and new.lesson:
                raise InputError("a lesson needs an outcome: succeeded or failed",
                                 "set --outcome, or remove the lesson with --lesson ''")  # fmt: skip
            ChangeLog(conn, "edit", instant).put("entry", old.uid, entry_image(new))
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
            return filters, list(entries_sql.query(conn, filters))

    @staticmethod
    def parse_filters(conn: Connection, **raw: Any) -> Filters:
        """User-typed filters, relative to today's journal day (read only when needed)."""
        needs_today = raw.get("since") is not None or raw.get("until") is not None
        today = (dates.today(figures_sql.read_settings(conn).day_starts_at)
                 if needs_today else dates.today())  # fmt: skip
        return parse_filters(today, **raw)

    def today_view(self) -> TodayData:
        with self.store.reading() as conn:
            settings = figures_sql.read_settings(conn)
            today = dates.today(settings.day_starts_at)
            entries = list(entries_sql.query(conn, Filters(since=today, until=today),
                                             order="asc"))  # fmt: skip
            empty = not entries and entries_sql.is_empty(conn)
        shipped = any(e.kind == "ship" for e in entries)
        return TodayData(day=today, shipped=shipped, entries=entries, journal_empty=empty)

    def history(self) -> History:
        with self.store.reading() as conn:
            return figures_sql.read_history(conn)

    def tags(self) -> list[tuple[str, int, date]]:
        """`shipit tags`: (tag, entries, last day used), most used first."""
        with self.store.reading() as conn:
            return entries_sql.tag_counts(conn)

    # the prompt status ----------------------------------------------------------------

    _status_from: tuple[int, History] | None = None

    def status_days(self) -> list[DayStatus]:
        """Today's and the next 7 journal days' status, as if nothing more were logged."""
        hist = None
        if self._status_from is not None:
            changes, hist = self._status_from
            if changes != self.store.connection().total_changes:
                hist = None  # written since: read again
        hist = hist or self.history()
        s = hist.settings
        return status_days(hist.counts, hist.skips, s.rest_days, s.day_starts_at, hist.today)

    def status_text(self) -> str | None:
        """The status file's content, or None when the journal cannot be read."""
        try:
            return format_status(self.status_days())
        except ShipitError:
            return None

    def refresh_status(self) -> list[DayStatus]:
        days = self.status_days()
        write_status(self.store.path, format_status(days))
        return days


__all__ = ["DEFAULTS", "EntryData", "Filters", "Journal", "TodayData", "path"]
