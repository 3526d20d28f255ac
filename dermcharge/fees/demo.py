"""The demo fee schedule that ships for first runs: example fees, nobody's real prices."""

from __future__ import annotations

from functools import cache

from dermcharge.fees.schedule import FeeSchedule
from dermcharge.fees.schedule_json import load_fee_schedule
from dermcharge.resource_files import resource_path


@cache
def demo_fee_schedule() -> FeeSchedule:
    """resources/data/demo_fee_schedule.json, marked `example_fees` so every print says so."""
    return load_fee_schedule(resource_path("data", "demo_fee_schedule.json"))
