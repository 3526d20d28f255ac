"""Item models of the live coding panel: claim lines, codes not billed, findings, diagnoses A–L."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtGui import QBrush, QColor

from dermcharge.domain.claim import ClaimLine, CodedClaim, Finding, NotBilled, Severity
from dermcharge.gui.record_table_model import Column, RecordTableModel

POINTER_LETTERS = "ABCDEFGHIJKL"
SEVERITY_MARKS = {Severity.ERROR: "✖ error", Severity.WARNING: "⚠ warning", Severity.INFO: "ℹ info"}
SEVERITY_COLOURS = {
    Severity.ERROR: "#c62828",
    Severity.WARNING: "#b26a00",
    Severity.INFO: "#1565c0",
}

FeeLookup = Callable[[ClaimLine], Decimal | None]


@dataclass(frozen=True)
class ClaimLineRow:
    number: int
    line: ClaimLine
    pointers: str  # "A, B"
    charge: Decimal | None


def claim_line_rows(claim: CodedClaim | None, fee: FeeLookup | None = None) -> list[ClaimLineRow]:
    if claim is None:
        return []
    letters = {code: POINTER_LETTERS[i] for i, code in enumerate(claim.diagnoses[:12])}
    rows = []
    for number, line in enumerate(claim.lines, start=1):
        pointers = ", ".join(letters.get(code, code) for code in line.diagnoses)
        unit_fee = fee(line) if fee else None
        charge = None if unit_fee is None else unit_fee * line.units
        rows.append(ClaimLineRow(number, line, pointers, charge))
    return rows


def _why(row: ClaimLineRow) -> str:
    return f"{row.line.cpt}: {row.line.description}\nWhy: {row.line.why}"


class ClaimLineModel(RecordTableModel[ClaimLineRow]):
    columns = (
        Column("CPT", lambda r: r.line.cpt, _why),
        Column("Mod", lambda r: " ".join(r.line.modifiers), _why),
        Column("Units", lambda r: str(r.line.units), _why, right_aligned=True),
        Column("Dx", lambda r: r.pointers, lambda r: ", ".join(r.line.diagnoses)),
        Column("Fee", lambda r: "" if r.charge is None else f"{r.charge:,.2f}", _why, True),
        Column("What", lambda r: r.line.description, _why),
    )


class NotBilledModel(RecordTableModel[NotBilled]):
    columns = (
        Column("CPT", lambda nb: nb.cpt, lambda nb: nb.why),
        Column("Why not billed", lambda nb: nb.why, lambda nb: nb.why),
    )


def _finding_brush(finding: Finding) -> QBrush:
    return QBrush(QColor(SEVERITY_COLOURS[finding.severity]))


def _finding_tip(finding: Finding) -> str:
    parts = [finding.message]
    if finding.action:
        parts.append(f"What to do: {finding.action}")
    if finding.source:
        parts.append(f"Source: {finding.source}")
    return "\n".join(parts)


class FindingModel(RecordTableModel[Finding]):
    columns = (
        Column("", lambda f: SEVERITY_MARKS[f.severity], _finding_tip, foreground=_finding_brush),
        Column("Finding", lambda f: f.message, _finding_tip),
    )


@dataclass(frozen=True)
class DiagnosisRow:
    letter: str
    code: str
    description: str


class DiagnosisModel(RecordTableModel[DiagnosisRow]):
    columns = (
        Column("", lambda d: d.letter),
        Column("ICD-10-CM", lambda d: d.code, lambda d: d.description),
        Column("Description", lambda d: d.description, lambda d: d.description),
    )
