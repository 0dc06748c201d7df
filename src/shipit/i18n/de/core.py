"""German messages: the error boundary and words every command shares."""

MESSAGES: dict[str, object] = {
    "core.error": "shipit: Fehler: {message}",
    "core.note_after_commit": "shipit: Hinweis: die Änderung ist im Journal gespeichert; "
    "danach: {what}",
    "core.interrupted": "abgebrochen",
    "core.interrupted_nothing_written": "abgebrochen; nichts wurde geschrieben",
    "core.aborted": "abgebrochen",
    "core.output_failed": "die Ausgabe konnte nicht geschrieben werden ({reason})",
    "core.cannot_write_output": "die Ausgabe lässt sich nicht schreiben: {reason}",
    "core.unexpected": "unerwarteter Fehler {name}: {error} (bitte melde ihn)",
    "core.unexpected_debug": "unerwarteter Fehler {name}: {error} "
    "(starte mit --debug für die Einzelheiten neu, und bitte melde ihn)",
    "core.see_help": "{message} (siehe '{command} --help')",
    "core.not_utf8": "{what} ist kein gültiges UTF-8: '{shown}'",
    "core.not_utf8_hint": "stell eine UTF-8-Locale ein oder tippe den Text neu",
    "core.value_of": "der Wert von {option}",
    "core.argument_n": "Argument {n}",
    "core.not_available": "k. A.",
    "core.invalid_language": "ungültige Sprache {value!r}: erwartet wird de, en oder auto",
}
