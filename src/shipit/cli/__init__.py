"""shipit's command line. `main()` is the console script's entry point."""

from __future__ import annotations

from shipit.cli import entries, history, stats, steps, sync, transfer  # noqa: F401  (registers commands)
from shipit.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    app()
