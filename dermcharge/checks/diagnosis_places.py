"""Where on the body a claim diagnosis was recorded: the sites of the procedures it codes."""

from __future__ import annotations

from dataclasses import dataclass

from dermcharge.checks.context import CheckContext
from dermcharge.codesets.icd10.catalog import normalize_code
from dermcharge.domain.claim import ClaimLine
from dermcharge.domain.visit import Diagnosis


@dataclass(frozen=True)
class Place:
    site: str
    laterality: str | None
    procedure: int | None  # None: a site recorded with an E/M diagnosis


def places_for(ctx: CheckContext, line: ClaimLine, code: str) -> list[Place]:
    """The recorded sites a line's diagnosis `code` belongs to.

    A procedure whose explicit ICD-10-CM code is `code` belongs to it; on a line with a single
    diagnosis every procedure the line codes does. Otherwise the link is ambiguous and no place
    is returned, so no check guesses which lesion a code describes.
    """
    code = normalize_code(code)
    places: list[Place] = []
    indices = ctx.line_procedures(line)
    explicit = [i for i in indices if _explicit(ctx.visit.procedures[i].diagnosis) == code]
    chosen = explicit or (list(indices) if len(line.diagnoses) == 1 else [])
    for i in chosen:
        procedure = ctx.visit.procedures[i]
        given = procedure.diagnosis
        site = (given.site if given and given.site else None) or procedure.site
        side = (given.laterality if given and given.laterality else None) or procedure.laterality
        if site:
            places.append(Place(site, str(side) if side else None, i))
    if None in line.procedures and ctx.visit.em is not None:
        for diagnosis in ctx.visit.em.diagnoses:
            if diagnosis.site and (_explicit(diagnosis) == code or len(line.diagnoses) == 1):
                em_side = str(diagnosis.laterality) if diagnosis.laterality else None
                places.append(Place(diagnosis.site, em_side, None))
    return places


def _explicit(diagnosis: Diagnosis | None) -> str | None:
    if diagnosis is None or not diagnosis.icd10:
        return None
    return normalize_code(diagnosis.icd10)
