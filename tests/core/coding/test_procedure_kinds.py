"""The kinds table is the one place that says what each procedure kind needs: every kind has an
entry, and the contract parser and the capture flow both follow it."""

from __future__ import annotations

from typing import Any

import pytest

from dermcharge.coding.procedure_kinds import (
    EM_CODES,
    EM_CODES_BY_STATUS,
    KIND_SPECS,
    Need,
    kind_spec,
)
from dermcharge.coding.visit_json import InvalidVisit, parse_visit
from dermcharge.domain.visit import Kind, PatientStatus

# A value that satisfies each requirement, for building inputs from the table alone.
_GIVEN: dict[Need, Any] = {
    Need.COUNT: 2,
    Need.LESION: 0.8,
    Need.LENGTH: 2.5,
    Need.DEFECT: 4,
    Need.AREA: 120,
    Need.STAGES: [2],
    Need.MODALITY: "uvb",
    Need.DOSE_MG: 40,
    Need.DOSE_UNITS: 50,
    Need.VOLUME: 1.5,
}


def _given(kind: Kind, need: Need) -> Any:
    """_GIVEN, or for the issue-20 needs whose values depend on the kind, its first choice."""
    from dermcharge.coding.procedure_fields import DEPTHS, DRUGS_FOR, TECHNIQUES

    by_kind = {Need.TECHNIQUE: TECHNIQUES, Need.DEPTH: DEPTHS, Need.DRUG: DRUGS_FOR}
    if need in by_kind:
        return sorted(by_kind[need][kind])[0]
    return _GIVEN[need]


def _visit(procedure: dict[str, Any]) -> dict[str, Any]:
    return {
        "date_of_service": "2026-11-20",
        "payer": "commercial",
        "patient_status": "established",
        "procedures": [{"finding": "actinic_keratosis", **procedure}],
    }


def _complete(kind: Kind) -> dict[str, Any]:
    spec = kind_spec(kind)
    procedure: dict[str, Any] = {"kind": str(kind)}
    if spec.site_required:
        procedure.update({"site": "toe", "laterality": "left", "digit": 1})
    for need in spec.requires - {Need.SITE}:
        procedure[need.value] = _given(kind, need)
    if Need.EXCISED in spec.asks:
        procedure.update({"lesion_cm": 1.0, "margin_cm": 0.2})
    return procedure


def test_every_kind_has_one_entry() -> None:
    assert set(KIND_SPECS) == set(Kind)
    for spec in KIND_SPECS.values():
        assert spec.requires <= spec.asks


@pytest.mark.parametrize("kind", list(Kind))
def test_the_parser_accepts_what_the_table_requires(kind: Kind) -> None:
    visit = parse_visit(_visit(_complete(kind)))
    assert visit.procedures[0].kind is kind


@pytest.mark.parametrize(
    ("kind", "need"),
    [(kind, need) for kind, spec in KIND_SPECS.items() for need in sorted(spec.requires)],
)
def test_the_parser_names_each_missing_requirement(kind: Kind, need: Need) -> None:
    procedure = _complete(kind)
    del procedure[need.value]
    with pytest.raises(InvalidVisit) as refused:
        parse_visit(_visit(procedure))
    assert f"procedures[0].{need.value}" in str(refused.value)


def test_the_office_e_m_codes_are_the_union_of_both_statuses() -> None:
    assert EM_CODES_BY_STATUS[PatientStatus.NEW][0] == "99202"
    assert {
        "99202",
        "99203",
        "99204",
        "99205",
        "99211",
        "99212",
        "99213",
        "99214",
        "99215",
    } == EM_CODES
