"""Type-ahead ICD-10-CM search: what dermatology staff type finds the code they mean."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dermcharge.codesets.icd10 import releases
from dermcharge.codesets.icd10.cdc_import import import_release
from dermcharge.codesets.icd10.index_catalog import IndexCatalog
from dermcharge.codesets.icd10.search import search, search_catalog
from dermcharge.codesets.icd10.synonyms import SYNONYMS_FILE, load_synonyms, words_of
from dermcharge.resource_files import resource_path

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "icd10cm"


@pytest.fixture(scope="module")
def fy2026() -> IndexCatalog:
    return IndexCatalog(releases.ensure_shipped_index())


def codes(catalog: IndexCatalog, query: str, limit: int = 10) -> list[str]:
    return [hit.code for hit in search_catalog(catalog, query, limit)]


@pytest.mark.parametrize(
    ("query", "code", "within"),
    [
        ("bcc nose", "C44.311", 1),
        ("basal cell right upper eyelid", "C44.1121", 1),
        ("ak", "L57.0", 1),
        ("common wart", "B07.8", 1),
        ("skin tag", "L91.8", 1),
        ("acrochordon", "L91.8", 1),
        ("actinic keratosis", "L57.0", 1),
        ("scc in situ nose", "D04.39", 1),
        ("bcc hand", "C44.619", 3),
        ("bowen", "D04.9", 1),
        ("mis left upper lid", "D03.121", 1),
        ("sk inflamed", "L82.0", 1),
        ("mole back", "D22.5", 1),
        ("verruca plantar", "B07.0", 1),
        ("l lower lid bcc", "C44.1192", 1),
        ("hx melanoma", "Z85.820", 1),
        ("eic", "L72.0", 1),
        ("scc cheek", "C44.329", 1),
        ("hx bcc", "Z85.828", 1),
        ("ingrown toenail", "L60.0", 1),
        ("atypical nevus back", "D22.5", 1),
        ("dpn", "L82.1", 2),
    ],
)
def test_finds_the_code_meant(fy2026: IndexCatalog, query: str, code: str, within: int) -> None:
    assert code in codes(fy2026, query, within), codes(fy2026, query, 5)


def test_includes_notes_reach_the_codes_under_the_category(fy2026: IndexCatalog) -> None:
    # D22 Melanocytic nevi "Includes: atypical nevus"; no D22 code says "atypical" itself.
    hits = codes(fy2026, "atypical nevus", 30)
    assert hits and all(code.startswith("D22") for code in hits)
    assert "D22.5" in hits


def test_code_prefix_with_or_without_the_dot(fy2026: IndexCatalog) -> None:
    dotted = codes(fy2026, "C44.31")
    assert dotted[0] == "C44.31"  # the code typed, then the codes under it
    assert set(dotted[1:]) == {"C44.310", "C44.311", "C44.319"}
    assert codes(fy2026, "c4431") == dotted
    assert codes(fy2026, "L57.0") == ["L57.0"]
    assert codes(fy2026, "qa0", 1) == ["QA0"]  # letter-letter-digit: the April 2026 QA0 category


def test_code_prefix_combines_with_words(fy2026: IndexCatalog) -> None:
    assert codes(fy2026, "C44 nose bcc")[0] == "C44.311"
    assert all(code.startswith("C44") for code in codes(fy2026, "C44 nose"))
    assert codes(fy2026, "D04 nose", 1) == [
        "D04.39"
    ]  # no D04 nose code: skin of other parts of face


def test_a_code_like_word_that_is_no_code_is_searched_as_text(fy2026: IndexCatalog) -> None:
    assert codes(fy2026, "b12", 3)[0].startswith("D51")


def test_every_word_must_match_as_a_prefix(fy2026: IndexCatalog) -> None:
    hits = search_catalog(fy2026, "basal carc nos", 50)
    assert hits
    for hit in hits:
        words = words_of(hit.description)
        for typed in ("basal", "carc", "nos"):
            assert any(word.startswith(typed) for word in words), hit
    assert codes(fy2026, "bcc nose zzzzqq") == []


def test_billable_codes_come_before_categories(fy2026: IndexCatalog) -> None:
    hits = search_catalog(fy2026, "viral warts", 20)
    flags = [hit.billable for hit in hits]
    assert True in flags and False in flags
    assert flags == sorted(flags, reverse=True)


def test_dermatology_codes_are_favoured(fy2026: IndexCatalog) -> None:
    hits = search_catalog(fy2026, "cyst", 10)
    assert hits[0].derm
    assert [h.code for h in hits[:3]] == sorted(
        [h.code for h in hits[:3]], key=lambda c: not c.startswith("L")
    )


def test_laterality_abbreviations(fy2026: IndexCatalog) -> None:
    assert codes(fy2026, "bcc r upper lid", 1) == ["C44.1121"]
    assert codes(fy2026, "bcc rt upper eyelid", 1) == ["C44.1121"]
    assert codes(fy2026, "bcc lt upper lid", 1) == ["C44.1191"]


def test_limit_is_respected(fy2026: IndexCatalog) -> None:
    assert len(search_catalog(fy2026, "melanoma", 7)) == 7
    assert search_catalog(fy2026, "melanoma", 0) == []


@pytest.mark.parametrize("query", ["", "   ", "of", '"', "*", "AND", "NEAR(a b)", "-", "''", "é"])
def test_odd_queries_do_not_fail(fy2026: IndexCatalog, query: str) -> None:
    assert isinstance(search_catalog(fy2026, query, 5), list)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=30))
def test_any_typed_text_gives_a_list(text: str) -> None:
    catalog = releases.newest_catalog()
    hits = search_catalog(catalog, text, 5)
    assert len(hits) <= 5


def test_json_shape(fy2026: IndexCatalog) -> None:
    hit = search_catalog(fy2026, "bcc nose", 1)[0]
    assert hit.to_json() == {
        "code": "C44.311",
        "description": "Basal cell carcinoma of skin of nose",
        "billable": True,
        "index_entry": "Carcinoma, basal cell - see Neoplasm, skin, malignant (C44.-1-)",
    }
    plain = search_catalog(fy2026, "hypertrophic disorder of skin", 1)[0]
    assert "index_entry" not in plain.to_json()


def test_search_uses_the_release_in_force_on_the_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DERMCHARGE_DATA_DIR", str(tmp_path))
    import_release([FIXTURES / "icd10cm_order_2027.txt", FIXTURES / "icd10cm_tabular_2027.xml"])
    # The FY2027 fixture holds B07 but not A63: a FY2027 date searches the fixture only.
    assert "A63.0" in [h.code for h in search("warts", 10, on=date(2026, 9, 30))]
    assert "A63.0" not in [h.code for h in search("warts", 10, on=date(2026, 10, 1))]
    assert [h.code for h in search("common wart", 1, on=date(2026, 11, 20))] == ["B07.8"]


def test_the_synonym_table_says_where_it_comes_from() -> None:
    data = json.loads(resource_path(*SYNONYMS_FILE).read_text(encoding="utf-8"))
    assert data["source"] and data["effective_from"]
    assert all(entry["why"] for entry in data["word_synonyms"])
    table = load_synonyms()
    for needed in ["bcc", "scc", "mis", "ak", "sk", "mole", "wart", "verruca", "l", "r", "lid"]:
        assert (needed,) in table.word_synonyms, needed
    assert ("scc", "in", "situ") in table.word_synonyms


def test_synonym_expansion_keeps_the_typed_word(fy2026: IndexCatalog) -> None:
    groups = load_synonyms().expand(["bcc", "of", "nose"])
    assert [g.typed for g in groups] == [("bcc",), ("nose",)]  # "of" dropped, not being typed
    assert groups[0].alternatives == (("bcc",), ("basal", "cell", "carcinoma"))
    assert load_synonyms().expand(["melanoma", "of"])[-1].typed == ("of",)
