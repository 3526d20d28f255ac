"""Make the README screenshots: the main window on a demo database, and the visit editor with the
standard visit coded. Run under a display (Xvfb in CI):

    xvfb-run -s "-screen 0 1600x1000x24" python -m dermcharge.gui.screenshots \
        --db sqlite:///demo.sqlite --out docs/images
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QApplication, QWidget

from dermcharge.domain.record import Insurance, Patient, Provider, VisitRecord
from dermcharge.domain.visit import Diagnosis, Kind, Laterality, Payer, Visit
from dermcharge.gui.app import code_set_status
from dermcharge.gui.app_backend import AppBackend
from dermcharge.gui.main_window import MainWindow
from dermcharge.gui.visit_window import VisitWindow
from dermcharge.services.database import open_app_database

SIZE = (1280, 800)


def _settle(rounds: int = 5) -> None:
    for _ in range(rounds):
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def _save(widget: QWidget, path: Path) -> None:
    _settle()
    widget.grab().save(str(path))
    print(f"wrote {path}")


def standard_record(provider: Provider, today: date) -> VisitRecord:
    return VisitRecord(
        visit=Visit(date_of_service=today, payer=Payer.MEDICARE),
        patient=Patient(
            first_name="Ada",
            last_name="Okafor",
            dob=date(1951, 3, 14),
            sex="F",
            account_number="SHOT-1001",
        ),
        insurance=(Insurance(payer_name="Medicare Part B", member_id="1EG4TE5MK73"),),
        provider=provider,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--out", type=Path, default=Path("docs/images"))
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    args.out.mkdir(parents=True, exist_ok=True)
    today = date.today()
    db = open_app_database(args.db)
    backend = AppBackend(db, "screenshots")
    window = MainWindow(backend, today, "Dr Jane Doe (demo)", code_set_status(today))
    window.resize(*SIZE)
    window.show()
    _save(window, args.out / "main-window.png")

    provider = backend.providers()[0].provider
    stored = backend.create_visit(standard_record(provider, today))
    visit_window = VisitWindow(stored, backend)
    visit_window.resize(*SIZE)
    visit_window.show()
    _settle()
    flow = visit_window.flow
    flow.select_site("forearm", Laterality.LEFT)
    flow.choose_kind(Kind.BIOPSY_TANGENTIAL)
    flow.select_site("forehead")
    flow.choose_kind(Kind.DESTRUCTION_PREMALIGNANT)
    flow.set_count(12)
    flow.set_em("99213")
    flow.set_em_diagnoses([Diagnosis(finding="psoriasis")])
    visit_window.save()
    _save(visit_window, args.out / "visit-editor.png")
    visit_window.close()
    window.close()
    db.dispose()
    app.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
