"""Commands for small steps (`shipit step ...`) and brave attempts (`try`, `resolve`, `attempts`).

Thin: parse → call a service (shipit.services.steps) → render (shipit.views.render_steps). No SQL
here, and only Typer at the top: everything else is imported inside the commands.
"""

from typing import Annotated

import typer

from shipit.cli.app import LightGroup, app, interrupted_exit
from shipit.cli.options import NoPagerOpt, PrivateOpt, ProjectOpt, complete_decision, complete_entry_id, show_linked, show_private, show_streak

# Help texts are keys (shipit/i18n/<lang>/help.py), worded only when --help is shown.
STEP_HELP = "help.step"

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

JsonOpt = Annotated[bool, typer.Option("--json", help="help.step.json")]
DateOpt = Annotated[
    str | None, typer.Option("--date", "-d", metavar="WHEN", help="help.step.date")
]
NoteOpt = Annotated[
    str | None, typer.Option("--note", "-n", help="help.step.note")
]
DecisionOpt = Annotated[
    str | None,
    typer.Option("--decision", metavar="self|delegate|drop",
                 help="help.step.decision",
                 autocompletion=complete_decision),
]  # fmt: skip
LessonOpt = Annotated[
    str | None, typer.Option("--lesson", "-L", help="help.step.lesson")
]
SucceededOpt = Annotated[bool, typer.Option("--succeeded", help="help.step.succeeded")]
FailedOpt = Annotated[bool, typer.Option("--failed", help="help.step.failed")]
ItemIdArg = Annotated[str, typer.Argument(metavar="ID", help="help.step.item_id")]


def _text_arg(help_key: str) -> object:
    return typer.Argument(metavar="TEXT...", help=help_key, show_default=False)


def _steps():  # -> shipit.services.steps.Steps
    from shipit.services.steps import Steps

    return Steps()


# -- the backlog -------------------------------------------------------------------------


@step_app.command("add", help="help.step.add")
def add_cmd(
    text: Annotated[list[str], _text_arg("help.step.add.text")],
    annoyance: Annotated[str, typer.Option("--annoyance", "-a", metavar="1-5",
                                           help="help.step.add.annoyance")] = "3",
    json_output: JsonOpt = False,
) -> None:  # fmt: skip
    """Add a step to the backlog."""
    from shipit.i18n import t
    from shipit.views import render, render_steps
    from shipit.domain.steps import parse_whole

    item = _steps().add_item(" ".join(text), parse_whole(annoyance, "annoyance"))
    if json_output:
        render.print_json(item.to_json())
        return
    render.out(render_steps.item_line("steps.added", item))
    render.err(t("steps.start_it", id=item.id), style="dim")


@step_app.command("list", help="help.step.list")
def list_cmd(
    all_items: Annotated[bool, typer.Option("--all", help="help.step.list.all")] = False,
    author: Annotated[str | None, typer.Option("--author", metavar="NAME",
                                               help="help.step.list.author")] = None,
    json_output: JsonOpt = False,
    no_pager: NoPagerOpt = False,
) -> None:  # fmt: skip
    """Show the backlog: most annoying first, then oldest."""
    from shipit.i18n import t
    from shipit.views import render, render_steps

    member, items = _steps().backlog_of(author, include_closed=all_items)
    if json_output:
        render.print_json([i.to_json() for i in items])
        return
    if not items:
        render.err(t("steps.list_empty") if member is None
                   else t("steps.member_list_empty", author=member))  # fmt: skip
        return
    with render.paged(not no_pager):
        render.out(render_steps.backlog_table(items, show_closed=all_items))
    open_count = sum(1 for i in items if i.is_open)
    if member is not None:  # theirs, read only: nothing to start here
        render.err(t("steps.member_open_items", n=open_count, author=member), style="dim")
        return
    key = "steps.open_items_start" if open_count else "steps.open_items"
    render.err(t(key, n=open_count), style="dim")


@step_app.command("edit", help="help.step.edit")
def edit_cmd(
    item_id: ItemIdArg,
    text: Annotated[str | None, typer.Option("--text", help="help.step.edit.text")] = None,
    annoyance: Annotated[str | None, typer.Option("--annoyance", "-a", metavar="1-5", help="help.step.edit.annoyance")] = None,
    json_output: JsonOpt = False,
) -> None:  # fmt: skip
    """Change a backlog item's text or annoyance."""
    from shipit.domain.steps import parse_whole
    from shipit.views import render, render_steps

    level = parse_whole(annoyance, "annoyance") if annoyance is not None else None
    item = _steps().edit_item(item_id, text=text, annoyance=level)
    if json_output:
        render.print_json(item.to_json())
        return
    render.out(render_steps.item_line("steps.edited", item))


@step_app.command("drop", help="help.step.drop")
def drop_cmd(item_id: ItemIdArg) -> None:
    """Remove an item from the backlog without doing it."""
    from shipit.views import render, render_steps

    item = _steps().drop_item(item_id)
    render.out(render_steps.item_line("steps.dropped", item))


# -- doing steps -------------------------------------------------------------------------


@step_app.command("start", help="help.step.start")
def start_cmd(
    item_id: Annotated[str | None, typer.Argument(metavar="ID", help="help.step.start.id", show_default=False)] = None,
    minutes: Annotated[str, typer.Option("--minutes", "-m", metavar="N", help="help.step.start.minutes")] = "5",
    note: NoteOpt = None,
    decision: DecisionOpt = None,
    private: PrivateOpt = False,
) -> None:  # fmt: skip
    """Work on a backlog item for five minutes with a timer, then log the step."""
    from shipit.i18n import t
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
        notify(t("steps.notify_title"),
               t("steps.notify_body", minutes=result.minutes, text=" ".join(item.text.split())[:80]))  # fmt: skip
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
    show_private(private)
    if not logged.closed:
        _warn_item_gone(item.id)
    if interrupted:
        render.err(t("steps.interrupted_questions"))
        raise interrupted_exit()


def _warn_item_gone(item_id: int) -> None:
    from shipit.i18n import t
    from shipit.views import render

    render.err(t("steps.item_gone", id=item_id), style="yellow")


def _ask_note() -> str | None:
    from shipit.i18n import t
    from shipit.views import render
    from shipit.domain.errors import InputError
    from shipit.domain.entries import check_text

    while True:
        answer = typer.prompt(t("steps.ask_note"), default="", show_default=False, err=True)
        if not answer.strip():
            return None
        try:
            return check_text(answer, "note")
        except InputError as exc:
            render.err(str(exc), style="yellow")


def _ask_decision() -> str | None:
    from shipit.i18n import t, template
    from shipit.views import render
    from shipit.domain.entries import DECISIONS
    from shipit.domain.errors import InputError
    from shipit.domain.steps import check_decision

    # The reader's words (selbst/abgeben/streichen) and the values (self/delegate/drop).
    words = dict(zip((w.lower() for w in template("steps.decision_words")), DECISIONS, strict=True))
    while True:
        answer = typer.prompt(t("steps.ask_decision"), default="", show_default=False, err=True)
        if not answer.strip():
            return None
        try:
            return words.get(answer.strip().lower()) or check_decision(answer)
        except InputError as exc:
            render.err(str(exc), style="yellow")


def _log_interrupted(s, item, result, *, note, decision, interactive, private=False) -> None:  # noqa: ANN001
    """Ctrl-C during the timer: log the minutes spent (asking first on a terminal). Exit 130."""
    from shipit.i18n import t
    from shipit.views import render

    minutes = result.minutes
    if interactive:
        try:
            keep = _confirm(t("steps.ask_log_partial", minutes=minutes))
        except typer.Abort as exc:
            # A second Ctrl-C means "just stop"; end of input takes the default (log it).
            keep = not isinstance(exc.__context__, KeyboardInterrupt)
        if not keep:
            render.err(t("steps.nothing_logged", id=item.id))
            raise interrupted_exit()
    logged = s.log_timed(item, minutes=minutes, completed=False, note=note, decision=decision,
                         private=private)  # fmt: skip
    _confirm_step(s, logged, verb="steps.logged_interrupted")
    show_private(private)
    if logged.item is None:
        _warn_item_gone(item.id)
    render.err(t("steps.interrupted_partial"), style="yellow")
    raise interrupted_exit()


def _confirm(question: str) -> bool:
    """Yes (the default, Enter) or no, in the reader's words (j/ja, y/yes; n/nein, no).
    Ctrl-C and end of input raise typer.Abort, as typer.confirm does."""
    from shipit.i18n import t
    from shipit.views import render

    yes, no = t("steps.yes_words").split(), t("steps.no_words").split()
    while True:
        answer = typer.prompt(question, default="", show_default=False, err=True).strip().lower()
        if not answer or answer in yes:
            return True
        if answer in no:
            return False
        render.err(t("steps.answer_yes_no"), style="yellow")


def _confirm_step(s, logged, *, verb: str = "steps.logged") -> None:  # noqa: ANN001
    from shipit.views import render, render_steps

    render.out(*render_steps.step_logged(logged, verb=verb))
    show_streak(s.journal)


@step_app.command("done", help="help.step.done")
def done_cmd(
    what: Annotated[list[str], typer.Argument(metavar="TEXT|ID", help="help.step.done.what", show_default=False)],
    minutes: Annotated[str, typer.Option("--minutes", "-m", metavar="N", help="help.step.done.minutes")] = "5",
    date: DateOpt = None,
    note: NoteOpt = None,
    decision: DecisionOpt = None,
    json_output: JsonOpt = False,
    project: ProjectOpt = None,
    private: PrivateOpt = False,
) -> None:  # fmt: skip
    """Log a step done without the timer."""
    from shipit.views import render
    from shipit.domain.steps import parse_whole

    s = _steps()
    logged = s.done(" ".join(what), minutes=parse_whole(minutes, "--minutes"), when=date,
                    note=note, decision=decision, project=project, private=private)  # fmt: skip
    if json_output:
        render.print_json(logged.entry.to_json())
        return
    _confirm_step(s, logged)
    show_private(private)
    show_linked(s.journal)


# -- attempts ----------------------------------------------------------------------------


def _outcome(succeeded: bool, failed: bool, *, required: bool) -> str:
    from shipit.domain.errors import InputError

    if succeeded and failed:
        raise InputError("steps.outcome_both")
    if succeeded:
        return "succeeded"
    if failed:
        return "failed"
    if required:
        raise InputError("steps.outcome_missing")
    return "open"


@app.command("try", help="help.try")
def try_cmd(
    text: Annotated[list[str], _text_arg("help.try.text")],
    date: DateOpt = None,
    succeeded: SucceededOpt = False,
    failed: FailedOpt = False,
    lesson: LessonOpt = None,
    json_output: JsonOpt = False,
    project: ProjectOpt = None,
    private: PrivateOpt = False,
) -> None:
    """Log an attempt: open until you resolve it, or --succeeded/--failed at once."""
    from shipit.views import render, render_steps

    outcome = _outcome(succeeded, failed, required=False)
    s = _steps()
    entry = s.attempt(" ".join(text), when=date, outcome=outcome, lesson=lesson, project=project,
                      private=private)  # fmt: skip
    if json_output:
        render.print_json(entry.to_json())
        return
    render.out(*render_steps.attempt_line(entry, verb="steps.attempt_logged"))
    show_streak(s.journal)
    show_linked(s.journal)
    show_private(private)


@app.command("resolve", help="help.resolve")
def resolve_cmd(
    entry_id: Annotated[str, typer.Argument(metavar="ID", help="help.resolve.id", autocompletion=complete_entry_id)],
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
    render.out(*render_steps.attempt_line(entry, verb="steps.resolved"))


@app.command("attempts", help="help.attempts")
def attempts_cmd(
    open_only: Annotated[bool, typer.Option("--open", help="help.attempts.open")] = False,
    json_output: JsonOpt = False,
    no_pager: NoPagerOpt = False,
) -> None:  # fmt: skip
    """List attempts, newest first, with their outcome and lesson."""
    from shipit.i18n import t
    from shipit.views import render, render_steps

    entries = _steps().attempts(open_only=open_only)
    if json_output:
        render.print_json([e.to_json() for e in entries])
        return
    if not entries:
        render.err(t("steps.no_open_attempts" if open_only else "steps.no_attempts"))
        return
    with render.paged(not no_pager):
        render.out(render_steps.attempts_table(entries))
    count = len(entries)
    render.err(t("steps.attempt_count", n=count), style="dim")
