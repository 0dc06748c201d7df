"""One styled line, written without Rich: the confirmations of the daily commands.

A line is a list of (text, style) segments, styles in Rich's words ("bold green",
"dim"). `write()` prints it with ANSI colours on a terminal (NO_COLOR, FORCE_COLOR and
TERM=dumb honoured as Rich honours them) and as plain text elsewhere. The same segments
become a Rich `Text` with `as_text()` wherever a line sits inside a table or panel, so
each line is worded once.

Why not Rich for these: importing Rich's console and text costs ~25 ms, a sixth of
`shipit log`; a one-line confirmation needs none of it (docs/performance.md).
User text must already be neutralised (`shipit.domain.text.safe`) in its segment.
"""

from __future__ import annotations

import os
import sys
from typing import IO, Any

Segment = tuple[str, str]
Line = list[Segment]

_SGR = {
    "bold": "1", "dim": "2", "italic": "3", "underline": "4", "reverse": "7",
    "black": "30", "red": "31", "green": "32", "yellow": "33", "blue": "34",
    "magenta": "35", "cyan": "36", "white": "37",
    "bright_black": "90", "bright_red": "91", "bright_green": "92", "bright_yellow": "93",
    "bright_blue": "94", "bright_magenta": "95", "bright_cyan": "96", "bright_white": "97",
}  # fmt: skip


def sgr(style: str) -> str:
    """The ANSI escape for a style such as 'bold green' ('' for none or unknown words)."""
    codes = [_SGR[word] for word in style.split() if word in _SGR]
    return f"\x1b[{';'.join(codes)}m" if codes else ""


def color_enabled(stream: IO[str]) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def render(line: Line, color: bool) -> str:
    if not color:
        return "".join(text for text, _ in line)
    out = []
    for text, style in line:
        code = sgr(style) if text else ""
        out.append(f"{code}{text}\x1b[0m" if code else text)
    return "".join(out)


def plain(line: Line) -> str:
    """The line's text without styles."""
    return render(line, False)


def write(*lines: Line, stream: IO[str] | None = None) -> None:
    """Print each line (stdout by default), coloured only on a terminal."""
    if not lines:
        return
    stream = stream or sys.stdout
    color = color_enabled(stream)
    stream.write("".join(render(line, color) + "\n" for line in lines))


def as_text(line: Line) -> Any:
    """The same line as a Rich Text (for tables, panels and Rich consoles)."""
    from rich.text import Text

    return Text.assemble(*line)
