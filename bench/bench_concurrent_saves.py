"""Concurrent saves on a clinic's PostgreSQL server: 1, 5, 20 and 50 writer processes, side by
side in one run, each saving visits as fast as it can for a few seconds.

Two workloads per writer count: `distinct` (each writer edits its own visits, as exam rooms do)
and `mixed` (every fourth save goes to one of a few visits all writers share, as when the front
desk and a provider touch the same visit). For each: saves a second for all writers together,
the p95 of one save, the conflicts (a stale save refused cleanly, retried after a reload) and a
check that no update was lost (each visit's version equals the saves counted against it + 1).

Where the time goes is printed for one writer: client CPU per save (coding + ORM), database
round trips per save, and wall time per save; the difference between wall and CPU is waiting
(server, locks).

    .venv/bin/python bench/bench_concurrent_saves.py --server "$DERMCHARGE_TEST_PG_URL"
        [--writers 1,5,20,50] [--seconds 3]

It creates a fresh database on that server and drops it at the end. Keep runs short on a
shared machine: the default is 3 s per row (8 rows, about a minute with set-up).
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import make_url

from dermcharge.services import visits
from dermcharge.storage.database import open_database
from dermcharge.storage.errors import VisitConflict

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the tests' sample records
from tests.storage.storage_samples import sample_record, sample_visit

SHARED_VISITS = 4
SHARED_EVERY = 4  # in the mixed workload, every 4th save goes to a shared visit


@contextmanager
def fresh_database(server: str) -> Iterator[str]:
    name = f"dermcharge_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _visits_for(url: str, count: int, prefix: str) -> list[int]:
    db = open_database(url)
    try:
        return [
            visits.create_visit(db, sample_record(account=f"{prefix}-{n}"), actor="bench").id
            for n in range(count)
        ]
    finally:
        db.dispose()


def _writer(
    url: str,
    own: list[int],
    shared: list[int],
    mixed: bool,
    seconds: float,
    start: Any,
    ready: Any,
    out: Any,
) -> None:
    from dermcharge.coding.engine import code_visit

    db = open_database(url, migrate=False)
    versions = {v: visits.open_visit(db, v).version for v in own + shared}
    code_visit(sample_visit())  # code sets loaded before the clock starts, as in a running app
    ready.put(True)
    latencies: list[float] = []
    saved: Counter[int] = Counter()
    conflicts = 0
    n = 0
    start.wait()
    cpu0, stop = time.process_time(), time.perf_counter() + seconds
    while time.perf_counter() < stop:
        n += 1
        target = shared[n % len(shared)] if mixed and n % SHARED_EVERY == 0 else own[n % len(own)]
        began = time.perf_counter()
        try:
            stored = visits.save_visit(
                db,
                target,
                sample_visit(count=1 + n % 9),
                expected_version=versions[target],
                actor="bench",
            )
            versions[target] = stored.version
            saved[target] += 1
        except VisitConflict:
            conflicts += 1  # refused cleanly: reload and go on, as the window does
            versions[target] = visits.open_visit(db, target).version
        latencies.append(time.perf_counter() - began)
    out.put((latencies, dict(saved), conflicts, time.process_time() - cpu0))
    db.dispose()


def run(url: str, writers: int, mixed: bool, seconds: float) -> dict[str, Any]:
    own = [_visits_for(url, 3, f"W{writers}{'m' if mixed else 'd'}{w}") for w in range(writers)]
    shared = _visits_for(url, SHARED_VISITS, f"S{writers}{'m' if mixed else 'd'}")
    before = {v: _version(url, v) for v in shared + [x for o in own for x in o]}
    context = mp.get_context("spawn")
    start, ready, out = context.Event(), context.Queue(), context.Queue()
    processes = [
        context.Process(
            target=_writer, args=(url, own[w], shared, mixed, seconds, start, ready, out)
        )
        for w in range(writers)
    ]
    for process in processes:
        process.start()
    for _ in processes:  # every writer connected, warmed up and waiting
        ready.get(timeout=600)
    start.set()  # all save for the same `seconds` from here
    results = [out.get(timeout=seconds + 120) for _ in processes]
    elapsed = seconds
    for process in processes:
        process.join()
    latencies = sorted(x for r in results for x in r[0])
    saved: Counter[int] = Counter()
    for r in results:
        saved.update(r[1])
    lost = [v for v, n in saved.items() if _version(url, v) != before[v] + n]
    return {
        "writers": writers,
        "workload": "mixed" if mixed else "distinct",
        "saves": sum(saved.values()),
        "per_second": sum(saved.values()) / elapsed,
        "p95_ms": latencies[int(len(latencies) * 0.95) - 1] * 1000 if latencies else 0.0,
        "conflicts": sum(r[2] for r in results),
        "lost": len(lost),
        "cpu_ms": 1000 * sum(r[3] for r in results) / max(1, len(latencies)),
    }


def _version(url: str, visit_id: int) -> int:
    engine = create_engine(url)
    with engine.connect() as connection:
        version = connection.execute(
            text("SELECT version FROM visits WHERE id = :id"), {"id": visit_id}
        ).scalar_one()
    engine.dispose()
    return int(version)


def where_time_goes(url: str, saves: int = 40) -> dict[str, float]:
    """One writer alone: wall and CPU per save, and the SQL statements (round trips) a save
    sends."""
    db = open_database(url, migrate=False)
    visit_id = _visits_for(url, 1, "PROFILE")[0]
    statements = Counter[str]()

    @event.listens_for(db.engine, "before_cursor_execute")
    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements[statement.split()[0].upper()] += 1

    version = visits.open_visit(db, visit_id).version
    statements.clear()
    wall0, cpu0 = time.perf_counter(), time.process_time()
    for n in range(saves):
        version = visits.save_visit(
            db, visit_id, sample_visit(count=1 + n % 9), expected_version=version, actor="b"
        ).version
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    db.dispose()
    return {
        "wall_ms": 1000 * wall / saves,
        "cpu_ms": 1000 * cpu / saves,
        "round_trips": sum(statements.values()) / saves,
        **{f"sql_{k.lower()}": v / saves for k, v in statements.most_common()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--server", required=True, help="a PostgreSQL URL with CREATE DATABASE")
    parser.add_argument("--writers", default="1,5,20,50")
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()
    counts = [int(n) for n in args.writers.split(",")]
    with fresh_database(args.server) as url:
        open_database(url).dispose()  # migrate once
        profile = where_time_goes(url)
        print("one writer, per save: " + ", ".join(f"{k} {v:.1f}" for k, v in profile.items()))
        rows = [run(url, n, mixed, args.seconds) for n in counts for mixed in (False, True)]
    single = next(r["per_second"] for r in rows if r["writers"] == counts[0])
    print(
        f"{'writers':>7} {'workload':<9} {'saves':>6} {'saves/s':>8} {'x 1 writer':>10} "
        f"{'p95 ms':>7} {'cpu ms':>7} {'conflicts':>9} {'lost':>4}"
    )
    for r in rows:
        print(
            f"{r['writers']:>7} {r['workload']:<9} {r['saves']:>6} {r['per_second']:>8.1f} "
            f"{r['per_second'] / single:>10.2f} {r['p95_ms']:>7.1f} {r['cpu_ms']:>7.1f} "
            f"{r['conflicts']:>9} {r['lost']:>4}"
        )
    if any(r["lost"] for r in rows):
        raise SystemExit("lost updates: see the 'lost' column")


if __name__ == "__main__":
    main()
