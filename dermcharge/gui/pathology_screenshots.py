"""Make the README screenshots of the pathology loop: the pending-pathology queue and a lesion
timeline, on a fresh database filled through the services. Run under a display:

    xvfb-run -s "-screen 0 1600x1000x24" python -m dermcharge.gui.pathology_screenshots \
        --db sqlite:////tmp/path-shots.sqlite --out docs/images
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget

from dermcharge.domain.record import Insurance, Patient, Provider, VisitRecord
from dermcharge.domain.visit import Diagnosis, Kind, Laterality, Payer, Procedure, Visit
from dermcharge.gui.app_backend import AppBackend
from dermcharge.gui.lesion_timeline import LesionTimelineWindow
from dermcharge.gui.pathology_queue import PathologyQueueWindow
from dermcharge.services import lesions, pathology, visits
from dermcharge.services.database import Database, open_app_database

PROVIDER = Provider(name="Jane Doe", npi="1234567893", credentials="MD")
PEOPLE = (("Ada", "Okafor", "SHOT-1001"), ("Bruno", "Lindqvist", "SHOT-1002"),
          ("Chen", "Wei", "SHOT-1003"), ("Dolores", "Ibarra", "SHOT-1004"))  # fmt: skip


def _settle(rounds: int = 5) -> None:
    for _ in range(rounds):
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def _save(widget: QWidget, path: Path) -> None:
    _settle()
    widget.grab().save(str(path))
    print(f"wrote {path}")


def _visit(db: Database, who: tuple[str, str, str], dos: date, *procedures: Procedure) -> int:
    first, last, account = who
    record = VisitRecord(
        visit=Visit(date_of_service=dos, payer=Payer.MEDICARE, procedures=procedures),
        patient=Patient(first, last, date(1950, 5, 2), "F", account),
        insurance=(Insurance(payer_name="Medicare Part B", member_id="1EG4TE5MK73"),),
        provider=PROVIDER,
    )
    stored = visits.create_visit(db, record, actor="screenshots")
    return lesions.attach_lesions(db, stored.id, actor="screenshots").id


def _pending(kind: Kind, site: str, side: Laterality | None, label: str, lab: str) -> Procedure:
    return Procedure(kind, site=site, laterality=side, diagnosis=Diagnosis(icd10="D49.2"),
                     path_pending=True, lesion_label=label, path_accession=lab)  # fmt: skip


def fill(db: Database, today: date) -> int:
    """Four patients with biopsies waiting (two overdue); Ada's arm lesion followed from biopsy
    to Mohs and follow-up. Returns that lesion's id."""
    ada, bruno, chen, dolores = PEOPLE
    right = Laterality.RIGHT
    biopsy = _visit(db, ada, today - timedelta(days=60),
                    _pending(Kind.BIOPSY_PUNCH, "upper_arm", right, "6 mm pearly papule", "S26-0811"))  # fmt: skip
    pathology.enter_result(db, biopsy, 0, icd10="C44.612", note="nodular BCC", actor="screenshots")
    excision = _visit(db, ada, today - timedelta(days=50), Procedure(
        Kind.EXCISION_MALIGNANT, site="upper_arm", laterality=right, lesion_cm=Decimal("0.8"),
        margin_cm=Decimal("0.4"), diagnosis=Diagnosis(icd10="C44.612"), path_pending=True))  # fmt: skip
    pathology.enter_result(db, excision, 0, icd10="C44.612", margins="involved",
                           note="deep margin involved", actor="screenshots")  # fmt: skip
    _visit(db, ada, today - timedelta(days=44),
           Procedure(Kind.MOHS, site="upper_arm", laterality=right, stages=(2, 1),
                     diagnosis=Diagnosis(icd10="C44.612")),
           Procedure(Kind.REPAIR_INTERMEDIATE, site="upper_arm", laterality=right,
                     length_cm=Decimal("3.5")))  # fmt: skip
    _visit(
        db,
        ada,
        today - timedelta(days=35),
        Procedure(Kind.POSTOP_VISIT, site="upper_arm", laterality=right),
    )
    _visit(db, ada, today - timedelta(days=3),
           _pending(Kind.BIOPSY_TANGENTIAL, "nasal_ala", Laterality.LEFT, "2 mm scaly papule", "S26-1190"))  # fmt: skip
    _visit(db, bruno, today - timedelta(days=16),
           _pending(Kind.BIOPSY_PUNCH, "upper_back", None, "irregular 7 mm nevus", "S26-1002"))  # fmt: skip
    _visit(db, chen, today - timedelta(days=12),
           _pending(Kind.BIOPSY_INCISIONAL, "cheek", Laterality.LEFT, "firm 9 mm nodule", "S26-1051"))  # fmt: skip
    _visit(db, dolores, today - timedelta(days=6),
           _pending(Kind.BIOPSY_TANGENTIAL, "forearm", Laterality.RIGHT, "pink papule", "S26-1144"))  # fmt: skip
    (arm,) = [t for t in lesions.patient_timelines(db, visits.open_visit(db, biopsy).patient_id)
              if t.lesion.site == "upper_arm"]  # fmt: skip
    return arm.lesion.id


def _sample_photo(path: Path) -> Path:
    image = QImage(640, 480, QImage.Format.Format_RGB32)
    image.fill(QColor("#e8c4b0"))
    painter = QPainter(image)
    painter.setBrush(QColor("#b97a6a"))
    painter.setPen(QColor("#9a5d50"))
    painter.drawEllipse(280, 200, 80, 64)
    painter.end()
    image.save(str(path), "JPG")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--out", type=Path, default=Path("docs/images"))
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    args.out.mkdir(parents=True, exist_ok=True)
    db = open_app_database(args.db)
    backend = AppBackend(db, "screenshots")
    lesion_id = fill(db, date.today())
    queue = PathologyQueueWindow(backend)
    queue.resize(1180, 460)
    queue.show()
    _save(queue, args.out / "pathology-queue.png")
    timeline = LesionTimelineWindow(backend, lesion_id)
    timeline.attach(_sample_photo(args.out / "arm-before-mohs.jpg"))
    (args.out / "arm-before-mohs.jpg").unlink()
    timeline.resize(1000, 560)
    timeline.show()
    _save(timeline, args.out / "lesion-timeline.png")
    db.dispose()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
