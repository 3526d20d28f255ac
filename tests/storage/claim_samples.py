"""Visit records with everything a claim needs, built from the shared example cases."""

from __future__ import annotations

import json
from copy import deepcopy
from pathlib import Path
from typing import Any

CASES_DIR = Path(__file__).resolve().parents[3] / "shared" / "cases"
if not CASES_DIR.is_dir():  # the worktree layout: /work/wt/NAME/tests -> /work/shared/cases
    CASES_DIR = Path("/work/shared/cases")

PROVIDER_NPI = "1234567893"
OTHER_PROVIDER_NPI = "1245319599"
PRACTICE_NPI = "1679576722"
PAYERS = {
    "medicare": {"payer_name": "Medicare Part B", "payer_id": "SMIL0"},
    "medicaid": {"payer_name": "Illinois Medicaid", "payer_id": "IDPA1"},
    "commercial": {"payer_name": "Blue Cross Blue Shield of Illinois", "payer_id": "00621"},
}


def case_inputs() -> list[tuple[str, dict[str, Any]]]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        cases.append((data["id"], data["input"]))
    return cases


def claim_record(
    visit: dict[str, Any],
    *,
    account: str = "A-1001",
    subscriber: str = "self",
    payer: str | None = None,
    provider_npi: str = PROVIDER_NPI,
    **changes: Any,
) -> dict[str, Any]:
    """The visit plus patient, insurance, provider and practice, complete for an 837P."""
    record = deepcopy(visit)
    kind = payer or record.get("payer", "commercial")
    record["payer"] = kind
    record["patient"] = {
        "first_name": "Ada",
        "last_name": "Okafor",
        "dob": "1951-03-14",
        "sex": "F",
        "account_number": account,
        "phone": "217-555-0100",
        "address": {
            "line1": "1 Main St",
            "line2": "Apt 2",
            "city": "Springfield",
            "state": "IL",
            "zip": "62701",
        },
    }
    policy: dict[str, Any] = {
        **PAYERS.get(kind, PAYERS["commercial"]),
        "member_id": "1EG4TE5MK73",
        "group": "" if kind == "medicare" else "GRP-77",
        "subscriber": subscriber,
        "priority": "primary",
    }
    if subscriber != "self":
        policy["subscriber_person"] = {
            "first_name": "Obi",
            "last_name": "Okafor",
            "dob": "1949-07-02",
            "sex": "M",
            "address": {"line1": "1 Main St", "city": "Springfield", "state": "IL", "zip": "62701"},
        }
    record["insurance"] = [] if kind == "self_pay" else [policy]
    record["provider"] = {
        "name": "Jane Doe",
        "credentials": "MD",
        "npi": provider_npi,
        "taxonomy": "207N00000X",
    }
    record["practice"] = {
        "name": "Prairie Dermatology",
        "npi": PRACTICE_NPI,
        "tax_id": "37-1234567",
        "taxonomy": "207N00000X",
        "phone": "217-555-0199",
        "address": {
            "line1": "200 Oak Ave",
            "city": "Springfield",
            "state": "IL",
            "zip": "627011234",
        },
    }
    record["place_of_service"] = "11"
    record.update(changes)
    return record
