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
        raise InputError("transfer.empty_file_name", what=what)
    return Path(value).expanduser()


@app.command("export", help="help.export")
def export_cmd(
    fmt: Annotated[str | None, typer.Option("--format", "-f", metavar="FORMAT", help="help.export.format")] = None,
    output: Annotated[str | None, typer.Option("--output", "-o", metavar="FILE", help="help.export.output")] = None,
    since: Annotated[str | None, typer.Option("--since", "-s", metavar="WHEN", help="help.export.since")] = None,
    until: Annotated[str | None, typer.Option("--until", "-u", metavar="WHEN", help="help.export.until")] = None,
    kind: Annotated[str | None, typer.Option("--kind", "-k", help="help.export.kind")] = None,
    tag: Annotated[list[str] | None, typer.Option("--tag", "-t", help="help.export.tag")] = None,
    force: Annotated[bool, typer.Option("--force", help="help.export.force")] = False,
    lang: Annotated[str | None, typer.Option("--lang", metavar="LANG", help="help.export.lang")] = None,
    team: Annotated[bool, typer.Option("--team", help="help.export.team")] = False,
) -> None:  # fmt: skip
    """Export the journal as Markdown, JSON or CSV (words: shipit/i18n/<lang>/help.py)."""
    from contextlib import nullcontext

    from shipit.domain.exporting import EXPORT_FORMATS, check_format, format_from_suffix
    from shipit.services import transfer

    if output is not None:
        _file(output, "--output")
    to_stdout = output in (None, "-")
    if fmt is None:
        fmt = (None if to_stdout else format_from_suffix(output or "")) or "markdown"
    fmt = check_format(fmt, ("markdown", "json") if team else EXPORT_FORMATS)
    if lang is not None:
        from shipit.i18n import LANGUAGES

        lang = check_format(lang, tuple(sorted(LANGUAGES)), "--lang")
    j = journal()
    filters = transfer.export_filters(j, since=since, until=until, kind=kind, tags=tag or ())
    if team:
        _export_team(j, fmt, filters, None if to_stdout else Path(output).expanduser(), force)  # type: ignore[arg-type]
        return
    # --lang: the Markdown's words only (JSON and CSV have none); messages stay the reader's.
    if lang is not None and fmt == "markdown":
        from shipit.i18n import use

        words = use(lang)
    else:
        words = nullcontext()
    if to_stdout:
        from shipit.views.terminal import for_output

        with words:
            transfer.export_journal(j, for_output(sys.stdout, json=fmt == "json"), fmt, filters)
        sys.stdout.flush()
        return
    dest = Path(output).expanduser()  # type: ignore[arg-type]
    with words:
        count = transfer.export_to_file(j, dest, fmt, filters, force=force)
    from shipit.i18n import t

    _say(t("transfer.exported", n=count, dest=dest, format=fmt))


def _export_team(j, fmt: str, filters, dest: Path | None, force: bool) -> None:  # noqa: ANN001
    from shipit.services import team
    from shipit.views import team_export

    data = team.team_export(j, filters)
    if data is None:
        raise no_team()
    from shipit.i18n import t

    write = team_export.write_team_json if fmt == "json" else team_export.write_team_markdown
    if dest is None:
        from shipit.views.terminal import for_output

        write(for_output(sys.stdout, json=fmt == "json"), data)
        sys.stdout.flush()
        return
    count = team.export_to_file(dest, lambda fh: write(fh, data), force=force)
    _say(t("transfer.exported_team", n=count, dest=dest, fmt=fmt))


@app.command("import", help="help.import")
def import_cmd(
    file: Annotated[str, typer.Argument(metavar="FILE", help="help.import.file")],
    fmt: Annotated[str | None, typer.Option("--format", "-f", metavar="FORMAT", help="help.import.format")] = None,
    kind: Annotated[str | None, typer.Option("--kind", "-k", help="help.import.kind")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", "-n", help="help.import.dry_run")] = False,
    skip_invalid: Annotated[bool, typer.Option("--skip-invalid", help="help.import.skip_invalid")] = False,
) -> None:  # fmt: skip
    """Import a shipit JSON export or a jrnl journal: all of it, or nothing."""
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
    from shipit.i18n import t

    head = t("transfer.would_import" if report.dry_run else "transfer.imported",
             n=report.added, format=report.format)  # fmt: skip
    parts = [t("transfer.duplicates_skipped", n=report.duplicates)]
    if report.conflicts:
        parts.append(t("transfer.conflicts_kept", n=len(report.conflicts)))
    lines = [t("transfer.import_head", head=head, parts=", ".join(parts))]
    extras = []
    if report.skips_added or report.skips_duplicates:
        extras.append(t("transfer.skips_added", n=report.skips_added))
    if report.backlog_added or report.backlog_duplicates:
        extras.append(t("transfer.backlog_added", n=report.backlog_added))
    if report.projects_added or report.projects_duplicates:
        extras.append(t("transfer.projects_added", n=report.projects_added))
    if report.links_added:
        extras.append(t("transfer.links_added", n=report.links_added))
    if report.settings_added:
        extras.append(t("transfer.settings_taken", names=", ".join(report.settings_added)))
    if extras:
        lines.append(t("transfer.would_also" if report.dry_run else "transfer.also",
                       extras="; ".join(extras)))  # fmt: skip
    for index, why in report.invalid:
        lines.append(t("transfer.invalid_skipped", index=index, why=why))
    for c in report.conflicts:
        lines.append(t("transfer.conflict", path=c.path, key=c.key, fields=", ".join(c.fields)))
    for warning in report.warnings:
        lines.append(t("transfer.note", warning=warning))
    if report.dry_run:
        lines.append(t("transfer.dry_run"))
    return lines


@app.command("backup", help="help.backup")
def backup_cmd(
    file: Annotated[str | None, typer.Argument(metavar="[FILE]", help="help.backup.file", show_default=False)] = None,
) -> None:  # fmt: skip
    """Copy the journal safely (SQLite online backup, 0600); prints the copy's path."""
    from shipit.services import transfer

    dest = transfer.backup(journal(), _file(file, "FILE") if file is not None else None)
    typer.echo(str(dest))


@app.command("restore", help="help.restore")
def restore_cmd(
    file: Annotated[str, typer.Argument(metavar="FILE", help="help.restore.file")],
) -> None:  # fmt: skip
    """Replace the journal with a backup (checked first; the current journal is backed up)."""
    from shipit.i18n import t
    from shipit.services import transfer

    result = transfer.restore(journal(), _file(file, "FILE"))
    if result.set_aside is not None:
        _say(t("transfer.set_aside", path=result.set_aside))
    if result.previous is not None:
        _say(t("transfer.saved_previous", path=result.previous))
    _say(t("transfer.restored", n=result.source.entries, source=file))
