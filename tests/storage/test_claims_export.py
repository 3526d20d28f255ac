"""Claims export through the billing service, on SQLite and PostgreSQL: every 837P written passes
pyx12's validator; a refused export writes nothing and marks nothing; nothing goes out twice
unless asked; amended visits become corrected claims (frequency 7), voids frequency 8."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from dermcharge.domain.workflow import VisitStatus
from dermcharge.security.accounts import local_admin
from dermcharge.services import billing, claims_export, signing, users, visits
from dermcharge.services.billing import ExportRefused
from dermcharge.services.demo_marker import DEMO_PRACTICE_NAME, DEMO_PRACTICE_TAX_ID
from dermcharge.services.output_files import OutputRefused
from dermcharge.storage import user_repository
from dermcharge.storage.database import Database
from tests.storage.claim_samples import case_inputs, claim_record
from tests.storage.x12_validation import x12_problems, x12valid_says_ok

ADMIN = local_admin("tester")
PASSWORD = "correct horse battery"


def _provider(db: Database, name: str = "drdoe", npi: str = "1234567893") -> Any:
    if not users.users_exist(db):
        users.create_first_admin(db, "admin", "Admin", PASSWORD)
    users.add_user(
        db,
        username=name,
        display_name="Jane Doe",
        roles="provider",
        password=PASSWORD,
        by=ADMIN,
    )
    signing.link_account(db, name, npi, name="Jane Doe", by=ADMIN)
    return users.verify_login(db, name, PASSWORD)


def _signed(db: Database, record: dict[str, Any], provider: Any) -> int:
    stored = visits.import_visit_record(db, record, actor="ma")
    return signing.sign_as(db, stored.id, provider).id


def _export(db: Database, path: Path, **options: Any) -> billing.ExportResult:
    options.setdefault("format", "837p")
    return claims_export.export_claims(db, path=path, by=ADMIN, **options)


def _segments(path: Path, tag: str) -> list[str]:
    return [s for s in path.read_text().replace("\n", "").split("~") if s.startswith(tag + "*")]


def _assert_valid(path: Path) -> None:
    assert x12_problems(path) == []
    ok, output = x12valid_says_ok(path)
    assert ok, output


def test_every_example_case_exports_to_one_valid_837p(db: Database, tmp_path: Path) -> None:
    provider = _provider(db)
    ids = []
    for number, (_case_id, visit) in enumerate(case_inputs()):
        subscriber = ("self", "child", "spouse", "other")[number % 4]
        ids.append(
            _signed(db, claim_record(visit, account=f"A-{number}", subscriber=subscriber), provider)
        )
    assert len(ids) >= 12
    out = tmp_path / "batch.837"
    result = _export(db, out, queue=True)
    assert sorted(result.visit_ids) == sorted(ids)
    _assert_valid(out)
    assert len(_segments(out, "CLM")) == len(ids)
    # Patients who are not the subscriber get a 2000C loop (HL*n*parent*23) with PAT.
    assert len(_segments(out, "PAT")) == len([i for i in range(len(ids)) if i % 4])
    assert {s.split("*")[1] for s in _segments(out, "PAT")} == {"19", "01", "G8"}
    assert all(visits.open_visit(db, i).status is VisitStatus.BILLED for i in ids)
    assert billing.billing_queue(db) == []


def test_a_multi_payer_batch_names_each_payer_and_passes(db: Database, tmp_path: Path) -> None:
    provider = _provider(db)
    visit = case_inputs()[0][1]
    for number, payer in enumerate(("medicare", "medicaid", "commercial")):
        _signed(db, claim_record(visit, account=f"P-{number}", payer=payer), provider)
    out = tmp_path / "payers.837"
    _export(db, out, on=visits.open_visit(db, 1).record.visit.date_of_service)
    _assert_valid(out)
    assert [s.split("*")[9] for s in _segments(out, "SBR")] == ["MB", "MC", "CI"]
    assert [s.split("*")[-1] for s in _segments(out, "NM1*PR")] == ["SMIL0", "IDPA1", "00621"]
    isa = out.read_text().split("~")[0]
    assert len(isa) == 105  # ISA is fixed width (106 with its terminator)
    assert "*ZZ*CLEARINGHOUSE  *" in isa  # several payers, no setting: the documented default


def test_refused_exports_write_nothing_and_mark_nothing(db: Database, tmp_path: Path) -> None:
    provider = _provider(db)
    visit = case_inputs()[0][1]
    good = _signed(db, claim_record(visit, account="G-1"), provider)
    record = claim_record(visit, account="B-1")
    record["insurance"][0]["payer_id"] = ""
    no_payer_id = _signed(db, record, provider)
    draft = visits.import_visit_record(db, claim_record(visit, account="D-1"), actor="ma").id
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "refused.837"
    with pytest.raises(ExportRefused) as refused:
        _export(db, out, visit_ids=[good, no_payer_id, draft])
    text = "\n".join(refused.value.problems)
    assert f"visit {no_payer_id}: insurance.payer_id" in text
    assert f"visit {draft}: status" in text
    assert str(good) not in text
    assert list(folder.iterdir()) == []
    assert billing.list_batches(db) == []
    assert visits.open_visit(db, good).status is VisitStatus.SIGNED
    # The same visit alone goes; the 837P does not need what HL7 does not need either.
    _export(db, out, visit_ids=[good])
    assert [b.visit_ids for b in billing.list_batches(db)] == [(good,)]


def test_nothing_goes_twice_unless_asked_and_control_numbers_are_never_reused(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    provider = _provider(db)
    visit_id = _signed(db, claim_record(case_inputs()[1][1]), provider)
    first = _export(db, tmp_path / "1.837", visit_ids=[visit_id])
    with pytest.raises(ExportRefused, match=f"visit {visit_id}: exported: already exported"):
        _export(db, tmp_path / "2.837", visit_ids=[visit_id])
    assert not (tmp_path / "2.837").exists()
    with pytest.raises(OutputRefused):  # an existing file: refused before a number is taken
        _export(db, tmp_path / "1.837", visit_ids=[visit_id], again=True)
    # A failed write still uses up its interchange number: the next one is higher.
    real_write = claims_export.write_output_file

    def disk_full(path: Path, data: bytes, **_: Any) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(claims_export, "write_output_file", disk_full)
    with pytest.raises(OSError):
        _export(db, tmp_path / "2.837", visit_ids=[visit_id], again=True)
    monkeypatch.setattr(claims_export, "write_output_file", real_write)
    second = _export(db, tmp_path / "3.837", visit_ids=[visit_id], again=True)
    assert first.interchange_control == 1 and second.interchange_control == 3
    assert not (tmp_path / "2.837").exists()
    _assert_valid(tmp_path / "3.837")
    assert _segments(tmp_path / "3.837", "ISA")[0].split("*")[13] == "000000003"
    assert [b.again for b in billing.list_batches(db)] == [False, True]


def test_an_amended_visit_is_a_corrected_claim_and_a_void_is_frequency_8(
    db: Database, tmp_path: Path
) -> None:
    provider = _provider(db)
    visit_id = _signed(db, claim_record(case_inputs()[2][1], subscriber="spouse"), provider)
    _export(db, tmp_path / "original.837", visit_ids=[visit_id])
    stored = visits.open_visit(db, visit_id)
    visits.amend(db, visit_id, expected_version=stored.version, actor="drdoe", reason="site")
    signing.sign_as(db, visit_id, provider)
    [item] = billing.billing_queue(db)
    assert (item.visit_id, item.status) == (visit_id, "corrected claim needed")
    out = tmp_path / "corrected.837"
    assert _export(db, out, queue=True).frequencies == {visit_id: "7"}
    _assert_valid(out)
    [clm] = _segments(out, "CLM")
    assert clm.split("*")[5] == "11:B:7" and clm.split("*")[1] == f"DC{visit_id}-1"
    assert _segments(out, "REF*F8") == [f"REF*F8*DC{visit_id}-0"]
    # Once the payer's claim number is known, a void refers to it.
    billing.set_payer_claim_number(db, visit_id, "ICN2026112000417", by=ADMIN)
    void = tmp_path / "void.837"
    assert _export(db, void, visit_ids=[visit_id], void=True).frequencies == {visit_id: "8"}
    _assert_valid(void)
    assert _segments(void, "REF*F8") == ["REF*F8*ICN2026112000417"]


def test_a_crash_while_writing_marks_nothing_exported(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    provider = _provider(db)
    visit_id = _signed(db, claim_record(case_inputs()[0][1]), provider)

    def disk_full(path: Path, data: bytes, **_: Any) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(claims_export, "write_output_file", disk_full)
    with pytest.raises(OSError):
        _export(db, tmp_path / "full.837", visit_ids=[visit_id])
    assert billing.list_batches(db) == []
    assert visits.open_visit(db, visit_id).status is VisitStatus.SIGNED
    assert [i.visit_id for i in billing.billing_queue(db)] == [visit_id]


def test_pending_pathology_holds_a_visit_until_the_setting_allows(
    db: Database, tmp_path: Path
) -> None:
    provider = _provider(db)
    visit = {
        "date_of_service": "2026-11-20",
        "payer": "medicare",
        "procedures": [
            {
                "kind": "biopsy_punch",
                "site": "thigh",
                "laterality": "left",
                "icd10": "D48.5",
                "path_pending": True,
            }
        ],
    }
    visit_id = _signed(db, claim_record(visit), provider)
    [item] = billing.billing_queue(db)
    assert item.status == "held: pathology pending"
    with pytest.raises(ExportRefused, match="no visits ready to bill"):
        _export(db, tmp_path / "q.837", queue=True)
    with pytest.raises(ExportRefused, match=f"visit {visit_id}: procedures.path_pending"):
        _export(db, tmp_path / "q.837", visit_ids=[visit_id])
    with db.write() as session:
        user_repository.put_setting(
            session, "hold_pending_pathology", "false", actor="admin", at=db.clock()
        )
    _export(db, tmp_path / "q.837", queue=True)
    _assert_valid(tmp_path / "q.837")


def test_only_the_visits_provider_signs(db: Database) -> None:
    provider = _provider(db)
    other = _provider(db, "drroe", "1245319599")
    users.add_user(
        db, username="bill", display_name="Bill", roles="biller", password=PASSWORD, by=ADMIN
    )
    biller = users.verify_login(db, "bill", PASSWORD)
    visit_id = visits.import_visit_record(db, claim_record(case_inputs()[0][1]), actor="ma").id
    from dermcharge.security.errors import AccessDenied

    for who in (biller, ADMIN, other):
        with pytest.raises(AccessDenied):
            signing.sign_as(db, visit_id, who)
    assert visits.open_visit(db, visit_id).status is VisitStatus.DRAFT
    stored = signing.sign_as(db, visit_id, provider)
    assert (stored.status, stored.signed_by) == (VisitStatus.SIGNED, "drdoe")


def test_the_batch_is_audited_with_its_visits(db: Database, tmp_path: Path) -> None:
    provider = _provider(db)
    visit_id = _signed(db, claim_record(case_inputs()[0][1]), provider)
    result = _export(db, tmp_path / "a.837", visit_ids=[visit_id])
    entries = visits.visit_audit(db, visit_id)
    exported = [e for e in entries if e.action == "export_claim"]
    assert exported and exported[0].after is not None
    assert exported[0].after["batch"] == result.batch_id
    assert exported[0].actor == ADMIN.username
    assert re.fullmatch(r"DC\d+-0", exported[0].after["claim_id"])


def test_a_failed_commit_after_the_file_is_written_removes_the_file(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import OperationalError
    from sqlalchemy.orm import SessionTransaction

    provider = _provider(db)
    visit_id = _signed(db, claim_record(case_inputs()[0][1]), provider)
    real_write, real_commit = claims_export.write_output_file, SessionTransaction.commit

    def write_then_lose_the_database(path: Path, data: bytes, **options: Any) -> Path:
        written = real_write(path, data, **options)
        assert written.exists()

        def fail(self: SessionTransaction, *args: Any, **kwargs: Any) -> None:
            raise OperationalError("COMMIT", {}, Exception("disk I/O error"))

        monkeypatch.setattr(SessionTransaction, "commit", fail)
        return written

    monkeypatch.setattr(claims_export, "write_output_file", write_then_lose_the_database)
    out = tmp_path / "lost.837"
    with pytest.raises(OperationalError):
        _export(db, out, visit_ids=[visit_id])
    monkeypatch.setattr(SessionTransaction, "commit", real_commit)
    assert not out.exists()
    assert billing.list_batches(db) == []
    assert visits.open_visit(db, visit_id).status is VisitStatus.SIGNED


def test_the_demo_practice_is_never_billed(db: Database, tmp_path: Path) -> None:
    provider = _provider(db)
    record = claim_record(case_inputs()[0][1])
    record["practice"].update(name=DEMO_PRACTICE_NAME, tax_id=DEMO_PRACTICE_TAX_ID)
    visit_id = _signed(db, record, provider)
    with pytest.raises(ExportRefused, match=f"visit {visit_id}: practice: the demo practice"):
        _export(db, tmp_path / "demo.csv", format="csv", visit_ids=[visit_id])
    assert not (tmp_path / "demo.csv").exists()


def test_the_837p_contact_number_comes_from_the_practice_or_the_setting(
    db: Database, tmp_path: Path
) -> None:
    provider = _provider(db)
    record = claim_record(case_inputs()[0][1])
    record["practice"]["phone"] = ""
    visit_id = _signed(db, record, provider)
    with pytest.raises(ExportRefused, match=f"visit {visit_id}: practice.phone"):
        _export(db, tmp_path / "a.837", visit_ids=[visit_id])
    with db.write() as session:
        user_repository.put_setting(
            session, "clearinghouse.contact_phone", "217-555-0142", actor="admin", at=db.clock()
        )
    _export(db, tmp_path / "a.837", visit_ids=[visit_id])
    _assert_valid(tmp_path / "a.837")
    assert _segments(tmp_path / "a.837", "PER") == ["PER*IC*PRAIRIE DERMATOLOGY*TE*2175550142"]
