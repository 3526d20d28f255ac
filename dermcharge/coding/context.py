"""Everything the code families share about one visit: profile, diagnoses, and which wound is whose."""

from __future__ import annotations

from dataclasses import dataclass, field

from dermcharge.anatomy.sites import Site, describe, site_table
from dermcharge.codesets.icd10.catalog import Icd10Catalog
from dermcharge.codesets.ptp import PtpTable
from dermcharge.coding.diagnoses import code_for_finding
from dermcharge.coding.draft import Draft
from dermcharge.coding.payer_profiles import PayerProfile
from dermcharge.domain.claim import Severity
from dermcharge.domain.visit import (
    BIOPSY_KINDS,
    EXCISION_KINDS,
    Diagnosis,
    Kind,
    Procedure,
    Visit,
)

# Procedures that leave a wound a separate repair may close (coding-rules.md §4, R-MO-3).
WOUND_KINDS = (
    EXCISION_KINDS
    | BIOPSY_KINDS
    | {
        Kind.MOHS,
        Kind.SHAVE_REMOVAL,
        Kind.DESTRUCTION_MALIGNANT,
        Kind.ADJACENT_TISSUE_TRANSFER,
    }
)
# Lesions a premalignant destruction is meant for; a default the engine states, never hides.
DEFAULT_FINDING = {
    Kind.DESTRUCTION_PREMALIGNANT: "actinic_keratosis",
    Kind.EXCIMER_LASER: "psoriasis",
    Kind.SKIN_TAG_REMOVAL: "skin_tag",
}


@dataclass
class CodingContext:
    visit: Visit
    profile: PayerProfile
    icd: Icd10Catalog
    ptp: PtpTable
    draft: Draft = field(default_factory=Draft)
    diagnoses: dict[int, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.procedures: tuple[Procedure, ...] = self.visit.procedures
        # (site, side, digit) per procedure; None where no site was recorded.
        self.spots = [
            (p.site, p.laterality, p.digit) if p.site is not None else None for p in self.procedures
        ]

    def indices(self, *kinds: Kind) -> list[int]:
        return [i for i, p in enumerate(self.procedures) if p.kind in kinds]

    def site(self, index: int) -> Site | None:
        site_id = self.procedures[index].site
        return site_table().get(site_id) if site_id else None

    def where(self, index: int) -> str:
        p = self.procedures[index]
        return describe(p.site, p.laterality, p.digit) if p.site else "no site recorded"

    def dx(self, index: int) -> list[str]:
        return self.diagnoses.get(index, [])

    def dx_of(self, indices: list[int]) -> list[str]:
        seen: list[str] = []
        for i in indices:
            for code in self.dx(i):
                if code not in seen:
                    seen.append(code)
        return seen

    # --- where wounds and lesions meet -------------------------------------------------------

    def same_spot(self, a: int, b: int) -> bool:
        """Same site, side and digit."""
        spot = self.spots[a]
        return spot is not None and spot == self.spots[b]

    def same_region(self, a: int, b: int) -> bool:
        """Same anatomic region on the same side (the nose and its subunits are one region)."""
        sa, sb = self.site(a), self.site(b)
        if sa is None or sb is None or sa.region != sb.region:
            return False
        la, lb = self.procedures[a].laterality, self.procedures[b].laterality
        return la is None or lb is None or la == lb

    def distinct_lesions(self, a: int, b: int) -> bool:
        """Two procedures treat different lesions: flagged, at different spots, or different dx."""
        pa, pb = self.procedures[a], self.procedures[b]
        if pa.separate_lesion or pb.separate_lesion:
            return True
        if pa.site is None or pb.site is None:
            dx_a, dx_b = set(self.dx(a)), set(self.dx(b))
            return bool(dx_a and dx_b and not dx_a & dx_b)
        if not self.same_spot(a, b):
            return True
        dx_a, dx_b = set(self.dx(a)), set(self.dx(b))
        return bool(dx_a and dx_b and not dx_a & dx_b)

    def wound_owner(self, index: int, kinds: frozenset[Kind] = WOUND_KINDS) -> int | None:
        """The procedure whose wound a repair or flap at `index` closes: same spot, else region.
        A procedure marked `separate_lesion` is a different lesion: it is taken only when
        nothing else fits (so a flap does not take the diagnosis of another lesion excised
        at its site)."""
        others = [i for i, p in enumerate(self.procedures) if p.kind in kinds and i != index]
        own = self.procedures[index].separate_lesion
        others.sort(key=lambda i: self.procedures[i].separate_lesion != own)
        for i in others:
            if self.same_spot(index, i):
                return i
        for i in others:
            if self.same_region(index, i):
                return i
        return None

    # --- diagnoses ----------------------------------------------------------------------------

    def code_diagnosis(
        self, dx: Diagnosis, site: str | None, laterality: str | None, procedures: tuple[int, ...]
    ) -> str | None:
        if dx.icd10:
            return dx.icd10
        assert dx.finding is not None
        result = code_for_finding(dx.finding, dx.site or site, dx.laterality or laterality)
        if result.code is None:
            self.draft.find(
                Severity.ERROR,
                "diagnosis",
                result.problem,
                procedures,
                source="ICD-10-CM FY2026 tabular (C44 excludes genital skin)",
                action="Enter the ICD-10-CM code for this lesion",
            )
        elif result.unspecified_site:
            self.draft.find(
                Severity.WARNING,
                "specificity",
                f"{dx.finding.replace('_', ' ')} was recorded without a site, so the "
                f"unspecified code {result.code} is used: pick the site for a specific code",
                procedures,
                source="ICD-10-CM Official Guidelines I.B.1 (code to the highest "
                "specificity documented)",
                action="Record the site of this diagnosis",
            )
        return result.code

    def resolve_procedure_diagnoses(self) -> None:
        """Each procedure's own diagnosis; repairs and flags inherit their wound's (contract)."""
        pending = []
        for i, p in enumerate(self.procedures):
            dx = p.diagnosis
            if dx is None and p.kind in DEFAULT_FINDING:
                assumed = DEFAULT_FINDING[p.kind]
                dx = Diagnosis(finding=assumed)
                self.draft.find(
                    Severity.WARNING,
                    "diagnosis",
                    f"No diagnosis was recorded for the {p.kind.replace('_', ' ')}; "
                    f"{assumed.replace('_', ' ')} was assumed — confirm or change it",
                    (i,),
                    action="Confirm the diagnosis",
                )
            if dx is None:
                pending.append(i)
                continue
            code = self.code_diagnosis(dx, p.site, p.laterality, (i,))
            self.diagnoses[i] = [code] if code else []
        for i in pending:
            owner = self.wound_owner(i) if self.procedures[i].site else None
            if owner is not None and self.dx(owner):
                self.diagnoses[i] = list(self.dx(owner))
            else:
                self.diagnoses[i] = []
