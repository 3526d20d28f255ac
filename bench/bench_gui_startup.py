"""Start-up of the desktop app against a bare PySide6 window, measured side by side.

Each round starts, in fresh subprocesses and in alternating order:
  * bare: a QApplication with an empty QMainWindow shown, quitting at the first event-loop pass;
  * app: `dermcharge gui --exit-when-ready --db URL` — the main window showing today's visits of a
    demo database, quitting as soon as it is interactive;
  * app (direct): `python -m dermcharge.gui --exit-when-ready`, which skips building the whole
    command-line parser.
It prints the median wall time of each and the ratio to the bare window (goal <= 2x, at most 3x).

    .venv/bin/python bench/bench_gui_startup.py [--rounds 7] [--db URL]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = (
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication([])\n"
    "window = QMainWindow()\n"
    "window.resize(1280, 800)\n"
    "window.show()\n"
    "QTimer.singleShot(0, lambda: app.exit(0))\n"
    "raise SystemExit(app.exec())\n"
)


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description="GUI start-up vs a bare PySide6 window")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--db", help="database URL (default: a fresh demo database)")
    args = parser.parse_args()
    python = sys.executable
    work = Path(tempfile.mkdtemp(prefix="dermcharge-bench-"))
    env = dict(os.environ, DERMCHARGE_DATA_DIR=str(work / "data"))
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    db = args.db
    if db is None:
        db = f"sqlite:///{work / 'demo.sqlite'}"
        print(f"building a demo database at {db} …")
        subprocess.run([python, "-m", "dermcharge", "demo", "--db", db], env=env, check=True,
                       capture_output=True)  # fmt: skip
    commands = {
        "bare QMainWindow": [python, "-c", BARE],
        "dermcharge gui": [python, "-m", "dermcharge", "gui", "--exit-when-ready", "--db", db],
        "python -m dermcharge.gui": [
            python,
            "-m",
            "dermcharge.gui",
            "--exit-when-ready",
            "--db",
            db,
        ],
    }
    for command in commands.values():  # warm the file cache and the first-run index build
        timed(command, env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for round_number in range(args.rounds):
        order = list(commands.items())
        if round_number % 2:
            order.reverse()
        for name, command in order:
            times[name].append(timed(command, env))
    bare = statistics.median(times["bare QMainWindow"])
    print(
        f"platform: {env.get('QT_QPA_PLATFORM', 'display')}; {args.rounds} rounds, median wall time"
    )
    print(f"{'start-up':<28}{'median s':>10}{'min s':>9}{'x bare':>9}")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"{name:<28}{median:>10.3f}{min(values):>9.3f}{median / bare:>9.2f}")
    print("goal: <= 2x the bare window, at most 3x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
