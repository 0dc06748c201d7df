"""Helpers for tests of the German interface: run in German, and find English left over."""

from __future__ import annotations

import re

GERMAN = {"SHIPIT_LANG": "de"}
ENGLISH = {"SHIPIT_LANG": "en"}

# Words that appear in shipit's English sentences and never in its German ones. A German
# output that contains one of them (as a whole word, any case) still speaks English.
# Not listed: words both languages use (Backlog, Hub, Sync, Team, Timer, Journal, Thrash,
# Prompt, Tag as in "1 Tag"), and the names of commands, options, settings and JSON keys.
ENGLISH_WORDS = (
    "the", "and", "of", "is", "are", "to", "for", "with", "not", "no", "yet", "you",
    "your", "this", "that", "today", "yesterday", "tomorrow", "day", "days", "week",
    "weeks", "streak", "streaks", "entry", "entries", "shipped", "logged", "deleted",
    "removed", "added", "changed", "nothing", "error", "note", "steps", "step", "attempt",
    "attempts", "succeeded", "failed", "lesson", "lessons", "excused", "missed", "best",
    "current", "total", "since", "until", "invalid", "unknown", "expected", "project",
    "projects", "ship", "ships", "owner", "members", "late", "left", "ago", "never",
    "changes", "undo", "redo", "minutes", "hours", "consistency", "target", "hit",
)  # fmt: skip
_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")
# What a German output may quote literally: commands and options (`shipit log`, --date),
# key=value settings and #tags are not sentences.
_LITERAL = re.compile(r"(shipit [a-z-]+( [a-z-]+)?|--?[a-z][a-z-]*|[a-z_]+ = \S+|#[\w-]+|'[^']*'|\"[^\"]*\")")


def english_left(text: str, allowed: tuple[str, ...] = ()) -> list[str]:
    """The English words in `text` outside quoted literals (user text, commands, options)."""
    stripped = _LITERAL.sub(" ", text)
    banned = set(ENGLISH_WORDS) - {w.lower() for w in allowed}
    return sorted({w for w in _WORD.findall(stripped) if w.lower() in banned})
