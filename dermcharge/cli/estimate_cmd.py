"""`dermcharge estimate`: a patient estimate (a Good Faith Estimate for self-pay) as a PDF.

    dermcharge estimate VISIT.json -o OUT.pdf            # the visit as planned, coded first
    dermcharge estimate --codes 15788 11102x2 --payer self_pay --patient-name "Ada Okafor" \\
        --dob 1951-03-14 [--date 2026-12-10] [--provider NPI] [--account A-1001] -o OUT.pdf

With --account the estimate is kept with that patient (audited). A Good Faith Estimate that
lacks a required part (a price, the patient's date of birth, an NPI or TIN) is refused with
exit 2 naming each; nothing is written.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from dermcharge.cli.errors import EXIT_USAGE, CliError
from dermcharge.cli.output_path import write_output
from dermcharge.cli.visit_input import read_json
from dermcharge.cli.visits_cmd import command_database
from dermcharge.reports.estimates import estimate_problems
from dermcharge.services import estimates
from dermcharge.services.acting_user import default_actor
from dermcharge.services.errors import InvalidRecord


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "estimate", parents=[common], help="a patient estimate or Good Faith Estimate as a PDF"
    )
    parser.add_argument("visit", nargs="?", default=None, metavar="VISIT.json")
    parser.add_argument("--codes", nargs="+", default=None, metavar="CODE[xUNITS]")
    parser.add_argument("--payer", default=None, help="medicare, medicaid, commercial, self_pay")
    parser.add_argument("--patient-name", default="", metavar="NAME")
    parser.add_argument("--dob", default=None, metavar="YYYY-MM-DD")
    parser.add_argument("--date", default=None, metavar="YYYY-MM-DD", help="expected date")
    parser.add_argument("--provider", default=None, metavar="NPI")
    parser.add_argument("--account", default=None, help="keep it with this patient")
    parser.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    parser.add_argument("--force", action="store_true", help="replace an existing file")
    parser.set_defaults(handler=run_estimate)


def _day(option: str, text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CliError(f"{option}: {text!r} must be a date YYYY-MM-DD") from None


def _from_visit(source: str) -> tuple[list[estimates.PlannedLine], dict[str, Any]]:
    from dermcharge.coding.claim_json import claim_to_json
    from dermcharge.coding.engine import code_visit
    from dermcharge.coding.visit_json import InvalidVisit, parse_visit

    data = read_json(source)
    try:
        visit = parse_visit(data)
    except InvalidVisit as invalid:
        raise CliError(invalid.problems) from None
    return estimates.planned_from_claim(claim_to_json(code_visit(visit))), data


def run_estimate(args: argparse.Namespace) -> int:
    if (args.visit is None) == (args.codes is None):
        raise CliError("give a VISIT.json or --codes (one of them)")
    dob = _day("--dob", args.dob)
    expected = _day("--date", args.date)
    name, payer, provider = args.patient_name, args.payer, args.provider
    if args.visit is not None:
        planned, data = _from_visit(args.visit)
        patient = data.get("patient") or {}
        name = name or f"{patient.get('first_name', '')} {patient.get('last_name', '')}".strip()
        dob = dob or _day("patient.dob", patient.get("dob"))
        payer = payer or data.get("payer", "commercial")
        expected = expected or _day("date_of_service", data.get("date_of_service"))
        provider = provider or (data.get("provider") or {}).get("npi")
    else:
        try:
            planned = estimates.parse_codes(args.codes)
        except InvalidRecord as invalid:
            raise CliError(invalid.problems) from None
    request = estimates.EstimateFor(
        payer=payer or "self_pay",
        patient_name=name,
        patient_dob=dob,
        expected_date=expected,
        provider_npi=provider,
        account_number=args.account,
    )
    with command_database(args.db) as db:
        estimate = estimates.make_estimate(db, planned, request)
        if problems := estimate_problems(estimate):
            raise CliError(
                [f"the Good Faith Estimate is incomplete: {p}" for p in problems], EXIT_USAGE
            )
        pdf = estimates.estimate_pdf_bytes(db, estimate)
        path = write_output(args.output, pdf, force=args.force, db_option=args.db)
        if args.account:
            kept = estimates.keep_with_patient(
                db, args.account, estimate, pdf, actor=default_actor()
            )
            print(f"kept with patient {args.account} as estimate {kept}")
    kind = "Good Faith Estimate" if estimate.good_faith else "estimate"
    print(f"wrote the {kind} ({estimate.total:.2f} total) to {path}")
    return 0
