"""Readers for the official CDC ICD-10-CM code text files, strict about their fixed-width layout.

`icd10cm_order_YYYY.txt` (CDC "ICD-10-CM order file", one line per code and header, in Tabular
order; layout from the CDC/CMS document icd10OrderFiles.pdf):

    columns 1-5   order number, zero-filled          column 6   blank
    columns 7-13  code without the dot, left-justified column 14  blank
    column 15     0 = header (not valid on a claim), 1 = valid for HIPAA-covered transactions
    column 16     blank
    columns 17-76 short description (60 columns)      column 77  blank
    columns 78-   long description (up to 323 characters)

`icd10cm_codes_YYYY.txt`: billable codes only; code in columns 1-7, column 8 blank, the long
description from column 9.

Every problem raises `CdcFileError` naming the file and line; nothing is returned half-read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from dermcharge.codesets.icd10.catalog import normalize_code

# A letter, then a digit and a letter or digit, or (since the April 2026 update's QA0 category)
# a letter and a digit; then up to four letters or digits.
CODE_PATTERN = re.compile(r"^[A-Z](?:[0-9][0-9A-Z]|[A-Z][0-9])(?:[0-9A-Z]{1,4})?$")
ORDER_LINE = re.compile(r"^\d{5} [0-9A-Z ]{7} [01] ")
CODES_LINE = re.compile(r"^[A-Z](?:[0-9][0-9A-Z]|[A-Z][0-9])[0-9A-Z ]{4} \S")
_MIN_ORDER_LINE = 78  # through the first character of the long description


class CdcFileError(ValueError):
    """A CDC release file is not in the official layout; the message names the file and line."""


@dataclass(frozen=True)
class CodeLine:
    code: str  # dotted
    billable: bool
    description: str  # the long description
    line: int


def read_lines(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        text = path.read_text(encoding="latin-1")  # older releases shipped as Latin-1
    except OSError as error:
        raise CdcFileError(f"{path}: cannot read: {error.strerror or error}") from error
    lines = text.splitlines()
    while lines and not lines[-1].strip():
        lines.pop()
    if not lines:
        raise CdcFileError(f"{path}: the file is empty")
    return lines


def first_line(path: Path) -> str:
    """The first non-blank line, read without loading the whole file (the XML is 10 MB)."""
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if line.strip():
                    return line.rstrip("\r\n")
    except OSError as error:
        raise CdcFileError(f"{path}: cannot read: {error.strerror or error}") from error
    raise CdcFileError(f"{path}: the file is empty")


def looks_like_order_file(first_line: str) -> bool:
    return bool(ORDER_LINE.match(first_line))


def looks_like_codes_file(first_line: str) -> bool:
    return bool(CODES_LINE.match(first_line))


def parse_order_file(path: Path) -> list[CodeLine]:
    entries: list[CodeLine] = []
    seen: set[str] = set()
    previous_order = 0
    for number, line in enumerate(read_lines(path), start=1):
        where = f"{path.name} line {number}"
        if len(line) < _MIN_ORDER_LINE:
            raise CdcFileError(
                f"{where}: {len(line)} characters; an order-file line has at least "
                f"{_MIN_ORDER_LINE} (order number, code, flag, short and long description)"
            )
        if line[5] != " " or line[13] != " " or line[15] != " " or line[76] != " ":
            raise CdcFileError(
                f"{where}: columns 6, 14, 16 and 77 must be blank (fixed-width order file layout)"
            )
        order_text, raw_code, flag = line[0:5], line[6:13].rstrip(), line[14]
        if not order_text.isdigit():
            raise CdcFileError(f"{where}: order number {order_text!r} is not 5 digits")
        if int(order_text) <= previous_order:
            raise CdcFileError(
                f"{where}: order number {order_text} does not follow {previous_order:05d}"
            )
        previous_order = int(order_text)
        code = _checked_code(raw_code, where)
        if flag not in "01":
            raise CdcFileError(f"{where}: the billable flag (column 15) is {flag!r}, not 0 or 1")
        description = line[77:].strip()
        if not description or not line[16:76].strip():
            raise CdcFileError(f"{where}: code {code} has no description")
        if code in seen:
            raise CdcFileError(f"{where}: code {code} appears twice")
        seen.add(code)
        entries.append(CodeLine(code, flag == "1", description, number))
    return entries


def parse_codes_file(path: Path) -> list[CodeLine]:
    entries: list[CodeLine] = []
    seen: set[str] = set()
    for number, line in enumerate(read_lines(path), start=1):
        where = f"{path.name} line {number}"
        if len(line) < 9 or line[7] != " ":
            raise CdcFileError(
                f"{where}: expected the code in columns 1-7, a blank column 8 and the "
                "description from column 9"
            )
        code = _checked_code(line[0:7].rstrip(), where)
        description = line[8:].strip()
        if not description:
            raise CdcFileError(f"{where}: code {code} has no description")
        if code in seen:
            raise CdcFileError(f"{where}: code {code} appears twice")
        seen.add(code)
        entries.append(CodeLine(code, True, description, number))
    return entries


def _checked_code(raw: str, where: str) -> str:
    if not CODE_PATTERN.match(raw):
        raise CdcFileError(
            f"{where}: {raw!r} is not an ICD-10-CM code (3 to 7 letters and digits starting "
            "with a letter, no dot)"
        )
    return normalize_code(raw)
