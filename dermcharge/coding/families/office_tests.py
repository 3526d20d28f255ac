"""In-office tests and dermatopathology: 87220 KOH, 87101 fungal culture, 88305 with -26/-TC,
88312 special stains and 88342/+88341 immunohistochemistry, each on its specimen's diagnosis."""

from __future__ import annotations

from dermcharge.coding.context import CodingContext
from dermcharge.coding.draft import DraftLine
from dermcharge.coding.office_tables import office_tables
from dermcharge.domain.claim import Severity
from dermcharge.domain.visit import Kind

COMPONENT_MODIFIER = {"global": [], "professional": ["26"], "technical": ["TC"]}
# Lab and pathology codes: no global period, no modifier 25 on the E/M because of them.
TEST_CODES = frozenset({"87220", "87101", "88305", "88312", "88342", "88341"})


def specimen_dx(ctx: CodingContext, i: int) -> list[str]:
    """The specimen's own diagnosis, else that of the procedure that took it (specimen_of)."""
    own = ctx.dx(i)
    source = ctx.procedures[i].specimen_of
    if own or source is None or not 0 <= source < len(ctx.procedures):
        return own
    return ctx.dx(source)


def _per_specimen(ctx: CodingContext, kind: Kind, code: str, what: str) -> None:
    for i in ctx.indices(kind):
        units = ctx.procedures[i].count or 1
        ctx.draft.bill(
            DraftLine(
                code,
                units,
                (i,),
                specimen_dx(ctx, i),
                f"{what}, per specimen: {units} (office_procedures.json tests).",
                per_lesion=False,
            )
        )


def code_tests(ctx: CodingContext) -> None:
    """87220 and 87101 per specimen (count, default 1). Source: office_procedures.json tests."""
    spec = office_tables()["tests"]
    _per_specimen(ctx, Kind.KOH_PREP, spec["koh_prep"], "KOH preparation")
    _per_specimen(ctx, Kind.FUNGAL_CULTURE, spec["fungal_culture"], "Fungal culture")


def code_dermatopathology(ctx: CodingContext) -> None:
    """88305 per specimen with the practice's part of it: global when it prepares and reads the
    slides, -26 when it only reads, -TC when it only prepares (Medicare PFS PC/TC split;
    coding-rules.md R-PATH-1); 88312 a unit per special stain, 88342 per specimen with IHC and
    +88341 per further antibody. Mohs specimens are never billed apart (R-MO-5)."""
    spec = office_tables()["tests"]
    for i in ctx.indices(Kind.DERMATOPATHOLOGY):
        p = ctx.procedures[i]
        source = p.specimen_of
        of_mohs = source is not None and 0 <= source < len(ctx.procedures)
        if of_mohs and ctx.procedures[source].kind is Kind.MOHS:  # type: ignore[index]
            ctx.draft.leave_off(
                spec["surgical_pathology"],
                "Mohs includes the pathology of its own specimens (R-MO-5)",
                (i,),
            )
            continue
        component = p.component or "global"
        modifiers = COMPONENT_MODIFIER[component]
        dx = specimen_dx(ctx, i)
        if not dx:
            ctx.draft.find(
                Severity.ERROR,
                "diagnosis",
                f"The specimen at the {ctx.where(i)} has no diagnosis: record the pathology "
                "diagnosis or the procedure that took it (specimen_of)",
                (i,),
                action="Record the diagnosis",
            )
        part = {"global": "global", "professional": "reading only (-26)",
                "technical": "slide preparation only (-TC)"}[component]  # fmt: skip
        ctx.draft.bill(
            DraftLine(
                spec["surgical_pathology"],
                1,
                (i,),
                dx,
                f"Surgical pathology level IV, one specimen, {part} (R-PATH-1; PFS PC/TC).",
                modifiers=list(modifiers),
            )
        )
        if p.stains:
            ctx.draft.bill(
                DraftLine(
                    spec["special_stain"],
                    p.stains,
                    (i,),
                    dx,
                    f"Special stains on the specimen: {p.stains} units, one a stain.",
                    modifiers=list(modifiers),
                    per_lesion=False,
                )
            )
        if p.antibodies:
            ctx.draft.bill(
                DraftLine(
                    spec["ihc_first"],
                    1,
                    (i,),
                    dx,
                    "Immunohistochemistry, first antibody on the specimen.",
                    modifiers=list(modifiers),
                )
            )
            if p.antibodies > 1:
                ctx.draft.bill(
                    DraftLine(
                        spec["ihc_each_additional"],
                        p.antibodies - 1,
                        (i,),
                        dx,
                        f"Immunohistochemistry, each further antibody: {p.antibodies - 1} units.",
                        add_on=True,
                        modifiers=list(modifiers),
                        per_lesion=False,
                    )
                )
