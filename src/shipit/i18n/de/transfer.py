"""German messages: transfer."""

MESSAGES: dict[str, object] = {
}
