"""A month's productivity report at scale against hand-written SQL for the same sums.

    .venv/bin/python bench/bench_reports.py                 # 1,000,000 claim lines, SQLite
    .venv/bin/python bench/bench_reports.py --lines 200000  # a quicker run

The database is bench_storage's (six providers, ~270 visits a clinic day, three lines a
visit). The report is `services.reports.productivity_report` for the busiest month, RVUs from
the PFS relative value fixture imported as a practice would import the CMS file. The hand-written
SQL computes the same sums in the database itself: the RVUs in a table, the multiple-procedure
ranking with a window function, one GROUP BY per provider. Goal: the report within 2x of it.
Prints both times, their ratio and whether the sums agree; exits 0.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_storage import build
from sqlalchemy import text

from dermcharge.codesets.cms.active import active_tables
from dermcharge.codesets.cms.importing import import_file
from dermcharge.services import reports
from dermcharge.services.reports import ReportScope
from dermcharge.storage.database import open_database

FIXTURE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "cms" / "PPRRVU2026_Oct.csv"
# The same figures the report gives per provider: work RVUs after the reduction, units and
# lines of every code (valued or not).
HAND_SQL = """
WITH l AS (
  SELECT v.provider_id AS p, c.visit_id AS vid, c.units AS u, r.work AS w,
         COALESCE(r.mult, '') AS m, r.total AS t
  FROM claim_lines c JOIN visits v ON v.id = c.visit_id LEFT JOIN bench_rvu r ON r.code = c.cpt
  WHERE v.date_of_service >= :start AND v.date_of_service <= :end
), ranked AS (
  SELECT l.*, ROW_NUMBER() OVER (PARTITION BY vid, m ORDER BY t DESC) AS rn FROM l
)
SELECT p, SUM(COALESCE(w, 0) * CASE WHEN m <> '2' THEN u WHEN rn = 1 THEN 1 + (u - 1) * 0.5
                  ELSE u * 0.5 END), SUM(u), COUNT(*)
FROM ranked GROUP BY p ORDER BY p
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="dermcharge-bench-reports-"))
    os.environ["DERMCHARGE_DATA_DIR"] = str(workdir / "data")
    import_file(FIXTURE)
    db = open_database(f"sqlite:///{workdir / 'large.sqlite'}")
    started = time.perf_counter()
    days, _patients, lines = build(db, args.lines)
    print(f"built {lines:,} claim lines in {time.perf_counter() - started:.1f} s")
    month = Counter(day.replace(day=1) for day in days).most_common(1)[0][0]
    end = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    scope = ReportScope(month, date.fromordinal(end.toordinal() - 1), None)
    rvus = active_tables(month).rvu
    with db.engine.begin() as connection:
        connection.execute(
            text("CREATE TABLE bench_rvu (code TEXT PRIMARY KEY, work REAL, total REAL, mult TEXT)")
        )
        for (code, modifier), row in rvus.rows.items():
            if not modifier:
                connection.execute(
                    text("INSERT INTO bench_rvu VALUES (:c, :w, :t, :m)"),
                    {"c": code, "w": row.work_rvu or 0, "t": row.total_rvu_nonfacility or 0,
                     "m": row.mult_proc},
                )  # fmt: skip

    def ours() -> dict[str, Decimal]:
        report = reports.productivity_report(db, scope, period="month")
        return {row.key: row.work_rvu for row in report.rows}

    def hand() -> dict[str, Decimal]:
        with db.engine.connect() as connection:
            rows = connection.execute(
                text(HAND_SQL), {"start": scope.start.isoformat(), "end": scope.end.isoformat()}
            ).all()
        return {f"Provider {p}": Decimal(str(round(total, 2))) for p, total, _u, _n in rows}

    ours_times, hand_times = [], []
    for _ in range(args.repeat):  # alternated, so both see the same cache and load
        started = time.perf_counter()
        mine = ours()
        ours_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        theirs = hand()
        hand_times.append(time.perf_counter() - started)
    agree = all(abs(mine[k] - theirs[k]) <= Decimal("0.02") for k in theirs)
    report_s, hand_s = statistics.median(ours_times), statistics.median(hand_times)
    ratio = report_s / hand_s
    print(f"month {scope.start.isoformat()}..{scope.end.isoformat()}, work RVUs per provider")
    print(f"{'report (services)':<24}{report_s * 1000:>10.1f} ms")
    print(f"{'hand-written SQL':<24}{hand_s * 1000:>10.1f} ms")
    print(
        f"ratio {ratio:.2f}x  (goal <= 2x: {'met' if ratio <= 2 else 'NOT met'}); sums agree: {agree}"
    )
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
