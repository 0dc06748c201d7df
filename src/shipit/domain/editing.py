"""The file `shipit edit ID` (and `shipit log` without text) opens in $VISUAL/$EDITOR.

Pure: the document is built from an entry and parsed back into the changes to make.
Like `git commit` and `task edit`: the text comes first, then the note (and an
attempt's lesson), then the fields of the entry's kind as `key: value` lines. Lines
that begin with "# " (or are just "#") are ignored: a #hashtag needs a letter after the
"#", so it is never mistaken for a comment. An empty text aborts; a file saved
unchanged changes nothing.
"""

from __future__ import annotations

from typing import Any

from shipit.domain.entries import EntryData, hashtags
from shipit.domain.errors import ShipitError
from shipit.i18n import LANGUAGES, t, template

# The section markers, in the reader's language: "# --- note (empty for none) ---".
# The field keys (`day: ...`) are never translated; markers are read in any language.
_SECTIONS = {"note": "entries.doc_note", "lesson": "entries.doc_lesson",
             "fields": "entries.doc_fields"}  # fmt: skip
FIELD_KEYS = {
    "ship": ("day", "tags"),
    "step": ("day", "tags", "minutes", "decision"),
    "attempt": ("day", "tags", "outcome"),
}
_FIELD_HELP = {
    "day": "entries.field_day",
    "tags": "entries.field_tags",
    "minutes": "entries.field_minutes",
    "decision": "entries.field_decision",
    "outcome": "entries.field_outcome",
}


def marker(section: str, lang: str | None = None) -> str:
    """The line that opens a section of the document ('note', 'lesson', 'fields')."""
    return f"# --- {template(_SECTIONS[section], lang)} ---"


def _markers() -> dict[str, str]:
    """Every language's marker line → its section (a file may be edited in another)."""
    return {marker(section, lang): section for lang in LANGUAGES for section in _SECTIONS}


class EditAborted(ShipitError):
    """The user emptied the text: nothing is changed (exit 1, as git does)."""


def is_comment(line: str) -> bool:
    return line == "#" or line.startswith("# ")


def entry_document(entry: EntryData, title: str) -> str:
    """The file shown for `shipit edit ID`."""
    extra_tags = sorted(set(entry.tags) - set(hashtags(entry.text)))
    values = {"day": entry.day.isoformat(), "tags": ", ".join(extra_tags),
              "minutes": "" if entry.minutes is None else str(entry.minutes),
              "decision": entry.decision or "", "outcome": entry.outcome or ""}  # fmt: skip
    lines = [f"# {title}",
             f"# {t('entries.doc_first')}",
             f"# {t('entries.doc_comments')}",
             entry.text, "", marker("note"), entry.note or ""]  # fmt: skip
    if entry.kind == "attempt":
        lines += ["", marker("lesson"), entry.lesson or ""]
    lines += ["", marker("fields")]
    for key in FIELD_KEYS[entry.kind]:
        lines.append(f"# {key}: {t(_FIELD_HELP[key])}")
        lines.append(f"{key}: {values[key]}".rstrip())
    return "\n".join(lines) + "\n"


def new_document(kind: str) -> str:
    """The file shown for `shipit log` without text: text and note."""
    return "\n".join([
        "",
        f"# {t('entries.doc_new', kind=t('entries.kind_' + kind))}",
        f"# {t('entries.doc_new_comments')}",
        "", marker("note"), "",
    ]) + "\n"  # fmt: skip


def _block(lines: list[str]) -> str:
    """Lines joined, without the blank lines around them (inner ones are kept)."""
    while lines and not lines[0].strip():
        lines = lines[1:]
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return "\n".join(line.rstrip() for line in lines)


def parse_document(text: str) -> dict[str, Any]:
    """The sections of an edited file: text, note, lesson (when present) and fields.

    Raises EditAborted when the text is empty, ShipitError naming an unknown field line.
    """
    markers = _markers()
    sections: dict[str, list[str]] = {"text": []}
    current = "text"
    for line in text.replace("\r\n", "\n").split("\n"):
        section = markers.get(line.strip())
        if section is not None:
            current = section
            sections[current] = []
            continue
        if is_comment(line):
            continue
        sections[current].append(line)
    out: dict[str, Any] = {"text": _block(sections["text"])}
    if not out["text"].strip():
        raise EditAborted("entries.edit_aborted")
    for name in ("note", "lesson"):
        if name in sections:
            out[name] = _block(sections[name])
    fields: dict[str, str] = {}
    for line in sections.get("fields", []):
        if not line.strip():
            continue
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        if not sep or key not in _FIELD_HELP:
            from shipit.domain.errors import InputError

            raise InputError("entries.edit_bad_line", line=line.strip(),
                             keys=", ".join(_FIELD_HELP))  # fmt: skip
        fields[key] = value.strip()
    out["fields"] = fields
    return out


def changes(entry: EntryData, doc: dict[str, Any]) -> dict[str, Any]:
    """The `Journal.edit` keyword arguments for what differs from the entry (empty: none)."""
    out: dict[str, Any] = {}
    if doc["text"] != entry.text:
        out["text"] = doc["text"]
    if "note" in doc and (doc["note"] or None) != entry.note:
        out["note"] = doc["note"]
    if "lesson" in doc and (doc["lesson"] or None) != entry.lesson:
        out["lesson"] = doc["lesson"]
    fields = doc.get("fields", {})
    if "day" in fields and fields["day"] != entry.day.isoformat():
        out["when"] = fields["day"]
    if "tags" in fields:
        old = sorted(set(entry.tags) - set(hashtags(entry.text)))
        new = [t.strip().lstrip("#@") for t in fields["tags"].replace(" ", ",").split(",")]
        new = sorted({t.lower() for t in new if t})
        if new != old:
            out["tags"] = new
    if "minutes" in fields and fields["minutes"] != ("" if entry.minutes is None else str(entry.minutes)):
        out["minutes"] = fields["minutes"]
    if "decision" in fields and fields["decision"] != (entry.decision or ""):
        out["decision"] = fields["decision"]
    if "outcome" in fields and fields["outcome"] != (entry.outcome or ""):
        out["outcome"] = fields["outcome"]
    return out
