"""German messages: entries (log, today, list, tags, edit, delete) and their errors."""

MESSAGES: dict[str, object] = {
    # kinds, outcomes and decisions as shown (JSON keeps the stored values)
    "entries.kind_ship": "Lieferung",
    "entries.kind_step": "Schritt",
    "entries.kind_attempt": "Versuch",
    "entries.a_ship": "eine Lieferung",
    "entries.a_step": "ein Schritt",
    "entries.a_attempt": "ein Versuch",
    "entries.for_step": "Schritte",
    "entries.for_attempt": "Versuche",
    "entries.outcome_open": "offen",
    "entries.outcome_succeeded": "geglückt",
    "entries.outcome_failed": "gescheitert",
    "entries.decision_self": "selbst",
    "entries.decision_delegate": "abgeben",
    "entries.decision_drop": "lassen",
    # confirmations
    "entries.verb_shipped": "Geliefert:",
    "entries.verb_logged": "Eingetragen:",
    "entries.edited": "Geändert: ",
    "entries.deleted": "Gelöscht: ",
    "entries.about_to_delete": "Du löschst gleich ",
    "entries.delete_question": "Wirklich löschen?",
    "entries.delete_refused": "Eintrag #{id} wird ohne --yes nicht gelöscht (kein Terminal, "
    "um nachzufragen)",
    "entries.kept": "Bleibt erhalten.",
    "entries.no_change": "Nichts geändert.",
    "entries.linked": "→ verknüpft mit +{name}",
    "entries.private_kept": "privat: der Eintrag bleibt auf diesem Rechner und erreicht nie einen Hub",
    "entries.streak_not_shown": "(Serie nicht angezeigt: {error})",
    # list and tags
    "entries.count": ("{n} Eintrag", "{n} Einträge"),
    "entries.none_match": "Keine passenden Einträge.",
    "entries.none_yet": 'Noch keine Einträge. Trag einen ein: shipit log "was du geliefert hast"',
    "entries.no_tags": 'Noch keine Schlagwörter. Gib einem Eintrag eins: '
    'shipit log "Formular repariert @web"',
    "entries.col_day": "Tag",
    "entries.col_id": "ID",
    "entries.col_kind": "Art",
    "entries.col_entry": "Eintrag",
    "entries.col_tag": "Schlagwort",
    "entries.col_entries": "Einträge",
    "entries.col_last_used": "Zuletzt",
    "entries.minutes": "{minutes} Min.",
    "entries.decision": "Entscheidung: {decision}",
    "entries.lesson": "\nLektion: ",
    # today
    "entries.empty_journal": "Dein Journal ist leer. Trag deine erste Lieferung ein:",
    "entries.empty_journal_example": '  shipit log "was du heute geliefert hast"',
    "entries.empty_journal_habit": "Liefere jeden Tag etwas Kleines; shipit führt die Serie.",
    "entries.today": "Heute, {day}: ",
    "entries.shipped_today": ("geliefert ✔ ({n} Lieferung)", "geliefert ✔ ({n} Lieferungen)"),
    "entries.not_shipped_yet": "noch nicht geliefert",
    "entries.ship_something": 'Liefere etwas: shipit log "was du geliefert hast"',
    # completion
    "entries.complete_ship": "etwas Geliefertes",
    "entries.complete_step": "ein kleiner Schritt mit Timer",
    "entries.complete_attempt": "ein Versuch",
    "entries.complete_self": "selbst weitermachen",
    "entries.complete_delegate": "abgeben",
    "entries.complete_drop": "aufhören",
    # the editor
    "entries.editing_title": "Eintrag #{id} bearbeiten: {a_kind} vom {day}.",
    "entries.doc_first": "Zuerst kommt der Text; ein leerer Text bricht ab. Unverändert "
    "speichern ändert nichts.",
    "entries.doc_comments": "Zeilen, die mit '# ' beginnen, werden übergangen.",
    "entries.doc_new": "Schreib deine {kind} oben hin. Ein leerer Text bricht ab.",
    "entries.doc_new_comments": "Zeilen, die mit '# ' beginnen, werden übergangen; #Wörter "
    "werden Schlagwörter.",
    "entries.doc_note": "Notiz (leer für keine)",
    "entries.doc_lesson": "Lektion (leer für keine)",
    "entries.doc_fields": "Felder",
    "entries.field_day": "ein ISO-Datum oder ein anderes WANN (docs/dates.md)",
    "entries.field_tags": "Schlagwörter außer den #Wörtern im Text, durch Komma getrennt",
    "entries.field_minutes": "ganze Minuten",
    "entries.field_decision": "self, delegate, drop oder leer",
    "entries.field_outcome": "open, succeeded oder failed",
    "entries.edit_aborted": "abgebrochen: der Text ist leer, nichts wurde geändert",
    "entries.edit_bad_line": "die Zeile {line!r} ist nicht lesbar: erwartet wird "
    "'Schlüssel: Wert' mit einem Schlüssel aus {keys}",
    "entries.log_needs_text": "kein Text: gib TEXT an, '-' für die Standardeingabe, oder "
    "setz $EDITOR, um ihn dort zu schreiben",
    "entries.edit_needs_editor": "nichts zu ändern: gib --text, --date, --note oder --tag an, "
    "oder setz $EDITOR, um den Eintrag dort zu bearbeiten",
    "entries.no_stdin_text": "kein Text auf der Standardeingabe",
    "entries.editor_failed": "der Editor {editor!r} lässt sich nicht starten: {reason}",
    "entries.editor_exit": "der Editor {editor!r} endete mit {code}; nichts wurde geändert",
    # errors
    "entries.what_text": "der Text",
    "entries.what_note": "die Notiz",
    "entries.what_lesson": "die Lektion",
    "entries.what_search": "der Suchtext",
    "entries.nul_byte": "{what} enthält ein NUL-Byte",
    "entries.too_long": "{what} ist {length} Zeichen lang; erlaubt sind {limit}",
    "entries.empty": "{what} ist leer",
    "entries.invalid_tag": "ungültiges Schlagwort {tag!r}: ein Schlagwort besteht aus "
    "Buchstaben, Ziffern, '-' und '_' (höchstens {limit} Zeichen)",
    "entries.invalid_kind": "ungültige Art {kind!r}: erwartet wird eine von {kinds}",
    "entries.invalid_id": "ungültige ID {ref!r}: nimm die Nummer, die 'shipit list' zeigt",
    "entries.invalid_limit": "ungültiges --limit {limit}: erwartet wird 0 (alle) oder eine "
    "positive Zahl",
    "entries.since_after_until": "--since {since!r} liegt nach --until {until!r}",
    "entries.no_entry": "Eintrag #{id} gibt es nicht",
    "entries.no_entry_uid": "einen Eintrag mit der uid {uid} gibt es nicht",
    "entries.field_not_for_kind": "Eintrag #{id} ist {a_kind}; {name} gibt es nur für {kinds}",
    "entries.nothing_to_change": "nichts zu ändern: gib --text, --date, --note, --tag, "
    "--private oder --shared an (oder keine Option, um den Eintrag in $EDITOR zu bearbeiten)",
    "entries.lesson_needs_outcome": "eine Lektion braucht ein Ergebnis: geglückt oder "
    "gescheitert",
    "entries.lesson_needs_outcome_hint": "setz --outcome, oder entferne die Lektion mit "
    "--lesson ''",
    "entries.no_member": "ein Mitglied namens {name!r} gibt es in diesem Journal nicht",
    "entries.no_member_hint": "'shipit team' zeigt die Mitglieder, die hier synchronisiert sind",
    "entries.author_taken": "{name!r} ist schon ein anderes Mitglied des Teams: wähl deinen "
    "eigenen Namen",
    "entries.invalid_author": "ungültiger Name {name!r}: nimm 1-{limit} Buchstaben, Ziffern, "
    "'_', '-' oder '.', am Anfang ein Buchstabe oder '_'",
    "entries.project_reopened": "Projekt +{short} ist wieder aktiv: der Eintrag, der es beendet "
    "hat, ist weg ('shipit project ship' oder 'project drop' beendet es wieder; 'shipit undo' "
    "holt den Eintrag zurück).",
}
