"""Reports on a stored practice, SQLite and PostgreSQL: every expected figure is worked out here
from the visits stored and the fixture's RVUs, not by the report code."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from dermcharge.cli.main import main
from dermcharge.codesets.cms.importing import import_file
from dermcharge.domain.record import Address, Practice
from dermcharge.domain.visit import Payer
from dermcharge.fees.schedule import Fee, FeeSchedule
from dermcharge.services import reports, visits
from dermcharge.services.fee_schedules import add_fee_schedule
from dermcharge.services.reports import ReportRefused, ReportScope
from dermcharge.storage import estimate_repository
from dermcharge.storage import people_repository as people
from dermcharge.storage.database import Database
from tests.storage.storage_samples import (
    OTHER_VALID_NPI,
    sample_record,
    stand_in_coder,
)

CMS = Path(__file__).resolve().parents[1] / "fixtures" / "cms"
D1, D2 = date(2026, 11, 20), date(2026, 11, 23)
FEES = {"99213": Decimal("120"), "17000": Decimal("90"), "11104": Decimal("150")}


@pytest.fixture
def practice(db: Database) -> Database:
    """Three visits: two for Jane Doe (one signed), one self-pay for another provider."""
    add_fee_schedule(
        db,
        FeeSchedule(
            payer="any",
            label="practice fees 2026",
            effective_from=date(2026, 1, 1),
            effective_to=None,
            fees={code: Fee(amount) for code, amount in FEES.items()},
            source="test",
        ),
        actor="test",
    )
    first = visits.create_visit(db, sample_record(dos=D1), actor="test", coder=stand_in_coder)
    ready = visits.mark_ready(db, first.id, expected_version=first.version, actor="ma")
    visits.sign(db, first.id, expected_version=ready.version, actor="drdoe")
    visits.create_visit(
        db, sample_record(dos=D2, account="A-1002"), actor="test", coder=stand_in_coder
    )
    other = sample_record(dos=D2, account="A-1003", npi=OTHER_VALID_NPI)
    other = replace(
        other,
        visit=replace(other.visit, payer=Payer.SELF_PAY, procedures=other.visit.procedures[:1]),
        provider=replace(other.provider, name="Adams"),  # type: ignore[arg-type]
        insurance=(),
    )
    visits.create_visit(db, other, actor="test", coder=stand_in_coder)
    return db


WHOLE = ReportScope(date(2026, 11, 1), date(2026, 11, 30), None)
# stand_in_coder: 99213-25, 17000 x12 (the count), 11104 (the pending punch biopsy)
JANE_VISIT = FEES["99213"] + 12 * FEES["17000"] + FEES["11104"]
ADAMS_VISIT = FEES["99213"] + 12 * FEES["17000"]


def test_day_reconciliation(practice: Database) -> None:
    rows = reports.day_report(practice, WHOLE)
    by = {(r.day, r.provider_name): r for r in rows}
    first = by[(D1, "Jane Doe")]
    assert first.counts() == {
        "visits": 1, "without_charges": 0, "unsigned": 0, "signed_not_exported": 1,
        "exported": 0, "held_for_pathology": 1,
    }  # fmt: skip
    assert first.charged == JANE_VISIT
    later = by[(D2, "Jane Doe")]
    assert later.counts()["unsigned"] == 1
    assert by[(D2, "Adams")].charged == ADAMS_VISIT
    assert by[(D2, "Adams")].counts()["held_for_pathology"] == 0
    total = sum((r.charged for r in rows), Decimal(0))
    assert total == 2 * JANE_VISIT + ADAMS_VISIT


def test_payer_mix(practice: Database) -> None:
    rows = {(r.payer_kind, r.payer_name): r for r in reports.payers_report(practice, WHOLE)}
    assert len(rows[("medicare", "")].visits) == 2
    assert rows[("medicare", "Medicare Part B")].charged == 2 * JANE_VISIT
    assert rows[("self_pay", "Self-pay")].charged == ADAMS_VISIT


def test_productivity_from_the_imported_rvu_file(
    practice: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = reports.productivity_report(practice, WHOLE)
    assert not before.rvus_loaded
    assert all(row.work_rvu == 0 for row in before.rows)
    import_file(CMS / "PPRRVU2026_Oct.csv")
    after = reports.productivity_report(practice, WHOLE, period="month")
    assert after.rvus_loaded
    by = {row.key: row for row in after.rows}
    # Fixture: 99213 work 1.30 total 2.73 (not reducible); 17000 work 0.61 total 1.95
    # (indicator 2: the first unit 100 %, the 11 others 50 %); 11104 not in the file.
    factor = Decimal(1) + Decimal(11) * Decimal("0.5")
    work_per_visit = Decimal("1.30") + Decimal("0.61") * factor
    total_per_visit = Decimal("2.73") + Decimal("1.95") * factor
    q = Decimal("0.01")

    def cents(value: Decimal) -> Decimal:
        return value.quantize(q, rounding=ROUND_HALF_UP)

    assert by["Jane Doe"].work_rvu == cents(2 * work_per_visit)
    assert by["Jane Doe"].total_rvu == cents(2 * total_per_visit)
    assert by["Jane Doe"].allowed == cents(2 * total_per_visit * Decimal("33.4009"))
    assert by["Jane Doe"].unvalued_codes == ("11104",)
    assert by["Adams"].work_rvu == cents(work_per_visit)


def test_the_cli_prints_json_csv_and_a_pdf_with_the_chart(
    practice: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = practice.url
    args = ["report", "day", "--from", "2026-11-01", "--to", "2026-11-30", "--db", url]
    assert main([*args, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert sum(Decimal(row["charged"]) for row in data["rows"]) == 2 * JANE_VISIT + ADAMS_VISIT
    assert all(row["visit_ids"] for row in data["rows"])
    assert main([*args, "--csv"]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("Day,Provider,Visits")
    out = tmp_path / "day.pdf"
    assert main([*args, "--pdf", str(out)]) == 0
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Day reconciliation" in text and "Charged by provider" in text
    assert main([*args, "--pdf", str(out)]) == 2  # never over an existing file without --force


def test_bad_ranges_and_providers_are_refused(
    practice: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    url = practice.url
    assert main(["report", "day", "--from", "2026-11-30", "--to", "2026-11-01", "--db", url]) == 2
    assert "before --from" in capsys.readouterr().err
    assert main(["report", "day", "--from", "x", "--to", "2026-11-01", "--db", url]) == 2
    assert (
        main(
            [
                "report",
                "day",
                "--from",
                "2026-11-01",
                "--to",
                "2026-11-30",
                "--provider",
                "99",
                "--db",
                url,
            ]
        )
        == 2
    )
    with pytest.raises(ReportRefused):
        reports.scope_for(practice, _user("ma", "medical_assistant"), D1, D2)


def _user(name: str, *roles: str):  # type: ignore[no-untyped-def]
    from dermcharge.security.accounts import User
    from dermcharge.security.roles import parse_roles

    return User(1, name, name, parse_roles(list(roles)))


def test_a_good_faith_estimate_is_written_and_kept_with_the_patient(
    practice: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "gfe.pdf"
    base = ["estimate", "--codes", "17000", "11104", "--payer", "self_pay", "--db", practice.url]
    # Not yet complete: no practice set up (no NPI/TIN), no date of birth.
    assert main([*base, "--patient-name", "Zoë O'Brien", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "date of birth" in err and "practice NPI" in err
    assert not out.exists()
    with practice.write() as session:
        people.save_practice(
            session,
            Practice("Prairie Dermatology", "1245319599", "371234567",
                     address=Address("200 Oak Ave", "", "Springfield", "IL", "62701")),
            actor="test",
            at=practice.clock(),
        )  # fmt: skip
    full = [*base, "--patient-name", "Zoë O'Brien", "--dob", "1951-03-14", "-o", str(out)]
    assert main([*full, "--account", "A-1001"]) == 0
    printed = capsys.readouterr().out
    assert "Good Faith Estimate" in printed and "kept with patient A-1001" in printed
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    expected = 12 * 0 + FEES["17000"] + FEES["11104"]
    for needed in (
        "Good Faith Estimate",
        "Zoë O'Brien",
        "1951-03-14",
        "1245319599",
        "371234567",
        "$400",
        f"${expected:,.2f}",
        "not a contract",
    ):
        assert needed in text, needed  # fmt: skip
    with practice.read() as session:
        patient_id = people.find_patient_id(session, "A-1001")
        assert patient_id is not None
        kept = estimate_repository.patient_estimates(session, patient_id)
    assert [(good_faith, total) for _id, _at, good_faith, total in kept] == [(True, expected)]
