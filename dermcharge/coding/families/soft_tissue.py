"""Subcutaneous and subfascial soft tissue tumours (lipoma): the musculoskeletal excision codes.

Source: CPT 2010 soft tissue tumour excision codes, by anatomic area, depth (subcutaneous /
subfascial) and the tumour's greatest diameter plus the narrowest margin; simple and
intermediate repair included. AAD DCC "Excision and biopsy of soft tissue tumors" (Feb 2026);
AAPC "Depth and size matter for excision codes come 2010"; AAPC "How does depth affect excision
coding" (lipoma: 21930 vs 11406 by depth). Where the depth is not recorded a lipoma is coded
11400-11446, the integumentary default when the note does not place it below the skin, with a
warning. Numbers and sites: resources/data/soft_tissue_excision.json.
"""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cache
from typing import Any

from dermcharge.coding.context import CodingContext
from dermcharge.coding.draft import DraftLine
from dermcharge.domain.claim import Severity
from dermcharge.domain.visit import Kind, RepairType
from dermcharge.resource_files import resource_path

SOURCE = (
    "CPT soft tissue tumour excision codes (AAD DCC Feb 2026; AAPC 'Depth and size matter for "
    "excision codes come 2010'; AAPC 'How does depth affect excision coding')"
)


@cache
def soft_tissue_table() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        resource_path("data", "soft_tissue_excision.json").read_text(encoding="utf-8")
    )
    return data


def _is_tumour(ctx: CodingContext, index: int, key: str) -> bool:
    prefixes = tuple(soft_tissue_table()[key])
    return any(d.startswith(prefixes) for d in ctx.dx(index))


def is_soft_tissue_excision(ctx: CodingContext, index: int) -> bool:
    """A benign excision of a soft tissue tumour recorded below the skin: it takes the soft
    tissue codes (or an error where the site has its own CPT section)."""
    p = ctx.procedures[index]
    return (
        p.kind is Kind.EXCISION_BENIGN
        and p.depth is not None
        and str(p.depth) in soft_tissue_table()["depths_coded_here"]
        and _is_tumour(ctx, index, "tumour_diagnosis_prefixes")
    )


def repair_included(ctx: CodingContext, owner: int, repair_type: RepairType) -> bool:
    """Simple and intermediate repair are part of the soft tissue excision codes (CPT)."""
    included = soft_tissue_table()["repair_included"]
    return is_soft_tissue_excision(ctx, owner) and str(repair_type) in included


def soft_tissue_code(ctx: CodingContext, index: int, size: Decimal) -> str | None:
    """The code for the tumour's site group, depth and size; None (with an error) where the site
    has no group here."""
    table = soft_tissue_table()
    p = ctx.procedures[index]
    group_id = table["sites"].get(p.site)
    if group_id is None:
        ctx.draft.find(
            Severity.ERROR,
            "code_family",
            f"A {p.depth} soft tissue tumour at the {ctx.where(index)}: CPT codes this site in "
            "its own anatomic section (eyelid, lip, ear, nose, breast, axilla, groin, genital "
            "or anal area), which this table does not hold. Enter the code by hand",
            (index,),
            source=SOURCE,
            action="Enter the CPT code by hand",
        )
        return None
    rule = table["groups"][group_id][str(p.depth)]
    smaller = size < Decimal(str(rule["below_cm"]))
    return str(rule["smaller"] if smaller else rule["larger"])


def code_soft_tissue_excision(ctx: CodingContext, index: int, size: Decimal) -> bool:
    """Bill a soft tissue tumour excision; True when this family took the procedure. Also warns
    where the depth decides the family but is missing (lipoma) or does not apply (a malignant
    skin lesion, a cyst of cutaneous origin)."""
    p = ctx.procedures[index]
    if p.depth is None:
        if p.kind is Kind.EXCISION_BENIGN and _is_tumour(ctx, index, "lipoma_prefixes"):
            ctx.draft.find(
                Severity.WARNING,
                "soft_tissue_depth",
                f"Lipoma excised at the {ctx.where(index)} with no depth recorded: coded as a "
                "skin excision (11400-11446). A lipoma under the skin (subcutaneous) or below the "
                "fascia takes the soft tissue tumour codes: record the depth",
                (index,),
                source=SOURCE,
                action="Record the depth: cutaneous, subcutaneous or subfascial",
            )
        return False
    if str(p.depth) not in soft_tissue_table()["depths_coded_here"]:
        return False
    if not is_soft_tissue_excision(ctx, index):
        what = "malignant skin lesion" if p.kind is Kind.EXCISION_MALIGNANT else "lesion"
        ctx.draft.find(
            Severity.WARNING,
            "soft_tissue_depth",
            f"The {what} at the {ctx.where(index)} is recorded as {p.depth} but its diagnosis is "
            "not a soft tissue tumour: coded with the skin excision codes (a lesion of cutaneous "
            "origin keeps them whatever its depth; a soft tissue sarcoma is coded by hand)",
            (index,),
            source=SOURCE,
            action="Check the depth and the diagnosis",
        )
        return False
    code = soft_tissue_code(ctx, index, size)
    if code is not None:
        group = soft_tissue_table()["groups"][soft_tissue_table()["sites"][p.site]]
        ctx.draft.bill(
            DraftLine(
                code,
                1,
                (index,),
                ctx.dx(index),
                f"Excision of a {p.depth} soft tissue tumour of the {group['label']}, tumour "
                f"plus narrowest margin {size} cm (CPT soft tissue codes; AAD DCC Feb 2026).",
            )
        )
    return True
