"""Commands for entries: log/ship, today, list, edit, delete, path.

Thin: parse → call a service (shipit.services.journal) → render (shipit.views). No SQL
here, no heavy import at the top.
"""

from typing import Annotated

import typer

from shipit.cli.app import app
from shipit.cli.options import AuthorOpt, DateOpt, PrivateOpt, YesOpt, confirm, confirm_logged, journal, streak_line
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


@app.command("log", no_args_is_help=False)
def log_cmd(
    text: TextArg,
    date: DateOpt = None,
    tag: TagOpt = None,
    note: NoteOpt = None,
    json_output: JsonOpt = False,
    private: PrivateOpt = False,
) -> None:
    """Log a ship: something you delivered today (or on --date).

    \b
    Examples:
      shipit log "Published the pricing page #web"
      shipit log --date yesterday "Sent the newsletter" --tag email
      shipit log -- "- fixed the typo in the footer"
    """
    from shipit.views import render

    j = journal()
    entry, hist = j.add_with_history("ship", join_words(text), when=date, tags=tag or (),
                                     note=note, private=private)  # fmt: skip
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


def show_today(json_output: bool, author: str | None = None) -> None:
    from shipit.views import render

    j = journal(author)
    data = j.today_view()
    if json_output:
        render.print_json(data.to_json())
        return
    streak = None if data.journal_empty else streak_line(j)
    render.out(*render.today_view(data, streak))


@app.command("today")
def today_cmd(json_output: JsonOpt = False, author: AuthorOpt = None) -> None:
    """Today's entries and whether today is shipped (the default command)."""
    show_today(json_output, author)


@app.command("list")
def list_cmd(
    since: Annotated[str | None, typer.Option("--since", "-s", metavar="WHEN", help="From this day on.")] = None,
    until: Annotated[str | None, typer.Option("--until", "-u", metavar="WHEN", help="Up to this day.")] = None,
    kind: Annotated[str | None, typer.Option("--kind", "-k", help="ship, step or attempt.")] = None,
    tag: Annotated[list[str] | None, typer.Option("--tag", "-t", help="Only entries with this tag (repeat: all of them).")] = None,
    search: Annotated[str | None, typer.Option("--search", "-q", help="Only entries whose text or note contains this (any case).")] = None,
    limit: Annotated[int | None, typer.Option("--limit", "-l", help="At most N entries (newest first).")] = None,
    json_output: JsonOpt = False,
    author: AuthorOpt = None,
) -> None:  # fmt: skip
    """List entries, newest first, grouped by day."""
    from shipit.views import render

    filters, entries = journal(author).list(since=since, until=until, kind=kind, tags=tag or (),
                                      search=search, limit=limit)  # fmt: skip
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
    private: Annotated[bool | None, typer.Option("--private/--shared", help="Keep it on this machine, or let sync share it again.", show_default=False)] = None,
) -> None:  # fmt: skip
    """Change an entry's text, day, note or tags."""
    from rich.text import Text

    from shipit.views import render

    entry = journal().edit(entry_id, text=text, when=date, note=note, tags=tag,
                           clear_tags=clear_tags, private=private)  # fmt: skip
    if json_output:
        render.print_json(entry.to_json())
        return
    render.out(Text.assemble(("Edited ", "bold"), render.entry_summary(entry)))


@app.command("delete")
def delete_cmd(
    entry_id: Annotated[str, typer.Argument(metavar="ID", help="The id shown by 'shipit list'.")],
    yes: YesOpt = False,
) -> None:  # fmt: skip
    """Delete an entry (asks first; without a terminal, needs --yes). `undo` brings it back."""
    from rich.text import Text

    from shipit.views import render

    j = journal()
    entry = j.get(entry_id)
    if not yes and render.is_interactive():
        render.err(Text.assemble("About to delete ", render.entry_summary(entry)))
    if not confirm("Delete it?", yes=yes,
                   refuse=f"not deleting entry {entry.id} without --yes (no terminal to ask)"):
        render.err("Kept it.")  # the user's choice, not a failure: exit 0
        return
    removed = j.delete(str(entry.id))
    render.out(Text.assemble(("Deleted ", "bold"), render.entry_summary(removed)))


@app.command("path")
def path_cmd() -> None:
    """Print the journal file's path ($SHIPIT_HOME/journal.db or the user data folder)."""
    from shipit.services.journal import path

    typer.echo(path())
