"""Reading fee schedules from JSON: the shipped demo file and clear errors for bad files."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from dermcharge.codesets.cpt import cpt_table
from dermcharge.fees.demo import demo_fee_schedule
from dermcharge.fees.schedule_json import (
    InvalidFeeSchedule,
    fee_schedule_from_json,
    load_fee_schedule,
)
from dermcharge.resource_files import resource_path


def _valid() -> dict[str, Any]:
    return {
        "provenance": {"source": "test", "example_fees": False},
        "payer": "Medicare",
        "label": "Practice fees 2026",
        "effective_from": "2026-01-01",
        "effective_to": "2026-12-31",
        "fees": {
            "17000": "110.00",
            "17003": 12,
            "11102": {"fee": "150", "by_modifier": {"52": "75"}},
        },
    }


def test_valid_schedule_reads_amounts_as_decimals() -> None:
    schedule = fee_schedule_from_json(_valid())
    assert schedule.payer == "medicare"
    assert schedule.effective_to == date(2026, 12, 31)
    assert schedule.fee_for("17003") == Decimal("12.00")
    assert schedule.fee_for("11102", ["52"]) == Decimal("75.00")
    assert schedule.example_fees is False


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"payer": ""}, "payer:"),
        ({"label": None}, "label:"),
        ({"effective_from": "2026-13-01"}, "effective_from:"),
        ({"effective_to": "2025-01-01"}, "effective_to: is before"),
        ({"fees": {}}, "fees:"),
        ({"fees": {"17000": "-5"}}, "fees.17000:"),
        ({"fees": {"17000": "1.005"}}, "fees.17000:"),
        ({"fees": {"17000": "abc"}}, "fees.17000:"),
        ({"fees": {"17000": True}}, "fees.17000:"),
        ({"fees": {"11102": {"fee": "1", "by_modifier": {"52": "x"}}}}, "fees.11102.by_modifier"),
    ],
)
def test_each_problem_is_named(change: dict[str, Any], problem: str) -> None:
    data = _valid() | change
    with pytest.raises(InvalidFeeSchedule) as raised:
        fee_schedule_from_json(data)
    assert any(p.startswith(problem) for p in raised.value.problems), raised.value.problems


def test_unreadable_file_names_the_file(tmp_path: Path) -> None:
    broken = tmp_path / "fees.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(InvalidFeeSchedule) as raised:
        load_fee_schedule(broken)
    assert str(broken) in raised.value.problems[0]
    with pytest.raises(InvalidFeeSchedule):
        load_fee_schedule(tmp_path / "missing.json")


def test_demo_schedule_is_labelled_as_example_fees() -> None:
    demo = demo_fee_schedule()
    raw = json.loads(resource_path("data", "demo_fee_schedule.json").read_text(encoding="utf-8"))
    assert demo.example_fees is True
    assert "example" in demo.label.lower()
    assert "EXAMPLE FEES" in raw["provenance"]["source"]
    assert demo.payer == "any"


def test_demo_schedule_prices_every_code_the_engine_can_emit() -> None:
    demo = demo_fee_schedule()
    on = date(2026, 11, 20)
    missing = [c.code for c in cpt_table().codes() if demo.fee_for(c.code, on=on) is None]
    assert missing == []
    # The families named in the brief, explicitly, in case the CPT table ever shrinks.
    for code in (
        "10040",
        "11102",
        "11642",
        "13151",
        "14060",
        "17000",
        "17003",
        "17004",
        "17311",
        "17315",
        "96900",
        "96922",
        "99202",
        "99215",
        "J3301",
    ):
        assert demo.fee_for(code, on=on) is not None, code
