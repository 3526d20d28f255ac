"""Duplicate lines: the same code and modifiers twice."""

from __future__ import annotations

import pytest

from dermcharge.checks.duplicates import check_duplicates
from dermcharge.domain.claim import ClaimLine, Finding, Severity
from tests.core.checks.claim_builders import claim, context, line, visit


def duplicates(*lines: ClaimLine) -> list[Finding]:
    return check_duplicates(context(visit(), claim(*lines)))


def test_identical_lines_are_an_error() -> None:
    found = duplicates(line("11102"), line("17000"), line("11102"))
    assert [(f.severity, f.lines) for f in found] == [(Severity.ERROR, (1, 3))]


def test_same_code_for_two_lesions_without_a_modifier_is_a_warning() -> None:
    found = duplicates(line("11602", dx=("C44.519",)), line("11602", dx=("C44.612",)))
    assert [(f.severity, f.lines) for f in found] == [(Severity.WARNING, (1, 2))]
    assert "59/XS" in found[0].action


@pytest.mark.parametrize(
    "second",
    [
        line("11602", modifiers=("XS",), dx=("C44.612",)),
        line("11602", modifiers=("76",)),
        line("11603"),
    ],
)
def test_distinct_lines_do_not_fire(second: ClaimLine) -> None:
    assert duplicates(line("11602"), second) == []


def test_modifier_order_does_not_make_a_line_distinct() -> None:
    found = duplicates(line("11602", modifiers=("XS", "51")), line("11602", modifiers=("51", "XS")))
    assert len(found) == 1
