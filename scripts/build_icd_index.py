"""Build the compact ICD-10-CM FY2026 index from the simple-icd-10-cm package.

    .venv/bin/python scripts/build_icd_index.py [--output PATH]

Default output: resources/data/icd10cm/icd10cm-fy2026.sqlite (the shipped release). The app
builds the same file on first use if it is missing (see dermcharge.codesets.icd10.releases).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from dermcharge.codesets.icd10.index_catalog import IndexCatalog
from dermcharge.codesets.icd10.package_build import build_package_index
from dermcharge.codesets.icd10.releases import shipped_index_path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=None, help="where to write the index")
    args = parser.parse_args(argv)
    target: Path = args.output or shipped_index_path()
    started = time.perf_counter()
    build_package_index(target)
    catalog = IndexCatalog(target)
    codes, billable = catalog.counts()
    catalog.close()
    size_mb = target.stat().st_size / 1e6
    print(
        f"{target}: {catalog.release}, {codes} codes and categories, {billable} billable, "
        f"{size_mb:.1f} MB, built in {time.perf_counter() - started:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
