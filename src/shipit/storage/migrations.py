"""Forward migrations of the journal's schema, one per version. Append only.

Version N is reached by running MIGRATIONS[N] on a version N-1 journal, inside one
write transaction (storage.db.Store._upgrade, after a backup). A released migration is
never edited; its DDL is written out literally, not derived from today's models, so it
keeps meaning what it meant. tests/test_store.py checks that a migrated journal and a
new one (created from storage/schema.py) have the same schema.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

Migration = Callable[[sqlite3.Connection], None]


def _v2_entries_by_day(conn: sqlite3.Connection) -> None:
    """Schema 2: entries indexed by day (and id), the order every listing reads them in."""
    conn.execute("CREATE INDEX IF NOT EXISTS ix_entry_day ON entry (day)")


def _v3_change_history(conn: sqlite3.Connection) -> None:
    """Schema 3: the change history (`undo`, `redo`, `history`) and tombstones.

    Changes made before this migration are not in the history: it starts empty.
    """
    for statement in _V3:
        conn.execute(statement)


_V3 = (
    """CREATE TABLE IF NOT EXISTS change (
	seq INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	uid VARCHAR(36) NOT NULL, 
	at DATETIME NOT NULL, 
	command VARCHAR(32) NOT NULL, 
	target INTEGER, 
	undone_by INTEGER, 
	UNIQUE (uid)
)""",
    "CREATE INDEX IF NOT EXISTS ix_change_undone_by ON change (undone_by)",
    """CREATE TABLE IF NOT EXISTS tombstone (
	tbl VARCHAR(32) NOT NULL, 
	"key" VARCHAR NOT NULL, 
	deleted_at DATETIME NOT NULL, 
	seq INTEGER NOT NULL, 
	PRIMARY KEY (tbl, "key")
)""",
    "CREATE INDEX IF NOT EXISTS ix_tombstone_seq ON tombstone (seq)",
    """CREATE TABLE IF NOT EXISTS change_row (
	change_seq INTEGER NOT NULL, 
	pos INTEGER NOT NULL, 
	tbl VARCHAR(32) NOT NULL, 
	"key" VARCHAR NOT NULL, 
	old_values VARCHAR, 
	new_values VARCHAR, 
	PRIMARY KEY (change_seq, pos), 
	FOREIGN KEY(change_seq) REFERENCES change (seq) ON DELETE CASCADE
)""",
    'CREATE INDEX IF NOT EXISTS ix_change_row_row ON change_row (tbl, "key", change_seq)',
)


def _v4_projects(conn: sqlite3.Connection) -> None:
    """Schema 4: Ship It projects (`shipit project`): cards, answers, thrash, date moves,
    and the links from entries to projects (a table of its own: entry rows stay as they were).
    """
    for statement in _V4:
        conn.execute(statement)


_V4 = (
    """CREATE TABLE IF NOT EXISTS project (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	uid VARCHAR(36) NOT NULL, 
	short VARCHAR(32) NOT NULL, 
	name VARCHAR NOT NULL, 
	status VARCHAR(10) NOT NULL, 
	owner VARCHAR, 
	ship_at DATETIME NOT NULL, 
	ship_day DATE NOT NULL, 
	thrash_until DATE NOT NULL, 
	start_day DATE NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	ended_at DATETIME, 
	ended_day DATE, 
	entry_uid VARCHAR(36), 
	CONSTRAINT ck_project_status CHECK (status IN ('active', 'shipped', 'dropped')), 
	UNIQUE (uid), 
	UNIQUE (short)
)""",
    """CREATE TABLE IF NOT EXISTS project_answer (
	uid VARCHAR(36) NOT NULL, 
	project_uid VARCHAR(36) NOT NULL, 
	question VARCHAR(32) NOT NULL, 
	text VARCHAR NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uid)
)""",
    """CREATE TABLE IF NOT EXISTS project_link (
	entry_uid VARCHAR(36) NOT NULL, 
	project_uid VARCHAR(36) NOT NULL, 
	PRIMARY KEY (entry_uid)
)""",
    """CREATE TABLE IF NOT EXISTS project_move (
	uid VARCHAR(36) NOT NULL, 
	project_uid VARCHAR(36) NOT NULL, 
	at DATETIME NOT NULL, 
	from_at DATETIME NOT NULL, 
	to_at DATETIME NOT NULL, 
	reason VARCHAR NOT NULL, 
	PRIMARY KEY (uid)
)""",
    """CREATE TABLE IF NOT EXISTS project_thrash (
	uid VARCHAR(36) NOT NULL, 
	project_uid VARCHAR(36) NOT NULL, 
	text VARCHAR NOT NULL, 
	at DATETIME NOT NULL, 
	day DATE NOT NULL, 
	late BOOLEAN NOT NULL, 
	PRIMARY KEY (uid)
)""",
    "CREATE UNIQUE INDEX IF NOT EXISTS ix_project_answer_question ON project_answer (project_uid, question)",
    "CREATE INDEX IF NOT EXISTS ix_project_link_project_uid ON project_link (project_uid)",
    "CREATE INDEX IF NOT EXISTS ix_project_move_project_uid ON project_move (project_uid)",
    "CREATE INDEX IF NOT EXISTS ix_project_thrash_project_uid ON project_thrash (project_uid)",
)


def _v5_identity(conn: sqlite3.Connection) -> None:
    """Schema 5: identity and the team. The journal gets its author (the login name,
    unless set) and a device id; its existing rows are the author's. Other members'
    rows get tables of their own (member_entry, member_skip, member_setting), and
    local_state keeps this replica's facts (device id, hub, sync positions), and
    private_entry the entries that never leave this machine."""
    for statement in _V5:
        conn.execute(statement)
    init_identity(conn)


_V5 = (
    """CREATE TABLE IF NOT EXISTS local_state (
	"key" VARCHAR(64) NOT NULL, 
	value VARCHAR NOT NULL, 
	PRIMARY KEY ("key")
)""",
    """CREATE TABLE IF NOT EXISTS member_entry (
	uid VARCHAR(36) NOT NULL, 
	author VARCHAR(63) NOT NULL, 
	kind VARCHAR(10) NOT NULL, 
	text VARCHAR NOT NULL, 
	day DATE NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	tags VARCHAR, 
	note VARCHAR, 
	minutes INTEGER, 
	decision VARCHAR(10), 
	outcome VARCHAR(10), 
	lesson VARCHAR, 
	PRIMARY KEY (uid)
)""",
    "CREATE INDEX IF NOT EXISTS ix_member_entry_author_day ON member_entry (author, day, kind)",
    """CREATE TABLE IF NOT EXISTS member_setting (
	author VARCHAR(63) NOT NULL, 
	"key" VARCHAR(64) NOT NULL, 
	value VARCHAR NOT NULL, 
	PRIMARY KEY (author, "key")
)""",
    """CREATE TABLE IF NOT EXISTS private_entry (
	uid VARCHAR(36) NOT NULL, 
	PRIMARY KEY (uid)
)""",
    """CREATE TABLE IF NOT EXISTS member_skip (
	author VARCHAR(63) NOT NULL, 
	day DATE NOT NULL, 
	reason VARCHAR, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (author, day)
)""",
)


def init_identity(conn: sqlite3.Connection) -> None:
    """Give a journal its author (the login name) and a device id, unless it has them.

    Run by schema 5's migration and when a new journal is created. The author is a
    setting (it travels to the author's other devices); the device id is local.
    """
    import uuid

    from shipit.domain.identity import default_author

    conn.execute("INSERT OR IGNORE INTO setting (key, value) VALUES ('author', ?)",
                 (default_author(),))  # fmt: skip
    conn.execute("INSERT OR IGNORE INTO local_state (key, value) VALUES ('device_id', ?)",
                 (str(uuid.uuid4()),))  # fmt: skip


def _v6_entry_day(conn: sqlite3.Connection) -> None:
    """Schema 6: each day's entries counted by kind (entry_day), kept by triggers on
    entry, so the figures read one row per day instead of counting every entry."""
    for statement in _V6:
        conn.execute(statement)
    conn.execute("DELETE FROM entry_day")  # counted afresh, whatever was there
    conn.execute(
        "INSERT INTO entry_day (day, ships, steps, step_minutes, attempts, attempts_succeeded, "
        "attempts_failed) SELECT day, sum(kind = 'ship'), sum(kind = 'step'), "
        "coalesce(sum(CASE WHEN kind = 'step' THEN minutes END), 0), sum(kind = 'attempt'), "
        "sum(kind = 'attempt' AND outcome IS 'succeeded'), "
        "sum(kind = 'attempt' AND outcome IS 'failed') FROM entry GROUP BY day"
    )


# What an entry adds to its day's counts (NEW), and takes from them (OLD).
_V6_COUNT_NEW = """INSERT INTO entry_day (day, ships, steps, step_minutes, attempts, attempts_succeeded, attempts_failed)
	VALUES (NEW.day, NEW.kind = 'ship', NEW.kind = 'step',
		CASE WHEN NEW.kind = 'step' THEN coalesce(NEW.minutes, 0) ELSE 0 END,
		NEW.kind = 'attempt', NEW.kind = 'attempt' AND NEW.outcome IS 'succeeded',
		NEW.kind = 'attempt' AND NEW.outcome IS 'failed')
	ON CONFLICT (day) DO UPDATE SET ships = ships + excluded.ships, steps = steps + excluded.steps,
		step_minutes = step_minutes + excluded.step_minutes, attempts = attempts + excluded.attempts,
		attempts_succeeded = attempts_succeeded + excluded.attempts_succeeded,
		attempts_failed = attempts_failed + excluded.attempts_failed;"""
_V6_UNCOUNT_OLD = """UPDATE entry_day SET ships = ships - (OLD.kind = 'ship'), steps = steps - (OLD.kind = 'step'),
		step_minutes = step_minutes - CASE WHEN OLD.kind = 'step' THEN coalesce(OLD.minutes, 0) ELSE 0 END,
		attempts = attempts - (OLD.kind = 'attempt'),
		attempts_succeeded = attempts_succeeded - (OLD.kind = 'attempt' AND OLD.outcome IS 'succeeded'),
		attempts_failed = attempts_failed - (OLD.kind = 'attempt' AND OLD.outcome IS 'failed')
	WHERE day = OLD.day;
	DELETE FROM entry_day WHERE day = OLD.day AND ships = 0 AND steps = 0 AND attempts = 0;"""
_V6_TRIGGERS = (
    f"CREATE TRIGGER IF NOT EXISTS tr_entry_day_insert AFTER INSERT ON entry BEGIN\n\t{_V6_COUNT_NEW}\nEND",
    f"CREATE TRIGGER IF NOT EXISTS tr_entry_day_delete AFTER DELETE ON entry BEGIN\n\t{_V6_UNCOUNT_OLD}\nEND",
    "CREATE TRIGGER IF NOT EXISTS tr_entry_day_update AFTER UPDATE OF day, kind, minutes, outcome ON entry "
    f"BEGIN\n\t{_V6_UNCOUNT_OLD}\n\t{_V6_COUNT_NEW}\nEND",
)

_V6 = (
    """CREATE TABLE IF NOT EXISTS entry_day (
	day DATE NOT NULL, 
	ships INTEGER NOT NULL, 
	steps INTEGER NOT NULL, 
	step_minutes INTEGER NOT NULL, 
	attempts INTEGER NOT NULL, 
	attempts_succeeded INTEGER NOT NULL, 
	attempts_failed INTEGER NOT NULL, 
	PRIMARY KEY (day)
)
 WITHOUT ROWID""",
    *_V6_TRIGGERS,
)


def _v7_member_backlog(conn: sqlite3.Connection) -> None:
    """Schema 7: other members' backlog items (member_backlog), read by `step list
    --author NAME`. Until now a sync dropped them, and a journal that already synced
    has pulled past them: local_state `sync.refetch` = `backlog` makes its next sync
    fetch every live backlog row of the other members from the hub once (services.sync).
    """
    for statement in _V7:
        conn.execute(statement)
    conn.execute(
        "INSERT OR REPLACE INTO local_state (key, value) SELECT 'sync.refetch', 'backlog' "
        "WHERE EXISTS (SELECT 1 FROM local_state WHERE key = 'sync.hub_seq' AND value != '0')"
    )


_V7 = (
    """CREATE TABLE IF NOT EXISTS member_backlog (
	id INTEGER NOT NULL, 
	uid VARCHAR(36) NOT NULL, 
	author VARCHAR(63) NOT NULL, 
	text VARCHAR NOT NULL, 
	annoyance INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	closed_at DATETIME, 
	entry_uid VARCHAR(36), 
	PRIMARY KEY (id), 
	UNIQUE (uid)
)""",
    "CREATE INDEX IF NOT EXISTS ix_member_backlog_author ON member_backlog (author, closed_at)",
)


def _v8_entry_tag_text(conn: sqlite3.Connection) -> None:
    """Schema 8: each entry's tags as text on its row (entry.tag_text: sorted, space-
    separated, NULL without tags), kept by triggers on entry_tag, so an export or a
    listing reads them with the entry instead of gathering them from entry_tag."""
    if not any(col[1] == "tag_text" for col in conn.execute("PRAGMA table_info(entry)")):
        conn.execute("ALTER TABLE entry ADD COLUMN tag_text VARCHAR")
    conn.execute(
        "UPDATE entry SET tag_text = (SELECT group_concat(tag, ' ') FROM "
        "(SELECT tag FROM entry_tag WHERE entry_id = entry.id ORDER BY tag))"
    )
    for statement in _V8_TRIGGERS:
        conn.execute(statement)


_V8_TAG_TEXT_OF = """UPDATE entry SET tag_text = (SELECT group_concat(tag, ' ') FROM
		(SELECT tag FROM entry_tag WHERE entry_id = {row}.entry_id ORDER BY tag))
	WHERE id = {row}.entry_id;"""
_V8_TRIGGERS = (
    "CREATE TRIGGER IF NOT EXISTS tr_entry_tag_insert AFTER INSERT ON entry_tag BEGIN\n"
    f"\t{_V8_TAG_TEXT_OF.format(row='NEW')}\nEND",
    "CREATE TRIGGER IF NOT EXISTS tr_entry_tag_delete AFTER DELETE ON entry_tag BEGIN\n"
    f"\t{_V8_TAG_TEXT_OF.format(row='OLD')}\nEND",
    "CREATE TRIGGER IF NOT EXISTS tr_entry_tag_update AFTER UPDATE ON entry_tag BEGIN\n"
    f"\t{_V8_TAG_TEXT_OF.format(row='OLD')}\n\t{_V8_TAG_TEXT_OF.format(row='NEW')}\nEND",
)


MIGRATIONS: dict[int, Migration] = {
    2: _v2_entries_by_day, 3: _v3_change_history, 4: _v4_projects, 5: _v5_identity,
    6: _v6_entry_day, 7: _v7_member_backlog, 8: _v8_entry_tag_text,
}
SCHEMA_VERSION = 8
