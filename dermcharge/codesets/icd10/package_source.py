"""Reads the whole ICD-10-CM release out of the simple-icd-10-cm package, for the index builder.

Only the build path imports the package (about 2 s and 190 MB); the app reads the built index.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from types import ModuleType

from dermcharge.codesets.icd10.index_writer import IndexedCode, IndexedGroup, ReleaseInfo

# The package bundles the CDC "April 1, 2026" update of the FY2026 release.
PACKAGE_FISCAL_YEAR = 2026
PACKAGE_SOURCE = "simple-icd-10-cm {version}: CDC ICD-10-CM FY2026 tabular, April 1, 2026 update"


@dataclass(frozen=True)
class PackageRelease:
    info: ReleaseInfo
    codes: list[IndexedCode]
    groups: list[IndexedGroup]


def read_package_release() -> PackageRelease:
    with warnings.catch_warnings():  # its data loading uses deprecated importlib.resources calls
        warnings.simplefilter("ignore", DeprecationWarning)
        import simple_icd_10_cm as cm  # deliberately here: slow, and only the builder needs it

    codes: list[IndexedCode] = []
    groups: list[IndexedGroup] = []
    for kind, name in _walk(cm):
        if kind == "code":
            codes.append(
                IndexedCode(
                    code=name,
                    description=str(cm.get_description(name)).strip(),
                    # A leaf category or subcategory is a billable code. The package's
                    # is_chapter_or_block() is also True for the five categories that share their
                    # block's name (B20, F99, P84, R99, Z66), so it must not decide billability.
                    billable=bool(cm.is_leaf(name)),
                    parent=str(cm.get_parent(name)) or None,
                    terms=tuple(str(t) for t in cm.get_inclusion_term(name)),
                    includes=tuple(str(t) for t in cm.get_includes(name)),
                )
            )
        else:
            parent = str(cm.get_parent(name, prioritize_blocks=True)) or None
            description = str(cm.get_description(name, prioritize_blocks=True)).strip()
            groups.append(IndexedGroup(kind, name, description, parent))
    return PackageRelease(
        ReleaseInfo(
            PACKAGE_FISCAL_YEAR,
            PACKAGE_SOURCE.format(version=_version()),
            {"update": "April 1, 2026"},
        ),
        codes,
        groups,
    )


def _walk(cm: ModuleType) -> Iterator[tuple[str, str]]:
    """("chapter"|"block"|"code", name) in Tabular order.

    `get_all_codes` lists a block and a category of the same name (e.g. block C50 holding only
    category C50) twice, block first; the second occurrence is the category.
    """
    seen_as_block: set[str] = set()
    for name in cm.get_all_codes(True):
        if cm.is_chapter(name):
            yield "chapter", name
        elif cm.is_block(name) and name not in seen_as_block and _is_group_occurrence(cm, name):
            seen_as_block.add(name)
            yield "block", name
        else:
            yield "code", name


def _is_group_occurrence(cm: ModuleType, name: str) -> bool:
    """A block either has a range id ("A00-A09") or shares its only category's name ("C50")."""
    return "-" in name or str(cm.get_parent(name)) == name


def _version() -> str:
    from importlib.metadata import version

    return version("simple-icd-10-cm")
