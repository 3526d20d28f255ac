"""The dermatology subset shipped with the app, used until the CMS files are imported.

MUE values come from resources/data/cms/mue_derm.json (coding-rules.md §12). Global days and
add-on pairs come from the CPT table (resources/data/cpt_hcpcs.json), the one place they are
written down, so the two can never disagree. PTP pairs are the engine's cited derm table
(resources/data/ncci_ptp_derm.json via dermcharge.codesets.ptp).
"""

from __future__ import annotations

import json
from functools import cache

from dermcharge.codesets.cms.records import AddOnEdit, FeeScheduleRvu, MueLimit
from dermcharge.codesets.cms.tables import AocTable, MueTable, RvuTable, TableOrigin, unverified
from dermcharge.codesets.cpt import cpt_table
from dermcharge.resource_files import resource_path

MUE_FILE = ("data", "cms", "mue_derm.json")


@cache
def curated_mue() -> MueTable:
    raw = json.loads(resource_path(*MUE_FILE).read_text(encoding="utf-8"))
    limits = {
        row["code"]: MueLimit(
            code=row["code"],
            units=int(row["units"]),
            adjudication_indicator=int(row["adjudication_indicator"]),
            rationale=row["rationale"],
            source=row["source"],
            verified=bool(row["verified"]),
            note=row.get("note", ""),
        )
        for row in raw["limits"]
    }
    origin = TableOrigin(
        "mue",
        "curated dermatology MUE subset",
        False,
        None,
        len(limits),
        unverified(limits.values()),
    )
    return MueTable(origin, limits)


def curated_aoc() -> AocTable:
    """Add-on pairs from the CPT table; edit type 0 because the AOC file's type is not known."""
    edits = tuple(
        AddOnEdit(
            add_on=code.code,
            primary=primary,
            edit_type=0,
            effective_from=code.effective_from,
            effective_to=code.effective_to,
            source=f"cpt_hcpcs.json: {code.source}",
            verified=code.verified,
            notes=code.note,
        )
        for code in cpt_table().codes()
        if code.add_on
        for primary in code.primaries
    )
    origin = TableOrigin(
        "aoc", "curated add-on pairs (CPT table)", False, None, len(edits), unverified(edits)
    )
    return AocTable(origin, edits)


def curated_rvu() -> RvuTable:
    """Global days only: the curated table has no RVUs (those need the PPRRVU file)."""
    rows = {
        (code.code, ""): FeeScheduleRvu(
            code=code.code,
            modifier="",
            status="",
            global_days=code.global_days,
            global_indicator=code.global_indicator,
            mult_proc="",
            work_rvu=None,
            total_rvu_nonfacility=None,
            total_rvu_facility=None,
            pctc="",
            conversion_factor=None,
            source=f"cpt_hcpcs.json: {code.source}",
            verified=code.verified,
            note=code.note,
        )
        for code in cpt_table().codes()
    }
    origin = TableOrigin(
        "rvu",
        "curated global days (CPT table, no RVUs)",
        False,
        None,
        len(rows),
        unverified(rows.values()),
    )
    return RvuTable(origin, rows)
