"""German messages: history."""

MESSAGES: dict[str, object] = {
}
