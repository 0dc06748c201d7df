"""`shipit remind`: a nudge (and a desktop notification) when today's streak is at risk."""

from typing import Annotated

import typer

from shipit.cli.app import app


@app.command("remind")
def remind_cmd(
    at: Annotated[str | None, typer.Option("--at", metavar="HH:MM", help="With --install: the time of day (default 20:00).")] = None,
    install: Annotated[bool, typer.Option("--install", help="Remind every day: a systemd user timer, or the crontab line to add.")] = False,
    uninstall: Annotated[bool, typer.Option("--uninstall", help="Remove the daily reminder.")] = False,
) -> int:  # fmt: skip
    """Nudge when today is not shipped yet: a line and a desktop notification.

    Silent when today is shipped or excused. Exit code: 0 shipped or excused, 1 at
    risk, so scripts can use it:  shipit remind || echo "ship something"
    """
    from shipit.domain.errors import InputError
    from shipit.services import remind
    from shipit.views import render

    if install and uninstall:
        raise InputError("give --install or --uninstall, not both")
    if install:
        done = remind.install(at)
        if done.how == "systemd":
            render.out(f"Reminder installed: every day at {done.at} ({done.detail}).")
        else:
            render.err(f"No systemd user session here: add this line with 'crontab -e' "
                       f"(every day at {done.at}):")  # fmt: skip
            typer.echo(done.detail)
        return 0
    if uninstall:
        done = remind.uninstall()
        if done.how == "systemd":
            render.out(f"Reminder removed ({done.detail}).")
        else:
            render.err(f"No systemd timer installed; if you used cron, {done.detail}.")
        return 0
    if at is not None:
        remind.check_at(at)  # a bad --at is refused even here
    state = remind.check()
    if state.state != "at_risk":
        return 0
    from shipit.cli.options import notify

    if state.streak:
        message = f"Your {state.streak}-day streak is at risk: ship something today."
    else:
        message = "Nothing shipped today yet: ship something small."
    render.out(f"⚠ {message}")
    render.err('  shipit log "what you delivered"', style="dim")
    notify("shipit", message)
    return 1
