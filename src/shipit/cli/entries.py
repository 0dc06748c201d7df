"""Commands for entries: log/ship, today, list, edit, delete, undo, path.

Thin: parse → call the domain → render. No SQL here, no heavy import at the top.
"""

from typing import Annotated

import typer

from shipit.cli.app import app, journal
from shipit.dates import WHEN_HELP

DateOpt = Annotated[
    str | None, typer.Option("--date", "-d", metavar="WHEN", help=f"Journal day. {WHEN_HELP}")
]
TagOpt = Annotated[
    list[str] | None,
    typer.Option("--tag", "-t", metavar="TAG", help="A tag (repeatable). #hashtags in the text count too."),
]
NoteOpt = Annotated[str | None, typer.Option("--note", "-n", help="A note to keep with the entry.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON (stable keys, see docs/json.md).")]
TextArg = Annotated[
    list[str],
    typer.Argument(
        metavar="TEXT...",
        help="What you shipped. Several words are joined with spaces. "
        "Text starting with '-' goes after '--'.",
        show_default=False,
    ),
]



def join_words(words: list[str]) -> str:
    return " ".join(words)


def confirm_logged(entry, j, *, verb: str = "Logged", hist=None) -> None:  # noqa: ANN001
    """The one-line confirmation after an entry is written, with the streak."""
    from rich.text import Text

    from shipit import render

    line = Text(f"{verb} ", style="bold")
    line.append_text(render.entry_summary(entry))
    render.out(line)
    streak = streak_line(j, hist)
    if streak is not None:
        render.out(streak)


def streak_line(j, hist=None):  # noqa: ANN001, ANN201
    """A short streak line, or None before figures exist for this journal."""
    from shipit import render
    from shipit.cli.stats import streak_summary
    from shipit.errors import ShipitError

    try:
        return streak_summary(j, hist)
    except ShipitError as exc:
        # Figures read after the entry was committed (steps, attempts): report, but
        # do not fail the command, since a retry would log it twice. `log` reads them
        # inside its own write transaction instead.
        render.err(f"(streak not shown: {exc})", style="dim")
        return None


@app.command("log", no_args_is_help=False)
def log_cmd(
    text: TextArg,
    date: DateOpt = None,
    tag: TagOpt = None,
    note: NoteOpt = None,
    json_output: JsonOpt = False,
) -> None:
    """Log a ship: something you delivered today (or on --date).

    \b
    Examples:
      shipit log "Published the pricing page #web"
      shipit log --date yesterday "Sent the newsletter" --tag email
      shipit log -- "- fixed the typo in the footer"
    """
    from shipit import render

    from shipit.figures import add_with_history

    j = journal()
    entry, hist = add_with_history(j, "ship", join_words(text), when=date, tags=tag or (),
                                   note=note)  # fmt: skip
    if json_output:
        render.print_json(entry.to_json())
        return
    confirm_logged(entry, j, verb="Shipped", hist=hist)


@app.command("ship", help="Alias of 'log': record something you delivered.")
def ship_cmd(
    text: TextArg,
    date: DateOpt = None,
    tag: TagOpt = None,
    note: NoteOpt = None,
    json_output: JsonOpt = False,
) -> None:
    log_cmd(text=text, date=date, tag=tag, note=note, json_output=json_output)


def show_today(json_output: bool) -> None:
    from shipit import render

    j = journal()
    data = j.today_view()
    if json_output:
        render.print_json(data.to_json())
        return
    streak = None if data.journal_empty else streak_line(j)
    render.out(*render.today_view(data, streak))


@app.command("today")
def today_cmd(json_output: JsonOpt = False) -> None:
    """Today's entries and whether today is shipped (the default command)."""
    show_today(json_output)


@app.command("list")
def list_cmd(
    since: Annotated[str | None, typer.Option("--since", "-s", metavar="WHEN", help="From this day on.")] = None,
    until: Annotated[str | None, typer.Option("--until", "-u", metavar="WHEN", help="Up to this day.")] = None,
    kind: Annotated[str | None, typer.Option("--kind", "-k", help="ship, step or attempt.")] = None,
    tag: Annotated[list[str] | None, typer.Option("--tag", "-t", help="Only entries with this tag (repeat: all of them).")] = None,
    search: Annotated[str | None, typer.Option("--search", "-q", help="Only entries whose text or note contains this (any case).")] = None,
    limit: Annotated[int | None, typer.Option("--limit", "-l", help="At most N entries (newest first).")] = None,
    json_output: JsonOpt = False,
) -> None:  # fmt: skip
    """List entries, newest first, grouped by day."""
    from shipit import render
    from shipit.journal import parse_filters

    j = journal()
    filters = parse_filters(j, since=since, until=until, kind=kind, tags=tag or (),
                            search=search, limit=limit)  # fmt: skip
    entries = j.query(filters)
    if json_output:
        render.print_json([e.to_json() for e in entries])
        return
    if not entries:
        render.err("No entries match." if filters != type(filters)() else
                   'No entries yet. Log one: shipit log "what you delivered"')  # fmt: skip
        return
    render.out(render.entries_table(entries))
    count = len(entries)
    render.err(f"{count} entr{'y' if count == 1 else 'ies'}", style="dim")


@app.command("edit")
def edit_cmd(
    entry_id: Annotated[str, typer.Argument(metavar="ID", help="The id shown by 'shipit list'.")],
    text: Annotated[str | None, typer.Option("--text", help="New text.")] = None,
    date: DateOpt = None,
    note: Annotated[str | None, typer.Option("--note", "-n", help="New note ('' removes it).")] = None,
    tag: Annotated[list[str] | None, typer.Option("--tag", "-t", help="Replace the tags given with --tag (repeatable); #hashtags follow the text.")] = None,
    clear_tags: Annotated[bool, typer.Option("--clear-tags", help="Remove the tags given with --tag.")] = False,
    json_output: JsonOpt = False,
) -> None:  # fmt: skip
    """Change an entry's text, day, note or tags."""
    from rich.text import Text

    from shipit import render

    entry = journal().edit(entry_id, text=text, when=date, note=note, tags=tag,
                           clear_tags=clear_tags)  # fmt: skip
    if json_output:
        render.print_json(entry.to_json())
        return
    render.out(Text.assemble(("Edited ", "bold"), render.entry_summary(entry)))


@app.command("delete")
def delete_cmd(
    entry_id: Annotated[str, typer.Argument(metavar="ID", help="The id shown by 'shipit list'.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask; required when not interactive.")] = False,
) -> None:  # fmt: skip
    """Delete an entry (asks first; without a terminal, needs --yes)."""
    from rich.text import Text

    from shipit import render
    from shipit.errors import InputError

    j = journal()
    entry = j.get(entry_id)
    if not yes:
        if not render.is_interactive():
            raise InputError(f"not deleting entry {entry.id} without --yes (no terminal to ask)")
        render.err(Text.assemble("About to delete ", render.entry_summary(entry)))
        if not typer.confirm("Delete it?", default=False, err=True):
            render.err("Kept it.")  # the user's choice, not a failure: exit 0
            return
    removed = j.delete(str(entry.id))
    render.out(Text.assemble(("Deleted ", "bold"), render.entry_summary(removed)))


@app.command("undo")
def undo_cmd(json_output: JsonOpt = False) -> None:
    """Remove the most recently added entry, showing what it removed."""
    from rich.text import Text

    from shipit import render

    removed = journal().undo()
    if json_output:
        render.print_json(removed.to_json())
        return
    render.out(Text.assemble(("Removed ", "bold"), render.entry_summary(removed)))


@app.command("path")
def path_cmd() -> None:
    """Print the journal file's path ($SHIPIT_HOME/journal.db or the user data folder)."""
    from shipit.store import journal_path

    typer.echo(str(journal_path()))
