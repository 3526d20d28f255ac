"""The CPT/HCPCS codes the engine emits: our plain descriptions, global days, add-on status.

The shipped table (`resources/data/cpt_hcpcs.json`) carries short descriptions written by the
project, because the AMA descriptors are copyright. A practice holding a CPT licence can load
its descriptor file (`code,descriptor` CSV, see `install_licensed_descriptors`); `cpt_table()`
then shows those descriptors instead.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from dermcharge.app_dirs import code_sets_dir
from dermcharge.codesets.cms.atomic_write import write_text_atomically
from dermcharge.resource_files import resource_path

TABLE_FILE = ("data", "cpt_hcpcs.json")
LICENSED_DESCRIPTORS_FILE = "cpt_descriptors_licensed.csv"
_CODE_PATTERN = re.compile(r"^(?:\d{4}[0-9AFMTU]|[A-V]\d{4})$")
# MPFS global surgery indicators that are not a number of days.
_NO_DAYS = frozenset({"XXX", "ZZZ", "YYY", "MMM"})


class CptTableError(ValueError):
    """The CPT table or a descriptor file is unreadable; the message names the file and line."""


@dataclass(frozen=True)
class CptCode:
    code: str
    description: str
    family: str
    global_days: int | None  # 0, 10 or 90; None when the MPFS says XXX (n/a) or ZZZ (add-on)
    add_on: bool
    primaries: tuple[str, ...]  # for an add-on code: the primary codes it may follow
    effective_from: date
    effective_to: date | None
    verified: bool  # a public source confirms the global period and add-on status
    source: str
    global_indicator: str = ""  # the MPFS indicator as written: "000", "010", "090", "XXX", "ZZZ"
    note: str = ""  # why a row is unverified, or a caveat
    licensed_description: bool = False  # True when `description` is the practice's AMA descriptor

    def in_force(self, on: date) -> bool:
        """CPT/HCPCS change by calendar year: is this row's code valid on `on`?"""
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)


class CptTable:
    """Lookups by code; unknown codes give None / "" / False rather than raising."""

    def __init__(self, codes: Iterable[CptCode], *, provenance: Mapping[str, Any]) -> None:
        self._codes = {c.code: c for c in codes}
        self.provenance = dict(provenance)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code.strip().upper() in self._codes

    def __len__(self) -> int:
        return len(self._codes)

    def codes(self) -> tuple[CptCode, ...]:
        return tuple(self._codes.values())

    def get(self, code: str) -> CptCode | None:
        return self._codes.get(code.strip().upper())

    def description(self, code: str) -> str:
        found = self.get(code)
        return found.description if found else ""

    def is_add_on(self, code: str) -> bool:
        found = self.get(code)
        return bool(found and found.add_on)

    def primaries(self, code: str) -> tuple[str, ...]:
        found = self.get(code)
        return found.primaries if found else ()

    def global_days(self, code: str) -> int | None:
        found = self.get(code)
        return found.global_days if found else None

    @property
    def has_licensed_descriptors(self) -> bool:
        return any(c.licensed_description for c in self._codes.values())


def cpt_table() -> CptTable:
    """The shipped table, overlaid with the practice's licensed descriptors when loaded.

    Cached per (data folder, descriptor file version), so importing a descriptor file or
    pointing DERMCHARGE_DATA_DIR elsewhere is picked up without a restart.
    """
    licensed = licensed_descriptors_path()
    try:
        stamp = licensed.stat().st_mtime_ns
    except FileNotFoundError:
        stamp = -1
    return _cached_table(str(resource_path(*TABLE_FILE)), str(licensed), stamp)


def licensed_descriptors_path() -> Path:
    return code_sets_dir() / LICENSED_DESCRIPTORS_FILE


@lru_cache(maxsize=4)
def _cached_table(table_path: str, licensed_path: str, stamp: int) -> CptTable:
    table = load_cpt_table(Path(table_path))
    if stamp < 0:
        return table
    try:
        descriptors = read_descriptor_file(Path(licensed_path))
    except CptTableError as error:  # a damaged file must not stop coding: our text stands in
        return CptTable(
            table.codes(), provenance={**table.provenance, "licensed_error": str(error)}
        )
    return CptTable(
        (
            replace(c, description=descriptors[c.code], licensed_description=True)
            if c.code in descriptors
            else c
            for c in table.codes()
        ),
        provenance={**table.provenance, "licensed_descriptors": licensed_path},
    )


def load_cpt_table(path: Path) -> CptTable:
    """Read and validate the JSON table; any bad row raises CptTableError naming it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise CptTableError(f"{path}: cannot read the CPT table ({error})") from error
    default_from = _iso_date(data.get("effective_from"), path, "effective_from")
    default_to = _optional_date(data.get("effective_to"), path, "effective_to")
    codes = [
        _row_to_code(row, i, path, default_from, default_to) for i, row in enumerate(data["codes"])
    ]
    provenance = {k: v for k, v in data.items() if k != "codes"}
    return CptTable(codes, provenance=provenance)


def _row_to_code(
    row: Mapping[str, Any], index: int, path: Path, default_from: date, default_to: date | None
) -> CptCode:
    where = f"{path}: codes[{index}]"
    code = str(row.get("code", "")).strip().upper()
    if not _CODE_PATTERN.match(code):
        raise CptTableError(f"{where}: {code!r} is not a CPT/HCPCS code")
    indicator = str(row.get("global", "")).strip().upper()
    if indicator in _NO_DAYS:
        days: int | None = None
    elif indicator.isdigit() and len(indicator) == 3:
        days = int(indicator)
    else:
        raise CptTableError(
            f"{where} ({code}): global must be 000/010/090/XXX/ZZZ, not {indicator!r}"
        )
    add_on = bool(row.get("add_on", False))
    primaries = tuple(str(p).strip().upper() for p in row.get("primaries", ()))
    if add_on and not primaries:
        raise CptTableError(f"{where} ({code}): an add-on code needs its primary codes")
    return CptCode(
        code=code,
        description=str(row["description"]),
        family=str(row["family"]),
        global_days=days,
        add_on=add_on,
        primaries=primaries,
        effective_from=_optional_date(row.get("effective_from"), path, where) or default_from,
        effective_to=_optional_date(row.get("effective_to"), path, where) or default_to,
        verified=bool(row.get("verified", False)),
        source=str(row.get("source", "")),
        global_indicator=indicator,
        note=str(row.get("note", "")),
    )


def _iso_date(value: object, path: Path, field: str) -> date:
    try:
        return date.fromisoformat(str(value))
    except ValueError as error:
        raise CptTableError(f"{path}: {field}: {value!r} is not an ISO date") from error


def _optional_date(value: object, path: Path, field: str) -> date | None:
    return None if value in (None, "") else _iso_date(value, path, field)


# --- the practice's licensed AMA descriptor file -------------------------------------------


def parse_descriptor_text(text: str, *, name: str = "descriptor file") -> dict[str, str]:
    """`code,descriptor` rows (CSV or tab-delimited; an optional header row) -> {code: text}.

    Raises CptTableError naming the line for a row whose first cell is not a code or whose
    descriptor is empty, so a wrong file is refused rather than half loaded.
    """
    dialect = "excel-tab" if "\t" in text.split("\n", 1)[0] else "excel"
    descriptors: dict[str, str] = {}
    reader = csv.reader(io.StringIO(text), dialect=dialect)
    for row in reader:
        line = reader.line_num
        cells = [c.strip() for c in row]
        if not any(cells):
            continue
        code = cells[0].upper()
        if not _CODE_PATTERN.match(code):
            if not descriptors and line == 1:
                continue  # a header row such as "code,descriptor"
            raise CptTableError(f"{name}, line {line}: {cells[0]!r} is not a CPT/HCPCS code")
        joiner = "," if dialect == "excel" else " "
        descriptor = joiner.join(row[1:]).strip()
        if not descriptor:
            raise CptTableError(f"{name}, line {line}: code {code} has no descriptor")
        descriptors[code] = descriptor
    if not descriptors:
        raise CptTableError(f"{name}: no code,descriptor rows found")
    return descriptors


def read_descriptor_file(path: Path) -> dict[str, str]:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise CptTableError(f"{path}: cannot read ({error.strerror})") from error
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    return parse_descriptor_text(text, name=str(path))


def install_licensed_descriptors(source: Path) -> int:
    """Validate a licensed descriptor file, then copy it into the data folder atomically.

    Returns how many of the engine's codes it covers. A file that fails validation changes
    nothing: the descriptors loaded before stay in force.
    """
    descriptors = read_descriptor_file(source)
    target = licensed_descriptors_path()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["code", "descriptor"])
    for code, text in sorted(descriptors.items()):
        writer.writerow([code, text])
    write_text_atomically(target, buffer.getvalue())
    shipped = load_cpt_table(resource_path(*TABLE_FILE))
    return sum(1 for c in shipped.codes() if c.code in descriptors)


def remove_licensed_descriptors() -> bool:
    try:
        licensed_descriptors_path().unlink()
    except FileNotFoundError:
        return False
    return True
