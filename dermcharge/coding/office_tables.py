"""The office-procedure table (resources/data/office_procedures.json): codes of the kinds added
by issue 20 (PDT, grafts, tests, small procedures, cosmetic services)."""

from __future__ import annotations

import json
import math
from decimal import Decimal
from functools import cache
from typing import Any

from dermcharge.resource_files import resource_path


@cache
def office_tables() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        resource_path("data", "office_procedures.json").read_text(encoding="utf-8")
    )
    return data


def add_on_units(area: Decimal, first: int, step: int) -> int:
    """Units of an 'each additional N sq cm, or part thereof' add-on beyond the first N."""
    return max(0, math.ceil((area - first) / step))
