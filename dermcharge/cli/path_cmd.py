"""`dermcharge path pending|result`: the pending-pathology queue and entering a result."""

from __future__ import annotations

import argparse
import json
from typing import Any

from dermcharge.cli.errors import record_id
from dermcharge.cli.visits_cmd import command_database
from dermcharge.domain.pathology_records import PendingPathology
from dermcharge.services import pathology, pathology_settings
from dermcharge.services.acting_user import default_actor


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("path", help="pathology: the pending queue, entering results")
    actions = parser.add_subparsers(dest="path_command", metavar="ACTION", required=True)

    pending = actions.add_parser(
        "pending", parents=[common], help="procedures whose pathology result is awaited"
    )
    pending.add_argument("--json", action="store_true", help="print JSON")
    pending.set_defaults(handler=run_pending)

    result = actions.add_parser(
        "result", parents=[common], help="enter a pathology result; recodes the visit"
    )
    result.add_argument("visit_id", type=record_id, metavar="VISIT_ID")
    result.add_argument("procedure_index", type=_index, metavar="PROCEDURE_INDEX")
    result.add_argument("--icd10", required=True, metavar="CODE", help="the diagnosis (ICD-10-CM)")
    result.add_argument("--margins", choices=pathology.MARGINS, help="margins involved or clear")
    result.add_argument("--note", default="", metavar="TEXT", help="free-text summary")
    result.set_defaults(handler=run_result)


def _index(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a procedure index (0 for the first procedure)"
        ) from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{value} is not a procedure index (0 or more)")
    return value


def _side(row: PendingPathology) -> str:
    return f"{row.site or ''}{f' ({row.laterality})' if row.laterality else ''}"


def pending_json(row: PendingPathology, overdue_days: int) -> dict[str, Any]:
    return {
        "visit_id": row.visit_id,
        "procedure_index": row.procedure_index,
        "patient": row.patient,
        "account_number": row.account_number,
        "kind": row.kind,
        "site": row.site,
        "laterality": row.laterality,
        "date_of_service": row.date_of_service.isoformat(),
        "days_waiting": row.days_waiting,
        "overdue": row.days_waiting > overdue_days,
        "provider": row.provider,
        "status": row.status,
        "lesion_id": row.lesion_id,
        "lesion": row.lesion,
        "accession": row.accession,
    }


def run_pending(args: argparse.Namespace) -> int:
    with command_database(args.db) as db:
        rows = pathology.pending_pathology(db)
        overdue = pathology_settings.overdue_days(db)
    if args.json:
        print(json.dumps([pending_json(r, overdue) for r in rows], indent=2, ensure_ascii=False))
        return 0
    if not rows:
        print("No pathology pending.")
        return 0
    print(f"{'visit':>6} {'proc':>4}  {'patient':<24} {'account':<10} {'site':<22} "
          f"{'date':<10} {'days':>4}")  # fmt: skip
    for r in rows:
        flag = "  OVERDUE" if r.days_waiting > overdue else ""
        print(
            f"{r.visit_id:>6} {r.procedure_index:>4}  {r.patient[:24]:<24} "
            f"{r.account_number[:10]:<10} {_side(r)[:22]:<22} {r.date_of_service.isoformat()} "
            f"{r.days_waiting:>4}{flag}"
        )
    return 0


def run_result(args: argparse.Namespace) -> int:
    with command_database(args.db) as db:
        outcome = pathology.enter_result(
            db,
            args.visit_id,
            args.procedure_index,
            icd10=args.icd10,
            margins=args.margins,
            note=args.note,
            actor=default_actor(),
        )
    was = outcome.previous_diagnosis or "no diagnosis"
    also = outcome.updated_procedures[1:]
    print(
        f"Visit {args.visit_id}, procedure {args.procedure_index}: {was} -> {outcome.icd10}"
        + (f" (also procedures {', '.join(map(str, also))})" if also else "")
    )
    claim = outcome.visit.claim
    if claim is not None:
        codes = " ".join(
            line.cpt + "".join(f"-{m}" for m in line.modifiers) for line in claim.lines
        )
        print(f"Recoded: {codes}; diagnoses {' '.join(claim.diagnoses)}")
    if outcome.was_billed:
        print("The claim was already exported: amended, a corrected claim is needed after the "
              "provider re-signs.")  # fmt: skip
    elif outcome.amended:
        print("The visit was signed: amended, it goes back to the provider to re-sign.")
    if outcome.next_step:
        print(f"Next step: {outcome.next_step}")
    return 0
