"""Commands for the prompt cue: status, prompt-init (docs/prompt.md)."""

from typing import Annotated

import typer

from shipit.cli.app import app

SHELL_HELP = "help.prompt_init.shell"


def _shells(incomplete: str) -> list[str]:
    from shipit.views.prompt import SHELLS

    return [s for s in SHELLS if s.startswith(incomplete)]


@app.command("status", help="help.status")
def status_cmd(
    refresh: Annotated[bool, typer.Option("--refresh", help="help.status.refresh")] = False,
    json_output: Annotated[bool, typer.Option("--json", help="help.status.json")] = False,
) -> None:  # fmt: skip
    """Today's cue for a prompt (help text: help.status)."""
    from shipit.domain.prompt import cue
    from shipit.services.status import today_status
    from shipit.views import render

    status = today_status(refresh=refresh)
    if json_output:
        render.print_json(status.to_json() if status is not None else None)
        return
    text = cue(status)
    if text:
        typer.echo(text)


@app.command("prompt-init", help="help.prompt_init")
def prompt_init_cmd(
    shell: Annotated[str, typer.Argument(metavar="SHELL", help=SHELL_HELP, autocompletion=_shells)],
) -> None:  # fmt: skip
    """Print a prompt snippet for SHELL (help text: help.prompt_init)."""
    import os

    from shipit.domain.errors import InputError
    from shipit.services.status import default_home
    from shipit.views.prompt import SHELLS, snippet

    name = shell.strip().lower()
    if name not in SHELLS:
        raise InputError("loop.unknown_shell", shell=shell, shells=", ".join(SHELLS))
    home = default_home()
    user_home = os.path.expanduser("~")
    if home == user_home or home.startswith(user_home + os.sep):
        home = "$HOME" + home[len(user_home):]
    typer.echo(snippet(name, home), nl=False)
