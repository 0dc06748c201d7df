"""Journal settings: names, defaults, validation. Pure (no database).

Settings live in the journal itself (table `setting`) so that a backup or an export
carries them, and two journals (two SHIPIT_HOMEs) can differ.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

from shipit.domain.errors import InputError

WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

DEFAULTS = {"day_starts_at": "00:00", "rest_days": "none", "weekly_target": "5",
            "language": "auto"}  # fmt: skip
# The settings the figures depend on (exported with the journal); `language` is how this
# journal's interface speaks, not part of its data.
FIGURE_KEYS = ("day_starts_at", "rest_days", "weekly_target")
# What each setting means: message keys (shipit/i18n/<lang>/stats.py), worded when shown
# (`describe`).
# This device's sync settings (docs/sync.md: auto-sync). Stored in the journal like the
# others but never sent to the hub: each device decides for itself. Not figures' inputs.
SYNC_DEFAULTS = {"sync.auto": "off", "sync.timeout": "2"}
SYNC_TIMEOUT_RANGE = (2.0, 60.0)
DESCRIPTIONS = {
    "day_starts_at": "stats.setting.day_starts_at",
    "rest_days": "stats.setting.rest_days",
    "weekly_target": "stats.setting.weekly_target",
    "language": "stats.setting.language",
}


@dataclass(frozen=True)
class Settings:
    day_starts_at: time = time(0, 0)
    rest_days: frozenset[int] = frozenset()  # 0 = Monday
    weekly_target: int = 5
    language: str = "auto"  # de, en or auto (shipit.i18n decides)

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
            "language": self.language,
        }


def describe(key: str) -> str:
    """What the setting `key` means, in the reader's language ('' when unknown)."""
    from shipit.i18n import is_key, t

    text = DESCRIPTIONS.get(key, "")
    return t(text) if is_key(text) else text


def suggested_values(key: str) -> list[tuple[str, str]]:
    """Values worth offering for a setting (shell completion): (value, what it means), in
    the reader's language."""
    from shipit.i18n import t

    if key == "day_starts_at":
        return [("00:00", t("stats.value.midnight")), ("03:00", ""),
                ("04:00", t("stats.value.day_before")), ("05:00", "")]  # fmt: skip
    if key == "rest_days":
        return [("none", t("stats.value.every_day")), ("sat,sun", t("stats.value.weekends_off")),
                ("sun", t("stats.value.sundays_off"))]  # fmt: skip
    if key == "language":
        return [("auto", t("stats.value.auto")), ("de", "Deutsch"), ("en", "English")]
    if key == "weekly_target":
        return [(str(n), t("stats.value.weekly_target", n=n)) for n in range(1, 8)]
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
            raise InputError("stats.invalid_sync_auto" if key == "sync.auto"
                             else "stats.invalid_sync_timeout", value=value)  # fmt: skip
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
                raise InputError("stats.invalid_rest_day", value=part)
            days.add(WEEKDAYS[part])
        fs = frozenset(days)
        return fs, format_rest_days(fs)
    if key == "weekly_target":
        try:
            n = int(value.strip())
        except ValueError:
            raise InputError("stats.invalid_weekly_target", value=value) from None
        if not 1 <= n <= 7:
            raise InputError("stats.invalid_weekly_target", value=value)
        return n, str(n)
    if key == "language":
        from shipit.i18n import CHOICES

        choice = value.strip().lower()
        if choice not in CHOICES:
            raise InputError("core.invalid_language", value=value)
        return choice, choice
    raise InputError("stats.unknown_setting", key=key,
                     known=", ".join([*DEFAULTS, "author", *SYNC_DEFAULTS]))  # fmt: skip
