"""NCCI PTP pairs: indicator 0, 1 (with and without a modifier and a separate site) and 9."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dermcharge.checks.code_pairs import check_code_pairs
from dermcharge.checks.edit_tables import CheckTables
from dermcharge.codesets.ptp import PtpEdit, PtpTable
from dermcharge.domain.claim import ClaimLine, Finding, Severity
from dermcharge.domain.visit import Procedure
from tests.core.checks.claim_builders import claim, context, line, proc, visit

START = date(2020, 1, 1)
PAIRS = PtpTable(
    "test pairs",
    (
        PtpEdit("17000", "11200", 1, START, source="test PTP row"),
        PtpEdit("14301", "11400", 0, START, source="test PTP row"),
        PtpEdit("17110", "11400", 9, START, source="test PTP row"),
        PtpEdit("17000", "11900", 1, START, source="curated row", verified=False),
        PtpEdit("17311", "11102", 1, START, effective_to=date(2021, 1, 1)),
        PtpEdit("99213", "11102", 1, START),
    ),
)
TABLES = CheckTables(pairs=PAIRS)
AK = proc("destruction_premalignant", count=3, icd10="L57.0")
TAGS_NECK = proc("skin_tag_removal", count=5, site="neck", icd10="L91.8")


def pairs(*lines: ClaimLine, procedures: tuple[Procedure, ...] = (), **kw: Any) -> list[Finding]:
    return check_code_pairs(context(visit(*procedures, **kw), claim(*lines), TABLES))


def test_indicator_0_column_2_is_never_payable() -> None:
    found = pairs(line("14301"), line("11400", modifiers=("XS",)))
    assert [(f.severity, f.lines) for f in found] == [(Severity.ERROR, (1, 2))]
    assert "Remove line 2" in found[0].action


def test_indicator_1_without_modifier_is_an_error() -> None:
    found = pairs(
        line("17000", procedures=(0,)),
        line("11200", dx=("L91.8",), procedures=(1,)),
        procedures=(AK, TAGS_NECK),
    )
    assert [(f.severity, f.lines) for f in found] == [(Severity.ERROR, (1, 2))]
    assert "XS" in found[0].action


@pytest.mark.parametrize("modifier", ["XS", "59", "RT"])
def test_indicator_1_with_modifier_and_a_separate_site_is_clean(modifier: str) -> None:
    found = pairs(
        line("17000", procedures=(0,)),
        line("11200", modifiers=(modifier,), dx=("L91.8",), procedures=(1,)),
        procedures=(AK, TAGS_NECK),
    )
    assert found == []


def test_indicator_1_with_modifier_but_same_site_and_no_separate_lesion_warns() -> None:
    at_neck = proc("destruction_premalignant", count=1, site="neck", icd10="L57.0")
    found = pairs(
        line("17000", procedures=(0,)),
        line("11200", modifiers=("XS",), procedures=(1,)),
        procedures=(at_neck, TAGS_NECK),
    )
    assert [f.severity for f in found] == [Severity.WARNING]
    assert "separate lesion" in found[0].action


def test_separate_lesion_flag_supports_the_modifier_at_one_site() -> None:
    at_neck = proc("destruction_premalignant", count=1, site="neck", icd10="L57.0")
    tags = proc("skin_tag_removal", count=5, site="neck", icd10="L91.8", separate_lesion=True)
    found = pairs(
        line("17000", procedures=(0,)),
        line("11200", modifiers=("XS",), procedures=(1,)),
        procedures=(at_neck, tags),
    )
    assert found == []


def test_same_site_without_modifier_suggests_removing_the_bundled_line() -> None:
    at_neck = proc("destruction_premalignant", count=1, site="neck", icd10="L57.0")
    found = pairs(
        line("17000", procedures=(0,)),
        line("11200", procedures=(1,)),
        procedures=(at_neck, TAGS_NECK),
    )
    assert found[0].action.startswith("Remove line 2")


def test_indicator_9_does_not_apply() -> None:
    assert pairs(line("17110"), line("11400")) == []


def test_unverified_curated_pair_is_only_a_warning_and_says_so() -> None:
    found = pairs(line("17000"), line("11900"))
    assert [f.severity for f in found] == [Severity.WARNING]
    assert "not the CMS file" in found[0].message


def test_edit_out_of_force_on_the_date_of_service_does_not_fire() -> None:
    assert pairs(line("17311"), line("11102")) == []


def test_e_m_pairs_are_left_to_the_e_m_check() -> None:
    assert pairs(line("99213", modifiers=("25",)), line("11102")) == []


def test_no_pair_no_finding() -> None:
    assert pairs(line("17000"), line("17003", units=2)) == []


def test_shipped_pairs_are_used_when_no_tables_are_given() -> None:
    ctx = context(visit(), claim(line("17000"), line("11200", dx=("L91.8",))), tables=None)
    assert [f.check for f in check_code_pairs(ctx)] == ["code_pairs"]


def test_different_diagnoses_at_one_site_are_separate_lesions() -> None:
    at_neck = proc("destruction_premalignant", count=1, site="neck", icd10="L57.0")
    found = pairs(
        line("17000", procedures=(0,)),
        line("11200", modifiers=("XS",), dx=("L91.8",), procedures=(1,)),
        procedures=(at_neck, TAGS_NECK),
    )
    assert found == []
