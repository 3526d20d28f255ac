"""ICD-10-CM search speed and memory, measured side by side in one run.

    .venv/bin/python bench/bench_icd_search.py [--rounds 5]

1. First search after a fresh process start (imports + opening the index + one query) against the
   time `import simple_icd_10_cm` takes in a fresh process. Goal: <= 5 %.
2. Per keystroke: every prefix of a few typed queries, our search against a plain substring scan
   over all descriptions held in memory (each typed word must occur in the description).
   Goal: >= 10x faster.
3. Memory: RSS growth and tracemalloc peak of the index (after searching) against the package's.
4. Quality: the terms of `icd_search_quality.json` (as staff type them, with the code a coder
   would pick): top-1, top-3 and empty answers.
5. With --baseline DIR (a checkout of an earlier dermcharge): the per-keystroke time of that
   version's search on the same prefixes, in a child process, beside ours. Goal: <= 2x.

Each fresh-process time is the median of --rounds child processes; memory is one child each.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import date
from pathlib import Path

TYPED = [
    "bcc nose",
    "basal cell right upper eyelid",
    "actinic keratosis",
    "common wart",
    "skin tag",
    "melanoma in situ left cheek",
    "seborrheic keratosis",
    "atopic dermatitis",
]
ON = date(2026, 5, 1)


def rss_kib() -> int:
    """Resident set size now (Linux /proc), else the peak from getrusage."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    import resource

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def child(mode: str) -> dict[str, float]:
    """Runs in a fresh interpreter; measures one thing and returns it."""
    trace = mode.endswith("-memory")
    if trace:
        tracemalloc.start()
    rss_before = rss_kib()
    started = time.perf_counter()
    if mode.startswith("index"):
        from dermcharge.codesets.icd10.search import search

        hits = search("bcc nose", 20, on=ON)
        assert hits and hits[0].code == "C44.311"
        elapsed = time.perf_counter() - started
        if trace:  # a session's worth of typing, so the memory includes the caches
            for text in TYPED:
                for end in range(1, len(text) + 1):
                    search(text[:end], 20, on=ON)
    else:
        import warnings

        warnings.simplefilter("ignore", DeprecationWarning)
        import simple_icd_10_cm

        assert simple_icd_10_cm.is_valid_item("C44.311")
        elapsed = time.perf_counter() - started
    result = {"seconds": elapsed, "rss_kib": float(rss_kib() - rss_before)}
    if trace:
        result["traced_peak_kib"] = tracemalloc.get_traced_memory()[1] / 1024
    return result


def in_fresh_process(mode: str, rounds: int) -> dict[str, float]:
    runs = []
    for _ in range(rounds):
        out = subprocess.run(
            [sys.executable, __file__, "--child", mode],
            capture_output=True,
            text=True,
            check=True,
        )
        runs.append(json.loads(out.stdout))
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def keystrokes() -> tuple[list[float], list[float]]:
    """Per-keystroke seconds: (our search, substring scan), same prefixes, warm process."""
    from dermcharge.codesets.icd10.releases import catalog_for
    from dermcharge.codesets.icd10.search import search

    catalog = catalog_for(ON)
    descriptions = [
        (code, description.lower())
        for code, description in catalog.query(
            "SELECT c.code, CASE WHEN c.tail > 0 THEN p.description || ', ' || t.text "
            "ELSE c.description END FROM codes c LEFT JOIN codes p ON c.tail > 0 AND "
            "p.code = c.parent LEFT JOIN tails t ON t.id = c.tail"
        )
    ]
    search("warm up", 20, on=ON)
    ours: list[float] = []
    scan: list[float] = []
    for text in TYPED:
        for end in range(1, len(text) + 1):
            query = text[:end]
            started = time.perf_counter()
            search(query, 20, on=ON)
            ours.append(time.perf_counter() - started)
            words = query.lower().split()
            started = time.perf_counter()
            found = descriptions  # narrowed word by word: the fastest plain-Python scan
            for word in words:
                found = [(code, d) for code, d in found if word in d]
            found = sorted(found)[:20]
            scan.append(time.perf_counter() - started)
    return ours, scan


QUALITY_SET = Path(__file__).resolve().parent / "icd_search_quality.json"


def quality() -> tuple[int, int, int, int, list[str]]:
    """(terms, top-1 hits, top-3 hits, empty answers, the queries missing from the top 3)."""
    from dermcharge.codesets.icd10.search import search

    terms = json.loads(QUALITY_SET.read_text(encoding="utf-8"))["terms"]
    top1 = top3 = empty = 0
    missed = []
    for query, code in terms:
        found = [hit.code for hit in search(query, 3, on=ON)]
        empty += not found
        top1 += found[:1] == [code]
        top3 += code in found
        if code not in found:
            missed.append(f"{query} -> {code} (got {', '.join(found) or 'nothing'})")
    return len(terms), top1, top3, empty, missed


def baseline_keystrokes(checkout: Path) -> float:
    """Mean per-keystroke seconds of another checkout's search, measured in a child process."""
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    out = subprocess.run(
        [sys.executable, __file__, "--child", "keystrokes"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=checkout,
    )
    return float(json.loads(out.stdout)["mean"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    parser.add_argument(
        "--baseline", type=Path, default=None, help="an earlier checkout to time side by side"
    )
    args = parser.parse_args()
    if args.child == "keystrokes":
        print(json.dumps({"mean": statistics.mean(keystrokes()[0])}))
        return 0
    if args.child:
        print(json.dumps(child(args.child)))
        return 0
    os.environ.setdefault("DERMCHARGE_DATA_DIR", tempfile.mkdtemp(prefix="dermcharge-bench-"))

    first = in_fresh_process("index", args.rounds)
    package = in_fresh_process("package", args.rounds)
    ratio = first["seconds"] / package["seconds"]
    print("1. Fresh process")
    print(f"   first search (imports + open + query): {first['seconds'] * 1000:8.1f} ms")
    print(f"   import simple_icd_10_cm:               {package['seconds'] * 1000:8.1f} ms")
    print(f"   ratio {ratio:.1%}  (goal <= 5%: {'met' if ratio <= 0.05 else 'NOT met'})")

    ours, scan = keystrokes()
    speedup = statistics.mean(scan) / statistics.mean(ours)
    print(f"2. Per keystroke ({len(ours)} prefixes of {len(TYPED)} typed queries, warm process)")
    print(
        f"   index search:   mean {statistics.mean(ours) * 1000:6.2f} ms, median "
        f"{statistics.median(ours) * 1000:6.2f} ms, max {max(ours) * 1000:6.2f} ms"
    )
    print(
        f"   substring scan: mean {statistics.mean(scan) * 1000:6.2f} ms, median "
        f"{statistics.median(scan) * 1000:6.2f} ms, max {max(scan) * 1000:6.2f} ms"
    )
    print(f"   speed-up {speedup:.1f}x  (goal >= 10x: {'met' if speedup >= 10 else 'NOT met'})")

    # tracemalloc slows the package import tenfold: one round each is enough for memory.
    index_memory = in_fresh_process("index-memory", 1)
    package_memory = in_fresh_process("package-memory", 1)
    print("3. Memory (growth in a fresh process)")
    for label, figures in (("index + search", index_memory), ("simple_icd_10_cm", package_memory)):
        print(
            f"   {label:17} RSS +{figures['rss_kib'] / 1024:7.1f} MiB, "
            f"tracemalloc peak {figures['traced_peak_kib'] / 1024:7.1f} MiB"
        )
    print(
        f"   ratio RSS {index_memory['rss_kib'] / package_memory['rss_kib']:.1%}, "
        f"tracemalloc {index_memory['traced_peak_kib'] / package_memory['traced_peak_kib']:.1%}"
    )

    count, top1, top3, empty, missed = quality()
    print(f"4. Quality ({count} terms as staff type them, {QUALITY_SET.name})")
    print(f"   top-1 {top1 / count:.1%}, top-3 {top3 / count:.1%}, empty answers {empty}")
    print(
        f"   (goal: top-3 >= 95% and no empty answer: {'met' if top3 >= 0.95 * count and not empty else 'NOT met'})"
    )
    for line in missed:
        print(f"   missed: {line}")

    if args.baseline is not None:
        ours_now = baseline_keystrokes(Path(__file__).resolve().parents[1])
        before = baseline_keystrokes(args.baseline.resolve())
        ratio = ours_now / before
        print(f"5. Keystroke time beside {args.baseline} (same prefixes, child processes)")
        print(f"   this checkout {ours_now * 1000:6.2f} ms, baseline {before * 1000:6.2f} ms")
        print(f"   ratio {ratio:.2f}x  (goal <= 2x: {'met' if ratio <= 2 else 'NOT met'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
