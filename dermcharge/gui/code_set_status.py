"""The status-bar line about the ICD-10-CM release in force, shown at start and after an import."""

from __future__ import annotations

from datetime import date


def code_set_status(today: date) -> tuple[str, str | None]:
    """The ICD-10-CM release that codes today's visits and the warning when a newer one is due."""
    try:
        from dermcharge.codesets.icd10.releases import release_status
    except ImportError:
        return ("ICD-10-CM: code sets not installed", None)
    try:
        status = release_status(today)
    except Exception as error:  # a damaged index must not stop the app from starting
        return ("ICD-10-CM: not readable", str(error))
    return (f"{status.release} loaded", status.message if status.newer_release_in_force else None)
