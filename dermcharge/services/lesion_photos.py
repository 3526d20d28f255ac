"""Lesion photos: JPEG or PNG, at most MAX_PHOTO_BYTES, stored in the database with a thumbnail,
and never with their metadata (EXIF holds the camera, the time and often the GPS position).

Metadata is removed here without decoding the picture: JPEG APPn segments other than JFIF/Adobe
and comment segments go, PNG text, time and EXIF chunks go. The GUI also re-encodes through Qt,
which writes none; this pass makes sure whatever path a photo comes in by, none is kept.
"""

from __future__ import annotations

import struct
import zlib

from dermcharge.domain.pathology_records import PhotoRecord
from dermcharge.storage import pathology_repository
from dermcharge.storage.database import Database
from dermcharge.storage.errors import InvalidRecord

MAX_PHOTO_BYTES = 8 * 1024 * 1024
MAX_THUMBNAIL_BYTES = 256 * 1024
JPEG = "image/jpeg"
PNG = "image/png"
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Kept JPEG markers before the scan: APP0 (JFIF) and APP14 (Adobe colour transform) only.
_KEEP_APP = frozenset({0xE0, 0xEE})
_DROP_PNG = frozenset({b"eXIf", b"tEXt", b"zTXt", b"iTXt", b"tIME"})


def media_type(data: bytes) -> str | None:
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(_PNG_SIGNATURE):
        return PNG
    return None


def strip_metadata(data: bytes) -> bytes:
    """The same picture without its metadata; raises ValueError for a damaged file."""
    kind = media_type(data)
    if kind == JPEG:
        return _strip_jpeg(data)
    if kind == PNG:
        return _strip_png(data)
    raise ValueError("not a JPEG or PNG file")


def _strip_jpeg(data: bytes) -> bytes:
    out = bytearray(b"\xff\xd8")
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            raise ValueError("damaged JPEG (segment marker expected)")
        marker = data[pos + 1]
        if marker == 0xDA:  # start of scan: the picture itself follows, copied as it is
            out += data[pos:]
            return bytes(out)
        length = struct.unpack(">H", data[pos + 2 : pos + 4])[0]
        segment = data[pos : pos + 2 + length]
        if len(segment) < 2 + length:
            raise ValueError("damaged JPEG (segment runs past the end)")
        if not ((0xE0 <= marker <= 0xEF and marker not in _KEEP_APP) or marker == 0xFE):
            out += segment
        pos += 2 + length
    raise ValueError("damaged JPEG (no image data)")


def _strip_png(data: bytes) -> bytes:
    out = bytearray(_PNG_SIGNATURE)
    pos = len(_PNG_SIGNATURE)
    while pos + 12 <= len(data):
        length = struct.unpack(">I", data[pos : pos + 4])[0]
        kind = data[pos + 4 : pos + 8]
        end = pos + 12 + length
        if end > len(data):
            raise ValueError("damaged PNG (chunk runs past the end)")
        crc = struct.unpack(">I", data[end - 4 : end])[0]
        if zlib.crc32(data[pos + 4 : end - 4]) != crc:
            raise ValueError("damaged PNG (checksum)")
        if kind not in _DROP_PNG:
            out += data[pos:end]
        if kind == b"IEND":
            return bytes(out)
        pos = end
    raise ValueError("damaged PNG (no end chunk)")


def photo_problems(data: bytes, thumbnail: bytes) -> list[str]:
    problems = []
    if len(data) > MAX_PHOTO_BYTES:
        problems.append(
            f"photo: {len(data) / 1024 / 1024:.1f} MB is larger than the "
            f"{MAX_PHOTO_BYTES // 1024 // 1024} MB limit; export it smaller and attach it again"
        )
    elif media_type(data) is None:
        problems.append("photo: only JPEG and PNG pictures can be attached")
    if not thumbnail or len(thumbnail) > MAX_THUMBNAIL_BYTES or media_type(thumbnail) is None:
        problems.append("thumbnail: must be a JPEG or PNG of at most 256 KB")
    return problems


def add_photo(
    db: Database,
    lesion_id: int,
    data: bytes,
    *,
    thumbnail: bytes,
    visit_id: int | None,
    caption: str = "",
    actor: str,
) -> int:
    """Store a photo of a lesion (metadata removed); InvalidRecord names what is wrong."""
    problems = photo_problems(data, thumbnail)
    if problems:
        raise InvalidRecord(problems)
    try:
        clean, small = strip_metadata(data), strip_metadata(thumbnail)
    except ValueError as damaged:
        raise InvalidRecord([f"photo: {damaged}"]) from None
    with db.write() as session:
        return pathology_repository.add_photo(
            session, lesion_id=lesion_id, visit_id=visit_id, media_type=media_type(clean) or "",
            image=clean, thumbnail=small, caption=caption.strip()[:200], actor=actor,
            at=db.clock(),
        )  # fmt: skip


def photo(db: Database, lesion_id: int, photo_id: int) -> PhotoRecord | None:
    with db.read() as session:
        photos = pathology_repository.lesion_photos(session, lesion_id, with_image=True)
    return next((p for p in photos if p.id == photo_id), None)
