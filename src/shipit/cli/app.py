"""The Typer app, its root options and the one error boundary.

Start-up is a feature: this module and the command modules import only Typer at the
top. Services, storage and the Rich views are imported inside the commands that need
them, so `--help`, `--version` and completion stay fast; SQLAlchemy is imported only
when a journal is created or migrated.
"""

import errno
import io
import os
import re
import signal
import sys
from collections.abc import Callable, Sequence
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from shipit import __version__
from shipit.cli.shim import (HELP_OPTION, LazyCommands, LazyTyper, frame, light_runtime_params,
                             localize, short_help, worded)

_state = {"debug": False, "auto_sync": True, "said_interrupted": False}


def no_auto_sync() -> None:
    """Called by the commands that talk to the hub themselves (sync, hub): their own
    writes are no reason to auto-sync."""
    _state["auto_sync"] = False


def debug_enabled() -> bool:
    return _state["debug"] or os.environ.get("SHIPIT_DEBUG", "") not in ("", "0")


def key_help_option(option: Any) -> None:
    """Give the -h/--help option its message key, once: help shown in English must not
    find Click's own sentence again and take it for the key's place."""
    if option is not None and not getattr(option, "_shipit_keyed", False):
        option._shipit_keyed = True
        if option.help == "Show this message and exit.":
            option.help = HELP_OPTION


def _stored_language() -> str | None:
    from shipit.services.language import stored_language

    return stored_language()


def _fail(message: str, code: int) -> int:
    from shipit.domain.text import safe  # stdlib only: cheap
    from shipit.i18n import t

    # The message may quote user input (a file name, a bad value): escape controls.
    sys.stderr.write(t("core.error", message=safe(str(message))) + "\n")
    sys.stderr.flush()
    return code


def interrupted_exit() -> typer.Exit:
    """Exit 130 from a command that has said itself what the Ctrl-C did (a step's timer)."""
    _state["said_interrupted"] = True
    return typer.Exit(130)


class Interrupted(Exception):
    """Ctrl-C, carried past Typer's own handler so the boundary can report it."""


class ReaderGone(Exception):
    """stdout's reader went away (a broken pipe), carried past Typer's own handler."""


class LightGroup(TyperGroup):
    """A command group whose help options skip Typer's pydantic coercion (cli.shim)."""

    def get_help_option(self, ctx: typer.Context) -> Any:
        option = super().get_help_option(ctx)
        key_help_option(option)  # worded when help is shown (cli.shim.localize)
        light_runtime_params([option] if option is not None else [])
        return option

    def resolve_command(self, ctx: typer.Context, args: list[str]) -> Any:
        name, cmd, rest = super().resolve_command(ctx, args)
        if cmd is not None and hasattr(cmd, "get_help_option"):
            option = cmd.get_help_option(ctx)  # created once, cached on the command
            key_help_option(option)
            light_runtime_params([option] if option is not None else [])
        return name, cmd, rest


class ShipitGroup(LightGroup):
    """The root group: commands built on first use (cli.shim.LazyCommands), and every
    known failure turned into one line on stderr and an exit code.

    0 success · 1 failure (journal locked, unreadable, corrupt, too new) ·
    2 bad usage or input · 130 interrupted. A traceback only with --debug or
    SHIPIT_DEBUG=1.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands = LazyCommands(app.lazy, app.names, app.register)

    def list_commands(self, ctx: typer.Context) -> list[str]:
        return list(self.commands.keys())

    def _speak(self, ctx: typer.Context | None = None) -> None:
        """Word the root's own options in the reader's language (Typer's completion
        options get their help keys first)."""
        for param in self.params:
            key = _COMPLETION_HELP.get(param.name or "")
            if key is not None and getattr(param, "help", None):
                param.help = key
        localize(self, ctx, deep=False)  # the commands are listed from their registrations

    def format_help(self, ctx: typer.Context, formatter: Any) -> None:
        self._speak(ctx)
        frame(formatter)
        super().format_help(ctx, formatter)

    def format_commands(self, ctx: typer.Context, formatter: Any) -> None:
        """The command list of `--help`, from the registrations (nothing is built)."""
        from shipit.i18n import t

        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(len(n) for n in names)
        rows = [(n, short_help(n, limit)) for n in names]
        with formatter.section(t("help.section_commands")):
            formatter.write_dl(rows)

    def shell_complete(self, ctx: typer.Context, incomplete: str) -> Any:
        """The commands that match, and the root's options: described in the reader's
        language from their help keys, with no command built and no command module
        imported. bash shows no descriptions, so it is given none (nor is the journal
        opened to learn the language)."""
        from typer._click.core import Command
        from typer._click.shell_completion import CompletionItem

        described = not os.environ.get("_SHIPIT_COMPLETE", "").endswith("_bash")
        if described:
            self._speak()
        items = [CompletionItem(name, help=short_help(name, 45) if described else None)
                 for name in self.list_commands(ctx) if name.startswith(incomplete)]
        options = Command.shell_complete(self, ctx, incomplete)  # the root's options
        return items + (worded(options) if described else options)

    def invoke(self, ctx: typer.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt as exc:
            raise Interrupted() from exc
        except BrokenPipeError as exc:
            # Typer turns an EPIPE raised inside a command into exit 1; carry it out
            # to main() as something that is not an OSError.
            raise ReaderGone() from exc

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        from shipit import i18n
        from shipit.domain.errors import ShipitError

        _state["debug"] = False
        i18n.on_stored(_stored_language)  # the language is decided on first use
        _state["auto_sync"] = True
        _state["said_interrupted"] = False
        _begin_services()
        light_runtime_params(self.params)  # the root's own; commands get theirs when built
        previous = _sigint(signal.default_int_handler)  # Ctrl-C now raises, in here
        previous_hook, sys.unraisablehook = sys.unraisablehook, _redeliver_interrupt
        try:
            _guard_stdout()
            _check_arguments(sys.argv[1:] if args is None else list(args))
            rv = super().main(
                args=args,
                prog_name=prog_name or "shipit",
                complete_var=complete_var,
                standalone_mode=False,
                **extra,
            )
            code = rv if isinstance(rv, int) else 0
            if code == 130 and not _state["said_interrupted"]:
                # Typer answers a Ctrl-C outside the command's own run (while it parses
                # the arguments, or closes the context after the command returned) with
                # a silent exit 130: say it, and a write that committed is a success.
                code = _after_commit(i18n.Msg("core.interrupted"),
                                     i18n.Msg("core.interrupted_nothing_written"), 130)
        except ShipitError as exc:
            if debug_enabled():
                import traceback

                traceback.print_exc()
            code = _after_commit(str(exc), str(exc), exc.exit_code)
        except typer.TyperException as exc:  # usage errors from the parser
            message = exc.format_message().strip().rstrip(".")
            if i18n.language() != "en":
                message = usage_words(exc, message)
            ctx = getattr(exc, "ctx", None)
            if ctx is not None:
                message = i18n.t("core.see_help", message=message, command=ctx.command_path)
            code = _fail(message, getattr(exc, "exit_code", 2))
        except typer.Abort as exc:
            # Raised by prompts on Ctrl-C or end of input.
            interrupted = isinstance(exc.__context__, KeyboardInterrupt)
            code = _after_commit(i18n.Msg("core.interrupted" if interrupted else "core.aborted"),
                                 i18n.Msg("core.interrupted_nothing_written" if interrupted
                                          else "core.aborted"),
                                 130 if interrupted else 1)  # fmt: skip
        except (KeyboardInterrupt, Interrupted):
            code = _after_commit(i18n.Msg("core.interrupted"),
                                 i18n.Msg("core.interrupted_nothing_written"), 130)  # fmt: skip
        except (BrokenPipeError, ReaderGone):
            # The reader went away (`shipit export | head`): not an error worth a message.
            _silence_stdout()
            code = 0
        except OSError as exc:
            if not _is_output_error(exc):
                code = _unexpected(exc)
            else:
                # stdout closed (>&-) or full (>/dev/full): the output is lost, not the data.
                _silence_stdout()
                reason = exc.strerror or str(exc)
                code = _after_commit(i18n.Msg("core.output_failed", reason=reason),
                                     i18n.Msg("core.cannot_write_output", reason=reason), 1)
        except Exception as exc:
            if _interrupt_inside(exc):  # Python wrapped the Ctrl-C (e.g. in __set_name__)
                code = _after_commit(i18n.Msg("core.interrupted"),
                                     i18n.Msg("core.interrupted_nothing_written"), 130)
            else:
                code = _unexpected(exc)
        # The outcome is decided: neither an auto-sync nor a Ctrl-C changes it. Ctrl-C is
        # held back first (a KeyboardInterrupt here would escape the boundary and report a
        # committed write as interrupted); an auto-sync lets it stop the sync alone.
        _sigint(signal.SIG_IGN)
        if _state["auto_sync"] and _committed() and _wants_auto_sync():
            try:
                _sigint(signal.default_int_handler)
                _auto_sync()
            except KeyboardInterrupt:  # between the sync's own handling and the line below
                pass
            finally:
                _sigint(signal.SIG_IGN)
        sys.unraisablehook = previous_hook
        _finish_services()
        if standalone_mode:
            _flush_or_silence()
            if not getattr(previous, "shipit_boot", False):  # see shipit.cli.main
                _sigint(previous)
            sys.exit(code)
        _sigint(previous)
        return code


def _interrupt_inside(exc: BaseException) -> bool:
    """Whether a Ctrl-C is what this exception is really about: Python turns a
    KeyboardInterrupt raised in some hooks (a class body's __set_name__, an import's
    set-up) into another exception whose cause or context it is."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, KeyboardInterrupt):
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return False


_EXTRA = re.compile(r"Got unexpected extra argument(?:\(s\)|s)? \((.*)\)", re.S)
_NO_COMMAND = re.compile(r"No such command (.+)", re.S)
_REQUIRES = re.compile(r"Option (.+) requires (?:an argument|(\d+) arguments)", re.S)
_NO_VALUE = re.compile(r"Option (.+) does not take a value", re.S)
_NOT_INT = "Input should be a valid integer"


def usage_words(exc: Exception, english: str) -> str:
    """A parser's usage error in the reader's language, worded from the exception's
    class and fields (Typer and Click say them in English only); `english` (the
    parser's own words, without the final stop) when its shape is not known here."""
    from typer._click import exceptions as click

    from shipit.i18n import t

    if isinstance(exc, click.NoSuchOption):
        message = t("core.no_such_option", name=exc.option_name)
        if exc.possibilities:
            options = ", ".join(sorted(exc.possibilities))
            message = t("core.possible_options", message=message, options=options)
        return message
    if isinstance(exc, click.MissingParameter):
        prefix = english.split(". ", 1)[0]
        kind = exc.param_type or getattr(exc.param, "param_type_name", "parameter")
        name = prefix.split(" ", 2)[2] if prefix.count(" ") >= 2 else ""
        key = {"argument": "core.missing_argument", "option": "core.missing_option"}.get(
            kind, "core.missing_parameter")  # fmt: skip
        return t(key, name=name)
    if isinstance(exc, click.BadParameter):
        reason = str(exc.message).strip().rstrip(".")
        if reason.startswith(_NOT_INT):
            reason = t("core.not_an_integer")
        hint = english.split(": ", 1)[0].removeprefix("Invalid value for ").removeprefix(
            "Invalid value")  # fmt: skip
        if not hint:
            return t("core.invalid_value_plain", reason=reason)
        return t("core.invalid_value", name=hint, reason=reason)
    if m := _EXTRA.fullmatch(english):
        return t("core.extra_arguments", args=m.group(1))
    # "No such command 'lst'. Did you mean 'list'?" (its first sentence may already be
    # worded: a help page shown earlier in this process words Typer's own phrases)
    base, suggested, name = english.partition(". Did you mean ")
    if m := _NO_COMMAND.fullmatch(base):
        base = t("core.no_such_command", name=m.group(1))
    if suggested:
        return t("core.did_you_mean", message=base, name=name.rstrip("?"))
    if m:
        return base
    if m := _REQUIRES.fullmatch(english):
        if m.group(2) is None:
            return t("core.requires_argument", name=m.group(1))
        return t("core.requires_arguments", name=m.group(1), n=int(m.group(2)))
    if m := _NO_VALUE.fullmatch(english):
        return t("core.takes_no_value", name=m.group(1))
    if english == "Missing command":
        return t("core.missing_command")
    return english


def _unexpected(exc: Exception) -> int:
    from shipit.i18n import Msg

    if debug_enabled() and not _committed():
        _finish_services()  # the journal closed first: the traceback leaves nothing open
        raise exc
    if debug_enabled():
        import traceback

        traceback.print_exception(exc)
    name = type(exc).__name__
    return _after_commit(Msg("core.unexpected", name=name, error=exc),
                         Msg("core.unexpected_debug", name=name, error=exc), 1)  # fmt: skip


def _wants_auto_sync() -> bool:
    """One cheap read before anything of sync is imported (most journals never sync)."""
    try:
        from shipit.services.journal import wants_auto_sync

        return wants_auto_sync()
    except Exception:  # noqa: BLE001  never fails a command whose write is done
        return False


def _auto_sync() -> None:
    """After a command committed a write, sync with the hub when this device asks for it
    (`shipit config sync.auto on`, docs/sync.md). The one place every writing command
    passes. Whatever happens here, the command's outcome (and exit code) stays: a failed
    sync changes nothing locally and its changes go up with the next sync."""
    from shipit.views import sync as sync_view

    try:
        from shipit.services import sync

        line = sync_view.auto_sync_line(sync.auto_sync())
    except (KeyboardInterrupt, Interrupted):
        line = sync_view.auto_sync_interrupted()
    except Exception as exc:  # noqa: BLE001  never fails a command whose write is done
        if debug_enabled():
            import traceback

            traceback.print_exception(exc)
        line = sync_view.auto_sync_failed(exc)
    if line:
        try:
            sys.stderr.write(line + "\n")
            sys.stderr.flush()
        except (OSError, ValueError, AttributeError):
            pass


def _redeliver_interrupt(unraisable: Any) -> None:
    """Ctrl-C that landed in a callback Python cannot raise from (an import lock's weakref
    callback, a __del__) would be printed and dropped: deliver it again, to the command."""
    if isinstance(unraisable.exc_value, KeyboardInterrupt):
        import _thread

        _thread.interrupt_main()
        return
    sys.__unraisablehook__(unraisable)


def _sigint(handler: Any) -> Any:
    """Set the SIGINT handler (main thread only); return the previous one."""
    if handler is None:
        return None
    try:
        return signal.signal(signal.SIGINT, handler)
    except (ValueError, OSError):  # not the main thread
        return None


def _committed() -> bool:
    """Has this command committed its write? Asked of the services only if loaded."""
    journal_service = sys.modules.get("shipit.services.journal")
    try:
        return bool(journal_service is not None and journal_service.committed())
    except Exception:
        return False


def _after_commit(what: object, failure: object, code: int) -> int:
    """Once the write has committed, the command succeeded: exit 0, with a note on what
    happened after it. Before: the failure (`failure`, exit `code`)."""
    if not _committed():
        return _fail(failure, code)
    from shipit.domain.text import safe
    from shipit.i18n import t

    try:
        sys.stderr.write(t("core.note_after_commit", what=safe(str(what))) + "\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass
    return 0


class _ClosedOutput(io.TextIOBase):
    """Stands for a closed stdout (`shipit list >&-`): every write fails, clearly."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")


def _guard_stdout() -> None:
    if sys.stdout is None:
        sys.stdout = _ClosedOutput()


_OUTPUT_ERRNOS = {errno.EBADF, errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EPIPE,
                  errno.ENXIO, errno.EINVAL}  # fmt: skip


def _is_output_error(exc: OSError) -> bool:
    """An OSError from writing stdout (no file name: not a file a command opened)."""
    return exc.filename is None and exc.errno in _OUTPUT_ERRNOS


def _check_arguments(args: list[str]) -> None:
    """Refuse an argument that is not valid UTF-8, naming it (before any command runs)."""
    from shipit.domain.errors import InputError
    from shipit.i18n import Msg

    for i, arg in enumerate(args):
        if not isinstance(arg, str):
            continue
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            shown = arg.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            what: Msg
            if arg.startswith("-") and "=" in arg:
                option, shown = shown.split("=", 1)
                what = Msg("core.value_of", option=option)
            elif i > 0 and args[i - 1].startswith("-") and "=" not in args[i - 1]:
                what = Msg("core.value_of", option=args[i - 1])
            else:
                what = Msg("core.argument_n", n=i + 1)
            raise InputError("core.not_utf8", "core.not_utf8_hint", what=what,
                             shown=shown) from None  # fmt: skip


def _begin_services() -> None:
    """A new command: nothing of it has committed yet (in-process runs reuse the
    services of the last command). Never imports services."""
    journal_service = sys.modules.get("shipit.services.journal")
    if journal_service is not None:
        journal_service.begin()


def _finish_services() -> None:
    """Close what the command opened, if it opened anything (never imports services)."""
    journal_service = sys.modules.get("shipit.services.journal")
    if journal_service is not None:
        try:
            journal_service.finish()
        except Exception:  # closing after the command's outcome is decided: never fail
            pass


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _flush_or_silence() -> None:
    try:
        sys.stdout.flush()
    except OSError:
        _silence_stdout()  # so that the interpreter's own last flush stays quiet
    except (ValueError, AttributeError):
        pass


HELP = "help.root"  # the text: shipit/i18n/<lang>/help.py
_COMPLETION_HELP = {"install_completion": "help.install_completion",
                    "show_completion": "help.show_completion"}  # fmt: skip

class ShipitTyper(LazyTyper, typer.Typer):
    """The app: commands register here and are built on first use. `names` lists every
    command, also those whose module is not imported yet, which `register(name)` imports
    when one is used (both set by shipit.cli.load)."""

    lazy: dict[str, tuple[str, Any]] = {}
    names: list[str] = []
    register: Callable[[str], None] | None = None


app = ShipitTyper(
    cls=ShipitGroup,
    name="shipit",
    help=HELP,
    invoke_without_command=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"shipit {__version__}\n")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version, is_eager=True,
                     help="help.version"),
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="help.debug")] = False,
) -> None:  # fmt: skip
    if debug:
        _state["debug"] = True
    if ctx.invoked_subcommand is None:
        # The daily glance is `shipit today`: run it without importing its module here
        # (command modules register on this app; it must not import them back).
        today = ctx.command.get_command(ctx, "today")  # type: ignore[attr-defined]
        ctx.invoke(today.callback, json_output=False)
