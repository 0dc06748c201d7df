"""English messages: --help (command and option help texts) and the words around them."""

from shipit.i18n.en.dates import MESSAGES as _DATES

_WHEN = _DATES["dates.when_help"]

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
    # core and entries (log, ship, today, list, tags, edit, delete, path; shared options)
    "help.version": "Show the version and exit.",
    "help.debug": "Show tracebacks (also SHIPIT_DEBUG=1).",
    "help.install_completion": "Install completion for the current shell.",
    "help.show_completion": "Show completion for the current shell, to copy it or customize "
    "the installation.",
    "help.date": "Journal day. " + _WHEN,
    "help.project": "Link it to a project (its short name); a +name word in the text does too.",
    "help.yes": "Do not ask; required when not interactive.",
    "help.private": "Keep it on this machine: sync never sends it.",
    "help.author": "Another team member's (synced) entries and figures; default: yours.",
    "help.no_pager": "Print long output directly, not through $PAGER (less -FRX).",
    "help.tag": "A tag (repeatable): web, #web or @web. #tags and @tags in the text count too.",
    "help.note": "A note to keep with the entry.",
    "help.json": "Print JSON (stable keys, see docs/json.md).",
    "help.text": "What you shipped. Several words are joined with spaces. Text starting with "
    "'-' goes after '--'. '-' reads the text from standard input; no text opens $VISUAL or "
    "$EDITOR.",
    "help.entry_id": "The id shown by 'shipit list'.",
    "help.log": """Log a ship: something you delivered today (or on --date).

Tags: write #web or @web in the text, or give --tag web. In bash and zsh an
unquoted #web starts a comment and is silently lost: quote the text
("Fixed the form #web") or write @web, which needs no quotes.

\b
Examples:
  shipit log "Published the pricing page #web"
  shipit log Published the pricing page @web
  shipit log --date yesterday "Sent the newsletter" --tag email
  shipit log -- "- fixed the typo in the footer"
  git log -1 --format=%s | shipit log -
  shipit log                   # opens $VISUAL or $EDITOR""",
    "help.ship": "Alias of 'log': record something you delivered.",
    "help.today": "Today's entries and whether today is shipped (the default command).",
    "help.list": "List entries, newest first, grouped by day.",
    "help.list.since": "From this day on.",
    "help.list.until": "Up to this day.",
    "help.list.kind": "ship, step or attempt.",
    "help.list.tag": "Only entries with this tag (repeat: all of them).",
    "help.list.search": "Only entries whose text, note or lesson contains this (any case).",
    "help.list.limit": "At most N entries (newest first).",
    "help.list.project": "Only entries linked to this project.",
    "help.tags": "Every tag with the number of entries that have it and the day it was last "
    "used.",
    "help.edit": """Change an entry: text, day, note, tags, and the fields of its kind.

With no option, opens the entry in $VISUAL or $EDITOR (text, note, then its
fields); save it unchanged to change nothing, empty the text to abort.""",
    "help.edit.text": "New text.",
    "help.edit.note": "New note ('' removes it).",
    "help.edit.tag": "Replace the tags given with --tag (repeatable); #hashtags follow the "
    "text.",
    "help.edit.clear_tags": "Remove the tags given with --tag.",
    "help.edit.outcome": "An attempt's outcome.",
    "help.edit.lesson": "An attempt's lesson ('' removes it).",
    "help.edit.minutes": "A step's minutes.",
    "help.edit.decision": "A step's decision ('' removes it).",
    "help.edit.project": "Link it to this project ('' unlinks).",
    "help.edit.private": "Keep it on this machine, or let sync share it again.",
    "help.delete": "Delete an entry (asks first; without a terminal, needs --yes). `undo` "
    "brings it back.",
    "help.path": "Print the journal file's path ($SHIPIT_HOME/journal.db or the user data "
    "folder).",
}
