"""Alphabetic Index terms as a search source: the shipped table, and the search a coder expects."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from dermcharge.codesets.icd10 import releases
from dermcharge.codesets.icd10.index_catalog import IndexCatalog
from dermcharge.codesets.icd10.index_terms import (
    ORIGINS,
    SHIPPED_TERMS_FILE,
    codes_for,
    shipped_terms,
)
from dermcharge.codesets.icd10.search import search_catalog
from dermcharge.resource_files import resource_path

QUALITY_SET = Path(__file__).resolve().parents[3] / "bench" / "icd_search_quality.json"


@pytest.fixture(scope="module")
def fy2026() -> IndexCatalog:
    return releases.catalog_for(date(2026, 5, 1))


def codes(catalog: IndexCatalog, query: str, limit: int = 3) -> list[str]:
    return [hit.code for hit in search_catalog(catalog, query, limit)]


def test_the_table_says_where_it_comes_from() -> None:
    data = json.loads(resource_path(*SHIPPED_TERMS_FILE).read_text(encoding="utf-8"))
    assert data["source"] and data["effective_from"] == "2025-10-01"
    assert len({phrase for row in data["terms"] for phrase in row["say"]}) >= 300
    for row in data["terms"]:
        assert row["entry"].strip(), row
        assert row["origin"] in ORIGINS, row


def test_every_code_of_the_table_is_in_the_release_it_is_for(fy2026: IndexCatalog) -> None:
    for term in shipped_terms().terms:
        found = codes_for(fy2026, term.code)
        assert found, f"{term.code} ({term.entry}) matches no billable FY2026 code"
        if "-" not in term.code:
            assert found == (term.code,)
            assert fy2026.is_billable(term.code)


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("melasma", "L81.1"),
        ("keratoacanthoma", "L85.8"),
        ("dermatofibroma", "D23.9"),
        ("cherry angioma", "D18.01"),
        ("dysplastic nevus", "D22.9"),
        ("solar lentigo", "L81.4"),
        ("axillary hyperhidrosis", "L74.510"),
        ("bcc left cheek", "C44.319"),
        ("folliculitis", "L73.9"),
        ("keloid", "L91.0"),
        ("scc in situ r forearm", "D04.61"),
        ("seborrhoeic keratosis", "L82.1"),
        ("genital warts", "A63.0"),
    ],
)
def test_the_issue_terms_answer_as_a_coder_would(
    fy2026: IndexCatalog, query: str, first: str
) -> None:
    assert codes(fy2026, query)[0] == first


def test_an_exact_index_term_beats_a_word_inside_another_condition(fy2026: IndexCatalog) -> None:
    found = codes(fy2026, "keloid", 5)
    assert found.index("L91.0") < found.index("L73.0")


def test_cherry_angioma_shows_both_answers_with_where_each_comes_from(
    fy2026: IndexCatalog,
) -> None:
    hits = {hit.code: hit for hit in search_catalog(fy2026, "cherry angioma", 3)}
    assert "AAPC" in hits["D18.01"].index_entry
    assert "Angioma, senile I78.1" in hits["I78.1"].index_entry


def test_a_dash_code_is_resolved_by_the_site_and_side_said(fy2026: IndexCatalog) -> None:
    assert codes(fy2026, "dermatofibroma left leg")[0] == "D23.72"
    assert codes(fy2026, "dermatofibroma r arm")[0] == "D23.61"
    assert codes(fy2026, "lipoma back")[0] == "D17.1"


def test_a_side_never_hides_a_site_without_sides_and_excludes_the_other_side(
    fy2026: IndexCatalog,
) -> None:
    assert "C44.319" in codes(fy2026, "bcc right cheek")
    found = codes(fy2026, "bcc left forearm", 10)
    assert found[0] == "C44.619"  # left upper limb
    assert "C44.612" not in found  # right upper limb


def test_no_side_typed_puts_the_code_without_a_side_first(fy2026: IndexCatalog) -> None:
    assert codes(fy2026, "bcc forearm")[0] == "C44.611"  # unspecified upper limb, not a guess


def test_a_body_map_site_label_finds_its_icd_site_group(fy2026: IndexCatalog) -> None:
    assert codes(fy2026, "bcc nasal ala")[0] == "C44.311"
    assert codes(fy2026, "scc back of hand")[0] == "C44.621"
    assert codes(fy2026, "melanoma lower leg")[0] == "C43.70"


def test_the_word_being_typed_may_be_the_start_of_a_term_but_earlier_words_may_not(
    fy2026: IndexCatalog,
) -> None:
    assert codes(fy2026, "dermato")[0] == "D23.9"
    # "scc" is not the start of "sccis" (in situ) once the search also reads its expansion.
    assert codes(fy2026, "scc")[0] == "C44.92"
    assert "L03.90" not in codes(fy2026, "scc cheek", 10)  # "cell" of the expansion is no prefix


def test_the_quality_set_answers_in_the_top_three(fy2026: IndexCatalog) -> None:
    terms = json.loads(QUALITY_SET.read_text(encoding="utf-8"))["terms"]
    assert len(terms) >= 150
    empty = [query for query, _code in terms if not codes(fy2026, query)]
    in_top3 = [query for query, code in terms if code in codes(fy2026, query)]
    assert not empty
    assert len(in_top3) >= 0.95 * len(terms), sorted({q for q, _ in terms} - set(in_top3))


FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "icd10cm"


def test_the_cdc_index_file_is_read_with_subterms_joined_and_see_followed() -> None:
    from dermcharge.codesets.icd10.cdc_index import parse_index

    index = parse_index(FIXTURES / "icd10cm_index_2027.xml")
    assert index.version == 2027
    by_path = {term.path: term for term in index.terms}
    assert by_path[("Keloid, cheloid",)].code == "L91.0"
    assert by_path[("Keloid, cheloid",)].phrases == ("Keloid", "cheloid")
    assert by_path[("Keloid, cheloid", "acne")].code == "L73.0"
    solar = by_path[("Keratosis", "solar")]
    assert solar.code == "L57.0" and "see Keratosis, actinic" in solar.entry
    assert by_path[("Bowen's", "disease")].code == "D04.-"  # the Table of Neoplasms' skin row
    assert ("Verruca", "seborrheica") not in by_path  # a see-also with no code of its own


def test_a_release_imported_with_its_index_searches_the_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dermcharge.codesets.icd10.cdc_import import import_release
    from dermcharge.codesets.icd10.search import search

    monkeypatch.setenv("DERMCHARGE_DATA_DIR", str(tmp_path))
    files = ["icd10cm_order_2027.txt", "icd10cm_tabular_2027.xml", "icd10cm_index_2027.xml"]
    result = import_release([FIXTURES / name for name in files])
    assert result.fiscal_year == 2027
    hits = search("keratosis solar", 3, on=date(2026, 11, 20))
    assert hits[0].code == "L57.0"
    assert hits[0].index_entry == "Keratosis, solar - see Keratosis, actinic (L57.0)"
    keloid = search("keloid", 3, on=date(2026, 11, 20))
    assert keloid[0].code == "L91.0"  # (the FY2027 fixture holds no L73)
    assert keloid[0].index_entry == "Keloid, cheloid L91.0"  # the release's own index, not ours


def test_a_malformed_index_file_is_refused_by_line(tmp_path: Path) -> None:
    from dermcharge.codesets.icd10.cdc_files import CdcFileError
    from dermcharge.codesets.icd10.cdc_index import parse_index

    broken = tmp_path / "icd10cm_index_2027.xml"
    broken.write_text("<?xml version='1.0'?>\n<ICD10CM.index>\n<letter><mainTerm>\n", "utf-8")
    with pytest.raises(CdcFileError, match="line"):
        parse_index(broken)
