"""The visit-JSON fields of the procedure kinds added by issue 20 (README "Procedures added in
2026" extends coding-api.md): which kind needs what, how each is read and written back.

Bad values are named with their path, as the rest of the contract does ("procedures[1].depth:
'deep' is not one of: bone, muscle, subcutaneous"); the CLI exits 2 on them.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any, Protocol

from dermcharge.coding.drug_table import drugs
from dermcharge.domain.visit import Kind, Procedure

if TYPE_CHECKING:
    from collections.abc import Mapping


class FieldReader(Protocol):
    """What these parsers ask of the contract's reader (coding/visit_json.py `_Reader`), named
    here so this module does not import the parser that imports it."""

    def fail(self, path: str, message: str) -> None: ...

    def number(
        self,
        obj: Mapping[str, Any],
        key: str,
        path: str,
        *,
        zero_ok: bool = False,
        required: bool = False,
        limit: Decimal | None = None,
    ) -> Decimal | None: ...

    def integer(
        self,
        obj: Mapping[str, Any],
        key: str,
        path: str,
        low: int,
        high: int,
        required: bool = False,
    ) -> int | None: ...

    def choice(
        self,
        obj: Mapping[str, Any],
        key: str,
        path: str,
        allowed: frozenset[str] | Any,
        required: bool = False,
    ) -> str | None: ...


STEROIDS = frozenset({"triamcinolone_acetonide", "methylprednisolone_acetate", "betamethasone"})
PHOTOSENSITISERS = frozenset(
    {"aminolevulinic_acid_hcl", "methyl_aminolevulinate", "aminolevulinic_acid_gel"}
)
TOXINS = frozenset({"onabotulinumtoxina", "abobotulinumtoxina", "incobotulinumtoxina"})
DRUGS_FOR = {
    Kind.INTRALESIONAL_INJECTION: STEROIDS,
    Kind.DRUG_INJECTION: STEROIDS,
    Kind.PHOTODYNAMIC_THERAPY: PHOTOSENSITISERS,
    Kind.HYPERHIDROSIS_CHEMODENERVATION: TOXINS,
    Kind.NEUROTOXIN_COSMETIC: TOXINS,
}
DRUG_REQUIRED = frozenset(
    {Kind.DRUG_INJECTION, Kind.HYPERHIDROSIS_CHEMODENERVATION, Kind.NEUROTOXIN_COSMETIC}
)
TECHNIQUES = {
    Kind.PHOTODYNAMIC_THERAPY: frozenset(
        {"staff_applied", "physician_applied", "with_debridement"}
    ),
    Kind.SKIN_GRAFT: frozenset({"split", "full_thickness"}),
    Kind.DERMABRASION: frozenset({"total_face", "segmental_face", "regional", "superficial"}),
}
DEPTHS = {
    Kind.DEBRIDEMENT: frozenset({"subcutaneous", "muscle", "bone"}),
    Kind.CHEMICAL_PEEL: frozenset({"epidermal", "dermal"}),
}
COMPONENTS = frozenset({"global", "professional", "technical"})
CONTAINERS = frozenset({"single_dose", "multi_dose"})
COUNT_OPTIONAL = frozenset({Kind.DRUG_INJECTION, Kind.KOH_PREP, Kind.FUNGAL_CULTURE})
LIMITS = {
    "prep_sq_cm": Decimal(30000),
    "volume_ml": Decimal(50),
}
FIELDS = frozenset({
    "technique", "depth", "dose_units", "wasted_mg", "wasted_units", "container", "volume_ml",
    "stains", "antibodies", "component", "specimen_of", "prep_sq_cm"})  # fmt: skip


def parse_added_fields(
    reader: FieldReader, obj: Mapping[str, Any], path: str, kind: Kind, n_procedures: int
) -> dict[str, Any]:
    """The issue-20 fields of one procedure object, problems recorded on `reader`."""
    out: dict[str, Any] = {}
    if kind in TECHNIQUES:
        out["technique"] = reader.choice(obj, "technique", path, TECHNIQUES[kind], required=True)
    if kind in DEPTHS:
        out["depth"] = reader.choice(obj, "depth", path, DEPTHS[kind], required=True)
    if kind in COUNT_OPTIONAL:  # a required count is in the kinds table (procedure_kinds.py)
        out["count"] = reader.integer(obj, "count", path, 1, 500)
    if kind is Kind.SKIN_GRAFT:
        out["prep_sq_cm"] = reader.number(obj, "prep_sq_cm", path, limit=LIMITS["prep_sq_cm"])
    if kind is Kind.FILLER:
        out["volume_ml"] = reader.number(
            obj, "volume_ml", path, limit=LIMITS["volume_ml"], required=True
        )
    if kind in (Kind.DERMATOPATHOLOGY, Kind.KOH_PREP, Kind.FUNGAL_CULTURE):
        out["specimen_of"] = reader.integer(obj, "specimen_of", path, 0, max(0, n_procedures - 1))
    if kind is Kind.DERMATOPATHOLOGY:
        out["component"] = reader.choice(obj, "component", path, COMPONENTS)
        out["stains"] = reader.integer(obj, "stains", path, 0, 20)
        out["antibodies"] = reader.integer(obj, "antibodies", path, 0, 20)
    return out


def parse_drug(
    reader: FieldReader, obj: Mapping[str, Any], path: str, kind: Kind
) -> dict[str, Any]:
    """drug, its dose in the drug's measure (dose_mg or dose_units), the discarded amount and the
    container; the dose is checked against the drug table's plausible maximum."""
    out: dict[str, Any] = {}
    name = reader.choice(obj, "drug", path, DRUGS_FOR[kind], required=kind in DRUG_REQUIRED)
    out["drug"] = name
    out["container"] = reader.choice(obj, "container", path, CONTAINERS)
    if name is None:
        for key in ("dose_mg", "dose_units"):
            if obj.get(key) is not None and "drug" not in obj:
                reader.fail(f"{path}.drug", f"is required with {key}")
        return out
    drug = drugs()[name]
    dose_key, waste_key = f"dose_{drug.measure}", f"wasted_{drug.measure}"
    wrong = "dose_units" if drug.measure == "mg" else "dose_mg"
    if obj.get(wrong) is not None:
        reader.fail(f"{path}.{wrong}", f"{drug.label} is dosed in {drug.measure}: use {dose_key}")
    out[dose_key] = reader.number(
        obj, dose_key, path, limit=drug.max_dose, required=kind in DRUG_REQUIRED
    )
    out[waste_key] = reader.number(obj, waste_key, path, limit=drug.max_dose, zero_ok=True)
    return out


def added_fields_to_json(p: Procedure) -> dict[str, Any]:
    """The issue-20 fields of a Procedure as contract JSON (parse(to_json(p)) == p)."""
    out: dict[str, Any] = {}
    for key in ("technique", "depth", "container", "component"):
        value = getattr(p, key)
        if value is not None:
            out[key] = value
    for key in ("stains", "antibodies", "specimen_of"):
        value = getattr(p, key)
        if value is not None:
            out[key] = value
    for key in ("dose_units", "wasted_mg", "wasted_units", "volume_ml", "prep_sq_cm"):
        value = getattr(p, key)
        if value is not None:
            out[key] = int(value) if value == value.to_integral_value() else float(value)
    if p.kind is Kind.FOREIGN_BODY_REMOVAL:
        out["complicated"] = p.complicated
    return out


def added_problems(p: Procedure) -> list[str]:
    """What an issue-20 procedure entered in the GUI still lacks, named as the contract names
    the field (the same rules as parse_added_fields, on a record instead of JSON)."""
    problems = []
    if p.kind in TECHNIQUES and p.technique not in TECHNIQUES[p.kind]:
        options = ", ".join(sorted(TECHNIQUES[p.kind]))
        problems.append(f"technique: choose one of {options}")
    if p.kind in DEPTHS and p.depth not in DEPTHS[p.kind]:
        problems.append(f"depth: choose one of {', '.join(sorted(DEPTHS[p.kind]))}")
    if p.kind in DRUG_REQUIRED and p.drug is None:
        problems.append("drug: choose the drug given")
    if p.drug is not None and p.drug in drugs():
        drug = drugs()[p.drug]
        dose = p.dose_units if drug.measure == "units" else p.dose_mg
        if p.kind in DRUG_REQUIRED and (dose is None or dose <= 0):
            problems.append(f"dose_{drug.measure}: enter the dose in {drug.measure}")
    if p.kind is Kind.FILLER and (p.volume_ml is None or p.volume_ml <= 0):
        problems.append("volume_ml: enter the filler volume in mL")
    return problems
