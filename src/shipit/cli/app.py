"""The Typer app, its root options and the one error boundary.

Start-up is a feature: this module and the command modules import only Typer at the
top. SQLAlchemy/SQLModel, the domain and Rich renderers are imported inside the
commands that need them, so `--help`, `--version` and completion stay fast.
"""

import os
import re
import sys
from collections.abc import Sequence
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from shipit import __version__

_state = {"debug": False}


def debug_enabled() -> bool:
    return _state["debug"] or os.environ.get("SHIPIT_DEBUG", "") not in ("", "0")


def _fail(message: str, code: int) -> int:
    from shipit.render import safe  # stdlib only: cheap

    # The message may quote user input (a file name, a bad value): escape controls.
    sys.stderr.write(f"shipit: error: {safe(message)}\n")
    sys.stderr.flush()
    return code


class Interrupted(Exception):
    """Ctrl-C, carried past Typer's own handler so the boundary can report it."""


class ReaderGone(Exception):
    """stdout's reader went away (a broken pipe), carried past Typer's own handler."""


_INT = re.compile(r"[+-]?[0-9]{1,18}")


def _light_runtime_params(params: Any) -> None:
    """Let plain str/bool/int/list[str] parameters skip Typer's pydantic adapters.

    Typer 0.29 coerces every parameter value that is not already a bool (even a
    flag's None) through a pydantic TypeAdapter, which costs ~150 ms of imports and
    set-up on paths (help, completion, log) that otherwise need none of it. Values of
    these simple types arrive from the parser already typed (or as digit strings for
    int), so a pass-through is exact; anything else falls back to Typer's own
    coercion. Uses Typer's private RuntimeParam; if that moves, this does nothing
    (Typer is pinned below 0.30) and tests/test_process.py notices the cost.
    """
    try:
        from typer._coercion import RuntimeParam, build_runtime_param
    except ImportError:  # pragma: no cover - a Typer without this internal
        return
    global _Light
    if _Light is None:

        class _LightParam(RuntimeParam):  # type: ignore[misc,valid-type]
            def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
                ann = self.annotation
                if ann is int and isinstance(value, str) and _INT.fullmatch(value.strip()):
                    return int(value)
                if isinstance(ann, type) and isinstance(value, ann) and (
                    ann is bool or not isinstance(value, bool)
                ):
                    return value
                if ann == list[str] and isinstance(value, (list, tuple)) and all(
                    isinstance(v, str) for v in value
                ):
                    return list(value)
                full = build_runtime_param(param.type_descriptor)
                return full._coerce_value(value, param=param, ctx=ctx)

        _Light = _LightParam
    for param in params:
        desc = getattr(param, "type_descriptor", None)
        if desc is None or getattr(param, "_runtime_param", ...) is not None:
            continue
        if desc.file_annotation is None and (
            desc.annotation in (str, bool, int) or desc.annotation == list[str]
        ):
            param._runtime_param = _Light(
                parameter_info=desc.parameter_info, annotation=desc.annotation
            )


_Light: Any = None


def _light_tree(command: Any) -> None:
    stack = [command]
    while stack:
        cmd = stack.pop()
        _light_runtime_params(getattr(cmd, "params", ()))
        stack.extend(getattr(cmd, "commands", {}).values())


class ShipitGroup(TyperGroup):
    """Turns every known failure into one line on stderr and an exit code.

    0 success · 1 failure (journal locked, unreadable, corrupt, too new) ·
    2 bad usage or input · 130 interrupted. A traceback only with --debug or
    SHIPIT_DEBUG=1.
    """

    def get_help_option(self, ctx: typer.Context) -> Any:
        option = super().get_help_option(ctx)
        _light_runtime_params([option] if option is not None else [])
        return option

    def resolve_command(self, ctx: typer.Context, args: list[str]) -> Any:
        name, cmd, rest = super().resolve_command(ctx, args)
        if cmd is not None and hasattr(cmd, "get_help_option"):
            option = cmd.get_help_option(ctx)  # created once, cached on the command
            _light_runtime_params([option] if option is not None else [])
        return name, cmd, rest

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
        from shipit.errors import ShipitError

        _state["debug"] = False
        _light_tree(self)
        try:
            rv = super().main(
                args=args,
                prog_name=prog_name or "shipit",
                complete_var=complete_var,
                standalone_mode=False,
                **extra,
            )
            code = rv if isinstance(rv, int) else 0
        except ShipitError as exc:
            if debug_enabled():
                import traceback

                traceback.print_exc()
            code = _fail(str(exc), exc.exit_code)
        except typer.TyperException as exc:  # usage errors from the parser
            message = exc.format_message().strip().rstrip(".")
            ctx = getattr(exc, "ctx", None)
            hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
            code = _fail(f"{message}{hint}", getattr(exc, "exit_code", 2))
        except typer.Abort as exc:
            # Raised by prompts on Ctrl-C or end of input.
            interrupted = isinstance(exc.__context__, KeyboardInterrupt)
            code = _fail("interrupted" if interrupted else "aborted", 130 if interrupted else 1)
        except (KeyboardInterrupt, Interrupted):
            code = _fail("interrupted", 130)
        except (BrokenPipeError, ReaderGone):
            # The reader went away (`shipit export | head`): not an error worth a message.
            _silence_stdout()
            code = 0
        except Exception as exc:
            if debug_enabled():
                raise
            code = _fail(
                f"unexpected {type(exc).__name__}: {exc} "
                "(run again with --debug for the details, and please report it)",
                1,
            )
        if standalone_mode:
            _flush_or_silence()
            sys.exit(code)
        return code


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _flush_or_silence() -> None:
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    except (OSError, ValueError):
        pass


def journal():  # noqa: ANN201  (-> shipit.journal.Journal; imported lazily)
    """The journal every command works on (domain imports stay out of start-up)."""
    from shipit.journal import Journal

    return Journal()


HELP = """Ship something every day, and see the habit.

shipit keeps a local journal of ships (what you delivered), small timed steps and
brave attempts, and shows your streaks. Run it with no command for today's glance.

Text that begins with '-' goes after '--':  shipit log -- "- fixed the typo"
"""

app = typer.Typer(
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
                     help="Show the version and exit."),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show tracebacks (also SHIPIT_DEBUG=1).")
    ] = False,
) -> None:  # fmt: skip
    if debug:
        _state["debug"] = True
    if ctx.invoked_subcommand is None:
        from shipit.cli.entries import show_today

        show_today(json_output=False)
