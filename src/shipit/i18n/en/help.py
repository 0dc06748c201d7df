"""English messages: --help (command and option help texts) and the words around them."""

from shipit.i18n.en.dates import MESSAGES as _DATES

# The end of every TEXT... argument's help.
_TEXT_ARG = " Several words are joined with spaces; text starting with '-' goes after '--'."
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
    "help.remind": """Nudge when today is not shipped yet: a line and a desktop notification.

Silent when today is shipped or excused. Exit code: 0 shipped or excused, 1 at
risk, so scripts can use it:  shipit remind || echo "ship something"
""",
    "help.remind.at": "With --install: the time of day (default 20:00).",
    "help.remind.install": "Remind every day: a systemd user timer, or the crontab line to add.",
    "help.remind.uninstall": "Remove the daily reminder.",
    "help.status": """Today's cue for a prompt: 🚢12 shipped, ⚠12 not yet (streak 12), nothing when excused.

Reads the status file next to the journal when it is fresh (fast); see
'shipit prompt-init' for snippets that read it with shell builtins only.
""",
    "help.status.refresh": "Recompute the status file from the journal.",
    "help.status.json": "Print JSON (stable keys, see docs/prompt.md).",
    "help.prompt_init": """Print a prompt snippet for SHELL (bash, zsh, fish, starship, p10k).

\b
bash:     eval "$(shipit prompt-init bash)"       in ~/.bashrc
zsh:      eval "$(shipit prompt-init zsh)"        in ~/.zshrc
fish:     shipit prompt-init fish | source        in ~/.config/fish/config.fish
starship: shipit prompt-init starship >> ~/.config/starship.toml
p10k:     eval "$(shipit prompt-init p10k)"       in ~/.zshrc, after p10k's line
""",
    "help.prompt_init.shell": "bash, zsh, fish, starship or p10k.",
    "help.undo": """Revert the last change, whatever it was (log, edit, delete, skip, import ...).

Shows what it will revert, then asks (without a terminal, needs --yes). Run it
again to go further back; 'shipit redo' re-applies what undo reverted.
""",
    "help.redo": "Re-apply what 'shipit undo' reverted (until a new change is made).",
    "help.history": "The recent changes to the journal, newest first (what undo would revert).",
    "help.history.limit": "At most N changes (0: all).",
    "help.history.json": "Print JSON (keys in docs/history.md).",

    # -- steps and attempts (cli/steps.py) ------------------------------------------------
    "help.step": """Small steps: a backlog of what annoys you, worked on five minutes at a time.

Take what annoys you most, work on it for five minutes, once. Then ask what it
brought, and decide whether to keep doing it yourself, delegate it or drop it.

The numbers 'shipit step list' shows are backlog ids (step start/done/drop take
them); the '#' numbers of 'shipit list' are entry ids.
""",
    "help.step.json": "Print JSON (stable keys, see docs/steps-and-attempts.md).",
    "help.step.date": "Journal day. " + _DATES["dates.when_help"],
    "help.step.note": "What it brought (skips the question).",
    "help.step.decision": "Keep doing it yourself, delegate it or drop it (skips the question).",
    "help.step.lesson": "What you learned (with --succeeded or --failed).",
    "help.step.succeeded": "It worked.",
    "help.step.failed": "It did not work (add a --lesson).",
    "help.step.item_id": "The backlog id shown by 'shipit step list'.",
    "help.step.add": """Add a step to the backlog.

\b
Examples:
  shipit step add "Set up the Instagram account" --annoyance 5
  shipit step add "Ask Sam how they do newsletters"
""",
    "help.step.add.text": "The step, e.g. \"Post one photo on Instagram\"." + _TEXT_ARG,
    "help.step.add.annoyance": "How much it annoys you: 1 barely … 5 drives you mad.",
    "help.step.list": "Show the backlog: most annoying first, then oldest. "
    "The Item column holds backlog ids.",
    "help.step.list.all": "Include the items already done.",
    "help.step.list.author": "Another team member's (synced) backlog, read only; default: yours.",
    "help.step.edit": "Change a backlog item's text or annoyance.",
    "help.step.edit.text": "New text.",
    "help.step.edit.annoyance": "New annoyance: 1 barely … 5 drives you mad.",
    "help.step.drop": "Remove an item from the backlog without doing it.",
    "help.step.start": """Work on a backlog item for five minutes with a timer, then log the step.

At the end it asks what the step brought and whether to keep doing it yourself,
delegate it or drop it (Enter skips; --note/--decision answer up front; without
a terminal it never asks). The step is logged with the minutes spent, and the
backlog item is closed.

Ctrl-C stops the timer without losing the work: on a terminal it asks whether to
log the partial step, otherwise it logs it. The item stays open; exit 130.
""",
    "help.step.start.id": "A backlog id; default: the most annoying open item.",
    "help.step.start.minutes": "Timer length, 1-240 minutes.",
    "help.step.done": """Log a step done without the timer.

An argument of only digits is a backlog id: the step takes that item's text and
closes it. Anything else is the text of a step that was never in the backlog
(to log text that is only a number, add a word: "call 3").

\b
Examples:
  shipit step done 3 --note "two replies already" --decision self
  shipit step done "Asked Sam about newsletters" --minutes 10
""",
    "help.step.done.what": "A backlog id (all digits), or the text of a step that was not "
    "in the backlog.",
    "help.step.done.minutes": "Minutes spent, 1-1440.",
    "help.try": """Log an attempt: open until you resolve it, or --succeeded/--failed at once.

Trying is the opposite of hiding: try small, fail often, recover fast.

\b
Examples:
  shipit try "Cold-email three podcasts"
  shipit try "A/B test the headline" --failed --lesson "too little traffic to tell"
""",
    "help.try.text": "What you are trying." + _TEXT_ARG,
    "help.resolve": "Record how an open attempt went: --succeeded or --failed (with a --lesson).",
    "help.resolve.id": "The attempt's entry id (see 'shipit attempts --open').",
    "help.attempts": "List attempts, newest first, with their outcome and lesson.",
    "help.attempts.open": "Only the attempts still open.",
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
    # stats, week, calendar, config, skip (cli/stats.py)
    "help.stats": """Streaks, weekly streak, consistency, score and totals (docs/figures.md).

\b
Examples:
  shipit stats
  shipit stats --tag web
  shipit stats --since "last month" --until "last month"
""",
    "help.stats.json": "Print JSON (keys in docs/figures.md).",
    "help.stats.tag": "The figures of the entries with this tag.",
    "help.stats.since": "Only entries from this day on.",
    "help.stats.until": "Only entries up to this day; the figures are as of it.",
    "help.week": """Review an ISO week (Monday to Sunday): each day, shipped days vs target, the streak.

\b
Examples:
  shipit week
  shipit week "last monday"
  shipit week --weeks 8
""",
    "help.week.when": "A day in the week to review (default today). " + _DATES["dates.when_help"],
    "help.week.weeks": "A table of the N weeks up to that week.",
    "help.calendar": "A heatmap of shipped days, shaded by number of ships; excused days "
    "marked '-'.",
    "help.calendar.year": "One calendar year.",
    "help.calendar.weeks": "The last N weeks (default 53, at most 75).",
    "help.config": """Show all settings, show one, or set one. Settings live in the journal.

\b
Examples:
  shipit config
  shipit config rest_days sat,sun
  shipit config rest_days none
  shipit config weekly_target 4
  shipit config day_starts_at 04:00
  shipit config author ada
""",
    "help.config.key": "day_starts_at, rest_days, weekly_target or author.",
    "help.config.value": "The new value.",
    "help.skip": """Excuse days (vacation, illness): they neither break nor extend a streak.

\b
Examples:
  shipit skip --reason "flu"
  shipit skip 2026-12-24 --until 2027-01-01 --reason "holidays"
  shipit skip --list
  shipit skip --remove 2026-12-31
""",
    "help.skip.when": "The day to excuse (default today); may be up to a year ahead. "
    + _DATES["dates.when_help"],
    "help.skip.until": "Excuse (or remove) every day up to this one too.",
    "help.skip.reason": "Why (vacation, illness).",
    "help.skip.list": "List the skip days.",
    "help.skip.remove": "Remove the skip on this day (to --until).",
    "help.export.team": "The team's journal from the hub's rows synced here, by day then member (markdown or json; never your private entries).",
    "help.week.team": "The whole team's week from the hub's rows synced here (docs/sync.md).",
    # core and entries (log, ship, today, list, tags, edit, delete, path; shared options)
    "help.version": "Show the version and exit.",
    "help.debug": "Show tracebacks (also SHIPIT_DEBUG=1).",
    "help.install_completion": "Install completion for the current shell.",
    "help.show_completion": "Show completion for the current shell, to copy it or customize "
    "the installation.",
    "help.date": "Journal day. " + _WHEN,
    "help.project_option": "Link it to a project (its short name); a +name word in the text does too.",
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
    "help.sync.json": "Print JSON (keys in docs/sync.md).",
    "help.sync.url": "A PostgreSQL URL without a password, e.g. postgresql://ada@db.example.com/team.",
    "help.hub": "The team's PostgreSQL hub (docs/sync.md).",
    "help.sync": """Push every local change since the last sync, pull every hub change since then.

\b
Examples:
  shipit sync init postgresql://ada@db.example.com/team
  shipit sync
  shipit sync --status
""",
    "help.hub_init": """Create the hub's tables in a PostgreSQL database, or upgrade them (idempotent).

\b
Examples:
  shipit hub init postgresql://admin@db.example.com/team --roles
  shipit hub init "postgresql://ada@/shipit?host=/run/postgresql"
""",
    "help.hub_init.roles": "Row-level security: each member connects as their own role and may change only their own rows.",
    "help.sync.dry_run": "Tell what would move; move nothing.",
    "help.sync.status": "When the last sync was and how many changes wait.",
    "help.sync_init": "Join this journal to a hub (checks it is one; stores the URL, never a password).",
    "help.team": """One row per team member: shipped today, streak, this week against the target, last ship.

Read from this journal's copy of the hub: run 'shipit sync' first for the latest.
""",
    # -- project (cli/projects.py) -------------------------------------------------------
    "help.project": """Ship It projects: one project, a ship date and time, one owner, thrash early.

A card in the spirit of Seth Godin's ShipIt Journal. Plan it with 'project new' (a
walk-through on a terminal), link daily work to it (shipit log "... +short" or
--project short), thrash early, and ship it on the date.

Question keys (project answer NAME KEY TEXT): sentence, owner, members, fears, truth, why_afraid, edges, customers, pleasing, gatekeepers, ignore, perfect, good_enough, failure, feeling.
""",
    "help.project.json": "Print JSON (stable keys, see docs/projects.md).",
    "help.project.name": "The project's short name (or its name).",
    "help.project.new": """Plan a project: a name and a ship date; on a terminal, the card's questions.

\b
Examples:
  shipit project new                      (the walk-through)
  shipit project new "Pricing page" --ship "2026-12-11 15:00" --owner Ana
""",
    "help.project.new.name": "The project, one line.",
    "help.project.new.ship": "Ship date and time: 2026-12-11 15:00, 'friday', 'in 2 weeks' "
    "(time defaults to 17:00).",
    "help.project.new.owner": "The one person responsible.",
    "help.project.new.member": "A team member (repeatable).",
    "help.project.new.thrash_until": "Last day for changes of scope (default: a third of the way).",
    "help.project.new.short": "The short name for +name (default: the name's first word).",
    "help.project.list": "Active projects: owner, ship date, time left, ships linked this week, "
    "warnings.",
    "help.project.list.all": "Shipped and dropped projects too.",
    "help.project.show": "The card: answers, edges, thrash, ship-date history, linked work, "
    "figures.",
    "help.project.answer": "Fill in or change one answer on the card.",
    "help.project.answer.question": "One of: sentence, owner, members, fears, truth, why_afraid, "
    "edges, customers, pleasing, gatekeepers, ignore, perfect, good_enough, failure, feeling.",
    "help.project.answer.text": "The answer ('' clears it); asked on a terminal when left out.",
    "help.project.edit": "The walk-through again (on a terminal): Enter keeps an answer.",
    "help.project.thrash": "Add to the thrash list. After the thrash date it is kept, "
    "but marked late.",
    "help.project.thrash.text": "An idea, a change or an objection.",
    "help.project.move": "Move the ship date; every move is kept with its reason.",
    "help.project.move.when": "The new ship date (and time).",
    "help.project.move.reason": "Why it moves (kept on the card).",
    "help.project.ship": "Mark it shipped: logs a ship linked to it (it counts for the streak).",
    "help.project.ship.feeling": "How does it feel now? (asked on a terminal)",
    "help.project.drop": "End it unshipped: the lesson is recorded as a failed attempt, "
    "not a secret.",
    "help.project.drop.lesson": "What you learned (recorded as a failed attempt).",
}
