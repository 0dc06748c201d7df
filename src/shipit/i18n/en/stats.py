"""English messages: stats."""

MESSAGES: dict[str, object] = {
}
