"""A visit record as JSON (coding-api.md "Visit records"): the visit plus who and where.

`parse_visit_record` names every problem with its path ("patient.dob: must be a date
YYYY-MM-DD") and collects them all; `visit_record_to_json` writes the same shape back. The visit
part is the coding contract's own parser (dermcharge.coding.visit_json). Whether the people are
complete and consistent (a valid NPI, a DOB not in the future) is checked when storing, by
record_checks, so the import and the GUI refuse the same things.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from dataclasses import asdict
from datetime import date
from typing import Any

from dermcharge.codesets.icd10.catalog import Icd10Catalog
from dermcharge.coding.visit_json import InvalidVisit, parse_visit, visit_to_json
from dermcharge.domain.record import (
    Address,
    Insurance,
    Patient,
    Practice,
    Provider,
    SubscriberPerson,
    VisitRecord,
)

CatalogFor = Callable[[date], Icd10Catalog]
ADDRESS_FIELDS = ("line1", "line2", "city", "state", "zip")


class _Blocks:
    def __init__(self) -> None:
        self.problems: list[str] = []

    def obj(self, raw: Any, path: str) -> Mapping[str, Any] | None:
        if raw is None:
            return None
        if not isinstance(raw, Mapping):
            self.problems.append(f"{path}: must be an object")
            return None
        return raw

    def text(self, obj: Mapping[str, Any], key: str, path: str, default: str = "") -> str:
        value = obj.get(key, default)
        if value is None:
            return default
        if isinstance(value, int) and not isinstance(value, bool) and key in ("npi", "zip"):
            value = str(value)  # a number typed without quotes is still the identifier meant
        if not isinstance(value, str):
            self.problems.append(f"{path}.{key}: must be text")
            return default
        return value.strip()

    def address(self, obj: Mapping[str, Any], path: str) -> Address:
        raw = self.obj(obj.get("address"), f"{path}.address")
        if raw is None:
            return Address()
        values = [self.text(raw, name, f"{path}.address") for name in ADDRESS_FIELDS]
        return Address(*values)


def _patient(blocks: _Blocks, raw: Any) -> Patient | None:
    obj = blocks.obj(raw, "patient")
    if obj is None:
        return None
    dob_text = obj.get("dob")
    dob = None
    with contextlib.suppress(ValueError):
        dob = date.fromisoformat(dob_text) if isinstance(dob_text, str) else None
    if dob is None:
        blocks.problems.append("patient.dob: must be a date YYYY-MM-DD")
        return None
    return Patient(
        first_name=blocks.text(obj, "first_name", "patient"),
        last_name=blocks.text(obj, "last_name", "patient"),
        dob=dob,
        sex=blocks.text(obj, "sex", "patient").upper(),
        account_number=blocks.text(obj, "account_number", "patient"),
        phone=blocks.text(obj, "phone", "patient"),
        address=blocks.address(obj, "patient"),
    )


def _optional_date(blocks: _Blocks, obj: Mapping[str, Any], key: str, path: str) -> date | None:
    value = obj.get(key)
    if value is None or value == "":
        return None
    with contextlib.suppress(ValueError):
        if isinstance(value, str):
            return date.fromisoformat(value)
    blocks.problems.append(f"{path}.{key}: must be a date YYYY-MM-DD")
    return None


def _subscriber_person(blocks: _Blocks, raw: Any, path: str) -> SubscriberPerson | None:
    obj = blocks.obj(raw, path)
    if obj is None:
        return None
    return SubscriberPerson(
        first_name=blocks.text(obj, "first_name", path),
        last_name=blocks.text(obj, "last_name", path),
        dob=_optional_date(blocks, obj, "dob", path),
        sex=blocks.text(obj, "sex", path).upper(),
        address=blocks.address(obj, path),
    )


def _insurance(blocks: _Blocks, raw: Any) -> tuple[Insurance, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        blocks.problems.append("insurance: must be a list of policies")
        return ()
    policies = []
    for i, item in enumerate(raw):
        path = f"insurance[{i}]"
        obj = blocks.obj(item, path)
        if obj is not None:
            policies.append(
                Insurance(
                    payer_name=blocks.text(obj, "payer_name", path),
                    member_id=blocks.text(obj, "member_id", path),
                    group=blocks.text(obj, "group", path),
                    plan=blocks.text(obj, "plan", path),
                    subscriber=blocks.text(obj, "subscriber", path, "self") or "self",
                    priority=blocks.text(obj, "priority", path, "primary") or "primary",
                    payer_id=blocks.text(obj, "payer_id", path),
                    subscriber_person=_subscriber_person(
                        blocks, obj.get("subscriber_person"), f"{path}.subscriber_person"
                    ),
                )
            )
    return tuple(policies)


def _provider(blocks: _Blocks, raw: Any) -> Provider | None:
    obj = blocks.obj(raw, "provider")
    if obj is None:
        return None
    return Provider(
        name=blocks.text(obj, "name", "provider"),
        npi=blocks.text(obj, "npi", "provider"),
        credentials=blocks.text(obj, "credentials", "provider"),
        taxonomy=blocks.text(obj, "taxonomy", "provider").upper(),
    )


def _practice(blocks: _Blocks, raw: Any) -> Practice | None:
    obj = blocks.obj(raw, "practice")
    if obj is None:
        return None
    return Practice(
        name=blocks.text(obj, "name", "practice"),
        npi=blocks.text(obj, "npi", "practice"),
        tax_id=blocks.text(obj, "tax_id", "practice"),
        phone=blocks.text(obj, "phone", "practice"),
        address=blocks.address(obj, "practice"),
        taxonomy=blocks.text(obj, "taxonomy", "practice"),
        place_of_service=blocks.text(obj, "place_of_service", "practice", "11") or "11",
    )


def parse_visit_record(data: Any, catalog_for: CatalogFor | None = None) -> VisitRecord:
    """A VisitRecord from decoded JSON; raises InvalidVisit listing every problem."""
    blocks = _Blocks()
    visit = None
    try:
        visit = parse_visit(data, catalog_for=catalog_for)
    except InvalidVisit as invalid:
        blocks.problems.extend(invalid.problems)
    if not isinstance(data, Mapping):
        raise InvalidVisit(blocks.problems or ["visit: must be a JSON object"])
    patient = _patient(blocks, data.get("patient"))
    insurance = _insurance(blocks, data.get("insurance"))
    provider = _provider(blocks, data.get("provider"))
    practice = _practice(blocks, data.get("practice"))
    place = data.get("place_of_service", "11")
    if not isinstance(place, str):
        blocks.problems.append('place_of_service: must be text such as "11"')
    if blocks.problems or visit is None:
        raise InvalidVisit(blocks.problems)
    return VisitRecord(visit, patient, insurance, provider, practice, str(place).strip())


def _insurance_json(policy: Insurance) -> dict[str, Any]:
    out = asdict(policy)
    person = policy.subscriber_person
    if person is None:
        del out["subscriber_person"]
    elif person.dob is not None:
        out["subscriber_person"]["dob"] = person.dob.isoformat()
    return out


def visit_record_to_json(record: VisitRecord) -> dict[str, Any]:
    """The record in the same shape parse_visit_record reads."""
    out = visit_to_json(record.visit)
    if record.patient is not None:
        out["patient"] = {**asdict(record.patient), "dob": record.patient.dob.isoformat()}
    out["insurance"] = [_insurance_json(policy) for policy in record.insurance]
    if record.provider is not None:
        out["provider"] = asdict(record.provider)
    if record.practice is not None:
        out["practice"] = asdict(record.practice)
    out["place_of_service"] = record.place_of_service
    return out
