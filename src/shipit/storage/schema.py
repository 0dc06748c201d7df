"""SQLModel tables: the schema's one source of truth.

A new journal is created from these declarations (storage.db.create_schema compiles
them to SQLite DDL); nothing else imports this module, so SQLAlchemy and SQLModel
stay off every daily path. Table models do not validate their input: the domain
validates everything before a value reaches the database.

Changing a table or an index here means adding a migration in storage/migrations.py
and updating the pinned schema in tests/test_store.py.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Column, ForeignKey, Index, Integer
from sqlmodel import Field, SQLModel

from shipit.domain.entries import DECISIONS, KINDS, OUTCOMES  # noqa: F401  (one vocabulary)


class Entry(SQLModel, table=True):
    """One journal entry: a ship, a step or an attempt."""

    __tablename__ = "entry"
    __table_args__ = (
        CheckConstraint("kind IN ('ship', 'step', 'attempt')", name="ck_entry_kind"),
        CheckConstraint(
            "outcome IS NULL OR outcome IN ('open', 'succeeded', 'failed')",
            name="ck_entry_outcome",
        ),
        CheckConstraint(
            "decision IS NULL OR decision IN ('self', 'delegate', 'drop')",
            name="ck_entry_decision",
        ),
        CheckConstraint("minutes IS NULL OR minutes > 0", name="ck_entry_minutes"),
        # Figures read per-day counts by kind; this index answers them without the table.
        Index("ix_entry_day_kind", "day", "kind"),
        # Entries in the order they are shown (day, then id: SQLite appends the rowid),
        # so list, today and export read in index order instead of sorting each day.
        # Schema 2 (storage.migrations adds it to older journals).
        Index("ix_entry_day", "day"),
        {"sqlite_autoincrement": True},  # short ids are never reused after a delete
    )

    # The short id people type (`shipit edit 12`).
    id: int | None = Field(default=None, primary_key=True)
    # The stable identity across journals (exports, imports).
    uid: str = Field(max_length=36, unique=True)
    kind: str = Field(max_length=10)
    text: str
    # The journal day, computed once at write time (see domain.dates.journal_day).
    day: date
    # Aware instants, stored as UTC by sqlmodel's UTCDateTime.
    created_at: datetime
    updated_at: datetime
    note: str | None = None
    # steps
    minutes: int | None = None
    decision: str | None = Field(default=None, max_length=10)
    # attempts
    outcome: str | None = Field(default=None, max_length=10, index=True)
    lesson: str | None = None
    # Derived: the entry's tags, sorted and space-separated (NULL without tags), kept by
    # the triggers on entry_tag (ENTRY_TAG_TRIGGERS), so whole-journal readers (export,
    # list) read them from the row. Not in the change history: images carry the tags.
    # Schema 8 (storage.migrations adds it to older journals).
    tag_text: str | None = None


class EntryDay(SQLModel, table=True):
    """Each journal day's entries counted by kind: what every figure is computed from.

    Derived, and never written by shipit's code: the triggers below keep it equal to
    counting each day's entries (storage.figures.recount_days), inside the statement
    that inserts, updates or deletes an entry, whichever command it is (log, edit,
    delete, undo, redo, import, restore, sync). A day without entries has no row. It is
    not in the change history (storage.rows.TABLES): undo rewrites entries, and their
    triggers the counts. Schema 6 (storage.migrations adds it to older journals).
    """

    __tablename__ = "entry_day"
    __table_args__ = ({"sqlite_with_rowid": False},)  # rows stored in day order

    day: date = Field(primary_key=True)
    ships: int
    steps: int
    step_minutes: int
    attempts: int
    attempts_succeeded: int
    attempts_failed: int


# The triggers that keep entry_day (storage.db.create_schema runs them after the tables;
# SQLModel has no triggers). `NEW.outcome IS 'failed'` is 0, not NULL, for no outcome.
# A REPLACE that deletes an entry fires the delete trigger only with recursive_triggers
# on, which every shipit connection sets (storage.db.connect).
# What an entry adds to its day's counts (NEW), and takes from them (OLD).
_COUNT_NEW = """INSERT INTO entry_day (day, ships, steps, step_minutes, attempts, attempts_succeeded, attempts_failed)
	VALUES (NEW.day, NEW.kind = 'ship', NEW.kind = 'step',
		CASE WHEN NEW.kind = 'step' THEN coalesce(NEW.minutes, 0) ELSE 0 END,
		NEW.kind = 'attempt', NEW.kind = 'attempt' AND NEW.outcome IS 'succeeded',
		NEW.kind = 'attempt' AND NEW.outcome IS 'failed')
	ON CONFLICT (day) DO UPDATE SET ships = ships + excluded.ships, steps = steps + excluded.steps,
		step_minutes = step_minutes + excluded.step_minutes, attempts = attempts + excluded.attempts,
		attempts_succeeded = attempts_succeeded + excluded.attempts_succeeded,
		attempts_failed = attempts_failed + excluded.attempts_failed;"""
_UNCOUNT_OLD = """UPDATE entry_day SET ships = ships - (OLD.kind = 'ship'), steps = steps - (OLD.kind = 'step'),
		step_minutes = step_minutes - CASE WHEN OLD.kind = 'step' THEN coalesce(OLD.minutes, 0) ELSE 0 END,
		attempts = attempts - (OLD.kind = 'attempt'),
		attempts_succeeded = attempts_succeeded - (OLD.kind = 'attempt' AND OLD.outcome IS 'succeeded'),
		attempts_failed = attempts_failed - (OLD.kind = 'attempt' AND OLD.outcome IS 'failed')
	WHERE day = OLD.day;
	DELETE FROM entry_day WHERE day = OLD.day AND ships = 0 AND steps = 0 AND attempts = 0;"""
ENTRY_DAY_TRIGGERS = (
    f"CREATE TRIGGER tr_entry_day_insert AFTER INSERT ON entry BEGIN\n\t{_COUNT_NEW}\nEND",
    f"CREATE TRIGGER tr_entry_day_delete AFTER DELETE ON entry BEGIN\n\t{_UNCOUNT_OLD}\nEND",
    "CREATE TRIGGER tr_entry_day_update AFTER UPDATE OF day, kind, minutes, outcome ON entry "
    f"BEGIN\n\t{_UNCOUNT_OLD}\n\t{_COUNT_NEW}\nEND",
)


# The triggers that keep entry.tag_text equal to the entry's tags, sorted, joined by
# spaces (NULL without tags), in the statement that inserts, updates or deletes a tag,
# whichever command it is. Tags cascading away with their entry update no row.
_TAG_TEXT_OF = """UPDATE entry SET tag_text = (SELECT group_concat(tag, ' ') FROM
		(SELECT tag FROM entry_tag WHERE entry_id = {row}.entry_id ORDER BY tag))
	WHERE id = {row}.entry_id;"""
ENTRY_TAG_TRIGGERS = (
    "CREATE TRIGGER tr_entry_tag_insert AFTER INSERT ON entry_tag BEGIN\n"
    f"\t{_TAG_TEXT_OF.format(row='NEW')}\nEND",
    "CREATE TRIGGER tr_entry_tag_delete AFTER DELETE ON entry_tag BEGIN\n"
    f"\t{_TAG_TEXT_OF.format(row='OLD')}\nEND",
    "CREATE TRIGGER tr_entry_tag_update AFTER UPDATE ON entry_tag BEGIN\n"
    f"\t{_TAG_TEXT_OF.format(row='OLD')}\n\t{_TAG_TEXT_OF.format(row='NEW')}\nEND",
)


class EntryTag(SQLModel, table=True):
    """A normalised tag (lower case, without '#') on an entry."""

    __tablename__ = "entry_tag"

    entry_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("entry.id", ondelete="CASCADE"), primary_key=True
        )
    )
    tag: str = Field(primary_key=True, index=True, max_length=64)


class Setting(SQLModel, table=True):
    """Journal settings (day_starts_at, rest_days, weekly_target) live in the journal."""

    __tablename__ = "setting"

    key: str = Field(primary_key=True, max_length=64)
    value: str


class Skip(SQLModel, table=True):
    """An excused day (vacation, illness): neither breaks nor extends a streak."""

    __tablename__ = "skip"

    day: date = Field(primary_key=True)
    reason: str | None = None
    created_at: datetime


class BacklogItem(SQLModel, table=True):
    """A small step waiting to be done, ranked by how much it annoys."""

    __tablename__ = "backlog"
    __table_args__ = (
        CheckConstraint("annoyance BETWEEN 1 AND 5", name="ck_backlog_annoyance"),
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(max_length=36, unique=True)
    text: str
    annoyance: int = 3
    created_at: datetime
    # Set when a step for it is logged; open items have NULL.
    closed_at: datetime | None = Field(default=None, index=True)
    entry_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("entry.id", ondelete="SET NULL"), nullable=True),
    )


# -- the change history (schema 3) ---------------------------------------------------------


class Change(SQLModel, table=True):
    """One command's change to the journal: what `history` lists and `undo` reverts.

    `seq` is the local sequence number (strictly increasing, never reused). An `undo`
    or `redo` is a change too; its `target` is the seq of the change it reverted or
    re-applied. `undone_by` is set on a change while an undo has reverted it.
    """

    __tablename__ = "change"
    __table_args__ = ({"sqlite_autoincrement": True},)

    seq: int | None = Field(default=None, primary_key=True)
    uid: str = Field(max_length=36, unique=True)
    at: datetime
    command: str = Field(max_length=32)
    target: int | None = None
    undone_by: int | None = Field(default=None, index=True)


class ChangeRow(SQLModel, table=True):
    """One row a change touched: its table, its key (uid, day or setting name) and its
    values before and after (old_values, new_values: JSON of the stored columns, NULL
    where the row did not exist).

    "Every row changed since local sequence N" is one range scan of the primary key;
    "which later change touched this row" is one lookup in ix_change_row_row.
    """

    __tablename__ = "change_row"
    __table_args__ = (Index("ix_change_row_row", "tbl", "key", "change_seq"),)

    change_seq: int = Field(
        sa_column=Column(
            Integer, ForeignKey("change.seq", ondelete="CASCADE"), primary_key=True
        )
    )
    pos: int = Field(primary_key=True)
    tbl: str = Field(max_length=32)
    key: str
    old_values: str | None = None
    new_values: str | None = None


class Tombstone(SQLModel, table=True):
    """A deleted row: its table, key, when it was deleted and by which change."""

    __tablename__ = "tombstone"

    tbl: str = Field(primary_key=True, max_length=32)
    key: str = Field(primary_key=True)
    deleted_at: datetime
    seq: int = Field(index=True)


# -- Ship It projects (schema 4) ------------------------------------------------------------


class Project(SQLModel, table=True):
    """A dated project card (`shipit project`): one owner, a ship date and time, a thrash date.

    `ship_at` is the UTC instant; `ship_day` its local day, computed when it is set.
    """

    __tablename__ = "project"
    __table_args__ = (
        CheckConstraint("status IN ('active', 'shipped', 'dropped')", name="ck_project_status"),
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(max_length=36, unique=True)
    short: str = Field(max_length=32, unique=True)  # the '+name' handle
    name: str
    status: str = Field(max_length=10)
    owner: str | None = None
    ship_at: datetime
    ship_day: date
    thrash_until: date
    start_day: date
    created_at: datetime
    updated_at: datetime
    ended_at: datetime | None = None
    ended_day: date | None = None
    entry_uid: str | None = Field(default=None, max_length=36)  # the ship or the dropped attempt


class ProjectAnswer(SQLModel, table=True):
    """One answer on a project's card, by its question's stable key."""

    __tablename__ = "project_answer"
    __table_args__ = (Index("ix_project_answer_question", "project_uid", "question", unique=True),)

    uid: str = Field(primary_key=True, max_length=36)
    project_uid: str = Field(max_length=36)
    question: str = Field(max_length=32)
    text: str
    updated_at: datetime


class ProjectThrash(SQLModel, table=True):
    """An idea, change or objection on a project's thrash list; `late` after the thrash date."""

    __tablename__ = "project_thrash"

    uid: str = Field(primary_key=True, max_length=36)
    project_uid: str = Field(max_length=36, index=True)
    text: str
    at: datetime
    day: date
    late: bool


class ProjectMove(SQLModel, table=True):
    """A moved ship date, with its reason."""

    __tablename__ = "project_move"

    uid: str = Field(primary_key=True, max_length=36)
    project_uid: str = Field(max_length=36, index=True)
    at: datetime
    from_at: datetime
    to_at: datetime
    reason: str


class ProjectLink(SQLModel, table=True):
    """An entry's project (an entry belongs to at most one). Kept beside the entry table,
    so entries' rows, images and indexes stay as they were."""

    __tablename__ = "project_link"

    entry_uid: str = Field(primary_key=True, max_length=36)
    project_uid: str = Field(max_length=36, index=True)


# -- identity and the team's rows (schema 5) --------------------------------------------------
#
# The journal's own tables (entry, skip, backlog, setting) hold the rows of this
# journal's author: every daily command, every figure and undo work on them. The rows
# of the other members of a team live beside them, in member_* tables that only sync
# writes: read by `--author NAME` and the team views, never changed by a local command.


class MemberEntry(SQLModel, table=True):
    """Another member's entry, as the hub last gave it (tags: space-separated)."""

    __tablename__ = "member_entry"
    __table_args__ = (Index("ix_member_entry_author_day", "author", "day", "kind"),)

    uid: str = Field(primary_key=True, max_length=36)
    author: str = Field(max_length=63)
    kind: str = Field(max_length=10)
    text: str
    day: date
    created_at: datetime
    updated_at: datetime
    tags: str | None = None
    note: str | None = None
    minutes: int | None = None
    decision: str | None = Field(default=None, max_length=10)
    outcome: str | None = Field(default=None, max_length=10)
    lesson: str | None = None


class MemberSkip(SQLModel, table=True):
    """Another member's excused day."""

    __tablename__ = "member_skip"

    author: str = Field(primary_key=True, max_length=63)
    day: date = Field(primary_key=True)
    reason: str | None = None
    created_at: datetime


class MemberSetting(SQLModel, table=True):
    """Another member's settings (their figures follow their own rest days and target)."""

    __tablename__ = "member_setting"

    author: str = Field(primary_key=True, max_length=63)
    key: str = Field(primary_key=True, max_length=64)
    value: str


class MemberBacklog(SQLModel, table=True):
    """Another member's backlog item, as the hub last gave it (`step list --author NAME`).

    `id` is a backlog id of this journal: taken from the backlog's own sequence when the
    item first arrives, so no item of yours ever has the same number, and `step done 7`
    on a teammate's item 7 is refused by name instead of doing one of yours. The step
    that closed it is named by uid (`entry_uid`; null when it was private). Schema 7.
    """

    __tablename__ = "member_backlog"
    __table_args__ = (Index("ix_member_backlog_author", "author", "closed_at"),)

    id: int = Field(primary_key=True)
    uid: str = Field(max_length=36, unique=True)
    author: str = Field(max_length=63)
    text: str
    annoyance: int
    created_at: datetime
    closed_at: datetime | None = None
    entry_uid: str | None = Field(default=None, max_length=36)


class PrivateEntry(SQLModel, table=True):
    """An entry kept on this machine (`--private`): sync never sends it. Part of the
    entry's image (storage.rows: `private`), so edit, undo and redo cover it."""

    __tablename__ = "private_entry"

    uid: str = Field(primary_key=True, max_length=36)


class LocalState(SQLModel, table=True):
    """This replica's own facts, never synced nor undone: its device id, the hub it syncs
    with, how far it has pushed and pulled."""

    __tablename__ = "local_state"

    key: str = Field(primary_key=True, max_length=64)
    value: str


metadata = SQLModel.metadata
