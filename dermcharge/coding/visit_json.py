"""The contract's visit JSON (../shared/contract/coding-api.md) to and from a Visit record.

Validation names every problem with its path ("procedures[2].lesion_cm: must be a number greater
than 0") and collects them all, so a person can fix the input in one pass.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from dermcharge.anatomy.sites import site_table
from dermcharge.codesets.icd10.catalog import Icd10Catalog, normalize_code
from dermcharge.coding import history_json
from dermcharge.coding.diagnoses import known_findings
from dermcharge.coding.procedure_fields import (
    FIELDS as ADDED_FIELDS,
)
from dermcharge.coding.procedure_fields import (
    STEROIDS,
    added_fields_to_json,
    parse_added_fields,
    parse_drug,
)
from dermcharge.coding.procedure_kinds import EM_CODES, Need, kind_spec
from dermcharge.domain.visit import (
    Abn,
    Diagnosis,
    EmService,
    Kind,
    Laterality,
    Modality,
    PatientStatus,
    Payer,
    Procedure,
    ProfileOverrides,
    Repair,
    RepairType,
    Visit,
)

DISTINCT_MODIFIERS = frozenset({"59", "XS"})
# Where an excised tumour lies (CPT soft tissue tumour guidelines; families/soft_tissue.py).
EXCISION_DEPTHS = frozenset({"cutaneous", "subcutaneous", "subfascial"})
REPEATED_CODE_POLICIES = frozenset({"units", "distinct_modifier", "repeat_76"})  # repeated_codes
DRUGS = STEROIDS  # drugs an intralesional injection may record (procedure_fields.py)

# Upper limits past which a measurement is a typing error, not a clinical value.
LIMITS = {
    "lesion_cm": Decimal(30),
    "margin_cm": Decimal(10),
    "excised_cm": Decimal(50),
    "length_cm": Decimal(300),
    "defect_sq_cm": Decimal(2000),
    "area_sq_cm": Decimal(30000),
    "dose_mg": Decimal(400),
}
MAX_COUNT = 500
# Procedures on one visit: far above any real visit (the busiest days list a few dozen), low
# enough that a runaway file cannot tie up the coder. Callers may pass a practice's own limit.
MAX_PROCEDURES = 500
MAX_STAGES = 20
MAX_BLOCKS = 50

KINDS = frozenset(str(k) for k in Kind)
SIDES = frozenset(str(s) for s in Laterality)


@cache
def _site_ids() -> frozenset[str]:
    return frozenset(site_table().sites)


class InvalidVisit(ValueError):
    """The input is not a valid visit; `problems` holds one line per problem."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


CatalogFor = Callable[[date], Icd10Catalog]


class _Reader:
    """Reads fields of one JSON object, recording problems instead of stopping at the first."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems

    def fail(self, path: str, message: str) -> None:
        self.problems.append(f"{path}: {message}")

    def number(
        self,
        obj: Mapping[str, Any],
        key: str,
        path: str,
        *,
        zero_ok: bool = False,
        required: bool = False,
        limit: Decimal | None = None,
    ) -> Decimal | None:
        """A positive amount (0 too with `zero_ok`) up to `limit` (default: LIMITS[key])."""
        if obj.get(key) is None:
            if required:
                self.fail(f"{path}.{key}", "is required")
            return None
        raw = obj[key]
        limit = LIMITS[key] if limit is None else limit
        floor = "0 or more" if zero_ok else "greater than 0"
        if isinstance(raw, bool) or not isinstance(raw, int | float | Decimal):
            self.fail(f"{path}.{key}", f"must be a number {floor}")
            return None
        if isinstance(raw, int) and abs(raw).bit_length() > 64:  # str() fails past 4,300 digits
            self.fail(f"{path}.{key}", f"{shown_number(raw)} is not plausible (at most {limit})")
            return None
        try:
            value = Decimal(str(raw))
        except InvalidOperation:
            self.fail(f"{path}.{key}", f"must be a number {floor}")
            return None
        if not value.is_finite() or value < 0 or (value == 0 and not zero_ok):
            self.fail(f"{path}.{key}", f"must be a number {floor}")
            return None
        if value > limit:
            self.fail(f"{path}.{key}", f"{shown_number(raw)} is not plausible (at most {limit})")
            return None
        return value

    def integer(
        self,
        obj: Mapping[str, Any],
        key: str,
        path: str,
        low: int,
        high: int,
        required: bool = False,
    ) -> int | None:
        if obj.get(key) is None:
            if required:
                self.fail(f"{path}.{key}", "is required")
            return None
        raw = obj[key]
        if isinstance(raw, bool) or not isinstance(raw, int):
            if isinstance(raw, float) and raw.is_integer():
                raw = int(raw)
            else:
                self.fail(f"{path}.{key}", f"must be a whole number from {low} to {high}")
                return None
        if not low <= raw <= high:
            self.fail(
                f"{path}.{key}",
                f"must be a whole number from {low} to {high} (got {shown_number(raw)})",
            )
            return None
        return int(raw)

    def flag(self, obj: Mapping[str, Any], key: str, path: str) -> bool | None:
        raw = obj.get(key)
        if raw is None:
            return None
        if not isinstance(raw, bool):
            self.fail(f"{path}.{key}", "must be true or false")
            return None
        return raw

    def choice(
        self,
        obj: Mapping[str, Any],
        key: str,
        path: str,
        allowed: frozenset[str] | Any,
        required: bool = False,
    ) -> str | None:
        raw = obj.get(key)
        if raw is None:
            if required:
                self.fail(f"{path}.{key}", "is required")
            return None
        if not isinstance(raw, str) or raw not in allowed:
            options = sorted(str(a) for a in allowed)
            self.fail(f"{path}.{key}", f"{shown_value(raw)} is not one of: {', '.join(options)}")
            return None
        return raw

    def obj(self, raw: Any, path: str) -> Mapping[str, Any] | None:
        if not isinstance(raw, Mapping):
            self.fail(path, "must be an object")
            return None
        return raw


def shown_number(value: int | float | Decimal) -> str:
    """A number as an error message quotes it: whole below 16 digits, else its size only (a
    5,000-digit integer cannot even be turned into text by Python's default limits)."""
    if isinstance(value, int) and abs(value).bit_length() > 50:
        digits = int(abs(value).bit_length() * 0.30103) + 1
        return f"a number of about {digits} digits"
    text = str(value)
    return text if len(text) <= 24 else f"{text[:12]}… ({len(text)} characters)"


def shown_value(value: Any) -> str:
    """Any JSON value as an error message quotes it: short, and never a 5,000-digit number."""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return shown_number(value)
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:40]}… ({len(text)} characters)"


def _laterality_without_sides(
    reader: _Reader, obj: Mapping[str, Any], path: str, site_label: str | None
) -> None:
    """A laterality where none can be: on a site without sides, or with no site at all. Silently
    dropping it would hide a mistyped site (a "left nose" meant for the left nasal ala)."""
    if obj.get("laterality") is None:
        return
    where = f"the {site_label} has no left and right" if site_label else "no site is given"
    reader.fail(f"{path}.laterality", f"{shown_value(obj['laterality'])} cannot apply: {where}")


def _parse_date(reader: _Reader, raw: Any) -> date | None:
    if raw is None:
        reader.fail("date_of_service", "is required (YYYY-MM-DD)")
        return None
    if not isinstance(raw, str):
        reader.fail("date_of_service", "must be a date written YYYY-MM-DD")
        return None
    try:
        parsed = date.fromisoformat(raw)
    except ValueError:
        reader.fail("date_of_service", f"{raw!r} is not a valid date (YYYY-MM-DD)")
        return None
    if len(raw) != 10:
        reader.fail("date_of_service", f"{raw!r} is not a valid date (YYYY-MM-DD)")
        return None
    if parsed.year < 2019:
        reader.fail("date_of_service", f"{raw} is before 2019: the code sets loaded start then")
        return None
    return parsed


def _parse_diagnosis(
    reader: _Reader, obj: Mapping[str, Any], path: str, catalog: Icd10Catalog | None, own_site: bool
) -> Diagnosis | None:
    icd = obj.get("icd10")
    finding = obj.get("finding")
    code = None
    if icd is not None:
        if not isinstance(icd, str) or not icd.strip():
            reader.fail(f"{path}.icd10", "must be an ICD-10-CM code such as C44.311")
        else:
            code = normalize_code(icd)
            if catalog is not None and not catalog.exists(code):
                reader.fail(
                    f"{path}.icd10", f"{icd!r} is not an ICD-10-CM code in {catalog.release}"
                )
                code = None
    if finding is not None:
        finding = reader.choice(obj, "finding", path, known_findings())
    if code is None and finding is None:
        return None
    site = laterality = None
    if own_site:  # an E/M diagnosis may name its own site
        site = reader.choice(obj, "site", path, _site_ids())
        if site is not None and not site_table()[site].sides:
            _laterality_without_sides(reader, obj, path, site_table()[site].label)
        elif site is None and obj.get("site") is None:
            _laterality_without_sides(reader, obj, path, None)
        else:
            side = reader.choice(obj, "laterality", path, SIDES)
            laterality = Laterality(side) if side else None
            if site is not None and obj.get("laterality") is None:
                reader.fail(f"{path}.laterality", f"is required: the {site_table()[site].label} "
                            "has a left and a right")  # fmt: skip
    return Diagnosis(icd10=code, finding=finding, site=site, laterality=laterality)


def _parse_procedure(
    reader: _Reader, raw: Any, path: str, catalog: Icd10Catalog | None, n_procedures: int = 0
) -> Procedure | None:
    obj = reader.obj(raw, path)
    if obj is None:
        return None
    kind_name = reader.choice(obj, "kind", path, KINDS, required=True)
    if kind_name is None:
        return None
    kind = Kind(kind_name)
    spec = kind_spec(kind)  # what this kind asks for and requires: coding/procedure_kinds.py
    asks, requires = spec.asks, spec.requires
    sites = site_table()
    site_id = reader.choice(obj, "site", path, _site_ids(), required=spec.site_required)
    laterality = None
    digit = None
    if site_id is not None:
        site = sites[site_id]
        if site.sides:
            side = reader.choice(obj, "laterality", path, SIDES)
            if side is None and obj.get("laterality") is None:  # absent or null
                reader.fail(
                    f"{path}.laterality", f"is required: the {site.label} has a left and a right"
                )
            laterality = Laterality(side) if side else None
        else:
            _laterality_without_sides(reader, obj, path, site.label)
        if site.digit:
            digit = reader.integer(obj, "digit", path, 1, 5, required=spec.digit)
    elif obj.get("site") is None:
        _laterality_without_sides(reader, obj, path, None)
    if spec.digit and site_id not in (None, "finger", "toe"):
        reader.fail(f"{path}.site", f"a nail procedure is on a finger or a toe, not {site_id!r}")
    fields: dict[str, Any] = {}
    if Need.COUNT in asks:
        required = Need.COUNT in requires
        fields["count"] = reader.integer(obj, "count", path, 0, MAX_COUNT, required=required)
    if Need.EXCISED in asks:  # lesion_cm with margin_cm, or the excised diameter
        fields["excised_cm"] = reader.number(obj, "excised_cm", path)
        fields["lesion_cm"] = reader.number(obj, "lesion_cm", path)
        fields["margin_cm"] = reader.number(obj, "margin_cm", path, zero_ok=True)
        # null is no value: a "margin_cm": null is as missing as an absent margin_cm.
        if obj.get("excised_cm") is None:
            if obj.get("lesion_cm") is None:
                reader.fail(f"{path}.lesion_cm", "is required (with margin_cm), or give excised_cm")
            elif obj.get("margin_cm") is None:
                reader.fail(f"{path}.margin_cm", "is required with lesion_cm (0 when none)")
        fields["depth"] = reader.choice(obj, "depth", path, EXCISION_DEPTHS)
    elif Need.LESION in asks:
        fields["lesion_cm"] = reader.number(
            obj, "lesion_cm", path, required=Need.LESION in requires
        )
    if Need.REPAIR in asks:
        repair_raw = obj.get("repair")
        if repair_raw is not None:
            fields["repair"] = _parse_repair(reader, repair_raw, f"{path}.repair")
    for need in (Need.LENGTH, Need.DEFECT, Need.AREA):
        if need in asks:
            fields[need.value] = reader.number(obj, need.value, path, required=need in requires)
    if Need.STAGES in asks:
        fields["stages"] = _parse_stages(reader, obj.get("stages"), f"{path}.stages")
    if Need.DRUG in asks:  # the drug, its dose in the drug's measure, discarded amount, vial
        fields.update(parse_drug(reader, obj, path, kind))
    if Need.COMPLICATED in asks:
        fields["complicated"] = bool(reader.flag(obj, "complicated", path))
    if Need.MODALITY in asks:
        modality = reader.choice(
            obj, "modality", path, frozenset(Modality), required=Need.MODALITY in requires
        )
        fields["modality"] = Modality(modality) if modality else None
    fields.update(parse_added_fields(reader, obj, path, kind, n_procedures))
    abn = reader.choice(obj, "abn", path, frozenset(Abn))
    return Procedure(
        kind=kind,
        site=site_id,
        laterality=laterality,
        digit=digit,
        diagnosis=_parse_diagnosis(reader, obj, path, catalog, own_site=False),
        separate_lesion=bool(reader.flag(obj, "separate_lesion", path)),
        symptomatic=reader.flag(obj, "symptomatic", path),
        cosmetic=bool(reader.flag(obj, "cosmetic", path)),
        abn=Abn(abn) if abn else None,
        path_pending=bool(reader.flag(obj, "path_pending", path)),
        **{k: v for k, v in fields.items() if v is not None},
        **history_json.procedure_fields(reader, obj, path),
    )


def _parse_repair(reader: _Reader, raw: Any, path: str) -> Repair | None:
    obj = reader.obj(raw, path)
    if obj is None:
        return None
    kind = reader.choice(obj, "type", path, frozenset(RepairType), required=True)
    length = reader.number(obj, "length_cm", path, required=True)
    if kind is None or length is None:
        return None
    return Repair(RepairType(kind), length)


def _parse_stages(reader: _Reader, raw: Any, path: str) -> tuple[int, ...]:
    if raw is None:
        reader.fail(path, "is required: tissue blocks per stage, e.g. [6, 3, 2]")
        return ()
    if not isinstance(raw, list) or not raw or len(raw) > MAX_STAGES:
        reader.fail(path, f"must be a list of 1 to {MAX_STAGES} stages (blocks per stage)")
        return ()
    stages = []
    for i, blocks in enumerate(raw):
        if isinstance(blocks, bool) or not isinstance(blocks, int) or not 1 <= blocks <= MAX_BLOCKS:
            reader.fail(f"{path}[{i}]", f"must be a whole number of blocks from 1 to {MAX_BLOCKS}")
        else:
            stages.append(blocks)
    return tuple(stages)


def parse_visit(
    data: Any, catalog_for: CatalogFor | None = None, *, max_procedures: int = MAX_PROCEDURES
) -> Visit:
    """A Visit from contract JSON (already decoded); raises InvalidVisit listing every problem.

    `catalog_for(date)` gives the ICD-10-CM release to validate explicit codes against; without
    it codes are checked for form only. More than `max_procedures` procedures is refused.
    """
    problems: list[str] = []
    reader = _Reader(problems)
    top = reader.obj(data, "visit")
    if top is None:
        raise InvalidVisit(["visit: must be a JSON object (see the coding contract)"])
    dos = _parse_date(reader, top.get("date_of_service"))
    catalog = catalog_for(dos) if (dos is not None and catalog_for is not None) else None
    payer = reader.choice(top, "payer", "visit", frozenset(Payer))
    status = reader.choice(top, "patient_status", "visit", frozenset(PatientStatus))
    overrides = ProfileOverrides()
    if top.get("payer_profile") is not None:
        prof = reader.obj(top["payer_profile"], "payer_profile")
        if prof is not None:
            overrides = ProfileOverrides(
                distinct_modifier=reader.choice(
                    prof, "distinct_modifier", "payer_profile", DISTINCT_MODIFIERS
                ),
                append_51=reader.flag(prof, "append_51", "payer_profile"),
                laterality_modifiers=reader.flag(prof, "laterality_modifiers", "payer_profile"),
                repeated_code=reader.choice(
                    prof, "repeated_code", "payer_profile", REPEATED_CODE_POLICIES
                ),
                small_benign_repair_bundle=reader.flag(
                    prof, "small_benign_repair_bundle", "payer_profile"
                ),
                pays_g2211=reader.flag(prof, "pays_g2211", "payer_profile"),
            )
    em = None
    if top.get("em") is not None:
        em = _parse_em(reader, top["em"], catalog)
    procedures: list[Procedure] = []
    raw_procedures = top.get("procedures", [])
    if not isinstance(raw_procedures, list):
        reader.fail("procedures", "must be a list of procedure objects")
        raw_procedures = []
    if len(raw_procedures) > max_procedures:
        reader.fail(
            "procedures",
            f"{len(raw_procedures)} procedures on one visit; at most {max_procedures} "
            "(split the work over several visits, or check the file)",
        )
        raw_procedures = []
    for i, raw in enumerate(raw_procedures):
        parsed = _parse_procedure(reader, raw, f"procedures[{i}]", catalog, len(raw_procedures))
        if parsed is not None:
            procedures.append(parsed)
    diagnosis_order = _parse_diagnosis_order(reader, top.get("diagnosis_order"), catalog)
    history = history_json.parse_history(reader, top.get("history"))
    if problems or dos is None:
        raise InvalidVisit(problems)
    return Visit(
        date_of_service=dos,
        payer=Payer(payer) if payer else Payer.COMMERCIAL,
        patient_status=PatientStatus(status) if status else PatientStatus.ESTABLISHED,
        em=em,
        procedures=tuple(procedures),
        profile_overrides=overrides,
        diagnosis_order=diagnosis_order,
        history=history,
    )


def _parse_diagnosis_order(
    reader: _Reader, raw: Any, catalog: Icd10Catalog | None = None
) -> tuple[str, ...]:
    """dermcharge's extension of the contract: the claim's diagnoses a person ordered by hand.
    Each must be an ICD-10-CM code of the release in force (a code that is not one would be
    dropped from the claim without a word); one no line points to is left out (see
    assembly.finalize)."""
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(c, str) and c.strip() for c in raw):
        reader.fail("diagnosis_order", 'must be a list of ICD-10-CM codes such as ["L40.0"]')
        return ()
    codes = [normalize_code(c) for c in raw]
    repeated = sorted(code for code, times in Counter(codes).items() if times > 1)
    if repeated:
        reader.fail("diagnosis_order", f"names {', '.join(repeated)} more than once")
        return ()
    if catalog is None:
        return tuple(codes)
    unknown = [i for i, code in enumerate(codes) if not catalog.exists(code)]
    for i in unknown:
        reader.fail(
            f"diagnosis_order[{i}]",
            f"{shown_value(raw[i])} is not an ICD-10-CM code in {catalog.release}",
        )
    return () if unknown else tuple(codes)


def _parse_em(reader: _Reader, raw: Any, catalog: Icd10Catalog | None) -> EmService | None:
    obj = reader.obj(raw, "em")
    if obj is None:
        return None
    code = obj.get("code")
    if isinstance(code, int) and not isinstance(code, bool) and 0 <= code < 10**6:
        code = str(code)
    if not isinstance(code, str) or code not in EM_CODES:
        reader.fail(
            "em.code", f"{shown_value(code)} is not an office E/M code (99202-99205, 99211-99215)"
        )
        return None
    separate = reader.flag(obj, "separately_identifiable", "em")
    diagnoses = []
    raw_dx = obj.get("diagnoses", [])
    if not isinstance(raw_dx, list):
        reader.fail("em.diagnoses", "must be a list of diagnosis objects")
        raw_dx = []
    for i, item in enumerate(raw_dx):
        path = f"em.diagnoses[{i}]"
        dx_obj = reader.obj(item, path)
        if dx_obj is None:
            continue
        dx = _parse_diagnosis(reader, dx_obj, path, catalog, own_site=True)
        if dx is None:
            if "icd10" not in dx_obj and "finding" not in dx_obj:
                reader.fail(path, "needs an icd10 code or a finding")
            continue
        diagnoses.append(dx)
    return EmService(
        code=str(code),
        separately_identifiable=separate is not False,
        diagnoses=tuple(diagnoses),
        longitudinal_care=reader.flag(obj, "longitudinal_care", "em"),
        global_relation=history_json.em_relation(reader, obj),
    )


TOP_FIELDS = frozenset(
    {
        "date_of_service",
        "payer",
        "payer_profile",
        "patient_status",
        "em",
        "procedures",
        "patient",
        "insurance",
        "provider",
        "practice",
        "place_of_service",
        "diagnosis_order",  # dermcharge's extension (see _parse_diagnosis_order)
        "history",  # dermcharge's extension (coding/history_json.py)
    }
)
PROCEDURE_FIELDS = frozenset({
    "kind", "site", "laterality", "digit", "count", "lesion_cm", "margin_cm", "excised_cm",
    "length_cm", "defect_sq_cm", "stages", "drug", "dose_mg", "complicated", "modality",
    "area_sq_cm", "repair", "icd10", "finding", "separate_lesion", "symptomatic", "cosmetic",
    "abn", "path_pending", "depth"}) | history_json.PROCEDURE_FIELDS | ADDED_FIELDS  # fmt: skip
NESTED_FIELDS = {
    "em": frozenset({"code", "separately_identifiable", "diagnoses", "longitudinal_care"})
    | history_json.EM_FIELDS,
    "payer_profile": frozenset(
        {
            "distinct_modifier",
            "append_51",
            "laterality_modifiers",
            "repeated_code",
            "small_benign_repair_bundle",
            "pays_g2211",
        }
    ),
    "repair": frozenset({"type", "length_cm"}),
    "diagnosis": frozenset({"icd10", "finding", "site", "laterality"}),
}


def unknown_fields(data: Any) -> list[str]:
    """Paths of fields the contract does not define (ignored, but a misspelt `seperate_lesion`
    changes the coding: the caller shows them to a person)."""
    if not isinstance(data, Mapping):
        return []
    found = [k for k in data if k not in TOP_FIELDS]
    for key in ("em", "payer_profile"):
        if isinstance(data.get(key), Mapping):
            found += [f"{key}.{k}" for k in data[key] if k not in NESTED_FIELDS[key]]
    em = data.get("em")
    if isinstance(em, Mapping) and isinstance(em.get("diagnoses"), list):
        for i, dx in enumerate(em["diagnoses"]):
            if isinstance(dx, Mapping):
                found += [
                    f"em.diagnoses[{i}].{k}" for k in dx if k not in NESTED_FIELDS["diagnosis"]
                ]
    procedures = data.get("procedures")
    for i, p in enumerate(procedures if isinstance(procedures, list) else []):
        if not isinstance(p, Mapping):
            continue
        found += [f"procedures[{i}].{k}" for k in p if k not in PROCEDURE_FIELDS]
        if isinstance(p.get("repair"), Mapping):
            found += [
                f"procedures[{i}].repair.{k}"
                for k in p["repair"]
                if k not in NESTED_FIELDS["repair"]
            ]
    return found


def _decimal_out(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _diagnosis_to_json(dx: Diagnosis) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if dx.icd10:
        out["icd10"] = dx.icd10
    if dx.finding:
        out["finding"] = dx.finding
    if dx.site:
        out["site"] = dx.site
    if dx.laterality:
        out["laterality"] = str(dx.laterality)
    return out


def visit_to_json(visit: Visit) -> dict[str, Any]:
    """The contract JSON for a Visit; parse_visit(visit_to_json(v)) == v."""
    out: dict[str, Any] = {
        "date_of_service": visit.date_of_service.isoformat(),
        "payer": str(visit.payer),
        "patient_status": str(visit.patient_status),
    }
    o = visit.profile_overrides
    profile = {
        k: v
        for k, v in (
            ("distinct_modifier", o.distinct_modifier),
            ("append_51", o.append_51),
            ("laterality_modifiers", o.laterality_modifiers),
            ("repeated_code", o.repeated_code),
            ("small_benign_repair_bundle", o.small_benign_repair_bundle),
            ("pays_g2211", o.pays_g2211),
        )
        if v is not None
    }
    if profile:
        out["payer_profile"] = profile
    if visit.em is not None:
        out["em"] = {
            "code": visit.em.code,
            "separately_identifiable": visit.em.separately_identifiable,
            "diagnoses": [_diagnosis_to_json(d) for d in visit.em.diagnoses],
        }
        if visit.em.longitudinal_care is not None:
            out["em"]["longitudinal_care"] = visit.em.longitudinal_care
        if visit.em.global_relation is not None:
            out["em"]["global_relation"] = str(visit.em.global_relation)
    out["procedures"] = [_procedure_to_json(p) for p in visit.procedures]
    if visit.diagnosis_order:
        out["diagnosis_order"] = list(visit.diagnosis_order)
    if visit.history:
        out["history"] = history_json.history_to_json(visit)
    return out


def _procedure_to_json(p: Procedure) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": str(p.kind)}
    for key in ("site", "laterality", "digit", "count", "drug", "depth"):
        value = getattr(p, key)
        if value is not None:
            out[key] = str(value) if key == "laterality" else value
    for key in (
        "lesion_cm",
        "margin_cm",
        "excised_cm",
        "length_cm",
        "defect_sq_cm",
        "dose_mg",
        "area_sq_cm",
    ):
        value = getattr(p, key)
        if value is not None:
            out[key] = _decimal_out(value)
    if p.stages:
        out["stages"] = list(p.stages)
    if p.kind is Kind.INCISION_DRAINAGE:
        out["complicated"] = p.complicated
    if p.modality is not None:
        out["modality"] = str(p.modality)
    if p.repair is not None:
        out["repair"] = {"type": str(p.repair.type), "length_cm": _decimal_out(p.repair.length_cm)}
    if p.diagnosis is not None:
        out.update(_diagnosis_to_json(p.diagnosis))
    if p.separate_lesion:
        out["separate_lesion"] = True
    if p.symptomatic is not None:
        out["symptomatic"] = p.symptomatic
    if p.cosmetic:
        out["cosmetic"] = True
    if p.abn is not None:
        out["abn"] = str(p.abn)
    if p.path_pending:
        out["path_pending"] = True
    out.update(history_json.procedure_to_json(p))
    out.update(added_fields_to_json(p))
    return out
