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
        stack.extend(getattr(cmd, "commands", {}).values())
