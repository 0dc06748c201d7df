"""German messages: the daily loop (remind, status, prompt-init)."""

MESSAGES: dict[str, object] = {
    "loop.install_or_uninstall": "gib --install oder --uninstall an, nicht beides",
    "loop.reminder_installed": "Erinnerung eingerichtet: jeden Tag um {at} ({detail}).",
    "loop.add_crontab_line": "Hier läuft keine systemd-Benutzersitzung: füge diese Zeile mit "
    "'crontab -e' hinzu (jeden Tag um {at}):",
    "loop.reminder_removed": "Erinnerung entfernt ({detail}).",
    "loop.no_timer_installed": "Kein systemd-Timer eingerichtet; falls du cron benutzt hast, "
    "entferne die Zeile mit 'shipit remind' (crontab -e).",
    "loop.streak_at_risk": ("Deine Serie von {n} Tag ist in Gefahr: liefere heute etwas.",
                            "Deine Serie von {n} Tagen ist in Gefahr: liefere heute etwas."),
    "loop.nothing_shipped_yet": "Heute noch nichts geliefert: liefere etwas Kleines.",
    "loop.log_hint": '  shipit log "was du geliefert hast"',
    "loop.systemctl_failed": "systemctl --user {command} ist fehlgeschlagen: {reason}",
    "loop.unknown_shell": "unbekannte Shell {shell!r}: erwartet wird {shells}",
}
