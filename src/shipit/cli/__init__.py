"""shipit's command line. `main()` is the console script's entry point.

`main()` first makes Ctrl-C safe, before any heavy import: until the error boundary
(cli.app) takes over, a Ctrl-C ends the process at once with "interrupted" and exit
130 (nothing has been opened yet, so nothing can be half-written). Importing this
package imports nothing else; `shipit.cli.app` (with every command registered) is
loaded by `main()` or on first use of the `app` attribute, so `shipit status`, a
prompt's command, can answer from the status file without Typer (cli.status_fast), and
`shipit --version` says its line without loading any command.
"""

from __future__ import annotations

import os
import signal
import sys

__all__ = ["app", "main"]


def _interrupted_message() -> str:
    """'interrupted' before anything is loaded: the language from the environment alone
    (SHIPIT_LANG, else the locale); shipit.i18n words everything after this point."""
    lang = os.environ.get("SHIPIT_LANG", "").strip().lower()
    if lang not in ("de", "en"):
        for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
            if os.environ.get(var):
                lang = "de" if os.environ[var].lower().startswith("de") else "en"
                break
    return "shipit: Fehler: abgebrochen\n" if lang == "de" else "shipit: error: interrupted\n"


def _interrupted_early(signum: int, frame: object) -> None:
    """SIGINT before the error boundary: nothing is open yet; leave at once."""
    try:
        os.write(2, _interrupted_message().encode())
    finally:
        os._exit(130)


_interrupted_early.shipit_boot = True  # type: ignore[attr-defined]  (cli.app keys on it)


def _install() -> object:
    """Make Ctrl-C end the process cleanly; return the handler it replaces (or None)."""
    try:
        return signal.signal(signal.SIGINT, _interrupted_early)
    except (ValueError, OSError):  # not the main thread: the caller handles signals
        return None


def _fewer_collections() -> None:
    """Let a command run without the cyclic garbage collector's passes. A command lives
    for a fraction of a second; its imports alone create enough objects for ~40 passes
    (about 10 ms), and the rows of a large journal add more (docs/performance.md).
    Reference counting still frees everything that is not a cycle at once, and the
    collector still runs after 50,000 net new objects, so a long-running command
    (sync, a timer) keeps collecting. (mypy's main() raises its threshold the same way.)"""
    import gc

    gc.set_threshold(50_000, 10, 10)


def _no_collections_at_exit() -> None:
    """Leave what is alive at exit to the operating system. Python's own shutdown runs
    full collector passes over every object left (Typer's and Click's included): about
    20 ms, a sixth of `shipit log`. Nothing of shipit waits for them: the journal is
    closed and its outcome reported, stdout and stderr are flushed by the interpreter
    after this, atexit handlers still run. Frozen objects are never collected again:
    those in a reference cycle are never finalized, so nothing that needs closing may be
    left to the collector (tests/test_gc_threshold.py checks what a command leaves)."""
    import gc

    gc.freeze()


# Run as the program (the console script, `python -m shipit`): from this very line on,
# before the command modules, Typer and Rich are imported. Imported by a host program
# (tests), nothing changes until it calls main().
_argv0 = sys.argv[0] if sys.argv else ""
_AS_PROGRAM = (os.path.basename(_argv0) in ("shipit", "shipit.exe") or _argv0 == "-m"
               or _argv0.endswith(os.path.join("shipit", "__main__.py")))  # fmt: skip
if _AS_PROGRAM:
    _install()
    _fewer_collections()


# Every command, and the module of shipit.cli that registers it, in the order `shipit
# --help` lists them (tests/test_shim.py holds this table to the registrations).
COMMANDS = {
    **dict.fromkeys(["log", "ship", "today", "list", "tags", "edit", "delete", "path"],
                    "entries"),
    **dict.fromkeys(["undo", "redo", "history"], "history"),
    "project": "projects",
    **dict.fromkeys(["status", "prompt-init"], "prompt"),
    "remind": "remind",
    **dict.fromkeys(["stats", "week", "calendar", "config", "skip"], "stats"),
    **dict.fromkeys(["step", "try", "resolve", "attempts"], "steps"),
    **dict.fromkeys(["hub", "sync", "team"], "sync"),
    **dict.fromkeys(["export", "import", "backup", "restore"], "transfer"),
}  # fmt: skip


def _register(name: str) -> None:
    """Import the module that registers command `name` (it registers on import)."""
    import importlib

    importlib.import_module(f"shipit.cli.{COMMANDS[name]}")


def load(every_command: bool = True) -> object:
    """The Typer app. With `every_command`, each command's module is imported now;
    without (the program itself), only when its command is used: `shipit log` imports
    the entries' module alone, and `--help` lists the commands from their help keys."""
    from shipit.cli.app import app

    if every_command:
        from shipit.cli import entries, history, projects, prompt, remind, stats, steps, sync, transfer  # noqa: F401
    app.names = list(COMMANDS)
    app.register = _register
    # The submodule import bound `shipit.cli.app` to the module: the name is the app.
    globals()["app"] = app
    return app


def __getattr__(name: str) -> object:
    if name == "app":
        return load()
    raise AttributeError(f"module 'shipit.cli' has no attribute {name!r}")


def _version_fast() -> bool:
    """`shipit --version` (or `-V`) alone: the line, without loading the commands. On
    an output error the full command answers instead, with its message and exit code."""
    from shipit import __version__

    try:
        sys.stdout.write(f"shipit {__version__}\n")
        sys.stdout.flush()
    except (OSError, ValueError, AttributeError):  # closed or full stdout: say it properly
        return False
    return True


def main() -> None:
    previous = _install()
    try:
        if sys.argv[1:] in (["--version"], ["-V"]) and _version_fast():
            return
        if sys.argv[1:2] == ["status"]:
            from shipit.cli.status_fast import answer

            if answer(sys.argv[2:]):
                return
        load(every_command=False)()
    except KeyboardInterrupt:  # anywhere outside the boundary
        sys.stderr.write(_interrupted_message())
        sys.exit(130)
    finally:
        if previous is not None and signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:
            signal.signal(signal.SIGINT, previous)
        if _AS_PROGRAM:
            _no_collections_at_exit()
