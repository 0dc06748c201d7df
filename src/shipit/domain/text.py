"""Words and numbers as people read them, shared by the views and the exports.

Pure string work: no Rich, no I/O. The Rich renderables (shipit.views) and the
Markdown export (shipit.domain.exporting) both say "3 days" and "Mon 16 Nov 2026"
through these, so every surface words a figure the same way.
"""

from __future__ import annotations

from datetime import date

# Characters shown escaped: C0 controls except tab and newline, DEL, C1 controls,
# and the bidirectional overrides/isolates that can reorder what a terminal shows.
_BIDI = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A)) | {0x200E, 0x200F, 0x061C}
_ESCAPES = {
    c: (f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}")
    for c in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0), *_BIDI]
}


# The characters `safe()` neutralises (for writers that escape them their own way).
CONTROL_CHARS = frozenset(chr(c) for c in _ESCAPES)
# In JSON they become \\uXXXX escapes: the same data, nothing a terminal obeys.
_JSON_ESCAPES = {c: f"\\u{c:04x}" for c in _ESCAPES}


def json_safe(document: str) -> str:
    """A JSON document with every control character written as a \\uXXXX escape.

    Valid only for JSON text (where these characters can appear only inside strings).
    """
    return document.translate(_JSON_ESCAPES)


def safe(value: str) -> str:
    """Neutralise control characters for display: ESC becomes the four characters \\x1b."""
    return value.translate(_ESCAPES)


def plural(n: int, word: str, many: str | None = None) -> str:
    """'1 day', '2 days', '1,234 entries' (with many='entries')."""
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


def percent(value: float | None) -> str:
    """'75%' / '75 %' in the reader's language (shipit.i18n)."""
    from shipit.i18n import percent as in_words

    return in_words(value)


def fmt_day(day: date) -> str:
    """'Mon 16 Nov 2026' / 'Mo 16. Nov 2026' in the reader's language (shipit.i18n)."""
    from shipit.i18n import fmt_day as in_words

    return in_words(day)
