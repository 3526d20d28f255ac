"""`dermcharge superbill`: print a superbill PDF from a visit file, a stored visit, or a day."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from dermcharge.cli.errors import EXIT_FAILURE, CliError, record_id
from dermcharge.fees.schedule import FeeSchedule

HELP = "print a superbill PDF from a visit file, a stored visit (--visit) or a day (--date)"


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "superbill",
        parents=[common],
        help=HELP,
        description=(
            "Print superbills as PDF. VISIT.json is a visit record (the coding input plus optional "
            "patient, insurance, provider and practice blocks; absent blocks print the demo "
            "practice and a placeholder patient). --visit and --date read the database."
        ),
    )
    parser.add_argument("visit_file", nargs="?", metavar="VISIT.json", help="visit record, or -")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--visit", type=record_id, metavar="ID", help="a stored visit's id")
    source.add_argument("--date", metavar="YYYY-MM-DD", help="every stored visit of the day")
    parser.add_argument("-o", "--output", required=True, metavar="OUT.pdf", help="PDF to write")
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace OUT.pdf if it exists (never the database or its backups)",
    )
    parser.add_argument(
        "--fees",
        metavar="FEES.json",
        help="the practice's fee schedule (default: the demo schedule of example fees)",
    )
    parser.add_argument(
        "--collected", metavar="AMOUNT", default="0", help="amount collected at the visit"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    sources = [args.visit_file is not None, args.visit is not None, args.date is not None]
    if sum(sources) != 1:
        raise CliError("give exactly one of VISIT.json, --visit ID or --date YYYY-MM-DD")
    fee_schedules = _fee_schedules(args.fees)
    if args.visit_file is not None:
        pdf = _from_file(args.visit_file, fee_schedules, _amount(args.collected))
        count = 1
    else:
        pdf, count = _from_database(args, fee_schedules)
    _write(args.output, pdf, force=args.force, db_option=args.db)
    if args.output != "-":
        print(f"wrote {count} superbill{'s' if count != 1 else ''} to {args.output}")
    return 0


def _amount(text: str) -> Decimal:
    try:
        amount = Decimal(text)
    except InvalidOperation:
        amount = Decimal("NaN")
    if not amount.is_finite() or amount < 0:
        raise CliError(f"--collected: {text!r} must be an amount of 0 or more, e.g. 40.00")
    return amount.quantize(Decimal("0.01"))


def _fee_schedules(path: str | None) -> list[FeeSchedule] | None:
    if path is None:
        return None  # the builder's default: the demo schedule
    from dermcharge.fees.schedule_json import InvalidFeeSchedule, load_fee_schedule

    try:
        return [load_fee_schedule(Path(path))]
    except InvalidFeeSchedule as error:
        raise CliError([f"--fees {p}" for p in error.problems]) from error


def _from_file(name: str, fee_schedules: list[FeeSchedule] | None, collected: Decimal) -> bytes:
    from dermcharge.cli.visit_input import read_json
    from dermcharge.coding.engine import code_visit, default_catalog
    from dermcharge.coding.visit_json import InvalidVisit
    from dermcharge.services.superbill_print import build_superbill_record, superbill_pdf
    from dermcharge.services.visit_record_input import parse_visit_record

    data = read_json(name)
    try:
        record = parse_visit_record(data, catalog_for=default_catalog)
    except InvalidVisit as error:
        raise CliError(error.problems) from error
    claim = code_visit(record.visit)
    superbill = build_superbill_record(
        record, claim, fee_schedules=fee_schedules, amount_collected=collected
    )
    return superbill_pdf(superbill, printed_at=datetime.now(UTC))


def _from_database(
    args: argparse.Namespace, fee_schedules: list[FeeSchedule] | None
) -> tuple[bytes, int]:
    from dermcharge.cli.visits_cmd import command_database, parse_day
    from dermcharge.services import superbill_print

    day = parse_day(args.date) if args.date is not None else None
    totals: list[int] = [0]
    with command_database(args.db) as db:
        if day is None:
            return superbill_print.stored_visit_pdf(db, args.visit, fee_schedules=fee_schedules), 1
        pdf = superbill_print.day_superbills_pdf(
            db, day, fee_schedules=fee_schedules, progress=lambda _, total: totals.append(total)
        )
    if pdf is None:
        raise CliError(f"no visits on {day.isoformat()}; nothing written", EXIT_FAILURE)
    return pdf, totals[-1]


def _write(output: str, pdf: bytes, *, force: bool, db_option: str | None) -> None:
    """Write the whole PDF or nothing, never over the database (see services.output_files)."""
    if output == "-":
        sys.stdout.buffer.write(pdf)
        sys.stdout.buffer.flush()
        return
    from dermcharge.cli.output_path import write_output

    write_output(output, pdf, force=force, db_option=db_option)
