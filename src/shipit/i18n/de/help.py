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
    # -- transfer: export, import, backup, restore --------------------------------------------
    "help.export": """Exportiere das Journal als Markdown (zum Lesen), JSON (das Sicherungsformat) oder CSV.

\b
Beispiele:
  shipit export > journal.md
  shipit export --format json --output shipit.json
  shipit export -o ships-2026.csv --kind ship --since 2026-01-01
  shipit export --lang en > journal-en.md
""",
    "help.export.format": "markdown (Standard), json oder csv. Mit --output FILE wählt die "
    "Endung der Datei (.md, .json, .csv) das Format.",
    "help.export.output": "In FILE schreiben (atomar, Modus 0600); '-' oder nichts: "
    "Standardausgabe.",
    "help.export.since": "Ab diesem Tag.",
    "help.export.until": "Bis zu diesem Tag.",
    "help.export.kind": "Nur Einträge der Art ship (Lieferung), step (Schritt) oder attempt "
    "(Versuch).",
    "help.export.tag": "Nur Einträge mit diesem Schlagwort (mehrfach: mit allen).",
    "help.export.force": "FILE ersetzen, wenn es die Datei schon gibt.",
    "help.export.lang": "Die Sprache des Markdown-Exports, de oder en (Standard: die der "
    "Oberfläche). JSON und CSV sind in jeder Sprache gleich.",
    "help.import": """Importiere einen shipit-JSON-Export oder ein jrnl-Journal: ganz oder gar nicht.

Einträge, die schon im Journal sind (gleiche uid), werden übersprungen; hat ein Eintrag
eine vorhandene uid mit anderem Inhalt, wird er als Konflikt gemeldet, und die Fassung
im Journal bleibt.

\b
Beispiele:
  shipit import shipit.json
  jrnl --export json | shipit import -
  shipit import --dry-run --kind step altes-journal.json
""",
    "help.import.file": "Ein shipit-JSON-Export oder eine Datei von `jrnl --export json`; "
    "'-' liest die Standardeingabe.",
    "help.import.format": "json (shipit) oder jrnl. Ohne Angabe am Inhalt erkannt.",
    "help.import.kind": "Art der importierten jrnl-Einträge (Standard: ship).",
    "help.import.dry_run": "Nur zeigen, welche Einträge hinzukämen, übersprungen würden und "
    "in Konflikt stünden.",
    "help.import.skip_invalid": "Die gültigen Einträge importieren und jeden ungültigen "
    "auflisten (Index und Grund), statt die Datei abzulehnen.",
    "help.backup": """Kopiere das Journal sicher (SQLite-Online-Backup, 0600); zeigt den Pfad der Kopie.

Sicher, während ein anderes shipit schreibt. Eine Sicherung ersetzt nie eine vorhandene Datei.
""",
    "help.backup.file": "Wohin die Kopie geht (Standard: eine Datei mit Zeitstempel in "
    "backups/ neben dem Journal).",
    "help.restore": """Ersetze das Journal durch eine Sicherung (vorher geprüft; das aktuelle Journal wird gesichert).

Die Datei muss ein shipit-Journal sein, das die Integritätsprüfung von SQLite besteht.
Das aktuelle Journal wird vorher in backups/ gesichert, so lässt sich eine
Wiederherstellung rückgängig machen.
""",
    "help.restore.file": "Eine Sicherung, die 'shipit backup' gemacht hat (oder eine journal.db).",
}
