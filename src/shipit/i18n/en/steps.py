"""English messages: steps (the backlog, the step timer and its questions) and attempts."""

MESSAGES: dict[str, object] = {
    # -- words ---------------------------------------------------------------------------
    "steps.what_annoyance": "annoyance",
    "steps.what_minutes": "minutes",
    "steps.kind.ship": "ship",
    "steps.kind.step": "step",
    "steps.kind.attempt": "attempt",
    "steps.outcome.open": "open",
    "steps.outcome.succeeded": "succeeded",
    "steps.outcome.failed": "failed",
    # The answers to "keep doing it yourself, delegate it, or drop it?", in the order of
    # domain.entries.DECISIONS (self, delegate, drop); the question accepts them too.
    "steps.decision_words": ("self", "delegate", "drop"),
    # -- errors (domain, services, storage) ----------------------------------------------
    "steps.invalid_whole": "invalid {what} {value!r}: expected a whole number",
    "steps.invalid_annoyance": "invalid annoyance {value}: expected {low} (barely) "
    "to {high} (drives you mad)",
    "steps.minutes_too_few": "invalid {what} {value}: a step takes at least 1 minute",
    "steps.minutes_too_many": ("invalid {what} {value}: at most {n} minute",
                               "invalid {what} {value}: at most {n} minutes"),  # fmt: skip
    "steps.invalid_decision": "invalid decision {value!r}: expected self, delegate or drop",
    "steps.invalid_outcome": "invalid outcome {value!r}: expected open, succeeded or failed",
    "steps.invalid_backlog_id": "invalid backlog id {value!r}: "
    "use the number shown by 'shipit step list'",
    "steps.item_already_done": "backlog item {id} is already done",
    "steps.item_already_done_by": "backlog item {id} is already done by step entry #{entry}",
    "steps.no_such_item": "no backlog item with id {id}",
    "steps.no_such_item_hint": "see the ids with 'shipit step list'",
    "steps.backlog_empty": "the backlog is empty",
    "steps.backlog_empty_hint": "add what annoys you most: shipit step add \"TEXT\" --annoyance 5",
    "steps.nothing_to_change": "nothing to change: give --text or --annoyance",
    "steps.lesson_needs_outcome": "a lesson needs an outcome: add --succeeded or --failed",
    "steps.resolve_needs_outcome": "resolve an attempt with --succeeded or --failed",
    "steps.outcome_both": "give --succeeded or --failed, not both",
    "steps.outcome_missing": "say how it went: --succeeded or --failed",
    "steps.not_an_attempt.ship": "entry #{id} is a ship, not an attempt",
    "steps.not_an_attempt.step": "entry #{id} is a step, not an attempt",
    "steps.not_an_attempt_hint": "see the attempts with 'shipit attempts'",
    "steps.already_resolved": "attempt #{id} is already {outcome}; "
    "only an open attempt can be resolved",
    "steps.already_resolved_hint": "to change it: shipit edit {id} --outcome {other}",
    # -- the backlog ---------------------------------------------------------------------
    "steps.added": "Added {item}",
    "steps.edited": "Edited {item}",
    "steps.dropped": "Dropped {item}",
    "steps.item_summary": "{item} (annoyance {level}): {text}",
    "steps.item": "backlog item {id}",
    "steps.start_it": "Start it: shipit step start {id}",
    "steps.list_empty": "The backlog is empty. Add what annoys you most: "
    "shipit step add \"TEXT\" --annoyance 5",
    "steps.open_items": ("{n} open item", "{n} open items"),
    "steps.open_items_start": ("{n} open item; start the top one: shipit step start",
                               "{n} open items; start the top one: shipit step start"),  # fmt: skip
    "steps.member_list_empty": "{author}'s backlog is empty (as of your last sync).",
    "steps.member_open_items": ("{n} open item in {author}'s backlog (theirs: read only)",
                                "{n} open items in {author}'s backlog (theirs: read only)"),  # fmt: skip
    "steps.not_your_item": "backlog item {id} is {author}'s: only {author} can do it, drop it or edit it",
    "steps.col_item": "Item",
    "steps.col_annoyance": "Annoyance",
    "steps.col_annoyance_short": "Annoy",
    "steps.col_added": "Added",
    "steps.col_step": "Step",
    "steps.col_done": "Done",
    "steps.compact_day": "{day} {month}",
    "steps.state_open": "open",
    "steps.state_done": "done",
    "steps.closed_by_entry": "entry #{id}",
    # -- logging steps -------------------------------------------------------------------
    "steps.head": "{id} {kind} {day}: {text}",
    "steps.logged": "Logged {head}",
    "steps.logged_interrupted": "Logged (interrupted) {head}",
    "steps.minutes": "{n} min",
    "steps.decision": "decision: {decision}",
    "steps.brought": "  brought: ",
    "steps.item_closed": "Backlog item {id} is done (closed by entry #{entry}).",
    "steps.item_stays_open": "Backlog item {id} stays open in the backlog.",
    "steps.item_gone": "Backlog item {id} was dropped or done elsewhere while the timer ran; "
    "the step is logged anyway.",
    # -- the timer and its questions -----------------------------------------------------
    "steps.timer_start": ("Timer: {n} minute on {label}. Ctrl-C stops it.",
                          "Timer: {n} minutes on {label}. Ctrl-C stops it."),  # fmt: skip
    "steps.timer_minute": ("{n} minute done, {left} left", "{n} minutes done, {left} left"),
    "steps.timer_up": ("Time's up: {n} minute.", "Time's up: {n} minutes."),
    "steps.timer_stopped": ("Stopped after {clock} (counts as {n} minute).",
                            "Stopped after {clock} (counts as {n} minutes)."),  # fmt: skip
    "steps.bar_left": "{clock} left",
    "steps.bar_up": "time's up",
    "steps.bar_stopped": "stopped after {clock}",
    "steps.notify_title": "shipit: time's up",
    "steps.notify_body": "{minutes} min on: {text}",
    "steps.ask_note": "What did it bring? (Enter to skip)",
    "steps.ask_decision": "Keep doing it yourself, delegate it, or drop it? "
    "[self/delegate/drop, Enter to skip]",
    "steps.ask_log_partial": "Log the {minutes} min you spent as a step? "
    "(the backlog item stays open) [Y/n]",
    "steps.yes_words": "y yes",
    "steps.no_words": "n no",
    "steps.answer_yes_no": "please answer y or n",
    "steps.nothing_logged": "Nothing logged; backlog item {id} stays open.",
    "steps.interrupted_partial": "interrupted: the minutes spent are logged; "
    "the backlog item stays open",
    "steps.interrupted_questions": "interrupted: the step is logged without the remaining answers",
    # -- attempts ------------------------------------------------------------------------
    "steps.attempt_logged": "Logged {head}",
    "steps.resolved": "Resolved {head}",
    "steps.lesson": "  lesson: ",
    "steps.resolve_hint": "When you know how it went: shipit resolve {id} "
    "--succeeded (or --failed --lesson \"...\")",
    "steps.no_open_attempts": "No open attempts.",
    "steps.no_attempts": "No attempts yet. Try something: shipit try \"what you will try\"",
    "steps.attempt_count": ("{n} attempt", "{n} attempts"),
    "steps.col_id": "ID",
    "steps.col_day": "Day",
    "steps.col_outcome": "Outcome",
    "steps.col_attempt": "Attempt",
    "steps.table_lesson": "lesson: ",
}
