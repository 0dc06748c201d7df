"""Files shipit writes (exports, backups): temp file in the same folder, fsync, rename.

A failed or interrupted write never leaves a partial file under the target name (nor a
stray temporary file), and an existing file is never replaced unless the caller asked
to overwrite it. No writer ever writes over the journal, its -wal/-shm/-journal files or
a backup being restored, whatever path leads there (symlinks, `..`, hard links): files
are compared by device and inode, and by their resolved path for files not there yet.
A full disk is reported as "disk full" with the file that could not be written.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from shipit.domain.errors import InputError, ShipitError
from shipit.i18n import Msg

# Files no writer may replace: every journal this process opened (Store registers it),
# its SQLite side files, and backups in use (restore registers its source).
_protected: dict[str, str | Msg] = {}  # path -> what it is, for the message
SIDE_FILES = ("-wal", "-shm", "-journal")
# Read at most this much of an input (an import file, stdin): a bound, not a wish.
MAX_INPUT_BYTES = 256 * 1024 * 1024


def protect(path: Path | str, what: str | Msg | None = None) -> None:
    """Never let a writer of this process replace `path` (and, for a journal — `what`
    None — its side files). `what` names it in a message: a Msg, or words to show."""
    path = os.path.abspath(path)
    _protected[path] = Msg("core.what_journal") if what is None else what
    if what is None:
        for side in SIDE_FILES:
            _protected[path + side] = Msg("core.what_side_file", side=side[1:])


def unprotect(path: Path | str) -> None:
    _protected.pop(os.path.abspath(path), None)


def check_not_protected(dest: Path) -> None:
    """InputError if `dest` is (or leads to) the journal, a side file or a backup in use."""
    real = os.path.realpath(dest)
    try:
        st = os.stat(dest)
    except OSError:
        st = None
    for path, what in list(_protected.items()):
        same = real == os.path.realpath(path)
        if not same and st is not None:
            with contextlib.suppress(OSError):
                other = os.stat(path)
                same = (st.st_dev, st.st_ino) == (other.st_dev, other.st_ino)
        if same:
            raise InputError("core.protected", "core.choose_another_file", dest=dest,
                             what=what, path=path)  # fmt: skip


def write_error(exc: OSError, dest: Path | str) -> ShipitError:
    """An OSError while writing `dest`, as a message that names the file."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return ShipitError("core.disk_full", "core.disk_full_hint", path=dest)
    return ShipitError("core.cannot_write", path=dest, reason=exc.strerror or exc)


def remove_temporary(tmp: Path) -> None:
    """Remove a temporary file and the side files SQLite may have left beside it."""
    for name in (str(tmp), *(str(tmp) + side for side in SIDE_FILES)):
        with contextlib.suppress(FileNotFoundError, IsADirectoryError):
            os.unlink(name)


def read_bounded(path: Path | None, what: str | Msg, limit: int = MAX_INPUT_BYTES) -> bytes:
    """All of a file (or stdin, for None), refusing more than `limit` bytes."""
    import sys

    try:
        if path is None:
            data = sys.stdin.buffer.read(limit + 1)
        else:
            with open(path, "rb") as fh:
                data = fh.read(limit + 1)
    except FileNotFoundError:
        raise InputError("core.file_missing", what=what) from None
    except IsADirectoryError:
        raise InputError("core.file_is_folder", what=what) from None
    except OSError as exc:
        raise InputError("core.cannot_read", what=what, reason=exc.strerror) from None
    if len(data) > limit:
        raise InputError("core.file_too_large", what=what, limit=limit // (1024 * 1024))
    return data


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_path(dest: Path, *, overwrite: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside `dest`; on success move it into place.

    The temporary file is created 0600. Without `overwrite`, an existing `dest` is an
    InputError (checked first, and again at the final link so a race cannot clobber it).
    """
    import tempfile

    dest = Path(dest)
    folder = dest.parent if str(dest.parent) else Path(".")
    check_not_protected(dest)
    if dest.exists() and not overwrite:
        raise InputError("core.file_exists", path=dest)
    if not folder.is_dir():
        raise InputError("core.no_folder", folder=folder)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise write_error(exc, dest) from None
        raise ShipitError("core.cannot_write_in", folder=folder, reason=exc.strerror) from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        try:
            yield tmp
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
        except OSError as exc:
            if exc.filename not in (None, str(tmp), tmp):
                raise
            raise write_error(exc, dest) from None
        check_not_protected(dest)  # again: the journal may have been opened meanwhile
        if overwrite:
            os.replace(tmp, dest)
        else:
            try:
                os.link(tmp, dest)  # fails if dest appeared meanwhile
            except FileExistsError:
                raise InputError("core.file_exists", path=dest) from None
            except OSError:
                if dest.exists():
                    raise InputError("core.file_exists", path=dest) from None
                os.replace(tmp, dest)
        _fsync_dir(folder)
    finally:
        remove_temporary(tmp)


@contextlib.contextmanager
def atomic_text_writer(dest: Path, *, overwrite: bool = False, newline: str | None = None
                       ) -> Iterator[IO[str]]:
    """Open a text stream whose content appears at `dest` only once fully written."""
    with atomic_path(dest, overwrite=overwrite) as tmp:
        with open(tmp, "w", encoding="utf-8", newline=newline) as fh:
            yield fh
            fh.flush()
