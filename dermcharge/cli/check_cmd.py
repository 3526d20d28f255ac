"""`dermcharge check VISIT.json|-`: code a visit and print the claim checks' findings for a person.

Exit 0 when the claim is clean (no error findings), 1 when errors remain, 2 for invalid input
(the same validation messages as `dermcharge code`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from dermcharge.checks.registry import READABLE, Verdict, verdict
from dermcharge.cli.code_cmd import load_and_code
from dermcharge.cli.errors import EXIT_FAILURE, EXIT_OK
from dermcharge.domain.claim import CodedClaim, Finding, Severity
from dermcharge.domain.visit import Visit

HEADINGS = (
    (Severity.ERROR, "ERRORS: fix before the claim goes"),
    (Severity.WARNING, "WARNINGS: a person decides"),
    (Severity.INFO, "NOTES"),
)
MARKS = {Severity.ERROR: "x", Severity.WARNING: "!", Severity.INFO: "i"}


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "check",
        parents=[common],
        help="code a visit and list what would get its claim denied",
        description="Code a visit (contract JSON) and print the claim checks' findings, grouped "
        "by severity, with the verdict. Exit 0 when clean, 1 when errors remain, 2 for invalid "
        "input.",
    )
    parser.add_argument("visit", metavar="VISIT.json", help="the visit file, or - for stdin")
    parser.add_argument(
        "--json", action="store_true", help="print the findings and verdict as JSON instead"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    _data, visit, claim = load_and_code(args.visit)
    result = verdict(claim.findings)
    if args.json:
        json.dump(report_json(claim, result), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        write_report(sys.stdout, visit, claim, result)
    return EXIT_OK if result.clean else EXIT_FAILURE


def write_report(out: TextIO, visit: Visit, claim: CodedClaim, result: Verdict) -> None:
    release = claim.code_sets.get("icd10cm", "")
    out.write(
        f"Visit of {visit.date_of_service} · {visit.payer.value} · "
        f"{len(claim.lines)} claim line(s){f' · {release}' if release else ''}\n"
    )
    for number, line in enumerate(claim.lines, 1):
        modifiers = "-".join(line.modifiers)
        out.write(
            f"  {number:>2}  {line.cpt:<6}x{line.units:<3} {modifiers:<12} "
            f"{', '.join(line.diagnoses)}\n"
        )
    for severity, heading in HEADINGS:
        group = [f for f in claim.findings if f.severity is severity]
        if not group:
            continue
        out.write(f"\n{heading} ({len(group)})\n")
        for finding in group:
            out.write(_finding_text(finding))
    out.write(f"\nVerdict: {result.summary}\n")


def _finding_text(finding: Finding) -> str:
    area = READABLE.get(finding.check, finding.check.replace("_", " "))
    # Messages that already start with their line reference are not given a second one.
    where = "" if finding.message.startswith(("Line ", "Lines ")) else _where(finding.lines)
    text = f"  {MARKS[finding.severity]} [{area}]{where} {finding.message}\n"
    if finding.action:
        text += f"      What to do: {finding.action}\n"
    if finding.source:
        text += f"      Source: {finding.source}\n"
    return text


def _where(lines: Sequence[int]) -> str:
    if not lines:
        return ""
    return f" line {lines[0]}:" if len(lines) == 1 else f" lines {', '.join(map(str, lines))}:"


def report_json(claim: CodedClaim, result: Verdict) -> dict[str, Any]:
    return {
        "verdict": {"clean": result.clean, "summary": result.summary},
        "findings": [
            {
                "severity": f.severity.value,
                "check": f.check,
                "lines": list(f.lines),
                "procedures": list(f.procedures),
                "message": f.message,
                "source": f.source,
                "action": f.action,
            }
            for f in claim.findings
        ],
    }
