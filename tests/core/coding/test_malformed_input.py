"""Malformed input is refused naming the field (exit 2), never an internal error, and nothing
is silently dropped (issue 13 #4, #5); biopsy coding is linear in the count (#6)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from dermcharge.cli.main import main
from dermcharge.codesets.icd10.releases import catalog_for
from dermcharge.coding.engine import code_visit
from dermcharge.coding.visit_json import MAX_PROCEDURES, InvalidVisit, parse_visit
from dermcharge.domain.visit import Visit

DOS = "2026-11-20"


def _visit(*procedures: dict[str, Any], **top: Any) -> dict[str, Any]:
    return {"date_of_service": DOS, "payer": "medicare", "procedures": list(procedures), **top}


def _problems(data: Any) -> list[str]:
    with pytest.raises(InvalidVisit) as invalid:
        parse_visit(data, catalog_for=catalog_for)
    return invalid.value.problems


EXCISION = {"kind": "excision_malignant", "site": "nasal_ala", "laterality": "left",
            "lesion_cm": 0.5, "margin_cm": 0.2, "finding": "bcc"}  # fmt: skip


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (_visit({**EXCISION, "margin_cm": None}), "procedures[0].margin_cm"),
        (_visit({**EXCISION, "lesion_cm": None}), "procedures[0].lesion_cm"),
        (_visit({**EXCISION, "laterality": None}), "procedures[0].laterality"),
        (
            _visit({"kind": "destruction_premalignant", "count": 10**5000}),
            "procedures[0].count",
        ),
        (_visit({"kind": "destruction_premalignant", "count": -(10**5000)}), "procedures[0].count"),
        (_visit({**EXCISION, "lesion_cm": 10**5000}), "procedures[0].lesion_cm"),
        (_visit({"kind": "mohs", "site": "nose", "stages": [10**5000]}), "procedures[0].stages[0]"),
        (
            _visit(
                {"kind": "biopsy_punch", "site": "nose", "laterality": "left", "icd10": "D23.39"}
            ),
            "procedures[0].laterality",
        ),
        (
            _visit({"kind": "biopsy_punch", "site": "scalp", "laterality": 7, "icd10": "D23.4"}),
            "procedures[0].laterality",
        ),
        (
            _visit({"kind": "destruction_premalignant", "count": 3, "laterality": "right"}),
            "procedures[0].laterality",
        ),
        (
            _visit(
                em={
                    "code": "99213",
                    "diagnoses": [{"finding": "rosacea", "site": "nose", "laterality": "left"}],
                }
            ),
            "em.diagnoses[0].laterality",
        ),
        (_visit(diagnosis_order=["ZZZ.99"]), "diagnosis_order[0]"),
        (_visit(diagnosis_order=["L57.0", "NOTACODE"]), "diagnosis_order[1]"),
    ],
)
def test_malformed_fields_are_named(data: dict[str, Any], field: str) -> None:
    problems = _problems(data)
    assert any(p.startswith(f"{field}:") for p in problems), problems


def test_more_procedures_than_the_limit_are_refused() -> None:
    biopsy = {"kind": "biopsy_punch", "site": "scalp", "icd10": "D23.4"}
    parse_visit(_visit(*[biopsy] * MAX_PROCEDURES))
    problems = _problems(_visit(*[biopsy] * (MAX_PROCEDURES + 1)))
    assert problems[0].startswith("procedures:") and str(MAX_PROCEDURES) in problems[0]
    with pytest.raises(InvalidVisit):
        parse_visit(_visit(biopsy, biopsy, biopsy), max_procedures=2)


def test_a_known_code_no_line_uses_is_still_accepted_in_the_order() -> None:
    """The order may outlive a lesion whose code was changed (assembly.finalize)."""
    visit = parse_visit(_visit(diagnosis_order=["L57.0"]), catalog_for=catalog_for)
    assert visit.diagnosis_order == ("L57.0",)


def _run_code(monkeypatch: pytest.MonkeyPatch, stdin: bytes, *args: str) -> int:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(stdin), errors="surrogateescape"))
    return main(["code", *(args or ("-",))])


def test_invalid_utf8_on_stdin_is_named_like_in_a_file(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = b'{"date_of_service": "2026-11-20", "procedures": [], "note": "\xff\xfe"}'
    assert _run_code(monkeypatch, data) == 2
    captured = capsys.readouterr()
    assert "standard input: is not UTF-8 text" in captured.err and captured.out == ""


def test_a_5000_digit_integer_in_the_file_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "visit.json"
    text = json.dumps(_visit({"kind": "destruction_premalignant", "count": 7}))
    path.write_text(text.replace('"count": 7', '"count": 1' + "0" * 5000), encoding="utf-8")
    assert main(["code", str(path)]) == 2
    captured = capsys.readouterr()
    assert "procedures[0].count: must be a whole number" in captured.err
    assert "Traceback" not in captured.err and "unexpected error" not in captured.err


@pytest.mark.parametrize("limit", ["99999999999999999999", "1" + "0" * 5000, "0", "-5"])
def test_icd_search_limit_out_of_range_exits_2(
    capsys: pytest.CaptureFixture[str], limit: str
) -> None:
    assert main(["icd", "search", "bcc", "--limit", limit]) == 2
    err = capsys.readouterr().err
    assert "--limit" in err and "unexpected error" not in err and len(err) < 1000


class _CountingTuple(tuple):  # type: ignore[type-arg]
    iterations = 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        _CountingTuple.iterations += 1
        return super().__iter__()


def _walks_over_procedures(count: int) -> int:
    data = _visit(
        *[{"kind": "biopsy_tangential", "site": "thigh", "laterality": "left", "finding": "bcc"}]
        * count,
        {"kind": "excision_malignant", "site": "upper_back", "lesion_cm": 1, "margin_cm": 0.3,
         "finding": "bcc"},
    )  # fmt: skip
    visit = parse_visit(data, max_procedures=count + 1)
    counted = Visit(**{**visit.__dict__, "procedures": _CountingTuple(visit.procedures)})
    _CountingTuple.iterations = 0
    code_visit(counted)
    return _CountingTuple.iterations


def test_biopsy_coding_walks_the_procedures_a_fixed_number_of_times() -> None:
    """Linear in the count: the walks over the visit's procedures do not grow with it (one walk
    per biopsy made coding quadratic; bench/bench_biopsy_scaling.py times it)."""
    assert _walks_over_procedures(200) == _walks_over_procedures(100)


def test_a_5000_digit_dose_is_named_like_any_amount(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The issue-20 amounts (doses, volumes, areas) are read by the contract's own number
    reader, with its guards, not by a second copy of it."""
    path = tmp_path / "visit.json"
    injection = {"kind": "drug_injection", "drug": "triamcinolone_acetonide", "dose_mg": 7,
                 "finding": "keloid"}  # fmt: skip
    text = json.dumps(_visit(injection))
    path.write_text(text.replace('"dose_mg": 7', '"dose_mg": 1' + "0" * 5000), encoding="utf-8")
    assert main(["code", str(path)]) == 2
    captured = capsys.readouterr()
    assert "procedures[0].dose_mg:" in captured.err
    assert "Traceback" not in captured.err and "unexpected error" not in captured.err
