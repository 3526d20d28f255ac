"""`dermcharge fees import FILE.csv --payer NAME|default [--from DATE]`, `fees from-medicare
--percent P --payer NAME|default [--from DATE] [--conversion-factor CF]` and `fees list`.

The CSV's header is `code,modifier,fee`; a blank modifier is the code's plain fee. The imported
schedule applies from --from (default today); the payer's schedule before it ends the day before.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from dermcharge.cli.errors import CliError
from dermcharge.cli.setup_access import acting_user, parse_date, print_json, refusals
from dermcharge.cli.visits_cmd import command_database
from dermcharge.services import fee_setup
from dermcharge.services.fee_setup import StoredFee


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("fees", help="import or list fee schedules (admin)")
    actions = parser.add_subparsers(dest="fees_command", metavar="ACTION", required=True)

    imports = actions.add_parser("import", parents=[common], help="import a CSV fee schedule")
    imports.add_argument("file", metavar="FILE.csv", type=Path)
    imports.add_argument("--payer", required=True, help="a payer's name, or default")
    imports.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="default: today")
    imports.set_defaults(handler=run_import)

    medicare = actions.add_parser(
        "from-medicare",
        parents=[common],
        help="a schedule at a percentage of Medicare's national amounts (PFS RVU file)",
    )
    medicare.add_argument("--percent", required=True, help="e.g. 150 for 150 %% of Medicare")
    medicare.add_argument("--payer", required=True, help="a payer's name, or default")
    medicare.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="default: today")
    medicare.add_argument(
        "--conversion-factor", help="the year's PFS conversion factor (default: the RVU file's)"
    )
    medicare.set_defaults(handler=run_from_medicare)

    listing = actions.add_parser("list", parents=[common], help="the stored fees")
    listing.add_argument("--payer", help="a payer's name, or default")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=run_list)


def _payer_label(fee: StoredFee) -> str:
    return fee.payer_name or (fee_setup.DEFAULT_SCHEDULE if fee.payer == "any" else fee.payer)


def describe(fee: StoredFee) -> dict[str, Any]:
    return {
        "payer": _payer_label(fee),
        "type": fee.payer,
        "effective_from": fee.effective_from.isoformat(),
        "effective_to": None if fee.effective_to is None else fee.effective_to.isoformat(),
        "code": fee.code,
        "modifier": fee.modifier,
        "fee": str(fee.amount),
    }


def run_import(args: argparse.Namespace) -> int:
    start = parse_date("--from", args.start) if args.start else None
    try:
        text = args.file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise CliError(f"{args.file}: is not a UTF-8 text file") from None
    with command_database(args.db) as db, refusals():
        schedule_id = fee_setup.import_fee_csv(
            db,
            text,
            payer=args.payer,
            effective_from=start or db.clock().date(),
            by=acting_user(db),
            source=f"imported from {args.file.name}",
        )
        count = sum(1 for fee in fee_setup.stored_fees(db) if fee.schedule_id == schedule_id)
    print(f"imported {count} fees for {args.payer.strip()} (schedule {schedule_id})")
    return 0


def run_from_medicare(args: argparse.Namespace) -> int:
    start = parse_date("--from", args.start) if args.start else None
    with command_database(args.db) as db, refusals():
        schedule_id = fee_setup.import_percent_of_medicare(
            db,
            percent=args.percent,
            payer=args.payer,
            effective_from=start or db.clock().date(),
            by=acting_user(db),
            conversion_factor=args.conversion_factor,
        )
        count = sum(1 for fee in fee_setup.stored_fees(db) if fee.schedule_id == schedule_id)
    print(f"priced {count} codes at {args.percent.strip()}% of Medicare for {args.payer.strip()}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    with command_database(args.db) as db, refusals():
        acting_user(db)
        fees = fee_setup.stored_fees(db, payer=args.payer)
    if args.json:
        print_json([describe(fee) for fee in fees])
        return 0
    if not fees:
        print("no fees stored: dermcharge fees import FILE.csv --payer NAME|default")
    for fee in fees:
        until = f"–{fee.effective_to.isoformat()}" if fee.effective_to else "–"
        period = f"{fee.effective_from.isoformat()}{until}"
        print(f"{_payer_label(fee):<28} {period:<23} {fee.code} {fee.modifier:<2} {fee.amount:>9}")
    return 0
