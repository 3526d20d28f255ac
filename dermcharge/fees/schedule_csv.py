"""Reading a practice's fee list from CSV: a header `code,modifier,fee`, one charge a row.

A blank modifier is the code's plain fee; a row with a modifier is that modifier's own charge
(e.g. 52, reduced services). Every problem is reported at once, naming the line, the field and
the value, so a file is fixed in one go and nothing is stored from a file with a problem.
"""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal

from dermcharge.fees.schedule import Fee
from dermcharge.fees.schedule_json import InvalidFeeSchedule, parse_amount

HEADER = ("code", "modifier", "fee")
# CPT (five digits, or four and a letter for Category II/III) and HCPCS Level II (a letter and
# four digits): five letters or digits.
CODE = re.compile(r"^[0-9A-Z]{5}$")
MODIFIER = re.compile(r"^[0-9A-Z]{2}$")


def parse_fee_csv(text: str) -> dict[str, Fee]:
    """The fees by code; InvalidFeeSchedule listing every problem (line, field, value)."""
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    problems: list[str] = []
    if not rows or tuple(cell.strip().lower() for cell in rows[0]) != HEADER:
        first = ",".join(rows[0]) if rows else ""
        raise InvalidFeeSchedule([f"header: {first!r} must be {','.join(HEADER)}"])
    plain: dict[str, Decimal] = {}
    by_modifier: dict[str, dict[str, Decimal]] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        where = f"line {number}"
        if len(row) != len(HEADER):
            problems.append(f"{where}: {','.join(row)!r} must have 3 fields (code,modifier,fee)")
            continue
        code, modifier = (cell.strip().upper() for cell in row[:2])
        fee = row[2].strip()
        if not CODE.match(code):
            problems.append(f"{where}: code {code!r} is not a CPT/HCPCS code (5 letters/digits)")
        if modifier and not MODIFIER.match(modifier):
            problems.append(f"{where}: modifier {modifier!r} must be 2 letters/digits or blank")
        amount = parse_amount(fee, f"{where}: fee", problems)
        if amount is None or not CODE.match(code) or (modifier and not MODIFIER.match(modifier)):
            continue
        target = by_modifier.setdefault(code, {}) if modifier else plain
        key = modifier or code
        if key in target:
            problems.append(f"{where}: {code} {modifier or '(no modifier)'} is listed twice")
        target[key] = amount
    for code in sorted(set(by_modifier) - set(plain)):
        problems.append(f"code {code}: has modifier fees but no plain fee (a row with no modifier)")
    if problems:
        raise InvalidFeeSchedule(problems)
    if not plain:
        raise InvalidFeeSchedule(["the file lists no fees"])
    return {code: Fee(amount, by_modifier.get(code, {})) for code, amount in plain.items()}
