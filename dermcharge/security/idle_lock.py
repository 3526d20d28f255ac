"""Automatic logoff (HIPAA §164.312(a)(2)(iii)): the idle time after which the app locks."""

from __future__ import annotations

DEFAULT_IDLE_MINUTES = 10
MIN_IDLE_MINUTES = 1
MAX_IDLE_MINUTES = 240  # an unattended exam-room screen should never stay open longer
IDLE_SETTING = "idle_lock_minutes"


def idle_minutes_problems(value: object) -> list[str]:
    if isinstance(value, bool) or not isinstance(value, int):
        return [f"{IDLE_SETTING}: {value!r} must be a whole number of minutes"]
    if not MIN_IDLE_MINUTES <= value <= MAX_IDLE_MINUTES:
        return [
            f"{IDLE_SETTING}: {value} must be between {MIN_IDLE_MINUTES} and {MAX_IDLE_MINUTES}"
        ]
    return []


def parse_idle_minutes(text: str | None) -> int:
    """The stored setting, falling back to the default when absent or unreadable."""
    try:
        value = int(text) if text is not None else DEFAULT_IDLE_MINUTES
    except ValueError:
        return DEFAULT_IDLE_MINUTES
    return value if not idle_minutes_problems(value) else DEFAULT_IDLE_MINUTES
