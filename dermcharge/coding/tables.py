"""The CPT family tables (resources/data/coding_tables.json) and size-bracket lookup."""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from dermcharge.resource_files import resource_path

TENTH = Decimal("0.1")


@dataclass(frozen=True)
class BracketGap:
    """A measurement strictly between two CPT brackets (R-EX-9): no code can be chosen."""

    value: Decimal
    below: Decimal
    above: Decimal


def pick_bracket(value: Decimal, brackets: list[list[Any]]) -> Any:
    """The bracket entry for `value`, or a BracketGap.

    A bracket is [upper bound inclusive, entry]; its lower bound is the previous upper bound plus
    0.1, because CPT states its brackets to a tenth of a centimetre (coding-rules.md R-EX-3, R-EX-9).
    """
    previous_upper: Decimal | None = None
    for upper, entry in brackets:
        # An open-ended last bracket ("over 4.0 cm") starts right above the previous one.
        closed = upper is not None
        if (
            closed
            and previous_upper is not None
            and previous_upper < value < previous_upper + TENTH
        ):
            return BracketGap(value, previous_upper, previous_upper + TENTH)
        if upper is None or value <= Decimal(str(upper)):
            return entry
        previous_upper = Decimal(str(upper))
    return None  # beyond the last closed bracket with no open-ended one


@cache
def coding_tables() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        resource_path("data", "coding_tables.json").read_text(encoding="utf-8")
    )
    return data
