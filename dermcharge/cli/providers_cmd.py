"""`dermcharge providers add|list|deactivate`: the practice's providers, for scripted set-up.

A provider is never deleted (visits name them): `deactivate NPI` takes them off the pickers.
"""

from __future__ import annotations

import argparse
from typing import Any

from dermcharge.cli.setup_access import acting_user, print_json, refusals
from dermcharge.cli.visits_cmd import command_database
from dermcharge.domain.record import Provider
from dermcharge.services import practice_setup
from dermcharge.services.practice_setup import RosterEntry


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("providers", help="add, list or deactivate providers (admin)")
    actions = parser.add_subparsers(dest="providers_command", metavar="ACTION", required=True)

    add = actions.add_parser("add", parents=[common], help="add a provider")
    add.add_argument("--name", required=True, help='e.g. "Jane Doe"')
    add.add_argument("--credentials", default="", help="e.g. MD, DO, PA-C, NP")
    add.add_argument("--npi", required=True, help="the individual NPI (10 digits)")
    add.add_argument(
        "--taxonomy",
        default=practice_setup.DEFAULT_TAXONOMY,
        help=f"NUCC taxonomy code (default {practice_setup.DEFAULT_TAXONOMY}, Dermatology)",
    )
    add.set_defaults(handler=run_add)

    listing = actions.add_parser("list", parents=[common], help="every provider, active or not")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=run_list)

    deactivate = actions.add_parser(
        "deactivate", parents=[common], help="take a provider off the pickers (kept on visits)"
    )
    deactivate.add_argument("npi", metavar="NPI")
    deactivate.set_defaults(handler=run_deactivate)


def describe(entry: RosterEntry) -> dict[str, Any]:
    return {
        "name": entry.provider.name,
        "credentials": entry.provider.credentials,
        "npi": entry.provider.npi,
        "taxonomy": entry.provider.taxonomy,
        "active": entry.active,
        "account": entry.account,
    }


def run_add(args: argparse.Namespace) -> int:
    provider = Provider(
        name=args.name, npi=args.npi, credentials=args.credentials, taxonomy=args.taxonomy
    )
    with command_database(args.db) as db, refusals():
        practice_setup.add_provider(db, provider, by=acting_user(db))
    print(f"provider added: {args.name.strip()} (NPI {provider.npi.strip()})")
    return 0


def run_list(args: argparse.Namespace) -> int:
    with command_database(args.db) as db:
        acting_user(db)
        entries = practice_setup.providers(db)
    if args.json:
        print_json([describe(entry) for entry in entries])
        return 0
    if not entries:
        print("no providers yet: dermcharge providers add --name … --npi …")
    for entry in entries:
        p = entry.provider
        name = f"{p.name}, {p.credentials}" if p.credentials else p.name
        state = "" if entry.active else "  (inactive)"
        account = f"  account {entry.account}" if entry.account else ""
        print(f"{p.npi}  {p.taxonomy:<10}  {name}{account}{state}")
    return 0


def run_deactivate(args: argparse.Namespace) -> int:
    with command_database(args.db) as db, refusals():
        provider = practice_setup.set_provider_active(db, args.npi, False, by=acting_user(db))
    print(f"provider deactivated: {provider.name} (NPI {provider.npi})")
    return 0
