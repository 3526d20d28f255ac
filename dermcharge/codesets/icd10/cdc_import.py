"""Imports an official CDC ICD-10-CM release (code text file, optionally the tabular XML and the
Alphabetic Index XML).

Everything is read and checked before anything is written: file kinds recognised from their
content, the fixed-width layout line by line, well-formed codes, a non-empty release, one fiscal
year (given, or read from the file names and the XML `<version>`, which must agree). The new index
is then built in a temporary file and moved into place in one step, so a malformed file raises
`CdcFileError` naming the file and line and leaves every loaded release untouched.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from dermcharge.codesets.icd10.cdc_files import (
    CdcFileError,
    CodeLine,
    first_line,
    looks_like_codes_file,
    looks_like_order_file,
    parse_codes_file,
    parse_order_file,
)
from dermcharge.codesets.icd10.cdc_index import CdcIndex, looks_like_index, parse_index
from dermcharge.codesets.icd10.cdc_tabular import Tabular, looks_like_tabular, parse_tabular
from dermcharge.codesets.icd10.cdc_zip import unpack_zips
from dermcharge.codesets.icd10.derm_scope import is_derm_code
from dermcharge.codesets.icd10.index_writer import IndexedCode, ReleaseInfo, write_index
from dermcharge.codesets.icd10.releases import imported_dir, index_file_name

_YEAR_IN_NAME = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
_FIRST_FISCAL_YEAR = 2016  # ICD-10-CM took effect on 2015-10-01 (FY2016)

Progress = Callable[[str, float], None]


@dataclass(frozen=True)
class ImportResult:
    fiscal_year: int
    label: str
    path: Path
    code_count: int
    billable_count: int
    replaced_existing: bool


def import_release(
    files: Sequence[Path],
    fiscal_year: int | None = None,
    target_dir: Path | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Validate `files` fully, then install them as the release of their fiscal year.

    `files`: the order (or codes) text file and optionally the tabular XML and the Alphabetic
    Index XML (`icd10cm_index_YYYY.xml`), or the CDC zips holding them. `progress(stage, fraction)` is called as the work advances (for a dialog)."""
    with tempfile.TemporaryDirectory(prefix="dermcharge-icd-") as unpacked:
        return _import(unpack_zips(files, Path(unpacked)), fiscal_year, target_dir, progress)


def _import(
    files: Sequence[Path],
    fiscal_year: int | None,
    target_dir: Path | None,
    progress: Progress | None,
) -> ImportResult:
    report = progress or (lambda _stage, _fraction: None)
    report("Reading the release files", 0.0)
    code_file, tabular_file, index_file = _classify(files)
    lines = parse_order_file(code_file) if _is_order(code_file) else parse_codes_file(code_file)
    report("Reading the tabular XML", 0.3)
    tabular = parse_tabular(tabular_file) if tabular_file else None
    report("Reading the Alphabetic Index", 0.5)
    index = parse_index(index_file) if index_file else None
    report("Checking", 0.6)
    given = [f for f in (code_file, tabular_file, index_file) if f]
    year = _fiscal_year(fiscal_year, given, tabular, index)
    codes = _codes(lines, tabular, code_file)
    if not any(c.billable for c in codes):
        raise CdcFileError(f"{code_file.name}: no billable codes")
    report("Building the index", 0.7)
    target = (target_dir or imported_dir()) / index_file_name(year)
    existed = target.is_file()
    sources = ", ".join(f.name for f in given)
    info = ReleaseInfo(year, f"CDC ICD-10-CM FY{year} release files: {sources}")
    terms = [("\n".join(t.phrases), t.code, t.entry) for t in index.terms] if index else []
    groups = tabular.groups if tabular else []
    write_index(target, info, codes, groups, is_derm_code, index_terms=terms)
    report("Done", 1.0)
    return ImportResult(
        fiscal_year=year,
        label=info.label,
        path=target,
        code_count=len(codes),
        billable_count=sum(c.billable for c in codes),
        replaced_existing=existed,
    )


def _classify(files: Sequence[Path]) -> tuple[Path, Path | None, Path | None]:
    """(order or codes file, tabular XML or None, index XML or None), recognised by content."""
    code_files: list[Path] = []
    tabulars: list[Path] = []
    indexes: list[Path] = []
    for path in files:
        if not path.is_file():
            raise CdcFileError(f"{path}: no such file")
        first = first_line(path)
        if looks_like_index(path):
            indexes.append(path)
        elif looks_like_tabular(first):
            tabulars.append(path)
        elif looks_like_order_file(first) or looks_like_codes_file(first):
            code_files.append(path)
        else:
            raise CdcFileError(
                f"{path.name} line 1: neither an ICD-10-CM order file, a codes file nor the "
                "tabular XML"
            )
    if len(code_files) != 1:
        raise CdcFileError(
            "give exactly one code list (icd10cm_order_YYYY.txt or icd10cm_codes_YYYY.txt); "
            f"got {len(code_files)}"
        )
    if len(tabulars) > 1:
        raise CdcFileError(f"give at most one tabular XML; got {len(tabulars)}")
    if len(indexes) > 1:
        raise CdcFileError(f"give at most one Alphabetic Index XML; got {len(indexes)}")
    return code_files[0], (tabulars[0] if tabulars else None), (indexes[0] if indexes else None)


def _is_order(path: Path) -> bool:
    return looks_like_order_file(first_line(path))


def _fiscal_year(
    given: int | None, files: list[Path], tabular: Tabular | None, index: CdcIndex | None = None
) -> int:
    found: dict[str, int] = {}
    for path in files:
        years = set(_YEAR_IN_NAME.findall(path.name))
        if len(years) == 1:
            found[f"the name {path.name}"] = int(years.pop())
    if tabular and tabular.version:
        found["the XML <version>"] = tabular.version
    if index and index.version:
        found["the index XML <version>"] = index.version
    if given is not None:
        found["--year"] = given
    if not found:
        raise CdcFileError(
            "cannot tell the fiscal year: give it (--year 2027) or keep the CDC file names"
        )
    if len(set(found.values())) > 1:
        said = "; ".join(f"{where} says FY{year}" for where, year in found.items())
        raise CdcFileError(f"the fiscal years disagree: {said}")
    year = next(iter(found.values()))
    if not _FIRST_FISCAL_YEAR <= year <= 2100:
        raise CdcFileError(f"FY{year} is not an ICD-10-CM fiscal year")
    return year


def _codes(lines: list[CodeLine], tabular: Tabular | None, code_file: Path) -> list[IndexedCode]:
    """Merge the code list with the XML's headers, parents and inclusion terms."""
    listed = {line.code: line for line in lines}
    headers_from_xml = []
    if not any(not line.billable for line in lines):  # a codes file: billable codes only
        if tabular is None:
            raise CdcFileError(
                f"{code_file.name} lists billable codes only: give the tabular XML with it (for "
                "the categories) or use the order file"
            )
        headers_from_xml = [
            CodeLine(d.code, False, d.description, 0)
            for d in tabular.diags.values()
            if d.code not in listed
        ]
    everything = lines  # the order file is in Tabular order already
    if headers_from_xml:  # merged lists: code order is the nearest to Tabular order we have
        everything = sorted(
            [*lines, *headers_from_xml], key=lambda line: line.code.replace(".", "")
        )
    known = {line.code for line in everything}
    diags = tabular.diags if tabular else {}
    codes = []
    for line in everything:
        diag = diags.get(line.code)
        codes.append(
            IndexedCode(
                code=line.code,
                description=line.description,
                billable=line.billable,
                parent=diag.parent if diag else _parent_by_prefix(line.code, known),
                terms=diag.terms if diag else (),
                includes=diag.includes if diag else (),
            )
        )
    return codes


def _parent_by_prefix(code: str, known: set[str]) -> str | None:
    """The longest shorter code that exists ("S01.01XA" -> "S01.01"; the X is a placeholder)."""
    compact = code.replace(".", "")
    for size in range(len(compact) - 1, 2, -1):
        candidate = compact[:size]
        dotted = candidate if len(candidate) <= 3 else f"{candidate[:3]}.{candidate[3:]}"
        if dotted in known:
            return dotted
    return None
