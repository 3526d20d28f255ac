"""What an importer hands to the store: the parsed rows of one CMS file and where they came from."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from dermcharge.codesets.cms.quarter import Quarter
from dermcharge.codesets.cms.records import AddOnEdit, FeeScheduleRvu, MueLimit, PtpEdit


class TableKind(StrEnum):
    PTP = "ptp"
    MUE = "mue"
    AOC = "aoc"
    RVU = "rvu"


CmsRecord = PtpEdit | MueLimit | AddOnEdit | FeeScheduleRvu


@dataclass(frozen=True)
class ImportedFile:
    """One CMS file ready to store. `records()` parses and validates as it goes.

    The PTP files hold about a million edits each, so they are streamed into the store rather
    than held in memory; a bad line raises CmsFileError part-way and the store discards its
    half-built file. The smaller files are parsed whole before this is returned.
    """

    kind: TableKind
    quarter: Quarter
    part: str  # "f1".."f4" for the PTP files CMS splits in four; "" otherwise
    file_name: str
    source: str  # a label people read, e.g. "CMS NCCI practitioner PTP v32.3 (ccipra-v323r0-f1)"
    records: Callable[[], Iterator[CmsRecord]]

    @property
    def rows(self) -> tuple[CmsRecord, ...]:
        """Every record, parsed now (for small files and tests)."""
        return tuple(self.records())


def last_day_in_force(deleted_on: date | None) -> date | None:
    """CMS deletion dates name the first day an edit no longer applies.

    An edit deleted on its own effective date never applied (CMS gives those rows modifier
    indicator 9), so the last day in force is the day before the deletion date.
    """
    return None if deleted_on is None else deleted_on - timedelta(days=1)
