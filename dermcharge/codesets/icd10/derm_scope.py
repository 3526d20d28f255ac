"""Which ICD-10-CM codes count as dermatology codes, so that search can rank them first.

The list is data (`resources/data/icd10cm/derm_scope.json`, with its source); it is a ranking
preference only and never decides whether a code is valid or billable.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache

from dermcharge.resource_files import resource_path

SCOPE_FILE = ("data", "icd10cm", "derm_scope.json")


@cache
def derm_prefixes() -> tuple[str, ...]:
    """The code prefixes in the scope file, in compact form (no dot), e.g. ("L", "C43", "D485")."""
    data = json.loads(resource_path(*SCOPE_FILE).read_text(encoding="utf-8"))
    return tuple(str(entry["prefix"]).replace(".", "").upper() for entry in data["prefixes"])


def is_derm_code(code: str, prefixes: Sequence[str] | None = None) -> bool:
    """True when the code (dotted or not) falls under one of the dermatology prefixes."""
    compact = code.replace(".", "").upper()
    return any(compact.startswith(prefix) for prefix in prefixes or derm_prefixes())
