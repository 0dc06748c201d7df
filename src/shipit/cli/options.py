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
ProjectOpt = Annotated[
    str | None,
    typer.Option("--project", "-P", metavar="NAME",
                 help="Link it to a project (its short name); a +name word in the text does too."),
]  # fmt: skip
YesOpt = Annotated[bool, typer.Option("--yes", "-y", help="Do not ask; required when not interactive.")]
AuthorOpt = Annotated[
    str | None,
    typer.Option("--author", metavar="NAME", help="Another team member's (synced) entries and figures; default: yours."),
]


def journal(author: str | None = None):  # noqa: ANN201  (-> services.journal.Journal)
    """The journal every command works on (services stay out of start-up); its reads
    show `author`'s rows (a team member's), or the journal's own author's."""
    from shipit.services.journal import Journal

    return Journal(author=author)


def streak_line(j, hist=None):  # noqa: ANN001, ANN201  (Journal -> views.line.Line | None)
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
    """The one-line confirmation after an entry is written, with the streak.

    Written without Rich (views.line): `log` is the command people run most."""
    from shipit.views import line, render

    streak = streak_line(j, hist)
    line.write([(f"{verb} ", "bold"), *render.summary_line(entry)],
               *([streak] if streak is not None else []))  # fmt: skip
    show_linked(j)
    show_nearest(j)


def show_linked(j) -> None:  # noqa: ANN001
    """'→ linked to +pricing' after an entry linked to a project."""
    from shipit.views import line

    if getattr(j, "linked", None):
        from shipit.domain.text import safe

        line.write([(safe(f"→ linked to +{j.linked}"), "cyan")])


def show_nearest(j) -> None:  # noqa: ANN001
    """'Pricing page ships in 3 days': the active project that ships soonest, if any."""
    from shipit.services.project_links import nearest_in

    found = j.nearest if getattr(j, "nearest_read", False) else nearest_in(j.store)
    if found is not None:
        from shipit.views import line
        from shipit.views.projects import nearest_line

        line.write(nearest_line(*found))


def show_streak(j, hist=None) -> None:  # noqa: ANN001
    from shipit.views import line

    streak = streak_line(j, hist)
    if streak is not None:
        line.write(streak)


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
