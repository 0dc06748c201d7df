"""English messages: transfer."""

MESSAGES: dict[str, object] = {
}
