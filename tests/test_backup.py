"""shipit backup and restore: consistent copies, checked restores, the journal untouched on error."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import threading
from pathlib import Path

import pytest

from shipit.storage.db import APPLICATION_ID, SCHEMA_VERSION


def texts(cli) -> list[str]:
    r = cli("list", "--json")
    assert r.exit_code == 0, r.output
    return sorted(e["text"] for e in json.loads(r.stdout))


def log(cli, text: str) -> None:
    assert cli("log", text).exit_code == 0


def test_backup_default_location_mode_and_content(cli, shipit_home) -> None:
    log(cli, "one")
    r = cli("backup")
    assert r.exit_code == 0, r.output
    path = Path(r.stdout.strip())
    assert path.parent == shipit_home / "backups"
    assert path.name.startswith("journal-") and path.name.endswith("-backup.db")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT text FROM entry").fetchall() == [("one",)]
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert not Path(f"{path}-wal").exists()


def test_backup_to_a_file_never_replaces_one(cli, tmp_path) -> None:
    log(cli, "one")
    dest = tmp_path / "copy.db"
    r = cli("backup", str(dest))
    assert r.exit_code == 0 and r.stdout.strip() == str(dest)
    size = dest.stat().st_size
    r = cli("backup", str(dest))
    assert r.exit_code == 2 and "already exists" in r.stderr
    assert dest.stat().st_size == size
    r = cli("backup", str(tmp_path))
    assert r.exit_code == 2 and "is a folder" in r.stderr


def test_backup_without_a_journal(cli, shipit_home) -> None:
    r = cli("backup")
    assert r.exit_code == 2 and "nothing to back up" in r.stderr
    assert not (shipit_home / "journal.db").exists()


def test_backup_while_another_process_writes(cli, sh, shipit_home) -> None:
    log(cli, "first")
    errors: list[str] = []

    def writer() -> None:
        for i in range(5):
            r = sh("log", f"parallel {i}")
            if r.returncode:
                errors.append(r.stderr)

    t = threading.Thread(target=writer)
    t.start()
    paths = [cli("backup").stdout.strip() for _ in range(3)]
    t.join()
    assert errors == []
    for p in paths:
        with sqlite3.connect(p) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert conn.execute("SELECT count(*) FROM entry").fetchone()[0] >= 1


def test_restore_brings_back_the_backup_and_keeps_the_current_journal(cli, shipit_home) -> None:
    log(cli, "kept")
    backup = cli("backup").stdout.strip()
    log(cli, "added after the backup")
    r = cli("restore", backup)
    assert r.exit_code == 0, r.output
    assert "Restored 1 entry from" in r.stderr
    assert texts(cli) == ["kept"]
    pre = [p for p in (shipit_home / "backups").iterdir() if "pre-restore" in p.name]
    assert len(pre) == 1 and str(pre[0]) in r.stderr
    with sqlite3.connect(pre[0]) as conn:
        assert sorted(t for (t,) in conn.execute("SELECT text FROM entry")) == [
            "added after the backup", "kept"]
    # The journal is still a WAL journal that takes new entries.
    log(cli, "after restore")
    assert texts(cli) == ["after restore", "kept"]
    with sqlite3.connect(shipit_home / "journal.db") as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_restore_of_a_schema_1_backup(cli, shipit_home, tmp_path) -> None:
    """A backup made by an older shipit (schema 1: no ix_entry_day) restores into the
    current journal; the backup file itself is left as it was."""
    log(cli, "from an old backup")
    old = tmp_path / "old.db"
    assert cli("backup", str(old)).exit_code == 0
    with sqlite3.connect(old) as conn:
        conn.execute("DROP INDEX ix_entry_day")
        conn.execute("PRAGMA user_version = 1")
    before = old.read_bytes()
    log(cli, "newer")
    r = cli("restore", str(old))
    assert r.exit_code == 0, r.output
    assert texts(cli) == ["from an old backup"]
    assert old.read_bytes() == before
    with sqlite3.connect(shipit_home / "journal.db") as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE name = 'ix_entry_day'").fetchone()[0] == 1


def test_restore_while_another_connection_holds_the_journal(cli, shipit_home) -> None:
    log(cli, "old")
    backup = cli("backup").stdout.strip()
    log(cli, "new")
    reader = sqlite3.connect(shipit_home / "journal.db")
    assert reader.execute("SELECT count(*) FROM entry").fetchone()[0] == 2
    r = cli("restore", backup)
    assert r.exit_code == 0, r.output
    # An open connection sees the restored content on its next read: no stale WAL.
    assert reader.execute("SELECT text FROM entry").fetchall() == [("old",)]
    reader.close()


def test_restore_into_a_new_home(cli, tmp_path, monkeypatch, shipit_home) -> None:
    log(cli, "from elsewhere")
    backup = cli("backup").stdout.strip()
    other = tmp_path / "other-home"
    monkeypatch.setenv("SHIPIT_HOME", str(other))
    r = cli("restore", backup)
    assert r.exit_code == 0, r.output
    assert "Saved the journal" not in r.stderr
    assert texts(cli) == ["from elsewhere"]
    assert stat.S_IMODE((other / "journal.db").stat().st_mode) == 0o600


def _sqlite_file(path: Path, *, app_id: int = 0, version: int = 0) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.execute(f"PRAGMA application_id = {app_id}")
        conn.execute(f"PRAGMA user_version = {version}")
    conn.close()


def _bad_file(kind: str, tmp_path: Path, good_backup: Path) -> Path:
    path = tmp_path / f"{kind}.db"
    if kind == "text":
        path.write_text("just some text\n")
    elif kind == "json-export":
        path.write_text('{"format": "shipit-journal", "version": 1, "entries": []}')
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "binary":
        path.write_bytes(bytes(range(256)) * 8)
    elif kind == "other-sqlite":
        _sqlite_file(path)
    elif kind == "newer":
        _sqlite_file(path, app_id=APPLICATION_ID, version=SCHEMA_VERSION + 1)
    elif kind == "truncated":
        data = good_backup.read_bytes()
        path.write_bytes(data[: len(data) // 3])
    elif kind == "header-only":
        path.write_bytes(good_backup.read_bytes()[:50])
    elif kind == "corrupt":
        data = bytearray(good_backup.read_bytes())
        page = 4096
        for p in range(1, len(data) // page):  # scribble over every page but the first
            data[p * page + 8: p * page + 200] = os.urandom(192)
        path.write_bytes(bytes(data))
    elif kind == "missing":
        pass
    elif kind == "folder":
        path.mkdir()
    return path


@pytest.mark.parametrize("kind,message", [
    ("text", "is not a SQLite database"),
    ("json-export", "is not a SQLite database"),
    ("empty", "is not a SQLite database"),
    ("binary", "is not a SQLite database"),
    ("other-sqlite", "is a SQLite database but not a shipit journal"),
    ("newer", "was written by a newer shipit"),
    ("truncated", "damaged"),
    ("header-only", "is truncated"),
    ("corrupt", "damaged"),
    ("missing", "does not exist"),
    ("folder", "is not a file"),
])  # fmt: skip
def test_restore_refuses_bad_files(cli, tmp_path, shipit_home, kind, message) -> None:
    from shipit.services.journal import Journal

    j = Journal()
    for i in range(20):  # enough rows for several pages
        j.add("ship", f"entry {i} " + "x" * 1000)
    j.store.close()
    good = Path(cli("backup").stdout.strip())
    log(cli, "current")
    before = texts(cli)
    journal_bytes = (shipit_home / "journal.db").read_bytes()
    bad = _bad_file(kind, tmp_path, good)
    r = cli("restore", str(bad))
    assert r.exit_code == 2, r.output
    assert message in r.stderr, r.stderr
    assert r.stderr.count("\n") == 1 and str(bad) in r.stderr
    assert texts(cli) == before
    assert (shipit_home / "journal.db").read_bytes() == journal_bytes
    assert not [p for p in (shipit_home / "backups").iterdir() if "pre-restore" in p.name]
    assert not [p for p in shipit_home.iterdir() if p.name.startswith(".restore-")]


def test_restore_of_the_journal_itself_is_refused(cli, shipit_home) -> None:
    log(cli, "x")
    r = cli("restore", str(shipit_home / "journal.db"))
    assert r.exit_code == 2 and "is the journal itself" in r.stderr
    assert texts(cli) == ["x"]


def test_restore_leaves_the_source_file_untouched(cli, shipit_home) -> None:
    log(cli, "x")
    backup = Path(cli("backup").stdout.strip())
    data = backup.read_bytes()
    assert cli("restore", str(backup)).exit_code == 0
    assert backup.read_bytes() == data
    assert not Path(f"{backup}-wal").exists() and not Path(f"{backup}-shm").exists()


def test_an_entry_logged_during_a_restore_is_not_lost(cli, shipit_home, tmp_path,
                                                      monkeypatch) -> None:  # fmt: skip
    """Another shell logging while restore runs waits for it, then lands: never lost."""
    import os
    import subprocess
    import time as _time

    from shipit.storage.db import Store
    from tests.conftest import shipit_exe

    assert cli("log", "in the backup").exit_code == 0
    backup = tmp_path / "b.db"
    assert cli("backup", str(backup)).exit_code == 0
    assert cli("log", "after the backup").exit_code == 0
    original = Store.backup
    started: list[subprocess.Popen] = []

    def backup_with_a_writer_waiting(self, *args, **kwargs):
        if kwargs.get("label") == "pre-restore":
            started.append(subprocess.Popen(
                [*shipit_exe(), "log", "logged during the restore"],
                env={**os.environ, "SHIPIT_HOME": str(shipit_home)},
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))  # fmt: skip
            _time.sleep(1.5)  # it is now waiting for the restore's write lock
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Store, "backup", backup_with_a_writer_waiting)
    r = cli("restore", str(backup))
    assert r.exit_code == 0, r.output
    [proc] = started
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    texts = sorted(e["text"] for e in json.loads(cli("list", "--json").stdout))
    assert texts == ["in the backup", "logged during the restore"]
    [pre] = (shipit_home / "backups").glob("*pre-restore*")
    import sqlite3

    con = sqlite3.connect(pre)
    kept = sorted(t for (t,) in con.execute("SELECT text FROM entry"))
    assert kept == ["after the backup", "in the backup"]
