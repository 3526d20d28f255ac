"""The claims command line as the contract gives it (coding-api.md, "Claims out"): a provider
signs, the queue lists, export prints the batch id last or exits 1 naming visit and field."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from dermcharge.cli.main import main
from tests.storage.claim_samples import case_inputs, claim_record
from tests.storage.x12_validation import x12valid_says_ok

PASSWORD = "correct horse battery"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _add_user(
    monkeypatch: pytest.MonkeyPatch, url: str, name: str, roles: str, *extra: str
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    argv = ["users", "add", name, "--roles", roles, *extra, "--password-stdin", "--db", url]
    assert main(argv) == 0


def _import(url: str, tmp_path: Path, record: dict[str, object], name: str) -> Path:
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    return path


def test_sign_queue_export_batches(
    database_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = database_url
    _add_user(monkeypatch, url, "admin", "admin")
    # The provider's account is made before any visit names that provider.
    _add_user(monkeypatch, url, "drdoe", "provider", "--npi", "1234567893")
    _add_user(monkeypatch, url, "bill", "biller")
    capsys.readouterr()
    ids = []
    for number, (_case, visit) in enumerate(case_inputs()[:3]):
        record = claim_record(
            visit, account=f"C-{number}", subscriber="self" if number else "child"
        )
        code, out, _ = _run(
            capsys,
            "visits",
            "import",
            str(_import(url, tmp_path, record, str(number))),
            "--db",
            url,
        )
        assert code == 0
        ids.append(int(out.strip().splitlines()[-1]))

    # Only a provider signs: no sign-in, a biller, a wrong password -> exit 1.
    code, _, err = _run(capsys, "visits", "sign", str(ids[0]), "--db", url)
    assert code == 1 and "provider" in err
    monkeypatch.setenv("DERMCHARGE_USER", "bill")
    monkeypatch.setenv("DERMCHARGE_PASSWORD", PASSWORD)
    assert _run(capsys, "visits", "sign", str(ids[0]), "--db", url)[0] == 1
    monkeypatch.setenv("DERMCHARGE_USER", "drdoe")
    monkeypatch.setenv("DERMCHARGE_PASSWORD", "wrong password!")
    assert _run(capsys, "visits", "sign", str(ids[0]), "--db", url)[0] == 1
    monkeypatch.setenv("DERMCHARGE_PASSWORD", PASSWORD)
    for visit_id in ids[:2]:
        code, out, err = _run(capsys, "visits", "sign", str(visit_id), "--db", url)
        assert code == 0, err

    # The biller works the queue.
    monkeypatch.setenv("DERMCHARGE_USER", "bill")
    code, out, _ = _run(capsys, "claims", "queue", "--json", "--db", url)
    queue = json.loads(out)
    assert [row["id"] for row in queue] == ids[:2]
    assert set(queue[0]) >= {"id", "date_of_service", "patient", "payer", "total"}
    assert queue[0]["patient"] == "Okafor, Ada" and float(queue[0]["total"]) > 0

    # An unsigned visit in the list: exit 1 naming it, nothing written.
    out_file = tmp_path / "claims.837"
    code, out, err = _run(
        capsys,
        "claims",
        "export",
        "--format",
        "837p",
        "--visit",
        *map(str, ids),
        "-o",
        str(out_file),
        "--db",
        url,
    )
    assert code == 1 and f"visit {ids[2]}: status" in err and not out_file.exists()

    code, out, err = _run(
        capsys, "claims", "export", "--format", "837p", "--queue", "-o", str(out_file), "--db", url
    )
    assert code == 0, err
    batch_id = int(out.strip().splitlines()[-1])
    ok, report = x12valid_says_ok(out_file)
    assert ok, report
    assert json.loads(_run(capsys, "claims", "queue", "--json", "--db", url)[1]) == []

    # Again without --again: exit 1, the visit and the reason named.
    again_file = tmp_path / "again.837"
    code, _, err = _run(
        capsys,
        "claims",
        "export",
        "--format",
        "hl7",
        "--visit",
        str(ids[0]),
        "-o",
        str(again_file),
        "--db",
        url,
    )
    assert code == 1 and f"visit {ids[0]}: exported" in err and not again_file.exists()
    code, out, _ = _run(
        capsys,
        "claims",
        "export",
        "--format",
        "hl7",
        "--visit",
        str(ids[0]),
        "-o",
        str(again_file),
        "--again",
        "--db",
        url,
    )
    assert code == 0 and int(out.strip().splitlines()[-1]) == batch_id + 1

    code, out, _ = _run(capsys, "claims", "batches", "--json", "--db", url)
    batches = json.loads(out)
    assert [(b["id"], b["format"], b["visits"], b["created_by"]) for b in batches] == [
        (batch_id, "837p", ids[:2], "bill"),
        (batch_id + 1, "hl7", [ids[0]], "bill"),
    ]
    assert batches[0]["file"] == str(out_file)


def test_a_missing_field_is_named_and_a_medical_assistant_may_not_export(
    database_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = database_url
    _add_user(monkeypatch, url, "admin", "admin")
    _add_user(monkeypatch, url, "drdoe", "provider", "--npi", "1234567893")
    _add_user(monkeypatch, url, "ma", "medical_assistant")
    record = claim_record(case_inputs()[0][1], subscriber="spouse")
    record["insurance"][0]["payer_id"] = ""  # type: ignore[index]
    record["insurance"][0]["subscriber_person"]["dob"] = None  # type: ignore[index]
    code, out, err = _run(
        capsys, "visits", "import", str(_import(url, tmp_path, record, "r")), "--db", url
    )
    assert code == 0, err
    visit_id = int(out.strip().splitlines()[-1])
    monkeypatch.setenv("DERMCHARGE_USER", "drdoe")
    monkeypatch.setenv("DERMCHARGE_PASSWORD", PASSWORD)
    assert _run(capsys, "visits", "sign", str(visit_id), "--db", url)[0] == 0
    target = tmp_path / "x.837"
    code, _, err = _run(
        capsys,
        "claims",
        "export",
        "--format",
        "837p",
        "--visit",
        str(visit_id),
        "-o",
        str(target),
        "--db",
        url,
    )
    assert code == 1
    assert f"visit {visit_id}: insurance.payer_id" in err
    assert f"visit {visit_id}: insurance.subscriber_person.dob" in err
    assert not target.exists()
    monkeypatch.setenv("DERMCHARGE_USER", "ma")
    code, _, err = _run(
        capsys,
        "claims",
        "export",
        "--format",
        "csv",
        "--visit",
        str(visit_id),
        "-o",
        str(target),
        "--db",
        url,
    )
    assert code == 1 and "biller" in err and not target.exists()
    assert _run(capsys, "claims", "batches", "--json", "--db", url)[1].strip() == "[]"
