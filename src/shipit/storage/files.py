"""Files shipit writes (exports, backups): temp file in the same folder, fsync, rename.

A failed or interrupted write never leaves a partial file under the target name, and an
existing file is never replaced unless the caller asked to overwrite it.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from shipit.domain.errors import InputError, ShipitError


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
    dest = Path(dest)
    folder = dest.parent if str(dest.parent) else Path(".")
    if dest.exists() and not overwrite:
        raise InputError(f"{dest} already exists; use --force to replace it")
    if not folder.is_dir():
        raise InputError(f"folder {folder} does not exist")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ShipitError(f"cannot write in {folder}: {exc.strerror}") from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        if overwrite:
            os.replace(tmp, dest)
        else:
            try:
                os.link(tmp, dest)  # fails if dest appeared meanwhile
            except FileExistsError:
                raise InputError(f"{dest} already exists; use --force to replace it") from None
            except OSError:
                if dest.exists():
                    raise InputError(f"{dest} already exists; use --force to replace it") from None
                os.replace(tmp, dest)
        _fsync_dir(folder)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


@contextlib.contextmanager
def atomic_text_writer(dest: Path, *, overwrite: bool = False, newline: str | None = None
                       ) -> Iterator[IO[str]]:
    """Open a text stream whose content appears at `dest` only once fully written."""
    with atomic_path(dest, overwrite=overwrite) as tmp:
        with open(tmp, "w", encoding="utf-8", newline=newline) as fh:
            yield fh
            fh.flush()
