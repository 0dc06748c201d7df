"""German messages: --help (command and option help texts) and the words around them."""

from shipit.i18n.de.dates import MESSAGES as _DATES

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
    # stats, week, calendar, config, skip (cli/stats.py)
    "help.stats": """Serien, Wochenserie, Beständigkeit, Score und Summen (docs/figures.md).

\b
Beispiele:
  shipit stats
  shipit stats --tag web
  shipit stats --since "letzten Monat" --until "letzten Monat"
""",
    "help.stats.json": "JSON ausgeben (Schlüssel in docs/figures.md).",
    "help.stats.tag": "Die Zahlen der Einträge mit diesem Schlagwort.",
    "help.stats.since": "Nur Einträge ab diesem Tag.",
    "help.stats.until": "Nur Einträge bis zu diesem Tag; die Zahlen gelten für diesen Tag.",
    "help.week": """Eine Kalenderwoche im Rückblick (Montag bis Sonntag): jeder Tag, Liefertage gegen Ziel, die Serie.

\b
Beispiele:
  shipit week
  shipit week "letzte Woche"
  shipit week --weeks 8
""",
    "help.week.when": "Ein Tag der Woche, die du sehen willst (sonst heute). "
    + _DATES["dates.when_help"],
    "help.week.weeks": "Eine Tabelle der N Wochen bis zu dieser Woche.",
    "help.calendar": "Eine Heatmap der Liefertage, schattiert nach Zahl der Lieferungen; "
    "entschuldigte Tage mit '-'.",
    "help.calendar.year": "Ein Kalenderjahr.",
    "help.calendar.weeks": "Die letzten N Wochen (Standard 53, höchstens 75).",
    "help.config": """Alle Einstellungen zeigen, eine zeigen oder eine setzen. Die Einstellungen stehen im Journal.

\b
Beispiele:
  shipit config
  shipit config rest_days sat,sun
  shipit config rest_days none
  shipit config weekly_target 4
  shipit config day_starts_at 04:00
  shipit config author ada
""",
    "help.config.key": "day_starts_at, rest_days, weekly_target oder author.",
    "help.config.value": "Der neue Wert.",
    "help.skip": """Tage entschuldigen (Urlaub, Krankheit): sie brechen keine Serie und verlängern sie nicht.

\b
Beispiele:
  shipit skip --reason "Grippe"
  shipit skip 2026-12-24 --until 2027-01-01 --reason "Feiertage"
  shipit skip --list
  shipit skip --remove 2026-12-31
""",
    "help.skip.when": "Der Tag, der entschuldigt wird (sonst heute); bis zu ein Jahr im Voraus. "
    + _DATES["dates.when_help"],
    "help.skip.until": "Auch jeden Tag bis zu diesem entschuldigen (oder freigeben).",
    "help.skip.reason": "Warum (Urlaub, Krankheit).",
    "help.skip.list": "Die Pausentage auflisten.",
    "help.skip.remove": "Die Pause an diesem Tag entfernen (bis --until).",
}
