"""Specificity and validity: unspecified site/side, category codes, codes not in force, D48.5."""

from __future__ import annotations

from datetime import date

import pytest

from dermcharge.checks.specificity import check_specificity
from dermcharge.domain.claim import ClaimLine, Finding, Severity
from dermcharge.domain.visit import Procedure
from tests.core.checks.claim_builders import claim, context, fired, line, proc, visit


def specificity(
    *lines: ClaimLine, procedures: tuple[Procedure, ...] = (), on: date = date(2026, 11, 20)
) -> list[Finding]:
    return check_specificity(context(visit(*procedures, on=on), claim(*lines)))


@pytest.mark.parametrize(
    ("code", "site", "side"),
    [
        ("C44.90", "nose", None),  # the classic: unspecified site with the nose picked
        ("C44.91", "nasal_ala", "left"),
        ("C44.611", "forearm", "left"),  # unspecified side of the upper limb
        ("D22.30", "cheek", "right"),  # unspecified part of face
        ("D22.9", "upper_back", None),
        ("C43.10", "upper_eyelid", "right"),
        ("L02.91", "buttock", "left"),
    ],
)
def test_unspecified_site_or_side_when_the_site_is_known(
    code: str, site: str, side: str | None
) -> None:
    biopsy = proc("biopsy_tangential", site=site, laterality=side, icd10=code)
    found = specificity(line("11102", dx=(code,), procedures=(0,)), procedures=(biopsy,))
    assert [(f.severity, f.procedures) for f in found] == [(Severity.WARNING, (0,))]
    assert "unspecified" in found[0].message


@pytest.mark.parametrize(
    ("code", "site", "side"),
    [
        ("C44.311", "nose", None),
        ("C44.612", "forearm", "right"),
        ("D22.39", "cheek", "left"),
        ("C44.301", "nose", None),  # the type is unspecified, the site is not
    ],
)
def test_specific_code_does_not_fire(code: str, site: str, side: str | None) -> None:
    biopsy = proc("biopsy_tangential", site=site, laterality=side, icd10=code)
    assert specificity(line("11102", dx=(code,), procedures=(0,)), procedures=(biopsy,)) == []


def test_unspecified_site_without_a_recorded_site_does_not_fire() -> None:
    ak = proc("destruction_premalignant", count=2, icd10="C44.90")
    assert specificity(line("17000", dx=("C44.90",), procedures=(0,)), procedures=(ak,)) == []


def test_wrong_side_is_an_error() -> None:
    biopsy = proc("biopsy_punch", site="forearm", laterality="left", icd10="C44.612")
    found = specificity(line("11104", dx=("C44.612",), procedures=(0,)), procedures=(biopsy,))
    assert [f.severity for f in found] == [Severity.ERROR]
    assert "right side" in found[0].message


@pytest.mark.parametrize("code", ["C44.31", "L72.1", "C44.21", "D22"])
def test_category_codes_are_not_billable(code: str) -> None:
    found = specificity(line("11102", dx=(code,)))
    assert [f.severity for f in found] == [Severity.ERROR]
    assert "not a billable code" in found[0].message


@pytest.mark.parametrize("code", ["C44.999", "L99.99", "XYZ"])
def test_codes_not_in_the_release_are_errors(code: str) -> None:
    found = specificity(line("11102", dx=(code,)))
    assert "is not an ICD-10-CM code" in found[0].message


@pytest.mark.parametrize(
    ("cpt", "on", "fires"),
    [
        ("11100", date(2018, 12, 31), False),
        ("11100", date(2019, 1, 1), True),
        ("11102", date(2018, 12, 31), True),
        ("11102", date(2019, 1, 1), False),
        ("99201", date(2021, 3, 1), True),
    ],
)
def test_cpt_codes_not_in_force_on_the_date(cpt: str, on: date, fires: bool) -> None:
    found = specificity(line(cpt, dx=("L57.0",)), on=on)
    assert any("not valid on the date of service" in f.message for f in found) is fires


def test_the_release_note_is_the_engines_not_repeated_here() -> None:
    """A visit before the loaded release: the engine says so once (code_set_version; see
    tests/core/coding/test_one_owner_per_rule.py); this check does not say it again."""
    found = specificity(line("17000"), on=date(2024, 3, 1))
    assert not [f for f in found if "release" in f.message]


def test_d48_5_on_a_biopsy_before_pathology_warns() -> None:
    biopsy = proc("biopsy_tangential", site="chest", icd10="D48.5")
    found = specificity(line("11102", dx=("D48.5",), procedures=(0,)), procedures=(biopsy,))
    assert any("D49.2" in f.action for f in found)


def test_d48_5_after_pathology_on_an_excision_is_accepted() -> None:
    excision = proc("excision_benign", site="chest", excised_cm=1, icd10="D48.5")
    found = specificity(line("11402", dx=("D48.5",), procedures=(0,)), procedures=(excision,))
    assert found == []


def test_pending_pathology_holds_the_claim() -> None:
    excision = proc("excision_malignant", site="chest", excised_cm=1, path_pending=True)
    found = specificity(line("11602", dx=("C44.519",), procedures=(0,)), procedures=(excision,))
    assert fired(found, "specificity", Severity.WARNING)
    assert "Hold the claim" in found[0].action and found[0].lines == (1,)
