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

NOTE = "# --- note (empty for none) ---"
LESSON = "# --- lesson (empty for none) ---"
FIELDS = "# --- fields ---"
_MARKERS = {NOTE: "note", LESSON: "lesson", FIELDS: "fields"}
FIELD_KEYS = {
    "ship": ("day", "tags"),
    "step": ("day", "tags", "minutes", "decision"),
    "attempt": ("day", "tags", "outcome"),
}
_FIELD_HELP = {
    "day": "an ISO date or any WHEN (docs/dates.md)",
    "tags": "tags besides the text's #hashtags, comma-separated",
    "minutes": "whole minutes",
    "decision": "self, delegate, drop or empty",
    "outcome": "open, succeeded or failed",
}


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
             "# The text comes first; an empty text aborts. Save it unchanged to change nothing.",
             "# Lines that begin with '# ' are ignored.",
             entry.text, "", NOTE, entry.note or ""]  # fmt: skip
    if entry.kind == "attempt":
        lines += ["", LESSON, entry.lesson or ""]
    lines += ["", FIELDS]
    for key in FIELD_KEYS[entry.kind]:
        lines.append(f"# {key}: {_FIELD_HELP[key]}")
        lines.append(f"{key}: {values[key]}".rstrip())
    return "\n".join(lines) + "\n"


def new_document(kind: str) -> str:
    """The file shown for `shipit log` without text: text and note."""
    return "\n".join([
        "",
        f"# Write the {kind} above: what you delivered. An empty text aborts.",
        "# Lines that begin with '# ' are ignored; #hashtags become tags.",
        "", NOTE, "",
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
    sections: dict[str, list[str]] = {"text": []}
    current = "text"
    for line in text.replace("\r\n", "\n").split("\n"):
        marker = _MARKERS.get(line.strip())
        if marker is not None:
            current = marker
            sections[current] = []
            continue
        if is_comment(line):
            continue
        sections[current].append(line)
    out: dict[str, Any] = {"text": _block(sections["text"])}
    if not out["text"].strip():
        raise EditAborted("aborted: the text is empty, nothing was changed")
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

            raise InputError(f"cannot read the line {line.strip()!r}: expected 'key: value' "
                             f"with a key of {', '.join(_FIELD_HELP)}")  # fmt: skip
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
