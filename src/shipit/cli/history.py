"""Commands for the change history: undo, redo, history.

Thin: parse → call shipit.services.history → render (shipit.views.history).
"""

from typing import Annotated

import typer

from shipit.cli.app import app
from shipit.cli.options import YesOpt, confirm, journal

NOTHING = {
    "undo": "Nothing to undo: no change in effect.",
    "redo": "Nothing to redo: redo re-applies what undo reverted, until a new change is made.",
}
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON (keys in docs/history.md).")]


def _move(action: str, yes: bool, json_output: bool) -> None:
    from rich.text import Text

    from shipit.services import history
    from shipit.views import history as history_view
    from shipit.views import render

    j = journal()
    change = history.pending(j, action)
    if change is None:
        if json_output:
            render.print_json({action: None, "change": None})
        else:
            render.err(NOTHING[action])
        return
    lines = history_view.move_lines(change, action)
    if not json_output:
        render.err(Text(f"Change #{change.seq} ({change.command}):", style="dim"))
        for line in lines:
            render.err(line)
    if not confirm(f"{action.capitalize()} it?", yes=yes,
                   refuse=f"not running {action} without --yes (no terminal to ask)"):
        render.err("Left as it is.")
        return
    done = history.apply(j, action, change)
    if json_output:
        render.print_json({action: change.to_json(rows=False), "change": done.to_json()})
        return
    verb = "Undid" if action == "undo" else "Redid"
    render.out(Text.assemble((f"{verb} ", "bold"), f"change #{change.seq} ({change.command})",
                             (f" as change #{done.seq}", "dim")))  # fmt: skip


@app.command("undo")
def undo_cmd(yes: YesOpt = False, json_output: JsonOpt = False) -> None:
    """Revert the last change, whatever it was (log, edit, delete, skip, import ...).

    Shows what it will revert, then asks (without a terminal, needs --yes). Run it
    again to go further back; 'shipit redo' re-applies what undo reverted.
    """
    _move("undo", yes, json_output)


@app.command("redo")
def redo_cmd(yes: YesOpt = False, json_output: JsonOpt = False) -> None:
    """Re-apply what 'shipit undo' reverted (until a new change is made)."""
    _move("redo", yes, json_output)


@app.command("history")
def history_cmd(
    limit: Annotated[int, typer.Option("--limit", "-l", metavar="N", help="At most N changes (0: all).")] = 20,
    json_output: JsonOpt = False,
) -> None:  # fmt: skip
    """The recent changes to the journal, newest first (what undo would revert)."""
    from shipit.services import history
    from shipit.views import history as history_view
    from shipit.views import render

    changes = history.history(journal(), limit)
    if json_output:
        render.print_json([c.to_json() for c in changes])
        return
    if not changes:
        render.err("No changes yet. Every command that writes is listed here.")
        return
    render.out(history_view.history_table(changes))
