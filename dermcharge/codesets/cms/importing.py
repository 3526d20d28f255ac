"""Import one CMS file: tell its kind, parse and validate all of it, then store it."""

from __future__ import annotations

import re
from pathlib import Path

from dermcharge.codesets.cms import store
from dermcharge.codesets.cms.aoc_import import import_aoc_file
from dermcharge.codesets.cms.errors import CmsFileError
from dermcharge.codesets.cms.imported import ImportedFile, TableKind
from dermcharge.codesets.cms.mue_import import import_mue_file
from dermcharge.codesets.cms.ptp_import import import_ptp_file
from dermcharge.codesets.cms.quarter import Quarter
from dermcharge.codesets.cms.rvu_import import import_rvu_file
from dermcharge.codesets.cms.tabular import read_rows

_NAME_KINDS = (
    (re.compile(r"cci(pra|oph)-v\d", re.IGNORECASE), TableKind.PTP),
    (re.compile(r"MUE", re.IGNORECASE), TableKind.MUE),
    (re.compile(r"(^|[^A-Z])AOC[_-]", re.IGNORECASE), TableKind.AOC),
    (re.compile(r"PPRRVU", re.IGNORECASE), TableKind.RVU),
)
_IMPORTERS = {
    TableKind.PTP: import_ptp_file,
    TableKind.MUE: import_mue_file,
    TableKind.AOC: import_aoc_file,
    TableKind.RVU: import_rvu_file,
}


def detect_kind(path: Path) -> TableKind:
    """From the CMS file name, else from the header words in the first lines."""
    for pattern, kind in _NAME_KINDS:
        if pattern.search(path.name):
            return kind
    head = " ".join(" ".join(r.cells) for r in read_rows(path)[:60]).upper()
    squashed = re.sub(r"[^A-Z0-9]", "", head)
    if "ADJUDICATION" in head and "MUE" in head:
        return TableKind.MUE
    if "COLUMN 1" in head and "COLUMN 2" in head:
        return TableKind.PTP
    if "ADDONCODE" in squashed and "PRIMARY" in head:
        return TableKind.AOC
    if "HCPCS" in head and "GLOB" in head:
        return TableKind.RVU
    raise CmsFileError(
        path, "cannot tell which CMS table this is; give --kind ptp, mue, aoc or rvu"
    )


def parse_file(
    path: Path, kind: TableKind | None = None, quarter: Quarter | None = None
) -> ImportedFile:
    """Parse and validate; raises CmsFileError (file and line) and writes nothing."""
    if not path.is_file():
        raise CmsFileError(path, "no such file")
    chosen = kind or detect_kind(path)
    return _IMPORTERS[chosen](path, quarter=quarter)


def import_file(
    path: Path, kind: TableKind | None = None, quarter: Quarter | None = None
) -> store.StoredTable:
    """Parse, validate, then store atomically; the tables loaded before stay on any error."""
    return store.save_import(parse_file(path, kind, quarter))
