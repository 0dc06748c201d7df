"""German messages: sync."""

MESSAGES: dict[str, object] = {
}
