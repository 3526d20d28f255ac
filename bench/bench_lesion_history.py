"""Opening a patient with a long history: 200 lesions and 1,000 procedures.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_lesion_history.py
    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_lesion_history.py --db "$DERMCHARGE_TEST_PG_URL"

Times, side by side: opening the visit window for a new patient (no history) and for the
patient with history, and the history part alone (reading the timelines + drawing the rings on
the map). Goal (issue 17): the history on the map within one 60 Hz frame (16.7 ms) after the
visit opens. Prints the medians; exits 0.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from PySide6.QtWidgets import QApplication

from dermcharge.domain.claim import CodedClaim
from dermcharge.domain.record import Insurance, Patient, Provider, VisitRecord
from dermcharge.domain.visit import Diagnosis, Kind, Laterality, Payer, Procedure, Visit
from dermcharge.gui.app_backend import AppBackend
from dermcharge.gui.lesion_history_layer import history_markers
from dermcharge.gui.visit_window import VisitWindow
from dermcharge.services import lesions, visits
from dermcharge.storage import pathology_repository, visit_repository
from dermcharge.storage.database import Database, open_database

LESIONS = 200
PROCEDURES = 1000
SITES = ("cheek", "forearm", "upper_arm", "thigh", "lower_leg", "hand_dorsum", "temple", "ear")
FRAME_MS = 1000 / 60


def _empty_claim(_visit: Visit) -> CodedClaim:
    return CodedClaim(lines=(), diagnoses=())


def _record(account: str, dos: date) -> VisitRecord:
    return VisitRecord(
        visit=Visit(date_of_service=dos, payer=Payer.MEDICARE),
        patient=Patient("Ada", "Okafor", date(1951, 3, 14), "F", account),
        insurance=(Insurance(payer_name="Medicare Part B", member_id="1EG4TE5MK73"),),
        provider=Provider(name="Jane Doe", npi="1234567893", credentials="MD"),
    )


def fill(db: Database, today: date) -> tuple[int, int]:
    """A patient with 1,000 procedures on 200 lesions over six and a half years; returns (today's visit with
    history, a new patient's visit)."""
    first = visits.create_visit(db, _record("LONG-1", today - timedelta(days=2400)),
                                actor="bench", coder=_empty_claim)  # fmt: skip
    patient_id, at = first.patient_id, datetime.now(UTC)
    with db.write() as session:
        lesion_ids = []
        for n in range(LESIONS):
            site = SITES[n % len(SITES)]
            lesion_ids.append(pathology_repository.add_lesion(
                session, patient_id=patient_id, site=site, laterality="left" if n % 2 else "right",
                label=f"lesion {n + 1}", actor="bench", at=at))  # fmt: skip
        for v in range(PROCEDURES // 4):
            procedures = []
            for k in range(4):
                n = (v * 4 + k) % LESIONS
                procedures.append(Procedure(
                    Kind.SHAVE_REMOVAL, site=SITES[n % len(SITES)],
                    laterality=Laterality.LEFT if n % 2 else Laterality.RIGHT,
                    lesion_cm=Decimal("0.5"), diagnosis=Diagnosis(icd10="D22.62"),
                    lesion_id=lesion_ids[n]))  # fmt: skip
            visit = Visit(date_of_service=today - timedelta(days=2390 - v * 9),
                          payer=Payer.MEDICARE, procedures=tuple(procedures))  # fmt: skip
            visit_repository.add_visit(session, visit, None, patient_id=patient_id,
                                       provider_id=first.provider_id, place_of_service="11",
                                       actor="bench", at=at)  # fmt: skip
    today_visit = visits.create_visit(db, _record("LONG-1", today), actor="bench",
                                      coder=_empty_claim)  # fmt: skip
    new_visit = visits.create_visit(db, _record("NEW-1", today), actor="bench",
                                    coder=_empty_claim)  # fmt: skip
    return today_visit.id, new_visit.id


def _median_ms(run: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="an EMPTY database URL (default: a temporary SQLite file)")
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(args.db or f"sqlite:///{Path(folder) / 'bench.sqlite'}")
        backend = AppBackend(db, "bench")
        with_history, without = fill(db, date.today())
        steps = sum(len(t.steps) for t in lesions.patient_timelines(db, 1))
        print(f"patient: {LESIONS} lesions, {steps} procedures; {db.backend}")

        def open_window(visit_id: int) -> None:
            window = VisitWindow(backend.open_visit(visit_id), backend)
            window.show()
            app.processEvents()
            window.close()
            window.deleteLater()

        stored = backend.open_visit(with_history)
        window = VisitWindow(stored, backend)
        window.show()
        app.processEvents()

        timelines = lesions.patient_timelines(db, stored.patient_id)
        layer = window.lesion_history
        assert layer is not None

        def read() -> None:
            lesions.patient_timelines(db, stored.patient_id)

        def draw() -> None:
            layer.set_markers(history_markers(timelines, stored.id))

        new_ms = _median_ms(lambda: open_window(without), args.rounds)
        long_ms = _median_ms(lambda: open_window(with_history), args.rounds)
        read_ms = _median_ms(read, args.rounds)
        draw_ms = _median_ms(draw, args.rounds)
        rings = len(window.lesion_history.rings()) if window.lesion_history else 0
        window.close()
        db.dispose()
    print(f"{'open visit, new patient':<40} {new_ms:8.1f} ms")
    print(
        f"{'open visit, 200 lesions of history':<40} {long_ms:8.1f} ms  ({long_ms / new_ms:.2f}x)"
    )
    total = read_ms + draw_ms
    print(f"{'history: read 200 timelines':<40} {read_ms:8.1f} ms")
    print(f"{'history: draw ' + str(rings) + ' rings on the map':<40} {draw_ms:8.1f} ms")
    print(f"{'history: read + draw':<40} {total:8.1f} ms  "
          f"(goal {FRAME_MS:.1f} ms: {'met' if total <= FRAME_MS else 'NOT met'})")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
