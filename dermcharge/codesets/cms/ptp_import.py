"""The NCCI practitioner PTP edit files (`ccipra-v###r0-f#`, tab-delimited text or .xlsx).

Layout (CMS, quarterly, split over files f1-f4): an AMA notice and title lines, a header
naming the columns (sometimes wrapped over several lines), then one edit per line:
column 1, column 2, "*" when the edit existed before 1996, effective date YYYYMMDD, deletion
date YYYYMMDD or "*", modifier indicator 0/1/9 (coding-rules.md R-MOD-59), PTP edit rationale.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache, partial
from pathlib import Path

from dermcharge.codesets.cms.errors import CmsFileError
from dermcharge.codesets.cms.imported import ImportedFile, TableKind, last_day_in_force
from dermcharge.codesets.cms.quarter import Quarter, ncci_version_quarter
from dermcharge.codesets.cms.records import PtpEdit
from dermcharge.codesets.cms.tabular import CODE_PATTERN, Row, iter_rows

_FILE_NAME = re.compile(r"cci(pra|oph)-v(\d{2})(\d)r\d+(?:-(f\d))?", re.IGNORECASE)
MODIFIER_INDICATORS = frozenset({0, 1, 9})


def import_ptp_file(path: Path, *, quarter: Quarter | None = None) -> ImportedFile:
    """Release, part and quarter of a PTP file, told from its name (or `quarter`).

    The edits are parsed and validated as `records()` is read, which the store does while it
    builds the new table: a bad line raises CmsFileError naming it and nothing is kept.
    """
    name = _FILE_NAME.search(path.name)
    if name and name.group(1).lower() == "oph":
        raise CmsFileError(path, "this is the outpatient hospital PTP file (ccioph); load ccipra")
    version = f"v{int(name.group(2))}.{name.group(3)}" if name else "version unknown"
    part = (name.group(4) or "").lower() if name else ""
    source = f"CMS NCCI practitioner PTP {version} ({path.stem})"
    if quarter is None:
        if not name:
            raise CmsFileError(
                path,
                "cannot tell the release from the file name (ccipra-v###r0-f#); give --quarter",
            )
        quarter = ncci_version_quarter(int(name.group(2)), int(name.group(3)))
    delimiter = "\t" if path.suffix.lower() == ".txt" else None
    return ImportedFile(
        TableKind.PTP,
        quarter,
        part,
        path.name,
        source,
        partial(_edits, path, delimiter, source),
    )


def _edits(path: Path, delimiter: str | None, source: str) -> Iterator[PtpEdit]:
    return parse_ptp_rows(iter_rows(path, delimiter=delimiter), path, source)


def parse_ptp_rows(rows: Iterable[Row], path: Path, source: str) -> Iterator[PtpEdit]:
    """Edits one by one; the header must come first and every later line must be an edit."""
    count = 0
    preamble: list[str] = []
    for row in rows:
        if row.blank:
            continue
        if not count and not CODE_PATTERN.match(row.cell(0).upper()):
            preamble.append(" ".join(row.cells).upper())
            continue
        if not count and not _looks_like_ptp_header(preamble):
            raise CmsFileError(
                path,
                "no PTP header (Column 1, Column 2 ... Modifier) before the first edit",
                row.line,
            )
        count += 1
        yield _edit(row, path, source)
    if not count:
        raise CmsFileError(path, "no PTP edits found (is this a ccipra PTP file?)")


def _looks_like_ptp_header(preamble: list[str]) -> bool:
    text = " ".join(preamble)
    return "COLUMN" in text and "MODIFIER" in text


def _edit(row: Row, path: Path, source: str) -> PtpEdit:
    cells = [c.strip() for c in row.cells]
    if len(cells) < 6:
        raise CmsFileError(path, f"expected 7 tab-separated columns, found {len(cells)}", row.line)
    cells.append("")  # the rationale column may be missing
    column1, column2, flag, effective_text, deletion_text, indicator_text, rationale = cells[:7]
    column1, column2 = column1.upper(), column2.upper()
    if not CODE_PATTERN.match(column1):
        raise CmsFileError(path, f"column 1 {column1!r} is not a CPT/HCPCS code", row.line)
    if not CODE_PATTERN.match(column2):
        raise CmsFileError(path, f"column 2 {column2!r} is not a CPT/HCPCS code", row.line)
    if flag not in ("", "*"):
        raise CmsFileError(path, f"pre-1996 flag must be '*' or empty, not {flag!r}", row.line)
    effective = _known_date(effective_text) or _bad_date(
        effective_text, path, row.line, "effective"
    )
    deleted = None
    if deletion_text not in ("*", ""):
        deleted = _known_date(deletion_text) or _bad_date(deletion_text, path, row.line, "deletion")
    indicator = _INDICATORS.get(indicator_text)
    if indicator is None:
        raise CmsFileError(
            path, f"modifier indicator must be 0, 1 or 9, not {indicator_text!r}", row.line
        )
    return PtpEdit(
        column1, column2, indicator, effective, _last_day(deleted), rationale, source, True
    )


_INDICATORS = {str(i): i for i in MODIFIER_INDICATORS}


@lru_cache(maxsize=4096)
def _known_date(text: str) -> date | None:
    """YYYYMMDD -> date (cached: a million edits share a few thousand dates)."""
    if len(text) == 8 and text.isdigit():
        try:
            return date(int(text[:4]), int(text[4:6]), int(text[6:]))
        except ValueError:
            return None
    return None


@lru_cache(maxsize=4096)
def _last_day(deleted: date | None) -> date | None:
    return last_day_in_force(deleted)


def _bad_date(text: str, path: Path, line: int, what: str) -> date:
    raise CmsFileError(path, f"{what} date {text!r} is not a date written YYYYMMDD", line)
