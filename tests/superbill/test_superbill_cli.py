"""`dermcharge superbill`: from a visit file, from a stored visit, from a day; clear failures."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from superbill_samples import one_line, pages_text

from dermcharge.cli.main import main

DAY = date(2026, 11, 20)

VISIT = {
    "date_of_service": "2026-11-20",
    "payer": "medicare",
    "em": {"code": "99214", "diagnoses": [{"finding": "rosacea"}]},
    "procedures": [
        {
            "kind": "destruction_premalignant",
            "site": "cheek",
            "laterality": "left",
            "count": 12,
            "finding": "actinic_keratosis",
        },
    ],
    "patient": {
        "first_name": "Siobhán",
        "last_name": "O'Brien",
        "dob": "1951-03-14",
        "sex": "F",
        "account_number": "A-1001",
    },
    "insurance": [
        {"payer_name": "Medicare Part B", "member_id": "1EG4TE5MK73", "priority": "primary"}
    ],
    "provider": {"name": "Jane Doe", "credentials": "MD", "npi": "1245319599"},
}


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    from dermcharge.services.database import open_app_database
    from dermcharge.services.demo import fill_demo_database

    url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'demo.sqlite'}"
    db = open_app_database(url)
    try:
        fill_demo_database(db, today=DAY, patients=8, days=1)
    finally:
        db.dispose()
    return url


def _visit_ids(url: str) -> list[int]:
    from dermcharge.services.database import open_app_database
    from dermcharge.services.visits import list_visits

    db = open_app_database(url)
    try:
        return [summary.id for summary in list_visits(db, DAY)]
    finally:
        db.dispose()


def test_visit_file_to_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "visit.json"
    source.write_text(json.dumps(VISIT), encoding="utf-8")
    out = tmp_path / "out.pdf"
    assert main(["superbill", str(source), "-o", str(out), "--collected", "40"]) == 0
    text = one_line(" ".join(pages_text(out.read_bytes())))
    assert "O'Brien, Siobhán" in text
    assert "99214 25" in text and "17000" in text and "17003" in text
    assert "Amount collected $40.00" in text
    assert "Demo practice — example details" in text  # no practice block
    assert "wrote 1 superbill" in capsys.readouterr().out


def test_visit_without_blocks_prints_a_placeholder_patient(tmp_path: Path) -> None:
    source = tmp_path / "visit.json"
    bare = {k: v for k, v in VISIT.items() if k not in ("patient", "insurance", "provider")}
    source.write_text(json.dumps(bare), encoding="utf-8")
    out = tmp_path / "out.pdf"
    assert main(["superbill", str(source), "-o", str(out)]) == 0
    assert "Placeholder patient" in one_line(pages_text(out.read_bytes())[0])


def test_invalid_visit_exits_2_naming_the_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "visit.json"
    source.write_text(json.dumps(VISIT | {"date_of_service": "someday"}), encoding="utf-8")
    out = tmp_path / "out.pdf"
    assert main(["superbill", str(source), "-o", str(out)]) == 2
    assert "date_of_service" in capsys.readouterr().err
    assert not out.exists()


def test_missing_file_and_bad_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.pdf"
    assert main(["superbill", str(tmp_path / "nope.json"), "-o", str(out)]) == 1
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    assert main(["superbill", str(broken), "-o", str(out)]) == 2
    assert "malformed JSON" in capsys.readouterr().err
    assert not out.exists()


def test_exactly_one_source_is_required(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = str(tmp_path / "out.pdf")
    assert main(["superbill", "-o", out]) == 2
    assert main(["superbill", "v.json", "--visit", "3", "-o", out]) == 2
    assert "exactly one" in capsys.readouterr().err


def test_bad_collected_amount_and_bad_fee_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "visit.json"
    source.write_text(json.dumps(VISIT), encoding="utf-8")
    out = str(tmp_path / "out.pdf")
    assert main(["superbill", str(source), "-o", out, "--collected", "-3"]) == 2
    fees = tmp_path / "fees.json"
    fees.write_text(json.dumps({"payer": "any"}), encoding="utf-8")
    assert main(["superbill", str(source), "-o", out, "--fees", str(fees)]) == 2
    err = capsys.readouterr().err
    assert "--collected" in err and "--fees" in err and "label:" in err


def test_unwritable_output_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "visit.json"
    source.write_text(json.dumps(VISIT), encoding="utf-8")
    out = tmp_path / "no-such-folder" / "out.pdf"
    assert main(["superbill", str(source), "-o", str(out)]) == 1
    assert "cannot be written" in capsys.readouterr().err


def test_day_batch_from_the_database(demo_db: str, tmp_path: Path) -> None:
    ids = _visit_ids(demo_db)
    assert ids
    out = tmp_path / "day.pdf"
    assert main(["superbill", "--db", demo_db, "--date", DAY.isoformat(), "-o", str(out)]) == 0
    pages = [one_line(p) for p in pages_text(out.read_bytes())]
    starts = [p for p in pages if "Page 1 of" in p]
    assert len(starts) == len(ids)
    assert all("Visit " in p and "DOS 11/20/2026" in p for p in starts)


def test_one_stored_visit(demo_db: str, tmp_path: Path) -> None:
    visit_id = _visit_ids(demo_db)[0]
    out = tmp_path / "one.pdf"
    assert main(["superbill", "--db", demo_db, "--visit", str(visit_id), "-o", str(out)]) == 0
    text = one_line(pages_text(out.read_bytes())[0])
    assert f"Visit {visit_id}" in text
    assert "Prairie Skin & Dermatology Associates" in text  # the stored practice, not the demo one


def test_unknown_visit_and_empty_day(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.pdf"
    assert main(["superbill", "--db", demo_db, "--visit", "999999", "-o", str(out)]) == 2
    assert main(["superbill", "--db", demo_db, "--date", "2026-11-21", "-o", str(out)]) == 1
    assert main(["superbill", "--db", demo_db, "--date", "21/11/2026", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "999999" in err and "no visits on 2026-11-21" in err and "--date" in err
    assert not out.exists()
