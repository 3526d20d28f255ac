"""Item models of the main window: the day's visits and the patients found."""

from __future__ import annotations

from dermcharge.domain.stored import VisitSummary
from dermcharge.gui.backend_records import PatientHit
from dermcharge.gui.record_table_model import Column, RecordTableModel

STATUS_WORDS = {"draft": "Draft", "ready": "Ready for review", "signed": "Signed",
                "billed": "Billed"}  # fmt: skip


def _codes(summary: VisitSummary) -> str:
    parts = []
    for line in summary.lines:
        modifiers = "-" + "-".join(line.modifiers) if line.modifiers else ""
        units = f" ×{line.units}" if line.units > 1 else ""
        parts.append(f"{line.cpt}{modifiers}{units}")
    return ", ".join(parts)


class VisitListModel(RecordTableModel[VisitSummary]):
    columns = (
        Column("Patient", lambda v: v.patient_name, lambda v: f"Account {v.account_number}"),
        Column("Account", lambda v: v.account_number),
        Column("Provider", lambda v: v.provider_name),
        Column("Payer", lambda v: v.payer),
        Column("Status", lambda v: STATUS_WORDS.get(str(v.status), str(v.status))),
        Column("Codes", _codes, _codes),
    )


class PatientListModel(RecordTableModel[PatientHit]):
    columns = (
        Column("Patient", lambda p: p.name),
        Column("DOB", lambda p: p.dob.isoformat()),
        Column("Account", lambda p: p.account_number),
    )
