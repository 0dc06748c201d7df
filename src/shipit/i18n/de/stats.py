"""German messages: stats."""

MESSAGES: dict[str, object] = {
}
