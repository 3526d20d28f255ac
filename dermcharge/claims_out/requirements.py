"""What each claim format needs from a claim, as "field: what is wrong" lines.

837P needs (005010X222A1): billing provider NPI, EIN, street address (2010AA N3/N4) and a
contact phone (1000A PER); rendering NPI (2310B); subscriber member id (2010BA NM109), payer id
(2010BB NM109), the subscriber's name, birth date, sex and address (DMG, N3/N4) when not the
patient; the patient's address and birth date; 1-12 diagnoses; charged lines. The CMS-1500 asks
the same minus the payer id; HL7 DFT and FHIR need the people, the NPI and the lines; CSV only the
lines. NPIs are checked with their check digit (Luhn over 80840 + the first nine digits).
"""

from __future__ import annotations

from dermcharge.claims_out.claim_record import MAX_DIAGNOSES, ClaimOut
from dermcharge.domain.npi import npi_problem
from dermcharge.domain.record import Address

FORMATS = ("837p", "hl7", "fhir", "cms1500", "csv")
_PAPER_OR_X12 = ("837p", "cms1500")


def missing_fields(claim: ClaimOut, format: str) -> list[str]:
    problems: list[str] = []
    if not claim.lines:
        problems.append("claim.lines: the visit has no billable lines")
    if not claim.diagnoses:
        problems.append("claim.diagnoses: the claim has no diagnosis")
    elif len(claim.diagnoses) > MAX_DIAGNOSES:
        problems.append(f"claim.diagnoses: {len(claim.diagnoses)} codes; a claim holds at most 12")
    if format == "csv":
        return problems
    if (npi := npi_problem(claim.provider.npi)) is not None:
        problems.append(f"provider.npi: {npi}")
    if format in ("837p", "cms1500", "fhir"):
        problems += _insurance_problems(claim, format)
    if format in _PAPER_OR_X12:
        problems += _practice_problems(claim)
        problems += _address_problems("patient.address", claim.patient.address)
    return problems


def _practice_problems(claim: ClaimOut) -> list[str]:
    practice = claim.practice
    problems = []
    if not practice.name.strip():
        problems.append("practice.name: is missing")
    if (npi := npi_problem(practice.npi)) is not None:
        problems.append(f"practice.npi: {npi}")
    ein = practice.tax_id.replace("-", "").strip()
    if not (len(ein) == 9 and ein.isdigit()):
        problems.append(
            "practice.tax_id: is missing" if not ein else "practice.tax_id: must be 9 digits"
        )
    problems += _address_problems("practice.address", practice.address)
    if not any(ch.isdigit() for ch in practice.phone):
        problems.append("practice.phone: is missing (the claim's contact number)")
    return problems


def _insurance_problems(claim: ClaimOut, format: str) -> list[str]:
    policy = claim.insurance
    if policy is None:
        return ["insurance: the patient has no primary insurance on file (self-pay)"]
    problems = []
    if not policy.member_id.strip():
        problems.append("insurance.member_id: is missing")
    if not policy.payer_name.strip():
        problems.append("insurance.payer_name: is missing")
    if format == "837p" and not policy.payer_id.strip():
        problems.append("insurance.payer_id: is missing (the payer's electronic id)")
    if policy.relationship != "self" and format in _PAPER_OR_X12:
        person = policy.subscriber_person
        if person is None:
            return [*problems, "insurance.subscriber_person: is missing (subscriber is not self)"]
        if not person.first_name.strip():
            problems.append("insurance.subscriber_person.first_name: is missing")
        if not person.last_name.strip():
            problems.append("insurance.subscriber_person.last_name: is missing")
        if person.dob is None:
            problems.append("insurance.subscriber_person.dob: is missing")
        if person.sex not in ("F", "M", "U"):
            problems.append("insurance.subscriber_person.sex: is missing")
        problems += _address_problems("insurance.subscriber_person.address", person.address)
    return problems


def _address_problems(where: str, address: Address) -> list[str]:
    problems = []
    for name in ("line1", "city", "state", "zip"):
        if not getattr(address, name).strip():
            problems.append(f"{where}.{name}: is missing")
    zip_digits = "".join(ch for ch in address.zip if ch.isdigit())
    if address.zip.strip() and len(zip_digits) not in (5, 9):
        problems.append(f"{where}.zip: {address.zip!r} must be 5 or 9 digits")
    return problems
