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
    show_private,
    journal,
    show_nearest,
    streak_lines,
)

TagOpt = Annotated[
    list[str] | None,
    typer.Option("--tag", "-t", metavar="TAG", help="help.tag", autocompletion=complete_tag),
]
NoteOpt = Annotated[str | None, typer.Option("--note", "-n", help="help.note")]
JsonOpt = Annotated[bool, typer.Option("--json", help="help.json")]
TextArg = Annotated[
    list[str] | None,
    typer.Argument(metavar="TEXT...", help="help.text", show_default=False),
]
# Help texts are message keys, worded when --help is shown: shipit/i18n/<lang>/help.py.



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
            raise ShipitError("entries.editor_failed", editor=editor, reason=exc.strerror) from None
        if code != 0:
            raise ShipitError("entries.editor_exit", editor=editor, code=code)
        with open(path, encoding="utf-8") as fh:
            return fh.read()


def text_from_user(text: list[str] | None, note: str | None, kind: str) -> tuple[str, str | None]:
    """The text (and note) of a new entry: the words, '-' for stdin, or the editor."""
    import sys

    from shipit.domain.errors import InputError

    if text == ["-"]:
        value = sys.stdin.read()
        if not value.strip():
            raise InputError("entries.no_stdin_text")
        return value.rstrip("\n"), note
    if text:
        return join_words(text), note
    from shipit.domain.editing import new_document, parse_document

    doc = parse_document(run_editor(new_document(kind), f"new-{kind}.txt",
                                    "entries.log_needs_text"))  # fmt: skip
    return doc["text"], note if note is not None else (doc.get("note") or None)


@app.command("log", no_args_is_help=False, help="help.log")
def log_cmd(
    text: TextArg = None,
    date: DateOpt = None,
    tag: TagOpt = None,
    note: NoteOpt = None,
    json_output: JsonOpt = False,
    project: ProjectOpt = None,
    private: PrivateOpt = False,
) -> None:
    """Log a ship (help: help.log)."""
    from shipit.views import render

    words, note = text_from_user(text, note, "ship")
    j = journal()
    entry, hist = j.add_with_history("ship", words, when=date, tags=tag or (),
                                     note=note, project=project, private=private)  # fmt: skip
    if json_output:
        render.print_json(entry.to_json())
        return
    confirm_logged(entry, j, verb="entries.verb_shipped", hist=hist)
    show_private(private)


@app.command("ship", help="help.ship")
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


@app.command("today", help="help.today")
def today_cmd(json_output: JsonOpt = False, author: AuthorOpt = None) -> None:
    """Today's entries and whether today is shipped (the default command)."""
    show_today(json_output, author)


@app.command("list", help="help.list")
def list_cmd(
    since: Annotated[str | None, typer.Option("--since", "-s", metavar="WHEN", help="help.list.since")] = None,
    until: Annotated[str | None, typer.Option("--until", "-u", metavar="WHEN", help="help.list.until")] = None,
    kind: Annotated[str | None, typer.Option("--kind", "-k", help="help.list.kind", autocompletion=complete_kind)] = None,
    tag: Annotated[list[str] | None, typer.Option("--tag", "-t", metavar="TAG", help="help.list.tag", autocompletion=complete_tag)] = None,
    search: Annotated[str | None, typer.Option("--search", "-q", help="help.list.search")] = None,
    limit: Annotated[int | None, typer.Option("--limit", "-l", help="help.list.limit")] = None,
    json_output: JsonOpt = False,
    project: Annotated[str | None, typer.Option("--project", "-P", metavar="NAME", help="help.list.project", autocompletion=complete_project)] = None,
    author: AuthorOpt = None,
    no_pager: NoPagerOpt = False,
) -> None:  # fmt: skip
    """List entries, newest first, grouped by day."""
    from shipit.i18n import t
    from shipit.views import render

    filters, entries = journal(author).list(since=since, until=until, kind=kind, tags=tag or (),
                                            search=search, limit=limit, project=project)  # fmt: skip
    if json_output:
        render.print_json([e.to_json() for e in entries])
        return
    if not entries:
        render.err(t("entries.none_match") if filters != type(filters)() or project else
                   t("entries.none_yet"))  # fmt: skip
        return
    with render.paged(not no_pager):
        render.out(render.entries_table(entries))
    render.err(t("entries.count", n=len(entries)), style="dim")


@app.command("tags", help="help.tags")
def tags_cmd(json_output: JsonOpt = False, no_pager: NoPagerOpt = False) -> None:
    """Every tag with the number of entries that have it and the day it was last used."""
    from shipit.i18n import t
    from shipit.views import render

    rows = journal().tags()
    if json_output:
        render.print_json([{"tag": t, "entries": n, "last_used": last.isoformat()}
                           for t, n, last in rows])  # fmt: skip
        return
    if not rows:
        render.err(t("entries.no_tags"))
        return
    with render.paged(not no_pager):
        render.out(render.tags_table(rows))


@app.command("edit", help="help.edit")
def edit_cmd(
    entry_id: Annotated[str, typer.Argument(metavar="ID", help="help.entry_id", autocompletion=complete_entry_id)],
    text: Annotated[str | None, typer.Option("--text", help="help.edit.text")] = None,
    date: DateOpt = None,
    note: Annotated[str | None, typer.Option("--note", "-n", help="help.edit.note")] = None,
    tag: Annotated[list[str] | None, typer.Option("--tag", "-t", metavar="TAG", help="help.edit.tag", autocompletion=complete_tag)] = None,
    clear_tags: Annotated[bool, typer.Option("--clear-tags", help="help.edit.clear_tags")] = False,
    outcome: Annotated[str | None, typer.Option("--outcome", metavar="open|succeeded|failed", help="help.edit.outcome", autocompletion=complete_outcome)] = None,
    lesson: Annotated[str | None, typer.Option("--lesson", "-L", help="help.edit.lesson")] = None,
    minutes: Annotated[str | None, typer.Option("--minutes", "-m", metavar="N", help="help.edit.minutes")] = None,
    decision: Annotated[str | None, typer.Option("--decision", metavar="self|delegate|drop", help="help.edit.decision", autocompletion=complete_decision)] = None,
    json_output: JsonOpt = False,
    project: Annotated[str | None, typer.Option("--project", "-P", metavar="NAME", help="help.edit.project")] = None,
    private: Annotated[bool | None, typer.Option("--private/--shared", help="help.edit.private", show_default=False)] = None,
) -> None:  # fmt: skip
    """Change an entry: text, day, note, tags, and the fields of its kind."""
    from rich.text import Text

    from shipit.i18n import Msg, t
    from shipit.views import render

    fields = {"text": text, "when": date, "note": note, "tags": tag, "lesson": lesson,
              "outcome": outcome, "minutes": minutes, "decision": decision}  # fmt: skip
    j = journal()
    if all(v is None for v in fields.values()) and not clear_tags and project is None and private is None:
        from shipit.domain.editing import changes, entry_document, parse_document

        old = j.get(entry_id)
        title = t("entries.editing_title", id=old.id, a_kind=Msg("entries.a_" + old.kind),
                  day=render.fmt_day(old.day))  # fmt: skip
        doc = parse_document(run_editor(entry_document(old, title), f"entry-{old.id}.txt",
                                        "entries.edit_needs_editor"))  # fmt: skip
        fields = changes(old, doc)
        if not fields:
            render.err(t("entries.no_change"))
            if json_output:
                render.print_json(old.to_json())
            return
        entry_id = str(old.id)
    entry = j.edit(entry_id, clear_tags=clear_tags, project=project, private=private, **fields)
    if json_output:
        render.print_json(entry.to_json())
        return
    render.out(Text.assemble((t("entries.edited"), "bold"), render.entry_summary(entry)))


@app.command("delete", help="help.delete")
def delete_cmd(
    entry_id: Annotated[str, typer.Argument(metavar="ID", help="help.entry_id", autocompletion=complete_entry_id)],
    yes: YesOpt = False,
) -> None:  # fmt: skip
    """Delete an entry (asks first; without a terminal, needs --yes). `undo` brings it back."""
    from rich.text import Text

    from shipit.i18n import Msg, t
    from shipit.views import render

    j = journal()
    entry = j.get(entry_id)
    if not yes and render.is_interactive():
        render.err(Text.assemble(t("entries.about_to_delete"), render.entry_summary(entry)))
    if not confirm(Msg("entries.delete_question"), yes=yes,
                   refuse=Msg("entries.delete_refused", id=entry.id)):
        render.err(t("entries.kept"))  # the user's choice, not a failure: exit 0
        return
    removed = j.delete(str(entry.id))
    render.out(Text.assemble((t("entries.deleted"), "bold"), render.entry_summary(removed)))
    if j.reopened:
        render.err(t("entries.project_reopened", short=j.reopened))


@app.command("path", help="help.path")
def path_cmd() -> None:
    """Print the journal file's path ($SHIPIT_HOME/journal.db or the user data folder)."""
    from shipit.services.journal import path

    typer.echo(path())
