"""German messages: --help (command and option help texts) and the words around them."""

MESSAGES: dict[str, object] = {
    "help.root": """Liefere jeden Tag etwas, und sieh, wie die Gewohnheit wächst.

shipit führt ein lokales Journal deiner Lieferungen (was du fertig gemacht hast), kleiner
Schritte mit Timer und mutiger Versuche, und zeigt deine Serien. Ohne Befehl zeigt es
den Überblick über heute.

Text, der mit '-' beginnt, kommt hinter '--':  shipit log -- "- Tippfehler behoben"
""",
    "help.help_option": "Diese Hilfe zeigen und beenden.",
    "help.usage": "Aufruf: ",
    "help.section_arguments": "Argumente",
    "help.section_options": "Optionen",
    "help.section_commands": "Befehle",
    "help.default": "Standard: {default}",
    "help.required": "erforderlich",
    "help.missing_command": "Befehl fehlt.",
    "help.no_such_command": "Unbekannter Befehl {name!r}.",
    "help.remind": """Erinnert dich, wenn heute noch nichts geliefert ist: eine Zeile und eine
Desktop-Benachrichtigung.

Still, wenn heute geliefert oder entschuldigt ist. Exit-Code: 0 geliefert oder
entschuldigt, 1 in Gefahr, für Skripte:  shipit remind || echo "liefere etwas"
""",
    "help.remind.at": "Mit --install: die Uhrzeit (Standard 20:00).",
    "help.remind.install": "Jeden Tag erinnern: ein systemd-Benutzertimer, oder die "
    "crontab-Zeile zum Eintragen.",
    "help.remind.uninstall": "Die tägliche Erinnerung entfernen.",
    "help.status": """Das Signal von heute für deinen Prompt: 🚢12 geliefert, ⚠12 noch nicht
(Serie 12), nichts, wenn der Tag entschuldigt ist.

Liest die Statusdatei neben dem Journal, solange sie frisch ist (schnell); siehe
'shipit prompt-init' für Schnipsel, die sie nur mit Shell-Builtins lesen.
""",
    "help.status.refresh": "Die Statusdatei neu aus dem Journal berechnen.",
    "help.status.json": "JSON ausgeben (feste Schlüssel, siehe docs/prompt.md).",
    "help.prompt_init": """Ein Prompt-Schnipsel für SHELL ausgeben (bash, zsh, fish, starship, p10k).

\b
bash:     eval "$(shipit prompt-init bash)"       in ~/.bashrc
zsh:      eval "$(shipit prompt-init zsh)"        in ~/.zshrc
fish:     shipit prompt-init fish | source        in ~/.config/fish/config.fish
starship: shipit prompt-init starship >> ~/.config/starship.toml
p10k:     eval "$(shipit prompt-init p10k)"       in ~/.zshrc, nach der Zeile von p10k
""",
    "help.prompt_init.shell": "bash, zsh, fish, starship oder p10k.",
    "help.undo": """Die letzte Änderung zurücknehmen, welche auch immer es war (log, edit, delete,
skip, import ...).

Zeigt, was zurückgenommen wird, und fragt dann (ohne Terminal braucht es --yes).
Nochmal ausführen, um weiter zurückzugehen; 'shipit redo' wendet wieder an, was
undo zurückgenommen hat.
""",
    "help.redo": "Wieder anwenden, was 'shipit undo' zurückgenommen hat (bis eine neue "
    "Änderung kommt).",
    "help.history": "Die letzten Änderungen am Journal, neueste zuerst (was undo "
    "zurücknehmen würde).",
    "help.history.limit": "Höchstens N Änderungen (0: alle).",
    "help.history.json": "JSON ausgeben (Schlüssel in docs/history.md).",
}
