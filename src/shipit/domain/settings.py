"""Journal settings: names, defaults, validation. Pure (no database).

Settings live in the journal itself (table `setting`) so that a backup or an export
carries them, and two journals (two SHIPIT_HOMEs) can differ.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

from shipit.domain.errors import InputError

WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

DEFAULTS = {"day_starts_at": "00:00", "rest_days": "none", "weekly_target": "5"}
# This device's sync settings (docs/sync.md: auto-sync). Stored in the journal like the
# others but never sent to the hub: each device decides for itself. Not figures' inputs.
SYNC_DEFAULTS = {"sync.auto": "off", "sync.timeout": "2"}
SYNC_TIMEOUT_RANGE = (2.0, 60.0)
DESCRIPTIONS = {
    "day_starts_at": "when a new journal day begins (HH:MM); with 04:00 a 1 a.m. entry "
    "counts for the day before",
    "rest_days": "weekdays that are excused when not shipped (e.g. sat,sun), or none",
    "weekly_target": "shipped days per ISO week that make a week hit (1-7)",
}


@dataclass(frozen=True)
class Settings:
    day_starts_at: time = time(0, 0)
    rest_days: frozenset[int] = frozenset()  # 0 = Monday
    weekly_target: int = 5

    @classmethod
    def from_raw(cls, raw: dict[str, str]) -> Settings:
        """Build from stored strings; unknown keys are ignored, bad values fall back."""
        values = {**DEFAULTS, **raw}
        out = {}
        for key in DEFAULTS:
            try:
                out[key] = parse_value(key, values[key])[0]
            except InputError:
                out[key] = parse_value(key, DEFAULTS[key])[0]
        return cls(**out)

    def as_strings(self) -> dict[str, str]:
        return {
            "day_starts_at": self.day_starts_at.strftime("%H:%M"),
            "rest_days": format_rest_days(self.rest_days),
            "weekly_target": str(self.weekly_target),
        }


def suggested_values(key: str) -> list[tuple[str, str]]:
    """Values worth offering for a setting (shell completion): (value, what it means)."""
    if key == "day_starts_at":
        return [("00:00", "midnight"), ("03:00", ""), ("04:00", "a 1 a.m. entry counts for the day before"),
                ("05:00", "")]  # fmt: skip
    if key == "rest_days":
        return [("none", "every day counts"), ("sat,sun", "weekends off"), ("sun", "Sundays off")]
    if key == "weekly_target":
        return [(str(n), f"{n} shipped day{'s' if n != 1 else ''} a week") for n in range(1, 8)]
    return []


def json_values(values: dict[str, str]) -> dict[str, object]:
    """Settings for `config --json`: numbers as numbers (weekly_target), the rest as text."""
    return {k: int(v) if k == "weekly_target" and v.strip().isdigit() else v
            for k, v in values.items()}  # fmt: skip


def format_rest_days(days: frozenset[int]) -> str:
    return ",".join(WEEKDAY_NAMES[d] for d in sorted(days)) or "none"


def parse_sync_value(key: str, value: str) -> str | None:
    """The canonical string of a sync setting's value, or None when it is not valid
    (the CLI words the error)."""
    text = value.strip().lower()
    if key == "sync.auto":
        if text in ("on", "true", "yes", "1"):
            return "on"
        if text in ("off", "false", "no", "0"):
            return "off"
        return None
    if key == "sync.timeout":
        try:
            seconds = float(text.removesuffix("s"))
        except ValueError:
            return None
        low, high = SYNC_TIMEOUT_RANGE
        if not low <= seconds <= high:
            return None
        return f"{seconds:g}"
    return None


def parse_value(key: str, value: str) -> tuple[object, str]:
    """Validate a setting; return (parsed value, canonical string). InputError if bad."""
    from shipit.domain.dates import WEEKDAYS, parse_day_start

    if key in SYNC_DEFAULTS:
        canonical = parse_sync_value(key, value)
        if canonical is None:
            raise InputError(f"invalid {key} {value!r}")
        return canonical, canonical

    if key == "day_starts_at":
        t = parse_day_start(value)
        return t, t.strftime("%H:%M")
    if key == "rest_days":
        text = value.strip().lower()
        if text in ("", "none", "-"):
            return frozenset(), "none"
        days = set()
        for part in text.replace(" ", ",").split(","):
            if not part:
                continue
            if part not in WEEKDAYS:
                raise InputError(
                    f"invalid rest day {part!r}: use weekday names such as sat,sun, or none"
                )
            days.add(WEEKDAYS[part])
        fs = frozenset(days)
        return fs, format_rest_days(fs)
    if key == "weekly_target":
        try:
            n = int(value.strip())
        except ValueError:
            raise InputError(f"invalid weekly_target {value!r}: expected a whole number 1-7") from None
        if not 1 <= n <= 7:
            raise InputError(f"invalid weekly_target {value!r}: expected a whole number 1-7")
        return n, str(n)
    known = ", ".join(DEFAULTS)
    raise InputError(f"unknown setting {key!r}: known settings are {known}")
