"""English messages: entries."""

MESSAGES: dict[str, object] = {
}
