"""A day's visits for billing: JSON (whole records and claims) or CSV (one row per claim line)."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

from dermcharge.coding.claim_json import claim_to_json
from dermcharge.domain.stored import StoredVisit
from dermcharge.services.visit_record_input import visit_record_to_json
from dermcharge.storage import visit_queries, visit_repository
from dermcharge.storage.database import Database

CSV_COLUMNS = (
    "visit_id",
    "date_of_service",
    "status",
    "account_number",
    "patient",
    "dob",
    "provider_npi",
    "provider",
    "payer",
    "place_of_service",
    "line",
    "cpt",
    "units",
    "modifiers",
    "diagnoses",
    "description",
)


def visits_on(db: Database, on: date) -> list[StoredVisit]:
    with db.read() as session:
        ids = [summary.id for summary in visit_queries.list_day(session.connection(), on)]
        return [visit_repository.load_visit(session, visit_id) for visit_id in ids]


def visit_to_export_json(stored: StoredVisit) -> dict[str, Any]:
    return {
        "id": stored.id,
        "status": str(stored.status),
        "version": stored.version,
        "amendment": stored.amendment,
        "signed_by": stored.signed_by,
        "signed_at": None if stored.signed_at is None else stored.signed_at.isoformat(),
        "record": visit_record_to_json(stored.record),
        "claim": None if stored.claim is None else claim_to_json(stored.claim),
    }


def export_json(db: Database, on: date) -> list[dict[str, Any]]:
    return [visit_to_export_json(stored) for stored in visits_on(db, on)]


def export_csv(db: Database, on: date) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for stored in visits_on(db, on):
        patient, provider = stored.record.patient, stored.record.provider
        assert patient is not None and provider is not None  # every stored visit has both
        lines = stored.claim.lines if stored.claim is not None else ()
        for number, line in enumerate(lines, start=1):
            writer.writerow(
                (
                    stored.id,
                    stored.record.visit.date_of_service.isoformat(),
                    str(stored.status),
                    patient.account_number,
                    f"{patient.last_name}, {patient.first_name}",
                    patient.dob.isoformat(),
                    provider.npi,
                    provider.name,
                    str(stored.record.visit.payer),
                    stored.record.place_of_service,
                    number,
                    line.cpt,
                    line.units,
                    " ".join(line.modifiers),
                    " ".join(line.diagnoses),
                    line.description,
                )
            )
    return buffer.getvalue()
