"""German messages: steps."""

MESSAGES: dict[str, object] = {
}
