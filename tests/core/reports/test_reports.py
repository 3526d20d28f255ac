"""The pure reports: sums checked against figures worked out by hand in each test."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from dermcharge.reports.estimates import (
    DISPUTE_THRESHOLD,
    EstimateParty,
    build_estimate,
    estimate_problems,
)
from dermcharge.reports.payer_mix import payer_mix
from dermcharge.reports.periods import period_start
from dermcharge.reports.productivity import RvuValues, productivity
from dermcharge.reports.reconciliation import reconcile
from dermcharge.reports.records import LineGroup, ReportFinding, ReportLine, ReportVisit
from dermcharge.reports.risk import likely_missed_charges, risk_by_check

D1, D2 = date(2026, 11, 2), date(2026, 11, 3)


def visit(visit_id: int, **changes: object) -> ReportVisit:
    fields: dict[str, object] = {
        "visit_id": visit_id,
        "date_of_service": D1,
        "provider_id": 1,
        "provider_name": "Okafor",
        "payer_kind": "medicare",
        "payer_name": "Medicare Part B",
        "status": "signed",
        "line_count": 2,
        "charge": Decimal("100.00"),
        "exported": False,
        "held_for_pathology": False,
    }
    fields.update(changes)
    return ReportVisit(**fields)  # type: ignore[arg-type]


def test_reconciliation_counts_each_state_and_keeps_the_visits_behind_it() -> None:
    visits = [
        visit(1),
        visit(2, status="draft", line_count=0, charge=Decimal(0)),
        visit(3, exported=True, status="billed"),
        visit(4, held_for_pathology=True, status="ready"),
        visit(5, provider_id=2, provider_name="Adams"),
        visit(6, date_of_service=D2),
    ]
    rows = reconcile(visits)
    assert [(r.day, r.provider_name) for r in rows] == [
        (D1, "Adams"),
        (D1, "Okafor"),
        (D2, "Okafor"),
    ]
    okafor = rows[1]
    assert okafor.visits == (1, 2, 3, 4)
    assert okafor.without_charges == (2,)
    assert okafor.unsigned == (2, 4)
    assert okafor.signed_not_exported == (1,)
    assert okafor.exported == (3,)
    assert okafor.held_for_pathology == (4,)
    assert okafor.charged == Decimal("300.00")
    whole = reconcile(visits, by_day=False)
    assert [(r.day, r.provider_name, len(r.visits)) for r in whole] == [
        (None, "Adams", 1),
        (None, "Okafor", 5),
    ]


RVUS = {
    ("17000", ""): RvuValues(0.61, 1.80, "2", 33.4009),
    ("17003", ""): RvuValues(0.04, 0.20, "0", 33.4009),  # add-on: never reduced
    ("11102", ""): RvuValues(0.66, 2.80, "2", 33.4009),
    ("99213", ""): RvuValues(1.30, 2.70, "0", 33.4009),
    ("88305", "26"): RvuValues(0.75, 1.10, "0", 33.4009),
}


def rvu_for(code: str, modifier: str, on: date) -> RvuValues | None:
    return RVUS.get((code, modifier))


def group(cpt: str, paid: str, units: int, component: str = "", **kw: object) -> LineGroup:
    return LineGroup(
        provider_id=kw.get("provider", 1),  # type: ignore[arg-type]
        date_of_service=kw.get("on", D1),  # type: ignore[arg-type]
        cpt=cpt,
        component=component,
        paid_units=Decimal(paid),
        units=units,
        lines=int(kw.get("lines", 1)),  # type: ignore[call-overload]
    )


def test_productivity_values_the_units_the_reduction_leaves() -> None:
    groups = [
        group("99213", "1", 1),
        group("11102", "1", 1),  # the claim's highest-valued reducible code (in full)
        group("17000", "0.5", 1),  # reduced by the database's ranking
        group("17003", "11", 11),  # add-on: never reduced
        group("J7308", "1", 1),  # not valued by the file
    ]
    [row] = productivity(groups, rvu_for, provider_names={1: "Okafor"})
    # work: 1.30 + 0.66 + 0.61 * 0.5 + 0.04 * 11 = 2.705 -> 2.71
    assert row.work_rvu == Decimal("2.71")
    # total: 2.70 + 2.80 + 0.90 + 2.20 = 8.60; allowed = 8.60 * 33.4009 = 287.24774
    assert row.total_rvu == Decimal("8.60")
    assert row.allowed == Decimal("287.25")
    assert row.units == 15 and row.lines == 5
    assert row.unvalued_codes == ("J7308",)


def test_a_component_reads_the_component_row() -> None:
    [row] = productivity([group("88305", "1", 1, "26")], rvu_for, group="family")
    assert row.work_rvu == Decimal("0.75")


def test_productivity_by_week_and_family() -> None:
    groups = [
        group("99213", "1", 1, on=date(2026, 11, 2)),
        group("99213", "1", 1, on=date(2026, 11, 8)),
    ]
    rows = productivity(groups, rvu_for, period="week", group="family", family_of=lambda c: "E/M")
    assert [(r.period, r.key, r.work_rvu) for r in rows] == [
        (date(2026, 11, 2), "E/M", Decimal("2.60"))
    ]
    assert period_start(date(2026, 11, 9), "week") == date(2026, 11, 9)
    assert period_start(date(2026, 11, 9), "month") == date(2026, 11, 1)
    with pytest.raises(ValueError, match="period"):
        period_start(D1, "year")
    with pytest.raises(ValueError, match="group"):
        productivity(groups, rvu_for, group="payer")


def line(visit_id: int, cpt: str, units: int = 1, *modifiers: str) -> ReportLine:
    return ReportLine(visit_id, D1, 1, cpt, modifiers, units)


def test_payer_mix_totals_each_type_then_its_payers() -> None:
    visits = [
        visit(1),
        visit(2, payer_kind="commercial", payer_name="Acme", charge=Decimal("50")),
        visit(3, payer_kind="commercial", payer_name="Zenith", charge=Decimal("500")),
    ]
    rows = payer_mix(visits)
    assert [(r.payer_kind, r.payer_name, r.visits, r.charged) for r in rows] == [
        ("commercial", "", (2, 3), Decimal("550")),
        ("commercial", "Zenith", (3,), Decimal("500")),
        ("commercial", "Acme", (2,), Decimal("50")),
        ("medicare", "", (1,), Decimal("100.00")),
        ("medicare", "Medicare Part B", (1,), Decimal("100.00")),
    ]


def test_risk_counts_decisions_by_check_and_provider() -> None:
    visits = [visit(1), visit(2, status="draft")]
    findings = [
        ReportFinding(1, 1, "code_pairs", "warning", "acknowledged"),
        ReportFinding(1, 1, "code_pairs", "error", "overridden"),
        ReportFinding(2, 1, "code_pairs", "warning", "acknowledged"),  # not left: unsigned
        ReportFinding(2, 1, "unit_limits", "warning", None),
        ReportFinding(2, 1, "claim_shape", "info", None),  # info is no risk
    ]
    rows = risk_by_check(findings, visits)
    assert [
        (r.check, r.open, r.acknowledged, r.overridden, r.claims_left_with_decisions) for r in rows
    ] == [
        ("code_pairs", 0, 2, 1, (1,)),
        ("unit_limits", 1, 0, 0, ()),
    ]


def test_likely_missed_charges() -> None:
    visits = [visit(1), visit(2), visit(3, held_for_pathology=True), visit(4)]
    lines = [
        line(1, "99213"),
        line(1, "17000"),  # E/M without 25 beside a procedure
        ReportLine(2, D1, 1, "11102", (), 1, ("D49.2",)),  # placeholder dx, nothing pending
        ReportLine(3, D1, 1, "11102", (), 1, ("D49.2",)),  # pending: fine
        line(4, "99213", 1, "25"),
        line(4, "17000"),
    ]
    findings = [ReportFinding(4, 1, "missed_charges", "warning", None)]
    found = likely_missed_charges(visits, lines, findings)
    assert [(m.visit_id, m.reason.split()[0]) for m in found] == [
        (1, "E/M"),
        (2, "biopsy"),
        (4, "the"),
    ]


PRACTICE = EstimateParty("Prairie Dermatology", "1245319599", "371234567", "200 Oak Ave")
DOCTOR = EstimateParty("Jane Doe MD", "1234567893", "", "200 Oak Ave")


def test_a_self_pay_estimate_is_a_good_faith_estimate_with_every_part() -> None:
    prices = {"15788": Decimal("350"), "11102": Decimal("120")}
    estimate = build_estimate(
        codes=[("15788", 1, (), ()), ("11102", 2, (), ("D48.5",))],
        price_for=lambda code, _mods: prices.get(code),
        describe=lambda code: f"service {code}",
        patient_name="Ada Okafor",
        patient_dob=date(1951, 3, 14),
        payer_kind="self_pay",
        expected_date=date(2026, 12, 10),
        issued_on=date(2026, 12, 3),
        provider=DOCTOR,
        practice=PRACTICE,
        schedule_label="cash prices 2026",
    )
    assert estimate.good_faith
    assert estimate.total == Decimal("590")
    assert estimate.diagnoses == ("D48.5",)
    assert len(estimate.disclaimers) == 4
    assert any("$400" in text for text in estimate.disclaimers)
    assert Decimal("400") == DISPUTE_THRESHOLD
    assert estimate_problems(estimate) == []


def test_a_good_faith_estimate_names_what_it_lacks_and_never_guesses_a_price() -> None:
    estimate = build_estimate(
        codes=[("15788", 1, (), ())],
        price_for=lambda code, _mods: None,
        describe=str,
        patient_name="",
        patient_dob=None,
        payer_kind="self_pay",
        expected_date=None,
        issued_on=D1,
        provider=DOCTOR,
        practice=EstimateParty("P", "", "", ""),
        schedule_label="",
    )
    problems = " ".join(estimate_problems(estimate))
    for needed in ("patient name", "date of birth", "practice NPI", "TIN", "no price for 15788"):
        assert needed in problems
    assert estimate.total == Decimal(0)
    insured = build_estimate(
        codes=[("11102", 1, (), ())],
        price_for=lambda code, _mods: Decimal("1"),
        describe=str,
        patient_name="A",
        patient_dob=None,
        payer_kind="medicare",
        expected_date=None,
        issued_on=D1,
        provider=DOCTOR,
        practice=PRACTICE,
        schedule_label="",
    )
    assert not insured.good_faith and estimate_problems(insured) == []
