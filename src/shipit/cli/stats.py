"""Commands for the figures: stats, week, calendar, config, skip.

Thin: parse → call a service (shipit.services) → render (shipit.views.render_stats).
Only Typer at the top: `--help` stays fast.
"""

import sys
from typing import Annotated

import typer

from shipit.cli.app import app
from shipit.cli.options import SYNC_HELP, AuthorOpt, complete_config_key, complete_config_value, complete_tag, journal, no_team
JsonOpt = Annotated[bool, typer.Option("--json", help="help.stats.json")]

# `shipit week -1` and `shipit skip -2`: a WHEN of the form -N is a day, not an option.
# Unknown options reach the command as WHEN and are refused there by name.
WHEN_ARGS = {"ignore_unknown_options": True}


def when_arg(value: str | None) -> str | None:
    """Refuse an option-like WHEN that is not -N (a mistyped option, say)."""
    import re

    from shipit.domain.errors import InputError

    if value is not None and value.startswith("-") and not re.fullmatch(r"-\d{1,6}", value):
        raise InputError("stats.no_such_option", value=value)
    return value


@app.command("stats", help="help.stats")
def stats_cmd(
    tag: Annotated[str | None, typer.Option("--tag", "-t", metavar="TAG", help="help.stats.tag", autocompletion=complete_tag)] = None,
    since: Annotated[str | None, typer.Option("--since", "-s", metavar="WHEN", help="help.stats.since")] = None,
    until: Annotated[str | None, typer.Option("--until", "-u", metavar="WHEN", help="help.stats.until")] = None,
    json_output: JsonOpt = False,
    author: AuthorOpt = None,
) -> None:  # fmt: skip
    """Streaks, weekly streak, consistency, score and totals (docs/figures.md)."""
    from shipit.views import render, render_stats

    j = journal(author)
    sliced = tag is not None or since is not None or until is not None
    if sliced:
        from shipit.services.figures import sliced_history

        hist = sliced_history(j, tag=tag, since=since, until=until)
    else:
        hist = j.history()
    figs = hist.figures()
    projects: dict = {"projects": {}}  # without any project: not shown
    if j.has_projects():  # else the projects machinery is not even imported (~9 ms)
        from shipit.services.projects import Projects

        projects = Projects(j).figures()
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

    title, rows = render_stats.stats_rows(
        figs, hist.settings.as_strings()["rest_days"], len(hist.skips),
        slice_label=render_stats.slice_label(tag, since, until) if sliced else None,
        missed=hist.missed_days(),
    )  # fmt: skip
    lines = []
    if projects["projects"]:
        from shipit.views.projects import across_lines

        lines = across_lines(projects)
    if render.stdout_is_pipe_or_file():  # records, and no Rich to import (docs/performance.md)
        sys.stdout.write(render_stats.stats_records(title, rows))
        line.write(*lines)
    else:
        render.out(render_stats.stats_panel(title, rows), *(line.as_text(x) for x in lines))


@app.command("week", context_settings=WHEN_ARGS, help="help.week")
def week_cmd(
    when: Annotated[str | None, typer.Argument(metavar="[WHEN]", help="help.week.when", show_default=False)] = None,
    weeks: Annotated[int | None, typer.Option("--weeks", "-w", metavar="N", help="help.week.weeks")] = None,
    json_output: JsonOpt = False,
    author: AuthorOpt = None,
    team: Annotated[bool, typer.Option("--team", help="help.week.team")] = False,
) -> None:  # fmt: skip
    """Review an ISO week (Monday to Sunday): each day, shipped days vs target, the streak."""
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


@app.command("calendar", help="help.calendar")
def calendar_cmd(
    year: Annotated[int | None, typer.Option("--year", "-y", metavar="YYYY", help="help.calendar.year")] = None,
    weeks: Annotated[int | None, typer.Option("--weeks", "-w", metavar="N", help="help.calendar.weeks")] = None,
    author: AuthorOpt = None,
) -> None:  # fmt: skip
    """A heatmap of shipped days, shaded by number of ships; excused days marked '-'."""
    from shipit.services import review
    from shipit.views import render, render_stats

    cal = review.calendar(journal(author), year=year, weeks=weeks)
    render.out(*render_stats.calendar_view(cal))


@app.command("config", help="help.config")
def config_cmd(
    key: Annotated[str | None, typer.Argument(metavar="[KEY]", help="help.config.key", show_default=False, autocompletion=complete_config_key)] = None,
    value: Annotated[str | None, typer.Argument(metavar="[VALUE]", help="help.config.value", show_default=False, autocompletion=complete_config_value)] = None,
    json_output: JsonOpt = False,
) -> None:  # fmt: skip
    """Show all settings, show one, or set one. Settings live in the journal."""
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
        DESCRIPTIONS = {**DESCRIPTIONS, "author": "stats.setting.author", **SYNC_HELP}  # noqa: N806
        if json_output:
            render.print_json(json_values(values))
            return
        render.out(render_stats.config_table(values, DEFAULTS, DESCRIPTIONS))
        return
    if name not in DEFAULTS:
        raise InputError("stats.unknown_setting", key=key,
                         known=", ".join([*DEFAULTS, "author", *SYNC_HELP]))  # fmt: skip
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
        from shipit.i18n import t

        render.err(t("stats.day_start_note"), style="dim")


def _config_sync(j, name: str, value: str | None, json_output: bool) -> None:  # noqa: ANN001
    """`config sync.auto [on|off]`, `config sync.timeout [SECONDS]`."""
    from shipit.views import render

    if value is None:
        current = j.sync_settings()[name]
    else:
        current = j.set_setting(name, value)  # refuses a bad value (domain.settings)
    if json_output:
        render.print_json({name: current})
    elif value is None:
        typer.echo(current)
    else:
        render.out(f"{name} = {current}")


@app.command("skip", context_settings=WHEN_ARGS, help="help.skip")
def skip_cmd(
    when: Annotated[str | None, typer.Argument(metavar="[WHEN]", help="help.skip.when", show_default=False)] = None,
    until: Annotated[str | None, typer.Option("--until", "-u", metavar="WHEN", help="help.skip.until")] = None,
    reason: Annotated[str | None, typer.Option("--reason", "-r", help="help.skip.reason")] = None,
    list_: Annotated[bool, typer.Option("--list", "-l", help="help.skip.list")] = False,
    remove: Annotated[str | None, typer.Option("--remove", metavar="WHEN", help="help.skip.remove")] = None,
    json_output: JsonOpt = False,
) -> None:  # fmt: skip
    """Excuse days (vacation, illness): they neither break nor extend a streak."""
    from shipit.services import review
    from shipit.views import render, render_stats
    from shipit.domain.errors import InputError

    when = when_arg(when)
    j = journal()
    if list_:
        if when is not None or until is not None or reason is not None or remove is not None:
            raise InputError("stats.list_alone")
        ranges = review.skip_ranges(j)
        if json_output:
            render.print_json([r.to_json() for r in ranges])
            return
        if not ranges:
            from shipit.i18n import t

            render.err(t("stats.no_skips"))
            return
        render.out(render_stats.skip_list(ranges, j.today()))
        return
    if remove is not None:
        if when is not None or reason is not None:
            raise InputError("stats.remove_alone")
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
