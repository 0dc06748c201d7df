"""German messages: --help (command and option help texts) and the words around them."""

from shipit.i18n.de.dates import MESSAGES as _DATES

_WHEN = _DATES["dates.when_help"]

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
    # core and entries (log, ship, today, list, tags, edit, delete, path; shared options)
    "help.version": "Die Version zeigen und beenden.",
    "help.debug": "Tracebacks zeigen (auch SHIPIT_DEBUG=1).",
    "help.install_completion": "Die Vervollständigung für die aktuelle Shell installieren.",
    "help.show_completion": "Die Vervollständigung für die aktuelle Shell zeigen, zum "
    "Kopieren oder um die Installation anzupassen.",
    "help.date": "Journaltag. " + _WHEN,
    "help.project": "Mit einem Projekt verknüpfen (sein Kurzname); ein Wort +name im Text "
    "tut es auch.",
    "help.yes": "Nicht nachfragen; nötig, wenn niemand antworten kann.",
    "help.private": "Nur auf diesem Rechner behalten: Sync schickt es nie.",
    "help.author": "Die (synchronisierten) Einträge und Zahlen eines anderen Mitglieds; "
    "sonst deine.",
    "help.no_pager": "Lange Ausgaben direkt zeigen, nicht über $PAGER (less -FRX).",
    "help.tag": "Ein Schlagwort (mehrfach möglich): web, #web oder @web. #Wörter und @Wörter "
    "im Text zählen auch.",
    "help.note": "Eine Notiz zum Eintrag.",
    "help.json": "JSON ausgeben (feste Schlüssel, siehe docs/json.md).",
    "help.text": "Deine Lieferung. Mehrere Wörter werden mit Leerzeichen verbunden. "
    "Text, der mit '-' beginnt, kommt hinter '--'. '-' liest den Text von der "
    "Standardeingabe; ohne Text öffnet sich $VISUAL oder $EDITOR.",
    "help.entry_id": "Die Nummer, die 'shipit list' zeigt.",
    "help.log": """Trag eine Lieferung ein: etwas, das du heute (oder an --date) geliefert hast.

Schlagwörter: schreib #web oder @web in den Text, oder gib --tag web an. In bash
und zsh beginnt ein #web ohne Anführungszeichen einen Kommentar und geht still
verloren: setz den Text in Anführungszeichen ("Formular repariert #web") oder
schreib @web, das keine braucht.

\b
Beispiele:
  shipit log "Preisseite veröffentlicht #web"
  shipit log Preisseite veröffentlicht @web
  shipit log --date gestern "Newsletter verschickt" --tag email
  shipit log -- "- Tippfehler in der Fußzeile behoben"
  git log -1 --format=%s | shipit log -
  shipit log                   # öffnet $VISUAL oder $EDITOR""",
    "help.ship": "Anderer Name für 'log': trag etwas ein, das du geliefert hast.",
    "help.today": "Die Einträge von heute, und ob heute schon geliefert ist (der Befehl ohne "
    "Befehl).",
    "help.list": "Einträge zeigen, die neuesten zuerst, nach Tagen gruppiert.",
    "help.list.since": "Ab diesem Tag.",
    "help.list.until": "Bis zu diesem Tag.",
    "help.list.kind": "ship, step oder attempt.",
    "help.list.tag": "Nur Einträge mit diesem Schlagwort (mehrfach: mit allen).",
    "help.list.search": "Nur Einträge, deren Text, Notiz oder Lektion dies enthält "
    "(Groß-/Kleinschreibung egal).",
    "help.list.limit": "Höchstens N Einträge (die neuesten zuerst).",
    "help.list.project": "Nur Einträge, die mit diesem Projekt verknüpft sind.",
    "help.tags": "Jedes Schlagwort mit der Zahl seiner Einträge und dem Tag, an dem es "
    "zuletzt benutzt wurde.",
    "help.edit": """Einen Eintrag ändern: Text, Tag, Notiz, Schlagwörter und die Felder seiner Art.

Ohne Option öffnet sich der Eintrag in $VISUAL oder $EDITOR (Text, Notiz, dann
seine Felder); unverändert speichern ändert nichts, ein leerer Text bricht ab.""",
    "help.edit.text": "Neuer Text.",
    "help.edit.note": "Neue Notiz ('' entfernt sie).",
    "help.edit.tag": "Die mit --tag gegebenen Schlagwörter ersetzen (mehrfach möglich); "
    "#Wörter folgen dem Text.",
    "help.edit.clear_tags": "Die mit --tag gegebenen Schlagwörter entfernen.",
    "help.edit.outcome": "Das Ergebnis eines Versuchs.",
    "help.edit.lesson": "Die Lektion eines Versuchs ('' entfernt sie).",
    "help.edit.minutes": "Die Minuten eines Schritts.",
    "help.edit.decision": "Die Entscheidung eines Schritts ('' entfernt sie).",
    "help.edit.project": "Mit diesem Projekt verknüpfen ('' löst die Verknüpfung).",
    "help.edit.private": "Nur auf diesem Rechner behalten, oder Sync wieder teilen lassen.",
    "help.delete": "Einen Eintrag löschen (fragt vorher; ohne Terminal braucht es --yes). "
    "'shipit undo' holt ihn zurück.",
    "help.path": "Den Pfad der Journaldatei ausgeben ($SHIPIT_HOME/journal.db oder der "
    "Datenordner des Benutzers).",
}
