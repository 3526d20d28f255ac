"""Benchmark: coding time against the number of biopsies on one visit, side by side.

Each row doubles the count; the last column is time(2n) / time(n): about 2 when coding is linear
in the count, about 4 when it grows with the square (issue 13 measured 2,500 biopsies 0.5 s,
10,000 9.3 s, 20,000 27.5 s before the fix). Visits this large are refused on input (at most
500 procedures by default); the engine is timed directly to show how it scales.
    .venv/bin/python bench/bench_biopsy_scaling.py [--largest 16000]
"""

from __future__ import annotations

import argparse
import time
from typing import Any

from dermcharge.coding.engine import code_visit
from dermcharge.coding.visit_json import parse_visit


def biopsies(count: int) -> dict[str, Any]:
    spots = [("thigh", "left"), ("forearm", "right"), ("cheek", "left"), ("scalp", None)]
    procedures = []
    for i in range(count):
        site, side = spots[i % len(spots)]
        procedure: dict[str, Any] = {"kind": "biopsy_tangential", "site": site, "finding": "bcc"}
        if side:
            procedure["laterality"] = side
        procedures.append(procedure)
    # One excision elsewhere, so the same-lesion rule has something to compare against.
    procedures.append(
        {"kind": "excision_malignant", "site": "upper_back", "lesion_cm": 1.0, "margin_cm": 0.3,
         "finding": "bcc"}
    )  # fmt: skip
    return {"date_of_service": "2026-11-20", "payer": "medicare", "procedures": procedures}


def seconds_to_code(count: int) -> float:
    visit = parse_visit(biopsies(count), max_procedures=count + 1)
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        code_visit(visit)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--largest", type=int, default=16_000)
    args = parser.parse_args()
    code_visit(parse_visit(biopsies(10)))  # warm the tables
    print(f"{'biopsies':>9} {'seconds':>9} {'x previous':>11}")
    previous = None
    count = 1000
    while count <= args.largest:
        took = seconds_to_code(count)
        ratio = f"{took / previous:>11.2f}" if previous else f"{'':>11}"
        print(f"{count:>9} {took:>9.3f} {ratio}")
        previous = took
        count *= 2


if __name__ == "__main__":
    main()
