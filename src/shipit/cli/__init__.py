"""shipit's command line. `main()` is the console script's entry point.

`main()` first makes Ctrl-C safe, before any heavy import: until the error boundary
(cli.app) takes over, a Ctrl-C ends the process at once with "interrupted" and exit
130 (nothing has been opened yet, so nothing can be half-written). Importing this
package imports nothing else; `shipit.cli.app` (with every command registered) is
loaded by `main()` or on first use of the `app` attribute, so `shipit status`, a
prompt's command, can answer from the status file without Typer (cli.status_fast).
"""

from __future__ import annotations

import os
import signal
import sys
from typing import Any

__all__ = ["app", "main"]


def _interrupted_early(signum: int, frame: Any) -> None:
    """SIGINT before the error boundary: nothing is open yet; leave at once."""
    try:
        os.write(2, b"shipit: error: interrupted\n")
    finally:
        os._exit(130)


_interrupted_early.shipit_boot = True  # type: ignore[attr-defined]  (cli.app keys on it)


def load() -> Any:
    """The Typer app with every command registered."""
    from shipit.cli import entries, history, projects, prompt, stats, steps, transfer  # noqa: F401
    from shipit.cli.app import app

    # The submodule import bound `shipit.cli.app` to the module: the name is the app.
    globals()["app"] = app
    return app


def __getattr__(name: str) -> Any:
    if name == "app":
        return load()
    raise AttributeError(f"module 'shipit.cli' has no attribute {name!r}")


def main() -> None:
    previous = None
    try:
        previous = signal.signal(signal.SIGINT, _interrupted_early)
    except (ValueError, OSError):  # not the main thread: the caller handles signals
        pass
    try:
        if sys.argv[1:2] == ["status"]:
            from shipit.cli.status_fast import answer

            if answer(sys.argv[2:]):
                return
        load()()
    except KeyboardInterrupt:  # anywhere outside the boundary
        sys.stderr.write("shipit: error: interrupted\n")
        sys.exit(130)
    finally:
        if previous is not None and signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:
            signal.signal(signal.SIGINT, previous)
