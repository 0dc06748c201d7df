"""Commands for the PostgreSQL hub: `hub init`, `sync init`, `sync`.

Thin: parse → call shipit.services.sync → render (shipit.views.sync). Only Typer at the
top: psycopg is loaded only when one of these commands runs.
"""

import sys
from typing import Annotated

import typer

from shipit.cli.app import LightGroup, app, no_auto_sync
from shipit.cli.options import journal, no_team

JsonOpt = Annotated[bool, typer.Option("--json", help="help.sync.json")]
UrlArg = Annotated[str, typer.Argument(metavar="URL", help="help.sync.url", show_default=False)]

hub_app = typer.Typer(
    cls=LightGroup, name="hub", invoke_without_command=True, rich_markup_mode=None,
    help="help.hub",
    context_settings={"help_option_names": ["-h", "--help"]},
)  # fmt: skip
sync_app = typer.Typer(
    cls=LightGroup, name="sync", invoke_without_command=True, rich_markup_mode=None,
    help="help.sync",
    context_settings={"help_option_names": ["-h", "--help"]},
)  # fmt: skip
app.add_typer(hub_app, name="hub")
app.add_typer(sync_app, name="sync")


@hub_app.callback()
def hub_root(ctx: typer.Context) -> None:
    no_auto_sync()
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit()


@hub_app.command("init", help="help.hub_init")
def hub_init_cmd(
    url: UrlArg,
    roles: Annotated[bool, typer.Option("--roles", help="help.hub_init.roles")] = False,
) -> None:  # fmt: skip
    """Create or upgrade the hub's tables (help text: help.hub_init)."""
    from shipit.i18n import t
    from shipit.services import sync
    from shipit.views import render

    made = sync.hub_init(url, roles=roles)
    key = ("sync.hub_created" if made.before == 0 else
           "sync.hub_upgraded" if made.before < made.version else
           "sync.hub_roles_turned_on" if made.roles_turned_on else "sync.hub_up_to_date")  # fmt: skip
    roles_word = t("sync.roles_on" if made.roles else "sync.roles_off")
    render.out(t(key, version=made.version, roles=roles_word))


@sync_app.callback()
def sync_root(
    ctx: typer.Context,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="help.sync.dry_run")] = False,
    status: Annotated[bool, typer.Option("--status", help="help.sync.status")] = False,
    json_output: JsonOpt = False,
) -> None:  # fmt: skip
    """Push local changes, pull the hub's (help text: help.sync)."""
    no_auto_sync()  # these commands talk to the hub themselves
    if ctx.invoked_subcommand is not None:
        return
    from shipit.services import sync
    from shipit.views import render
    from shipit.views import sync as sync_view
    from shipit.views.line import write

    if status:
        st = sync.status(journal())
        if json_output:
            render.print_json(st.to_json())
        else:
            render.out("\n".join(sync_view.status_lines(st)))
        return
    report = sync.sync(journal(), dry_run=dry_run)
    if json_output:
        render.print_json(report.to_json())
    else:  # one plain line: no Rich to load for it
        write([(sync_view.sync_line(report), "")])


@sync_app.command("init", help="help.sync_init")
def sync_init_cmd(url: UrlArg) -> None:
    """Join this journal to a hub (help text: help.sync_init)."""
    from shipit.i18n import t
    from shipit.services import sync
    from shipit.views import render

    joined = sync.join(journal(), url)
    render.out(t("sync.joined", author=joined.author))
    if joined.renamed_from:
        render.err(t("sync.renamed", author=joined.author, was=joined.renamed_from))


@app.command("team", help="help.team")
def team_cmd(json_output: JsonOpt = False) -> None:
    """One row per team member (help text: help.team)."""
    from shipit.services import team
    from shipit.views import render
    from shipit.views import sync as sync_view

    rows = team.team(journal())
    if rows is None:  # not joined: as `week --team` says (exit 1)
        raise no_team()
    if json_output:
        render.print_json([r.to_json() for r in rows])
        return
    if render.stdout_is_pipe_or_file():  # records, and no Rich to import (docs/performance.md)
        sys.stdout.write(sync_view.team_records(rows))
        return
    render.out(sync_view.team_table(rows))
