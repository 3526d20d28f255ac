"""dermcharge's extension of the visit JSON for the pathology loop (README "Lesions and history").

On a procedure: `lesion_id` (the stored lesion it treated), `lesion_label` (its short name),
`path_accession` (the lab's accession number) and `global_relation` (`staged`, `complication` or
`unrelated`: how it relates to an earlier procedure whose global period is open). On the E/M:
`global_relation` (`unrelated` → 24). At the top: `history`, the patient's earlier procedures,
each `{"date_of_service", "cpt", "global_days"?, "site"?, "laterality"?, "lesion_id"?,
"diagnoses"?, "modifiers"?}` — services fill it from storage; the visit record never stores it.
Absent fields mean what they meant before, so every contract visit parses as it did.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any, Protocol

from dermcharge.domain.visit import GlobalRelation, Laterality, PriorProcedure, Procedure, Visit

PROCEDURE_FIELDS = frozenset({"lesion_id", "lesion_label", "path_accession", "global_relation"})
EM_FIELDS = frozenset({"global_relation"})
HISTORY_FIELDS = frozenset(
    {"date_of_service", "cpt", "global_days", "site", "laterality", "lesion_id", "diagnoses",
     "modifiers"}
)  # fmt: skip
MAX_LABEL = 200
MAX_HISTORY = 20000
_CPT = re.compile(r"^(?:\d{4}[0-9AFMTU]|[A-V]\d{4})$")
_RELATIONS = frozenset(str(r) for r in GlobalRelation)


class FieldReader(Protocol):
    def fail(self, path: str, message: str) -> None: ...

    def integer(
        self, obj: Mapping[str, Any], key: str, path: str, low: int, high: int,
        required: bool = False,
    ) -> int | None: ...  # fmt: skip

    def choice(
        self, obj: Mapping[str, Any], key: str, path: str, allowed: Any, required: bool = False
    ) -> str | None: ...


def _text(reader: FieldReader, obj: Mapping[str, Any], key: str, path: str) -> str | None:
    raw = obj.get(key)
    if raw is None:
        return None
    if not isinstance(raw, str) or len(raw) > MAX_LABEL:
        reader.fail(f"{path}.{key}", f"must be text of at most {MAX_LABEL} characters")
        return None
    return raw.strip() or None


def procedure_fields(reader: FieldReader, obj: Mapping[str, Any], path: str) -> dict[str, Any]:
    """The extension fields of one procedure, as Procedure keyword arguments."""
    relation = reader.choice(obj, "global_relation", path, _RELATIONS)
    return {
        "lesion_id": reader.integer(obj, "lesion_id", path, 1, 2**63 - 1),
        "lesion_label": _text(reader, obj, "lesion_label", path),
        "path_accession": _text(reader, obj, "path_accession", path),
        "global_relation": GlobalRelation(relation) if relation else None,
    }


def em_relation(reader: FieldReader, obj: Mapping[str, Any]) -> GlobalRelation | None:
    relation = reader.choice(obj, "global_relation", "em", frozenset({"unrelated"}))
    return GlobalRelation(relation) if relation else None


def parse_history(reader: FieldReader, raw: Any) -> tuple[PriorProcedure, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or len(raw) > MAX_HISTORY:
        reader.fail("history", f"must be a list of at most {MAX_HISTORY} earlier procedures")
        return ()
    found = []
    for i, item in enumerate(raw):
        path = f"history[{i}]"
        if not isinstance(item, Mapping):
            reader.fail(path, "must be an object")
            continue
        prior = _parse_prior(reader, item, path)
        if prior is not None:
            found.append(prior)
    return tuple(found)


def _codes(reader: FieldReader, obj: Mapping[str, Any], key: str, path: str) -> tuple[str, ...]:
    raw = obj.get(key, [])
    if not isinstance(raw, list) or not all(isinstance(c, str) and c.strip() for c in raw):
        reader.fail(f"{path}.{key}", "must be a list of codes")
        return ()
    return tuple(c.strip().upper() for c in raw)


def _parse_prior(reader: FieldReader, obj: Mapping[str, Any], path: str) -> PriorProcedure | None:
    try:
        performed = date.fromisoformat(str(obj.get("date_of_service")))
    except ValueError:
        reader.fail(f"{path}.date_of_service", "must be a date YYYY-MM-DD")
        return None
    cpt = obj.get("cpt")
    if not isinstance(cpt, str) or not _CPT.match(cpt.strip().upper()):
        reader.fail(f"{path}.cpt", f"{cpt!r} is not a CPT or HCPCS code")
        return None
    side = reader.choice(obj, "laterality", path, frozenset(str(s) for s in Laterality))
    site = obj.get("site")
    return PriorProcedure(
        date_of_service=performed,
        cpt=cpt.strip().upper(),
        global_days=reader.integer(obj, "global_days", path, 0, 90),
        site=site if isinstance(site, str) and site else None,
        laterality=Laterality(side) if side else None,
        lesion_id=reader.integer(obj, "lesion_id", path, 1, 2**63 - 1),
        diagnoses=_codes(reader, obj, "diagnoses", path),
        modifiers=_codes(reader, obj, "modifiers", path),
    )


def procedure_to_json(p: Procedure) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in ("lesion_id", "lesion_label", "path_accession"):
        if getattr(p, key) is not None:
            out[key] = getattr(p, key)
    if p.global_relation is not None:
        out["global_relation"] = str(p.global_relation)
    return out


def history_to_json(visit: Visit) -> list[dict[str, Any]]:
    out = []
    for prior in visit.history:
        item: dict[str, Any] = {"date_of_service": prior.date_of_service.isoformat(),
                                "cpt": prior.cpt}  # fmt: skip
        if prior.global_days is not None:
            item["global_days"] = prior.global_days
        if prior.site is not None:
            item["site"] = prior.site
        if prior.laterality is not None:
            item["laterality"] = str(prior.laterality)
        if prior.lesion_id is not None:
            item["lesion_id"] = prior.lesion_id
        if prior.diagnoses:
            item["diagnoses"] = list(prior.diagnoses)
        if prior.modifiers:
            item["modifiers"] = list(prior.modifiers)
        out.append(item)
    return out
