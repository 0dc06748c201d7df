"""English messages: sync."""

MESSAGES: dict[str, object] = {
}
