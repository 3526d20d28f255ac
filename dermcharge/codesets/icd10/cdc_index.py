"""Reads the CDC's ICD-10-CM Alphabetic Index (`icd10cm_index_YYYY.xml`) into index terms.

The file (root `<ICD10CM.index>`, `<version>`, `<letter>`, `<mainTerm>` with nested
`<term level="n">`) gives each term a `<title>` (with nonessential modifiers in `<nemod>`), and a
`<code>`, a `<see>` or a `<seeAlso>`. A subterm is searched joined to its parents ("Nevus,
dysplastic"); a *see* is followed to the term it names, and a *see Neoplasm, skin, …* to the
Table of Neoplasms' skin row; codes keep their dashes ("D23.-"), which the search resolves to the
billable codes the site and side choose. Parsing is strict: malformed XML raises CdcFileError
naming the file and line, and nothing is written.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from dermcharge.codesets.icd10.cdc_files import CdcFileError

ROOT_TAG = "ICD10CM.index"
_MAX_PHRASES = 8
_CODE = re.compile(r"^[A-Z][0-9A-Z]{2}(?:\.[0-9A-Z-]{0,4})?-?$")
# The Table of Neoplasms' row "skin NOS", by column: where "see Neoplasm, skin, <column>" leads
# (ICD-10-CM Table of Neoplasms FY2026: skin C44.9- / C79.2 / D04.9 / D23.9 / D48.5 / D49.2);
# the site words of the query choose the site's code under the category.
NEOPLASM_SKIN = {
    "malignant": "C44.-",
    "primary": "C44.-",
    "secondary": "C79.2",
    "in situ": "D04.-",
    "benign": "D23.-",
    "uncertain behavior": "D48.5",
    "unspecified behavior": "D49.2",
}


@dataclass(frozen=True)
class CdcIndexTerm:
    path: tuple[str, ...]  # main term, then each subterm
    code: str  # a code or a pattern with "-"; "" when only a reference was found
    entry: str  # as a coder reads it: "Nevus, dysplastic - see Neoplasm, skin, benign (D23.-)"

    @property
    def phrases(self) -> tuple[str, ...]:
        """What a person may type for it: the path's titles joined, each title's comma-separated
        names ("Keloid, cheloid") taken one at a time."""
        combos: list[tuple[str, ...]] = [()]
        for title in self.path:
            names = [name.strip() for name in title.split(",") if name.strip()] or [title]
            combos = [(*combo, name) for combo in combos for name in names][:_MAX_PHRASES]
        return tuple(" ".join(combo) for combo in combos)


@dataclass(frozen=True)
class CdcIndex:
    version: int | None
    terms: tuple[CdcIndexTerm, ...]


def looks_like_index(path: Path) -> bool:
    """The CDC index XML, told by its root element in the first few kilobytes."""
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    return f"<{ROOT_TAG}" in head


def parse_index(path: Path) -> CdcIndex:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        line, column = error.position
        raise CdcFileError(
            f"{path.name} line {line}, column {column}: not well-formed XML"
        ) from error
    except OSError as error:
        raise CdcFileError(f"{path}: cannot read: {error.strerror or error}") from error
    if root.tag != ROOT_TAG:
        raise CdcFileError(f"{path.name}: the root element is <{root.tag}>, not <{ROOT_TAG}>")
    version_text = (root.findtext("version") or "").strip()
    version = int(version_text) if version_text.isdigit() else None
    raw: list[tuple[tuple[str, ...], str, str, str]] = []  # path, code, see, see also
    for letter in root.iter("letter"):
        for main in letter.findall("mainTerm"):
            _walk(main, (), raw, path)
    if not raw:
        raise CdcFileError(f"{path.name}: no <mainTerm> entries")
    by_path = {_key(term_path): code for term_path, code, _see, _also in raw if code}
    terms = []
    for term_path, code, see, also in raw:
        reference = see or also
        if not code and see:
            code = _follow(see, by_path)
        joiner = " > " if any("," in part for part in term_path) else ", "
        entry = joiner.join(term_path)
        if see:
            entry += f" - see {see}"
        elif also:
            entry += f" (see also {also})"
        if code:
            entry += f" {code}" if not see else f" ({code})"
        if code or reference:
            terms.append(CdcIndexTerm(term_path, code, entry))
    return CdcIndex(version, tuple(term for term in terms if term.code))


def _walk(
    element: ET.Element,
    parents: tuple[str, ...],
    out: list[tuple[tuple[str, ...], str, str, str]],
    path: Path,
) -> None:
    title = _title(element)
    if not title:
        return
    here = (*parents, title)
    code = (element.findtext("code") or "").strip().upper()
    if code and not _CODE.match(code):
        raise CdcFileError(f"{path.name}: {', '.join(here)}: {code!r} is not an ICD-10-CM code")
    see = " ".join((element.findtext("see") or "").split())
    also = " ".join((element.findtext("seeAlso") or "").split())
    out.append((here, code, see, also))
    for child in element.findall("term"):
        _walk(child, here, out, path)


def _title(element: ET.Element) -> str:
    """The title without its nonessential modifiers (those are not needed to reach the code)."""
    title = element.find("title")
    if title is None:
        return ""
    return " ".join((title.text or "").split()).strip(" ,")


def _key(term_path: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.casefold() for part in term_path)


def _follow(see: str, by_path: dict[tuple[str, ...], str]) -> str:
    """The code a *see* reference leads to: the named term's, or the neoplasm table's skin row."""
    parts = tuple(part.strip() for part in see.split(",") if part.strip())
    key = _key(parts)
    if len(key) >= 3 and key[0] == "neoplasm" and key[1] == "skin":
        return NEOPLASM_SKIN.get(key[2], "")
    return by_path.get(key, "")
