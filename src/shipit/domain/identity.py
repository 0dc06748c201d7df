"""Who wrote a row: the journal's author name. Pure (no database).

A journal has one author (`shipit config author NAME`; by default the login name).
On a hub with roles the author is the PostgreSQL role a member connects as, so a name
is what PostgreSQL accepts as a role name without quoting surprises: 1 to 63
characters, letters, digits, '_', '-' and '.', starting with a letter or '_'.
"""

from __future__ import annotations

import re

from shipit.domain.errors import InputError

MAX_AUTHOR = 63
_AUTHOR_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]{0,62}")
FALLBACK_AUTHOR = "me"


def check_author(name: str) -> str:
    """The author name as stored; InputError when it cannot be one."""
    value = name.strip()
    if not _AUTHOR_RE.fullmatch(value):
        raise InputError("entries.invalid_author", name=name, limit=MAX_AUTHOR)
    return value


def default_author() -> str:
    """The login name, made a valid author name (or 'me' when there is none)."""
    import getpass

    try:
        login = getpass.getuser()
    except Exception:  # no USER/LOGNAME and no passwd entry (containers)
        return FALLBACK_AUTHOR
    cleaned = re.sub(r"[^A-Za-z0-9_.\-]", "_", login)[:MAX_AUTHOR]
    if cleaned and not (cleaned[0].isalpha() or cleaned[0] == "_"):
        cleaned = ("_" + cleaned)[:MAX_AUTHOR]
    return cleaned if _AUTHOR_RE.fullmatch(cleaned or "") else FALLBACK_AUTHOR
