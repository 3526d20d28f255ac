"""The Physician Fee Schedule relative value file (PPRRVU, CSV or .xlsx, from the RVU zip).

Layout (CMS, quarterly updates of a calendar-year file): notice lines, then a header wrapped
over two rows ("NON-FACILITY" above "TOTAL" ...) naming HCPCS, MOD, DESCRIPTION, STATUS CODE,
WORK RVU, ..., NON-FACILITY TOTAL, FACILITY TOTAL, PCTC IND, GLOB DAYS, PRE/INTRA/POST OP,
MULT PROC, ..., CONV FACTOR ... Columns are found by these names, not by position. The
descriptions are not kept: they are AMA CPT short descriptors.
"""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path

from dermcharge.codesets.cms.errors import CmsFileError
from dermcharge.codesets.cms.imported import ImportedFile, TableKind
from dermcharge.codesets.cms.quarter import Quarter
from dermcharge.codesets.cms.records import FeeScheduleRvu
from dermcharge.codesets.cms.tabular import CODE_PATTERN, Row, find_header, read_rows

_FILE_RELEASE = re.compile(r"PPRRVU(\d{2}|\d{4})_?(JAN|APR|JUL|OCT)", re.IGNORECASE)
_MONTH_QUARTER = {"JAN": 1, "APR": 2, "JUL": 3, "OCT": 4}
GLOBAL_INDICATORS = frozenset({"000", "010", "090", "XXX", "YYY", "ZZZ", "MMM"})

RVU_HEADER = {
    "code": lambda h: h == "HCPCS" or h.endswith(" HCPCS") or h == "HCPCS CODE",
    "modifier": lambda h: h == "MOD" or h.endswith(" MOD"),
    "status": lambda h: "STATUS" in h,
    "work": lambda h: "WORK RVU" in h,
    "total_nonfacility": lambda h: "TOTAL" in h and "NON" in h and "FAC" in h,
    "total_facility": lambda h: "TOTAL" in h and "FAC" in h and "NON" not in h,
    "pctc": lambda h: "PCTC" in h,
    "global": lambda h: "GLOB" in h,
    "mult_proc": lambda h: "MULT" in h and "PROC" in h,
}


def import_rvu_file(path: Path, *, quarter: Quarter | None = None) -> ImportedFile:
    named = _FILE_RELEASE.search(path.name)
    if quarter is None:
        if not named:
            raise CmsFileError(
                path, "cannot tell the release from the file name (PPRRVU2026_Oct); give --quarter"
            )
        year = int(named.group(1))
        quarter = Quarter(
            year + 2000 if year < 100 else year, _MONTH_QUARTER[named.group(2).upper()]
        )
    source = f"CMS PFS relative value file {quarter} ({path.stem})"
    rows = parse_rvu_rows(read_rows(path, delimiter=None), path, source)
    return ImportedFile(TableKind.RVU, quarter, "", path.name, source, partial(iter, tuple(rows)))


def parse_rvu_rows(rows: list[Row], path: Path, source: str) -> list[FeeScheduleRvu]:
    found = find_header(
        rows, RVU_HEADER, optional={"conversion": lambda h: "CONV" in h}, max_span=3
    )
    if found is None:
        raise CmsFileError(
            path,
            "no PPRRVU header (HCPCS, MOD, STATUS CODE, WORK RVU, ... TOTAL, GLOB DAYS, MULT PROC)",
        )
    start, columns = found
    conversion = columns.pop("conversion", None)
    result = [_row(row, columns, conversion, path, source) for row in rows[start:] if not row.blank]
    if not result:
        raise CmsFileError(path, "no RVU rows after the header")
    return result


def _row(
    row: Row, columns: dict[str, int], conversion: int | None, path: Path, source: str
) -> FeeScheduleRvu:
    code = row.cell(columns["code"]).upper()
    if not CODE_PATTERN.match(code):
        raise CmsFileError(path, f"HCPCS {row.cell(columns['code'])!r} is not a code", row.line)
    indicator = row.cell(columns["global"]).upper()
    if indicator and indicator not in GLOBAL_INDICATORS:  # blank: the file gives no period
        raise CmsFileError(
            path,
            f"GLOB DAYS for {code} must be 000/010/090/XXX/YYY/ZZZ/MMM, not {indicator!r}",
            row.line,
        )
    mult_proc = row.cell(columns["mult_proc"])
    if mult_proc and not mult_proc.isdigit():
        raise CmsFileError(
            path, f"MULT PROC for {code} must be a digit, not {mult_proc!r}", row.line
        )
    return FeeScheduleRvu(
        code=code,
        modifier=row.cell(columns["modifier"]).upper(),
        status=row.cell(columns["status"]).upper(),
        global_days=int(indicator) if indicator.isdigit() else None,
        global_indicator=indicator,
        mult_proc=mult_proc,
        work_rvu=_number(row, columns["work"], code, "WORK RVU", path),
        total_rvu_nonfacility=_number(
            row, columns["total_nonfacility"], code, "NON-FACILITY TOTAL", path
        ),
        total_rvu_facility=_number(row, columns["total_facility"], code, "FACILITY TOTAL", path),
        pctc=row.cell(columns["pctc"]),
        conversion_factor=_number(row, conversion, code, "CONV FACTOR", path)
        if conversion is not None
        else None,
        source=source,
        verified=True,
    )


def _number(row: Row, column: int, code: str, what: str, path: Path) -> float | None:
    text = row.cell(column)
    if text in ("", "NA"):
        return None
    try:
        return float(text)
    except ValueError:
        raise CmsFileError(
            path, f"{what} for {code} must be a number, not {text!r}", row.line
        ) from None
