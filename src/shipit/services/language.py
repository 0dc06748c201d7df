"""The interface language stored in the journal (`shipit config language`)."""

from __future__ import annotations


def stored_language() -> str | None:
    """The journal's stored choice (de, en, auto), or None; cheap, never raises."""
    from shipit.storage.db import peek_setting

    return peek_setting("language")
