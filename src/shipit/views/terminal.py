"""Output that goes to a terminal: control sequences shown, never obeyed.

Files and pipes get the exact bytes (an export is data); a terminal gets the same text
with its control characters neutralised (`\\x1b` as four visible characters), so an
entry holding an OSC 52 sequence cannot write the clipboard and `ESC[2J` cannot clear
the screen. JSON to a terminal stays valid JSON: the characters become \\uXXXX escapes.
"""

from __future__ import annotations

from typing import IO, Any

from shipit.domain.text import json_safe, safe


def is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


class TerminalText:
    """A text stream wrapper for a terminal: every write neutralised (tabs and line
    ends kept; CSV's CR LF shown as a line end)."""

    def __init__(self, stream: IO[str], *, json: bool = False) -> None:
        self._stream = stream
        self._json = json

    def write(self, text: str) -> int:
        shown = json_safe(text) if self._json else safe(text.replace("\r\n", "\n"))
        self._stream.write(shown)
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        self._stream.flush()

    def isatty(self) -> bool:
        return True


def for_output(stream: IO[str], *, json: bool = False) -> IO[str]:
    """`stream` itself for a file or pipe; a neutralising wrapper for a terminal."""
    return TerminalText(stream, json=json) if is_terminal(stream) else stream  # type: ignore[return-value]
