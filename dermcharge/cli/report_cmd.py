"""`dermcharge report day|productivity|risk|payers`: the practice's reports from the command line.

    dermcharge report day --from 2026-11-01 --to 2026-11-30 [--provider NPI|ID] [--json|--csv|--pdf OUT]
    dermcharge report productivity --from D --to D [--by day|week|month] [--group provider|family]

Text by default; --json and --csv print to standard output; --pdf writes the report with its
chart. Billers and admins see every provider, a provider signed in their own.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from datetime import date
from decimal import Decimal
from typing import Any

from dermcharge.cli.errors import EXIT_USAGE, CliError
from dermcharge.cli.output_path import write_output
from dermcharge.cli.visits_cmd import command_database
from dermcharge.reports.periods import PERIODS
from dermcharge.reports.productivity import GROUPS
from dermcharge.reports.report_tables import ReportTable
from dermcharge.services import reports
from dermcharge.services.cli_access import cli_user
from dermcharge.services.reports import REPORTS, ReportRefused


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "report",
        parents=[common],
        help="day reconciliation, productivity, risk and payer mix for a range of dates",
    )
    parser.add_argument("kind", choices=REPORTS, help="which report")
    parser.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD")
    parser.add_argument("--to", dest="end", required=True, metavar="YYYY-MM-DD")
    parser.add_argument("--provider", default=None, metavar="NPI|ID", help="one provider only")
    parser.add_argument("--by", choices=PERIODS, default="month", help="productivity periods")
    parser.add_argument("--group", choices=GROUPS, default="provider", help="productivity rows")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print JSON")
    output.add_argument("--csv", action="store_true", help="print CSV")
    output.add_argument("--pdf", metavar="OUT", default=None, help="write a PDF with the chart")
    parser.add_argument("--force", action="store_true", help="replace an existing --pdf file")
    parser.set_defaults(handler=run_report)


def _day(option: str, text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CliError(f"{option}: {text!r} must be a date YYYY-MM-DD") from None


def run_report(args: argparse.Namespace) -> int:
    start, end = _day("--from", args.start), _day("--to", args.end)
    with command_database(args.db) as db:
        provider_id = None
        if args.provider is not None:
            provider_id = reports.provider_id_of(db, args.provider)
            if provider_id is None:
                raise CliError(f"--provider: no provider {args.provider!r} (give an NPI or an id)")
        try:
            scope = reports.scope_for(db, cli_user(db), start, end, provider_id)
            table = reports.report_table(db, args.kind, scope, period=args.by, group=args.group)
        except ReportRefused as refused:
            raise CliError(str(refused), EXIT_USAGE) from None
        if args.pdf:
            path = write_output(
                args.pdf, reports.report_pdf_bytes(db, table), force=args.force, db_option=args.db
            )
            print(f"wrote {table.title} to {path}")
            return 0
    if args.json:
        print(json.dumps(_json(table), indent=2, default=_plain))
    elif args.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(table.columns)
        writer.writerows([[_plain(cell) for cell in row] for row in table.rows])
    else:
        _print_text(table)
    return 0


def _plain(value: object) -> object:
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    return "" if value is None else value


def _json(table: ReportTable) -> dict[str, object]:
    rows = table.as_dicts()
    for row, visits in zip(rows, table.visit_ids or [None] * len(rows), strict=True):
        if visits is not None:
            row["visit_ids"] = list(visits)  # type: ignore[assignment]
    return {"title": table.title, "rows": rows, "notes": list(table.notes)}


def _print_text(table: ReportTable) -> None:
    cells = [list(table.columns)] + [[str(_plain(c)) for c in row] for row in table.rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(table.columns))]
    print(table.title)
    for row in cells:
        print("  ".join(text.ljust(width) for text, width in zip(row, widths, strict=True)))
    if not table.rows:
        print("(no visits in this range)")
    for note in table.notes:
        print(note)
