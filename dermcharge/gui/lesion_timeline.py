"""One lesion's timeline: each procedure with its diagnosis and pathology, and its photos
(attach from a file or by dropping one on the window; re-encoded by Qt, so no metadata)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dermcharge.anatomy.sites import describe
from dermcharge.domain.pathology_records import LesionStep
from dermcharge.gui.app_backend import AppBackend
from dermcharge.services import lesion_photos, lesions
from dermcharge.services.errors import InvalidRecord, StorageError

THUMBNAIL = 160  # pixels, the longer side
STEP_COLUMNS = ("Date", "Procedure", "Diagnosis", "Pathology", "Visit")


def encode_without_metadata(data: bytes) -> tuple[bytes, bytes]:
    """(picture, thumbnail) re-encoded by Qt — which writes no EXIF — or ValueError."""
    image = QImage.fromData(QByteArray(data))
    if image.isNull():
        raise ValueError("photo: the file is not a picture Qt can read (JPEG or PNG)")
    kind = lesion_photos.media_type(data)
    if kind is None:
        raise ValueError("photo: only JPEG and PNG pictures can be attached")
    fmt = "JPG" if kind == lesion_photos.JPEG else "PNG"
    small = image.scaled(QSize(THUMBNAIL, THUMBNAIL), Qt.AspectRatioMode.KeepAspectRatio,
                         Qt.TransformationMode.SmoothTransformation)  # fmt: skip
    return _encoded(image, fmt), _encoded(small, "JPG")


def _encoded(image: QImage, fmt: str) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, fmt, 90)
    return bytes(buffer.data().data())


def step_texts(step: LesionStep) -> tuple[str, ...]:
    if step.result is not None:
        path = step.result.icd10 + (f", margins {step.result.margins}" if step.result.margins
                                    else "")  # fmt: skip
        if step.result.note:
            path += f" — {step.result.note}"
    else:
        path = "pending" if step.path_pending else ""
    return (
        step.date_of_service.isoformat(),
        step.kind.replace("_", " "),
        step.diagnosis,
        path,
        f"{step.visit_id} ({step.status})",
    )


class LesionTimelineWindow(QWidget):
    """A lesion's steps, oldest first, and its photo thumbnails."""

    photo_added = Signal(int)  # photo id

    def __init__(self, backend: AppBackend, lesion_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.lesion_id = lesion_id
        self.visit_id: int | None = None  # the visit a new photo is taken at, when known
        self.setAcceptDrops(True)
        self.title = QLabel()
        self.steps = QTreeWidget()
        self.steps.setRootIsDecorated(False)
        self.steps.setHeaderLabels(list(STEP_COLUMNS))
        self.steps.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.photos = QListWidget()
        self.photos.setViewMode(QListView.ViewMode.IconMode)
        self.photos.setIconSize(QSize(THUMBNAIL, THUMBNAIL))
        self.photos.setFixedHeight(THUMBNAIL + 48)
        self.attach_button = QPushButton("&Attach photo…")
        self.attach_button.clicked.connect(self._on_attach_button_clicked)
        self.message = QLabel("Drop a JPEG or PNG here to attach it.")
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.attach_button)
        row.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.steps, 1)
        layout.addWidget(QLabel("Photos"))
        layout.addWidget(self.photos)
        layout.addLayout(row)
        self.refresh()
        self.resize(900, 560)

    def refresh(self) -> None:
        try:
            timeline = lesions.lesion_timeline(self.backend.db, self.lesion_id)
        except StorageError as error:
            self.title.setText(f"The lesion could not be read: {error}")
            return
        lesion = timeline.lesion
        where = describe(lesion.site, lesion.laterality) if lesion.site else ""
        label = lesion.label if lesion.label and lesion.label != where else ""
        self.title.setText(f"<b>{where or 'Lesion'}</b>" + (f" — {label}" if label else ""))
        self.setWindowTitle(f"Lesion timeline — {lesion.label or where} — dermcharge")
        self.steps.clear()
        known = ""
        for step in timeline.steps:
            texts = list(step_texts(step))
            if texts[2]:
                known = step.result.icd10 if step.result is not None else texts[2]
            elif known:  # a repair or follow-up takes the diagnosis of the wound it treats
                texts[2] = f"{known} (inherited)"
            self.steps.addTopLevelItem(QTreeWidgetItem(texts))
        for column in range(len(STEP_COLUMNS)):
            self.steps.resizeColumnToContents(column)
        self.photos.clear()
        for photo in timeline.photos:
            pixmap = QPixmap()
            pixmap.loadFromData(photo.thumbnail)
            text = photo.caption or photo.created_at.date().isoformat()
            self.photos.addItem(QListWidgetItem(QIcon(pixmap), text))
        if self.visit_id is None and timeline.steps:
            self.visit_id = timeline.steps[-1].visit_id

    def attach(self, path: Path) -> int | None:
        """Attach the picture at `path`; the message line says what happened."""
        try:
            data = path.read_bytes()
        except OSError as error:
            self.message.setText(f"Not attached: {path.name}: {error.strerror or error}")
            return None
        if len(data) > lesion_photos.MAX_PHOTO_BYTES:  # say so before decoding a huge file
            self.message.setText(
                "Not attached: " + "; ".join(lesion_photos.photo_problems(data, b""))[:200]
            )
            return None
        try:
            clean, thumbnail = encode_without_metadata(data)
            photo_id = lesion_photos.add_photo(
                self.backend.db, self.lesion_id, clean, thumbnail=thumbnail,
                visit_id=self.visit_id, caption=path.stem, actor=self.backend.actor,
            )  # fmt: skip
        except ValueError as error:
            self.message.setText(f"Not attached: {error}")
            return None
        except InvalidRecord as invalid:
            self.message.setText("Not attached: " + "; ".join(invalid.problems))
            return None
        self.message.setText(f"Attached {path.name} (stored without its metadata).")
        self.refresh()
        self.photo_added.emit(photo_id)
        return photo_id

    def _on_attach_button_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Attach a photo", "",
                                              "Pictures (*.jpg *.jpeg *.png)")  # fmt: skip
        if name:
            self.attach(Path(name))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            if url.isLocalFile():
                self.attach(Path(url.toLocalFile()))
        event.acceptProposedAction()
