"""Commands for small steps (`shipit step ...`) and brave attempts (`try`, `resolve`, `attempts`).

Thin: parse → call a service (shipit.services.steps) → render (shipit.views.render_steps). No SQL
here, and only Typer at the top: everything else is imported inside the commands.
"""

from typing import Annotated

import typer

from shipit.cli.app import LightGroup, app
from shipit.cli.options import NoPagerOpt, PrivateOpt, ProjectOpt, complete_decision, complete_entry_id, show_linked, show_streak
from shipit.domain.dates import WHEN_HELP

STEP_HELP = """Small steps: a backlog of what annoys you, worked on five minutes at a time.

Take what annoys you most, work on it for five minutes, once. Then ask what it
brought, and decide whether to keep doing it yourself, delegate it or drop it.

The numbers 'shipit step list' shows are backlog ids (step start/done/drop take
them); the '#' numbers of 'shipit list' are entry ids.
"""

step_app = typer.Typer(
    cls=LightGroup,
    name="step",
    help=STEP_HELP,
    invoke_without_command=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(step_app, name="step")


@step_app.callback()
def step_root(ctx: typer.Context) -> None:
    # `shipit step` alone prints this help (exit 0), not a usage error.
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit()

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON (stable keys, see docs/steps-and-attempts.md).")]
DateOpt = Annotated[
    str | None, typer.Option("--date", "-d", metavar="WHEN", help=f"Journal day. {WHEN_HELP}")
]
NoteOpt = Annotated[
    str | None, typer.Option("--note", "-n", help="What it brought (skips the question).")
]
DecisionOpt = Annotated[
    str | None,
    typer.Option("--decision", metavar="self|delegate|drop",
                 help="Keep doing it yourself, delegate it or drop it (skips the question).",
                 autocompletion=complete_decision),
]  # fmt: skip
LessonOpt = Annotated[
    str | None, typer.Option("--lesson", "-L", help="What you learned (with --succeeded or --failed).")
]
SucceededOpt = Annotated[bool, typer.Option("--succeeded", help="It worked.")]
FailedOpt = Annotated[bool, typer.Option("--failed", help="It did not work (add a --lesson).")]


def _text_arg(what: str) -> object:
    return typer.Argument(
        metavar="TEXT...",
        help=f"{what} Several words are joined with spaces; text starting with '-' goes after '--'.",
        show_default=False,
    )


def _steps():  # -> shipit.services.steps.Steps
    from shipit.services.steps import Steps

    return Steps()


# -- the backlog -------------------------------------------------------------------------


@step_app.command("add")
def add_cmd(
    text: Annotated[list[str], _text_arg("The step, e.g. \"Post one photo on Instagram\".")],
    annoyance: Annotated[str, typer.Option("--annoyance", "-a", metavar="1-5",
                                           help="How much it annoys you: 1 barely … 5 drives you mad.")] = "3",
    json_output: JsonOpt = False,
) -> None:  # fmt: skip
    """Add a step to the backlog.

    \b
    Examples:
      shipit step add "Set up the Instagram account" --annoyance 5
      shipit step add "Ask Sam how they do newsletters"
    """
    from rich.text import Text

    from shipit.views import render, render_steps
    from shipit.domain.steps import parse_whole

    item = _steps().add_item(" ".join(text), parse_whole(annoyance, "annoyance"))
    if json_output:
        render.print_json(item.to_json())
        return
    render.out(Text.assemble(("Added ", "bold"), render_steps.item_summary(item)))
    render.err(f"Start it: shipit step start {item.id}", style="dim")


@step_app.command("list")
def list_cmd(
    all_items: Annotated[bool, typer.Option("--all", help="Include the items already done.")] = False,
    json_output: JsonOpt = False,
    no_pager: NoPagerOpt = False,
) -> None:  # fmt: skip
    """Show the backlog: most annoying first, then oldest. The Item column holds backlog ids."""
    from shipit.views import render, render_steps

    items = _steps().backlog(include_closed=all_items)
    if json_output:
        render.print_json([i.to_json() for i in items])
        return
    if not items:
        render.err('The backlog is empty. Add what annoys you most: '
                   'shipit step add "TEXT" --annoyance 5')  # fmt: skip
        return
    with render.paged(not no_pager):
        render.out(render_steps.backlog_table(items, show_closed=all_items))
    open_count = sum(1 for i in items if i.is_open)
    hint = "; start the top one: shipit step start" if open_count else ""
    render.err(f"{open_count} open item{'' if open_count == 1 else 's'}{hint}", style="dim")


@step_app.command("edit")
def edit_cmd(
    item_id: Annotated[str, typer.Argument(metavar="ID", help="The backlog id shown by 'shipit step list'.")],
    text: Annotated[str | None, typer.Option("--text", help="New text.")] = None,
    annoyance: Annotated[str | None, typer.Option("--annoyance", "-a", metavar="1-5", help="New annoyance: 1 barely … 5 drives you mad.")] = None,
    json_output: JsonOpt = False,
) -> None:  # fmt: skip
    """Change a backlog item's text or annoyance."""
    from rich.text import Text

    from shipit.domain.steps import parse_whole
    from shipit.views import render, render_steps

    level = parse_whole(annoyance, "annoyance") if annoyance is not None else None
    item = _steps().edit_item(item_id, text=text, annoyance=level)
    if json_output:
        render.print_json(item.to_json())
        return
    render.out(Text.assemble(("Edited ", "bold"), render_steps.item_summary(item)))


@step_app.command("drop")
def drop_cmd(
    item_id: Annotated[str, typer.Argument(metavar="ID", help="The backlog id shown by 'shipit step list'.")],
) -> None:  # fmt: skip
    """Remove an item from the backlog without doing it."""
    from rich.text import Text

    from shipit.views import render, render_steps

    item = _steps().drop_item(item_id)
    render.out(Text.assemble(("Dropped ", "bold"), render_steps.item_summary(item)))


# -- doing steps -------------------------------------------------------------------------


@step_app.command("start")
def start_cmd(
    item_id: Annotated[str | None, typer.Argument(metavar="ID", help="A backlog id; default: the most annoying open item.", show_default=False)] = None,
    minutes: Annotated[str, typer.Option("--minutes", "-m", metavar="N", help="Timer length, 1-240 minutes.")] = "5",
    note: NoteOpt = None,
    decision: DecisionOpt = None,
    private: PrivateOpt = False,
) -> None:  # fmt: skip
    """Work on a backlog item for five minutes with a timer, then log the step.

    At the end it asks what the step brought and whether to keep doing it yourself,
    delegate it or drop it (Enter skips; --note/--decision answer up front; without
    a terminal it never asks). The step is logged with the minutes spent, and the
    backlog item is closed.

    Ctrl-C stops the timer without losing the work: on a terminal it asks whether to
    log the partial step, otherwise it logs it. The item stays open; exit 130.
    """
    from shipit.views import render, timer
    from shipit.domain.entries import check_text
    from shipit.domain.steps import MAX_TIMER_MINUTES, check_decision, check_minutes, parse_whole

    minutes_ = check_minutes(parse_whole(minutes, "--minutes"), maximum=MAX_TIMER_MINUTES)
    decision = check_decision(decision)
    if note is not None:
        check_text(note, "note", allow_empty=True)
    s = _steps()
    item = s.get_open_item(item_id)
    interactive = render.is_interactive()
    result = timer.run_timer(minutes_, item.text)
    if result.completed:  # the bell on the terminal, and a notification on the desktop
        from shipit.cli.options import notify

        render.bell()
        notify("shipit: time's up", f"{result.minutes} min on: {' '.join(item.text.split())[:80]}")
    if not result.completed:
        _log_interrupted(s, item, result, note=note, decision=decision, interactive=interactive,
                         private=private)  # fmt: skip
    interrupted = False
    if interactive:
        try:
            if note is None:
                note = _ask_note()
            if decision is None:
                decision = _ask_decision()
        except typer.Abort as exc:
            # Ctrl-C at a question: the five minutes are done, so log them anyway.
            # End of input: the remaining questions are skipped.
            interrupted = isinstance(exc.__context__, KeyboardInterrupt)
    logged = s.log_timed(item, minutes=result.minutes, completed=True, note=note, decision=decision,
                         private=private)  # fmt: skip
    _confirm_step(s, logged)
    if not logged.closed:
        _warn_item_gone(item.id)
    if interrupted:
        render.err("interrupted: the step is logged without the remaining answers")
        raise typer.Exit(130)


def _warn_item_gone(item_id: int) -> None:
    from shipit.views import render

    render.err(f"Backlog item {item_id} was dropped or done elsewhere while the timer ran; "
               "the step is logged anyway.", style="yellow")  # fmt: skip


def _ask_note() -> str | None:
    from shipit.views import render
    from shipit.domain.errors import InputError
    from shipit.domain.entries import check_text

    while True:
        answer = typer.prompt("What did it bring? (Enter to skip)", default="",
                              show_default=False, err=True)  # fmt: skip
        if not answer.strip():
            return None
        try:
            return check_text(answer, "note")
        except InputError as exc:
            render.err(str(exc), style="yellow")


def _ask_decision() -> str | None:
    from shipit.views import render
    from shipit.domain.errors import InputError
    from shipit.domain.steps import check_decision

    while True:
        answer = typer.prompt(
            "Keep doing it yourself, delegate it, or drop it? [self/delegate/drop, Enter to skip]",
            default="", show_default=False, err=True,
        )  # fmt: skip
        if not answer.strip():
            return None
        try:
            return check_decision(answer)
        except InputError as exc:
            render.err(str(exc), style="yellow")


def _log_interrupted(s, item, result, *, note, decision, interactive, private=False) -> None:  # noqa: ANN001
    """Ctrl-C during the timer: log the minutes spent (asking first on a terminal). Exit 130."""
    from shipit.views import render

    minutes = result.minutes
    if interactive:
        try:
            keep = typer.confirm(
                f"Log the {minutes} min you spent as a step? (the backlog item stays open)",
                default=True, err=True,
            )  # fmt: skip
        except typer.Abort as exc:
            # A second Ctrl-C means "just stop"; end of input takes the default (log it).
            keep = not isinstance(exc.__context__, KeyboardInterrupt)
        if not keep:
            render.err(f"Nothing logged; backlog item {item.id} stays open.")
            raise typer.Exit(130)
    logged = s.log_timed(item, minutes=minutes, completed=False, note=note, decision=decision,
                         private=private)  # fmt: skip
    _confirm_step(s, logged, verb="Logged (interrupted)")
    if logged.item is None:
        _warn_item_gone(item.id)
    render.err("interrupted: the minutes spent are logged; the backlog item stays open",
               style="yellow")  # fmt: skip
    raise typer.Exit(130)


def _confirm_step(s, logged, *, verb: str = "Logged") -> None:  # noqa: ANN001
    from shipit.views import render, render_steps

    render.out(*render_steps.step_logged(logged, verb=verb))
    show_streak(s.journal)


@step_app.command("done")
def done_cmd(
    what: Annotated[list[str], typer.Argument(metavar="TEXT|ID", help="A backlog id (all digits), or the text of a step that was not in the backlog.", show_default=False)],
    minutes: Annotated[str, typer.Option("--minutes", "-m", metavar="N", help="Minutes spent, 1-1440.")] = "5",
    date: DateOpt = None,
    note: NoteOpt = None,
    decision: DecisionOpt = None,
    json_output: JsonOpt = False,
    project: ProjectOpt = None,
    private: PrivateOpt = False,
) -> None:  # fmt: skip
    """Log a step done without the timer.

    An argument of only digits is a backlog id: the step takes that item's text and
    closes it. Anything else is the text of a step that was never in the backlog
    (to log text that is only a number, add a word: "call 3").

    \b
    Examples:
      shipit step done 3 --note "two replies already" --decision self
      shipit step done "Asked Sam about newsletters" --minutes 10
    """
    from shipit.views import render
    from shipit.domain.steps import parse_whole

    s = _steps()
    logged = s.done(" ".join(what), minutes=parse_whole(minutes, "--minutes"), when=date,
                    note=note, decision=decision, project=project, private=private)  # fmt: skip
    if json_output:
        render.print_json(logged.entry.to_json())
        return
    _confirm_step(s, logged)
    show_linked(s.journal)


# -- attempts ----------------------------------------------------------------------------


def _outcome(succeeded: bool, failed: bool, *, required: bool) -> str:
    from shipit.domain.errors import InputError

    if succeeded and failed:
        raise InputError("give --succeeded or --failed, not both")
    if succeeded:
        return "succeeded"
    if failed:
        return "failed"
    if required:
        raise InputError("say how it went: --succeeded or --failed")
    return "open"


@app.command("try")
def try_cmd(
    text: Annotated[list[str], _text_arg("What you are trying.")],
    date: DateOpt = None,
    succeeded: SucceededOpt = False,
    failed: FailedOpt = False,
    lesson: LessonOpt = None,
    json_output: JsonOpt = False,
    project: ProjectOpt = None,
    private: PrivateOpt = False,
) -> None:
    """Log an attempt: open until you resolve it, or --succeeded/--failed at once.

    Trying is the opposite of hiding: try small, fail often, recover fast.

    \b
    Examples:
      shipit try "Cold-email three podcasts"
      shipit try "A/B test the headline" --failed --lesson "too little traffic to tell"
    """
    from shipit.views import render, render_steps

    outcome = _outcome(succeeded, failed, required=False)
    s = _steps()
    entry = s.attempt(" ".join(text), when=date, outcome=outcome, lesson=lesson, project=project,
                      private=private)  # fmt: skip
    if json_output:
        render.print_json(entry.to_json())
        return
    render.out(*render_steps.attempt_line(entry, verb="Logged"))
    show_streak(s.journal)
    show_linked(s.journal)


@app.command("resolve")
def resolve_cmd(
    entry_id: Annotated[str, typer.Argument(metavar="ID", help="The attempt's entry id (see 'shipit attempts --open').", autocompletion=complete_entry_id)],
    succeeded: SucceededOpt = False,
    failed: FailedOpt = False,
    lesson: LessonOpt = None,
    json_output: JsonOpt = False,
) -> None:  # fmt: skip
    """Record how an open attempt went: --succeeded or --failed (with a --lesson)."""
    from shipit.views import render, render_steps

    outcome = _outcome(succeeded, failed, required=True)
    entry = _steps().resolve(entry_id, outcome, lesson=lesson)
    if json_output:
        render.print_json(entry.to_json())
        return
    render.out(*render_steps.attempt_line(entry, verb="Resolved"))


@app.command("attempts")
def attempts_cmd(
    open_only: Annotated[bool, typer.Option("--open", help="Only the attempts still open.")] = False,
    json_output: JsonOpt = False,
    no_pager: NoPagerOpt = False,
) -> None:  # fmt: skip
    """List attempts, newest first, with their outcome and lesson."""
    from shipit.views import render, render_steps

    entries = _steps().attempts(open_only=open_only)
    if json_output:
        render.print_json([e.to_json() for e in entries])
        return
    if not entries:
        render.err("No open attempts." if open_only else
                   'No attempts yet. Try something: shipit try "what you will try"')  # fmt: skip
        return
    with render.paged(not no_pager):
        render.out(render_steps.attempts_table(entries))
    count = len(entries)
    render.err(f"{count} attempt{'' if count == 1 else 's'}", style="dim")
