"""English messages: --help (command and option help texts) and the words around them."""

from shipit.i18n.en.dates import MESSAGES as _DATES

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
}
