"""The contract's claim JSON (../shared/contract/coding-api.md "Output") to and from CodedClaim."""

from __future__ import annotations

from typing import Any

from dermcharge.domain.claim import ClaimLine, CodedClaim, Finding, NotBilled, Severity


def _line_to_json(line: ClaimLine) -> dict[str, Any]:
    return {
        "cpt": line.cpt,
        "units": line.units,
        "modifiers": list(line.modifiers),
        "diagnoses": list(line.diagnoses),
        "description": line.description,
        "why": line.why,
        "procedures": [p for p in line.procedures if p is not None],
        "em": None in line.procedures,
    }


def _line_from_json(line: dict[str, Any]) -> ClaimLine:
    return ClaimLine(
        cpt=str(line["cpt"]),
        units=int(line["units"]),
        modifiers=tuple(line.get("modifiers", ())),
        diagnoses=tuple(line.get("diagnoses", ())),
        description=str(line.get("description", "")),
        why=str(line.get("why", "")),
        procedures=(
            ((None,) if line.get("em") else ()) + tuple(int(p) for p in line.get("procedures", ()))
        ),
    )


def claim_to_json(claim: CodedClaim) -> dict[str, Any]:
    out = _claim_to_json(claim)
    # dermcharge's extension: cosmetic services the patient pays, never on the claim.
    out["self_pay"] = [_line_to_json(line) for line in claim.self_pay]
    return out


def _claim_to_json(claim: CodedClaim) -> dict[str, Any]:
    return {
        "lines": [_line_to_json(line) for line in claim.lines],
        "diagnoses": list(claim.diagnoses),
        "not_billed": [
            {
                "cpt": nb.cpt,
                "why": nb.why,
                "procedures": [p for p in nb.procedures if p is not None],
            }
            for nb in claim.not_billed
        ],
        "findings": [
            {
                "severity": str(f.severity),
                "check": f.check,
                "lines": list(f.lines),
                "message": f.message,
                "procedures": list(f.procedures),
                "source": f.source,
                "action": f.action,
            }
            for f in claim.findings
        ],
        "clean": claim.is_clean,
        "code_sets": dict(claim.code_sets),
    }


def claim_from_json(data: dict[str, Any]) -> CodedClaim:
    lines = tuple(_line_from_json(line) for line in data.get("lines", ()))
    return CodedClaim(
        lines=lines,
        diagnoses=tuple(data.get("diagnoses", ())),
        not_billed=tuple(
            NotBilled(
                str(nb["cpt"]),
                str(nb.get("why", "")),
                tuple(int(p) for p in nb.get("procedures", ())),
            )
            for nb in data.get("not_billed", ())
        ),
        findings=tuple(
            Finding(
                Severity(f["severity"]),
                str(f["check"]),
                str(f["message"]),
                tuple(f.get("lines", ())),
                tuple(f.get("procedures", ())),
                str(f.get("source", "")),
                str(f.get("action", "")),
            )
            for f in data.get("findings", ())
        ),
        code_sets=dict(data.get("code_sets", {})),
        self_pay=tuple(_line_from_json(line) for line in data.get("self_pay", ())),
    )
