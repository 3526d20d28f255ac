"""Properties every coded claim keeps, over thousands of generated visits (hypothesis)."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dermcharge.anatomy.sites import site_table
from dermcharge.codesets.cpt import cpt_table
from dermcharge.codesets.icd10.releases import catalog_for
from dermcharge.coding.diagnoses import known_findings
from dermcharge.coding.engine import code_visit
from dermcharge.coding.visit_json import InvalidVisit, parse_visit

SITES = sorted(site_table().sites)
FINDINGS = sorted(known_findings() - {"abscess"})  # abscess needs a coded site: tested apart
CM = st.decimals(min_value="0.1", max_value="12", places=1)


@st.composite
def placed(draw: st.DrawFn, sites: list[str] | None = None) -> dict[str, Any]:
    site = draw(st.sampled_from(sites or SITES))
    out: dict[str, Any] = {"site": site}
    if site_table()[site].sides:
        out["laterality"] = draw(st.sampled_from(["left", "right"]))
    if site_table()[site].digit:
        out["digit"] = draw(st.integers(1, 5))
    if site == "genitalia":
        out["icd10"] = "C60.9"
    else:
        out["finding"] = draw(st.sampled_from(FINDINGS))
    out.update(
        draw(
            st.fixed_dictionaries(
                {},
                optional={
                    "separate_lesion": st.booleans(),
                    "symptomatic": st.booleans(),
                    "cosmetic": st.booleans(),
                    "abn": st.sampled_from(["none", "signed", "voluntary"]),
                    "path_pending": st.booleans(),
                },
            )
        )
    )
    return out


@st.composite
def procedure(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(
        st.sampled_from(
            [
                "biopsy_tangential",
                "biopsy_punch",
                "biopsy_incisional",
                "shave_removal",
                "excision_benign",
                "excision_malignant",
                "repair_simple",
                "repair_intermediate",
                "repair_complex",
                "adjacent_tissue_transfer",
                "destruction_premalignant",
                "destruction_benign",
                "destruction_malignant",
                "skin_tag_removal",
                "mohs",
                "intralesional_injection",
                "incision_drainage",
                "acne_surgery",
                "phototherapy",
                "excimer_laser",
                "nail_avulsion",
                "nail_matrix_excision",
                "nail_debridement",
            ]
        )
    )
    nail = kind.startswith("nail_")
    p: dict[str, Any] = {"kind": kind, **draw(placed(["finger", "toe"] if nail else None))}
    if nail:
        p["digit"] = draw(st.integers(1, 5))
    if kind in ("shave_removal", "destruction_malignant"):
        p["lesion_cm"] = draw(CM)
    if kind.startswith("excision_"):
        if draw(st.booleans()):
            p["excised_cm"] = draw(CM)
        else:
            p["lesion_cm"], p["margin_cm"] = draw(CM), draw(st.decimals("0", "2", places=1))
        if draw(st.booleans()):
            p["repair"] = {
                "type": draw(st.sampled_from(["simple", "intermediate", "complex"])),
                "length_cm": draw(CM),
            }
    if kind.startswith("repair_"):
        p["length_cm"] = draw(st.decimals("0.1", "40", places=1))
    if kind == "adjacent_tissue_transfer":
        p["defect_sq_cm"] = draw(st.decimals("0.5", "150", places=1))
    if kind in (
        "destruction_premalignant",
        "destruction_benign",
        "skin_tag_removal",
        "intralesional_injection",
        "nail_debridement",
    ):
        p["count"] = draw(st.integers(0, 40))
    if kind == "mohs":
        p["stages"] = draw(st.lists(st.integers(1, 9), min_size=1, max_size=4))
    if kind == "intralesional_injection" and draw(st.booleans()):
        p["drug"], p["dose_mg"] = "triamcinolone_acetonide", draw(st.integers(1, 80))
    if kind == "incision_drainage":
        p["complicated"] = draw(st.booleans())
        p.pop("finding", None)
        p["icd10"] = "L02.91"
    if kind == "phototherapy":
        p["modality"] = draw(st.sampled_from(["uvb", "uvb_with_topical", "puva"]))
    if kind == "excimer_laser":
        p["area_sq_cm"] = draw(st.decimals("1", "900", places=0))
    return p


@st.composite
def visit(draw: st.DrawFn) -> dict[str, Any]:
    data: dict[str, Any] = {
        "date_of_service": "2026-11-20",
        "payer": draw(st.sampled_from(["medicare", "medicaid", "commercial", "self_pay"])),
        "patient_status": "established",
        "procedures": draw(st.lists(procedure(), max_size=8)),
    }
    if draw(st.booleans()):
        data["em"] = {
            "code": draw(st.sampled_from(["99212", "99213", "99214", "99215"])),
            "separately_identifiable": draw(st.booleans()),
            "diagnoses": [{"finding": draw(st.sampled_from(["psoriasis", "rosacea"]))}],
        }
    if draw(st.booleans()):
        data["payer_profile"] = {
            "distinct_modifier": draw(st.sampled_from(["59", "XS"])),
            "append_51": draw(st.booleans()),
            "laterality_modifiers": draw(st.booleans()),
        }
    return data


EXCLUSIVE = [
    ("17004", "17000"),
    ("17004", "17003"),
    ("17110", "17111"),
    ("11900", "11901"),
    ("10060", "10061"),
]


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(visit())
def test_any_valid_visit_codes_cleanly_and_keeps_the_rules(data: dict[str, Any]) -> None:
    parsed = parse_visit(data, catalog_for=catalog_for)
    claim = code_visit(parsed)
    assert code_visit(parsed) == claim, "coding is deterministic"
    codes = {line.cpt for line in claim.lines}
    table = cpt_table()
    catalog = catalog_for(parsed.date_of_service)
    for line in claim.lines:
        assert line.units >= 1
        assert len(line.diagnoses) <= 4
        assert len(line.modifiers) <= 4
        assert all(len(m) == 2 for m in line.modifiers)
        assert line.description and line.why
        for dx in line.diagnoses:
            assert catalog.is_billable(dx), dx
        if table.is_add_on(line.cpt) and line.cpt != "G2211":
            assert codes & set(table.primaries(line.cpt)), f"{line.cpt} without its primary"
            assert not {"59", "XS", "51"} & set(line.modifiers)
    for a, b in EXCLUSIVE:
        assert not (a in codes and b in codes), f"{a} with {b}"
    assert len(claim.diagnoses) == len(set(claim.diagnoses))
    assert all(d in claim.diagnoses for line in claim.lines for d in line.diagnoses)


JSONISH = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-5, 500)
    | st.floats(allow_nan=True)
    | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "date_of_service",
                    "payer",
                    "procedures",
                    "kind",
                    "site",
                    "count",
                    "lesion_cm",
                    "laterality",
                    "em",
                    "code",
                    "stages",
                    "repair",
                    "icd10",
                    "finding",
                    "margin_cm",
                    "digit",
                ]
            ),
            inner,
            max_size=6,
        )
    ),
    max_leaves=20,
)


@settings(max_examples=1500, deadline=None)
@given(JSONISH)
def test_malformed_input_raises_invalid_visit_and_nothing_else(data: Any) -> None:
    try:
        parsed = parse_visit(data, catalog_for=catalog_for)
    except InvalidVisit as invalid:
        assert invalid.problems and all(":" in p for p in invalid.problems)
    else:
        code_visit(parsed)
