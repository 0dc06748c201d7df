"""Commands that move the journal: export, import, backup, restore.

Thin: parse → call shipit.services.transfer → report. Data (exports, the
backup's path) goes to stdout; messages go to stderr. Only Typer at the top.
"""

import sys
from pathlib import Path
from typing import Annotated

import typer

from shipit.cli.app import app
from shipit.cli.options import journal, no_team


def _say(message: str) -> None:
    """A message line on stderr, unwrapped (paths stay copyable), controls neutralised."""
    from shipit.domain.text import safe

    sys.stderr.write(safe(message) + "\n")
    sys.stderr.flush()


def _file(value: str, what: str) -> Path:
    """A file name the user gave; an empty one is refused like any empty value."""
    from shipit.domain.errors import InputError

    if not value.strip():
        raise InputError(f"empty {what}: give a file name")
    return Path(value).expanduser()


@app.command("export")
def export_cmd(
    fmt: Annotated[str | None, typer.Option("--format", "-f", metavar="FORMAT", help="markdown (default), json or csv. With --output FILE, the file's extension (.md, .json, .csv) chooses it.")] = None,
    output: Annotated[str | None, typer.Option("--output", "-o", metavar="FILE", help="Write to FILE (atomically, mode 0600); '-' or nothing: stdout.")] = None,
    since: Annotated[str | None, typer.Option("--since", "-s", metavar="WHEN", help="From this day on.")] = None,
    until: Annotated[str | None, typer.Option("--until", "-u", metavar="WHEN", help="Up to this day.")] = None,
    kind: Annotated[str | None, typer.Option("--kind", "-k", help="Only ship, step or attempt entries.")] = None,
    tag: Annotated[list[str] | None, typer.Option("--tag", "-t", help="Only entries with this tag (repeat: all of them).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")] = False,
    team: Annotated[bool, typer.Option("--team", help="The team's journal from the hub's rows synced here, by day then member (markdown or json; never your private entries).")] = False,
) -> None:  # fmt: skip
    """Export the journal as Markdown (to read), JSON (the backup format) or CSV.

    \b
    Examples:
      shipit export > journal.md
      shipit export --format json --output shipit.json
      shipit export -o ships-2026.csv --kind ship --since 2026-01-01
      shipit export --team --since monday > team-week.md
    """
    from shipit.domain.exporting import EXPORT_FORMATS, check_format, format_from_suffix
    from shipit.services import transfer

    if output is not None:
        _file(output, "--output")
    to_stdout = output in (None, "-")
    if fmt is None:
        fmt = (None if to_stdout else format_from_suffix(output or "")) or "markdown"
    fmt = check_format(fmt, ("markdown", "json") if team else EXPORT_FORMATS)
    j = journal()
    filters = transfer.export_filters(j, since=since, until=until, kind=kind, tags=tag or ())
    if team:
        _export_team(j, fmt, filters, None if to_stdout else Path(output).expanduser(), force)  # type: ignore[arg-type]
        return
    if to_stdout:
        from shipit.views.terminal import for_output

        transfer.export_journal(j, for_output(sys.stdout, json=fmt == "json"), fmt, filters)
        sys.stdout.flush()
        return
    dest = Path(output).expanduser()  # type: ignore[arg-type]
    count = transfer.export_to_file(j, dest, fmt, filters, force=force)
    _say(f"Exported {count:,} entr{'y' if count == 1 else 'ies'} to {dest} ({fmt}).")


def _export_team(j, fmt: str, filters, dest: Path | None, force: bool) -> None:  # noqa: ANN001
    from shipit.services import team
    from shipit.views import team_export

    data = team.team_export(j, filters)
    if data is None:
        raise no_team()
    write = team_export.write_team_json if fmt == "json" else team_export.write_team_markdown
    if dest is None:
        from shipit.views.terminal import for_output

        write(for_output(sys.stdout, json=fmt == "json"), data)
        sys.stdout.flush()
        return
    count = team.export_to_file(dest, lambda fh: write(fh, data), force=force)
    _say(f"Exported {count:,} team entr{'y' if count == 1 else 'ies'} to {dest} ({fmt}).")


@app.command("import")
def import_cmd(
    file: Annotated[str, typer.Argument(metavar="FILE", help="A shipit JSON export or a `jrnl --export json` file; '-' reads stdin.")],
    fmt: Annotated[str | None, typer.Option("--format", "-f", metavar="FORMAT", help="json (shipit) or jrnl. Detected from the content when not given.")] = None,
    kind: Annotated[str | None, typer.Option("--kind", "-k", help="Kind of the imported jrnl entries (default ship).")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", "-n", help="Only report what would be added, skipped and in conflict.")] = False,
    skip_invalid: Annotated[bool, typer.Option("--skip-invalid", help="Import the valid entries; list each invalid one (index and reason) instead of refusing the file.")] = False,
) -> None:  # fmt: skip
    """Import a shipit JSON export or a jrnl journal: all of it, or nothing.

    Entries already in the journal (same uid) are skipped; an entry whose uid exists
    with different content is reported as a conflict and the journal's version kept.

    \b
    Examples:
      shipit import shipit.json
      jrnl --export json | shipit import -
      shipit import --dry-run --kind step old-journal.json
    """
    from shipit.domain.entries import check_kind
    from shipit.domain.importing import IMPORT_FORMATS, check_format
    from shipit.services import transfer

    kind = check_kind(kind)
    if fmt is not None:
        fmt = check_format(fmt, IMPORT_FORMATS)
    _file(file, "FILE")
    data, source = transfer.read_source(file)
    report = transfer.import_file(journal(), data, fmt=fmt, kind=kind, dry_run=dry_run,
                                source=source, skip_invalid=skip_invalid)  # fmt: skip
    for line in import_report_lines(report):
        _say(line)


def import_report_lines(report) -> list[str]:  # noqa: ANN001
    """What an import did (or would do), in a few lines for people."""

    def n(count: int, word: str, plural: str = "") -> str:
        return f"{count:,} {word if count == 1 else plural or word + 's'}"

    verb = "Would import" if report.dry_run else "Imported"
    head = f"{verb} {n(report.added, 'entry', 'entries')} ({report.format})"
    parts = [f"{n(report.duplicates, 'duplicate')} skipped"]
    if report.conflicts:
        parts.append(f"{n(len(report.conflicts), 'conflict')} left as in the journal")
    lines = [f"{head}; {', '.join(parts)}."]
    extras = []
    if report.skips_added or report.skips_duplicates:
        extras.append(f"{n(report.skips_added, 'skipped day')} added")
    if report.backlog_added or report.backlog_duplicates:
        extras.append(f"{n(report.backlog_added, 'backlog item')} added")
    if report.projects_added or report.projects_duplicates:
        extras.append(f"{n(report.projects_added, 'project')} added")
    if report.links_added:
        extras.append(f"{n(report.links_added, 'entry', 'entries')} linked to projects")
    if report.settings_added:
        extras.append(f"settings taken from the file: {', '.join(report.settings_added)}")
    if extras:
        lines.append(("Would also: " if report.dry_run else "Also: ") + "; ".join(extras) + ".")
    for index, why in report.invalid:
        lines.append(f"skipped invalid entry {index}: {why}")
    for c in report.conflicts:
        lines.append(f"conflict: {c.path} ({c.key}) differs in {', '.join(c.fields)}; "
                     "kept the journal's version")  # fmt: skip
    for warning in report.warnings:
        lines.append(f"note: {warning}")
    if report.dry_run:
        lines.append("Dry run: nothing was written.")
    return lines


@app.command("backup")
def backup_cmd(
    file: Annotated[str | None, typer.Argument(metavar="[FILE]", help="Where to write the copy (default: a timestamped file in backups/ beside the journal).", show_default=False)] = None,
) -> None:  # fmt: skip
    """Copy the journal safely (SQLite online backup, 0600); prints the copy's path.

    Safe while another shipit writes. A backup never replaces an existing file.
    """
    from shipit.services import transfer

    dest = transfer.backup(journal(), _file(file, "FILE") if file is not None else None)
    typer.echo(str(dest))


@app.command("restore")
def restore_cmd(
    file: Annotated[str, typer.Argument(metavar="FILE", help="A journal backup made by 'shipit backup' (or a journal.db).")],
) -> None:  # fmt: skip
    """Replace the journal with a backup (checked first; the current journal is backed up).

    The file must be a shipit journal that passes SQLite's integrity check. The
    current journal is saved to backups/ first, so a restore can be undone.
    """
    from shipit.services import transfer

    result = transfer.restore(journal(), _file(file, "FILE"))
    if result.set_aside is not None:
        _say(f"The journal could not be read; it is kept as {result.set_aside}")
    if result.previous is not None:
        _say(f"Saved the journal as it was to {result.previous}")
    count = result.source.entries
    _say(f"Restored {count:,} entr{'y' if count == 1 else 'ies'} from {file}.")
