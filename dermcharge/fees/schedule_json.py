"""Reading a fee schedule from JSON (the shipped demo file or a practice's own) with clear errors.

Format: {"provenance": {"source": ..., "example_fees": bool}, "payer": "any", "label": ...,
"effective_from": "YYYY-MM-DD", "effective_to": null, "currency": "USD",
"fees": {"17000": "110.00", "11102": {"fee": "150.00", "by_modifier": {"52": "75.00"}}}}.
Amounts are strings or numbers with at most two decimal places and never negative.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from dermcharge.fees.schedule import Fee, FeeSchedule


class InvalidFeeSchedule(ValueError):
    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


def parse_amount(value: Any, where: str, problems: list[str]) -> Decimal | None:
    """The amount (two decimal places), or None with the problem naming `where` and the value."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        problems.append(f'{where}: must be an amount such as "125.00"')
        return None
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        problems.append(f"{where}: {value!r} is not an amount")
        return None
    if not amount.is_finite() or amount < 0 or amount != amount.quantize(Decimal("0.01")):
        problems.append(f"{where}: {value!r} must be 0 or more with at most two decimal places")
        return None
    return amount.quantize(Decimal("0.01"))


def _date(value: Any, where: str, problems: list[str]) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        pass
    problems.append(f"{where}: must be a date YYYY-MM-DD")
    return None


def _fee(code: str, raw: Any, problems: list[str]) -> Fee | None:
    where = f"fees.{code}"
    if not isinstance(raw, dict):
        amount = parse_amount(raw, where, problems)
        return None if amount is None else Fee(amount)
    amount = parse_amount(raw.get("fee"), f"{where}.fee", problems)
    by_modifier: dict[str, Decimal] = {}
    raw_modifiers = raw.get("by_modifier", {})
    if not isinstance(raw_modifiers, dict):
        problems.append(f"{where}.by_modifier: must be an object of modifier: amount")
        raw_modifiers = {}
    for modifier, value in raw_modifiers.items():
        specific = parse_amount(value, f"{where}.by_modifier.{modifier}", problems)
        if specific is not None:
            by_modifier[str(modifier).strip().upper()] = specific
    return None if amount is None else Fee(amount, by_modifier)


def fee_schedule_from_json(data: Any) -> FeeSchedule:
    """A FeeSchedule from parsed JSON; raises InvalidFeeSchedule naming every problem."""
    if not isinstance(data, dict):
        raise InvalidFeeSchedule(["the fee schedule must be a JSON object"])
    problems: list[str] = []
    provenance = data.get("provenance", {})
    if not isinstance(provenance, dict):
        problems.append("provenance: must be an object")
        provenance = {}
    payer = data.get("payer")
    if not isinstance(payer, str) or not payer.strip():
        problems.append('payer: must name a payer ("medicare", "commercial" ...) or "any"')
    label = data.get("label")
    if not isinstance(label, str) or not label.strip():
        problems.append('label: must be a name people read, e.g. "Practice fees 2026"')
    start = _date(data.get("effective_from"), "effective_from", problems)
    raw_end = data.get("effective_to")
    end = None if raw_end is None else _date(raw_end, "effective_to", problems)
    if start and end and end < start:
        problems.append("effective_to: is before effective_from")
    raw_fees = data.get("fees")
    fees: dict[str, Fee] = {}
    if not isinstance(raw_fees, dict) or not raw_fees:
        problems.append("fees: must be an object of code: fee with at least one code")
    else:
        for code, raw in raw_fees.items():
            fee = _fee(str(code), raw, problems)
            if fee is not None:
                fees[str(code).strip().upper()] = fee
    if problems:
        raise InvalidFeeSchedule(problems)
    assert isinstance(payer, str) and isinstance(label, str) and start is not None
    return FeeSchedule(
        payer=payer.strip().lower(),
        label=label.strip(),
        effective_from=start,
        effective_to=end,
        fees=fees,
        source=str(provenance.get("source", "")),
        example_fees=bool(provenance.get("example_fees", False)),
        currency=str(data.get("currency", "USD")),
    )


def load_fee_schedule(path: Path) -> FeeSchedule:
    """Read a fee schedule file; unreadable or malformed files raise InvalidFeeSchedule."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InvalidFeeSchedule([f"{path}: cannot be read ({error.strerror})"]) from error
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise InvalidFeeSchedule([f"{path}: is not valid JSON ({error})"]) from error
    try:
        return fee_schedule_from_json(data)
    except InvalidFeeSchedule as error:
        raise InvalidFeeSchedule([f"{path}: {p}" for p in error.problems]) from error
