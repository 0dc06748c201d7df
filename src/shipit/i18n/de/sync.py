"""German messages: the hub, sync and the team views."""

MESSAGES: dict[str, object] = {
    "sync.install_hint": 'installiere den PostgreSQL-Treiber: pip install ".[postgres]" im '
    'shipit-Klon (pipx: pipx inject shipit "psycopg[binary]>=3.2,<4")',
    "sync.auto_no_driver": "nicht synchronisiert: der PostgreSQL-Treiber ist nicht installiert "
    "({waiting})",
    "sync.no_driver": "zum Synchronisieren braucht es den PostgreSQL-Treiber, und der ist "
    "nicht installiert",
    "sync.not_a_url": "keine PostgreSQL-URL: {reason}",
    "sync.url_has_password": "die URL enthält ein Passwort: shipit speichert nie eines",
    "sync.url_has_password_hint": "gib die URL ohne Passwort an und leg das Passwort in "
    "~/.pgpass ab (oder in PGPASSWORD)",
    "sync.auth_failed": "die Anmeldung am Hub {where} ist fehlgeschlagen: {reason}",
    "sync.auth_failed_hint": "prüf den Benutzernamen und das Passwort in ~/.pgpass oder "
    "PGPASSWORD; eine Zeile in ~/.pgpass gilt nur, wenn Host, Port, Datenbank und Benutzer "
    "alle zur URL passen, also sieht ein Tippfehler in einem davon wie ein fehlendes Passwort aus",
    "sync.refused": "der Hub {where} hat die Änderung abgelehnt: {reason}",
    "sync.refused_hint": "auf einem Hub mit Rollen darfst du nur deine eigenen Zeilen ändern: "
    "prüf, dass 'shipit config author' deine Rolle ist",
    "sync.init_refused_hint": "einen Hub anlegen oder aktualisieren darf nur der Eigentümer "
    "der Datenbank (oder eine Admin-Rolle): führ 'shipit hub init' mit der URL dieser Rolle aus",
    "sync.no_database": "die Datenbank des Hubs gibt es nicht: {reason}",
    "sync.no_database_hint": "leg sie zuerst an (createdb) oder korrigier die URL",
    "sync.unreachable": "Hub nicht erreichbar ({where}): {reason}",
    "sync.unreachable_hint": "prüf die URL und ob der Server läuft; nichts wurde geändert",
    "sync.not_a_hub": "{where} ist kein shipit-Hub",
    "sync.not_a_hub_hint": "leg einen an mit 'shipit hub init URL' (einmal, für das ganze Team)",
    "sync.hub_newer": "der Hub wurde von einem neueren shipit aktualisiert (Hub-Schema "
    "{version}, dieses shipit kennt {known})",
    "sync.hub_newer_hint": "aktualisiere shipit: pip install -U shipit",
    "sync.hub_older": "der Hub hat Hub-Schema {version}; dieses shipit braucht {needed} "
    "(Projekte reisen mit dem Sync)",
    "sync.hub_older_hint": "aktualisiere ihn einmal, als sein Besitzer, mit 'shipit hub init "
    "URL'; nichts darauf geht verloren",
    "sync.role_is_another_member": "die Rolle {role!r} ist hier ein anderes Mitglied",
    "sync.not_joined": "dieses Journal ist mit keinem Hub verbunden",
    "sync.not_joined_hint": "verbinde es mit 'shipit sync init URL'",
    "sync.author_mismatch": "der Autor dieses Journals ist {author!r}, aber der Hub kennt "
    "dich als {role!r}",
    "sync.author_mismatch_hint": "führ 'shipit sync init URL' noch einmal aus",
    "sync.hub_replaced": "der Hub unter dieser URL ist nicht der, mit dem dieses Journal "
    "synchronisiert hat (er wurde neu angelegt)",
    "sync.hub_replaced_hint": "führ 'shipit sync init URL' noch einmal aus: der nächste "
    "Sync schickt dann alles, was dieses Journal hat",
    "sync.n_entries": ("{n} Eintrag", "{n} Einträge"),
    "sync.n_skip_days": ("{n} Pausentag", "{n} Pausentage"),
    "sync.n_settings": ("{n} Einstellung", "{n} Einstellungen"),
    "sync.n_backlog_items": ("{n} Backlog-Eintrag", "{n} Backlog-Einträge"),
    "sync.n_projects": ("{n} Projekt", "{n} Projekte"),
    "sync.n_card_items": ("{n} Kartenpunkt", "{n} Kartenpunkte"),
    "sync.n_project_links": ("{n} Projektverknüpfung", "{n} Projektverknüpfungen"),
    "sync.from_members": ("von {n} Mitglied", "von {n} Mitgliedern"),
    "sync.dry_run_line": "würde bewegen: {line} (Probelauf: nichts bewegt)",
    "sync.status_not_joined": "mit keinem Hub verbunden (verbinden: shipit sync init URL)",
    "sync.changes_waiting": ("{n} Änderung wartet", "{n} Änderungen warten"),
    "sync.some_changes_waiting": "Änderungen warten",
    "sync.never": "nie",
    "sync.status_hub": "Hub: {url}",
    "sync.status_author": "Autor: {author}",
    "sync.status_last": "letzter Sync: {when}",
    "sync.mark_shipped": "✔",
    "sync.mark_not_yet": "noch nicht",
    "sync.mark_excused": "entschuldigt",
    "sync.you": "(du)",
    "sync.streak_days": ("{n} T.", "{n} T."),
    "sync.col_member": "Mitglied",
    "sync.col_today": "Heute",
    "sync.col_streak": "Serie",
    "sync.col_week": "Woche",
    "sync.col_last_ship": "Letzte Lieferung",
    "sync.col_days": "Tage",
    "sync.col_ships": "Lfg.",
    "sync.auto_synced": "synchronisiert: {line}",
    "sync.auto_unreachable": "nicht synchronisiert: Hub nicht erreichbar ({waiting})",
    "sync.auto_failed": "nicht synchronisiert: {error} ({waiting})",
    "sync.auto_interrupted": "nicht synchronisiert: abgebrochen (die Änderungen gehen mit dem "
    "nächsten Sync hoch)",
    "sync.auto_unexpected": "nicht synchronisiert: unerwarteter Fehler {name}: {error} (bitte "
    "melde ihn)",
    "sync.day_rest": "Ruhe",
    "sync.day_skip": "Pause",
    "sync.week_hit": "erreicht",
    "sync.week_missed": "verfehlt",
    "sync.week_neutral": "kein verfügbarer Tag",
    "sync.week_open": "läuft",
    "sync.team_week": "Teamwoche {week}",
    "sync.team_total_label": "Team:",
    "sync.team_total": "{ships} an {days} · {hit} von {members} haben ihr Ziel erreicht",
    "sync.n_ships": ("{n} Lieferung", "{n} Lieferungen"),
    "sync.n_shipped_days": ("{n} Liefertag", "{n} Liefertagen"),
    "sync.n_members": ("{n} Mitglied", "{n} Mitgliedern"),
    "sync.hub_created": "Hub angelegt (Hub-Schema {version}; {roles})",
    "sync.hub_upgraded": "Hub aktualisiert (Hub-Schema {version}; {roles})",
    "sync.hub_up_to_date": "Hub ist schon aktuell (Hub-Schema {version}; {roles})",
    "sync.hub_roles_turned_on": "Rollen eingeschaltet (Hub-Schema {version})",
    "sync.roles_on": "Rollen an",
    "sync.roles_off": "Rollen aus",
    "sync.joined": "mit dem Hub verbunden als {author}: jetzt 'shipit sync'",
    "sync.renamed": "Auf diesem Hub ist dein Autorenname deine PostgreSQL-Rolle, {author} "
    "(vorher {was}); deine Einträge ziehen mit.",
    "sync.md_team_title": "Team-Journal",
    "sync.md_members": "Mitglieder",
    "sync.md_count": ("{n}", "{n}"),
    "sync.md_private_never": "Private Einträge dieses Journals stehen nie in einem Team-Export.",
    "sync.no_team": "dieses Journal ist mit keinem Hub verbunden, also hat es kein Team",
    "sync.no_team_hint": "verbinde es mit 'shipit sync init URL', dann 'shipit sync'",
}
