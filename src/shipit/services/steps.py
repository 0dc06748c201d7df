"""Small steps and brave attempts: the backlog, step entries and attempt outcomes.

Every write is one transaction that takes the write lock first and records its
change, and everything is validated before anything is written, so a refused
command leaves the journal exactly as it was.
"""

from __future__ import annotations

from shipit.domain import dates
from shipit.domain.entries import EntryData, Filters, check_text, new_uid, optional_text
from shipit.domain.errors import InputError, NotFoundError
from shipit.i18n import Msg
from shipit.domain.steps import (
    DEFAULT_ANNOYANCE,
    DEFAULT_STEP_MINUTES,
    MAX_DONE_MINUTES,
    BacklogData,
    StepLogged,
    check_annoyance,
    check_decision,
    check_minutes,
    check_outcome,
    is_backlog_ref,
    parse_backlog_id,
    require_open,
)
from shipit.storage import backlog as backlog_sql
from shipit.storage import entries as entries_sql
from shipit.storage.entries import db_datetime
from shipit.storage.rows import ChangeLog
from shipit.services.journal import Journal, member_named


class Steps:
    """Backlog, steps and attempts on one journal (one Store, one connection)."""

    def __init__(self, journal: Journal | None = None) -> None:
        self.journal = journal or Journal()
        self.store = self.journal.store

    # backlog ----------------------------------------------------------------------

    def add_item(self, text: str, annoyance: int = DEFAULT_ANNOYANCE) -> BacklogData:
        """Add a step to the backlog."""
        check_text(text)
        check_annoyance(annoyance)
        instant = dates.now()
        with self.store.writing() as conn:
            image = ChangeLog(conn, "step add", instant).insert("backlog", {
                "id": None, "uid": new_uid(), "text": text, "annoyance": annoyance,
                "created_at": db_datetime(instant), "closed_at": None, "entry_id": None,
            })  # fmt: skip
        return BacklogData(id=image["id"], uid=image["uid"], text=text, annoyance=annoyance,
                           created_at=instant)  # fmt: skip

    def backlog(self, *, include_closed: bool = False) -> list[BacklogData]:
        """Open items, most annoying first, then oldest first; closed ones after them."""
        with self.store.reading() as conn:
            return backlog_sql.items(conn, include_closed=include_closed)

    def backlog_of(self, author: str | None, *, include_closed: bool = False
                   ) -> tuple[str | None, list[BacklogData]]:  # fmt: skip
        """(the member, their backlog as the last sync brought it: read only), or (None,
        yours) for no `author` or your own name; NotFoundError for a name that is no
        member (as `list --author` says it)."""
        with self.store.reading() as conn:
            member = member_named(conn, author)
            return member, backlog_sql.items(conn, include_closed=include_closed, author=member)

    def get_item(self, ref: str | int) -> BacklogData:
        """One backlog item, open or closed; NotFoundError (exit 2) when there is none."""
        with self.store.reading() as conn:
            return backlog_sql.get(conn, _item_id(ref))

    def get_open_item(self, ref: str | int | None = None) -> BacklogData:
        """The item with this backlog id, or the most annoying open one; it must be open."""
        if ref is None:
            items = self.backlog()
            if not items:
                raise InputError("steps.backlog_empty", "steps.backlog_empty_hint")
            return items[0]
        item = self.get_item(ref)
        require_open(item)
        return item

    def edit_item(self, ref: str | int, *, text: str | None = None,
                  annoyance: int | None = None) -> BacklogData:  # fmt: skip
        """Change a backlog item's text or annoyance (`step edit`); `undo` reverts it."""
        if text is None and annoyance is None:
            raise InputError("steps.nothing_to_change")
        if text is not None:
            check_text(text)
        if annoyance is not None:
            check_annoyance(annoyance)
        with self.store.writing() as conn:
            item = backlog_sql.get(conn, _item_id(ref))
            values = {k: v for k, v in (("text", text), ("annoyance", annoyance))
                      if v is not None and getattr(item, k) != v}  # fmt: skip
            if values:
                ChangeLog(conn, "step edit", dates.now()).update("backlog", item.uid, **values)
                item = backlog_sql.get(conn, item.id)
        return item

    def drop_item(self, ref: str | int) -> BacklogData:
        """Remove an open item from the backlog (closed items are history and stay)."""
        with self.store.writing() as conn:
            item = backlog_sql.get(conn, _item_id(ref))
            require_open(item)
            ChangeLog(conn, "step drop", dates.now()).delete("backlog", item.uid)
        return item

    @staticmethod
    def _close_item(log: ChangeLog, item_id: int, entry_id: int) -> BacklogData | None:
        """Close an open item for a step entry; None when it is gone or already closed."""
        try:
            item = backlog_sql.get(log.conn, item_id)
        except NotFoundError:
            return None
        if not item.is_open:
            return None
        log.update("backlog", item.uid, closed_at=db_datetime(log.instant), entry_id=entry_id)
        return backlog_sql.get(log.conn, item_id)

    # steps ------------------------------------------------------------------------

    def done(
        self,
        text_or_id: str,
        *,
        minutes: int = DEFAULT_STEP_MINUTES,
        when: str | None = None,
        note: str | None = None,
        decision: str | None = None,
        project: str | None = None,
        private: bool = False,
    ) -> StepLogged:
        """Log a step done without the timer (linked to `project`, or a '+name' in its text).

        An all-digit argument is a backlog id: the step takes the item's text and
        closes it, in the same transaction. Anything else is the text of a step that
        was never in the backlog.
        """
        check_minutes(minutes, maximum=MAX_DONE_MINUTES)
        decision = check_decision(decision)
        note = optional_text(note, "note")
        if not is_backlog_ref(text_or_id):
            entry = self.journal.add("step", text_or_id, when=when, note=note,
                                     minutes=minutes, decision=decision,
                                     command="step done", project=project, private=private)  # fmt: skip
            return StepLogged(entry=entry)
        with self.store.writing() as conn:
            item = backlog_sql.get(conn, _item_id(text_or_id))
            require_open(item)
            log = ChangeLog(conn, "step done", dates.now())
            entry = self.journal.add("step", item.text, when=when, note=note, minutes=minutes,
                                     decision=decision, log=log, project=project, private=private)  # fmt: skip
            closed = self._close_item(log, item.id, entry.id)
        return StepLogged(entry=entry, item=closed, closed=True)

    def log_timed(
        self,
        item: BacklogData,
        *,
        minutes: int,
        completed: bool,
        note: str | None = None,
        decision: str | None = None,
        private: bool = False,
    ) -> StepLogged:
        """Log the step a timer ran for (kept on this machine when `private`). A completed timer closes the item (same transaction).

        The step is logged even when the item was dropped or done elsewhere while the
        timer ran: the minutes were spent. Then `StepLogged.item` is None. `minutes` is
        what the timer measured, so it is only checked to be at least 1 (a timer may
        run late).
        """
        if minutes < 1:
            raise InputError("steps.minutes_too_few", what=Msg("steps.what_minutes"),
                             value=minutes)  # fmt: skip
        decision = check_decision(decision)
        note = optional_text(note, "note")
        with self.store.writing() as conn:
            log = ChangeLog(conn, "step start", dates.now())
            entry = self.journal.add("step", item.text, note=note, minutes=minutes,
                                     decision=decision, log=log, private=private)  # fmt: skip
            if not completed:
                # The item stays open; report it only if it still is (not dropped or
                # done in another shell while the timer ran).
                try:
                    current: BacklogData | None = backlog_sql.get(conn, item.id)
                except NotFoundError:
                    current = None
                if current is not None and not current.is_open:
                    current = None
                return StepLogged(entry=entry, item=current, closed=False)
            closed = self._close_item(log, item.id, entry.id)
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
        project: str | None = None,
        private: bool = False,
    ) -> EntryData:
        """Log an attempt: open, or already succeeded/failed (with an optional lesson)."""
        outcome = check_outcome(outcome)
        if lesson is not None and outcome == "open":
            raise InputError("steps.lesson_needs_outcome")
        return self.journal.add("attempt", text, when=when, outcome=outcome, lesson=lesson,
                                command="try", project=project, private=private)  # fmt: skip

    def resolve(self, ref: str, outcome: str, *, lesson: str | None = None) -> EntryData:
        """Record how an open attempt went. Only an open attempt can be resolved."""
        outcome = check_outcome(outcome)
        if outcome == "open":
            raise InputError("steps.resolve_needs_outcome")
        lesson = optional_text(lesson, "lesson")
        with self.store.writing() as conn:
            entry = entries_sql.get(conn, ref)  # the entry id 'shipit list' shows
            if entry.kind != "attempt":
                key = ("steps.not_an_attempt.ship" if entry.kind == "ship"
                       else "steps.not_an_attempt.step")  # fmt: skip
                raise InputError(key, "steps.not_an_attempt_hint", id=entry.id)
            if entry.outcome != "open":
                other = "failed" if entry.outcome == "succeeded" else "succeeded"
                raise InputError("steps.already_resolved",
                                 Msg("steps.already_resolved_hint", id=entry.id, other=other),
                                 id=entry.id, outcome=Msg(f"steps.outcome.{entry.outcome}"))  # fmt: skip
            instant = dates.now()
            new = entry._replace(outcome=outcome, lesson=lesson, updated_at=instant)
            ChangeLog(conn, "resolve", instant).put("entry", entry.uid,
                                                    entries_sql.entry_image(new, new.id))  # fmt: skip
        return new

    def attempts(self, *, open_only: bool = False) -> list[EntryData]:
        """Attempts, newest first; with `open_only`, only those still open."""
        extra = {"outcome": "open"} if open_only else {}
        return self.journal.query(Filters(kind="attempt", extra=extra))


def _item_id(ref: str | int) -> int:
    return ref if isinstance(ref, int) else parse_backlog_id(ref)
