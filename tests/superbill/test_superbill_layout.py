"""Layout under real data: long visits paginate cleanly, long and non-Latin names stay inside."""

from __future__ import annotations

from decimal import Decimal

from superbill_samples import (
    PATIENT,
    one_line,
    pages_text,
    replace_record,
    text_runs,
    typical_record,
)

from dermcharge.domain.record import Insurance, Provider
from dermcharge.domain.superbill_record import SuperbillDiagnosis, SuperbillLine, SuperbillRecord
from dermcharge.superbill import render_superbill
from dermcharge.superbill.page_decor import MARGIN, PAGE_WIDTH, fit_text

LEFT, RIGHT = MARGIN, PAGE_WIDTH - MARGIN
TOLERANCE = 0.5  # points


def _long_visit() -> SuperbillRecord:
    diagnoses = tuple(
        SuperbillDiagnosis(letter, f"L{57 + i}.0", f"Diagnosis number {i + 1}, described at length")
        for i, letter in enumerate("ABCDEFGHIJKL")
    )
    lines = tuple(
        SuperbillLine(
            f"1110{i % 8}",
            ("59",),
            f"Biopsy number {i + 1} of many, at a named site",
            ("ABCDEFGHIJKL"[i % 12],),
            1,
            Decimal("100.00"),
        )
        for i in range(45)
    )
    return typical_record(diagnoses=diagnoses, lines=lines)


def _inside_margins(record: SuperbillRecord) -> None:
    for run in text_runs(render_superbill(record)):
        if run.rotated:
            continue  # the DRAFT watermark crosses the page on purpose
        assert run.x0 >= LEFT - TOLERANCE, run
        assert run.x1 <= RIGHT + TOLERANCE, run


def test_long_visit_numbers_pages_and_repeats_the_header() -> None:
    pages = pages_text(render_superbill(_long_visit()))
    assert len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        flat = one_line(text)
        assert f"Page {number} of {len(pages)}" in flat
        assert "Superbill · O'Brien-Okafor, Ada · DOS 11/20/2026 · Acct A-1001" in flat
        assert "Code sets:" in flat
    # The services table's column heads repeat where it continues.
    assert "CPT/HCPCS" in pages[1]
    # Every line and the total made it.
    flat_all = one_line(" ".join(pages))
    assert "Biopsy number 45 of many" in flat_all
    assert "Total charges $4,500.00" in flat_all


def test_long_visit_text_stays_inside_the_margins() -> None:
    _inside_margins(_long_visit())


def test_very_long_names_wrap_inside_their_boxes() -> None:
    long_word = "Wolfeschlegelsteinhausenbergerdorff" * 2
    record = typical_record(
        patient=replace_record(
            PATIENT,
            first_name="Maximiliana Konstantina Alexandra",
            last_name=f"{long_word}-Featherstonehaugh",
        ),
        practice=replace_record(
            typical_record().practice,
            name="The Extraordinarily Long-Named Regional Dermatology, Mohs Surgery and "
            "Cosmetic Skin Institute of Greater Springfield and the Surrounding Counties",
        ),
        provider=Provider(
            "Bartholomew Montgomery-Fitzwilliam Ravenscroft-Smythe III",
            "1245319599",
            "MD, PhD, FAAD, FACMS",
        ),
        primary_insurance=Insurance(
            "Blue Cross and Blue Shield of Illinois Federal Employee Program Standard Option",
            "XYZ" + "9" * 30,
        ),
    )
    pdf = render_superbill(record)
    _inside_margins(record)
    patient_column_end = LEFT + (RIGHT - LEFT) / 3
    name_runs = [r for r in text_runs(pdf) if "Wolfeschlegel" in r.text and r.y < 700]
    assert name_runs, "the patient name is printed"
    for run in name_runs:
        if run.y < 700 and run.x0 < patient_column_end:  # the patient box, not the page header
            assert run.x1 <= patient_column_end + TOLERANCE, run
    header = [r for r in text_runs(pdf) if r.text.startswith("Superbill ·")]
    assert header and all(r.x1 <= RIGHT + TOLERANCE for r in header)


def test_accents_non_latin_scripts_and_apostrophes_survive() -> None:
    names = [
        ("Zoë", "Ñúñez-Łukasiewicz"),
        ("Дмитрий", "Иванов"),
        ("Αλέξανδρος", "Παπαδόπουλος"),
        ("Siobhán", "O’Sullivan"),
        ("Thảo", "Nguyễn"),
    ]
    for first, last in names:
        record = typical_record(patient=replace_record(PATIENT, first_name=first, last_name=last))
        text = one_line(pages_text(render_superbill(record))[0])
        assert f"{last}, {first}" in text, (first, last)


def test_markup_characters_in_names_print_literally() -> None:
    record = typical_record(patient=replace_record(PATIENT, last_name="<b>Smith & Sons</b>"))
    text = one_line(pages_text(render_superbill(record))[0])
    assert "<b>Smith & Sons</b>, Ada" in text


def test_fit_text_shrinks_then_cuts() -> None:
    assert fit_text("short", "DejaVuSans", 8, 200) == ("short", 8)
    text, size = fit_text("a fairly long line of text", "DejaVuSans", 8, 90)
    assert size < 8 and text == "a fairly long line of text"
    text, size = fit_text("x" * 400, "DejaVuSans", 8, 90)
    assert text.endswith("…") and size == 5.5


def test_many_open_errors_split_across_pages_and_all_print() -> None:
    errors = tuple(f"Error number {i} needs a person to look at it." for i in range(1, 91))
    pages = pages_text(render_superbill(typical_record(errors=errors)))
    assert len(pages) >= 2
    flat = one_line(" ".join(pages))
    assert "90 open errors" in flat
    assert all(f"Error number {i} needs" in flat for i in (1, 45, 90))


def test_absurdly_long_name_is_cut_not_pushed_off_the_page() -> None:
    record = typical_record(patient=replace_record(PATIENT, last_name="X" * 3000))
    pdf = render_superbill(record)
    assert "…" in pages_text(pdf)[0]
    _inside_margins(record)
