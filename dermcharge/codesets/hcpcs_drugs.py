"""The CMS HCPCS Level II file applied to the drug table: the dates each drug code is valid and a
check of its billing unit against the descriptor (resources/data/drugs.json stays the shipped
default; an update is written to the local code-set folder).

The CMS yearly/quarterly HCPCS file (exported as CSV) has, among others, the columns HCPC,
LONG DESCRIPTION, ADD DT and TERM DT (dates as YYYYMMDD). Only the codes already in the drug
table are touched: a new drug needs a person to say what the visit records and which kinds use it.
"""

from __future__ import annotations

import copy
import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

UNIT_IN_DESCRIPTOR = re.compile(r"(\d+(?:\.\d+)?)\s*(mg|milligrams?|g|grams?|units?)\b", re.I)
GRAMS = ("g", "gram", "grams")


class HcpcsFileError(ValueError):
    """The file is not a readable HCPCS export; the message names the line or column."""


@dataclass(frozen=True)
class HcpcsRow:
    code: str
    descriptor: str
    added: date | None
    terminated: date | None


def _date(text: str, line: int, column: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    for pattern in ("%Y%m%d", "%Y-%m-%d", "%m/%d/%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise HcpcsFileError(f"line {line}: {column} {text!r} is not a date (YYYYMMDD)")


def read_hcpcs_csv(text: str) -> dict[str, HcpcsRow]:
    reader = csv.DictReader(io.StringIO(text))
    header = {name.strip().upper(): name for name in reader.fieldnames or ()}
    needed = ("HCPC", "LONG DESCRIPTION", "ADD DT", "TERM DT")
    missing = [name for name in needed if name not in header]
    if missing:
        raise HcpcsFileError(f"header: missing column(s) {', '.join(missing)}")
    rows: dict[str, HcpcsRow] = {}
    for line, raw in enumerate(reader, start=2):
        code = (raw[header["HCPC"]] or "").strip().upper()
        if not re.fullmatch(r"[A-Z0-9]{5}", code):
            raise HcpcsFileError(f"line {line}: HCPC {code!r} is not a 5-character code")
        rows[code] = HcpcsRow(
            code,
            (raw[header["LONG DESCRIPTION"]] or "").strip(),
            _date(raw[header["ADD DT"]] or "", line, "ADD DT"),
            _date(raw[header["TERM DT"]] or "", line, "TERM DT"),
        )
    return rows


def descriptor_unit(descriptor: str, measure: str) -> Decimal | None:
    """The amount one billing unit stands for, in the table's measure, read from the descriptor's
    last amount ('..., per 10 mg' -> 10; '1 gram' -> 1000 mg); None when it names none."""
    found = UNIT_IN_DESCRIPTOR.findall(descriptor)
    if not found:
        return None
    amount, unit = found[-1]
    value = Decimal(amount)
    unit = unit.lower()
    if measure == "mg" and unit in GRAMS:
        return value * 1000
    if (measure == "units") != unit.startswith("unit"):
        return None
    return value


def update_drug_table(
    table: dict[str, Any], rows: dict[str, HcpcsRow]
) -> tuple[dict[str, Any], list[str]]:
    """The drug table with each known code's dates from the file, and one note per change or
    per billing unit that disagrees with the descriptor (left for a person to settle)."""
    updated = copy.deepcopy(table)
    notes: list[str] = []
    for name, drug in updated["drugs"].items():
        for row in drug["codes"]:
            found = rows.get(row["hcpcs"])
            if found is None:
                continue
            if found.added is not None and found.added.isoformat() != row["from"]:
                notes.append(f"{row['hcpcs']}: valid from {found.added} (was {row['from']})")
                row["from"] = found.added.isoformat()
            # TERM DT is the last date the code may be used (HCPCS record layout).
            end_text = found.terminated.isoformat() if found.terminated else None
            if end_text != row["to"]:
                notes.append(f"{row['hcpcs']}: last valid {end_text or 'open'} (was {row['to']})")
                row["to"] = end_text
            unit = descriptor_unit(found.descriptor, drug["measure"])
            if unit is not None and unit != Decimal(str(row["per_unit"])) and "note" not in row:
                notes.append(
                    f"{row['hcpcs']} ({name}): the descriptor says {unit} {drug['measure']} a "
                    f"unit, the table {row['per_unit']}: check and correct the table by hand"
                )
    return updated, notes
