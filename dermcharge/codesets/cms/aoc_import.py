"""The NCCI add-on code edit file (`AOC_V2026Q2-MCR`, .xlsx or tab-delimited .txt).

Layout (CMS, quarterly): an AMA notice row, then a header naming Add-On Code, Primary Code,
AOC Edit Type (1/2/3), the add-on code's, primary code's and edit's deletion dates and the
edit's effective date, and Special Instruction Notes; one add-on/primary pair per row.
Dates are written YYYYDDD (year and day of the year) in recent files; YYYYMMDD is accepted.
A primary code CCCCC means the MAC defines the primaries (type 2).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import partial
from pathlib import Path

from dermcharge.codesets.cms.errors import CmsFileError
from dermcharge.codesets.cms.imported import ImportedFile, TableKind, last_day_in_force
from dermcharge.codesets.cms.quarter import Quarter
from dermcharge.codesets.cms.records import AddOnEdit
from dermcharge.codesets.cms.tabular import CODE_PATTERN, Row, find_header, read_rows

_FILE_QUARTER = re.compile(r"AOC_V(\d{4})Q([1-4])", re.IGNORECASE)
CONTRACTOR_DEFINED = "CCCCC"
EDIT_TYPES = frozenset({1, 2, 3})


def _squash(header: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", header)


AOC_HEADER = {
    "add_on": lambda h: "ADDONCODE" in _squash(h) and "DEL" not in _squash(h),
    "primary": lambda h: _squash(h).startswith("PRIMARYCODE") and "DEL" not in _squash(h),
    "edit_type": lambda h: "EDITTYPE" in _squash(h),
    "edit_from": lambda h: "EDITEFF" in _squash(h),
    "edit_deleted": lambda h: "EDITDEL" in _squash(h),
    "add_on_deleted": lambda h: _squash(h).startswith("AOCDEL"),
    "primary_deleted": lambda h: _squash(h).startswith("PRIMARYCODEDEL"),
}


def import_aoc_file(path: Path, *, quarter: Quarter | None = None) -> ImportedFile:
    named = _FILE_QUARTER.search(path.name)
    if quarter is None:
        if not named:
            raise CmsFileError(
                path, "cannot tell the quarter from the file name (AOC_V2026Q2); give --quarter"
            )
        quarter = Quarter(int(named.group(1)), int(named.group(2)))
    source = f"CMS NCCI add-on code edits {quarter} ({path.stem})"
    edits = parse_aoc_rows(read_rows(path), path, source)
    return ImportedFile(TableKind.AOC, quarter, "", path.name, source, partial(iter, tuple(edits)))


def parse_aoc_rows(rows: list[Row], path: Path, source: str) -> list[AddOnEdit]:
    found = find_header(rows, AOC_HEADER, optional={"notes": lambda h: "NOTE" in h}, max_span=2)
    if found is None:
        raise CmsFileError(
            path,
            "no add-on code header (Add-On Code, Primary Code, AOC Edit Type, AOC Edit Effective/"
            "Deletion Date, AOC and Primary Code Deletion Date)",
        )
    start, columns = found
    notes = columns.pop("notes", None)
    edits = [_edit(row, columns, notes, path, source) for row in rows[start:] if not row.blank]
    if not edits:
        raise CmsFileError(path, "no add-on code rows after the header")
    return edits


def _edit(
    row: Row, columns: dict[str, int], notes: int | None, path: Path, source: str
) -> AddOnEdit:
    add_on = row.cell(columns["add_on"]).upper()
    if not CODE_PATTERN.match(add_on):
        raise CmsFileError(
            path, f"add-on code {row.cell(columns['add_on'])!r} is not a code", row.line
        )
    primary_text = row.cell(columns["primary"]).upper()
    type_text = row.cell(columns["edit_type"])
    if not type_text.isdigit() or int(type_text) not in EDIT_TYPES:
        raise CmsFileError(path, f"AOC edit type must be 1, 2 or 3, not {type_text!r}", row.line)
    contractor_defined = primary_text == CONTRACTOR_DEFINED or (
        not primary_text and type_text == "2"
    )
    if not contractor_defined and not CODE_PATTERN.match(primary_text):
        raise CmsFileError(path, f"primary code {primary_text!r} is not a code or CCCCC", row.line)
    effective = _date(row.cell(columns["edit_from"]), path, row.line, "AOC edit effective date")
    if effective is None:
        raise CmsFileError(path, f"add-on {add_on} has no edit effective date", row.line)
    deletions = [
        _date(row.cell(columns[key]), path, row.line, key.replace("_", " "))
        for key in ("edit_deleted", "add_on_deleted", "primary_deleted")
    ]
    ended = min((d for d in deletions if d is not None), default=None)
    return AddOnEdit(
        add_on=add_on,
        primary=None if contractor_defined else primary_text,
        edit_type=int(type_text),
        effective_from=effective,
        effective_to=last_day_in_force(ended),
        source=source,
        verified=True,
        notes=row.cell(notes) if notes is not None else "",
    )


def _date(text: str, path: Path, line: int, what: str) -> date | None:
    """YYYYDDD (the AOC file's own form) or YYYYMMDD; empty or '*' means none."""
    if text in ("", "*"):
        return None
    if text.isdigit() and len(text) == 7:
        year, day = int(text[:4]), int(text[4:])
        if 1 <= day <= 366 and year >= 1900:
            result = date(year, 1, 1) + timedelta(days=day - 1)
            if result.year == year:
                return result
    if text.isdigit() and len(text) == 8:
        try:
            return date(int(text[:4]), int(text[4:6]), int(text[6:]))
        except ValueError:
            pass
    raise CmsFileError(path, f"{what} {text!r} is not a date (YYYYDDD or YYYYMMDD)", line)
