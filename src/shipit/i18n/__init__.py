"""Every sentence shipit prints, in the reader's language.

Messages are data, kept in one catalogue per language (``shipit/i18n/en/``,
``shipit/i18n/de/``), split by area so that a command loads only what it prints:
the key ``entries.logged`` lives in ``shipit/i18n/<lang>/entries.py``. Code names a
message by its key and its parameters; the words are chosen here, at the edge, in
the language of the reader:

    t("entries.logged", id=12, kind="ship")
    t("units.days", n=3)            # a (one, many) pair: the language's plural rule

The language: ``SHIPIT_LANG`` (``de``, ``en``), else the choice stored in the journal
(``shipit config language de|en|auto``), else the locale (``LC_ALL``, ``LC_MESSAGES``,
``LANG``), else English. Plain Python data, imported on first use: no build step, no
start-up cost for a command that prints no sentence (``--json``).

Leaf module: imports nothing else of shipit, so every layer may use it.
"""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

LANGUAGES = ("en", "de")
CHOICES = ("auto", *LANGUAGES)
# The areas a catalogue is split into (one module per area and language).
AREAS = ("core", "dates", "entries", "stats", "steps", "projects", "history", "sync",
         "loop", "transfer", "help")  # fmt: skip

_KEY = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+")
_state: dict[str, Any] = {"lang": None, "stored": None}
_catalogues: dict[tuple[str, str], dict[str, Any]] = {}


def from_locale(environ: Any = None) -> str | None:
    """The language the locale variables name (POSIX order), or None."""
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value:
            code = value.split(".", 1)[0].split("@", 1)[0].split("_", 1)[0].lower()
            return code if code in LANGUAGES else None
    return None


def choose(environ: Any = None, stored: str | None = None) -> str:
    """SHIPIT_LANG, else the stored choice (unless auto), else the locale, else English."""
    env = os.environ if environ is None else environ
    wanted = env.get("SHIPIT_LANG", "").strip().lower()
    if wanted in LANGUAGES:
        return wanted
    if stored in LANGUAGES:
        return stored
    return from_locale(env) or "en"


def on_stored(loader: Callable[[], str | None] | None) -> None:
    """Tell the module how to read the choice stored in the journal (the CLI does this;
    the loader must be cheap and never raise)."""
    _state["stored"] = loader
    _state["lang"] = None


def language() -> str:
    """The reader's language, decided once per command."""
    lang = _state["lang"]
    if lang is None:
        env_choice = os.environ.get("SHIPIT_LANG", "").strip().lower()
        stored = None
        if env_choice not in LANGUAGES and _state["stored"] is not None:
            try:
                stored = _state["stored"]()
            except Exception:  # a broken journal must still be reported, in some language
                stored = None
        lang = _state["lang"] = choose(stored=stored)
    return lang


def set_language(lang: str | None) -> None:
    """Fix the language (None: decide again on next use)."""
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    _state["lang"] = lang


@contextmanager
def use(lang: str | None) -> Iterator[str]:
    """Speak `lang` inside the block (None: the reader's language)."""
    previous = _state["lang"]
    chosen = language() if lang is None else lang
    set_language(chosen)
    try:
        yield chosen
    finally:
        _state["lang"] = previous


def catalogue(lang: str, area: str) -> dict[str, Any]:
    """One area's messages in one language (imported once)."""
    found = _catalogues.get((lang, area))
    if found is None:
        module = importlib.import_module(f"shipit.i18n.{lang}.{area}")
        found = _catalogues[(lang, area)] = module.MESSAGES
    return found


def is_key(text: str) -> bool:
    """Whether `text` is the key of an English message (not a sentence)."""
    if not _KEY.fullmatch(text):
        return False
    area = text.split(".", 1)[0]
    return area in AREAS and text in catalogue("en", area)


def template(key: str, lang: str | None = None) -> Any:
    """The raw catalogue value for `key` (English when the language lacks it)."""
    lang = lang or language()
    area = key.split(".", 1)[0]
    if area not in AREAS:
        raise KeyError(key)
    found = catalogue(lang, area).get(key)
    if found is None:
        found = catalogue("en", area)[key]
    return found


def t(key: str, /, **params: Any) -> str:
    """The message `key` in the reader's language, with its parameters filled in.

    A (one, many) value is chosen by the parameter `n` with the language's plural
    rule; `n` itself is written with the language's digit grouping (1,234 / 1.234).
    """
    lang = language()
    text = template(key, lang)
    if isinstance(text, tuple):
        n = params.get("n", 0)
        text = text[plural_index(lang, n)]
        params = {**params, "n": number(n, lang) if isinstance(n, int)
                  else decimal(n, lang) if isinstance(n, float) else n}  # fmt: skip
    return text.format(**params) if params else text


def plural_index(lang: str, n: int | float) -> int:
    """Which of (one, many): English and German share the rule (1 is singular)."""
    return 0 if n == 1 else 1


def decimal(x: float, lang: str | None = None) -> str:
    """A fraction as short as it is exact: 1.5 (en) or 1,5 (de); 2.0 is '2'."""
    if x.is_integer():
        return number(int(x), lang)
    text = format(x, ",")  # the shortest digits that read back as x, grouped
    return text.translate({ord(","): ".", ord("."): ","}) if (lang or language()) == "de" else text


def number(n: int, lang: str | None = None) -> str:
    """An integer with the language's grouping: 1,234 (en) or 1.234 (de)."""
    text = f"{n:,}"
    return text.replace(",", ".") if (lang or language()) == "de" else text


def percent(value: float | None) -> str:
    """'75%' (en) or '75 %' (de); 'n/a' / 'k. A.' when there is nothing to divide."""
    if value is None:
        return t("core.not_available")
    shown = f"{value * 100:.0f}"
    return f"{shown} %" if language() == "de" else f"{shown}%"


def _calendar_words(lang: str) -> tuple[tuple[str, ...], tuple[str, ...], str, str]:
    words = _calendar.get(lang)
    if words is None:
        words = _calendar[lang] = (
            template("dates.day_names", lang), template("dates.month_names", lang),
            template("dates.day_format", lang), template("dates.short_day_format", lang),
        )  # fmt: skip
    return words


_calendar: dict[str, tuple[tuple[str, ...], tuple[str, ...], str, str]] = {}


def day_name(day: date) -> str:
    """'Mon' / 'Mo'."""
    return _calendar_words(language())[0][day.weekday()]


def month_name(month: int) -> str:
    """'Nov' / 'Nov', 'Mar' / 'Mär'."""
    return _calendar_words(language())[1][month - 1]


def fmt_day(day: date) -> str:
    """'Tue 1 Dec 2026' / 'Di 1. Dez 2026' (the export's hot path: no strftime)."""
    days, months, form, _ = _calendar_words(_state["lang"] or language())
    return form.format(weekday=days[day.weekday()], day=day.day, month=months[day.month - 1],
                       year=day.year)  # fmt: skip


def day_formatter() -> Callable[[date], str]:
    """fmt_day with the words of this moment's language looked up once, for a loop that
    names thousands of days (the Markdown export)."""
    days, months, form, _ = _calendar_words(_state["lang"] or language())
    fill = form.format

    def fmt(day: date) -> str:
        return fill(weekday=days[day.weekday()], day=day.day, month=months[day.month - 1],
                    year=day.year)  # fmt: skip

    return fmt


def fmt_short_day(day: date) -> str:
    """'Tue 1 Dec' / 'Di 1. Dez'."""
    days, months, _, form = _calendar_words(language())
    return form.format(weekday=days[day.weekday()], day=day.day, month=months[day.month - 1])


def fmt_week(year: int, week: int) -> str:
    """An ISO week as a reader names it: '2026-W49' / 'KW 49 2026'."""
    return template("dates.week_format").format(year=year, week=week)


class Msg:
    """A message named by its key, put into words only when shown (``str()``), in the
    language of that moment. Parameters may be Msgs themselves. Text that is not a
    catalogue key is shown as it is (a sentence from elsewhere, not ours to translate)."""

    __slots__ = ("key", "params")

    def __init__(self, key: str, /, **params: Any) -> None:
        self.key = key
        self.params = params

    def __str__(self) -> str:
        if is_key(self.key):
            return t(self.key, **self.params)
        return self.key

    def __repr__(self) -> str:
        return f"Msg({self.key!r}, **{self.params!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Msg) and (self.key, self.params) == (other.key, other.params)

    __hash__ = None  # type: ignore[assignment]
