"""shipit's command line. `main()` is the console script's entry point.

The command modules (and Typer) load when `app` is first used, so `shipit status`, a
prompt's command, can answer from the status file without them (cli.status_fast).
"""

from __future__ import annotations

__all__ = ["app", "main"]


def load():  # noqa: ANN201  (-> typer.Typer; typing stays out of start-up)
    """The Typer app with every command registered."""
    from shipit.cli import entries, history, prompt, remind, stats, steps, transfer  # noqa: F401
    from shipit.cli.app import app

    globals()["app"] = app  # the package attribute `app` is the Typer app, not the module
    return app


def __getattr__(name: str):  # noqa: ANN202
    if name == "app":
        return load()
    raise AttributeError(f"module 'shipit.cli' has no attribute {name!r}")


def main() -> None:
    import sys

    if sys.argv[1:2] == ["status"]:
        from shipit.cli.status_fast import answer

        if answer(sys.argv[2:]):
            return
    load()()
