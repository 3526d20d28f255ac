"""The pathology loop in the app: the queue (overdue highlighted), a result typed in and entered
by clicks, the lesion timeline with a photo, and earlier lesions on the visit's body map."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from dermcharge.domain.record import Insurance, Patient, Provider, VisitRecord
from dermcharge.domain.visit import Diagnosis, Kind, Laterality, Payer, Procedure, Visit
from dermcharge.gui.app_backend import AppBackend
from dermcharge.gui.lesion_timeline import LesionTimelineWindow
from dermcharge.gui.main_window import MainWindow
from dermcharge.gui.pathology_queue import OVERDUE
from dermcharge.gui.visit_window import VisitWindow
from dermcharge.services import lesion_photos, lesions, pathology, visits
from dermcharge.services.database import open_app_database

TODAY = date(2026, 11, 20)


def _record(dos: date, procedures: tuple[Procedure, ...]) -> VisitRecord:
    return VisitRecord(
        visit=Visit(date_of_service=dos, payer=Payer.MEDICARE, procedures=procedures),
        patient=Patient("Ada", "Okafor", date(1951, 3, 14), "F", "A-1001"),
        insurance=(Insurance(payer_name="Medicare Part B", member_id="1EG4TE5MK73"),),
        provider=Provider(name="Jane Doe", npi="1234567893", credentials="MD"),
    )


def _biopsy(site: str, side: Laterality | None) -> Procedure:
    return Procedure(Kind.BIOPSY_PUNCH, site=site, laterality=side,
                     diagnosis=Diagnosis(icd10="D49.2"), path_pending=True)  # fmt: skip


@pytest.fixture
def backend(tmp_path, monkeypatch):
    monkeypatch.setenv("DERMCHARGE_DATA_DIR", str(tmp_path / "data"))
    db = open_app_database(f"sqlite:///{tmp_path / 'clinic.sqlite'}")
    old = visits.create_visit(db, _record(date(2026, 10, 1), (_biopsy("upper_arm", Laterality.RIGHT),)),
                              actor="test")  # fmt: skip
    lesions.attach_lesions(db, old.id, actor="test")
    new = visits.create_visit(db, _record(date(2026, 11, 16), (_biopsy("chest", None),)),
                              actor="test")  # fmt: skip
    lesions.attach_lesions(db, new.id, actor="test")
    yield AppBackend(db, "ma")
    db.dispose()


@pytest.fixture
def main_window(qtbot, backend):
    window = MainWindow(backend, TODAY, "ma", ("ICD-10-CM FY2026 loaded", None))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    for opened in window.pathology_menu.opened:
        opened.close()


def _click(window, widget) -> None:
    point = widget.mapTo(window, widget.rect().center())
    target = window.childAt(point) or window
    QTest.mouseClick(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(window, point))


def test_queue_highlights_overdue_and_a_typed_result_recodes(qtbot, main_window, backend):
    main_window.pathology_menu.queue_action.trigger()
    queue = main_window.pathology_menu.opened[-1]
    qtbot.waitExposed(queue)
    qtbot.waitUntil(queue.isActiveWindow, timeout=5000)
    assert queue.model.rowCount() == 2
    first = queue.proxy.index(0, 0)  # longest wait first: the arm, 50 days
    assert queue.proxy.data(first) == "Okafor, Ada"
    assert "overdue" not in queue.summary.text() or "2 waiting" in queue.summary.text()
    real_days = [r.days_waiting for r in queue.model.rows]
    overdue = [queue.proxy.data(queue.proxy.index(n, 0), Qt.ItemDataRole.BackgroundRole)
               for n in range(2)]  # fmt: skip
    assert [o == OVERDUE if o is not None else False for o in overdue] == [
        d > 10 for d in sorted(real_days, reverse=True)
    ]
    arm = queue.selected()
    assert arm is not None and arm.site == "upper_arm"

    _click(queue, queue.code_edit)
    assert QApplication.focusWidget() is queue.code_edit
    QTest.keyClicks(QApplication.focusWidget(), "C44.612")
    queue.margins.setCurrentIndex(queue.margins.findData("involved"))
    _click(queue, queue.enter_button)
    qtbot.waitUntil(lambda: queue.model.rowCount() == 1, timeout=5000)
    assert "C44.612" in queue.message.text() and "Mohs" in queue.message.text()
    stored = visits.open_visit(backend.db, arm.visit_id)
    assert stored.record.visit.procedures[0].diagnosis == Diagnosis(icd10="C44.612")
    assert [r.site for r in pathology.pending_pathology(backend.db)] == ["chest"]


def test_a_bad_code_is_refused_on_screen_and_nothing_changes(qtbot, main_window, backend):
    queue = main_window.pathology_menu.open_queue()
    qtbot.waitExposed(queue)
    qtbot.waitUntil(queue.isActiveWindow, timeout=5000)
    _click(queue, queue.code_edit)
    QTest.keyClicks(QApplication.focusWidget(), "C44.61")
    _click(queue, queue.enter_button)
    qtbot.waitUntil(lambda: "Not entered" in queue.message.text(), timeout=5000)
    assert "icd10" in queue.message.text()
    assert queue.model.rowCount() == 2


def test_timeline_shows_steps_and_attaches_a_photo_without_metadata(qtbot, backend, tmp_path):
    (arm,) = [t for t in lesions.patient_timelines(backend.db, 1) if t.lesion.site == "upper_arm"]
    window = LesionTimelineWindow(backend, arm.lesion.id)
    qtbot.addWidget(window)
    window.show()
    assert window.steps.topLevelItemCount() == 1
    assert window.steps.topLevelItem(0).text(3) == "pending"
    picture = QImage(400, 300, QImage.Format.Format_RGB32)
    picture.fill(QColor("#d9a38f"))
    picture.setText("GPSPosition", "41.0 N, 89.6 W")  # metadata Qt writes into the PNG
    path = tmp_path / "arm.png"
    assert picture.save(str(path), "PNG")
    assert b"GPSPosition" in path.read_bytes()
    photo_id = window.attach(path)
    assert photo_id is not None and window.photos.count() == 1
    stored = lesion_photos.photo(backend.db, arm.lesion.id, photo_id)
    assert stored is not None and b"GPSPosition" not in stored.image
    huge = tmp_path / "huge.jpg"
    huge.write_bytes(b"\xff\xd8\xff" + b"\x00" * lesion_photos.MAX_PHOTO_BYTES)
    assert window.attach(huge) is None
    assert "MB limit" in window.message.text() and window.photos.count() == 1


def test_earlier_lesions_show_faintly_on_the_map_and_open_their_timeline(qtbot, backend):
    chest_visit = next(s for s in visits.patient_history(backend.db, 1)
                       if s.date_of_service == date(2026, 11, 16))  # fmt: skip
    window = VisitWindow(backend.open_visit(chest_visit.id), backend)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    layer = window.lesion_history
    assert layer is not None
    assert [m.site for m in layer.markers] == ["upper_arm"]  # the chest lesion is this visit's
    (ring,) = layer.rings()
    assert "biopsy punch 2026-10-01" in ring.toolTip() and "pending" in ring.toolTip()
    view = window.editor.body_map.current_view()
    point = view.mapFromScene(ring.scenePos())
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(point))
    qtbot.waitUntil(lambda: bool(layer.opened), timeout=5000)
    assert isinstance(layer.opened[0], LesionTimelineWindow)
    layer.opened[0].close()


def test_a_new_procedure_at_an_earlier_lesion_continues_it(qtbot, backend):
    chest_visit = next(s for s in visits.patient_history(backend.db, 1)
                       if s.date_of_service == date(2026, 11, 16))  # fmt: skip
    window = VisitWindow(backend.open_visit(chest_visit.id), backend)
    qtbot.addWidget(window)
    window.show()
    (arm,) = [t.lesion for t in lesions.patient_timelines(backend.db, 1)
              if t.lesion.site == "upper_arm"]  # fmt: skip
    actions_before = len(window.flow.actions)
    window.flow.select_site("upper_arm", Laterality.RIGHT)
    window.flow.choose_kind(Kind.BIOPSY_TANGENTIAL)
    assert window.flow.visit.procedures[-1].lesion_id == arm.id
    assert "continues the earlier lesion" in window.statusBar().currentMessage()
    assert len(window.flow.actions) == actions_before + 2  # linking is not a user action
    window.flow.select_site("cheek", Laterality.LEFT)
    window.flow.choose_kind(Kind.BIOPSY_TANGENTIAL)
    new_id = window.flow.visit.procedures[-1].lesion_id
    assert new_id not in (None, arm.id)
    assert window.save()
    saved = visits.open_visit(backend.db, chest_visit.id).record.visit.procedures
    assert [p.lesion_id for p in saved][-2:] == [arm.id, new_id]
