"""Benchmark: coding a 60-procedure visit, side by side with one 60 Hz frame (16.7 ms).

The GUI recodes on every click, so the goal is a quarter of a frame (4.2 ms) per visit.
    .venv/bin/python bench/bench_coding.py [--rounds N]
"""

from __future__ import annotations

import argparse
import statistics
import time
from typing import Any

from dermcharge.codesets.icd10.releases import catalog_for
from dermcharge.coding.engine import code_visit
from dermcharge.coding.visit_json import parse_visit

FRAME_MS = 1000 / 60
SITES = [
    {"site": "mid_back"},
    {"site": "cheek", "laterality": "left"},
    {"site": "forearm", "laterality": "right"},
    {"site": "scalp"},
    {"site": "nose"},
    {"site": "thigh", "laterality": "left"},
]


def sixty_procedures() -> dict[str, Any]:
    kinds: list[dict[str, Any]] = [
        {"kind": "biopsy_tangential", "finding": "bcc"},
        {
            "kind": "excision_malignant",
            "lesion_cm": 1.0,
            "margin_cm": 0.3,
            "finding": "bcc",
            "repair": {"type": "intermediate", "length_cm": 3},
        },
        {"kind": "destruction_premalignant", "count": 2, "finding": "actinic_keratosis"},
        {
            "kind": "shave_removal",
            "lesion_cm": 0.7,
            "finding": "seborrheic_keratosis",
            "symptomatic": True,
        },
        {"kind": "mohs", "stages": [6, 2], "finding": "scc"},
        {"kind": "biopsy_punch", "finding": "melanocytic_nevus"},
    ]
    procedures = [kinds[i % 6] | SITES[(i // 6) % 6] for i in range(60)]
    return {
        "date_of_service": "2026-11-20",
        "payer": "medicare",
        "em": {"code": "99214", "diagnoses": [{"finding": "psoriasis"}]},
        "procedures": procedures,
    }


def measure(fn: Any, rounds: int) -> float:
    fn()  # warm caches (tables, ICD index) as the running app has them
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=200)
    rounds = parser.parse_args().rounds
    visit = parse_visit(sixty_procedures(), catalog_for=catalog_for)
    engine = measure(lambda: code_visit(visit, run_checks=False), rounds)
    full = measure(lambda: code_visit(visit), rounds)
    parse = measure(lambda: parse_visit(sixty_procedures(), catalog_for=catalog_for), rounds)
    print(f"60-procedure visit, median of {rounds} rounds (one 60 Hz frame = {FRAME_MS:.1f} ms)")
    for label, ms in (
        ("coding only", engine),
        ("coding + claim checks", full),
        ("parsing the visit JSON", parse),
    ):
        print(
            f"  {label:<24} {ms:7.2f} ms   {ms / FRAME_MS:5.2f} frames   "
            f"goal <= 0.25 frame: {'met' if ms <= FRAME_MS / 4 else 'NOT met'}"
        )


if __name__ == "__main__":
    main()
