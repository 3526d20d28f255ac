"""`dermcharge demo [--db URL]`: fill a new database with a synthetic month of clinic."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from dermcharge.cli.errors import CliError
from dermcharge.cli.visits_cmd import command_database
from dermcharge.services.demo import DEFAULT_SEED, fill_demo_database, is_empty


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "demo",
        parents=[common],
        help="fill a new database with demo data (synthetic practice, patients, a month of visits)",
        description="Fill a new, empty database with a realistic synthetic practice: three "
        "providers, 200 patients and a month of coded visits ending today. A database that "
        "already holds data is refused. The same --seed and --today give the same data.",
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed (default 1)")
    parser.add_argument("--today", metavar="YYYY-MM-DD", help="the last day (default: today)")
    parser.add_argument(
        "--if-empty",
        action="store_true",
        help="fill the database only when it is empty; leave one that holds data as it is "
        "(exit 0) — for first runs",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    today = date.today()
    if args.today:
        try:
            today = date.fromisoformat(args.today)
        except ValueError:
            raise CliError(f"--today: {args.today!r} must be a date YYYY-MM-DD") from None
    with command_database(args.db) as db:
        if args.if_empty and not is_empty(db):
            print("the database already holds data: left as it is")
            return 0
        summary = fill_demo_database(db, today=today, seed=args.seed)
    print(f"demo practice: {summary.practice}")
    for provider in summary.providers:
        print(f"provider: {provider.name}, {provider.credentials} (NPI {provider.npi})")
    print(f"patients: {summary.patients}")
    statuses = ", ".join(f"{count} {status}" for status, count in sorted(summary.by_status.items()))
    print(
        f"visits: {summary.visits} from {summary.first_day.isoformat()} to "
        f"{summary.last_day.isoformat()} ({statuses}); {summary.visits_today} today"
    )
    return 0
