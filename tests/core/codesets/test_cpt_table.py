"""The CPT/HCPCS table: every code the engine emits, add-on links, global days, licensed text."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from dermcharge.codesets import cpt
from dermcharge.codesets.cpt import CptTableError, cpt_table, install_licensed_descriptors
from dermcharge.resource_files import resource_path


@pytest.fixture(autouse=True)
def _data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DERMCHARGE_DATA_DIR", str(tmp_path / "data"))


def _span(first: int, last: int) -> list[str]:
    return [str(c) for c in range(first, last + 1)]


ENGINE_CODES = [
    "10040", "10060", "10061", *_span(11102, 11107), "11200", "11201",
    *_span(11300, 11303), *_span(11305, 11308), *_span(11310, 11313),
    *[f"{base}{last}" for base in ("1140", "1142", "1144", "1160", "1162", "1164")
      for last in "012346"],
    "11720", "11721", "11730", "11732", "11750", "11900", "11901",
    "12001", "12002", "12004", "12005", "12006", "12007",
    "12011", "12013", "12014", "12015", "12016", "12017", "12018",
    "12031", "12032", "12034", "12035", "12036", "12037",
    "12041", "12042", "12044", "12045", "12046", "12047", *_span(12051, 12057),
    *_span(13100, 13102), *_span(13120, 13122), *_span(13131, 13133), *_span(13151, 13153),
    "14000", "14001", "14020", "14021", "14040", "14041", "14060", "14061", "14301", "14302",
    "17000", "17003", "17004", *_span(17106, 17108), "17110", "17111",
    *[f"{base}{last}" for base in ("1726", "1727", "1728") for last in "012346"],
    *_span(17311, 17315), "88331", "96900", "96910", "96912", "96913", *_span(96920, 96922),
    *_span(99202, 99205), *_span(99211, 99215), "J3301", "G2211",
]  # fmt: skip

NOT_CODES = ["11304", "11309", "11405", "11605", "12003", "12012", "12033", "12043", "17265"]


@pytest.mark.parametrize("code", ENGINE_CODES)
def test_every_engine_code_has_a_description_and_a_family(code: str) -> None:
    found = cpt_table().get(code)
    assert found is not None, code
    assert found.description and found.family
    assert found.source


@pytest.mark.parametrize("code", NOT_CODES)
def test_codes_that_do_not_exist_are_not_in_the_table(code: str) -> None:
    assert cpt_table().get(code) is None
    assert cpt_table().description(code) == ""


@pytest.mark.parametrize(
    ("add_on", "primaries"),
    [
        ("11103", ("11102", "11104", "11106")),
        ("11105", ("11104", "11106")),
        ("11107", ("11106",)),
        ("11201", ("11200",)),
        ("11732", ("11730",)),
        ("13102", ("13100", "13101")),
        ("13122", ("13120", "13121")),
        ("13133", ("13131", "13132")),
        ("13153", ("13151", "13152")),
        ("14302", ("14301",)),
        ("17003", ("17000",)),
        ("17312", ("17311",)),
        ("17314", ("17313",)),
        ("17315", ("17311", "17312", "17313", "17314")),
    ],
)
def test_add_on_codes_name_their_primaries(add_on: str, primaries: tuple[str, ...]) -> None:
    table = cpt_table()
    assert table.is_add_on(add_on)
    assert table.primaries(add_on) == primaries
    assert table.global_days(add_on) is None
    assert table.get(add_on).global_indicator == "ZZZ"  # type: ignore[union-attr]


def test_g2211_follows_the_office_visits() -> None:
    primaries = cpt_table().primaries("G2211")
    assert set(primaries) == {"99202", "99203", "99204", "99205", *_span(99211, 99215)}


@pytest.mark.parametrize("code", ["11102", "17000", "17004", "11600", "99213", "J3301", "14301"])
def test_primary_codes_are_not_add_ons(code: str) -> None:
    assert not cpt_table().is_add_on(code)
    assert cpt_table().primaries(code) == ()


@pytest.mark.parametrize(
    ("code", "days", "verified"),
    [
        ("11102", 0, True),  # biopsy 000 (R-BX)
        ("11602", 10, True),  # excisions 010 (R-EX)
        ("11446", 10, True),
        ("17311", 0, True),  # Mohs 000 (R-MO-3)
        ("14040", 90, True),  # ATT 090 (R-ATT, AAD)
        ("17110", 10, True),
        ("12001", 0, False),  # repairs: UNSOURCED in the digest
        ("13101", 10, False),
        ("99214", None, False),  # XXX
    ],
)
def test_global_days_and_whether_a_source_confirms_them(
    code: str, days: int | None, verified: bool
) -> None:
    found = cpt_table().get(code)
    assert found is not None
    assert found.global_days == days
    assert found.verified is verified
    if not verified:
        assert found.note, "an unverified row says why"


def test_descriptions_are_our_own_plain_words() -> None:
    table = cpt_table()
    assert table.description("11102") == "Tangential skin biopsy, first lesion"
    assert table.description("11602") == "Excision, malignant lesion, trunk/arms/legs, 1.1–2.0 cm"
    assert table.description("j3301") == "Triamcinolone acetonide injection, per 10 mg"
    assert not table.has_licensed_descriptors


def test_provenance_header_says_descriptions_are_not_ama_text() -> None:
    data = json.loads(resource_path("data", "cpt_hcpcs.json").read_text(encoding="utf-8"))
    assert "source" in data and data["effective_from"]
    assert "AMA" in data["descriptions"] and "licensed" in data["descriptions"]


def test_biopsy_codes_are_in_force_from_2019() -> None:
    assert cpt_table().get("11104").effective_from.isoformat() == "2019-01-01"  # type: ignore[union-attr]


def test_licensed_descriptors_replace_our_text(tmp_path: Path) -> None:
    licensed = tmp_path / "ama.csv"
    licensed.write_text(
        'code,descriptor\n11102,"Licensed text for 11102, with a comma"\n'
        "99999,Not an engine code\n",
        encoding="utf-8",
    )
    assert install_licensed_descriptors(licensed) == 1
    table = cpt_table()
    assert table.description("11102") == "Licensed text for 11102, with a comma"
    assert table.get("11102").licensed_description  # type: ignore[union-attr]
    assert table.description("11104").startswith("Punch skin biopsy")  # not in the file
    assert table.has_licensed_descriptors
    assert cpt.remove_licensed_descriptors()
    assert cpt_table().description("11102") == "Tangential skin biopsy, first lesion"


def test_a_bad_descriptor_file_is_refused_and_the_loaded_one_kept(tmp_path: Path) -> None:
    good = tmp_path / "good.csv"
    good.write_text("11102,Licensed biopsy text\n", encoding="utf-8")
    install_licensed_descriptors(good)
    bad = tmp_path / "bad.csv"
    bad.write_text("11102,Fine\nnot-a-code,Oops\n", encoding="utf-8")
    with pytest.raises(CptTableError, match=r"bad\.csv, line 2: 'not-a-code'"):
        install_licensed_descriptors(bad)
    assert cpt_table().description("11102") == "Licensed biopsy text"


def test_a_descriptor_row_without_text_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "empty.csv"
    bad.write_text("11102,\n", encoding="utf-8")
    with pytest.raises(CptTableError, match="line 1: code 11102 has no descriptor"):
        install_licensed_descriptors(bad)


def test_a_damaged_installed_descriptor_file_falls_back_to_our_text() -> None:
    cpt.licensed_descriptors_path().write_text("11102,x\nnot-a-code,oops\n", encoding="utf-8")
    table = cpt_table()
    assert table.description("11102") == "Tangential skin biopsy, first lesion"
    assert "licensed_error" in table.provenance


def test_rows_know_when_they_are_in_force() -> None:
    biopsy = cpt_table().get("11102")
    assert biopsy is not None
    assert biopsy.in_force(date(2019, 1, 1))
    assert not biopsy.in_force(date(2018, 12, 31))
