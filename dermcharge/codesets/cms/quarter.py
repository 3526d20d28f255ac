"""Calendar quarters, the unit in which CMS releases the NCCI and MPFS files."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

_LABEL = re.compile(r"^(\d{4})\s*Q([1-4])$", re.IGNORECASE)


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int  # 1..4

    def __str__(self) -> str:
        return f"{self.year}Q{self.number}"

    @property
    def start(self) -> date:
        return date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> date:
        following = Quarter.of(self.start + timedelta(days=95))
        return following.start - timedelta(days=1)

    @staticmethod
    def of(day: date) -> Quarter:
        return Quarter(day.year, (day.month - 1) // 3 + 1)

    @staticmethod
    def parse(label: str) -> Quarter:
        match = _LABEL.match(label.strip())
        if not match:
            raise ValueError(f"{label!r} is not a quarter like 2026Q4")
        return Quarter(int(match.group(1)), int(match.group(2)))


def ncci_version_quarter(major: int, minor: int) -> Quarter:
    """NCCI version XX.Y -> its quarter: v32.0 is 2026Q1, v31.3 is 2025Q4.

    Our reading of CMS's numbering (one major version per year since 1995, minor = quarter - 1),
    checked against file names paired with dated MUE releases (v30.1 with Eff_04-01-2024, v31.3
    with Eff_10-01-2025). `dermcharge tables import --quarter` overrides it.
    """
    return Quarter(1994 + major, minor + 1)
