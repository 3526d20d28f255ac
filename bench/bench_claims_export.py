"""Claims export speed, side by side (goal: 837P and HL7 each <= 3x JSON of the same claims).

    .venv/bin/python bench/bench_claims_export.py [--claims 1000] [--rounds 5]

The same N claim records (the shared example cases, cycled, with patients who are and are not
the subscriber) written as: JSON (json.dumps of the records: the floor), X12 837P, HL7 v2.5.1
DFT^P03 (hl7apy), FHIR R4 and CSV, alternately so all see the same machine load. Beside them,
the time pyx12 takes to validate the 837P file (what `x12valid` does). Prints medians and ratios;
no pass/fail, no timing asserts in tests.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from dermcharge.claims_out.claim_record import ClaimLineOut, ClaimOut, Envelope
from dermcharge.claims_out.claims_csv import write_claims_csv
from dermcharge.claims_out.fhir_claims import claims_bundle
from dermcharge.claims_out.hl7_dft import write_dft_messages
from dermcharge.claims_out.x12_837p import write_837p
from dermcharge.coding.engine import code_visit
from dermcharge.coding.visit_json import parse_visit
from dermcharge.domain.record import (
    Address,
    Insurance,
    Patient,
    Practice,
    Provider,
    SubscriberPerson,
)

CASES = Path("/work/shared/cases")
ADDRESS = Address("1 Main St", "", "Springfield", "IL", "62701")


def claims(count: int) -> list[ClaimOut]:
    """N priced claims from the example cases (each coded once, then copied with new ids)."""
    coded = []
    for path in sorted(CASES.glob("*.json")):
        visit = parse_visit(json.loads(path.read_text())["input"])
        coded.append(code_visit(visit))
    practice = Practice(
        "Prairie Dermatology",
        "1679576722",
        "371234567",
        "217-555-0199",
        Address("200 Oak Ave", "", "Springfield", "IL", "627011234"),
        "207N00000X",
    )
    provider = Provider("Jane Doe", "1234567893", "MD", "207N00000X")
    result = []
    for number in range(count):
        claim = coded[number % len(coded)]
        positions = {code: n for n, code in enumerate(claim.diagnoses, start=1)}
        lines = tuple(
            ClaimLineOut(
                line.cpt,
                line.modifiers,
                line.units,
                Decimal("95.50"),
                tuple(positions[c] for c in line.diagnoses if c in positions)[:4],
                line.description,
            )
            for line in claim.lines
        )
        subscriber = SubscriberPerson("Obi", "Okafor", date(1949, 7, 2), "M", ADDRESS)
        insurance = Insurance(
            "Blue Cross",
            f"XYZ{number}",
            group="G1",
            subscriber="self" if number % 2 else "spouse",
            payer_id="00621",
            subscriber_person=None if number % 2 else subscriber,
        )
        result.append(ClaimOut(
            visit_id=number + 1, claim_id=f"DC{number + 1}-0", frequency="1",
            original_claim_id="", date_of_service=date(2026, 11, 20), place_of_service="11",
            patient=Patient("Ada", "Okafor", date(1951, 3, 14), "F", f"A-{number}",
                            address=ADDRESS),
            insurance=insurance, payer_kind="commercial", provider=provider, practice=practice,
            diagnoses=claim.diagnoses, lines=lines,
        ))  # fmt: skip
    return result


def _seconds(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    batch = claims(args.claims)
    envelope = Envelope("1679576722", "Prairie Dermatology", "CLEARINGHOUSE", "CLEARINGHOUSE",
                        "Prairie Dermatology", "2175550199", 1, 1, datetime.now(UTC))  # fmt: skip
    writers: dict[str, Callable[[], object]] = {
        "json": lambda: json.dumps([dataclasses.asdict(c) for c in batch], default=str),
        "837p": lambda: write_837p(batch, envelope),
        "hl7": lambda: write_dft_messages(batch, envelope),
        "fhir": lambda: json.dumps(claims_bundle(batch, envelope)),
        "csv": lambda: write_claims_csv(batch),
    }
    times: dict[str, list[float]] = {name: [] for name in writers}
    for _ in range(args.rounds):
        for name, work in writers.items():
            times[name].append(_seconds(work))
    medians = {name: statistics.median(values) for name, values in times.items()}
    print(f"{args.claims} claims, {sum(len(c.lines) for c in batch)} lines, "
          f"median of {args.rounds} rounds")  # fmt: skip
    for name, median in medians.items():
        ratio = median / medians["json"]
        goal = "  (goal <= 3x)" if name in ("837p", "hl7") else ""
        print(f"  {name:<5} {median * 1000:9.1f} ms   {ratio:6.2f}x JSON{goal}")
    import pyx12.params
    import pyx12.x12n_document

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "batch.837"
        path.write_text(write_837p(batch, envelope), encoding="ascii")
        start = time.perf_counter()
        with path.open(encoding="ascii") as source:
            ok = pyx12.x12n_document.x12n_document(
                param=pyx12.params.params(), src_file=source, fd_997=None, fd_html=None
            )
        took = time.perf_counter() - start
    print(f"  pyx12 validation of the 837P: {took * 1000:9.1f} ms "
          f"({took / medians['837p']:.1f}x writing it), {'OK' if ok else 'FAILED'}")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
