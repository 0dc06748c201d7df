"""German messages: entries."""

MESSAGES: dict[str, object] = {
}
