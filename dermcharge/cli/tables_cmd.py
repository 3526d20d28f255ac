"""`dermcharge tables import FILE` / `dermcharge tables status`: CMS edit tables and CPT text."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from dermcharge.cli.errors import EXIT_FAILURE, CliError
from dermcharge.codesets import cpt
from dermcharge.codesets.cms import store
from dermcharge.codesets.cms.active import active_tables
from dermcharge.codesets.cms.errors import CmsFileError
from dermcharge.codesets.cms.imported import TableKind
from dermcharge.codesets.cms.importing import import_file
from dermcharge.codesets.cms.quarter import Quarter
from dermcharge.codesets.cms.tables import TableOrigin

CPT_DESCRIPTORS = "cpt-descriptors"
HCPCS_DRUGS = "hcpcs-drugs"  # the CMS HCPCS file (CSV) applied to the drug table's dates
KINDS = [k.value for k in TableKind] + [CPT_DESCRIPTORS, HCPCS_DRUGS]


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "tables",
        parents=[common],
        help="import the CMS edit files (PTP, MUE, add-on, RVU) and show which are loaded",
        description="Import the official CMS files into the local code-set folder, or show "
        "which tables are in force. Until a file is imported the app uses a small curated "
        "dermatology subset and says which of its rows are unverified.",
    )
    actions = parser.add_subparsers(dest="tables_action", metavar="ACTION")
    load = actions.add_parser(
        "import",
        help="validate a CMS file (or a licensed CPT descriptor CSV) and load it",
        description="Validate the whole file, then load it. A file with any bad line is "
        "refused with the line named, and the tables loaded before stay as they were.",
    )
    load.add_argument("file", metavar="FILE", type=Path)
    load.add_argument(
        "--kind", choices=KINDS, help="the table in the file (default: told from name and header)"
    )
    load.add_argument(
        "--quarter", metavar="YYYYQn", help="the release quarter, when the file name does not say"
    )
    load.set_defaults(handler=run_import)
    status = actions.add_parser("status", help="which tables are loaded and in force")
    status.add_argument("--json", action="store_true", help="print JSON instead of text")
    status.add_argument(
        "--on", metavar="YYYY-MM-DD", help="date of service to report for (default: today)"
    )
    status.set_defaults(handler=run_status)
    parser.set_defaults(handler=_usage(parser))


def _usage(parser: argparse.ArgumentParser) -> Any:
    def handler(_args: argparse.Namespace) -> int:
        parser.print_help(sys.stderr)
        return 2

    return handler


def run_import(args: argparse.Namespace) -> int:
    path: Path = args.file
    if not path.is_file():
        raise CliError(f"{path}: no such file", EXIT_FAILURE)
    if args.kind == CPT_DESCRIPTORS:
        try:
            covered = cpt.install_licensed_descriptors(path)
        except cpt.CptTableError as error:
            raise CliError(str(error)) from None
        total = len(cpt.cpt_table())
        print(
            f"loaded licensed CPT descriptors from {path.name}: {covered} of {total} codes covered"
        )
        return 0
    if args.kind == HCPCS_DRUGS:
        return _import_hcpcs_drugs(path)
    quarter = _quarter(args.quarter)
    try:
        stored = import_file(path, TableKind(args.kind) if args.kind else None, quarter)
    except CmsFileError as error:
        raise CliError(str(error)) from None
    except OSError as error:
        raise CliError(
            f"{path}: could not store the table ({error.strerror})", EXIT_FAILURE
        ) from None
    parts = ", ".join(p.part for p in stored.parts if p.part)
    print(
        f"loaded {stored.kind.value.upper()} {stored.quarter} from {path.name}: "
        f"{stored.row_count} rows{f' (parts {parts})' if parts else ''}; in force for dates of "
        f"service from {stored.quarter.start.isoformat()}"
    )
    return 0


def _import_hcpcs_drugs(path: Path) -> int:
    """Apply the HCPCS file's dates to the drug table; write it to the code-set folder."""
    from dermcharge.codesets.cms.atomic_write import write_text_atomically
    from dermcharge.codesets.hcpcs_drugs import HcpcsFileError, read_hcpcs_csv, update_drug_table
    from dermcharge.coding.drug_table import imported_path, shipped_or_imported

    try:
        rows = read_hcpcs_csv(path.read_text(encoding="utf-8-sig"))
    except (HcpcsFileError, UnicodeDecodeError) as error:
        raise CliError(f"{path.name}: {error}") from None
    table, notes = update_drug_table(shipped_or_imported(), rows)
    table["source"] += f" Dates updated from {path.name} on {date.today().isoformat()}."
    write_text_atomically(imported_path(), json.dumps(table, indent=1, ensure_ascii=False) + "\n")
    for note in notes:
        print(note)
    print(f"drug table updated from {path.name}: {len(notes)} change(s) or note(s)")
    return 0


def _quarter(text: str | None) -> Quarter | None:
    if text is None:
        return None
    try:
        return Quarter.parse(text)
    except ValueError as error:
        raise CliError(f"--quarter: {error}") from None


def run_status(args: argparse.Namespace) -> int:
    try:
        on = date.fromisoformat(args.on) if args.on else date.today()
    except ValueError:
        raise CliError(f"--on: {args.on!r} is not a date (YYYY-MM-DD)") from None
    report = status_report(on)
    if args.json:
        json.dump(report, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(_as_text(report))
    return 0


def status_report(on: date) -> dict[str, Any]:
    """What `tables status` prints, as plain data (the JSON form)."""
    tables = active_tables(on)
    origins = {o.kind: o for o in tables.origins}
    kinds = []
    for kind in TableKind:
        loaded = [
            {
                "quarter": str(t.quarter),
                "rows": t.row_count,
                "parts": [
                    {
                        "part": p.part,
                        "file": p.file_name,
                        "rows": p.row_count,
                        "imported_at": p.imported_at,
                    }
                    for p in t.parts
                ],
            }
            for t in store.stored_tables(kind)
        ]
        kinds.append(
            {"kind": kind.value, "in_force": _origin_json(origins[kind.value]), "loaded": loaded}
        )
    table = cpt.cpt_table()
    codes = table.codes()
    return {
        "on": on.isoformat(),
        "tables": kinds,
        "cpt": {
            "codes": len(codes),
            "unverified": sum(1 for c in codes if not c.verified),
            "licensed_descriptors": table.has_licensed_descriptors,
            "licensed_covered": sum(1 for c in codes if c.licensed_description),
        },
        "warnings": list(tables.warnings()),
    }


def _origin_json(origin: TableOrigin) -> dict[str, Any]:
    return {
        "source": "imported" if origin.imported else "curated",
        "label": origin.label,
        "quarter": str(origin.quarter) if origin.quarter else None,
        "rows": origin.row_count,
        "unverified": origin.unverified_count,
        "stale": origin.stale,
    }


def _as_text(report: dict[str, Any]) -> str:
    lines = [f"Tables in force for a date of service on {report['on']}:"]
    for entry in report["tables"]:
        force = entry["in_force"]
        where = f"{force['quarter']}, imported" if force["source"] == "imported" else "curated"
        unverified = f", {force['unverified']} unverified" if force["unverified"] else ""
        kind = entry["kind"].upper()
        lines.append(f"  {kind:4} {where}: {force['rows']} rows{unverified} — {force['label']}")
        loaded = ", ".join(f"{t['quarter']} ({t['rows']} rows)" for t in entry["loaded"])
        lines.append(f"       loaded: {loaded or 'none'}")
    cpt_info = report["cpt"]
    text = "licensed AMA descriptors" if cpt_info["licensed_descriptors"] else "our own plain text"
    lines.append(
        f"  CPT  {cpt_info['codes']} codes ({cpt_info['unverified']} with unverified global days), "
        f"descriptions: {text}"
    )
    lines.extend(f"warning: {w}" for w in report["warnings"])
    return "\n".join(lines) + "\n"
