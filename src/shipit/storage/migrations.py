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

MIGRATIONS: dict[int, Migration] = {
    2: _v2_entries_by_day, 3: _v3_change_history, 4: _v4_projects,
}
SCHEMA_VERSION = 4
