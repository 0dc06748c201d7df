"""German messages: --help (command and option help texts) and the words around them."""

from shipit.i18n.de.dates import MESSAGES as _DATES

# The end of every TEXT... argument's help.
_TEXT_ARG = " Mehrere Wörter werden mit Leerzeichen verbunden; Text, der mit '-' beginnt, kommt hinter '--'."

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
