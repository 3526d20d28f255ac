"""Coding + checking a 60-procedure visit against a quarter of a 60 Hz frame (4.2 ms).

The GUI recodes and rechecks the visit on every click, so both together must stay well inside a
frame. Prints the median time per visit for coding alone, checking alone and both, each beside
the 4.2 ms budget, measured side by side in one run.

usage: .venv/bin/python bench/bench_checks.py [--rounds N]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from dermcharge.checks.context import CheckContext
from dermcharge.checks.registry import run_checks
from dermcharge.codesets.icd10.releases import catalog_for
from dermcharge.coding.engine import code_visit
from dermcharge.coding.visit_json import parse_visit

BUDGET_S = 1 / 60 / 4  # a quarter of a 60 Hz frame: 4.17 ms
DOS = "2026-11-20"


def sixty_procedures() -> dict[str, Any]:
    """A busy Mohs-and-lesions day: every family, 60 procedures, an E/M."""
    kinds: list[dict[str, Any]] = [
        {"kind": "destruction_premalignant", "site": "scalp", "count": 6,
         "finding": "actinic_keratosis"},
        {"kind": "biopsy_tangential", "site": "chest", "finding": "bcc"},
        {"kind": "biopsy_punch", "site": "thigh", "laterality": "left",
         "finding": "benign_neoplasm"},
        {"kind": "shave_removal", "site": "upper_back", "lesion_cm": Decimal("0.8"),
         "finding": "seborrheic_keratosis", "symptomatic": True},
        {"kind": "excision_malignant", "site": "cheek", "laterality": "right",
         "lesion_cm": Decimal("1.0"), "margin_cm": Decimal("0.3"), "finding": "bcc",
         "repair": {"type": "intermediate", "length_cm": Decimal("3.0")}},
        {"kind": "excision_benign", "site": "forearm", "laterality": "left",
         "lesion_cm": Decimal("0.8"), "margin_cm": Decimal("0.2"),
         "finding": "epidermal_cyst", "symptomatic": True},
        {"kind": "destruction_benign", "count": 4, "finding": "wart"},
        {"kind": "skin_tag_removal", "site": "neck", "count": 5, "finding": "skin_tag",
         "symptomatic": True},
        {"kind": "mohs", "site": "nasal_ala", "laterality": "left", "stages": [6, 3],
         "finding": "bcc"},
        {"kind": "repair_complex", "site": "nasal_ala", "laterality": "left",
         "length_cm": Decimal("2.5")},
        {"kind": "intralesional_injection", "site": "chest", "count": 3,
         "drug": "triamcinolone_acetonide", "dose_mg": 20, "finding": "keloid"},
        {"kind": "incision_drainage", "site": "buttock", "laterality": "left",
         "finding": "abscess"},
    ]  # fmt: skip
    procedures = [dict(kinds[i % len(kinds)]) for i in range(60)]
    return {
        "date_of_service": DOS,
        "payer": "medicare",
        "em": {"code": "99214", "diagnoses": [{"finding": "rosacea"}]},
        "procedures": procedures,
    }


def interleaved_medians(actions: dict[str, Callable[[], object]], rounds: int) -> dict[str, float]:
    """Median seconds of each action, run in turn each round so load spikes hit all alike."""
    for action in actions.values():
        action()  # warm caches (tables, ICD index) as the running GUI has them
    samples: dict[str, list[float]] = {label: [] for label in actions}
    for _ in range(rounds):
        for label, action in actions.items():
            start = time.perf_counter()
            action()
            samples[label].append(time.perf_counter() - start)
    return {label: statistics.median(times) for label, times in samples.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    rounds = parser.parse_args().rounds
    catalog = catalog_for
    visit = parse_visit(sixty_procedures(), catalog_for=catalog)
    claim = code_visit(visit, catalog_for=catalog, run_checks=False)
    icd = catalog(visit.date_of_service)
    ctx = CheckContext(visit, claim, None, icd)

    medians = interleaved_medians(
        {
            "coding": lambda: code_visit(visit, catalog_for=catalog, run_checks=False),
            "checking": lambda: run_checks(ctx),
            "coding + checking": lambda: code_visit(visit, catalog_for=catalog),
        },
        rounds,
    )
    print(f"60-procedure visit: {len(claim.lines)} claim lines, {len(run_checks(ctx))} findings")
    print(f"budget (quarter of a 60 Hz frame): {BUDGET_S * 1000:.2f} ms")
    for label, seconds in medians.items():
        print(f"{label:>18}: {seconds * 1000:7.3f} ms  = {seconds / BUDGET_S:5.2f} x budget")
    both = medians["coding + checking"]
    verdict = "within" if both <= BUDGET_S else "OVER"
    print(f"coding + checking is {verdict} the budget (ratio {both / BUDGET_S:.2f})")


if __name__ == "__main__":
    main()
