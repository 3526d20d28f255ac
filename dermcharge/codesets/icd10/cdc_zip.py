"""Takes the release files out of the CDC's zip downloads, so users can import what they got.

The "Code Descriptions in Tabular Order" zip holds icd10cm_order_YYYY.txt and
icd10cm_codes_YYYY.txt (plus *_addenda_* change lists); the "Code Tables and Index" zip holds
icd10cm_tabular_YYYY.xml among the index, drug and neoplasm files. We take the order file (else
the codes file) and the tabular XML, and leave the rest.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

from dermcharge.codesets.icd10.cdc_files import CdcFileError


def unpack_zips(files: Sequence[Path], into: Path) -> list[Path]:
    """`files` with every .zip replaced by the release files it holds (extracted to `into`)."""
    unpacked: list[Path] = []
    for number, path in enumerate(files):
        if path.suffix.lower() != ".zip":
            unpacked.append(path)
            continue
        try:
            with zipfile.ZipFile(path) as archive:
                members = _release_members(archive.namelist())
                if not members:
                    raise CdcFileError(
                        f"{path.name}: no icd10cm order, codes or tabular file in the zip"
                    )
                folder = into / str(number)  # keeps the CDC names, which carry the year
                folder.mkdir()
                for member in members:
                    target = folder / PurePosixPath(member).name
                    target.write_bytes(archive.read(member))
                    unpacked.append(target)
        except (zipfile.BadZipFile, OSError) as error:
            raise CdcFileError(f"{path.name}: not a readable zip file ({error})") from error
    return unpacked


def _release_members(names: list[str]) -> list[str]:
    def kind(name: str) -> str | None:
        base = PurePosixPath(name).name.lower()
        if "addenda" in base or not base.startswith("icd10cm"):
            return None
        if base.endswith(".txt") and "order" in base:
            return "order"
        if base.endswith(".txt") and "codes" in base:
            return "codes"
        if base.endswith(".xml") and "tabular" in base:
            return "tabular"
        if base.endswith(".xml") and base.startswith("icd10cm_index"):
            return "index"  # not the external-cause index (eindex), drug or neoplasm tables
        return None

    found: dict[str, str] = {}
    for name in names:
        found.setdefault(kind(name) or "", name)
    found.pop("", None)
    if "order" in found:
        found.pop("codes", None)  # the order file has the headers the codes file lacks
    return list(found.values())
