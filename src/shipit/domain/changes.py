"""The change history as plain data: what `history` lists and `undo`/`redo` revert.

A change is one command's effect on the journal. Each row it touched is a RowChange:
the table, the row's key (an entry's or backlog item's uid, a skip's day, a setting's
name) and its stored values before and after (None where the row did not exist).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, NamedTuple

# Changes that move through the history instead of adding to it.
HISTORY_MOVES = ("undo", "redo")
# Fields that say when a row was written, not what it says: a row that differs only in
# these is unchanged.
BOOKKEEPING = frozenset({"updated_at"})
# Fields not shown as edits (an id is how a row is named, not something people edit).
NOT_SHOWN = BOOKKEEPING | {"id"}
# The order fields are shown in (what people recognise first).
FIELD_ORDER = ("text", "kind", "day", "note", "tags", "minutes", "decision", "outcome",
               "lesson", "annoyance", "closed_at", "entry_id", "reason", "value", "created_at")


def same_values(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    """Whether two row images say the same thing (bookkeeping fields aside)."""
    if a is None or b is None:
        return a is b
    return all(a.get(k) == b.get(k) for k in (a.keys() | b.keys()) - BOOKKEEPING)


class RowChange(NamedTuple):
    table: str
    key: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    @property
    def op(self) -> str:
        if self.before is None:
            return "insert"
        if self.after is None:
            return "delete"
        return "update"

    def changed_fields(self) -> list[str]:
        """The fields an update changed, in FIELD_ORDER (bookkeeping aside)."""
        if self.before is None or self.after is None:
            return []
        changed = [k for k in self.after if k not in NOT_SHOWN
                   and self.before.get(k) != self.after.get(k)]  # fmt: skip
        rank = {f: i for i, f in enumerate(FIELD_ORDER)}
        return sorted(changed, key=lambda f: rank.get(f, len(rank)))

    def reverted(self) -> RowChange:
        return RowChange(self.table, self.key, self.after, self.before)

    def to_json(self) -> dict[str, Any]:
        return {"table": self.table, "key": self.key, "op": self.op,
                "before": self.before, "after": self.after}  # fmt: skip


class Change(NamedTuple):
    seq: int
    uid: str
    at: datetime
    command: str
    target: int | None  # undo/redo: the change they reverted or re-applied
    undone_by: int | None  # set while an undo has reverted this change
    row_count: int
    rows: tuple[RowChange, ...]  # all rows, or the first few (see row_count)
    target_command: str | None = None  # undo/redo: the command of their target
    counts: dict[str, int] | None = None  # rows by table

    def table_counts(self) -> dict[str, int]:
        if self.counts is not None:
            return self.counts
        out: dict[str, int] = {}
        for row in self.rows:
            out[row.table] = out.get(row.table, 0) + 1
        return out

    @property
    def undone(self) -> bool:
        return self.undone_by is not None

    def to_json(self, *, rows: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "seq": self.seq, "uid": self.uid, "at": self.at.isoformat(),
            "command": self.command, "target": self.target, "undone": self.undone,
            "row_count": self.row_count,
        }  # fmt: skip
        if rows:
            out["rows"] = [r.to_json() for r in self.rows]
        return out
