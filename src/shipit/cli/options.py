"""What every command module shares: option types, the journal, the streak line.

Only Typer at the top: command modules import this at start-up, so `--help` and
completion stay fast. Help texts are message keys, worded when --help is shown
(shipit/i18n/<lang>/help.py).
"""

from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from shipit.i18n import Msg

DateOpt = Annotated[str | None, typer.Option("--date", "-d", metavar="WHEN", help="help.date")]
ProjectOpt = Annotated[
    str | None,
    typer.Option("--project", "-P", metavar="NAME", help="help.project_option",
                 autocompletion=lambda incomplete: complete_project(incomplete)),
]  # fmt: skip
YesOpt = Annotated[bool, typer.Option("--yes", "-y", help="help.yes")]
PrivateOpt = Annotated[bool, typer.Option("--private", help="help.private")]
AuthorOpt = Annotated[str | None, typer.Option("--author", metavar="NAME", help="help.author")]
NoPagerOpt = Annotated[bool, typer.Option("--no-pager", help="help.no_pager")]


def journal(author: str | None = None):  # noqa: ANN201  (-> services.journal.Journal)
    """The journal every command works on (services stay out of start-up); its reads
    show `author`'s rows (a team member's), or the journal's own author's."""
    from shipit.services.journal import Journal

    return Journal(author=author)


def streak_lines(j, hist=None):  # noqa: ANN001, ANN201  (Journal -> list[views.line.Line])
    """The streak lines that `log` prints and `today` shows: the streak (a warning when
    at risk) and, when it broke, which day and the fix if that day was excused.

    The days with a ship plus skips and settings (Journal.read_streak), unless the
    caller already read them (`log` does, in its write transaction). No lines for an
    empty journal, or when the streak cannot be read after an entry was committed
    (reported, not failed: a retry would log the entry twice).
    """
    from shipit.domain.errors import ShipitError
    from shipit.views import render, render_stats

    try:
        if hist is None:
            hist = j.streak_history()
    except ShipitError as exc:
        from shipit.i18n import t

        render.err(t("entries.streak_not_shown", error=exc), style="dim")
        return []
    if not hist.has_entries:
        return []
    lines = [render_stats.streak_line(hist.streak(), shipped_today=hist.shipped_today(),
                                      excused_today=hist.excuse(hist.today))]  # fmt: skip
    missed = render_stats.missed_line(hist.missed_days())
    if missed is not None:
        lines.append(missed)
    return lines


def confirm_logged(entry, j, *, verb: str = "entries.verb_logged", hist=None) -> None:  # noqa: ANN001
    """The one-line confirmation after an entry is written, with the streak; `verb` is
    a message key ("entries.verb_shipped": "Shipped").

    Written without Rich (views.line): `log` is the command people run most."""
    from shipit.i18n import t
    from shipit.views import line, render

    line.write([(f"{t(verb)} ", "bold"), *render.summary_line(entry)], *streak_lines(j, hist))
    show_linked(j)
    show_nearest(j)


def show_private(private: bool) -> None:
    """'private: stays on this machine' after an entry logged with --private."""
    if private:
        from shipit.i18n import t
        from shipit.views import line

        line.write([(t("entries.private_kept"), "dim")])


def show_linked(j) -> None:  # noqa: ANN001
    """'→ linked to +pricing' after an entry linked to a project."""
    from shipit.views import line

    if getattr(j, "linked", None):
        from shipit.domain.text import safe
        from shipit.i18n import t

        line.write([(safe(t("entries.linked", name=j.linked)), "cyan")])


def show_nearest(j) -> None:  # noqa: ANN001
    """'Pricing page ships in 3 days': the active project that ships soonest, if any."""
    from shipit.services.project_links import nearest_in

    found = j.nearest if getattr(j, "nearest_read", False) else nearest_in(j.store)
    if found is not None:
        from shipit.views import line
        from shipit.views.projects import nearest_line

        line.write(nearest_line(*found))


def show_streak(j, hist=None) -> None:  # noqa: ANN001
    from shipit.views import line

    line.write(*streak_lines(j, hist))


def confirm(question: "str | Msg", *, yes: bool, refuse: "str | Msg") -> bool:
    """Ask on a terminal; without one, `--yes` is required (InputError `refuse`, a
    message key or Msg)."""
    from shipit.domain.errors import InputError
    from shipit.views import render

    if yes:
        return True
    if not render.is_interactive():
        raise InputError(refuse)
    from shipit.i18n import language, t

    if language() == "en":
        return typer.confirm(str(question), default=False, err=True)
    # Click's [y/N] knows English answers only: ask in the reader's words (j/ja, n/nein;
    # y/yes and no work too). Enter answers no; Ctrl-C and end of input abort as before.
    yes, no = t("core.yes_words").split(), t("core.no_words").split()
    while True:
        answer = typer.prompt(f"{question} {t('core.yes_no_default_no')}", default="",
                              show_default=False, err=True).strip().lower()  # fmt: skip
        if answer in yes:
            return True
        if not answer or answer in no:
            return False
        render.err(t("core.answer_yes_no"), style="yellow")


def print_json(data: Any) -> None:
    from shipit.views import render

    render.print_json(data)


# -- shell completion of values (docs/commands.md, "Shell completion") --------------------
# Each returns (value, description) pairs for what starts with `incomplete`. Words come
# from the domain; tags and entry ids from the journal, read only when it exists (a
# completion never creates one) and never failing: a broken journal completes nothing.


def _matching(words: Any, incomplete: str) -> list[tuple[str, str]]:
    return [(w, h) for w, h in words if w.startswith(incomplete)]


def complete_kind(incomplete: str) -> list[tuple[str, str]]:
    from shipit.domain.entries import KINDS

    from shipit.i18n import t

    return _matching(((k, t("entries.complete_" + k)) for k in KINDS), incomplete)


def complete_outcome(incomplete: str) -> list[tuple[str, str]]:
    from shipit.domain.entries import OUTCOMES

    return _matching(((o, "") for o in OUTCOMES), incomplete)


def complete_decision(incomplete: str) -> list[tuple[str, str]]:
    from shipit.domain.entries import DECISIONS

    from shipit.i18n import t

    return _matching(((d, t("entries.complete_" + d)) for d in DECISIONS), incomplete)


def no_team():  # noqa: ANN201  (-> HubError)
    """The error of `week --team` and `export --team` on a journal with no team."""
    from shipit.domain.errors import HubError

    return HubError("sync.no_team", "sync.no_team_hint")


# This device's sync settings (docs/sync.md: auto-sync): never sent to the hub.
SYNC_HELP = {"sync.auto": "stats.setting.sync_auto", "sync.timeout": "stats.setting.sync_timeout"}


def complete_config_key(incomplete: str) -> list[tuple[str, str]]:
    from shipit.domain.settings import DEFAULTS, describe

    from shipit.i18n import t

    return _matching([*((k, describe(k)) for k in DEFAULTS),
                      *((k, t(v)) for k, v in SYNC_HELP.items())], incomplete)  # fmt: skip


def complete_config_value(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    from shipit.domain.settings import suggested_values

    key = (ctx.params.get("key") or "").strip().lower().replace("-", "_")
    if key == "sync.auto":
        return _matching([("on", "sync after every write"), ("off", "sync only when you run shipit sync")],
                         incomplete)  # fmt: skip
    return _matching(suggested_values(key), incomplete)


def _existing_journal():  # noqa: ANN202  (-> Journal | None)
    from shipit.services.journal import Journal

    j = Journal()
    return j if j.store.exists() else None


def complete_tag(incomplete: str) -> list[tuple[str, str]]:
    from shipit.domain.errors import ShipitError

    prefix = incomplete[:1] if incomplete[:1] in ("#", "@") else ""
    try:
        j = _existing_journal()
        rows = j.tags() if j is not None else []
    except (ShipitError, OSError):
        return []
    from shipit.i18n import t

    return _matching(((prefix + tag, t("entries.count", n=n)) for tag, n, _ in rows),
                     incomplete)  # fmt: skip


def complete_project(incomplete: str) -> list[tuple[str, str]]:
    """Project short names (active first, then the ended ones), described by their name."""
    from shipit.domain.errors import ShipitError

    try:
        j = _existing_journal()
        if j is None:
            return []
        from shipit.services.projects import Projects

        rows = Projects(j).list(everything=True)
    except (ShipitError, OSError):
        return []
    return _matching(((r.project.short, r.project.name) for r in rows), incomplete)


def complete_entry_id(incomplete: str) -> list[tuple[str, str]]:
    """The newest entries' ids, described by their text."""
    from shipit.domain.entries import Filters
    from shipit.domain.errors import ShipitError

    try:
        j = _existing_journal()
        entries = j.query(Filters(limit=50)) if j is not None else []
    except (ShipitError, OSError):
        return []
    return _matching(((str(e.id), f"{e.kind} {e.day}: {' '.join(e.text.split())[:60]}")
                      for e in entries), incomplete.lstrip("#"))  # fmt: skip


def notify(title: str, body: str) -> bool:
    """A desktop notification: notify-send (Linux) or osascript (macOS); nothing, and no
    error, where neither exists. True when one was sent."""
    import json
    import shutil
    import subprocess

    if shutil.which("notify-send"):
        command = ["notify-send", "--app-name=shipit", title, body]
    elif shutil.which("osascript"):
        script = f"display notification {json.dumps(body)} with title {json.dumps(title)}"
        command = ["osascript", "-e", script]
    else:
        return False
    try:
        return subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, timeout=10).returncode == 0  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return False
