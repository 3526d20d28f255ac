"""The drug table (resources/data/drugs.json): which HCPCS code and billing unit a drug takes on
the date of service, and the JW/JZ rule for single-dose containers.

A partial billing unit is billed as a whole unit, and the discarded amount of a single-dose
container goes on its own JW line; JZ says nothing was discarded (CMS Pub. 100-04 ch. 17 §40;
CMS JW/JZ policy FAQs).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from dermcharge.app_dirs import code_sets_dir
from dermcharge.resource_files import resource_path


@dataclass(frozen=True)
class DrugCode:
    hcpcs: str
    per_unit: Decimal
    exact_dose: Decimal | None  # an old fixed-dose code that only expresses this dose
    source: str


@dataclass(frozen=True)
class Drug:
    name: str
    label: str
    measure: str  # "mg" or "units": the field the visit records the dose in
    max_dose: Decimal
    container: str  # single_dose, multi_dose or either
    codes: tuple[tuple[date, date | None, DrugCode], ...]

    def codes_on(self, on: date) -> list[DrugCode]:
        return [
            code for start, end, code in self.codes if start <= on and (end is None or on <= end)
        ]


def imported_path() -> Path:
    """Where `dermcharge tables import FILE --kind hcpcs-drugs` writes the updated table."""
    return code_sets_dir() / "drugs.json"


@cache
def _data() -> dict[str, Any]:
    """The drug table updated from a HCPCS file when one was imported, else the shipped one."""
    local = imported_path()
    path = local if local.is_file() else resource_path("data", "drugs.json")
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data


def shipped_or_imported() -> dict[str, Any]:
    return _data()


@cache
def drugs() -> dict[str, Drug]:
    table = {}
    for name, row in _data()["drugs"].items():
        codes = tuple(
            (
                date.fromisoformat(c["from"]),
                date.fromisoformat(c["to"]) if c["to"] else None,
                DrugCode(
                    c["hcpcs"],
                    Decimal(str(c["per_unit"])),
                    Decimal(str(c["exact_dose"])) if "exact_dose" in c else None,
                    c["source"],
                ),
            )
            for c in row["codes"]
        )
        table[name] = Drug(
            name, row["label"], row["measure"], Decimal(str(row["max_dose"])), row["container"],
            codes,
        )  # fmt: skip
    return table


def modifier_dates() -> tuple[date, date, str]:
    """(JW from, JZ required from, source)."""
    rules = _data()["modifier_rules"]
    return (
        date.fromisoformat(rules["jw_from"]),
        date.fromisoformat(rules["jz_from"]),
        rules["source"],
    )


def billing_units(amount: Decimal, per_unit: Decimal) -> int:
    """Units for an amount: a partial unit is billed as a whole one (Pub. 100-04 ch. 17 §40)."""
    return math.ceil(amount / per_unit)


def code_for_dose(drug: Drug, dose: Decimal, on: date) -> DrugCode | None:
    """The drug's code in force on `on` for this dose; None when no code in force expresses it
    (e.g. 60 mg of methylprednisolone acetate before J1010 existed)."""
    in_force = drug.codes_on(on)
    per_dose = [c for c in in_force if c.exact_dose is None]
    if per_dose:
        return per_dose[0]
    exact = [c for c in in_force if c.exact_dose == dose]
    return exact[0] if exact else None
