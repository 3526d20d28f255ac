"""`visits import`: what the record does not say cleanly is refused naming the field (exit 2,
nothing stored) or named in a warning, never silently dropped (issue 13 #4, #5)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from dermcharge.cli.main import main
from dermcharge.security.accounts import local_admin
from dermcharge.services import visit_limits
from dermcharge.storage.database import open_database
from tests.storage.test_cli_commands import TODAY, _record_json, _write


def _stored_ids(url: str, capsys: pytest.CaptureFixture[str]) -> list[int]:
    assert main(["visits", "list", "--date", TODAY.isoformat(), "--json", "--db", url]) == 0
    return [row["id"] for row in json.loads(capsys.readouterr().out)]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"insurance": [None]}, "insurance[0]"),
        ({"status": "signed"}, "status"),
        ({"signed_by": "drdoe"}, "signed_by"),
        ({"procedures": [{"kind": "excision_benign", "site": "chest", "lesion_cm": 1,
                          "margin_cm": None, "finding": "lipoma"}]}, "procedures[0].margin_cm"),
        ({"diagnosis_order": ["Q99.99X"]}, "diagnosis_order[0]"),
    ],
)  # fmt: skip
def test_refused_naming_the_field_and_nothing_stored(
    database_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    changes: dict[str, Any],
    field: str,
) -> None:
    path = _write(tmp_path, _record_json(**changes))
    assert main(["visits", "import", str(path), "--db", database_url]) == 2
    captured = capsys.readouterr()
    assert f"{field}:" in captured.err, captured.err
    assert captured.out == "" and "Traceback" not in captured.err
    assert _stored_ids(database_url, capsys) == []


def test_unknown_fields_are_stored_without_them_and_named_in_a_warning(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = _record_json(colour="blue")
    record["patient"]["nickname"] = "Zo"
    path = _write(tmp_path, record)
    assert main(["visits", "import", str(path), "--db", database_url]) == 0
    captured = capsys.readouterr()
    assert "warning" in captured.err and "colour" in captured.err
    assert "patient.nickname" in captured.err
    assert len(_stored_ids(database_url, capsys)) == 1


def test_invalid_utf8_on_stdin_is_refused_like_in_a_file(
    database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = json.dumps(_record_json()).encode("utf-8").replace(b"O'Brien", b"O'Br\xffien")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(raw), errors="surrogateescape"))
    assert main(["visits", "import", "-", "--db", database_url]) == 2
    captured = capsys.readouterr()
    assert "standard input: is not UTF-8 text" in captured.err
    assert "unexpected error" not in captured.err
    assert _stored_ids(database_url, capsys) == []


def test_the_practice_sets_the_procedures_per_visit_limit(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = open_database(database_url)
    try:
        assert visit_limits.max_procedures(db) == 500
        visit_limits.set_max_procedures(db, 1, by=local_admin("tester"))
        assert visit_limits.max_procedures(db) == 1
    finally:
        db.dispose()
    path = _write(tmp_path, _record_json())  # two procedures
    assert main(["visits", "import", str(path), "--db", database_url]) == 2
    assert "procedures: 2 procedures on one visit; at most 1" in capsys.readouterr().err
