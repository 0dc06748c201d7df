"""German messages: projects."""

MESSAGES: dict[str, object] = {
}
