"""Days grouped into the periods a report is read by: day, ISO week (from Monday), month."""

from __future__ import annotations

from datetime import date, timedelta

PERIODS = ("day", "week", "month")


def period_start(day: date, period: str) -> date:
    if period == "day":
        return day
    if period == "week":
        return day - timedelta(days=day.weekday())
    if period == "month":
        return day.replace(day=1)
    raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")
