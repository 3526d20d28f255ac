"""Cosmetic services (issue 20) print as self-pay at the cash price, apart from the claim lines."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from superbill_samples import PATIENT, PRACTICE

from dermcharge.coding.engine import code_visit
from dermcharge.domain.record import Insurance, Provider, VisitRecord
from dermcharge.domain.visit import Diagnosis, Kind, Payer, Procedure, Visit
from dermcharge.fees.schedule import Fee, FeeSchedule
from dermcharge.services.superbill_print import build_superbill_record

DOS = date(2026, 11, 20)


def _schedule(payer: str, fees: dict[str, str]) -> FeeSchedule:
    return FeeSchedule(payer, f"{payer} fees", date(2026, 1, 1), None,
                       {code: Fee(Decimal(v)) for code, v in fees.items()})  # fmt: skip


def test_a_peel_beside_an_ak_destruction_prints_self_pay_at_the_cash_price() -> None:
    visit = Visit(
        date_of_service=DOS,
        payer=Payer.MEDICARE,
        procedures=(
            Procedure(kind=Kind.DESTRUCTION_PREMALIGNANT, count=1),
            Procedure(kind=Kind.CHEMICAL_PEEL, site="forehead", depth="epidermal",
                      diagnosis=Diagnosis(icd10="Z41.1")),
        ),
    )  # fmt: skip
    claim = code_visit(visit)
    assert [line.cpt for line in claim.lines] == ["17000"]
    record = VisitRecord(visit=visit, patient=PATIENT, practice=PRACTICE,
                         insurance=(Insurance("Medicare Part B", "1EG4TE5MK73"),),
                         provider=Provider("Jane Doe", "1245319599", "MD"))  # fmt: skip
    schedules = (
        _schedule("medicare", {"17000": "100.00", "15788": "999.00"}),
        _schedule("self_pay", {"15788": "250.00"}),
    )
    bill = build_superbill_record(record, claim, fee_schedules=schedules)
    by_code = {line.code: line for line in bill.lines}
    assert by_code["17000"].fee == Decimal("100.00") and not by_code["17000"].self_pay
    peel = by_code["15788"]
    assert (peel.fee, peel.cosmetic, peel.self_pay) == (Decimal("250.00"), True, True)
