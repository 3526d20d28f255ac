"""National Provider Identifier: ten digits whose last is a Luhn check digit over 80840 + the rest.

Source: CMS, "Requirements for Check Digit Algorithm for the National Provider Identifier"
(https://www.cms.gov/Regulations-and-Guidance/Administrative-Simplification/
NationalProvIdentStand/Downloads/NPIcheckdigit.pdf). The NPI is an ISO 7812 card number whose
issuer prefix 80840 is implied; the check digit is the standard Luhn digit computed over the
prefix and the first nine NPI digits.
"""

from __future__ import annotations

NPI_ISSUER_PREFIX = "80840"
NPI_LENGTH = 10


def compact(npi: str) -> str:
    """The NPI without the spaces and dashes people type into it."""
    return "".join(ch for ch in npi if ch not in " -")


def check_digit(first_nine: str) -> str:
    """The Luhn check digit for the first nine NPI digits (with the implied 80840 prefix)."""
    if len(first_nine) != NPI_LENGTH - 1 or not first_nine.isascii() or not first_nine.isdigit():
        raise ValueError(f"an NPI check digit needs 9 digits, got {first_nine!r}")
    payload = NPI_ISSUER_PREFIX + first_nine
    total = 0
    # Double every second digit from the right of the payload (the check digit will be rightmost).
    for position, char in enumerate(reversed(payload)):
        digit = int(char)
        if position % 2 == 0:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return str((10 - total % 10) % 10)


def npi_problem(npi: str) -> str | None:
    """Why this NPI is not valid, or None when it is."""
    value = compact(npi)
    if not value:
        return "is missing"
    if len(value) != NPI_LENGTH or not value.isascii() or not value.isdigit():
        return f"{npi!r} must be exactly 10 digits"
    if value[0] not in "12":
        return f"{npi!r} must start with 1 or 2"
    expected = check_digit(value[:9])
    if value[9] != expected:
        return f"{npi!r} fails its check digit (the last digit should be {expected})"
    return None


def is_valid(npi: str) -> bool:
    return npi_problem(npi) is None
