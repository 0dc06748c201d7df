"""English messages: --help (command and option help texts) and the words around them."""

from shipit.i18n.en.dates import MESSAGES as _DATES

# The end of every TEXT... argument's help.
_TEXT_ARG = " Several words are joined with spaces; text starting with '-' goes after '--'."

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
