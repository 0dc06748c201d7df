"""English messages: history."""

MESSAGES: dict[str, object] = {
}
