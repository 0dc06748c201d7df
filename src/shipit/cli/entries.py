"""Commands for entries: log/ship, today, list, edit, delete, path.

Thin: parse → call a service (shipit.services.journal) → render (shipit.views). No SQL
here, no heavy import at the top.
"""

from typing import Annotated

import typer

from shipit.cli.app import app
from shipit.cli.options import (
    AuthorOpt,
    DateOpt,
    NoPagerOpt,
    PrivateOpt,
    ProjectOpt,
    YesOpt,
    complete_decision,
    complete_entry_id,
    complete_kind,
    complete_outcome,
    complete_project,
    complete_tag,
    confirm,
    confirm_logged,
    journal,
    show_nearest,
    streak_lines,
)

TagOpt = Annotated[
    list[str] | None,
    typer.Option("--tag", "-t", metavar="TAG", help="A tag (repeatable): web, #web or @web. #tags and @tags in the text count too.", autocompletion=complete_tag),
]
NoteOpt = Annotated[str | None, typer.Option("--note", "-n", help="A note to keep with the entry.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON (stable keys, see docs/json.md).")]
TextArg = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="TEXT...",
        help="What you shipped. Several words are joined with spaces. "
        "Text starting with '-' goes after '--'. '-' reads the text from standard input; "
        "no text opens $VISUAL or $EDITOR.",
        show_default=False,
    ),
]



def join_words(words: list[str]) -> str:
    return " ".join(words)


def run_editor(document: str, name: str, refuse: str) -> str:
    """Open `document` in $VISUAL, $EDITOR (or vi on a terminal) and return what was saved.

    Like git: the editor command may hold arguments (`code --wait`); a non-zero exit
    of the editor changes nothing.
    """
    import os
    import shlex
    import subprocess
    import tempfile

    from shipit.domain.errors import InputError, ShipitError
    from shipit.views import render

    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor:
        if not render.is_interactive():
            raise InputError(refuse)
        editor = "vi"
    with tempfile.TemporaryDirectory(prefix="shipit-") as folder:
        path = os.path.join(folder, name)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(document)
        try:
            code = subprocess.run([*shlex.split(editor), path]).returncode
        except OSError as exc:
            raise ShipitError(f"cannot run the editor {editor!r}: {exc.strerror}") from None
        if code != 0:
            raise ShipitError(f"the editor {editor!r} exited with {code}; nothing was changed")
        with open(path, encoding="utf-8") as fh:
            return fh.read()


def text_from_user(text: list[str] | None, note: str | None, kind: str) -> tuple[str, str | None]:
    """The text (and note) of a new entry: the words, '-' for stdin, or the editor."""
    import sys

    from shipit.domain.errors import InputError

    if text == ["-"]:
        value = sys.stdin.read()
        if not value.strip():
            raise InputError("no text on standard input")
        return value.rstrip("\n"), note
    if text:
        return join_words(text), note
    from shipit.domain.editing import new_document, parse_document

    doc = parse_document(run_editor(new_document(kind), f"new-{kind}.txt",
                                    "no text: give TEXT, '-' to read it from standard input, "
                                    "or set $EDITOR to write it there"))  # fmt: skip
    return doc["text"], note if note is not None else (doc.get("note") or None)


@app.command("log", no_args_is_help=False)
def log_cmd(
    text: TextArg = None,
    date: DateOpt = None,
    tag: TagOpt = None,
    note: NoteOpt = None,
    json_output: JsonOpt = False,
    project: ProjectOpt = None,
    private: PrivateOpt = False,
) -> None:
    """Log a ship: something you delivered today (or on --date).

    Tags: write #web or @web in the text, or give --tag web. In bash and zsh an
    unquoted #web starts a comment and is silently lost: quote the text
    ("Fixed the form #web") or write @web, which needs no quotes.

    \b
    Examples:
      shipit log "Published the pricing page #web"
      shipit log Published the pricing page @web
      shipit log --date yesterday "Sent the newsletter" --tag email
      shipit log -- "- fixed the typo in the footer"
      git log -1 --format=%s | shipit log -
      shipit log                   # opens $VISUAL or $EDITOR
    """
    from shipit.views import render

    words, note = text_from_user(text, note, "ship")
    j = journal()
    entry, hist = j.add_with_history("ship", words, when=date, tags=tag or (),
                                     note=note, project=project, private=private)  # fmt: skip
    if json_output:
        render.print_json(entry.to_json())
        return
    confirm_logged(entry, j, verb="Shipped", hist=hist)


@app.command("ship", help="Alias of 'log': record something you delivered.")
def ship_cmd(
    text: TextArg = None,
    date: DateOpt = None,
    tag: TagOpt = None,
    note: NoteOpt = None,
    json_output: JsonOpt = False,
    project: ProjectOpt = None,
) -> None:
    log_cmd(text=text, date=date, tag=tag, note=note, json_output=json_output, project=project)


def show_today(json_output: bool, author: str | None = None) -> None:
    from shipit.views import render

    j = journal(author)
    data, hist = j.glance()
    if json_output:
        render.print_json(data.to_json())
        return
    streak = [] if data.journal_empty else streak_lines(j, hist)
    if render.stdout_is_pipe_or_file():  # records, and no Rich to import (docs/performance.md)
        render.write_today(data, streak)
    else:
        render.out(*render.today_view(data, streak))
    if not data.journal_empty:
        show_nearest(j)


@app.command("today")
def today_cmd(json_output: JsonOpt = False, author: AuthorOpt = None) -> None:
    """Today's entries and whether today is shipped (the default command)."""
    show_today(json_output, author)


@app.command("list")
def list_cmd(
    since: Annotated[str | None, typer.Option("--since", "-s", metavar="WHEN", help="From this day on.")] = None,
    until: Annotated[str | None, typer.Option("--until", "-u", metavar="WHEN", help="Up to this day.")] = None,
    kind: Annotated[str | None, typer.Option("--kind", "-k", help="ship, step or attempt.", autocompletion=complete_kind)] = None,
    tag: Annotated[list[str] | None, typer.Option("--tag", "-t", metavar="TAG", help="Only entries with this tag (repeat: all of them).", autocompletion=complete_tag)] = None,
    search: Annotated[str | None, typer.Option("--search", "-q", help="Only entries whose text, note or lesson contains this (any case).")] = None,
    limit: Annotated[int | None, typer.Option("--limit", "-l", help="At most N entries (newest first).")] = None,
    json_output: JsonOpt = False,
    project: Annotated[str | None, typer.Option("--project", "-P", metavar="NAME", help="Only entries linked to this project.", autocompletion=complete_project)] = None,
    author: AuthorOpt = None,
    no_pager: NoPagerOpt = False,
) -> None:  # fmt: skip
    """List entries, newest first, grouped by day."""
    from shipit.views import render

    filters, entries = journal(author).list(since=since, until=until, kind=kind, tags=tag or (),
                                            search=search, limit=limit, project=project)  # fmt: skip
    if json_output:
        render.print_json([e.to_json() for e in entries])
        return
    if not entries:
        render.err("No entries match." if filters != type(filters)() or project else
                   'No entries yet. Log one: shipit log "what you delivered"')  # fmt: skip
        return
    with render.paged(not no_pager):
        render.out(render.entries_table(entries))
    count = len(entries)
    render.err(f"{count} entr{'y' if count == 1 else 'ies'}", style="dim")


@app.command("tags")
def tags_cmd(json_output: JsonOpt = False, no_pager: NoPagerOpt = False) -> None:
    """Every tag with the number of entries that have it and the day it was last used."""
    from shipit.views import render

    rows = journal().tags()
    if json_output:
        render.print_json([{"tag": t, "entries": n, "last_used": last.isoformat()}
                           for t, n, last in rows])  # fmt: skip
        return
    if not rows:
        render.err('No tags yet. Tag an entry: shipit log "Fixed the form @web"')
        return
    with render.paged(not no_pager):
        render.out(render.tags_table(rows))


@app.command("edit")
def edit_cmd(
    entry_id: Annotated[str, typer.Argument(metavar="ID", help="The id shown by 'shipit list'.", autocompletion=complete_entry_id)],
    text: Annotated[str | None, typer.Option("--text", help="New text.")] = None,
    date: DateOpt = None,
    note: Annotated[str | None, typer.Option("--note", "-n", help="New note ('' removes it).")] = None,
    tag: Annotated[list[str] | None, typer.Option("--tag", "-t", metavar="TAG", help="Replace the tags given with --tag (repeatable); #hashtags follow the text.", autocompletion=complete_tag)] = None,
    clear_tags: Annotated[bool, typer.Option("--clear-tags", help="Remove the tags given with --tag.")] = False,
    outcome: Annotated[str | None, typer.Option("--outcome", metavar="open|succeeded|failed", help="An attempt's outcome.", autocompletion=complete_outcome)] = None,
    lesson: Annotated[str | None, typer.Option("--lesson", "-L", help="An attempt's lesson ('' removes it).")] = None,
    minutes: Annotated[str | None, typer.Option("--minutes", "-m", metavar="N", help="A step's minutes.")] = None,
    decision: Annotated[str | None, typer.Option("--decision", metavar="self|delegate|drop", help="A step's decision ('' removes it).", autocompletion=complete_decision)] = None,
    json_output: JsonOpt = False,
    project: Annotated[str | None, typer.Option("--project", "-P", metavar="NAME", help="Link it to this project ('' unlinks).")] = None,
    private: Annotated[bool | None, typer.Option("--private/--shared", help="Keep it on this machine, or let sync share it again.", show_default=False)] = None,
) -> None:  # fmt: skip
    """Change an entry: text, day, note, tags, and the fields of its kind.

    With no option, opens the entry in $VISUAL or $EDITOR (text, note, then its
    fields); save it unchanged to change nothing, empty the text to abort.
    """
    from rich.text import Text

    from shipit.views import render

    fields = {"text": text, "when": date, "note": note, "tags": tag, "lesson": lesson,
              "outcome": outcome, "minutes": minutes, "decision": decision}  # fmt: skip
    j = journal()
    if all(v is None for v in fields.values()) and not clear_tags and project is None and private is None:
        from shipit.domain.editing import changes, entry_document, parse_document

        old = j.get(entry_id)
        article = "an" if old.kind == "attempt" else "a"
        title = f"Editing entry #{old.id}, {article} {old.kind} of {render.fmt_day(old.day)}."
        doc = parse_document(run_editor(entry_document(old, title), f"entry-{old.id}.txt",
                                        "nothing to change: give --text, --date, --note or "
                                        "--tag, or set $EDITOR to edit the entry in it"))  # fmt: skip
        fields = changes(old, doc)
        if not fields:
            render.err("No change.")
            if json_output:
                render.print_json(old.to_json())
            return
        entry_id = str(old.id)
    entry = j.edit(entry_id, clear_tags=clear_tags, project=project, private=private, **fields)
    if json_output:
        render.print_json(entry.to_json())
        return
    render.out(Text.assemble(("Edited ", "bold"), render.entry_summary(entry)))


@app.command("delete")
def delete_cmd(
    entry_id: Annotated[str, typer.Argument(metavar="ID", help="The id shown by 'shipit list'.", autocompletion=complete_entry_id)],
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
                   refuse=f"not deleting entry #{entry.id} without --yes (no terminal to ask)"):
        render.err("Kept it.")  # the user's choice, not a failure: exit 0
        return
    removed = j.delete(str(entry.id))
    render.out(Text.assemble(("Deleted ", "bold"), render.entry_summary(removed)))
    if j.reopened:
        render.err(f"Project +{j.reopened} is active again: the entry that ended it is gone "
                   "('shipit project ship' or 'project drop' ends it again; 'shipit undo' "
                   "brings the entry back).")  # fmt: skip


@app.command("path")
def path_cmd() -> None:
    """Print the journal file's path ($SHIPIT_HOME/journal.db or the user data folder)."""
    from shipit.services.journal import path

    typer.echo(path())
