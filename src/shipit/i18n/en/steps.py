"""English messages: steps."""

MESSAGES: dict[str, object] = {
}
