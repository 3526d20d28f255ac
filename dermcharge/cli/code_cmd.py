"""`dermcharge code VISIT.json|-`: the headless coding contract (../shared/contract/coding-api.md)."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from typing import Any

from dermcharge.cli.errors import CliError
from dermcharge.cli.visit_input import read_json
from dermcharge.coding.claim_json import claim_to_json
from dermcharge.coding.engine import code_visit, default_catalog
from dermcharge.coding.visit_json import InvalidVisit, parse_visit, unknown_fields
from dermcharge.domain.claim import CodedClaim, Finding, Severity
from dermcharge.domain.visit import Visit


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "code",
        parents=[common],
        help="code a visit JSON into claim lines (prints JSON)",
        description="Code a visit (contract JSON) and print the coded claim as JSON. "
        "Invalid input exits 2 with one line per problem on standard error.",
    )
    parser.add_argument("visit", metavar="VISIT.json", help="the visit file, or - for stdin")
    parser.add_argument(
        "--save",
        action="store_true",
        help="also store the visit (needs a visit record with patient/provider; "
        "same as `dermcharge visits import`)",
    )
    parser.set_defaults(handler=run)


def load_and_code(source: str) -> tuple[Any, Visit, CodedClaim]:
    data = read_json(source)
    try:
        visit = parse_visit(data, catalog_for=default_catalog)
    except InvalidVisit as invalid:
        raise CliError(invalid.problems) from None
    claim = code_visit(visit)
    ignored = unknown_fields(data)
    if ignored:
        claim = replace(
            claim,
            findings=(
                *claim.findings,
                Finding(
                    Severity.WARNING,
                    "input",
                    f"Fields not in the coding contract were ignored: {', '.join(ignored)} — "
                    "check their spelling (a misspelt flag changes the coding)",
                    source="../shared/contract/coding-api.md",
                    action="Correct the field names",
                ),
            ),
        )
    return data, visit, claim


def run(args: argparse.Namespace) -> int:
    data, _visit, claim = load_and_code(args.visit)
    if args.save:
        from dermcharge.services.visits import import_visit_record_json

        visit_id = import_visit_record_json(data, db_url=args.db)
        print(f"saved as visit {visit_id}", file=sys.stderr)
    json.dump(claim_to_json(claim), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0
