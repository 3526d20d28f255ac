"""The practitioner MUE file (`MCR_MUE_PractitionerServices_Eff_MM-DD-YYYY.csv`).

Layout (CMS, quarterly CSV): a multi-line AMA notice in the first cell, then the header
"HCPCS/CPT Code", "Practitioner Services MUE Values", "MUE Adjudication Indicator" (the MAI is
the leading digit of text like "2 Date of Service Edit: Policy"), "MUE Rationale", then one
code per row. The file carries no dates: the release date in its name says when it applies.
"""

from __future__ import annotations

import re
from datetime import date
from functools import partial
from pathlib import Path

from dermcharge.codesets.cms.errors import CmsFileError
from dermcharge.codesets.cms.imported import ImportedFile, TableKind
from dermcharge.codesets.cms.quarter import Quarter
from dermcharge.codesets.cms.records import MueLimit
from dermcharge.codesets.cms.tabular import CODE_PATTERN, Row, find_header, read_rows

_FILE_DATE = re.compile(r"Eff_(\d{2})-(\d{2})-(\d{4})", re.IGNORECASE)
_OTHER_SETTINGS = re.compile(r"(OutpatientHospital|DMESupplier)", re.IGNORECASE)
ADJUDICATION_INDICATORS = frozenset({1, 2, 3})

MUE_HEADER = {
    "code": lambda h: "HCPCS" in h or "CPT CODE" in h,
    "units": lambda h: "MUE VALUE" in h,
    "indicator": lambda h: "ADJUDICATION" in h,
    "rationale": lambda h: "RATIONALE" in h,
}


def import_mue_file(path: Path, *, quarter: Quarter | None = None) -> ImportedFile:
    other = _OTHER_SETTINGS.search(path.name)
    if other:
        raise CmsFileError(
            path, f"this is the {other.group(1)} MUE file; load PractitionerServices"
        )
    released = _release_date(path)
    if quarter is None:
        if released is None:
            raise CmsFileError(
                path, "cannot tell the release from the file name (Eff_MM-DD-YYYY); give --quarter"
            )
        quarter = Quarter.of(released)
    when = released.isoformat() if released else str(quarter)
    source = f"CMS NCCI practitioner MUE, effective {when} ({path.stem})"
    limits = parse_mue_rows(read_rows(path, delimiter=","), path, source)
    return ImportedFile(TableKind.MUE, quarter, "", path.name, source, partial(iter, tuple(limits)))


def _release_date(path: Path) -> date | None:
    match = _FILE_DATE.search(path.name)
    if not match:
        return None
    month, day, year = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_mue_rows(rows: list[Row], path: Path, source: str) -> list[MueLimit]:
    found = find_header(rows, MUE_HEADER, max_span=1)
    if found is None:
        raise CmsFileError(
            path,
            "no MUE header (HCPCS/CPT Code, ... MUE Values, MUE Adjudication Indicator, "
            "MUE Rationale)",
        )
    start, columns = found
    limits: dict[str, MueLimit] = {}
    first_line: dict[str, int] = {}
    for row in rows[start:]:
        if row.blank:
            continue
        limit = _limit(row, columns, path, source)
        if limit.code in limits:
            raise CmsFileError(
                path,
                f"code {limit.code} appears twice (lines {first_line[limit.code]} and {row.line})",
                row.line,
            )
        limits[limit.code] = limit
        first_line[limit.code] = row.line
    if not limits:
        raise CmsFileError(path, "no MUE rows after the header")
    return list(limits.values())


def _limit(row: Row, columns: dict[str, int], path: Path, source: str) -> MueLimit:
    code = row.cell(columns["code"]).upper()
    if not CODE_PATTERN.match(code):
        raise CmsFileError(path, f"{row.cell(columns['code'])!r} is not a CPT/HCPCS code", row.line)
    units_text = row.cell(columns["units"])
    if not units_text.isdigit():
        raise CmsFileError(
            path, f"MUE value for {code} must be a whole number, not {units_text!r}", row.line
        )
    indicator_text = row.cell(columns["indicator"])
    leading = indicator_text[:1]
    if not leading.isdigit() or int(leading) not in ADJUDICATION_INDICATORS:
        raise CmsFileError(
            path,
            f"MUE adjudication indicator for {code} must start with 1, 2 or 3: {indicator_text!r}",
            row.line,
        )
    return MueLimit(
        code=code,
        units=int(units_text),
        adjudication_indicator=int(leading),
        rationale=row.cell(columns["rationale"]),
        source=source,
        verified=True,
    )
