"""Builds the FY2026 index from the simple-icd-10-cm package (the shipped release)."""

from __future__ import annotations

from pathlib import Path

from dermcharge.codesets.icd10.derm_scope import is_derm_code
from dermcharge.codesets.icd10.index_writer import write_index
from dermcharge.codesets.icd10.package_source import read_package_release


def build_package_index(target: Path) -> Path:
    """Write the package's release to `target` (atomically); returns `target`."""
    release = read_package_release()
    return write_index(target, release.info, release.codes, release.groups, is_derm_code)
