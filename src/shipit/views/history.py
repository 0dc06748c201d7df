"""The change history in words: `history`, and what `undo` and `redo` will do.

Rows are described from their stored images (domain.changes.RowChange): an entry by
its id, kind and text, a backlog item by its backlog id, a skip by its day, a setting
by its name. User text goes through `user_text` (escaped, never markup).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from shipit.domain.changes import Change, RowChange
from shipit.i18n import day_name, month_name, t
from shipit.views.render import kind_word, user_text

if TYPE_CHECKING:
    from rich.text import Text

MAX_VALUE = 48  # characters of a text value shown in a line
MAX_LINES = 10  # rows shown before "… and N more"
MOVE_OF = {"undo": "history.undo_of", "redo": "history.redo_of"}
# Each table's rows counted in words: the catalogue key "history.rows_<table>" (a pair).
TABLE_WORDS = ("entry", "backlog", "skip", "setting", "project", "project_answer",
               "project_thrash", "project_move", "project_link")  # fmt: skip


# The value that names a project row in `history` (the row's user text).
PROJECT_SUBJECTS = {"project": "name", "project_answer": "text", "project_thrash": "text",
                    "project_move": "reason", "project_link": None}  # fmt: skip


def _value(value: Any) -> str:
    if value is None:
        return t("history.none")
    if isinstance(value, list):
        return " ".join(f"#{tag}" for tag in value) or t("history.none")
    if isinstance(value, str):
        one_line = " ".join(value.split())
        if len(one_line) > MAX_VALUE:
            one_line = one_line[: MAX_VALUE - 1] + "…"
        return f'"{one_line}"'
    return str(value)


def subject(row: RowChange, rows: tuple[RowChange, ...] = ()) -> Text:
    """What a row is, for people: '#12 ship "Pricing page"', 'skip day 2026-12-24'.
    `rows`: the other rows of its change (a project link names its entry from them)."""
    from rich.text import Text

    image = row.after if row.after is not None else row.before
    assert image is not None
    text = Text()
    if row.table == "entry":
        text.append(f"#{image['id']} {kind_word(image['kind'])} ")
        text.append_text(user_text(_value(image["text"])))
    elif row.table == "backlog":
        text.append(t("history.backlog_item", id=image["id"]) + " ")
        text.append_text(user_text(_value(image["text"])))
    elif row.table == "skip":
        text.append(t("history.skip_day", day=image["day"]))
    elif row.table in PROJECT_SUBJECTS:
        text.append(_short_subject(row, rows))
        value = image.get(PROJECT_SUBJECTS[row.table])
        if value is not None:
            text.append(" ")
            text.append_text(user_text(_value(value)))
    else:
        text.append(t("history.setting", key=row.key))
    return text


def _short_subject(row: RowChange, rows: tuple[RowChange, ...] = ()) -> str:
    image = row.after if row.after is not None else row.before
    assert image is not None
    if row.table == "entry":
        return f"#{image['id']}"
    if row.table == "backlog":
        return t("history.backlog_item", id=image["id"])
    if row.table == "skip":
        return t("history.skip_day", day=image["day"])
    if row.table == "project":
        return t("history.project", short=image["short"])
    if row.table == "project_answer":
        return t("history.answer", question=image["question"])
    if row.table == "project_link":
        return _link_subject(image, rows)
    if row.table in TABLE_WORDS and row.table != "setting":
        return t(f"history.rows_{row.table}", n=1).removeprefix("1 ")
    return t("history.setting", key=row.key)


def _link_subject(image: dict[str, Any], rows: tuple[RowChange, ...]) -> str:
    """'project link of #12 to +pricing': the entry and project named from the rows of
    the same change when they are there ('an entry', 'a project' when not)."""

    def find(table: str, uid: str) -> dict[str, Any] | None:
        for r in rows:
            other = r.after if r.after is not None else r.before
            if r.table == table and other is not None and other.get("uid") == uid:
                return other
        return None

    entry = find("entry", image.get("entry_uid", ""))
    project = find("project", image.get("project_uid", ""))
    text = t("history.link_of", entry=f"#{entry['id']}" if entry else t("history.an_entry"))
    return text + (" " + t("history.link_to", short=project["short"]) if project else "")


def effect(row: RowChange) -> Text:
    """What applying the row does: 'removes it', 'text "a" → "b"'."""
    from rich.text import Text

    if row.table == "setting":  # a setting without a row has its default
        old = _value(row.before["value"]) if row.before else t("history.default")
        new = _value(row.after["value"]) if row.after else t("history.default")
        return user_text(f"{old} → {new}")
    if row.after is None:
        return Text(t("history.removes_it"))
    if row.before is None:
        return Text(t("history.adds_it"))
    parts = []
    for field in row.changed_fields():
        old, new = row.before.get(field), row.after.get(field)
        if field == "closed_at":
            parts.append(Text(t("history.reopens_it" if new is None else "history.closes_it")))
            continue
        part = Text(f"{field} ")
        part.append_text(user_text(f"{_value(old)} → {_value(new)}"))
        parts.append(part)
    return Text("; ").join(parts) if parts else Text(t("history.no_visible_change"))


def move_lines(change: Change, action: str) -> list[Text]:
    """`Undo edit of #10: text "new" → "old"`: one line per row the undo (redo) writes."""
    from rich.text import Text

    rows = [r.reverted() for r in reversed(change.rows)] if action == "undo" else list(change.rows)
    lines = []
    for row in rows[:MAX_LINES]:
        line = Text(t(MOVE_OF[action], command=change.command) + " ", style="bold")
        line.append_text(subject(row, change.rows) if row.op != "update"
                         else Text(_short_subject(row, change.rows)))  # fmt: skip
        line.append(": ")
        line.append_text(effect(row))
        lines.append(line)
    if len(rows) > MAX_LINES:
        lines.append(Text(t("history.and_more", n=len(rows) - MAX_LINES), style="dim"))
    return lines


def _tables(change: Change) -> str:
    """'5 entries, 1 skip day': what a change touched, by table."""
    return ", ".join(t(f"history.rows_{table}" if table in TABLE_WORDS else "history.rows", n=n)
                     for table, n in change.table_counts().items())  # fmt: skip


def summary(change: Change) -> Text:
    """The rest of a history line: what the change did, in a few words."""
    from rich.text import Text

    if change.target is not None:
        return Text(t("history.change_ref", seq=change.target,
                      command=change.target_command or "?"))  # fmt: skip
    if not change.rows:
        return Text(t("history.nothing"))
    first = change.rows[0]
    if change.row_count == 1:
        if first.table == "setting":
            return Text.assemble(subject(first), ": ", effect(first))
        if first.op == "update":
            fields = ", ".join(first.changed_fields()) or f"({t('history.no_visible_change')})"
            return Text(f"{_short_subject(first)} {fields}")
        return subject(first, change.rows)
    if first.op != "update" and any(r.table.startswith("project") for r in change.rows):
        # a project command, or an entry linked to a project: name the first row
        text = subject(first, change.rows)
        text.append(f" (+{t('history.rows', n=change.row_count - 1)})", style="dim")
        return text
    if first.table == "skip" and all(r.table == "skip" for r in change.rows):
        return Text(t("history.skip_days", day=first.key, n=change.row_count - 1))
    return Text(_tables(change))


def history_table(changes: list[Change]) -> Any:
    """`shipit history`: newest first; undone changes marked."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
    table.add_column(t("history.col_change"), justify="right", no_wrap=True, style="dim")
    table.add_column(t("history.col_when"), no_wrap=True)
    table.add_column(t("history.col_command"), no_wrap=True, style="bold")
    table.add_column(t("history.col_what"), overflow="fold", ratio=1)
    for c in changes:
        what = summary(c)
        if c.undone:
            what.append("  " + t("history.undone_by", seq=c.undone_by), style="yellow")
        local = c.at.astimezone()
        when = t("history.when", weekday=day_name(local.date()), day=local.day,
                 month=month_name(local.month), time=f"{local:%H:%M}")  # fmt: skip
        table.add_row(f"#{c.seq}", Text(when), c.command, what)
    return table
