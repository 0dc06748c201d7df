"""The prompt status file next to the journal (format: shipit.domain.prompt, docs/prompt.md).

Written atomically (temp file, fsync, rename) so a prompt never reads half a file.
Reading it costs no SQLite and no pathlib: `shipit status` and the snippets stay cheap.
"""

from __future__ import annotations

import os

STATUS_NAME = "status"


def journal_file() -> str:
    """The journal's path, as storage.db.journal_path() gives it, without loading sqlite3
    when SHIPIT_HOME says where it is (a test holds the two equal)."""
    env = os.environ.get("SHIPIT_HOME")
    if env:
        return os.path.join(os.path.expanduser(env), "journal.db")
    from shipit.storage.db import journal_path

    return str(journal_path())


def status_path(journal: str | os.PathLike[str]) -> str:
    return os.path.join(os.path.dirname(os.fspath(journal)), STATUS_NAME)


def write_status(journal: str | os.PathLike[str], text: str) -> None:
    from pathlib import Path

    from shipit.storage.files import atomic_path

    with atomic_path(Path(status_path(journal)), overwrite=True) as tmp:
        tmp.write_text(text, encoding="utf-8")


def read_fresh_status(journal: str | os.PathLike[str]) -> str | None:
    """The status file's text if it is newer than every change to the journal, else None."""
    journal = os.fspath(journal)
    path = status_path(journal)
    try:
        written = os.stat(path).st_mtime_ns
        for changed in (journal, journal + "-wal"):
            try:
                if os.stat(changed).st_mtime_ns > written:
                    return None
            except FileNotFoundError:
                continue
        with open(path, encoding="utf-8") as fh:
            return fh.read()
    except (OSError, UnicodeDecodeError):
        return None
