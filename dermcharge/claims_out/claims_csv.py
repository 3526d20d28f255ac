"""Claims as CSV for a biller's spreadsheet: one row per claim line.

Columns (in this order): visit_id, claim_id, frequency, original_claim_id, date_of_service,
place_of_service, patient_last, patient_first, patient_dob, account_number, payer_name,
payer_id, member_id, group, provider_name, provider_npi, billing_npi, line, cpt, modifiers
(space-separated, claim order), units, unit_charge, charge, pointers (letters A-L), diagnoses
(ICD-10-CM codes the line points to, primary first), all_diagnoses (the claim's list, A-L order),
claim_total. Money has two decimals; dates are ISO.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from dermcharge.claims_out.claim_record import ClaimOut, dotted_code

COLUMNS = (
    "visit_id", "claim_id", "frequency", "original_claim_id", "date_of_service",
    "place_of_service", "patient_last", "patient_first", "patient_dob", "account_number",
    "payer_name", "payer_id", "member_id", "group", "provider_name", "provider_npi",
    "billing_npi", "line", "cpt", "modifiers", "units", "unit_charge", "charge", "pointers",
    "diagnoses", "all_diagnoses", "claim_total",
)  # fmt: skip
LETTERS = "ABCDEFGHIJKL"


def _cell(value: str) -> str:
    """Spreadsheet formula injection: a cell starting = + - @ is shown as text (OWASP)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def write_claims_csv(claims: Sequence[ClaimOut]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for claim in claims:
        policy = claim.insurance
        for number, line in enumerate(claim.lines, start=1):
            row = [
                str(claim.visit_id), claim.claim_id, claim.frequency, claim.original_claim_id,
                claim.date_of_service.isoformat(), claim.place_of_service,
                claim.patient.last_name, claim.patient.first_name, claim.patient.dob.isoformat(),
                claim.patient.account_number,
                policy.payer_name if policy else "self-pay", policy.payer_id if policy else "",
                policy.member_id if policy else "", policy.group if policy else "",
                claim.provider.name, claim.provider.npi, claim.practice.npi, str(number),
                line.cpt, " ".join(line.modifiers), str(line.units), f"{line.unit_charge:.2f}",
                f"{line.charge:.2f}", "".join(LETTERS[p - 1] for p in line.pointers),
                " ".join(dotted_code(claim.diagnoses[p - 1]) for p in line.pointers),
                " ".join(dotted_code(code) for code in claim.diagnoses), f"{claim.total:.2f}",
            ]  # fmt: skip
            writer.writerow([_cell(value) for value in row])
    return out.getvalue()
