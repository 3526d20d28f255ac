"""Superbill speed, measured side by side (goal: a superbill <= 2x a bare ReportLab page).

    .venv/bin/python bench/bench_superbill.py [--rounds 15] [--batch 200]

1. A typical superbill vs a bare ReportLab page holding the same tables (the superbill's own
   diagnosis and services tables, same embedded fonts, on a SimpleDocTemplate page with nothing
   else), built alternately so both see the same machine load.
2. A day's batch of N superbills as one PDF vs N single superbills rendered one by one.
Prints medians and ratios; no pass/fail, no timing asserts in tests.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from io import BytesIO
from pathlib import Path

from reportlab.lib.pagesizes import LETTER
from reportlab.platypus import SimpleDocTemplate

from dermcharge.domain.superbill_record import SuperbillRecord
from dermcharge.superbill import render_batch, render_superbill
from dermcharge.superbill.charge_tables import diagnosis_table, line_table
from dermcharge.superbill.fonts import register_fonts

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the tests' sample records
from tests.superbill.superbill_samples import PATIENT, typical_record


def typical(account: int = 1001) -> SuperbillRecord:
    """The tests' typical visit (E/M, 12 AKs, a malignant excision), clean, for one account."""
    patient = replace(PATIENT, account_number=f"A-{account}")
    return typical_record(patient=patient, visit_reference=f"Visit {account}", errors=())


def bare_page(record: SuperbillRecord) -> bytes:
    """The superbill's own diagnosis and services tables, alone on a plain page: the floor."""
    register_fonts()
    width = LETTER[0] - 72
    buffer = BytesIO()
    SimpleDocTemplate(buffer, pagesize=LETTER, leftMargin=36, rightMargin=36).build(
        [diagnosis_table(record, width), line_table(record, width)]
    )
    return buffer.getvalue()


def _seconds(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--batch", type=int, default=200)
    args = parser.parse_args()
    record = typical()
    render_superbill(record), bare_page(record)  # warm up: font parsing, imports
    superbill_times, bare_times = [], []
    for _ in range(args.rounds):
        superbill_times.append(_seconds(lambda: render_superbill(record)))
        bare_times.append(_seconds(lambda: bare_page(record)))
    superbill_ms = statistics.median(superbill_times) * 1000
    bare_ms = statistics.median(bare_times) * 1000
    print(f"single superbill       {superbill_ms:8.1f} ms (median of {args.rounds})")
    print(f"bare page, same table  {bare_ms:8.1f} ms")
    print(f"ratio superbill / bare {superbill_ms / bare_ms:8.2f}x  (goal <= 2x)")

    day = [replace(typical(1000 + i), visit_reference=f"Visit {i}") for i in range(args.batch)]
    batch_pdf: list[bytes] = []
    batch_s = _seconds(lambda: batch_pdf.append(render_batch(day)))
    singles_s = _seconds(lambda: [render_superbill(r) for r in day])
    size_kb = len(render_batch(day[:1])) / 1024
    per_visit_ms = batch_s / args.batch * 1000
    print(f"batch of {args.batch:<4}         {batch_s:8.2f} s  ({per_visit_ms:.1f} ms per visit)")
    print(f"{args.batch} singles one by one  {singles_s:8.2f} s")
    print(f"ratio batch / singles  {batch_s / singles_s:8.2f}x")
    print(f"one superbill PDF      {size_kb:8.1f} KiB")
    print(f"batch PDF              {len(batch_pdf[0]) / 1024:8.1f} KiB")


if __name__ == "__main__":
    main()
