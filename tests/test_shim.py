"""The Typer start-up shim (shipit/cli/shim.py) leans on a Typer internal: these tests
fail loudly, not slowly, when Typer changes underneath it."""

from __future__ import annotations

import typer
import typer.main

from shipit.cli import load, shim

app = load()  # the Typer app (the name `shipit.cli.app` may be the submodule by now)


def test_installed_typer_is_one_the_shim_was_checked_against() -> None:
    major_minor = ".".join(typer.__version__.split(".")[:2])
    assert major_minor in shim.TESTED_TYPER, (
        f"Typer {typer.__version__} is not one shipit/cli/shim.py was checked against "
        f"({', '.join(shim.TESTED_TYPER)}): check that typer._coercion.RuntimeParam still "
        "works as the shim expects, run tests/test_startup_imports.py, then add the version"
    )


def test_the_shim_installs_itself_on_every_plain_parameter() -> None:
    assert shim.light_param_class() is not None, "typer._coercion.RuntimeParam is gone"
    command = typer.main.get_command(app)
    log = command.get_command(None, "log")  # type: ignore[attr-defined,arg-type]
    for param in log.params:
        param._runtime_param = None  # as Typer leaves them before coercion
    assert shim.light_runtime_params(log.params) == len(log.params)  # text, --date ... --json
    light = shim.light_param_class()
    assert all(isinstance(p._runtime_param, light) for p in log.params)


def test_the_light_coercion_is_exact_for_the_simple_types(cli) -> None:
    r = cli("log", "0042", "--date", "2026-11-20", "--tag", "a", "--tag", "b", "--json")
    assert r.exit_code == 0, r.output
    assert '"text": "0042"' in r.stdout and '"tags": [\n    "a",\n    "b"\n  ]' in r.stdout
    r = cli("history", "--limit", "+1", "--json")  # an int option given as digits
    assert r.exit_code == 0, r.output
    assert r.stdout.count('"seq"') == 1


def test_a_run_builds_only_its_command(cli, monkeypatch) -> None:
    built: list[str] = []
    original = shim.build

    def counting(kind, info):  # noqa: ANN001, ANN202
        built.append(info.name)
        return original(kind, info)

    monkeypatch.setattr(shim, "build", counting)
    assert cli("log", "x").exit_code == 0
    assert built == ["log"]
    built.clear()
    assert cli().exit_code == 0  # the daily glance runs `today`
    assert built == ["today"]


def test_commands_are_built_on_first_use_and_help_lists_them_all(cli) -> None:
    group = typer.main.get_command(app)
    assert dict.__len__(group.commands) == 0  # nothing built before it is looked up
    assert group.get_command(None, "log").name == "log"  # type: ignore[attr-defined,arg-type]
    assert list(dict.keys(group.commands)) == ["log"]
    assert group.get_command(None, "nope") is None  # type: ignore[attr-defined,arg-type]
    names = list(app.lazy)
    assert {"log", "undo", "redo", "history", "step", "export"} <= set(names)
    listed = cli("--help").stdout.split("Commands:")[1]
    assert [line.split()[0] for line in listed.strip().splitlines()] == names


def test_the_command_table_is_the_registrations() -> None:
    """shipit.cli.COMMANDS (what the program knows before importing a command module)
    names every registered command, in registration order, with the module that
    registers it and the help key `--help` lists it with."""
    from shipit.cli import COMMANDS

    assert list(COMMANDS) == list(app.lazy)
    for name, (kind, info) in app.lazy.items():
        if kind == "command":
            module, key = info.callback.__module__, info.short_help or info.help
        else:
            callback = info.typer_instance.registered_commands[0].callback
            module, key = callback.__module__, info.typer_instance.info.help
        assert module == f"shipit.cli.{COMMANDS[name]}", name
        assert key == shim.help_key(name), name


def test_a_command_imports_its_own_module_only(shipit_home) -> None:
    """The program imports a command module when its command is used (`log` the
    entries' module, no command at all `today`'s, `hub --help` the sync module's), and
    `--help`, a typo's suggestion and a completion of command names import none."""
    import os
    import subprocess
    import sys

    from shipit.cli import COMMANDS

    probe = ("import sys\nsys.argv = ['shipit', *{args!r}]\nfrom shipit.cli import main\n"
             "code = 0\ntry:\n    main()\nexcept SystemExit as exc:\n    code = exc.code or 0\n"
             "sys.stderr.write('LOADED=' + ','.join(sorted(m for m in sys.modules if m in {mods!r}))"
             " + f'\\nEXIT={{code}}\\n')\n")  # fmt: skip
    mods = sorted({f"shipit.cli.{m}" for m in COMMANDS.values()})
    env = {**os.environ, "SHIPIT_HOME": str(shipit_home)}
    completion = {"_SHIPIT_COMPLETE": "complete_bash", "COMP_WORDS": "shipit ba", "COMP_CWORD": "1"}
    cases = [(["log", "a ship"], {}, "shipit.cli.entries", 0, "Shipped #1"),
             ([], {}, "shipit.cli.entries", 0, "shipped ✔"),
             (["stats"], {}, "shipit.cli.stats", 0, "Streak"),
             (["step", "list"], {}, "shipit.cli.steps", 0, "backlog is empty"),
             (["hub", "--help"], {}, "shipit.cli.sync", 0, "Usage: shipit hub"),
             (["--help"], {}, "", 0, "Commands:"),
             (["lgo"], {}, "", 2, "Did you mean 'log'?"),
             ([], completion, "", 0, "backup")]  # fmt: skip
    for args, extra, expected, code, said in cases:
        r = subprocess.run([sys.executable, "-c", probe.format(args=args, mods=mods)],
                           capture_output=True, text=True, env={**env, **extra})  # fmt: skip
        loaded = [line for line in r.stderr.splitlines() if line.startswith(("LOADED=", "EXIT="))]
        assert loaded == [f"LOADED={expected}", f"EXIT={code}"], (args, r.stderr)
        assert said in r.stdout + r.stderr, (args, r.stdout, r.stderr)
