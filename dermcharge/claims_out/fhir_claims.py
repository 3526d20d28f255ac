"""FHIR R4 Claim resources in a `collection` Bundle with the Patient, Practitioner, Organization
(billing provider and payer), Coverage (and RelatedPerson for a subscriber who is not the
patient) they reference. Plain dictionaries (JSON); the tests parse them with fhir.resources'
R4B models.

Claim: use `claim`, type `professional` (terminology.hl7.org claim-type), status `active`,
items with productOrService CPT and modifiers, `diagnosisSequence` links, quantity, unitPrice and
net, servicedDate, place of service; a corrected claim names the claim it replaces in `related`
(relationship `prior`).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from dermcharge.claims_out.claim_record import ClaimOut, Envelope, Frequency, dotted_code
from dermcharge.domain.record import Address

CPT = "http://www.ama-assn.org/go/cpt"
ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm"
NPI = "http://hl7.org/fhir/sid/us-npi"
EIN = "urn:oid:2.16.840.1.113883.4.4"
POS = "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set"
ACCOUNT = "urn:dermcharge:account-number"
CLAIM_ID = "urn:dermcharge:claim-id"
PAYER_ID = "urn:dermcharge:payer-id"
_NAMESPACE = uuid.UUID("5b0c6c9e-7c1f-4b1e-9a55-2f8f8c9d0a17")
GENDER = {"F": "female", "M": "male", "X": "other"}


def _ref(kind: str, key: str) -> str:
    """A stable urn:uuid for one resource of the bundle (same input, same file)."""
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, f'{kind}/{key}')}"


def _money(value: Decimal) -> dict[str, Any]:
    return {"value": float(value.quantize(Decimal("0.01"))), "currency": "USD"}


def _address(address: Address) -> list[dict[str, Any]]:
    lines = [line for line in (address.line1, address.line2) if line.strip()]
    result = {
        "line": lines,
        "city": address.city,
        "state": address.state,
        "postalCode": address.zip,
        "country": "US",
    }
    return [{k: v for k, v in result.items() if v}]


def _name(family: str, given: str) -> list[dict[str, Any]]:
    return [{"family": family, "given": [given]} if given else {"family": family}]


def claims_bundle(claims: Sequence[ClaimOut], envelope: Envelope) -> dict[str, Any]:
    resources: dict[str, dict[str, Any]] = {}
    for claim in claims:
        for url, resource in _resources(claim):
            resources.setdefault(url, resource)
    return {
        "resourceType": "Bundle",
        "identifier": {"system": "urn:dermcharge:batch", "value": str(envelope.batch_id)},
        "type": "collection",
        "timestamp": envelope.created_at.isoformat(),
        "entry": [{"fullUrl": url, "resource": resource} for url, resource in resources.items()],
    }


def _resources(claim: ClaimOut) -> list[tuple[str, dict[str, Any]]]:
    patient, provider, practice = claim.patient, claim.provider, claim.practice
    patient_url = _ref("Patient", patient.account_number)
    practitioner_url = _ref("Practitioner", provider.npi)
    organization_url = _ref("Organization", practice.npi)
    found: list[tuple[str, dict[str, Any]]] = [
        (
            patient_url,
            {
                "resourceType": "Patient",
                "identifier": [{"system": ACCOUNT, "value": patient.account_number}],
                "name": _name(patient.last_name, patient.first_name),
                "gender": GENDER.get(patient.sex, "unknown"),
                "birthDate": patient.dob.isoformat(),
                "address": _address(patient.address),
            },
        ),
        (
            practitioner_url,
            {
                "resourceType": "Practitioner",
                "identifier": [{"system": NPI, "value": provider.npi}],
                "name": [{"text": provider.name}],
            },
        ),
        (
            organization_url,
            {
                "resourceType": "Organization",
                "identifier": [
                    {"system": NPI, "value": practice.npi},
                    *([{"system": EIN, "value": practice.tax_id}] if practice.tax_id else []),
                ],
                "name": practice.name,
                "address": _address(practice.address),
            },
        ),
    ]
    insurance: list[dict[str, Any]] = []
    if claim.insurance is not None:
        found += _coverage(claim, patient_url)
        insurance = [{"sequence": 1, "focal": True, "coverage": {"reference": found[-1][0]}}]
    found.append(
        (
            _ref("Claim", claim.claim_id),
            _claim(claim, insurance, patient_url, practitioner_url, organization_url),
        )
    )
    return found


def _coverage(claim: ClaimOut, patient_url: str) -> list[tuple[str, dict[str, Any]]]:
    policy = claim.insurance
    assert policy is not None
    payer_key = policy.payer_id or policy.payer_name
    payer_url = _ref("Organization", f"payer/{payer_key}")
    payer: dict[str, Any] = {"resourceType": "Organization", "name": policy.payer_name}
    if policy.payer_id:
        payer["identifier"] = [{"system": PAYER_ID, "value": policy.payer_id}]
    coverage: dict[str, Any] = {
        "resourceType": "Coverage",
        "status": "active",
        "subscriberId": policy.member_id,
        "beneficiary": {"reference": patient_url},
        "relationship": {
            "coding": [
                {
                    "system": "http://terminology.hl7.org/CodeSystem/subscriber-relationship",
                    "code": policy.relationship,
                }
            ]
        },
        "payor": [{"reference": payer_url}],
    }
    found = [(payer_url, payer)]
    person = policy.subscriber_person
    if policy.relationship != "self" and person is not None:
        related_url = _ref("RelatedPerson", f"{claim.patient.account_number}/{policy.member_id}")
        related: dict[str, Any] = {
            "resourceType": "RelatedPerson",
            "patient": {"reference": patient_url},
            "name": _name(person.last_name, person.first_name),
            "gender": GENDER.get(person.sex, "unknown"),
            "address": _address(person.address),
        }
        if person.dob is not None:
            related["birthDate"] = person.dob.isoformat()
        found.append((related_url, related))
        coverage["subscriber"] = {"reference": related_url}
    else:
        coverage["subscriber"] = {"reference": patient_url}
    found.append((_ref("Coverage", f"{claim.patient.account_number}/{policy.member_id}"), coverage))
    return found


def _claim(
    claim: ClaimOut,
    insurance: list[dict[str, Any]],
    patient_url: str,
    practitioner_url: str,
    organization_url: str,
) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "resourceType": "Claim",
        "identifier": [{"system": CLAIM_ID, "value": claim.claim_id}],
        "status": "active" if claim.frequency != Frequency.VOID else "cancelled",
        "type": {
            "coding": [
                {
                    "system": "http://terminology.hl7.org/CodeSystem/claim-type",
                    "code": "professional",
                }
            ]
        },
        "use": "claim",
        "patient": {"reference": patient_url},
        "created": (
            claim.signed_at.date() if claim.signed_at else claim.date_of_service
        ).isoformat(),
        "provider": {"reference": organization_url},
        "priority": {
            "coding": [
                {
                    "system": "http://terminology.hl7.org/CodeSystem/processpriority",
                    "code": "normal",
                }
            ]
        },
        "careTeam": [
            {
                "sequence": 1,
                "provider": {"reference": practitioner_url},
                "role": {
                    "coding": [
                        {
                            "system": "http://terminology.hl7.org/CodeSystem/claimcareteamrole",
                            "code": "primary",
                        }
                    ]
                },
            }
        ],
        "diagnosis": [
            {
                "sequence": number,
                "diagnosisCodeableConcept": {
                    "coding": [{"system": ICD10CM, "code": dotted_code(code)}]
                },
            }
            for number, code in enumerate(claim.diagnoses, start=1)
        ],
        "insurance": insurance,
        "item": [
            {
                "sequence": number,
                "careTeamSequence": [1],
                "diagnosisSequence": list(line.pointers),
                "productOrService": {
                    "coding": [{"system": CPT, "code": line.cpt, **_display(line.description)}]
                },
                **(
                    {"modifier": [{"coding": [{"system": CPT, "code": m}]} for m in line.modifiers]}
                    if line.modifiers
                    else {}
                ),
                "servicedDate": claim.date_of_service.isoformat(),
                "locationCodeableConcept": {
                    "coding": [{"system": POS, "code": claim.place_of_service}]
                },
                "quantity": {"value": line.units},
                "unitPrice": _money(line.unit_charge),
                "net": _money(line.charge),
            }
            for number, line in enumerate(claim.lines, start=1)
        ],
        "total": _money(claim.total),
    }
    if claim.original_claim_id:
        resource["related"] = [
            {
                "claim": {"identifier": {"system": CLAIM_ID, "value": claim.original_claim_id}},
                "relationship": {
                    "coding": [
                        {
                            "system": "http://terminology.hl7.org/CodeSystem/ex-relatedclaimrelationship",
                            "code": "prior",
                        }
                    ]
                },
            }
        ]
    return resource


def _display(description: str) -> dict[str, str]:
    return {"display": description} if description else {}
