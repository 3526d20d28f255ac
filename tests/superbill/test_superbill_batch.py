"""A day's superbills as one PDF: each starts a page, numbers its own pages, reports progress."""

from __future__ import annotations

from decimal import Decimal

import pytest
from superbill_samples import PATIENT, one_line, pages_text, replace_record, signed, typical_record

from dermcharge.domain.superbill_record import SuperbillLine, SuperbillRecord
from dermcharge.superbill import render_batch


def _day() -> list[SuperbillRecord]:
    long_lines = tuple(
        SuperbillLine("11102", (), f"Biopsy {i + 1}", ("A",), 1, Decimal("150.00"))
        for i in range(60)
    )
    return [
        typical_record(patient=replace_record(PATIENT, last_name="First", account_number="P-1")),
        typical_record(
            patient=replace_record(PATIENT, last_name="Second", account_number="P-2"),
            lines=long_lines,
        ),
        signed(
            typical_record(patient=replace_record(PATIENT, last_name="Third", account_number="P-3"))
        ),
    ]


def test_each_superbill_numbers_its_own_pages() -> None:
    pages = [one_line(text) for text in pages_text(render_batch(_day()))]
    owners = [
        next(name for name in ("First", "Second", "Third") if f"{name}, Ada" in p) for p in pages
    ]
    assert owners[0] == "First" and owners[-1] == "Third"
    second = [p for p, owner in zip(pages, owners, strict=True) if owner == "Second"]
    assert len(second) >= 2
    for number, text in enumerate(second, start=1):
        assert f"Page {number} of {len(second)}" in text
    assert "Page 1 of 1" in pages[0] and "Page 1 of 1" in pages[-1]


def test_draft_mark_follows_each_superbill() -> None:
    pages = [one_line(text) for text in pages_text(render_batch(_day()))]
    assert "Draft — not signed" in pages[0]
    assert "Status: Signed" in pages[-1]


def test_progress_reports_each_superbill_then_done() -> None:
    calls: list[tuple[int, int]] = []
    render_batch(_day(), progress=lambda done, total: calls.append((done, total)))
    assert calls == [(0, 3), (1, 3), (2, 3), (3, 3)]


def test_empty_batch_is_refused() -> None:
    with pytest.raises(ValueError, match="at least one"):
        render_batch([])
