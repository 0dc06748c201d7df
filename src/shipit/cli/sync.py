"""Commands for the PostgreSQL hub: `hub init`, `sync init`, `sync`.

Thin: parse → call shipit.services.sync → render (shipit.views.sync). Only Typer at the
top: psycopg is loaded only when one of these commands runs.
"""

import sys
from typing import Annotated

import typer

from shipit.cli.app import LightGroup, app, no_auto_sync
from shipit.cli.options import journal

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON (keys in docs/sync.md).")]
UrlArg = Annotated[str, typer.Argument(metavar="URL", help="A PostgreSQL URL without a password, e.g. postgresql://ada@db.example.com/team.", show_default=False)]

hub_app = typer.Typer(
    cls=LightGroup, name="hub", invoke_without_command=True, rich_markup_mode=None,
    help="The team's PostgreSQL hub (docs/sync.md).",
    context_settings={"help_option_names": ["-h", "--help"]},
)  # fmt: skip
sync_app = typer.Typer(
    cls=LightGroup, name="sync", invoke_without_command=True, rich_markup_mode=None,
    help="Push this journal's changes to its hub and pull everyone else's (docs/sync.md).",
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


@hub_app.command("init")
def hub_init_cmd(
    url: UrlArg,
    roles: Annotated[bool, typer.Option("--roles", help="Row-level security: each member connects as their own role and may change only their own rows.")] = False,
) -> None:  # fmt: skip
    """Create the hub's tables in a PostgreSQL database, or upgrade them (idempotent).

    \b
    Examples:
      shipit hub init postgresql://admin@db.example.com/team --roles
      shipit hub init "postgresql:///shipit?host=/run/postgresql"
    """
    from shipit.services import sync
    from shipit.views import render

    before, now, roles_on = sync.hub_init(url, roles=roles)
    what = "created" if before == 0 else ("upgraded" if before < now else "already up to date")
    render.out(f"hub {what} (hub schema {now}; roles {'on' if roles_on else 'off'})")


@sync_app.callback()
def sync_root(
    ctx: typer.Context,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Tell what would move; move nothing.")] = False,
    status: Annotated[bool, typer.Option("--status", help="When the last sync was and how many changes wait.")] = False,
    json_output: JsonOpt = False,
) -> None:  # fmt: skip
    """Push every local change since the last sync, pull every hub change since then.

    \b
    Examples:
      shipit sync init postgresql://ada@db.example.com/team
      shipit sync
      shipit sync --status
    """
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


@sync_app.command("init")
def sync_init_cmd(url: UrlArg) -> None:
    """Join this journal to a hub (checks it is one; stores the URL, never a password)."""
    from shipit.services import sync
    from shipit.views import render

    joined = sync.join(journal(), url)
    render.out(f"joined the hub as {joined.author}: run 'shipit sync'")
    if joined.renamed_from:
        render.err(f"On this hub your author name is your PostgreSQL role, {joined.author} "
                   f"(was {joined.renamed_from}); your entries follow.")  # fmt: skip


@app.command("team")
def team_cmd(json_output: JsonOpt = False) -> None:
    """One row per team member: shipped today, streak, this week against the target, last ship.

    Read from this journal's copy of the hub: run 'shipit sync' first for the latest.
    """
    from shipit.services import team
    from shipit.views import render
    from shipit.views import sync as sync_view

    rows = team.team(journal())
    if json_output:
        render.print_json([r.to_json() for r in rows])
        return
    if render.stdout_is_pipe_or_file():  # records, and no Rich to import (docs/performance.md)
        sys.stdout.write(sync_view.team_records(rows))
        return
    render.out(sync_view.team_table(rows))
