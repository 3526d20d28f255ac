"""The NPI check digit (dermcharge.domain.npi) and choosing the database URL."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dermcharge.domain.npi import check_digit, is_valid, npi_problem
from dermcharge.storage.database_url import resolve_database_url


@pytest.mark.parametrize("npi", ["1234567893", "1245319599", "1234-567-893", " 1234567893 "])
def test_valid_npis(npi: str) -> None:
    assert is_valid(npi)


@pytest.mark.parametrize(
    ("npi", "problem"),
    [
        ("1234567890", "check digit (the last digit should be 3)"),
        ("123456789", "exactly 10 digits"),
        ("12345678901", "exactly 10 digits"),
        ("12345678a3", "exactly 10 digits"),
        ("１２３４５６７８９３", "exactly 10 digits"),  # full-width digits are not ASCII
        ("3234567893", "start with 1 or 2"),
        ("", "is missing"),
    ],
)
def test_invalid_npis_say_why(npi: str, problem: str) -> None:
    message = npi_problem(npi)
    assert message is not None and problem in message


def test_the_cms_worked_example() -> None:
    # CMS check-digit paper: 123456789 with prefix 80840 gives check digit 3.
    assert check_digit("123456789") == "3"


@given(st.text(alphabet="0123456789", min_size=8, max_size=8), st.sampled_from("12"))
def test_every_single_digit_typo_is_caught(rest: str, first: str) -> None:
    nine = first + rest
    npi = nine + check_digit(nine)
    assert is_valid(npi)
    for position in range(10):
        for digit in "0123456789":
            if digit != npi[position]:
                typo = npi[:position] + digit + npi[position + 1 :]
                assert not is_valid(typo)


def test_the_url_comes_from_the_option_then_the_environment_then_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DERMCHARGE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("DERMCHARGE_DB", raising=False)
    assert resolve_database_url(None) == f"sqlite:///{tmp_path / 'data' / 'dermcharge.sqlite'}"
    monkeypatch.setenv("DERMCHARGE_DB", "postgresql://clinic@server/dermcharge")
    assert resolve_database_url(None) == "postgresql+psycopg://clinic@server/dermcharge"
    assert resolve_database_url("sqlite:////x/y.sqlite") == "sqlite:////x/y.sqlite"
    assert resolve_database_url(str(tmp_path / "f.sqlite")) == f"sqlite:///{tmp_path / 'f.sqlite'}"
    assert resolve_database_url("  ") == "postgresql+psycopg://clinic@server/dermcharge"
