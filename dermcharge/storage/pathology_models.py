"""Table rows for the pathology loop: pathology results and lesion photos (the lesions table
itself is in models.py, beside the procedures that point to it).

They live on the same `Base.metadata` as `models.py` (same naming convention, same migration
check); migration 0005_pathology creates them and adds `lesion_id` and `path_pending` to
`visit_procedures`.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from dermcharge.storage.models import Base, LesionRow

__all__ = ["MARGINS", "LesionPhotoRow", "LesionRow", "PathologyResultRow"]

MARGINS = ("involved", "clear")


class PathologyResultRow(Base):
    """A pathology report entered for procedure `position` of a visit; the newest one counts."""

    __tablename__ = "pathology_results"
    __table_args__ = (
        CheckConstraint(f"margins IS NULL OR margins IN {MARGINS!r}", name="margins"),
        Index(None, "visit_id", "position"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"))
    position: Mapped[int]  # 0-based procedure index in the visit
    lesion_id: Mapped[int | None] = mapped_column(ForeignKey("lesions.id"), index=True)
    icd10: Mapped[str] = mapped_column(String(10))
    previous_diagnosis: Mapped[str] = mapped_column(String(80), default="")  # code or finding
    margins: Mapped[str | None] = mapped_column(String(10))
    note: Mapped[str] = mapped_column(Text, default="")
    entered_at: Mapped[datetime]
    entered_by: Mapped[str] = mapped_column(String(100))


class LesionPhotoRow(Base):
    """A photo of a lesion taken at a visit, stored in the database (backups and encryption cover
    it), re-encoded without its metadata, with a small thumbnail for lists."""

    __tablename__ = "lesion_photos"

    id: Mapped[int] = mapped_column(primary_key=True)
    lesion_id: Mapped[int] = mapped_column(ForeignKey("lesions.id"), index=True)
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visits.id"))
    media_type: Mapped[str] = mapped_column(String(20))  # image/jpeg or image/png
    image: Mapped[bytes] = mapped_column(LargeBinary)
    thumbnail: Mapped[bytes] = mapped_column(LargeBinary)
    caption: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(100))
