"""English messages: the error boundary and words every command shares."""

MESSAGES: dict[str, object] = {
    "core.error": "shipit: error: {message}",
    "core.note_after_commit": "shipit: note: the change was saved in the journal; then: {what}",
    "core.interrupted": "interrupted",
    "core.interrupted_nothing_written": "interrupted; nothing was written",
    "core.aborted": "aborted",
    "core.output_failed": "the output could not be written ({reason})",
    "core.cannot_write_output": "cannot write the output: {reason}",
    "core.unexpected": "unexpected {name}: {error} (please report it)",
    "core.unexpected_debug": "unexpected {name}: {error} "
    "(run again with --debug for the details, and please report it)",
    "core.see_help": "{message} (see '{command} --help')",
    "core.not_utf8": "{what} is not valid UTF-8: '{shown}'",
    "core.not_utf8_hint": "set a UTF-8 locale or retype the text",
    "core.value_of": "the value of {option}",
    "core.argument_n": "argument {n}",
    "core.not_available": "n/a",
    "core.invalid_language": "invalid language {value!r}: expected de, en or auto",
}
