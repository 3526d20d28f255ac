"""Long names, accents, right-to-left scripts and emoji: stored exactly, and on the superbill.

Storage must give back exactly what was typed. The PDF's text layer is read back with pypdf:
accented and long names must be there in full (wrapped is fine). What is known not to work yet
is marked xfail(strict=True) with the reason, so it shows up the day it is fixed.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterator
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from dermcharge.services import visits
from dermcharge.services.superbill_print import superbill_for_stored, superbill_pdf
from dermcharge.storage.database import Database, open_database
from tests.storage.storage_samples import sample_record, stand_in_coder

pytestmark = pytest.mark.slow

NAMES = {
    "accents": ("Zoë Ångström", "Ñúñez-Ørsted"),
    "long": ("Hubert Blaine Maximilian Adolph", "Wolfeschlegelsteinhausenbergerdorff-Ñúñez"),
    "longest": ("A" * 100, "Ó" * 100),  # the most the database takes
    "hebrew": ("שרה", "כהן"),
    "arabic": ("محمد", "العربي"),
    "emoji": ("Ava 😀", "Smith ✨"),
}
_accounts = iter(range(10_000_000))


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    folder = tmp_path_factory.mktemp("unicode")
    database = open_database(f"sqlite:///{folder / 'names.sqlite'}")
    yield database
    database.dispose()


def _store(db: Database, first: str, last: str) -> int:
    record = sample_record()
    patient = replace(
        record.patient, first_name=first, last_name=last, account_number=f"U-{next(_accounts)}"
    )
    return visits.create_visit(
        db, replace(record, patient=patient), actor="t", coder=stand_in_coder
    ).id


def _pdf_text(db: Database, visit_id: int) -> str:
    pdf = superbill_pdf(superbill_for_stored(visits.open_visit(db, visit_id)))
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


NAME_TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=100
).filter(lambda s: s.strip() == s and s.strip())


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(first=NAME_TEXT, last=NAME_TEXT)
def test_any_name_is_stored_and_read_back_exactly(db: Database, first: str, last: str) -> None:
    visit_id = _store(db, first, last)
    patient = visits.open_visit(db, visit_id).record.patient
    assert patient is not None
    assert (patient.first_name, patient.last_name) == (first, last)


@pytest.mark.parametrize("kind", sorted(NAMES))
def test_names_survive_storage(db: Database, kind: str) -> None:
    first, last = NAMES[kind]
    patient = visits.open_visit(db, _store(db, first, last)).record.patient
    assert patient is not None and (patient.first_name, patient.last_name) == (first, last)


def test_accented_names_are_in_the_pdf_whole(db: Database) -> None:
    first, last = NAMES["accents"]
    assert f"{last}, {first}" in _pdf_text(db, _store(db, first, last))


def test_long_names_are_in_the_pdf_wrapped_not_cut(db: Database) -> None:
    first, last = NAMES["long"]
    text = "".join(_pdf_text(db, _store(db, first, last)).split())
    assert "".join(first.split()) in text and last in text


def test_a_name_too_long_for_its_box_is_cut_visibly(db: Database) -> None:
    first, last = NAMES["longest"]
    text = "".join(_pdf_text(db, _store(db, first, last)).split())
    assert last in text
    assert "A" * 60 + "…" in text or first in text  # an ellipsis says something is missing


@pytest.mark.parametrize("kind", ["hebrew", "arabic"])
def test_right_to_left_letters_are_in_the_pdf(db: Database, kind: str) -> None:
    # The superbill draws right-to-left names in visual order with Arabic letters joined into
    # their presentation forms (tests/superbill/test_superbill_right_to_left_and_emoji.py);
    # NFKC maps those forms back to the letters, and the order is not compared here.
    first, last = NAMES[kind]
    text = unicodedata.normalize("NFKC", _pdf_text(db, _store(db, first, last)))
    assert all(ch in text for ch in first + last)


@pytest.mark.xfail(
    strict=True,
    reason="text extraction only: 😀 prints (DejaVu Sans has the glyph; see "
    "tests/superbill/test_superbill_right_to_left_and_emoji.py) but ReportLab's ToUnicode map "
    "writes code points beyond U+FFFF unpaired, so PDF readers cannot extract it",
)
def test_emoji_are_in_the_pdf(db: Database) -> None:
    first, last = NAMES["emoji"]
    assert "😀" in _pdf_text(db, _store(db, first, last))
