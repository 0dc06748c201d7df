"""English messages: --help (command and option help texts) and the words around them."""

MESSAGES: dict[str, object] = {
    "help.root": """Ship something every day, and see the habit.

shipit keeps a local journal of ships (what you delivered), small timed steps and
brave attempts, and shows your streaks. Run it with no command for today's glance.

Text that begins with '-' goes after '--':  shipit log -- "- fixed the typo"
""",
    "help.help_option": "Show this message and exit.",
    "help.usage": "Usage: ",
    "help.section_arguments": "Arguments",
    "help.section_options": "Options",
    "help.section_commands": "Commands",
    "help.default": "default: {default}",
    "help.required": "required",
    "help.missing_command": "Missing command.",
    "help.no_such_command": "No such command {name!r}.",
    # -- transfer: export, import, backup, restore --------------------------------------------
    "help.export": """Export the journal as Markdown (to read), JSON (the backup format) or CSV.

\b
Examples:
  shipit export > journal.md
  shipit export --format json --output shipit.json
  shipit export -o ships-2026.csv --kind ship --since 2026-01-01
  shipit export --lang de > journal-de.md
""",
    "help.export.format": "markdown (default), json or csv. With --output FILE, the file's "
    "extension (.md, .json, .csv) chooses it.",
    "help.export.output": "Write to FILE (atomically, mode 0600); '-' or nothing: stdout.",
    "help.export.since": "From this day on.",
    "help.export.until": "Up to this day.",
    "help.export.kind": "Only ship, step or attempt entries.",
    "help.export.tag": "Only entries with this tag (repeat: all of them).",
    "help.export.force": "Replace FILE if it exists.",
    "help.export.lang": "The Markdown's language, de or en (default: the interface's). "
    "JSON and CSV are the same in every language.",
    "help.import": """Import a shipit JSON export or a jrnl journal: all of it, or nothing.

Entries already in the journal (same uid) are skipped; an entry whose uid exists
with different content is reported as a conflict and the journal's version kept.

\b
Examples:
  shipit import shipit.json
  jrnl --export json | shipit import -
  shipit import --dry-run --kind step old-journal.json
""",
    "help.import.file": "A shipit JSON export or a `jrnl --export json` file; '-' reads stdin.",
    "help.import.format": "json (shipit) or jrnl. Detected from the content when not given.",
    "help.import.kind": "Kind of the imported jrnl entries (default ship).",
    "help.import.dry_run": "Only report what would be added, skipped and in conflict.",
    "help.import.skip_invalid": "Import the valid entries; list each invalid one (index and "
    "reason) instead of refusing the file.",
    "help.backup": """Copy the journal safely (SQLite online backup, 0600); prints the copy's path.

Safe while another shipit writes. A backup never replaces an existing file.
""",
    "help.backup.file": "Where to write the copy (default: a timestamped file in backups/ "
    "beside the journal).",
    "help.restore": """Replace the journal with a backup (checked first; the current journal is backed up).

The file must be a shipit journal that passes SQLite's integrity check. The
current journal is saved to backups/ first, so a restore can be undone.
""",
    "help.restore.file": "A journal backup made by 'shipit backup' (or a journal.db).",
}
