"""`dermcharge icd search|import|releases`: find ICD-10-CM codes and manage the loaded releases."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from dermcharge.cli.errors import EXIT_FAILURE, EXIT_USAGE, CliError
from dermcharge.codesets.icd10.cdc_files import CdcFileError
from dermcharge.codesets.icd10.index_catalog import UnreadableIndex
from dermcharge.codesets.icd10.releases import (
    fiscal_year_in_force,
    loaded_releases,
    open_catalog,
    release_status,
)


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "icd", parents=[common], help="search ICD-10-CM and manage its releases"
    )
    actions = parser.add_subparsers(dest="icd_command", metavar="ACTION", required=True)

    search = actions.add_parser("search", help="type-ahead search: words, abbreviations or a code")
    search.add_argument("query", help='e.g. "bcc nose", "ak", "C44.31"')
    search.add_argument("--limit", type=_positive, default=20, metavar="N", help="default 20")
    search.add_argument(
        "--json",
        action="store_true",
        help="a JSON list of {code, description, billable, index_entry when an index term led there}",
    )
    search.add_argument(
        "--date",
        type=_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="date of service: search the release in force then (default: today)",
    )
    search.set_defaults(handler=run_search)

    imports = actions.add_parser(
        "import",
        help="import a CDC release: icd10cm_order_YYYY.txt [icd10cm_tabular_YYYY.xml] "
        "[icd10cm_index_YYYY.xml], or the CDC zips holding them",
    )
    imports.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar="FILE",
        help="order or codes .txt, tabular .xml, Alphabetic Index .xml, .zip",
    )
    imports.add_argument(
        "--year", type=int, default=None, metavar="FY", help="fiscal year, e.g. 2027"
    )
    imports.set_defaults(handler=run_import)

    releases = actions.add_parser("releases", help="what is loaded and what is in force today")
    releases.add_argument("--date", type=_date, default=None, metavar="YYYY-MM-DD")
    releases.set_defaults(handler=run_releases)


def run_search(args: argparse.Namespace) -> int:
    from dermcharge.codesets.icd10.search import search

    on = args.date or date.today()
    try:
        status = release_status(on)
        hits = search(args.query, args.limit, on=on)
    except UnreadableIndex as error:
        raise CliError(str(error), EXIT_FAILURE) from error
    if status.message:
        print(f"warning: {status.message}", file=sys.stderr)
    if args.json:
        json.dump([hit.to_json() for hit in hits], sys.stdout, indent=2)
        print()
        return 0
    if not hits:
        print(f"no {status.release} code matches {args.query!r}", file=sys.stderr)
        return 0
    for hit in hits:
        billable = " " if hit.billable else "*"
        print(f"{hit.code:<9}{billable} {hit.description}")
        if hit.index_entry:
            print(f"{'':<11}from the index: {hit.index_entry}")
    if any(not hit.billable for hit in hits):
        print("(* = category, not billable: pick a code under it)", file=sys.stderr)
    return 0


def run_import(args: argparse.Namespace) -> int:
    from dermcharge.codesets.icd10.cdc_import import import_release

    try:
        result = import_release(args.files, fiscal_year=args.year)
    except CdcFileError as error:
        raise CliError(
            [str(error), "nothing was imported; the loaded releases are unchanged"], EXIT_USAGE
        ) from error
    except OSError as error:
        raise CliError(f"could not write the release: {error}", EXIT_FAILURE) from error
    verb = "replaced" if result.replaced_existing else "imported"
    print(
        f"{verb} {result.label} ({result.code_count} codes and categories, "
        f"{result.billable_count} billable) -> {result.path}"
    )
    return 0


def run_releases(args: argparse.Namespace) -> int:
    today = args.date or date.today()
    try:
        status = release_status(today)
        for release in loaded_releases():
            catalog = open_catalog(release)
            codes, billable = catalog.counts()
            marker = (
                "  <- in use for " + today.isoformat() if release.label == status.release else ""
            )
            print(
                f"{release.label}  {catalog.effective_from.isoformat()} .. "
                f"{catalog.effective_to.isoformat()}  {release.origin}, {billable} billable of "
                f"{codes}{marker}"
            )
            print(f"    {catalog.source}  [{release.path}]")
    except UnreadableIndex as error:
        raise CliError(str(error), EXIT_FAILURE) from error
    print(f"in force on {today.isoformat()}: ICD-10-CM FY{fiscal_year_in_force(today)}")
    if status.message:
        print(f"warning: {status.message}")
    return 0


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-11-20") from None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive whole number")
    return value
