"""`dermcharge claims queue|export|batches|payer-claim-number`: the biller's command line.

Exit codes (coding-api.md, "Claims out"): 0 done; 1 refused — an unsigned visit, one already
exported (without --again), one missing a field the format needs, a file that may not be
written — with nothing written and nothing marked exported; 2 a malformed command line.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from dermcharge.claims_out.requirements import FORMATS
from dermcharge.cli.errors import EXIT_FAILURE, CliError, record_id
from dermcharge.cli.visits_cmd import command_database, parse_day
from dermcharge.security.accounts import User
from dermcharge.security.errors import AccessDenied, LoginFailed
from dermcharge.security.roles import Action
from dermcharge.services import billing
from dermcharge.services.cli_access import cli_user
from dermcharge.services.database import resolve_database_url
from dermcharge.services.output_files import OutputRefused
from dermcharge.storage.database import Database


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("claims", help="bill signed visits: queue, export, batches")
    actions = parser.add_subparsers(dest="claims_command", metavar="ACTION", required=True)

    queue = actions.add_parser("queue", parents=[common], help="signed visits not yet exported")
    queue.add_argument("--date", metavar="YYYY-MM-DD", help="only this date of service")
    queue.add_argument("--json", action="store_true", help="print JSON")
    queue.set_defaults(handler=run_queue)

    export = actions.add_parser(
        "export", parents=[common], help="write claims to a file; prints the batch id last"
    )
    export.add_argument("--format", required=True, choices=FORMATS)
    chosen = export.add_mutually_exclusive_group(required=True)
    chosen.add_argument("--visit", nargs="+", type=record_id, metavar="ID", help="these visits")
    chosen.add_argument("--date", metavar="YYYY-MM-DD", help="the ready visits of this day")
    chosen.add_argument("--queue", action="store_true", help="every visit ready to bill")
    export.add_argument("-o", "--output", required=True, metavar="PATH")
    export.add_argument("--again", action="store_true", help="export visits already exported")
    export.add_argument("--void", action="store_true", help="837P: void the claims (frequency 8)")
    export.add_argument("--force", action="store_true", help="replace an existing file")
    export.add_argument(
        "--form",
        choices=("full", "red"),
        default="full",
        help="cms1500: the form drawn with the data (full) or data only for red forms",
    )
    export.set_defaults(handler=run_export)

    batches = actions.add_parser("batches", parents=[common], help="the history of exports")
    batches.add_argument("--json", action="store_true", help="print JSON")
    batches.set_defaults(handler=run_batches)

    number = actions.add_parser(
        "payer-claim-number",
        parents=[common],
        help="record the payer's claim number (ICN) of a visit's last export",
    )
    number.add_argument("visit_id", type=record_id, metavar="ID")
    number.add_argument("number")
    number.set_defaults(handler=run_payer_claim_number)


def _biller(db: Database) -> User:
    try:
        return cli_user(db)
    except LoginFailed as refused:
        raise CliError(str(refused), EXIT_FAILURE) from None


def _may_see_records(db: Database) -> None:
    """The queue and the batch history name patients: only roles that open records see them."""
    try:
        _biller(db).require(Action.VIEW_RECORDS)
    except AccessDenied as refused:
        raise CliError(str(refused), EXIT_FAILURE) from None


def _money(value: Any) -> str | None:
    return None if value is None else f"{value:.2f}"


def run_queue(args: argparse.Namespace) -> int:
    day = parse_day(args.date) if args.date else None
    with command_database(args.db) as db:
        _may_see_records(db)
        items = billing.billing_queue(db, on=day)
    if args.json:
        rows = [
            {
                "id": item.visit_id,
                "date_of_service": item.date_of_service.isoformat(),
                "patient": item.patient,
                "account_number": item.account_number,
                "provider": item.provider,
                "payer": item.payer,
                "total": _money(item.total),
                "status": item.status,
            }
            for item in items
        ]
        json.dump(rows, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    if not items:
        print("no visits ready to bill")
        return 0
    print(f"{'ID':>6}  {'DATE':<10}  {'PATIENT':<26} {'PAYER':<22} {'TOTAL':>9}  STATUS")
    for item in items:
        total = _money(item.total) or "no fee"
        print(
            f"{item.visit_id:>6}  {item.date_of_service.isoformat()}  {item.patient[:26]:<26} "
            f"{item.payer[:22]:<22} {total:>9}  {item.status}"
        )
    return 0


def run_export(args: argparse.Namespace) -> int:
    day = parse_day(args.date) if args.date else None
    path = Path(args.output)
    with command_database(args.db) as db:
        try:
            result = billing.export_claims(
                db,
                format=args.format,
                path=path,
                by=_biller(db),
                visit_ids=args.visit or (),
                on=day,
                queue=args.queue,
                again=args.again,
                void=args.void,
                force=args.force,
                database_url=resolve_database_url(args.db),
                form_mode=args.form,
            )
        except billing.ExportRefused as refused:
            raise CliError(
                [*refused.problems, "nothing was written and no visit was marked exported"],
                EXIT_FAILURE,
            ) from None
        except (AccessDenied, OutputRefused) as refused:
            raise CliError(str(refused), EXIT_FAILURE) from None
    for visit_id in result.visit_ids:
        print(f"exported visit {visit_id} (claim frequency {result.frequencies[visit_id]})")
    print(
        f"{len(result.visit_ids)} claim(s), total {result.total:.2f}, {result.format} → "
        f"{result.path}"
    )
    print(result.batch_id)
    return 0


def run_batches(args: argparse.Namespace) -> int:
    with command_database(args.db) as db:
        _may_see_records(db)
        batches = billing.list_batches(db)
    if args.json:
        rows = [
            {
                "id": batch.id,
                "created_at": batch.created_at.isoformat(),
                "created_by": batch.created_by,
                "format": batch.format,
                "file": batch.file_name,
                "interchange_control": batch.interchange_control,
                "visits": list(batch.visit_ids),
                "total": _money(batch.total_charge),
                "again": batch.again,
            }
            for batch in batches
        ]
        json.dump(rows, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    if not batches:
        print("no exports yet")
        return 0
    for batch in batches:
        visits = " ".join(str(v) for v in batch.visit_ids)
        print(
            f"{batch.id:>5}  {batch.created_at:%Y-%m-%d %H:%M}  {batch.created_by:<16} "
            f"{batch.format:<7} {batch.total_charge:>9.2f}  visits {visits}  {batch.file_name}"
        )
    return 0


def run_payer_claim_number(args: argparse.Namespace) -> int:
    with command_database(args.db) as db:
        try:
            billing.set_payer_claim_number(db, args.visit_id, args.number, by=_biller(db))
        except AccessDenied as refused:
            raise CliError(str(refused), EXIT_FAILURE) from None
    print(f"visit {args.visit_id}: payer claim number {args.number} recorded")
    return 0
