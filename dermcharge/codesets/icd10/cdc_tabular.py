"""Reader for the official CDC tabular XML (`icd10cm_tabular_YYYY.xml`, schema icd10cm_tabular.xsd).

Takes what the text files lack: the fiscal year (`<version>`), chapters and blocks (`<chapter>`,
`<section id=...>`), the codes and categories down to six characters (`<diag>`) with their parents,
the inclusion terms (`<inclusionTerm><note>`) and the "Includes" notes (`<includes><note>`).
Seventh-character codes are not listed there (only `<sevenChrDef>` tables); they come from the
order file.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from dermcharge.codesets.icd10.catalog import normalize_code
from dermcharge.codesets.icd10.cdc_files import CODE_PATTERN, CdcFileError
from dermcharge.codesets.icd10.index_writer import IndexedGroup

ROOT_TAG = "ICD10CM.tabular"


@dataclass(frozen=True)
class TabularDiag:
    code: str
    description: str
    parent: str  # parent code, or the block id for a category
    terms: tuple[str, ...]
    includes: tuple[str, ...] = ()


@dataclass
class Tabular:
    version: int | None
    groups: list[IndexedGroup] = field(default_factory=list)
    diags: dict[str, TabularDiag] = field(default_factory=dict)


def looks_like_tabular(first_line: str) -> bool:
    return first_line.lstrip("\ufeff").lstrip().startswith(("<?xml", f"<{ROOT_TAG}"))


def parse_tabular(path: Path) -> Tabular:
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
    tabular = Tabular(version=_version(root, path))
    seen_groups: set[tuple[str, str]] = set()
    chapters = root.findall("chapter")
    if not chapters:
        raise CdcFileError(f"{path.name}: no <chapter> elements")
    for chapter in chapters:
        chapter_name = _text(chapter, "name", path, "a <chapter>")
        _first_time(("chapter", chapter_name), seen_groups, path)
        tabular.groups.append(
            IndexedGroup("chapter", chapter_name, _text(chapter, "desc", path, chapter_name), None)
        )
        for section in chapter.findall("section"):
            block = section.get("id") or ""
            if not block:
                raise CdcFileError(f"{path.name}: a <section> of chapter {chapter_name} has no id")
            _first_time(("block", block), seen_groups, path)
            tabular.groups.append(
                IndexedGroup("block", block, _text(section, "desc", path, block), chapter_name)
            )
            for diag in section.findall("diag"):
                _read_diag(diag, block, tabular, path)
    if not tabular.diags:
        raise CdcFileError(f"{path.name}: no <diag> codes")
    return tabular


def _read_diag(element: ET.Element, parent: str, tabular: Tabular, path: Path) -> None:
    raw = _text(element, "name", path, f"a <diag> under {parent}")
    if not CODE_PATTERN.match(raw.replace(".", "")):
        raise CdcFileError(f"{path.name}: <diag> name {raw!r} under {parent} is not a code")
    code = normalize_code(raw)
    if code in tabular.diags:
        raise CdcFileError(f"{path.name}: <diag> {code} appears twice")
    description = _text(element, "desc", path, code)
    terms, includes = _notes(element, "inclusionTerm"), _notes(element, "includes")
    tabular.diags[code] = TabularDiag(code, description, parent, terms, includes)
    for child in element.findall("diag"):
        _read_diag(child, code, tabular, path)


def _notes(element: ET.Element, tag: str) -> tuple[str, ...]:
    return tuple(
        (note.text or "").strip()
        for block in element.findall(tag)
        for note in block.findall("note")
        if (note.text or "").strip()
    )


def _first_time(key: tuple[str, str], seen: set[tuple[str, str]], path: Path) -> None:
    if key in seen:
        raise CdcFileError(f"{path.name}: {key[0]} {key[1]} appears twice")
    seen.add(key)


def _version(root: ET.Element, path: Path) -> int | None:
    element = root.find("version")
    if element is None or not (element.text or "").strip():
        return None
    text = (element.text or "").strip()
    if not (text.isdigit() and len(text) == 4):
        raise CdcFileError(f"{path.name}: <version> is {text!r}, not a fiscal year like 2027")
    return int(text)


def _text(element: ET.Element, tag: str, path: Path, what: str) -> str:
    child = element.find(tag)
    text = (child.text or "").strip() if child is not None else ""
    if not text:
        raise CdcFileError(f"{path.name}: <{tag}> missing or empty in {what}")
    return text
