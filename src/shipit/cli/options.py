"""What every command module shares: option types, the journal, the streak line.

Only Typer (and the domain's date help text) at the top: command modules import this
at start-up, so `--help` and completion stay fast.
"""

from typing import Annotated, Any

import typer

from shipit.domain.dates import WHEN_HELP

DateOpt = Annotated[
    str | None, typer.Option("--date", "-d", metavar="WHEN", help=f"Journal day. {WHEN_HELP}")
]
YesOpt = Annotated[bool, typer.Option("--yes", "-y", help="Do not ask; required when not interactive.")]
PrivateOpt = Annotated[bool, typer.Option("--private", help="Keep it on this machine: sync never sends it.")]
AuthorOpt = Annotated[
    str | None,
    typer.Option("--author", metavar="NAME", help="Another team member's (synced) entries and figures; default: yours."),
]


def journal(author: str | None = None):  # noqa: ANN201  (-> services.journal.Journal)
    """The journal every command works on (services stay out of start-up); its reads
    show `author`'s rows (a team member's), or the journal's own author's."""
    from shipit.services.journal import Journal

    return Journal(author=author)


def streak_line(j, hist=None):  # noqa: ANN001, ANN201  (Journal -> rich Text | None)
    """The streak line that `log` prints and `today` shows (a warning when at risk).

    One grouped query plus skips and settings, unless the caller already read the
    history (`log` does, in its write transaction); None for an empty journal or when
    the figures cannot be read after an entry was committed (reported, not failed: a
    retry would log the entry twice).
    """
    from shipit.domain.errors import ShipitError
    from shipit.views import render, render_stats

    try:
        if hist is None:
            hist = j.history()
    except ShipitError as exc:
        render.err(f"(streak not shown: {exc})", style="dim")
        return None
    if not hist.counts:
        return None
    return render_stats.streak_line(hist.figures(), shipped_today=hist.shipped_today(),
                                    excused_today=hist.excuse(hist.today))  # fmt: skip


def confirm_logged(entry, j, *, verb: str = "Logged", hist=None) -> None:  # noqa: ANN001
    """The one-line confirmation after an entry is written, with the streak."""
    from rich.text import Text

    from shipit.views import render

    line = Text(f"{verb} ", style="bold")
    line.append_text(render.entry_summary(entry))
    render.out(line)
    show_streak(j, hist)


def show_streak(j, hist=None) -> None:  # noqa: ANN001
    from shipit.views import render

    line = streak_line(j, hist)
    if line is not None:
        render.out(line)


def confirm(question: str, *, yes: bool, refuse: str) -> bool:
    """Ask on a terminal; without one, `--yes` is required (InputError `refuse`)."""
    from shipit.domain.errors import InputError
    from shipit.views import render

    if yes:
        return True
    if not render.is_interactive():
        raise InputError(refuse)
    return typer.confirm(question, default=False, err=True)


def print_json(data: Any) -> None:
    from shipit.views import render

    render.print_json(data)
