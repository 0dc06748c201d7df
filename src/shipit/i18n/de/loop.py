"""German messages: loop."""

MESSAGES: dict[str, object] = {
}
