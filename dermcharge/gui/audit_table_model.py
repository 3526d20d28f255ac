"""The audit log as a read-only table: when, who, what, which record, and the change in short."""

from __future__ import annotations

import json

from dermcharge.domain.stored import AuditEntry
from dermcharge.gui.record_table_model import Column, RecordTableModel


def change_summary(entry: AuditEntry) -> str:
    """A one-line view of what changed; the full before/after is in the tooltip."""
    if entry.before and entry.after:
        changed = sorted(k for k in entry.after if entry.before.get(k) != entry.after.get(k))
        return "changed " + ", ".join(changed) if changed else "no visible change"
    if entry.after:
        return json.dumps(entry.after, ensure_ascii=False, default=str)[:200]
    return ""


def _full_change(entry: AuditEntry) -> str:
    detail = {"before": entry.before, "after": entry.after}
    return json.dumps(detail, ensure_ascii=False, indent=1, default=str)[:4000]


class AuditTableModel(RecordTableModel[AuditEntry]):
    """Read-only, like every record table: the log is never edited, only replaced."""

    columns = (
        Column("When (UTC)", lambda e: e.at.strftime("%Y-%m-%d %H:%M:%S")),
        Column("Who", lambda e: e.actor),
        Column("Action", lambda e: e.action),
        Column("Record", lambda e: f"{e.entity} {e.entity_id}"),
        Column("Details", change_summary, _full_change),
    )
