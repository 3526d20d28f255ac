"""`dermcharge practice show|set FIELD=VALUE…`: the practice's own details, for scripted set-up.

Fields: name, npi (group NPI), tax_id (EIN), taxonomy (default 207N00000X), phone,
place_of_service (default 11), line1, line2, city, state, zip.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from dermcharge.cli.errors import CliError
from dermcharge.cli.setup_access import acting_user, print_json, refusals
from dermcharge.cli.visits_cmd import command_database
from dermcharge.domain.record import Practice
from dermcharge.services import practice_setup
from dermcharge.services.demo_marker import is_demo_practice


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("practice", help="show or set the practice's details (admin)")
    actions = parser.add_subparsers(dest="practice_command", metavar="ACTION", required=True)

    show = actions.add_parser("show", parents=[common], help="the practice's details")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(handler=run_show)

    change = actions.add_parser(
        "set", parents=[common], help='set fields, e.g. name="Prairie Dermatology" npi=…'
    )
    change.add_argument(
        "fields", nargs="+", metavar="FIELD=VALUE", help=", ".join(practice_setup.PRACTICE_FIELDS)
    )
    change.set_defaults(handler=run_set)


def _fields(pairs: list[str]) -> dict[str, str]:
    fields: dict[str, str] = {}
    problems = []
    for pair in pairs:
        name, equals, value = pair.partition("=")
        if not equals or not name.strip():
            problems.append(f"{pair!r} must be FIELD=VALUE (e.g. npi=1245319599)")
        else:
            fields[name.strip().lower()] = value
    if problems:
        raise CliError(problems)
    return fields


def describe(practice: Practice, demo: bool) -> dict[str, Any]:
    return {**asdict(practice), "demo": demo}


def _print(practice: Practice, demo: bool) -> None:
    address = practice.address
    place = ", ".join(p for p in (address.city, f"{address.state} {address.zip}".strip()) if p)
    rows = [
        ("name", practice.name + ("  (DEMO — not a real practice)" if demo else "")),
        ("group NPI", practice.npi),
        ("EIN", practice.tax_id),
        ("taxonomy", practice.taxonomy),
        ("phone", practice.phone),
        ("address", ", ".join(p for p in (address.line1, address.line2, place) if p)),
        ("place of service", practice.place_of_service),
    ]
    for label, value in rows:
        print(f"{label + ':':<18}{value}")


def run_show(args: argparse.Namespace) -> int:
    with command_database(args.db) as db:
        acting_user(db)
        practice = practice_setup.current_practice(db)
        demo = practice is not None and is_demo_practice(db)
    if args.json:
        print_json(None if practice is None else describe(practice, demo))
    elif practice is None:
        print("no practice set up yet: dermcharge practice set name=… npi=… tax_id=…")
    else:
        _print(practice, demo)
    return 0


def run_set(args: argparse.Namespace) -> int:
    fields = _fields(args.fields)
    with command_database(args.db) as db, refusals():
        practice = practice_setup.set_practice(db, fields, by=acting_user(db))
    print(f"practice saved: {practice.name} (NPI {practice.npi})")
    return 0
