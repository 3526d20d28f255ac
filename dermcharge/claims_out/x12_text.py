"""X12 element values: the basic character set, no separators, fixed-width ISA fields.

005010X222A1 §A.1.3 (character sets): data may use upper-case letters, digits, space and the
special characters of the basic set; the element (*), component (:), repetition (^) and segment
(~) separators must never appear inside a value.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

ELEMENT = "*"
COMPONENT = ":"
REPETITION = "^"
SEGMENT = "~"

_NOT_ALLOWED = re.compile(r"[^A-Z0-9 !\"&'()+,\-./;?=%@\[\]_{}\\|<>#$]")


def text(value: str, max_length: int | None = None) -> str:
    """An AN element: ASCII upper case (accents dropped, not guessed), separators removed."""
    plain = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    cleaned = _NOT_ALLOWED.sub(" ", plain.upper())
    cleaned = " ".join(cleaned.split())
    return cleaned[:max_length] if max_length else cleaned


def digits(value: str) -> str:
    return "".join(ch for ch in value if ch.isdigit())


def amount(value: Decimal) -> str:
    """An R element: no trailing zeros after the point, no exponent (150, 150.5, 0.75)."""
    quantized = value.quantize(Decimal("0.01"))
    text_value = format(quantized, "f")
    if "." in text_value:
        text_value = text_value.rstrip("0").rstrip(".")
    return text_value or "0"


def fixed(value: str, width: int) -> str:
    """An ISA field: exactly `width` characters, padded with spaces."""
    return text(value, width).ljust(width)


def segment(*elements: str) -> str:
    """Elements joined, trailing empty ones dropped (X12 §B.1.1.3.8)."""
    parts = list(elements)
    while parts and parts[-1] == "":
        parts.pop()
    return ELEMENT.join(parts) + SEGMENT
