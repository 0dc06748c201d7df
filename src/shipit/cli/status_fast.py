"""`shipit status` without Typer or Rich: one small file read (docs/prompt.md).

Only the plain form is answered here, and only from a fresh status file; anything else
(`--json`, `--refresh`, `--help`, a missing or stale file) goes through the full command.
"""

from __future__ import annotations


def answer(args: list[str]) -> bool:
    """Print today's cue and return True, or return False to run the full command."""
    if args:
        return False
    from shipit.domain.prompt import cue
    from shipit.services.status import cached_status

    found, status = cached_status()
    if not found:
        return False
    text = cue(status)
    if text:
        import sys

        sys.stdout.write(text + "\n")
    return True
