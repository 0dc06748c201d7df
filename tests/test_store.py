"""The journal file: location, modes, pragmas, schema pinning, migrations, refusal."""

from __future__ import annotations

import os
import re
import sqlite3
import stat
import subprocess
import sys

import pytest

from shipit.storage import db as store_mod
from shipit.storage import migrations
from shipit.domain.errors import JournalError
from shipit.services.journal import Journal
from shipit.storage.db import APPLICATION_ID, SCHEMA_VERSION, Store

# The schema as created from the models, pinned. A change here must come with a
# migration in store.MIGRATIONS and a new SCHEMA_VERSION.
PINNED_SCHEMA = """\
CREATE TRIGGER tr_entry_day_delete AFTER DELETE ON entry BEGIN
	UPDATE entry_day SET ships = ships - (OLD.kind = 'ship'), steps = steps - (OLD.kind = 'step'),
		step_minutes = step_minutes - CASE WHEN OLD.kind = 'step' THEN coalesce(OLD.minutes, 0) ELSE 0 END,
		attempts = attempts - (OLD.kind = 'attempt'),
		attempts_succeeded = attempts_succeeded - (OLD.kind = 'attempt' AND OLD.outcome IS 'succeeded'),
		attempts_failed = attempts_failed - (OLD.kind = 'attempt' AND OLD.outcome IS 'failed')
	WHERE day = OLD.day;
	DELETE FROM entry_day WHERE day = OLD.day AND ships = 0 AND steps = 0 AND attempts = 0;
END
CREATE TRIGGER tr_entry_day_insert AFTER INSERT ON entry BEGIN
	INSERT INTO entry_day (day, ships, steps, step_minutes, attempts, attempts_succeeded, attempts_failed)
	VALUES (NEW.day, NEW.kind = 'ship', NEW.kind = 'step',
		CASE WHEN NEW.kind = 'step' THEN coalesce(NEW.minutes, 0) ELSE 0 END,
		NEW.kind = 'attempt', NEW.kind = 'attempt' AND NEW.outcome IS 'succeeded',
		NEW.kind = 'attempt' AND NEW.outcome IS 'failed')
	ON CONFLICT (day) DO UPDATE SET ships = ships + excluded.ships, steps = steps + excluded.steps,
		step_minutes = step_minutes + excluded.step_minutes, attempts = attempts + excluded.attempts,
		attempts_succeeded = attempts_succeeded + excluded.attempts_succeeded,
		attempts_failed = attempts_failed + excluded.attempts_failed;
END
CREATE TRIGGER tr_entry_day_update AFTER UPDATE OF day, kind, minutes, outcome ON entry BEGIN
	UPDATE entry_day SET ships = ships - (OLD.kind = 'ship'), steps = steps - (OLD.kind = 'step'),
		step_minutes = step_minutes - CASE WHEN OLD.kind = 'step' THEN coalesce(OLD.minutes, 0) ELSE 0 END,
		attempts = attempts - (OLD.kind = 'attempt'),
		attempts_succeeded = attempts_succeeded - (OLD.kind = 'attempt' AND OLD.outcome IS 'succeeded'),
		attempts_failed = attempts_failed - (OLD.kind = 'attempt' AND OLD.outcome IS 'failed')
	WHERE day = OLD.day;
	DELETE FROM entry_day WHERE day = OLD.day AND ships = 0 AND steps = 0 AND attempts = 0;
	INSERT INTO entry_day (day, ships, steps, step_minutes, attempts, attempts_succeeded, attempts_failed)
	VALUES (NEW.day, NEW.kind = 'ship', NEW.kind = 'step',
		CASE WHEN NEW.kind = 'step' THEN coalesce(NEW.minutes, 0) ELSE 0 END,
		NEW.kind = 'attempt', NEW.kind = 'attempt' AND NEW.outcome IS 'succeeded',
		NEW.kind = 'attempt' AND NEW.outcome IS 'failed')
	ON CONFLICT (day) DO UPDATE SET ships = ships + excluded.ships, steps = steps + excluded.steps,
		step_minutes = step_minutes + excluded.step_minutes, attempts = attempts + excluded.attempts,
		attempts_succeeded = attempts_succeeded + excluded.attempts_succeeded,
		attempts_failed = attempts_failed + excluded.attempts_failed;
END
CREATE TRIGGER tr_entry_tag_delete AFTER DELETE ON entry_tag BEGIN
	UPDATE entry SET tag_text = (SELECT group_concat(tag, ' ') FROM
		(SELECT tag FROM entry_tag WHERE entry_id = OLD.entry_id ORDER BY tag))
	WHERE id = OLD.entry_id;
END
CREATE TRIGGER tr_entry_tag_insert AFTER INSERT ON entry_tag BEGIN
	UPDATE entry SET tag_text = (SELECT group_concat(tag, ' ') FROM
		(SELECT tag FROM entry_tag WHERE entry_id = NEW.entry_id ORDER BY tag))
	WHERE id = NEW.entry_id;
END
CREATE TRIGGER tr_entry_tag_update AFTER UPDATE ON entry_tag BEGIN
	UPDATE entry SET tag_text = (SELECT group_concat(tag, ' ') FROM
		(SELECT tag FROM entry_tag WHERE entry_id = OLD.entry_id ORDER BY tag))
	WHERE id = OLD.entry_id;
	UPDATE entry SET tag_text = (SELECT group_concat(tag, ' ') FROM
		(SELECT tag FROM entry_tag WHERE entry_id = NEW.entry_id ORDER BY tag))
	WHERE id = NEW.entry_id;
END
CREATE TABLE backlog (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	uid VARCHAR(36) NOT NULL, 
	text VARCHAR NOT NULL, 
	annoyance INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	closed_at DATETIME, 
	entry_id INTEGER, 
	CONSTRAINT ck_backlog_annoyance CHECK (annoyance BETWEEN 1 AND 5), 
	UNIQUE (uid), 
	FOREIGN KEY(entry_id) REFERENCES entry (id) ON DELETE SET NULL
)
CREATE TABLE change (
	seq INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	uid VARCHAR(36) NOT NULL, 
	at DATETIME NOT NULL, 
	command VARCHAR(32) NOT NULL, 
	target INTEGER, 
	undone_by INTEGER, 
	UNIQUE (uid)
)
CREATE TABLE change_row (
	change_seq INTEGER NOT NULL, 
	pos INTEGER NOT NULL, 
	tbl VARCHAR(32) NOT NULL, 
	"key" VARCHAR NOT NULL, 
	old_values VARCHAR, 
	new_values VARCHAR, 
	PRIMARY KEY (change_seq, pos), 
	FOREIGN KEY(change_seq) REFERENCES change (seq) ON DELETE CASCADE
)
CREATE TABLE entry (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	uid VARCHAR(36) NOT NULL, 
	kind VARCHAR(10) NOT NULL, 
	text VARCHAR NOT NULL, 
	day DATE NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	note VARCHAR, 
	minutes INTEGER, 
	decision VARCHAR(10), 
	outcome VARCHAR(10), 
	lesson VARCHAR, 
	tag_text VARCHAR, 
	CONSTRAINT ck_entry_kind CHECK (kind IN ('ship', 'step', 'attempt')), 
	CONSTRAINT ck_entry_outcome CHECK (outcome IS NULL OR outcome IN ('open', 'succeeded', 'failed')), 
	CONSTRAINT ck_entry_decision CHECK (decision IS NULL OR decision IN ('self', 'delegate', 'drop')), 
	CONSTRAINT ck_entry_minutes CHECK (minutes IS NULL OR minutes > 0), 
	UNIQUE (uid)
)
CREATE TABLE entry_day (
	day DATE NOT NULL, 
	ships INTEGER NOT NULL, 
	steps INTEGER NOT NULL, 
	step_minutes INTEGER NOT NULL, 
	attempts INTEGER NOT NULL, 
	attempts_succeeded INTEGER NOT NULL, 
	attempts_failed INTEGER NOT NULL, 
	PRIMARY KEY (day)
)
 WITHOUT ROWID
CREATE TABLE entry_tag (
	entry_id INTEGER NOT NULL, 
	tag VARCHAR(64) NOT NULL, 
	PRIMARY KEY (entry_id, tag), 
	FOREIGN KEY(entry_id) REFERENCES entry (id) ON DELETE CASCADE
)
CREATE TABLE local_state (
	"key" VARCHAR(64) NOT NULL, 
	value VARCHAR NOT NULL, 
	PRIMARY KEY ("key")
)
CREATE TABLE member_backlog (
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
)
CREATE TABLE member_entry (
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
)
CREATE TABLE member_setting (
	author VARCHAR(63) NOT NULL, 
	"key" VARCHAR(64) NOT NULL, 
	value VARCHAR NOT NULL, 
	PRIMARY KEY (author, "key")
)
CREATE TABLE member_skip (
	author VARCHAR(63) NOT NULL, 
	day DATE NOT NULL, 
	reason VARCHAR, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (author, day)
)
CREATE TABLE private_entry (
	uid VARCHAR(36) NOT NULL, 
	PRIMARY KEY (uid)
)
CREATE TABLE project (
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
)
CREATE TABLE project_answer (
	uid VARCHAR(36) NOT NULL, 
	project_uid VARCHAR(36) NOT NULL, 
	question VARCHAR(32) NOT NULL, 
	text VARCHAR NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (uid)
)
CREATE TABLE project_link (
	entry_uid VARCHAR(36) NOT NULL, 
	project_uid VARCHAR(36) NOT NULL, 
	PRIMARY KEY (entry_uid)
)
CREATE TABLE project_move (
	uid VARCHAR(36) NOT NULL, 
	project_uid VARCHAR(36) NOT NULL, 
	at DATETIME NOT NULL, 
	from_at DATETIME NOT NULL, 
	to_at DATETIME NOT NULL, 
	reason VARCHAR NOT NULL, 
	PRIMARY KEY (uid)
)
CREATE TABLE project_thrash (
	uid VARCHAR(36) NOT NULL, 
	project_uid VARCHAR(36) NOT NULL, 
	text VARCHAR NOT NULL, 
	at DATETIME NOT NULL, 
	day DATE NOT NULL, 
	late BOOLEAN NOT NULL, 
	PRIMARY KEY (uid)
)
CREATE TABLE setting (
	"key" VARCHAR(64) NOT NULL, 
	value VARCHAR NOT NULL, 
	PRIMARY KEY ("key")
)
CREATE TABLE skip (
	day DATE NOT NULL, 
	reason VARCHAR, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (day)
)
CREATE TABLE tombstone (
	tbl VARCHAR(32) NOT NULL, 
	"key" VARCHAR NOT NULL, 
	deleted_at DATETIME NOT NULL, 
	seq INTEGER NOT NULL, 
	PRIMARY KEY (tbl, "key")
)
CREATE INDEX ix_backlog_closed_at ON backlog (closed_at)
CREATE INDEX ix_change_row_row ON change_row (tbl, "key", change_seq)
CREATE INDEX ix_change_undone_by ON change (undone_by)
CREATE INDEX ix_entry_day ON entry (day)
CREATE INDEX ix_entry_day_kind ON entry (day, kind)
CREATE INDEX ix_entry_outcome ON entry (outcome)
CREATE INDEX ix_entry_tag_tag ON entry_tag (tag)
CREATE INDEX ix_member_backlog_author ON member_backlog (author, closed_at)
CREATE INDEX ix_member_entry_author_day ON member_entry (author, day, kind)
CREATE UNIQUE INDEX ix_project_answer_question ON project_answer (project_uid, question)
CREATE INDEX ix_project_link_project_uid ON project_link (project_uid)
CREATE INDEX ix_project_move_project_uid ON project_move (project_uid)
CREATE INDEX ix_project_thrash_project_uid ON project_thrash (project_uid)
CREATE INDEX ix_tombstone_seq ON tombstone (seq)"""


# ALTER TABLE ADD COLUMN writes the new column on the line of the column before it
# ("lesson VARCHAR, tag_text VARCHAR, "); a created table has one column a line.
_ADDED_COLUMN = re.compile(r", (\w+ (?:VARCHAR|INTEGER|DATETIME|DATE|BOOLEAN)\b)")


def schema_of(path) -> str:
    """The journal's schema as text (layout aside: where ALTER TABLE put a column)."""
    con = sqlite3.connect(path)
    rows = con.execute(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
        "ORDER BY type DESC, name"
    ).fetchall()
    con.close()
    return "\n".join(_ADDED_COLUMN.sub(r", \n\t\1", sql.strip()) if sql.startswith("CREATE TABLE")
                     else sql.strip() for (sql,) in rows)  # fmt: skip


def fresh(shipit_home) -> Store:
    s = Store()
    with s.reading() as conn:
        conn.execute("SELECT 1")
    return s


def test_schema_is_pinned(shipit_home):
    s = fresh(shipit_home)
    assert schema_of(s.path) == PINNED_SCHEMA
    con = sqlite3.connect(s.path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert con.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_connection_pragmas(shipit_home):
    s = fresh(shipit_home)
    with s.reading() as conn:
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 10_000
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_default_location_uses_platformdirs(monkeypatch, tmp_path):
    import platformdirs

    monkeypatch.delenv("SHIPIT_HOME")
    assert store_mod.journal_path() == platformdirs.user_data_path("shipit") / "journal.db"
    monkeypatch.setenv("SHIPIT_HOME", str(tmp_path / "other"))
    assert store_mod.journal_path() == tmp_path / "other" / "journal.db"


# (XDG_DATA_HOME, HOME): None unsets the variable.
XDG_CASES = [
    (None, "/home/ada"), ("/data/xdg", "/home/ada"), ("/data/xdg/", "/home/ada"),
    ("", "/home/ada"), ("   ", "/home/ada"), (" /data/xdg", "/home/ada"), ("\t", "/home/ada"),
    ("relative/xdg", "/home/ada"), ("./xdg", "/home/ada"), ("~/xdg", "/home/ada"),
    ("/data/xdg", "relative-home"), (None, "relative-home"), (None, ""), ("", ""),
    (None, "/home/ada/"), (None, "/"), (None, None), ("/data/xdg", None),
]  # fmt: skip


@pytest.mark.parametrize("xdg, user_home", XDG_CASES)
def test_the_user_data_folder_is_exactly_platformdirs(xdg, user_home, monkeypatch):
    """home() computes the user data folder itself on Linux (platformdirs costs ~3 ms to
    import): for every environment, it must be platformdirs' answer."""
    import platformdirs

    monkeypatch.delenv("SHIPIT_HOME")
    for name, value in (("XDG_DATA_HOME", xdg), ("HOME", user_home)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    try:
        expected = platformdirs.user_data_path("shipit")
    except RuntimeError:  # platformdirs finds no home at all: so must we
        with pytest.raises(RuntimeError):
            store_mod.home()
        return
    assert store_mod.home() == expected
    assert store_mod.user_data_dir() == str(expected)


@pytest.mark.skipif(sys.platform != "linux", reason="the Linux fast path")
def test_the_usual_user_data_folder_does_not_import_platformdirs(tmp_path):
    code = ("import sys; from shipit.storage.db import journal_path; p = journal_path(); "
            "print(p, 'platformdirs' in sys.modules)")  # fmt: skip
    env = {k: v for k, v in os.environ.items() if k not in ("SHIPIT_HOME", "XDG_DATA_HOME")}
    for extra, folder in (({}, tmp_path / ".local/share/shipit"),
                          ({"XDG_DATA_HOME": str(tmp_path / "x")}, tmp_path / "x/shipit")):  # fmt: skip
        r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           env={**env, "HOME": str(tmp_path), **extra}, check=True)  # fmt: skip
        assert r.stdout.split() == [str(folder / "journal.db"), "False"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_folder_0700_file_0600(shipit_home):
    old = os.umask(0o022)
    try:
        s = fresh(shipit_home)
    finally:
        os.umask(old)
    assert stat.S_IMODE(shipit_home.stat().st_mode) == 0o700
    assert stat.S_IMODE(s.path.stat().st_mode) == 0o600


def test_existing_folder_mode_is_left_alone(shipit_home):
    shipit_home.mkdir(mode=0o755)
    os.chmod(shipit_home, 0o755)
    fresh(shipit_home)
    assert stat.S_IMODE(shipit_home.stat().st_mode) == 0o755


def newer_journal(shipit_home):
    """A journal as a newer shipit would leave it (rollback journal, the next schema)."""
    fresh(shipit_home)
    path = shipit_home / "journal.db"
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode = DELETE")
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.commit()
    con.close()
    return path


def test_newer_journal_is_refused_untouched(shipit_home, cli):
    path = newer_journal(shipit_home)
    before = path.read_bytes()
    r = cli("log", "x")
    assert r.exit_code == 1
    assert "newer shipit" in r.stderr and str(path) in r.stderr
    assert path.read_bytes() == before
    assert not (shipit_home / "backups").exists()
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_foreign_sqlite_file_is_refused(shipit_home, cli):
    shipit_home.mkdir()
    path = shipit_home / "journal.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE notes (x)")
    con.commit()
    con.close()
    r = cli("log", "x")
    assert r.exit_code == 1 and "not a shipit journal" in r.stderr
    assert schema_of(path) == "CREATE TABLE notes (x)"
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_corrupt_file_is_a_clear_failure(shipit_home, cli):
    shipit_home.mkdir()
    path = shipit_home / "journal.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    before = path.read_bytes()
    r = cli("log", "x")
    assert r.exit_code == 1
    assert "corrupt or not a shipit journal" in r.stderr and str(path) in r.stderr
    assert "Traceback" not in r.output
    assert path.read_bytes() == before


def _v1_with_entry(cli, clock):
    assert cli("log", "before migration").exit_code == 0


def test_migration_runs_with_backup_first(shipit_home, cli, clock, monkeypatch):
    _v1_with_entry(cli, clock)

    def add_column(conn):
        conn.execute("ALTER TABLE entry ADD COLUMN mood VARCHAR")

    nxt = SCHEMA_VERSION + 1
    monkeypatch.setattr(store_mod, "MIGRATIONS", {**migrations.MIGRATIONS, nxt: add_column})
    monkeypatch.setattr(store_mod, "SCHEMA_VERSION", nxt)
    r = cli("list", "--json")
    assert r.exit_code == 0, r.output
    path = shipit_home / "journal.db"
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == nxt
    assert "mood" in [row[1] for row in con.execute("PRAGMA table_info(entry)")]
    [backup] = (shipit_home / "backups").iterdir()
    assert f"pre-migration-v{SCHEMA_VERSION}" in backup.name
    bcon = sqlite3.connect(backup)
    assert bcon.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert bcon.execute("SELECT text FROM entry").fetchall() == [("before migration",)]
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600


def test_failed_migration_rolls_back(shipit_home, cli, clock, monkeypatch):
    _v1_with_entry(cli, clock)

    def half_then_fail(conn):
        conn.execute("ALTER TABLE entry ADD COLUMN mood VARCHAR")
        conn.execute("DELETE FROM entry")
        raise RuntimeError("boom")

    nxt = SCHEMA_VERSION + 1
    monkeypatch.setattr(store_mod, "MIGRATIONS", {**migrations.MIGRATIONS, nxt: half_then_fail})
    monkeypatch.setattr(store_mod, "SCHEMA_VERSION", nxt)
    r = cli("list")
    assert r.exit_code == 1
    assert "migrating" in r.stderr and f"unchanged at schema {SCHEMA_VERSION}" in r.stderr
    con = sqlite3.connect(shipit_home / "journal.db")
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert con.execute("SELECT text FROM entry").fetchall() == [("before migration",)]
    assert "mood" not in [row[1] for row in con.execute("PRAGMA table_info(entry)")]


def test_current_journal_opens_with_one_cheap_check(shipit_home, cli, clock, monkeypatch):
    """Opening a current journal runs no DDL and makes no backup."""
    _v1_with_entry(cli, clock)
    statements: list[str] = []
    original = store_mod.connect

    def traced(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        conn = original(*args, **kwargs)
        conn.set_trace_callback(statements.append)
        return conn

    monkeypatch.setattr(store_mod, "connect", traced)
    s = Store()
    with s.reading() as conn:
        conn.execute("SELECT count(*) FROM entry").fetchone()[0]
    assert not any("CREATE" in st for st in statements)
    assert [st for st in statements if "pragma_user_version" in st] == [store_mod._IDENTITY_SQL]
    assert not (shipit_home / "backups").exists()


def test_tags_cascade_on_delete(cli, clock, shipit_home):
    cli("log", "x #a #b")
    cli("delete", "1", "--yes")
    con = sqlite3.connect(shipit_home / "journal.db")
    assert con.execute("SELECT count(*) FROM entry_tag").fetchone()[0] == 0


def test_settings_default_and_set(shipit_home):
    j = Journal()
    assert j.raw_settings() == {"day_starts_at": "00:00", "rest_days": "none", "weekly_target": "5",
                              "language": "auto"}
    assert j.set_setting("rest_days", "Sun, sat") == "sat,sun"
    assert j.raw_settings()["rest_days"] == "sat,sun"


def test_journal_error_names_file(tmp_path):
    err = store_mod.describe_db_error(sqlite3.OperationalError("database is locked"), tmp_path)
    assert isinstance(err, JournalError) and str(tmp_path) in str(err)


def test_plain_sql_datetimes_match_the_models_storage(shipit_home):
    """journal.add writes datetimes without SQLAlchemy; they must equal UTCDateTime's."""
    from datetime import UTC, datetime, timedelta, timezone

    from sqlalchemy.dialects import sqlite
    from sqlmodel import UTCDateTime

    from shipit.storage.entries import db_datetime

    dialect = sqlite.dialect()
    column_type = UTCDateTime().dialect_impl(dialect)
    bind = column_type.bind_processor(dialect)
    process = UTCDateTime().process_bind_param
    for instant in (
        datetime(2026, 11, 23, 12, 0, tzinfo=UTC),
        datetime(2026, 3, 29, 1, 59, 59, 999999, tzinfo=timezone(timedelta(hours=-7))),
        datetime(2024, 2, 29, 23, 0, 0, 1, tzinfo=timezone(timedelta(hours=5, minutes=30))),
    ):
        expected = bind(process(instant, dialect)) if bind else process(instant, dialect)
        assert db_datetime(instant) == expected


# -- Store.reading(): reads on the bare driver (export) ---------------------------------


def test_snapshot_creates_a_missing_journal_like_every_command(shipit_home):
    s = Store()
    assert not s.path.exists()
    with s.reading() as raw:
        assert isinstance(raw, sqlite3.Connection)
        assert raw.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert raw.execute("PRAGMA busy_timeout").fetchone()[0] == 10_000
        assert raw.execute("SELECT shipit_casefold('ÉTÉ')").fetchone()[0] == "été"
        assert raw.in_transaction
        assert raw.execute("SELECT count(*) FROM entry").fetchone()[0] == 0
    assert schema_of(s.path) == PINNED_SCHEMA
    if os.name == "posix":
        assert stat.S_IMODE(s.path.stat().st_mode) == 0o600


def test_snapshot_refuses_a_newer_journal_untouched(shipit_home):
    path = newer_journal(shipit_home)
    before = path.read_bytes()
    with pytest.raises(JournalError, match="newer shipit"), Store().reading():
        pass
    assert path.read_bytes() == before


def test_snapshot_of_a_file_that_is_not_a_database(shipit_home):
    shipit_home.mkdir()
    path = shipit_home / "journal.db"
    path.write_bytes(b"not a database at all, just some text " * 100)
    with pytest.raises(JournalError, match="corrupt or not a shipit journal"), Store().reading():
        pass
    assert path.read_bytes() == b"not a database at all, just some text " * 100


def test_snapshot_is_one_consistent_read(shipit_home):
    """A write committed by another command during an export is not half-seen."""
    j = Journal()
    j.add("ship", "before")
    reader = Store()
    with reader.reading() as raw:
        assert raw.execute("SELECT count(*) FROM entry").fetchone()[0] == 1
        Journal(Store()).add("ship", "during")  # another connection commits meanwhile
        assert raw.execute("SELECT count(*) FROM entry").fetchone()[0] == 1
        assert [r[0] for r in raw.execute("SELECT text FROM entry")] == ["before"]
    with reader.reading() as raw:
        assert raw.execute("SELECT count(*) FROM entry").fetchone()[0] == 2


def test_snapshot_with_uri_characters_in_the_path(tmp_path, monkeypatch):
    """'#', '?', '%' and spaces in the folder name must still name the same file."""
    home = tmp_path / "my journal #1 ?x=%20"
    monkeypatch.setenv("SHIPIT_HOME", str(home))
    Journal().add("ship", "odd folder")
    with Store().reading() as raw:
        assert [r[0] for r in raw.execute("SELECT text FROM entry")] == ["odd folder"]
    # Nothing was created anywhere else (a misread URI would name another file).
    assert [p.name for p in tmp_path.iterdir()] == ["my journal #1 ?x=%20"]


def test_a_schema_1_journal_gains_the_day_index(shipit_home, cli, clock):
    """Schema 2 is schema 1 plus ix_entry_day: a real v1 journal migrates to exactly the
    pinned schema, keeps its entries and leaves a backup at v1 first."""
    assert cli("log", "from schema 1").exit_code == 0
    path = shipit_home / "journal.db"
    con = sqlite3.connect(path)
    con.execute("DROP INDEX ix_entry_day")
    con.execute("PRAGMA user_version = 1")
    con.commit()
    con.close()
    r = cli("export")
    assert r.exit_code == 0, r.output
    assert "from schema 1" in r.stdout
    assert schema_of(path) == PINNED_SCHEMA
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 8
    [backup] = (shipit_home / "backups").iterdir()
    assert "pre-migration-v1" in backup.name
    assert "ix_entry_day ON" not in schema_of(backup)
    assert sqlite3.connect(backup).execute("SELECT text FROM entry").fetchall() == [
        ("from schema 1",)]


def test_a_real_schema_2_journal_migrates_to_3(shipit_home, cli, clock):
    """tests/data/schema2-journal.db was written by shipit 0.1 (schema 2): ships, a step
    that closed a backlog item, attempts, a skip, settings. It migrates to exactly the
    pinned schema, with a backup at schema 2 first; everything in it is kept; the
    history starts empty, so undo has nothing to undo; then new changes are recorded."""
    import json
    import shutil
    from pathlib import Path

    source = Path(__file__).parent / "data" / "schema2-journal.db"
    shipit_home.mkdir()
    path = shipit_home / "journal.db"
    shutil.copyfile(source, path)
    old = sqlite3.connect(source)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 2
    old_rows = {t: old.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
                for t in ("entry", "entry_tag", "backlog", "skip", "setting")}  # fmt: skip
    old.close()

    r = cli("list", "--json")
    assert r.exit_code == 0, r.output
    assert [e["text"] for e in json.loads(r.stdout)][-1] == "Published the pricing page #web"
    assert schema_of(path) == PINNED_SCHEMA
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 8
    for table, rows in old_rows.items():
        mine = " WHERE key != 'author'" if table == "setting" else ""  # schema 5 adds it
        got = con.execute(f"SELECT * FROM {table}{mine} ORDER BY 1").fetchall()
        if table == "entry":  # schema 8 adds tag_text, the entry's tags
            tags: dict[int, list[str]] = {}
            for entry_id, tag in old_rows["entry_tag"]:
                tags.setdefault(entry_id, []).append(tag)
            rows = [(*row, " ".join(sorted(tags[row[0]])) if row[0] in tags else None)
                    for row in rows]  # fmt: skip
        assert got == rows, table
    con.close()
    [backup] = (shipit_home / "backups").iterdir()
    assert "pre-migration-v2" in backup.name
    assert sqlite3.connect(backup).execute("PRAGMA user_version").fetchone()[0] == 2

    r = cli("undo", "--yes")
    assert r.exit_code == 0 and "Nothing to undo" in r.stderr
    assert cli("history", "--json").stdout.strip() == "[]"
    assert cli("resolve", "5", "--succeeded").exit_code == 0
    assert cli("undo", "--yes").exit_code == 0
    [attempt] = [e for e in json.loads(cli("list", "--json").stdout) if e["id"] == 5]
    assert attempt["outcome"] == "open"


def test_nested_writes_are_savepoints_of_the_outer_transaction(shipit_home):
    s = Store()
    with s.writing() as conn:
        conn.execute("INSERT INTO setting (key, value) VALUES ('a', '1')")
        with s.writing():
            conn.execute("INSERT INTO setting (key, value) VALUES ('b', '2')")
        with pytest.raises(ValueError), s.writing():
            conn.execute("INSERT INTO setting (key, value) VALUES ('c', '3')")
            raise ValueError("the inner write fails: only it is rolled back")
    with pytest.raises(ValueError), s.writing() as conn:
        conn.execute("INSERT INTO setting (key, value) VALUES ('d', '4')")
        with s.writing():
            conn.execute("INSERT INTO setting (key, value) VALUES ('e', '5')")
        raise ValueError("the outer write fails: everything in it is rolled back")
    s.close()
    con = sqlite3.connect(s.path)
    assert con.execute("SELECT key FROM setting WHERE key != 'author' ORDER BY key"
                       ).fetchall() == [("a",), ("b",)]  # fmt: skip


def test_a_write_inside_a_read_is_refused_not_lost(shipit_home):
    s = Store()
    with s.reading(), pytest.raises(RuntimeError, match="inside a read"), s.writing():
        pass
    with s.writing() as conn:  # the store is usable afterwards
        conn.execute("INSERT INTO setting (key, value) VALUES ('a', '1')")
    with s.reading() as conn:
        assert conn.execute("SELECT value FROM setting WHERE key = 'a'").fetchone() == ("1",)
    s.close()


def test_schema_5_gives_an_existing_journal_its_author_and_a_device(shipit_home, cli, clock,
                                                                    monkeypatch):  # fmt: skip
    """A schema-4 journal migrates to 5: its author is the login name (its entries are
    that author's: `stats --author` with that name shows them), a device id is made once,
    and nothing else changes."""
    import json

    assert cli("log", "before identity").exit_code == 0
    path = shipit_home / "journal.db"
    con = sqlite3.connect(path)
    for table in ("local_state", "member_entry", "member_setting", "member_skip",
                  "private_entry"):
        con.execute(f"DROP TABLE {table}")
    con.execute("DELETE FROM setting WHERE key = 'author'")
    con.execute("PRAGMA user_version = 4")
    con.commit()
    con.close()
    monkeypatch.setenv("USER", "grace")
    monkeypatch.setenv("LOGNAME", "grace")
    r = cli("config", "author")
    assert r.exit_code == 0, r.output
    assert r.stdout.strip() == "grace"
    assert schema_of(path) == PINNED_SCHEMA
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    [(device,)] = con.execute("SELECT value FROM local_state WHERE key = 'device_id'").fetchall()
    con.close()
    assert len(device) == 36
    r = cli("list", "--author", "grace", "--json")
    assert [e["text"] for e in json.loads(r.stdout)] == ["before identity"]
    assert cli("config", "author").stdout.strip() == "grace"  # the device id stays too
    con = sqlite3.connect(path)
    assert con.execute("SELECT value FROM local_state WHERE key = 'device_id'").fetchone() == (
        device,)


def test_a_schema_5_journal_gains_its_per_day_counts(shipit_home, cli, clock):
    """Schema 6 adds entry_day (each day's entries counted by kind) and the triggers
    that keep it: a schema-5 journal migrates to exactly the pinned schema, its counts
    are its entries counted, and they stay so through the writes that follow."""
    from datetime import date

    from shipit.domain.stats import DayCounts
    from shipit.storage import figures as figures_sql

    clock.set("2026-12-01T12:00:00")
    for args in (("log", "a ship"), ("log", "--date", "yesterday", "another"),
                 ("step", "done", "a step", "--minutes", "25"), ("try", "an attempt"),
                 ("try", "--date", "-3", "older attempt")):  # fmt: skip
        r = cli(*args)
        assert r.exit_code == 0, r.output
    assert cli("resolve", "4", "--failed", "--lesson", "too early").exit_code == 0
    path = shipit_home / "journal.db"
    con = sqlite3.connect(path)
    for trigger in ("tr_entry_day_insert", "tr_entry_day_delete", "tr_entry_day_update"):
        con.execute(f"DROP TRIGGER {trigger}")
    con.execute("DROP TABLE entry_day")
    con.execute("PRAGMA user_version = 5")
    con.commit()
    con.close()
    r = cli("stats", "--json")
    assert r.exit_code == 0, r.output
    assert schema_of(path) == PINNED_SCHEMA
    [backup] = (shipit_home / "backups").iterdir()
    assert "pre-migration-v5" in backup.name
    with Store().reading() as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 8
        counted = figures_sql.recount_days(conn)
        assert figures_sql.read_counts(conn) == counted
    assert sum(c.entries for c in counted.values()) == 5
    assert sum(c.attempts_failed for c in counted.values()) == 1
    assert sum(c.step_minutes for c in counted.values()) == 25
    assert cli("delete", "1", "--yes").exit_code == 0
    assert cli("edit", "2", "--date", "-5").exit_code == 0
    with Store().reading() as conn:
        counts = figures_sql.read_counts(conn)
        assert counts == figures_sql.recount_days(conn)
    assert counts[date(2026, 12, 1)] == DayCounts(steps=1, attempts=1, step_minutes=25,
                                                  attempts_failed=1)  # fmt: skip
    assert date(2026, 11, 30) not in counts  # its one ship moved to 26 November
    assert counts[date(2026, 11, 26)].ships == 1


def test_a_schema_6_journal_gains_the_members_backlog(shipit_home, cli, clock):
    """Schema 7 adds member_backlog (other members' backlog items). A journal that had
    pulled from a hub (which dropped those items then) is marked to fetch them once with
    its next sync; one that never pulled gets everything with its first sync anyway."""
    import json

    assert cli("step", "add", "mine", "--annoyance", "4").exit_code == 0
    path = shipit_home / "journal.db"
    for hub_seq, mark in ((None, []), ("0", []), ("12", [("backlog",)])):
        con = sqlite3.connect(path)
        with con:
            con.execute("DROP TABLE member_backlog")
            con.execute("DELETE FROM local_state WHERE key LIKE 'sync.%'")
            if hub_seq is not None:
                con.execute("INSERT INTO local_state VALUES ('sync.hub_seq', ?)", (hub_seq,))
            con.execute("PRAGMA user_version = 6")
        con.close()
        r = cli("step", "list", "--json")
        assert r.exit_code == 0, r.output
        assert [(i["id"], i["text"]) for i in json.loads(r.stdout)] == [(1, "mine")]
        assert schema_of(path) == PINNED_SCHEMA
        con = sqlite3.connect(path)
        assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 8
        assert con.execute("SELECT value FROM local_state WHERE key = 'sync.refetch'"
                           ).fetchall() == mark, hub_seq  # fmt: skip
        con.close()


def test_a_schema_7_journal_gains_its_entries_tag_text(shipit_home, cli, clock):
    """Schema 8 adds entry.tag_text (each entry's tags, sorted, space-separated; NULL
    without tags) and the triggers on entry_tag that keep it: a schema-7 journal migrates
    to exactly the pinned schema, every entry's tag_text is its tags, and stays so
    through the writes that follow (edit, delete, undo, redo)."""
    import json

    clock.set("2026-12-01T12:00:00")
    for args in (("log", "a ship #web #api"), ("log", "plain"),
                 ("log", "tagged", "--tag", "zeta", "--tag", "Alpha"),
                 ("step", "done", "a step #ops", "--minutes", "5"), ("try", "untagged")):  # fmt: skip
        r = cli(*args)
        assert r.exit_code == 0, r.output
    before = cli("export", "-f", "markdown").stdout
    path = shipit_home / "journal.db"
    con = sqlite3.connect(path)
    with con:
        for trigger in ("tr_entry_tag_insert", "tr_entry_tag_delete", "tr_entry_tag_update"):
            con.execute(f"DROP TRIGGER {trigger}")
        con.execute("ALTER TABLE entry DROP COLUMN tag_text")
        con.execute("PRAGMA user_version = 7")
    con.close()
    assert "tag_text" not in schema_of(path)

    def tag_texts() -> dict[int, str | None]:
        con = sqlite3.connect(path)
        kept = dict(con.execute("SELECT id, tag_text FROM entry"))
        counted = dict(con.execute(
            "SELECT e.id, (SELECT group_concat(tag, ' ') FROM (SELECT tag FROM entry_tag "
            "WHERE entry_id = e.id ORDER BY tag)) FROM entry e"))  # fmt: skip
        con.close()
        assert kept == counted
        return kept

    r = cli("list", "--json")
    assert r.exit_code == 0, r.output
    assert schema_of(path) == PINNED_SCHEMA
    [backup] = (shipit_home / "backups").iterdir()
    assert "pre-migration-v7" in backup.name
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 8
    con.close()
    assert tag_texts() == {1: "api web", 2: None, 3: "alpha zeta", 4: "ops", 5: None}
    assert cli("export", "-f", "markdown").stdout == before
    by_id = {e["id"]: e["tags"] for e in json.loads(r.stdout)}
    assert by_id == {1: ["api", "web"], 2: [], 3: ["alpha", "zeta"], 4: ["ops"], 5: []}
    for args in (("edit", "2", "--text", "now #b #a"), ("edit", "1", "--tag", "x"),
                 ("edit", "3", "--clear-tags"), ("delete", "4", "--yes")):  # fmt: skip
        assert cli(*args).exit_code == 0, args
    assert tag_texts() == {1: "api web x", 2: "a b", 3: None, 5: None}
    for _ in range(4):
        assert cli("undo", "--yes").exit_code == 0
    assert tag_texts() == {1: "api web", 2: None, 3: "alpha zeta", 4: "ops", 5: None}
    for _ in range(4):
        assert cli("redo", "--yes").exit_code == 0
    assert tag_texts() == {1: "api web x", 2: "a b", 3: None, 5: None}
