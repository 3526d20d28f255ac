"""The coding engine: a Visit in, a CodedClaim out — the same from the GUI, the CLI and tests.

The order of the steps is the order a coder works: diagnoses first, then each code family, then
what one code does to another (inclusions, PTP modifiers), the E/M, payer modifiers, and the
claim form's limits. Every step is a small function citing its rule.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from dermcharge.codesets.icd10.catalog import Icd10Catalog
from dermcharge.codesets.ptp import PtpTable, curated_derm_ptp
from dermcharge.coding import assembly, modifiers, repeated_codes
from dermcharge.coding.context import CodingContext
from dermcharge.coding.families import (
    biopsy,
    counted,
    evaluation,
    flap,
    lesion_size,
    mohs,
    nails,
    office,
    repair,
    visit_complexity,
)
from dermcharge.coding.payer_profiles import profile_for
from dermcharge.domain.claim import ClaimLine, CodedClaim, Finding, Severity
from dermcharge.domain.visit import Kind, Visit

RULES_VERSION = "dermcharge-rules 2026.11"

CatalogFor = Callable[[date], Icd10Catalog]


def default_catalog(on: date) -> Icd10Catalog:
    from dermcharge.codesets.icd10.releases import catalog_for

    return catalog_for(on)


def code_visit(
    visit: Visit,
    *,
    catalog_for: CatalogFor | None = None,
    ptp: PtpTable | None = None,
    run_checks: bool = True,
) -> CodedClaim:
    catalog = (catalog_for or default_catalog)(visit.date_of_service)
    ctx = CodingContext(
        visit=visit,
        profile=profile_for(visit.payer, visit.profile_overrides),
        icd=catalog,
        ptp=ptp or _ptp_in_force(visit.date_of_service),
    )
    ctx.resolve_procedure_diagnoses()
    _note_open_site_mappings(ctx)
    flap_covered = flap.excisions_under_flaps(ctx)

    biopsy.code_biopsies(ctx)
    lesion_size.code_shave_removals(ctx)
    lesion_size.code_excisions(ctx, flap_covered)
    repair.code_repairs(ctx)
    flap.code_flaps(ctx)
    counted.code_premalignant_destruction(ctx)
    counted.code_benign_destruction(ctx)
    lesion_size.code_malignant_destructions(ctx)
    counted.code_skin_tags(ctx)
    mohs.code_mohs(ctx)
    counted.code_injections(ctx)
    office.code_drainage(ctx)
    office.code_acne_surgery(ctx)
    office.code_phototherapy(ctx)
    office.code_excimer(ctx)
    nails.code_nails(ctx)

    lines = modifiers.apply_distinct_service(ctx, ctx.draft.lines)
    repeated_codes.apply_repeated_code_policy(ctx, lines)
    for line in lines:
        modifiers.apply_liability(ctx, line)
        modifiers.apply_anatomic(ctx, line)
    em_line = evaluation.code_evaluation(ctx, lines)
    if em_line is not None:
        lines.append(em_line)
        complexity = visit_complexity.code_visit_complexity(
            ctx, em_line, {line.code for line in lines}
        )
        if complexity is not None:
            lines.append(complexity)
    lines = assembly.order_lines(assembly.merge_lines(lines))
    modifiers.apply_multiple_procedure(ctx, lines, _procedure_value(visit.date_of_service))
    claim_lines, claim_dx, shape_findings = assembly.finalize(lines, visit.diagnosis_order)

    unique = {(f.severity, f.check, f.message): f for f in reversed(ctx.draft.findings)}
    findings = [_with_lines(f, claim_lines) for f in reversed(unique.values())] + shape_findings
    if catalog_for is None:
        findings.extend(_release_findings(visit.date_of_service))
    claim = CodedClaim(
        lines=tuple(claim_lines),
        diagnoses=tuple(claim_dx),
        not_billed=tuple(ctx.draft.not_billed),
        findings=tuple(findings),
        code_sets={"icd10cm": catalog.release, "rules": RULES_VERSION, "ptp": ctx.ptp.label},
    )
    if run_checks:
        claim = _checked(visit, claim, catalog)
    return claim


SITE_GROUP_KINDS = frozenset(
    {Kind.SHAVE_REMOVAL, Kind.EXCISION_BENIGN, Kind.EXCISION_MALIGNANT, Kind.DESTRUCTION_MALIGNANT,
     Kind.REPAIR_SIMPLE, Kind.REPAIR_INTERMEDIATE, Kind.REPAIR_COMPLEX,
     Kind.ADJACENT_TISSUE_TRANSFER, Kind.MOHS}
)  # fmt: skip


def _note_open_site_mappings(ctx: CodingContext) -> None:
    """Say where a CPT site group is our documented choice, not a sourced fact (§17)."""
    for i, p in enumerate(ctx.procedures):
        site = ctx.site(i)
        if site is not None and site.mapping_open and p.kind in SITE_GROUP_KINDS:
            ctx.draft.find(
                Severity.INFO,
                "site_mapping",
                f"The {site.label}'s CPT site group is our choice where sources are silent: "
                f"{site.note}",
                (i,),
                source="coding-rules.md §17 (unsourced mappings)",
                action="Confirm with the payer if the claim is questioned",
            )


def _ptp_in_force(on: date) -> PtpTable:
    """The NCCI PTP table the checks also use: an imported CMS quarter in force on the date,
    else the shipped cited derm pairs — so the engine adds the modifiers the checks ask for."""
    try:
        from dermcharge.checks.shipped_tables import default_tables
    except ImportError:
        return curated_derm_ptp()
    pairs = default_tables(on).pairs
    return pairs if isinstance(pairs, PtpTable) else curated_derm_ptp()


def _procedure_value(on: date) -> Callable[[str], Decimal | None]:
    """The PFS work RVU by code from the fee schedule in force (the imported PPRRVU file), which
    ranks the procedures for modifier 51: the highest-valued goes without it (R-MOD-51; CMS
    Claims Processing Manual ch. 12 §40.6, multiple procedures ranked by value). None where the
    file is not loaded (the curated table carries no RVUs): then claim order, with a finding."""

    tables: list[Any] = []  # looked up once, and only when a payer wants 51

    def value(code: str) -> Decimal | None:
        if not tables:
            from dermcharge.codesets.cms.active import active_tables

            tables.append(active_tables(on).rvu)
        row = tables[0].get(code)
        work = row.work_rvu if row is not None else None
        return Decimal(str(work)) if work is not None else None

    return value


def _release_findings(on: date) -> list[Finding]:
    """Say which ICD-10-CM release coded the visit when it is not the one in force (HIPAA: the
    code set valid on the date of service)."""
    from dermcharge.codesets.icd10.releases import release_status

    status = release_status(on)
    if status.message is None:
        return []
    return [
        Finding(
            Severity.WARNING,
            "code_set_version",
            status.message,
            source="45 CFR 162.1002 (code set valid on the date of service); CDC "
            "ICD-10-CM releases take effect October 1",
            action="Import the ICD-10-CM release in force",
        )
    ]


def _with_lines(finding: Finding, lines: Sequence[ClaimLine]) -> Finding:
    """Fill a finding's 1-based claim line numbers from the procedures it concerns."""
    if finding.lines or not finding.procedures:
        return finding
    numbers = tuple(
        n for n, line in enumerate(lines, start=1) if set(finding.procedures) & set(line.procedures)
    )
    return Finding(
        finding.severity,
        finding.check,
        finding.message,
        numbers,
        finding.procedures,
        finding.source,
        finding.action,
    )


def _checked(visit: Visit, claim: CodedClaim, catalog: Icd10Catalog) -> CodedClaim:
    """The claim with the claim checks' findings added (dermcharge.checks), when installed."""
    try:
        from dermcharge.checks.registry import check_claim
    except ImportError:
        return claim
    return check_claim(visit, claim, catalog)


__all__ = ["RULES_VERSION", "Severity", "code_visit"]
