"""The ordered run, de-duplication, the verdict and the engine hook."""

from __future__ import annotations

import pytest

from dermcharge.checks import registry
from dermcharge.checks.context import CheckContext
from dermcharge.checks.registry import CHECKS, check_claim, run_checks, unique, verdict
from dermcharge.domain.claim import CodedClaim, Finding, Severity
from dermcharge.domain.visit import PatientStatus
from tests.core.checks.claim_builders import DOS, claim, context, icd, line, visit

ERROR = Finding(Severity.ERROR, "code_pairs", "pair")
WARNING = Finding(Severity.WARNING, "cosmetic", "cosmetic")
INFO = Finding(Severity.INFO, "missed_charges", "closure")


def test_every_check_module_is_registered_once_in_a_stable_order() -> None:
    names = [name for name, _ in CHECKS]
    assert len(names) == len(set(names)) == 14
    assert names[0] == "claim_shape"


def test_findings_come_out_in_check_order() -> None:
    # 17003 alone: add_ons (error) comes before diagnosis_support (error).
    ctx = context(visit(), claim(line("17003", dx=("L82.1",))), tables=None)
    assert [f.check for f in run_checks(ctx)] == ["add_ons", "diagnosis_support"]


def test_identical_findings_are_reported_once() -> None:
    assert unique([ERROR, WARNING, ERROR]) == (ERROR, WARNING)


def test_a_check_that_raises_becomes_a_finding(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(ctx: CheckContext) -> list[Finding]:
        raise KeyError("boom")

    monkeypatch.setattr(registry, "CHECKS", (("duplicates", broken), *CHECKS[2:]))
    found = registry.run_checks(context(visit(), claim(line("17000"))))
    assert found[0].check == registry.CHECK_FAILED and "duplicate lines" in found[0].message


@pytest.mark.parametrize(
    ("findings", "clean", "summary"),
    [
        ((), True, "Clean: no problems found."),
        ((INFO,), True, "Clean: no problems found."),
        ((WARNING,), True, "Clean, with 1 warning (cosmetic / coverage) to review."),
        ((ERROR, WARNING, ERROR), False,
         "Not ready: 2 errors (code pairs (NCCI)), 1 warning (cosmetic / coverage)."),
    ],
)  # fmt: skip
def test_verdict(findings: tuple[Finding, ...], clean: bool, summary: str) -> None:
    result = verdict(findings)
    assert (result.clean, result.summary) == (clean, summary)


def test_unknown_check_ids_read_plainly_in_the_summary() -> None:
    result = verdict([Finding(Severity.ERROR, "size_gap", "gap")])
    assert result.summary == "Not ready: 1 error (size gap)."


def test_check_claim_adds_findings_after_the_engines() -> None:
    engine = Finding(Severity.ERROR, "size_gap", "1.05 cm falls in a gap")
    base = claim(line("17003", dx=("L57.0",)))
    coded = CodedClaim(base.lines, base.diagnoses, findings=(engine,))
    checked = check_claim(visit(), coded, icd())
    assert checked.findings[0] == engine
    assert [f.check for f in checked.findings[1:]] == ["add_ons"]
    assert checked.lines == coded.lines


def test_check_claim_keeps_the_engines_findings_and_adds_every_check_finding() -> None:
    """No finding of a check is dropped for resembling one of the engine's (issue 12: the old
    registry matched message text to hide "twins"; each rule now has one owner)."""
    engine = Finding(Severity.WARNING, "code_set_version", "FY2027 is in force ...")
    base = claim(line("99203", dx=("L71.9",), procedures=(None,)))
    coded = CodedClaim(base.lines, base.diagnoses, findings=(engine,))
    the_visit = visit(em="99203", status=PatientStatus.ESTABLISHED)
    checked = check_claim(the_visit, coded, icd()).findings
    assert checked[0] == engine
    status = [f for f in checked if "new-patient" in f.message]
    assert [f.check for f in status] == ["evaluation_management"]
    assert not hasattr(registry, "ENGINE_TWINS")


def test_the_cms_helpers_edit_tables_are_accepted_as_they_are() -> None:
    from dermcharge.codesets.cms.active import active_tables

    ctx = context(visit(), claim(line("17003", units=2)), tables=active_tables(DOS))
    assert [f.check for f in run_checks(ctx)] == ["add_ons"]
