"""Bring a journal in: read and validate shipit JSON and jrnl exports, then apply them.

Import is all or nothing. `read_import` validates every field of every entry and
returns plain rows ready to insert, or raises one InputError naming the entry's index
and the field. `services.transfer.apply_import` then writes everything in one write
transaction with bulk inserts (or, for a dry run, only plans it).

Pure: no SQL, no Typer, no Rich, no printing. The formats are documented in
docs/export-import.md; the writers live in shipit.domain.exporting (the JSON export is
the format read back here).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, NamedTuple

from shipit.domain import dates
from shipit.domain.errors import InputError
from shipit.domain.exporting import FORMAT_NAME, FORMAT_VERSION, check_format
from shipit.domain.entries import (
    DECISIONS,
    KINDS,
    MAX_TEXT,
    OUTCOMES,
    EntryData,
    hashtags,
    new_uid,
    normalise_tag,
)
from shipit.domain.settings import DEFAULTS, parse_value
from shipit.i18n import Msg, number

IMPORT_FORMATS = ("json", "jrnl")
# Largest value SQLite stores as an INTEGER.
_MAX_INT = 2**63 - 1
# Imported days may be at most this far ahead of today's journal day: an export made
# on a machine further east can hold "tomorrow" for this one.
_FUTURE_SLACK = timedelta(days=1)
_MIN_DAY = date(1900, 1, 1)
# jrnl entries get stable uids derived from their content, so that importing the same
# jrnl export twice adds nothing (uuid5 in this namespace).
_JRNL_NAMESPACE = bytes.fromhex("6f1c2a5735c44ab89a7e5e3a4cbb1f0d")  # a UUID's 16 bytes
_CANONICAL_UID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def stable_uid(key: str) -> str:
    """uuid.uuid5(_JRNL_NAMESPACE, key) as a string, without building UUID objects."""
    import hashlib

    raw = bytearray(hashlib.sha1(_JRNL_NAMESPACE + key.encode("utf-8")).digest()[:16])
    raw[6] = (raw[6] & 0x0F) | 0x50  # version 5
    raw[8] = (raw[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = raw.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"



# ======================================================================================
# Import: read and validate (pure)
# ======================================================================================


class _Bad(Exception):
    """A validation failure at a path inside the document (entries[3].day): the path
    and a message (a catalogue key and its parameters, worded when shown)."""

    def __init__(self, path: str, message: str | Msg, **params: Any) -> None:
        self.path = path
        self.message = message if isinstance(message, Msg) else Msg(message, **params)
        super().__init__(path, self.message)


class ImportEntry(NamedTuple):
    """One validated entry, ready to insert (a tuple: cheap for 36,500 of them)."""

    index: int
    uid: str
    kind: str
    text: str
    day: date
    created_at: datetime
    updated_at: datetime
    tags: tuple[str, ...]
    note: str | None
    minutes: int | None
    decision: str | None
    outcome: str | None
    lesson: str | None
    # Whether the file gave the instants (else they were filled in and are not
    # compared with an existing entry of the same uid).
    has_created_at: bool = True
    has_updated_at: bool = True
    # Kept on this machine: never sent by sync (the export's `"private": true`).
    private: bool = False

    @property
    def path(self) -> str:
        return f"entries[{self.index}]"


@dataclass(frozen=True, slots=True)
class ImportSkip:
    index: int
    day: date
    reason: str | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class ImportBacklogItem:
    index: int
    uid: str
    text: str
    annoyance: int
    created_at: datetime
    closed_at: datetime | None
    entry_uid: str | None


@dataclass(frozen=True, slots=True)
class ImportProject:
    """A project card from a shipit JSON export (docs/json.md, "projects")."""

    index: int
    image: dict[str, Any]  # the project row as storage.rows stores it (without its id)
    answers: dict[str, str]
    thrash: tuple[dict[str, Any], ...]  # project_thrash row images
    moves: tuple[dict[str, Any], ...]  # project_move row images
    entries: tuple[str, ...]  # the uids of the entries linked to it

    @property
    def uid(self) -> str:
        return self.image["uid"]


@dataclass
class ImportData:
    """A validated import file: everything `apply_import` needs, nothing it must check."""

    format: str
    entries: list[ImportEntry] = field(default_factory=list)
    settings: dict[str, str] = field(default_factory=dict)
    skips: list[ImportSkip] = field(default_factory=list)
    backlog: list[ImportBacklogItem] = field(default_factory=list)
    projects: list[ImportProject] = field(default_factory=list)
    # Entries repeated inside the file with identical content (counted as duplicates).
    repeated: int = 0
    warnings: list[str | Msg] = field(default_factory=list)  # Msgs are worded when shown
    # `import --skip-invalid`: (index in the file, why) of each entry left out.
    invalid: list[tuple[int, Msg]] = field(default_factory=list)


# An attribute of one kind given to an entry of another (entries[0].minutes on a ship).
_ONLY_FOR = {"step": "transfer.only_for_steps", "attempt": "transfer.only_for_attempts"}
_THIS_IS = {"ship": "transfer.this_is_ship", "step": "transfer.this_is_step",
            "attempt": "transfer.this_is_attempt"}  # fmt: skip

_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_HHMM = re.compile(r"([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?")


def _get(obj: Mapping[str, Any], key: str, path: str, types: type | tuple[type, ...],
         *, required: bool = False, what: str = "transfer.type_string", **params: Any
         ) -> Any:  # fmt: skip
    """obj[key] if it has one of `types`; `what` names the expected type (a key whose
    message reads "{value} is not <the type>", with `params`)."""
    if key not in obj or obj[key] is None:
        if required:
            raise _Bad(f"{path}.{key}", "transfer.missing")
        return None
    value = obj[key]
    if isinstance(value, bool) and bool not in (types if isinstance(types, tuple) else (types,)):
        raise _Bad(f"{path}.{key}", what, value=repr(value), **params)
    if not isinstance(value, types):
        raise _Bad(f"{path}.{key}", what, value=_show(value), **params)
    return value


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def _check_text(value: str, where: str, *, allow_empty: bool = False) -> None:
    """entries.check_text's rules, with the import's messages (they follow a path)."""
    if "\x00" in value:
        raise _Bad(where, "transfer.text_nul")
    if len(value) > MAX_TEXT:
        raise _Bad(where, "transfer.text_too_long", n=len(value), limit=number(MAX_TEXT))
    if not allow_empty and not value.strip():
        raise _Bad(where, "transfer.text_empty")


def _text(obj: Mapping[str, Any], key: str, path: str, *, required: bool = False
          ) -> str | None:  # fmt: skip
    value = _get(obj, key, path, str, required=required)
    if value is None:
        return None
    _check_text(value, f"{path}.{key}", allow_empty=not required)
    return value if required else (value or None)


def _day(value: Any, where: str, today: date) -> date:
    if not isinstance(value, str) or not _ISO_DAY.fullmatch(value):
        raise _Bad(where, "transfer.not_a_date", value=_show(value))
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise _Bad(where, "transfer.not_a_real_date", value=repr(value)) from None
    if day > today + _FUTURE_SLACK:
        raise _Bad(where, "transfer.in_future", value=repr(value))
    if day < _MIN_DAY:
        raise _Bad(where, "transfer.too_far_past", value=repr(value))
    return day


def _instant(value: Any, where: str) -> datetime:
    if not isinstance(value, str):
        raise _Bad(where, "transfer.not_an_instant", value=_show(value))
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise _Bad(where, "transfer.not_an_instant", value=repr(value)) from None
    if parsed.utcoffset() is None:
        raise _Bad(where, "transfer.no_offset", value=repr(value))
    try:
        result = parsed.astimezone(UTC)
    except (OverflowError, ValueError):
        raise _Bad(where, "transfer.out_of_range", value=repr(value)) from None
    if result.year < _MIN_DAY.year:
        raise _Bad(where, "transfer.too_far_past", value=repr(value))
    return result


def _uid(value: Any, where: str) -> str:
    if isinstance(value, str) and _CANONICAL_UID.fullmatch(value):
        return value
    if not isinstance(value, str):
        raise _Bad(where, "transfer.not_a_uuid", value=_show(value))
    import uuid

    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise _Bad(where, "transfer.not_a_uuid", value=repr(value)) from None


def _choice(obj: Mapping[str, Any], key: str, path: str, allowed: tuple[str, ...]
            ) -> str | None:  # fmt: skip
    choices = ", ".join(allowed)
    value = _get(obj, key, path, str, what="transfer.not_one_of", choices=choices)
    if value is not None and value not in allowed:
        raise _Bad(f"{path}.{key}", "transfer.not_one_of", value=repr(value), choices=choices)
    return value


def _tags(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise _Bad(where, "transfer.not_a_tag_list", value=_show(value))
    out = set()
    for i, raw in enumerate(value):
        if not isinstance(raw, str):
            raise _Bad(f"{where}[{i}]", "transfer.not_a_tag", value=_show(raw))
        try:
            out.add(normalise_tag(raw))
        except InputError as exc:
            raise _Bad(f"{where}[{i}]", exc.msg) from None
    return tuple(sorted(out))


def _object(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise _Bad(where, "transfer.not_an_object", value=_show(value))
    return value


def _list(doc: Mapping[str, Any], key: str, *, required: bool = False) -> list[Any]:
    if key not in doc or doc[key] is None:
        if required:
            raise _Bad(key, "transfer.missing")
        return []
    if not isinstance(doc[key], list):
        raise _Bad(key, "transfer.not_a_list", value=_show(doc[key]))
    return doc[key]


THE_FILE = Msg("transfer.the_file")  # what a message calls a file that has no name

# What Python's JSON parser says (its first words), in the reader's language.
_JSON_WHY = {
    "Expecting value": "transfer.json_expecting_value",
    "Expecting property name enclosed in double quotes": "transfer.json_expecting_name",
    "Expecting ':' delimiter": "transfer.json_expecting_colon",
    "Expecting ',' delimiter": "transfer.json_expecting_comma",
    "Extra data": "transfer.json_extra_data",
    "Unterminated string starting at": "transfer.json_unterminated_string",
    "Invalid control character at": "transfer.json_control_character",
    "Invalid \\escape": "transfer.json_bad_escape",
    "Invalid \\uXXXX escape": "transfer.json_bad_unicode_escape",
}  # fmt: skip


class _ConstantError(ValueError):
    """NaN, Infinity or -Infinity in the document (JSON has no such numbers)."""


def parse_document(data: bytes | str, source: str | Msg = THE_FILE) -> Any:
    """Decode and parse a JSON document; InputError naming the problem if it is not one."""
    if isinstance(data, bytes):
        if b"\x00" in data[:8192]:
            raise InputError("transfer.binary_file", source=source)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError("transfer.not_utf8", source=source, byte=exc.start) from None
    else:
        text = data.removeprefix("\ufeff")
    if not text.strip():
        raise InputError("transfer.empty_document", source=source)
    try:
        doc = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        end = exc.pos >= len(text.rstrip())
        key = "transfer.json_truncated" if end else _JSON_WHY.get(exc.msg.split(": ", 1)[0])
        raise InputError("transfer.not_json_at", source=source,
                         why=exc.msg if key is None else Msg(key),
                         line=exc.lineno, column=exc.colno) from None  # fmt: skip
    except _ConstantError as exc:
        raise InputError("transfer.not_json", source=source,
                         why=Msg("transfer.json_constant", name=str(exc))) from None  # fmt: skip
    except RecursionError:
        raise InputError("transfer.not_json", source=source,
                         why=Msg("transfer.json_too_deep")) from None  # fmt: skip
    except ValueError as exc:
        raise InputError("transfer.not_json", source=source, why=str(exc)) from None
    # JSON may spell half of a UTF-16 pair (\\ud800) that is not text and that SQLite
    # cannot store: find it (rare, so only when the file has such an escape).
    if _SURROGATE_ESCAPE.search(text):
        where = _find_surrogate(doc, "")
        if where is not None:
            raise InputError("transfer.lone_surrogate", source=source, where=where)
    return doc


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _find_surrogate(value: Any, path: str) -> str | Msg | None:
    if isinstance(value, str):
        return (path or Msg("transfer.the_document")) if _LONE_SURROGATE.search(value) else None
    if isinstance(value, list):
        for i, item in enumerate(value):
            found = _find_surrogate(item, f"{path}[{i}]")
            if found:
                return found
    elif isinstance(value, dict):
        for key, item in value.items():
            found = _find_surrogate(key, path) or _find_surrogate(item, f"{path}.{key}"
                                                                  if path else key)  # fmt: skip
            if found:
                return found
    return None


def _no_constant(name: str) -> Any:
    raise _ConstantError(name)


def detect_format(doc: Any) -> str | None:
    """'json' for a shipit export, 'jrnl' for `jrnl --export json`, None if neither.

    A shipit export says so (`"format": "shipit-journal"`); a jrnl export is an object
    with an `entries` list (and usually `tags`) whose entries have `title` and `date`.
    """
    if not isinstance(doc, dict):
        return None
    if "format" in doc:
        return "json" if doc["format"] == FORMAT_NAME else None
    entries = doc.get("entries")
    if isinstance(entries, list) and set(doc) <= {"tags", "entries"}:
        if all(isinstance(e, dict) and "title" in e and "date" in e for e in entries[:50]):
            return "jrnl"
    return None


def read_import(
    data: bytes | str | Any,
    *,
    fmt: str | None = None,
    kind: str | None = None,
    today: date,
    day_starts_at: time = time(0, 0),
    source: str | Msg = THE_FILE,
    skip_invalid: bool = False,
) -> ImportData:
    """Parse and validate a whole import file. InputError (exit 2) on the first problem.

    With `skip_invalid`, an invalid *entry* is left out instead (listed in `invalid`
    with its index in the file and the reason) and the rest is read; any other problem
    (the settings, a skip day, the file's shape) still refuses the whole file.

    `data` is the file's bytes (or an already parsed document). `fmt` is 'json' or
    'jrnl' (None: detect). `kind` is the kind given to jrnl entries (and to shipit JSON
    entries that have none); default ship. `today` is today's journal day (days after
    tomorrow are refused); `day_starts_at` places jrnl's times on journal days.
    """
    doc = parse_document(data, source) if isinstance(data, (bytes, str)) else data
    if fmt is not None:
        fmt = check_format(fmt, IMPORT_FORMATS)
    if kind is not None and kind not in KINDS:
        raise InputError("transfer.invalid_choice", what="--kind", value=kind,
                         choices=", ".join(KINDS))  # fmt: skip
    detected = detect_format(doc)
    if fmt is None:
        if detected is None:
            if isinstance(doc, dict) and "format" in doc:
                raise InputError("transfer.foreign_format", source=source,
                                 format=_show(doc["format"]), expected=FORMAT_NAME)  # fmt: skip
            raise InputError("transfer.unknown_format", source=source)
        fmt = detected
    original: list[int] | None = None  # file index of each entry still in `doc`
    invalid: list[tuple[int, Msg]] = []
    while True:
        try:
            if fmt == "json":
                result = _read_shipit(doc, kind or "ship", today, source)
            else:
                result = _read_jrnl(doc, kind or "ship", today, day_starts_at, source)
        except _Bad as bad:
            m = re.match(r"entries\[([0-9]+)\]", bad.path)
            if not skip_invalid or m is None:
                raise InputError("transfer.invalid_in_file", source=source, path=bad.path,
                                 why=bad.message) from None  # fmt: skip
            if original is None:  # work on a copy: the caller's document is not changed
                original = list(range(len(doc["entries"])))
                doc = {**doc, "entries": list(doc["entries"])}
            k = int(m.group(1))
            index = original.pop(k)
            del doc["entries"][k]
            where = f"entries[{index}]" + bad.path[m.end():]
            invalid.append((index, Msg("transfer.at_path", path=where, why=bad.message)))
            continue
        if original is not None:
            result.entries = [e._replace(index=original[e.index]) for e in result.entries]
        result.invalid = sorted(invalid)
        return result


def _read_shipit(doc: Any, default_kind: str, today: date, source: str | Msg) -> ImportData:
    from shipit.domain.steps import MAX_DONE_MINUTES as max_minutes

    if not isinstance(doc, dict) or doc.get("format") != FORMAT_NAME:
        looks_jrnl = detect_format(doc) == "jrnl"
        raise InputError("transfer.not_shipit_json_jrnl" if looks_jrnl
                         else "transfer.not_shipit_json", source=source,
                         format=FORMAT_NAME)  # fmt: skip
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InputError("transfer.bad_version", source=source, version=_show(version))
    if version > FORMAT_VERSION:
        raise InputError("transfer.newer_format", "transfer.upgrade_hint", source=source,
                         version=version, known=FORMAT_VERSION)  # fmt: skip
    result = ImportData(format="json")

    settings = doc.get("settings") or {}
    if not isinstance(settings, dict):
        raise _Bad("settings", "transfer.not_an_object", value=_show(settings))
    for key, value in settings.items():
        if key not in DEFAULTS:
            result.warnings.append(Msg("transfer.unknown_setting", key=key))
            continue
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise _Bad(f"settings.{key}", "transfer.type_string", value=_show(value))
        try:
            result.settings[key] = parse_value(key, value)[1]
        except InputError as exc:
            raise _Bad(f"settings.{key}", exc.msg) from None

    seen: dict[str, ImportEntry] = {}
    now = dates.now()
    for i, raw in enumerate(_list(doc, "entries", required=True)):
        path = f"entries[{i}]"
        obj = _object(raw, path)
        uid = _uid(obj["uid"], f"{path}.uid") if obj.get("uid") is not None else new_uid()
        kind = _get(obj, "kind", path, str, what="transfer.type_kind")
        if kind is None:
            kind = default_kind
        elif kind not in KINDS:
            raise _Bad(f"{path}.kind", "transfer.not_one_of", value=repr(kind),
                       choices=", ".join(KINDS))  # fmt: skip
        text = _text(obj, "text", path, required=True)
        if "day" not in obj or obj["day"] is None:
            raise _Bad(f"{path}.day", "transfer.missing")
        day = _day(obj["day"], f"{path}.day", today)
        has_created = obj.get("created_at") is not None
        created = (_instant(obj["created_at"], f"{path}.created_at") if has_created
                   else dates.noon_local(day))  # fmt: skip
        has_updated = obj.get("updated_at") is not None
        updated = _instant(obj["updated_at"], f"{path}.updated_at") if has_updated else created
        if created > now + _FUTURE_SLACK:
            raise _Bad(f"{path}.created_at", "transfer.in_future", value=repr(obj["created_at"]))
        minutes = _get(obj, "minutes", path, int, what="transfer.type_minutes")
        if minutes is not None and not 0 < minutes <= max_minutes:
            raise _Bad(f"{path}.minutes", "transfer.minutes_range", value=minutes,
                       most=max_minutes)  # fmt: skip
        decision = _choice(obj, "decision", path, DECISIONS)
        outcome = _choice(obj, "outcome", path, OUTCOMES)
        lesson = _text(obj, "lesson", path)
        # The same shape the commands give each kind: minutes and a decision belong to
        # steps, an outcome and a lesson to attempts (an attempt without one is open).
        for name, value, owner in (("minutes", minutes, "step"), ("decision", decision, "step"),
                                   ("outcome", outcome, "attempt"),
                                   ("lesson", lesson, "attempt")):  # fmt: skip
            if value is not None and kind != owner:
                raise _Bad(f"{path}.{name}", _ONLY_FOR[owner], this=Msg(_THIS_IS[kind]))
        if kind == "attempt" and outcome is None:
            outcome = "open"
        entry = ImportEntry(
            index=i, uid=uid, kind=kind, text=text, day=day, created_at=created,
            updated_at=updated, tags=_tags(obj.get("tags"), f"{path}.tags"),
            note=_text(obj, "note", path), minutes=minutes, decision=decision,
            outcome=outcome, lesson=lesson,
            has_created_at=has_created, has_updated_at=has_updated,
            private=_get(obj, "private", path, bool, what="transfer.type_bool") is True,
        )  # fmt: skip
        _add_unique(result, seen, entry)

    skip_days: dict[date, int] = {}
    for i, raw in enumerate(_list(doc, "skips")):
        path = f"skips[{i}]"
        obj = _object(raw, path)
        if obj.get("day") is None:
            raise _Bad(f"{path}.day", "transfer.missing")
        day = _day(obj["day"], f"{path}.day", today + timedelta(days=366))
        reason = _text(obj, "reason", path)
        created = (_instant(obj["created_at"], f"{path}.created_at")
                   if obj.get("created_at") is not None else dates.noon_local(day))  # fmt: skip
        if day in skip_days:
            first = result.skips[skip_days[day]]
            if first.reason != reason:
                raise _Bad(f"{path}.day", "transfer.skip_same_day", other=f"skips[{first.index}]")
            continue
        skip_days[day] = len(result.skips)
        result.skips.append(ImportSkip(index=i, day=day, reason=reason, created_at=created))

    backlog_uids: set[str] = set()
    for i, raw in enumerate(_list(doc, "backlog")):
        path = f"backlog[{i}]"
        obj = _object(raw, path)
        uid = _uid(obj["uid"], f"{path}.uid") if obj.get("uid") is not None else new_uid()
        if uid in backlog_uids:
            raise _Bad(f"{path}.uid", "transfer.backlog_uid_twice", uid=uid)
        backlog_uids.add(uid)
        annoyance = _get(obj, "annoyance", path, int, what="transfer.type_annoyance")
        if annoyance is None:
            annoyance = 3
        elif not 1 <= annoyance <= 5:
            raise _Bad(f"{path}.annoyance", "transfer.annoyance_range", value=annoyance)
        created = (_instant(obj["created_at"], f"{path}.created_at")
                   if obj.get("created_at") is not None else now)  # fmt: skip
        closed = (_instant(obj["closed_at"], f"{path}.closed_at")
                  if obj.get("closed_at") is not None else None)  # fmt: skip
        entry_uid = (_uid(obj["entry_uid"], f"{path}.entry_uid")
                     if obj.get("entry_uid") is not None else None)  # fmt: skip
        result.backlog.append(ImportBacklogItem(
            index=i, uid=uid, text=_text(obj, "text", path, required=True),  # type: ignore[arg-type]
            annoyance=annoyance, created_at=created, closed_at=closed, entry_uid=entry_uid,
        ))  # fmt: skip
    result.projects = _read_projects(doc, today)
    return result


def _db_instant(value: datetime | None) -> str | None:
    # storage's format (storage.entries.db_datetime), spelled out: domain imports no storage
    return None if value is None else value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _project_field(path: str, key: str, check: Any, value: Any) -> Any:
    try:
        return check(value)
    except InputError as exc:
        raise _Bad(f"{path}.{key}", exc.msg) from None


def _read_projects(doc: Mapping[str, Any], today: date) -> list[ImportProject]:
    """The "projects" list: cards, answers, thrash, date moves and linked entry uids."""
    from shipit.domain import projects as dom

    far = today + timedelta(days=3660)
    out: list[ImportProject] = []
    uids: set[str] = set()
    shorts: set[str] = set()
    for i, raw in enumerate(_list(doc, "projects")):
        path = f"projects[{i}]"
        obj = _object(raw, path)
        uid = _uid(obj.get("uid"), f"{path}.uid")
        short = _project_field(path, "short", dom.check_short,
                               _get(obj, "short", path, str, required=True))
        if uid in uids or short in shorts:
            raise _Bad(path, "transfer.project_twice", short=repr(short))
        uids.add(uid)
        shorts.add(short)
        name = _project_field(path, "name", dom.check_name, _text(obj, "name", path, required=True))
        status = _choice(obj, "status", path, dom.STATUSES) or "active"
        owner = _text(obj, "owner", path)

        def instant(key: str, *, required: bool = True) -> datetime | None:
            if obj.get(key) is None:
                if required:
                    raise _Bad(f"{path}.{key}", "transfer.missing")
                return None
            return _instant(obj[key], f"{path}.{key}")

        def day(key: str, *, required: bool = True) -> date | None:
            if obj.get(key) is None:
                if required:
                    raise _Bad(f"{path}.{key}", "transfer.missing")
                return None
            return _day(obj[key], f"{path}.{key}", far)

        image = {
            "uid": uid, "short": short, "name": name, "status": status, "owner": owner,
            "ship_at": _db_instant(instant("ship_at")), "ship_day": str(day("ship_day")),
            "thrash_until": str(day("thrash_until")), "start_day": str(day("start_day")),
            "created_at": _db_instant(instant("created_at")),
            "updated_at": _db_instant(instant("updated_at")),
            "ended_at": _db_instant(instant("ended_at", required=False)),
            "ended_day": (str(d) if (d := day("ended_day", required=False)) else None),
            "entry_uid": (_uid(obj["entry_uid"], f"{path}.entry_uid")
                          if obj.get("entry_uid") is not None else None),
        }  # fmt: skip
        answers_obj = _object(obj.get("answers") or {}, f"{path}.answers")
        answers: dict[str, str] = {}
        for key, value in answers_obj.items():
            where = f"{path}.answers.{key}"
            if key not in dom.QUESTION_KEYS or key == "owner":
                raise _Bad(where, "transfer.not_a_question", questions=", ".join(dom.QUESTION_KEYS))
            if not isinstance(value, str) or not value:
                raise _Bad(where, "transfer.not_an_answer", value=_show(value))
            stored = _project_field(where, "", lambda v, k=key: dom.check_answer(k, v), value)
            answers[key] = stored
        thrash = []
        for t_i, t_raw in enumerate(_list(obj, "thrash")):
            t_path = f"{path}.thrash[{t_i}]"
            t = _object(t_raw, t_path)
            if not isinstance(t.get("late"), bool):
                raise _Bad(f"{t_path}.late", "transfer.type_bool", value=_show(t.get("late")))
            thrash.append({
                "uid": _uid(t.get("uid"), f"{t_path}.uid"), "project_uid": uid,
                "text": _text(t, "text", t_path, required=True),
                "at": _db_instant(_instant(t.get("at"), f"{t_path}.at")),
                "day": str(_day(t.get("day"), f"{t_path}.day", far)), "late": int(t["late"]),
            })  # fmt: skip
        moves = []
        for m_i, m_raw in enumerate(_list(obj, "moves")):
            m_path = f"{path}.moves[{m_i}]"
            m = _object(m_raw, m_path)
            moves.append({
                "uid": _uid(m.get("uid"), f"{m_path}.uid"), "project_uid": uid,
                "at": _db_instant(_instant(m.get("at"), f"{m_path}.at")),
                "from_at": _db_instant(_instant(m.get("from"), f"{m_path}.from")),
                "to_at": _db_instant(_instant(m.get("to"), f"{m_path}.to")),
                "reason": _text(m, "reason", m_path, required=True),
            })  # fmt: skip
        linked = tuple(_uid(u, f"{path}.entries[{k}]") for k, u in enumerate(_list(obj, "entries")))
        out.append(ImportProject(i, image, answers, tuple(thrash), tuple(moves), linked))
    return out


def _add_unique(result: ImportData, seen: dict[str, ImportEntry], entry: ImportEntry) -> None:
    """Keep the first of entries repeated in one file; refuse repeats that differ."""
    first = seen.get(entry.uid)
    if first is None:
        seen[entry.uid] = entry
        result.entries.append(entry)
        return
    if entry_diff(entry, first):
        raise _Bad(f"{entry.path}.uid", "transfer.uid_differs", uid=entry.uid, other=first.path)
    result.repeated += 1


def _read_jrnl(doc: Any, kind: str, today: date, day_starts_at: time, source: str | Msg
               ) -> ImportData:  # fmt: skip
    if not isinstance(doc, dict) or not isinstance(doc.get("entries"), list):
        raise InputError("transfer.not_jrnl", source=source)
    if "format" in doc:
        raise InputError("transfer.shipit_not_jrnl", source=source)
    result = ImportData(format="jrnl")
    seen: dict[str, ImportEntry] = {}
    dropped: dict[str, int] = {}
    shift = timedelta(hours=day_starts_at.hour, minutes=day_starts_at.minute)
    tag_cache: dict[str, str | None] = {}
    for i, raw in enumerate(doc["entries"]):
        path = f"entries[{i}]"
        obj = _object(raw, path)
        title = _get(obj, "title", path, str, required=True)
        body = _get(obj, "body", path, str) or ""
        if not title.strip():  # an entry that is all body: the body is its text
            title, body = body, ""
        _check_text(title, f"{path}.title")
        if body:
            _check_text(body, f"{path}.body", allow_empty=True)
        if obj.get("date") is None:
            raise _Bad(f"{path}.date", "transfer.missing")
        if not isinstance(obj["date"], str) or not _ISO_DAY.fullmatch(obj["date"]):
            raise _Bad(f"{path}.date", "transfer.not_a_date", value=_show(obj["date"]))
        try:
            wall_day = date.fromisoformat(obj["date"])
        except ValueError:
            raise _Bad(f"{path}.date", "transfer.not_a_real_date", value=repr(obj["date"])
                       ) from None  # fmt: skip
        clock = obj.get("time")
        if clock is None:
            wall = time(12, 0)
        else:
            m = _HHMM.fullmatch(clock) if isinstance(clock, str) else None
            if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59 or int(m.group(3) or 0) > 59:
                raise _Bad(f"{path}.time", "transfer.not_a_time", value=_show(clock))
            wall = time(int(m.group(1)), int(m.group(2)), int(m.group(3) or 0))
        if wall_day < _MIN_DAY:
            raise _Bad(f"{path}.date", "transfer.too_far_past", value=repr(obj["date"]))
        wall_time = datetime.combine(wall_day, wall)
        created = wall_time.astimezone(UTC)  # naive: read as the local zone's wall clock
        # The journal day of jrnl's wall clock (dates.journal_day's rule, without the
        # round trip through the zone database).
        day = (wall_time - shift).date()
        if day > today + _FUTURE_SLACK:
            raise _Bad(f"{path}.date", "transfer.in_future", value=repr(obj["date"]))
        tags: set[str] = set()
        raw_tags = obj.get("tags") or []
        if not isinstance(raw_tags, list):
            raise _Bad(f"{path}.tags", "transfer.not_a_tag_list", value=_show(raw_tags))
        for j, raw_tag in enumerate(raw_tags):
            if not isinstance(raw_tag, str):
                raise _Bad(f"{path}.tags[{j}]", "transfer.not_a_tag", value=_show(raw_tag))
            if raw_tag not in tag_cache:
                name = raw_tag[1:] if raw_tag[:1] in ("@", "#") else raw_tag
                try:
                    tag_cache[raw_tag] = normalise_tag(name)
                except InputError:
                    # jrnl allows + * / # in tags (@c++); shipit tags are letters,
                    # digits, '-' and '_'. The tag stays visible in its text.
                    tag_cache[raw_tag] = None
            norm = tag_cache[raw_tag]
            if norm is None:
                dropped[raw_tag] = dropped.get(raw_tag, 0) + 1
            else:
                tags.add(norm)
        starred = obj.get("starred")
        if starred is not None and not isinstance(starred, bool):
            raise _Bad(f"{path}.starred", "transfer.type_bool", value=_show(starred))
        if starred:
            tags.add("starred")
        key = obj.get("uuid") if isinstance(obj.get("uuid"), str) and obj.get("uuid") else \
            f"{obj['date']}T{clock}\n{obj['title']}\n{obj.get('body') or ''}"  # fmt: skip
        entry = ImportEntry(
            index=i, uid=stable_uid(key), kind=kind, text=title,
            day=day, created_at=created, updated_at=created,
            tags=tuple(sorted(tags.union(hashtags(title)) if "#" in title else tags)),
            note=body or None, minutes=None, decision=None, outcome=None, lesson=None,
        )  # fmt: skip
        _add_unique(result, seen, entry)
    if dropped:
        result.warnings.append(Msg("transfer.jrnl_tags_dropped", names=", ".join(sorted(dropped))))
    return result


# ======================================================================================
# Import: plan and write (one transaction)
# ======================================================================================


@dataclass(frozen=True)
class Conflict:
    """Something in the file that differs from what the journal already has (kept)."""

    path: str  # entries[3], skips[0], backlog[2], settings.weekly_target
    key: str  # the uid, day or setting name
    fields: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "key": self.key, "fields": list(self.fields)}


@dataclass
class ImportReport:
    format: str
    dry_run: bool
    added: int = 0
    duplicates: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    settings_added: list[str] = field(default_factory=list)
    skips_added: int = 0
    skips_duplicates: int = 0
    backlog_added: int = 0
    backlog_duplicates: int = 0
    projects_added: int = 0
    projects_duplicates: int = 0
    links_added: int = 0
    warnings: list[str | Msg] = field(default_factory=list)  # Msgs are worded when shown
    invalid: list[tuple[int, Msg]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "invalid": [{"index": i, "reason": str(why)} for i, why in self.invalid],
            "format": self.format, "dry_run": self.dry_run, "added": self.added,
            "duplicates": self.duplicates,
            "conflicts": [c.to_json() for c in self.conflicts],
            "settings_added": self.settings_added, "skips_added": self.skips_added,
            "skips_duplicates": self.skips_duplicates, "backlog_added": self.backlog_added,
            "backlog_duplicates": self.backlog_duplicates,
            "projects_added": self.projects_added,
            "projects_duplicates": self.projects_duplicates, "links_added": self.links_added,
            "warnings": [str(w) for w in self.warnings],
        }  # fmt: skip


_COMPARED = ("kind", "text", "day", "tags", "note", "minutes", "decision", "outcome", "lesson")


def entry_diff(new: ImportEntry, old: ImportEntry | EntryData) -> tuple[str, ...]:
    diff = [f for f in _COMPARED if getattr(new, f) != getattr(old, f)]
    if new.has_created_at and new.created_at != old.created_at:
        diff.append("created_at")
    if new.has_updated_at and new.updated_at != old.updated_at:
        diff.append("updated_at")
    return tuple(diff)


def chunks(items: list[Any], size: int = 900) -> Iterator[list[Any]]:
    """Slices small enough for one statement's parameters."""
    for start in range(0, len(items), size):
        yield items[start:start + size]
