"""The next step inside a global period, from the history on the visit: 58, 78, 79, 24, 99024."""

from __future__ import annotations

from typing import Any

import pytest

from dermcharge.coding.claim_json import claim_to_json
from dermcharge.coding.engine import code_visit
from dermcharge.coding.visit_json import InvalidVisit, parse_visit, visit_to_json

EXCISION_OCT = {"date_of_service": "2026-11-10", "cpt": "11602", "site": "forearm",
                "laterality": "right", "lesion_id": 7, "diagnoses": ["C44.612"]}  # fmt: skip
FLAP_OCT = {"date_of_service": "2026-10-01", "cpt": "14020", "site": "forearm",
            "laterality": "right", "lesion_id": 7, "diagnoses": ["C44.612"]}  # fmt: skip
MOHS = {"kind": "mohs", "site": "forearm", "laterality": "right", "stages": [3],
        "icd10": "C44.612", "lesion_id": 7}  # fmt: skip
SHAVE_ELSEWHERE = {"kind": "shave_removal", "site": "thigh", "laterality": "left",
                   "lesion_cm": 0.4, "finding": "seborrheic_keratosis_inflamed"}  # fmt: skip


def _code(procedures: list[dict[str, Any]], history: list[dict[str, Any]],
          **extra: Any) -> dict[str, Any]:  # fmt: skip
    data = {"date_of_service": "2026-11-20", "payer": "medicare", "procedures": procedures,
            "history": history, **extra}  # fmt: skip
    result: dict[str, Any] = claim_to_json(code_visit(parse_visit(data)))
    return result


def _line(claim: dict[str, Any], prefix: str) -> dict[str, Any]:
    return next(line for line in claim["lines"] if line["cpt"].startswith(prefix))


@pytest.mark.parametrize(
    ("history", "modifiers"),
    [
        ([FLAP_OCT], ["58"]),  # 90-day global of the flap, same lesion: staged
        ([EXCISION_OCT], ["58"]),  # inside the excision's 10-day global: re-excision by Mohs
        ([{**EXCISION_OCT, "date_of_service": "2026-11-09"}], []),  # day 11: global over
        ([{**FLAP_OCT, "cpt": "11102", "date_of_service": "2026-11-19"}], []),  # 0-day biopsy
        ([], []),
    ],
)
def test_mohs_on_the_lesion_of_an_open_global_takes_58(
    history: list[dict[str, Any]], modifiers: list[str]
) -> None:
    claim = _code([MOHS], history)
    assert _line(claim, "1731")["modifiers"] == modifiers
    assert not [f for f in claim["findings"] if f["check"] == "global_periods"]


def test_the_lesion_decides_not_the_site_name() -> None:
    other_lesion = {**MOHS, "lesion_id": 8}
    claim = _code([other_lesion], [FLAP_OCT])
    assert _line(claim, "1731")["modifiers"] == ["79"]
    assert "unrelated" in _line(claim, "1731")["why"]


def test_a_repair_of_the_staged_wound_takes_58_and_another_lesion_79() -> None:
    repair = {"kind": "repair_intermediate", "site": "forearm", "laterality": "right",
              "length_cm": 3, "lesion_id": 7}  # fmt: skip
    claim = _code([MOHS, repair, SHAVE_ELSEWHERE], [FLAP_OCT])
    assert _line(claim, "1203")["modifiers"] == ["58"]
    assert _line(claim, "113")["modifiers"][0] == "79"


def test_same_lesion_without_a_stated_relation_is_a_question_not_a_guess() -> None:
    drainage = {"kind": "incision_drainage", "site": "forearm", "laterality": "right",
                "lesion_id": 7, "finding": "abscess"}  # fmt: skip
    claim = _code([drainage], [EXCISION_OCT])
    assert _line(claim, "1006")["modifiers"] == []
    assert any(
        f["severity"] == "error" and "58" in f["message"] and "78" in f["message"]
        for f in claim["findings"]
    )
    stated = _code([{**drainage, "global_relation": "complication"}], [EXCISION_OCT])
    assert _line(stated, "1006")["modifiers"] == ["78"]
    assert any("procedure room" in f["message"] for f in stated["findings"])


def test_an_unrelated_em_takes_24_and_a_related_one_is_flagged() -> None:
    em = {"code": "99213", "diagnoses": [{"finding": "rosacea"}]}
    flagged = _code([], [FLAP_OCT], em=em)
    assert _line(flagged, "99213")["modifiers"] == []
    assert any(f["check"] == "global_periods" and f["severity"] == "error"
               for f in flagged["findings"])  # fmt: skip
    unrelated = _code([], [FLAP_OCT], em={**em, "global_relation": "unrelated"})
    assert _line(unrelated, "99213")["modifiers"] == ["24"]
    assert not [f for f in unrelated["findings"] if f["check"] == "global_periods"]


def test_a_postop_visit_is_99024_pointing_to_the_surgery() -> None:
    claim = _code([{"kind": "postop_visit", "lesion_id": 7}], [FLAP_OCT])
    (line,) = claim["lines"]
    assert (line["cpt"], line["modifiers"], line["diagnoses"]) == ("99024", [], ["C44.612"])
    assert not [f for f in claim["findings"] if f["check"] == "global_periods"]
    outside = _code([{"kind": "postop_visit"}], [])
    assert outside["lines"][0]["diagnoses"] == ["Z48.817"]
    assert any("no procedure" in f["message"] for f in outside["findings"])


def test_history_and_lesion_fields_round_trip_and_are_checked() -> None:
    data = {"date_of_service": "2026-11-20", "procedures": [MOHS], "history": [FLAP_OCT],
            "em": {"code": "99212", "global_relation": "unrelated", "diagnoses": []}}  # fmt: skip
    visit = parse_visit(data)
    assert parse_visit(visit_to_json(visit)) == visit
    assert visit.history[0].lesion_id == 7 and visit.procedures[0].lesion_id == 7
    with pytest.raises(InvalidVisit) as bad:
        parse_visit({**data, "history": [{"date_of_service": "2026-13-01", "cpt": "x"}]})
    assert "history[0].date_of_service" in str(bad.value)
    with pytest.raises(InvalidVisit) as bad:
        parse_visit({**data, "procedures": [{**MOHS, "global_relation": "maybe"}]})
    assert "procedures[0].global_relation" in str(bad.value)
