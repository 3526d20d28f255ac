"""Dates as front-desk staff type them: 03/15/1948, 3/15/1948, 1948-03-15, 03151948, 19480315.

US offices write month first; ISO is accepted too. A typed date that could be read two ways is
refused with both readings named, never guessed.
"""

from __future__ import annotations

import re
from datetime import date

_US = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
FORMAT_HINT = "type it as MM/DD/YYYY (e.g. 03/15/1948) or YYYY-MM-DD"


class DateNotUnderstood(ValueError):
    pass


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_typed_date(text: str, *, earliest_year: int = 1900) -> date:
    """The date meant by `text`; DateNotUnderstood says why not, in words."""
    typed = text.strip()
    if not typed:
        raise DateNotUnderstood("is empty")
    candidates: set[date] = set()
    if match := _ISO.match(typed):
        year, month, day = (int(part) for part in match.groups())
        candidates.add(_make(year, month, day) or date.min)
    elif match := _US.match(typed):
        month, day, year = (int(part) for part in match.groups())
        candidates.add(_make(year, month, day) or date.min)
    elif typed.isdigit() and len(typed) == 8:
        month_first = _make(int(typed[4:]), int(typed[:2]), int(typed[2:4]))
        year_first = _make(int(typed[:4]), int(typed[4:6]), int(typed[6:]))
        candidates = {d for d in (month_first, year_first) if d and d.year >= earliest_year}
    else:
        raise DateNotUnderstood(f"{typed!r} is not a date: {FORMAT_HINT}")
    candidates.discard(date.min)
    if not candidates:
        raise DateNotUnderstood(f"{typed!r} is not a real date: {FORMAT_HINT}")
    if len(candidates) > 1:
        readings = " or ".join(d.strftime("%B %d, %Y") for d in sorted(candidates))
        raise DateNotUnderstood(f"{typed!r} could be {readings}: {FORMAT_HINT}")
    return candidates.pop()


def shown_date(value: date) -> str:
    """How the form shows a date it fills in (month first, as it is typed)."""
    return value.strftime("%m/%d/%Y")
