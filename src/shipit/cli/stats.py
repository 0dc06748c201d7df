"""Commands for the figures: stats, week, calendar, config, skip.

Thin: parse → call a service (shipit.services) → render (shipit.views.render_stats).
Only Typer at the top: `--help` stays fast.
"""

import sys
from typing import Annotated

import typer

from shipit.cli.app import app
from shipit.cli.options import SYNC_HELP, AuthorOpt, no_team, complete_config_key, complete_config_value, complete_tag, journal
from shipit.domain.dates import WHEN_HELP

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON (keys in docs/figures.md).")]

# `shipit week -1` and `shipit skip -2`: a WHEN of the form -N is a day, not an option.
# Unknown options reach the command as WHEN and are refused there by name.
WHEN_ARGS = {"ignore_unknown_options": True}


def when_arg(value: str | None) -> str | None:
    """Refuse an option-like WHEN that is not -N (a mistyped option, say)."""
    import re

    from shipit.domain.errors import InputError

    if value is not None and value.startswith("-") and not re.fullmatch(r"-\d{1,6}", value):
        raise InputError(f"no such option: {value}")
    return value


@app.command("stats")
def stats_cmd(
    tag: Annotated[str | None, typer.Option("--tag", "-t", metavar="TAG", help="The figures of the entries with this tag.", autocompletion=complete_tag)] = None,
    since: Annotated[str | None, typer.Option("--since", "-s", metavar="WHEN", help="Only entries from this day on.")] = None,
    until: Annotated[str | None, typer.Option("--until", "-u", metavar="WHEN", help="Only entries up to this day; the figures are as of it.")] = None,
    json_output: JsonOpt = False,
    author: AuthorOpt = None,
) -> None:  # fmt: skip
    """Streaks, weekly streak, consistency, score and totals (docs/figures.md).

    \b
    Examples:
      shipit stats
      shipit stats --tag web
      shipit stats --since "last month" --until "last month"
    """
    from shipit.views import render, render_stats

    from shipit.services.projects import Projects

    j = journal(author)
    sliced = tag is not None or since is not None or until is not None
    if sliced:
        from shipit.services.figures import sliced_history

        hist = sliced_history(j, tag=tag, since=since, until=until)
    else:
        hist = j.history()
    figs = hist.figures()
    projects = Projects(j).figures()  # {"projects": {}} without any project: not shown
    if json_output:
        data = figs.to_json()
        if sliced:
            data["slice"] = {"tag": tag and tag.strip().lstrip("#@").lower(), "since": since,
                             "until": until}  # fmt: skip
        if projects["projects"]:
            data["projects"] = projects
        render.print_json(data)
        return
    from shipit.views import line
    from shipit.views.projects import across_lines

    title, rows = render_stats.stats_rows(
        figs, hist.settings.as_strings()["rest_days"], len(hist.skips),
        slice_label=render_stats.slice_label(tag, since, until) if sliced else None,
        missed=hist.missed_days(),
    )  # fmt: skip
    lines = across_lines(projects) if projects["projects"] else []
    if render.stdout_is_pipe_or_file():  # records, and no Rich to import (docs/performance.md)
        sys.stdout.write(render_stats.stats_records(title, rows))
        line.write(*lines)
    else:
        render.out(render_stats.stats_panel(title, rows), *(line.as_text(x) for x in lines))


@app.command("week", context_settings=WHEN_ARGS)
def week_cmd(
    when: Annotated[str | None, typer.Argument(metavar="[WHEN]", help=f"A day in the week to review (default today). {WHEN_HELP}", show_default=False)] = None,
    weeks: Annotated[int | None, typer.Option("--weeks", "-w", metavar="N", help="A table of the N weeks up to that week.")] = None,
    json_output: JsonOpt = False,
    author: AuthorOpt = None,
    team: Annotated[bool, typer.Option("--team", help="The whole team's week from the hub's rows synced here (docs/sync.md).")] = False,
) -> None:  # fmt: skip
    """Review an ISO week (Monday to Sunday): each day, shipped days vs target, the streak.

    \b
    Examples:
      shipit week
      shipit week "last monday"
      shipit week --weeks 8
      shipit week --team
    """
    from shipit.services import review
    from shipit.views import render, render_stats

    when = when_arg(when)
    if team:
        _team_week(when, weeks, author, json_output)
        return
    j = journal(author)
    if weeks is not None:
        data = review.week_table(j, when, weeks)
        if json_output:
            render.print_json(data.to_json())
            return
        render.out(render_stats.week_table(data))
        return
    week = review.week_review(j, when)
    if json_output:
        render.print_json(week.to_json())
        return
    render.out(*render_stats.week_view(week))


def _team_week(when: str | None, weeks: int | None, author: str | None, json_output: bool) -> None:
    from shipit.services import team
    from shipit.views import render
    from shipit.views import sync as sync_view
    from shipit.domain.errors import InputError

    if weeks is not None or author is not None:
        raise InputError("--team shows every member's week: leave out --weeks and --author")
    data = team.team_week(journal(), when)
    if data is None:
        raise no_team()
    if json_output:
        render.print_json(data.to_json())
        return
    render.out(*sync_view.team_week_view(data))


@app.command("calendar")
def calendar_cmd(
    year: Annotated[int | None, typer.Option("--year", "-y", metavar="YYYY", help="One calendar year.")] = None,
    weeks: Annotated[int | None, typer.Option("--weeks", "-w", metavar="N", help="The last N weeks (default 53, at most 75).")] = None,
    author: AuthorOpt = None,
) -> None:  # fmt: skip
    """A heatmap of shipped days, shaded by number of ships; excused days marked '-'."""
    from shipit.services import review
    from shipit.views import render, render_stats

    cal = review.calendar(journal(author), year=year, weeks=weeks)
    render.out(*render_stats.calendar_view(cal))


@app.command("config")
def config_cmd(
    key: Annotated[str | None, typer.Argument(metavar="[KEY]", help="day_starts_at, rest_days, weekly_target, author, sync.auto or sync.timeout.", show_default=False, autocompletion=complete_config_key)] = None,
    value: Annotated[str | None, typer.Argument(metavar="[VALUE]", help="The new value.", show_default=False, autocompletion=complete_config_value)] = None,
    json_output: JsonOpt = False,
) -> None:  # fmt: skip
    """Show all settings, show one, or set one. Settings live in the journal.

    \b
    Examples:
      shipit config
      shipit config rest_days sat,sun
      shipit config rest_days none
      shipit config weekly_target 4
      shipit config day_starts_at 04:00
      shipit config author ada
      shipit config sync.auto on
    """
    from shipit.views import render, render_stats
    from shipit.domain.errors import InputError
    from shipit.domain.settings import DEFAULTS, DESCRIPTIONS, json_values

    j = journal()
    name = None if key is None else key.strip().lower().replace("-", "_")
    if name in SYNC_HELP:
        _config_sync(j, name, value, json_output)
        return
    if name == "author":
        author = j.own_author() if value is None else j.set_author(value)
        if json_output:
            render.print_json({"author": author})
        else:
            typer.echo(author) if value is None else render.out(f"author = {author}")
        return
    if key is None:
        from shipit.domain.settings import SYNC_DEFAULTS

        values = {**j.raw_settings(), "author": j.own_author(), **j.sync_settings()}
        DEFAULTS = {**DEFAULTS, "author": "(login name)", **SYNC_DEFAULTS}  # noqa: N806
        DESCRIPTIONS = {**DESCRIPTIONS, "author": "whose entries this journal's are (sync, team)",  # noqa: N806
                        **SYNC_HELP}  # fmt: skip
        if json_output:
            render.print_json(json_values(values))
            return
        render.out(render_stats.config_table(values, DEFAULTS, DESCRIPTIONS))
        return
    if name not in DEFAULTS:
        known = ", ".join([*DEFAULTS, "author", *SYNC_HELP])
        raise InputError(f"unknown setting {key!r}: known settings are {known}")
    if value is None:
        current = j.raw_settings()[name]
        if json_output:
            render.print_json(json_values({name: current}))
        else:
            typer.echo(current)
        return
    canonical = j.set_setting(name, value)
    if json_output:
        render.print_json(json_values({name: canonical}))
        return
    render.out(f"{name} = {canonical}")
    if name == "day_starts_at":
        render.err("Entries already logged keep their day; the new start applies from now on.",
                   style="dim")  # fmt: skip


def _config_sync(j, name: str, value: str | None, json_output: bool) -> None:  # noqa: ANN001
    """`config sync.auto [on|off]`, `config sync.timeout [SECONDS]`."""
    from shipit.views import render
    from shipit.domain.errors import InputError
    from shipit.domain.settings import parse_sync_value

    if value is None:
        current = j.sync_settings()[name]
    else:
        if parse_sync_value(name, value) is None:
            if name == "sync.auto":
                raise InputError(f"invalid sync.auto {value!r}: expected on or off")
            raise InputError(f"invalid sync.timeout {value!r}: expected seconds, 2 to 60")
        current = j.set_setting(name, value)
    if json_output:
        render.print_json({name: current})
    elif value is None:
        typer.echo(current)
    else:
        render.out(f"{name} = {current}")


@app.command("skip", context_settings=WHEN_ARGS)
def skip_cmd(
    when: Annotated[str | None, typer.Argument(metavar="[WHEN]", help=f"The day to excuse (default today); may be up to a year ahead. {WHEN_HELP}", show_default=False)] = None,
    until: Annotated[str | None, typer.Option("--until", "-u", metavar="WHEN", help="Excuse (or remove) every day up to this one too.")] = None,
    reason: Annotated[str | None, typer.Option("--reason", "-r", help="Why (vacation, illness).")] = None,
    list_: Annotated[bool, typer.Option("--list", "-l", help="List the skip days.")] = False,
    remove: Annotated[str | None, typer.Option("--remove", metavar="WHEN", help="Remove the skip on this day (to --until).")] = None,
    json_output: JsonOpt = False,
) -> None:  # fmt: skip
    """Excuse days (vacation, illness): they neither break nor extend a streak.

    \b
    Examples:
      shipit skip --reason "flu"
      shipit skip 2026-12-24 --until 2027-01-01 --reason "holidays"
      shipit skip --list
      shipit skip --remove 2026-12-31
    """
    from shipit.services import review
    from shipit.views import render, render_stats
    from shipit.domain.errors import InputError

    when = when_arg(when)
    j = journal()
    if list_:
        if when is not None or until is not None or reason is not None or remove is not None:
            raise InputError("--list takes no day, --until, --reason or --remove")
        ranges = review.skip_ranges(j)
        if json_output:
            render.print_json([r.to_json() for r in ranges])
            return
        if not ranges:
            render.err("No skip days. Excuse a day with: shipit skip [WHEN] --reason TEXT")
            return
        render.out(render_stats.skip_list(ranges, j.today()))
        return
    if remove is not None:
        if when is not None or reason is not None:
            raise InputError("--remove takes a day and --until, not WHEN or --reason")
        change = review.remove_skips(j, remove, until)
    else:
        change = review.add_skips(j, when, until, reason)
    if json_output:
        render.print_json({
            "start": change.start.isoformat(), "end": change.end.isoformat(),
            "added": max(change.added, 0), "removed": max(-change.added, 0),
            "already_skipped": change.kept, "reason": change.reason,
        })  # fmt: skip
        return
    render.out(render_stats.skip_change(change))
