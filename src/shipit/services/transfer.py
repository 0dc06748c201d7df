"""Moving the journal: export, import, backup, restore. One transaction each."""

from __future__ import annotations

from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from shipit.domain import dates, exporting
from shipit.domain.entries import Filters
from shipit.domain.errors import InputError
from shipit.domain.exporting import EXPORT_FORMATS, check_format
from shipit.domain.settings import FIGURE_KEYS
from shipit.i18n import Msg
from shipit.storage import entries as entries_sql
from shipit.storage import figures as figures_sql
from shipit.storage import projects as projects_sql
from shipit.storage import transfer as transfer_sql
from shipit.storage.entries import db_instant
from shipit.services.journal import Journal

if TYPE_CHECKING:
    from shipit.domain.importing import ImportData, ImportReport
    from shipit.storage.backup import RestoreResult

# Import, backup and restore bring their own modules (domain.importing, storage.backup,
# the change log) inside their functions: `shipit export` imports none of them.

# -- export ----------------------------------------------------------------------------------


def export_filters(journal: Journal, **raw: Any) -> Filters:
    with journal.store.reading() as conn:
        return journal.parse_filters(conn, **raw).without_limit()


def export_journal(journal: Journal, out: IO[str], fmt: str, filters: Filters | None = None
                   ) -> int:  # fmt: skip
    """Stream the journal (or the filtered part of it) to `out`; return the entry count.

    Everything is read in one read transaction (a consistent snapshot that does not
    block writers), entries and their tags through one query, oldest first.
    """
    fmt = check_format(fmt, EXPORT_FORMATS)
    filters = (filters or Filters()).without_limit()
    with journal.store.reading() as conn:
        where, params = entries_sql.filter_sql(filters)
        if fmt == "markdown":
            hist = figures_sql.read_history(conn)
            if where:
                sel = exporting.Selection(*entries_sql.selection_counts(conn, where, params))
            else:
                sel = exporting.whole_journal(hist)
            summary = exporting.markdown_summary(hist, filters, sel)
            rows = transfer_sql.markdown_rows(conn, where, params)
            n = exporting.write_markdown(out, rows, summary, summary_extra=summary.streaks)
            if projects_sql.any_project(conn):  # else services.projects is not even imported
                from shipit.services.projects import markdown_cards

                out.write(markdown_cards(conn))
            return n
        from shipit.services import projects as projects_service

        entries = entries_sql.query(conn, filters, order="asc")
        if fmt == "csv":
            return exporting.write_csv(out, entries, projects=projects_sql.links(conn))
        return exporting.write_json(
            out, entries, exported_at=dates.now(),
            settings={k: v for k, v in figures_sql.read_settings(conn).as_strings().items()
                      if k in FIGURE_KEYS},
            skips=_skips_json(conn, filters), backlog=_backlog_json(conn),
            projects=projects_service.export_json(conn),
            private=entries_sql.private_uids(conn),
        )  # fmt: skip


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _skips_json(conn: Any, filters: Filters) -> Any:
    for day, reason, created in figures_sql.skip_rows(conn, filters.since, filters.until):
        yield {"day": day, "reason": reason, "created_at": _iso(db_instant(created))}


def _backlog_json(conn: Any) -> Any:
    from shipit.storage import backlog as backlog_sql

    for uid, text, annoyance, created, closed, entry_uid in backlog_sql.export_rows(conn):
        yield {
            "uid": uid, "text": text, "annoyance": annoyance,
            "created_at": _iso(db_instant(created)), "closed_at": _iso(db_instant(closed)),
            "entry_uid": entry_uid,
        }  # fmt: skip


def export_to_file(journal: Journal, dest: Path, fmt: str, filters: Filters, *,
                   force: bool = False) -> int:  # fmt: skip
    """Export into a file, atomically (temp file, fsync, rename), mode 0600."""
    from shipit.storage.files import atomic_text_writer

    if dest.is_dir():
        raise InputError("transfer.export_is_folder", dest=dest)
    with atomic_text_writer(dest, overwrite=force, newline="" if fmt == "csv" else None) as fh:
        return export_journal(journal, fh, fmt, filters)


# -- import ----------------------------------------------------------------------------------


def read_source(file: str) -> tuple[bytes, str]:
    """The bytes to import from FILE ('-': stdin), at most MAX_INPUT_BYTES; and its name."""
    from shipit.storage.files import MAX_INPUT_BYTES, read_bounded

    if file == "-":
        return read_bounded(None, "stdin", MAX_INPUT_BYTES), "stdin"
    return read_bounded(Path(file).expanduser(), file, MAX_INPUT_BYTES), file


def import_file(
    journal: Journal,
    data: bytes,
    *,
    fmt: str | None = None,
    kind: str | None = None,
    dry_run: bool = False,
    source: str | Msg | None = None,
    skip_invalid: bool = False,
) -> ImportReport:
    """Validate the whole file, then import it in one transaction (or plan, if dry_run);
    with `skip_invalid`, the valid entries (the invalid ones are listed in the report).
    `source` names the data in messages (default: "the file")."""
    from shipit.domain.entries import check_kind
    from shipit.domain.importing import THE_FILE, read_import
    from shipit.domain.settings import Settings

    if source is None:
        source = THE_FILE
    kind = check_kind(kind)
    # An invalid file must not even create a journal: read settings only if one exists.
    settings = journal.settings() if journal.store.exists() else Settings()
    today = dates.journal_day(dates.now(), settings.day_starts_at)
    parsed = read_import(data, fmt=fmt, kind=kind, today=today,
                         day_starts_at=settings.day_starts_at, source=source,
                         skip_invalid=skip_invalid)  # fmt: skip
    report = apply_import(journal, parsed, dry_run=dry_run)
    report.invalid = parsed.invalid
    return report


def apply_import(journal: Journal, data: ImportData, *, dry_run: bool = False) -> ImportReport:
    """Add what is new, skip exact duplicates, report conflicts (the journal wins).

    One write transaction holding the write lock from its first statement; entries,
    tags, skips and backlog items go in with bulk inserts, and the whole import is one
    change in the history (one `undo` takes it back). A dry run plans the same thing in
    a read transaction and writes nothing.

    Precedence: an entry, skip or backlog item already in the journal (same uid, or
    same day for skips) is never changed; a difference is reported as a conflict. A
    setting the journal has already stored keeps its value (a differing value is
    reported); a setting it has not stored takes the file's value.
    """
    from shipit.domain.importing import Conflict, ImportReport, chunks, entry_diff
    from shipit.domain.settings import DEFAULTS
    from shipit.services import projects as projects_service
    from shipit.storage import backlog as backlog_sql

    report = ImportReport(format=data.format, dry_run=dry_run, warnings=list(data.warnings))
    report.duplicates = data.repeated
    ctx = journal.store.reading() if dry_run else journal.store.writing()
    with ctx as conn:
        # Entries: which uids exist, and are they the same entry?
        existing = entries_sql.all_uids(conn)
        clash = [e for e in data.entries if e.uid in existing]
        new = [e for e in data.entries if e.uid not in existing]
        by_uid = {e.uid: e for e in clash}
        for chunk in chunks(list(by_uid)):
            for old in entries_sql.by_uids(conn, chunk):
                diff = entry_diff(by_uid[old.uid], old)
                if diff:
                    report.conflicts.append(Conflict(by_uid[old.uid].path, old.uid, diff))
                else:
                    report.duplicates += 1
        report.conflicts.sort(key=lambda c: int(c.path[8:-1]))
        report.added = len(new)

        # Settings: the journal's stored values win.
        stored = figures_sql.stored_settings(conn)
        new_settings = []
        for key, value in data.settings.items():
            if key in stored:
                if stored[key] != value:
                    report.conflicts.append(Conflict(f"settings.{key}", key, ("value",)))
            elif value != DEFAULTS.get(key):
                new_settings.append((key, value))
                report.settings_added.append(key)

        # Skips: matched by day.
        old_skips = figures_sql.read_skips(conn)
        new_skips = []
        for s in data.skips:
            if s.day not in old_skips:
                new_skips.append(s)
            elif old_skips[s.day] == s.reason:
                report.skips_duplicates += 1
            else:
                report.conflicts.append(Conflict(f"skips[{s.index}]", s.day.isoformat(),
                                                 ("reason",)))  # fmt: skip
        report.skips_added = len(new_skips)

        # Backlog: matched by uid.
        old_backlog: dict[str, dict[str, Any]] = {}
        for chunk in chunks([b.uid for b in data.backlog]):
            old_backlog.update(backlog_sql.by_uids(conn, chunk))
        new_backlog = []
        for b in data.backlog:
            old_b = old_backlog.get(b.uid)
            if old_b is None:
                new_backlog.append(b)
                continue
            diff = tuple(f for f in ("text", "annoyance", "created_at", "closed_at", "entry_uid")
                         if getattr(b, f) != old_b[f])  # fmt: skip
            if diff:
                report.conflicts.append(Conflict(f"backlog[{b.index}]", b.uid, diff))
            else:
                report.backlog_duplicates += 1
        report.backlog_added = len(new_backlog)

        if dry_run:  # projects are planned like the rest: counted, nothing written
            projects_service.import_rows(conn, data.projects,
                                         existing | {e.uid for e in new}, report, write=False)  # fmt: skip
            return report
        _write_import(conn, new, new_settings, new_skips, new_backlog, report,
                      data.projects, existing | {e.uid for e in new})  # fmt: skip
    return report


def _write_import(conn: Any, new: list, new_settings: list, new_skips: list,
                  new_backlog: list, report: ImportReport, projects: list = (),
                  entry_uids: set[str] = frozenset()) -> None:  # fmt: skip
    """Insert what the import adds and record it all as one change."""
    from shipit.domain.changes import RowChange
    from shipit.services import projects as projects_service
    from shipit.storage.rows import ChangeLog

    changes: list[RowChange] = []
    ids = transfer_sql.insert_entries(conn, new)
    changes += [RowChange("entry", e.uid, None, entries_sql.entry_image(e, ids[e.uid]))
                for e in new]  # fmt: skip
    if new_settings:
        transfer_sql.insert_settings(conn, new_settings)
        changes += [RowChange("setting", k, None, {"key": k, "value": v})
                    for k, v in new_settings]  # fmt: skip
    if new_skips:
        transfer_sql.insert_skips(conn, new_skips)
        changes += [RowChange("skip", s.day.isoformat(), None, transfer_sql.skip_image(s))
                    for s in new_skips]  # fmt: skip
    if new_backlog:
        wanted = sorted({b.entry_uid for b in new_backlog if b.entry_uid})
        entry_ids = transfer_sql.entry_ids(conn, wanted)
        for b in new_backlog:
            if b.entry_uid and b.entry_uid not in entry_ids:
                report.warnings.append(Msg("transfer.backlog_link_dropped", index=b.index,
                                           uid=b.entry_uid))  # fmt: skip
        item_ids = transfer_sql.insert_backlog(conn, new_backlog, entry_ids)
        changes += [RowChange("backlog", b.uid, None, transfer_sql.backlog_image(
            b, item_ids[b.uid], entry_ids.get(b.entry_uid) if b.entry_uid else None))
            for b in new_backlog]  # fmt: skip
    changes += projects_service.import_rows(conn, projects, entry_uids, report)
    ChangeLog(conn, "import", dates.now()).record(changes)


# -- backup and restore -----------------------------------------------------------------------


def backup(journal: Journal, dest: Path | None = None) -> Path:
    from shipit.storage.backup import backup_journal

    return backup_journal(journal.store, dest)


def restore(journal: Journal, source: Path) -> RestoreResult:
    from shipit.storage.backup import restore_journal

    return restore_journal(journal.store, source)
