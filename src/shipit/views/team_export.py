"""`shipit export --team`: the team's journal as Markdown (by day, then member) or JSON.

Writers over the plain data of services.team.team_export; user text goes through the
Markdown escaping of shipit.domain.exporting (docs/export-import.md), so an entry can
never turn into a heading or a link it was not. Formats: docs/sync.md, docs/json.md.
"""

from __future__ import annotations

import json
from typing import IO, Any

from shipit.domain.entries import KINDS
from shipit.domain.exporting import describe_filters, md_inline, md_text
from shipit.domain.text import fmt_day
from shipit.i18n import t


def _entry(e: Any) -> str:
    """One entry as the journal's Markdown export writes it (its words: transfer.md_*)."""
    facts = []
    if e.tags:
        facts.append(" ".join("#" + md_inline(tag) for tag in e.tags))
    if e.minutes is not None:
        facts.append(t("transfer.md_minutes", minutes=e.minutes))
    if e.decision:
        facts.append(t("transfer.md_decision", decision=t(f"transfer.md_decision_{e.decision}")))
    if e.outcome:
        facts.append(t("transfer.md_outcome", outcome=t(f"transfer.md_outcome_{e.outcome}")))
    out = f"- **{t(f'transfer.md_kind_{e.kind}')}** {md_text(e.text, '  ')}\n"
    if facts:
        out += f"  - {' · '.join(facts)}\n"
    if e.note:
        out += f"  - *{t('transfer.md_note')}:* {md_text(e.note, '    ')}\n"
    if e.lesson:
        out += f"  - *{t('transfer.md_lesson')}:* {md_text(e.lesson, '    ')}\n"
    return out


def write_team_markdown(out: IO[str], data: Any) -> int:
    """The team's journal: a summary, then one section per day and in it one per member
    (you first), their skip day and entries. Returns the number of entries written."""
    w = out.write
    w(f"# {t('sync.md_team_title')}\n\n")
    names = [md_inline(a) + (" " + t("sync.you") if you else "") for a, you in data.members]
    w(f"- **{t('sync.md_members')}:** {', '.join(names)}\n")
    entries = data.entries
    if entries:
        w(f"- **{t('transfer.md_period')}:** {fmt_day(entries[0][1].day)} – "
          f"{fmt_day(entries[-1][1].day)}\n")  # fmt: skip
        by_kind: dict[str, int] = {}
        for _, e in entries:
            by_kind[e.kind] = by_kind.get(e.kind, 0) + 1
        kinds = ", ".join(t(f"transfer.md_{k}s", n=by_kind[k]) for k in KINDS if by_kind.get(k))
        w(f"- **{t('transfer.md_entries')}:** {t('sync.md_count', n=len(entries))} ({kinds})\n")
    else:
        w(f"- **{t('transfer.md_entries')}:** {t('transfer.md_entries_none')}\n")
    filters = describe_filters(data.filters)
    if filters:
        w(f"- **{t('transfer.md_only')}:** {md_inline(', '.join(filters))}\n")
    w(f"- **{t('transfer.md_exported')}:** {fmt_day(data.exported_on)}\n")
    w(f"- {t('sync.md_private_never')}\n")

    skips: dict[tuple[Any, str], str | None] = {(d, a): r for a, d, r in data.skips}
    days = sorted({e.day for _, e in entries} | {d for _, d, _ in data.skips})
    order = [a for a, _ in data.members]
    by_day: dict[Any, dict[str, list[Any]]] = {}
    for author, e in entries:
        by_day.setdefault(e.day, {}).setdefault(author, []).append(e)
    for day in days:
        w(f"\n## {fmt_day(day)}\n")
        members = by_day.get(day, {})
        for author in order:
            skipped = (day, author) in skips
            if author not in members and not skipped:
                continue
            w(f"\n### {md_inline(author)}\n\n")
            if skipped:
                reason = skips[(day, author)]
                w(f"- *{t('transfer.md_skipped')}*{' — ' + md_text(reason, '  ') if reason else ''}\n")
            for e in members.get(author, ()):
                w(_entry(e))
    return len(entries)


def write_team_json(out: IO[str], data: Any) -> int:
    """The team's journal as one JSON document (keys in docs/json.md)."""
    doc = {
        "format": "shipit-team-journal", "version": 1,
        "exported_at": data.exported_at.isoformat(),
        "members": [{"author": a, "you": you} for a, you in data.members],
        "entries": [{"author": a, **{k: v for k, v in e.to_json().items() if k != "id"}}
                    for a, e in data.entries],
        "skips": [{"author": a, "day": d.isoformat(), "reason": r} for a, d, r in data.skips],
    }  # fmt: skip
    out.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    return len(data.entries)
