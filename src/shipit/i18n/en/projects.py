"""English messages: projects."""

MESSAGES: dict[str, object] = {
}
