"""Exceptions with messages written for users.

Domain code and services raise these with a message *key* and its parameters
(``InputError("dates.in_future", what=..., value=...)``); the words are chosen when the
error is shown, in the reader's language (``shipit.i18n``). The CLI turns them into one
line on stderr and an exit code in exactly one place (`shipit.cli.app.ShipitGroup.main`).

A message that is not a catalogue key is shown as it is (text from outside shipit,
such as a database's own error, passed through as a parameter is the better way).
"""

from __future__ import annotations

from typing import Any

from shipit.i18n import Msg


class ShipitError(Exception):
    """Base class: a message for the user (a key and parameters) and an exit code."""

    exit_code = 1

    def __init__(self, message: str | Msg, hint: str | Msg | None = None, **params: Any) -> None:
        self.msg = message if isinstance(message, Msg) else Msg(message, **params)
        self.hint_msg = None if hint is None else hint if isinstance(hint, Msg) else Msg(hint)
        super().__init__(self.msg.key)

    @property
    def key(self) -> str:
        return self.msg.key

    @property
    def params(self) -> dict[str, Any]:
        return self.msg.params

    @property
    def message(self) -> str:
        return str(self.msg)

    @property
    def hint(self) -> str | None:
        return None if self.hint_msg is None else str(self.hint_msg)

    def __str__(self) -> str:
        hint = self.hint
        if hint:
            return f"{self.message} ({hint})"
        return self.message


class InputError(ShipitError):
    """Bad usage or input: exit 2, the journal untouched."""

    exit_code = 2


class NotFoundError(InputError):
    """An id or name that does not exist."""


class NotYourCard(InputError):
    """A local command would change another member's project card (exit 2). It carries
    the facts (short, author) and their message keys."""

    def __init__(self, short: str, author: str) -> None:
        super().__init__("projects.not_your_card",
                         Msg("projects.not_your_card_hint", short=short), short=short, author=author)
        self.short = short
        self.author = author


class NotYourItem(InputError):
    """A step command named another member's backlog item (exit 2): it is theirs to do,
    drop or edit (the hub's row-level security would refuse it too)."""

    def __init__(self, item_id: int, author: str) -> None:
        super().__init__("steps.not_your_item", id=item_id, author=author)
        self.item_id = item_id
        self.author = author


class JournalError(ShipitError):
    """The journal file cannot be used: locked, unreadable, corrupt, too new. Exit 1."""

    exit_code = 1


class HubError(ShipitError):
    """The sync hub cannot be used: unreachable, refused, not a hub, too new. Exit 1;
    the local journal is untouched.

    `unreachable` is True when the hub could not be used at all from here (no
    connection, no driver, authentication failed): auto-sync words it as such."""

    exit_code = 1

    def __init__(self, message: str | Msg, hint: str | Msg | None = None, *,
                 unreachable: bool = False, **params: Any) -> None:  # fmt: skip
        super().__init__(message, hint, **params)
        self.unreachable = unreachable
