"""Start-up of the desktop app against a bare PySide6 window, measured side by side.

Each round starts, in fresh subprocesses and in alternating order:
  * bare: a QApplication with an empty QMainWindow shown, which prints the ready line once the
    window has painted and quits;
  * app: `dermcharge gui --exit-when-ready --db URL` — the main window showing today's visits of a
    demo database; it prints the same line once that window has painted (today's list on
    screen, taking input), then waits for the storage layer that loads beside it and exits;
  * app (direct): `python -m dermcharge.app_direct --exit-when-ready`, which skips building the whole
    command-line parser;
  * sign-in dialog: that database with an account, started as a person would (no
    --exit-when-ready): the ready line once the sign-in dialog has painted, then Quit;
  * signed in: the same database with an account, signed in from $DERMCHARGE_USER and
    $DERMCHARGE_PASSWORD: the password is checked on the open database before the main window
    shows, so this row pays for the whole storage layer (a person would be typing meanwhile).
Two times each, from spawning the process: to the ready line (interactive, the goal's measure) and
to the app's "storage loaded" line (everything open: SQLAlchemy, the services, sign-in guard; for
the bare window, its exit). It prints the medians and their ratios to the bare window's (goal
<= 2x, at most 3x, for interactive).

    .venv/bin/python bench/bench_gui_startup.py [--rounds 7] [--db URL]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

READY = "dermcharge gui: interactive"  # dermcharge.gui.app.READY_LINE, without importing it
LOADED = "dermcharge gui: storage loaded"  # dermcharge.gui.app.LOADED_LINE
BARE = (
    f"READY = {READY!r}\n"
    "from PySide6.QtCore import QEvent, QObject, QTimer\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "class FirstPaint(QObject):\n"  # the app's own criterion: gui/first_paint.py
    "    def eventFilter(self, watched, event):\n"
    "        if event.type() == QEvent.Type.Paint:\n"
    "            watched.removeEventFilter(self)\n"
    "            QTimer.singleShot(0, lambda: (print(READY, flush=True), app.exit(0)))\n"
    "        return False\n"
    "app = QApplication([])\n"
    "window = QMainWindow()\n"
    "window.resize(1280, 800)\n"
    "watch = FirstPaint(window)\n"
    "window.installEventFilter(watch)\n"
    "window.show()\n"
    "raise SystemExit(app.exec())\n"
)

# The sign-in dialog a person sees on a database with accounts, through the app's own start
# (gui_cmd.run_gui): the ready line when the dialog has painted, then Quit.
SIGN_IN_DIALOG = (
    f"READY = {READY!r}\n"
    "import sys\n"
    "from argparse import Namespace\n"
    "from PySide6.QtCore import QEvent, QObject, QTimer\n"
    "from PySide6.QtWidgets import QApplication, QDialog\n"
    "class FirstDialogPaint(QObject):\n"
    "    def eventFilter(self, watched, event):\n"
    "        if event.type() == QEvent.Type.Paint and isinstance(watched, QDialog):\n"
    "            app.removeEventFilter(self)\n"
    "            QTimer.singleShot(0, lambda: (print(READY, flush=True), watched.reject()))\n"
    "        return False\n"
    "app = QApplication([])\n"
    "watch = FirstDialogPaint()\n"
    "app.installEventFilter(watch)\n"
    "from dermcharge.cli.gui_cmd import run_gui\n"
    "raise SystemExit(run_gui(Namespace(db=sys.argv[1], exit_when_ready=False)))\n"
)


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from spawn to the ready line, and to the loaded line (the bare window has none:
    its exit)."""
    start = time.perf_counter()
    with subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        ready = loaded = None
        for line in process.stdout:
            if line.strip() == READY and ready is None:
                ready = time.perf_counter() - start
            elif line.strip() == LOADED and loaded is None:
                loaded = time.perf_counter() - start
        code = process.wait(timeout=120)
        ended = time.perf_counter() - start
        if code != 0 or ready is None:
            raise SystemExit(f"{' '.join(command)} failed ({code}):\n{process.stderr.read()}")
    return ready, loaded if loaded is not None else ended


NOT_LOADING = frozenset({"sign-in dialog (accounts)"})


def with_an_account(
    python: str, db: str, work: Path, env: dict[str, str]
) -> tuple[str, dict[str, str]]:
    """A copy of the database with an admin account, and the environment that signs in to it."""
    source = Path(db.split("///", 1)[1])
    copy = work / "with-account.sqlite"
    shutil.copyfile(source, copy)
    url = f"sqlite:///{copy}"
    password = "bench password 1"
    subprocess.run(
        [python, "-m", "dermcharge", "users", "add", "bench", "--roles", "admin", "--db", url,
         "--password-stdin"],
        input=password, text=True, env=env, check=True, capture_output=True,
    )  # fmt: skip
    return url, dict(env, DERMCHARGE_USER="bench", DERMCHARGE_PASSWORD=password)


def main() -> int:
    parser = argparse.ArgumentParser(description="GUI start-up vs a bare PySide6 window")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--db", help="database URL (default: a fresh demo database)")
    args = parser.parse_args()
    python = sys.executable
    work = Path(tempfile.mkdtemp(prefix="dermcharge-bench-"))
    env = dict(os.environ, DERMCHARGE_DATA_DIR=str(work / "data"))
    # Measured as installed: pip writes bytecode for every package it installs (PySide6's is
    # there already), so our own modules are compiled too rather than parsed on every start.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    package = Path(__file__).resolve().parent.parent / "dermcharge"
    subprocess.run([python, "-m", "compileall", "-q", str(package)], env=env, check=True)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    db = args.db
    if db is None:
        db = f"sqlite:///{work / 'demo.sqlite'}"
        print(f"building a demo database at {db} …")
        subprocess.run([python, "-m", "dermcharge", "demo", "--db", db], env=env, check=True,
                       capture_output=True)  # fmt: skip
    signed_in_db, signed_in_env = with_an_account(python, db, work, env)
    gui = [python, "-m", "dermcharge", "gui", "--exit-when-ready", "--db"]
    commands = {
        "bare QMainWindow": ([python, "-c", BARE], env),
        "dermcharge gui": ([*gui, db], env),
        "python -m dermcharge.app_direct": (
            [python, "-m", "dermcharge.app_direct", "--exit-when-ready", "--db", db],
            env,
        ),
        "sign-in dialog (accounts)": ([python, "-c", SIGN_IN_DIALOG, signed_in_db], env),
        "signed in from $DERMCHARGE_USER": ([*gui, signed_in_db], signed_in_env),
    }
    for command, command_env in commands.values():  # warm the file cache and the index build
        timed(command, command_env)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for round_number in range(args.rounds):
        order = list(commands.items())
        if round_number % 2:
            order.reverse()
        for name, (command, command_env) in order:
            times[name].append(timed(command, command_env))
    bare_ready = statistics.median(t[0] for t in times["bare QMainWindow"])
    bare_end = statistics.median(t[1] for t in times["bare QMainWindow"])
    print(f"platform: {env.get('QT_QPA_PLATFORM', 'display')}; {args.rounds} rounds, medians")
    print(f"{'start-up':<34}{'interactive s':>14}{'x bare':>8}{'loaded s':>10}{'x bare':>8}")
    for name, values in times.items():
        ready = statistics.median(t[0] for t in values)
        end = statistics.median(t[1] for t in values)
        loaded = f"{end:>10.3f}{end / bare_end:>8.2f}" if name not in NOT_LOADING else f"{'-':>10}"
        print(f"{name:<34}{ready:>14.3f}{ready / bare_ready:>8.2f}{loaded}")
    print("goal: interactive <= 2x the bare window, at most 3x")
    print("loaded: the app's storage layer done loading beside the window (bare: its exit)")
    print(
        "sign-in dialog: what a person sees first on a database with accounts (quit at once, so\n"
        "nothing loads); the storage layer loads while they type.\n"
        "signed in: unattended sign-in checks the password on the open database before the main\n"
        "window, so this row pays for the whole storage layer with no typing to hide it"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
