"""Exceptions with messages written for users.

Domain code raises these; the CLI turns them into one line on stderr and an exit
code in exactly one place (`shipit.cli.app.ShipitGroup.main`).
"""

from __future__ import annotations


class ShipitError(Exception):
    """Base class: a message for the user and an exit code."""

    exit_code = 1

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        if self.hint:
            return f"{self.message} ({self.hint})"
        return self.message


class InputError(ShipitError):
    """Bad usage or input: exit 2, the journal untouched."""

    exit_code = 2


class NotFoundError(InputError):
    """An id or name that does not exist."""


class JournalError(ShipitError):
    """The journal file cannot be used: locked, unreadable, corrupt, too new. Exit 1."""

    exit_code = 1


class HubError(ShipitError):
    """The sync hub cannot be used: unreachable, refused, not a hub, too new. Exit 1;
    the local journal is untouched.

    `unreachable` is True when the hub could not be used at all from here (no
    connection, no driver, authentication failed): auto-sync words it as such."""

    exit_code = 1

    def __init__(self, message: str, hint: str | None = None, *,
                 unreachable: bool = False) -> None:  # fmt: skip
        super().__init__(message, hint)
        self.unreachable = unreachable
