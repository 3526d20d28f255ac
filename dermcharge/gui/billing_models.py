"""Table models of the Billing view: the queue of visits ready to bill and the export history."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor

from dermcharge.gui.record_table_model import Column, RecordTableModel
from dermcharge.services.billing import BatchSummary, QueueItem

_ATTENTION = QBrush(QColor("#b26a00"))


def _status_colour(item: QueueItem) -> QBrush | None:
    return None if item.status == "ready" else _ATTENTION


class QueueTableModel(RecordTableModel[QueueItem]):
    columns = (
        Column("Visit", lambda i: str(i.visit_id), right_aligned=True),
        Column("Date", lambda i: i.date_of_service.isoformat()),
        Column("Patient", lambda i: i.patient, tooltip=lambda i: f"account {i.account_number}"),
        Column("Provider", lambda i: i.provider),
        Column("Payer", lambda i: i.payer),
        Column("Total", lambda i: "no fee" if i.total is None else f"{i.total:.2f}",
               right_aligned=True),
        Column("Status", lambda i: i.status, foreground=_status_colour),
    )  # fmt: skip


class BatchTableModel(RecordTableModel[BatchSummary]):
    columns = (
        Column("Batch", lambda b: str(b.id), right_aligned=True),
        Column("When (UTC)", lambda b: f"{b.created_at:%Y-%m-%d %H:%M}"),
        Column("By", lambda b: b.created_by),
        Column("Format", lambda b: b.format.upper() + (" (again)" if b.again else "")),
        Column("Visits", lambda b: " ".join(str(v) for v in b.visit_ids)),
        Column("Total", lambda b: f"{b.total_charge:.2f}", right_aligned=True),
        Column("File", lambda b: b.file_name, tooltip=lambda b: b.file_name),
    )  # fmt: skip
