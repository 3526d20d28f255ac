"""Storage at scale: a day list and a patient's history through the repository vs hand-written
SQL on the same database, and the time to open a small vs a large database.

    .venv/bin/python bench/bench_storage.py                  # 1,000,000 claim lines, SQLite
    .venv/bin/python bench/bench_storage.py --lines 50000    # a quick run
    .venv/bin/python bench/bench_storage.py --db "$DERMCHARGE_TEST_PG_URL"  # an EMPTY PostgreSQL

One million claim lines is about five years of a busy practice (~250 clinic days a year, ~270
visits a day across six providers, three lines a visit). Goals: repository <= 2x hand-written SQL;
opening the large database takes about as long as opening a small one (it does not grow with
the size: nothing on start scans the data). Prints the measurements side by side; exits 0.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import make_url

from dermcharge.domain.npi import check_digit
from dermcharge.domain.stored import ClaimLineSummary, VisitSummary
from dermcharge.domain.workflow import VisitStatus
from dermcharge.services import visits
from dermcharge.storage.database import Database, open_database
from dermcharge.storage.database_url import is_postgresql

LINES_PER_VISIT = 3
VISITS_PER_DAY = 270
PROVIDERS = 6
CODES = ("99213", "17000", "17003", "11102", "11103", "11104", "11300", "17110", "11200")
STATUSES = ("billed", "billed", "billed", "signed", "ready", "draft")

PATIENT_COLUMNS = (
    "id",
    "account_number",
    "first_name",
    "last_name",
    "dob",
    "sex",
    "phone",
    "address_line1",
    "address_line2",
    "city",
    "state",
    "zip",
)
VISIT_COLUMNS = (
    "id",
    "patient_id",
    "provider_id",
    "date_of_service",
    "place_of_service",
    "payer",
    "status",
    "version",
    "amendment",
    "visit_json",
    "code_sets",
    "created_at",
    "created_by",
    "updated_at",
    "updated_by",
)
LINE_COLUMNS = ("visit_id", "line_no", "cpt", "units", "modifiers", "diagnoses", "description")

HAND_DAY = (
    "SELECT v.id, v.date_of_service, v.status, v.version, v.patient_id, p.last_name,"
    " p.first_name, p.account_number, v.provider_id, pr.name, v.payer FROM visits v"
    " JOIN patients p ON p.id = v.patient_id JOIN providers pr ON pr.id = v.provider_id"
    " WHERE v.date_of_service = {param} ORDER BY pr.name, v.id"
)
HAND_HISTORY = (
    "SELECT v.id, v.date_of_service, v.status, v.version, v.patient_id, p.last_name,"
    " p.first_name, p.account_number, v.provider_id, pr.name, v.payer FROM visits v"
    " JOIN patients p ON p.id = v.patient_id JOIN providers pr ON pr.id = v.provider_id"
    " WHERE v.patient_id = {param} ORDER BY v.date_of_service DESC, v.id DESC"
)
HAND_DAY_LINES = (
    "SELECT l.visit_id, l.cpt, l.units, l.modifiers, l.diagnoses FROM claim_lines l"
    " JOIN visits v ON v.id = l.visit_id WHERE v.date_of_service = {param}"
    " ORDER BY l.visit_id, l.line_no"
)
HAND_HISTORY_LINES = (
    "SELECT l.visit_id, l.cpt, l.units, l.modifiers, l.diagnoses FROM claim_lines l"
    " JOIN visits v ON v.id = l.visit_id WHERE v.patient_id = {param}"
    " ORDER BY l.visit_id, l.line_no"
)


def clinic_days(count: int, last: date) -> list[date]:
    days: list[date] = []
    day = last
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day -= timedelta(days=1)
    return sorted(days)


def _insert_rows(
    db: Database, table: str, columns: tuple[str, ...], rows: Iterator[tuple[Any, ...]]
) -> None:
    """Bulk insert through the driver: COPY on PostgreSQL, executemany on SQLite."""
    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        if db.backend == "postgresql":
            with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            cursor.execute("BEGIN")
            marks = ", ".join("?" for _ in columns)
            cursor.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)
        raw.commit()
    finally:
        raw.close()


def build(db: Database, lines: int, seed: int = 42) -> tuple[list[date], int, int]:
    """Bulk-load claim lines with their visits, patients and providers; returns the clinic
    days, the number of patients and the number of lines."""
    rng = random.Random(seed)
    visit_count = max(1, -(-lines // LINES_PER_VISIT))  # rounded up to whole visits
    days = clinic_days(max(1, visit_count // VISITS_PER_DAY), date(2026, 11, 27))
    patients = max(50, visit_count // 16)
    # Stored as SQLAlchemy stores them, so the repository reads these rows like any other.
    at = "2026-11-27 00:00:00.000000" if db.backend == "sqlite" else "2026-11-27 00:00:00+00"
    visit_json = json.dumps({"date_of_service": "2026-11-27", "payer": "medicare"})

    npis = [f"1{n:08d}" + check_digit(f"1{n:08d}") for n in range(1, PROVIDERS + 1)]
    _insert_rows(
        db,
        "providers",
        ("id", "name", "credentials", "npi", "active", "taxonomy"),
        (
            (n, f"Provider {n}", "MD", npis[n - 1], True, "207N00000X")
            for n in range(1, PROVIDERS + 1)
        ),
    )
    _insert_rows(
        db,
        "patients",
        PATIENT_COLUMNS,
        (
            (
                n,
                f"B-{n:07d}",
                f"Pat{n}",
                f"Bench{n % 997}",
                (date(1950, 1, 1) + timedelta(days=n % 20000)).isoformat(),
                "FM"[n % 2],
                "",
                "",
                "",
                "",
                "",
                "",
            )
            for n in range(1, patients + 1)
        ),
    )
    _insert_rows(
        db,
        "visits",
        VISIT_COLUMNS,
        (
            (
                n,
                rng.randrange(1, patients + 1),
                rng.randrange(1, PROVIDERS + 1),
                days[(n - 1) * len(days) // visit_count].isoformat(),
                "11",
                "medicare",
                rng.choice(STATUSES),
                1,
                0,
                visit_json,
                "{}",
                at,
                "bench",
                at,
                "bench",
            )
            for n in range(1, visit_count + 1)
        ),
    )
    _insert_rows(
        db,
        "claim_lines",
        LINE_COLUMNS,
        (
            (visit_id, line_no, rng.choice(CODES), 1, "", "L57.0", "")
            for visit_id in range(1, visit_count + 1)
            for line_no in range(1, LINES_PER_VISIT + 1)
        ),
    )
    with db.engine.begin() as connection:
        _after_bulk_load(connection)
    return days, patients, visit_count * LINES_PER_VISIT


def _after_bulk_load(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        for table in ("patients", "providers", "visits", "claim_lines"):
            connection.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT max(id) FROM {table}))"
                )
            )
    connection.execute(text("ANALYZE"))


HandQuery = Callable[[Any], Any]


def hand_written(db: Database, *, as_records: bool) -> tuple[HandQuery, HandQuery]:
    """The same two lists by plain DB-API calls on one raw connection: the same SQL in one
    transaction (a consistent snapshot, as the repository gives). With `as_records` the rows
    become the same VisitSummary records the repository returns, built by hand; without, they
    stay driver tuples (a floor no caller could use as is)."""
    raw = db.engine.raw_connection()
    sqlite = db.backend == "sqlite"
    param = "?" if sqlite else "%s"
    statuses = {str(status): status for status in VisitStatus}

    def records(rows: list[Any], lines: list[Any]) -> list[VisitSummary]:
        by_visit: dict[int, list[ClaimLineSummary]] = {}
        for visit_id, cpt, units, modifiers, diagnoses in lines:
            by_visit.setdefault(visit_id, []).append(
                ClaimLineSummary(cpt, units, tuple(modifiers.split()), tuple(diagnoses.split()))
            )
        return [
            VisitSummary(
                row[0],
                date.fromisoformat(row[1]) if sqlite else row[1],
                statuses[row[2]],
                row[3],
                row[4],
                f"{row[5]}, {row[6]}",
                row[7],
                row[8],
                row[9],
                row[10],
                tuple(by_visit.get(row[0], ())),
            )
            for row in rows
        ]

    def run(visits_sql: str, lines_sql: str, value: object) -> Any:
        cursor = raw.cursor()
        if sqlite:
            cursor.execute("BEGIN")  # the driver is in autocommit mode (see storage.database)
        cursor.execute(visits_sql.format(param=param), (value,))
        rows = cursor.fetchall()
        lines = []
        if rows:
            cursor.execute(lines_sql.format(param=param), (value,))
            lines = cursor.fetchall()
        if sqlite:
            cursor.execute("COMMIT")
        else:
            raw.commit()
        cursor.close()
        return records(rows, lines) if as_records else (rows, lines)

    return (
        lambda day: run(HAND_DAY, HAND_DAY_LINES, day),
        lambda patient: run(HAND_HISTORY, HAND_HISTORY_LINES, patient),
    )


def side_by_side(calls: list[Callable[[Any], object]], args: list[Any]) -> list[float]:
    """Median seconds of each call, interleaved on the same arguments so that other load on
    the machine hits every side alike."""
    for call in calls:
        call(args[0])  # warm caches and compiled statements alike for every side
    times: list[list[float]] = [[] for _ in calls]
    for arg in args:
        for call, spent in zip(calls, times, strict=True):
            start = time.perf_counter()
            call(arg)
            spent.append(time.perf_counter() - start)
    return [statistics.median(spent) for spent in times]


def open_seconds(url: str, day: date, repeat: int = 5) -> float:
    """Open (engine, migration check) and show the first day list, as the app does on start."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        db = open_database(url)
        visits.list_visits(db, day)
        times.append(time.perf_counter() - start)
        db.dispose()
    return statistics.median(times)


def _drop_database(url: str, name: str) -> None:
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _fresh_sibling_database(url: str, suffix: str) -> str:
    """An empty database beside `url` on the same PostgreSQL server (same backend, same
    network path), so the small-vs-large comparison changes only the size."""
    parsed = make_url(url)
    name = f"{parsed.database}{suffix}"
    _drop_database(url, name)
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return parsed.set(database=name).render_as_string(hide_password=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1_000_000, help="claim lines to build")
    parser.add_argument("--db", metavar="URL", help="an EMPTY database (default: a temp SQLite)")
    parser.add_argument("--repeat", type=int, default=30, help="timed runs per measurement")
    parser.add_argument("--keep", action="store_true", help="keep the temporary SQLite files")
    args = parser.parse_args(argv)

    workdir = Path(tempfile.mkdtemp(prefix="dermcharge-bench-"))
    large_url = args.db or f"sqlite:///{workdir / 'large.sqlite'}"
    small_url = (
        _fresh_sibling_database(args.db, "_bench_small")
        if args.db and is_postgresql(args.db)
        else f"sqlite:///{workdir / 'small.sqlite'}"
    )
    db = open_database(large_url)
    if visits.list_visits(db, date(2026, 11, 27)):
        print("the database is not empty; give an empty one", file=sys.stderr)
        return 2
    start = time.perf_counter()
    days, patients, lines = build(db, args.lines)
    built = time.perf_counter() - start
    print(
        f"built {lines:,} claim lines ({lines // LINES_PER_VISIT:,} visits, {patients:,} "
        f"patients, {len(days)} clinic days) on {db.backend} in {built:.1f} s "
        f"({lines / built:,.0f} lines/s, visits and patients included)"
    )

    rng = random.Random(7)
    sample_days = [rng.choice(days) for _ in range(args.repeat)]
    # A history is a few rows: take more samples so the medians are steady.
    sample_patients = [rng.randrange(1, patients + 1) for _ in range(args.repeat * 10)]
    hand_day, hand_history = hand_written(db, as_records=True)
    raw_day, raw_history = hand_written(db, as_records=False)
    assert hand_day(days[-1]) == visits.list_visits(db, days[-1]), "same result on both sides"
    day_times = side_by_side(
        [lambda day: visits.list_visits(db, day), hand_day, raw_day], sample_days
    )
    history_times = side_by_side(
        [lambda patient: visits.patient_history(db, patient), hand_history, raw_history],
        sample_patients,
    )
    day_size = len(visits.list_visits(db, days[-1]))

    print()
    print("repository = dermcharge.services.visits (SQLAlchemy Core, records out);")
    print("hand SQL = the same SQL through the bare driver, building the same records;")
    print("driver only = the same SQL, rows left as driver tuples (a floor, for reference).")
    print(
        f"{'query':<26}{'repository':>12}{'hand SQL':>12}{'ratio':>8}  goal <= 2.0x"
        f"{'driver only':>14}"
    )
    for name, (repo, hand, bare) in (
        (f"day list (~{day_size} visits)", day_times),
        ("patient history", history_times),
    ):
        ratio = repo / hand
        verdict = "ok" if ratio <= 2.0 else "OVER GOAL"
        print(
            f"{name:<26}{repo * 1000:>10.2f}ms{hand * 1000:>10.2f}ms{ratio:>7.2f}x  "
            f"{verdict:<12}{bare * 1000:>12.2f}ms"
        )
    db.dispose()

    small = open_database(small_url)
    build(small, 3_000)
    small.dispose()
    small_open = open_seconds(small_url, date(2026, 11, 27))
    large_open = open_seconds(large_url, days[-1])
    print()
    print(f"{'open + first day list':<28}{'small DB':>12}{'large DB':>12}{'ratio':>8}")
    print(
        f"{'(3,000 vs ' + f'{lines:,} lines)':<28}{small_open * 1000:>10.1f}ms"
        f"{large_open * 1000:>10.1f}ms{large_open / small_open:>7.2f}x"
    )
    if large_url.startswith("sqlite"):
        size = Path(large_url.removeprefix("sqlite:///")).stat().st_size
        print(f"large database file: {size / 1e6:,.0f} MB")
    if is_postgresql(small_url):
        _drop_database(args.db, make_url(small_url).database or "")
    if args.keep:
        print(f"kept in {workdir}")
    else:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
