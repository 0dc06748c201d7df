"""German messages: steps (the backlog, the step timer and its questions) and attempts."""

MESSAGES: dict[str, object] = {
    # -- words ---------------------------------------------------------------------------
    "steps.what_annoyance": "Nervfaktor",
    "steps.what_minutes": "Minuten",
    "steps.kind.ship": "Lieferung",
    "steps.kind.step": "Schritt",
    "steps.kind.attempt": "Versuch",
    "steps.outcome.open": "offen",
    "steps.outcome.succeeded": "geglückt",
    "steps.outcome.failed": "gescheitert",
    "steps.decision_words": ("selbst", "abgeben", "streichen"),
    # -- errors (domain, services, storage) ----------------------------------------------
    "steps.invalid_whole": "{what} {value!r} ist ungültig: erwartet wird eine ganze Zahl",
    "steps.invalid_annoyance": "Nervfaktor {value} ist ungültig: erwartet wird {low} (kaum) "
    "bis {high} (macht dich wahnsinnig)",
    "steps.minutes_too_few": "{what} {value} ist ungültig: ein Schritt dauert mindestens "
    "1 Minute",
    "steps.minutes_too_many": ("{what} {value} ist ungültig: höchstens {n} Minute",
                               "{what} {value} ist ungültig: höchstens {n} Minuten"),  # fmt: skip
    "steps.invalid_decision": "Entscheidung {value!r} ist ungültig: erwartet wird self, "
    "delegate oder drop",
    "steps.invalid_outcome": "Ergebnis {value!r} ist ungültig: erwartet wird open, "
    "succeeded oder failed",
    "steps.invalid_backlog_id": "Backlog-Nummer {value!r} ist ungültig: nimm die Nummer, "
    "die 'shipit step list' zeigt",
    "steps.item_already_done": "Backlog-Punkt {id} ist schon erledigt",
    "steps.item_already_done_by": "Backlog-Punkt {id} ist schon erledigt (Schritt #{entry})",
    "steps.no_such_item": "es gibt keinen Backlog-Punkt mit der Nummer {id}",
    "steps.no_such_item_hint": "die Nummern zeigt 'shipit step list'",
    "steps.backlog_empty": "der Backlog ist leer",
    "steps.backlog_empty_hint": "trag ein, was dich am meisten nervt: "
    "shipit step add \"TEXT\" --annoyance 5",
    "steps.nothing_to_change": "nichts zu ändern: gib --text oder --annoyance an",
    "steps.lesson_needs_outcome": "eine Lektion braucht ein Ergebnis: "
    "gib --succeeded oder --failed an",
    "steps.resolve_needs_outcome": "schließ einen Versuch mit --succeeded oder --failed ab",
    "steps.outcome_both": "gib --succeeded oder --failed an, nicht beides",
    "steps.outcome_missing": "wie ist es gelaufen? Gib --succeeded oder --failed an",
    "steps.not_an_attempt.ship": "Eintrag #{id} ist eine Lieferung, kein Versuch",
    "steps.not_an_attempt.step": "Eintrag #{id} ist ein Schritt, kein Versuch",
    "steps.not_an_attempt_hint": "die Versuche zeigt 'shipit attempts'",
    "steps.already_resolved": "Versuch #{id} ist schon {outcome}; "
    "nur ein offener Versuch lässt sich abschließen",
    "steps.already_resolved_hint": "zum Ändern: shipit edit {id} --outcome {other}",
    # -- the backlog ---------------------------------------------------------------------
    "steps.added": "Neu im Backlog: {item}",
    "steps.edited": "Geändert: {item}",
    "steps.dropped": "Gestrichen: {item}",
    "steps.item_summary": "{item} (Nervfaktor {level}): {text}",
    "steps.item": "Backlog-Punkt {id}",
    "steps.start_it": "Leg los: shipit step start {id}",
    "steps.list_empty": "Der Backlog ist leer. Trag ein, was dich am meisten nervt: "
    "shipit step add \"TEXT\" --annoyance 5",
    "steps.open_items": ("{n} offener Punkt", "{n} offene Punkte"),
    "steps.open_items_start": ("{n} offener Punkt; fang oben an: shipit step start",
                               "{n} offene Punkte; fang oben an: shipit step start"),  # fmt: skip
    "steps.member_list_empty": "Der Backlog von {author} ist leer (Stand: dein letzter Sync).",
    "steps.member_open_items": ("{n} offener Punkt im Backlog von {author} (nur zum Lesen)",
                                "{n} offene Punkte im Backlog von {author} (nur zum Lesen)"),  # fmt: skip
    "steps.not_your_item": "Backlog-Punkt {id} gehört {author}: nur {author} kann ihn erledigen, streichen oder ändern",
    "steps.col_item": "Nr.",
    "steps.col_annoyance": "Nervfaktor",
    "steps.col_annoyance_short": "Nerv",
    "steps.col_added": "Seit",
    "steps.col_step": "Schritt",
    "steps.col_done": "Erledigt",
    "steps.compact_day": "{day}. {month}",
    "steps.state_open": "offen",
    "steps.state_done": "erledigt",
    "steps.closed_by_entry": "Eintrag #{id}",
    # -- logging steps -------------------------------------------------------------------
    "steps.head": "{kind} {id} vom {day}: {text}",
    "steps.logged": "Eingetragen: {head}",
    "steps.logged_interrupted": "Eingetragen (abgebrochen): {head}",
    "steps.minutes": "{n} Min.",
    "steps.decision": "Entscheidung: {decision}",
    "steps.brought": "  gebracht: ",
    "steps.item_closed": "Backlog-Punkt {id} ist erledigt (abgehakt mit Eintrag #{entry}).",
    "steps.item_stays_open": "Backlog-Punkt {id} bleibt offen im Backlog.",
    "steps.item_gone": "Backlog-Punkt {id} wurde gestrichen oder woanders erledigt, während "
    "der Timer lief; der Schritt ist trotzdem eingetragen.",
    # -- the timer and its questions -----------------------------------------------------
    "steps.timer_start": ("Timer: {n} Minute für {label}. Strg-C hält ihn an.",
                          "Timer: {n} Minuten für {label}. Strg-C hält ihn an."),  # fmt: skip
    "steps.timer_minute": ("{n} Minute geschafft, noch {left}",
                           "{n} Minuten geschafft, noch {left}"),  # fmt: skip
    "steps.timer_up": ("Die Zeit ist um: {n} Minute.", "Die Zeit ist um: {n} Minuten."),
    "steps.timer_stopped": ("Angehalten nach {clock} (zählt als {n} Minute).",
                            "Angehalten nach {clock} (zählt als {n} Minuten)."),  # fmt: skip
    "steps.bar_left": "noch {clock}",
    "steps.bar_up": "Zeit um",
    "steps.bar_stopped": "angehalten nach {clock}",
    "steps.notify_title": "shipit: Die Zeit ist um",
    "steps.notify_body": "{minutes} Min. für: {text}",
    "steps.ask_note": "Was hat es gebracht? (Enter überspringt)",
    "steps.ask_decision": "Selbst weitermachen, abgeben oder streichen? "
    "[selbst/abgeben/streichen, Enter überspringt]",
    "steps.ask_log_partial": "Die {minutes} Min. als Schritt eintragen? "
    "(der Backlog-Punkt bleibt offen) [J/n]",
    "steps.yes_words": "j ja y yes",
    "steps.no_words": "n nein no",
    "steps.answer_yes_no": "bitte antworte mit j oder n",
    "steps.nothing_logged": "Nichts eingetragen; Backlog-Punkt {id} bleibt offen.",
    "steps.interrupted_partial": "abgebrochen: die Minuten sind eingetragen; "
    "der Backlog-Punkt bleibt offen",
    "steps.interrupted_questions": "abgebrochen: der Schritt ist eingetragen, "
    "ohne die restlichen Antworten",
    # -- attempts ------------------------------------------------------------------------
    "steps.attempt_logged": "Eingetragen: {head}",
    "steps.resolved": "Abgeschlossen: {head}",
    "steps.lesson": "  Lektion: ",
    "steps.resolve_hint": "Wenn du weißt, wie es lief: shipit resolve {id} "
    "--succeeded (oder --failed --lesson \"...\")",
    "steps.no_open_attempts": "Keine offenen Versuche.",
    "steps.no_attempts": "Noch keine Versuche. Wag etwas: shipit try \"was du versuchst\"",
    "steps.attempt_count": ("{n} Versuch", "{n} Versuche"),
    "steps.col_id": "Nr.",
    "steps.col_day": "Tag",
    "steps.col_outcome": "Ergebnis",
    "steps.col_attempt": "Versuch",
    "steps.table_lesson": "Lektion: ",
}
