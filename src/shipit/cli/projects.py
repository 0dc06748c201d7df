"""Ship It projects (`shipit project ...`): a dated card that makes you ship.

Thin: parse → call a service (shipit.services.projects) → render (shipit.views.projects).
Only Typer at the top: everything else is imported inside the commands.
"""

from typing import Annotated

import typer

from shipit.cli.app import LightGroup, app
from shipit.cli.options import complete_project, print_json

# Help texts are keys (shipit/i18n/<lang>/help.py), worded only when --help is shown.
PROJECT_HELP = "help.project"

project_app = typer.Typer(
    cls=LightGroup,
    name="project",
    help=PROJECT_HELP,
    invoke_without_command=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(project_app, name="project")

JsonOpt = Annotated[bool, typer.Option("--json", help="help.project.json")]
NameArg = Annotated[str, typer.Argument(metavar="NAME", help="help.project.name",
                                        autocompletion=complete_project)]


@project_app.callback()
def project_root(ctx: typer.Context) -> None:
    # `shipit project` alone lists the active projects.
    if ctx.invoked_subcommand is None:
        list_projects(everything=False, json_output=False)


def _projects():  # -> shipit.services.projects.Projects (its refusals worded here)
    from shipit.services.projects import Projects

    return _Worded(Projects())


class _Worded:
    """The service, with a refusal to change another member's card worded in views."""

    def __init__(self, service: object) -> None:
        self.service = service

    def __getattr__(self, name: str):  # noqa: ANN204
        method = getattr(self.service, name)
        if not callable(method):
            return method

        def call(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            from shipit.domain.errors import InputError, NotYourCard

            try:
                return method(*args, **kwargs)
            except NotYourCard as exc:
                from shipit.views.projects import not_your_card

                raise InputError(*not_your_card(exc.short, exc.author)) from None

        return call


def _ask(question: str, default: str = "") -> str:
    """One question of the walk-through, on stderr; Enter skips it."""
    return typer.prompt(f"{question}", default=default, show_default=bool(default), err=True)


def _ask_valid(question: str, check, default: str = "") -> str:  # noqa: ANN001
    """Ask until `check` accepts the answer (it raises InputError); Enter skips if allowed."""
    from shipit.domain.errors import InputError
    from shipit.i18n import t
    from shipit.views import render

    while True:
        answer = _ask(question, default).strip()
        try:
            check(answer)
            return answer
        except InputError as exc:
            render.err(t("projects.try_again", error=exc), style="yellow")


def _walk(keys: tuple[str, ...], current: dict[str, str] | None = None) -> dict[str, str]:
    from shipit.domain.projects import QUESTIONS, check_answer
    from shipit.i18n import t
    from shipit.views import render

    render.err(t("projects.walk_intro"), style="dim")
    answers = {}
    for q in QUESTIONS:
        if q.key in keys:
            answers[q.key] = _ask_valid(f"{q.prompt}? [{q.key}]",
                                        lambda a, k=q.key: a and check_answer(k, a),
                                        (current or {}).get(q.key, ""))  # fmt: skip
    return answers


def _check_ship(value: str) -> None:
    """The walk-through checks the ship date as it is typed (the service checks it again)."""
    from shipit.domain import dates
    from shipit.domain.errors import InputError
    from shipit.domain.projects import parse_ship

    if not value:
        raise InputError("projects.needs_ship_date")
    instant = dates.now()
    ship_at, _ = parse_ship(value, dates.today(), instant)
    if ship_at <= instant:
        raise InputError("projects.ship_value_in_past", value=value)


@project_app.command("new", help="help.project.new")
def new_cmd(
    name: Annotated[str | None, typer.Argument(metavar="[NAME]", help="help.project.new.name")] = None,
    ship: Annotated[str | None, typer.Option("--ship", metavar="WHEN", help="help.project.new.ship")] = None,
    owner: Annotated[list[str] | None, typer.Option("--owner", metavar="NAME", help="help.project.new.owner")] = None,
    member: Annotated[list[str] | None, typer.Option("--member", metavar="NAME", help="help.project.new.member")] = None,
    thrash_until: Annotated[str | None, typer.Option("--thrash-until", metavar="WHEN", help="help.project.new.thrash_until")] = None,
    short: Annotated[str | None, typer.Option("--short", metavar="NAME", help="help.project.new.short")] = None,
    json_output: JsonOpt = False,
) -> None:  # fmt: skip
    """Plan a project: a name and a ship date; on a terminal, the card's questions."""
    from shipit.domain.errors import InputError
    from shipit.i18n import t
    from shipit.views import render
    from shipit.views import projects as views

    answers: dict[str, str] = {}
    if render.is_interactive():
        from shipit.domain.projects import check_name, check_owners, parse_members

        if name is None:
            name = _ask_valid(t("projects.ask_name"), check_name)
        if ship is None:
            ship = _ask_valid(t("projects.ask_ship"), _check_ship)
        if not owner:
            who = _ask_valid(t("projects.ask_owner"), lambda a: check_owners([a]))
            owner = [who] if who else []
        if not member:
            team = _ask_valid(t("projects.ask_members"), parse_members)
            member = [team] if team else []
        answers = _walk(_walk_keys())
    if name is None or not name.strip():
        raise InputError("projects.needs_name")
    if ship is None or not ship.strip():
        raise InputError("projects.needs_ship")
    p = _projects().new(name, ship, short=short, owners=owner or (), members=member or (),
                        thrash_until=thrash_until, answers=answers)  # fmt: skip
    if json_output:
        from shipit.services.projects import project_json

        print_json(project_json(p))
        return
    render.out(*views.created(p))


def _walk_keys() -> tuple[str, ...]:
    from shipit.domain.projects import WALK_KEYS

    return WALK_KEYS


def list_projects(*, everything: bool, json_output: bool) -> None:
    from shipit.views import render
    from shipit.views import projects as views

    rows = _projects().list(everything=everything)
    if json_output:
        print_json([r.to_json() for r in rows])
        return
    if not rows:
        from shipit.i18n import t

        render.err(t("projects.none_active" if not everything else "projects.none_yet"))
        return
    render.out(views.project_table(rows))


@project_app.command("list", help="help.project.list")
def list_cmd(
    everything: Annotated[bool, typer.Option("--all", "-a", help="help.project.list.all")] = False,
    json_output: JsonOpt = False,
) -> None:  # fmt: skip
    """Active projects: owner, ship date, time left, ships linked this week, warnings."""
    list_projects(everything=everything, json_output=json_output)


@project_app.command("show", help="help.project.show")
def show_cmd(name: NameArg, json_output: JsonOpt = False) -> None:
    """The card: answers, edges, thrash, ship-date history, linked work, figures."""
    from shipit.views import render
    from shipit.views import projects as views

    shown = _projects().show(name)
    if json_output:
        print_json(shown.to_json())
        return
    render.out(*views.card(shown))


@project_app.command("answer", help="help.project.answer")
def answer_cmd(
    name: NameArg,
    question: Annotated[str, typer.Argument(metavar="QUESTION", help="help.project.answer.question")],
    text: Annotated[list[str] | None, typer.Argument(metavar="[TEXT...]", help="help.project.answer.text", show_default=False)] = None,
) -> None:  # fmt: skip
    """Fill in or change one answer on the card."""
    from shipit.domain.errors import InputError
    from shipit.domain.projects import QUESTIONS, check_question
    from shipit.views import render
    from shipit.views import projects as views

    key = check_question(question)
    if text is None:
        if not render.is_interactive():
            raise InputError("projects.give_answer", name=name, key=key)
        prompt = next(q.prompt for q in QUESTIONS if q.key == key)
        text = [_ask(f"{prompt}? [{key}]")]
    p, key, stored = _projects().answer(name, key, " ".join(text))
    render.out(views.answered(p, key, stored))


@project_app.command("edit", help="help.project.edit")
def edit_cmd(name: NameArg) -> None:
    """The walk-through again (on a terminal): Enter keeps an answer."""
    from shipit.domain.errors import InputError
    from shipit.domain.projects import QUESTION_KEYS
    from shipit.views import render

    s = _projects()
    if not render.is_interactive():
        raise InputError("projects.edit_needs_terminal", name=name)
    shown = s.show(name)
    keys = tuple(k for k in QUESTION_KEYS if k != "feeling")
    given = _walk(keys, shown.card.answers)
    changed = {k: v for k, v in given.items() if v != shown.card.answers.get(k, "")}
    from shipit.i18n import t

    if not changed:
        render.err(t("projects.nothing_changed"))
        return
    p, _ = s.answer_many(name, changed)
    render.out(t("projects.updated", n=len(changed), short=p.short))


@project_app.command("thrash", help="help.project.thrash")
def thrash_cmd(
    name: NameArg,
    text: Annotated[list[str], typer.Argument(metavar="TEXT...", help="help.project.thrash.text", show_default=False)],
) -> None:  # fmt: skip
    """Add to the thrash list. After the thrash date it is kept, but marked late."""
    from shipit.views import render
    from shipit.views import projects as views

    p, item = _projects().thrash(name, " ".join(text))
    render.out(*views.thrashed(p, item))
    if item.late:
        render.err(views.late_thrash_warning(p), style="yellow")


@project_app.command("move", help="help.project.move")
def move_cmd(
    name: NameArg,
    when: Annotated[str, typer.Argument(metavar="WHEN", help="help.project.move.when")],
    reason: Annotated[str, typer.Option("--reason", "-r", help="help.project.move.reason")],
) -> None:  # fmt: skip
    """Move the ship date; every move is kept with its reason."""
    from shipit.views import render
    from shipit.views import projects as views

    p, move, moves = _projects().move(name, when, reason)
    render.out(*views.moved(p, move, moves))


@project_app.command("ship", help="help.project.ship")
def ship_cmd(
    name: NameArg,
    feeling: Annotated[str | None, typer.Option("--feeling", "-f", help="help.project.ship.feeling")] = None,
) -> None:  # fmt: skip
    """Mark it shipped: logs a ship linked to it (it counts for the streak)."""
    from shipit.cli.options import show_streak
    from shipit.views import render
    from shipit.views import projects as views

    s = _projects()
    if feeling is None and render.is_interactive():
        from shipit.i18n import t

        feeling = _ask(t("projects.ask_feeling")).strip() or None
    p, entry = s.ship(name, feeling)
    render.out(*views.ended(p, entry))
    show_streak(s.journal)


@project_app.command("drop", help="help.project.drop")
def drop_cmd(
    name: NameArg,
    lesson: Annotated[str, typer.Option("--lesson", "-L", help="help.project.drop.lesson")],
) -> None:  # fmt: skip
    """End it unshipped: the lesson is recorded as a failed attempt, not a secret."""
    from shipit.views import render
    from shipit.views import projects as views

    p, entry = _projects().drop(name, lesson)
    render.out(*views.ended(p, entry))
