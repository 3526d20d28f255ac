"""CMS-1500 (02/12) forms: the data read back from the PDF with pypdf in both modes; six lines a
form, more continued on another; the alignment offset moves the data; a page rendered to PNG."""

from __future__ import annotations

import dataclasses
import io
import shutil
import subprocess
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from dermcharge.claims_out.claim_record import ClaimLineOut, ClaimOut
from dermcharge.domain.record import (
    Address,
    Insurance,
    Patient,
    Practice,
    Provider,
    SubscriberPerson,
)
from dermcharge.superbill.cms1500 import render_cms1500

ADDRESS = Address("1 Main St", "", "Springfield", "IL", "62701")
CLAIM = ClaimOut(
    visit_id=7,
    claim_id="DC7-1",
    frequency="7",
    original_claim_id="DC7-0",
    date_of_service=date(2026, 11, 20),
    place_of_service="11",
    patient=Patient("Ada", "Okafor", date(1951, 3, 14), "F", "A-1001", address=ADDRESS),
    insurance=Insurance(
        "Blue Cross", "XYZ123", group="G-77", subscriber="spouse", payer_id="00621",
        subscriber_person=SubscriberPerson("Obi", "Okafor", date(1949, 7, 2), "M", ADDRESS),
    ),
    payer_kind="commercial",
    provider=Provider("Jane Doe", "1234567893", "MD", "207N00000X"),
    practice=Practice("Prairie Dermatology", "1679576722", "37-1234567", "217-555-0199",
                      Address("200 Oak Ave", "", "Springfield", "IL", "627011234"), "207N00000X"),
    diagnoses=("L57.0", "C44.311", "D48.5"),
    lines=(
        ClaimLineOut("17000", (), 1, Decimal("120"), (1,)),
        ClaimLineOut("17003", ("59",), 4, Decimal("10.50"), (1, 2)),
    ),
    signed_at=datetime(2026, 11, 20, 17, 0, tzinfo=UTC),
)  # fmt: skip


def _pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


@pytest.mark.parametrize("mode", ["full", "red"])
def test_the_boxes_read_back(mode: str) -> None:
    [text] = _pages(render_cms1500([CLAIM], mode=mode))
    for expected in (
        "XYZ123",  # 1a
        "OKAFOR, ADA",  # 2
        "03 14 1951",  # 3
        "OKAFOR, OBI",  # 4: the subscriber, not the patient
        "L570", "C44311", "D485",  # 21 A-C without dots
        "17003", "59", "AB",  # 24D, modifier, 24E pointers
        "1234567893",  # 24J rendering NPI
        "371234567",  # 25 EIN
        "1679576722",  # 32a / 33a
        "162 00",  # 28 total
        "DC7-0",  # 22 original reference of a replacement claim
    ):  # fmt: skip
        assert expected in text, expected
    assert ("HEALTH INSURANCE CLAIM FORM" in text) is (mode == "full")


def test_seven_lines_take_two_forms_each_totalled() -> None:
    lines = tuple(ClaimLineOut(f"1100{n}", (), 1, Decimal("100"), (1,)) for n in range(7))
    pages = _pages(render_cms1500([dataclasses.replace(CLAIM, lines=lines)]))
    assert len(pages) == 2
    assert "600 00" in pages[0] and "PAGE 1 OF 2" in pages[0]
    assert "100 00" in pages[1] and "11006" in pages[1] and "11000" not in pages[1]


def test_the_alignment_offset_moves_the_data() -> None:
    def x_of(pdf: bytes, needle: str) -> float:
        found: list[float] = []

        def visit(text: str, _cm: object, tm: list[float], *_: object) -> None:
            if needle in text:
                found.append(tm[4])

        PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
        return found[0]

    plain = render_cms1500([CLAIM], mode="red")
    moved = render_cms1500([CLAIM], mode="red", offset_mm=(10, 0))
    assert x_of(moved, "XYZ123") - x_of(plain, "XYZ123") == pytest.approx(28.35, abs=0.1)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler's pdftoppm not installed")
def test_a_form_renders_to_png(tmp_path: Path) -> None:
    pdf = tmp_path / "form.pdf"
    pdf.write_bytes(render_cms1500([CLAIM]))
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), str(tmp_path / "form")], check=True)
    png = tmp_path / "form-1.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5000
