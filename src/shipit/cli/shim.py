"""Typer start-up shim: plain parameters skip Typer's pydantic coercion.

Typer 0.29 coerces every parameter value that is not already a bool (even a flag's
None) through a pydantic TypeAdapter, which costs ~150 ms of imports and set-up on
paths (help, completion, log) that otherwise need none of it. Values of the simple
types below arrive from the parser already typed (or as digit strings for int), so a
pass-through is exact; anything else falls back to Typer's own coercion.

This leans on Typer's private `typer._coercion.RuntimeParam`, so it is kept here,
alone, with the Typer versions it was written against. tests/test_shim.py fails
loudly when the installed Typer is not one of them, or when the shim cannot install
itself: start-up must not become slower in silence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

# The Typer releases this shim was checked against (major.minor).
TESTED_TYPER = ("0.29",)

_INT = re.compile(r"[+-]?[0-9]{1,18}")
_Light: Any = None


def light_param_class() -> Any:
    """The pass-through RuntimeParam subclass, or None when Typer has no such internal."""
    global _Light
    if _Light is not None:
        return _Light
    try:
        from typer._coercion import RuntimeParam, build_runtime_param
    except ImportError:  # a Typer without this internal: tests/test_shim.py fails
        return None

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
    return _Light


def light_runtime_params(params: Any) -> int:
    """Give plain str/bool/int/list[str] parameters the pass-through; return how many."""
    light = light_param_class()
    if light is None:
        return 0
    done = 0
    for param in params:
        desc = getattr(param, "type_descriptor", None)
        if desc is None or getattr(param, "_runtime_param", ...) is not None:
            continue
        if desc.file_annotation is None and (
            desc.annotation in (str, bool, int) or desc.annotation == list[str]
        ):
            param._runtime_param = light(
                parameter_info=desc.parameter_info, annotation=desc.annotation
            )
            done += 1
    return done


# What help shows for a value, by its annotation: words, not Python types.
_WORDS = {str: "TEXT", int: "N"}


def plain_help(params: Any) -> None:
    """Help shows words, not Python types: `--note TEXT`, not `--note <str>`; an argument
    shows its metavar alone (`TEXT...`, not `TEXT... <list[str]>`)."""
    for param in params:
        if getattr(param, "_plain_help", False) or not hasattr(param, "display_type_rich"):
            continue
        param._plain_help = True
        if getattr(param, "param_type_name", "") == "argument":
            param.display_type_rich = lambda ctx: None
            metavar = getattr(param, "metavar", None)
            if metavar and metavar.endswith("..."):  # usage: [TEXT...], not [TEXT...]...
                shown = metavar if param.required else f"[{metavar}]"
                param._usage_display_name = lambda shown=shown: shown
        elif getattr(param, "metavar", None) is None:
            desc = getattr(param, "type_descriptor", None)
            ann = getattr(desc, "annotation", None)
            word = _WORDS.get(ann) or ("TEXT" if ann == list[str] else None)
            if word is not None:
                param.metavar = word


def light_tree(command: Any) -> None:
    """Apply the shim (and plain help words) to a command and all its subcommands."""
    stack = [command]
    while stack:
        cmd = stack.pop()
        params = getattr(cmd, "params", ())
        light_runtime_params(params)
        plain_help(params)
        speak_when_asked(cmd)
        stack.extend(getattr(cmd, "commands", {}).values())


# -- help in the reader's language ----------------------------------------------------------
#
# Help texts are message keys (`help="help.log.note"`, a command's `help="help.log"`),
# put into words only when help is shown or completion describes an option: a command
# that just runs never loads the help catalogue.


def words(text: Any) -> Any:
    """A help text in the reader's language: a message key becomes its text."""
    if not isinstance(text, str) or "." not in text or " " in text:
        return text
    from shipit.i18n import is_key, t

    return t(text) if is_key(text) else text


def worded(items: list[Any]) -> list[Any]:
    """Completion items with their descriptions in words (the -h/--help option's help is
    its key again each time Click lists the options)."""
    for item in items:
        item.help = words(item.help)
    return items


HELP_OPTION = "help.help_option"


def localize(command: Any, ctx: Any = None, *, deep: bool = True) -> None:
    """Word the help of a command (and, deep, its subcommands) in the reader's language,
    in place; with `ctx`, its -h/--help option too."""
    stack = [command]
    while stack:
        cmd = stack.pop()
        for attr in ("help", "short_help", "epilog"):
            if getattr(cmd, attr, None):
                setattr(cmd, attr, words(getattr(cmd, attr)))
        params = list(getattr(cmd, "params", ()))
        if ctx is not None and cmd is command:
            params.append(cmd.get_help_option(ctx))
        for param in params:
            if param is not None and getattr(param, "help", None):
                param.help = words(param.help)
        if deep:
            stack.extend(getattr(cmd, "commands", {}).values())


# Typer's own words on a help page (typer.core says them through gettext's `_`).
TYPER_WORDS = {
    "Arguments": "help.section_arguments", "Options": "help.section_options",
    "Commands": "help.section_commands", "default: {default}": "help.default",
    "required": "help.required", "Missing command.": "help.missing_command",
    "No such command {name!r}.": "help.no_such_command",
}  # fmt: skip


def frame(formatter: Any) -> None:
    """Typer's and Click's words around the help texts, in the reader's language."""
    import typer.core

    from shipit.i18n import t

    def say(text: str) -> str:
        key = TYPER_WORDS.get(text)
        return text if key is None else t(key)

    typer.core._ = say  # type: ignore[attr-defined]
    write_usage = formatter.write_usage

    def localized_usage(prog: str, args: str = "", prefix: str | None = None) -> None:
        write_usage(prog, args, t("help.usage") if prefix is None else prefix)

    formatter.write_usage = localized_usage


def speak_when_asked(cmd: Any) -> None:
    """Localize the command's help just before it is formatted or completed."""
    if getattr(cmd, "_speaks", False):
        return
    cmd._speaks = True
    format_help, shell_complete = cmd.format_help, cmd.shell_complete

    def localized_format_help(ctx: Any, formatter: Any) -> None:
        localize(cmd, ctx)
        frame(formatter)
        format_help(ctx, formatter)

    def localized_shell_complete(ctx: Any, incomplete: str) -> Any:
        localize(cmd)
        return worded(shell_complete(ctx, incomplete))

    cmd.format_help = localized_format_help
    cmd.shell_complete = localized_shell_complete


# -- commands built on first use ---------------------------------------------------------
#
# Typer turns every registered command into a Click command before parsing anything:
# for shipit's ~30 commands that is ~13 ms of signature inspection on every run, for
# one command used. `LazyTyper` keeps the registrations aside and `LazyCommands` (the
# group's `commands` mapping) builds each Click command the first time it is looked
# up: `shipit log` builds `log` only, `--help` lists every command from its help text
# without building it. Uses typer.main.get_command_from_info/get_group_from_info.


class LazyTyper:
    """Mixin for typer.Typer: `command()` and `add_typer()` register lazily."""

    lazy: dict[str, tuple[str, Any]]

    def command(self, name: str | None = None, **kwargs: Any) -> Any:
        register = super().command(name, **kwargs)  # type: ignore[misc]

        def decorator(f: Any) -> Any:
            register(f)
            info = self.registered_commands.pop()  # type: ignore[attr-defined]
            from typer.main import get_command_name

            self.lazy[info.name or get_command_name(f.__name__)] = ("command", info)
            return f

        return decorator

    def add_typer(self, typer_instance: Any, *, name: str, **kwargs: Any) -> None:
        super().add_typer(typer_instance, name=name, **kwargs)  # type: ignore[misc]
        self.lazy[name] = ("group", self.registered_groups.pop())  # type: ignore[attr-defined]


def build(kind: str, info: Any) -> Any:
    """The Click command (or group) for a kept-aside Typer registration."""
    from typer.main import get_command_from_info, get_group_from_info

    if kind == "command":
        cmd = get_command_from_info(info, pretty_exceptions_short=True, rich_markup_mode=None)
    else:
        cmd = get_group_from_info(info, pretty_exceptions_short=True, rich_markup_mode=None,
                                  suggest_commands=True)  # fmt: skip
    light_tree(cmd)
    return cmd


def help_key(name: str) -> str:
    """The message key of a command's help (`prompt-init` → help.prompt_init): what
    `--help` lists for it, with nothing of the command imported or built."""
    return "help." + name.replace("-", "_")


def short_help(name: str, limit: int) -> str:
    """A command's help cut to `limit` characters, in words, from its key alone (what
    the root's `--help` and its completion describe it with)."""
    from typer._click.utils import make_default_short_help

    return make_default_short_help(words(help_key(name)), limit).strip()


class LazyCommands(dict):  # type: ignore[type-arg]
    """A group's commands: names known up front, each Click command built on first use.

    `names` may list commands whose module is not imported yet: `register(name)` imports
    it (the module registers the command into `lazy`) the first time one is looked up."""

    def __init__(self, lazy: dict[str, tuple[str, Any]], names: Iterable[str] = (),
                 register: Callable[[str], None] | None = None) -> None:  # fmt: skip
        super().__init__()
        self.lazy = lazy
        self.names = list(names)
        self.register = register

    def __missing__(self, name: str) -> Any:
        if name not in self.lazy and name in self.names and self.register is not None:
            self.register(name)
        if name not in self.lazy:
            raise KeyError(name)
        cmd = self[name] = build(*self.lazy[name])
        return cmd

    def get(self, name: str, default: Any = None) -> Any:  # type: ignore[override]
        try:
            return self[name]
        except KeyError:
            return default

    def __contains__(self, name: object) -> bool:
        return name in self.names or name in self.lazy or super().__contains__(name)

    def keys(self) -> Any:  # type: ignore[override]
        return list(dict.fromkeys([*self.names, *self.lazy, *super().keys()]))

    def __iter__(self) -> Any:
        return iter(self.keys())

    def __len__(self) -> int:
        return len(self.keys())

    def items(self) -> Any:  # type: ignore[override]
        return [(name, self[name]) for name in self.keys()]

    def values(self) -> Any:  # type: ignore[override]
        return [self[name] for name in self.keys()]
