"""Read a CMS file (tab- or comma-delimited text, or .xlsx) into rows that remember their line.

CMS ships the same tables as text and as Excel workbooks, with notice lines, title lines and
headers wrapped over several rows in front of the data; the importers find their header by
name (`find_header`) rather than trusting a fixed position.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple, TextIO
from xml.etree import ElementTree

from dermcharge.codesets.cms.errors import CmsFileError

CODE_PATTERN = re.compile(r"^(?:\d{4}[0-9A-Z]|[A-Z]\d{4})$")
_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_WHOLE_FLOAT = re.compile(r"^-?\d+\.0+$")


class Row(NamedTuple):
    line: int  # 1-based line (text) or row number (workbook) where the record starts
    cells: tuple[str, ...]

    def cell(self, index: int) -> str:
        return self.cells[index].strip() if index < len(self.cells) else ""

    @property
    def blank(self) -> bool:
        return not any(c.strip() for c in self.cells)


def text_encoding(path: Path) -> str:
    """UTF-8 (with or without BOM) when the whole file decodes so, else Windows-1252.

    Read in chunks so that a file of a million edits is never held twice in memory.
    """
    decoder = codecs.getincrementaldecoder("utf-8")()
    with path.open("rb") as stream:
        first = True
        while chunk := stream.read(1 << 20):
            if first and b"\x00" in chunk[:4096]:
                raise CmsFileError(path, "this is not a text file (binary content)")
            first = False
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                return "cp1252"
    return "utf-8-sig"


def read_rows(path: Path, *, delimiter: str | None = None) -> list[Row]:
    """Every record of the file; raises CmsFileError when the file cannot be read at all."""
    return list(iter_rows(path, delimiter=delimiter))


def iter_rows(path: Path, *, delimiter: str | None = None) -> Iterator[Row]:
    """The file's records one by one (text is streamed; a workbook sheet is parsed as it goes)."""
    try:
        if path.suffix.lower() == ".xlsx":
            yield from _xlsx_rows(path)
            return
        encoding = text_encoding(path)
        with path.open(encoding=encoding, errors="replace", newline="") as stream:
            if delimiter is None:
                head = stream.read(20000)
                delimiter = "\t" if head.count("\t") > head.count(",") else ","
                stream.seek(0)
            yield from _text_rows(stream, delimiter, path)
    except (OSError, zipfile.BadZipFile, ElementTree.ParseError, KeyError) as error:
        raise CmsFileError(path, f"cannot read the file ({error})") from error


def rows_from_text(
    text: str, *, delimiter: str | None = None, path: Path | str = "text"
) -> list[Row]:
    if delimiter is None:
        head = text[:20000]
        delimiter = "\t" if head.count("\t") > head.count(",") else ","
    return list(_text_rows(io.StringIO(text, newline=""), delimiter, path))


def _text_rows(stream: TextIO, delimiter: str, path: Path | str) -> Iterator[Row]:
    # Tab-delimited CMS text is not quoted: a quote mark inside a rationale is just text.
    if delimiter == "\t":
        reader = csv.reader(stream, delimiter=delimiter, quoting=csv.QUOTE_NONE)
    else:
        reader = csv.reader(stream, delimiter=delimiter)
    next_line = 1
    try:
        for cells in reader:
            yield Row(next_line, tuple(cells))
            next_line = reader.line_num + 1
    except csv.Error as error:
        raise CmsFileError(path, f"unreadable at line {next_line} ({error})", next_line) from error


def normalize_header(cell: str) -> str:
    """Upper case, single spaces: "HCPCS/\\nCPT  Code" -> "HCPCS/ CPT CODE"."""
    return " ".join(cell.split()).upper()


def find_header(
    rows: Sequence[Row],
    matchers: Mapping[str, Callable[[str], bool]],
    *,
    optional: Mapping[str, Callable[[str], bool]] | None = None,
    max_span: int = 3,
    search_rows: int = 60,
) -> tuple[int, dict[str, int]] | None:
    """(index of the first data row, column per key) or None when the header is not found.

    A header may be wrapped over up to `max_span` rows: the cells of a column are joined with
    spaces before matching. Every matcher must hit exactly one column; an `optional` matcher
    is reported when it hits exactly one column of the header found.
    """
    limit = min(len(rows), search_rows)
    for span in range(1, max_span + 1):
        for start in range(limit - span + 1):
            header = _joined(rows[start : start + span])
            columns: dict[str, int] = {}
            for key, matches in matchers.items():
                hits = [i for i, name in enumerate(header) if name and matches(name)]
                if len(hits) != 1:
                    break
                columns[key] = hits[0]
            else:
                for key, matches in (optional or {}).items():
                    hits = [i for i, name in enumerate(header) if name and matches(name)]
                    if len(hits) == 1:
                        columns[key] = hits[0]
                return start + span, columns
    return None


def _joined(rows: Sequence[Row]) -> list[str]:
    width = max(len(r.cells) for r in rows)
    return [normalize_header(" ".join(r.cell(i) for r in rows if r.cell(i))) for i in range(width)]


def _xlsx_rows(path: Path) -> Iterator[Row]:
    """The first worksheet of a workbook, cell text as shown (numbers without a trailing .0)."""
    with zipfile.ZipFile(path) as book:
        shared = _shared_strings(book)
        sheet_name = _first_sheet(book)
        with book.open(sheet_name) as sheet:
            for _, element in ElementTree.iterparse(sheet):
                if element.tag != f"{_MAIN_NS}row":
                    continue
                cells: dict[int, str] = {}
                for cell in element.iter(f"{_MAIN_NS}c"):
                    cells[_column_index(cell.get("r", ""), len(cells))] = _cell_text(cell, shared)
                width = max(cells) + 1 if cells else 0
                number = int(element.get("r", "0") or 0)
                yield Row(number, tuple(cells.get(i, "") for i in range(width)))
                element.clear()


def _shared_strings(book: zipfile.ZipFile) -> list[str]:
    try:
        data = book.read("xl/sharedStrings.xml")
    except KeyError:
        return []
    root = ElementTree.fromstring(data)
    return [
        "".join(t.text or "" for t in si.iter(f"{_MAIN_NS}t")) for si in root.iter(f"{_MAIN_NS}si")
    ]


def _first_sheet(book: zipfile.ZipFile) -> str:
    names = sorted(n for n in book.namelist() if re.match(r"xl/worksheets/sheet\d+\.xml$", n))
    if not names:
        raise KeyError("the workbook has no worksheet")
    return "xl/worksheets/sheet1.xml" if "xl/worksheets/sheet1.xml" in names else names[0]


def _column_index(reference: str, fallback: int) -> int:
    letters = "".join(ch for ch in reference if ch.isalpha())
    if not letters:
        return fallback
    index = 0
    for ch in letters.upper():
        index = index * 26 + (ord(ch) - ord("A") + 1)
    return index - 1


def _cell_text(cell: ElementTree.Element, shared: list[str]) -> str:
    kind = cell.get("t", "")
    if kind == "inlineStr":
        return "".join(t.text or "" for t in cell.iter(f"{_MAIN_NS}t"))
    value = cell.find(f"{_MAIN_NS}v")
    text = value.text or "" if value is not None else ""
    if kind == "s" and text.isdigit():
        return shared[int(text)] if int(text) < len(shared) else ""
    if _WHOLE_FLOAT.match(text):
        return text.split(".", 1)[0]
    return text
