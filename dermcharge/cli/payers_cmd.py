"""`dermcharge payers add|list`: the payers the practice bills, with their claim profile.

The profile flags left out follow the payer type's defaults (resources/data/payer_profiles.json).
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from dermcharge.cli.errors import CliError
from dermcharge.cli.setup_access import acting_user, print_json, refusals
from dermcharge.cli.visits_cmd import command_database
from dermcharge.domain.record import Address
from dermcharge.domain.visit import ProfileOverrides
from dermcharge.services import practice_setup
from dermcharge.services.practice_setup import NamedPayer

YES_NO = {"yes": True, "no": False, "true": True, "false": False, "1": True, "0": False}


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("payers", help="add or list the payers billed (admin)")
    actions = parser.add_subparsers(dest="payers_command", metavar="ACTION", required=True)

    add = actions.add_parser("add", parents=[common], help="add a payer")
    add.add_argument("--name", required=True, help='as billing staff say it, "Medicare Part B"')
    add.add_argument(
        "--type", required=True, help=", ".join(practice_setup.PAYER_TYPES), dest="payer_type"
    )
    add.add_argument("--payer-id", default="", help="the electronic payer id, e.g. SMIL0")
    add.add_argument("--distinct-modifier", help="59 or XS for distinct procedures")
    for flag, text in (
        ("--append-51", "append modifier 51 to multiple procedures"),
        ("--laterality", "add RT/LT (and digit) modifiers"),
        ("--abn", "follow Medicare's ABN/cosmetic modifier rules (GA/GZ/GY/GX)"),
        ("--ncci-repair", "apply NCCI's repair bundling into small benign excisions"),
    ):
        add.add_argument(flag, metavar="yes|no", help=text)
    for part in ("line1", "line2", "city", "state", "zip"):
        add.add_argument(f"--claim-{part}", default="", help=f"claim address: {part}")
    add.set_defaults(handler=run_add)

    listing = actions.add_parser("list", parents=[common], help="every payer")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=run_list)


def _flag(option: str, text: str | None, problems: list[str]) -> bool | None:
    if text is None:
        return None
    value = YES_NO.get(text.strip().lower())
    if value is None:
        problems.append(f"{option}: {text!r} must be yes or no")
    return value


def _payer(args: argparse.Namespace) -> NamedPayer:
    problems: list[str] = []
    flags = {
        name: _flag(option, getattr(args, name), problems)
        for name, option in (
            ("append_51", "--append-51"),
            ("laterality", "--laterality"),
            ("abn", "--abn"),
            ("ncci_repair", "--ncci-repair"),
        )
    }
    distinct = args.distinct_modifier.strip().upper() if args.distinct_modifier else None
    if problems:
        raise CliError(problems)
    with refusals():
        kind = practice_setup.payer_type(args.payer_type)
    return NamedPayer(
        name=args.name,
        payer=kind,
        electronic_payer_id=args.payer_id,
        overrides=ProfileOverrides(distinct, flags["append_51"], flags["laterality"]),
        abn_modifiers=flags["abn"],
        ncci_repair_rule=flags["ncci_repair"],
        claim_address=Address(
            args.claim_line1, args.claim_line2, args.claim_city, args.claim_state, args.claim_zip
        ),
    )


def describe(payer: NamedPayer) -> dict[str, Any]:
    return {
        "name": payer.name,
        "type": payer.payer.value,
        "payer_id": payer.electronic_payer_id,
        "distinct_modifier": payer.overrides.distinct_modifier,
        "append_51": payer.overrides.append_51,
        "laterality_modifiers": payer.overrides.laterality_modifiers,
        "abn_modifiers": payer.abn_modifiers,
        "ncci_repair_rule": payer.ncci_repair_rule,
        "claim_address": asdict(payer.claim_address),
    }


def run_add(args: argparse.Namespace) -> int:
    payer = _payer(args)
    with command_database(args.db) as db, refusals():
        practice_setup.add_payer(db, payer, by=acting_user(db))
    print(f"payer added: {payer.name.strip()} ({payer.payer.value})")
    return 0


def run_list(args: argparse.Namespace) -> int:
    with command_database(args.db) as db:
        acting_user(db)
        payers = practice_setup.payers(db)
    if args.json:
        print_json([describe(payer) for payer in payers])
        return 0
    if not payers:
        print("no payers yet: dermcharge payers add --name … --type … --payer-id …")
    for payer in payers:
        print(f"{payer.name:<32} {payer.payer.value:<11} {payer.electronic_payer_id}")
    return 0
