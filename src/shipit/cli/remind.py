"""`shipit remind`: a nudge (and a desktop notification) when today's streak is at risk."""

from typing import Annotated

import typer

from shipit.cli.app import app


@app.command("remind", help="help.remind")
def remind_cmd(
    at: Annotated[str | None, typer.Option("--at", metavar="HH:MM", help="help.remind.at")] = None,
    install: Annotated[bool, typer.Option("--install", help="help.remind.install")] = False,
    uninstall: Annotated[bool, typer.Option("--uninstall", help="help.remind.uninstall")] = False,
) -> int:  # fmt: skip
    """Nudge when today is not shipped yet (help text: help.remind)."""
    from shipit.domain.errors import InputError
    from shipit.i18n import t
    from shipit.services import remind
    from shipit.views import render

    if install and uninstall:
        raise InputError("loop.install_or_uninstall")
    if install:
        done = remind.install(at)
        if done.how == "systemd":
            render.out(t("loop.reminder_installed", at=done.at, detail=done.detail))
        else:
            render.err(t("loop.add_crontab_line", at=done.at))
            typer.echo(done.detail)
        return 0
    if uninstall:
        done = remind.uninstall()
        if done.how == "systemd":
            render.out(t("loop.reminder_removed", detail=done.detail))
        else:
            render.err(t("loop.no_timer_installed"))
        return 0
    if at is not None:
        remind.check_at(at)  # a bad --at is refused even here
    state = remind.check()
    if state.state != "at_risk":
        return 0
    from shipit.cli.options import notify

    if state.streak:
        message = t("loop.streak_at_risk", n=state.streak)
    else:
        message = t("loop.nothing_shipped_yet")
    render.out(f"⚠ {message}")
    render.err(t("loop.log_hint"), style="dim")
    notify("shipit", message)
    return 1
