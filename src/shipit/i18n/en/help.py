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
}
