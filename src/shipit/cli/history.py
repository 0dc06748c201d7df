"""Commands for the change history: undo, redo, history.

Thin: parse → call shipit.services.history → render (shipit.views.history).
"""

from typing import Annotated

import typer

from shipit.cli.app import app
from shipit.cli.options import YesOpt, confirm, journal

# What each move says: (nothing to do, the question, done).
WORDS = {"undo": ("history.nothing_to_undo", "history.undo_it", "history.undo_done"),
         "redo": ("history.nothing_to_redo", "history.redo_it", "history.redo_done")}  # fmt: skip
JsonOpt = Annotated[bool, typer.Option("--json", help="help.history.json")]


def _move(action: str, yes: bool, json_output: bool) -> None:
    from rich.text import Text

    from shipit.i18n import t
    from shipit.services import history
    from shipit.views import history as history_view
    from shipit.views import render

    j = journal()
    change = history.pending(j, action)
    if change is None:
        if json_output:
            render.print_json({action: None, "change": None})
        else:
            render.err(t(WORDS[action][0]))
        return
    lines = history_view.move_lines(change, action)
    if not json_output:
        render.err(Text(t("history.change_heading", seq=change.seq, command=change.command),
                        style="dim"))  # fmt: skip
        for line in lines:
            render.err(line)
    if not confirm(t(WORDS[action][1]), yes=yes,
                   refuse=t("history.needs_yes", action=action)):
        render.err(t("history.left_as_it_is"))
        return
    done = history.apply(j, action, change)
    if json_output:
        render.print_json({action: change.to_json(rows=False), "change": done.to_json()})
        return
    render.out(Text.assemble((t(WORDS[action][2]) + " ", "bold"),
                             t("history.change_ref", seq=change.seq, command=change.command),
                             (" " + t("history.as_change", seq=done.seq), "dim")))  # fmt: skip


@app.command("undo", help="help.undo")
def undo_cmd(yes: YesOpt = False, json_output: JsonOpt = False) -> None:
    """Revert the last change (help text: help.undo)."""
    _move("undo", yes, json_output)


@app.command("redo", help="help.redo")
def redo_cmd(yes: YesOpt = False, json_output: JsonOpt = False) -> None:
    """Re-apply what undo reverted (help text: help.redo)."""
    _move("redo", yes, json_output)


@app.command("history", help="help.history")
def history_cmd(
    limit: Annotated[int, typer.Option("--limit", "-l", metavar="N", help="help.history.limit")] = 20,
    json_output: JsonOpt = False,
) -> None:  # fmt: skip
    """The recent changes (help text: help.history)."""
    from shipit.i18n import t
    from shipit.services import history
    from shipit.views import history as history_view
    from shipit.views import render

    changes = history.history(journal(), limit)
    if json_output:
        render.print_json([c.to_json() for c in changes])
        return
    if not changes:
        render.err(t("history.no_changes_yet"))
        return
    render.out(history_view.history_table(changes))
