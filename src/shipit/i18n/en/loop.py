"""English messages: the daily loop (remind, status, prompt-init)."""

MESSAGES: dict[str, object] = {
    "loop.install_or_uninstall": "give --install or --uninstall, not both",
    "loop.reminder_installed": "Reminder installed: every day at {at} ({detail}).",
    "loop.add_crontab_line": "No systemd user session here: add this line with 'crontab -e' "
    "(every day at {at}):",
    "loop.reminder_removed": "Reminder removed ({detail}).",
    "loop.no_timer_installed": "No systemd timer installed; if you used cron, remove the line "
    "with 'shipit remind' (crontab -e).",
    "loop.streak_at_risk": ("Your {n}-day streak is at risk: ship something today.",
                            "Your {n}-day streak is at risk: ship something today."),
    "loop.nothing_shipped_yet": "Nothing shipped today yet: ship something small.",
    "loop.log_hint": '  shipit log "what you delivered"',
    "loop.systemctl_failed": "systemctl --user {command} failed: {reason}",
    "loop.unknown_shell": "unknown shell {shell!r}: expected {shells}",
}
