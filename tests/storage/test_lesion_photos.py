"""Lesion photos: stored in the database without metadata, refused past the size limit, and
lesions continued at the same spot."""

from __future__ import annotations

import struct
import zlib

import pytest

from dermcharge.services import lesion_photos, lesions, visits
from dermcharge.storage.database import Database
from dermcharge.storage.errors import InvalidRecord
from tests.storage.test_cli_commands import _record_json


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _png(*extra: bytes) -> bytes:
    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)  # 1x1 grey
    pixels = zlib.compress(b"\x00\x80")
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + b"".join(extra)
            + _chunk(b"IDAT", pixels) + _chunk(b"IEND", b""))  # fmt: skip


GPS = b"GPS 41.0,-89.6 Canon EOS"
EXIF_APP1 = b"\xff\xe1" + struct.pack(">H", 2 + 6 + len(GPS)) + b"Exif\x00\x00" + GPS
JFIF_APP0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
SCAN = b"\xff\xda" + struct.pack(">H", 8) + b"\x01\x01\x00\x00\x3f\x00" + b"\x12\x34\xff\xd9"
JPEG_WITH_EXIF = b"\xff\xd8" + JFIF_APP0 + EXIF_APP1 + SCAN


def test_metadata_is_stripped_and_the_picture_kept() -> None:
    clean = lesion_photos.strip_metadata(JPEG_WITH_EXIF)
    assert GPS not in clean and b"Exif" not in clean
    assert clean == b"\xff\xd8" + JFIF_APP0 + SCAN
    png = _png(_chunk(b"tEXt", b"Author\x00Dr Who"), _chunk(b"eXIf", GPS))
    clean_png = lesion_photos.strip_metadata(png)
    assert GPS not in clean_png and b"Dr Who" not in clean_png
    assert clean_png == _png()
    with pytest.raises(ValueError, match="damaged"):
        lesion_photos.strip_metadata(JPEG_WITH_EXIF[:20])


def _patient_and_lesion(db: Database) -> tuple[int, int, int]:
    procedure = {"kind": "biopsy_punch", "site": "forearm", "laterality": "left",
                 "icd10": "D49.2"}  # fmt: skip
    stored = visits.import_visit_record(
        db, _record_json(procedures=[procedure], em=None), actor="ma"
    )
    stored = lesions.attach_lesions(db, stored.id, actor="ma")
    lesion_id = stored.record.visit.procedures[0].lesion_id
    assert lesion_id is not None
    return stored.patient_id, stored.id, lesion_id


def test_photos_are_stored_clean_and_shown_in_the_timeline(db: Database) -> None:
    _, visit_id, lesion_id = _patient_and_lesion(db)
    photo_id = lesion_photos.add_photo(db, lesion_id, JPEG_WITH_EXIF, thumbnail=_png(),
                                       visit_id=visit_id, caption="before", actor="ma")  # fmt: skip
    stored = lesion_photos.photo(db, lesion_id, photo_id)
    assert stored is not None and GPS not in stored.image and stored.media_type == "image/jpeg"
    (shown,) = lesions.lesion_timeline(db, lesion_id).photos
    assert shown.thumbnail == _png() and shown.image == b"" and shown.caption == "before"


def test_a_photo_past_the_limit_or_not_a_picture_is_refused(db: Database) -> None:
    _, visit_id, lesion_id = _patient_and_lesion(db)
    too_big = JPEG_WITH_EXIF + b"\x00" * lesion_photos.MAX_PHOTO_BYTES
    with pytest.raises(InvalidRecord) as refused:
        lesion_photos.add_photo(db, lesion_id, too_big, thumbnail=_png(), visit_id=visit_id,
                                actor="ma")  # fmt: skip
    assert "MB limit" in str(refused.value)
    with pytest.raises(InvalidRecord, match="only JPEG and PNG"):
        lesion_photos.add_photo(db, lesion_id, b"GIF89a...", thumbnail=_png(), visit_id=None,
                                actor="ma")  # fmt: skip
    assert lesions.lesion_timeline(db, lesion_id).photos == ()


def test_a_new_procedure_at_the_same_spot_continues_the_lesion(db: Database) -> None:
    patient_id, _, lesion_id = _patient_and_lesion(db)
    assert [lesion.id for lesion in lesions.continuable(db, patient_id, "forearm", "left")] == [
        lesion_id
    ]
    assert lesions.continuable(db, patient_id, "forearm", "right") == []
    again = visits.import_visit_record(
        db,
        _record_json(date_of_service="2026-11-19", em=None, procedures=[
            {"kind": "shave_removal", "site": "forearm", "laterality": "left", "lesion_cm": 0.5,
             "icd10": "D22.62"},
            {"kind": "shave_removal", "site": "cheek", "laterality": "left", "lesion_cm": 0.3,
             "icd10": "D22.39", "lesion_label": "brown macule"},
        ]),
        actor="ma",
    )  # fmt: skip
    procedures = lesions.attach_lesions(db, again.id, actor="ma").record.visit.procedures
    assert procedures[0].lesion_id == lesion_id
    assert procedures[1].lesion_id not in (None, lesion_id)
    labels = {lesion.id: lesion.label for lesion in lesions.lesions_of(db, patient_id)}
    assert labels[procedures[1].lesion_id] == "brown macule"  # type: ignore[index]
