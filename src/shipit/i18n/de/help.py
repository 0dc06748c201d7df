"""German messages: --help (command and option help texts) and the words around them."""

from shipit.i18n.de.dates import MESSAGES as _DATES

# The end of every TEXT... argument's help.
_TEXT_ARG = " Mehrere Wörter werden mit Leerzeichen verbunden; Text, der mit '-' beginnt, kommt hinter '--'."
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

    # -- steps and attempts (cli/steps.py) ------------------------------------------------
    "help.step": """Kleine Schritte: ein Backlog mit dem, was dich nervt, fünf Minuten auf einmal.

Nimm, was dich am meisten nervt, und arbeite fünf Minuten daran, einmal. Dann frag
dich, was es gebracht hat, und entscheide: selbst weitermachen, abgeben oder streichen.

Die Nummern von 'shipit step list' sind Backlog-Nummern ('step start', 'done' und
'drop' nehmen sie); die '#'-Nummern von 'shipit list' sind Eintragsnummern.
""",
    "help.step.json": "JSON ausgeben (feste Schlüssel, siehe docs/steps-and-attempts.md).",
    "help.step.date": "Journaltag. " + _DATES["dates.when_help"],
    "help.step.note": "Was es gebracht hat (statt der Frage).",
    "help.step.decision": "Selbst weitermachen (self), abgeben (delegate) oder streichen "
    "(drop), statt der Frage.",
    "help.step.lesson": "Was du gelernt hast (mit --succeeded oder --failed).",
    "help.step.succeeded": "Es ist geglückt.",
    "help.step.failed": "Es ist gescheitert (schreib eine --lesson dazu).",
    "help.step.item_id": "Die Backlog-Nummer, die 'shipit step list' zeigt.",
    "help.step.add": """Einen Schritt in den Backlog aufnehmen.

\b
Beispiele:
  shipit step add "Instagram-Konto einrichten" --annoyance 5
  shipit step add "Sam fragen, wie sie Newsletter macht"
""",
    "help.step.add.text": "Der Schritt, z. B. \"Ein Foto auf Instagram posten\"." + _TEXT_ARG,
    "help.step.add.annoyance": "Wie sehr es dich nervt: 1 kaum … 5 macht dich wahnsinnig.",
    "help.step.list": "Den Backlog zeigen: was am meisten nervt zuerst, dann das Älteste. "
    "Die Spalte Nr. hält die Backlog-Nummern.",
    "help.step.list.all": "Auch die erledigten Punkte zeigen.",
    "help.step.list.author": "Der (synchronisierte) Backlog eines anderen Mitglieds, nur zum Lesen; ohne: deiner.",
    "help.step.edit": "Text oder Nervfaktor eines Backlog-Punkts ändern.",
    "help.step.edit.text": "Neuer Text.",
    "help.step.edit.annoyance": "Neuer Nervfaktor: 1 kaum … 5 macht dich wahnsinnig.",
    "help.step.drop": "Einen Punkt aus dem Backlog streichen, ohne ihn zu erledigen.",
    "help.step.start": """Fünf Minuten mit Timer an einem Backlog-Punkt arbeiten, dann den Schritt eintragen.

Am Ende fragt shipit, was der Schritt gebracht hat und ob du selbst weitermachst, ihn
abgibst oder streichst (Enter überspringt; --note/--decision antworten vorab; ohne
Terminal fragt es nie). Der Schritt wird mit den Minuten eingetragen, und der
Backlog-Punkt ist erledigt.

Strg-C hält den Timer an, ohne dass Arbeit verloren geht: am Terminal fragt shipit,
ob der angefangene Schritt eingetragen werden soll, sonst trägt es ihn ein. Der Punkt
bleibt offen; Exit-Code 130.
""",
    "help.step.start.id": "Eine Backlog-Nummer; Standard: der offene Punkt, der am meisten nervt.",
    "help.step.start.minutes": "Dauer des Timers, 1-240 Minuten.",
    "help.step.done": """Einen Schritt ohne Timer eintragen.

Ein Argument nur aus Ziffern ist eine Backlog-Nummer: der Schritt bekommt den Text
dieses Punkts und hakt ihn ab. Alles andere ist der Text eines Schritts, der nie im
Backlog stand (für Text, der nur eine Zahl ist, nimm ein Wort dazu: "3 anrufen").

\b
Beispiele:
  shipit step done 3 --note "schon zwei Antworten" --decision self
  shipit step done "Sam nach Newslettern gefragt" --minutes 10
""",
    "help.step.done.what": "Eine Backlog-Nummer (nur Ziffern) oder der Text eines Schritts, "
    "der nicht im Backlog stand.",
    "help.step.done.minutes": "Gebrauchte Minuten, 1-1440.",
    "help.try": """Einen Versuch eintragen: offen, bis du ihn abschließt, oder gleich --succeeded/--failed.

Versuchen ist das Gegenteil von Verstecken: klein versuchen, oft scheitern, schnell
wieder aufstehen.

\b
Beispiele:
  shipit try "Drei Podcasts kalt anschreiben"
  shipit try "A/B-Test der Überschrift" --failed --lesson "zu wenig Besucher für ein Urteil"
""",
    "help.try.text": "Was du versuchst." + _TEXT_ARG,
    "help.resolve": "Festhalten, wie ein offener Versuch lief: --succeeded oder --failed "
    "(mit einer --lesson).",
    "help.resolve.id": "Die Eintragsnummer des Versuchs (siehe 'shipit attempts --open').",
    "help.attempts": "Versuche zeigen, die neuesten zuerst, mit Ergebnis und Lektion.",
    "help.attempts.open": "Nur die Versuche, die noch offen sind.",
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
    "help.export.team": "Das Journal des Teams aus den hierher synchronisierten Zeilen des Hubs, nach Tag und dann Mitglied (markdown oder json; nie deine privaten Einträge).",
    "help.week.team": "Die Woche des ganzen Teams aus den hierher synchronisierten Zeilen des Hubs (docs/sync.md).",
    # core and entries (log, ship, today, list, tags, edit, delete, path; shared options)
    "help.version": "Die Version zeigen und beenden.",
    "help.debug": "Tracebacks zeigen (auch SHIPIT_DEBUG=1).",
    "help.install_completion": "Die Vervollständigung für die aktuelle Shell installieren.",
    "help.show_completion": "Die Vervollständigung für die aktuelle Shell zeigen, zum "
    "Kopieren oder um die Installation anzupassen.",
    "help.date": "Journaltag. " + _WHEN,
    "help.project_option": "Mit einem Projekt verknüpfen (sein Kurzname); ein Wort +name im Text "
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
    "help.sync.json": "JSON ausgeben (Schlüssel in docs/sync.md).",
    "help.sync.url": "Eine PostgreSQL-URL ohne Passwort, z. B. postgresql://ada@db.example.com/team.",
    "help.hub": "Der PostgreSQL-Hub des Teams (docs/sync.md).",
    "help.sync": """Jede lokale Änderung seit dem letzten Sync hochschieben, jede Änderung des Hubs
seitdem holen.

\b
Beispiele:
  shipit sync init postgresql://ada@db.example.com/team
  shipit sync
  shipit sync --status
""",
    "help.hub_init": """Die Tabellen des Hubs in einer PostgreSQL-Datenbank anlegen oder aktualisieren
(beliebig oft ausführbar).

\b
Beispiele:
  shipit hub init postgresql://admin@db.example.com/team --roles
  shipit hub init "postgresql://ada@/shipit?host=/run/postgresql"
""",
    "help.hub_init.roles": "Row-Level-Security: jedes Mitglied meldet sich mit seiner eigenen Rolle an und darf nur seine eigenen Zeilen ändern.",
    "help.sync.dry_run": "Sagen, was sich bewegen würde; nichts bewegen.",
    "help.sync.status": "Wann der letzte Sync war und wie viele Änderungen warten.",
    "help.sync_init": "Dieses Journal mit einem Hub verbinden (prüft, dass es einer ist; speichert die URL, nie ein Passwort).",
    "help.team": """Eine Zeile pro Teammitglied: heute geliefert, Serie, diese Woche gegen das Ziel,
letzte Lieferung.

Gelesen aus der Kopie des Hubs in diesem Journal: für den neuesten Stand zuerst
'shipit sync'.
""",
    # -- project (cli/projects.py) -------------------------------------------------------
    "help.project": """Ship-It-Projekte: ein Projekt, ein Liefertermin mit Uhrzeit, eine verantwortliche Person, früh thrashen.

Eine Karte im Geist von Seth Godins ShipIt Journal. Plan sie mit 'project new'
(im Terminal mit Fragen), verknüpf deine tägliche Arbeit damit (shipit log "... +kurz"
oder --project kurz), thrashe früh und liefere zum Termin.

Schlüssel der Fragen ('shipit project answer NAME KEY TEXT'): sentence, owner, members, fears, truth, why_afraid, edges, customers, pleasing, gatekeepers, ignore, perfect, good_enough, failure, feeling.
""",
    "help.project.json": "JSON ausgeben (feste Schlüssel, siehe 'docs/projects.md').",
    "help.project.name": "Der Kurzname des Projekts (oder sein Name).",
    "help.project.new": """Ein Projekt planen: Name und Liefertermin; im Terminal die Fragen der Karte.

\b
Beispiele:
  shipit project new                      (mit Fragen)
  shipit project new "Pricing page" --ship "2026-12-11 15:00" --owner Ana
""",
    "help.project.new.name": "Das Projekt, eine Zeile.",
    "help.project.new.ship": "Liefertermin mit Uhrzeit: 2026-12-11 15:00, 'freitag', "
    "'in 2 wochen' (ohne Uhrzeit: 17:00).",
    "help.project.new.owner": "Die eine verantwortliche Person.",
    "help.project.new.member": "Ein Mitglied im Team (mehrfach möglich).",
    "help.project.new.thrash_until": "Letzter Tag für Änderungen am Umfang "
    "(Standard: nach einem Drittel der Zeit).",
    "help.project.new.short": "Der Kurzname für +name (Standard: das erste Wort des Namens).",
    "help.project.list": "Aktive Projekte: Verantwortliche, Liefertermin, Restzeit, "
    "verknüpfte Lieferungen dieser Woche, Warnungen.",
    "help.project.list.all": "Auch gelieferte und aufgegebene Projekte.",
    "help.project.show": "Die Karte: Antworten, Kanten, Thrash, Verlauf des Liefertermins, "
    "verknüpfte Arbeit, Zahlen.",
    "help.project.answer": "Eine Antwort auf der Karte ausfüllen oder ändern.",
    "help.project.answer.question": "Einer von: sentence, owner, members, fears, truth, "
    "why_afraid, edges, customers, pleasing, gatekeepers, ignore, perfect, good_enough, "
    "failure, feeling.",
    "help.project.answer.text": "Die Antwort ('' leert sie); im Terminal gefragt, "
    "wenn sie fehlt.",
    "help.project.edit": "Die Fragen noch einmal (im Terminal): Enter behält eine Antwort.",
    "help.project.thrash": "Auf die Thrash-Liste setzen. Nach dem Thrash-Datum bleibt es "
    "drauf, aber als spät markiert.",
    "help.project.thrash.text": "Eine Idee, eine Änderung oder ein Einwand.",
    "help.project.move": "Den Liefertermin verschieben; jede Verschiebung bleibt mit "
    "ihrem Grund erhalten.",
    "help.project.move.when": "Der neue Liefertermin (und die Uhrzeit).",
    "help.project.move.reason": "Warum er sich verschiebt (bleibt auf der Karte).",
    "help.project.ship": "Als geliefert markieren: trägt eine verknüpfte Lieferung ein "
    "(zählt für die Serie).",
    "help.project.ship.feeling": "Wie fühlt es sich jetzt an? (im Terminal gefragt)",
    "help.project.drop": "Ungeliefert beenden: die Lektion wird als gescheiterter Versuch "
    "eingetragen, nicht verschwiegen.",
    "help.project.drop.lesson": "Was du gelernt hast (als gescheiterter Versuch eingetragen).",
}
