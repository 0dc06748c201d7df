"""Commands for the prompt cue: status, prompt-init (docs/prompt.md)."""

from typing import Annotated

import typer

from shipit.cli.app import app

SHELL_HELP = "bash, zsh, fish, starship or p10k."


def _shells(incomplete: str) -> list[str]:
    from shipit.views.prompt import SHELLS

    return [s for s in SHELLS if s.startswith(incomplete)]


@app.command("status")
def status_cmd(
    refresh: Annotated[bool, typer.Option("--refresh", help="Recompute the status file from the journal.")] = False,
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON (stable keys, see docs/prompt.md).")] = False,
) -> None:  # fmt: skip
    """Today's cue for a prompt: 🚢12 shipped, ⚠12 not yet (streak 12), nothing when excused.

    Reads the status file next to the journal when it is fresh (fast); see
    'shipit prompt-init' for snippets that read it with shell builtins only.
    """
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


@app.command("prompt-init")
def prompt_init_cmd(
    shell: Annotated[str, typer.Argument(metavar="SHELL", help=SHELL_HELP, autocompletion=_shells)],
) -> None:  # fmt: skip
    """Print a prompt snippet for SHELL (bash, zsh, fish, starship, p10k).

    \b
    bash:     eval "$(shipit prompt-init bash)"       in ~/.bashrc
    zsh:      eval "$(shipit prompt-init zsh)"        in ~/.zshrc
    fish:     shipit prompt-init fish | source        in ~/.config/fish/config.fish
    starship: shipit prompt-init starship >> ~/.config/starship.toml
    p10k:     eval "$(shipit prompt-init p10k)"       in ~/.zshrc, after p10k's line
    """
    import os

    from shipit.domain.errors import InputError
    from shipit.services.status import default_home
    from shipit.views.prompt import SHELLS, snippet

    name = shell.strip().lower()
    if name not in SHELLS:
        raise InputError(f"unknown shell {shell!r}: expected {', '.join(SHELLS)}")
    home = default_home()
    user_home = os.path.expanduser("~")
    if home == user_home or home.startswith(user_home + os.sep):
        home = "$HOME" + home[len(user_home):]
    typer.echo(snippet(name, home), nl=False)
