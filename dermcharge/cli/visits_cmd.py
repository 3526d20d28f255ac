"""`dermcharge visits list|show|import|sign|export`: stored visits from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from dermcharge.cli.errors import EXIT_FAILURE, EXIT_USAGE, CliError, record_id
from dermcharge.cli.visit_input import read_json
from dermcharge.domain.stored import ClaimLineSummary, StoredVisit, VisitSummary
from dermcharge.services import record_access, visit_export, visits
from dermcharge.services.acting_user import default_actor
from dermcharge.services.database import Database, open_app_database
from dermcharge.services.errors import (
    DatabaseNotEmpty,
    IllegalTransition,
    InvalidRecord,
    NotFound,
    RestoreRefused,
    StorageError,
    VisitConflict,
)

# Errors in what the user asked for (exit 2); any other storage error means the work could not
# be done (exit 1).
_USAGE_ERRORS = (NotFound, IllegalTransition, DatabaseNotEmpty, RestoreRefused, VisitConflict)


def cli_error_for(error: StorageError) -> CliError:
    if isinstance(error, InvalidRecord):
        return CliError(error.problems, EXIT_USAGE)
    return CliError(str(error), EXIT_USAGE if isinstance(error, _USAGE_ERRORS) else EXIT_FAILURE)


@contextmanager
def command_database(db_option: str | None) -> Iterator[Database]:
    """The database for one command; storage errors become one clear line and an exit code."""
    try:
        db = open_app_database(db_option)
    except StorageError as error:
        raise CliError(str(error), EXIT_FAILURE) from None
    try:
        yield db
    except StorageError as error:
        raise cli_error_for(error) from None
    finally:
        db.dispose()


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CliError(f"--date: {text!r} must be a date YYYY-MM-DD") from None


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    # --db belongs to each action: argparse lets a subparser's default overwrite a value its
    # parent parser already read, so `visits --db X list` would lose X.
    parser = subparsers.add_parser("visits", help="list, show, import or export stored visits")
    actions = parser.add_subparsers(dest="visits_command", metavar="ACTION", required=True)

    listing = actions.add_parser("list", parents=[common], help="the visits of one day")
    listing.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=run_list)

    show = actions.add_parser("show", parents=[common], help="one visit with its claim")
    show.add_argument("visit_id", type=record_id, metavar="ID")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(handler=run_show)

    importing = actions.add_parser(
        "import", parents=[common], help="store a visit record JSON; prints the new id last"
    )
    importing.add_argument("file", metavar="FILE.json", help="visit record, or - for stdin")
    importing.set_defaults(handler=run_import)

    sign = actions.add_parser(
        "sign", parents=[common], help="sign a visit as the signed-in provider ($DERMCHARGE_USER)"
    )
    sign.add_argument("visit_id", type=record_id, metavar="ID")
    sign.set_defaults(handler=run_sign)

    export = actions.add_parser("export", parents=[common], help="a day's visits for billing")
    export.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    export.add_argument("--format", choices=("json", "csv"), default="json")
    export.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")
    export.add_argument(
        "--force",
        action="store_true",
        help="replace FILE if it exists (never the database or its backups)",
    )
    export.set_defaults(handler=run_export)


def _codes(lines: tuple[ClaimLineSummary, ...]) -> str:
    return " ".join(
        line.cpt
        + "".join(f"-{m}" for m in line.modifiers)
        + (f"x{line.units}" if line.units != 1 else "")
        for line in lines
    )


def _summary_json(summary: VisitSummary) -> dict[str, Any]:
    return {
        "id": summary.id,
        "date_of_service": summary.date_of_service.isoformat(),
        "status": str(summary.status),
        "version": summary.version,
        "patient": summary.patient_name,
        "account_number": summary.account_number,
        "provider": summary.provider_name,
        "payer": summary.payer,
        "lines": [
            {
                "cpt": line.cpt,
                "units": line.units,
                "modifiers": list(line.modifiers),
                "diagnoses": list(line.diagnoses),
            }
            for line in summary.lines
        ],
    }


def run_list(args: argparse.Namespace) -> int:
    day = parse_day(args.date)
    with command_database(args.db) as db:
        summaries = visits.list_visits(db, day)
    if args.json:
        _print_json([_summary_json(s) for s in summaries])
        return 0
    if not summaries:
        print(f"no visits on {day.isoformat()}")
        return 0
    print(f"{'ID':>6}  {'STATUS':<7} {'PATIENT':<28} {'ACCOUNT':<10} {'PROVIDER':<18} CODES")
    for s in summaries:
        print(
            f"{s.id:>6}  {s.status!s:<7} {s.patient_name[:28]:<28} {s.account_number[:10]:<10} "
            f"{s.provider_name[:18]:<18} {_codes(s.lines)}"
        )
    return 0


def _show_text(stored: StoredVisit) -> None:
    record, patient, provider = stored.record, stored.record.patient, stored.record.provider
    assert patient is not None and provider is not None
    print(f"visit {stored.id} · {stored.status} · version {stored.version}")
    print(
        f"date of service {record.visit.date_of_service.isoformat()} · "
        f"place of service {record.place_of_service}"
    )
    print(
        f"patient {patient.last_name}, {patient.first_name} · DOB {patient.dob.isoformat()} · "
        f"{patient.sex} · account {patient.account_number}"
    )
    for policy in record.insurance:
        print(f"insurance ({policy.priority}) {policy.payer_name} {policy.member_id}")
    print(f"provider {provider.name} {provider.credentials} · NPI {provider.npi}")
    if stored.signed_by:
        print(f"signed by {stored.signed_by} at {stored.signed_at:%Y-%m-%d %H:%M} UTC")
    if stored.claim is None:
        print("not coded")
        return
    for number, line in enumerate(stored.claim.lines, start=1):
        modifiers = "-".join(line.modifiers)
        print(
            f"  {number:>2}. {line.cpt}{'-' + modifiers if modifiers else ''} x{line.units} "
            f"({', '.join(line.diagnoses)}) {line.description}"
        )
    for finding in stored.findings:
        decided = f" [{finding.decision} by {finding.decided_by}]" if finding.decision else ""
        print(f"  {finding.severity}: {finding.message}{decided}")


def run_show(args: argparse.Namespace) -> int:
    with command_database(args.db) as db:
        # Opening a patient's record from the command line is audited like the GUI's.
        stored = record_access.open_visit_logged(db, args.visit_id, actor=default_actor())
    if args.json:
        data = visit_export.visit_to_export_json(stored)
        data["findings"] = [
            {
                "severity": f.severity,
                "check": f.check,
                "message": f.message,
                "decision": f.decision,
                "decided_by": f.decided_by,
                "reason": f.reason,
            }
            for f in stored.findings
        ]
        _print_json(data)
    else:
        _show_text(stored)
    return 0


def run_import(args: argparse.Namespace) -> int:
    data = read_json(args.file)
    with command_database(args.db) as db:
        stored = visits.import_visit_record(db, data, actor=default_actor())
    patient = stored.record.patient
    assert patient is not None
    print(
        f"imported {stored.record.visit.date_of_service.isoformat()} for "
        f"{patient.last_name}, {patient.first_name} ({patient.account_number}) as a draft",
        file=sys.stderr,
    )
    print(stored.id)
    return 0


def run_export(args: argparse.Namespace) -> int:
    day = parse_day(args.date)
    with command_database(args.db) as db:
        if args.format == "csv":
            text = visit_export.export_csv(db, day)
        else:
            text = (
                json.dumps(visit_export.export_json(db, day), indent=2, ensure_ascii=False) + "\n"
            )
    if args.output:
        from dermcharge.cli.output_path import write_output

        write_output(args.output, text.encode("utf-8"), force=args.force, db_option=args.db)
    else:
        sys.stdout.write(text)
    return 0


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def run_sign(args: argparse.Namespace) -> int:
    """Exit 1 unless a provider signs (no sign-in, another role, another provider's visit,
    open errors); 2 for a visit that does not exist or cannot be signed in its state."""
    from dermcharge.security.errors import AccessDenied, LoginFailed
    from dermcharge.services import signing
    from dermcharge.services.cli_access import cli_user
    from dermcharge.services.errors import SignRefused

    with command_database(args.db) as db:
        try:
            stored = signing.sign_as(db, args.visit_id, cli_user(db))
        except (AccessDenied, LoginFailed) as refused:
            raise CliError(str(refused), EXIT_FAILURE) from None
        except SignRefused as refused:
            raise CliError(refused.problems, EXIT_FAILURE) from None
    print(f"visit {stored.id} signed by {stored.signed_by}; it is ready to bill")
    return 0
