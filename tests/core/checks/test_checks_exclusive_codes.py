"""Mutually exclusive codes and the one-primary-biopsy rule."""

from __future__ import annotations

import pytest

from dermcharge.checks.exclusive_codes import check_exclusive_codes
from dermcharge.domain.claim import ClaimLine, Finding, Severity
from tests.core.checks.claim_builders import claim, context, line, visit


def exclusive(*lines: ClaimLine) -> list[Finding]:
    return check_exclusive_codes(context(visit(), claim(*lines)))


@pytest.mark.parametrize(
    "codes",
    [
        ("17000", "17004"),
        ("17003", "17004"),
        ("17000", "17003", "17004"),
        ("17110", "17111"),
        ("11900", "11901"),
        ("10060", "10061"),
        ("11102", "11104"),
        ("11104", "11106"),
    ],
)
def test_codes_that_exclude_each_other_fire(codes: tuple[str, ...]) -> None:
    found = exclusive(*(line(c) for c in codes))
    assert len(found) == 1
    assert found[0].severity is Severity.ERROR
    assert found[0].lines == tuple(range(1, len(codes) + 1))
    assert found[0].source


@pytest.mark.parametrize(
    "codes",
    [
        ("17000", "17003"),
        ("17004",),
        ("17110",),
        ("11901",),
        ("10061",),
        ("11106", "11105", "11103"),
        ("11104", "11105", "11103"),
        ("17000", "17110"),  # different lesions, different families: not exclusive
    ],
)
def test_codes_that_may_go_together_do_not_fire(codes: tuple[str, ...]) -> None:
    assert exclusive(*(line(c) for c in codes)) == []


def test_two_units_of_a_primary_biopsy_fire() -> None:
    found = exclusive(line("11102", units=2))
    assert len(found) == 1 and "11103/11105/11107" in found[0].action
