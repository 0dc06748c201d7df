"""English messages: loop."""

MESSAGES: dict[str, object] = {
}
