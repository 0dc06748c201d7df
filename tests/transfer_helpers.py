"""Helpers shared by the export, import and backup tests (documents, Markdown checks)."""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from markdown_it import MarkdownIt

from shipit.domain.entries import EntryData
from shipit.views.render import safe

# Snippets that would become Markdown structure (or markup elsewhere) if not escaped.
NASTY = [
    "# heading", "## h2", "- item", "* item", "+ item", "1. one", "1) one", "> quote",
    "```", "~~~", "`code`", "    indented", "\tTab", "| a | b |", "|---|---|", "[x](y)",
    "![img](src.png)", "<script>alert(1)</script>", "<b>", "[bold]", "[/]", "**strong**",
    "_em_", "__init__", "snake_case", "~~strike~~", "$x$", "&amp;", "&#35;", "\\", "\\*",
    "---", "===", "***", "<http://example.com>", "[ref]: /url", "[^1]", ":smile:",
    "\x1b[31mred", "\u202eevil", "😀", "日本語", "e\u0301", "\r\n", "\n", "\r", "\n\n",
    "  ", "<!-- c -->", "&", "trailing  ", "#hashtag", "@mention", "no-break\xa0",
    "\u3000ideographic space", "0\xa0",
]  # fmt: skip


def make_entry(i: int = 1, **kw: Any) -> EntryData:
    base: dict[str, Any] = dict(
        id=i, uid=str(uuid.UUID(int=i)), kind="ship", text=f"entry {i}", day=date(2026, 11, 2),
        created_at=datetime(2026, 11, 2, 12, tzinfo=UTC),
        updated_at=datetime(2026, 11, 2, 12, tzinfo=UTC),
    )  # fmt: skip
    base.update(kw)
    return EntryData(**base)


def shipit_doc(entries: list[dict], **extra: Any) -> dict:
    return {"format": "shipit-journal", "version": 1, "exported_at": "2026-11-23T12:00:00+00:00",
            "settings": extra.pop("settings", {}), "entries": entries,
            "skips": extra.pop("skips", []), "backlog": extra.pop("backlog", []), **extra}  # fmt: skip


def jrnl_doc(entries: list[dict]) -> dict:
    """The shape `jrnl --export json` prints (jrnl 4.x, checked against jrnl 4.6)."""
    tags: dict[str, int] = {}
    for e in entries:
        for t in e.get("tags", []):
            tags[t] = tags.get(t, 0) + 1
    return {"tags": tags, "entries": entries}


def jrnl_entry(title: str, date_: str = "2024-01-05", time_: str = "09:30", body: str = "",
               tags: list[str] | None = None, starred: bool = False) -> dict:  # fmt: skip
    return {"title": title, "body": body, "date": date_, "time": time_, "tags": tags or [],
            "starred": starred}  # fmt: skip


def dump(doc: Any) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2)


def shown(text: str) -> str:
    """What the Markdown export must display for user text: every line break as a
    line break, trailing ones dropped, control characters escaped as on the terminal."""
    lines = re.split(r"\r\n|\r|\n", text)
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(safe(line) for line in lines)


@dataclass
class MdItem:
    kind: str
    text: str
    details: list[str] = field(default_factory=list)  # the plain text of each sub-item


# Token types user text must never produce.
FORBIDDEN = {
    "link_open", "image", "html_inline", "html_block", "code_inline", "code_block", "fence",
    "table_open", "s_open", "blockquote_open", "hr", "ordered_list_open", "softbreak",
}  # fmt: skip


def _inline_text(children: list, start: int = 0) -> str:
    out = []
    for tok in children[start:]:
        if tok.type in ("text", "text_special"):
            out.append(tok.content)
        elif tok.type == "hardbreak":
            out.append("\n")
        elif tok.type in ("em_open", "em_close", "strong_open", "strong_close"):
            raise AssertionError(f"emphasis from user text: {children}")
        else:
            raise AssertionError(f"unexpected inline token {tok.type}: {children}")
    return "".join(out)


def parse_markdown(src: str) -> tuple[list[tuple[int, str]], list[MdItem]]:
    """Parse with markdown-it (CommonMark + tables + strikethrough); return the headings
    (level, text) and entry items, asserting no structure came from user text."""
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    tokens = md.parse(src)
    for tok in tokens:
        assert tok.type not in FORBIDDEN, f"{tok.type} in {src!r}"
        for child in tok.children or []:
            assert child.type not in FORBIDDEN, f"{child.type} in {src!r}"
    headings = []
    items: list[MdItem] = []
    depth = 0
    in_body = False  # the summary list comes before the first week heading
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open":
            headings.append((int(tok.tag[1]), tokens[i + 1].content))
            in_body = in_body or tok.tag == "h2"
        elif not in_body:
            continue
        elif tok.type == "bullet_list_open":
            depth += 1
        elif tok.type == "bullet_list_close":
            depth -= 1
        elif tok.type == "inline" and tokens[i - 1].type == "paragraph_open" and depth >= 1:
            kids = tok.children
            if depth == 1 and len(kids) >= 4 and kids[1].type == "strong_open":
                assert kids[0].content == "" and kids[4].content.startswith(" ")
                items.append(MdItem(kind=kids[2].content, text=_inline_text(kids, 4)[1:]))
            elif depth == 2 and items:
                if kids[0].type == "em_open":  # "*Note:* text"
                    label = kids[1].content
                    assert kids[2].type == "em_close" and kids[3].content.startswith(" ")
                    items[-1].details.append(f"{label}{_inline_text(kids, 3)}")
                else:
                    items[-1].details.append(_inline_text(kids))
            elif depth == 1:
                # a skipped day: "*Skipped* — reason"
                assert kids[0].type == "em_open" and kids[1].content == "Skipped", kids
    return headings, items
