"""Entries: log, edit, delete, read, today's glance, settings. One transaction each.

Every input is validated (shipit.domain) before anything is written, every write takes
the write lock first and records its change in the same transaction (storage.rows), so
a failed command leaves the journal exactly as it was and `undo` can revert any
command that succeeded.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

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
from shipit.domain.errors import InputError, NotFoundError, ShipitError
from shipit.domain.settings import DEFAULTS, SYNC_DEFAULTS, Settings, parse_value
from shipit.i18n import Msg
from shipit.storage import entries as entries_sql
from shipit.storage import figures as figures_sql
from shipit.storage.db import (Connection, Store, auto_sync_settings, close_all, forget_commits,
                               journal_path)  # fmt: skip
from shipit.storage.db import committed as _store_committed
from shipit.services import project_links

if TYPE_CHECKING:
    from shipit.domain.history import History
    from shipit.domain.prompt import DayStatus
    from shipit.domain.streak import ShipDays
    from shipit.storage.rows import ChangeLog

# Imported where they are used, not here (tests/test_startup_imports.py, docs/performance.md):
# the change log (storage.rows, domain.changes) by writes only, the prompt status format
# by writes and `status`, team members' rows (storage.members) by `--author NAME` only,
# the whole history (domain.history, domain.stats) by the figures. `log` and `today` load
# none of what they do not run.

_journals: list[Journal] = []


def begin() -> None:
    """Start of a command: nothing of it has committed yet, no journal is open for it."""
    forget_commits()
    _journals.clear()


def finish() -> None:
    """End of a command: close the journal's connection (see storage.db.close_all).

    When the command committed a write, the prompt status file is refreshed (the one
    place every writing command passes): computed on the still-open connection, written
    after the connection closed, so it is newer than the journal's last checkpoint.
    """
    forget_commits()
    committed = [j for j in _journals if j.store.committed]
    text = committed[-1].status_text() if committed else None
    _journals.clear()
    close_all()
    if text is not None:
        try:
            from shipit.storage.status import write_status

            write_status(committed[-1].store.path, text)
        except Exception:  # noqa: BLE001  a prompt cache never fails a committed command
            pass


def committed_journal() -> Journal | None:
    """The journal this command committed a write to (the last one), or None. A write
    that commits outside Store.writing (`restore`) counts for the journal last opened."""
    done = [j for j in _journals if j.store.committed]
    if done:
        return done[-1]
    return _journals[-1] if _journals and committed() else None


def auto_sync_request() -> tuple[Journal, str | None] | None:
    """(the journal this command wrote to, its `sync.timeout` as stored) when that
    journal syncs by itself (joined to a hub and `sync.auto on`), else None: one
    statement on its open connection, so a command on a journal that does not sync
    loads nothing of sync (docs/performance.md)."""
    journal = committed_journal()
    if journal is None:
        return None
    try:
        url, auto, seconds = auto_sync_settings(journal.store.connection())
    except ShipitError:
        return None
    return (journal, seconds) if url is not None and auto == "on" else None


def wants_auto_sync() -> bool:
    return auto_sync_request() is not None


def _check_fields_fit(entry: EntryData, **fields: Any) -> None:
    """Outcome and lesson are an attempt's, minutes and decision a step's."""
    owner = {"outcome": "attempt", "lesson": "attempt", "minutes": "step", "decision": "step"}
    for name, value in fields.items():
        if value is not None and entry.kind != owner[name]:
            raise InputError("entries.field_not_for_kind", id=entry.id,
                             a_kind=Msg("entries.a_" + entry.kind), name=name,
                             kinds=Msg("entries.for_" + owner[name]))  # fmt: skip


def committed() -> bool:
    """True once this command's write transaction has committed: the change is in the
    journal, whatever happens after (the CLI then reports success)."""
    return _store_committed()


def path() -> str:
    """Where the journal lives ($SHIPIT_HOME/journal.db or the user data folder)."""
    return str(journal_path())


def member_named(conn: Connection, author: str | None) -> str | None:
    """The member `--author NAME` names, or None for the journal's own author (or no
    NAME). NotFoundError for a name that is neither the author nor a member seen on the
    hub."""
    if author is None:
        return None
    from shipit.storage import members as members_sql

    name = author.strip()
    if name == members_sql.own_author(conn):
        return None
    if not members_sql.is_member(conn, name):
        raise NotFoundError("entries.no_member", "entries.no_member_hint", name=name)
    return name


class Journal:
    """The operations every command uses, on one journal (one Store, one connection)."""

    def __init__(self, store: Store | None = None, *, author: str | None = None) -> None:
        self.store = store or Store()
        self.linked: str | None = None  # the project the last entry added was linked to
        self.nearest: Any = None  # (project, time left) read by add_with_history
        self.nearest_read = False
        self.reopened: str | None = None  # a project the last delete made active again
        _journals.append(self)
        # Whose entries and figures the reads show (`--author NAME`): None for the
        # journal's own author. Writes are always the journal's own.
        self.author = author

    # whose rows -----------------------------------------------------------------------

    def member(self, conn: Connection) -> str | None:
        """The member whose rows the reads show, or None for the journal's own author.

        NotFoundError for a name that is neither the author nor a member seen on the hub.
        """
        return member_named(conn, self.author)

    def read_history(self, conn: Connection) -> History:
        """The figures' inputs of the author shown (their own settings)."""
        member = self.member(conn)
        if member is None:
            return figures_sql.read_history(conn)
        from shipit.storage import members as members_sql

        return members_sql.read_history(conn, member)

    def read_streak(self, conn: Connection) -> History | ShipDays:
        """What the streak line needs, of the author shown: the journal's own author's
        ship days (no per-day counts), a member's whole history."""
        member = self.member(conn)
        if member is None:
            return figures_sql.read_ship_days(conn)
        from shipit.storage import members as members_sql

        return members_sql.read_history(conn, member)

    def read_entries(self, conn: Connection, filters: Filters, *, order: str = "desc"
                     ) -> list[EntryData]:  # fmt: skip
        member = self.member(conn)
        if member is None:
            return list(entries_sql.query(conn, filters, order=order))
        from shipit.storage import members as members_sql

        return list(members_sql.query(conn, member, filters, order=order))

    # settings ---------------------------------------------------------------------

    def settings(self) -> Settings:
        with self.store.reading() as conn:
            return figures_sql.read_settings(conn)

    def raw_settings(self) -> dict[str, str]:
        return self.settings().as_strings()

    def set_setting(self, key: str, value: str) -> str:
        from shipit.storage.rows import ChangeLog

        key = key.strip().lower()
        _, canonical = parse_value(key, value)
        with self.store.writing() as conn:
            ChangeLog(conn, "config", dates.now()).put(
                "setting", key, {"key": key, "value": canonical}
            )
        return canonical

    def sync_settings(self) -> dict[str, str]:
        """This device's sync settings (sync.auto, sync.timeout), defaults filled in."""
        with self.store.reading() as conn:
            stored = figures_sql.stored_settings(conn)
        return {k: stored.get(k, default) for k, default in SYNC_DEFAULTS.items()}

    def own_author(self) -> str:
        from shipit.storage import members as members_sql

        with self.store.reading() as conn:
            return members_sql.own_author(conn)

    def set_author(self, name: str) -> str:
        """`config author NAME`: this journal's rows are NAME's from now on (a change,
        so undo reverts it). A name a team member already has is refused."""
        from shipit.domain.identity import check_author
        from shipit.storage import members as members_sql
        from shipit.storage.rows import ChangeLog

        name = check_author(name)
        with self.store.writing() as conn:
            if members_sql.is_member(conn, name):
                raise InputError("entries.author_taken", name=name)
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
        project: str | None = None,
        private: bool = False,
    ) -> EntryData:
        """Validate and record one entry for the journal day of `when` (default: now).

        In the caller's change (`log`, inside its write transaction), or in a write
        transaction and change of its own (`command`). Linked to `project` (a project's
        short name), or to the active project a '+name' word in the text names; the short
        name it was linked to is left in `self.linked`.
        """
        check_text(text)
        note = optional_text(note, "note")
        lesson = optional_text(lesson, "lesson")
        all_tags = combine_tags(text, tags)
        if log is not None:
            return self._insert(log, kind, text, when, all_tags, note, minutes, decision,
                                outcome, lesson, project, private)  # fmt: skip
        from shipit.storage.rows import ChangeLog

        with self.store.writing() as conn:
            return self._insert(ChangeLog(conn, command, dates.now()), kind, text, when,
                                all_tags, note, minutes, decision, outcome, lesson,
                                project, private)  # fmt: skip

    def _insert(
        self, log: ChangeLog, kind: str, text: str, when: str | None, all_tags: tuple[str, ...],
        note: str | None, minutes: int | None, decision: str | None, outcome: str | None,
        lesson: str | None, project: str | None = None, private: bool = False,
    ) -> EntryData:  # fmt: skip
        settings = figures_sql.read_settings(log.conn)
        instant = log.instant
        today = dates.journal_day(instant, settings.day_starts_at)
        day = dates.parse_when(when, today) if when is not None else today
        entry = EntryData(
            id=0, uid=new_uid(), kind=kind, text=text, day=day, created_at=instant,
            updated_at=instant, tags=all_tags, note=note, minutes=minutes,
            decision=decision, outcome=outcome, lesson=lesson,
        )  # fmt: skip
        wanted = entries_sql.entry_image(entry, None)
        if private:
            wanted["private"] = True  # kept in private_entry: sync never sends it
        image = log.insert("entry", wanted)
        self.linked = project_links.link(log, entry.uid, text, project)
        return entry._replace(id=image["id"])

    def add_with_history(self, kind: str, text: str, **fields: Any
                         ) -> tuple[EntryData, ShipDays]:  # fmt: skip
        """Record an entry and read what its confirmation's streak needs, in ONE transaction.

        `log` then costs one connection and one write transaction; the ship days it
        reads already hold the new entry.
        """
        from shipit.storage.rows import ChangeLog

        with self.store.writing() as conn:
            entry = self.add(kind, text, log=ChangeLog(conn, "log", dates.now()), **fields)
            self.nearest = project_links.nearest(conn)  # the confirmation's ship date line
            self.nearest_read = True
            hist = figures_sql.read_ship_days(conn)
            # The prompt status needs the same ship days: no second read at the end.
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
        project: str | None = None,
        private: bool | None = None,
    ) -> EntryData:
        """Change fields of one entry; hashtags follow the text, --tag replaces the rest.

        Outcome and lesson belong to attempts, minutes and decision to steps; a
        decision of '' removes it. `project` links it to a project ('' unlinks);
        `private` keeps it on this machine (True) or lets sync share it (False).
        """
        from shipit.domain.steps import check_decision, check_minutes, check_outcome, parse_whole
        from shipit.storage.rows import ChangeLog, read_image

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
            log = ChangeLog(conn, "edit", instant)
            relinked = project is not None and project_links.relink(log, old.uid, project)
            was_private = bool(read_image(conn, "entry", old.uid).get("private"))
            now_private = was_private if private is None else private
            changed = {k: v for k, v in values.items() if getattr(old, k) != v}
            if not changed and new_tags == old.tags and now_private == was_private:
                if relinked or values or tags is not None or clear_tags or private is not None:
                    return old  # asked for what it already is: nothing to record
                raise InputError("entries.nothing_to_change")
            new = old._replace(**values, tags=new_tags, updated_at=instant)
            if new.kind == "attempt" and new.outcome == "open" and new.lesson:
                raise InputError("entries.lesson_needs_outcome",
                                 "entries.lesson_needs_outcome_hint")  # fmt: skip
            image = entries_sql.entry_image(new, new.id)
            if now_private:
                image["private"] = True
            log.put("entry", old.uid, image)
            return new

    def delete(self, ref: str) -> EntryData:
        from shipit.storage.rows import ChangeLog

        with self.store.writing() as conn:
            entry = entries_sql.get(conn, ref)
            self.reopened = self.remove(ChangeLog(conn, "delete", dates.now()), entry)
            return entry

    @staticmethod
    def remove(log: ChangeLog, entry: EntryData) -> str | None:
        """Delete an entry; a backlog item it closed becomes open again, and a project it
        shipped or dropped is active again (returns that project's short name)."""
        from shipit.storage.backlog import closed_by  # only here: keeps the daily path light

        for uid in closed_by(log.conn, entry.id):
            log.update("backlog", uid, closed_at=None, entry_id=None)
        reopened = project_links.unlink(log, entry.uid)
        log.delete("entry", entry.uid)
        return reopened

    # reading ----------------------------------------------------------------------

    def get(self, ref: str) -> EntryData:
        with self.store.reading() as conn:
            return entries_sql.get(conn, ref)

    def query(self, filters: Filters, *, order: str = "desc") -> list[EntryData]:
        with self.store.reading() as conn:
            return list(entries_sql.query(conn, filters, order=order))

    def list(self, *, since: str | None = None, until: str | None = None,
             kind: str | None = None, tags: Sequence[str] = (), search: str | None = None,
             limit: int | None = None, project: str | None = None,
             ) -> tuple[Filters, list[EntryData]]:  # fmt: skip
        """`shipit list`: the filters as understood, and the entries, in one read."""
        with self.store.reading() as conn:
            filters = self.parse_filters(conn, since=since, until=until, kind=kind, tags=tags,
                                         search=search, limit=limit)  # fmt: skip
            if project is None:
                return filters, self.read_entries(conn, filters)
            where, params = entries_sql.filter_sql(filters)
            more, more_params = project_links.project_filter(conn, project)
            return filters, list(entries_sql.select(conn, where + more, params + more_params,
                                                    limit=filters.limit))  # fmt: skip

    @staticmethod
    def parse_filters(conn: Connection, **raw: Any) -> Filters:
        """User-typed filters, relative to today's journal day (read only when needed)."""
        needs_today = raw.get("since") is not None or raw.get("until") is not None
        today = (dates.today(figures_sql.read_settings(conn).day_starts_at)
                 if needs_today else dates.today())  # fmt: skip
        return parse_filters(today, **raw)

    def glance(self) -> tuple[TodayData, History | ShipDays]:
        """The daily glance: today's entries and what the streak line needs, in one read."""
        with self.store.reading() as conn:
            hist = self.read_streak(conn)
            today = hist.today
            entries = self.read_entries(conn, Filters(since=today, until=today), order="asc")
            empty = not entries and not hist.has_entries
            self.nearest = None if empty else project_links.nearest(conn)
            self.nearest_read = True
        shipped = any(e.kind == "ship" for e in entries)
        return TodayData(day=today, shipped=shipped, entries=entries, journal_empty=empty), hist

    def has_projects(self) -> bool:
        """Whether the journal has any project card: a command that shows project
        figures beside its own loads the projects machinery only then."""
        from shipit.storage.projects import any_project

        with self.store.reading() as conn:
            return any_project(conn)

    def history(self) -> History:
        with self.store.reading() as conn:
            return self.read_history(conn)

    def streak_history(self) -> History | ShipDays:
        """What the streak line needs (see read_streak), in one read."""
        with self.store.reading() as conn:
            return self.read_streak(conn)

    def tags(self) -> list[tuple[str, int, date]]:
        """`shipit tags`: (tag, entries, last day used), most used first."""
        with self.store.reading() as conn:
            return entries_sql.tag_counts(conn)

    # the prompt status ----------------------------------------------------------------

    _status_from: tuple[int, ShipDays] | None = None

    def status_days(self) -> list[DayStatus]:
        """Today's and the next 7 journal days' status, as if nothing more were logged
        (the journal's own: the status file is its author's)."""
        hist = None
        if self._status_from is not None:
            changes, hist = self._status_from
            if changes != self.store.connection().total_changes:
                hist = None  # written since: read again
        if hist is None:
            with self.store.reading() as conn:
                hist = figures_sql.read_ship_days(conn)
        return hist.status_days()

    def status_text(self) -> str | None:
        """The status file's content, or None when the journal cannot be read."""
        from shipit.domain.prompt import format_status

        try:
            kept = self._kept_status()
            return kept if kept is not None else format_status(self.status_days())
        except ShipitError:
            return None

    _status_kept: tuple[str, tuple[int, int]] | None = None

    def keep_status(self, text: str | None) -> None:
        """After a write that left the status's inputs (this journal's own entries, skips
        and settings) as they were, e.g. a sync that moved only sync positions or other
        members' rows: `text` is the status file as read fresh inside that write, and
        status_text() gives it back instead of reading every day again, as long as
        nothing else was written since and it still starts on today (None: compute)."""
        self._status_kept = None if text is None else (text, self.store.write_mark())

    def _kept_status(self) -> str | None:
        if self._status_kept is None:
            return None
        from shipit.domain.prompt import day_start_epoch, format_status, parse_status

        text, mark = self._status_kept
        if self.store.write_mark() != mark:
            return None
        days = parse_status(text)
        if not days or format_status(days) != text:
            return None
        with self.store.reading() as conn:
            starts_at = figures_sql.read_settings(conn).day_starts_at
        today = dates.today(starts_at)
        if days[0].day != today or days[0].starts != day_start_epoch(today, starts_at):
            return None  # the journal day turned (or the time zone moved): compute
        return text

    def refresh_status(self) -> list[DayStatus]:
        from shipit.domain.prompt import format_status
        from shipit.storage.status import write_status

        days = self.status_days()
        write_status(self.store.path, format_status(days))
        return days


__all__ = ["DEFAULTS", "EntryData", "Filters", "Journal", "TodayData", "path"]
