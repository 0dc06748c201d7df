"""The prompt status file next to the journal (format: shipit.domain.prompt, docs/prompt.md).

Written atomically (a private temporary file beside it, then a rename) so a prompt never
reads half a file. It is a cache of the journal that any writing command, and `shipit
status`, rebuild: it is not fsynced (the journal is), and it costs neither `tempfile`
nor pathlib. Reading it costs no SQLite and no pathlib: `shipit status` and the snippets
stay cheap.
"""

from __future__ import annotations

import os

STATUS_NAME = "status"
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
_written = [0]  # temporary names this process used (with its pid: unique beside it)


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
    """Replace the status file with `text`: written to `.status.<pid>.<n>.tmp` beside it
    (created 0600, never an existing file or a symlink), then renamed over it. A failed
    write leaves the old file and no temporary file; its error names the status file.
    Like every writer, it never replaces the journal or a backup being restored
    (storage.files.check_not_protected), whatever path leads there."""
    from shipit.storage.files import check_not_protected  # loaded with the Store already

    path = status_path(journal)
    check_not_protected(path)
    data = text.encode("utf-8")
    folder = os.path.dirname(path)
    while True:
        _written[0] += 1
        tmp = os.path.join(folder, f".{STATUS_NAME}.{os.getpid()}.{_written[0]}.tmp")
        try:
            fd = os.open(tmp, _CREATE, 0o600)
            break
        except FileExistsError:  # left by a process that had this pid: take the next name
            continue
        except OSError as exc:
            raise _error(exc, path) from None
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise _error(exc, path) from None
        raise


def _error(exc: OSError, path: str) -> Exception:
    from shipit.storage.files import write_error

    return write_error(exc, path)


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
