"""The interface language: how it is chosen, the catalogues, German dates, and JSON
that is the same bytes in every language.

The catalogue tests read the source with `ast` (nothing is imported but the catalogues):
a key used in the code but missing in a catalogue fails, a key no code uses fails, and a
translation whose {placeholders} differ from the English one fails.
"""

from __future__ import annotations

import ast
import json
import re
import string
from datetime import date
from pathlib import Path

import pytest

from shipit import i18n
from shipit.domain.dates import parse_when
from shipit.domain.errors import InputError

SRC = Path(i18n.__file__).resolve().parent.parent
KEY = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+")
# Calls whose first argument (and an Error's second, the hint) is a message key.
KEY_CALLS = re.compile(r"(t|Msg|\w*Error|ChangedSince|EditAborted)$")


def full_catalogue(lang: str) -> dict[str, object]:
    out: dict[str, object] = {}
    for area in i18n.AREAS:
        messages = i18n.catalogue(lang, area)
        for key in messages:
            assert key.split(".", 1)[0] == area, f"{lang}/{area}.py holds {key!r}"
        out.update(messages)
    return out


def code_files() -> list[Path]:
    return [p for p in SRC.rglob("*.py")
            if not (p.parent.name in i18n.LANGUAGES and p.parent.parent.name == "i18n")]


def scan(files: list[Path]) -> tuple[set[str], set[str], dict[str, str]]:
    """(every string constant, f-string prefixes, keys passed to t/Msg/errors → where)."""
    constants: set[str] = set()
    prefixes: set[str] = set()
    called: dict[str, str] = {}
    for path in files:
        tree = ast.parse(path.read_text(), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                constants.add(node.value)
            elif isinstance(node, ast.JoinedStr) and node.values:
                first = node.values[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    prefixes.add(first.value)
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                if KEY_CALLS.match(name):
                    for arg in node.args[:2]:
                        if (isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                                and KEY.fullmatch(arg.value)
                                and arg.value.split(".", 1)[0] in i18n.AREAS):
                            called[arg.value] = f"{path.name}:{node.lineno}"
    return constants, prefixes, called


def placeholders(value: object) -> set[str]:
    texts = value if isinstance(value, tuple) else (value,)
    out: set[str] = set()
    for text in texts:
        if isinstance(text, str):
            out |= {name for _, name, _, _ in string.Formatter().parse(text) if name}
    return out


def test_both_catalogues_have_the_same_keys() -> None:
    en, de = full_catalogue("en"), full_catalogue("de")
    assert sorted(set(en) - set(de)) == [], "missing in German"
    assert sorted(set(de) - set(en)) == [], "missing in English"


def test_no_catalogue_names_a_key_twice() -> None:
    """A dict literal keeps the last of two equal keys, silently: one text would be lost."""
    twice = []
    for lang in i18n.LANGUAGES:
        for area in i18n.AREAS:
            path = SRC / "i18n" / lang / f"{area}.py"
            seen: set[str] = set()
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.Dict):
                    for key in node.keys:
                        if isinstance(key, ast.Constant) and isinstance(key.value, str):
                            if key.value in seen:
                                twice.append(f"{lang}/{area}.py: {key.value}")
                            seen.add(key.value)
    assert twice == []


def test_translations_keep_the_placeholders_and_plural_forms() -> None:
    en, de = full_catalogue("en"), full_catalogue("de")
    wrong = {key: (placeholders(en[key]), placeholders(de[key]))
             for key in en if key in de and placeholders(en[key]) != placeholders(de[key])}
    assert wrong == {}
    shapes = {key: (type(en[key]).__name__, type(de[key]).__name__)
              for key in en if key in de and (type(en[key]) is not type(de[key])
              or isinstance(en[key], tuple) and len(en[key]) != len(de[key]))}
    assert shapes == {}


def test_every_key_the_code_names_exists() -> None:
    _, _, called = scan(code_files())
    en = full_catalogue("en")
    assert {key: where for key, where in called.items() if key not in en} == {}


def test_no_key_is_unused() -> None:
    constants, prefixes, _ = scan(code_files())
    prefixes |= {c for c in constants if c.endswith(("_", "."))}  # "dates.what_" + name
    en = full_catalogue("en")
    unused = [key for key in en
              if key not in constants and not any(p and key.startswith(p) for p in prefixes
                                                  if KEY.fullmatch(p.rstrip("._")))]
    assert unused == []


def test_the_catalogue_checks_can_fail(tmp_path: Path) -> None:
    """The scan finds a key named in code that no catalogue has, and a key nobody uses."""
    bad = tmp_path / "bad.py"
    bad.write_text('raise InputError("core.no_such_message", n=1)\nt(f"dates.what_{x}")\n')
    constants, prefixes, called = scan([bad])
    assert "core.no_such_message" in called and "core.no_such_message" not in full_catalogue("en")
    assert "core.error" not in constants and "dates.what_" in prefixes
    assert placeholders(("{n} day", "{n} days")) == {"n"}
    assert placeholders("{a} and {b!r}") == {"a", "b"}


# -- choosing the language ----------------------------------------------------------------


@pytest.mark.parametrize(("env", "stored", "expected"), [
    ({}, None, "en"),
    ({"LANG": "de_DE.UTF-8"}, None, "de"),
    ({"LANG": "de_AT.UTF-8"}, None, "de"),
    ({"LANG": "de_CH"}, None, "de"),
    ({"LANG": "fr_FR.UTF-8"}, None, "en"),
    ({"LC_ALL": "C.UTF-8", "LANG": "de_DE.UTF-8"}, None, "en"),  # LC_ALL wins
    ({"LC_MESSAGES": "de_DE.UTF-8", "LANG": "en_US.UTF-8"}, None, "de"),
    ({"LANG": "de_DE.UTF-8"}, "en", "en"),  # the stored choice beats the locale
    ({"LANG": "en_GB.UTF-8"}, "de", "de"),
    ({"LANG": "de_DE.UTF-8"}, "auto", "de"),
    ({"SHIPIT_LANG": "en", "LANG": "de_DE.UTF-8"}, "de", "en"),  # SHIPIT_LANG beats all
    ({"SHIPIT_LANG": "de"}, "en", "de"),
    ({"SHIPIT_LANG": "xx", "LANG": "de_DE"}, None, "de"),  # an unknown value is ignored
])  # fmt: skip
def test_language_choice(env: dict[str, str], stored: str | None, expected: str) -> None:
    assert i18n.choose(env, stored) == expected


def test_plural_and_numbers_per_language() -> None:
    with i18n.use("en"):
        assert i18n.number(1234567) == "1,234,567"
        assert i18n.fmt_day(date(2026, 12, 1)) == "Tue 1 Dec 2026"
        assert i18n.percent(0.75) == "75%"
    with i18n.use("de"):
        assert i18n.number(1234567) == "1.234.567"
        assert i18n.fmt_day(date(2026, 12, 1)) == "Di 1. Dez 2026"
        assert i18n.fmt_day(date(2026, 3, 2)) == "Mo 2. Mär 2026"
        assert i18n.percent(0.75) == "75 %"
        # a fraction (a project's median slip) keeps the German decimal comma
        assert i18n.t("projects.days", n=1.5) == "1,5 Tage"
        assert i18n.t("projects.days", n=1.0) == "1 Tag"
        assert i18n.decimal(1234.5) == "1.234,5"
        assert i18n.decimal(1234567.25) == "1.234.567,25"  # exact, never 1,23457e+06
        assert i18n.decimal(3.0) == "3"
    with i18n.use("en"):
        assert i18n.t("projects.days", n=1.5) == "1.5 days"
        assert i18n.decimal(1234.5) == "1,234.5"


def test_errors_are_worded_when_shown() -> None:
    err = InputError("dates.in_future", what=i18n.Msg("dates.what_day"), value="x",
                     day="2026-12-02")  # fmt: skip
    with i18n.use("en"):
        assert str(err) == "day 'x' (2026-12-02) is in the future"
    with i18n.use("de"):
        assert str(err) == "Tag 'x' (2026-12-02) liegt in der Zukunft"
    assert str(InputError("a sentence from elsewhere {not a key}")) == (
        "a sentence from elsewhere {not a key}")


# -- German date words ----------------------------------------------------------------------

TODAY = date(2026, 12, 1)  # a Tuesday


@pytest.mark.parametrize(("word", "expected"), [
    ("heute", "2026-12-01"), ("gestern", "2026-11-30"), ("vorgestern", "2026-11-29"),
    ("morgen", "2026-12-02"), ("vor 3 Tagen", "2026-11-28"), ("vor 1 Tag", "2026-11-30"),
    ("vor 2 Wochen", "2026-11-17"), ("Montag", "2026-11-30"), ("mo", "2026-11-30"),
    ("dienstag", "2026-11-24"), ("Di", "2026-11-24"), ("mittwoch", "2026-11-25"),
    ("do", "2026-11-26"), ("Freitag", "2026-11-27"), ("sa", "2026-11-28"),
    ("Sonnabend", "2026-11-28"), ("sonntag", "2026-11-29"), ("letzten Freitag", "2026-11-27"),
    ("letzte Woche", "2026-11-23"), ("diese Woche", "2026-11-30"),
    ("diesen Monat", "2026-12-01"), ("letzten Monat", "2026-11-01"),
    ("20. November 2026", "2026-11-20"), ("3. Dez", "2026-12-03"), ("1. März 2026", "2026-03-01"),
    ("Gestern", "2026-11-30"), ("  VOR   3  tagen ", "2026-11-28"),
])  # fmt: skip
@pytest.mark.parametrize("lang", ["en", "de"])
def test_german_date_words_in_either_language(word: str, expected: str, lang: str) -> None:
    with i18n.use(lang):
        assert parse_when(word, TODAY, allow_future=True).isoformat() == expected


@pytest.mark.parametrize("lang", ["en", "de"])
def test_english_words_keep_working_in_german(lang: str) -> None:
    with i18n.use(lang):
        assert parse_when("yesterday", TODAY) == date(2026, 11, 30)
        assert parse_when("3 days ago", TODAY) == date(2026, 11, 28)
        assert parse_when("last week", TODAY) == date(2026, 11, 23)


def test_morgen_needs_a_day_that_may_be_in_the_future() -> None:
    with i18n.use("de"), pytest.raises(InputError) as err:
        parse_when("morgen", TODAY)
    with i18n.use("de"):
        assert str(err.value) == "Datum 'morgen' (2026-12-02) liegt in der Zukunft"


# -- through the CLI ------------------------------------------------------------------------


def test_config_language_is_stored_and_used(cli, clock) -> None:
    env = {"SHIPIT_LANG": "", "LANG": "en_US.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
    assert cli("config", "language", env=env).stdout == "auto\n"
    r = cli("log", "--date", "gestern", "Fixed the invoice bug", env=env)
    assert r.exit_code == 0
    r = cli("log", "--date", "übermorgen", "x", env=env)
    assert r.exit_code == 2 and r.stderr.startswith("shipit: error: invalid date 'übermorgen'")
    assert cli("config", "language", "de", env=env).exit_code == 0
    r = cli("log", "--date", "übermorgen", "x", env=env)
    assert r.exit_code == 2 and r.stderr.startswith("shipit: Fehler: Datum 'übermorgen' ist ungültig")
    r = cli("log", "--date", "übermorgen", "x", env={**env, "SHIPIT_LANG": "en"})
    assert r.stderr.startswith("shipit: error: invalid date")
    r = cli("config", "language", "fr", env=env)
    assert r.exit_code == 2
    assert r.stderr == "shipit: Fehler: ungültige Sprache 'fr': erwartet wird de, en oder auto\n"
    assert json.loads(cli("config", "--json", env=env).stdout)["language"] == "de"
    assert cli("config", "language", "auto", env=env).exit_code == 0
    r = cli("log", "--date", "übermorgen", "x", env={**env, "LANG": "de_AT.UTF-8"})
    assert r.stderr.startswith("shipit: Fehler: ")


def test_locale_decides_in_a_real_process(sh) -> None:
    env = {"SHIPIT_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "de_DE.UTF-8"}
    r = sh("log", "--date", "2026-02-30", "x", env=env)
    assert r.returncode == 2
    assert r.stderr == "shipit: Fehler: Datum '2026-02-30' ist ungültig: diesen Tag gibt es nicht\n"


# -- scripts see the same bytes in every language -----------------------------------------

JSON_COMMANDS = [
    ("today", "--json"), ("list", "--json"), ("list", "--since", "last month", "--json"), ("tags", "--json"),
    ("stats", "--json"), ("week", "--json"), ("week", "last week", "--json"),
    ("week", "--weeks", "3", "--json"), ("skip", "--list", "--json"), ("config", "--json"), ("history", "--json"),
    ("step", "list", "--json"), ("attempts", "--json"), ("project", "list", "--json"),
    ("project", "show", "pricing", "--json"), ("export", "--format", "json"),
    ("export", "--format", "csv"),
]  # fmt: skip


def test_json_and_csv_are_the_same_bytes_in_both_languages(cli, clock) -> None:
    setup = [
        ("project", "new", "Pricing page", "--ship", "2026-11-28", "--owner", "ada"),
        ("log", "--date", "yesterday", "Pricing table done +pricing-page #web"),
        ("log", "Wrote the FAQ #web"),
        ("skip", "3 days ago"),
        ("step", "add", "Answer the support inbox", "--annoyance", "4"),
        ("try", "Cold email to ten shops"),
    ]
    for args in setup:
        r = cli(*args)
        assert r.exit_code == 0, (args, r.stderr)
    short = json.loads(cli("project", "list", "--json").stdout)
    name = short[0]["short"] if isinstance(short, list) else short["projects"][0]["short"]
    outputs = {}
    for lang in ("en", "de"):
        for args in JSON_COMMANDS:
            args = tuple(name if a == "pricing" else a for a in args)
            r = cli(*args, env={"SHIPIT_LANG": lang})
            assert r.exit_code == 0, (lang, args, r.stderr)
            outputs[(lang, args)] = r.stdout
    for (lang, args), out in outputs.items():
        if lang == "de":
            assert out == outputs[("en", args)], args
            assert out.strip(), args


# -- domain and services raise keys, never sentences --------------------------------------

# Files not yet converted to message keys (German interface, issue 15): this list only
# shrinks. A file leaves it when every error it raises names a catalogue key.
NOT_YET_CONVERTED = {
}


# shipit's errors, and which argument holds the message (import's _Bad: path, message).
SHIPIT_ERRORS = {name: 0 for name in ("ShipitError", "InputError", "NotFoundError",
                                      "JournalError", "HubError", "BrokenJournalError",
                                      "ChangedSince", "EditAborted")} | {"_Bad": 1}


def sentences_raised(path: Path) -> list[int]:
    """Lines where a ShipitError subclass is raised with a sentence (an f-string or a
    constant with a space) instead of a message key."""
    tree = ast.parse(path.read_text(), str(path))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            name = getattr(node.exc.func, "id", getattr(node.exc.func, "attr", ""))
            position = SHIPIT_ERRORS.get(name)
            if position is None or len(node.exc.args) <= position:
                continue
            first = node.exc.args[position]
            if isinstance(first, ast.JoinedStr) or (
                    isinstance(first, ast.Constant) and isinstance(first.value, str)
                    and " " in first.value):
                out.append(node.lineno)
    return out


def test_sentences_only_where_not_yet_converted() -> None:
    found = {}
    for layer in ("domain", "services", "storage"):
        for path in sorted((SRC / layer).rglob("*.py")):
            lines = sentences_raised(path)
            if lines:
                found[f"{layer}/{path.relative_to(SRC / layer)}"] = len(lines)
    assert sorted(set(found) - set(NOT_YET_CONVERTED)) == [], "raise a key, not a sentence"
    assert sorted(set(NOT_YET_CONVERTED) - set(found)) == [], "converted: take it off the list"
