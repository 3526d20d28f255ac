"""HL7 DFT^P03, FHIR R4 and CSV exports of every example case: each HL7 message parsed back and
validated strictly by hl7apy, the FHIR bundle parsed by fhir.resources' R4B models, the CSV read
back line for line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle
from hl7apy.consts import VALIDATION_LEVEL
from hl7apy.parser import parse_message

from dermcharge.claims_out.claims_csv import COLUMNS
from dermcharge.services import billing, visits
from dermcharge.services.billing import ExportRefused
from dermcharge.storage.database import Database
from tests.storage.claim_samples import case_inputs, claim_record
from tests.storage.test_claims_export import ADMIN, _provider, _signed


@pytest.fixture
def signed_cases(db: Database) -> list[int]:
    provider = _provider(db)
    ids = []
    for number, (_case_id, visit) in enumerate(case_inputs()):
        subscriber = ("self", "child", "spouse")[number % 3]
        payer = ("medicare", "commercial", "medicaid")[number % 3]
        record = claim_record(visit, account=f"H-{number}", subscriber=subscriber, payer=payer)
        ids.append(_signed(db, record, provider))
    return ids


def _export(db: Database, path: Path, format: str, **options: Any) -> billing.ExportResult:
    return billing.export_claims(db, format=format, path=path, by=ADMIN, **options)


def test_hl7_one_valid_dft_p03_per_visit(
    db: Database, signed_cases: list[int], tmp_path: Path
) -> None:
    out = tmp_path / "charges.hl7"
    _export(db, out, "hl7", queue=True)
    data = out.read_bytes()
    assert b"\n" not in data.replace(b"\r\n", b"")  # segments end with CR, messages with CR LF
    messages = [m for m in data.decode("utf-8").split("\r\n") if m]
    assert len(messages) == len(signed_cases)
    for text, visit_id in zip(messages, signed_cases, strict=True):
        message = parse_message(text, validation_level=VALIDATION_LEVEL.STRICT, find_groups=True)
        assert message.validate()
        assert message.msh.msh_9.to_er7() == "DFT^P03^DFT_P03"
        assert message.msh.msh_12.to_er7() == "2.5.1"
        claim = visits.open_visit(db, visit_id).claim
        assert claim is not None
        financial = message.children.get("DFT_P03_FINANCIAL")
        ft1s = [group.ft1 for group in financial]
        assert [f.ft1_25.ce_1.to_er7() for f in ft1s] == [line.cpt for line in claim.lines]
        assert [f.ft1_6.to_er7() for f in ft1s] == ["CG"] * len(claim.lines)
        assert [int(f.ft1_10.to_er7()) for f in ft1s] == [line.units for line in claim.lines]
        for ft1, line in zip(ft1s, claim.lines, strict=True):
            assert [m.ce_1.to_er7() for m in ft1.ft1_26] == list(line.modifiers)
            assert ft1.ft1_20.xcn_1.to_er7() == "1234567893"
        assert len(message.children.get("DG1")) == len(claim.diagnoses)
        assert message.dft_p03_insurance.in1.in1_36.to_er7() == "1EG4TE5MK73"


def test_fhir_bundle_parses_as_r4_with_every_reference_inside(
    db: Database, signed_cases: list[int], tmp_path: Path
) -> None:
    out = tmp_path / "claims.json"
    _export(db, out, "fhir", queue=True)
    data = json.loads(out.read_text())
    bundle = Bundle.model_validate(data)
    assert bundle.type == "collection"
    urls = {entry["fullUrl"] for entry in data["entry"]}
    claims = []
    for entry in data["entry"]:
        resource = entry["resource"]
        get_fhir_model_class(resource["resourceType"]).model_validate(resource)
        if resource["resourceType"] == "Claim":
            claims.append(resource)
    assert len(claims) == len(signed_cases)
    kinds = {entry["resource"]["resourceType"] for entry in data["entry"]}
    assert {"Patient", "Practitioner", "Organization", "Coverage", "RelatedPerson"} <= kinds
    for claim in claims:
        assert claim["use"] == "claim" and claim["status"] == "active"
        assert claim["type"]["coding"][0]["code"] == "professional"
        references = [
            claim["patient"],
            claim["provider"],
            claim["insurance"][0]["coverage"],
            claim["careTeam"][0]["provider"],
        ]
        assert all(ref["reference"] in urls for ref in references)
        sequences = {d["sequence"] for d in claim["diagnosis"]}
        for item in claim["item"]:
            assert set(item["diagnosisSequence"]) <= sequences
            assert item["net"]["value"] == pytest.approx(
                item["unitPrice"]["value"] * item["quantity"]["value"]
            )


def test_csv_one_row_per_line_with_documented_columns(
    db: Database, signed_cases: list[int], tmp_path: Path
) -> None:
    out = tmp_path / "claims.csv"
    result = _export(db, out, "csv", queue=True)
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert tuple(rows[0].keys()) == COLUMNS
    expected_lines = sum(len(visits.open_visit(db, i).claim.lines) for i in signed_cases)  # type: ignore[union-attr]
    assert len(rows) == expected_lines
    assert sum(float(r["charge"]) for r in rows) == pytest.approx(float(result.total))


def test_a_second_format_needs_again_and_a_self_pay_visit_is_no_fhir_claim(
    db: Database, tmp_path: Path
) -> None:
    provider = _provider(db)
    visit = case_inputs()[0][1]
    self_pay = _signed(db, claim_record(visit, account="S-1", payer="self_pay"), provider)
    with pytest.raises(ExportRefused, match=f"visit {self_pay}: insurance"):
        _export(db, tmp_path / "c.json", "fhir", visit_ids=[self_pay])
    _export(db, tmp_path / "c.csv", "csv", visit_ids=[self_pay])  # a spreadsheet takes it
    with pytest.raises(ExportRefused, match="give --again"):
        _export(db, tmp_path / "c.hl7", "hl7", visit_ids=[self_pay])
    _export(db, tmp_path / "c.hl7", "hl7", visit_ids=[self_pay], again=True)
    message = parse_message(
        (tmp_path / "c.hl7").read_bytes().decode().split("\r\n")[0],
        validation_level=VALIDATION_LEVEL.STRICT,
        find_groups=True,
    )
    assert message.validate()
    assert not message.children.get("DFT_P03_INSURANCE")


def test_cms1500_one_form_per_six_lines_of_each_visit(
    db: Database, signed_cases: list[int], tmp_path: Path
) -> None:
    from pypdf import PdfReader

    out = tmp_path / "forms.pdf"
    _export(db, out, "cms1500", queue=True, form_mode="red")
    reader = PdfReader(out)
    expected = sum(
        -(-len(visits.open_visit(db, i).claim.lines) // 6)  # type: ignore[union-attr]
        for i in signed_cases
    )
    assert len(reader.pages) == expected
    assert "1234567893" in reader.pages[0].extract_text()
